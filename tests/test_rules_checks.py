"""The norm checks R1–R12 (SPEC §2) on hand-built snapshots; expected values computed by hand in comments.

Full year 2025 for a person at FTE 1: 247 working days (SPEC §2 counts Monday–Friday only, so the Saturdays
worked for the transferred days off, 10.5 and 8.11, are not counted; see test_worktime) → 8 × 247 = 1976
contracted hours. From 1 Jul 2025: 126 working days; FTE 0.5 → 0.5 × 8 × 126 = 504 hours.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from swdesk.db.catalogues import shipped
from swdesk.rules.checks import add_years, education_complies, run_checks
from swdesk.rules.data import (
    CaseloadRow,
    CriterionInfo,
    DutyRow,
    PositionInfo,
    ScaleRow,
    ServiceInfo,
    Snapshot,
    StaffMember,
    TrainingRow,
    VacancyInfo,
)
from swdesk.rules.findings import Finding
from swdesk.settings import Settings

D = dt.date
DEC31 = D(2025, 12, 31)
DEFAULTS = Settings.defaults()
LONG_AGO = D(2020, 1, 1)
MARCH_2025 = D(2025, 3, 1)

POSITIONS = {
    p["code"]: PositionInfo(
        code=p["code"],
        name=p["name"],
        salary_group=p["salary_group"],
        is_sds=p["is_sds"],
        training_hours=p["training_hours"],
        supervision_norm=p["supervision_norm"],
        claim_eligible=p["claim_eligible"],
        allowed_education=frozenset(p["education_allowed"]),
    )
    for p in shipped()["positions"]
}
SCALE = tuple(
    ScaleRow(r["group"], r["year"], Decimal(r["min"]), Decimal(r["mid"]), Decimal(r["max"]))
    for r in shipped()["salary_scale"]
)


def person(
    nr: str = "1",
    *,
    position: str = "SD",
    fte: str = "1",
    start: dt.date = LONG_AGO,
    end: dt.date | None = None,
    education: str = "E3",
    salary: str = "1500",
    first: str = "Anna",
    last: str = "Bērziņa",
) -> StaffMember:
    return StaffMember(
        id=int(nr),
        tabeles_nr=nr,
        first_name=first,
        last_name=last,
        position_code=position,
        fte=Decimal(fte),
        start=start,
        end=end,
        education_code=education,
        salary=Decimal(salary),
    )


def snap(*staff: StaffMember, population: dict[int, int] | None = None, **rows: Any) -> Snapshot:
    return Snapshot(
        service=ServiceInfo("Testa novada sociālais dienests", "Valkas novads"),
        population={2025: 1000} if population is None else population,
        positions=POSITIONS,
        salary_scale=SCALE,
        staff=tuple(staff),
        work_type_names={"GVAD": "Gadījuma vadīšana"},
        **{k: tuple(v) for k, v in rows.items()},
    )


def findings(
    snapshot: Snapshot,
    rule: str,
    *,
    year: int = 2025,
    as_of: dt.date = DEC31,
    **settings: Any,
) -> list[Finding]:
    s = dataclasses.replace(DEFAULTS, **settings)
    return list(run_checks(snapshot, year=year, as_of=as_of, settings=s, rules=[rule]).findings)


def one(snapshot: Snapshot, rule: str, **kwargs: Any) -> Finding:
    result = findings(snapshot, rule, **kwargs)
    assert len(result) == 1, result
    return result[0]


def training(
    staff_id: int,
    minutes: int,
    kind: str = "training",
    day: dt.date = MARCH_2025,
    certified: bool | None = True,
) -> TrainingRow:
    training.counter += 1  # type: ignore[attr-defined]
    return TrainingRow(
        id=training.counter,
        staff_id=staff_id,
        date=day,
        kind=kind,  # type: ignore[attr-defined]
        minutes=minutes,
        certified_supervisor=certified,
    )


training.counter = 0  # type: ignore[attr-defined]


# --- R1 staffing.ratio -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "ftes", "expected_value", "shortfall"),
    [
        (1000, ["1"], None, None),  # 1000 / 1 = 1000, exactly the limit: no finding
        (7600, ["4", "3.6"], None, None),  # 7600 / 7.6 = 1000: no finding
        (1001, ["1"], Decimal("1001.0"), "0,00"),  # just above; shortfall 1.001 − 1 = 0.001 → 0,00
        (7600, ["4", "3.5"], Decimal("1013.3"), "0,10"),  # 7600/7.5 = 1013.33; shortfall 7.6 − 7.5 = 0.10
        (7600, [], None, "7,60"),  # S = 0: value null, shortfall 7600/1000 = 7.60
    ],
)
def test_r1_ratio(
    population: int, ftes: list[str], expected_value: Decimal | None, shortfall: str | None
) -> None:
    staff = [person(str(i + 1), fte=f) for i, f in enumerate(ftes)]
    result = findings(snap(*staff, population={2025: population}), "staffing.ratio")
    if shortfall is None:
        assert result == []
        return
    (finding,) = result
    assert (finding.severity, finding.subject, finding.value, finding.limit) == (
        "error",
        "service",
        expected_value,
        Decimal(1000),
    )
    assert f"trūkst {shortfall}" in finding.message or f"prasa {shortfall}" in finding.message
    assert "Sociālo pakalpojumu un sociālās palīdzības likuma 10. pants" in finding.message
    assert "1:1000" in finding.message and "31.12.2025" in finding.message


def test_r1_counts_only_sds_active_on_the_as_of_date() -> None:
    staff = [
        person("1"),  # counts
        person("2", position="VAD"),  # the head is not an SDS
        person("3", end=D(2025, 12, 30)),  # left before D
        person("4", start=D(2026, 1, 1)),  # starts after D
        person("5", position="SPO", fte="0.5"),  # counts
    ]
    # S = 1 + 0.5 = 1.5; 1600 / 1.5 = 1066.67 → 1066.7
    finding = one(snap(*staff, population={2025: 1600}), "staffing.ratio")
    assert finding.value == Decimal("1066.7")
    assert "1,5" in finding.message and "1\u00a0600" in finding.message


def test_r1_headcount_basis() -> None:
    staff = [person("1", fte="0.5"), person("2", fte="0.5")]
    snapshot = snap(*staff, population={2025: 1500})
    # FTE: 1500 / 1.0 = 1500 > 1000; headcount: 1500 / 2 = 750
    assert one(snapshot, "staffing.ratio").value == Decimal("1500.0")
    assert findings(snapshot, "staffing.ratio", ratio_basis="headcount") == []


def test_r1_limit_from_settings() -> None:
    snapshot = snap(person("1"), population={2025: 1100})
    assert findings(snapshot, "staffing.ratio", ratio_limit=Decimal(1200)) == []
    assert one(snapshot, "staffing.ratio", ratio_limit=Decimal(1000)).value == Decimal("1100.0")


# --- R2 staffing.effective_ratio -------------------------------------------------------------------------


def test_r2_effective_ratio() -> None:
    # 1976 contracted hours; 98.8 h of other duties → share 98.8 / 1976 = 0.05 (1976 × 0.05 = 98.8);
    # S_eff = 1 × (1 − 0.05) = 0.95; 1000 / 0.95 = 1052.63 → 1052.6
    duties = [DutyRow(1, D(2025, 4, 1), "NS_TRANSP", Decimal("98.8"))]
    finding = one(snap(person("1"), duties=duties), "staffing.effective_ratio")
    assert (finding.severity, finding.value, finding.limit) == ("warning", Decimal("1052.6"), Decimal(1000))
    assert "0,95" in finding.message
    # no duties: 1000 / 1 = 1000 → no finding
    assert findings(snap(person("1")), "staffing.effective_ratio") == []


def test_r2_share_is_capped_at_one_and_zero_without_contracted_hours() -> None:
    # D = Saturday 4 Jan 2025: person 2 started that day, so 0 contracted hours → share counts as 0
    duties = [
        DutyRow(2, D(2025, 1, 4), "NS_TRANSP", Decimal("5")),
        DutyRow(1, D(2025, 1, 2), "NS_TRANSP", Decimal("40")),
    ]
    staff = [person("1"), person("2", start=D(2025, 1, 4))]
    # person 1: 2 working days → 16 h; 40 h of duties → share 2.5, capped at 1 → contributes 0
    # S_eff = 1 × 0 + 1 × (1 − 0) = 1; P = 1000 → 1000: no finding; with P = 1001 → 1001.0
    as_of = D(2025, 1, 4)
    assert findings(snap(*staff, duties=duties), "staffing.effective_ratio", as_of=as_of) == []
    finding = one(
        snap(*staff, duties=duties, population={2025: 1001}), "staffing.effective_ratio", as_of=as_of
    )
    assert finding.value == Decimal("1001.0")


# --- R3 caseload.over_criterion --------------------------------------------------------------------------


def test_r3_over_criterion_and_position_override() -> None:
    criteria = [
        CriterionInfo("*", "GVAD", "LIETAS", Decimal(20)),
        CriterionInfo("SD", "GVAD", "LIETAS", Decimal(30)),
    ]
    caseloads = [
        # SD at FTE 0.5: 14 cases → 28 per FTE ≤ 30 (the SD criterion replaces the * one of 20)
        CaseloadRow(1, D(2025, 1, 1), "GVAD", cases=14),
        # SPO at FTE 0.5 (the * criterion, 20): Jan 10 → 20.00 (= limit, fine), Feb 11 → 22, Mar 12 → 24
        CaseloadRow(2, D(2025, 1, 1), "GVAD", cases=10),
        CaseloadRow(2, D(2025, 2, 1), "GVAD", cases=11),
        CaseloadRow(2, D(2025, 3, 1), "GVAD", cases=12, persons=99),  # persons: no criterion in that unit
    ]
    staff = [person("1", fte="0.5"), person("2", position="SPO", fte="0.5", first="Ilze", last="Liepa")]
    finding = one(snap(*staff, criteria=criteria, caseloads=caseloads), "caseload.over_criterion")
    assert (finding.subject, finding.value, finding.limit) == ("staff:2:GVAD", Decimal("24.00"), Decimal(20))
    assert "Ilze Liepa (tabeles nr. 2)" in finding.message
    assert "02.2025, 03.2025" in finding.message and "01.2025" not in finding.message
    assert "Gadījuma vadīšana" in finding.message


def test_r3_only_months_in_the_period() -> None:
    criteria = [CriterionInfo("*", "GVAD", "LIETAS", Decimal(20))]
    caseloads = [
        CaseloadRow(1, D(2025, 4, 1), "GVAD", cases=50),
        CaseloadRow(1, D(2024, 12, 1), "GVAD", cases=50),
    ]
    snapshot = snap(person("1"), criteria=criteria, caseloads=caseloads)
    assert findings(snapshot, "caseload.over_criterion", as_of=D(2025, 3, 31)) == []
    assert one(snapshot, "caseload.over_criterion").value == Decimal("50.00")


# --- R4 caseload.weighted_over_capacity ------------------------------------------------------------------


def test_r4_weighted_points() -> None:
    criteria = [
        CriterionInfo("*", "GVAD", "LIETAS", Decimal(100), weight=Decimal(3)),
        CriterionInfo("*", "SPA", "IESN", Decimal(1000), weight=Decimal("0.5")),
        CriterionInfo("*", "PIRMR", "LIETAS", Decimal(1)),  # no weight: not part of R4
    ]
    caseloads = [
        # January: 20 × 3 + 80 × 0.5 = 100 = capacity → fine (PIRMR 500 has no weight)
        CaseloadRow(1, D(2025, 1, 1), "GVAD", cases=20),
        CaseloadRow(1, D(2025, 1, 1), "SPA", applications=80),
        CaseloadRow(1, D(2025, 1, 1), "PIRMR", cases=500),
        # February: 20 × 3 + 82 × 0.5 = 101 > 100
        CaseloadRow(1, D(2025, 2, 1), "GVAD", cases=20),
        CaseloadRow(1, D(2025, 2, 1), "SPA", applications=82),
        # person 2 at FTE 0.8: March 20 × 3 / 0.8 = 75 → fine
        CaseloadRow(2, D(2025, 3, 1), "GVAD", cases=20),
    ]
    snapshot = snap(person("1"), person("2", fte="0.8"), criteria=criteria, caseloads=caseloads)
    finding = one(snapshot, "caseload.weighted_over_capacity")
    assert (finding.subject, finding.value, finding.limit) == ("staff:1", Decimal("101.00"), Decimal(100))
    assert "02.2025" in finding.message and "01.2025" not in finding.message
    # capacity 60: person 2 has 75 → also a finding
    assert len(findings(snapshot, "caseload.weighted_over_capacity", capacity_points=Decimal(60))) == 2


def test_r4_needs_weights() -> None:
    criteria = [CriterionInfo("*", "GVAD", "LIETAS", Decimal(10))]
    caseloads = [CaseloadRow(1, D(2025, 1, 1), "GVAD", cases=500)]
    assert (
        findings(snap(person("1"), criteria=criteria, caseloads=caseloads), "caseload.weighted_over_capacity")
        == []
    )


# --- R5 caseload.no_criterion ----------------------------------------------------------------------------


def test_r5_no_criterion() -> None:
    criteria = [
        CriterionInfo("*", "GVAD", "LIETAS", Decimal(20)),  # GVAD covered for everybody
        CriterionInfo("SPO", "PIRMR", "IESN", Decimal(20)),  # PIRMR only for SPO, but the data is an SD's
        CriterionInfo("SD", "SPA", "PERS", Decimal(20)),  # SPA for SD in another unit: could apply
    ]
    caseloads = [
        CaseloadRow(1, D(2025, 1, 1), "GVAD", cases=5),
        CaseloadRow(1, D(2025, 1, 1), "PIRMR", cases=5),
        CaseloadRow(1, D(2025, 1, 1), "SPA", applications=5),
        CaseloadRow(1, D(2025, 1, 1), "KRIZE", persons=2),
        CaseloadRow(1, D(2025, 1, 1), "KOP"),  # a row without any value is no data
        CaseloadRow(1, D(2024, 1, 1), "GRUPA", cases=1),  # outside the period
    ]
    result = findings(snap(person("1"), criteria=criteria, caseloads=caseloads), "caseload.no_criterion")
    assert [(f.subject, f.severity, f.value, f.limit) for f in result] == [
        ("worktype:KRIZE", "info", None, None),
        ("worktype:PIRMR", "info", None, None),
    ]


# --- R6 duties.share -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "fte", "start", "expected"),
    [
        ("197.6", "1", D(2020, 1, 1), None),  # 197.6 / 1976 = 0.1 exactly (1976 × 0.1 = 197.6): no finding
        # 240 / 1976 = 0.12146 (1976 × 0.12 = 237.12; 2.88 / 1976 = 0.00146) → 0.121
        ("240", "1", D(2020, 1, 1), Decimal("0.121")),
        # part year: FTE 0.5 from 1 Jul 2025 = 0.5 × 8 × 126 = 504 h; 60 / 504 = 0.11905 → 0.119
        ("60", "0.5", D(2025, 7, 1), Decimal("0.119")),
        ("50", "0.5", D(2025, 7, 1), None),  # 50 / 504 = 0.0992 (504 × 0.1 = 50.4 > 50): no finding
    ],
)
def test_r6_duties_share(hours: str, fte: str, start: dt.date, expected: Decimal | None) -> None:
    duties = [
        DutyRow(1, D(2025, 9, 1), "NS_GRAMAT", Decimal(hours)),
        DutyRow(1, D(2024, 9, 1), "NS_GRAMAT", Decimal(500)),
    ]  # last year: not counted
    result = findings(snap(person("1", fte=fte, start=start), duties=duties), "duties.share")
    if expected is None:
        assert result == []
    else:
        (finding,) = result
        assert (finding.subject, finding.value, finding.limit) == ("staff:1", expected, Decimal("0.10"))
        assert "%" in finding.message


# --- R7 training.hours -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "start", "minutes", "expected"),
    [
        (2025, D(2020, 1, 1), 1440, None),  # 24 h of 24: met
        (2025, D(2020, 1, 1), 1439, (Decimal("23.98"), Decimal("24.00"))),  # 23.983 < 24 − 0.005
        # academic hours: 32 × 45 min = 1440 min = 24 h (the importer stores minutes; we divide by 60)
        (2025, D(2020, 1, 1), 32 * 45, None),
        # from 1 Jul 2025: 184 days; 24 × 184 / 365 = 12.0986 → 12.10; 12 h done < 12.0936
        (2025, D(2025, 7, 1), 720, (Decimal("12.00"), Decimal("12.10"))),
        (2025, D(2025, 7, 1), 726, None),  # 12.1 h ≥ 12.0986 − 0.005
        # leap year: from 1 Jul 2024, 184 days; 24 × 184 / 366 = 12.0656 → 12.07
        (2024, D(2024, 7, 1), 720, (Decimal("12.00"), Decimal("12.07"))),
        (2024, D(2024, 7, 1), 724, None),  # 12.0667 ≥ 12.0606
    ],
)
def test_r7_training(
    year: int, start: dt.date, minutes: int, expected: tuple[Decimal, Decimal] | None
) -> None:
    events = [
        training(1, minutes, day=D(year, 10, 1)),
        training(1, 600, kind="supervision_group", day=D(year, 10, 1)),
    ]
    result = findings(
        snap(person("1", start=start), training=events), "training.hours", year=year, as_of=D(year, 12, 31)
    )
    if expected is None:
        assert result == []
    else:
        (finding,) = result
        assert (finding.value, finding.limit) == expected
        assert "MK 03.06.2003. noteikumu Nr. 291" in finding.message


def test_r7_progress_during_the_year_and_positions_without_a_norm() -> None:
    # as of 30 Jun 2025: 181 days; SPO norm 16 → 16 × 181 / 365 = 7.934 → 7.93; APR norm 8 → 3.967 → 3.97
    staff = [person("1", position="SPO"), person("2", position="PSIH"), person("3", position="APR")]
    events = [training(1, 60, day=D(2025, 7, 15))]  # after the as-of date: not counted
    result = findings(snap(*staff, training=events), "training.hours", as_of=D(2025, 6, 30))
    assert [(f.subject, f.value, f.limit) for f in result] == [
        ("staff:1", Decimal("0.00"), Decimal("7.93")),
        ("staff:3", Decimal("0.00"), Decimal("3.97")),
    ]


# --- R8 supervision.hours --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "individual", "group", "finding"),
    [
        ("any", 540, 0, False),  # 9 h individual
        ("any", 0, 1080, False),  # 18 h group
        ("any", 480, 1020, True),  # 8 h and 17 h: neither
        ("all", 540, 1020, True),  # group missing
        ("all", 540, 1080, False),
    ],
)
def test_r8_supervision(rule: str, individual: int, group: int, finding: bool) -> None:
    events = [
        training(1, individual, kind="supervision_individual", certified=False),  # uncertified still counts
        training(1, group, kind="supervision_group"),
    ]
    result = findings(snap(person("1"), training=events), "supervision.hours", supervision_rule=rule)
    assert len(result) == (1 if finding else 0)
    if finding:
        assert (result[0].value, result[0].limit, result[0].subject) == (None, None, "staff:1")
        assert "LM ESF projekta" in result[0].message


def test_r8_prorated_and_only_for_positions_with_the_norm() -> None:
    # from 1 Jul 2025: 184 days; individual 9 × 184/365 = 4.537 h; 4 h 30 min = 4.5 h < 4.532 → finding;
    # 4 h 33 min = 4.55 ≥ 4.532 → met. VAD (no supervision norm) never gets a finding.
    staff = [person("1", start=D(2025, 7, 1)), person("2", start=D(2025, 7, 1)), person("3", position="VAD")]
    events = [
        training(1, 270, kind="supervision_individual"),
        training(2, 273, kind="supervision_individual", day=D(2025, 8, 1)),
    ]
    result = findings(snap(*staff, training=events), "supervision.hours")
    assert [f.subject for f in result] == ["staff:1"]
    assert "4,54" in result[0].message and "4,50" in result[0].message


# --- R9 education.compliance -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("position", "education", "start", "complies"),
    [
        ("SD", "E3", D(2020, 1, 1), True),
        ("SD", "E4", D(2020, 1, 1), False),
        ("SPO", "E4", D(2020, 1, 1), True),
        ("SD", "E5", D(2020, 1, 1), False),
        ("GA", "E5", D(2020, 1, 1), True),  # not an SDS, no requirement
        ("SD", "E6", D(2022, 12, 31), True),  # start + 3 years = 31.12.2025 = D: still complies
        ("SD", "E6", D(2022, 12, 30), False),  # 30.12.2025 < D
    ],
)
def test_r9_education(position: str, education: str, start: dt.date, complies: bool) -> None:
    staff = person("1", position=position, education=education, start=start)
    result = findings(snap(staff), "education.compliance")
    assert len(result) == (0 if complies else 1)
    if not complies:
        assert (result[0].severity, result[0].value, result[0].limit) == ("error", None, None)


def test_r9_student_term_from_29_february() -> None:
    assert add_years(D(2024, 2, 29), 3) == D(2027, 2, 28)
    student = person("1", education="E6", start=D(2024, 2, 29))
    assert education_complies(student, POSITIONS["SD"], D(2027, 2, 28))
    assert not education_complies(student, POSITIONS["SD"], D(2027, 3, 1))


def test_r9_only_sds_active_on_d() -> None:
    staff = [person("1", education="E5", end=D(2025, 6, 30)), person("2", education="E5")]
    assert [f.subject for f in findings(snap(*staff), "education.compliance")] == ["staff:2"]


# --- R10 salary.below_scale ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "salary", "severity"),
    [
        (2025, "1156.99", "warning"),  # SD group 9, 2023 scale (latest earlier year): min 1157
        (2025, "1157", None),
        (2026, "1000", "warning"),
        (2027, "1156.99", "error"),  # from 2027 the minimum is binding
    ],
)
def test_r10_salary(year: int, salary: str, severity: str | None) -> None:
    result = findings(
        snap(person("1", salary=salary), person("2", position="VAD", salary="100")),
        "salary.below_scale",
        year=year,
        as_of=D(year, 12, 31),
    )
    if severity is None:
        assert result == []
    else:
        (finding,) = result
        assert (finding.severity, finding.value, finding.limit) == (
            severity,
            Decimal(salary),
            Decimal("1157"),
        )
        assert "atlīdzības likuma 3. pielikums" in finding.message and "2023. gada skala" in finding.message


def test_r10_uses_the_scale_of_the_year_when_there_is_one() -> None:
    scale = (*SCALE, ScaleRow(9, 2025, Decimal(1200), Decimal(1700), Decimal(2100)))
    snapshot = dataclasses.replace(snap(person("1", salary="1180")), salary_scale=scale)
    assert one(snapshot, "salary.below_scale").limit == Decimal(1200)
    assert findings(snapshot, "salary.below_scale", year=2024, as_of=D(2024, 12, 31)) == []  # 2023: 1157


# --- R11 vacancy.long_open -------------------------------------------------------------------------------


def test_r11_vacancy() -> None:
    vacancies = [
        VacancyInfo("SD", Decimal(1), D(2025, 10, 2)),  # 31.12 − 02.10 = 90 days: not more than 90
        VacancyInfo("SPO", Decimal("0.5"), D(2025, 10, 1)),  # 91 days
        VacancyInfo("SAPR", Decimal(1), D(2025, 1, 1), filled=D(2025, 12, 31)),  # filled on D: closed
        VacancyInfo("SREH", Decimal(1), D(2025, 1, 1), filled=D(2026, 1, 15)),  # filled after D: open, 364
    ]
    result = findings(snap(vacancies=vacancies), "vacancy.long_open")
    assert [(f.subject, f.value, f.limit) for f in result] == [
        ("vacancy:SREH:2025-01-01", 364, 90),
        ("vacancy:SPO:2025-10-01", 91, 90),
    ]
    assert "01.10.2025" in result[1].message
    assert findings(snap(vacancies=vacancies), "vacancy.long_open", vacancy_days=400) == []


# --- R12 population.stale --------------------------------------------------------------------------------


def test_r12_population() -> None:
    assert findings(snap(person("1")), "population.stale") == []
    stale = snap(person("1"), population={2023: 900, 2024: 1200, 2026: 5})
    finding = one(stale, "population.stale")
    assert (finding.severity, finding.value, finding.limit) == ("info", None, None)
    assert "2024. gada" in finding.message
    # R1 uses 2024: 1200 / 1 = 1200
    assert one(stale, "staffing.ratio").value == Decimal("1200.0")
    none = snap(person("1"), population={2026: 5})
    assert "nav ievadīts" in one(none, "population.stale").message
    assert findings(none, "staffing.ratio") == []


# --- all together ----------------------------------------------------------------------------------------


def test_findings_in_rule_order_and_english() -> None:
    from swdesk.i18n import set_language

    snapshot = snap(person("1", education="E5", salary="900"), population={2024: 5000})
    result = run_checks(snapshot, year=2025, as_of=DEC31, settings=DEFAULTS)
    rules = [f.rule for f in result.findings]
    # P = 5000 (2024), S = 1: R1 5000 and R2 5000 (no duties, S_eff = 1); no training, no supervision
    assert rules == [
        "staffing.ratio",
        "staffing.effective_ratio",
        "training.hours",
        "supervision.hours",
        "education.compliance",
        "salary.below_scale",
        "population.stale",
    ]
    set_language("en")
    english = run_checks(snapshot, year=2025, as_of=DEC31, settings=DEFAULTS)
    assert "Law on Social Services and Social Assistance" in english.findings[0].message


# --- what R1 and R2 lack, measured once (the overview's cards) -------------------------------------------


def test_staffing_measure_gives_what_r1_and_r2_lack_for_the_norm() -> None:
    from swdesk.rules.checks import make_context, staffing_measure

    def measure(snapshot: Snapshot, **settings: Any) -> Any:
        ctx = make_context(snapshot, year=2025, as_of=DEC31, settings=dataclasses.replace(DEFAULTS, **settings))
        return staffing_measure(ctx)

    # share 0.05 as in the R2 test: S = 1, S_eff = 0.95; P = 1900 → 1,90 FTE needed
    duties = [DutyRow(1, D(2025, 4, 1), "NS_TRANSP", Decimal("98.8"))]
    snapshot = snap(person("1"), duties=duties, population={2025: 1900})
    m = measure(snapshot)
    assert (m.staff, m.effective, m.ratio, m.effective_ratio) == (
        Decimal(1), Decimal("0.95"), Decimal("1900.0"), Decimal("2000.0")
    )
    assert (m.shortfall, m.effective_shortfall) == (Decimal("0.90"), Decimal("0.95"))
    # the finding says the same number the card shows
    assert "trūkst 0,90 slodzes" in one(snapshot, "staffing.ratio").message

    # the norm met: nothing lacks
    assert measure(snap(person("1"), population={2025: 900})).shortfall == Decimal(0)
    # headcount: two half-time specialists count 2, so 3000 residents lack 1 specialist (2 FTE by FTE)
    halves = snap(person("1", fte="0.5"), person("2", fte="0.5"), population={2025: 3000})
    assert measure(halves, ratio_basis="headcount").shortfall == Decimal("1.00")
    assert measure(halves).shortfall == Decimal("2.00")
    # no specialist: no ratio, the whole norm lacks; no population: nothing to measure
    none = measure(snap(person("1", position="VAD"), population={2025: 7600}))
    assert (none.ratio, none.shortfall, none.effective_shortfall) == (None, Decimal("7.60"), Decimal("7.60"))
    unknown = measure(snap(person("1"), population={}))
    assert (unknown.has_population, unknown.ratio, unknown.shortfall) == (False, None, None)
