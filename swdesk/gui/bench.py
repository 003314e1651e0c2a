"""Entry points for the benchmarks (tests/bench): the real main window and its real interactions.

Each function returns only when what a person would wait for is on screen, so that a timing measures the
whole wait: the dashboard's data is loaded off the UI thread and the functions spin the event loop until
its ``loaded`` signal has come.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from swdesk.db.database import open_database
from swdesk.gui.mainwindow import MainWindow

TIMEOUT_MS = 60_000


def _wait_for(signal: SignalInstance, start: Callable[[], object]) -> None:
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

    def show() -> None:
        window.show_view("dashboard")
        window.show()

    _wait_for(dashboard.loaded, show)
    QApplication.processEvents()
    return window


def switch_dashboard_year(window: MainWindow, year: int) -> None:
    dashboard = window.view("dashboard")
    _wait_for(dashboard.loaded, lambda: dashboard.set_year(year))


def switch_to_view(window: MainWindow, key: str) -> None:
    """Show the view ``key`` after data changed elsewhere, and return when its fresh data is on screen.

    This is the slowest case of a view switch: the view reloads (a view whose data did not change since
    it was last shown is shown as it was). Views that load off the UI thread are waited for.
    """
    from swdesk.gui.mainwindow import VIEW_KEYS

    other = VIEW_KEYS[(VIEW_KEYS.index(key) + 1) % len(VIEW_KEYS)]
    if window.current_view_key() == key:
        window.show_view(other)
    window.ctx.changed()  # every view but the current one reloads when next shown
    view = window.view(key)
    signal = getattr(view, "loaded", None)
    if signal is None:
        window.show_view(key)
    else:
        _wait_for(signal, lambda: window.show_view(key))
    QApplication.processEvents()


def switch_through_views(window: MainWindow) -> dict[str, float]:
    """Switch to every view in turn with fresh data; the seconds each switch took, by view."""
    from swdesk.gui.mainwindow import VIEW_KEYS

    took = {}
    for key in VIEW_KEYS:
        start = time.perf_counter()
        switch_to_view(window, key)
        took[key] = time.perf_counter() - start
    return took
