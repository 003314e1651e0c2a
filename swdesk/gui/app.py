"""Application bootstrap: translators, the database, first start, the main window, language switching."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMessageLogContext,
    QObject,
    QSettings,
    Qt,
    QThread,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog, QWidget

from swdesk import __version__, i18n
from swdesk.gui import translations
from swdesk.resources import resource

if TYPE_CHECKING:
    from swdesk.db.database import Database, SetAsideError

log = logging.getLogger("swdesk.gui")
qt_log = logging.getLogger("swdesk.qt")

LANGUAGES = ("lv", "en")
KEY_LANGUAGE = "ui/language"
KEY_LAST_DB = "database/last"
KEY_LM_PC = "lm/this_pc"  # "lm" when the first start was answered "the Ministry's" (issue 12)
EXIT_DATABASE = 3


class GarbageCollector(QObject):
    """Python's cyclic garbage collection, run on the UI thread only.

    An automatic collection can start in whichever thread allocates, including a worker of
    :mod:`swdesk.gui.operations`; when it frees the wrapper of a Qt object there, shiboken defers the
    deletion to the main thread and crashed doing so (PySide6 6.12). qutebrowser does the same for the
    same reason: automatic collection off, and a timer that collects with the usual thresholds.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            gc.collect(2 if c2 > t2 else 1 if c1 > t1 else 0)


class SwdeskApp(QApplication):
    """The QApplication of swdesk: its name (for QSettings), fonts and translators."""

    def __init__(self, argv: list[str] | None = None) -> None:
        super().__init__(argv if argv is not None else sys.argv[:1])
        self.setOrganizationName("swdesk")
        self.setApplicationName("swdesk")
        self.setApplicationVersion(__version__)
        self._translators: list[QTranslator] = []
        self.language = "lv"
        self.garbage_collector = GarbageCollector(self)
        self._load_fonts()
        icon = resource("icons", "swdesk.png")  # the shipped icon: title bar, task bar, dialogs
        if icon.exists():
            self.setWindowIcon(QIcon(str(icon)))

    def _load_fonts(self) -> None:
        # DejaVu Sans has every Latvian letter; where the system has no good font (a bare Linux, the
        # offscreen platform of the tests) it keeps ā, č, ē, ģ, ķ, ļ, ņ, š, ū, ž from becoming boxes.
        families = []
        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
            path = resource("fonts", name)
            if path.exists():
                font_id = QFontDatabase.addApplicationFont(str(path))
                families += QFontDatabase.applicationFontFamilies(font_id)
        if families and sys.platform != "win32" and sys.platform != "darwin":
            self.setFont(QFont(families[0], 9))

    def install_language(self, language: str) -> None:
        """Latvian: Qt's own ``qtbase_lv`` first (standard buttons), then swdesk's; English: none."""
        if language not in LANGUAGES:
            language = "lv"
        for translator in self._translators:
            self.removeTranslator(translator)
        self._translators.clear()
        if language == "lv":
            for name, folder in translations.latvian_files():
                loaded = translations.load(name, folder, self)
                if loaded is not None:
                    self.installTranslator(loaded)
                    self._translators.append(loaded)
                else:
                    log.warning("translation %s not found in %s", name, folder)
            QLocale.setDefault(QLocale(QLocale.Language.Latvian, QLocale.Country.Latvia))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.language = language
        i18n.set_language(language)  # core messages (errors, findings) follow the GUI

    @staticmethod
    def saved_language() -> str:
        value = QSettings().value(KEY_LANGUAGE, "lv")
        return value if value in LANGUAGES else "lv"


class WaitingForWriter(QObject):
    """While a write of the window waits for another program's write: a small dialog says so, with Cancel.

    Installed as :data:`swdesk.db.database.waiting_notice`; it acts only for writes made on the UI thread
    (a worker's operation has its own progress dialog) and keeps the window painted while it waits.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.dialog: QProgressDialog | None = None

    def __call__(self, waited: float | None) -> bool:
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            return True
        if waited is None:
            if self.dialog is not None:
                self.dialog.close()
                self.dialog.deleteLater()
                self.dialog = None
            return True
        if self.dialog is None:
            self.dialog = QProgressDialog(
                self.tr("Waiting for another swdesk to finish writing to the database…"),
                self.tr("Cancel"),
                0,
                0,
                QApplication.activeWindow(),
            )
            self.dialog.setWindowTitle(self.tr("Waiting"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            self.dialog.show()
        QApplication.processEvents()
        return not self.dialog.wasCanceled()


def without_password(url: str) -> str:
    """A server URL as it may be stored: without its password."""
    from sqlalchemy.engine import make_url

    # URL.set(password=None) keeps the old password (None means "unchanged"); _replace clears it
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(password=password).render_as_string(hide_password=False)


def needs_password(url: str) -> bool:
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return False
    return parsed.get_backend_name() != "sqlite" and parsed.password is None


def open_database(target: str | None, **kwargs) -> Database:  # type: ignore[no-untyped-def]
    """:func:`swdesk.db.database.open_database`, imported when first needed: SQLAlchemy and the database
    module load after the window's first paint, not before it (issue 14)."""
    from swdesk.db.database import open_database as open_

    return open_(target, **kwargs)


def demo_db_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("swdesk", appauthor=False) / "demo.sqlite"


def has_service(database: Database) -> bool:
    from sqlalchemy import select

    from swdesk.db import models as m

    with database.read() as session:
        return session.scalar(select(m.Service.id).limit(1)) is not None


def demo_available() -> bool:
    try:
        import swdesk.demo  # noqa: F401
    except ImportError:
        return False
    return True


class Controller(QObject):
    """Owns the open database and the main window; rebuilds the window when the language changes."""

    def __init__(self, app: SwdeskApp, *, db: str | None = None, demo: bool = False) -> None:
        super().__init__(app)
        self.app = app
        self.db_arg = db
        self.demo = demo
        self.database: Database | None = None
        self.window: QWidget | None = None

    # --- opening -------------------------------------------------------------------------------------

    def initial_target(self) -> str | None:
        """``--db``, else ``SWDESK_DB``, else the last database used (if it is still there), else default."""
        if self.db_arg:
            return self.db_arg
        if os.environ.get("SWDESK_DB"):
            return None
        last = QSettings().value(KEY_LAST_DB)
        if isinstance(last, str) and last and ("://" in last or Path(last).exists()):
            return last
        return None

    def start_shown(self) -> None:
        """The program's start: the main window at once, empty, then :meth:`start` after its first paint.

        A person sees the window in about the time Qt needs for any window; the database is opened and the
        window filled (:meth:`MainWindow.attach`) once it is on screen, the dashboard's data after that. A
        question of the opening (a password, a damaged database, the first-start wizard) appears over it.
        When there is nothing to show in the end, the empty window closes and :attr:`start_failed` is set.
        """
        from swdesk.gui.mainwindow import MainWindow

        self.start_failed = False
        self.window = MainWindow(None, controller=self)
        self.window.show()
        self.window.after_first_paint(self._start_in_window)

    def _start_in_window(self) -> None:
        from swdesk.db import database as db_module

        db_module.waiting_notice = WaitingForWriter(self.app)
        if not self.start():
            self.start_failed = True
            self._drop_empty_window()
            self.app.quit()
        elif self.database is not None:
            log.info("window opened on %s", self.database.display_location)

    def _empty_window(self) -> bool:
        """The start's window is still waiting for its data (see :meth:`start_shown`)."""
        return self.window is not None and getattr(self.window, "database", True) is None

    def _has_window(self) -> bool:
        return self.window is not None and not self._empty_window()

    def _drop_empty_window(self) -> None:
        if self._empty_window():
            assert self.window is not None
            self.window.close()
            self.window.deleteLater()
            self.window = None

    def start(self) -> bool:
        """Open the database and show the first window; False when there is nothing to show."""
        if self.demo:
            return self.open_demo()
        if not self._open(self.initial_target(), remember=True):
            return False
        return self._after_open()

    def _open(self, target: str | None, *, remember: bool) -> bool:
        from swdesk.db.database import DatabaseError, SetAsideError
        from swdesk.db.encryption import KeyMissingError

        try:
            database: Database | None = self._open_asking(target)
        except KeyMissingError as exc:
            # an encrypted database whose key is not here (or wrong): nothing was moved; the recovery key
            from swdesk.gui.encryption_ui import open_with_recovery_key

            database = open_with_recovery_key(self.window, exc, lambda: self._open_asking(target))
        except SetAsideError as exc:
            # a damaged database was set aside here: its backup is restored, or an empty database takes its
            # place, only when the head says so
            database = self._after_set_aside(target, exc)
        except DatabaseError as exc:
            QMessageBox.critical(self.window, self.tr("The database cannot be opened"), str(exc))
            return False
        if database is None:
            return False
        if self.database is not None:
            self.database.close()
        self.database = database
        if remember:
            # never a password in the settings file: a server asks for it again (see _open_asking)
            QSettings().setValue(
                KEY_LAST_DB, database.display_location if database.path else without_password(database.url)
            )
        for warning in database.report.warnings:  # a failed daily backup, a foreign log set aside
            QMessageBox.warning(self.window, self.tr("Warning"), warning)
        return True

    def _after_set_aside(self, target: str | None, exc: SetAsideError) -> Database | None:
        from swdesk.db.backup import BackupError
        from swdesk.db.database import DatabaseError
        from swdesk.formats import fmt_date

        text = (
            self.tr(
                "The database %1 was damaged and was set aside, unchanged, as %2. An empty database is not "
                "started in its place without asking."
            )
            .replace("%1", str(exc.set_aside.with_name(exc.set_aside.name.split(".bojata-")[0])))
            .replace("%2", exc.set_aside.name)
        )
        if exc.backup is not None and exc.backup_time is not None:
            when = f"{fmt_date(exc.backup_time.date())} {exc.backup_time:%H:%M}"
            text += "\n\n" + self.tr("The newest verified backup of this database is from %1.").replace(
                "%1", when
            )
        else:
            text += "\n\n" + self.tr("There is no verified backup of this database.")
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("The database was set aside"), text, parent=self.window
        )
        box.setDetailedText(str(exc))  # the paths and the command line, for whoever helps
        restore = None
        if exc.backup is not None:
            restore = box.addButton(self.tr("Restore the backup"), QMessageBox.ButtonRole.AcceptRole)
        fresh = box.addButton(self.tr("Start a new, empty database"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(restore or cancel)
        box.exec()
        try:
            if restore is not None and box.clickedButton() is restore:
                from swdesk.db.backup import restore as restore_backup
                from swdesk.db.database import resolve_url, sqlite_path

                path = sqlite_path(resolve_url(target))
                assert path is not None and exc.backup is not None
                restore_backup(path, exc.backup)
                return self._open_asking(target)
            if box.clickedButton() is fresh:
                return self._open_asking(target, start_fresh=True)
        except (DatabaseError, BackupError) as again:
            QMessageBox.critical(self.window, self.tr("The database cannot be opened"), str(again))
        return None

    def _open_asking(self, target: str | None, *, start_fresh: bool = False) -> Database:
        """Open ``target``; a server that refuses a URL without its password asks for the password."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        from swdesk.db.database import DatabaseError

        try:
            return open_database(target, start_fresh=start_fresh)
        except DatabaseError:
            if not target or "://" not in target or not needs_password(target):
                raise
            password, ok = QInputDialog.getText(
                self.window,
                self.tr("Database password"),
                self.tr("Password of the database server for %1:").replace("%1", without_password(target)),
                QLineEdit.EchoMode.Password,
            )
            if not ok or not password:
                raise
            return open_database(with_password(target, password), start_fresh=start_fresh)

    def _after_open(self) -> bool:
        assert self.database is not None
        if has_service(self.database):
            self.show_main()
            return True
        if QSettings().value(KEY_LM_PC) == "lm":  # answered at an earlier first start: a ministry PC
            return self.open_lm()
        from swdesk.gui.wizard import FirstStartWizard

        wizard = FirstStartWizard(self.database, demo_available=demo_available(), parent=self.window)
        accepted = wizard.exec()
        self.database = wizard.database  # encrypted at the first start: the same file, opened again
        if not accepted:
            return self._has_window()
        if wizard.chose_lm:
            QSettings().setValue(KEY_LM_PC, "lm")
            return self.open_lm()
        if wizard.chose_demo:
            return self.open_demo()
        self.show_main()
        return True

    def open_lm(self) -> bool:
        """The LM summary window (issue 12) on its own: a ministry PC has no service to show."""
        from swdesk.gui.lm_window import LmWindow

        self.lm_window = LmWindow(on_service_mode=self.leave_lm)
        self.lm_window.show()
        self._drop_empty_window()  # a ministry PC: the start's window has no service to show
        return True

    def leave_lm(self) -> None:
        """The PC belongs to a social service after all: forget the answer and ask the first-start question
        again (the LM window closes once the service's window is there, so the program does not end)."""
        QSettings().remove(KEY_LM_PC)
        old = self.lm_window
        self.app.setQuitOnLastWindowClosed(False)
        old.hide()
        if not self._after_open() and self.window is None:
            old.show()  # cancelled: stay where we were
        else:
            old.close()
        self.app.setQuitOnLastWindowClosed(True)

    def open_database_file(self, target: str) -> bool:
        if not self._open(target, remember=True):
            return False
        self.demo = False
        return self._after_open()

    def open_demo(self) -> bool:
        """The demonstration database in the user's data folder, generated on first use."""
        path = demo_db_path()
        if not self._open(str(path), remember=False):
            return False
        self.demo = True
        assert self.database is not None
        if has_service(self.database):
            self.show_main()
            return True
        if not demo_available():
            QMessageBox.information(
                self.window,
                self.tr("Demonstration data"),
                self.tr("This version of the program cannot generate demonstration data yet."),
            )
            return self._has_window()
        self.generate_demo()
        return True

    def generate_demo(self) -> None:
        from swdesk.demo import generate_demo
        from swdesk.gui.operations import run_operation

        database = self.database
        assert database is not None
        self.app.setQuitOnLastWindowClosed(False)

        def work(control):  # type: ignore[no-untyped-def]
            return generate_demo(
                database, size="small", seed=1, progress=control.progress, cancelled=control.cancelled
            )

        def finished() -> None:
            self.app.setQuitOnLastWindowClosed(True)

        def failed(exc: BaseException) -> None:
            from swdesk.gui.errors import show_error

            show_error(self.window, exc)
            if not self._has_window():
                self.app.quit()

        def cancelled() -> None:
            if not self._has_window():
                self.app.quit()

        self.demo_operation = run_operation(
            work,
            parent=self.window,
            label=self.tr("Generating the demonstration data…"),
            cancellable=True,
            on_success=lambda _result: self.show_main(),
            on_failure=failed,
            on_cancel=cancelled,
        )
        self.demo_operation.done.connect(finished)

    # --- the main window ------------------------------------------------------------------------------

    def show_main(self, *, view: str | None = None) -> None:
        from swdesk.gui.mainwindow import MainWindow

        assert self.database is not None
        if self._empty_window():  # the start's window, shown before the database was opened: filled now
            assert isinstance(self.window, MainWindow)
            self.window.attach(self.database)
            if view:
                self.window.show_view(view)
            self.window.show()
            return
        old = self.window
        self.app.setQuitOnLastWindowClosed(False)
        self.window = MainWindow(self.database, controller=self)
        if old is not None:
            view = view or getattr(old, "current_view_key", lambda: None)()
            self.window.setGeometry(old.geometry())
            old.setProperty("replaced", True)
            old.close()
            old.deleteLater()
        if view:
            self.window.show_view(view)
        self.window.show()
        self.app.setQuitOnLastWindowClosed(True)

    def set_language(self, language: str) -> None:
        """Switch the language live: new translators, then the main window rebuilt in the new language."""
        QSettings().setValue(KEY_LANGUAGE, language)
        self.app.install_language(language)
        if self.window is not None and self.database is not None:
            self.show_main()

    def encrypt_database(self) -> None:
        """Fails → Šifrēt datubāzi…: asked, converted off the UI thread (the database closed meanwhile, so
        the views' last loads finish), opened again, and the recovery key shown once."""
        from swdesk.db import encryption
        from swdesk.gui.encryption_ui import RecoveryKeyDialog, ask_encrypt

        def show_key(outcome, path: Path) -> None:  # type: ignore[no-untyped-def]
            RecoveryKeyDialog(outcome[0], path, self.window).exec()

        label = QCoreApplication.translate("EncryptionUi", "Encrypting the database…")
        self._convert(ask_encrypt, encryption.encrypt_database, show_key, label)

    def decrypt_database(self) -> None:
        """Fails → Atšifrēt datubāzi…: asked, converted back, opened again."""
        from swdesk.db import encryption
        from swdesk.gui.encryption_ui import ask_decrypt

        label = QCoreApplication.translate("EncryptionUi", "Decrypting the database…")
        self._convert(ask_decrypt, encryption.decrypt_database, lambda *_: None, label)

    def _convert(self, ask, convert, then, label: str) -> None:  # type: ignore[no-untyped-def]
        from swdesk.gui.errors import show_error
        from swdesk.gui.operations import run_operation

        database = self.database
        assert database is not None and self.window is not None
        path = database.path
        if path is None or not ask(self.window, database):
            return

        def work(_control):  # type: ignore[no-untyped-def]
            database.close()
            return convert(path)

        def done(outcome) -> None:  # type: ignore[no-untyped-def]
            if self._open(str(path), remember=False):
                self.show_main()
            then(outcome, path)

        def failed(exc: BaseException) -> None:  # nothing changed: said, and the database opened again
            show_error(self.window, exc)
            if self._open(str(path), remember=False):
                self.show_main()

        run_operation(work, parent=self.window, label=label, on_success=done, on_failure=failed)

    def replace_database_from_backup(self, source: Path) -> None:
        """Restore the database from ``source`` (a verified copy is kept aside) and reopen it."""
        from swdesk.db.backup import restore
        from swdesk.gui.operations import run_operation

        database = self.database
        assert database is not None and database.path is not None
        path = database.path
        target = str(path) if not self.demo else str(path)

        def work(_control):  # type: ignore[no-untyped-def]
            database.close()
            return restore(path, source)

        def done(aside: Path) -> None:
            if self._open(target, remember=not self.demo):
                self.show_main()
                if isinstance(self.window, QMainWindow):
                    self.window.statusBar().showMessage(
                        self.tr("Restored from %1. The previous data was kept in %2.")
                        .replace("%1", str(source))
                        .replace("%2", str(aside)),
                        15000,
                    )

        def failed(exc: BaseException) -> None:
            from swdesk.gui.errors import show_error

            show_error(self.window, exc)
            self._open(target, remember=False)
            self.show_main()

        run_operation(
            work,
            parent=self.window,
            label=self.tr("Restoring the database…"),
            on_success=done,
            on_failure=failed,
        )


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to the log file, not the terminal; a fatal one to both (Qt aborts next)."""
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
    }.get(kind, logging.CRITICAL)
    qt_log.log(level, "%s", message)
    if kind == QtMsgType.QtFatalMsg and sys.stderr is not None:
        print(message, file=sys.stderr)


def main(*, db: str | None = None, demo: bool = False, argv: list[str] | None = None) -> int:
    from swdesk.gui.errors import install_excepthook
    from swdesk.logs import setup_logging

    setup_logging()  # already done by `swdesk`'s command line; here for whoever calls main() directly
    qInstallMessageHandler(_log_qt_message)
    app = SwdeskApp(argv)
    app.install_language(SwdeskApp.saved_language())
    install_excepthook()
    controller = Controller(app, db=db, demo=demo)
    controller.start_shown()  # the window first; the database is opened after its first paint
    if os.environ.get("SWDESK_STARTUP_PROBE"):  # the start-up benchmark only (swdesk.gui.startup_probe)
        from swdesk.gui.startup_probe import install

        install(app, controller.window)
    # for the start-up test (tests/gui/test_startup.py): quit by itself this long after the window showed
    quit_after = os.environ.get("SWDESK_QUIT_AFTER_START_MS")
    if quit_after and quit_after.isdigit():
        QTimer.singleShot(int(quit_after), app.quit)
    code = app.exec()
    from swdesk.gui.operations import wait_all

    wait_all(10_000)
    if controller.database is not None:
        controller.database.close()
    if controller.start_failed:
        return EXIT_DATABASE if controller.database is None else 0
    return code
