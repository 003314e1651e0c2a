"""Pienākumi as heads keep them: a month's total on one date, bounded by the month's contracted hours (SPEC §5).

Working days counted by hand (tests/test_worktime.py has the calendar): 2025 has 247, so a full-time year is
1976 h; March 2025 has 21 (168 h full time, 84 h half time), April 20 (18.4 Good Friday and 21.4 Easter Monday
off: 160 h), May 19 (152 h), February 20 (160 h), July 23 (184 h).
"""

# The fast `db` fixture is imported from the support module, so test arguments named `db` "redefine" it.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.export.report import headline_rows, report_for_year
from swdesk.importer.importer import import_workbook
from swdesk.rules.duty_limit import Employment, duty_month_limit, month_over_limit
from tests.test_import_support import (
    HEADERS,
    db,  # noqa: F401 - the fast `db` fixture, see test_import_support
    dump,
    migrated_database_file,  # noqa: F401
    write_xlsx,
)

D = dt.date


def _staff(nr: str, first: str, last: str, fte: Any, start: Any, end: Any = None) -> list[Any]:
    return [nr, first, last, None, "SD", fte, start, end, "E1", 1500, None, None]


ANNA = _staff("1001", "Anna", "Bērziņa", 1, "01.03.2020")


def _workbook(
    tmp_path: Path, duties: list[list[Any]], *, staff: list[list[Any]] | None = None, name: str = "dati.xlsx"
) -> Path:
    sheets: dict[str, list[list[Any]]] = {
        "Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2025, 7600], [2026, 7550]],
        "Darbinieki": [HEADERS["Darbinieki"], *(staff if staff is not None else [ANNA])],
        "Pienākumi": [HEADERS["Pienākumi"], *duties],
    }
    return write_xlsx(tmp_path / name, sheets)


def _duties(db: Database) -> list[tuple[str, dt.date, Decimal]]:
    with db.read() as s:
        rows = s.execute(select(m.Staff.tabeles_nr, m.Duty.date, m.Duty.hours).join(m.Staff))
        return sorted((nr, day, hours) for nr, day, hours in rows)


def _where(result: Any) -> list[tuple[str | None, int | None, str | None]]:
    return [(p.sheet, p.row, p.column) for p in result.problems]


# --- monthly totals import and every figure counts them ----------------------------------------------------

MONTHLY_TOTALS = [
    ["1001", "01.03.2025", "Pārtikas paku izdale", 40, "Pārtikas pakas, marts"],
    ["1001", "15.04.2025", "NS_PARTIKA", 80, "Pārtikas pakas, aprīlis"],
    ["1001", "30.05.2025", "NS_ADMIN", 100, "Lietvedība, maijs"],
]


def test_monthly_totals_import_and_r6_counts_them(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = import_workbook(db, _workbook(tmp_path, MONTHLY_TOTALS))
    assert result.problems == [] and result.written and result.counts["Pienākumi"].added == 3
    assert _duties(db) == [
        ("1001", D(2025, 3, 1), Decimal(40)),
        ("1001", D(2025, 4, 15), Decimal(80)),
        ("1001", D(2025, 5, 30), Decimal(100)),
    ]

    assert main(["--db", str(db_path), "check", "--year", "2025", "--as-of", "31.12.2025", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    r6 = [f for f in findings if f["rule"] == "duties.share"]
    # 220 h of 1976 h = 0,1113 > 0,10
    assert [(f["subject"], f["value"], f["limit"]) for f in r6] == [("staff:1001", 0.111, 0.1)]
    assert "220,00 h no 1\u00a0976,00 h darba laika jeb 11,1 %" in r6[0]["message"]

    # the period sums what is dated in it: as of 30 April, March and April (120 h) but not May
    assert main(["--db", str(db_path), "check", "--year", "2025", "--as-of", "30.04.2025", "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    (r6,) = [f for f in findings if f["rule"] == "duties.share"]
    assert "veltītas 120,00 h no " in r6["message"]


def test_monthly_totals_count_in_the_survey(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_workbook(db, _workbook(tmp_path, MONTHLY_TOTALS)).problems == []
    assert main(["--db", str(db_path), "survey", "--date", "01.02.2026", "--json"]) == 0
    previous = json.loads(capsys.readouterr().out)["previous_year"]
    assert previous["nonsw_hours"] == 220
    assert previous["nonsw_share"] == 0.111  # 220 / 1976
    assert previous["top_nonsw_categories"] == ["NS_PARTIKA", "NS_ADMIN"]  # 120 h, 100 h


def test_monthly_totals_count_in_the_council_report(db: Database, tmp_path: Path) -> None:
    assert import_workbook(db, _workbook(tmp_path, MONTHLY_TOTALS)).problems == []
    with db.read() as s:
        report = report_for_year(s, year=2025, as_of=D(2025, 12, 31))
    assert report.sds_duty_share == Decimal("0.111")
    assert report.duty_hours_by_category == (("NS_PARTIKA", Decimal(120)), ("NS_ADMIN", Decimal(100)))
    effective = headline_rows(report)[1]
    assert effective[2] == "speciālisti 11,1\u00a0% darba laika pavada citu pienākumu veikšanā"


def test_a_whole_month_may_be_entered_and_importing_it_again_changes_nothing(
    db: Database, tmp_path: Path
) -> None:
    """168 h in March for a full-time person is exactly possible; the second import adds nothing and does not
    count the rows already in the database twice."""
    duties = [
        ["1001", "03.03.2025", "NS_PARTIKA", 100, None],
        ["1001", "31.03.2025", "NS_ADMIN", 68, None],
    ]
    path = _workbook(tmp_path, duties)
    assert import_workbook(db, path).problems == []
    again = import_workbook(db, path)
    assert again.problems == [] and again.counts["Pienākumi"].unchanged == 2
    assert sum(hours for _nr, _day, hours in _duties(db)) == Decimal(168)


# --- an impossible month is refused, naming the person and the month; nothing is written -------------------


def test_one_entry_above_the_month_is_refused(db: Database, tmp_path: Path) -> None:
    before = dump(db)
    result = import_workbook(db, _workbook(tmp_path, [["1001", "10.03.2025", "NS_PARTIKA", 200, None]]))
    assert not result.written and dump(db) == before
    assert _where(result) == [("Pienākumi", 2, "Stundas")]
    assert result.problems[0].message == (
        "Anna Bērziņa (tabeles nr. 1001), 2025. gada marts: ar sociālo darbu nesaistīto pienākumu stundas "
        "šajā mēnesī kopā būtu 200,00 h, bet mēneša darba laiks pēc slodzes ir 168,00 h (darba dienu skaits "
        "21 × 8 h × slodze 1). Mēneša kopsummu var ierakstīt jebkurā šā mēneša datumā, bet ne vairāk par "
        "mēneša darba laiku."
    )


def test_several_entries_of_one_month_are_summed_and_refused_where_the_month_runs_over(
    db: Database, tmp_path: Path
) -> None:
    before = dump(db)
    duties = [
        ["1001", "03.03.2025", "NS_PARTIKA", 100, None],
        ["1001", "01.04.2025", "NS_PARTIKA", 150, None],  # another month: 150 of 160 h is fine
        ["1001", "20.03.2025", "NS_ADMIN", 60, None],  # 160 h: still fine
        ["1001", "31.03.2025", "NS_TRANSP", "8,5", None],  # 168,5 h: over
    ]
    result = import_workbook(db, _workbook(tmp_path, duties))
    assert _where(result) == [("Pienākumi", 5, "Stundas")]
    message = result.problems[0].message
    assert message.startswith("Anna Bērziņa (tabeles nr. 1001), 2025. gada marts: ")
    assert "kopā būtu 168,50 h, bet mēneša darba laiks pēc slodzes ir 168,00 h" in message
    assert not result.written and dump(db) == before


def test_hours_already_in_the_database_count_in_the_month(db: Database, tmp_path: Path) -> None:
    assert import_workbook(db, _workbook(tmp_path, [["1001", "03.03.2025", "NS_PARTIKA", 100, None]])).ok
    before = dump(db)
    later = _workbook(tmp_path, [["1001", "28.03.2025", "NS_ADMIN", 70, None]], name="vēlāk.xlsx")
    result = import_workbook(db, later)
    assert _where(result) == [("Pienākumi", 2, "Stundas")]
    assert "2025. gada marts" in result.problems[0].message
    assert "kopā būtu 170,00 h, bet mēneša darba laiks pēc slodzes ir 168,00 h" in result.problems[0].message
    assert "No tām 100,00 h jau ir ierakstītas." in result.problems[0].message
    assert not result.written and dump(db) == before
    assert _duties(db) == [("1001", D(2025, 3, 3), Decimal(100))]


def test_the_month_uses_the_fte_this_import_gives(db: Database, tmp_path: Path) -> None:
    """A Darbinieki row of the same import changes the FTE: the month is checked against the new one."""
    duties = [["1001", "03.03.2025", "NS_PARTIKA", 100, None]]
    assert import_workbook(db, _workbook(tmp_path, duties)).ok
    before = dump(db)
    half = _staff("1001", "Anna", "Bērziņa", "0,5", "01.03.2020")
    result = import_workbook(db, _workbook(tmp_path, duties, staff=[half], name="puse.xlsx"))
    assert _where(result) == [("Pienākumi", 2, "Stundas")]
    assert "mēneša darba laiks pēc slodzes ir 84,00 h (darba dienu skaits 21 × 8 h × slodze 0,5)" in (
        result.problems[0].message
    )
    assert dump(db) == before


def test_the_months_an_employment_starts_and_ends_hold_only_its_working_days(
    db: Database, tmp_path: Path
) -> None:
    """Jānis works 17.03.2025–30.06.2025 full time: March holds 11 working days (88 h), July none."""
    janis = _staff("1002", "Jānis", "Ozols", 1, "17.03.2025", "30.06.2025")
    fine = [["1002", "01.03.2025", "NS_PARTIKA", 88, "marts, no 17.03."]]  # any date of the month
    assert import_workbook(db, _workbook(tmp_path, fine, staff=[janis])).ok
    before = dump(db)
    over = [
        ["1002", "31.03.2025", "NS_ADMIN", "0,25", None],
        ["1002", "01.07.2025", "NS_ADMIN", 1, None],
    ]
    result = import_workbook(db, _workbook(tmp_path, over, staff=[janis], name="vairāk.xlsx"))
    assert _where(result) == [("Pienākumi", 2, "Stundas"), ("Pienākumi", 3, "Stundas")]
    march, july = (p.message for p in result.problems)
    assert march.startswith("Jānis Ozols (tabeles nr. 1002), 2025. gada marts: ")
    assert "kopā būtu 88,25 h" in march
    assert (
        "ir 88,00 h (darba dienu skaits 11 × 8 h × slodze 1; darba attiecības 17.03.2025–30.06.2025)" in march
    )
    assert july.startswith("Jānis Ozols (tabeles nr. 1002), 2025. gada jūlijs: ")
    assert "ir 0,00 h (darba dienu skaits 0 × 8 h × slodze 1; darba attiecības līdz 30.06.2025)" in july
    assert dump(db) == before


def test_two_employments_of_one_person_have_a_month_each(db: Database, tmp_path: Path) -> None:
    """The limit belongs to the employment (Tabeles nr.), each with its own FTE, as every figure of SPEC §2."""
    staff = [
        _staff("1001", "Anna", "Bērziņa", 1, "01.03.2020"),
        _staff("2001", "Anna", "Bērziņa", "0,5", "01.01.2025"),
    ]
    duties = [
        ["1001", "31.03.2025", "NS_PARTIKA", 168, None],
        ["2001", "31.03.2025", "NS_PARTIKA", 84, None],
    ]
    assert import_workbook(db, _workbook(tmp_path, staff=staff, duties=duties)).ok
    duties[1][3] = "84,01"
    result = import_workbook(db, _workbook(tmp_path, staff=staff, duties=duties, name="b.xlsx"))
    assert _where(result) == [("Pienākumi", 3, "Stundas")]
    assert result.problems[0].message.startswith("Anna Bērziņa (tabeles nr. 2001), 2025. gada marts: ")


def test_every_problem_is_listed_at_once_and_a_dry_run_says_the_same(db: Database, tmp_path: Path) -> None:
    sheets = {
        "Darbinieki": [HEADERS["Darbinieki"], ANNA],
        "Pienākumi": [
            HEADERS["Pienākumi"],
            ["1001", "05.02.2025", "Kafija", 2, None],  # not a category
            ["1001", "10.02.2025", "NS_ADMIN", 161, None],  # February holds 160 h
            ["1001", "10.07.2025", "NS_ADMIN", 185, None],  # July holds 184 h
        ],
    }
    path = write_xlsx(tmp_path / "a.xlsx", sheets)
    before = dump(db)
    for dry_run in (True, False):
        result = import_workbook(db, path, dry_run=dry_run)
        assert _where(result) == [
            ("Pienākumi", 2, "Kategorija"),
            ("Pienākumi", 3, "Stundas"),
            ("Pienākumi", 4, "Stundas"),
        ]
        assert "2025. gada februāris" in result.problems[1].message
        assert "2025. gada jūlijs" in result.problems[2].message
        assert not result.written and dump(db) == before


def test_the_refusal_in_english(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _workbook(tmp_path, [["1001", "10.03.2025", "NS_PARTIKA", 200, None]])
    assert main(["--db", str(db_path), "--lang", "en", "import", str(path)]) == 2
    assert (
        "Sheet 'Pienākumi', row 2, column 'Stundas': Anna Bērziņa (employee no. 1001), March 2025: the "
        "non-social-work duty hours of this month would total 200.00 h, but the month's contracted hours are "
        "168.00 h (21 working days × 8 h × FTE 1)."  # an English sentence writes English numbers (issue 17)
    ) in capsys.readouterr().out


# --- the one limit -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fte", "start", "end", "month", "hours"),
    [
        ("1", D(2020, 1, 1), None, D(2025, 3, 1), 168),
        ("0.5", D(2020, 1, 1), None, D(2025, 3, 31), 84),  # any day names its month
        ("1.25", D(2020, 1, 1), None, D(2025, 5, 1), 190),  # 19 × 8 × 1,25
        ("1", D(2025, 3, 17), None, D(2025, 3, 1), 88),  # 17–31 March: 11 working days
        ("1", D(2020, 1, 1), D(2025, 6, 30), D(2025, 7, 1), 0),  # not employed in July
        ("1", D(2025, 8, 1), None, D(2025, 7, 1), 0),  # nor before the start
    ],
)
def test_the_limit_is_the_months_contracted_hours(
    fte: str, start: dt.date, end: dt.date | None, month: dt.date, hours: int
) -> None:
    employment = Employment("1", "A B", Decimal(fte), start, end)
    assert duty_month_limit(employment, month) == hours
    assert month_over_limit(employment, month, recorded=Decimal(0), entries=[Decimal(hours)]) is None
    over = month_over_limit(
        employment, month, recorded=Decimal(0), entries=[Decimal(hours) + Decimal("0.01")]
    )
    assert over is not None and over.entry == 0 and over.limit == hours


def test_the_entry_that_runs_the_month_over_is_named() -> None:
    anna = Employment("1001", "Anna Bērziņa", Decimal(1), D(2020, 1, 1), None)
    over = month_over_limit(anna, D(2025, 3, 9), recorded=Decimal(100), entries=[Decimal(40), Decimal(40)])
    assert over is not None and over.entry == 1 and over.entered == 180 and over.recorded == 100
    # hours already over by themselves (entered before the limit existed): no entry to blame
    over = month_over_limit(anna, D(2025, 3, 9), recorded=Decimal(200), entries=[Decimal(1)])
    assert over is not None and over.entry is None and over.entered == 201


def test_the_demo_data_keeps_every_month_possible(db: Database) -> None:
    """The demonstration generator writes duties too: none of its person-months is over the limit."""
    from collections import defaultdict

    from swdesk.demo import generate_demo
    from swdesk.rules.duty_limit import month_of

    generate_demo(db, size="small", seed=2026, today=D(2026, 3, 15))
    with db.read() as s:
        staff = {p.id: Employment.of(p) for p in s.scalars(select(m.Staff))}
        months: dict[tuple[int, dt.date], Decimal] = defaultdict(Decimal)
        for staff_id, day, hours in s.execute(select(m.Duty.staff_id, m.Duty.date, m.Duty.hours)):
            months[(staff_id, month_of(day))] += hours
    assert months
    over = [
        (staff[sid].tabeles_nr, month, hours)
        for (sid, month), hours in months.items()
        if month_over_limit(staff[sid], month, recorded=hours, entries=[]) is not None
    ]
    assert over == []
