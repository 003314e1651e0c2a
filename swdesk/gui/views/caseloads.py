"""Lietas: a month grid for fast entry — rows are staff, columns are work type × unit.

Keyboard driven like a spreadsheet: typing overwrites a cell, Enter moves down, Tab moves right, and a
block copied from Excel pastes from the current cell. Every change is written at once in one
transaction. A cell whose load per FTE is above the workload criterion that applies to the person (a
criterion for their position replaces a ``*`` one, SPEC §2 R3) is highlighted, its tooltip gives the load.

Nothing is lost or guessed in silence: a value that is not a count (``abc``, ``-3``, ``2,5``) is refused
with a message naming the cell and the reason, and the cell keeps its value — checked by the import's own
parser for the column, so the grid and the workbook take exactly the same counts. A pasted block with any
such cell, or one that does not fit in the grid, is refused whole. Every change (typing, pasting, Delete)
can be undone with Ctrl+Z and redone with Ctrl+Y.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk import staff_terms
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.formats import fmt_fte, fmt_number
from swdesk.gui.context import AppContext
from swdesk.gui.models import collation_key

_Index = QModelIndex | QPersistentModelIndex
UNIT_FIELDS = {"LIETAS": "cases", "IESN": "applications", "PERS": "persons"}
THROUGH = "režģis:Lietas"  # the source of the grid's changes in the history (as caseload_months' own)
OVER = QColor("#f8c4c4")
FIXED = 2  # name and FTE come before the work type × unit columns
MAX_LISTED = 6  # refused cells named one by one in a message; the rest are counted

# (staff id, work type, unit): one cell of a month, whatever row and column it has on the screen
CellKey = tuple[int, str, str]


@dataclass
class GridPerson:
    id: int
    name: str
    position_code: str
    fte: Decimal


class CaseloadGridModel(QAbstractTableModel):
    """One month of caseloads; edits write through to the database."""

    written = Signal()
    refused = Signal(str)  # why a typed value was not written (the cell keeps its value)
    changed_cells = Signal(object, object)  # month, [(cell key, old, new)]: what Ctrl+Z undoes

    def __init__(self, database: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.database = database
        self.month = dt.date.today().replace(day=1)
        self.people: list[GridPerson] = []
        self.pairs: list[tuple[str, str]] = []  # (work type, unit)
        self.pair_names: dict[tuple[str, str], str] = {}
        self.values: dict[tuple[int, str, str], int] = {}
        self.criteria: dict[tuple[str, str, str], Decimal] = {}
        self.last_refused = False  # the last typed value was refused: the cursor stays on its cell
        self.unit_id: int | None = None  # the structural unit chosen (issue 14): its people of the month only

    def load(self, month: dt.date) -> None:
        month = month.replace(day=1)
        last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        with self.database.read() as session:
            staff = session.execute(
                select(m.Staff.id, m.Staff.first_name, m.Staff.last_name, m.Staff.position_code, m.Staff.fte,
                       m.Staff.start, m.Staff.end)
                .where(m.Staff.start <= last, (m.Staff.end.is_(None)) | (m.Staff.end >= month))
            ).all()
            if self.unit_id is not None:
                from swdesk import units as structural

                members = structural.staff_in_unit(session, self.unit_id, month, last)
                staff = [s for s in staff if s.id in members]
            # the month's own FTE and position where they changed from a date (issue 17)
            changed = staff_terms.changed_terms(session, [s.id for s in staff])
            staff = sorted(staff, key=lambda s: (collation_key(s.last_name), collation_key(s.first_name)))
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
        self.people = []
        for s in staff:
            position_code, fte = s.position_code, s.fte
            if s.id in changed:
                then = staff_terms.in_month(changed[s.id], month=month, start=s.start, end=s.end)
                position_code, fte = then.position_code, then.fte
            self.people.append(GridPerson(s.id, f"{s.first_name} {s.last_name}", position_code, fte))
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

    # --- reading and writing cells ----------------------------------------------------------------------

    def cell_key(self, row: int, column: int) -> CellKey:
        return (self.people[row].id, *self.pairs[column - FIXED])

    def cell_name(self, row: int, column: int) -> str:
        """The cell as a person finds it on the screen: "Anna Apine, Gadījuma vadīšana (lietu skaits)"."""
        pair = self.pairs[column - FIXED]
        return f"{self.people[row].name}, {self.pair_names[pair].replace(chr(10), ' ')}"

    def value_at(self, row: int, column: int) -> int | None:
        return self.values.get(self.cell_key(row, column))

    def parse_cell(self, row: int, column: int, text: Any) -> tuple[int | None, str | None]:
        """(value, None) for a count or an empty cell; (None, message) naming the cell and the reason."""
        value, reason = parse_count(text, UNIT_FIELDS[self.pairs[column - FIXED][1]])
        if reason is None:
            return value, None
        old = self.value_at(row, column)
        kept = self.tr("the cell keeps %1").replace("%1", str(old)) if old is not None else self.tr("the cell stays empty")
        return None, (
            self.tr("%1: %2 Nothing was written; %3.")
            .replace("%1", self.cell_name(row, column))
            .replace("%2", reason)
            .replace("%3", kept)
        )

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() < FIXED:
            return False
        parsed, problem = self.parse_cell(index.row(), index.column(), value)
        self.last_refused = problem is not None
        if problem is not None:
            self.refused.emit(problem)
            return False
        if parsed == self.value_at(index.row(), index.column()):
            return True  # unchanged: nothing to write or undo
        return self.set_block([(index.row(), index.column(), parsed)])

    def set_block(self, cells: list[tuple[int, int, int | None]]) -> bool:
        """Write cells (row, column, value or None) of this month in one transaction; can be undone."""
        cells = [(r, c, v) for r, c, v in cells if 0 <= r < len(self.people) and FIXED <= c < self.columnCount()]
        if not cells:
            return False
        changes = [(self.cell_key(r, c), self.value_at(r, c), v) for r, c, v in cells]
        changes = [change for change in changes if change[1] != change[2]]
        if not changes:
            return True
        from swdesk.records import RecordError

        try:
            self.write_values(self.month, [(key, new) for key, _old, new in changes])
        except RecordError as error:  # the records layer's words, as the import's; nothing was written
            self.refused.emit(str(error))
            return False
        self.changed_cells.emit(self.month, changes)
        return True

    def write_values(self, month: dt.date, cells: list[tuple[CellKey, int | None]]) -> None:
        """Write keyed cells of ``month`` in one transaction through the records layer (each checked, and in
        the change history under "režģis:Lietas"); the grid shows them when it shows that month. A record
        whose three counts are all empty is deleted."""
        from swdesk.records.transaction import transaction

        with transaction(self.database, THROUGH) as records:
            for (staff_id, work_type, unit), value in cells:
                field = UNIT_FIELDS[unit]
                record = records.find("caseload", staff_id=staff_id, month=month, work_type_code=work_type)
                if record is None:
                    if value is not None:
                        records.add("caseload", {"staff_id": staff_id, "month": month, "work_type_code": work_type,
                                                 field: value})
                    continue
                counts = {f: getattr(record, f) for f in UNIT_FIELDS.values()} | {field: value}
                if all(count is None for count in counts.values()):
                    records.delete("caseload", record.id)
                else:
                    records.change("caseload", record.id, {field: value})
        if month == self.month:
            rows = {person.id: i for i, person in enumerate(self.people)}
            columns = {pair: i + FIXED for i, pair in enumerate(self.pairs)}
            for key, value in cells:
                if value is None:
                    self.values.pop(key, None)
                else:
                    self.values[key] = value
                row, column = rows.get(key[0]), columns.get(key[1:])
                if row is not None and column is not None:
                    index = self.index(row, column)
                    self.dataChanged.emit(index, index)
        self.written.emit()


def parse_count(value: Any, field: str = "cases") -> tuple[int | None, str | None]:
    """A count typed or pasted into a cell, read by the import's own parser of the Lietas column ``field``
    (one rule and one wording for both): (count, None), (None, None) for an empty cell, or (None, reason)."""
    from swdesk.importer import sheets as sh
    from swdesk.importer.values import ValueProblem

    text = str(value if value is not None else "").strip()
    if not text:
        return None, None
    try:
        # a count's parser reads no catalogue, so it needs no lookups from the database
        no_lookups = cast("sh.Lookups", None)
        return sh.sheet_by_name("Lietas").column(field).parse(text, no_lookups), None
    except ValueProblem as exc:
        return None, str(exc)


class CellsCommand(QUndoCommand):
    """One change of the grid — a typed value, a pasted block, cleared cells — that Ctrl+Z undoes."""

    def __init__(self, view: CaseloadView, month: dt.date, changes: list[tuple[CellKey, Any, Any]], text: str) -> None:
        super().__init__(text)
        self.view, self.month, self.changes = view, month, changes
        self.done = True  # the first redo() is the write that already happened

    def undo(self) -> None:
        self.view.apply_cells(self.month, [(key, old) for key, old, _new in self.changes])

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.view.apply_cells(self.month, [(key, new) for key, _old, new in self.changes])


class CaseloadGrid(QTableView):
    """Enter moves down after an edit, like a spreadsheet; Ctrl+V pastes a block from Excel; Delete clears
    the chosen cells (Ctrl+Z brings them back)."""

    refused = Signal(str)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            model = self.model()
            if isinstance(model, CaseloadGridModel) and model.last_refused:
                model.last_refused = False  # stay on the refused cell, to type it again
                return
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
        if event.matches(QKeySequence.StandardKey.Copy) and self.state() != self.State.EditingState:
            from swdesk.gui.grid import copy_block

            copy_block(self)  # tab-separated, decimal commas: pastes into Excel as a block (issue 14)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            self._move(1, 0)
            return
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selected()
            return
        super().keyPressEvent(event)

    def clear_selected(self) -> bool:
        model = self.model()
        cells: list[tuple[int, int, int | None]] = [
            (i.row(), i.column(), None) for i in self.selectedIndexes() if i.column() >= FIXED
        ]
        if not isinstance(model, CaseloadGridModel) or not cells:
            return False
        return model.set_block(cells)

    def paste(self, text: str) -> bool:
        """Paste tab-separated lines (as Excel copies them) from the current cell on — all of them, or, when
        a cell is not a count or the block does not fit, none (with a message saying which and why)."""
        model = self.model()
        start = self.currentIndex()
        if not isinstance(model, CaseloadGridModel) or not start.isValid():
            return False
        lines = [line.split("\t") for line in text.rstrip("\r\n").split("\n")]
        lines = [[cell.rstrip("\r") for cell in line] for line in lines]
        if start.column() < FIXED:
            self.refused.emit(
                self.tr("Choose the first cell of a work type column to paste into; nothing was pasted.")
            )
            return False
        height, width = len(lines), max(len(line) for line in lines)
        rows_left, columns_left = model.rowCount() - start.row(), model.columnCount() - start.column()
        if height > rows_left or width > columns_left:
            self.refused.emit(
                self.tr(
                    "The copied block has %1 rows and %2 columns, but from this cell the grid has room for %3 "
                    "rows and %4 columns; nothing was pasted. Choose another first cell or copy a smaller block."
                )
                .replace("%1", str(height))
                .replace("%2", str(width))
                .replace("%3", str(rows_left))
                .replace("%4", str(columns_left))
            )
            return False
        cells: list[tuple[int, int, int | None]] = []
        problems: list[str] = []
        for r, line in enumerate(lines):
            for c, cell in enumerate(line):
                row, column = start.row() + r, start.column() + c
                value, reason = parse_count(cell, UNIT_FIELDS[model.pairs[column - FIXED][1]])
                if reason is not None:
                    problems.append(f"{model.cell_name(row, column)}: {reason}")
                else:
                    cells.append((row, column, value))
        if problems:
            listed = problems[:MAX_LISTED]
            if len(problems) > MAX_LISTED:
                listed.append(self.tr("… and %1 more").replace("%1", str(len(problems) - MAX_LISTED)))
            self.refused.emit(
                self.tr("Nothing was pasted: %1 of the %2 copied cells are not counts. Correct them and copy again.")
                .replace("%1", str(len(problems)))
                .replace("%2", str(sum(len(line) for line in lines)))
                + "\n"
                + "\n".join(listed)
            )
            return False
        return model.set_block(cells)


class CaseloadView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CaseloadGridModel(ctx.database, self)
        self.model.written.connect(self.ctx.changed)
        self.grid = CaseloadGrid(self)
        self.grid.setModel(self.model)
        self.undo_stack = QUndoStack(self)
        self.model.changed_cells.connect(self._changed_cells)
        self.model.refused.connect(self.show_problem)
        self.grid.refused.connect(self.show_problem)
        # fixed labels (the change undone is in the tooltip), so that the bar does not jump as it changes
        self.undo_action = QAction(self.tr("Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: self.undo_action.setToolTip(f"{text} (Ctrl+Z)"))
        self.redo_action = QAction(self.tr("Redo"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.redoTextChanged.connect(lambda text: self.redo_action.setToolTip(f"{text} (Ctrl+Y)"))
        for action in (self.undo_action, self.redo_action):
            action.setEnabled(False)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_button = QToolButton()
        self.undo_button.setDefaultAction(self.undo_action)
        self.redo_button = QToolButton()
        self.redo_button.setDefaultAction(self.redo_action)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
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
        # the names (and FTE) stay in view while the work type columns scroll right (issue 14)
        from swdesk.gui.grid import FrozenColumns

        self.frozen = FrozenColumns(self.grid, FIXED)

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
                "Type to overwrite a cell; Enter moves down, Tab moves right; Ctrl+V pastes a block copied "
                "from Excel; Delete clears cells, Ctrl+Z undoes. Red cells are above the workload criterion."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month:")))
        bar.addWidget(self.month)
        bar.addWidget(self.year)
        # issue 14: an empty month begins as a copy of the month before, to be corrected where it moved
        self.prefill_button = QToolButton()
        self.prefill_button.setText(self.tr("Start from the previous month"))
        self.prefill_button.setToolTip(
            self.tr("Fill this empty month with last month's figures of the people employed in it (Ctrl+Z undoes it)")
        )
        self.prefill_button.clicked.connect(self.start_from_previous)
        self.model.written.connect(self._update_prefill)
        self.model.modelReset.connect(self._update_prefill)
        bar.addWidget(self.prefill_button)
        # Ctrl+F (keyboard.py finds a view's ``filter``): typing a name moves the cursor to that person's row —
        # the rows stay, so a pasted block never lands in rows a filter would hide; ↓ or Enter goes on to it
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a staff member…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(200)
        self.filter.textChanged.connect(lambda text: self.find_person(text))
        self.filter.returnPressed.connect(lambda: self.grid.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bar.addWidget(self.filter)
        bar.addSpacing(12)
        bar.addWidget(hint, 1)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.message)
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

    # --- messages and undo -------------------------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        """A refused value or paste: said in red above the grid until the next change is written."""
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        self.message.setText(text)
        self.message.show()

    def show_note(self, text: str) -> None:
        self.message.setStyleSheet("color: #333333;")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _changed_cells(self, month: dt.date, changes: list[tuple[CellKey, Any, Any]]) -> None:
        cleared = all(new is None for _key, _old, new in changes)
        if cleared:
            text = self.tr("Cleared %1 cells").replace("%1", str(len(changes)))
            self.show_note(
                self.tr("%1 values cleared. Ctrl+Z brings them back.").replace("%1", str(len(changes)))
            )
        else:
            text = self.tr("Changed %1 cells").replace("%1", str(len(changes)))
            self.show_note("")
        self.undo_stack.push(CellsCommand(self, month, changes, text))

    def apply_cells(self, month: dt.date, cells: list[tuple[CellKey, Any]]) -> None:
        """Undo or redo: write the cells back and show their month."""
        if month != self.model.month:
            self.set_month(month)
        self.model.write_values(month, cells)
        self.show_note("")

    def find_person(self, text: str) -> bool:
        """Put the cursor on the first row whose name holds ``text`` (case and Latvian letters ignored),
        in the column it is in; the field turns red when nobody matches."""
        from swdesk.gui.models import search_key

        wanted = search_key(text.strip())
        found = -1
        if wanted:
            found = next((i for i, p in enumerate(self.model.people) if wanted in search_key(p.name)), -1)
        self.filter.setStyleSheet("" if found >= 0 or not wanted else "QLineEdit { color: #b00020; }")
        if found < 0:
            return False
        current = self.grid.currentIndex()
        index = self.model.index(found, max(current.column(), FIXED) if current.isValid() else FIXED)
        self.grid.setCurrentIndex(index)
        self.grid.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _update_prefill(self) -> None:
        self.prefill_button.setEnabled(bool(self.model.people) and not self.model.values)

    def start_from_previous(self) -> None:
        """Lietas → Start from the previous month: the core fills the empty month through the records layer
        (off the UI thread: each record is checked, about 5 s for Rīga's 1 300); the figures it took over go
        on the undo stack, so Ctrl+Z takes them back."""
        from swdesk.caseload_months import PrefillRefused, start_from_previous
        from swdesk.gui.errors import show_error
        from swdesk.gui.operations import run_operation

        database, month = self.ctx.database, self.model.month

        def fill(_control: Any) -> Any:
            from swdesk.records.transaction import transaction

            with transaction(database, THROUGH) as records:
                return records.run(start_from_previous, month)

        def refused(exc: BaseException) -> None:
            self._update_prefill()
            if isinstance(exc, PrefillRefused):
                self.show_problem(str(exc))
            else:
                show_error(self, exc)

        self.prefill_button.setEnabled(False)
        self.prefill_operation = run_operation(
            fill,
            parent=self,
            label=self.tr("Taking over the previous month's figures…"),
            on_success=lambda done: self._prefilled(month, done),
            on_failure=refused,
        )

    def _prefilled(self, month: dt.date, done: Any) -> None:
        if month == self.model.month:
            self.refresh()
        changes = [
            ((staff_id, work_type, unit), None, value)
            for staff_id, work_type, counts in done.cells
            for unit, value in zip(UNIT_FIELDS, counts, strict=True)
            if value is not None
        ]
        self.undo_stack.push(
            CellsCommand(
                self, month, changes, self.tr("Started from the previous month (%1 figures)").replace("%1", str(len(changes)))
            )
        )
        self.show_note(
            self.tr("%1 figures of %2 people taken over from the previous month. Ctrl+Z takes them back.")
            .replace("%1", str(len(changes)))
            .replace("%2", str(done.people))
        )
        self.ctx.changed()

    def refresh(self) -> None:
        self.model.unit_id = self.ctx.unit_id
        self.model.load(self.selected_month())
        self.grid.setColumnWidth(0, 180)
        self.grid.setColumnWidth(1, 60)
        lines = max((name.count("\n") + 1 for name in self.model.pair_names.values()), default=1)
        self.grid.horizontalHeader().setFixedHeight(self.grid.fontMetrics().height() * lines + 10)
        self.frozen.sync()
