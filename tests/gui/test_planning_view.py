"""Plānošana (issue 13): scenarios ticked are compared with today, a new scenario is saved through the core,
and the training plan marks a planned event done; the document buttons write the council document."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from swdesk import planning
from swdesk.db import models as m
from swdesk.rules import scenario as sc


def _with_staff(window) -> int:  # type: ignore[no-untyped-def]
    with window.database.write() as s:
        person = m.Staff(tabeles_nr="7", first_name="Līga", last_name="Egle", position_code="SD", fte=Decimal(1),
                         start=dt.date(2020, 1, 1), education_code="E1", salary=Decimal(1000))
        s.add(person)
        s.flush()
        planning.save_scenario(s, sc.ScenarioSpec("Divi jauni", dt.date(dt.date.today().year + 1, 1, 1), (
            sc.Change(sc.ADD_POSITION, position_code="SD", count=2, fte=Decimal(1), salary=Decimal(1300)),)))
        return person.id


def _shown(qtbot, window):  # type: ignore[no-untyped-def]
    view = window.view("planning")
    with qtbot.waitSignal(view.loaded, timeout=15_000):  # the comparison is computed off the UI thread
        window.show_view("planning")
    return view


def test_the_view_compares_ticked_scenarios_with_today(qtbot, main_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _with_staff(main_window)
    view = _shown(qtbot, main_window)
    assert view.scenario_model.rowCount() == 1
    assert [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())][1:] == ["Šodien", "Divi jauni"]
    sds = next(r for r in view.model.rows if r.key == "sds")
    assert sds.values == (Decimal("1.000"), Decimal("3.000"))
    assert "+2 × Sociālais darbinieks" in view.changes.text()
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        view.scenario_model.item(0).setCheckState(Qt.CheckState.Unchecked)  # unticked: today alone
    assert view.model.columnCount() == 2
    written = view.write_document(tmp_path / "b.pdf", "pdf")
    assert written.read_bytes().startswith(b"%PDF")


def test_a_new_scenario_is_saved_from_the_dialog(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    from swdesk.gui.views.planning import ScenarioDialog

    _with_staff(main_window)
    view = _shown(qtbot, main_window)
    dialog = ScenarioDialog(view.ctx, parent=view)
    qtbot.addWidget(dialog)
    dialog.name.setText("Pārtika citiem")
    dialog.amount.setText("50")
    dialog._add_move()
    dialog.raise_to_minimum.setChecked(True)
    dialog.save()
    assert dialog.result() == 1
    with main_window.database.read() as s:
        spec = planning.get_scenario(s, "Pārtika citiem")
    assert [c.kind for c in spec.changes] == [sc.MOVE_DUTIES, sc.RAISE_TO_MINIMUM]
    assert spec.changes[0].share == Decimal("0.5")


def test_a_planned_event_is_marked_done_from_the_plan(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    staff_id = _with_staff(main_window)
    with main_window.database.write() as s:
        planning.add_planned_event(s, staff_id=staff_id, date=dt.date.today(), kind="training", minutes=600,
                                   cost=Decimal(100))
    view = _shown(qtbot, main_window)
    with qtbot.waitSignal(view.plan_loaded, timeout=15_000):  # the plan is computed when its tab is shown
        view.tabs.setCurrentIndex(1)
    assert view.events_model.rowCount() == 1
    view.events.selectRow(0)
    with qtbot.waitSignal(view.plan_loaded, timeout=15_000):
        view.mark_done()
    assert view.events_model.rowCount() == 0
    with main_window.database.read() as s:
        assert s.query(m.TrainingEvent).filter(m.TrainingEvent.planned.is_(False)).count() == 1
