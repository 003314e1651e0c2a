"""Starting the program: the `gui` command imports Qt lazily; the controller opens, asks, remembers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QSettings

from swdesk.gui.app import KEY_LAST_DB, Controller
from tests.gui.helpers import when_modal


def test_the_command_line_does_not_import_qt():
    code = (
        "import sys, swdesk.cli, swdesk.commands.gui; swdesk.cli.build_parser(); "
        "sys.exit(1 if any(name.startswith('PySide6') for name in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_gui_subcommand_keeps_demo_given_before_it():
    from swdesk.cli import build_parser

    args = build_parser().parse_args(["--demo", "gui"])
    assert args.demo is True and args.command == "gui"


def test_an_empty_database_shows_the_wizard_then_the_main_window(qtbot, qapp, db):
    controller = Controller(qapp, db=db.url)

    def fill(wizard):
        wizard.service_name.setText("Testa dienests")
        wizard.population.setValue(2500)
        wizard.create_button.click()

    opened = when_modal(fill)
    assert controller.start()
    qtbot.addWidget(controller.window)
    assert opened and type(opened[0]).__name__ == "FirstStartWizard"
    assert controller.window.isVisible()
    assert controller.window.location_label.text().endswith(str(db.path))
    assert QSettings().value(KEY_LAST_DB) == str(db.path)
    assert str(db.path) in controller.window.about_text()
    from swdesk.gui.operations import wait_all

    wait_all()
    controller.database.close()


def test_a_broken_database_is_a_latvian_message_not_a_traceback(qtbot, qapp, tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 10)
    texts = []

    def read(box):
        texts.append(box.text())
        box.accept()

    when_modal(read)
    controller = Controller(qapp, db=str(broken))
    assert not controller.start()
    assert texts and "nav swdesk datubāze" in texts[0]


def test_demo_is_generated_on_first_use_then_reused(qtbot, qapp, tmp_path, monkeypatch):
    import swdesk.gui.app as app_module
    from swdesk.gui.app import has_service

    demo_path = tmp_path / "demo.sqlite"
    monkeypatch.setattr(app_module, "demo_db_path", lambda: demo_path)
    controller = Controller(qapp, demo=True)
    assert controller.start()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=60_000)
    qtbot.addWidget(controller.window)
    assert has_service(controller.database)
    assert controller.window.location_label.text().endswith(str(demo_path))
    assert QSettings().value(KEY_LAST_DB) is None  # the demo is never remembered as "the" database
    from swdesk.gui.operations import wait_all

    wait_all()
    controller.database.close()

    again = Controller(qapp, demo=True)
    assert again.start() and again.window is not None  # already there: opened at once
    qtbot.addWidget(again.window)
    wait_all()
    again.database.close()


def test_help_menu_runs_the_selftest_and_shows_every_check(qtbot, qapp, db):
    from PySide6.QtWidgets import QMessageBox

    from swdesk.gui.mainwindow import MainWindow
    from swdesk.gui.operations import wait_all

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.selftest_action.trigger()  # runs off the UI thread; the result comes as a message box
    qtbot.waitUntil(
        lambda: window.selftest_box is not None and window.selftest_box.isVisible(), timeout=60_000
    )
    box = window.selftest_box
    assert isinstance(box, QMessageBox)
    title, text = box.windowTitle(), box.text()
    box.accept()
    assert title == "Pašpārbaude"
    assert text.startswith("Visas pārbaudes izdevās.")
    assert text.count("OK ") >= 4
    wait_all()


def test_the_about_box_says_where_the_log_is(qtbot, service_db):
    from swdesk.gui.mainwindow import MainWindow
    from swdesk.logs import log_path

    window = MainWindow(service_db)
    qtbot.addWidget(window)
    text = window.about_text()
    assert f"Žurnālfails (atbalstam): {log_path()}" in text
    assert f"Datubāze: {service_db.path}" in text


@pytest.mark.skipif(sys.platform != "linux", reason="the data folder is moved with XDG_DATA_HOME (Linux)")
def test_a_normal_start_prints_nothing_and_writes_the_log(tmp_path, service_db):
    """The window opens (offscreen), quits by itself once shown: not a line on the terminal, the log written."""
    env = {k: v for k, v in os.environ.items() if k != "SWDESK_DB"}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "SWDESK_QUIT_AFTER_START_MS": "300",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "swdesk", "--db", str(service_db.path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    log = (tmp_path / "data" / "swdesk" / "swdesk.log").read_text(encoding="utf-8")
    assert f"INFO swdesk.cli: start: swdesk --db {service_db.path} (swdesk " in log
    assert f"INFO swdesk.gui: window opened on {service_db.path}" in log
    assert log.rstrip().endswith("INFO swdesk.cli: exit status 0")


def test_the_window_has_the_shipped_icon(qapp):
    icon = qapp.windowIcon()
    assert not icon.isNull() and icon.availableSizes()[0].width() >= 64
