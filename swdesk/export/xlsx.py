"""Helpers on openpyxl for every workbook swdesk writes (issue 4, shared rules).

The rules they keep: text is always text (a staff or provider name such as ``=HYPERLINK(...)`` or ``-1+2``
must never become a formula, in Excel or LibreOffice); numbers are numbers with a format (EUR and hours
with 2 decimals, FTE with 2); dates are real dates shown ``dd.mm.yyyy``; header rows are styled and
frozen, columns wide enough for their content, and each sheet prints on A4 fitted to the page width with
the header repeated on every printed page.

How text is kept from being evaluated: openpyxl turns any string that begins with ``=`` into a formula
cell (``<f>`` in the sheet XML). Forcing ``data_type = "s"`` after assignment stores it as a shared string
instead, which neither Excel nor LibreOffice evaluate when they open the file. The cell additionally gets
the ``quotePrefix`` style flag — the file-format form of the leading apostrophe a person would type — so
that a cell starting with ``=``, ``+``, ``-`` or ``@`` stays text even when someone edits it and presses
Enter. The value itself is never altered: a name is exported exactly as it was entered.

What a reader sees in Excel and in LibreOffice alike (issue 16): every font names its face (a bold font
without a name is drawn in LibreOffice's serif fallback, unlike the body text); a row whose wrapped text
needs more than one line gets that height written in the file (LibreOffice 7.4 does not grow such rows by
itself, so a wrapped header overlapped the first data row); money is rounded to cents before it is
written; counts have thousands separators like money; the printed footer sits inside the bottom margin.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.worksheet import Worksheet

from swdesk.export.common import atomic_output

# Leading characters with which a spreadsheet may read a text as a formula (OWASP "CSV injection" list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot hold; openpyxl raises on them, so a stray control character pasted into a
# name must not make the whole export fail.
_ILLEGAL_XML = re.compile(r"[\000-\010\013\014\016-\037]")

MONEY_FORMAT = "#,##0.00"
MONEY_EUR_FORMAT = '#,##0.00 "EUR"'
HOURS_FORMAT = "#,##0.00"
FTE_FORMAT = "#,##0.00"
INTEGER_FORMAT = "#,##0"
YEAR_FORMAT = "0"
DECIMAL1_FORMAT = "#,##0.0"
SHARE_FORMAT = "0.0%"
DATE_FORMAT = "dd.mm.yyyy"

ColumnKind = Literal[
    "text", "money", "hours", "fte", "int", "year", "decimal1", "share", "date", "number"
]

CENT = Decimal("0.01")

_NUMBER_FORMATS: dict[str, str] = {
    "money": MONEY_FORMAT,
    "hours": HOURS_FORMAT,
    "fte": FTE_FORMAT,
    "int": INTEGER_FORMAT,
    "year": YEAR_FORMAT,
    "decimal1": DECIMAL1_FORMAT,
    "share": SHARE_FORMAT,
    # a number as it is, for a sheet that programs read (the Dati sheet): no shown rounding
    "number": "General",
}

# The face of openpyxl's default cell style, which unstyled cells use: every font below names it too, so
# that bold text is the same face in Excel and in LibreOffice (which maps Calibri to its metric twin).
FONT_NAME = "Calibri"
FONT_SIZE = 11
BODY_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
HEADER_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TOTAL_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TITLE_FONT = Font(name=FONT_NAME, size=14, bold=True)
LABEL_FONT = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
NOTE_FONT = Font(name=FONT_NAME, size=FONT_SIZE, italic=True)
# a figure a reader must not pass on as it is (a salary of a group of one or two people)
MARK_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="999999")
HEADER_BORDER = Border(bottom=_THIN, top=_THIN)
# Style objects are made once: openpyxl hashes each one assigned, and a new object per cell makes a
# 300-row claim noticeably slow.
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
TOP = Alignment(vertical="top")
# Text columns are indented a little: a right-aligned number just left of a text ("1" beside "0008") would
# otherwise read as one figure.
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True, horizontal="left", indent=1)
LEFT = Alignment(horizontal="left")


def is_formula_like(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula or a DDE command."""
    return text.startswith(FORMULA_TRIGGERS)


def safe_text(value: object) -> str:
    """The text of ``value`` as it may go into a cell: unchanged except for characters XML cannot hold.

    The text is not prefixed or escaped — :func:`set_text` makes the cell a plain string cell, which is
    what keeps it from being evaluated; a person's name must reach the Ministry exactly as it was entered.
    The one change besides dropping control characters: a carriage return becomes a line feed. Every XML
    reader (Excel's, LibreOffice's, openpyxl's) turns a raw CR into LF anyway, and openpyxl without lxml
    cannot write it escaped, so we make explicit what the reader would see.
    """
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL_XML.sub("", text)


class _Content(NamedTuple):
    """What a value becomes in a cell: the stored value, whether it is text, its number format and
    whether it gets the quote prefix. The one place the rules above are decided, for both kinds of sheet."""

    value: Any
    text: bool = False
    number_format: str | None = None
    quote: bool = False


def _text_content(value: object) -> _Content:
    if value is None:
        return _Content(None)
    text = safe_text(value)
    return _Content(text, text=True, quote=is_formula_like(str(value)) or is_formula_like(text))


@lru_cache(maxsize=65_536)
def _str_content(text: str) -> _Content:
    # a long table repeats its texts (the Dati sheet's identity in every row, names, positions): each is
    # made safe once
    return _text_content(text)


def _content(value: Any, kind: ColumnKind) -> _Content:
    if kind == "text":
        return _str_content(value) if type(value) is str else _text_content(value)
    if kind == "date":
        if isinstance(value, dt.datetime):
            value = value.date()
        return _Content(value, number_format=DATE_FORMAT)
    if value is not None and not isinstance(value, int | float | Decimal):
        # A non-number in a number column is a programming error upstream, but the document still has
        # to come out readable: keep it as (safe) text rather than failing the whole export.
        return _text_content(value)
    if isinstance(value, bool):  # bool is an int; a flag written as 1/0 would mislead
        raise TypeError("a boolean is not a number for a spreadsheet")
    if kind == "money" and value is not None:
        # to cents, half up, as the money was computed: a float sum such as 580.5700000000001 never reaches
        # the file
        value = Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)
    return _Content(value, number_format=_NUMBER_FORMATS[kind])


def _store(cell: Cell, content: _Content) -> Cell:
    cell.value = content.value
    if content.text:
        # openpyxl has just guessed "f" (formula) for "=..." or "e" (error) for "#N/A"; a name is neither.
        cell.data_type = "s"
    if content.quote:
        cell.quotePrefix = True
    if content.number_format is not None:
        cell.number_format = content.number_format
    return cell


def set_text(cell: Cell, value: object) -> Cell:
    """Write ``value`` as a text cell that no spreadsheet evaluates (see the module docstring)."""
    return _store(cell, _text_content(value))


def set_number(cell: Cell, value: Decimal | int | float | None, number_format: str) -> Cell:
    """A number cell (negative numbers stay numbers) with its display format; None leaves it empty."""
    if isinstance(value, bool):  # bool is an int; a flag written as 1/0 would mislead
        raise TypeError("a boolean is not a number for a spreadsheet")
    return _store(cell, _Content(value, number_format=number_format))


def set_date(cell: Cell, value: dt.date | None) -> Cell:
    """A real date (Excel serial number) shown as ``dd.mm.yyyy``."""
    return _store(cell, _content(value, "date"))


def set_value(cell: Cell, value: Any, kind: ColumnKind) -> Cell:
    """Write ``value`` by the kind of its column."""
    return _store(cell, _content(value, kind))


@dataclass(frozen=True)
class Column:
    """A column of a table sheet: its visible header and what kind of values it holds."""

    header: str
    kind: ColumnKind = "text"
    # widest the column may be fitted to; long free texts (reasons, topics) wrap beyond this
    max_width: float = 45


def new_workbook(*, write_only: bool = False) -> Workbook:
    """A workbook without openpyxl's default empty sheet, so every sheet is one we named.

    ``write_only``: openpyxl's streaming mode, whose sheets are :class:`StreamedSheet` (long tables).
    """
    if write_only:
        return Workbook(write_only=True)
    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def add_sheet(workbook: Workbook, title: str) -> Worksheet:
    """A sheet with a title Excel accepts (at most 31 characters, none of ``[]:*?/\\``)."""
    clean = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:31] or "Lapa"
    return workbook.create_sheet(clean)


def write_title_block(
    ws: Worksheet,
    *,
    title: str,
    lines: Sequence[tuple[str, Any, ColumnKind]] = (),
    start_row: int = 1,
) -> int:
    """A title and ``label: value`` lines at the top of a sheet; returns the next free row.

    Values keep their kind (a date is a date, a rate a number), so the summary sheet is as usable as
    the rows sheet.
    """
    set_text(ws.cell(row=start_row, column=1), title).font = TITLE_FONT
    row = start_row + 1
    for label, value, kind in lines:
        set_text(ws.cell(row=row, column=1), label).font = LABEL_FONT
        set_value(ws.cell(row=row, column=2), value, kind).alignment = LEFT
        row += 1
    return row + 1


def write_header(ws: Worksheet, *, row: int, columns: Sequence[Column], first_column: int = 1) -> None:
    for offset, column in enumerate(columns):
        cell = set_text(ws.cell(row=row, column=first_column + offset), column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = HEADER_ALIGNMENT


def write_row(
    ws: Worksheet,
    *,
    row: int,
    columns: Sequence[Column],
    values: Sequence[Any],
    total: bool = False,
    first_column: int = 1,
) -> None:
    """One data row; ``total`` marks a sub-total or total row (bold, shaded)."""
    if len(values) != len(columns):
        raise ValueError(f"{len(values)} values for {len(columns)} columns")
    for offset, (column, value) in enumerate(zip(columns, values, strict=True)):
        cell = set_value(ws.cell(row=row, column=first_column + offset), value, column.kind)
        # narrow text columns wrap; wide ones (and numbers) stay on one line
        cell.alignment = TOP_WRAPPED if column.kind == "text" and column.max_width < 45 else TOP
        if total:
            cell.font = TOTAL_FONT
            cell.fill = TOTAL_FILL


def write_table(
    ws: Worksheet,
    *,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    start_row: int = 1,
) -> tuple[int, int]:
    """A header row and data rows; returns (header row, last row written)."""
    write_header(ws, row=start_row, columns=columns)
    row = start_row
    for values in rows:
        row += 1
        write_row(ws, row=row, columns=columns, values=values)
    return start_row, row


def _display_length(value: Any, number_format: str | None) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int | float | Decimal):
        # formatted with group separator and 2 decimals, plus " EUR" where the format says so
        text = f"{float(value):,.2f}"
        return len(text) + (4 if "EUR" in (number_format or "") else 0)
    return max((len(part) for part in str(value).splitlines()), default=0)


def _fit_length(value: Any, number_format: str | None, *, bold: bool, wrapped: bool) -> int:
    """How many characters wide a cell's content is, for :func:`fit_columns` and :class:`StreamedSheet`."""
    if bold and wrapped and isinstance(value, str):
        # a wrapped header: its longest word has to fit, not the whole text
        return max((len(word) for word in value.split()), default=0)
    return _display_length(value, number_format)


def _header_word(value: Any, *, bold: bool, wrapped: bool) -> int:
    """The longest word of a wrapped header, which no column may be narrower than (a word is never broken)."""
    if bold and wrapped and isinstance(value, str):
        return max((len(word) for word in value.split()), default=0)
    return 0


def _set_widths(
    ws: Worksheet,
    widths: dict[int, float],
    *,
    columns: Sequence[Column] | None,
    min_width: float,
    max_width: float,
    floors: dict[int, int] | None = None,
    fixed: Mapping[int, float] | None = None,
) -> None:
    floors = floors or {}
    for index, length in widths.items():
        limit = max_width
        if columns is not None and index <= len(columns):
            limit = columns[index - 1].max_width
        # a bold header word takes about 15 % more room than the digits a width counts
        width = max(min_width, min(limit, length * 1.1 + 2), floors.get(index, 0) * 1.15 + 2)
        ws.column_dimensions[get_column_letter(index)].width = width
    for index, width in (fixed or {}).items():
        ws.column_dimensions[get_column_letter(index)].width = width


def fit_columns(
    ws: Worksheet,
    *,
    columns: Sequence[Column] | None = None,
    from_row: int = 1,
    min_width: float = 6,
    max_width: float = 45,
) -> None:
    """Set each column's width to fit its widest value (headers wrap, so their longest word counts)."""
    widths: dict[int, float] = {}
    floors: dict[int, int] = {}
    for row in ws.iter_rows(min_row=from_row):
        for cell in row:
            if cell.value is None or not hasattr(cell, "column"):
                continue
            if cell.font is not None and cell.font.sz and cell.font.sz > 12:
                continue  # the title spans across columns; it must not widen column A
            length = _fit_length(
                cell.value,
                cell.number_format,
                bold=bool(cell.font is not None and cell.font.b),
                wrapped=bool(cell.alignment.wrap_text),
            )
            widths[cell.column] = max(widths.get(cell.column, 0), length)
            word = _header_word(
                cell.value,
                bold=bool(cell.font is not None and cell.font.b),
                wrapped=bool(cell.alignment.wrap_text),
            )
            floors[cell.column] = max(floors.get(cell.column, 0), word)
    _set_widths(ws, widths, columns=columns, min_width=min_width, max_width=max_width, floors=floors)


# Points per line of 11-point text: Excel's default row height.
LINE_HEIGHT = 15.0
# Excel's width of a column that sets none, in characters.
DEFAULT_WIDTH = 8.43


# Advance widths of Calibri letters in digit widths (a column's width counts digits), grouped; any other
# letter counts as 0.95, somewhat above the average lower-case letter, to err on the side of a spare line.
_NARROW = frozenset("iIlļīíìjJ.,;:'!|()[]{}/-ftr")
_WIDE = frozenset("mwMWŠŽ@%")
_SPACE_WIDTH = 0.45
INDENT_WIDTH = 1.4  # indent 1 of a text cell, in digit widths


def _text_width(word: str) -> float:
    width = 0.0
    for ch in word:
        if ch in _NARROW:
            width += 0.55
        elif ch in _WIDE:
            width += 1.6
        elif ch.isupper():
            width += 1.15
        else:
            width += 0.95
    return width


def text_lines(text: object, width: float, *, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a text cell (indented) ``width`` digits wide.

    An estimate on the safe side of what Excel and LibreOffice draw: letters are measured by rough
    Calibri widths, bold text 8 % wider; a word longer than the line breaks between letters.
    """
    scale = 1.08 if bold else 1.0
    room = max(1.0, width - 0.6 - INDENT_WIDTH)
    total = 0
    for paragraph in str(text).split("\n"):
        lines, used = 1, 0.0
        for word in paragraph.split():
            size = _text_width(word) * scale
            if used and used + _SPACE_WIDTH + size > room:
                lines, used = lines + 1, size
            else:
                used += (_SPACE_WIDTH if used else 0) + size
            while used > room:  # a word longer than the line breaks between letters
                lines, used = lines + 1, used - room
        total += lines
    return total


def row_height(lines: int) -> float | None:
    """The height to write for a row of ``lines`` lines; None for one line (the default height)."""
    return lines * LINE_HEIGHT if lines > 1 else None


def fit_row_heights(ws: Worksheet, *, rows: Iterable[int] | None = None) -> None:
    """Give each row whose wrapped text needs several lines that height (ordinary sheets; call after the
    column widths are set). ``rows`` limits it to some rows; by default every row is measured."""
    for row in ws.iter_rows(min_row=1) if rows is None else (ws[r] for r in rows):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            letter = get_column_letter(cell.column)
            width = ws.column_dimensions[letter].width if letter in ws.column_dimensions else DEFAULT_WIDTH
            bold = bool(cell.font is not None and cell.font.b)
            lines = max(lines, text_lines(cell.value, width or DEFAULT_WIDTH, bold=bold))
        height = row_height(lines)
        if height is not None:
            ws.row_dimensions[row[0].row].height = height


# --- write-only sheets, for long tables ---------------------------------------------------------------------

# The looks of the cells the helpers above write: (font, fill, border, alignment), the same objects.
_LOOKS: dict[str, tuple[Font | None, PatternFill | None, Border | None, Alignment | None]] = {
    "title": (TITLE_FONT, None, None, None),
    "label": (LABEL_FONT, None, None, None),
    "value": (None, None, None, LEFT),
    "note": (NOTE_FONT, None, None, None),
    "header": (HEADER_FONT, HEADER_FILL, HEADER_BORDER, HEADER_ALIGNMENT),
    "body": (None, None, None, TOP),
    "body_wrapped": (None, None, None, TOP_WRAPPED),
    "total": (TOTAL_FONT, TOTAL_FILL, None, TOP),
    "total_wrapped": (TOTAL_FONT, TOTAL_FILL, None, TOP_WRAPPED),
}
# an empty cell of these looks shows nothing (no fill, no border) and is left out of the file
_BARE_LOOKS = frozenset({"value", "body", "body_wrapped"})


def _row_looks(columns: Sequence[Column], *, total: bool) -> tuple[str, ...]:
    # narrow text columns wrap; wide ones (and numbers) stay on one line (as in write_row)
    base = "total" if total else "body"
    return tuple(
        f"{base}_wrapped" if column.kind == "text" and column.max_width < 45 else base for column in columns
    )


class StreamedSheet:
    """A sheet of a write-only workbook (``new_workbook(write_only=True)``), for tables of thousands of rows.

    It writes what :func:`write_title_block`, :func:`write_header`, :func:`write_row` and
    :func:`fit_columns` write in an ordinary sheet — the same values, formats, text safety and looks.
    Rows are collected and, by :meth:`write`, turned into the sheet's ``<sheetData>`` directly, in the
    markup openpyxl's own cell writer produces (inline strings, ``t="n"`` numbers, dates as serial
    numbers, ``xml:space`` where needed); openpyxl writes everything else — column widths, frozen panes,
    filters, print set-up, styles — and :func:`save_workbook` puts the rows into its file. openpyxl's
    writer builds an element tree per cell, which took four seconds for a Rīga year's 140,000 cells.
    Each look (font, fill, border, alignment, number format) is registered once with the workbook.
    """

    def __init__(self, workbook: Workbook, title: str) -> None:
        self.ws = add_sheet(workbook, title)
        self._rows: list[tuple[list[_Content], tuple[str, ...], int]] = []
        self._styles: dict[tuple[str, str | None, bool], int] = {}
        self._looks: dict[tuple[int, bool], tuple[str, ...]] = {}
        self.sheet_data: bytes | None = None  # the <sheetData> element, once written
        _STREAMED.setdefault(workbook, []).append(self)

    @property
    def row_count(self) -> int:
        """Rows so far; the next row added is ``row_count + 1``."""
        return len(self._rows)

    def _add(self, contents: list[_Content], looks: tuple[str, ...], outline_level: int = 0) -> int:
        self._rows.append((contents, looks, outline_level))
        return len(self._rows)

    def blank(self) -> int:
        return self._add([], ())

    def title(self, text: str) -> int:
        return self._add([_text_content(text)], ("title",))

    def label(self, text: str) -> int:
        return self._add([_text_content(text)], ("label",))

    def label_value(self, label: str, value: Any, kind: ColumnKind) -> int:
        return self._add([_text_content(label), _content(value, kind)], ("label", "value"))

    def note(self, text: str) -> int:
        """A line of explanation in italics, standing in the first column and running on to the right."""
        return self._add([_text_content(text)], ("note",))

    def title_block(self, *, title: str, lines: Sequence[tuple[str, Any, ColumnKind]] = ()) -> int:
        """As :func:`write_title_block`: the title, ``label: value`` lines and an empty row."""
        self.title(title)
        for label, value, kind in lines:
            self.label_value(label, value, kind)
        return self.blank()

    def header(self, columns: Sequence[Column]) -> int:
        return self._add([_text_content(c.header) for c in columns], ("header",) * len(columns))

    def row(
        self, columns: Sequence[Column], values: Sequence[Any], *, total: bool = False, outline_level: int = 0
    ) -> int:
        """One data row as :func:`write_row`; ``outline_level`` 1 folds it under the next summary row."""
        if len(values) != len(columns):
            raise ValueError(f"{len(values)} values for {len(columns)} columns")
        looks = self._looks.get((id(columns), total))
        if looks is None:
            looks = self._looks[(id(columns), total)] = _row_looks(columns, total=total)
        contents = [_content(value, column.kind) for value, column in zip(values, columns, strict=True)]
        return self._add(contents, looks, outline_level)

    def _style(self, look: str, number_format: str | None, quote: bool) -> int:
        """The index of the look in the workbook's cell formats (the ``s`` of a cell)."""
        key = (look, number_format, quote)
        style = self._styles.get(key)
        if style is None:
            template = WriteOnlyCell(self.ws)
            font, fill, border, alignment = _LOOKS[look]
            if font is not None:
                template.font = font
            if fill is not None:
                template.fill = fill
            if border is not None:
                template.border = border
            if alignment is not None:
                template.alignment = alignment
            if number_format is not None:
                template.number_format = number_format
            if quote:
                template.quotePrefix = True
            style = self._styles[key] = template.style_id
        return style

    def _widths(self, from_row: int) -> tuple[dict[int, float], dict[int, int]]:
        widths: dict[int, float] = {}
        floors: dict[int, int] = {}
        measure = {
            look: (bool(font is not None and font.b), bool(alignment is not None and alignment.wrap_text))
            for look, (font, _fill, _border, alignment) in _LOOKS.items()
        }
        # a value's length, measured once per format and look: a long table repeats its texts, amounts and
        # dates (equal numbers are one key, and their formatted lengths are equal too)
        known: dict[tuple[Any, str | None, str], int] = {}
        for contents, looks, _level in self._rows[from_row - 1 :]:
            for index, (content, look) in enumerate(zip(contents, looks, strict=True), start=1):
                value = content.value
                if value is None or look == "title":  # the title must not widen column A
                    continue
                key = (value, content.number_format, look)
                length = known.get(key, -1)
                if length < 0:
                    bold, wrapped = measure[look]
                    length = known[key] = _fit_length(value, content.number_format, bold=bold, wrapped=wrapped)
                if length > widths.get(index, 0):
                    widths[index] = length
                if look == "header":
                    word = _header_word(content.value, bold=True, wrapped=True)
                    if word > floors.get(index, 0):
                        floors[index] = word
        return widths, floors

    def write(
        self,
        *,
        columns: Sequence[Column] | None = None,
        fit_from_row: int = 1,
        min_width: float = 6,
        max_width: float = 45,
        fixed: Mapping[int, float] | None = None,
    ) -> None:
        """Fit the column widths as :func:`fit_columns` would (``fixed``: widths set by the caller, by
        column number) and make the rows' ``<sheetData>``, with the row heights those widths need."""
        widths, floors = self._widths(fit_from_row)
        _set_widths(
            self.ws,
            widths,
            columns=columns,
            min_width=min_width,
            max_width=max_width,
            floors=floors,
            fixed=fixed,
        )
        epoch = self.ws.parent.epoch
        style_of = self._style
        widest = max((len(contents) for contents, _looks, _level in self._rows), default=0)
        letters = [get_column_letter(index) for index in range(1, widest + 1)]
        dimensions = self.ws.column_dimensions
        column_widths = [
            (dimensions[letter].width or DEFAULT_WIDTH) if letter in dimensions else DEFAULT_WIDTH
            for letter in letters
        ]
        wrapping = {
            look for look, (_f, _fi, _b, alignment) in _LOOKS.items() if alignment and alignment.wrap_text
        }
        bold_looks = {look for look, (font, _fi, _b, _a) in _LOOKS.items() if font is not None and font.b}
        sheet_data = io.BytesIO()
        sheet_data.write(b"<sheetData>")
        out: list[str] = []
        add = out.append
        # a long table repeats its texts: each one's lines (at its column's width) and markup made once
        line_counts: dict[tuple[str, float, bool], int] = {}
        inline: dict[str, str] = {}
        # row by row into bytes, so that no list of a whole sheet's pieces is ever held
        for number, (contents, looks, outline_level) in enumerate(self._rows, start=1):
            out.clear()
            lines = 1
            for width, content, look in zip(column_widths, contents, looks, strict=False):
                if look in wrapping and content.text and content.value:
                    key = (content.value, width, look in bold_looks)
                    count = line_counts.get(key)
                    if count is None:
                        count = line_counts[key] = text_lines(content.value, width, bold=key[2])
                    if count > lines:
                        lines = count
            height = row_height(lines)
            attributes = f' ht="{height:g}" customHeight="1"' if height else ""
            if outline_level:
                attributes += f' outlineLevel="{outline_level}"'
            add(f'<row r="{number}"{attributes}>')
            for letter, content, look in zip(letters, contents, looks, strict=False):
                value = content.value
                if value is None and look in _BARE_LOOKS:
                    continue
                head = f'<c r="{letter}{number}" s="{style_of(look, content.number_format, content.quote)}"'
                if content.text:
                    if value == "":
                        add(f'{head} t="inlineStr"/>')
                        continue
                    markup = inline.get(value)
                    if markup is None:
                        stripped = value.strip()
                        space = ' xml:space="preserve"' if stripped and stripped != value else ""
                        markup = inline[value] = f' t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
                    add(head + markup)
                elif value is None:
                    add(f'{head} t="n"/>')
                elif isinstance(value, dt.date):
                    add(f'{head} t="n"><v>{to_excel(value, epoch)}</v></c>')
                else:
                    add(f'{head} t="n"><v>{number_text(value)}</v></c>')
            add("</row>")
            sheet_data.write("".join(out).encode("utf-8"))
        sheet_data.write(b"</sheetData>")
        self.sheet_data = sheet_data.getvalue()
        self._rows = []


def number_text(value: Decimal | int | float) -> str:
    """A number as the sheet's XML holds it: the shortest text that reads back as the same value.

    openpyxl writes ``"%.16g" % value``, which turns the cents of 580.57 into ``580.5700000000001`` — the
    same binary number to a spreadsheet, but not the amount to anyone who reads the file's text.
    """
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    return str(value)


# a number openpyxl wrote with more digits than it holds (see number_text)
_LONG_NUMBER = re.compile(rb"<v>(-?[0-9]+\.[0-9]{6,}(?:[eE][-+]?[0-9]+)?)</v>")


def _shortest_numbers(xml: bytes) -> bytes:
    return _LONG_NUMBER.sub(lambda found: b"<v>" + repr(float(found.group(1))).encode() + b"</v>", xml)


# the streamed sheets of each workbook, whose rows save_workbook puts into the file
_STREAMED: WeakKeyDictionary[Workbook, list[StreamedSheet]] = WeakKeyDictionary()
_EMPTY_SHEET_DATA = b"<sheetData></sheetData>"


def _put_rows(saved: bytes, sheets: Sequence[StreamedSheet], target: Path) -> None:
    """Copy the workbook openpyxl ``saved`` to ``target`` with each streamed sheet's rows in place and
    every sheet's numbers in their shortest form (:func:`number_text`)."""
    rows = {sheet.ws.path.lstrip("/"): sheet.sheet_data for sheet in sheets if sheet.sheet_data is not None}
    with (
        zipfile.ZipFile(io.BytesIO(saved)) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            data = source.read(info)
            sheet_data = rows.get(info.filename)
            if sheet_data is not None:
                if data.count(_EMPTY_SHEET_DATA) != 1:
                    raise ValueError(f"{info.filename}: no empty <sheetData> to fill")
                data = data.replace(_EMPTY_SHEET_DATA, sheet_data)
            elif info.filename.startswith("xl/worksheets/"):
                data = _shortest_numbers(data)
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def freeze_below(ws: Worksheet, header_row: int, *, columns: int = 0) -> None:
    """Keep the rows up to ``header_row`` (and ``columns`` left columns) in view while scrolling."""
    ws.freeze_panes = f"{get_column_letter(columns + 1)}{header_row + 1}"


def setup_print(
    ws: Worksheet,
    *,
    landscape: bool = False,
    header_row: int | None = None,
    footer: str | None = None,
) -> None:
    """A4, fitted to one page wide (as many pages tall as needed), header rows on every printed page."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = (
        Worksheet.ORIENTATION_LANDSCAPE if landscape else Worksheet.ORIENTATION_PORTRAIT
    )
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # 0 = as many pages as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    # the footer stands 0.3" from the paper's edge, inside a 0.75" margin: room for its line in Excel and
    # in LibreOffice, which otherwise cuts it at the edge of the paper
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    if footer:
        ws.oddFooter.left.text = footer.replace("&", "&&")  # "&" starts a code in header/footer text
        ws.oddFooter.left.font = FONT_NAME
        ws.oddFooter.left.size = 8  # small type, so that a long title fits beside the page number
    # Excel's page-number codes: "&P. lapa no &N" prints "1. lapa no 3"
    ws.oddFooter.right.text = "&P. lapa no &N"
    ws.oddFooter.right.font = FONT_NAME
    ws.oddFooter.right.size = 8


def save_workbook(workbook: Workbook, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Save through a temporary file in the same folder, so a failure never leaves half a workbook.

    ``overwrite=False`` refuses an existing file (the GUI must never replace a file silently; the command
    line may overwrite what it is told to write).
    """
    with atomic_output(path, overwrite=overwrite, suffix=".xlsx") as temporary:
        buffer = io.BytesIO()
        workbook.save(buffer)
        _put_rows(buffer.getvalue(), _STREAMED.get(workbook, []), temporary)
    return Path(path)
