"""Starting the program: the `gui` command imports Qt lazily; the controller opens, asks, remembers."""

from __future__ import annotations

import subprocess
import sys

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
    qtbot.waitUntil(lambda: window.selftest_box is not None and window.selftest_box.isVisible(), timeout=60_000)
    box = window.selftest_box
    assert isinstance(box, QMessageBox)
    title, text = box.windowTitle(), box.text()
    box.accept()
    assert title == "Pašpārbaude"
    assert text.startswith("Visas pārbaudes izdevās.")
    assert text.count("OK ") >= 4
    wait_all()
