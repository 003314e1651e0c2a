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
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from swdesk.export.common import atomic_output

# Leading characters with which a spreadsheet may read a text as a formula (OWASP "CSV injection" list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Characters XML 1.0 cannot hold; openpyxl raises on them, so a stray control character pasted into a
# name must not make the whole export fail.
_ILLEGAL_XML = re.compile(r"[\000-\010\013\014\016-\037]")

MONEY_FORMAT = "#,##0.00"
MONEY_EUR_FORMAT = '#,##0.00 "EUR"'
HOURS_FORMAT = "0.00"
FTE_FORMAT = "0.00"
INTEGER_FORMAT = "0"
DECIMAL1_FORMAT = "0.0"
SHARE_FORMAT = "0.0%"
DATE_FORMAT = "dd.mm.yyyy"

ColumnKind = Literal["text", "money", "hours", "fte", "int", "year", "decimal1", "share", "date"]

_NUMBER_FORMATS: dict[str, str] = {
    "money": MONEY_FORMAT,
    "hours": HOURS_FORMAT,
    "fte": FTE_FORMAT,
    "int": INTEGER_FORMAT,
    "year": INTEGER_FORMAT,
    "decimal1": DECIMAL1_FORMAT,
    "share": SHARE_FORMAT,
}

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TOTAL_FONT = Font(bold=True)
TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TITLE_FONT = Font(bold=True, size=14)
LABEL_FONT = Font(bold=True)
_THIN = Side(style="thin", color="999999")
HEADER_BORDER = Border(bottom=_THIN, top=_THIN)
# Style objects are made once: openpyxl hashes each one assigned, and a new object per cell makes a
# 300-row claim noticeably slow.
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="center", horizontal="center")
TOP = Alignment(vertical="top")
TOP_WRAPPED = Alignment(vertical="top", wrap_text=True)
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


def set_text(cell: Cell, value: object) -> Cell:
    """Write ``value`` as a text cell that no spreadsheet evaluates (see the module docstring)."""
    if value is None:
        cell.value = None
        return cell
    text = safe_text(value)
    cell.value = text
    # openpyxl has just guessed "f" (formula) for "=..." or "e" (error) for "#N/A"; a name is neither.
    cell.data_type = "s"
    if is_formula_like(str(value)) or is_formula_like(text):
        cell.quotePrefix = True
    return cell


def set_number(cell: Cell, value: Decimal | int | float | None, number_format: str) -> Cell:
    """A number cell (negative numbers stay numbers) with its display format; None leaves it empty."""
    if value is None:
        cell.value = None
    else:
        if isinstance(value, bool):  # bool is an int; a flag written as 1/0 would mislead
            raise TypeError("a boolean is not a number for a spreadsheet")
        cell.value = value
    cell.number_format = number_format
    return cell


def set_date(cell: Cell, value: dt.date | None) -> Cell:
    """A real date (Excel serial number) shown as ``dd.mm.yyyy``."""
    if isinstance(value, dt.datetime):
        value = value.date()
    cell.value = value
    cell.number_format = DATE_FORMAT
    return cell


def set_value(cell: Cell, value: Any, kind: ColumnKind) -> Cell:
    """Write ``value`` by the kind of its column."""
    if kind == "text":
        return set_text(cell, value)
    if kind == "date":
        return set_date(cell, value)
    if value is not None and not isinstance(value, int | float | Decimal):
        # A non-number in a number column is a programming error upstream, but the document still has
        # to come out readable: keep it as (safe) text rather than failing the whole export.
        return set_text(cell, value)
    return set_number(cell, value, _NUMBER_FORMATS[kind])


@dataclass(frozen=True)
class Column:
    """A column of a table sheet: its visible header and what kind of values it holds."""

    header: str
    kind: ColumnKind = "text"
    # widest the column may be fitted to; long free texts (reasons, topics) wrap beyond this
    max_width: float = 45


def new_workbook() -> Workbook:
    """A workbook without openpyxl's default empty sheet, so every sheet is one we named."""
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


def _display_length(cell: Cell) -> int:
    value = cell.value
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int | float | Decimal):
        # formatted with group separator and 2 decimals, plus " EUR" where the format says so
        text = f"{float(value):,.2f}"
        return len(text) + (4 if "EUR" in (cell.number_format or "") else 0)
    return max((len(part) for part in str(value).splitlines()), default=0)


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
    for row in ws.iter_rows(min_row=from_row):
        for cell in row:
            if cell.value is None or not hasattr(cell, "column"):
                continue
            if (
                cell.font is not None
                and cell.font.b
                and isinstance(cell.value, str)
                and cell.alignment.wrap_text
            ):
                # a wrapped header: its longest word has to fit, not the whole text
                length = max((len(word) for word in cell.value.split()), default=0)
            else:
                length = _display_length(cell)
            if cell.font is not None and cell.font.sz and cell.font.sz > 12:
                continue  # the title spans across columns; it must not widen column A
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    for index, length in widths.items():
        limit = max_width
        if columns is not None and index <= len(columns):
            limit = columns[index - 1].max_width
        ws.column_dimensions[get_column_letter(index)].width = max(min_width, min(limit, length * 1.1 + 2))


def freeze_below(ws: Worksheet, header_row: int, *, columns: int = 0) -> None:
    """Keep the rows up to ``header_row`` (and ``columns`` left columns) in view while scrolling."""
    ws.freeze_panes = ws.cell(row=header_row + 1, column=columns + 1)


def setup_print(
    ws: Worksheet,
    *,
    landscape: bool = False,
    header_row: int | None = None,
    footer: str | None = None,
) -> None:
    """A4, fitted to one page wide (as many pages tall as needed), header rows on every printed page."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # 0 = as many pages as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_options.horizontalCentered = True
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    if footer:
        ws.oddFooter.left.text = footer.replace("&", "&&")  # "&" starts a code in header/footer text
    # Excel's page-number codes: "&P. lapa no &N" prints "1. lapa no 3"
    ws.oddFooter.right.text = "&P. lapa no &N"


def save_workbook(workbook: Workbook, path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """Save through a temporary file in the same folder, so a failure never leaves half a workbook.

    ``overwrite=False`` refuses an existing file (the GUI must never replace a file silently; the command
    line may overwrite what it is told to write).
    """
    with atomic_output(path, overwrite=overwrite, suffix=".xlsx") as temporary:
        workbook.save(temporary)
    return Path(path)
