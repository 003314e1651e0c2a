"""The personnel cost of planning (issue 13 part 2), checked by hand for two people: Anna, part-time all year,
and Baiba, full time from 1 July. Salary × FTE × months, plus the employer's contribution at the rate in force
on each month's first day (the dated setting cost.social_insurance, 23,59 % shipped)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from swdesk import planning
from swdesk import settings as st
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.rules import scenario as sc

D = Decimal


@pytest.fixture
def two(db: Database) -> Database:
    with db.write() as s:
        s.add(m.Service(name="Valkas novada sociālais dienests", municipality="Valkas novads"))
        s.add(m.Population(year=2025, residents=2000))
        s.add_all([
            # SD is salary group 9: minimum 1157 EUR in the shipped 2023 scale (the latest for 2025–2027)
            m.Staff(tabeles_nr="1", first_name="Anna", last_name="Bērziņa", position_code="SD", fte=D("0.5"),
                    start=dt.date(2020, 3, 1), education_code="E1", salary=D("1000")),
            m.Staff(tabeles_nr="2", first_name="Baiba", last_name="Ozola", position_code="SD", fte=D("1"),
                    start=dt.date(2025, 7, 1), education_code="E1", salary=D("1500")),
        ])
    return db


def _people(cost: sc.PersonnelCost) -> dict[str, tuple[Decimal, Decimal, Decimal]]:
    return {p.tabeles_nr: (p.months, p.salaries, p.contribution) for p in cost.people}


def test_the_cost_of_two_people_by_hand(two: Database) -> None:
    with two.read() as s:
        comparison = planning.compare_scenarios(s, [], year=2025, as_of=dt.date(2025, 11, 28))
    cost = comparison.today.cost
    assert cost.year == 2025
    # Anna: 1000 × 0,5 × 12 = 6000,00; 6000 × 23,59 % = 1415,40
    # Baiba: 1500 × 1 × 6 (July–December) = 9000,00; 9000 × 23,59 % = 2123,10
    assert _people(cost) == {"1": (D("12.00"), D("6000.00"), D("1415.40")),
                             "2": (D("6.00"), D("9000.00"), D("2123.10"))}
    assert (cost.salaries, cost.contribution, cost.total) == (D("15000.00"), D("3538.50"), D("18538.50"))


def test_a_new_rate_applies_from_its_date(two: Database) -> None:
    with two.write() as s:
        st.set_value(s, "cost.social_insurance", "0,2409", dt.date(2025, 10, 1))
    with two.read() as s:
        cost = planning.compare_scenarios(s, [], year=2025, as_of=dt.date(2025, 11, 28)).today.cost
    # Anna: January–September 4500 × 23,59 % = 1061,55; October–December 1500 × 24,09 % = 361,35
    # Baiba: July–September 4500 × 23,59 % = 1061,55; October–December 4500 × 24,09 % = 1084,05
    assert _people(cost)["1"][2] == D("1422.90")
    assert _people(cost)["2"][2] == D("2145.60")


def test_a_scenario_costs_its_changes_from_its_date(two: Database) -> None:
    spec = sc.ScenarioSpec("Jūlijā", dt.date(2025, 7, 1), (
        sc.Change(sc.ADD_POSITION, position_code="SD", count=1, fte=D("1"), salary=D("1300")),
        sc.Change(sc.REMOVE_STAFF, tabeles_nr="2"),  # Baiba starts on 1 July: leaving then, she is never paid
        sc.Change(sc.RAISE_TO_MINIMUM),
    ))
    with two.write() as s:
        planning.save_scenario(s, spec)
    with two.read() as s:
        comparison = planning.compare_scenarios(s, ["Jūlijā"], year=2025, as_of=dt.date(2025, 11, 28))
    outcome = comparison.scenarios[0]
    people = _people(outcome.cost)
    # the new post: 1300 × 6 = 7800,00; × 23,59 % = 1840,02
    assert people["PLĀNS-1"] == (D("6.00"), D("7800.00"), D("1840.02"))
    # Anna: 1000 × 0,5 × 6 (January–June) + 1157 × 0,5 × 6 (raised from July) = 3000 + 3471 = 6471,00;
    # × 23,59 % = 1526,5089 → 1526,51
    assert people["1"] == (D("12.00"), D("6471.00"), D("1526.51"))
    assert "2" not in people
    assert outcome.cost.total == D("7800.00") + D("1840.02") + D("6471.00") + D("1526.51")
    assert outcome.cost_difference == outcome.cost.total - D("18538.50")


def test_the_cost_of_the_scale_minimum_by_2027(two: Database) -> None:
    with two.read() as s:
        rows = planning.minimum_raise(s)
    # only Anna is below group 9's minimum 1157: (1157 − 1000) × 0,5 × 12 = 942,00, + 23,59 % (222,22)
    assert [(r.tabeles_nr, r.salary, r.minimum, r.months, r.yearly) for r in rows] == [
        ("1", D("1000.00"), D("1157.00"), D("12.00"), D("1164.22"))
    ]


def test_a_part_month_counts_its_calendar_days() -> None:
    span = sc.PaySpan("7", "SD", D("1"), D("1500"), dt.date(2025, 6, 16), dt.date(2025, 6, 30))
    cost = sc.personnel_cost([span], year=2025, rate=sc.DatedRate.constant(D("0.2359")))
    # 15 of June's 30 days: 750,00 and 176,93 (176,925 half up)
    assert _people(cost) == {"7": (D("0.50"), D("750.00"), D("176.93"))}
