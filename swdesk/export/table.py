"""A list as the window shows it — filtered, sorted, its visible columns — saved as an .xlsx workbook
(issue 14: Darbinieki, Apmācības, Pārbaudes…).

The window collects what it shows (headers, the rows in their order, each value typed: a date is a date, an
amount a number); this writer only lays it out with the rules every swdesk workbook keeps
(:mod:`swdesk.export.xlsx`): text is never a formula, numbers carry their format, dates show dd.mm.yyyy, the
header row is frozen and repeated on every printed page. A few lines above the table say what the list is
(its title, the filter, how many rows of how many), so a printout is not mistaken for the whole list.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from swdesk.export.xlsx import (
    Column,
    add_sheet,
    fit_columns,
    fit_row_heights,
    freeze_below,
    new_workbook,
    save_workbook,
    setup_print,
    write_table,
    write_title_block,
)


@dataclass(frozen=True)
class ShownList:
    """What a list shows: its title, lines about it (filter, count), the columns and the rows in order."""

    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Any]]
    notes: Sequence[str] = field(default_factory=tuple)


def write_list_xlsx(shown: ShownList, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write ``shown`` as one sheet; returns the path. ``overwrite=False`` refuses an existing file."""
    for number, row in enumerate(shown.rows, start=1):
        if len(row) != len(shown.columns):
            raise ValueError(f"row {number}: {len(row)} values for {len(shown.columns)} columns")
    workbook = new_workbook()
    ws = add_sheet(workbook, shown.title)
    start = write_title_block(ws, title=shown.title, lines=[(note, None, "text") for note in shown.notes])
    header_row, last_row = write_table(ws, columns=shown.columns, rows=shown.rows, start_row=start)
    freeze_below(ws, header_row)
    if shown.columns:
        # Excel's and LibreOffice's filter buttons on the header, to narrow the list further there
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(shown.columns))}{max(last_row, header_row)}"
    fit_columns(ws, columns=shown.columns, from_row=header_row)
    fit_row_heights(ws, rows=range(header_row, header_row + 1))
    setup_print(ws, landscape=len(shown.columns) > 5, header_row=header_row, footer=shown.title)
    return save_workbook(workbook, path, overwrite=overwrite)
