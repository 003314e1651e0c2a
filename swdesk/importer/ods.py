"""Reading OpenDocument spreadsheets (``.ods``, as LibreOffice saves them), SPEC §5.

An ``.ods`` file is a ZIP archive; its sheets are the ``table:table`` elements of ``content.xml``
(OpenDocument 1.2/1.3, part 1, chapter 9). :func:`swdesk.importer.reader.inspect_zip` has already refused a
zip bomb or a DTD; here ``content.xml`` is read as a stream with expat (DTDs and entities refused), keeping
nothing but the row being read, as the ``.xlsx`` reader does:

* a cell's value is what the file stores beside the text shown: ``office:value`` for numbers (also
  percentages and currency), ``office:date-value`` and ``office:time-value``, ``office:boolean-value``; a
  text cell's value is its paragraphs (``text:p``) joined by line breaks, with ``text:s``/``text:tab``/
  ``text:line-break`` and without comments (``office:annotation``); an error cell gives its error text
  (``#N/A``); a formula whose result was never stored is noted, as in ``.xlsx``;
* ``table:number-rows-repeated`` and ``table:number-columns-repeated`` are how LibreOffice writes runs of
  empty rows and cells (a saved sheet usually ends in one empty row repeated to the millionth). A run of
  empty rows or cells only moves the counter, so a tiny file cannot make the program build a huge table; a
  repeated row with data counts as that many rows against :data:`~swdesk.importer.reader.MAX_ROWS`, and
  only cells left of :data:`~swdesk.importer.reader.MAX_COLUMNS` are kept;
* data beyond a spreadsheet's last row (1 048 576) or column (16 384) stops the sheet (no program that
  saves spreadsheets writes there), as does a text that spells out more than :data:`MAX_COUNTED_SPACES`
  spaces with ``text:s`` (each a few bytes in the file, unbounded in memory);
* merged-away cells (``table:covered-table-cell``) are read as empty, as Excel keeps only the first cell of a
  merged range; hidden sheets are read like the others.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from swdesk.i18n import tr
from swdesk.importer.reader import (
    EXCEL_MAX_ROWS,
    MAX_CELL_CHARS,
    MAX_CELLS_PER_ROW,
    MAX_COLUMNS,
    MAX_WHOLE_PART_BYTES,
    Damaged,
    RawSheet,
    ReadProblem,
    _describe,
    _parse_stream,
    _safe_expat,
)
from swdesk.importer.values import UnreadableCell, is_blank, shown

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
_PREFIXES = {_OFFICE: "office", _TABLE: "table", _TEXT: "text", _CALCEXT: "calcext"}

# Spaces a sheet may spell out as counts (<text:s text:c="5"/>); a real sheet has a handful.
MAX_COUNTED_SPACES = 1_000_000
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_DURATION = re.compile(r"^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d*)?)S)?$")
# [.A1] or [.A1:.B2] (or with a sheet name) in a formula, as the user sees it: A1, A1:B2
_REFERENCE = re.compile(
    r"\[(?:\$?'?[^\].']*'?)?\.\$?([A-Z]+)\$?(\d+)(?::(?:\$?'?[^\].']*'?)?\.\$?([A-Z]+)\$?(\d+))?\]"
)


def read_ods(path: Path, *, keep: Any, max_rows: int, problems: list[ReadProblem]) -> list[RawSheet]:
    """The sheets of an OpenDocument spreadsheet that ``keep`` names (see ``read_sources``)."""

    def unreadable(detail: str) -> list[RawSheet]:
        problems.append(ReadProblem(file=path.name, message=tr("import.file.unreadable_ods", detail=detail)))
        return []

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "META-INF/manifest.xml" in names:
                manifest = archive.getinfo("META-INF/manifest.xml")
                if manifest.file_size > MAX_WHOLE_PART_BYTES:
                    size = -(-manifest.file_size // (1024 * 1024))
                    limit = MAX_WHOLE_PART_BYTES // (1024 * 1024)
                    raise Damaged(
                        tr("import.file.part_too_large", part=manifest.filename, size=size, limit=limit)
                    )
                # A password-protected document lists how each of its encrypted parts is encrypted.
                if b"encryption-data" in archive.read(manifest):
                    problems.append(ReadProblem(file=path.name, message=tr("import.file.ods_encrypted")))
                    return []
            if "content.xml" not in names:
                return unreadable(tr("import.file.missing_part", part="content.xml"))
            return _read_content(archive, path=path, keep=keep, max_rows=max_rows, problems=problems)
    except Exception as exc:  # noqa: BLE001 - any failure of a hostile file is a refusal, never a crash
        return unreadable(_describe(exc))


def _read_content(
    archive: zipfile.ZipFile, *, path: Path, keep: Any, max_rows: int, problems: list[ReadProblem]
) -> list[RawSheet]:
    sheets: list[RawSheet] = []
    parser = _ContentParser(keep=lambda title: keep(title, path, loose=False))
    sheet: RawSheet | None = None
    data_rows = 0

    def refuse(key: str, at: int | None, **values: Any) -> None:
        assert sheet is not None
        problems.append(ReadProblem(file=sheet.file, sheet=sheet.name, row=at, message=tr(key, **values)))
        sheet.rows.clear()
        sheet.formulas.clear()
        sheet.complete = False
        parser.skip_table()

    try:
        for event in parser.events(archive):
            if event[0] == "table":
                sheet = RawSheet(name=event[1], file=path.name)
                sheets.append(sheet)
                data_rows = 0
                continue
            assert sheet is not None
            if not sheet.complete:
                continue  # rows of a refused sheet that were read before it was refused
            if event[0] == "error":
                _, key, at, values = event
                refuse(key, at, **values)
                continue
            _, first, repeat, values, formulas = event
            if not formulas and all(is_blank(v) for v in values):
                continue
            for number in range(first, first + repeat):
                if number > EXCEL_MAX_ROWS:
                    refuse("import.sheet.ods_row_beyond", number, row=number, limit=EXCEL_MAX_ROWS)
                    break
                if sheet.rows:
                    data_rows += 1
                    if data_rows > max_rows:
                        refuse("import.sheet.too_many_rows", number, limit=max_rows)
                        break
                for column, formula in formulas.items():
                    sheet.formulas[(number, column)] = formula
                sheet.rows.append((number, values))
    except Exception as exc:  # noqa: BLE001 - a damaged sheet is refused with the place it broke off
        from defusedxml import DefusedXmlException

        if isinstance(exc, DefusedXmlException) or parser.kept_name is None:
            raise  # the whole file is unsafe, or damaged outside the sheets to import
        if sheet is None or sheet.name != parser.kept_name or not parser.in_table:
            # the damage came before the sheet's first row was handed over
            sheet = RawSheet(name=parser.kept_name, file=path.name)
            sheets.append(sheet)
        problems.append(
            ReadProblem(
                file=sheet.file,
                sheet=sheet.name,
                message=tr("import.sheet.unreadable", after=parser.row_number, detail=_describe(exc)),
            )
        )
        sheet.rows.clear()
        sheet.formulas.clear()
        sheet.complete = False
    return sheets


class _ContentParser:
    """Reads ``content.xml`` with expat; :meth:`events` yields, in the order of the file,
    ``("table", name)`` when a kept sheet begins, ``("row", first row number, repeat count, values,
    formulas)`` for each row of a kept sheet (values as a tuple, formulas by column index) and
    ``("error", message key, row, values…)`` when a kept sheet cannot be read further."""

    def __init__(self, keep: Any) -> None:
        self.keep = keep
        self.ready: list[tuple[Any, ...]] = []
        self.names: dict[str, str] = {}
        self.depth = 0  # of elements inside the current table
        self.in_table = False
        self.kept = False
        self.kept_name: str | None = None  # the sheet being read, if it is one to import
        self.row_number = 0  # the last row read
        self.row: dict[str, Any] | None = None
        self.cell: dict[str, Any] | None = None
        self.annotation = 0  # depth inside a comment, whose text is not the value
        self.paragraph: list[tuple[str, bool]] | None = None  # pieces: (text, spelt out by an element)
        self.counted_spaces = 0

    def skip_table(self) -> None:
        """Read no further rows of the current table."""
        self.kept = False
        self.row = self.cell = self.paragraph = None

    def events(self, archive: zipfile.ZipFile) -> Iterator[tuple[Any, ...]]:
        parser = _safe_expat()
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.data
        with archive.open("content.xml") as stream:
            yield from _parse_stream(parser, stream, self.ready, lambda: False)

    def _name(self, name: str) -> str:
        local = self.names.get(name)
        if local is None:
            namespace, _, tag = name.rpartition(" ")
            local = self.names[name] = f"{_PREFIXES.get(namespace, '?')}:{tag}"
        return local

    # --- expat handlers ---

    def start(self, name: str, attrs: dict[str, str]) -> None:
        tag = self._name(name)
        if self.in_table:
            self.depth += 1
        if self.annotation:
            self.annotation += 1
            return
        if self.cell is not None:
            self._start_in_cell(tag, attrs)
        elif self.row is not None:
            if tag in ("table:table-cell", "table:covered-table-cell"):
                self._start_cell(tag, attrs)
        elif self.in_table:
            if tag == "table:table-row" and self.kept:
                self.row = {
                    "repeat": self._repeat(attrs, "number-rows-repeated"),
                    "column": 0,
                    "cells": {},
                    "formulas": {},
                }
        elif tag == "table:table":
            self.in_table, self.depth = True, 0
            self.row_number = 0
            title = attrs.get(f"{_TABLE} name", "").strip()
            canonical = self.keep(title)
            self.kept = canonical is not None
            self.kept_name = canonical
            if self.kept:
                self.ready.append(("table", canonical))

    def _start_cell(self, tag: str, attrs: dict[str, str]) -> None:
        self.cell = {
            "depth": self.depth,  # (a table inside a cell has cells of its own, which do not end this one)
            "repeat": self._repeat(attrs, "number-columns-repeated"),
            "covered": tag == "table:covered-table-cell",
            "type": attrs.get(f"{_OFFICE} value-type"),
            "calc_type": attrs.get(f"{_CALCEXT} value-type"),
            "value": attrs.get(f"{_OFFICE} value"),
            "date": attrs.get(f"{_OFFICE} date-value"),
            "time": attrs.get(f"{_OFFICE} time-value"),
            "boolean": attrs.get(f"{_OFFICE} boolean-value"),
            "string": attrs.get(f"{_OFFICE} string-value"),
            "formula": attrs.get(f"{_TABLE} formula"),
            "paragraphs": [],
            "chars": 0,
        }

    def _start_in_cell(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "office:annotation":
            self.annotation = 1
        elif tag in ("text:p", "text:h") and self.paragraph is None:
            self.paragraph = []
        elif self.paragraph is None:
            return
        elif tag == "text:s":
            count = attrs.get(f"{_TEXT} c", "1")
            spaces = int(count) if count.isascii() and count.isdigit() and len(count) < 10 else 1
            self.counted_spaces += spaces
            if self.counted_spaces > MAX_COUNTED_SPACES:
                raise Damaged(tr("import.sheet.ods_too_many_spaces", limit=MAX_COUNTED_SPACES))
            self._add_text(" " * spaces, spelt=True)
        elif tag == "text:tab":
            self._add_text("\t", spelt=True)
        elif tag == "text:line-break":
            self._add_text("\n", spelt=True)

    def data(self, text: str) -> None:
        if self.paragraph is not None and not self.annotation:
            self._add_text(text, spelt=False)

    def _add_text(self, text: str, *, spelt: bool) -> None:
        cell = self.cell
        assert cell is not None and self.paragraph is not None
        room = MAX_CELL_CHARS + 1 - cell["chars"]
        if room > 0:
            self.paragraph.append((text[:room], spelt))
            cell["chars"] += min(len(text), room)

    def end(self, name: str) -> None:
        tag = self._name(name)
        if self.in_table:
            self.depth -= 1
            if self.depth < 0:  # the end of the table
                self.in_table = self.kept = False
                self.kept_name = None
                self.row = self.cell = None
                return
        if self.annotation:
            self.annotation -= 1
            return
        if self.cell is not None:
            if tag in ("text:p", "text:h") and self.paragraph is not None:
                self.cell["paragraphs"].append(_paragraph_text(self.paragraph))
                self.paragraph = None
            elif self.depth == self.cell["depth"] - 1 and self.paragraph is None:
                self._finish_cell(self.cell)
                self.cell = None
        elif self.row is not None and tag == "table:table-row":
            row, self.row = self.row, None
            first = self.row_number + 1
            self.row_number += row["repeat"]
            if row["cells"] or row["formulas"]:
                width = max([*row["cells"], *row["formulas"]]) + 1
                values = tuple(row["cells"].get(i) for i in range(width))
                self.ready.append(("row", first, row["repeat"], values, row["formulas"]))

    # --- cells ---

    def _finish_cell(self, cell: dict[str, Any]) -> None:
        row = self.row
        assert row is not None
        start, repeat = row["column"], cell["repeat"]
        row["column"] += repeat
        if cell["covered"]:
            return
        formula = cell["formula"]
        value = _cell_value(cell)
        if value is None and not (formula and not cell["type"]):
            return
        if row["column"] > MAX_CELLS_PER_ROW:
            number = self.row_number + 1
            limits = {"row": number, "limit": MAX_CELLS_PER_ROW}
            self.ready.append(("error", "import.sheet.ods_row_too_wide", number, limits))
            self.skip_table()
            return
        for index in range(start, min(start + repeat, MAX_COLUMNS)):
            if value is not None:
                row["cells"][index] = value
            else:  # a formula whose result was never stored
                row["formulas"][index] = _shown_formula(formula)

    def _repeat(self, attrs: dict[str, str], attribute: str) -> int:
        text = attrs.get(f"{_TABLE} {attribute}")
        if text is None:
            return 1
        if len(text) > 12 or not (text.isascii() and text.isdigit()) or int(text) < 1:
            raise Damaged(tr("import.sheet.ods_bad_repeat", value=shown(text)))
        return int(text)


def _paragraph_text(pieces: list[tuple[str, bool]]) -> str:
    """A paragraph's text: white space in the XML collapses to one space (OpenDocument part 1, 6.1.2), white
    space written as elements (``text:s``, ``text:tab``, ``text:line-break``) stays as written."""
    out = []
    pending: list[str] = []
    for text, spelt in pieces:
        if spelt:
            out.append(_WHITESPACE.sub(" ", "".join(pending)))
            pending.clear()
            out.append(text)
        else:
            pending.append(text)
    out.append(_WHITESPACE.sub(" ", "".join(pending)))
    return "".join(out)


def _cell_value(cell: dict[str, Any]) -> Any:
    """The value of a cell as the .xlsx reader gives it: a number, a datetime, a time, a bool, a text, an
    error text, None; an :class:`UnreadableCell` when the stored value is not what its type says."""
    text = "\n".join(cell["paragraphs"])
    if cell["chars"] > MAX_CELL_CHARS:
        return UnreadableCell(tr("import.cell.text_too_long", limit=MAX_CELL_CHARS))
    kind = cell["type"]
    if cell["calc_type"] == "error":
        return text or None
    if kind in ("float", "percentage", "currency"):
        return _number(cell["value"] or "")
    if kind == "date":
        return _date(cell["date"] or "")
    if kind == "time":
        return _time(cell["time"] or "")
    if kind == "boolean":
        flag = (cell["boolean"] or "").strip().lower()
        if flag in ("true", "1"):
            return True
        if flag in ("false", "0"):
            return False
        return UnreadableCell(tr("import.cell.bad_ods_bool", value=shown(cell["boolean"] or "")))
    if kind == "string" and cell["string"] is not None:
        return cell["string"]
    return text or None  # a text cell, or a cell without a type that still shows a text


def _number(stored: str) -> Any:
    text = stored.strip()
    try:
        if text.isascii() and text.lstrip("+-").isdigit():
            return int(text)
        return float(text)
    except ValueError:
        if re.fullmatch(r"[+-]?\d+", text):
            return UnreadableCell(tr("import.cell.too_many_digits"))
        return UnreadableCell(tr("import.cell.bad_number", value=shown(stored)))


def _date(stored: str) -> Any:
    try:
        moment = dt.datetime.fromisoformat(stored.strip())
    except ValueError:
        return UnreadableCell(tr("import.cell.bad_date", value=shown(stored)))
    return moment.replace(tzinfo=None)


def _time(stored: str) -> Any:
    match = _DURATION.match(stored.strip())
    if not match or not any(match.groups()):
        return UnreadableCell(tr("import.cell.bad_time", value=shown(stored)))
    days, hours, minutes, seconds = (float(group) if group else 0.0 for group in match.groups())
    try:
        span = dt.timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    except OverflowError:
        return UnreadableCell(tr("import.cell.bad_time", value=shown(stored)))
    if span < dt.timedelta(days=1):
        return (dt.datetime.min + span).time()
    return span


def _shown_formula(formula: str) -> str:
    """``of:=SUM([.A1:.A3])`` as the user types it: ``=SUM(A1:A3)``."""
    text = formula.partition(":")[2] if formula.startswith(("of:", "oooc:", "msoxl:")) else formula
    text = _REFERENCE.sub(lambda m: m[1] + m[2] + (f":{m[3]}{m[4]}" if m[3] else ""), text)
    return text if text.startswith("=") else "=" + text
