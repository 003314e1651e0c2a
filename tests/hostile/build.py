"""Writing workbooks by hand, byte by byte: what openpyxl would never write but other programs and attackers do.

Everything here builds files for the hostile corpus (:mod:`tests.hostile.corpus`): a minimal ``.xlsx`` from
raw XML parts (inline strings, shared strings, formulas with or without a stored result, error cells, a
``<dimension>`` that lies), ZIP tricks (sizes that lie in the headers, entries sharing one compressed stream,
truncation, ZIP-level encryption flags), and OLE compound files as Excel writes for ``.xls`` workbooks and
for password-protected ``.xlsx`` workbooks.
"""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# --- cells ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """One ``<c>`` element as it is written: its type attribute, the inner XML and an optional style."""

    inner: str
    type: str | None = None
    style: int | None = None

    def xml(self, ref: str | None) -> str:
        attrs = f' r="{ref}"' if ref else ""
        if self.type:
            attrs += f' t="{self.type}"'
        if self.style is not None:
            attrs += f' s="{self.style}"'
        return f"<c{attrs}>{self.inner}</c>" if self.inner else f"<c{attrs}/>"


def n(value: Any, *, style: int | None = None) -> Cell:
    """A number cell (written as given, so "1e20" or 5000 digits stay what they are)."""
    return Cell(f"<v>{value}</v>", style=style)


def s(text: str) -> Cell:
    """An inline string cell."""
    return Cell(f'<is><t xml:space="preserve">{escape(text)}</t></is>', type="inlineStr")


def shared(index: int) -> Cell:
    return Cell(f"<v>{index}</v>", type="s")


def boolean(value: bool) -> Cell:
    return Cell(f"<v>{int(value)}</v>", type="b")


def error(code: str) -> Cell:
    return Cell(f"<v>{escape(code)}</v>", type="e")


def formula(text: str, cached: str | None = None, *, type: str | None = None) -> Cell:
    """A formula; ``cached`` is the result Excel stores beside it (None: a program that never calculated)."""
    value = f"<v>{escape(cached)}</v>" if cached is not None else ""
    return Cell(f"<f>{escape(text)}</f>{value}", type=type)


def raw(inner: str, type: str | None = None) -> Cell:
    return Cell(inner, type=type)


def cell_of(value: Any) -> Cell | None:
    """A Python value as the cell a user would have typed: text inline, numbers as numbers."""
    if value is None:
        return None
    if isinstance(value, Cell):
        return value
    if isinstance(value, bool):
        return boolean(value)
    if isinstance(value, dt.date):  # a date cell: the serial number with a date format
        return n(excel_serial(value), style=DATE_STYLE)
    if isinstance(value, int | float):
        return n(repr(value) if isinstance(value, float) else value)
    return s(str(value))


def excel_serial(day: dt.date, *, date1904: bool = False) -> int | float:
    """The number Excel stores for a date (days since 30.12.1899, or since 01.01.1904 in a 1904 workbook)."""
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    moment = day if isinstance(day, dt.datetime) else dt.datetime(day.year, day.month, day.day)
    delta = moment - epoch
    return delta.days + delta.seconds / 86400 if delta.seconds else delta.days


def row_xml(number: int | None, values: Sequence[Any], *, refs: bool = True, attrs: str = "") -> str:
    cells = []
    for index, value in enumerate(values):
        cell = cell_of(value)
        if cell is not None:
            ref = f"{get_column_letter(index + 1)}{number}" if refs and number is not None else None
            cells.append(cell.xml(ref))
    r = f' r="{number}"' if number is not None else ""
    return f"<row{r}{attrs}>{''.join(cells)}</row>"


def sheet_xml(
    rows: Iterable[Sequence[Any]] | None = None,
    *,
    numbered: Iterable[tuple[int, Sequence[Any]]] | None = None,
    dimension: str | None = None,
    before: str = "",
    after: str = "",
    doctype: str = "",
) -> bytes:
    """A worksheet part; ``rows`` are numbered from 1, ``numbered`` gives (row number, values) as written."""
    body = []
    if rows is not None:
        body.extend(row_xml(i, values) for i, values in enumerate(rows, start=1))
    if numbered is not None:
        body.extend(row_xml(i, values) for i, values in numbered)
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'{XML_DECL}{doctype}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{dim}{before}'
        f"<sheetData>{''.join(body)}</sheetData>{after}</worksheet>"
    ).encode()


def shared_strings_xml(strings: Sequence[str], *, doctype: str = "", raw_items: str | None = None) -> bytes:
    items = raw_items if raw_items is not None else "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    return (
        f'{XML_DECL}{doctype}<sst xmlns="{MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
        f"{items}</sst>"
    ).encode()


# The styles part: style 1 is a date (built-in format 14, d.m.yyyy in a Latvian Excel), 2 a time of day.
STYLES_XML = (
    f'{XML_DECL}<styleSheet xmlns="{MAIN_NS}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
).encode()
DATE_STYLE = 1
TIME_STYLE = 2

# --- a workbook from parts --------------------------------------------------------------------------------

Part = bytes | Callable[[BinaryIO], None]


@dataclass
class Sheet:
    name: str
    xml: Part
    state: str | None = None  # "hidden" or "veryHidden"


def workbook_parts(
    sheets: Sequence[Sheet],
    *,
    strings: bytes | None = None,
    styles: bytes | None = STYLES_XML,
    date1904: bool = False,
    workbook_doctype: str = "",
    extra: dict[str, Part] | None = None,
) -> dict[str, Part]:
    """The parts of a minimal workbook, in the order Excel writes them."""
    overrides = [
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'spreadsheetml.sheet.main+xml"/>'
    ]
    rels = []
    entries = []
    for index, sheet in enumerate(sheets, start=1):
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{index}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{index}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{index}.xml"/>'
        )
        state = f' state="{sheet.state}"' if sheet.state else ""
        entries.append(f'<sheet name={quoteattr(sheet.name)} sheetId="{index}"{state} r:id="rId{index}"/>')
    count = len(sheets)
    if strings is not None:
        overrides.append(
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
        rels.append(
            f'<Relationship Id="rId{count + 1}" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    if styles is not None:
        overrides.append(
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.styles+xml"/>'
        )
        rels.append(f'<Relationship Id="rId{count + 2}" Type="{REL_NS}/styles" Target="styles.xml"/>')
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    parts: dict[str, Part] = {
        "[Content_Types].xml": (
            f'{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{''.join(overrides)}</Types>"
        ).encode(),
        "_rels/.rels": (
            f'{XML_DECL}<Relationships xmlns="{PKG_REL_NS}"><Relationship Id="rId1" '
            f'Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'{XML_DECL}{workbook_doctype}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">{pr}'
            f"<sheets>{''.join(entries)}</sheets></workbook>"
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            f'{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">{"".join(rels)}</Relationships>'
        ).encode(),
    }
    for index, sheet in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{index}.xml"] = sheet.xml
    if strings is not None:
        parts["xl/sharedStrings.xml"] = strings
    if styles is not None:
        parts["xl/styles.xml"] = styles
    parts.update(extra or {})
    return parts


def write_zip(path: Path, parts: dict[str, Part], *, compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write the parts; a callable part is streamed (for sheets far larger than memory should hold)."""
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in parts.items():
            if callable(data):
                with archive.open(name, "w", force_zip64=True) as stream:
                    data(stream)
            else:
                archive.writestr(name, data)
    return path


def write_workbook(path: Path, sheets: Sequence[Sheet], **options: Any) -> Path:
    return write_zip(path, workbook_parts(sheets, **options))


def streamed_sheet(header: Sequence[str], rows: Callable[[], Iterable[str]]) -> Callable[[BinaryIO], None]:
    """A worksheet part written row by row; ``rows`` yields the ``<row>`` elements after the header."""

    def write(stream: BinaryIO) -> None:
        stream.write(f'{XML_DECL}<worksheet xmlns="{MAIN_NS}"><sheetData>'.encode())
        stream.write(row_xml(1, header).encode())
        batch: list[str] = []
        for element in rows():
            batch.append(element)
            if len(batch) >= 5000:
                stream.write("".join(batch).encode())
                batch.clear()
        stream.write("".join(batch).encode())
        stream.write(b"</sheetData></worksheet>")

    return write


# --- ZIP tricks -------------------------------------------------------------------------------------------


def rewrite_parts(path: Path, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Path:
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    return write_zip(path, change(parts))  # type: ignore[arg-type]


def lie_about_size(path: Path, member: str, declared: int) -> Path:
    """Overwrite the uncompressed size of ``member`` in its local header and the central directory."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    # local file header: signature, ..., uncompressed size at offset 22
    struct.pack_into("<I", data, info.header_offset + 22, declared)
    name = member.encode()
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if bytes(data[position + 46 : position + 46 + name_length]) == name:
            struct.pack_into("<I", data, position + 24, declared)
            break
        position += 4
    path.write_bytes(bytes(data))
    return path


def overlapping_bomb(path: Path, *, entries: int, size: int) -> Path:
    """A "non-recursive zip bomb" (D. Fifield): many central directory entries share one compressed stream.

    The file is a few kilobytes; each entry declares ``size`` bytes of zeros, all read from the same data.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = b"\0" * (1 << 20)
    stream = b"".join(compressor.compress(chunk) for _ in range(size // len(chunk)))
    stream += compressor.compress(b"\0" * (size % len(chunk))) + compressor.flush()
    crc = 0
    for _ in range(size // len(chunk)):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(b"\0" * (size % len(chunk)), crc)
    first = b"xl/worksheets/sheet1.xml"
    local = (
        struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(stream), size, len(first), 0) + first
    )
    body = local + stream
    central = b""
    for index in range(entries):
        name = first if index == 0 else f"xl/media/zero{index}.bin".encode()
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                8,
                0,
                0,
                crc,
                len(stream),
                size,
                len(name),
                0,
                0,
                0,
                0,
                0,
                0,
            )
            + name
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(central), len(body), 0)
    path.write_bytes(body + central + end)
    return path


def zip_with_flags(path: Path, parts: dict[str, bytes], *, flags: int = 0, method: int | None = None) -> Path:
    """Write the parts, then set general-purpose flags (bit 0: encrypted) or a compression method by hand."""
    write_zip(path, parts)  # type: ignore[arg-type]
    data = bytearray(path.read_bytes())
    position = 0
    while (position := data.find(b"PK\x03\x04", position)) != -1:
        struct.pack_into("<H", data, position + 6, flags)
        if method is not None:
            struct.pack_into("<H", data, position + 8, method)
        position += 4
    position = 0
    while (position := data.find(b"PK\x01\x02", position)) != -1:
        struct.pack_into("<H", data, position + 8, flags)
        if method is not None:
            struct.pack_into("<H", data, position + 10, method)
        position += 4
    path.write_bytes(bytes(data))
    return path


# --- OLE compound files (.xls, encrypted .xlsx) -----------------------------------------------------------

_FREE, _END, _FAT, _DIF = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC


def compound_file(streams: Sequence[tuple[str, bytes]]) -> bytes:
    """A version 3 compound file (512-byte sectors) with the given streams in the root storage.

    Every stream is padded to at least 4096 bytes so that it lives in ordinary sectors (no mini stream); the
    directory is one sector (up to four entries: the root and three streams). The FAT sectors come first,
    then the DIFAT sectors that list the FAT sectors beyond the header's 109 (for streams over ~7 MB).
    """
    assert len(streams) <= 3
    sector = 512
    per_sector = sector // 4
    padded = [(name, data + b"\0" * max(0, 4096 - len(data))) for name, data in streams]
    data_sectors = [-(-len(data) // sector) for _, data in padded]
    fat_sectors = difat_sectors = 1
    while True:
        difat_sectors = -(-max(0, fat_sectors - 109) // (per_sector - 1))
        if fat_sectors * per_sector >= fat_sectors + difat_sectors + 1 + sum(data_sectors):
            break
        fat_sectors += 1
    fat = [_FAT] * fat_sectors + [_DIF] * difat_sectors + [_END]  # ... and the directory
    directory_sector = fat_sectors + difat_sectors
    starts = []
    next_sector = directory_sector + 1
    for count in data_sectors:
        starts.append(next_sector)
        fat.extend(list(range(next_sector + 1, next_sector + count)) + [_END])
        next_sector += count
    fat += [_FREE] * (fat_sectors * per_sector - len(fat))
    fat_ids = list(range(fat_sectors))
    difat = b""
    for index in range(difat_sectors):
        ids = fat_ids[109 + index * (per_sector - 1) : 109 + (index + 1) * (per_sector - 1)]
        ids += [_FREE] * (per_sector - 1 - len(ids))
        following = fat_sectors + index + 1 if index + 1 < difat_sectors else _END
        difat += struct.pack(f"<{per_sector}I", *ids, following)

    def entry(name: str, kind: int, start: int, size: int, child: int = _FREE, right: int = _FREE) -> bytes:
        encoded = name.encode("utf-16-le") + b"\0\0"
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(encoded), kind, 1, _FREE, right, child)
            + b"\0" * 16  # CLSID
            + struct.pack("<I", 0)  # state bits
            + b"\0" * 16  # creation and modification times
            + struct.pack("<IQ", start, size)
        )

    directory = entry("Root Entry", 5, _END, 0, child=1 if streams else _FREE)
    for index, ((name, _), start, (_, data)) in enumerate(zip(streams, starts, padded, strict=True), start=1):
        right = index + 1 if index < len(streams) else _FREE
        directory += entry(name, 2, start, len(data), right=right)
    directory = directory.ljust(sector, b"\0")
    first_difat = fat_sectors if difat_sectors else _END
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII", 0, fat_sectors, directory_sector, 0, 4096, _END, 0, first_difat, difat_sectors
        )
    )
    header += struct.pack("<109I", *(fat_ids[:109] + [_FREE] * (109 - len(fat_ids[:109]))))
    assert len(header) == sector
    body = b"".join(struct.pack("<I", value) for value in fat) + difat + directory
    body += b"".join(
        data.ljust(count * sector, b"\0") for (_, data), count in zip(padded, data_sectors, strict=True)
    )
    return header + body


def encrypted_xlsx() -> bytes:
    """What Excel writes for an .xlsx with "Encrypt with password": an OLE file, not a ZIP (MS-OFFCRYPTO)."""
    info = (
        struct.pack("<HHI", 4, 4, 0x40)
        + b'<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>'
    )
    package = struct.pack("<Q", 9000) + bytes(range(256)) * 36
    return compound_file([("EncryptionInfo", info), ("EncryptedPackage", package)])


def old_xls() -> bytes:
    """An Excel 97-2003 workbook: a BIFF8 "Workbook" stream in an OLE file (BOF record, then EOF)."""
    bof = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x0006)
    eof = struct.pack("<HH", 0x000A, 0)
    return compound_file([("Workbook", bof + eof)])
