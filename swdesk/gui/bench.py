"""Entry points for the benchmarks (tests/bench): the real main window and its real interactions.

Each function returns only when what a person would wait for is on screen, so that a timing measures the
whole wait: the dashboard's data is loaded off the UI thread and the functions spin the event loop until
its ``loaded`` signal has come.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from swdesk.db.database import open_database
from swdesk.gui.mainwindow import MainWindow

TIMEOUT_MS = 60_000


def _wait_for(signal, start) -> None:  # type: ignore[no-untyped-def]
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(TIMEOUT_MS, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def open_main_window(db: str) -> MainWindow:
    """Open the database and show the main window at 1366×768 with the dashboard populated."""
    database = open_database(db, auto_backup=False)
    window = MainWindow(database)
    window.resize(1366, 768)
    dashboard = window.view("dashboard")
    _wait_for(dashboard.loaded, lambda: (window.show_view("dashboard"), window.show()))
    QApplication.processEvents()
    return window


def switch_dashboard_year(window: MainWindow, year: int) -> None:
    dashboard = window.view("dashboard")
    _wait_for(dashboard.loaded, lambda: dashboard.set_year(year))


def switch_through_views(window: MainWindow) -> None:
    """Show every view once (each starts loading its data when shown), then return to the dashboard."""
    for key in window._factories():  # noqa: SLF001 - the list of views is what is being measured
        window.show_view(key)
        QApplication.processEvents()
    window.show_view("dashboard")
