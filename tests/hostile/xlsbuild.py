"""Writing Excel 97-2003 (.xls, BIFF8) workbooks by hand, record by record, for the import tests.

A ``.xls`` file is an OLE compound file (:func:`tests.hostile.build.compound_file`) holding one stream,
``Workbook``: the workbook globals (code page, 1900 or 1904 calendar, number formats, cell formats, the list
of sheets with the offset of each, the shared strings), then each sheet's records (its cells). The layout
follows [MS-XLS]; what is written here is what Excel writes for the same values, with a few tricks that only
a damaged or hostile file has (an encryption record, a shared string that does not exist, error cells, a
number that is not finite).

Cells are given as Python values (``None``, ``bool``, ``int``, ``float``, ``str``, ``date``, ``datetime``,
``time``) or as an :class:`XlsCell`, which writes its own record.
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from tests.hostile import build as b

# record types
BOF, EOF, CODEPAGE, DATEMODE, FORMAT, XF, BOUNDSHEET = 0x0809, 0x000A, 0x0042, 0x0022, 0x041E, 0x00E0, 0x0085
SST, CONTINUE, DIMENSIONS, NUMBER, LABELSST, BOOLERR = 0x00FC, 0x003C, 0x0200, 0x0203, 0x00FD, 0x0205
FORMULA, STRING, FILEPASS, MULRK, ROW = 0x0006, 0x0207, 0x002F, 0x00BD, 0x0208

MAX_RECORD = 8224  # the largest record body of BIFF8; longer data continues in CONTINUE records

# The cell formats (XF records): 0 the "Normal" style, 1 a General cell, 2 a date (built-in format 14,
# d.m.yyyy in a Latvian Excel), 3 a time of day (built-in format 20, h:mm), 4 a date in a format of the
# workbook's own (FORMAT 164, dd.mm.yyyy).
GENERAL_XF, DATE_XF, TIME_XF, CUSTOM_DATE_XF = 1, 2, 3, 4
ERROR_CODES = {"#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0F, "#REF!": 0x17, "#NAME?": 0x1D, "#NUM!": 0x24,
               "#N/A": 0x2A}  # fmt: skip


def record(kind: int, data: bytes) -> bytes:
    assert len(data) <= MAX_RECORD
    return struct.pack("<HH", kind, len(data)) + data


def text_bytes(text: str, *, length_bytes: int = 2) -> bytes:
    """An XLUnicodeString: its length, a flag byte (0: one byte per character, 1: UTF-16) and the characters,
    compressed to one byte each when they all fit, as Excel writes them."""
    compressed = all(ord(c) < 256 for c in text)
    chars = text.encode("latin-1") if compressed else text.encode("utf-16-le")
    count = len(chars) if compressed else len(chars) // 2
    return struct.pack("<H" if length_bytes == 2 else "<B", count) + bytes([0 if compressed else 1]) + chars


@dataclass(frozen=True)
class XlsCell:
    """A cell that writes its own records: ``write(row, column, strings)`` returns their bytes; ``strings``
    is the shared string table being built (append to it, use the index)."""

    write: Callable[[int, int, list[str]], bytes]


def error(code: str) -> XlsCell:
    """An error cell such as #N/A (a BOOLERR record with the error flag)."""
    return XlsCell(lambda r, c, _s: record(BOOLERR, struct.pack("<HHHBB", r, c, GENERAL_XF, ERROR_CODES[code], 1)))


def number_bits(bits: int, *, xf: int = GENERAL_XF) -> XlsCell:
    """A NUMBER cell holding exactly these 64 bits (an infinity, a NaN)."""
    return XlsCell(lambda r, c, _s: record(NUMBER, struct.pack("<HHHQ", r, c, xf, bits)))


def shared_index(index: int) -> XlsCell:
    """A LABELSST cell pointing at the shared string ``index``, whether or not it exists."""
    return XlsCell(lambda r, c, _s: record(LABELSST, struct.pack("<HHHI", r, c, GENERAL_XF, index)))


def formula_number(value: float) -> XlsCell:
    """A formula (=1+1, as parsed tokens) with its stored numeric result."""
    tokens = bytes([0x1E]) + struct.pack("<H", 1) + bytes([0x1E]) + struct.pack("<H", 1) + bytes([0x03])
    return XlsCell(
        lambda r, c, _s: record(
            FORMULA, struct.pack("<HHHdHIH", r, c, GENERAL_XF, value, 0, 0, len(tokens)) + tokens
        )
    )


def formula_text(text: str) -> XlsCell:
    """A formula whose stored result is a text: the FORMULA record, then a STRING record with the text."""
    literal = text.encode("latin-1", "replace")[:255]
    tokens = bytes([0x17, len(literal), 0]) + literal  # ="text"

    def write(r: int, c: int, _s: list[str]) -> bytes:
        result = struct.pack("<BBBBBBH", 0, 0, 0, 0, 0, 0, 0xFFFF)  # type 0: a string follows
        body = struct.pack("<HHH", r, c, GENERAL_XF) + result + struct.pack("<HIH", 0, 0, len(tokens)) + tokens
        return record(FORMULA, body) + record(STRING, text_bytes(text))

    return XlsCell(write)


def _cell(value: Any, row: int, column: int, strings: list[str], index: dict[str, int]) -> bytes:
    if value is None:
        return b""
    if isinstance(value, XlsCell):
        return value.write(row, column, strings)
    if isinstance(value, b.Cell):
        raise TypeError(f"an .xlsx cell has no .xls form: {value!r}")
    if isinstance(value, bool):
        return record(BOOLERR, struct.pack("<HHHBB", row, column, GENERAL_XF, int(value), 0))
    if isinstance(value, dt.datetime | dt.date):
        return record(NUMBER, struct.pack("<HHHd", row, column, DATE_XF, float(b.excel_serial(value))))
    if isinstance(value, dt.time):
        fraction = (value.hour * 3600 + value.minute * 60 + value.second) / 86400
        return record(NUMBER, struct.pack("<HHHd", row, column, TIME_XF, fraction))
    if isinstance(value, int | float):
        return record(NUMBER, struct.pack("<HHHd", row, column, GENERAL_XF, float(value)))
    text = str(value)
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return record(LABELSST, struct.pack("<HHHI", row, column, GENERAL_XF, index[text]))


def _sst(strings: Sequence[str]) -> bytes:
    """The shared string table: an SST record and as many CONTINUE records as it takes; a string cut at a
    record boundary goes on after a new flag byte, as [MS-XLS] 2.5.293 says."""
    records: list[bytes] = []
    current = bytearray(struct.pack("<II", len(strings), len(strings)))

    def flush() -> None:
        records.append(record(SST if not records else CONTINUE, bytes(current)))
        current.clear()

    for text in strings:
        encoded = text_bytes(text)
        header, chars = encoded[:3], encoded[3:]
        width = 1 if header[2] == 0 else 2
        if len(current) + 3 + width > MAX_RECORD:
            flush()
        current += header
        position = 0
        while position < len(chars):
            room = (MAX_RECORD - len(current)) // width * width
            if room <= 0:
                flush()
                current.append(header[2])
                continue
            piece = chars[position : position + room]
            current += piece
            position += len(piece)
    flush()
    return b"".join(records)


def _globals(sheet_names: Sequence[str], offsets: Sequence[int], strings: Sequence[str], *, date1904: bool,
             encrypted: bool, hidden: Sequence[str]) -> bytes:  # fmt: skip
    out = record(BOF, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0006))
    if encrypted:  # RC4 encryption header; the rest of the file would be scrambled
        out += record(FILEPASS, struct.pack("<HHH", 1, 1, 1) + bytes(48))
    out += record(CODEPAGE, struct.pack("<H", 1200))
    out += record(DATEMODE, struct.pack("<H", int(date1904)))
    out += record(FORMAT, struct.pack("<H", 164) + text_bytes("dd.mm.yyyy"))

    def xf(format_id: int, *, style: bool = False) -> bytes:
        kind = 0xFFF5 if style else 0x0001
        return record(XF, struct.pack("<HHHBBBBIIH", 0, format_id, kind, 0x20, 0, 0, 0, 0, 0, 0x20C0))

    out += xf(0, style=True) + xf(0) + xf(14) + xf(20) + xf(164)
    for name, offset in zip(sheet_names, offsets, strict=True):
        state = 1 if name in hidden else 0
        out += record(BOUNDSHEET, struct.pack("<IBB", offset, state, 0) + text_bytes(name, length_bytes=1))
    out += _sst(strings) if strings else b""
    return out + record(EOF, b"")


def workbook_stream(
    sheets: dict[str, Sequence[Sequence[Any]]],
    *,
    numbered: dict[str, Sequence[tuple[int, Sequence[Any]]]] | None = None,
    date1904: bool = False,
    encrypted: bool = False,
    hidden: Sequence[str] = (),
) -> bytes:
    """The ``Workbook`` stream: the globals, then each sheet (rows from 1, or ``numbered`` (row, values))."""
    strings: list[str] = []
    index: dict[str, int] = {}
    bodies = []
    for name, rows in sheets.items():
        numbered_rows = (numbered or {}).get(name) or list(enumerate(rows, start=1))
        cells = bytearray()
        for number, values in numbered_rows:
            for column, value in enumerate(values):
                cells += _cell(value, number - 1, column, strings, index)
        last_row = max((n for n, _ in numbered_rows), default=0)
        width = max((len(v) for _, v in numbered_rows), default=0)
        dimensions = record(DIMENSIONS, struct.pack("<IIHHH", 0, last_row, 0, width, 0))
        sheet_bof = record(BOF, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x0006))
        bodies.append(sheet_bof + dimensions + bytes(cells) + record(EOF, b""))
    names = list(sheets)
    size = len(_globals(names, [0] * len(names), strings, date1904=date1904, encrypted=encrypted, hidden=hidden))
    offsets = []
    position = size
    for body in bodies:
        offsets.append(position)
        position += len(body)
    head = _globals(names, offsets, strings, date1904=date1904, encrypted=encrypted, hidden=hidden)
    return head + b"".join(bodies)


def xls_bytes(sheets: dict[str, Sequence[Sequence[Any]]], **options: Any) -> bytes:
    stream = workbook_stream(sheets, **options)
    return b.compound_file([("Workbook", stream)])
