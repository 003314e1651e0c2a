"""Izmaiņu vēsture (issue 17 point 2): who changed what, when and through what — the whole service's changes
with filters, and one record's own changes behind each edit form's "Vēsture…" button.

The table reads ``swdesk.records.history.find`` a page at a time (newest first, by the change's id), and asks
for the next page only when the list is scrolled to its end (Qt's canFetchMore/fetchMore), so it opens at
once on hundreds of thousands of changes. Values are stored as canonical text (ISO dates, "1.5"); they are
shown as a Latvian reader writes them: 01.02.2026, 0,5, jā/nē.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_datetime, fmt_exact, fmt_number
from swdesk.gui.context import AppContext
from swdesk.gui.widgets import DateEdit, FormProblem, make_table

_Index = QModelIndex | QPersistentModelIndex
PAGE = 200


def shown_value(kind: str, field: str | None, text: str | None) -> str:
    """A stored value as the user reads it: dates dd.mm.yyyy, decimal comma, yes/no in words; a whole
    record (added or deleted) as "field: value" pairs."""
    from swdesk.db import history as h

    if text is None:
        return ""
    if field is None:
        try:
            values = json.loads(text)
        except ValueError:
            return text
        if not isinstance(values, dict):
            return text
        return "; ".join(
            f"{field_label(name)}: {shown_value(kind, name, None if value is None else str(value))}"
            for name, value in values.items()
            if value not in (None, "") and name != "id"
        )
    model = h.MODEL_OF.get(kind)
    try:
        value = h.from_text(model, field, text) if model is not None else text
    except (KeyError, ValueError, InvalidOperation):
        value = text
    places = None
    if isinstance(value, Decimal) and model is not None:
        places = getattr(getattr(model, "__table__").columns[field].type, "places", None)  # noqa: B009 - mypy
    if places is not None:  # money and hours with their cents (1 450,00), FTE and weights as written (0,75)
        return fmt_number(value, places, trim=places != 2)
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, dt.datetime):
        return fmt_datetime(value)
    if isinstance(value, dt.date):
        return fmt_date(value)
    if isinstance(value, Decimal):
        return fmt_exact(value, trim=False)
    return str(value)


def record_text(kind: str, key: str) -> str:
    """The record in words: "Darbinieks 1116", "Iestatījums hours.academic_minutes, 01.01.2000"."""
    from swdesk.db.history import KEY_SEPARATOR
    from swdesk.records.history import kind_label

    parts = []
    for part in key.split(KEY_SEPARATOR):
        try:
            parts.append(fmt_date(dt.date.fromisoformat(part)) if len(part) == 10 else part)
        except ValueError:
            parts.append(part)
    return f"{kind_label(kind)} {', '.join(parts)}"


def _yes_no(value: bool) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("history", "yes") if value else QCoreApplication.translate("history", "no")


def field_label(field: str | None) -> str:
    """The field in the user's words where the forms name it so (else its stored name)."""
    from PySide6.QtCore import QCoreApplication

    if field is None:
        return ""
    labels = {
        "tabeles_nr": "Employee no.",
        "first_name": "First name",
        "last_name": "Last name",
        "personal_code": "Personal code",
        "position_code": "Position",
        "fte": "FTE",
        "start": "Start",
        "end": "End",
        "education_code": "Education",
        "salary": "Salary",
        "unit_name": "Unit",
        "specialization": "Specialisation",
        "announced": "Announced",
        "filled": "Filled on",
        "notes": "Notes",
        "work_type_code": "Work type",
        "unit_code": "Unit of measure",
        "max_per_fte": "Max per FTE a month",
        "weight": "Weight",
        "month": "Month",
        "cases": "Cases",
        "applications": "Applications",
        "persons": "Persons served",
        "date": "Date",
        "hours": "Hours",
        "category_code": "Category",
        "description": "Description",
        "duration": "Duration",
        "topic": "Topic",
        "provider": "Provider",
        "cost": "Cost",
        "residents": "Residents",
        "value": "Value",
        "valid_from": "Valid from",
        "name": "Name",
        "key": "Setting",
        "code": "Code",
        "head_name": "Head",
        "parent_id": "Parent unit",
        "group": "Salary group",
        "year": "Year",
        "min": "Minimum",
        "mid": "Middle",
        "max": "Maximum",
        "kind": "Kind",
        "form": "Form",
        "minutes": "Minutes",
        "duration_unit": "Duration unit",
        "invoice": "Invoice no.",
        "certified_supervisor": "Certified supervisor",
        "planned": "Planned",
        "municipality": "Municipality",
        "staff_id": "Staff member",
        "note": "Note",
    }
    source = labels.get(field)
    return QCoreApplication.translate("history", source) if source else field


class HistoryModel(QAbstractTableModel):
    """Changes, newest first, a page at a time: ``filters`` are ``records.history.find``'s keywords."""

    def __init__(self, parent: Any = None, *, with_record: bool = True) -> None:
        super().__init__(parent)
        self.database: Any = None
        self.filters: dict[str, Any] = {}
        self.entries: list[Any] = []
        self.names: dict[int, str] = {}
        self.more = False
        self.with_record = with_record
        self.headers = [self.tr("When"), self.tr("Who"), self.tr("Through")]
        if with_record:
            self.headers += [self.tr("Record"), self.tr("Person")]
        self.headers += [self.tr("Change"), self.tr("Field"), self.tr("Old value"), self.tr("New value")]

    def load(self, database: Any, **filters: Any) -> None:
        """Show the first page of the changes that match ``filters``."""
        self.beginResetModel()
        self.database, self.filters = database, filters
        self.entries, self.more = [], True
        with database.read() as session:
            self.names = {
                i: f"{first} {last}"
                for i, first, last in session.execute(select(m.Staff.id, m.Staff.first_name, m.Staff.last_name))
            }
        self.entries = self._fetch()
        self.endResetModel()

    def _fetch(self) -> list[Any]:
        from swdesk.records.history import find

        before = self.entries[-1].id if self.entries else None
        with self.database.read() as session:
            page = find(session, limit=PAGE, before_id=before, **self.filters)
        self.more = len(page) == PAGE
        return page

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self.more and self.database is not None

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid() or not self.entries:
            return
        page = self._fetch()
        if page:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.entries.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def through(self, entry: Any) -> str:
        """The source in words: the form's or grid's name, the import's file."""
        kind, _, name = entry.through.partition(":")
        words = {
            "forma": self.tr("form %1"),
            "režģis": self.tr("grid %1"),
            "komanda": self.tr("command swdesk %1"),
            "atsaukšana": self.tr("undo of %1"),
        }
        text = words[kind].replace("%1", name) if kind in words and name else entry.through
        if entry.file_name:
            text = f"{text} ({entry.file_name})"
        if entry.undone_by is not None:
            text = self.tr("%1, undone").replace("%1", text)
        return text

    def texts(self, entry: Any) -> list[str]:
        from swdesk.records.history import op_label

        user = entry.os_user + (f" ({entry.db_user})" if entry.db_user else "")
        row = [fmt_datetime(entry.at), user, self.through(entry)]
        if self.with_record:
            row += [record_text(entry.record_kind, entry.record_key), self.names.get(entry.staff_id, "")
                    if entry.staff_id is not None else ""]
        row += [op_label(entry.op), field_label(entry.field), shown_value(entry.record_kind, entry.field, entry.old),
                shown_value(entry.record_kind, entry.field, entry.new)]
        return row

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(self.entries[index.row()])[index.column()]
        return None


def history_table(parent: QWidget, model: HistoryModel) -> QTableView:
    table = make_table(parent)
    table.setModel(model)
    table.setSortingEnabled(False)  # newest first, as read
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fit_history(table: QTableView, widest: int = 180) -> None:
    """Columns as wide as their texts but none wider than ``widest`` (a long note is read in its tooltip),
    and the new value in the room that is left, so that every column is seen on a 1366 px screen."""
    table.resizeColumnsToContents()
    last = table.model().columnCount() - 1
    for column in range(last):
        if table.columnWidth(column) > widest:
            table.setColumnWidth(column, widest)
    used = sum(table.columnWidth(c) for c in range(last))
    table.setColumnWidth(last, max(widest, table.viewport().width() - used))


class HistoryView(QWidget):
    """Izmaiņu vēsture: every change, filtered by record kind, person, dates, user and source."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from swdesk.db.history import KIND_OF
        from swdesk.records.history import kind_label

        super().__init__(parent)
        self.ctx = ctx
        self.model = HistoryModel(self)
        self.table = history_table(self, self.model)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Every record"), None)
        for kind in sorted(set(KIND_OF.values()), key=kind_label):
            self.kind.addItem(kind_label(kind), kind)
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("Employee no."))
        self.person.setMaximumWidth(120)
        self.since, self.until = DateEdit(), DateEdit()
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("User"))
        self.user.setMaximumWidth(120)
        self.source = QComboBox()
        for label, value in (
            (self.tr("Every source"), None),
            (self.tr("Forms"), "forma:"),
            (self.tr("Caseload grid"), "režģis:"),
            (self.tr("Imports"), "imports"),
            (self.tr("Undone imports"), "atsaukšana:"),
            (self.tr("Commands"), "komanda:"),
        ):
            self.source.addItem(label, value)
        self.filter = self.person  # Ctrl+F lands here (swdesk.gui.keyboard finds a view's ``filter``)
        self.apply_button = QPushButton(self.tr("Show"))
        self.apply_button.clicked.connect(self.refresh)
        for edit in (self.person, self.user):
            edit.returnPressed.connect(self.refresh)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        bar = QHBoxLayout()
        for label, widget in (
            (self.tr("Record:"), self.kind),
            (self.tr("Person:"), self.person),
            (self.tr("From:"), self.since),
            (self.tr("To:"), self.until),
            (self.tr("User:"), self.user),
            (self.tr("Source:"), self.source),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addWidget(self.apply_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)

    def filters(self) -> dict[str, Any]:
        """The filters as ``records.history.find`` takes them; FormProblem for a date that is not one."""
        since = self.since.read(missing=None)
        until = self.until.read(missing=None)
        found: dict[str, Any] = {"kind": self.kind.currentData(), "since": since, "until": until,
                                 "through": self.source.currentData()}
        if self.person.text().strip():
            found["person"] = self.person.text().strip()
        if self.user.text().strip():
            found["os_user"] = self.user.text().strip()
        return {k: v for k, v in found.items() if v is not None}

    def refresh(self) -> None:
        try:
            filters = self.filters()
        except FormProblem as problem:
            self.problem.setText(problem.message)
            self.problem.show()
            problem.widget.setFocus()
            return
        self.problem.hide()
        self.model.load(self.ctx.database, **filters)
        fit_history(self.table)


class RecordHistoryDialog(QDialog):
    """One record's changes (an edit form's "Vēsture…"): when, who, through what, field, old → new."""

    def __init__(self, ctx: AppContext, kind: str, key: Any, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: %1").replace("%1", title))
        self.resize(900, 420)
        self.model = HistoryModel(self, with_record=False)
        self.model.load(ctx.database, kind=kind, key=key)
        self.table = history_table(self, self.model)
        fit_history(self.table)
        empty = QLabel(self.tr("No changes of this record have been recorded."))
        empty.setVisible(not self.model.entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)


__all__ = ["HistoryModel", "HistoryView", "RecordHistoryDialog", "field_label", "shown_value"]
