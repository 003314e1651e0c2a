"""Budžeta pamatojums (issue 13): the council document holds today and the scenarios' figures as the planning
computes them, per position, and names nobody."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from swdesk import planning
from swdesk.db import models as m
from swdesk.db.database import open_database
from swdesk.demo import generate_demo
from swdesk.export.budget import write_budget_pdf, write_budget_xlsx
from swdesk.rules import scenario as sc
from tests.test_export_toolkit import pdf_text

TODAY = dt.date(2025, 11, 28)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> tuple[planning.Comparison, Path, Path]:
    folder = tmp_path_factory.mktemp("budget")
    database = open_database(str(folder / "demo.sqlite"), auto_backup=False)
    generate_demo(database, size="small", seed=11, today=TODAY)
    with database.write() as s:
        leaver = planning.list_scenarios(s)  # the demo's three, and one with a leaver
        first = s.scalars(select(m.Staff.tabeles_nr).order_by(m.Staff.id)).first()
        planning.save_scenario(s, sc.ScenarioSpec("Viens aiziet", dt.date(2026, 7, 1), (
            sc.Change(sc.REMOVE_STAFF, tabeles_nr=first),)))
    with database.read() as s:
        comparison = planning.compare_scenarios(s, [leaver[1].name, "Viens aiziet"], year=2025, as_of=TODAY)
        raises = planning.minimum_raise(s)
    database.close()
    return (comparison, write_budget_pdf(comparison, raises, folder / "b.pdf"),
            write_budget_xlsx(comparison, raises, folder / "b.xlsx"))


def test_the_pdf_names_nobody_and_shows_the_figures(documents: tuple[planning.Comparison, Path, Path]) -> None:
    comparison, pdf_path, _ = documents
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf_path), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert "Budžeta pamatojums 2026. gadam" in text and "Mēnešalgas līdz skalas minimumam līdz 01.01.2027" in text
    assert "Aiziet 1 darbinieks:" in text
    head = comparison.snapshot.service.head_name if comparison.snapshot.service else None
    for person in comparison.snapshot.staff:  # only the head, who signs it, is named
        if person.full_name != head:
            assert person.last_name not in text, person.last_name
    ratio = planning.format_value(comparison.scenarios[0].figures.ratio, planning.RATIO)
    assert ratio.replace("\u00a0", " ") in text.replace("\u00a0", " ")


def test_the_workbook_holds_the_same_numbers(documents: tuple[planning.Comparison, Path, Path]) -> None:
    comparison, _, xlsx_path = documents
    book = load_workbook(xlsx_path, read_only=True)
    rows = {r[0]: r[1:] for r in book["Salīdzinājums"].iter_rows(values_only=True) if r[0]}
    for row in planning.comparison_rows(comparison):
        assert [None if v is None else Decimal(str(v)) for v in rows[row.label]] == [
            None if v is None else Decimal(v) for v in row.values], row.label
    names = {p.last_name for p in comparison.snapshot.staff}
    for ws in book:
        for line in ws.iter_rows(values_only=True):
            assert not [n for n in names for v in line if v is not None and n in str(v)]
    book.close()


def test_no_position_row_is_one_or_two_persons_pay(documents: tuple[planning.Comparison, Path, Path]) -> None:
    """The council reads figures, not a colleague's salary: a position with 1 or 2 people in any column is
    pooled, and a pool of 1 or 2 is withheld; the total is still the whole service's."""
    comparison, pdf_path, xlsx_path = documents
    tables = [o.cost.by_position() for o in (comparison.today, *comparison.scenarios)]
    names = {comparison.snapshot.positions[c].name: c for t in tables for c in t}
    small = {c for t in tables for c, (n, _, _) in t.items() if 0 < n < 3}
    assert small, "the small demo has positions of one or two people"
    book = load_workbook(xlsx_path, read_only=True)
    rows = [r for r in book["Izmaksas pa amatiem"].iter_rows(values_only=True) if r[0]]
    book.close()
    shown = [r[0] for r in rows[1:] if r[0] in names]
    assert not [name for name in shown if names[name] in small]
    pool = [r for r in rows if str(r[0]).startswith("Amati ar mazāk nekā 3")]
    assert len(pool) == 1
    total = next(r for r in rows if r[0] == "Kopā")
    assert [Decimal(str(v)) for v in total[1:]] == [
        sum((s + c for _, s, c in t.values()), Decimal(0)) for t in tables
    ]
    text = pdf_text(pdf_path)
    assert "Amati ar mazāk nekā 3 darbiniekiem" in text
