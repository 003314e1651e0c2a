"""Pienākumi: a duty entered through the form shows in the table and in the person's share."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.duties import DutyDialog, DutyRow
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
    with main_window.database.read() as session:
        staff_id = session.scalars(select(m.Staff.id)).one()

    def fill(dialog):
        assert isinstance(dialog, DutyDialog)
        dialog.date.set_date(dt.date(year, 1, 2))
        dialog.staff.set_staff_id(staff_id)
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


# --- a month's total (SPEC §5 Pienākumi): up to the month's contracted hours, refused above -------------------


def _person(main_window, *, nr: str = "8", fte: str = "1") -> int:
    with main_window.database.write() as session:
        person = m.Staff(
            tabeles_nr=nr,
            first_name="Zane",
            last_name="Lapa",
            position_code="SD",
            fte=Decimal(fte),
            start=dt.date(2020, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        session.add(person)
        session.flush()
        return person.id


def _fill(dialog: DutyDialog, staff_id: int, day: dt.date, hours: str) -> None:
    dialog.staff.setCurrentIndex(dialog.staff.findData(staff_id))
    dialog.date.set_date(day)
    dialog.category.setCurrentIndex(dialog.category.findData("NS_PARTIKA"))
    dialog.hours.setText(hours)


def _march_hours(main_window) -> list[Decimal]:
    with main_window.database.read() as session:
        return sorted(session.scalars(select(m.Duty.hours).where(m.Duty.date >= dt.date(2025, 3, 1))).all())


def test_the_form_explains_that_a_month_total_may_be_entered(main_window):
    view = main_window.view("duties")
    dialog = DutyDialog(view.ctx, 2025, parent=view)
    assert "mēneša kopsumma" in dialog.hours_hint.text()
    assert "darba dienas × 8 h × slodze" in dialog.hours_hint.text()


def test_the_form_takes_a_months_total_and_refuses_an_impossible_month(main_window, tmp_path):
    """March 2025 has 21 working days: a full-time person's month holds at most 168 h of duties."""
    from swdesk.importer.importer import import_workbook
    from tests.test_import_support import HEADERS, write_xlsx

    staff_id = _person(main_window)
    view = main_window.view("duties")

    dialog = DutyDialog(view.ctx, 2025, parent=view)
    _fill(dialog, staff_id, dt.date(2025, 3, 3), "40")  # "in March, 40 h on food parcels"
    dialog.save()
    assert dialog.result() == DutyDialog.DialogCode.Accepted
    dialog = DutyDialog(view.ctx, 2025, parent=view)
    _fill(dialog, staff_id, dt.date(2025, 3, 31), "128")  # 40 + 128 = 168: exactly the month
    dialog.save()
    assert dialog.result() == DutyDialog.DialogCode.Accepted
    assert _march_hours(main_window) == [Decimal(40), Decimal(128)]

    dialog = DutyDialog(view.ctx, 2025, parent=view)
    _fill(dialog, staff_id, dt.date(2025, 3, 14), "0,5")  # 168,5 h > 168 h
    dialog.save()
    assert dialog.result() != DutyDialog.DialogCode.Accepted
    assert not dialog.error.isHidden()
    message = dialog.error.text()
    assert message.startswith("Zane Lapa (tabeles nr. 8), 2025. gada marts: ")
    assert "kopā būtu 168,50 h" in message and "mēneša darba laiks pēc slodzes ir 168,00 h" in message
    assert "No tām 168,00 h jau ir ierakstītas." in message
    assert _march_hours(main_window) == [Decimal(40), Decimal(128)]  # nothing written

    # the import refuses the same entry with the same words
    path = write_xlsx(
        tmp_path / "a.xlsx", {"Pienākumi": [HEADERS["Pienākumi"], ["8", "14.03.2025", "NS_PARTIKA", "0,5", None]]}
    )
    result = import_workbook(main_window.database, path)
    assert [(p.sheet, p.row, p.column, p.message) for p in result.problems] == [
        ("Pienākumi", 2, "Stundas", message)
    ]
    assert _march_hours(main_window) == [Decimal(40), Decimal(128)]


def test_editing_an_entry_replaces_its_old_hours_in_the_month(main_window):
    """Half time in March 2025: 84 h. Editing 80 h to 84 h is fine (the old 80 h do not count twice)."""
    staff_id = _person(main_window, nr="12", fte="0.5")
    with main_window.database.write() as session:
        session.add(m.Duty(staff_id=staff_id, date=dt.date(2025, 3, 1), category_code="NS_ADMIN", hours=80))
        duty_id = session.scalars(select(m.Duty.id)).one()
    view = main_window.view("duties")
    row = DutyRow(duty_id, dt.date(2025, 3, 1), "Zane Lapa", "", Decimal(80), "", staff_id, "NS_ADMIN")

    dialog = DutyDialog(view.ctx, 2025, row, parent=view)
    dialog.hours.setText("84")
    dialog.save()
    assert dialog.result() == DutyDialog.DialogCode.Accepted
    assert _march_hours(main_window) == [Decimal(84)]

    dialog = DutyDialog(view.ctx, 2025, row, parent=view)
    dialog.hours.setText("84,25")
    dialog.save()
    assert dialog.result() != DutyDialog.DialogCode.Accepted
    assert dialog.error.text().startswith("Zane Lapa (tabeles nr. 12), 2025. gada marts: ")
    assert "84,25 h" in dialog.error.text() and "84,00 h" in dialog.error.text()
    assert "jau ir ierakstītas" not in dialog.error.text()  # the entry's own old hours are not "recorded"
    assert _march_hours(main_window) == [Decimal(84)]
