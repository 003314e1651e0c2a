"""Imports: choose a workbook, preview what would change and every problem, then confirm.

The preview is ``import_workbook(..., dry_run=True)``, which validates everything inside a transaction
that is rolled back; only the Import button runs the real import. Both run off the UI thread.

Below, the import log (issue 17 point 3): each import with its file, the start of its SHA-256, when, who and
its counts; "Atsaukt importu" reverts exactly what the chosen import changed (``swdesk.records.imports``),
after a question, or lists the later changes to the same records that stand in the way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from swdesk.db.database import Database
from swdesk.formats import fmt_datetime, fmt_number
from swdesk.gui.context import AppContext
from swdesk.gui.models import ROW_ROLE, Column, ImportCountsModel, ImportProblemsModel, RowTableModel
from swdesk.gui.operations import run_operation
from swdesk.gui.widgets import make_table


def preview_import(database: Database, path: Path) -> Any:
    from swdesk.importer.importer import import_workbook

    return import_workbook(database, [path], dry_run=True)


def run_import(database: Database, path: Path) -> Any:
    from swdesk.importer.importer import import_workbook

    return import_workbook(database, [path])


def write_empty_template(database: Database, path: Path) -> Path:
    from swdesk.importer.template import write_template

    with database.read() as session:
        return write_template(path, session=session)


def import_log(database: Database) -> list[Any]:
    from swdesk.records.imports import list_imports

    with database.read() as session:
        return list_imports(session)


def undo_import(database: Database, import_id: int) -> int:
    """Revert import ``import_id`` in one transaction (UndoRefused names what stands in the way)."""
    from swdesk.records.imports import UNDO_THROUGH
    from swdesk.records.transaction import transaction

    with transaction(database, UNDO_THROUGH) as records:
        return records.undo_import(import_id)


class ImportLogModel(RowTableModel):
    """Rows: :class:`swdesk.records.imports.ImportEntry`, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column(self.tr("No."), lambda e: str(e.id), lambda e: e.id, numeric=True),
            Column(self.tr("When"), lambda e: fmt_datetime(e.at), lambda e: e.at),
            Column(self.tr("File"), lambda e: e.file_name, lambda e: e.file_name.casefold()),
            Column(self.tr("SHA-256"), lambda e: (e.file_sha256 or "")[:12], lambda e: e.file_sha256 or ""),
            Column(self.tr("Who"), lambda e: e.os_user or "", lambda e: e.os_user or ""),
            Column(self.tr("Added"), lambda e: fmt_number(e.added, 0), lambda e: e.added, numeric=True),
            Column(self.tr("Changed"), lambda e: fmt_number(e.updated, 0), lambda e: e.updated, numeric=True),
            Column(self.tr("State"), self.state, self.state),
        ]

    def state(self, entry: Any) -> str:
        if entry.undone_at is not None:
            return self.tr("undone %1").replace("%1", fmt_datetime(entry.undone_at))
        if entry.change_set_id is None:
            return self.tr("before the change history: cannot be undone")
        return ""


class UndoRefusedDialog(QDialog):
    """Why an import cannot be undone: the later changes to its records, one per line."""

    def __init__(self, error: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo import"))
        self.resize(760, 360)
        self.message = QLabel(error.problems[0].message)
        self.message.setWordWrap(True)
        self.conflicts = QListWidget()
        self.conflicts.addItems([p.message for p in error.problems[1:]])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.conflicts, 1)
        layout.addWidget(buttons)


class ImportView(QWidget):
    previewed = Signal()
    imported = Signal()
    template_written = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.preview: Any = None

        intro = QLabel(
            self.tr(
                "Bring in data from the import workbook (.xlsx) or from .csv files. "
                "First you see what would be added and changed and every problem; "
                "nothing is written until you press Import."
            )
        )
        intro.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose a workbook…"))
        self.choose_button.clicked.connect(self.choose)
        self.template_button = QPushButton(self.tr("Save the empty template…"))
        self.template_button.clicked.connect(self.save_template)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.confirm)

        self.counts = ImportCountsModel(self)
        self.counts_table = make_table(self)
        self.counts_table.setSortingEnabled(False)
        self.counts_table.setModel(self.counts)
        header = self.counts_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.problems = ImportProblemsModel(self)
        self.problems_table = make_table(self)
        self.problems_table.setSortingEnabled(False)
        self.problems_table.setModel(self.problems)

        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.template_button)
        counts_box = QGroupBox(self.tr("What the import would do"))
        counts_layout = QVBoxLayout(counts_box)
        counts_layout.addWidget(self.counts_table)
        problems_box = QGroupBox(self.tr("Problems"))
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.addWidget(self.problems_table)
        tables = QHBoxLayout()
        tables.addWidget(counts_box, 3)
        tables.addWidget(problems_box, 5)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.import_button)

        self.log = ImportLogModel(self)
        self.log_table = make_table(self)
        self.log_table.setModel(self.log)
        self.log_table.selectionModel().selectionChanged.connect(lambda *_: self._update_undo())
        self.undo_button = QPushButton(self.tr("Undo import…"))
        self.undo_button.clicked.connect(self.undo_selected)
        log_box = QGroupBox(self.tr("Import log"))
        log_layout = QVBoxLayout(log_box)
        log_layout.addWidget(self.log_table)
        log_bar = QHBoxLayout()
        log_bar.addWidget(QLabel(self.tr("An undo removes the rows the import added and restores those it changed.")),
                          1)
        log_bar.addWidget(self.undo_button)
        log_layout.addLayout(log_bar)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(top)
        layout.addLayout(tables, 3)
        layout.addLayout(bottom)
        layout.addWidget(log_box, 2)
        self._update_undo()

    def refresh(self) -> None:
        self.log.set_rows(import_log(self.ctx.database))
        self.log_table.resizeColumnsToContents()
        self._update_undo()

    def selected_import(self) -> Any:
        rows = self.log_table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_undo(self) -> None:
        entry = self.selected_import()
        self.undo_button.setEnabled(entry is not None and entry.can_undo)

    def undo_selected(self) -> None:
        """Ask, then revert the chosen import all or nothing; a refusal lists the later changes in the way."""
        from swdesk.gui.errors import show_error
        from swdesk.records.imports import UndoRefused

        entry = self.selected_import()
        if entry is None or not entry.can_undo:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr(
                "Undo import no. %1 (%2 of %3)? The %4 rows it added are deleted and the %5 rows it changed get "
                "their earlier values back."
            )
            .replace("%1", str(entry.id))
            .replace("%2", entry.file_name)
            .replace("%3", fmt_datetime(entry.at))
            .replace("%4", fmt_number(entry.added, 0))
            .replace("%5", fmt_number(entry.updated, 0)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            undo_import(self.ctx.database, entry.id)
        except UndoRefused as error:
            UndoRefusedDialog(error, self).exec()
            return
        except Exception as exc:  # noqa: BLE001 - a RecordError (undone already…) is a sentence, a fault a report
            show_error(self, exc, title=self.tr("Undo import"))
            return
        self.summary.setText(self.tr("Import no. %1 undone.").replace("%1", str(entry.id)))
        self.ctx.changed()
        self.refresh()

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a workbook"),
            str(Path.home()),
            self.tr("Workbooks and CSV (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)"),
        )
        if path:
            self.load(Path(path))

    def load(self, path: Path) -> None:
        """Preview the import of ``path`` (nothing is written)."""
        self.path = path
        self.preview = None
        self.import_button.setEnabled(False)
        self.file_label.setText(str(path))
        self.summary.setText(self.tr("Checking the workbook…"))
        database = self.ctx.database
        run_operation(
            lambda _c: preview_import(database, path),
            parent=self,
            label=self.tr("Checking the workbook…"),
            on_success=self._previewed,
            on_failure=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        from swdesk.gui.errors import show_error

        self.summary.setText("")
        show_error(self, exc)

    def _show(self, result: Any) -> None:
        self.counts.set_rows(list(result.counts.items()))
        self.problems.set_rows(result.problems)
        self.problems_table.resizeColumnsToContents()
        if self.problems_table.columnWidth(3) > 700:
            self.problems_table.setColumnWidth(3, 700)

    def _previewed(self, result: Any) -> None:
        self.preview = result
        self._show(result)
        totals = result.totals
        if result.problems:
            text = self.tr(
                "%1 problems: nothing can be imported until they are corrected in the workbook."
            ).replace("%1", str(len(result.problems)))
        elif not totals.changed:
            text = self.tr("Nothing to import: every row is already in the database.")
        else:
            text = (
                self.tr("Ready: %1 new, %2 changed, %3 unchanged rows. Press Import to write them.")
                .replace("%1", str(totals.added))
                .replace("%2", str(totals.updated))
                .replace("%3", str(totals.unchanged))
            )
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
        self.summary.setText(text)
        self.import_button.setEnabled(result.ok and totals.changed > 0)
        self.previewed.emit()

    def confirm(self) -> None:
        if self.path is None or self.preview is None or not self.preview.ok:
            return
        database, path = self.ctx.database, self.path
        self.import_button.setEnabled(False)
        run_operation(
            lambda _c: run_import(database, path),
            parent=self,
            label=self.tr("Importing…"),
            on_success=self._imported,
            on_failure=self._failed,
        )

    def _imported(self, result: Any) -> None:
        self._show(result)
        if result.written:
            totals = result.totals
            self.summary.setText(
                self.tr("Imported: %1 new, %2 changed rows.")
                .replace("%1", str(totals.added))
                .replace("%2", str(totals.updated))
            )
            self.preview = None
            self.ctx.changed()
            self.refresh()
            self.imported.emit()
        else:
            self.summary.setText(
                self.tr(
                    "Nothing was imported: the data changed since the preview. "
                    "See the problems and try again."
                )
            )

    def save_template(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the empty template"),
            str(Path.home() / "swdesk_importa_veidne.xlsx"),
            self.tr("Workbooks (*.xlsx)"),
        )
        if target:
            self.write_template_to(Path(target if target.endswith(".xlsx") else target + ".xlsx"))

    def write_template_to(self, path: Path) -> None:
        database = self.ctx.database

        def done(written: Path) -> None:
            self.summary.setText(self.tr("Template saved: %1").replace("%1", str(written)))
            self.template_written.emit(str(written))

        run_operation(lambda _c: write_empty_template(database, path), parent=self, on_success=done)
