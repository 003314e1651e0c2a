"""Pienākumi: hours spent on duties not related to social work, with each person's share for the year.

The share is the rules' own measurement (``swdesk.rules.checks.duty_shares``, SPEC §2 R6): hours of these
duties in the year so far ÷ the person's contracted hours in the same period, against ``duties.threshold``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.formats import fmt_date, fmt_input, fmt_number, fmt_share
from swdesk.gui.context import AppContext
from swdesk.gui.models import Column, RowTableModel, TableFilterProxy, collation_key
from swdesk.gui.operations import Reloader
from swdesk.gui.record_forms import add_history_button
from swdesk.gui.views.dashboard import as_of_for
from swdesk.gui.widgets import (
    DateEdit,
    DecimalEdit,
    EditDialog,
    FormProblem,
    RecordActions,
    StaffPicker,
    fit_columns,
    load_staff_options,
    make_table,
    not_employed_warning,
)


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
                lambda r: fmt_share(r.share),
                lambda r: -1.0 if r.share is None else float(r.share),
                numeric=True,
            ),
        ]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.row() < len(self.rows):
            return QBrush(QColor("#f8c4c4")) if self.rows[index.row()].over else None
        return super().data(index, role)


def load_duties(
    database: Database, year: int, unit_id: int | None = None
) -> tuple[list[DutyRow], list[DutyTotal], Decimal]:
    """The year's duties and each person's share; with ``unit_id`` only the structural unit's people's."""
    from swdesk import units
    from swdesk.rules import checks
    from swdesk.rules.data import load_snapshot
    from swdesk.settings import Settings

    as_of = as_of_for(year)
    with database.read() as session:
        staff_ids = units.unit_period_staff(session, unit_id, year, dt.date(year, 12, 31))
        d = m.Duty
        # plain Core rows, not ORM objects nor the ORM's result layer: a Rīga year has 16 000 entries
        rows = session.connection().execute(
            select(
                d.id, d.date, m.Staff.first_name, m.Staff.last_name, m.DutyCategory.name, d.hours,
                d.description, d.staff_id, d.category_code,
            )
            .join(m.Staff, m.Staff.id == d.staff_id)
            .join(m.DutyCategory, m.DutyCategory.code == d.category_code)
            .where(d.date >= dt.date(year, 1, 1), d.date <= dt.date(year, 12, 31),
                   *(() if staff_ids is None else (d.staff_id.in_(list(staff_ids)),)))
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
        snapshot = load_snapshot(  # the shares need the duties alone
            session, since=dt.date(year, 1, 1), until=min(as_of, dt.date(year, 12, 31)), caseloads=False, training=False
        )
    if staff_ids is not None:
        snapshot = units.only_staff(snapshot, staff_ids)
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


THROUGH = "forma:Pienākumi"  # the source of this view's changes in the history


class DutyDialog(EditDialog):
    """Add or edit one duty entry; saved at once in one transaction on Save.

    The date comes first: the people offered are those employed on it (today until it is typed), so that
    hours are not entered for someone who has left.
    """

    def __init__(
        self, ctx: AppContext, year: int, duty: DutyRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.duty_id = duty.id if duty else None
        self.saved_id: int | None = None
        self.saved_date: dt.date | None = None
        self.setWindowTitle(self.tr("Edit duty") if duty else self.tr("New duty"))
        self.setMinimumWidth(520)
        with ctx.database.read() as session:
            self.staff = StaffPicker(load_staff_options(session))
            categories = sorted(
                session.execute(select(m.DutyCategory.code, m.DutyCategory.name)).all(),
                key=lambda c: (c.code == "NS_CITS", collation_key(c.name)),  # "Cits" (other) last
            )
        self.date = DateEdit()
        self.date.date_changed.connect(self._date_changed)
        self.staff.chosen.connect(lambda _id: self._show_warning())
        self.staff_warning = QLabel()
        self.staff_warning.setWordWrap(True)
        self.staff_warning.setStyleSheet("color: #8a5300;")
        self.staff_warning.hide()
        self.category = QComboBox()
        for code, name in categories:
            self.category.addItem(name, code)
        self.hours = DecimalEdit()
        self.description = QLineEdit()
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Date:"), date_row)
        form.addRow(self.tr("Staff member:"), self.staff)
        form.addRow("", self.staff_warning)
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
        self.error = self.finish_form(form)
        if duty is not None:
            self.date.set_date(duty.date)
            self.staff.set_staff_id(duty.staff_id)
            self.category.setCurrentIndex(self.category.findData(duty.category_code))
            self.hours.setText(fmt_input(duty.hours, 2))
            self.description.setText(duty.description)
        add_history_button(self, ctx, "duty", self.duty_id, self.windowTitle())
        self.date.setFocus()

    def _date_changed(self, day: dt.date | None) -> None:
        self.staff.set_reference_date(day)
        self._show_warning()

    def _warning(self) -> str | None:
        day = self.date.date_value()
        option = self.staff.option(self.staff.staff_id())
        return not_employed_warning([option], day) if option is not None and day is not None else None

    def _show_warning(self) -> None:
        text = self._warning()
        self.staff_warning.setText(text or "")
        self.staff_warning.setVisible(text is not None)

    def save(self) -> None:
        try:
            day = self.date.read(missing=self.tr("Enter the date of the duty (dd.mm.yyyy)."))
        except FormProblem as problem:
            return self.fail(problem.widget, problem.message)
        assert day is not None
        staff_id = self.staff.staff_id()
        if staff_id is None:
            return self.fail(self.staff, self.tr("Choose the staff member: type part of the name or the number."))
        hours = self.hours.value()
        if hours is None:
            return self.fail(self.hours, self.tr("Hours must be a number above 0 (e.g. 1,5 or a month's total, 40)."))
        warning = self._warning()
        if warning is not None and not confirm_not_employed(self, warning):
            return
        values: dict[str, Any] = {
            "staff_id": staff_id,
            "date": day,
            "category_code": self.category.currentData(),
            "hours": hours,
            "description": self.description.text(),
        }
        # every limit — above 0, cents, the month's contracted hours (rules.duty_limit) — is the records
        # layer's, as for the import: the same check and words
        from swdesk.gui.record_forms import show_refusal
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            with transaction(self.ctx.database, THROUGH) as records:
                if self.duty_id is None:
                    duty = records.add("duty", values)
                else:
                    duty = records.change("duty", self.duty_id, values)
                self.saved_id = duty.id
        except RecordError as error:
            fields = {"staff_id": self.staff, "date": self.date.edit, "category_code": self.category,
                      "hours": self.hours, "description": self.description}
            return show_refusal(self, error, fields)
        self.saved_date = day
        self.accept()


def confirm_not_employed(parent: QWidget, warning: str) -> bool:
    """Ask before saving an entry for someone not employed on its date (a date typed wrong, usually)."""
    answer = QMessageBox.warning(
        parent,
        parent.windowTitle(),
        warning + "\n\n" + QCoreApplication.translate("DutyDialog", "Save the entry all the same?"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


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
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the newest entries first
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
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.table, 1)
        totals_box = QGroupBox(self.tr("Per person this year"))
        totals_layout = QVBoxLayout(totals_box)
        totals_layout.addWidget(self.threshold)
        totals_layout.addWidget(self.totals_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(totals_box)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 440])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        self._loader = Reloader(self, self._prepare, self._loaded)
        self._update_buttons()

    def refresh(self) -> None:
        self._loader.load()

    def _prepare(self) -> Any:
        database, year, unit_id = self.ctx.database, self.year.value(), self.ctx.unit_id
        return lambda: load_duties(database, year, unit_id)

    def _loaded(self, result: tuple[list[DutyRow], list[DutyTotal], Decimal]) -> None:
        duties, totals, threshold = result
        self.model.set_rows(duties)
        self.totals.set_rows(totals)
        self.threshold.setText(
            self.tr("Red: above %1 of working time (non-social-work share, year to date).").replace(
                "%1", fmt_share(threshold)
            )
        )
        if not self._sized and duties:  # once: afterwards the widths are the person's own
            self._sized = True
            fit_columns(self.table, limits={1: 220, 3: 330})
            fit_columns(self.totals_table, limits={0: 200})
        self._update_buttons()
        self.reveal_saved()
        self.loaded.emit()

    def before_refresh(self, dialog: Any) -> None:
        """A duty saved in another year than the one shown: show that year, where it is."""
        day = getattr(dialog, "saved_date", None)
        if day is not None and day.year != self.year.value():
            self.year.blockSignals(True)
            self.year.setValue(day.year)
            self.year.blockSignals(False)

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
            from swdesk.records.transaction import transaction

            with transaction(self.ctx.database, THROUGH) as records:
                records.delete("duty", duty.id)
            self._saved()
