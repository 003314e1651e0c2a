"""Dienests: the service's record (name, municipality, head, the claim's and survey's header fields) and the
number of residents by year, editable after the first start as the wizard promises.

The record is saved through the core's own doors — ``swdesk.commands.init.save_service`` for the name,
municipality and head (the catalogue's municipalities only) and ``swdesk.service_record.save_service_details``
for the header fields (one validation with ``swdesk init``). The residents' limits are the import's
(``swdesk.importer.sheets``). A year without its own number is checked with the latest earlier one (SPEC §2
R12): the page says which years that concerns.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
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
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.formats import fmt_number
from swdesk.gui.context import AppContext
from swdesk.gui.models import Column, RowTableModel, collation_key
from swdesk.gui.record_forms import add_history_button, show_refusal
from swdesk.gui.widgets import EditDialog, RecordActions, fit_columns, make_table


def service_name(ctx: AppContext) -> str | None:
    with ctx.database.read() as session:
        return session.scalar(select(m.Service.name).order_by(m.Service.id).limit(1))


THROUGH = "forma:Dienests"  # the source of this tab's changes in the history


@dataclass(frozen=True)
class PopulationRow:
    """One year's number of residents and the years whose checks use it (itself and following years
    without their own number, up to this year)."""

    year: int
    residents: int
    used_until: int

    @property
    def id(self) -> int:
        return self.year


def population_rows(population: dict[int, int], this_year: int) -> list[PopulationRow]:
    years = sorted(population)
    rows = []
    for i, year in enumerate(years):
        following = years[i + 1] - 1 if i + 1 < len(years) else max(year, this_year)
        rows.append(PopulationRow(year, population[year], following))
    return rows


class PopulationModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("Year"), lambda r: str(r.year), lambda r: r.year, numeric=True),
            Column(self.tr("Residents"), lambda r: fmt_number(r.residents, 0), lambda r: r.residents, numeric=True),
            Column(self.tr("Used for the checks of"), self.used_for, lambda r: r.year),
        ]

    def used_for(self, row: PopulationRow) -> str:
        if row.used_until <= row.year:
            return str(row.year)
        return self.tr("%1–%2 (no number of its own after %1)").replace("%1", str(row.year)).replace(
            "%2", str(row.used_until)
        )

    def muted(self, row: Any) -> bool:
        return False

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == 2:
            if index.row() < len(self.rows) and self.rows[index.row()].used_until > self.rows[index.row()].year:
                from PySide6.QtGui import QBrush, QColor

                return QBrush(QColor("#8a5300"))
        return super().data(index, role)


class ServiceDialog(EditDialog):
    """The service's name, municipality, head and the header fields of the claim and the survey."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from swdesk.db.catalogues import municipalities
        from swdesk.service_record import (
            DETAIL_FIELDS,
            MAX_LENGTH,
            field_label,
            format_iban,
            load_service_record,
        )

        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Edit the service"))
        self.setMinimumWidth(560)
        with ctx.database.read() as session:
            record = load_service_record(session)
        self.name = QLineEdit()
        self.municipality = QComboBox()
        for name in sorted(municipalities(), key=collation_key):
            self.municipality.addItem(name)
        self.head = QLineEdit()
        self.details: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Name of the social service:"), self.name)
        form.addRow(self.tr("Municipality:"), self.municipality)
        form.addRow(self.tr("Head of the service:"), self.head)
        for field in DETAIL_FIELDS:
            edit = QLineEdit()
            edit.setMaxLength(MAX_LENGTH[field] + 20)  # spaces typed in an IBAN or a number are dropped
            self.details[field] = edit
            form.addRow(field_label(field) + ":", edit)
        self.finish_form(form)
        if record is not None:
            self.name.setText(record.name)
            self.municipality.setCurrentIndex(max(0, self.municipality.findText(record.municipality)))
            self.head.setText(record.head_name or "")
            for field, edit in self.details.items():
                value = getattr(record.details, field)
                edit.setText((format_iban(value) if field == "bank_account" else value) or "")
        with ctx.database.read() as session:
            service_id = session.scalar(select(m.Service.id).order_by(m.Service.id).limit(1))
        add_history_button(self, ctx, "service", service_id, self.windowTitle())

    def save(self) -> None:
        from swdesk.cli import UsageError
        from swdesk.commands.init import save_service
        from swdesk.service_record import ServiceDetailsError, save_service_details

        if not self.name.text().strip():
            return self.fail(self.name, self.tr("Enter the name of the service."))
        head = self.head.text().strip()
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            # a head cleared is no head (the records layer stores an empty text as none), not an empty name
            with transaction(self.ctx.database, THROUGH) as records:
                records.run(save_service, service=self.name.text(), municipality=self.municipality.currentText(),
                            head=head)
                records.run(save_service_details, **{f: e.text() for f, e in self.details.items()})
        except RecordError as error:
            fields = {"name": self.name, "municipality": self.municipality, "head_name": self.head, **self.details}
            return show_refusal(self, error, fields, self.name)
        except ServiceDetailsError as exc:
            first = exc.problems[0][0]
            return self.fail(self.details[first], "\n".join(message for _field, message in exc.problems))
        except (UsageError, LookupError) as exc:
            return self.fail(self.name, str(exc))
        self.accept()


class PopulationDialog(EditDialog):
    """The number of residents of one year (SPEC §5 Iedzīvotāji: the import's limits)."""

    def __init__(self, ctx: AppContext, row: PopulationRow | None = None, parent: QWidget | None = None) -> None:
        from swdesk.records.limits import FIRST_YEAR, LAST_YEAR, MAX_RESIDENTS

        super().__init__(parent)
        self.ctx = ctx
        self.editing = row is not None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Residents of a year"))
        self.setMinimumWidth(380)
        self.year = QSpinBox()
        self.year.setRange(max(FIRST_YEAR, 2000), LAST_YEAR)
        self.year.setValue(dt.date.today().year)
        self.residents = QSpinBox()
        self.residents.setRange(0, MAX_RESIDENTS)
        self.residents.setGroupSeparatorShown(True)
        if row is not None:
            self.year.setValue(row.year)
            self.year.setEnabled(False)  # the year is the key: a wrong year is deleted and added anew
            self.residents.setValue(row.residents)
        form = QFormLayout()
        form.addRow(self.tr("Year:"), self.year)
        form.addRow(self.tr("Number of residents:"), self.residents)
        self.finish_form(form)
        add_history_button(self, ctx, "population", row.year if row is not None else None, self.windowTitle())

    def save(self) -> None:
        if self.residents.value() <= 0:
            return self.fail(self.residents, self.tr("Enter the number of residents (a whole number above zero)."))
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        year = self.year.value()
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                existing = records.get("population", year)
                if existing is not None and not self.editing:
                    return self.fail(
                        self.year,
                        self.tr("%1 already has a number of residents (%2); choose it in the list and edit it.")
                        .replace("%1", str(year))
                        .replace("%2", fmt_number(existing.residents, 0)),
                    )
                records.put("population", year, {"year": year, "residents": self.residents.value()})
        except RecordError as error:
            return show_refusal(self, error, {"year": self.year, "residents": self.residents}, self.residents)
        self.saved_id = year
        self.accept()


class ServicePage(RecordActions, QWidget):
    """The "Dienests" tab: the record, with Edit…, and the residents by year, with Add…, Edit… and Delete."""

    service_changed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.record_labels: dict[str, QLabel] = {}
        self.record_form = QFormLayout()
        self.edit_service_button = QPushButton(self.tr("Edit the service…"))
        self.edit_service_button.clicked.connect(self.edit_service)
        record_box = QGroupBox(self.tr("The service"))
        record_layout = QVBoxLayout(record_box)
        record_layout.addLayout(self.record_form)
        record_buttons = QHBoxLayout()
        record_buttons.addStretch(1)
        record_buttons.addWidget(self.edit_service_button)
        record_layout.addLayout(record_buttons)
        record_layout.addStretch(1)

        self.model = PopulationModel(self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.stale = QLabel()
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("color: #8a5300; font-weight: bold;")
        self.stale.hide()
        population_box = QGroupBox(self.tr("Residents by year (for the 1:1000 norm)"))
        population_layout = QVBoxLayout(population_box)
        population_buttons = QHBoxLayout()
        population_buttons.addWidget(self.stale, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            population_buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        population_layout.addLayout(population_buttons)
        population_layout.addWidget(self.table, 1)

        layout = QHBoxLayout(self)
        layout.addWidget(record_box, 1)
        layout.addWidget(population_box, 1)
        self._update_buttons()

    def refresh(self) -> None:
        from swdesk.service_record import DETAIL_FIELDS, field_label, format_iban, load_service_record

        this_year = dt.date.today().year
        with self.ctx.database.read() as session:
            record = load_service_record(session)
            population = dict(session.execute(select(m.Population.year, m.Population.residents)).all())
        while self.record_form.rowCount():
            self.record_form.removeRow(0)
        self.record_labels.clear()
        values: list[tuple[str, str, str | None]] = []
        if record is not None:
            values += [
                ("name", self.tr("Name:"), record.name),
                ("municipality", self.tr("Municipality:"), record.municipality_text()),
                ("head", self.tr("Head:"), record.head_name),
            ]
            values += [
                (
                    field,
                    field_label(field) + ":",
                    format_iban(getattr(record.details, field)) if field == "bank_account"
                    else getattr(record.details, field),
                )
                for field in DETAIL_FIELDS
            ]
        for key, label, value in values:
            shown = QLabel(value or "—")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.record_labels[key] = shown
            self.record_form.addRow(label, shown)
        self.model.set_rows(population_rows(population, this_year))
        fit_columns(self.table)
        self.stale.setText(self._staleness(population, this_year) or "")
        self.stale.setVisible(bool(self.stale.text()))
        self._update_buttons()
        self.reveal_saved()
        if record is not None:
            self.service_changed.emit(record.name)

    def _staleness(self, population: dict[int, int], year: int) -> str | None:
        """What SPEC §2 R12 says for this year, in the page's words."""
        if not population:
            return self.tr("No number of residents is entered: the 1:1000 norm cannot be checked. Add it.")
        if year in population:
            return None
        earlier = [y for y in population if y < year]
        if not earlier:
            return self.tr("There is no number of residents for %1 or any year before it. Add it.").replace(
                "%1", str(year)
            )
        used = max(earlier)
        return (
            self.tr("There is no number of residents for %1: the checks of %1 use the number of %2 (%3). Add %1's.")
            .replace("%1", str(year))
            .replace("%2", str(used))
            .replace("%3", fmt_number(population[used], 0))
        )

    def edit_service(self) -> None:
        if ServiceDialog(self.ctx, parent=self).exec():
            self.ctx.changed()
            self.refresh()

    def dialog_for(self, row: PopulationRow | None) -> PopulationDialog:
        return PopulationDialog(self.ctx, row, parent=self)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the number of residents"),
            self.tr("Delete the number of residents of %1 (%2)? The checks of %1 then use the latest earlier year's.")
            .replace("%1", str(row.year))
            .replace("%2", fmt_number(row.residents, 0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            from swdesk.records.transaction import transaction

            with transaction(self.ctx.database, THROUGH) as records:
                records.delete("population", row.year)
            self._saved()
