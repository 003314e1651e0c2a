"""The main window: navigation on the left, the views in a stack, menus, the database in the status bar."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from swdesk import __version__
from swdesk.gui.context import AppContext

if TYPE_CHECKING:
    from swdesk.db.database import Database
    from swdesk.gui.app import Controller

KEY_GEOMETRY = "window/geometry"
KEY_STATE = "window/state"
KEY_VIEW = "window/view"

VIEW_KEYS = (
    "dashboard",
    "staff",
    "vacancies",
    "caseloads",
    "duties",
    "training",
    "criteria",
    "findings",
    "planning",
    "import",
    "export",
    "history",
)


class MainWindow(QMainWindow):
    """The main window; ``database`` None makes the empty window of the program's start (issue 14).

    At start the window is shown before the database is opened — navigation, menus, the window's size —
    and :meth:`attach` fills it once the database is open (:meth:`swdesk.gui.app.Controller.start_shown`),
    so that a person sees the program at once and its data as it arrives.
    """

    attached = Signal()  # the database is in and the first view shown (its data may still be loading)

    def __init__(self, database: Database | None, *, controller: Controller | None = None) -> None:
        super().__init__()
        self.database: Database = database  # type: ignore[assignment]  # None only until attach()
        self.controller = controller
        self.painted = False  # the first paint is done (see _FirstPaint)
        self.painted_at: float | None = None  # its time.monotonic()
        self.year = dt.date.today().year
        self.selftest_box: QMessageBox | None = None  # the last Help → Self-test result
        self.setWindowTitle("swdesk")
        self.setMinimumSize(QSize(1000, 600))

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMinimumWidth(190)
        self.nav.setMaximumWidth(260)
        self.nav.setSpacing(1)
        self.stack = QStackedWidget()
        self._views: dict[str, QWidget] = {}
        self._stale: set[str] = set()
        self._placeholders: dict[str, QWidget] = {}
        for key, title in self._titles().items():
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, 30))
            self.nav.addItem(item)
            placeholder = QWidget()
            self._placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._nav_changed)

        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([200, 1100])
        self.setCentralWidget(splitter)

        self._build_menus()
        self.location_label = QLabel()
        self.statusBar().addPermanentWidget(self.location_label)
        self._restore_geometry()
        self._first_paint = _FirstPaint(self)
        if database is not None:
            self.attach(database)

    def attach(self, database: Database) -> None:
        """Fill the window with ``database``: the title, the status bar and the view shown last."""
        self.database = database
        self.ctx = AppContext(database, self)
        self.ctx.data_changed.connect(self._mark_all_stale)
        self.update_title()
        self.ctx.data_changed.connect(self.update_title)
        self.location_label.setText(self.tr("Database: %1").replace("%1", database.display_location))
        self._show_encryption_actions()
        from swdesk.gui import unit_filter  # the structural unit chosen for every view (issue 14)

        self.unit_filter = unit_filter.install(self)
        view = QSettings().value(KEY_VIEW, "dashboard")
        self.show_view(view if view in VIEW_KEYS else "dashboard")
        self.attached.emit()

    def after_first_paint(self, then) -> None:  # type: ignore[no-untyped-def]
        """Call ``then`` once the window has been painted (at once if it already has)."""
        if self.painted:
            QTimer.singleShot(0, then)
        else:
            self._first_paint.then.append(then)

    def update_title(self) -> None:
        """The window names the service it holds, as the task bar shows it: "Valkas … dienests — swdesk"."""
        from swdesk.gui.views.service import service_name

        try:
            name = service_name(self.ctx)
        except Exception:  # noqa: BLE001 - a title is never worth an error dialog
            name = None
        self.setWindowTitle(self.tr("%1 — swdesk").replace("%1", name) if name else "swdesk")

    # --- navigation ---------------------------------------------------------------------------------

    def _titles(self) -> dict[str, str]:
        return {
            "dashboard": self.tr("Overview"),
            "staff": self.tr("Staff"),
            "vacancies": self.tr("Vacancies"),
            "caseloads": self.tr("Caseloads"),
            "duties": self.tr("Duties"),
            "training": self.tr("Training and supervision"),
            "criteria": self.tr("Criteria and settings"),
            "findings": self.tr("Checks"),
            "planning": self.tr("Planning"),
            "import": self.tr("Import"),
            "export": self.tr("Export"),
            "history": self.tr("Change history"),
        }

    def _make_view(self, key: str) -> QWidget:
        """The view for ``key``; each module is imported on first use, so start-up loads only the dashboard."""
        if key == "dashboard":
            from swdesk.gui.views.dashboard import DashboardView

            return DashboardView(self.ctx, window=self)
        if key == "staff":
            from swdesk.gui.views.staff import StaffView

            return StaffView(self.ctx)
        if key == "vacancies":
            from swdesk.gui.views.vacancies import VacancyView

            return VacancyView(self.ctx)
        if key == "caseloads":
            from swdesk.gui.views.caseloads import CaseloadView

            return CaseloadView(self.ctx)
        if key == "duties":
            from swdesk.gui.views.duties import DutiesView

            return DutiesView(self.ctx)
        if key == "training":
            from swdesk.gui.views.training import TrainingView

            return TrainingView(self.ctx)
        if key == "criteria":
            from swdesk.gui.views.criteria import CriteriaView

            return CriteriaView(self.ctx)
        if key == "findings":
            from swdesk.gui.views.findings import FindingsView

            return FindingsView(self.ctx, window=self)
        if key == "planning":
            from swdesk.gui.views.planning import PlanningView

            return PlanningView(self.ctx)
        if key == "import":
            from swdesk.gui.views.importing import ImportView

            return ImportView(self.ctx)
        if key == "export":
            from swdesk.gui.views.exporting import ExportView

            return ExportView(self.ctx)
        if key == "history":
            from swdesk.gui.views.history import HistoryView

            return HistoryView(self.ctx)
        raise KeyError(key)

    def view(self, key: str) -> Any:
        """The view for ``key``, created on first use."""
        if key not in self._views:
            widget = self._make_view(key)
            index = VIEW_KEYS.index(key)
            placeholder = self._placeholders.pop(key)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._views[key] = widget
            self._stale.add(key)
            self.keyboard.bind(widget)
        return self._views[key]

    def show_view(self, key: str) -> Any:
        row = VIEW_KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # → _nav_changed
        else:
            self._nav_changed(row)
        return self._views[key]

    def current_view_key(self) -> str | None:
        row = self.nav.currentRow()
        return VIEW_KEYS[row] if 0 <= row < len(VIEW_KEYS) else None

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(VIEW_KEYS) or self.database is None:
            return
        key = VIEW_KEYS[row]
        widget = self.view(key)
        self.stack.setCurrentWidget(widget)
        if key in self._stale:
            self._stale.discard(key)
            refresh = getattr(widget, "refresh", None)
            if refresh is not None:
                refresh()

    def _mark_all_stale(self) -> None:
        current = self.current_view_key()
        self._stale.update(k for k in self._views if k != current)

    def unit_changed(self) -> None:
        """Another structural unit chosen: the view shown reloads now, the others when next shown."""
        self._mark_all_stale()
        current = self.current_view_key()
        refresh = getattr(self._views.get(current or ""), "refresh", None)
        if refresh is not None:
            refresh()

    # --- navigation between views (a card to its findings, a finding to its record) -------------------

    def open_findings(self, *, year: int, rules: tuple[str, ...] = (), label: str | None = None) -> Any:
        view = self.show_view("findings")
        view.show_year(year, rules=rules, label=label)
        return view

    def open_staff(self, tabeles_nr: str, *, edit: bool = True) -> Any:
        view = self.show_view("staff")
        if view.select_tabeles_nr(tabeles_nr) is not None and edit:
            view.edit_selected()
        return view

    def open_vacancy(self, *, position_code: str, announced: str) -> Any:
        view = self.show_view("vacancies")
        view.show_filled.setChecked(True)
        row = view.model.row_of(
            lambda v: v.position_code == position_code and v.announced.isoformat() == announced
        )
        if row >= 0:
            index = view.proxy.mapFromSource(view.model.index(row, 0))
            if index.isValid():
                view.table.selectRow(index.row())
                view.table.scrollTo(index)
        return view

    # --- menus ----------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        from swdesk.gui.keyboard import Keyboard

        self.keyboard = Keyboard(self)  # Ctrl+1…0, Ctrl+F, Ins/Ctrl+N, Enter, Del, Ctrl+Shift+S (issue 14)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open database…"), self)
        self.open_action.triggered.connect(self.open_database)
        self.demo_action = QAction(self.tr("Open the &demonstration data"), self)
        self.demo_action.triggered.connect(self.open_demo)
        self.lm_action = QAction(self.tr("&LM summary…"), self)  # the ministry's end (issue 12)
        self.lm_action.triggered.connect(self.open_lm)
        self.backup_action = QAction(self.tr("&Back up the database…"), self)
        self.backup_action.triggered.connect(self.backup)
        self.restore_action = QAction(self.tr("&Restore from a backup…"), self)
        self.restore_action.triggered.connect(self.restore)
        # the database encrypted at rest (issue 15): core's swdesk.db.encryption, through the controller
        self.encrypt_action = QAction(QCoreApplication.translate("EncryptionUi", "&Encrypt the database…"), self)
        self.decrypt_action = QAction(QCoreApplication.translate("EncryptionUi", "Decr&ypt the database…"), self)
        if self.controller is not None:
            self.encrypt_action.triggered.connect(self.controller.encrypt_database)
            self.decrypt_action.triggered.connect(self.controller.decrypt_database)
        self._show_encryption_actions()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (
            self.open_action,
            self.demo_action,
            self.lm_action,
            None,
            self.keyboard.export_action,
            None,
            self.backup_action,
            self.restore_action,
            self.encrypt_action,
            self.decrypt_action,
            None,
            self.quit_action,
        ):
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        self.demo_action.setEnabled(self.controller is not None)
        self.open_action.setEnabled(self.controller is not None)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        current = self._language()
        for code, label in (("lv", "Latviešu"), ("en", "English")):
            action = QAction(label, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        self.menuBar().addMenu(self.keyboard.view_menu)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About swdesk"), self)
        self.about_action.triggered.connect(self.about)
        self.selftest_action = QAction(self.tr("&Self-test…"), self)
        self.selftest_action.triggered.connect(self.run_selftest)
        help_menu.addAction(self.keyboard.help_action)
        help_menu.addAction(self.selftest_action)
        help_menu.addAction(self.about_action)

    def _show_encryption_actions(self) -> None:
        """Šifrēt for a plain SQLite database, Atšifrēt for an encrypted one; neither for PostgreSQL."""
        database: Database | None = getattr(self, "database", None)
        sqlite = database is not None and database.path is not None
        encrypted = database is not None and sqlite and database.encrypted
        self.encrypt_action.setVisible(sqlite and not encrypted)
        self.decrypt_action.setVisible(encrypted)
        self.encrypt_action.setEnabled(self.controller is not None)
        self.decrypt_action.setEnabled(self.controller is not None)

    def _language(self) -> str:
        from swdesk import i18n

        return i18n.language()

    def set_language(self, language: str) -> None:
        if self.controller is not None:
            self.controller.set_language(language)

    def about_text(self) -> str:
        from html import escape

        from swdesk.logs import log_path

        return (
            self.tr(
                "<h3>swdesk %1</h3><p>Staff, workload and norms of a municipal social service.</p>"
                "<p>Database: %2</p><p>Log file (for support): %3</p>"
            )
            .replace("%1", __version__)
            .replace("%2", escape(self.database.display_location))
            .replace("%3", escape(str(log_path())))
        )

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About swdesk"), self.about_text())

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            str(Path.home()),
            self.tr("swdesk database (*.sqlite);;All files (*)"),
        )
        if path and self.controller is not None:
            self.controller.open_database_file(path)

    def open_demo(self) -> None:
        if self.controller is not None:
            self.controller.open_demo()

    def open_lm(self) -> None:
        """The LM summary, a window of its own beside this one: it reads mailed files, not this database."""
        from swdesk.gui.lm_window import LmWindow

        self.lm_window = LmWindow()
        self.lm_window.show()

    def run_selftest(self) -> None:
        """Help → Self-test: the checks of `swdesk selftest`, run off the UI thread, shown as one list."""
        from swdesk.gui.operations import run_operation
        from swdesk.selftest import results

        def done(outcome: list[tuple[bool, str]]) -> None:
            lines = "\n".join(line for _ok, line in outcome)
            passed = all(ok for ok, _line in outcome)
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Information if passed else QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("Self-test"))
            box.setText((self.tr("All checks passed.") if passed else self.tr("Some checks failed:")) + "\n\n" + lines)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.selftest_box = box
            box.open()  # window-modal, without a nested event loop

        run_operation(
            lambda _c: [(result.ok, result.line()) for result in results()],
            parent=self,
            label=self.tr("Running the self-test…"),
            on_success=done,
        )

    def backup(self) -> None:
        from swdesk.db.backup import export_copy
        from swdesk.gui.operations import run_operation
        from swdesk.i18n import tr as core_tr

        source = self.database.path
        if source is None:
            QMessageBox.information(self, self.tr("Back up the database"), core_tr("backup.only_sqlite"))
            return
        suggested = str(Path.home() / f"swdesk-{dt.datetime.now():%Y%m%d-%H%M}.sqlite")
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"), suggested, self.tr("swdesk database (*.sqlite)")
        )
        if not target:
            return
        if not target.endswith(".sqlite"):
            target += ".sqlite"

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Backup saved: %1").replace("%1", str(path)), 15000)

        run_operation(
            lambda _c: export_copy(source, Path(target)),
            parent=self,
            label=self.tr("Backing up the database…"),
            on_success=done,
        )

    def restore(self) -> None:
        from swdesk.i18n import tr as core_tr

        if self.database.path is None:
            QMessageBox.information(self, self.tr("Restore from a backup"), core_tr("backup.only_sqlite"))
            return
        source, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(self.database.path.parent / "backups"),
            self.tr("swdesk database (*.sqlite);;All files (*)"),
        )
        if not source or self.controller is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace all data in %1 with the backup %2? A copy of the current data is kept in the "
                "backups folder."
            )
            .replace("%1", self.database.display_location)
            .replace("%2", source),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.replace_database_from_backup(Path(source))

    # --- layout memory --------------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value(KEY_GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)
        state = settings.value(KEY_STATE)
        if state is not None:
            self.restoreState(state)

    def save_layout(self) -> None:
        if self.database is None:  # the start's empty window, closed: the layout of the last real one stays
            return
        settings = QSettings()
        settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(KEY_STATE, self.saveState())
        settings.setValue(KEY_VIEW, self.current_view_key() or "dashboard")

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)


class _FirstPaint(QObject):
    """Marks :attr:`MainWindow.painted` after the window's first paint and then calls what waited for it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.then: list[Any] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self.window:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # the next turn: the whole window is painted and shown
        return False

    def _painted(self) -> None:
        self.window.painted, self.window.painted_at = True, time.monotonic()
        waiting, self.then = self.then, []
        for then in waiting:
            then()
