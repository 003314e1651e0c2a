"""The annual survey (SPEC §4) on a hand-built service; reference date D = 1 Feb 2026, Y−1 = 2025."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from decimal import Decimal

import pytest

from swdesk.rules.data import CaseloadRow, DutyRow, Snapshot, VacancyInfo
from swdesk.rules.survey import Survey, build_survey, default_survey_date
from tests.test_rules_checks import DEFAULTS, person, snap, training

D = dt.date
DAY = D(2026, 2, 1)


def _staff() -> list:  # type: ignore[type-arg]
    people = [
        person("1", salary="1500", first="Anna", last="Bērziņa"),
        person(
            "2", fte="0.5", start=D(2025, 6, 1), education="E5", salary="1100", first="Jānis", last="Kalniņš"
        ),
        person("3", position="SPO", education="E4", salary="900", first="Ilze", last="Liepa"),
        person("4", end=D(2025, 10, 31), first="Pēteris", last="Ozols"),
        person("5", position="VAD", salary="3000", first="Dace", last="Vītola"),
        person("6", position="GA", start=DAY, education="E5", salary="800", first="Rūta", last="Zariņa"),
    ]
    # distinctive employee numbers and personal codes, to prove the survey holds none of them
    return [
        dataclasses.replace(p, tabeles_nr=f"TAB-04{p.id}7", personal_code=f"15038{p.id}-12345")
        for p in people
    ]


def _snapshot() -> Snapshot:
    return snap(
        *_staff(),
        population={2025: 7600},
        vacancies=[
            VacancyInfo("SD", Decimal(1), D(2025, 12, 1)),  # open on D
            VacancyInfo("SPO", Decimal("0.5"), D(2026, 2, 2)),  # announced after D
            VacancyInfo("SAPR", Decimal(1), D(2025, 9, 1), filled=D(2026, 1, 15)),  # filled before D
        ],
        training=[
            training(1, 24 * 60, day=D(2025, 5, 1)),
            training(1, 9 * 60, kind="supervision_individual", day=D(2025, 5, 2)),
            training(2, 15 * 60, day=D(2025, 9, 1)),
            training(3, 18 * 60, kind="supervision_group", day=D(2025, 6, 1)),
            training(4, 20 * 60, day=D(2025, 3, 1)),
            training(3, 16 * 60, day=D(2026, 1, 20)),  # this year: not part of Y−1
        ],
        caseloads=[
            CaseloadRow(1, D(2025, 1, 1), "GVAD", cases=20),
            CaseloadRow(1, D(2025, 1, 1), "GAD", cases=5),
            CaseloadRow(1, D(2025, 2, 1), "GVAD", cases=30),
            CaseloadRow(2, D(2025, 7, 1), "GVAD", cases=10),
            CaseloadRow(2, D(2025, 8, 1), "GVAD", persons=40),  # no LIETAS value: not a staff-month here
            CaseloadRow(1, D(2024, 12, 1), "GVAD", cases=99),  # not Y−1
            CaseloadRow(3, D(2025, 1, 1), "SPA", cases=50),
            CaseloadRow(3, D(2025, 2, 1), "SPA", cases=61),
        ],
        duties=[
            DutyRow(1, D(2025, 3, 1), "NS_TRANSP", Decimal(150)),
            DutyRow(1, D(2025, 4, 1), "NS_ADMIN", Decimal("49.2")),
            DutyRow(3, D(2025, 5, 1), "NS_PARTIKA", Decimal(30)),
            DutyRow(3, D(2025, 5, 2), "NS_ADMIN", Decimal(10)),
            DutyRow(5, D(2025, 5, 3), "NS_APSVEIK", Decimal(5)),
            DutyRow(1, D(2026, 1, 10), "NS_POLICIJA", Decimal(500)),  # this year
        ],
    )


@pytest.fixture
def survey() -> Survey:
    return build_survey(_snapshot(), date=DAY, settings=DEFAULTS)


def test_positions(survey: Survey) -> None:
    data = survey.to_json()["positions"]
    # SAPR: nobody and its vacancy was filled before D → left out; person 4 left in 2025
    assert list(data) == ["SD", "SPO", "GA", "VAD"]
    assert data["SD"] == {
        "headcount": 2,  # persons 1 and 2
        "fte": 1.5,  # 1 + 0.5
        "vacancies": 1,
        "vacancy_fte": 1,
        "salary_min": 1100,
        "salary_mean": 1300,  # (1500 + 1100) / 2
        "salary_max": 1500,
        "below_scale": 1,  # 1100 < 1157 (group 9, 2023 scale)
        "education_noncompliant": 1,  # E5
    }
    assert data["SPO"]["below_scale"] == 0 and data["SPO"]["education_noncompliant"] == 0  # 900 ≥ 758; E4
    assert data["SPO"]["vacancies"] == 0  # announced the day after D
    assert data["VAD"]["below_scale"] is None and data["VAD"]["education_noncompliant"] is None
    assert data["GA"]["headcount"] == 1  # starts on D: active on D
    assert data["GA"]["education_noncompliant"] is None  # not an SDS


def test_service(survey: Survey) -> None:
    # SDS on D: 1 (1.0), 2 (0.5), 3 (1.0) → 3 people, 2.5 FTE; population: 2025 (no 2026) = 7600
    # residents per SDS FTE 7600 / 2.5 = 3040.0
    # R6 shares of 2025 (1976 contracted hours for a full year at FTE 1, SPEC §2 Monday–Friday only):
    # person 1 (150 + 49.2) / 1976 = 199.2 / 1976 = 0.1008097; person 2 no duties (0);
    # person 3 40 / 1976 = 0.0202429
    # S_eff = 1 × 0.8991903 + 0.5 × 1 + 1 × 0.9797571 = 2.3789474 (exactly 2.5 − 239.2 / 1976 = 226 / 95)
    # → 7600 / 2.3789474 = 7600 × 95 / 226 = 722000 / 226 = 3194.690 → 3194.7
    # hires in [01.02.2025, 01.02.2026): person 2 (01.06.2025); person 6 starts on D itself → not counted
    # leavers: person 4 (31.10.2025)
    assert survey.to_json()["service"] == {
        "population": 7600,
        "sds_headcount": 3,
        "sds_fte": 2.5,
        "residents_per_sds": 3040.0,
        "effective_residents_per_sds": 3194.7,
        "hires": 1,
        "leavers": 1,
    }


def test_previous_year(survey: Survey) -> None:
    # SDS employed in 2025: persons 1, 2, 3, 4.
    # training: 1: 24 of 24 ✓; 2: 15 of 24 × 214/365 = 14.07 ✓; 3: 0 of 16 ✗; 4: 20 of 24 × 304/365 = 19.99 ✓
    #   → 3/4 = 0.75
    # supervision (any): 1: 9 h individual ✓; 2: nothing ✗; 3: 18 h group ✓; 4: nothing ✗ → 2/4 = 0.5
    # cases per FTE, social workers: p1 Jan 25, Feb 30; p2 Jul 10 / 0.5 = 20 → median of 20, 25, 30 = 25
    # SPO: 50, 61 → (50 + 61) / 2 = 55.5
    # non-social-work hours 2025: 150 + 49.2 + 30 + 10 + 5 = 244.2; contracted hours of all staff in 2025:
    #   p1 1976 + p2 0.5 × 8 × 145 (June 19 + Jul–Dec 126) = 580 + p3 1976
    #   + p4 8 × 210 (Jan–Jun 121 + Jul 23 + Aug 21 + Sep 22 + Oct 23) = 1680 + p5 1976 = 8188
    #   → 244.2 / 8188 = 0.02982 (8188 × 0.0295 = 241.55 < 244.2 < 245.64 = 8188 × 0.03) → 0.030
    # categories: NS_TRANSP 150, NS_ADMIN 59.2, NS_PARTIKA 30, NS_APSVEIK 5
    assert survey.to_json()["previous_year"] == {
        "training_met_share": 0.75,
        "supervision_met_share": 0.5,
        "median_cases_social_workers": 25,
        "median_cases_spo": 55.5,
        "nonsw_hours": 244.2,
        "nonsw_share": 0.03,
        "top_nonsw_categories": ["NS_TRANSP", "NS_ADMIN", "NS_PARTIKA"],
    }


def test_supervision_rule_all_in_the_previous_year() -> None:
    # with "all", nobody has both norms → 0/4
    strict = dataclasses.replace(DEFAULTS, supervision_rule="all")
    result = build_survey(_snapshot(), date=DAY, settings=DEFAULTS, previous_settings=strict)
    assert result.previous_year.supervision_met_share == Decimal("0.000")


def test_json_keys_and_types(survey: Survey) -> None:
    data = json.loads(json.dumps(survey.to_json()))
    assert set(data) == {"date", "positions", "service", "previous_year"}
    assert data["date"] == "2026-02-01"


def test_survey_holds_no_names_codes_or_employee_numbers(survey: Survey) -> None:
    text = json.dumps(survey.to_json(), ensure_ascii=False)
    for p in _staff():
        for secret in (p.first_name, p.last_name, p.tabeles_nr, p.personal_code):
            assert secret and secret not in text
    assert "TAB-" not in text and "-12345" not in text


def test_empty_service_and_default_date() -> None:
    empty = build_survey(snap(population={}), date=DAY, settings=DEFAULTS).to_json()
    assert empty["positions"] == {}
    assert empty["service"]["population"] is None and empty["service"]["residents_per_sds"] is None
    assert empty["previous_year"]["training_met_share"] is None
    assert empty["previous_year"]["top_nonsw_categories"] == []
    assert default_survey_date(D(2026, 7, 9)) == D(2026, 2, 1)
