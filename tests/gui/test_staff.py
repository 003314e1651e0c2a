"""Darbinieki: add through the form, validation, end employment, delete; the 1:1000 card follows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.staff import StaffDialog
from tests.gui.helpers import when_modal


def _fill(
    dialog: StaffDialog,
    *,
    nr: str,
    first: str,
    last: str,
    fte: str = "1,0",
    personal_code: str = "",
    position: str = "SD",
    education: str = "E3",
) -> None:
    dialog.tabeles_nr.setText(nr)
    dialog.first_name.setText(first)
    dialog.last_name.setText(last)
    dialog.personal_code.setText(personal_code)
    dialog.position.setCurrentIndex(dialog.position.findData(position))
    dialog.fte.setText(fte)
    dialog.start.set_date(dt.date(2020, 1, 1))
    dialog.education.setCurrentIndex(dialog.education.findData(education))
    dialog.salary.setText("1300,00")


def _wait_dashboard(qtbot, window):
    dashboard = window.view("dashboard")
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        window.show_view("dashboard")
    return dashboard


def test_adding_a_staff_member_changes_the_ratio_card(qtbot, main_window):
    window = main_window
    dashboard = window.view("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    card = dashboard.cards["ratio"]
    assert card.status.text() == "Nav izpildīta"
    assert "Nav speciālistu" in card.value.text()

    staff_view = window.show_view("staff")

    def fill_and_save(dialog):
        assert isinstance(dialog, StaffDialog)
        _fill(dialog, nr="101", first="Anna", last="Bērziņa", fte="1,0")
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )

    when_modal(fill_and_save)
    qtbot.mouseClick(staff_view.add_button, Qt.MouseButton.LeftButton)
    assert staff_view.model.rowCount() == 1
    assert staff_view.selected().tabeles_nr == "101"

    dashboard = _wait_dashboard(qtbot, window)
    card = dashboard.cards["ratio"]
    assert "5\u00a0000,0" in card.value.text()  # 5000 residents / 1,0 FTE
    assert card.status.text() == "Nav izpildīta"

    # a second specialist with 1,5 FTE: 5000 / 2,5 = 2000 residents per specialist
    def second(dialog):
        _fill(dialog, nr="102", first="Jānis", last="Ozols", fte="1,5")
        dialog.save()

    window.show_view("staff")
    opened = when_modal(second)
    staff_view.add()
    assert opened and opened[0].result() == StaffDialog.DialogCode.Accepted
    dashboard = _wait_dashboard(qtbot, window)
    assert "2\u00a0000,0" in dashboard.cards["ratio"].value.text()


def test_the_form_checks_what_is_typed(qtbot, service_db):
    from swdesk.gui.context import AppContext

    ctx = AppContext(service_db)
    dialog = StaffDialog(ctx)
    qtbot.addWidget(dialog)
    _fill(dialog, nr="7", first="Anna", last="Liepa", personal_code="010190-12345")
    dialog.save()
    assert "kontrolcipars" in dialog.error.text()  # the core's checksum message, in Latvian
    dialog.personal_code.setText("")
    dialog.fte.setText("0")
    dialog.save()
    assert "slodz" in dialog.error.text().lower()
    dialog.fte.setText("0,75")
    dialog.end.set_date(dt.date(2019, 1, 1))
    dialog.save()
    assert dialog.result() != StaffDialog.DialogCode.Accepted
    dialog.end.set_date(None)  # empty: the employment continues
    dialog.save()
    assert dialog.result() == StaffDialog.DialogCode.Accepted
    with service_db.read() as session:
        staff = session.scalars(select(m.Staff)).one()
        assert staff.fte == Decimal("0.75") and staff.personal_code is None


def test_end_employment_and_delete(qtbot, main_window):
    window = main_window
    with window.database.write() as session:
        session.add(
            m.Staff(
                tabeles_nr="5",
                first_name="Ieva",
                last_name="Kalna",
                position_code="SD",
                fte=1,
                start=dt.date(2021, 3, 1),
                education_code="E1",
                salary=1400,
            )
        )
    view = window.show_view("staff")
    view.refresh()
    assert view.select_tabeles_nr("5") is not None

    def end_yesterday(dialog):
        assert dialog.date.date_value() is None  # never assumed to be today
        dialog.date.set_date(dt.date.today() - dt.timedelta(days=1))
        dialog.save()

    when_modal(end_yesterday)
    view.end_selected()
    with window.database.read() as session:
        assert session.scalars(select(m.Staff.end)).one() == dt.date.today() - dt.timedelta(days=1)
    assert view.proxy.rowCount() == 0  # former staff are hidden …
    view.show_former.setChecked(True)
    assert view.proxy.rowCount() == 1  # … until asked for

    view.select_tabeles_nr("5")
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    view.delete_selected()
    with window.database.read() as session:
        assert session.scalars(select(m.Staff)).all() == []
    assert view.model.rowCount() == 0
