"""`swdesk check` and `swdesk survey` on a real database, and a realistic small municipality end to end."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from swdesk import settings as st
from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.rules.checks import check_year

D = dt.date

# (nr, first, last, position, fte, start, education, salary)
STAFF = [
    ("1", "Inese", "Kalniņa", "SD_VEC", "1", D(2015, 3, 1), "E1", "1600"),
    ("2", "Māris", "Ozols", "SD", "1", D(2018, 1, 8), "E3", "1120"),
    ("3", "Laura", "Liepa", "SD_JAUN", "1", D(2021, 9, 1), "E6", "1000"),
    ("4", "Olga", "Petrova", "SPO", "1", D(2016, 5, 2), "E4", "900"),
    ("5", "Rita", "Zariņa", "SAPR", "0.5", D(2025, 7, 1), "E4", "800"),
    ("6", "Anna", "Bērziņa", "SREH", "1", D(2019, 2, 1), "E4", "800"),
    ("7", "Dace", "Vītola", "VAD", "1", D(2012, 1, 2), "E1", "2500"),
    ("8", "Ieva", "Kļaviņa", "ATB", "1", D(2020, 4, 1), "E5", "900"),
]
# (nr, kind, hours)
EVENTS = [
    ("1", "training", 24),
    ("1", "supervision_individual", 9),
    ("2", "training", 24),
    ("2", "supervision_group", 18),
    ("3", "training", 24),
    ("3", "supervision_individual", 9),
    ("4", "training", 16),
    ("4", "supervision_individual", 6),
    ("5", "training", 8),
    ("5", "supervision_group", 9),
    ("6", "training", 16),
    ("6", "supervision_individual", 9),
    ("7", "training", 24),
]


def build_municipality(db: Database) -> None:
    """A novads social service of 7600 residents with 8 staff, data for 2025."""
    with db.write() as s:
        s.add(
            m.Service(
                name="Valkas novada sociālais dienests", municipality="Valkas novads", head_name="Dace Vītola"
            )
        )
        s.add(m.Population(year=2025, residents=7600))
        ids = {}
        for nr, first, last, position, fte, start, education, salary in STAFF:
            row = m.Staff(
                tabeles_nr=nr,
                first_name=first,
                last_name=last,
                position_code=position,
                fte=Decimal(fte),
                start=start,
                education_code=education,
                salary=Decimal(salary),
                personal_code=f"0101{nr}0-1234{nr}",
            )
            s.add(row)
            s.flush()
            ids[nr] = row.id
        for nr, kind, hours in EVENTS:
            s.add(
                m.TrainingEvent(
                    staff_id=ids[nr],
                    date=D(2025, 10, 15),
                    kind=kind,
                    minutes=hours * 60,
                    duration=Decimal(hours),
                    duration_unit="hours",
                    certified_supervisor=True,
                )
            )
        s.add(m.Duty(staff_id=ids["4"], date=D(2025, 3, 3), category_code="NS_GRAMAT", hours=Decimal(250)))
        s.add(
            m.Criterion(position_code="*", work_type_code="GVAD", unit_code="LIETAS", max_per_fte=Decimal(25))
        )
        s.add(m.Caseload(staff_id=ids["2"], month=D(2025, 3, 1), work_type_code="GVAD", cases=30))
        s.add(m.Caseload(staff_id=ids["2"], month=D(2025, 4, 1), work_type_code="GVAD", cases=25))
        s.add(m.Caseload(staff_id=ids["1"], month=D(2025, 3, 1), work_type_code="KRIZE", persons=3))
        s.add(m.Vacancy(position_code="SD", fte=Decimal(1), announced=D(2025, 8, 1)))


def test_realistic_small_municipality(db: Database) -> None:
    build_municipality(db)
    with db.read() as s:
        result = check_year(s, year=2025, as_of=D(2025, 12, 31))
    got = [(f.rule, f.severity, f.subject, f.value, f.limit) for f in result.findings]
    assert got == [
        # R1: SDS on 31.12 = 1 + 1 + 1 + 1 + 0.5 + 1 = 5.5 FTE (VAD and ATB are not SDS);
        #     7600 / 5.5 = 1381.82 → 1381.8; shortfall 7.6 − 5.5 = 2.10
        ("staffing.ratio", "error", "service", Decimal("1381.8"), Decimal(1000)),
        # R2: Olga's share 250 / 1976 = 0.126518 (1976 h = 8 × 247 working days, SPEC §2 Monday–Friday only)
        #     → S_eff = 5.5 − 0.126518 = 5.373482; 7600 / 5.373482 = 1414.353 → 1414.4
        #     (exactly: S_eff = 5.5 − 125/988 = 5309/988; 7600 × 988 / 5309 = 7508800 / 5309 = 1414.353)
        ("staffing.effective_ratio", "warning", "service", Decimal("1414.4"), Decimal(1000)),
        # R3: Māris, March 30 cases / 1.0 > 25 (April 25 = the criterion: fine)
        ("caseload.over_criterion", "warning", "staff:2:GVAD", Decimal("30.00"), Decimal(25)),
        # R5: KRIZE has data (Inese) but no criterion
        ("caseload.no_criterion", "info", "worktype:KRIZE", None, None),
        # R6: Olga 250 / 1976 = 0.12652 (1976 × 0.1265 = 249.964 < 250) → 0.127 > 0.10
        ("duties.share", "warning", "staff:4", Decimal("0.127"), Decimal("0.10")),
        # R7: Rita from 01.07.2025: 184 days; 16 × 184 / 365 = 8.066 → 8.07 > 8.00 done
        ("training.hours", "warning", "staff:5", Decimal("8.00"), Decimal("8.07")),
        # R8 (any): Olga 6 of 9 individual, 0 of 18 group; Rita 9 of 18 × 184/365 = 9.07 group, 0 individual
        ("supervision.hours", "warning", "staff:4", None, None),
        ("supervision.hours", "warning", "staff:5", None, None),
        # R9: Laura is a student (E6) since 01.09.2021: the term ended 01.09.2024
        ("education.compliance", "error", "staff:3", None, None),
        # R10: Māris 1120 < 1157 (SD, group 9, 2023 scale); a warning before 2027
        ("salary.below_scale", "warning", "staff:2", Decimal("1120.00"), Decimal("1157.00")),
        # R11: the SD vacancy of 01.08.2025 is 152 days open on 31.12.2025 (> 90)
        ("vacancy.long_open", "warning", "vacancy:SD:2025-08-01", 152, 90),
    ]
    ratio = result.findings[0].message
    assert "Valkas novada sociālais dienests" in ratio and "trūkst 2,10 slodzes" in ratio
    assert "Laura Liepa (tabeles nr. 3)" in result.for_rule("education.compliance")[0].message
    assert "01.09.2024" in result.for_rule("education.compliance")[0].message


def test_check_json_on_the_command_line(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_municipality(db)
    assert main(["--db", str(db_path), "check", "--year", "2025", "--as-of", "31.12.2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"year", "as_of", "findings"}
    assert (data["year"], data["as_of"]) == (2025, "2025-12-31")
    assert len(data["findings"]) == 11
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "subject", "value", "limit", "message"}
    assert data["findings"][0]["value"] == 1381.8 and data["findings"][0]["limit"] == 1000
    assert data["findings"][-1]["value"] == 152


def test_check_text_groups_by_severity(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_municipality(db)
    assert main(["--db", str(db_path), "check", "--year", "2025", "--as-of", "2025-12-31"]) == 0
    out = capsys.readouterr().out
    assert out.index("Kļūdas (2)") < out.index("Brīdinājumi (8)") < out.index("Informācija (1)")
    assert "Normu pārbaude 2025. gadam uz 31.12.2025" in out


def test_check_bad_input(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "check", "--year", "2025", "--as-of", "31.13.2025"]) == 2
    assert main(["--db", str(db_path), "check", "--year", "25"]) == 2


def test_check_without_a_service_still_runs(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "check", "--year", "2025", "--as-of", "2025-06-30", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["findings"]] == ["population.stale"]


def test_survey_json_on_the_command_line(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_municipality(db)
    assert main(["--db", str(db_path), "survey", "--date", "01.02.2026", "--json"]) == 0
    text = capsys.readouterr().out
    data = json.loads(text)
    assert set(data) == {"date", "positions", "service", "previous_year"}
    for figures in data["positions"].values():
        assert set(figures) == {
            "headcount",
            "fte",
            "vacancies",
            "vacancy_fte",
            "salary_min",
            "salary_mean",
            "salary_max",
            "below_scale",
            "education_noncompliant",
        }
    assert set(data["service"]) == {
        "population",
        "sds_headcount",
        "sds_fte",
        "residents_per_sds",
        "effective_residents_per_sds",
        "hires",
        "leavers",
    }
    assert set(data["previous_year"]) == {
        "training_met_share",
        "supervision_met_share",
        "median_cases_social_workers",
        "median_cases_spo",
        "nonsw_hours",
        "nonsw_share",
        "top_nonsw_categories",
    }
    # SDS employed in 2025: 6; training met by all but Rita → 5/6 = 0.833; supervision by 4 of 6 = 0.667
    assert data["previous_year"]["training_met_share"] == 0.833
    assert data["previous_year"]["supervision_met_share"] == 0.667
    for first, last, nr in [(r[1], r[2], r[0]) for r in STAFF]:
        assert first not in text and last not in text and f"0101{nr}0-1234{nr}" not in text
    assert main(["--db", str(db_path), "survey", "--date", "01.02.2026"]) == 0
    assert "Aptauja par sociālā darba speciālistiem uz 01.02.2026" in capsys.readouterr().out


def test_the_setting_in_force_on_the_as_of_date_is_used(db: Database) -> None:
    build_municipality(db)
    with db.write() as s:
        st.set_value(s, "duties.threshold", "0.20", D(2025, 7, 1))
    with db.read() as s:
        # 30.06.2025: threshold 0.10; Olga: FTE 1 × 8 × 121 working days (Jan 22, Feb 20, Mar 21, Apr 20,
        # May 19, Jun 19) = 968 h; 250 / 968 = 0.25826 (968 × 0.2585 = 250.228 > 250) → 0.258 > 0.10
        early = check_year(s, year=2025, as_of=D(2025, 6, 30)).for_rule("duties.share")
        # 31.12.2025: threshold 0.20 (from 01.07.2025); 250 / 1976 = 0.1265 ≤ 0.20 → no finding
        late = check_year(s, year=2025, as_of=D(2025, 12, 31)).for_rule("duties.share")
    assert [(f.subject, f.value, f.limit) for f in early] == [("staff:4", Decimal("0.258"), Decimal("0.10"))]
    assert late == []


def test_default_as_of_is_the_earlier_of_today_and_year_end(db: Database) -> None:
    with db.read() as s:
        assert check_year(s, year=2025, today=D(2025, 5, 5)).as_of == D(2025, 5, 5)
        assert check_year(s, year=2025, today=D(2026, 5, 5)).as_of == D(2025, 12, 31)
