"""Latvian by default, English from Iestatījumi → Valoda, switched live and remembered."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox

from swdesk import i18n
from swdesk.gui.app import KEY_LANGUAGE, Controller


def _nav_texts(window):
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def _cancel_text():
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_switch_to_english_and_back(qtbot, qapp, service_db):
    controller = Controller(qapp, db=service_db.url)
    assert controller.start()
    window = controller.window
    qtbot.addWidget(window)
    window.show_view("staff")
    assert _nav_texts(window)[:3] == ["Pārskats", "Darbinieki", "Vakances"]
    assert window.menuBar().actions()[0].text() == "&Fails"
    assert _cancel_text() == "Atcelt"  # Qt's own qtbase_lv

    window.language_actions["en"].trigger()
    english = controller.window
    qtbot.addWidget(english)
    assert english is not window
    assert _nav_texts(english)[:3] == ["Overview", "Staff", "Vacancies"]
    assert english.current_view_key() == "staff"  # the same view, in the new language
    assert english.view("staff").add_button.text() == "Add…"
    assert _cancel_text() == "Cancel"
    assert i18n.language() == "en"  # core messages follow the GUI
    assert QSettings().value(KEY_LANGUAGE) == "en"

    english.language_actions["lv"].trigger()
    latvian = controller.window
    qtbot.addWidget(latvian)
    assert _nav_texts(latvian)[:3] == ["Pārskats", "Darbinieki", "Vakances"]
    assert latvian.view("staff").add_button.text() == "Pievienot…"
    assert i18n.language() == "lv"
    assert QSettings().value(KEY_LANGUAGE) == "lv"
    from swdesk.gui.operations import wait_all

    wait_all()
    controller.database.close()
