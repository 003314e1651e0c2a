"""Lietas: a month grid for fast entry — rows are staff, columns are work type × unit.

Keyboard driven like a spreadsheet: typing overwrites a cell, Enter moves down, Tab moves right, and a
block copied from Excel pastes from the current cell. Every change is written at once in one
transaction. A cell whose load per FTE is above the workload criterion that applies to the person (a
criterion for their position replaces a ``*`` one, SPEC §2 R3) is highlighted, its tooltip gives the load.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.gui.context import AppContext
from swdesk.gui.formatting import fmt_fte, fmt_number

_Index = QModelIndex | QPersistentModelIndex
UNIT_FIELDS = {"LIETAS": "cases", "IESN": "applications", "PERS": "persons"}
OVER = QColor("#f8c4c4")
FIXED = 2  # name and FTE come before the work type × unit columns


@dataclass
class GridPerson:
    id: int
    name: str
    position_code: str
    fte: Decimal


class CaseloadGridModel(QAbstractTableModel):
    """One month of caseloads; edits write through to the database."""

    written = Signal()

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.month = dt.date.today().replace(day=1)
        self.people: list[GridPerson] = []
        self.pairs: list[tuple[str, str]] = []  # (work type, unit)
        self.pair_names: dict[tuple[str, str], str] = {}
        self.values: dict[tuple[int, str, str], int] = {}
        self.criteria: dict[tuple[str, str, str], Decimal] = {}

    def load(self, month: dt.date) -> None:
        month = month.replace(day=1)
        last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        with self.database.read() as session:
            staff = session.execute(
                select(m.Staff.id, m.Staff.first_name, m.Staff.last_name, m.Staff.position_code, m.Staff.fte)
                .where(m.Staff.start <= last, (m.Staff.end.is_(None)) | (m.Staff.end >= month))
                .order_by(m.Staff.last_name, m.Staff.first_name)
            ).all()
            work_types = dict(session.execute(select(m.WorkType.code, m.WorkType.name)).all())
            units = dict(session.execute(select(m.Unit.code, m.Unit.name)).all())
            criteria = session.execute(
                select(
                    m.Criterion.position_code,
                    m.Criterion.work_type_code,
                    m.Criterion.unit_code,
                    m.Criterion.max_per_fte,
                )
            ).all()
            rows = session.scalars(select(m.Caseload).where(m.Caseload.month == month)).all()
            values: dict[tuple[int, str, str], int] = {}
            for row in rows:
                for unit, field in UNIT_FIELDS.items():
                    value = getattr(row, field)
                    if value is not None:
                        values[(row.staff_id, row.work_type_code, unit)] = value
        pairs = {(c.work_type_code, c.unit_code) for c in criteria}
        pairs |= {(wt, unit) for (_sid, wt, unit) in values}
        if not pairs:
            pairs = {(code, "LIETAS") for code in work_types}
        order = list(work_types)
        unit_order = list(UNIT_FIELDS)
        self.beginResetModel()
        self.month = month
        self.people = [
            GridPerson(s.id, f"{s.first_name} {s.last_name}", s.position_code, s.fte) for s in staff
        ]
        self.pairs = sorted(
            pairs,
            key=lambda p: (
                order.index(p[0]) if p[0] in order else 99,
                unit_order.index(p[1]) if p[1] in unit_order else 9,
            ),
        )
        # headers wrap the long work type names over lines; the unit goes on the last line
        self.pair_names = {
            p: "\n".join(
                [
                    *textwrap.wrap(work_types.get(p[0], p[0]), 16),
                    *textwrap.wrap(f"({units.get(p[1], p[1])})", 16),
                ]
            )
            for p in self.pairs
        }
        self.values = values
        self.criteria = {(c.position_code, c.work_type_code, c.unit_code): c.max_per_fte for c in criteria}
        self.endResetModel()

    # --- the criterion and the load -------------------------------------------------------------------

    def criterion(self, person: GridPerson, pair: tuple[str, str]) -> Decimal | None:
        """The person's position's criterion, else the ``*`` one (SPEC §2 R3)."""
        own = self.criteria.get((person.position_code, *pair))
        return own if own is not None else self.criteria.get(("*", *pair))

    def load_per_fte(self, person: GridPerson, value: int) -> Decimal:
        return Decimal(value) / person.fte if person.fte else Decimal(0)

    def is_over(self, row: int, column: int) -> bool:
        if column < FIXED:
            return False
        person, pair = self.people[row], self.pairs[column - FIXED]
        value = self.values.get((person.id, *pair))
        limit = self.criterion(person, pair)
        return value is not None and limit is not None and self.load_per_fte(person, value) > limit

    # --- Qt model ---------------------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED + len(self.pairs)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if FIXED <= section < FIXED + len(self.pairs):
                return self.pair_names[self.pairs[section - FIXED]].replace("\n", " ")
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("Staff member")
        if section == 1:
            return self.tr("FTE")
        if FIXED <= section < FIXED + len(self.pairs):
            return self.pair_names[self.pairs[section - FIXED]]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() >= FIXED else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.people)):
            return None
        person, column = self.people[index.row()], index.column()
        if column == 0:
            return person.name if role == Qt.ItemDataRole.DisplayRole else None
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return fmt_fte(person.fte)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        pair = self.pairs[column - FIXED]
        value = self.values.get((person.id, *pair))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_over(index.row(), column):
            return QBrush(OVER)
        if role == Qt.ItemDataRole.ToolTipRole and value is not None:
            limit = self.criterion(person, pair)
            text = self.tr("%1 per FTE").replace("%1", fmt_number(self.load_per_fte(person, value), 2))
            if limit is not None:
                text += "; " + self.tr("criterion %1").replace("%1", fmt_number(limit, 2))
            return text
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < FIXED:
            return False
        parsed = parse_count(value)
        if parsed is False:
            return False
        return self.set_block([(index.row(), index.column(), parsed)])

    def set_block(self, cells: list[tuple[int, int, int | None]]) -> bool:
        """Write cells (row, column, value or None) in one transaction, then show them."""
        cells = [
            (r, c, v) for r, c, v in cells if 0 <= r < len(self.people) and FIXED <= c < self.columnCount()
        ]
        if not cells:
            return False
        with self.database.write() as session:
            for row, column, value in cells:
                person, (work_type, unit) = self.people[row], self.pairs[column - FIXED]
                record = session.scalar(
                    select(m.Caseload).where(
                        m.Caseload.staff_id == person.id,
                        m.Caseload.month == self.month,
                        m.Caseload.work_type_code == work_type,
                    )
                )
                if record is None:
                    if value is None:
                        continue
                    record = m.Caseload(staff_id=person.id, month=self.month, work_type_code=work_type)
                    session.add(record)
                setattr(record, UNIT_FIELDS[unit], value)
                if record.cases is None and record.applications is None and record.persons is None:
                    session.delete(record)
                session.flush()
        for row, column, value in cells:
            key = (self.people[row].id, *self.pairs[column - FIXED])
            if value is None:
                self.values.pop(key, None)
            else:
                self.values[key] = value
            index = self.index(row, column)
            self.dataChanged.emit(index, index)
        self.written.emit()
        return True


def parse_count(value: Any) -> int | None | bool:
    """A whole number typed into a cell; None for an empty cell; False when it is not a count."""
    text = str(value if value is not None else "").strip().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    return False


class CaseloadGrid(QTableView):
    """Enter moves down after an edit, like a spreadsheet; Ctrl+V pastes a block from Excel."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move(1, 0)
            return
        super().closeEditor(editor, hint)

    def _move(self, down: int, right: int) -> None:
        current = self.currentIndex()
        target = self.model().index(current.row() + down, current.column() + right)
        if target.isValid():
            self.setCurrentIndex(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QGuiApplication.clipboard().text())
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self._move(1, 0)
            return
        if event.key() == Qt.Key.Key_Delete:
            model = self.model()
            cells = [(i.row(), i.column(), None) for i in self.selectedIndexes() if i.column() >= FIXED]
            if isinstance(model, CaseloadGridModel) and cells:
                model.set_block(cells)
            return
        super().keyPressEvent(event)

    def paste(self, text: str) -> bool:
        """Paste tab-separated lines (as Excel copies them) from the current cell on."""
        model = self.model()
        start = self.currentIndex()
        if not isinstance(model, CaseloadGridModel) or not start.isValid():
            return False
        cells = []
        for r, line in enumerate(text.rstrip("\r\n").splitlines()):
            for c, cell in enumerate(line.split("\t")):
                value = parse_count(cell)
                if value is not False:
                    cells.append((start.row() + r, start.column() + c, value))
        return model.set_block(cells)


class CaseloadView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseloadGridModel(ctx.database, self)
        self.model.written.connect(self.ctx.changed)
        self.grid = CaseloadGrid(self)
        self.grid.setModel(self.model)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.grid.verticalHeader().setVisible(False)
        self.grid.verticalHeader().setDefaultSectionSize(24)
        self.grid.horizontalHeader().setDefaultSectionSize(118)
        self.grid.setWordWrap(False)

        today = dt.date.today()
        self.month = QComboBox()
        for number, name in enumerate(self.month_names(), start=1):
            self.month.addItem(name, number)
        self.month.setCurrentIndex(today.month - 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year.valueChanged.connect(lambda _v: self.refresh())
        hint = QLabel(
            self.tr(
                "Type to overwrite a cell; Enter moves down, Tab moves right; Ctrl+V pastes a "
                "block copied from Excel. Red cells are above the workload criterion."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month:")))
        bar.addWidget(self.month)
        bar.addWidget(self.year)
        bar.addSpacing(12)
        bar.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)

    def month_names(self) -> list[str]:
        return [
            self.tr("January"),
            self.tr("February"),
            self.tr("March"),
            self.tr("April"),
            self.tr("May"),
            self.tr("June"),
            self.tr("July"),
            self.tr("August"),
            self.tr("September"),
            self.tr("October"),
            self.tr("November"),
            self.tr("December"),
        ]

    def selected_month(self) -> dt.date:
        return dt.date(self.year.value(), int(self.month.currentData()), 1)

    def set_month(self, month: dt.date) -> None:
        self.year.blockSignals(True)
        self.year.setValue(month.year)
        self.year.blockSignals(False)
        self.month.setCurrentIndex(month.month - 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.load(self.selected_month())
        self.grid.setColumnWidth(0, 180)
        self.grid.setColumnWidth(1, 60)
        lines = max((name.count("\n") + 1 for name in self.model.pair_names.values()), default=1)
        self.grid.horizontalHeader().setFixedHeight(self.grid.fontMetrics().height() * lines + 10)
