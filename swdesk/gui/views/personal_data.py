"""Personas dati: one staff member's data as PDF and xlsx (art. 15), erasure (art. 17), and the former staff
due for anonymisation (issue 15).

The dialog only asks and shows: every change goes through :mod:`swdesk.personal_data` (erasure and
anonymisation each in one transaction, anonymisation after a verified backup), off the UI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from swdesk.formats import fmt_date
from swdesk.gui.context import AppContext
from swdesk.gui.operations import run_operation
from swdesk.personal_data import (
    FORMER_STAFF_YEARS,
    FormerStaff,
    PersonalDataError,
    PersonRecord,
    anonymisation_due,
    anonymise,
    erase,
    person_record,
    retention_years,
)

KEY_FOLDER = "export/folder"


class PersonalDataDialog(QDialog):
    """What is stored about one person and what may be done with it; the former staff due for anonymisation."""

    changed = Signal()
    written = Signal(str)

    def __init__(self, ctx: AppContext, tabeles_nr: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tabeles_nr = tabeles_nr
        self.record: PersonRecord | None = None
        self.due: list[FormerStaff] = []
        self.setWindowTitle(self.tr("Personal data"))

        person_box = QGroupBox(self.tr("Staff member"))
        self.person_label = QLabel()
        self.person_label.setWordWrap(True)
        self.retention_label = QLabel()
        self.retention_label.setWordWrap(True)
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.xlsx_button = QPushButton(self.tr("Save as Excel workbook…"))
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.pdf_button.clicked.connect(lambda: self.save_copy("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save_copy("xlsx"))
        self.erase_button.clicked.connect(self.erase_person)
        buttons = QHBoxLayout()
        for button in (self.pdf_button, self.xlsx_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.erase_button)
        person_layout = QVBoxLayout(person_box)
        person_layout.addWidget(self.person_label)
        person_layout.addWidget(self.retention_label)
        person_layout.addLayout(buttons)

        former_box = QGroupBox(self.tr("Former staff due for anonymisation"))
        self.former_label = QLabel()
        self.former_label.setWordWrap(True)
        self.former_list = QTreeWidget()
        self.former_list.setRootIsDecorated(False)
        self.former_list.setHeaderLabels(
            [self.tr("Employee no."), self.tr("Name"), self.tr("Position"), self.tr("Employment ended")]
        )
        self.anonymise_button = QPushButton(self.tr("Anonymise…"))
        self.anonymise_button.clicked.connect(self.anonymise_former)
        former_layout = QVBoxLayout(former_box)
        former_layout.addWidget(self.former_label)
        former_layout.addWidget(self.former_list, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.result_label, 1)
        row.addWidget(self.anonymise_button)
        former_layout.addLayout(row)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(person_box)
        layout.addWidget(former_box, 1)
        layout.addWidget(close)
        self.resize(760, 560)
        self.refresh()

    # --- reading --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        today = dt.date.today()
        with self.ctx.database.read() as session:
            self.record = None
            if self.tabeles_nr is not None:
                try:
                    self.record = person_record(session, self.tabeles_nr, today=today)
                except PersonalDataError:
                    self.tabeles_nr = None
            self.due = anonymisation_due(session, today=today)
            years = retention_years(session, FORMER_STAFF_YEARS, today)
        self._show_person()
        self.former_label.setText(
            self.tr(
                "Employment ended %1 or more years ago (setting %2). Anonymising replaces the name, employee "
                "number, personal code and specialisation; every figure stays for past reports and claims. "
                "A backup is made first."
            )
            .replace("%1", str(years))
            .replace("%2", FORMER_STAFF_YEARS)
        )
        self.former_list.clear()
        for person in self.due:
            QTreeWidgetItem(
                self.former_list, [person.tabeles_nr, person.name, person.position, fmt_date(person.end)]
            )
        for column in range(4):
            self.former_list.resizeColumnToContents(column)
        self.anonymise_button.setEnabled(bool(self.due))
        if not self.due:
            QTreeWidgetItem(self.former_list, ["", self.tr("Nobody is due."), "", ""])

    def _show_person(self) -> None:
        record = self.record
        for button in (self.pdf_button, self.xlsx_button, self.erase_button):
            button.setEnabled(record is not None)
        if record is None:
            self.person_label.setText(self.tr("Choose a staff member in Darbinieki to see their data."))
            self.retention_label.clear()
            return
        self.person_label.setText(
            self.tr("%1 (employee no. %2): %3 caseload, %4 duty and %5 training records.")
            .replace("%1", record.name)
            .replace("%2", str(record.staff["tabeles_nr"]))
            .replace("%3", str(len(record.caseloads)))
            .replace("%4", str(len(record.duties)))
            .replace("%5", str(len(record.training)))
        )
        if record.retention_duties:
            # the core's own sentences, Latvian as the program's messages are
            self.retention_label.setText(
                self.tr("Cannot be erased now: %1.").replace("%1", "; ".join(record.retention_duties))
            )
            self.erase_button.setEnabled(False)
        else:
            self.retention_label.setText(
                self.tr("No retention duty applies: the data can be erased on request.")
            )

    # --- art. 15: a copy ----------------------------------------------------------------------------

    def save_copy(self, fmt: str) -> None:
        from swdesk.export.names import free_path, person_file_name

        if self.record is None:
            return
        folder = QSettings().value(KEY_FOLDER)
        start = Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else Path.home()
        suggested = free_path(
            start / person_file_name(tabeles_nr=str(self.record.staff["tabeles_nr"]), extension=fmt)
        )
        pattern = self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), str(suggested), pattern)
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        QSettings().setValue(KEY_FOLDER, str(path.parent))
        self.save_copy_to(path, fmt)

    def save_copy_to(self, path: Path, fmt: str) -> None:
        from swdesk.export.person_docs import write_person_pdf, write_person_xlsx

        record = self.record
        if record is None:
            return
        writer = write_person_pdf if fmt == "pdf" else write_person_xlsx
        run_operation(
            lambda _c: writer(record, path),
            parent=self,
            label=self.tr("Writing…"),
            on_success=lambda written: self.written.emit(str(written)),
        )

    # --- art. 17: erasure ---------------------------------------------------------------------------

    def erase_person(self) -> None:
        record = self.record
        if record is None or record.retention_duties:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Erase personal data"),
            self.tr(
                "Erase %1 (employee no. %2) and every record about them: %3 caseload, %4 duty and %5 training "
                "records? This cannot be undone; figures of past reports change."
            )
            .replace("%1", record.name)
            .replace("%2", str(record.staff["tabeles_nr"]))
            .replace("%3", str(len(record.caseloads)))
            .replace("%4", str(len(record.duties)))
            .replace("%5", str(len(record.training))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.erase_confirmed()

    def erase_confirmed(self) -> None:
        database, nr = self.ctx.database, str(self.record.staff["tabeles_nr"]) if self.record else ""
        run_operation(
            lambda _c: erase(database, nr),
            parent=self,
            label=self.tr("Erasing…"),
            on_success=lambda _done: self._after_change(forget=True),
            on_failure=self._refused,
        )

    # --- former staff -------------------------------------------------------------------------------

    def anonymise_former(self) -> None:
        if not self.due:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Anonymise former staff"),
            self.tr(
                "Anonymise %1 former staff members? Their names, employee numbers and personal codes are "
                "replaced in one step after a backup; the figures stay. This cannot be undone (the backup "
                "keeps the old data: delete it once you have checked the result)."
            ).replace("%1", str(len(self.due))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.anonymise_confirmed()

    def anonymise_confirmed(self) -> None:
        database, ids = self.ctx.database, [p.id for p in self.due]
        run_operation(
            lambda _c: anonymise(database, ids),
            parent=self,
            label=self.tr("Anonymising…"),
            on_success=self._anonymised,
            on_failure=self._refused,
        )

    def _anonymised(self, done: Any) -> None:
        self._after_change(forget=False)
        # said in the dialog, not in a box of its own: the path of the backup is to be read and kept
        self.result_label.setText(
            self.tr("Anonymised: %1. The backup made before is %2.")
            .replace("%1", str(done.count))
            .replace("%2", str(done.backup or "pg_dump"))
        )

    def _after_change(self, *, forget: bool) -> None:
        if forget:
            self.tabeles_nr = None
        self.ctx.changed()
        self.changed.emit()
        self.refresh()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, PersonalDataError):
            QMessageBox.warning(self, self.tr("Personal data"), str(exc))
            self.refresh()
            return
        from swdesk.gui.errors import show_error

        show_error(self, exc)


def open_personal_data(ctx: AppContext, tabeles_nr: str | None, parent: QWidget | None) -> PersonalDataDialog:
    dialog = PersonalDataDialog(ctx, tabeles_nr, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog
