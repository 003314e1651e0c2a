"""Every edit form's Tab order follows its layout (issue 14): Tab pressed from the first field reaches each
field in the order the form shows them — rows top to bottom, left to right within a row — then the
buttons, and a multi-line field passes Tab on instead of typing it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from swdesk.db import models as m
from swdesk.gui.keyboard import layout_order


def _staff(database) -> m.Staff:
    with database.write() as session:
        person = m.Staff(
            tabeles_nr="1",
            first_name="Anna",
            last_name="Avotiņa",
            position_code="SD",
            fte=Decimal("1"),
            start=dt.date(2020, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        session.add(person)
        session.flush()
        session.expunge(person)
        return person


def _dialogs(window):
    """(name, a factory) for every edit form of the program, each as its view opens it for a new record."""
    from swdesk.gui.views.criteria import CriterionDialog, ScaleDialog, SettingDialog
    from swdesk.gui.views.duties import DutyDialog
    from swdesk.gui.views.planning import PlannedEventDialog, ScenarioDialog
    from swdesk.gui.views.service import PopulationDialog, ServiceDialog
    from swdesk.gui.views.staff import EndEmploymentDialog, StaffDialog
    from swdesk.gui.views.training import EventDialog
    from swdesk.gui.views.vacancies import VacancyDialog
    from swdesk.settings import KEYS, history

    ctx, year = window.ctx, 2025
    person = _staff(window.database)
    with window.database.read() as session:
        key = next(iter(KEYS))
        past = history(session, key)
    return {
        "StaffDialog": lambda: StaffDialog(ctx, parent=window),
        "EndEmploymentDialog": lambda: EndEmploymentDialog(person, parent=window),
        "VacancyDialog": lambda: VacancyDialog(ctx, parent=window),
        "DutyDialog": lambda: DutyDialog(ctx, year, parent=window),
        "EventDialog": lambda: EventDialog(ctx, year, parent=window),
        "CriterionDialog": lambda: CriterionDialog(ctx, parent=window),
        "ScaleDialog": lambda: ScaleDialog(ctx, parent=window),
        "SettingDialog": lambda: SettingDialog(ctx, key, key, past, parent=window),
        "ServiceDialog": lambda: ServiceDialog(ctx, parent=window),
        "PopulationDialog": lambda: PopulationDialog(ctx, parent=window),
        "ScenarioDialog": lambda: ScenarioDialog(ctx, parent=window),
        "PlannedEventDialog": lambda: PlannedEventDialog(ctx, parent=window),
    }


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({getattr(widget, 'text', lambda: '')() if hasattr(widget, 'text') else ''})"


NAMES = (
    "StaffDialog EndEmploymentDialog VacancyDialog DutyDialog EventDialog CriterionDialog ScaleDialog "
    "SettingDialog ServiceDialog PopulationDialog ScenarioDialog PlannedEventDialog"
).split()


@pytest.mark.parametrize("name", NAMES)
def test_tab_walks_each_form_in_its_layouts_order(qtbot, main_window, name):
    dialog = _dialogs(main_window)[name]()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    try:
        expected = [
            w
            for w in layout_order(dialog)
            if w.isVisibleTo(dialog) and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        assert len(expected) >= 3
        expected[0].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is expected[0])
        walked = [QApplication.focusWidget()]
        for _ in range(len(expected) - 1):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            walked.append(QApplication.focusWidget())
        assert [_name(w) for w in walked] == [_name(w) for w in expected]
        assert walked == expected
    finally:
        dialog.discard()


@pytest.mark.parametrize("name", NAMES)
def test_esc_on_each_form_with_a_change_asks_before_discarding_it(qtbot, main_window, name):
    """The dirty tracker covers every form: a change in its first field makes Esc ask; Discard closes it."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QMessageBox

    from tests.gui.helpers import when_modal

    dialog = _dialogs(main_window)[name]()
    asked: list[str] = []

    def change_then_escape(form) -> None:
        field = next(
            w
            for w in layout_order(form)
            if isinstance(w, QLineEdit | QComboBox | QAbstractSpinBox) and w.isEnabled() and w.isVisibleTo(form)
        )
        if isinstance(field, QComboBox) and not field.isEditable():
            field.setCurrentIndex((field.currentIndex() + 1) % max(field.count(), 2))
        elif isinstance(field, QAbstractSpinBox):
            field.stepUp()
        else:
            field.setFocus()
            qtbot.keyClicks(field, "7")

        def discard(box) -> None:
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Discard).click()

        when_modal(discard)
        qtbot.keyClick(form, Qt.Key.Key_Escape)

    when_modal(change_then_escape)
    assert not dialog.exec()
    assert asked == ["Saglabāt izmaiņas?"]
