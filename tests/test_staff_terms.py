"""Values that apply from a date (issue 17 point 4): a change of FTE, position or salary from D leaves every
figure before D as it was, and the rules, claims and surveys use the value in force on each day.

The person of most tests: a social worker (SD) at FTE 1,0 since 2020, 25 cases a month (LIETAS, GAD); the
service's criterion is 30 cases per FTE per month; 1000 residents. From 01.07.2025 her FTE is 0,5.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from swdesk import staff_terms
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.rules import survey
from swdesk.rules.checks import check_year
from swdesk.rules.claim import build_claim
from swdesk.rules.duty_limit import Employment, duty_month_limit
from swdesk.rules.periods import parse_period
from swdesk.rules.worktime import working_days

D = dt.date
CHANGE = D(2025, 7, 1)


def _fill(database: Database) -> int:
    with database.write() as s:
        s.add(m.Service(name="Testa sociālais dienests", municipality="Valkas novads"))
        s.add_all([m.Population(year=2024, residents=1000), m.Population(year=2025, residents=1000)])
        s.add(m.Criterion(position_code="*", work_type_code="GAD", unit_code="LIETAS", max_per_fte=Decimal(30)))
        person = m.Staff(tabeles_nr="7", first_name="Līga", last_name="Ozoliņa", position_code="SD",
                         fte=Decimal(1), start=D(2020, 1, 1), education_code="E1", salary=Decimal(1700))
        s.add(person)
        s.flush()
        for year in (2024, 2025):
            for month in range(1, 13):
                s.add(m.Caseload(staff_id=person.id, month=D(year, month, 1), work_type_code="GAD", cases=25))
        return person.id


def _change(database: Database, staff_id: int, values: dict[str, object], day: dt.date) -> None:
    with database.write() as s:
        staff = s.get(m.Staff, staff_id)
        assert staff is not None
        staff_terms.change_from(s, staff, values, day)


def _findings(database: Database, year: int, as_of: dt.date | None = None) -> dict[str, tuple[object, ...]]:
    with database.read() as s:
        result = check_year(s, year=year, as_of=as_of or D(year, 12, 31))
    return {f.subject + " " + f.rule: (f.value, f.limit, f.message) for f in result.findings}


def _terms(database: Database, staff_id: int) -> list[tuple[dt.date, Decimal, str, Decimal]]:
    with database.read() as s:
        return [(t.valid_from, t.fte, t.position_code, t.salary) for t in s.scalars(
            select(m.StaffTerm).where(m.StaffTerm.staff_id == staff_id).order_by(m.StaffTerm.valid_from))]


# --- the core: a change from a date -------------------------------------------------------------------------


def test_a_new_person_has_one_term_from_the_start_and_a_change_adds_one(any_db: Database) -> None:
    sid = _fill(any_db)
    assert _terms(any_db, sid) == [(D(2020, 1, 1), Decimal("1.000"), "SD", Decimal("1700.00"))]
    _change(any_db, sid, {"fte": Decimal("0.5")}, CHANGE)
    assert _terms(any_db, sid) == [(D(2020, 1, 1), Decimal("1.000"), "SD", Decimal("1700.00")),
                                   (CHANGE, Decimal("0.500"), "SD", Decimal("1700.00"))]
    with any_db.read() as s:
        staff = s.get(m.Staff, sid)
        assert staff is not None
        assert staff.fte == Decimal("0.5")  # the staff row shows the newest values
        assert staff_terms.value_on(staff, D(2025, 6, 30)).fte == Decimal(1)
        assert staff_terms.value_on(staff, CHANGE).fte == Decimal("0.5")


def test_same_date_replaces_equal_change_adds_nothing_and_a_change_back_removes_the_term(db: Database) -> None:
    sid = _fill(db)
    _change(db, sid, {"fte": Decimal("0.5")}, CHANGE)
    _change(db, sid, {"fte": Decimal("0.75")}, CHANGE)  # the same date: that term is replaced
    assert [t[:2] for t in _terms(db, sid)] == [(D(2020, 1, 1), Decimal(1)), (CHANGE, Decimal("0.75"))]
    _change(db, sid, {"fte": Decimal("0.75")}, D(2025, 9, 1))  # what is in force already: no new term
    assert len(_terms(db, sid)) == 2
    _change(db, sid, {"salary": Decimal(1800)}, D(2025, 3, 1))  # before the FTE change: carried forward
    assert _terms(db, sid) == [(D(2020, 1, 1), Decimal(1), "SD", Decimal(1700)),
                               (D(2025, 3, 1), Decimal(1), "SD", Decimal(1800)),
                               (CHANGE, Decimal("0.75"), "SD", Decimal(1800))]
    _change(db, sid, {"fte": Decimal(1)}, CHANGE)  # back to what it was: the term says nothing any more
    assert [t[0] for t in _terms(db, sid)] == [D(2020, 1, 1), D(2025, 3, 1)]


def test_a_change_before_the_start_or_after_the_end_is_refused(db: Database) -> None:
    sid = _fill(db)
    with db.write() as s:
        staff = s.get(m.Staff, sid)
        assert staff is not None
        staff.end = D(2025, 10, 31)
    with pytest.raises(staff_terms.TermError, match="darbinieks strādā no 01.01.2020"):
        _change(db, sid, {"fte": Decimal("0.5")}, D(2019, 12, 31))
    with pytest.raises(staff_terms.TermError, match="darba attiecības beidzās 31.10.2025"):
        _change(db, sid, {"fte": Decimal("0.5")}, D(2025, 11, 1))
    assert len(_terms(db, sid)) == 1


def test_a_direct_edit_of_the_staff_row_corrects_the_newest_term_and_a_later_start_moves_the_first(
    db: Database,
) -> None:
    """Writers that set the columns (a correction without a date) keep the columns and terms in step."""
    sid = _fill(db)
    _change(db, sid, {"fte": Decimal("0.5")}, CHANGE)
    with db.write() as s:
        staff = s.get(m.Staff, sid)
        assert staff is not None
        staff.salary = Decimal(1750)
        staff.start = D(2021, 2, 1)
    assert _terms(db, sid) == [(D(2021, 2, 1), Decimal(1), "SD", Decimal(1700)),
                               (CHANGE, Decimal("0.5"), "SD", Decimal(1750))]


# --- the rules: the value in force on each day ------------------------------------------------------------


def test_fte_halved_from_july_keeps_2024_and_counts_the_second_half_of_2025_at_half(db: Database) -> None:
    sid = _fill(db)
    before_2024, before_2025 = _findings(db, 2024), _findings(db, 2025)
    assert not any("caseload.over_criterion" in key for key in before_2025)  # 25 per FTE ≤ 30
    _change(db, sid, {"fte": Decimal("0.5")}, CHANGE)

    assert _findings(db, 2024) == before_2024  # the past: caseload cells and the ratio as they were
    after = _findings(db, 2025)
    value, limit, message = after["staff:7:GAD caseload.over_criterion"]
    assert (value, limit) == (Decimal("50.00"), Decimal(30))  # 25 cases / 0,5 FTE
    assert "07.2025, 08.2025, 09.2025, 10.2025, 11.2025, 12.2025;" in message and "06.2025" not in message
    # the ratio on 31.12.2025 counts the FTE of that day: 1000 / 0,5 = 2000 > 1000
    assert after["service staffing.ratio"][0] == Decimal("2000.0")
    assert "service staffing.ratio" not in before_2025
    # a check of 2025 as of 30.06.2025 still sees FTE 1,0
    assert "service staffing.ratio" not in _findings(db, 2025, D(2025, 6, 30))


def test_contracted_hours_count_each_day_with_its_fte(db: Database) -> None:
    """R6's and the duty limit's contracted hours: each working day × 8 h × the FTE of that day."""
    sid = _fill(db)
    _change(db, sid, {"fte": Decimal("0.5")}, D(2025, 7, 16))
    with db.read() as s:
        staff = s.get(m.Staff, sid)
        assert staff is not None
        employment = Employment.of(staff)
    # July 2025: 1–15 July 11 working days at 1,0, 16–31 July 12 at 0,5 → 88 + 48 h
    assert duty_month_limit(employment, D(2025, 7, 1)) == Decimal(136)
    assert duty_month_limit(employment, D(2025, 6, 1)) == 8 * working_days(D(2025, 6, 1), D(2025, 6, 30))
    with db.write() as s:
        s.add(m.Duty(staff_id=sid, date=D(2025, 7, 20), category_code="NS_ADMIN", hours=Decimal(200)))
    with db.read() as s:
        result = check_year(s, year=2025, as_of=D(2025, 7, 31))
    contracted = 8 * working_days(D(2025, 1, 1), D(2025, 7, 15)) + 4 * working_days(D(2025, 7, 16), D(2025, 7, 31))
    [share] = [f for f in result.findings if f.rule == "duties.share"]
    assert share.value == round(Decimal(200) / contracted, 3)
    assert share.value != round(Decimal(200) / (4 * working_days(D(2025, 1, 1), D(2025, 7, 31))), 3)


def test_salary_raised_from_a_date_is_measured_against_the_scale_of_each_year(db: Database) -> None:
    """R10: below the 2025 minimum of group 9 until 28.02.2026, at it from 01.03.2026."""
    sid = _fill(db)
    with db.write() as s:
        s.add(m.SalaryScale(group=9, year=2025, min=Decimal(1250), mid=Decimal(1700), max=Decimal(2150)))
        s.add(m.SalaryScale(group=9, year=2026, min=Decimal(1300), mid=Decimal(1750), max=Decimal(2200)))
        s.add(m.Population(year=2026, residents=1000))
        staff = s.get(m.Staff, sid)
        assert staff is not None
        staff.salary = Decimal(1200)  # a correction of the only term: below the minimum from the start
    _change(db, sid, {"salary": Decimal(1300)}, D(2026, 3, 1))
    key = "staff:7 salary.below_scale"
    assert _findings(db, 2025)[key][:2] == (Decimal("1200.00"), Decimal("1250.00"))
    assert _findings(db, 2026, D(2026, 2, 15))[key][:2] == (Decimal("1200.00"), Decimal("1300.00"))
    assert key not in _findings(db, 2026, D(2026, 12, 31))


def test_a_past_claim_uses_the_position_held_on_each_event_date(db: Database) -> None:
    """SD is claim-eligible, GA (family assistant) is not: from 01.07.2025 she is a GA."""
    sid = _fill(db)
    with db.write() as s:
        for day in (D(2025, 3, 10), D(2025, 9, 10)):
            s.add(m.TrainingEvent(staff_id=sid, date=day, kind="training", minutes=240, duration=Decimal(4),
                                  duration_unit="hours", cost=Decimal(80), invoice="R-1"))
    with db.read() as s:
        h1_before = build_claim(s, parse_period("2025-H1"))
    _change(db, sid, {"position_code": "GA"}, CHANGE)
    with db.read() as s:
        h1, h2 = build_claim(s, parse_period("2025-H1")), build_claim(s, parse_period("2025-H2"))
    assert h1 == h1_before
    assert [(r.position_code, r.excluded, r.compensation) for r in h1.rows] == [("SD", None, Decimal("40.00"))]
    assert [(r.position_code, r.excluded) for r in h2.rows if r.date == D(2025, 9, 10)] == [("GA", "not_eligible")]


def test_a_survey_of_a_past_date_uses_the_values_of_that_date(db: Database) -> None:
    sid = _fill(db)
    with db.read() as s:
        before = survey.survey_for_date(s, date=D(2025, 2, 1))
    _change(db, sid, {"fte": Decimal("0.5"), "salary": Decimal(1900)}, CHANGE)
    with db.read() as s:
        after = survey.survey_for_date(s, date=D(2025, 2, 1))
        later = survey.survey_for_date(s, date=D(2026, 2, 1))
    assert after == before
    assert before.positions["SD"].fte == Decimal(1) and before.positions["SD"].salary_max == Decimal(1700)
    assert later.positions["SD"].fte == Decimal("0.5") and later.positions["SD"].salary_max == Decimal(1900)
    # Y−1 = 2025: the median cases per FTE over its months, H1 at 25 and H2 at 50
    assert later.previous_year.median_cases_social_workers == Decimal("37.50")


def test_a_change_inside_a_month_counts_for_the_whole_month_of_its_last_day(db: Database) -> None:
    """The rule of README "Changes from a date": a month's caseload per FTE uses the FTE of its last day."""
    sid = _fill(db)
    _change(db, sid, {"fte": Decimal("0.5")}, D(2025, 7, 31))
    message = _findings(db, 2025)["staff:7:GAD caseload.over_criterion"][2]
    assert "07.2025, 08.2025" in str(message)
    _change(db, sid, {"fte": Decimal(1)}, D(2025, 7, 31))
    _change(db, sid, {"fte": Decimal("0.5")}, D(2025, 8, 1))
    message = _findings(db, 2025)["staff:7:GAD caseload.over_criterion"][2]
    assert "07.2025" not in str(message) and "08.2025" in str(message)


def test_the_records_layer_changes_from_a_date_through_the_same_rules(db: Database) -> None:
    from swdesk import records

    sid = _fill(db)
    with db.write() as s:
        records.change(s, "staff", sid, {"fte": Decimal("0.5"), "specialization": "Seniori"}, valid_from=CHANGE)
    assert [t[:2] for t in _terms(db, sid)] == [(D(2020, 1, 1), Decimal(1)), (CHANGE, Decimal("0.5"))]
    with pytest.raises(records.RecordError, match="darbinieks strādā no 01.01.2020"), db.write() as s:
        records.change(s, "staff", sid, {"salary": Decimal(1900)}, valid_from=D(2019, 1, 1))
    with db.write() as s:  # without a date: as an edit always meant, the current values corrected
        records.change(s, "staff", sid, {"salary": Decimal(1750)})
    assert [t[3] for t in _terms(db, sid)] == [Decimal(1700), Decimal(1750)]


# --- the import: "Spēkā no" -------------------------------------------------------------------------------

STAFF_HEADER = ["Tabeles nr.", "Vārds", "Uzvārds", "Amats", "Slodze", "Darba sākums", "Izglītība", "Mēnešalga",
                "Spēkā no"]


def _import(db: Database, tmp_path: Path, name: str, *rows: list[object]) -> Any:
    from swdesk.importer.importer import import_workbook
    from tests.test_import_support import write_xlsx

    return import_workbook(db, write_xlsx(tmp_path / name, {"Darbinieki": [STAFF_HEADER, *rows]}))


def test_an_import_row_changes_fte_from_its_date_and_the_same_workbook_again_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    sid = _fill(db)
    row = ["7", "Līga", "Ozoliņa", "SD", "0,5", "01.01.2020", "E1", "1700", "01.07.2025"]
    first = _import(db, tmp_path, "a.xlsx", row)
    assert first.problems == [] and first.counts["Darbinieki"].updated == 1
    assert [t[:2] for t in _terms(db, sid)] == [(D(2020, 1, 1), Decimal(1)), (CHANGE, Decimal("0.5"))]
    again = _import(db, tmp_path, "a.xlsx", row)
    assert again.counts["Darbinieki"].unchanged == 1 and len(_terms(db, sid)) == 2
    # without "Spēkā no" the change applies from the day of the import
    _import(db, tmp_path, "b.xlsx", ["7", "Līga", "Ozoliņa", "SD", "0,75", "01.01.2020", "E1", "1700", None])
    assert _terms(db, sid)[-1][:2] == (dt.date.today(), Decimal("0.75"))


def test_a_valid_from_before_the_start_is_a_problem_at_its_cell(db: Database, tmp_path: Path) -> None:
    sid = _fill(db)
    result = _import(db, tmp_path, "c.xlsx", ["7", "Līga", "Ozoliņa", "SD", "0,5", "01.01.2020", "E1", "1700",
                                              "31.12.2019"])
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("Darbinieki", 2, "Spēkā no")]
    assert "darbinieks strādā no 01.01.2020" in result.problems[0].message
    assert len(_terms(db, sid)) == 1


def test_the_training_plan_of_a_past_year_names_the_position_held_at_its_end(db: Database) -> None:
    from swdesk.planning import training_plan

    sid = _fill(db)
    _change(db, sid, {"position_code": "GA"}, D(2026, 3, 1))
    with db.read() as s:
        past, now = training_plan(s, year=2025), training_plan(s, year=2026)
    assert [p.position_code for p in past.people] == ["SD"]  # a social worker all 2025: 24 h norm
    assert past.people[0].training_needed == Decimal(24)
    assert [p for p in now.people if p.tabeles_nr == "7"] == []  # a family assistant at 2026's end: no norm
