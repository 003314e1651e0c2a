"""GUI test fixtures: the real application class, Latvian translations built once, settings in a temp dir."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from swdesk.resources import assets_dir, translations_dir  # noqa: E402

if sys.platform == "win32":
    # On Windows the offscreen platform reads fonts from a folder, not from the system's list, and warns
    # "QFontDatabase: Cannot find font directory" (a failure here) when PySide6 ships none: the fonts
    # swdesk ships are that folder.
    os.environ.setdefault("QT_QPA_FONTDIR", str(assets_dir() / "fonts"))

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "translations" / "swdesk_lv.ts"
QM_FILE = translations_dir() / "swdesk_lv.qm"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Qt warnings fail GUI tests (STYLE.md: "Qt warnings and Python warnings fail tests").
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # the offscreen platform's own remarks about every shown top-level window and popup, not ours
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "does not support propagateSizeHints",
                    "does not support raise",
                    "does not support grabbing the keyboard",
                )
            )


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item):  # type: ignore[no-untyped-def]
    """Before pytest-qt closes the test's widgets: an edit form left open with changes (a failed test) is
    discarded, or closing it would ask "Save changes?" and wait for an answer nobody gives."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        from swdesk.gui.widgets import EditDialog

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, EditDialog) and widget.isVisible():
                widget.discard()
    return (yield)


@pytest.fixture(scope="session")
def qapp_cls():  # type: ignore[no-untyped-def]
    from swdesk.gui.app import SwdeskApp

    return SwdeskApp


@pytest.fixture(scope="session", autouse=True)
def _built_translations() -> None:
    """Stage ``swdesk/assets`` (``swdesk_lv.qm`` from the .ts in git) when missing or older (``make`` does it)."""
    if TS_FILE.exists() and (not QM_FILE.exists() or QM_FILE.stat().st_mtime < TS_FILE.stat().st_mtime):
        subprocess.run([sys.executable, str(ROOT / "installer" / "assets.py")], check=True)


@pytest.fixture(autouse=True)
def _temp_settings(tmp_path_factory: pytest.TempPathFactory, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """QSettings in a fresh temp folder per test, so tests never read or change the user's settings."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    qapp.install_language("lv")
    # as in the program (GarbageCollector): no automatic collection while worker threads may run, and
    # automatic collection back for the rest of the session once this test's workers are done
    gc.disable()
    yield
    qapp.install_language("lv")
    from swdesk.gui.operations import wait_all

    wait_all()
    gc.collect()
    gc.enable()


@pytest.fixture
def service_db(db):  # type: ignore[no-untyped-def]
    """A database with a service and a population, as after the first-start wizard."""
    from swdesk.commands.init import save_service
    from swdesk.db import models as m

    with db.write() as session:
        save_service(
            session, service="Testa sociālais dienests", municipality="Valmieras novads", head="Anna Bērziņa"
        )
        for year in range(2020, 2031):
            session.merge(m.Population(year=year, residents=5000))
    return db


@pytest.fixture
def main_window(qtbot, service_db):  # type: ignore[no-untyped-def]
    from swdesk.gui.mainwindow import MainWindow
    from swdesk.gui.operations import wait_all

    window = MainWindow(service_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    yield window
    wait_all()
