"""Done when (issue 14 point 1): on the Rīga demo, with a structural unit chosen, the unit's figures — the
findings of every rule about people, the people and FTE, the caseload and duty charts — are those of the
same checks run on a database that holds only that unit's staff; the ratios stay the municipality's."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from swdesk import units
from swdesk.db.database import Database, open_database
from swdesk.demo import generate_demo
from swdesk.gui.views.dashboard import load_dashboard
from swdesk.rules.checks import SERVICE_WIDE, check_year

TODAY = dt.date(2025, 11, 28)
YEAR = 2025


@pytest.fixture(scope="module")
def riga(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("riga-units") / "riga.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="riga", today=TODAY)
    database.close()
    yield path


def _only(source: Path, target: Path, names: set[str]) -> Database:
    """A copy of the database without the staff of any other unit (their caseloads, duties, training and
    terms go with them by the schema's ON DELETE CASCADE)."""
    shutil.copyfile(source, target)
    con = sqlite3.connect(target)
    con.execute("PRAGMA foreign_keys = ON")
    marks = ", ".join("?" * len(names))
    con.execute(f"DELETE FROM staff WHERE unit_name IS NULL OR unit_name NOT IN ({marks})", sorted(names))
    con.commit()
    con.close()
    return open_database(str(target), auto_backup=False)


def _rows(result: object) -> list[tuple[object, ...]]:
    return [(f.rule, f.severity, f.subject, f.value, f.limit, f.message)
            for f in result.findings]  # type: ignore[attr-defined]


@pytest.mark.parametrize("unit", ["Teritoriālais centrs «Imanta»", "Teritoriālie centri", "Aprūpes mājās nodaļa"])
def test_a_units_figures_are_the_checks_on_only_its_staff(riga: Path, tmp_path: Path, unit: str) -> None:
    whole = open_database(str(riga), auto_backup=False)
    with whole.read() as s:
        chosen = units.find(s, unit)
        assert chosen is not None
        unit_id, names = chosen.id, units.names_in(s, chosen.id)
        by_unit = check_year(s, year=YEAR, today=TODAY, unit_id=unit_id)
        everyone = check_year(s, year=YEAR, today=TODAY)
    board = load_dashboard(whole, YEAR, today=TODAY, unit_id=unit_id)
    board_all = load_dashboard(whole, YEAR, today=TODAY)
    whole.close()
    alone = _only(riga, tmp_path / "alone.sqlite", names)
    with alone.read() as s:
        by_database = check_year(s, year=YEAR, today=TODAY)
    board_alone = load_dashboard(alone, YEAR, today=TODAY)
    alone.close()

    about_people = lambda rows: [r for r in rows if r[0] not in SERVICE_WIDE]  # noqa: E731
    assert about_people(_rows(by_unit)) == about_people(_rows(by_database))
    assert about_people(_rows(by_unit)), "the unit has findings to compare"
    assert len(about_people(_rows(by_unit))) < len(about_people(_rows(everyone)))
    # the ratios per 1000 residents and the vacancies stay the whole municipality's
    service_wide = lambda rows: [r for r in rows if r[0] in SERVICE_WIDE]  # noqa: E731
    assert service_wide(_rows(by_unit)) == service_wide(_rows(everyone))
    assert board.ratio_by_year == board_all.ratio_by_year and board.staffing == board_all.staffing
    # people and FTE on D, cases per FTE by month, non-social-work hours: the unit's alone
    assert (board.people, board.fte) == (board_alone.people, board_alone.fte)
    assert 0 < board.people < board_all.people and board.unit_name == unit
    assert board.caseload_by_month == board_alone.caseload_by_month
    assert board.duties_by_category == board_alone.duties_by_category
    assert board.caseload_by_month != board_all.caseload_by_month
