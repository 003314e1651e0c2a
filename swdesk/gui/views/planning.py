"""Plānošana (issue 13): staffing scenarios beside today, their cost, and the year's training plan.

Everything shown is computed by :mod:`swdesk.planning` (the checks' own rules on a copy in memory); the view
writes only through its functions (a scenario saved or deleted, a planned event entered, marked done or
removed), never the data a scenario changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk import planning
from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_eur, fmt_number
from swdesk.gui.charts import BarChart
from swdesk.gui.context import AppContext
from swdesk.gui.models import Column, RowTableModel, collation_key
from swdesk.gui.operations import Reloader
from swdesk.gui.widgets import DateEdit, DecimalEdit, EditDialog, FormProblem, fit_columns, make_table
from swdesk.records.transaction import transaction
from swdesk.rules import scenario as sc

ERROR_COLOUR = "color: #b00020;"
THROUGH = "forma:Plānošana"  # the source of this view's changes in the history


class ComparisonModel(RowTableModel):
    """Rows: :class:`swdesk.planning.TableRow`; a column for today and one per scenario."""

    def set_comparison(self, titles: list[str], rows: list[planning.TableRow]) -> None:
        def shown(i: int) -> Callable[[planning.TableRow], str]:
            return lambda r: planning.format_value(r.values[i], r.kind)

        def key(i: int) -> Callable[[planning.TableRow], Any]:
            return lambda r: r.values[i] if r.values[i] is not None else -1

        self.columns = [Column(self.tr("Figure"), lambda r: r.label, lambda r: r.label)] + [
            Column(title, shown(i), key(i), numeric=True) for i, title in enumerate(titles)
        ]
        self.set_rows(rows)


class PeopleModel(RowTableModel):
    """Rows: :class:`swdesk.planning.PersonPlan`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)

        def hours(value: Decimal | int | None, minutes: bool = False) -> str:
            if value is None:
                return "—"
            return fmt_number(Decimal(value) / 60 if minutes else value, 2)

        self.columns = [
            Column(self.tr("Staff member"), lambda p: p.name, lambda p: collation_key(p.name)),
            Column(self.tr("Training still needed, h"), lambda p: hours(p.training_needed),
                   lambda p: p.training_needed or 0, numeric=True),
            Column(self.tr("Training still compensable, h"), lambda p: hours(p.cap_left.get("training"), True),
                   lambda p: p.cap_left.get("training", 0), numeric=True),
            Column(self.tr("Training planned, h"), lambda p: hours(p.planned_minutes.get("training"), True),
                   lambda p: p.planned_minutes.get("training", 0), numeric=True),
            Column(self.tr("Supervision planned, h"),
                   lambda p: hours(p.planned_minutes.get("supervision_individual", 0)
                                   + p.planned_minutes.get("supervision_group", 0), True),
                   lambda p: p.planned_minutes.get("supervision_individual", 0), numeric=True),
            Column(self.tr("Expected compensation, EUR"), lambda p: fmt_number(p.expected_compensation, 2),
                   lambda p: p.expected_compensation, numeric=True),
        ]


class PlannedEventsModel(RowTableModel):
    """Rows: :class:`swdesk.planning.PlannedEvent`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        from swdesk.rules.claim import kind_label

        self.columns = [
            Column(self.tr("Date"), lambda e: fmt_date(e.date), lambda e: e.date.isoformat()),
            Column(self.tr("Staff member"), lambda e: e.name, lambda e: collation_key(e.name)),
            Column(self.tr("Kind"), lambda e: kind_label(e.kind), lambda e: e.kind),
            Column(self.tr("Hours"), lambda e: fmt_number(Decimal(e.minutes) / 60, 2), lambda e: e.minutes,
                   numeric=True),
            Column(self.tr("Compensable, h"), lambda e: fmt_number(Decimal(e.compensable_minutes) / 60, 2),
                   lambda e: e.compensable_minutes, numeric=True),
            Column(self.tr("Compensation, EUR"), lambda e: fmt_number(e.compensation, 2), lambda e: e.compensation,
                   numeric=True),
            Column(self.tr("Cap"), lambda e: self.tr("past the cap") if e.past_cap else "",
                   lambda e: e.past_cap),
        ]


class ScenarioDialog(EditDialog):
    """A new scenario: its name, the date its changes would apply from, and the changes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.changes: list[sc.Change] = []
        self.setWindowTitle(self.tr("New scenario"))
        self.setMinimumWidth(720)
        with ctx.database.read() as session:
            positions = sorted(session.execute(select(m.Position.code, m.Position.name)).all(),
                               key=lambda p: collation_key(p.name))
            categories = sorted(session.execute(select(m.DutyCategory.code, m.DutyCategory.name)).all(),
                                key=lambda c: collation_key(c.name))
            today = dt.date.today()
            staff = session.execute(
                select(m.Staff.tabeles_nr, m.Staff.first_name, m.Staff.last_name, m.Position.name)
                .join(m.Position, m.Position.code == m.Staff.position_code)
                .where(m.Staff.start <= today, (m.Staff.end.is_(None)) | (m.Staff.end >= today))
            ).all()
            self.snapshot_names = {code: name for code, name in positions}
        self.name = QLineEdit()
        self.valid_from = DateEdit()
        self.valid_from.set_date(dt.date(today.year + 1, 1, 1))
        # posts added
        self.position = QComboBox()
        for code, name in positions:
            self.position.addItem(name, code)
        self.position.setCurrentIndex(max(0, self.position.findData("SD")))
        self.count = QSpinBox()
        self.count.setRange(1, 100)
        self.fte = DecimalEdit()
        self.fte.setText("1")
        self.salary = DecimalEdit()
        self.salary.setPlaceholderText(self.tr("EUR a month, full time"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("structural unit (optional)"))
        add_post = QPushButton(self.tr("Add posts"))
        add_post.clicked.connect(self._add_post)
        self.fte.setMinimumWidth(60)
        self.salary.setMinimumWidth(150)
        posts = QHBoxLayout()
        posts.addWidget(self.position, 1)
        for label, widget in ((self.tr("posts"), self.count), (self.tr("FTE each"), self.fte)):
            posts.addWidget(QLabel(label))
            posts.addWidget(widget)
        posts_more = QHBoxLayout()
        posts_more.addWidget(QLabel(self.tr("monthly salary, EUR")))
        posts_more.addWidget(self.salary)
        posts_more.addWidget(self.unit, 1)
        posts_more.addWidget(add_post)
        # a leaver
        self.leaver = QComboBox()
        for nr, first, last, position in sorted(staff, key=lambda s: collation_key(f"{s[2]} {s[1]}")):
            self.leaver.addItem(f"{first} {last} ({position}, {nr})", nr)
        add_leaver = QPushButton(self.tr("Add leaver"))
        add_leaver.clicked.connect(self._add_leaver)
        leavers = QHBoxLayout()
        leavers.addWidget(self.leaver, 1)
        leavers.addWidget(add_leaver)
        # duties moved
        self.category = QComboBox()
        for code, name in categories:
            self.category.addItem(name, code)
        self.category.setCurrentIndex(max(0, self.category.findData("NS_PARTIKA")))
        self.amount = DecimalEdit()
        self.amount.setText("100")
        self.amount_unit = QComboBox()
        self.amount_unit.addItem(self.tr("% of the hours"), "share")
        self.amount_unit.addItem(self.tr("h a month per person"), "hours")
        add_move = QPushButton(self.tr("Move away"))
        add_move.clicked.connect(self._add_move)
        moves = QHBoxLayout()
        moves.addWidget(self.category, 1)
        moves.addWidget(self.amount)
        moves.addWidget(self.amount_unit)
        moves.addWidget(add_move)
        # the rest
        self.population = QSpinBox()
        self.population.setRange(0, 2_000_000)
        self.population.setSpecialValueText(self.tr("no forecast"))
        self.raise_to_minimum = QCheckBox(self.tr("Raise every salary below the scale minimum to it"))
        self.listing = QListWidget()
        self.listing.setMinimumHeight(110)
        remove = QPushButton(self.tr("Remove the chosen change"))
        remove.clicked.connect(self._remove)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Changes apply from:"), self.valid_from)
        form.addRow(self.tr("New posts:"), posts)
        form.addRow("", posts_more)
        form.addRow(self.tr("Leaves:"), leavers)
        form.addRow(self.tr("Non-social-work hours:"), moves)
        form.addRow(self.tr("Population forecast:"), self.population)
        form.addRow("", self.raise_to_minimum)
        form.addRow(self.tr("Changes:"), self.listing)
        form.addRow("", remove)
        self.error = self.finish_form(form)

    def _show(self) -> None:
        self.listing.clear()
        with self.ctx.database.read() as session:
            snapshot = planning.load_names(session)
        for change in self.changes:
            self.listing.addItem(planning.describe_change(change, snapshot))

    def _add_post(self) -> None:
        fte, salary = self.fte.value(), self.salary.value()
        if fte is None or not Decimal("0.001") <= fte <= Decimal("1.5"):
            return self.fail(self.fte, self.tr("FTE must be a number above 0 and at most 1,5 (e.g. 0,5)."))
        if salary is None or salary <= 0:
            return self.fail(self.salary, self.tr("Enter the monthly salary for full time in EUR."))
        self.changes.append(sc.Change(sc.ADD_POSITION, position_code=self.position.currentData(),
                                      count=self.count.value(), fte=fte, salary=salary,
                                      unit_name=self.unit.text().strip() or None))
        self.error.hide()
        self._show()

    def _add_leaver(self) -> None:
        if self.leaver.currentData() is not None:
            self.changes.append(sc.Change(sc.REMOVE_STAFF, tabeles_nr=self.leaver.currentData()))
            self._show()

    def _add_move(self) -> None:
        amount = self.amount.value()
        share = self.amount_unit.currentData() == "share"
        if amount is None or amount <= 0 or (share and amount > 100):
            return self.fail(self.amount, self.tr("Enter a share from 0 to 100 % or hours above 0."))
        self.changes.append(sc.Change(
            sc.MOVE_DUTIES, category_code=self.category.currentData(),
            share=(amount / 100).quantize(Decimal("0.001")) if share else None,
            hours_per_month=None if share else amount,
        ))
        self.error.hide()
        self._show()

    def _remove(self) -> None:
        row = self.listing.currentRow()
        if 0 <= row < len(self.changes):
            del self.changes[row]
            self._show()

    def save(self) -> None:
        try:
            valid_from = self.valid_from.read(missing=self.tr("Enter the date the changes would apply from."))
        except FormProblem as problem:
            return self.fail(problem.widget, problem.message)
        assert valid_from is not None
        changes = list(self.changes)
        if self.population.value() > 0:
            changes.append(sc.Change(sc.POPULATION, residents=self.population.value()))
        if self.raise_to_minimum.isChecked():
            changes.append(sc.Change(sc.RAISE_TO_MINIMUM))
        spec = sc.ScenarioSpec(name=self.name.text(), valid_from=valid_from, changes=tuple(changes))
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(planning.save_scenario, spec)
        except planning.PlanningError as exc:
            return self.fail(self.name, str(exc))
        self.saved_name = spec.name.strip()
        self.accept()


class PlannedEventDialog(EditDialog):
    """A training or supervision event entered as planned: counted by nothing until marked done."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Plan an event"))
        self.setMinimumWidth(460)
        today = dt.date.today()
        with ctx.database.read() as session:
            staff = session.execute(
                select(m.Staff.id, m.Staff.first_name, m.Staff.last_name)
                .where(m.Staff.start <= today, (m.Staff.end.is_(None)) | (m.Staff.end >= today))
            ).all()
        self.person = QComboBox()
        for sid, first, last in sorted(staff, key=lambda s: collation_key(f"{s[2]} {s[1]}")):
            self.person.addItem(f"{first} {last}", sid)
        self.date = DateEdit()
        self.kind = QComboBox()
        from swdesk.rules.claim import kind_label

        for kind in m.TRAINING_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.hours = DecimalEdit()
        self.cost = DecimalEdit()
        self.invoice = QLineEdit()
        self.topic = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Staff member:"), self.person)
        form.addRow(self.tr("Date:"), self.date)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Hours:"), self.hours)
        form.addRow(self.tr("Cost per person, EUR:"), self.cost)
        form.addRow(self.tr("Invoice no.:"), self.invoice)
        form.addRow(self.tr("Topic:"), self.topic)
        self.error = self.finish_form(form)

    def save(self) -> None:
        try:
            day = self.date.read(missing=self.tr("Enter the date of the event (dd.mm.yyyy)."))
        except FormProblem as problem:
            return self.fail(problem.widget, problem.message)
        assert day is not None
        hours = self.hours.value()
        if hours is None or hours <= 0 or (hours * 60) != (hours * 60).to_integral_value():
            return self.fail(self.hours, self.tr("Enter the hours, e.g. 8 or 1,5."))
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(
                    planning.add_planned_event, staff_id=self.person.currentData(), date=day, kind=self.kind.currentData(),
                    minutes=int(hours * 60), cost=self.cost.value(), invoice=self.invoice.text(),
                    certified_supervisor=True if self.kind.currentData() != "training" else None,
                    topic=self.topic.text().strip() or None,
                )
        except planning.PlanningError as exc:
            return self.fail(None, str(exc))
        self.accept()


class PlanningView(QWidget):
    """Scenarios on the left (ticked ones are compared), the comparison and the training plan on the right.

    Both are computed off the UI thread (a Rīga year's checks, once per scenario, take seconds); the plan
    only when its tab is shown."""

    loaded = Signal()  # the comparison is on screen
    plan_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.comparison: planning.Comparison | None = None
        self.specs: dict[str, sc.ScenarioSpec] = {}
        self.year = dt.date.today().year
        self._loader = Reloader(self, self._prepare, self._loaded)
        self._plan_loader = Reloader(self, self._prepare_plan, self._plan_loaded)
        self._plan_stale = True
        # the scenarios
        # a list view over a standard model (checkable rows): ticked scenarios are compared
        self.scenario_model = QStandardItemModel(self)
        self.scenarios = QListView()
        self.scenarios.setModel(self.scenario_model)
        self.scenario_model.itemChanged.connect(lambda _item: self._compare())
        self.scenarios.selectionModel().currentChanged.connect(lambda *_: self._show_changes())
        self.new_button = QPushButton(self.tr("New…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.new_button.clicked.connect(self.new_scenario)
        self.delete_button.clicked.connect(self.delete_scenario)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setAlignment(Qt.AlignmentFlag.AlignTop)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Scenarios (ticked ones are compared):")))
        left_layout.addWidget(self.scenarios, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(QLabel(self.tr("Changes of the chosen scenario:")))
        left_layout.addWidget(self.changes, 3)
        # the comparison
        self.model = ComparisonModel(self)
        self.table = make_table(self)
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        # scenario names are long: the header wraps them on two lines rather than cutting them
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(int(Qt.TextFlag.TextWordWrap)))
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.setMinimumHeight(44)
        self.chart = BarChart()
        self.chart.setMaximumHeight(200)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.pdf_button = QPushButton(self.tr("Budget justification (PDF)…"))
        self.xlsx_button = QPushButton(self.tr("Budget justification (xlsx)…"))
        self.pdf_button.clicked.connect(lambda: self.save_document("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_document("xlsx"))
        documents = QHBoxLayout()
        documents.addWidget(self.note, 1)
        documents.addWidget(self.pdf_button)
        documents.addWidget(self.xlsx_button)
        compare_page = QWidget()
        compare_layout = QVBoxLayout(compare_page)
        compare_layout.addWidget(self.table, 3)
        compare_layout.addWidget(self.chart, 1)
        compare_layout.addLayout(documents)
        # the training plan
        self.people_model = PeopleModel(self)
        self.people = make_table(self)
        self.people.setModel(self.people_model)
        self.events_model = PlannedEventsModel(self)
        self.events = make_table(self)
        self.events.setModel(self.events_model)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(ERROR_COLOUR)
        self.plan_summary = QLabel()
        self.plan_button = QPushButton(self.tr("Plan an event…"))
        self.done_button = QPushButton(self.tr("Mark as done"))
        self.unplan_button = QPushButton(self.tr("Remove from the plan"))
        self.plan_button.clicked.connect(self.plan_event)
        self.done_button.clicked.connect(self.mark_done)
        self.unplan_button.clicked.connect(self.remove_planned)
        plan_bar = QHBoxLayout()
        plan_bar.addWidget(self.plan_summary, 1)
        for button in (self.plan_button, self.done_button, self.unplan_button):
            plan_bar.addWidget(button)
        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        plan_layout.addLayout(plan_bar)
        plan_layout.addWidget(self.people, 3)
        plan_layout.addWidget(QLabel(self.tr("Planned events (counted in no claim, check or survey until done):")))
        plan_layout.addWidget(self.events, 2)
        plan_layout.addWidget(self.warnings)
        self.tabs = QTabWidget()
        self.tabs.addTab(compare_page, self.tr("Scenarios beside today"))
        self.tabs.addTab(plan_page, self.tr("Training plan"))
        self.tabs.currentChanged.connect(lambda _i: self._load_plan_if_shown())
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # --- loading ----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        with self.ctx.database.read() as session:
            self.specs = {s.name: s for s in planning.list_scenarios(session)}
        ticked = set(self.ticked())
        known = {self.scenario_model.item(i).text() for i in range(self.scenario_model.rowCount())}
        self.scenario_model.blockSignals(True)
        self.scenario_model.clear()
        for name in self.specs:
            item = QStandardItem(name)
            item.setEditable(False)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if name in ticked or name not in known
                               else Qt.CheckState.Unchecked)
            self.scenario_model.appendRow(item)
        self.scenario_model.blockSignals(False)
        self.scenarios.reset()
        if self.scenario_model.rowCount():
            self.scenarios.setCurrentIndex(self.scenario_model.index(0, 0))
        self._compare()
        self._plan_stale = True
        self._load_plan_if_shown()

    def ticked(self) -> list[str]:
        model = self.scenario_model
        return [model.item(i).text() for i in range(model.rowCount())
                if model.item(i).checkState() == Qt.CheckState.Checked]

    def current_scenario(self) -> str | None:
        index = self.scenarios.currentIndex()
        return self.scenario_model.itemFromIndex(index).text() if index.isValid() else None

    def _compare(self) -> None:
        self._loader.load()

    def _prepare(self) -> Callable[[], planning.Comparison]:
        names, database = self.ticked(), self.ctx.database
        self.note.setText(self.tr("Computing…"))

        def compute() -> planning.Comparison:
            with database.read() as session:
                return planning.compare_scenarios(session, names)

        return compute

    def _loaded(self, comparison: planning.Comparison) -> None:
        self.comparison = comparison
        self.model.set_comparison(planning.column_titles(comparison), planning.comparison_rows(comparison))
        # the figures' names wrap at 330 px and each column keeps to 140 px, so four scenarios fit at 1366×768
        fit_columns(self.table, limits={0: 340, **{i: 140 for i in range(1, self.model.columnCount())}})
        outcomes = [comparison.today, *comparison.scenarios]
        self.chart.set_data(
            self.tr("Residents per social work specialist (R1)"),
            planning.column_titles(comparison),
            [None if o.figures.ratio is None else float(o.figures.ratio) for o in outcomes],
            limit=float(comparison.limit),
            limit_label=self.tr("norm 1:%1").replace("%1", fmt_number(comparison.limit, 0).replace("\u00a0", "")),
            fmt=lambda v: fmt_number(v, 1),
        )
        self.note.setText(
            self.tr("The checks of %1 as of %2 with each scenario's changes in force; the cost is for the year of "
                    "the scenario's date.").replace("%1", str(comparison.year)).replace("%2", fmt_date(comparison.as_of))
        )
        self._show_changes()
        self.loaded.emit()

    def _show_changes(self) -> None:
        name = self.current_scenario()
        self.delete_button.setEnabled(name is not None)
        if name is None or self.comparison is None or name not in self.specs:
            self.changes.setText("")
            return
        spec = self.specs[name]
        lines = [self.tr("From %1:").replace("%1", fmt_date(spec.valid_from))]
        lines += [f"• {planning.describe_change(c, self.comparison.snapshot)}" for c in spec.changes]
        self.changes.setText("\n".join(lines))

    def _load_plan_if_shown(self) -> None:
        if self._plan_stale and self.tabs.currentIndex() == 1:
            self._load_plan()

    def _load_plan(self) -> None:
        self._plan_stale = False
        self._plan_loader.load()

    def _prepare_plan(self) -> Callable[[], planning.TrainingPlan]:
        year, database = self.year, self.ctx.database
        self.plan_summary.setText(self.tr("Computing…"))

        def compute() -> planning.TrainingPlan:
            with database.read() as session:
                return planning.training_plan(session, year=year)

        return compute

    def _plan_loaded(self, plan: planning.TrainingPlan) -> None:
        self.plan = plan
        self.people_model.set_rows(list(plan.people))
        self.events_model.set_rows(list(plan.events))
        fit_columns(self.people, limits={0: 260})
        fit_columns(self.events, limits={1: 220})
        self.plan_summary.setText(
            self.tr("Training plan of %1: expected compensation %2")
            .replace("%1", str(plan.year)).replace("%2", fmt_eur(plan.expected_compensation))
        )
        self.warnings.setText("\n".join(w.warning() for w in plan.warnings))
        self.plan_loaded.emit()

    # --- actions ----------------------------------------------------------------------------------------

    def new_scenario(self) -> None:
        dialog = ScenarioDialog(self.ctx, parent=self)
        if dialog.exec():
            self.ctx.changed()
            self.refresh()

    def delete_scenario(self) -> None:
        name = self.current_scenario()
        if name is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete scenario"), self.tr("Delete the scenario %1?").replace("%1", name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(planning.delete_scenario, name)
            self.ctx.changed()
            self.refresh()

    def save_document(self, kind: str) -> None:
        if self.comparison is None:
            return
        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        name = f"budzeta-pamatojums-{self.comparison.today.cost.year}{suffix}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the budget justification"), name,
                                              f"*{suffix}")
        if not path:
            return
        self.write_document(Path(path), kind)

    def write_document(self, path: Path, kind: str) -> Path:
        from swdesk.export.budget import write_budget_pdf, write_budget_xlsx

        assert self.comparison is not None
        with self.ctx.database.read() as session:
            raises = planning.minimum_raise(session)
        writer = write_budget_pdf if kind == "pdf" else write_budget_xlsx
        return writer(self.comparison, raises, path)

    def _chosen_event(self) -> planning.PlannedEvent | None:
        rows = self.events.selectionModel().selectedRows() if self.events.selectionModel() else []
        if not rows:
            return None
        return self.events_model.rows[rows[0].row()]

    def plan_event(self) -> None:
        if PlannedEventDialog(self.ctx, parent=self).exec():
            self.ctx.changed()
            self._load_plan()

    def mark_done(self) -> None:
        event = self._chosen_event()
        if event is not None:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(planning.mark_done, event.event_id)
            self.ctx.changed()
            self._load_plan()

    def remove_planned(self) -> None:
        event = self._chosen_event()
        if event is not None:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(planning.delete_planned_event, event.event_id)
            self.ctx.changed()
            self._load_plan()
