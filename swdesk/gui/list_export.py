"""Fails → Saglabāt sarakstu kā Excel… (Ctrl+Shift+S): the list of the current view as it is shown — the rows
the filter lets through, in the order they are sorted, the columns not hidden, in their order on the screen —
written by :func:`swdesk.export.table.write_list_xlsx` (issue 14).

What a cell shows is what goes into the workbook, typed back: a column of numbers (a model's ``numeric``
column) whose every cell reads as a date becomes dates, as amounts in EUR money, as hours, as a percentage
a share, as a number a number with as many decimals as shown; anything else stays the text shown (an
employee number such as 0008 is text, never 8).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QSpinBox, QTableView, QWidget

from swdesk.formats import fmt_datetime, parse_decimal

if TYPE_CHECKING:
    from swdesk.export.table import ShownList
    from swdesk.export.xlsx import ColumnKind
    from swdesk.gui.mainwindow import MainWindow

KEY_FOLDER = "lists/folder"
_DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")
_NUMBER = re.compile(r"-?[0-9][0-9\u00a0 ]*(,[0-9]+)?")
# a shown value's ending and the kind of column it makes
_UNITS: tuple[tuple[str, ColumnKind], ...] = (("\u00a0EUR", "money"), (" EUR", "money"), ("\u00a0h", "hours"), (" h", "hours"))
_EMPTY = ("", "—")
# the views whose list can be saved (their ``table``; Apmācības' hours table too, when the cursor is in it)
LIST_VIEWS = ("staff", "vacancies", "duties", "training", "findings")


def typed_value(text: str) -> tuple[Any, ColumnKind | None]:
    """A shown text read back: (value, kind), or (text, None) when it is not a date or a number."""
    text = text.strip()
    if _DATE.fullmatch(text):
        try:
            return dt.date(int(text[6:]), int(text[3:5]), int(text[:2])), "date"
        except ValueError:
            return text, None
    if text.endswith("%"):
        number = _number(text[:-1])
        return (number / 100, "share") if number is not None else (text, None)
    for ending, kind in _UNITS:
        if text.endswith(ending):
            number = _number(text[: -len(ending)])
            return (number, kind) if number is not None else (text, None)
    number = _number(text)
    if number is None:
        return text, None
    places = -int(number.as_tuple().exponent)
    return number, "int" if places <= 0 else "decimal1" if places == 1 else "fte" if places == 2 else "number"


def _number(text: str) -> Decimal | None:
    text = text.strip()
    return parse_decimal(text) if _NUMBER.fullmatch(text) else None


# when a column's cells read as numbers with different places, the one that shows them all
_WIDER = {"int": 0, "decimal1": 1, "fte": 2, "number": 3}


def column_values(texts: Sequence[str], numeric: bool) -> tuple[list[Any], ColumnKind]:
    """The cells of one column typed, and the column's kind: text unless every shown value agrees."""
    if not numeric:
        return [None if t == "" else t for t in texts], "text"
    read = [typed_value(t) if t.strip() not in _EMPTY else (None, None) for t in texts]
    found = {kind for value, kind in read if value is not None}
    if None in found or not found:
        return [None if t.strip() in _EMPTY else t for t in texts], "text"
    kinds: set[ColumnKind] = {k for k in found if k is not None}
    if kinds <= set(_WIDER):
        kind = max(kinds, key=lambda k: _WIDER[k])
    elif len(kinds) == 1:
        kind = next(iter(kinds))
    else:
        return [None if t.strip() in _EMPTY else t for t in texts], "text"
    return [value for value, _kind in read], kind


def shown_list(table: QTableView, title: str, notes: Sequence[str] = ()) -> ShownList:
    """What ``table`` shows now, as the core writer takes it."""
    from swdesk.export.table import ShownList
    from swdesk.export.xlsx import Column

    model = table.model()
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    described = getattr(source, "columns", None)
    header = table.horizontalHeader()
    logical = [header.logicalIndex(v) for v in range(header.count())]
    logical = [c for c in logical if not table.isColumnHidden(c)]
    texts = [
        [str(model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or "") for r in range(model.rowCount())]
        for c in logical
    ]
    columns: list[Column] = []
    values: list[list[Any]] = []
    for c, cells in zip(logical, texts, strict=True):
        numeric = bool(described[c].numeric) if described is not None and c < len(described) else False
        typed, kind = column_values(cells, numeric)
        name = str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        columns.append(Column(" ".join(name.split()), kind, max_width=60))
        values.append(typed)
    rows = [list(row) for row in zip(*values, strict=True)] if values else []
    return ShownList(title=title, columns=columns, rows=rows, notes=tuple(notes))


class ListExport(QObject):
    """The action's work for the main window: which list, which notes, where to save."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window

    def current_table(self) -> tuple[str, QWidget, QTableView] | None:
        key = self.window_.current_view_key()
        if key not in LIST_VIEWS or key not in self.window_._views:
            return None
        view = self.window_._views[key]
        table = getattr(view, "table", None)
        other = getattr(view, "hours_table", None)  # Apmācības: the hours per person, when that is in use
        focus = QApplication.focusWidget()
        if isinstance(other, QTableView) and focus is not None and (focus is other or other.isAncestorOf(focus)):
            table = other
        return (key, view, table) if isinstance(table, QTableView) else None

    def title(self, key: str, view: QWidget, table: QTableView) -> str:
        item = self.window_.nav.item(self.window_.nav.currentRow())
        title = item.text() if item is not None else key
        group = table.parentWidget()
        while group is not None and group is not view:
            box_title = getattr(group, "title", None)
            if callable(box_title) and box_title():
                return f"{title} — {box_title()}"
            group = group.parentWidget()
        return title

    def notes(self, view: QWidget, table: QTableView) -> list[str]:
        """The year, the choices and the filter the list is shown with, and how many rows of how many."""
        lines: list[str] = []
        year = getattr(view, "year", None)
        if isinstance(year, QSpinBox):
            lines.append(self.tr("Year: %1").replace("%1", str(year.value())))
        elif isinstance(year, QComboBox):
            lines.append(self.tr("Year: %1").replace("%1", year.currentText()))
        for name in ("severity", "rule"):
            box = getattr(view, name, None)
            if isinstance(box, QComboBox) and box.currentIndex() > 0:
                lines.append(box.currentText())
        field = getattr(view, "hours_filter" if table is getattr(view, "hours_table", None) else "filter", None)
        text = field.text().strip() if field is not None else ""
        if text:
            lines.append(self.tr("Filter: “%1”").replace("%1", text))
        model = table.model()
        source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
        lines.append(
            self.tr("%1 of %2 rows shown, saved %3")
            .replace("%1", str(model.rowCount()))
            .replace("%2", str(source.rowCount()))
            .replace("%3", fmt_datetime(dt.datetime.now()))
        )
        return lines

    def shown(self) -> ShownList | None:
        found = self.current_table()
        if found is None:
            return None
        key, view, table = found
        return shown_list(table, self.title(key, view, table), self.notes(view, table))

    def save(self) -> None:
        from swdesk.export.names import free_path

        shown = self.shown()
        if shown is None:
            self.window_.statusBar().showMessage(
                self.tr("Only the lists of Staff, Vacancies, Duties, Training and Checks can be saved as Excel."), 6000
            )
            return
        folder = QSettings().value(KEY_FOLDER)
        start = Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else Path.home()
        name = re.sub(r"[\\/:*?\"<>|]", " ", shown.title).strip() + f" {dt.date.today():%d.%m.%Y}.xlsx"
        suggested = free_path(start / name)
        # Qt's save dialog asks before it lets an existing file be chosen: nothing is replaced silently
        target, _ = QFileDialog.getSaveFileName(
            self.window_, self.tr("Save the list as Excel"), str(suggested), self.tr("Excel workbooks (*.xlsx)")
        )
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        QSettings().setValue(KEY_FOLDER, str(path.parent))
        self.save_to(shown, path)

    def save_to(self, shown: ShownList, path: Path) -> None:
        from swdesk.export.table import write_list_xlsx
        from swdesk.gui.operations import run_operation

        def done(written: Path) -> None:
            self.window_.statusBar().showMessage(self.tr("Saved: %1").replace("%1", str(written)), 15000)

        run_operation(
            lambda _c: write_list_xlsx(shown, path, overwrite=True),
            parent=self.window_,
            label=self.tr("Writing…"),
            on_success=done,
        )
