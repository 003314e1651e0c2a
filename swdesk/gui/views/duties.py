"""Pienākumi: hours spent on duties not related to social work, with each person's share for the year.

The share is the rules' own measurement (``swdesk.rules.checks.duty_shares``, SPEC §2 R6): hours of these
duties in the year so far ÷ the person's contracted hours in the same period, against ``duties.threshold``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import delete, select

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.gui.context import AppContext
from swdesk.gui.formatting import fmt_date, fmt_number
from swdesk.gui.models import Column, RowTableModel, TableFilterProxy
from swdesk.gui.operations import Reloader
from swdesk.gui.views.dashboard import as_of_for
from swdesk.gui.widgets import DateEdit, DecimalEdit, RecordActions, finish_form, make_table, staff_choice
from swdesk.rules.duty_limit import check_duty_entry


@dataclass
class DutyRow:
    id: int
    date: dt.date
    staff: str
    category: str
    hours: Decimal
    description: str
    staff_id: int
    category_code: str


@dataclass
class DutyTotal:
    staff: str
    hours: Decimal
    share: Decimal | None
    over: bool


def _percent(value: Decimal | None) -> str:
    return "—" if value is None else fmt_number(value * 100, 1) + "\u00a0%"


class DutiesModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Date"), lambda r: fmt_date(r.date), lambda r: r.date.isoformat(), numeric=True),
            Column(self.tr("Staff member"), lambda r: r.staff, lambda r: r.staff.casefold()),
            Column(
                self.tr("Hours"), lambda r: fmt_number(r.hours, 2), lambda r: float(r.hours), numeric=True
            ),
            Column(self.tr("Category"), lambda r: r.category, lambda r: r.category.casefold()),
            Column(self.tr("Description"), lambda r: r.description, lambda r: r.description.casefold()),
        ]


class DutyTotalsModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Staff member"), lambda r: r.staff, lambda r: r.staff.casefold()),
            Column(
                self.tr("Hours"), lambda r: fmt_number(r.hours, 2), lambda r: float(r.hours), numeric=True
            ),
            Column(
                self.tr("Share of working time"),
                lambda r: _percent(r.share),
                lambda r: -1.0 if r.share is None else float(r.share),
                numeric=True,
            ),
        ]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.row() < len(self.rows):
            return QBrush(QColor("#f8c4c4")) if self.rows[index.row()].over else None
        return super().data(index, role)


def load_duties(database: Database, year: int) -> tuple[list[DutyRow], list[DutyTotal], Decimal]:
    from swdesk.rules import checks
    from swdesk.rules.data import load_snapshot
    from swdesk.settings import Settings

    as_of = as_of_for(year)
    with database.read() as session:
        d = m.Duty
        rows = session.execute(  # plain columns, not ORM objects: a Rīga year has over ten thousand entries
            select(
                d.id, d.date, m.Staff.first_name, m.Staff.last_name, m.DutyCategory.name, d.hours,
                d.description, d.staff_id, d.category_code,
            )
            .join(m.Staff, m.Staff.id == d.staff_id)
            .join(m.DutyCategory, m.DutyCategory.code == d.category_code)
            .where(d.date >= dt.date(year, 1, 1), d.date <= dt.date(year, 12, 31))
            .order_by(d.date, d.id)
        ).all()
        duties = [
            DutyRow(
                r.id, r.date, f"{r.first_name} {r.last_name}", r.name, r.hours, r.description or "",
                r.staff_id, r.category_code,
            )
            for r in rows
        ]
        settings = Settings.load(session, as_of)
        snapshot = load_snapshot(session, since=dt.date(year, 1, 1), until=min(as_of, dt.date(year, 12, 31)))
    ctx = checks.make_context(snapshot, year=year, as_of=as_of, settings=settings)
    shares = checks.duty_shares(ctx)
    totals = []
    for person in snapshot.staff_sorted:
        hours = ctx.duty_hours.get(person.id, Decimal(0))
        if person.id not in shares and not hours:
            continue
        share = shares.get(person.id)
        over = share is not None and share > settings.duties_threshold
        totals.append(DutyTotal(person.full_name, Decimal(hours), share, over))
    return duties, totals, settings.duties_threshold


class DutyDialog(QDialog):
    """Add or edit one duty entry; saved at once in one transaction on Save."""

    def __init__(
        self, ctx: AppContext, year: int, duty: DutyRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.duty_id = duty.id if duty else None
        self.setWindowTitle(self.tr("Edit duty") if duty else self.tr("New duty"))
        self.setMinimumWidth(480)
        with ctx.database.read() as session:
            self.staff = staff_choice(session)
            categories = session.execute(select(m.DutyCategory.code, m.DutyCategory.name)).all()
        self.date = DateEdit(min(dt.date.today(), dt.date(year, 12, 31)))
        self.category = QComboBox()
        for code, name in categories:
            self.category.addItem(name, code)
        self.hours = DecimalEdit()
        self.description = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Staff member:"), self.staff)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Hours:"), self.hours)
        self.hours_hint = QLabel(
            self.tr(
                "Hours on the date, or a month's total entered on any day of that month. A person's hours in "
                "one month may not exceed the month's contracted hours (working days × 8 h × FTE)."
            )
        )
        self.hours_hint.setWordWrap(True)
        form.addRow("", self.hours_hint)
        form.addRow(self.tr("Description:"), self.description)
        self.error = finish_form(self, form, self.save)
        if duty is not None:
            self.staff.setCurrentIndex(self.staff.findData(duty.staff_id))
            self.date.set_date(duty.date)
            self.category.setCurrentIndex(self.category.findData(duty.category_code))
            self.hours.setText(fmt_number(duty.hours, 2))
            self.description.setText(duty.description)

    def save(self) -> None:
        hours = self.hours.value()
        if self.staff.currentData() is None:
            self.error.setText(self.tr("Add the staff member first."))
            self.error.show()
            return
        if hours is None or hours <= 0:
            self.error.setText(self.tr("Hours must be a number above 0 (e.g. 1,5 or a month's total, 40)."))
            self.error.show()
            return
        if hours != hours.quantize(Decimal("0.01")):
            self.error.setText(self.tr("Hours can have at most 2 decimal places."))
            self.error.show()
            return
        values: dict[str, Any] = {
            "staff_id": self.staff.currentData(),
            "date": self.date.date_value(),
            "category_code": self.category.currentData(),
            "hours": hours,
            "description": self.description.text().strip() or None,
        }
        with self.ctx.database.write() as session:
            # the month's limit is the core's (rules.duty_limit), as for the import: the same check and words
            over = check_duty_entry(
                session, staff_id=values["staff_id"], day=values["date"], hours=hours, replacing=self.duty_id
            )
            if over is not None:
                self.error.setText(over.message())
                self.error.show()
                return  # leaving the block commits nothing: nothing was changed
            if self.duty_id is None:
                session.add(m.Duty(**values))
            else:
                duty = session.get(m.Duty, self.duty_id)
                if duty is None:
                    self.error.setText(self.tr("This entry was deleted meanwhile."))
                    self.error.show()
                    return
                for key, value in values.items():
                    setattr(duty, key, value)
        self.accept()


class DutiesView(RecordActions, QWidget):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._sized = False
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.model = DutiesModel(self)
        self.proxy = TableFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.totals = DutyTotalsModel(self)
        self.totals_proxy = TableFilterProxy(self)
        self.totals_proxy.setSourceModel(self.totals)
        self.totals_table = make_table(self)
        self.totals_table.setModel(self.totals_proxy)
        self.totals_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.threshold = QLabel()
        self.threshold.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year:")))
        bar.addWidget(self.year)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        left = QVBoxLayout()
        left.addLayout(bar)
        left.addWidget(self.table, 1)
        totals_box = QGroupBox(self.tr("Per person this year"))
        totals_layout = QVBoxLayout(totals_box)
        totals_layout.addWidget(self.threshold)
        totals_layout.addWidget(self.totals_table, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(totals_box, 1)
        self._loader = Reloader(self, self._prepare, self._loaded)
        self._update_buttons()

    def refresh(self) -> None:
        self._loader.load()

    def _prepare(self) -> Any:
        database, year = self.ctx.database, self.year.value()
        return lambda: load_duties(database, year)

    def _loaded(self, result: tuple[list[DutyRow], list[DutyTotal], Decimal]) -> None:
        duties, totals, threshold = result
        self.model.set_rows(duties)
        self.totals.set_rows(totals)
        self.threshold.setText(
            self.tr("Red: above %1 of working time (non-social-work share, year to date).").replace(
                "%1", _percent(threshold)
            )
        )
        if not self._sized and duties:  # once: afterwards the widths are the person's own
            self._sized = True
            self.table.resizeColumnsToContents()
            self.totals_table.resizeColumnsToContents()
        self._update_buttons()
        self.loaded.emit()

    def dialog_for(self, duty: DutyRow | None) -> DutyDialog:
        return DutyDialog(self.ctx, self.year.value(), duty, parent=self)

    def delete_selected(self) -> None:
        duty = self.selected()
        if duty is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete duty"),
            self.tr("Delete %1 h of %2 on %3?")
            .replace("%1", fmt_number(duty.hours, 2))
            .replace("%2", duty.staff)
            .replace("%3", fmt_date(duty.date)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            with self.ctx.database.write() as session:
                session.execute(delete(m.Duty).where(m.Duty.id == duty.id))
            self._saved()
