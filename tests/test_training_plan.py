"""The training and supervision plan (issue 13 part 3): a planned event is counted by no claim, check, survey
or council report until it is marked done; the plan foresees its compensation by the claim's own rules and
flags, before it happens, an event that would go past its person's yearly compensable cap."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from swdesk import planning
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.export import report_for_year
from swdesk.rules.checks import check_year
from swdesk.rules.claim import build_claim
from swdesk.rules.periods import parse_period
from swdesk.rules.survey import survey_for_date

D = Decimal


@pytest.fixture
def anna(db: Database) -> int:
    """A social worker (training norm and yearly cap 24 h) with 16 h of paid training done in March."""
    with db.write() as s:
        s.add(m.Service(name="Valkas novada sociālais dienests", municipality="Valkas novads"))
        s.add(m.Population(year=2025, residents=900))
        person = m.Staff(tabeles_nr="1", first_name="Anna", last_name="Bērziņa", position_code="SD", fte=D(1),
                         start=dt.date(2020, 1, 1), education_code="E1", salary=D(1400))
        s.add(person)
        s.flush()
        s.add(m.TrainingEvent(staff_id=person.id, date=dt.date(2025, 3, 10), kind="training", minutes=16 * 60,
                              duration=D(16), duration_unit="hours", cost=D(160), invoice="R-1"))
        return person.id


def _plan(db: Database, staff_id: int, minutes: int) -> int:
    with db.write() as s:
        return planning.add_planned_event(s, staff_id=staff_id, date=dt.date(2025, 11, 10), kind="training",
                                          minutes=minutes, cost=D(80), invoice="R-2", topic="Gadījuma vadīšana")


def _counted(db: Database) -> dict[str, object]:
    """What the claim, the check, the survey and the council report make of the year's training."""
    with db.read() as s:
        claim = build_claim(s, parse_period("2025"))
        check = check_year(s, year=2025, as_of=dt.date(2025, 12, 31))
        survey = survey_for_date(s, date=dt.date(2026, 2, 1))
        report = report_for_year(s, year=2025, as_of=dt.date(2025, 12, 31))
    return {
        "claim_rows": len(claim.rows),
        "claim_minutes": claim.totals.minutes,
        "training_finding": [f.value for f in check.for_rule("training.hours")],
        "survey_training_met": survey.previous_year.training_met_share,
        "report_training_met": report.training_met,
    }


def test_a_planned_event_counts_nowhere_until_it_is_done(db: Database, anna: int) -> None:
    before = _counted(db)
    event = _plan(db, anna, 8 * 60)
    assert _counted(db) == before == {
        "claim_rows": 1, "claim_minutes": 16 * 60, "training_finding": [D("16.00")],
        "survey_training_met": D(0), "report_training_met": 0,
    }
    with db.write() as s:
        planning.mark_done(s, event)
    assert _counted(db) == {
        "claim_rows": 2, "claim_minutes": 24 * 60, "training_finding": [],
        "survey_training_met": D(1), "report_training_met": 1,
    }


def test_the_plan_says_what_is_left_and_what_the_plan_would_bring(db: Database, anna: int) -> None:
    _plan(db, anna, 8 * 60)
    with db.read() as s:
        plan = planning.training_plan(s, year=2025)
    person = plan.people[0]
    assert person.training_needed == D("8.00")  # 24 h norm, 16 h done: the planned 8 h are not done yet
    assert person.cap_left["training"] == 8 * 60
    assert person.planned_minutes["training"] == 8 * 60
    # compensated as the claim would: 80 EUR eligible × 0,50
    assert person.expected_compensation == plan.expected_compensation == D("40.00")
    assert plan.warnings == []  # exactly up to the cap: no warning


def test_a_planned_event_past_the_cap_is_flagged_before_it_happens(db: Database, anna: int) -> None:
    _plan(db, anna, 8 * 60 + 1)  # one minute past the 24 h the year compensates
    with db.read() as s:
        plan = planning.training_plan(s, year=2025)
    [warned] = plan.warnings
    assert (warned.minutes, warned.compensable_minutes) == (481, 480)
    assert "pārsniedz gada kompensējamo limitu" in warned.warning()
    assert "kompensējamas tikai 8,00 h no 8,02 h" in warned.warning()


def test_a_planned_event_wholly_past_the_cap_is_flagged(db: Database, anna: int) -> None:
    _plan(db, anna, 8 * 60)
    with db.write() as s:
        planning.add_planned_event(s, staff_id=anna, date=dt.date(2025, 12, 1), kind="training", minutes=60,
                                   cost=D(10), invoice="R-3")
    with db.read() as s:
        plan = planning.training_plan(s, year=2025)
    assert [(w.date, w.excluded, w.compensation) for w in plan.warnings] == [
        (dt.date(2025, 12, 1), "over_annual_cap", D("0.00"))]


def test_only_planned_events_can_be_marked_done_or_removed_from_the_plan(db: Database, anna: int) -> None:
    with db.read() as s:
        done_id = s.query(m.TrainingEvent.id).scalar()
    with db.write() as s, pytest.raises(planning.PlanningError, match="Plānotā notikuma nav"):
        planning.delete_planned_event(s, done_id)
    event = _plan(db, anna, 60)
    with db.write() as s:
        planning.delete_planned_event(s, event)
    with db.read() as s:
        assert s.query(m.TrainingEvent).count() == 1


def test_an_import_reporting_a_planned_event_marks_it_done(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from swdesk.importer.importer import import_workbook
    from tests.test_import_support import valid_sheets, write_xlsx

    sheets = valid_sheets()
    assert import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets)).problems == []
    with db.write() as s:
        events = s.query(m.TrainingEvent).all()
        for event in events:
            event.planned = True
    result = import_workbook(db, write_xlsx(tmp_path / "b.xlsx", sheets))
    assert result.counts["Apmācības"].updated == len(events) > 0
    with db.read() as s:
        assert s.query(m.TrainingEvent).filter(m.TrainingEvent.planned.is_(True)).count() == 0
        assert s.query(m.TrainingEvent).count() == len(events)


def test_the_training_view_lists_done_events_only(db: Database, anna: int) -> None:
    from swdesk.gui.views.training import load_training

    _plan(db, anna, 60)
    assert [e.date for e in load_training(db, 2025).events] == [dt.date(2025, 3, 10)]


def test_a_planned_event_is_checked_and_recorded_as_any_training_event(db: Database, anna: int) -> None:
    """The plan writes through the records layer: the same refusal as a form or an import gives for the same
    value, and every step (planned, done, removed) in the change history."""
    from swdesk import records
    from swdesk.records import history

    with db.write() as s, pytest.raises(planning.PlanningError) as refused:
        planning.add_planned_event(s, staff_id=anna, date=dt.date(2025, 11, 10), kind="training", minutes=60,
                                   cost=D(-5))
    with db.read() as s:
        expected = records.validate(s, "training", {"staff_id": anna, "date": dt.date(2025, 11, 10),
                                                    "kind": "training", "form": "in_person", "duration": D(1),
                                                    "duration_unit": "hours", "cost": D(-5)})
    assert [p.message for p in expected] and str(refused.value) == " ".join(p.message for p in expected)
    event = _plan(db, anna, 90)
    with db.write() as s, records.source(s, "komanda:plan"):
        planning.mark_done(s, event)
    with db.read() as s:
        changes = history.find(s, kind="training", key=event)
    assert {(c.op, c.field) for c in changes} >= {("add", None), ("change", "planned")}
