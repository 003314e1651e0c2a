"""Pienākumi: a duty entered through the form shows in the table and in the person's share."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.duties import DutyDialog
from tests.gui.helpers import when_modal


def test_add_a_duty_and_see_the_share(qtbot, main_window):
    year = dt.date.today().year
    with main_window.database.write() as session:
        session.add(
            m.Staff(
                tabeles_nr="8",
                first_name="Zane",
                last_name="Lapa",
                position_code="SD",
                fte=Decimal("1"),
                start=dt.date(year, 1, 1),
                education_code="E1",
                salary=Decimal("1500"),
            )
        )
    view = main_window.view("duties")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        main_window.show_view("duties")

    def fill(dialog):
        assert isinstance(dialog, DutyDialog)
        dialog.date.set_date(dt.date(year, 1, 2))
        dialog.category.setCurrentIndex(dialog.category.findData("NS_TRANSP"))
        dialog.hours.setText("7,5")
        dialog.save()

    when_modal(fill)
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.add()
    with main_window.database.read() as session:
        assert session.scalars(select(m.Duty.hours)).all() == [Decimal("7.5")]
    assert view.model.rowCount() == 1
    assert view.model.index(0, 2).data() == "7,50"
    total = view.totals.rows[0]
    assert total.staff == "Zane Lapa" and total.hours == Decimal("7.5") and total.share is not None


def test_edit_a_duty_in_its_form(qtbot, main_window):
    year = dt.date.today().year
    with main_window.database.write() as session:
        person = m.Staff(
            tabeles_nr="9",
            first_name="Ilze",
            last_name="Kalna",
            position_code="SD",
            fte=Decimal("1"),
            start=dt.date(year, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        session.add(person)
        session.flush()
        session.add(m.Duty(staff_id=person.id, date=dt.date(year, 1, 5), category_code="NS_TRANSP", hours=2))
    view = main_window.view("duties")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        main_window.show_view("duties")
    assert not view.edit_button.isEnabled()  # nothing chosen yet
    view.table.selectRow(0)
    assert view.edit_button.isEnabled()

    def edit(dialog):
        assert dialog.windowTitle() == "Labot pienākumu"
        assert dialog.hours.text() == "2,00" and dialog.category.currentData() == "NS_TRANSP"
        dialog.hours.setText("3,25")
        dialog.description.setText("Klientu pārvadāšana")
        dialog.save()

    when_modal(edit)
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.edit_selected()
    with main_window.database.read() as session:
        duty = session.scalars(select(m.Duty)).one()  # changed in place, not added
        assert (duty.hours, duty.description) == (Decimal("3.25"), "Klientu pārvadāšana")
    assert view.totals.rows[0].hours == Decimal("3.25")


def test_duty_models(qtmodeltester, main_window):
    view = main_window.view("duties")
    qtmodeltester.check(view.model, force_py=True)
    qtmodeltester.check(view.totals, force_py=True)
