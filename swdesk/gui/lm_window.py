"""The "LM kopsavilkums" window (issue 12): the Ministry's end of the surveys and claims, on the core's
:mod:`swdesk.lm`.

It needs no service database: a folder of mailed files is chosen, the surveys of a date are consolidated or
the claims of a period verified (in a worker thread, through :func:`swdesk.gui.operations.run_operation`),
and the result is shown — every file with its verdict, then the municipalities (surveys) or the rows that
differ and the duplicates (claims) — and saved as a workbook or a PDF by the core's writers. Reached from
Fails → LM kopsavilkums… and from the first-start screen when the PC belongs to LM.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from swdesk.formats import fmt_date, fmt_number

KEY_FOLDER = "lm/folder"
REFUSED_COLOUR = QColor("#FDE2E1")
EDITED_COLOUR = QColor("#FFF2CC")


def _item(value: Any, *, number: bool = False, places: int | None = None) -> QTableWidgetItem:
    if value is None:
        text = "—"
    elif number:
        places = places if places is not None else 0 if isinstance(value, int) else 2
        text = fmt_number(value, places)
    else:
        text = str(value)
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class LmWindow(QMainWindow):
    """Survey consolidation and claim verification over a folder of mailed workbooks."""

    def __init__(
        self, parent: QWidget | None = None, *, on_service_mode: Callable[[], None] | None = None
    ) -> None:
        """``on_service_mode``: on a PC answered as LM's at the first start, how to go back to being a
        service's (Fails → Šis dators ir sociālajam dienestam…)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("LM summary — swdesk"))
        self.result: Any = None
        self.result_kind: str | None = None
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.service_mode_action = QAction(self.tr("This PC belongs to a social service…"), self)
        self.service_mode_action.setVisible(on_service_mode is not None)
        if on_service_mode is not None:
            self.service_mode_action.triggered.connect(on_service_mode)
        file_menu.addAction(self.service_mode_action)
        close_action = QAction(self.tr("&Close"), self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        file_menu.addAction(close_action)

        intro = QLabel(
            self.tr(
                "Choose the folder with the surveys or claims the social services sent (.xlsx files, also "
                "inside .zip files). The files are only read: nothing in the folder is changed or moved."
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("folder with the mailed files"))
        saved = QSettings().value(KEY_FOLDER)
        if isinstance(saved, str):
            self.folder.setText(saved)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(self.tr("Folder:")))
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)

        today = dt.date.today()
        self.modes = QTabWidget()
        survey_page = QWidget()
        survey_form = QFormLayout(survey_page)
        self.survey_date = QLineEdit(fmt_date(dt.date(today.year, 2, 1)))
        self.previous = QLineEdit()
        self.previous.setPlaceholderText(self.tr("optional: last year's consolidated workbook (.xlsx)"))
        previous_button = QPushButton(self.tr("Choose…"))
        previous_button.clicked.connect(self.choose_previous)
        previous_row = QHBoxLayout()
        previous_row.addWidget(self.previous, 1)
        previous_row.addWidget(previous_button)
        survey_form.addRow(self.tr("Survey date:"), self.survey_date)
        survey_form.addRow(self.tr("Previous year:"), previous_row)
        self.modes.addTab(survey_page, self.tr("Surveys"))
        claims_page = QWidget()
        claims_form = QFormLayout(claims_page)
        self.period = QLineEdit(f"{today.year - 1}-H2")
        self.period.setToolTip(self.tr("2025, 2025-H1 or H2, 2025-Q1…Q4, 2025-9M"))
        self.rate = QLineEdit()
        self.rate.setPlaceholderText(self.tr("optional, e.g. 0,70; empty: the rate in force or the claim's own"))
        claims_form.addRow(self.tr("Claim period:"), self.period)
        claims_form.addRow(self.tr("Rate:"), self.rate)
        self.modes.addTab(claims_page, self.tr("Claims"))

        self.run_button = QPushButton(self.tr("Read the files"))
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        self.save_xlsx = QPushButton(self.tr("Save as Excel…"))
        self.save_xlsx.clicked.connect(lambda: self.save("xlsx"))
        self.save_pdf = QPushButton(self.tr("Save as PDF…"))
        self.save_pdf.clicked.connect(lambda: self.save("pdf"))
        for button in (self.save_xlsx, self.save_pdf):
            button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_xlsx)
        buttons.addWidget(self.save_pdf)

        self.summary = QLabel(self.tr("No folder read yet."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files = self._table([self.tr("File"), self.tr("Municipality"), self.tr("Verdict")])
        self.details = self._table([])
        self.results = QTabWidget()
        self.results.addTab(self.files, self.tr("Files"))
        self.results.addTab(self.details, self.tr("Municipalities"))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.modes)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.results, 1)
        self.setCentralWidget(central)
        self.resize(1100, 700)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        return table

    # --- choosing ------------------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        start = self.folder.text() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder with the mailed files"), start)
        if chosen:
            self.folder.setText(chosen)

    def choose_previous(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Last year's consolidation"), self.folder.text() or str(Path.home()),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if chosen:
            self.previous.setText(chosen)

    # --- running -------------------------------------------------------------------------------------------

    def _problem(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("LM summary"), text)

    def run(self) -> None:
        """Read the folder with the core, off the UI thread; the result replaces what was shown."""
        from swdesk.cli import UsageError
        from swdesk.commands import parse_date
        from swdesk.gui.operations import run_operation

        folder = Path(self.folder.text().strip())
        if not self.folder.text().strip() or not folder.is_dir():
            self._problem(self.tr("Choose an existing folder."))
            return
        QSettings().setValue(KEY_FOLDER, str(folder))
        if self.modes.currentIndex() == 0:
            try:
                day = parse_date(self.survey_date.text())
            except UsageError as exc:
                self._problem(str(exc))
                return
            previous = Path(self.previous.text().strip()) if self.previous.text().strip() else None

            def work(control: Any) -> Any:
                from swdesk.lm.survey import consolidate_surveys

                return consolidate_surveys(folder, date=day, previous=previous, progress=control.progress)

            kind = "survey"
        else:
            from decimal import Decimal, InvalidOperation

            from swdesk.rules.periods import PeriodError, parse_period

            try:
                period = parse_period(self.period.text().strip())
            except PeriodError as exc:
                self._problem(str(exc))
                return
            rate = None
            if self.rate.text().strip():
                try:
                    rate = Decimal(self.rate.text().strip().replace(",", "."))
                except InvalidOperation:
                    rate = Decimal(-1)
                if not Decimal(0) < rate <= 1:
                    self._problem(self.tr("The rate must be a number from 0 to 1, e.g. 0,70."))
                    return

            def work(control: Any) -> Any:
                from swdesk.lm.claims import verify_claims

                return verify_claims(folder, period=period, rate=rate, progress=control.progress)

            kind = "claims"
        self.run_button.setEnabled(False)

        def done(result: Any) -> None:
            self.run_button.setEnabled(True)
            self.show_result(result, kind)

        def failed(exc: BaseException) -> None:
            from swdesk.gui.errors import show_error

            self.run_button.setEnabled(True)
            show_error(self, exc)

        run_operation(work, parent=self, on_success=done, on_failure=failed,
                      label=self.tr("Reading the files…"))

    # --- showing -------------------------------------------------------------------------------------------

    def show_result(self, result: Any, kind: str) -> None:
        self.result, self.result_kind = result, kind
        self.files.setRowCount(len(result.verdicts))
        # what needs a look first: refused files, then those edited after export, then the rest
        ordered = sorted(result.verdicts, key=lambda v: (v.accepted, not v.note))
        for row, verdict in enumerate(ordered):
            cells = [_item(verdict.name), _item(verdict.municipality or ""), _item(verdict.text)]
            colour = None if verdict.accepted and not verdict.note else (
                EDITED_COLOUR if verdict.accepted else REFUSED_COLOUR)
            for column, cell in enumerate(cells):
                if colour is not None:
                    cell.setBackground(colour)
                self.files.setItem(row, column, cell)
        self._fit(self.files, stretch=2)
        accepted = sum(1 for v in result.verdicts if v.accepted)
        if kind == "survey":
            t = result.totals
            text = self.tr(
                "%1 files, %2 accepted; surveys from %3 of 43 municipalities. Nationally %4 residents per "
                "specialist FTE; the 1:1000 norm met in %5 municipalities; %6 vacancies."
            )
            values = [len(result.verdicts), accepted, len(result.municipalities),
                      fmt_number(t["residents_per_sds"], 1), t["norm_met"], t["vacancies"]]
            for n, value in enumerate(values, start=1):
                text = text.replace(f"%{n}", str(value))
            if result.missing:
                text += " " + self.tr("No accepted survey: %1.").replace("%1", ", ".join(result.missing))
            self.summary.setText(text)
            self._show_municipalities(result)
            self.results.setTabText(1, self.tr("Municipalities"))
        else:
            text = self.tr(
                "%1 files, %2 accepted. Claimed %3 EUR, verified %4 EUR; %5 rows differ; %6 duplicates."
            )
            for n, value in enumerate([len(result.verdicts), accepted, fmt_number(result.claimed, 2),
                                       fmt_number(result.verified, 2), len(result.differences),
                                       len(result.duplicates)], start=1):
                text = text.replace(f"%{n}", str(value))
            self.summary.setText(text)
            self._show_differences(result)
            self.results.setTabText(1, self.tr("Differences"))
        for button in (self.save_xlsx, self.save_pdf):
            button.setEnabled(True)

    def _fit(self, table: QTableWidget, *, stretch: int) -> None:
        header = table.horizontalHeader()
        for column in range(table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # one line a row: a verdict longer than the window is read whole in its tooltip
        for row in range(table.rowCount()):
            table.setRowHeight(row, table.verticalHeader().defaultSectionSize())
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None and len(item.text()) > 60:
                    item.setToolTip(item.text())

    def _show_municipalities(self, result: Any) -> None:
        headers = [self.tr("Municipality"), self.tr("Region"), self.tr("Residents"), self.tr("Specialists' FTE"),
                   self.tr("Residents per FTE"), self.tr("1:1000"), self.tr("Vacancies"),
                   self.tr("Below scale"), self.tr("Edited after export")]
        table = self.details
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(result.municipalities))
        yes, no = self.tr("yes"), self.tr("no")
        for row, m in enumerate(result.municipalities):
            cells = [
                _item(m.municipality), _item(m.region), _item(m.population, number=True),
                _item(m.sds_fte, number=True), _item(m.residents_per_sds, number=True, places=1),
                _item(None if m.norm_met is None else yes if m.norm_met else no),
                _item(m.vacancies, number=True), _item(m.below_scale, number=True), _item(yes if m.edited else ""),
            ]
            for column, cell in enumerate(cells):
                table.setItem(row, column, cell)
        self._fit(table, stretch=0)

    def _show_differences(self, result: Any) -> None:
        headers = [self.tr("Difference or duplicate")]
        table = self.details
        table.clear()
        table.setColumnCount(1)
        table.setHorizontalHeaderLabels(headers)
        lines = [d.text() for d in result.differences] + [d.text for d in result.duplicates]
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            table.setItem(row, 0, _item(line))
        self._fit(table, stretch=0)

    # --- saving --------------------------------------------------------------------------------------------

    def save(self, fmt: str) -> None:
        from swdesk.gui.errors import show_error

        if self.result is None:
            return
        if self.result_kind == "survey":
            name = f"LM_aptaujas_{self.result.date.isoformat()}.{fmt}"
        else:
            name = f"LM_pieprasijumi_{self.result.period.label}.{fmt}"
        pattern = self.tr("PDF documents (*.pdf)") if fmt == "pdf" else self.tr("Excel workbooks (*.xlsx)")
        start = str(Path(self.folder.text() or Path.home()).parent / name)
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), start, pattern)
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        try:
            self.write(path, fmt)
        except Exception as exc:  # noqa: BLE001 - shown as a readable dialog, logged in full
            show_error(self, exc)
            return
        self.summary.setText(self.summary.text() + " " + self.tr("Saved: %1").replace("%1", str(path)))

    def write(self, path: Path, fmt: str) -> Path:
        """Write the shown result with the core's writer (the save dialog has asked about replacing)."""
        writer: Any
        if self.result_kind == "survey":
            from swdesk.lm.documents import write_survey_consolidation_pdf, write_survey_consolidation_xlsx

            writer = write_survey_consolidation_pdf if fmt == "pdf" else write_survey_consolidation_xlsx
        else:
            from swdesk.lm.documents_claims import write_claims_pdf, write_claims_xlsx

            writer = write_claims_pdf if fmt == "pdf" else write_claims_xlsx
        return writer(self.result, path)
