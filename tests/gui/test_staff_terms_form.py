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


def test_the_caseload_grid_of_a_past_month_keeps_that_month_s_fte(qtbot, main_window):
    """The symptom of issue 17: halving the FTE today turned her earlier caseload cells red."""
    from swdesk import staff_terms
    from swdesk.gui.views.caseloads import FIXED

    db = main_window.database
    staff = _person(db)
    with db.write() as session:
        session.add(m.Criterion(position_code="*", work_type_code="GAD", unit_code="LIETAS",
                                max_per_fte=Decimal(25)))
        for month in (dt.date(2025, 6, 1), dt.date(2025, 7, 1)):
            session.add(m.Caseload(staff_id=staff.id, month=month, work_type_code="GAD", cases=20))
        row = session.get(m.Staff, staff.id)
        assert row is not None
        staff_terms.change_from(session, row, {"fte": Decimal("0.5")}, dt.date(2025, 7, 1))
    view = main_window.show_view("caseloads")
    view.set_month(dt.date(2025, 6, 1))
    column = FIXED + view.model.pairs.index(("GAD", "LIETAS"))
    assert view.model.index(0, 1).data() == "1,0"
    assert not view.model.is_over(0, column)  # June: 20 on 1,0 FTE
    view.set_month(dt.date(2025, 7, 1))
    assert view.model.index(0, 1).data() == "0,5"
    assert view.model.is_over(0, column)  # July: 20 on 0,5 FTE = 40 > 25
    # the overview's chart of cases per FTE by month: June at 1,0, July at 0,5
    from swdesk.gui.views.dashboard import load_dashboard

    by_month = dict(load_dashboard(db, 2025, today=dt.date(2025, 12, 31)).caseload_by_month)
    assert (by_month[6], by_month[7]) == (20.0, 40.0)
