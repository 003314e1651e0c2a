"""Kritēriji un iestatījumi: workload criteria, the settings of SPEC §1.6 with their dates, the salary scale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk import scale
from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_eur, fmt_input, fmt_number, fmt_share, fmt_trimmed
from swdesk.gui.context import AppContext
from swdesk.gui.models import ROW_ROLE, Column, RowTableModel, TableFilterProxy, collation_key
from swdesk.gui.record_forms import add_history_button
from swdesk.gui.widgets import DateEdit, DecimalEdit, EditDialog, FormProblem, make_table, select_row_of


def setting_kind(key: str) -> str:
    """What a setting holds, as the core parses it: positive, whole, fraction, choice or cap."""
    from swdesk.settings import PARSERS

    return PARSERS[key][1]


def choice_labels(key: str) -> dict[str, str]:
    """The Latvian (or English) words for the codes a choice setting stores."""
    if key == "ratio.basis":
        return {
            "fte": QCoreApplication.translate("settings", "by FTE (the sum of workloads)"),
            "headcount": QCoreApplication.translate("settings", "by headcount (people)"),
        }
    if key == "supervision.rule":
        return {
            "any": QCoreApplication.translate("settings", "the individual or the group norm is met"),
            "all": QCoreApplication.translate("settings", "both the individual and the group norm are met"),
        }
    return {}


def unit_of(key: str) -> str:
    """The unit written after a setting's number."""
    return {
        "ratio.limit": QCoreApplication.translate("settings", "residents per specialist"),
        "vacancy.days": QCoreApplication.translate("settings", "days"),
        "retention.former_staff_years": QCoreApplication.translate("settings", "years"),
        "retention.claim_years": QCoreApplication.translate("settings", "years"),
        "supervision.individual_hours": QCoreApplication.translate("settings", "h a year"),
        "supervision.group_hours": QCoreApplication.translate("settings", "h a year"),
        "hours.academic_minutes": QCoreApplication.translate("settings", "min"),
        "caseload.capacity_points": QCoreApplication.translate("settings", "points per FTE a month"),
    }.get(key, "")


def setting_text(key: str, raw: str) -> str:
    """A stored setting as a head reads it: "10 %", "pēc slodzēm", "90 dienas", "30 EUR par 60 min"."""
    kind = setting_kind(key)
    try:
        if kind == "fraction":
            return fmt_share(Decimal(raw), 2)
        if kind == "choice":
            return choice_labels(key).get(raw.strip().lower(), raw)
        if kind == "cap":
            eur, _sep, minutes = raw.partition("/")
            return (
                QCoreApplication.translate("settings", "%1 EUR per %2 min")
                .replace("%1", fmt_trimmed(Decimal(eur.strip())))
                .replace("%2", minutes.strip())
            )
        unit = unit_of(key)
        return fmt_trimmed(Decimal(raw)) + (f" {unit}" if unit else "")
    except (ArithmeticError, ValueError):
        return raw


THROUGH = "forma:Kritēriji"  # the source of this view's changes in the history


class SettingsModel(RowTableModel):
    """Rows: (key, value in force today, from, history [(date, value)])."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.labels = {
            "ratio.limit": self.tr("Residents per specialist allowed (1:1000 norm)"),
            "ratio.basis": self.tr("Count specialists"),
            "duties.threshold": self.tr("Non-social-work share that warns"),
            "vacancy.days": self.tr("Days a vacancy may stay open"),
            "retention.former_staff_years": self.tr("Years after leaving before former staff are anonymised"),
            "retention.claim_years": self.tr("Years the records behind a claim are kept"),
            "supervision.rule": self.tr("Supervision norm counts as met when"),
            "supervision.individual_hours": self.tr("Individual supervision a year"),
            "supervision.group_hours": self.tr("Group supervision a year"),
            "hours.academic_minutes": self.tr("Length of an academic hour"),
            "caseload.capacity_points": self.tr("Weighted capacity (criteria weights)"),
            "claim.rate": self.tr("Share of eligible cost compensated"),
            "claim.cap.individual_in_person": self.tr("Cost cap, individual supervision in person"),
            "claim.cap.individual_remote": self.tr("Cost cap, individual supervision remote"),
            "claim.cap.group": self.tr("Cost cap, group supervision per person"),
            "cost.social_insurance": self.tr("Employer's social insurance contribution (planning)"),
        }
        self.columns = [
            Column(self.tr("Setting"), lambda r: self.labels.get(r[0], r[0]), lambda r: r[0]),
            Column(self.tr("Value"), lambda r: setting_text(r[0], r[1]), lambda r: r[1]),
            Column(
                self.tr("Applies from"), lambda r: fmt_date(r[2]), lambda r: r[2].isoformat(), numeric=True
            ),
        ]


@dataclass(frozen=True)
class CriterionNames:
    position: str
    work_type: str
    unit: str


class CriteriaModel(RowTableModel):
    """Rows: :class:`swdesk.db.models.Criterion`; :attr:`names` holds the names of each one's position, work
    type and unit by its id, as the catalogues say them when the rows were read."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: dict[int, CriterionNames] = {}
        self.columns = [
            Column(self.tr("Position"), lambda c: self.names[c.id].position,
                   lambda c: self.names[c.id].position.casefold()),
            Column(self.tr("Work type"), lambda c: self.names[c.id].work_type,
                   lambda c: self.names[c.id].work_type.casefold()),
            Column(self.tr("Unit"), lambda c: self.names[c.id].unit, lambda c: self.names[c.id].unit.casefold()),
            Column(
                self.tr("Max per FTE a month"),
                lambda c: fmt_number(c.max_per_fte, 2),
                lambda c: float(c.max_per_fte),
                numeric=True,
            ),
            Column(
                self.tr("Weight"),
                lambda c: "" if c.weight is None else fmt_number(c.weight, 3),
                lambda c: -1.0 if c.weight is None else float(c.weight),
                numeric=True,
            ),
        ]


class SettingDialog(EditDialog):
    """A new value for one setting from a date on; earlier years keep being checked with the old one.

    Each kind of setting has its own field: a choice in words, a percentage for a share, a number with its
    unit, an amount per minutes for a cost cap. What the head enters is turned into the stored form and
    checked by the core (``swdesk.settings.set_value``), which holds every limit; a refusal is said in
    the form's own terms.
    """

    def __init__(
        self, ctx: AppContext, key: str, label: str, history: list[Any], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.key = key
        self.kind = setting_kind(key)
        self.setWindowTitle(self.tr("Change a setting"))
        self.setMinimumWidth(460)
        current = history[-1][1] if history else None
        if current is None:
            from swdesk.settings import raw_value

            with ctx.database.read() as session:
                current = raw_value(session, key, dt.date.today())
        self.value = QLineEdit()  # what set_value receives; the fields below fill it
        self.choice = QComboBox()
        self.number = DecimalEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 100_000)
        self.minutes.setSuffix(" " + self.tr("min"))
        value_row = QHBoxLayout()
        if self.kind == "choice":
            for code, text in choice_labels(key).items():
                self.choice.addItem(text, code)
            self.choice.setCurrentIndex(max(0, self.choice.findData(current.strip().lower())))
            value_row.addWidget(self.choice, 1)
        elif self.kind == "cap":
            eur, _sep, minutes = current.partition("/")
            self.number.setText(fmt_input(Decimal(eur.strip()), trim=True))
            self.minutes.setValue(int(minutes.strip() or 60))
            value_row.addWidget(self.number, 1)
            value_row.addWidget(QLabel(self.tr("EUR per")))
            value_row.addWidget(self.minutes)
        else:
            shown = Decimal(current) * 100 if self.kind == "fraction" else Decimal(current)
            self.number.setText(fmt_input(shown, 3 if self.kind == "fraction" else 2, trim=True))
            value_row.addWidget(self.number, 1)
            unit = "%" if self.kind == "fraction" else unit_of(key)
            if unit:
                value_row.addWidget(QLabel(unit))
        self.valid_from = DateEdit(dt.date(dt.date.today().year, 1, 1))
        from_row = QHBoxLayout()
        from_row.addWidget(self.valid_from)
        from_row.addStretch(1)
        past = "\n".join(f"{fmt_date(day)}: {setting_text(key, value)}" for day, value in history)
        history_label = QLabel(past or self.tr("— (the shipped default applies)"))
        form = QFormLayout()
        form.addRow(QLabel("<b>" + label + "</b>"))
        form.addRow(self.tr("New value:"), value_row)
        form.addRow(self.tr("Applies from:"), from_row)
        form.addRow(self.tr("Earlier values:"), history_label)
        self.error = self.finish_form(form)

    def stored_text(self) -> str | None:
        """The value as the core stores it ("0.15", "headcount", "30 / 60"); None when no number is typed."""
        if self.kind == "choice":
            return str(self.choice.currentData())
        number = self.number.value()
        if number is None:
            return None
        if self.kind == "fraction":
            number = number / 100
        text = format(number.normalize(), "f")
        return f"{text} / {self.minutes.value()}" if self.kind == "cap" else text

    def refusal(self) -> str:
        """Why the value was refused, in the form's terms (the core's sentence names the internal key)."""
        if self.kind == "fraction":
            return self.tr("Enter a percentage from 0 to 100, for example 10.")
        if self.kind == "cap":
            return self.tr("Enter the amount in EUR, 0 or more, for example 30.")
        if self.kind == "whole" and self.key != "hours.academic_minutes":
            return self.tr("Enter a whole number, 0 or more.")
        if self.kind == "whole":
            return self.tr("Enter a whole number above 0.")
        return self.tr("Enter a number above 0.")

    def save(self) -> None:
        from swdesk.settings import SettingError, set_value

        text = self.stored_text()
        if text is None:
            return self.fail(self.number, self.refusal())
        self.value.setText(text)
        try:
            valid_from = self.valid_from.read(missing=self.tr("Enter the date the value applies from (dd.mm.yyyy)."))
        except FormProblem as problem:
            return self.fail(problem.widget, problem.message)
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(set_value, self.key, text, valid_from)
        except (SettingError, RecordError):
            return self.fail(self.number, self.refusal())
        self.accept()


class CriterionDialog(EditDialog):
    def __init__(self, ctx: AppContext, criterion: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.criterion_id = criterion.id if criterion is not None else None
        self.saved_id: int | None = None  # the row saved, for the view to select
        self.setWindowTitle(self.tr("Edit criterion") if criterion is not None else self.tr("New criterion"))
        self.setMinimumWidth(460)
        with ctx.database.read() as session:
            # in Latvian alphabetical order (SQL's order puts Ģimenes asistents after Vecākais)
            positions, work_types, units = (
                sorted(session.execute(select(model.code, model.name)).all(), key=lambda r: collation_key(r.name))
                for model in (m.Position, m.WorkType, m.Unit)
            )
        self.position = QComboBox()
        self.position.addItem(self.tr("Every position"), "*")
        for code, name in positions:
            self.position.addItem(name, code)
        self.work_type = QComboBox()
        for code, name in work_types:
            self.work_type.addItem(name, code)
        self.unit = QComboBox()
        for code, name in units:
            self.unit.addItem(name, code)
        self.max_per_fte = DecimalEdit()
        self.weight = DecimalEdit()
        self.weight.setPlaceholderText(self.tr("optional"))
        form = QFormLayout()
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("Work type:"), self.work_type)
        form.addRow(self.tr("Unit:"), self.unit)
        form.addRow(self.tr("Max per FTE a month:"), self.max_per_fte)
        form.addRow(self.tr("Weight:"), self.weight)
        self.error = self.finish_form(form)
        if criterion is not None:
            self.position.setCurrentIndex(max(0, self.position.findData(criterion.position_code)))
            self.work_type.setCurrentIndex(max(0, self.work_type.findData(criterion.work_type_code)))
            self.unit.setCurrentIndex(max(0, self.unit.findData(criterion.unit_code)))
            self.max_per_fte.setText(fmt_input(criterion.max_per_fte, 2))
            if criterion.weight is not None:
                self.weight.setText(fmt_input(criterion.weight, 3))
        add_history_button(self, ctx, "criterion", self.criterion_id, self.windowTitle())

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        """A number that is not one is the form's to say; its limits and the one criterion per position,
        work type and unit are the records layer's (the import's words)."""
        from swdesk.gui.record_forms import show_refusal
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        if self.max_per_fte.text().strip() and self.max_per_fte.value() is None:
            return self._fail(self.tr("Enter the maximum per FTE a month (a number above 0)."))
        if self.weight.text().strip() and self.weight.value() is None:
            return self._fail(self.tr("The weight must be a number, 0 or more, or left empty."))
        values = {
            "position_code": self.position.currentData(),
            "work_type_code": self.work_type.currentData(),
            "unit_code": self.unit.currentData(),
            "max_per_fte": self.max_per_fte.value(),
            "weight": self.weight.value() if self.weight.text().strip() else None,
        }
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                if self.criterion_id is None:
                    row = records.add("criterion", values)
                else:
                    row = records.change("criterion", self.criterion_id, values)
                self.saved_id = row.id
        except RecordError as error:
            fields = {"position_code": self.position, "work_type_code": self.work_type, "unit_code": self.unit,
                      "max_per_fte": self.max_per_fte, "weight": self.weight}
            return show_refusal(self, error, fields)
        self.accept()


class ScaleModel(RowTableModel):
    """Mēnešalgu skala: rows are :class:`swdesk.scale.ScaleEntry` with the positions of each group."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.positions: dict[int, str] = {}
        self.columns = [
            Column(self.tr("Year"), lambda e: str(e.year), lambda e: (e.year, e.group), numeric=True),
            Column(self.tr("Group"), lambda e: str(e.group), lambda e: (e.group, e.year), numeric=True),
            Column(self.tr("Minimum"), lambda e: fmt_eur(e.min), lambda e: float(e.min), numeric=True),
            Column(self.tr("Mid"), lambda e: fmt_eur(e.mid), lambda e: float(e.mid), numeric=True),
            Column(self.tr("Maximum"), lambda e: fmt_eur(e.max), lambda e: float(e.max), numeric=True),
            Column(
                self.tr("Positions"),
                lambda e: self.positions.get(e.group, ""),
                lambda e: self.positions.get(e.group, ""),
            ),
        ]


class ScaleDialog(EditDialog):
    """Add a group's row for a year, or change a row's amounts; saved at once on Save."""

    def __init__(self, ctx: AppContext, entry: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_key: tuple[int, int] | None = None  # (group, year) saved, for the view to select
        self.setWindowTitle(self.tr("Change salary group") if entry else self.tr("New salary group row"))
        self.setMinimumWidth(420)
        self.group = QSpinBox()
        self.group.setRange(1, 20)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.low, self.mid, self.high = DecimalEdit(), DecimalEdit(), DecimalEdit()
        if entry is not None:
            self.group.setValue(entry.group)
            self.year.setValue(entry.year)
            self.group.setEnabled(False)
            self.year.setEnabled(False)
            for edit, value in ((self.low, entry.min), (self.mid, entry.mid), (self.high, entry.max)):
                edit.setText(fmt_input(value, 2))
        form = QFormLayout()
        form.addRow(self.tr("Salary group:"), self.group)
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Minimum, EUR:"), self.low)
        form.addRow(self.tr("Mid, EUR:"), self.mid)
        form.addRow(self.tr("Maximum, EUR:"), self.high)
        self.error = self.finish_form(form)
        key = (entry.group, entry.year) if entry is not None else None
        add_history_button(self, ctx, "scale", key, self.windowTitle())

    def save(self) -> None:
        from swdesk import scale

        amounts = [edit.value() for edit in (self.low, self.mid, self.high)]
        if any(value is None for value in amounts):
            self.error.setText(self.tr("Enter all three amounts (e.g. 1157,00)."))
            self.error.show()
            return
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(scale.set_entry, self.group.value(), self.year.value(), *amounts)
        except (scale.ScaleError, RecordError) as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.saved_key = (self.group.value(), self.year.value())
        self.accept()


class CriteriaView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.criteria = CriteriaModel(self)
        self.criteria_proxy = TableFilterProxy(self)
        self.criteria_proxy.setSourceModel(self.criteria)
        self.criteria_table = make_table(self)
        self.criteria_table.setModel(self.criteria_proxy)
        self.criteria_table.doubleClicked.connect(lambda _i: self.edit_criterion())
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add_criterion)
        self.edit_button.clicked.connect(self.edit_criterion)
        self.delete_button.clicked.connect(self.delete_criterion)
        criteria_box = QWidget()
        criteria_buttons = QHBoxLayout()
        criteria_buttons.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            criteria_buttons.addWidget(button)
        criteria_layout = QVBoxLayout(criteria_box)
        criteria_layout.addLayout(criteria_buttons)
        criteria_layout.addWidget(self.criteria_table)

        self.settings = SettingsModel(self)
        self.settings_table = make_table(self)
        self.settings_table.setSortingEnabled(False)
        self.settings_table.setModel(self.settings)
        self.settings_table.doubleClicked.connect(lambda _i: self.change_setting())
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.clicked.connect(self.change_setting)
        settings_box = QWidget()
        settings_buttons = QHBoxLayout()
        settings_buttons.addWidget(QLabel(self.tr("Each value applies from its date; earlier periods keep the old one.")))
        settings_buttons.addStretch(1)
        settings_buttons.addWidget(self.change_button)
        settings_layout = QVBoxLayout(settings_box)
        settings_layout.addLayout(settings_buttons)
        settings_layout.addWidget(self.settings_table)

        self.scale = ScaleModel(self)
        self.scale_proxy = TableFilterProxy(self)
        self.scale_proxy.setSourceModel(self.scale)
        self.scale_table = make_table(self)
        self.scale_table.setModel(self.scale_proxy)
        self.scale_table.doubleClicked.connect(lambda _i: self.edit_scale())
        self.scale_add_button = QPushButton(self.tr("Add…"))
        self.scale_edit_button = QPushButton(self.tr("Edit…"))
        self.scale_delete_button = QPushButton(self.tr("Delete"))
        self.scale_copy_button = QPushButton(self.tr("Start a new year's scale…"))
        self.scale_add_button.clicked.connect(self.add_scale)
        self.scale_edit_button.clicked.connect(self.edit_scale)
        self.scale_delete_button.clicked.connect(self.delete_scale)
        self.scale_copy_button.clicked.connect(self.copy_scale)
        scale_note = QLabel(
            self.tr(
                "Full-time monthly pay by salary group. For a year without its own rows the latest earlier "
                "year applies; when new amounts are set, start the new year from the last one and edit it."
            )
        )
        scale_note.setWordWrap(True)
        scale_buttons = QHBoxLayout()
        scale_buttons.addWidget(self.scale_copy_button)
        scale_buttons.addStretch(1)
        for button in (self.scale_add_button, self.scale_edit_button, self.scale_delete_button):
            scale_buttons.addWidget(button)
        scale_page = QWidget()
        scale_layout = QVBoxLayout(scale_page)
        scale_layout.addWidget(scale_note)
        scale_layout.addLayout(scale_buttons)
        scale_layout.addWidget(self.scale_table)

        from swdesk.gui.views.service import ServicePage

        self.service_page = ServicePage(ctx)
        from swdesk.gui.views.units import UnitsPage

        self.units_page = UnitsPage(ctx)  # the service's structural units (issue 14)
        self.tabs = QTabWidget()
        self.tabs.addTab(criteria_box, self.tr("Workload criteria"))
        self.tabs.addTab(settings_box, self.tr("Settings"))
        self.tabs.addTab(scale_page, self.tr("Salary scale"))
        self.tabs.addTab(self.service_page, self.tr("Service"))
        self.tabs.addTab(self.units_page, self.tr("Structural units"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        for table in (self.criteria_table, self.settings_table, self.scale_table):
            table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Edit…, Delete and Change… act on the chosen row: enabled only with one chosen."""
        criterion = self._selected_criterion() is not None
        self.edit_button.setEnabled(criterion)
        self.delete_button.setEnabled(criterion)
        entry = self._selected_scale() is not None
        self.scale_edit_button.setEnabled(entry)
        self.scale_delete_button.setEnabled(entry)
        self.change_button.setEnabled(bool(self.settings_table.selectionModel().selectedRows()))

    def refresh(self) -> None:
        from swdesk.settings import KEYS, history, raw_value

        today = dt.date.today()
        with self.ctx.database.read() as session:
            positions = dict(session.execute(select(m.Position.code, m.Position.name)).all())
            work_types = dict(session.execute(select(m.WorkType.code, m.WorkType.name)).all())
            units = dict(session.execute(select(m.Unit.code, m.Unit.name)).all())
            criteria = session.scalars(select(m.Criterion)).all()
            session.expunge_all()
            position_groups: dict[int, list[str]] = {}
            for group, name in session.execute(select(m.Position.salary_group, m.Position.name)):
                if group is not None:
                    position_groups.setdefault(group, []).append(name)
            scale_rows = scale.entries(session)
            rows = []
            for key in KEYS:
                past = history(session, key)
                applying = [item for item in past if item[0] <= today]
                since = applying[-1][0] if applying else dt.date(2000, 1, 1)
                rows.append((key, raw_value(session, key, today), since, past))
        every = self.tr("Every position")
        self.criteria.names = {
            c.id: CriterionNames(
                position=every if c.position_code == "*" else positions.get(c.position_code, c.position_code),
                work_type=work_types.get(c.work_type_code, c.work_type_code),
                unit=units.get(c.unit_code, c.unit_code),
            )
            for c in criteria
        }
        self.criteria.set_rows(criteria)
        self.settings.set_rows(rows)
        self.scale.positions = {
            group: ", ".join(sorted(names)) for group, names in position_groups.items()
        }
        self.scale.set_rows(scale_rows)
        self.service_page.refresh()
        self.units_page.refresh()
        for table in (self.criteria_table, self.settings_table, self.scale_table):
            # numbers stay next to their labels: the first (text) column takes the spare width
            table.horizontalHeader().setStretchLastSection(False)
            table.resizeColumnsToContents()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._update_buttons()

    def _selected_criterion(self) -> Any:
        rows = self.criteria_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _saved(self, table: QTableView | None = None, match: Callable[[Any], bool] | None = None) -> None:
        """Reload after a change; the row just saved (``match`` in ``table``) is selected and scrolled to."""
        self.ctx.changed()
        self.refresh()
        if table is not None and match is not None:
            select_row_of(table, match)

    def add_criterion(self) -> None:
        self._edit_criterion(None)

    def edit_criterion(self) -> None:
        criterion = self._selected_criterion()
        if criterion is not None:
            self._edit_criterion(criterion)

    def _edit_criterion(self, criterion: Any) -> None:
        dialog = CriterionDialog(self.ctx, criterion, parent=self)
        if dialog.exec():
            saved = dialog.saved_id
            self._saved(self.criteria_table, lambda c: c.id == saved)

    def delete_criterion(self) -> None:
        criterion = self._selected_criterion()
        if criterion is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete criterion"),
            self.tr("Delete the criterion %1 — %2?")
            .replace("%1", self.criteria.names[criterion.id].position)
            .replace("%2", self.criteria.names[criterion.id].work_type),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            from swdesk.records.transaction import transaction

            with transaction(self.ctx.database, THROUGH) as records:
                records.delete("criterion", criterion.id)
            self._saved()

    def _selected_scale(self) -> Any:
        rows = self.scale_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def add_scale(self) -> None:
        self._edit_scale(None)

    def edit_scale(self) -> None:
        entry = self._selected_scale()
        if entry is not None:
            self._edit_scale(entry)

    def _edit_scale(self, entry: Any) -> None:
        dialog = ScaleDialog(self.ctx, entry, parent=self)
        if dialog.exec():
            saved = dialog.saved_key
            self._saved(self.scale_table, lambda e: (e.group, e.year) == saved)

    def delete_scale(self) -> None:
        entry = self._selected_scale()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete salary group row"),
            self.tr("Delete salary group %1 for %2?").replace("%1", str(entry.group)).replace("%2", str(entry.year)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            from swdesk.records.transaction import transaction

            with transaction(self.ctx.database, THROUGH) as records:
                records.run(scale.delete_entry, entry.group, entry.year)
            self._saved()

    def copy_scale(self) -> None:
        from swdesk.gui.errors import show_error

        latest = max((e.year for e in self.scale.rows), default=dt.date.today().year - 1)
        year, ok = QInputDialog.getInt(
            self,
            self.tr("Start a new year's scale"),
            self.tr("The year whose scale starts from the latest amounts:"),
            max(latest + 1, dt.date.today().year),
            2000,
            2100,
        )
        if not ok:
            return
        from swdesk.records.transaction import transaction

        try:
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(scale.copy_scale, year)
        except scale.ScaleError as exc:
            show_error(self, exc, title=self.tr("Start a new year's scale"))
            return
        self._saved()

    def change_setting(self) -> None:
        rows = self.settings_table.selectionModel().selectedRows()
        if not rows:
            return
        key, _value, _since, past = self.settings.rows[rows[0].row()]
        dialog = SettingDialog(self.ctx, key, self.settings.labels.get(key, key), past, parent=self)
        if dialog.exec():
            self._saved(self.settings_table, lambda row: row[0] == key)


__all__ = ["CriteriaView"]
