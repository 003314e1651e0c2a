"""Eksports: the compensation claim, the annual survey and the council report, saved where the user says.

A file is never replaced silently: the save dialog proposes a free name and asks before overwriting.
The documents are built and written off the UI thread; afterwards the file or its folder can be opened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.gui.context import AppContext
from swdesk.gui.operations import run_operation
from swdesk.gui.widgets import DateEdit

KEY_FOLDER = "export/folder"


def write_claim(database: Database, period_label: str, path: Path, fmt: str) -> Path:
    from swdesk.export.claim_docs import write_claim_pdf, write_claim_xlsx
    from swdesk.rules.claim import build_claim
    from swdesk.rules.periods import parse_period

    period = parse_period(period_label)
    with database.read() as session:
        claim = build_claim(session, period)
    writer = write_claim_pdf if fmt == "pdf" else write_claim_xlsx
    return writer(claim, path)


def write_survey(database: Database, day: dt.date, path: Path, fmt: str) -> Path:
    from swdesk.export.survey_docs import document_labels, write_survey_pdf, write_survey_xlsx
    from swdesk.rules.survey import survey_for_date

    with database.read() as session:
        survey = survey_for_date(session, date=day)
        labels = document_labels(session)
    writer = write_survey_pdf if fmt == "pdf" else write_survey_xlsx
    return writer(survey, path, **labels)


def write_report(
    database: Database, year: int, path: Path, *, named: bool = False, unit_id: int | None = None
) -> Path:
    from swdesk.export.report import report_for_year, write_report_pdf

    with database.read() as session:
        report = report_for_year(session, year=year, unit_id=unit_id)
    return write_report_pdf(report, path, named=named)


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555555;")
    return label


class ExportView(QWidget):
    written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_path: Path | None = None
        this_year = dt.date.today().year

        # the claim
        self.claim_year = QSpinBox()
        self.claim_year.setRange(2000, 2100)
        self.claim_year.setValue(this_year)
        self.claim_part = QComboBox()
        for label, part in (
            (self.tr("Whole year"), ""),
            (self.tr("1st half"), "-H1"),
            (self.tr("2nd half"), "-H2"),
            (self.tr("1st quarter"), "-Q1"),
            (self.tr("2nd quarter"), "-Q2"),
            (self.tr("3rd quarter"), "-Q3"),
            (self.tr("4th quarter"), "-Q4"),
            (self.tr("Nine months"), "-9M"),
        ):
            self.claim_part.addItem(label, part)
        self.claim_format = self._format_combo(pdf_only=False)
        self.claim_button = QPushButton(self.tr("Save the claim…"))
        self.claim_button.clicked.connect(self.save_claim)
        claim_box = QGroupBox(self.tr("Training and supervision compensation claim"))
        claim_form = QFormLayout(claim_box)
        claim_form.addRow(
            _note(
                self.tr(
                    "Every training and supervision event of the period with its eligible cost and the sum "
                    "to be compensated; sent to the Ministry of Welfare."
                )
            )
        )
        claim_form.addRow(self.tr("Year:"), self.claim_year)
        claim_form.addRow(self.tr("Period:"), self.claim_part)
        claim_form.addRow(self.tr("Format:"), self.claim_format)
        claim_form.addRow(self.claim_button)

        # the survey
        from swdesk.rules.survey import default_survey_date

        self.survey_date = DateEdit(default_survey_date())
        self.survey_format = self._format_combo(pdf_only=False)
        self.survey_button = QPushButton(self.tr("Save the survey…"))
        self.survey_button.clicked.connect(self.save_survey)
        # a survey is of a date: without one (the field empty or not a date) there is nothing to save
        self.survey_date.date_changed.connect(lambda day: self.survey_button.setEnabled(day is not None))
        survey_box = QGroupBox(self.tr("Annual survey of social work specialists"))
        survey_form = QFormLayout(survey_box)
        survey_form.addRow(
            _note(
                self.tr(
                    "Staff and vacancies per position, pay, education, caseloads and the previous year's "
                    "training and supervision; no names or personal codes. Sent to the Ministry of Welfare."
                )
            )
        )
        survey_form.addRow(self.tr("Reference date:"), self.survey_date)
        survey_form.addRow(self.tr("Format:"), self.survey_format)
        survey_form.addRow(self.survey_button)

        # the council report
        self.report_year = QSpinBox()
        self.report_year.setRange(2000, 2100)
        self.report_year.setValue(this_year - 1)
        self.report_button = QPushButton(self.tr("Save the report…"))
        self.report_button.clicked.connect(self.save_report)
        report_box = QGroupBox(self.tr("Report to the council"))
        report_form = QFormLayout(report_box)
        report_form.addRow(
            _note(
                self.tr(
                    "The year's norm checks with charts, for arguing for staff at the municipal council."
                )
            )
        )
        report_form.addRow(self.tr("Year:"), self.report_year)
        # the whole service, or one structural unit with its sub-units (issue 14): the toolbar's unit first
        self.report_unit = QComboBox()
        report_form.addRow(self.tr("Structural unit:"), self.report_unit)
        report_form.addRow(self.tr("Format:"), QLabel("PDF"))
        # Council papers are often published: anonymous unless the head ticks this, every time (issue 15)
        self.report_named = QCheckBox(self.tr("With names — for internal use only"))
        self.report_named.setToolTip(
            self.tr(
                "By default the report names nobody: findings about staff are counted per position and "
                "unit. With names, every page says it is for internal use."
            )
        )
        report_form.addRow(self.report_named)
        report_form.addRow(self.report_button)

        boxes = QHBoxLayout()
        for box in (claim_box, survey_box, report_box):
            boxes.addWidget(box, 1)

        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.open_file_button = QPushButton(self.tr("Open the file"))
        self.open_folder_button = QPushButton(self.tr("Open the folder"))
        self.open_file_button.clicked.connect(lambda: self._open(self.last_path))
        self.open_folder_button.clicked.connect(
            lambda: self._open(self.last_path.parent if self.last_path else None)
        )
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(False)
        # while a document is written: a moving bar beside what is being written (a report takes seconds)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        result = QHBoxLayout()
        result.addWidget(self.progress)
        result.addWidget(self.result_label, 1)
        result.addWidget(self.open_file_button)
        result.addWidget(self.open_folder_button)

        layout = QVBoxLayout(self)
        layout.addLayout(boxes)
        layout.addLayout(result)
        layout.addStretch(1)

    def _format_combo(self, *, pdf_only: bool) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        combo.addItem(self.tr("PDF document (.pdf)"), "pdf")
        return combo

    def refresh(self) -> None:
        """The report's choice of units as the list is now, the unit chosen in the toolbar selected."""
        from swdesk import units
        from swdesk.gui.models import collation_key

        with self.ctx.database.read() as session:
            ordered = units.tree_order(units.all_units(session), collation_key)
        self.report_unit.clear()
        self.report_unit.addItem(self.tr("The whole service"), None)
        for depth, unit in ordered:
            self.report_unit.addItem("    " * depth + unit.name, unit.id)
        self.report_unit.setCurrentIndex(max(self.report_unit.findData(self.ctx.unit_id), 0)
                                         if self.ctx.unit_id is not None else 0)

    # --- naming and saving ----------------------------------------------------------------------------

    def _municipality(self) -> str:
        with self.ctx.database.read() as session:
            return session.scalar(select(m.Service.municipality).order_by(m.Service.id).limit(1)) or "swdesk"

    def _folder(self) -> Path:
        folder = QSettings().value(KEY_FOLDER)
        return Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else Path.home()

    def _ask_path(self, name: str, fmt: str) -> Path | None:
        from swdesk.export.names import free_path

        suggested = free_path(self._folder() / name)
        pattern = self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        # Qt's save dialog asks before it lets an existing file be chosen: nothing is replaced silently
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(suggested), pattern)
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        QSettings().setValue(KEY_FOLDER, str(path.parent))
        return path

    def claim_period(self) -> str:
        return f"{self.claim_year.value()}{self.claim_part.currentData()}"

    def save_claim(self) -> None:
        from swdesk.export.names import claim_file_name

        fmt = self.claim_format.currentData()
        path = self._ask_path(
            claim_file_name(municipality=self._municipality(), period=self.claim_period(), extension=fmt), fmt
        )
        if path is not None:
            self.export_claim_to(path, self.claim_period(), fmt)

    def export_claim_to(self, path: Path, period: str, fmt: str) -> None:
        database = self.ctx.database
        self._run(lambda _c: write_claim(database, period, path, fmt), self.tr("Writing the claim…"))

    def save_survey(self) -> None:
        from swdesk.export.names import survey_file_name

        fmt = self.survey_format.currentData()
        day = self.survey_date.date_value()
        if day is None:  # not reached while the button is disabled without a date; a guard
            return
        path = self._ask_path(
            survey_file_name(municipality=self._municipality(), date=day, extension=fmt), fmt
        )
        if path is not None:
            database = self.ctx.database
            self._run(lambda _c: write_survey(database, day, path, fmt), self.tr("Writing the survey…"))

    def save_report(self) -> None:
        from swdesk.export.names import report_file_name

        year = self.report_year.value()
        named = self.report_named.isChecked()
        unit_id = self.report_unit.currentData()
        path = self._ask_path(
            report_file_name(municipality=self._municipality(), year=year, named=named), "pdf"
        )
        if path is not None:
            database = self.ctx.database
            self._run(
                lambda _c: write_report(database, year, path, named=named, unit_id=unit_id),
                self.tr("Writing the report…"),
            )
            # the next report is anonymous again unless asked for anew
            self.report_named.setChecked(False)

    def _run(self, work: Any, label: str) -> None:
        """Write off the UI thread. The page says at once what it is writing, with a moving bar, and the Save
        buttons wait until it is done, so that a second click does not start a second document."""
        self._set_busy(label)
        run_operation(work, parent=self, label=label, on_success=self._written, on_failure=self._failed)

    def busy(self) -> bool:
        return not self.progress.isHidden()

    def _set_busy(self, label: str | None) -> None:
        working = label is not None
        if label is not None:
            self.result_label.setText(label)
        self.progress.setVisible(working)
        for button in (self.claim_button, self.survey_button, self.report_button):
            button.setEnabled(not working)
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(not working and self.last_path is not None)

    def _failed(self, exc: BaseException) -> None:
        from swdesk.gui.errors import show_error

        self._set_busy(None)
        self.result_label.setText("")
        show_error(self, exc)

    def _written(self, path: Path) -> None:
        self._set_busy(None)
        self.last_path = Path(path)
        self.result_label.setText(self.tr("Saved: %1").replace("%1", str(path)))
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(True)
        self.written.emit(str(path))

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
