"""Issue 15 part 1: the council report names nobody unless asked to, and then says so on every page.

Council meeting materials are routinely published; the default report must hold no staff name, employee
number (tabeles nr.) or personal code, only counts per position and unit, with a group of fewer than 3
people shown as "< 3" and its pay withheld. The people are taken from the database itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import open_database
from swdesk.demo import generate_demo
from swdesk.export.report import CouncilReport, group_rows, report_for_year, write_report_pdf
from tests.test_export_toolkit import needs_poppler, pdf_pages, pdf_text

TODAY = dt.date(2026, 3, 15)
AS_OF = dt.date(2025, 12, 31)
NAMED_HEADER = "ar vārdiem — iekšējai lietošanai"


@pytest.fixture(scope="module", params=["small", "riga"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp(f"privacy-{request.param}")
    database = open_database(str(folder / "demo.sqlite"), auto_backup=False)
    generate_demo(database, size=request.param, today=TODAY)
    database.close()
    yield folder / "demo.sqlite"


def _people(path: Path) -> tuple[list[m.Staff], str]:
    database = open_database(str(path), auto_backup=False)
    try:
        with database.read() as s:
            staff = list(s.scalars(select(m.Staff)))
            s.expunge_all()
            head = s.scalar(select(m.Service.head_name)) or ""
    finally:
        database.close()
    return staff, head


def _words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def leaks(text: str, staff: list[m.Staff], head: str) -> list[str]:
    """Every name, employee number or personal code of ``staff`` found in ``text``.

    The head of the service signs the report in office and is named as its author, so the head's own name
    is not a leak. Employee numbers are looked for as whole tokens; numbers from 1000 on are also years
    (2025) and the norm (1:1000), so those tokens count only where they are not such a year or the norm.
    """
    flat = _words(text)
    tokens = set(re.findall(r"(?<![\d,.:])\d+(?![\d,])", flat))
    allowed_numbers = {str(y) for y in range(2000, 2101)} | {"1000"}
    found = []
    if "tabeles" in flat.lower():
        found.append("«tabeles nr.»")
    for person in staff:
        if person.full_name != head:
            for name in (person.full_name, f"{person.last_name} {person.first_name}"):
                if name in flat:
                    found.append(name)
            if person.last_name not in head.split() and re.search(
                rf"\b{re.escape(person.last_name)}\b", flat
            ):
                found.append(person.last_name)
        if person.tabeles_nr in tokens and person.tabeles_nr not in allowed_numbers:
            found.append(person.tabeles_nr)
        if person.personal_code and (
            person.personal_code in flat or person.personal_code.replace("-", "") in flat
        ):
            found.append(person.personal_code)
    return found


@needs_poppler
def test_default_report_names_nobody_and_the_named_one_says_so_on_every_page(
    demo: Path, tmp_path: Path
) -> None:
    staff, head = _people(demo)
    assert len(staff) > 10 and all(p.personal_code for p in staff)
    anonymous, named = tmp_path / "zinojums.pdf", tmp_path / "zinojums-ar-vardiem.pdf"
    db = ["--db", str(demo)]
    assert main([*db, "report", "--year", "2025", "--as-of", "31.12.2025", "--pdf", str(anonymous)]) == 0
    assert (
        main([*db, "report", "--year", "2025", "--as-of", "31.12.2025", "--pdf", str(named), "--named"]) == 0
    )

    text = pdf_text(anonymous)
    assert leaks(text, staff, head) == []
    assert NAMED_HEADER not in _words(text)
    # the figures the findings stood for are there as counts per position
    assert "Konstatējumi pa amatiem" in _words(text) and "Konstatējumi pa struktūrvienībām" in _words(text)
    assert "< 3" in _words(text)

    # the same check finds the people in the named variant: the test can fail
    named_text = pdf_text(named)
    assert leaks(named_text, staff, head)
    assert "tabeles nr." in _words(named_text)
    for page in range(1, pdf_pages(named) + 1):
        assert NAMED_HEADER in _words(pdf_text(named, page=page)), page


def test_small_groups_read_less_than_three_with_pay_and_counts_withheld(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "demo.sqlite"), auto_backup=False)
    try:
        generate_demo(database, size="small", today=TODAY)
        with database.read() as s:
            report: CouncilReport = report_for_year(s, year=2025, as_of=AS_OF)
    finally:
        database.close()
    groups = report.by_position + report.by_unit
    assert report.by_unit, "the small demo has structural units"
    small = [g for g in groups if g.headcount < 3]
    large = [g for g in groups if g.headcount >= 3]
    assert small and large
    for group, row in zip(groups, group_rows(groups), strict=True):
        if group.headcount < 3:
            assert row[1] == "< 3"
            assert set(row[2:]) <= {"nerāda", "—"} and row[2] == "nerāda"
        else:
            assert row[1] == str(group.headcount)
            if group.salary_people >= 3:
                assert re.fullmatch(r"\d[\d\u00a0]*,\d\d", row[2]), row[2]
            else:  # fewer than 3 of the group employed on the day: their mean pay would be one person's
                assert row[2] in {"nerāda", "—"}
    # small positions are pooled, so one person's position is never a row of its own
    assert all(g.key != "VAD" for g in report.by_position)
    # nobody is lost from the table: the rows add up to everyone employed in the year
    employed = sum(
        1
        for p in _people(tmp_path / "demo.sqlite")[0]
        if p.start <= AS_OF and (p.end is None or p.end.year >= 2025)
    )
    assert sum(g.headcount for g in report.by_position) == employed
    assert sum(g.headcount for g in report.by_unit) == employed


@needs_poppler
def test_english_copy_is_anonymous_too(tmp_path: Path) -> None:
    database = open_database(str(tmp_path / "demo.sqlite"), auto_backup=False)
    try:
        generate_demo(database, size="small", today=TODAY)
        with database.read() as s:
            report = report_for_year(s, year=2025, as_of=AS_OF)
    finally:
        database.close()
    staff, head = _people(tmp_path / "demo.sqlite")
    path = write_report_pdf(report, tmp_path / "report.en.pdf", lang="en")
    assert leaks(pdf_text(path), staff, head) == []
    named = write_report_pdf(report, tmp_path / "named.en.pdf", lang="en", named=True)
    assert "with names — for internal use" in _words(pdf_text(named, page=pdf_pages(named)))
