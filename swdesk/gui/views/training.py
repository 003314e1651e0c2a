"""Apmācības un supervīzijas: training and supervision events, with each person's hours against the norm.

The hours per person are the rules' own measurements (``swdesk.rules.checks.training_measures`` and
``supervision_measures``, SPEC §2 R7 and R8): hours done in the year so far against the yearly norm
prorated to the days employed up to the checks' date. An event's minutes come from its duration and unit
exactly as on import (``swdesk.rules.worktime.event_minutes``; an academic hour is the setting
``hours.academic_minutes`` on the event's date).
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
from swdesk.formats import fmt_date, fmt_eur, fmt_input, fmt_number
from swdesk.gui.context import AppContext
from swdesk.gui.models import Column, RowTableModel, TableFilterProxy
from swdesk.gui.operations import Reloader
from swdesk.gui.record_forms import add_history_button
from swdesk.gui.views.dashboard import as_of_for
from swdesk.gui.widgets import (
    DateEdit,
    DecimalEdit,
    EditDialog,
    FormProblem,
    ParticipantsPicker,
    RecordActions,
    StaffPicker,
    fit_columns,
    load_staff_options,
    make_table,
    not_employed_warning,
)

SHORT = QColor("#f8c4c4")


def kind_labels() -> dict[str, str]:
    return {
        "training": QCoreApplication.translate("training", "Training"),
        "supervision_individual": QCoreApplication.translate("training", "Individual supervision"),
        "supervision_group": QCoreApplication.translate("training", "Group supervision"),
    }


def form_labels() -> dict[str, str]:
    return {
        "in_person": QCoreApplication.translate("training", "In person"),
        "remote": QCoreApplication.translate("training", "Remote"),
    }


def unit_abbreviations() -> dict[str, str]:
    return {
        "hours": QCoreApplication.translate("training", "h"),
        "academic_hours": QCoreApplication.translate("training", "acad. h"),
        "minutes": QCoreApplication.translate("training", "min"),
    }


def unit_labels() -> dict[str, str]:
    return {
        "hours": QCoreApplication.translate("training", "hours"),
        "academic_hours": QCoreApplication.translate("training", "academic hours"),
        "minutes": QCoreApplication.translate("training", "minutes"),
    }


@dataclass
class EventRow:
    id: int
    staff_id: int
    staff: str
    date: dt.date
    kind: str
    form: str
    duration: Decimal
    unit: str
    minutes: int
    topic: str
    provider: str
    certified_supervisor: bool | None
    cost: Decimal | None
    invoice: str


@dataclass
class PersonHours:
    """One person's year so far: hours done and required (None: the position has no such norm)."""

    staff: str
    position: str
    training: Decimal | None
    training_required: Decimal | None
    training_met: bool
    individual: Decimal | None
    group: Decimal | None
    individual_required: Decimal | None
    group_required: Decimal | None
    supervision_met: bool
    individual_short: bool
    group_short: bool


def _done_of(done: Decimal | None, required: Decimal | None) -> str:
    if done is None:
        return "—"
    return f"{fmt_number(done, 2)} / {fmt_number(required, 2)}"


def _sort_gap(done: Decimal | None, required: Decimal | None) -> float:
    """Sort by what is missing: the biggest shortfall first when sorted descending."""
    if done is None or required is None:
        return float("-inf")
    return float(required - done)


class EventsModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        kinds, forms, units = kind_labels(), form_labels(), unit_abbreviations()
        self.columns = [
            Column(self.tr("Date"), lambda r: fmt_date(r.date), lambda r: r.date.isoformat(), numeric=True),
            Column(self.tr("Staff member"), lambda r: r.staff, lambda r: r.staff.casefold()),
            Column(self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind), lambda r: r.kind),
            Column(self.tr("Form"), lambda r: forms.get(r.form, r.form), lambda r: r.form),
            Column(
                self.tr("Duration"),
                lambda r: f"{fmt_number(r.duration, 2)} {units.get(r.unit, r.unit)}",
                lambda r: r.minutes,
                numeric=True,
            ),
            Column(
                self.tr("Hours"), lambda r: fmt_number(r.minutes / 60, 2), lambda r: r.minutes, numeric=True
            ),
            Column(self.tr("Topic"), lambda r: r.topic, lambda r: r.topic.casefold()),
            Column(self.tr("Provider"), lambda r: r.provider, lambda r: r.provider.casefold()),
            Column(
                self.tr("Cost"),
                lambda r: fmt_eur(r.cost),
                lambda r: -1.0 if r.cost is None else float(r.cost),
                numeric=True,
            ),
            Column(self.tr("Invoice"), lambda r: r.invoice, lambda r: r.invoice),
        ]


class HoursModel(RowTableModel):
    """Per person: training and supervision hours done / required this year; red where the norm is not met."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Staff member"), lambda r: r.staff, lambda r: r.staff.casefold()),
            Column(self.tr("Position"), lambda r: r.position, lambda r: r.position.casefold()),
            Column(
                self.tr("Training h (done / required)"),
                lambda r: _done_of(r.training, r.training_required),
                lambda r: _sort_gap(r.training, r.training_required),
                numeric=True,
            ),
            Column(
                self.tr("Individual supervision h"),
                lambda r: _done_of(r.individual, r.individual_required),
                lambda r: _sort_gap(r.individual, r.individual_required),
                numeric=True,
            ),
            Column(
                self.tr("Group supervision h"),
                lambda r: _done_of(r.group, r.group_required),
                lambda r: _sort_gap(r.group, r.group_required),
                numeric=True,
            ),
        ]

    def short(self, row: PersonHours, column: int) -> bool:
        if column == 2:
            return row.training is not None and not row.training_met
        if column == 3:
            return row.individual is not None and not row.supervision_met and row.individual_short
        if column == 4:
            return row.group is not None and not row.supervision_met and row.group_short
        return False

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() and index.row() < len(self.rows):
            return QBrush(SHORT) if self.short(self.rows[index.row()], index.column()) else None
        return super().data(index, role)


@dataclass
class TrainingData:
    year: int
    as_of: dt.date
    events: list[EventRow]
    hours: list[PersonHours]
    supervision_rule: str


def load_training(database: Database, year: int, unit_id: int | None = None) -> TrainingData:
    """The year's events and each person's hours; with ``unit_id`` only the structural unit's people's."""
    from swdesk import units
    from swdesk.rules import checks
    from swdesk.rules.data import load_snapshot
    from swdesk.settings import Settings

    as_of = as_of_for(year)
    with database.read() as session:
        staff_ids = units.unit_period_staff(session, unit_id, year, dt.date(year, 12, 31))
        e = m.TrainingEvent
        # plain Core rows, not ORM objects nor the ORM's result layer: a Rīga year has 8 000 events
        rows = session.connection().execute(
            select(
                e.id, e.staff_id, m.Staff.first_name, m.Staff.last_name, e.date, e.kind, e.form, e.duration,
                e.duration_unit, e.minutes, e.topic, e.provider, e.certified_supervisor, e.cost, e.invoice,
            )
            .join(m.Staff, m.Staff.id == e.staff_id)
            .where(e.date >= dt.date(year, 1, 1), e.date <= dt.date(year, 12, 31))
            .where(e.planned.is_(False))  # the plan's events are in Plānošana until done (issue 13)
            .where(*(() if staff_ids is None else (e.staff_id.in_(list(staff_ids)),)))
            .order_by(e.date, e.id)
        ).all()
        events = [
            EventRow(
                id=r.id,
                staff_id=r.staff_id,
                staff=f"{r.first_name} {r.last_name}",
                date=r.date,
                kind=r.kind,
                form=r.form,
                duration=r.duration,
                unit=r.duration_unit,
                minutes=r.minutes,
                topic=r.topic or "",
                provider=r.provider or "",
                certified_supervisor=r.certified_supervisor,
                cost=r.cost,
                invoice=r.invoice or "",
            )
            for r in rows
        ]
        settings = Settings.load(session, as_of)
        snapshot = load_snapshot(  # the hours need the training events alone
            session, since=dt.date(year, 1, 1), until=min(as_of, dt.date(year, 12, 31)), caseloads=False, duties=False
        )
    if staff_ids is not None:
        snapshot = units.only_staff(snapshot, staff_ids)
    ctx = checks.make_context(snapshot, year=year, as_of=as_of, settings=settings)
    training = checks.training_measures(ctx)
    supervision = checks.supervision_measures(ctx)
    hours = []
    for person in snapshot.staff_sorted:
        t, s = training.get(person.id), supervision.get(person.id)
        if t is None and s is None:
            continue
        hours.append(
            PersonHours(
                staff=person.full_name,
                position=ctx.position_name(person),
                training=None if t is None else t.done,
                training_required=None if t is None else t.required,
                training_met=t is None or t.met,
                individual=None if s is None else s.individual,
                group=None if s is None else s.group,
                individual_required=None if s is None else s.individual_required,
                group_required=None if s is None else s.group_required,
                supervision_met=s is None or s.met,
                individual_short=s is not None and not s.individual_met,
                group_short=s is not None and not s.group_met,
            )
        )
    return TrainingData(year, as_of, events, hours, settings.supervision_rule)


THROUGH = "forma:Apmācības"  # the source of this view's changes in the history


class EventDialog(EditDialog):
    """Add or edit a training or supervision event; saved at once in one transaction on Save.

    A new event may have several participants — a team supervision is one form for eight people — and is
    stored as today, one row per person with the same date, kind, duration, cost per person and invoice.
    An existing row is edited for its one person. The date comes first: the people offered are those
    employed on it.
    """

    def __init__(
        self, ctx: AppContext, year: int, event: EventRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event.id if event else None
        self.saved_ids: list[int] = []
        self.saved_date: dt.date | None = None
        self.setWindowTitle(self.tr("Edit event") if event else self.tr("New training or supervision event"))
        self.setMinimumWidth(560)
        with ctx.database.read() as session:
            options = load_staff_options(session)
        # one person for an existing row; any number for a new event
        self.staff: StaffPicker | ParticipantsPicker = (
            StaffPicker(options) if event is not None else ParticipantsPicker(options)
        )
        self.date = DateEdit()
        self.date.date_changed.connect(self._date_changed)
        self.staff_warning = QLabel()
        self.staff_warning.setWordWrap(True)
        self.staff_warning.setStyleSheet("color: #8a5300;")
        self.staff_warning.hide()
        if isinstance(self.staff, StaffPicker):
            self.staff.chosen.connect(lambda _id: self._show_warning())
        else:
            self.staff.changed.connect(self._show_warning)
        self.kind = QComboBox()
        for code, label in kind_labels().items():
            self.kind.addItem(label, code)
        self.form = QComboBox()
        for code, label in form_labels().items():
            self.form.addItem(label, code)
        self.duration = DecimalEdit()
        self.unit = QComboBox()
        for code, label in unit_labels().items():
            self.unit.addItem(label, code)
        duration_row = QHBoxLayout()
        duration_row.addWidget(self.duration, 1)
        duration_row.addWidget(self.unit, 2)
        self.topic = QLineEdit()
        self.provider = QLineEdit()
        self.provider.setMaxLength(300)
        self.certified = QComboBox()
        self.certified.addItem(self.tr("not stated"), None)
        self.certified.addItem(self.tr("yes"), True)
        self.certified.addItem(self.tr("no"), False)
        self.cost = DecimalEdit()
        self.invoice = QLineEdit()
        self.invoice.setMaxLength(100)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date)
        date_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Date:"), date_row)
        form.addRow(self.tr("Staff member:") if event is not None else self.tr("Participants:"), self.staff)
        form.addRow("", self.staff_warning)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Form:"), self.form)
        form.addRow(self.tr("Duration:"), duration_row)
        form.addRow(self.tr("Topic:"), self.topic)
        form.addRow(self.tr("Provider:"), self.provider)
        form.addRow(self.tr("Certified supervisor:"), self.certified)
        form.addRow(self.tr("Cost per person, EUR:"), self.cost)
        form.addRow(self.tr("Invoice no.:"), self.invoice)
        self.error = self.finish_form(form)
        if event is not None:
            self._show(event)
        add_history_button(self, ctx, "training", self.event_id, self.windowTitle())
        self.date.setFocus()

    def _show(self, event: EventRow) -> None:
        self.date.set_date(event.date)
        assert isinstance(self.staff, StaffPicker)
        self.staff.set_staff_id(event.staff_id)
        self.kind.setCurrentIndex(self.kind.findData(event.kind))
        self.form.setCurrentIndex(self.form.findData(event.form))
        self.duration.setText(fmt_input(event.duration, 2))
        self.unit.setCurrentIndex(self.unit.findData(event.unit))
        self.topic.setText(event.topic)
        self.provider.setText(event.provider)
        self.certified.setCurrentIndex(self.certified.findData(event.certified_supervisor))
        if event.cost is not None:
            self.cost.setText(fmt_input(event.cost, 2))
        self.invoice.setText(event.invoice)

    def staff_ids(self) -> list[int]:
        if isinstance(self.staff, StaffPicker):
            staff_id = self.staff.staff_id()
            return [] if staff_id is None else [staff_id]
        return self.staff.staff_ids()

    def _picker(self) -> StaffPicker:
        return self.staff if isinstance(self.staff, StaffPicker) else self.staff.picker

    def _date_changed(self, day: dt.date | None) -> None:
        self.staff.set_reference_date(day)
        self._show_warning()

    def _warning(self) -> str | None:
        day = self.date.date_value()
        if day is None:
            return None
        picker = self._picker()
        return not_employed_warning([picker.options[i] for i in self.staff_ids()], day)

    def _show_warning(self) -> None:
        text = self._warning()
        self.staff_warning.setText(text or "")
        self.staff_warning.setVisible(text is not None)

    def _fail(self, widget: QWidget | None, text: str) -> None:
        self.fail(widget, text)

    def save(self) -> None:
        from swdesk.gui.record_forms import show_refusal
        from swdesk.gui.views.duties import confirm_not_employed
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            day = self.date.read(missing=self.tr("Enter the date of the event (dd.mm.yyyy)."))
        except FormProblem as problem:
            return self._fail(problem.widget, problem.message)
        assert day is not None
        people = self.staff_ids()
        if not people:
            return self._fail(
                self.staff,
                self.tr("Choose the staff member: type part of the name or the number.")
                if isinstance(self.staff, StaffPicker)
                else self.tr("Add the participants: type part of a name or the number and press Enter."),
            )
        duration = self.duration.value()
        if duration is None:
            return self._fail(self.duration, self.tr("Duration must be a number above 0 (e.g. 1,5)."))
        cost = self.cost.value()
        if self.cost.text().strip() and cost is None:
            return self._fail(self.cost, self.tr("Cost must be a number (e.g. 120,50)."))
        warning = self._warning()
        if warning is not None and not confirm_not_employed(self, warning):
            return
        values: dict[str, Any] = {
            "date": day,
            "kind": self.kind.currentData(),
            "form": self.form.currentData(),
            "duration": duration,
            "duration_unit": self.unit.currentData(),
            "topic": self.topic.text(),
            "provider": self.provider.text(),
            "certified_supervisor": self.certified.currentData(),
            "cost": cost,
            "invoice": self.invoice.text(),
        }
        # the limits, the cents and whole minutes (academic hours by the setting on the day) are the records
        # layer's, with the import's words; one event per participant, all in one transaction
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                if self.event_id is None:
                    rows = [records.add("training", {"staff_id": staff_id, **values}) for staff_id in people]
                    self.saved_ids = [row.id for row in rows]
                else:
                    event = records.change("training", self.event_id, {"staff_id": people[0], **values})
                    self.saved_ids = [event.id]
        except RecordError as error:
            fields = {"date": self.date.edit, "staff_id": self.staff, "duration": self.duration,
                      "duration_unit": self.unit, "cost": self.cost, "topic": self.topic, "provider": self.provider,
                      "invoice": self.invoice, "kind": self.kind, "form": self.form}
            return show_refusal(self, error, fields)
        self.saved_date = day
        self.accept()


class TrainingView(RecordActions, QWidget):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: TrainingData | None = None
        self._sized = False
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.model = EventsModel(self)
        self.proxy = TableFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
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
        self.count = QLabel()

        self.hours = HoursModel(self)
        self.hours_proxy = TableFilterProxy(self)
        self.hours_proxy.setSourceModel(self.hours)
        self.hours_table = make_table(self)
        self.hours_table.setModel(self.hours_proxy)
        self.hours_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.only_short = QPushButton(self.tr("Only those short of the norm"))
        self.only_short.setCheckable(True)
        self.only_short.toggled.connect(self._apply_short_filter)
        self.hours_filter = QLineEdit()
        self.hours_filter.setPlaceholderText(self.tr("Filter…"))
        self.hours_filter.setClearButtonEnabled(True)
        self.hours_filter.textChanged.connect(self.hours_proxy.setFilterFixedString)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year:")))
        bar.addWidget(self.year)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        events = QWidget()
        events_layout = QVBoxLayout(events)
        events_layout.setContentsMargins(0, 0, 0, 0)
        events_layout.addLayout(bar)
        events_layout.addWidget(self.table, 1)
        events_layout.addWidget(self.count)
        hours_box = QGroupBox(self.tr("Hours per person this year"))
        hours_layout = QVBoxLayout(hours_box)
        hours_bar = QHBoxLayout()
        hours_bar.addWidget(self.hours_filter, 1)
        hours_bar.addWidget(self.only_short)
        hours_layout.addWidget(self.explanation)
        hours_layout.addLayout(hours_bar)
        hours_layout.addWidget(self.hours_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(events)
        splitter.addWidget(hours_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._loader = Reloader(self, self._prepare, self._loaded)
        self._update_buttons()

    def _prepare(self) -> Any:
        database, year, unit_id = self.ctx.database, self.year.value(), self.ctx.unit_id
        self.count.setText(self.tr("Loading…"))
        return lambda: load_training(database, year, unit_id)

    def refresh(self) -> None:
        self._loader.load()

    def _loaded(self, data: TrainingData) -> None:
        self.data = data
        self.model.set_rows(data.events)
        self.hours.set_rows(data.hours)
        short = sum(1 for r in data.hours if not (r.training_met and r.supervision_met))
        rule = (
            self.tr("individual or group supervision")
            if data.supervision_rule == "any"
            else self.tr("both individual and group supervision")
        )
        self.explanation.setText(
            self.tr(
                "Required hours are the yearly norms prorated to the days employed up to %1; the supervision "
                "norm is met with %2. Red: short of the norm (%3 of %4 people)."
            )
            .replace("%1", fmt_date(data.as_of))
            .replace("%2", rule)
            .replace("%3", str(short))
            .replace("%4", str(len(data.hours)))
        )
        self.count.setText(
            self.tr("%1 events, %2 hours in %3")
            .replace("%1", str(len(data.events)))
            .replace("%2", fmt_number(sum(e.minutes for e in data.events) / 60, 2))
            .replace("%3", str(data.year))
        )
        if not self._sized and data.events:  # once: afterwards the widths are the person's own
            self._sized = True
            fit_columns(self.table, limits={1: 220, 6: 280, 7: 220})
            fit_columns(self.hours_table, limits={0: 240, 1: 280})
        self._update_buttons()
        self.reveal_saved()
        self.loaded.emit()

    def before_refresh(self, dialog: Any) -> None:
        """An event saved in another year than the one shown: show that year, where it is."""
        day = getattr(dialog, "saved_date", None)
        if day is not None and day.year != self.year.value():
            self.year.blockSignals(True)
            self.year.setValue(day.year)
            self.year.blockSignals(False)

    def _apply_short_filter(self, only: bool) -> None:
        self.hours_proxy.set_predicate(
            (lambda r: not (r.training_met and r.supervision_met)) if only else None
        )

    def dialog_for(self, event: EventRow | None) -> EventDialog:
        return EventDialog(self.ctx, self.year.value(), event, parent=self)

    def delete_selected(self) -> None:
        event = self.selected()
        if event is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete event"),
            self.tr("Delete %1 of %2 on %3 (%4 h)?")
            .replace("%1", kind_labels().get(event.kind, event.kind).lower())
            .replace("%2", event.staff)
            .replace("%3", fmt_date(event.date))
            .replace("%4", fmt_number(event.minutes / 60, 2)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            from swdesk.records.transaction import transaction

            with transaction(self.ctx.database, THROUGH) as records:
                records.delete("training", event.id)
            self._saved()
