"""The council report for one structural unit (issue 14): `swdesk report --unit NAME` counts the unit's
staff alone — with the checks on only its people — while the ratios and vacancies stay the municipality's;
the per-unit table gives each unit's staff, FTE and shortcomings, a group under 3 people as "< 3"."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from swdesk import units
from swdesk.cli import main
from swdesk.db.database import open_database
from swdesk.demo import generate_demo
from swdesk.export.common import fte_text
from swdesk.export.report import group_rows, report_for_year
from swdesk.rules.checks import check_year
from tests.test_export_toolkit import pdf_text

TODAY = dt.date(2025, 11, 28)
UNIT = "Valkas pilsētas nodaļa"


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("units-report") / "demo.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="small", today=TODAY)
    database.close()
    return path


def test_a_report_for_one_unit_counts_its_staff_and_keeps_the_ratio_municipal(small: Path) -> None:
    database = open_database(str(small), auto_backup=False)
    with database.read() as s:
        unit = units.find(s, UNIT)
        assert unit is not None
        whole = report_for_year(s, year=2025, as_of=TODAY)
        one = report_for_year(s, year=2025, as_of=TODAY, unit_id=unit.id)
        checks = check_year(s, year=2025, as_of=TODAY, unit_id=unit.id)
        people = units.staff_in_unit(s, unit.id, dt.date(2025, 1, 1), TODAY)
    database.close()
    assert one.unit_name == UNIT and whole.unit_name is None
    assert (one.ratio, one.effective_ratio, one.vacancies_open, one.ratio_by_year) == (
        whole.ratio, whole.effective_ratio, whole.vacancies_open, whole.ratio_by_year)
    assert one.findings == checks.findings
    assert [g.label for g in one.by_unit] == [UNIT]
    assert sum(g.headcount for g in one.by_position) == len(people) < sum(g.headcount for g in whole.by_position)
    # the per-unit table of the whole service: staff, FTE on D, shortcomings; a small group withheld
    rows = {row[0]: row for row in group_rows(whole.by_unit)}
    assert set(rows) >= {UNIT}
    own = next(g for g in whole.by_unit if g.label == UNIT)
    assert own.fte > 0 and (rows[UNIT][1], rows[UNIT][3]) == (str(own.headcount), fte_text(own.fte))
    for group, row in zip(whole.by_unit, group_rows(whole.by_unit), strict=True):
        if group.small:
            assert row[1] == "< 3" and row[3] == "nerāda"


def test_the_command_line_names_the_unit_or_refuses_an_unknown_one(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "zinojums.pdf"
    assert main(["--db", str(small), "report", "--year", "2025", "--pdf", str(pdf), "--unit", "valkas PILSĒTAS nodaļa"]) == 0
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext"):
        first = " ".join(pdf_text(pdf, page=1).split())
        assert f"Struktūrvienība {UNIT}" in first and "visa pašvaldība" in first
    assert main(["--db", str(small), "report", "--year", "2025", "--pdf", str(pdf), "--unit", "Rūjiena"]) == 2
    err = capsys.readouterr().err
    assert "Struktūrvienības «Rūjiena» nav sarakstā. Sarakstā ir: Administrācija" in err
