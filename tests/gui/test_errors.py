"""Errors: an expected one is the core's message; an unexpected one is the crash dialog whose "Kopēt žurnālu"
puts the log — the traceback in it — on the clipboard."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from swdesk import logs
from swdesk.gui.errors import CrashDialog, show_error
from tests.gui.helpers import when_modal


def _raised() -> RuntimeError:
    def deep_in_the_program() -> None:
        raise RuntimeError("the caseload total went missing")

    try:
        deep_in_the_program()
    except RuntimeError as exc:
        return exc
    raise AssertionError("unreachable")


@pytest.fixture
def log_file(tmp_path):
    path = logs.setup_logging(tmp_path / "swdesk.log")
    yield path
    logs.stop_logging()


def test_the_crash_dialog_copies_the_log_with_the_traceback(qtbot, log_file):
    logging.getLogger("swdesk.gui").info("an earlier line of the log")
    QGuiApplication.clipboard().clear()
    seen = {}

    def copy(dialog):
        seen["type"] = type(dialog)
        seen["title"] = dialog.windowTitle()
        seen["message"] = dialog.message.text()
        seen["where"] = dialog.where.text()
        seen["buttons"] = (dialog.copy_button.text(), dialog.folder_button.text())
        dialog.copy_button.click()
        seen["copied"] = dialog.copied.text()
        seen["still open"] = dialog.isVisible()
        dialog.reject()

    when_modal(copy)
    show_error(None, _raised())
    assert seen["type"] is CrashDialog
    assert seen["title"] == "swdesk — kļūda"
    assert seen["message"].startswith(
        "Notika kaut kas, ko programma negaidīja: the caseload total went missing"
    )
    assert seen["where"] == f"Žurnālfails: {log_file}"
    assert seen["buttons"] == ("Kopēt žurnālu", "Atvērt žurnāla mapi")
    assert seen["copied"].startswith("Žurnāls nokopēts.") and seen["still open"]
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("swdesk ")  # the version and the system first
    assert "an earlier line of the log" in copied
    assert "Traceback (most recent call last)" in copied
    assert "in deep_in_the_program" in copied
    assert "RuntimeError: the caseload total went missing" in copied
    assert copied.count("RuntimeError: the caseload total went missing") == 1  # the log's copy, not twice
    assert "RuntimeError: the caseload total went missing" in log_file.read_text(encoding="utf-8")


def test_without_a_log_file_the_copy_is_the_traceback(qtbot):
    exc = _raised()
    from swdesk.gui.errors import traceback_text

    dialog = CrashDialog(None, title="t", message="m", trace=traceback_text(exc))
    qtbot.addWidget(dialog)
    assert dialog.folder_button.isHidden()
    assert dialog.where.text().startswith("Šoreiz žurnālfails netiek rakstīts")
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied
    assert "RuntimeError: the caseload total went missing" in copied


def test_an_expected_error_stays_a_plain_message(qtbot):
    from swdesk.db.database import DatabaseError

    seen = []

    def read(box):
        seen.append((type(box), box.text()))
        box.accept()

    when_modal(read)
    show_error(None, DatabaseError("Datubāze ir bojāta."))
    assert seen == [(QMessageBox, "Datubāze ir bojāta.")]


def test_an_exception_reaching_the_event_loop_opens_the_crash_dialog(qtbot, monkeypatch):
    import sys

    from swdesk.gui.errors import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    install_excepthook()
    seen = []

    def read(dialog):
        seen.append((type(dialog), dialog.message.text()))
        dialog.reject()

    when_modal(read)
    exc = _raised()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(seen) == 1 and seen[0][0] is CrashDialog
    assert "the caseload total went missing" in seen[0][1]
