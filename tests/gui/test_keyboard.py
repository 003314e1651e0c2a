"""Keyboard first (issue 14, point 2): every shortcut driven on the main window as a person presses it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from swdesk.db import models as m
from swdesk.gui.mainwindow import VIEW_KEYS
from swdesk.gui.operations import wait_all
from tests.gui.helpers import when_modal


def _people(database, count: int = 3) -> None:
    with database.write() as session:
        for i, (first, last) in enumerate((("Anna", "Avotiņa"), ("Bruno", "Bērziņš"), ("Cēsis", "Čakste"))[:count]):
            session.add(
                m.Staff(
                    tabeles_nr=str(i + 1),
                    first_name=first,
                    last_name=last,
                    position_code="SD",
                    fte=Decimal("1"),
                    start=dt.date(2020, 1, 1),
                    education_code="E1",
                    salary=Decimal("1500"),
                )
            )


def _active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_ctrl_digits_switch_to_the_views_in_the_navigations_order(qtbot, main_window):
    _active(qtbot, main_window)
    for number, key in zip("1234567890", VIEW_KEYS, strict=False):
        qtbot.keyClick(main_window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert main_window.current_view_key() == key
        assert main_window.stack.currentWidget() is main_window.view(key)
        wait_all()
    assert main_window.current_view_key() == VIEW_KEYS[9]


def test_ctrl_f_goes_to_the_filter_and_down_goes_on_to_the_list(qtbot, main_window):
    _people(main_window.database)
    _active(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = main_window.view("staff")
    assert view.table.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filter.hasFocus()
    qtbot.keyClicks(view.filter, "berz")  # typed without Latvian letters
    assert view.proxy.rowCount() == 1
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.selected().last_name == "Bērziņš"


def test_every_list_view_has_a_filter_for_ctrl_f(qtbot, main_window):
    from swdesk.gui.keyboard import filter_field

    _active(qtbot, main_window)
    for key in ("staff", "vacancies", "caseloads", "duties", "training", "findings"):
        main_window.show_view(key)
        wait_all()
        qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        field = filter_field(main_window.view(key))
        assert isinstance(field, QLineEdit) and field.hasFocus(), key


def test_ins_ctrl_n_enter_and_del_in_a_list(qtbot, main_window):
    _people(main_window.database)
    _active(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = main_window.view("staff")
    seen: list[str] = []

    def note(dialog) -> None:
        seen.append(dialog.windowTitle())
        dialog.discard() if hasattr(dialog, "discard") else dialog.reject()

    for key, modifier in ((Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)):
        _active(qtbot, main_window)  # back from the dialog before
        when_modal(note)
        qtbot.keyClick(view.table, key, modifier)
    assert seen == ["Jauns darbinieks", "Jauns darbinieks"]

    view.table.selectRow(1)
    _active(qtbot, main_window)
    when_modal(note)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert seen[-1] == "Labot darbinieku"

    asked: list[str] = []

    def answer_yes(box) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(answer_yes)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(asked) == 1 and "Bērziņš" in asked[0]
    with main_window.database.read() as session:
        assert session.query(m.Staff).count() == 2


def test_each_list_has_its_keys(qtbot, main_window):
    """Enter and Del reach every list of records: those of RecordActions, Kritēriji's three lists and its
    Dienests tab, Plānošana's scenarios; Enter in Pārbaudes opens the record a finding concerns."""
    from swdesk.gui.keyboard import list_keys

    def named(key: str) -> dict[str, tuple[bool, bool, bool]]:
        view = main_window.show_view(key)
        wait_all()
        return {
            k.table.objectName() or type(k.table).__name__ + str(i): (k.add is not None, k.edit is not None, k.delete is not None)
            for i, k in enumerate(list_keys(view))
        }

    for key in ("staff", "vacancies", "duties", "training"):
        assert list(named(key).values()) == [(True, True, True)], key
    assert list(named("findings").values()) == [(False, True, False)]
    assert sorted(named("criteria").values()) == sorted(
        [(True, True, True), (False, True, False), (True, True, True), (True, True, True), (True, True, True)]
    )  # (the fifth: Dienests → Struktūrvienības)
    assert list(named("planning").values()) == [(True, False, True)]
