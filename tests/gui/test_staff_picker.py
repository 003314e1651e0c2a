"""Big lists (issue 18, point 4): an employee is picked by typing part of a name or number on a 900-person
list, diacritics ignored; former staff are not offered; one training form for several participants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert, select

from swdesk.db import models as m
from swdesk.gui.views.duties import DutyDialog
from swdesk.gui.views.training import EventDialog
from tests.gui.helpers import when_modal

FIRST = ("Anna", "Baiba", "Dace", "Ilze", "Inese", "Kaspars", "Laura", "Māris", "Rūta", "Zane")
LAST = ("Apine", "Bērziņa", "Kalniņa", "Kronberga", "Liepiņa", "Ozola", "Puriņa", "Sīle", "Vītola")


@pytest.fixture
def big(service_db):  # type: ignore[no-untyped-def]
    """900 staff, among them Jānis Ķēniņš, Kārlis Kalns, Kaspars Kronbergs and Pēteris Vecais, who left in 2021."""
    rows = [
        dict(
            tabeles_nr=f"{i:04d}",
            first_name=FIRST[i % len(FIRST)],
            last_name=LAST[(i // len(FIRST)) % len(LAST)],
            position_code="SD",
            fte=Decimal(1),
            start=dt.date(2015, 1, 1),
            education_code="E1",
            salary=Decimal(1500),
        )
        for i in range(896)
    ]
    for nr, first, last, end in (
        ("0901", "Jānis", "Ķēniņš", None),
        ("0902", "Kārlis", "Kalns", None),
        ("0903", "Kaspars", "Kronbergs", None),
        ("0904", "Pēteris", "Vecais", dt.date(2021, 6, 30)),
    ):
        rows.append(
            dict(
                tabeles_nr=nr, first_name=first, last_name=last, position_code="SD", fte=Decimal(1),
                start=dt.date(2015, 1, 1), end=end, education_code="E1", salary=Decimal(1500),
            )
        )
    with service_db.write() as session:
        session.execute(insert(m.Staff), rows)
    return service_db


def _id(database, nr: str) -> int:
    with database.read() as session:
        return session.scalars(select(m.Staff.id).where(m.Staff.tabeles_nr == nr)).one()


def _dialog(qtbot, database, cls=DutyDialog):  # type: ignore[no-untyped-def]
    from swdesk.gui.context import AppContext

    dialog = cls(AppContext(database), dt.date.today().year)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def _type_and_pick(qtbot, picker, text: str) -> list[str]:
    """Type into the picker as a person does, then take the first match with ↓ and Enter; returns what the
    list offered."""
    qtbot.waitUntil(lambda: picker.lineEdit().text() == "")  # a multi-person picker empties itself
    picker.lineEdit().setFocus()
    qtbot.keyClicks(picker.lineEdit(), text)
    popup = picker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    return offered


def test_pick_an_employee_by_typing_part_of_the_surname_on_a_900_person_list(qtbot, big):
    dialog = _dialog(qtbot, big)
    picker = dialog.staff
    assert picker.count() == 899  # everyone employed today; the one who left in 2021 is not offered
    assert picker.staff_id() is None  # nobody is chosen for the head

    offered = _type_and_pick(qtbot, picker, "kenin")  # no Latvian letters typed: Ķēniņš is found
    assert offered == ["Jānis Ķēniņš (0901)"]
    assert picker.staff_id() == _id(big, "0901")
    assert picker.currentText() == "Jānis Ķēniņš (0901)"


def test_kaln_finds_the_surname_not_a_first_name_that_starts_alike(qtbot, big):
    dialog = _dialog(qtbot, big)
    offered = _type_and_pick(qtbot, dialog.staff, "Kaln")
    assert "Kaspars Kronbergs (0903)" not in offered
    assert offered[0].startswith("Anna Kalniņa") and "Kārlis Kalns (0902)" in offered
    assert all("kaln" in text.lower() for text in offered)
    dialog.staff.set_staff_id(None)
    assert _type_and_pick(qtbot, dialog.staff, "kalns 0902") == ["Kārlis Kalns (0902)"]  # words in any part


def test_former_staff_are_not_offered_unless_the_date_is_in_their_employment(qtbot, big):
    dialog = _dialog(qtbot, big)
    former = _id(big, "0904")
    assert dialog.staff.findData(former) < 0
    dialog.date.set_date(dt.date(2021, 3, 1))  # a duty of March 2021: he still worked then
    assert dialog.staff.findData(former) >= 0
    dialog.staff.set_staff_id(former)
    assert dialog.staff_warning.isHidden()
    dialog.date.set_date(dt.date(2021, 9, 1))  # the date corrected to after he left: said at once
    assert not dialog.staff_warning.isHidden()
    assert "Pēteris Vecais (0904): darba attiecības beidzās 30.06.2021." in dialog.staff_warning.text()
    assert "darba attiecības beigušās 30.06.2021" in dialog.staff.currentText()


def test_one_training_form_for_several_participants_stores_a_row_each(qtbot, big):
    dialog = _dialog(qtbot, big, EventDialog)
    dialog.date.set_date(dt.date.today())
    participants = dialog.staff
    _type_and_pick(qtbot, participants.picker, "kenin")
    _type_and_pick(qtbot, participants.picker, "kalns")
    _type_and_pick(qtbot, participants.picker, "kronbergs")
    qtbot.waitUntil(lambda: participants.picker.lineEdit().text() == "")  # emptied for the next name
    assert participants.staff_ids() == [_id(big, nr) for nr in ("0901", "0902", "0903")]
    assert participants.count.text() == "Dalībnieki: 3"
    dialog.kind.setCurrentIndex(dialog.kind.findData("supervision_group"))
    dialog.duration.setText("3")
    dialog.unit.setCurrentIndex(dialog.unit.findData("hours"))
    dialog.cost.setText("25")
    dialog.invoice.setText("R-17")
    dialog.save()
    assert dialog.result() == EventDialog.DialogCode.Accepted
    with big.read() as session:
        rows = session.execute(
            select(m.TrainingEvent.staff_id, m.TrainingEvent.minutes, m.TrainingEvent.cost, m.TrainingEvent.invoice)
            .order_by(m.TrainingEvent.id)
        ).all()
    assert rows == [(_id(big, nr), 180, Decimal("25.00"), "R-17") for nr in ("0901", "0902", "0903")]
    assert len(dialog.saved_ids) == 3


def test_a_new_event_is_selected_and_shown_after_saving(qtbot, main_window):
    with main_window.database.write() as session:
        for i in range(60):  # more than the table shows at once
            session.add(
                m.Staff(
                    tabeles_nr=str(i), first_name="Anna", last_name=f"Liepa{i:02d}", position_code="SD", fte=1,
                    start=dt.date(2020, 1, 1), education_code="E1", salary=1500,
                )
            )
        session.flush()
        people = session.scalars(select(m.Staff.id)).all()
        for day in range(1, 60):
            session.add(
                m.TrainingEvent(
                    staff_id=people[day], date=dt.date(dt.date.today().year, 1, 1) + dt.timedelta(days=day % 28),
                    kind="training", form="in_person", duration=1, duration_unit="hours", minutes=60,
                )
            )
    view = main_window.view("training")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        main_window.show_view("training")
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # by name: the new one will be far down

    with main_window.database.read() as session:
        last = session.scalars(select(m.Staff.id).where(m.Staff.tabeles_nr == "59")).one()

    def fill(dialog):
        dialog.date.set_date(dt.date(dt.date.today().year, 1, 2))
        dialog.staff.set_staff_ids([last])
        dialog.duration.setText("2")
        dialog.save()

    when_modal(fill)
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.add()
    chosen = view.selected()
    assert chosen is not None and chosen.staff == "Anna Liepa59" and chosen.minutes == 120
    rect = view.table.visualRect(view.table.selectionModel().selectedRows()[0])
    assert view.table.viewport().rect().intersects(rect)  # scrolled into view


def test_the_small_demo_preselects_nobody(qtbot, db):
    from swdesk.demo import generate_demo

    generate_demo(db, size="small", seed=1)
    dialog = _dialog(qtbot, db)
    assert dialog.staff.staff_id() is None and dialog.staff.currentText() == ""
    today = dt.date.today()
    with db.read() as session:
        former = session.scalars(select(m.Staff.id).where(m.Staff.end < today)).all()
    assert former and all(dialog.staff.findData(i) < 0 for i in former)
