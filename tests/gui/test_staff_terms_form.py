"""The staff form asks "from which date" when FTE, position, education, salary or unit change, and lists the
person's terms ("Izmaiņas laikā"); the checks of earlier periods keep the earlier values (issue 17)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.context import AppContext
from swdesk.gui.views.staff import StaffDialog


def _person(db) -> m.Staff:  # type: ignore[no-untyped-def]
    with db.write() as session:
        staff = m.Staff(tabeles_nr="5", first_name="Ieva", last_name="Kalna", position_code="SD",
                        fte=Decimal(1), start=dt.date(2021, 3, 1), education_code="E1", salary=Decimal(1400))
        session.add(staff)
    return staff


def _terms(db) -> list[tuple[dt.date, Decimal]]:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return [(t.valid_from, t.fte) for t in session.scalars(select(m.StaffTerm).order_by(m.StaffTerm.valid_from))]


def test_the_date_is_asked_only_when_a_dated_field_changes_and_the_history_lists_the_terms(qtbot, service_db):
    staff = _person(service_db)
    dialog = StaffDialog(AppContext(service_db), staff)
    qtbot.addWidget(dialog)
    dialog.show()
    asked = dialog.valid_from
    assert not asked.isVisible()  # nothing changed yet
    dialog.specialization.setText("Bērni un ģimenes")
    assert not asked.isVisible()  # not a field that changes from a date
    dialog.fte.setText("0,5")
    assert asked.isVisible()
    dialog.valid_from.set_date(dt.date(2020, 1, 1))  # before the start
    dialog.save()
    assert "darbinieks strādā no 01.03.2021" in dialog.error.text()
    assert _terms(service_db) == [(dt.date(2021, 3, 1), Decimal(1))]  # nothing written
    dialog.valid_from.set_date(dt.date(2025, 7, 1))
    dialog.save()
    assert dialog.result() == StaffDialog.DialogCode.Accepted
    assert _terms(service_db) == [(dt.date(2021, 3, 1), Decimal(1)), (dt.date(2025, 7, 1), Decimal("0.5"))]

    with service_db.read() as session:  # as the staff list hands the form its row
        reopened = StaffDialog(AppContext(service_db), session.get(m.Staff, staff.id))
    qtbot.addWidget(reopened)
    table = reopened.history
    assert table.rowCount() == 2
    assert [table.item(0, 0).text(), table.item(0, 2).text()] == ["01.07.2025", "0,5"]  # newest first
    assert table.item(1, 0).text() == "01.03.2021"
    assert reopened.history_label.text() == "Izmaiņas laikā"
