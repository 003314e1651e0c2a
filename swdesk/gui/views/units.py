"""Dienests → Struktūrvienības (issue 14): the service's list of structural units — name, head and parent
unit — with Add…, Edit… and Delete. Every write goes through the records layer (kind ``structural_unit``),
which says in Latvian why a name, a parent or a deletion is refused."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk.gui.context import AppContext
from swdesk.gui.models import Column, RowTableModel, collation_key
from swdesk.gui.record_forms import add_history_button, show_refusal
from swdesk.gui.widgets import EditDialog, RecordActions, fit_columns, make_table

THROUGH = "forma:Struktūrvienības"  # the source of this tab's changes in the history
INDENT = "    "


@dataclass(frozen=True)
class UnitRow:
    id: int
    name: str
    head_name: str | None
    parent_id: int | None
    parent: str
    depth: int
    people: int  # employed today in the unit itself (not its sub-units)


def unit_rows(ctx: AppContext) -> list[UnitRow]:
    """The units in tree order with their parent's name and how many people are in each today."""
    from sqlalchemy import func, select

    from swdesk import units
    from swdesk.db import models as m

    today = dt.date.today()
    with ctx.database.read() as session:
        ordered = units.tree_order(units.all_units(session), collation_key)
        counts = dict(session.execute(
            select(m.Staff.unit_name, func.count())
            .where(m.Staff.start <= today, (m.Staff.end.is_(None)) | (m.Staff.end >= today))
            .group_by(m.Staff.unit_name)
        ).all())
    names = {u.id: u.name for _, u in ordered}
    return [UnitRow(u.id, u.name, u.head_name, u.parent_id, names.get(u.parent_id or -1, ""), depth,
                    int(counts.get(u.name, 0))) for depth, u in ordered]


class UnitModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Structural unit"), lambda r: INDENT * r.depth + r.name,
                   lambda r: collation_key(r.name)),
            Column(self.tr("Staff today"), lambda r: str(r.people), lambda r: r.people, numeric=True),
            Column(self.tr("Head"), lambda r: r.head_name or "", lambda r: collation_key(r.head_name or "")),
            Column(self.tr("Parent unit"), lambda r: r.parent, lambda r: collation_key(r.parent)),
        ]

    def muted(self, row: Any) -> bool:
        return False


class UnitDialog(EditDialog):
    """Add or edit one unit: its name, head and parent unit (none: a unit of its own)."""

    def __init__(self, ctx: AppContext, row: UnitRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit_id = row.id if row is not None else None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Structural unit"))
        self.setMinimumWidth(460)
        self.name = QLineEdit(row.name if row is not None else "")
        self.name.setMaxLength(200)
        self.head_name = QLineEdit((row.head_name or "") if row is not None else "")
        self.head_name.setMaxLength(200)
        self.parent_unit = QComboBox()
        self.parent_unit.addItem(self.tr("(none)"), None)
        for other in unit_rows(ctx):
            if row is None or other.id != row.id:
                self.parent_unit.addItem(INDENT * other.depth + other.name, other.id)
        if row is not None and row.parent_id is not None:
            self.parent_unit.setCurrentIndex(max(self.parent_unit.findData(row.parent_id), 0))
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Head:"), self.head_name)
        form.addRow(self.tr("Parent unit:"), self.parent_unit)
        self.finish_form(form)
        add_history_button(self, ctx, "structural_unit", self.unit_id, self.windowTitle())

    def save(self) -> None:
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        values = {"name": self.name.text(), "head_name": self.head_name.text(),
                  "parent_id": self.parent_unit.currentData()}
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                if self.unit_id is None:
                    unit = records.add("structural_unit", values)
                else:
                    unit = records.change("structural_unit", self.unit_id, values)
                saved = unit.id
        except RecordError as error:
            fields = {"name": self.name, "head_name": self.head_name, "parent_id": self.parent_unit}
            return show_refusal(self, error, fields, self.name)
        self.saved_id = saved
        self.accept()


class UnitsPage(RecordActions, QWidget):
    """The "Struktūrvienības" tab: the list of units with Add…, Edit… and Delete."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = UnitModel(self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)  # the tree's order: a sub-unit under its parent
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        note = QLabel(self.tr(
            "A staff member's unit is chosen from this list (from a date, on the staff member's form). Choosing "
            "a unit in the toolbar shows its figures and lists, its sub-units included."))
        note.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def refresh(self) -> None:
        self.model.set_rows(unit_rows(self.ctx))
        fit_columns(self.table)
        self._update_buttons()
        self.reveal_saved()

    def dialog_for(self, row: UnitRow | None) -> UnitDialog:
        return UnitDialog(self.ctx, row, parent=self)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the structural unit"),
            self.tr("Delete the structural unit “%1”?").replace("%1", row.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            with transaction(self.ctx.database, THROUGH) as records:
                records.delete("structural_unit", row.id)
        except RecordError as error:
            QMessageBox.warning(self, self.tr("Delete the structural unit"), str(error))
            return
        self._saved()
