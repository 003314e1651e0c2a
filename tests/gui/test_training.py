"""Apmācības un supervīzijas: events entered, edited and deleted in the form; hours per person against the norm."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.training import EventDialog
from tests.gui.helpers import when_modal

YEAR = dt.date.today().year


@pytest.fixture
def view(qtbot, main_window):  # type: ignore[no-untyped-def]
    with main_window.database.write() as session:
        session.add(
            m.Staff(
                tabeles_nr="8",
                first_name="Zane",
                last_name="Lapa",
                position_code="SD",  # 24 training hours a year and the supervision norm
                fte=Decimal("1"),
                start=dt.date(YEAR - 3, 1, 1),
                education_code="E1",
                salary=Decimal("1500"),
            )
        )
    view = main_window.view("training")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        main_window.show_view("training")
    with main_window.database.read() as session:
        view.staff_id = session.scalars(select(m.Staff.id)).one()
    return view


def _person_and_date(view, dialog, day=None):  # type: ignore[no-untyped-def]
    """What a new event needs besides its duration: its date and who took part."""
    dialog.date.set_date(day or dt.date(YEAR, 1, 15))
    dialog.staff.set_staff_ids([view.staff_id])


def _enter(qtbot, view, fill, *, edit: bool = False):  # type: ignore[no-untyped-def]
    seen = when_modal(fill)
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.edit_selected() if edit else view.add()
    return seen


def test_an_event_in_academic_hours_counts_its_minutes_and_shows_against_the_norm(qtbot, view):
    def fill(dialog):
        assert isinstance(dialog, EventDialog)
        _person_and_date(view, dialog)
        dialog.kind.setCurrentIndex(dialog.kind.findData("training"))
        dialog.duration.setText("8")
        dialog.unit.setCurrentIndex(dialog.unit.findData("academic_hours"))  # 45 minutes each by default
        dialog.topic.setText("Motivējošā intervēšana")
        dialog.cost.setText("120,50")
        dialog.save()

    _enter(qtbot, view, fill)
    with view.ctx.database.read() as session:
        event = session.scalars(select(m.TrainingEvent)).one()
        assert (event.minutes, event.duration, event.duration_unit) == (360, Decimal(8), "academic_hours")
        assert event.cost == Decimal("120.50")
    assert view.model.rowCount() == 1
    assert view.model.index(0, 4).data() == "8,00 ak. st."
    assert view.model.index(0, 5).data() == "6,00"
    person = view.hours.rows[0]
    assert person.staff == "Zane Lapa" and person.training == Decimal(6)
    # 6 of the 24 yearly hours by today: short of the norm prorated to today, unless it is early January
    required = person.training_required
    assert view.hours.index(0, 2).data() == f"6,00 / {required:.2f}".replace(".", ",")
    assert (view.hours.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None) == (required > 6)


def test_editing_an_event_changes_it_and_the_totals(qtbot, view):
    def add(dialog):
        _person_and_date(view, dialog)
        dialog.duration.setText("2")
        dialog.unit.setCurrentIndex(dialog.unit.findData("hours"))
        dialog.save()

    _enter(qtbot, view, add)
    view.table.selectRow(0)

    def edit(dialog):
        assert dialog.windowTitle() == "Labot ierakstu"
        assert dialog.duration.text() == "2,00"
        dialog.duration.setText("30")
        dialog.save()

    _enter(qtbot, view, edit, edit=True)
    with view.ctx.database.read() as session:
        assert session.scalars(select(m.TrainingEvent.minutes)).all() == [1800]
    person = view.hours.rows[0]
    assert person.training == Decimal(30) and person.training_met
    assert view.hours.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None


def test_a_duration_that_is_not_whole_minutes_is_refused_and_nothing_is_written(qtbot, view):
    messages = []

    def fill(dialog):
        _person_and_date(view, dialog)
        dialog.duration.setText("1,3")  # 1,3 × 45 = 58,5 minutes
        dialog.unit.setCurrentIndex(dialog.unit.findData("academic_hours"))
        dialog.save()
        messages.append(dialog.error.text())
        assert dialog.isVisible()  # the form stays open to be corrected

    when_modal(fill)
    view.add()
    # the import's words (the records layer's one rule for every door)
    assert messages == ["Ilgums 1,3 (akadēmiskās stundas) ir 58,5 minūtes; ilgumam jābūt veselās minūtēs."]
    with view.ctx.database.read() as session:
        assert session.scalars(select(m.TrainingEvent)).all() == []


def test_delete_asks_first(qtbot, view, monkeypatch):
    def add(dialog):
        _person_and_date(view, dialog)
        dialog.duration.setText("90")
        dialog.unit.setCurrentIndex(dialog.unit.findData("minutes"))
        dialog.kind.setCurrentIndex(dialog.kind.findData("supervision_group"))
        dialog.save()

    _enter(qtbot, view, add)
    view.table.selectRow(0)
    asked = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.delete_selected()
    assert asked and "Zane Lapa" in asked[0] and "1,50 h" in asked[0]
    with view.ctx.database.read() as session:
        assert session.scalars(select(m.TrainingEvent)).all() == []
    assert view.model.rowCount() == 0


def test_training_models(qtmodeltester, qtbot, view):
    def add(dialog):
        _person_and_date(view, dialog)
        dialog.duration.setText("3")
        dialog.save()

    _enter(qtbot, view, add)
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.hours, force_py=True)
