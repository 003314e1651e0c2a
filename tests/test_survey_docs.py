"""The survey workbook and PDF (issue 4 item 2) against the JSON of the same survey (SPEC §4, §6),
and the promise that they hold no personal data."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.db.database import Database, open_database
from swdesk.demo import generate_demo
from swdesk.export.survey_docs import (
    position_columns,
    previous_year_figures,
    service_figures,
    write_survey_pdf,
    write_survey_xlsx,
)
from swdesk.rules.data import load_service
from swdesk.rules.survey import Survey, survey_for_date
from tests.test_export_toolkit import needs_poppler, pdf_pages, pdf_text, render_every_page

TODAY = dt.date(2026, 3, 15)
DATE = dt.date(2026, 2, 1)


def _documents(database: Database, folder: Path) -> tuple[Survey, Path, Path, dict[str, set[str]]]:
    with database.read() as s:
        survey = survey_for_date(s, date=DATE)
        service = load_service(s)
        people = s.execute(
            select(m.Staff.first_name, m.Staff.last_name, m.Staff.personal_code, m.Staff.tabeles_nr)
        ).all()
    assert service is not None
    personal = {
        "names": {p.first_name for p in people} | {p.last_name for p in people},
        "codes": {p.personal_code for p in people if p.personal_code},
        "numbers": {p.tabeles_nr for p in people},
    }
    common: dict[str, Any] = {"service_name": service.name, "municipality": service.municipality}
    xlsx_path = write_survey_xlsx(survey, folder / "Aptauja.xlsx", prepared=TODAY, **common)
    pdf_path = write_survey_pdf(survey, folder / "Aptauja.pdf", prepared=TODAY, **common)
    return survey, xlsx_path, pdf_path, personal


@pytest.fixture(scope="module")
def small(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Survey, Path, Path, dict[str, set[str]]]]:
    folder = tmp_path_factory.mktemp("survey")
    database = open_database(str(folder / "demo.sqlite"), auto_backup=False)
    try:
        generate_demo(database, size="small", today=TODAY)
        yield _documents(database, folder)
    finally:
        database.close()


def _positions_frame(path: Path) -> pd.DataFrame:
    raw = pd.read_excel(path, header=None, dtype=object)
    header_row = raw.index[raw[0] == "Kods"][0]
    frame = pd.read_excel(path, header=header_row, nrows=len(raw))
    frame = frame[frame["Kods"].notna() & frame["Amats"].notna()]
    end = frame.index[frame["Kods"].astype(str).str.match(r"^\d\.")]  # the next section's title
    return frame.loc[: end[0] - 1] if len(end) else frame


def _figures_by_label(path: Path) -> dict[str, Any]:
    ws = openpyxl.load_workbook(path).active
    return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=3).value for r in range(1, ws.max_row + 1)}


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def check_workbook_against_json(survey: Survey, path: Path) -> None:
    data = survey.to_json()
    frame = _positions_frame(path)
    headers = [c.header for c in position_columns()]
    assert list(frame.columns[: len(headers)]) == headers
    rows = {row["Kods"]: row for _, row in frame.iterrows() if row["Kods"] in data["positions"]}
    assert set(rows) == set(data["positions"])
    keys = [
        "headcount",
        "fte",
        "vacancies",
        "vacancy_fte",
        "salary_min",
        "salary_mean",
        "salary_max",
        "below_scale",
        "education_noncompliant",
    ]
    for code, expected in data["positions"].items():
        for key, header in zip(keys, headers[2:], strict=True):
            got = rows[code][header]
            got = None if pd.isna(got) else got
            assert _close(got, expected[key]), (code, key, got, expected[key])

    figures = _figures_by_label(path)
    for figure in service_figures(survey):
        got = figures[figure.label]
        expected = (
            survey.service.population_year if figure.key == "population_year" else data["service"][figure.key]
        )
        assert (got == "—" and expected is None) or _close(got, expected), (figure.key, got, expected)
    previous = data["previous_year"]
    for figure in previous_year_figures(survey, category_names={}):
        got = figures[figure.label]
        if figure.key.startswith("top_nonsw_categories"):
            index = int(figure.key[-2])
            assert got == previous["top_nonsw_categories"][index]
        else:
            assert (got == "—" and previous[figure.key] is None) or _close(got, previous[figure.key]), (
                figure.key
            )


def check_no_personal_data(
    survey: Survey, xlsx_path: Path, pdf_path: Path, personal: dict[str, set[str]]
) -> None:
    """No staff name, personal code or employee number in any text of the workbook or the PDF.

    Numeric cells are figures: a headcount may equal some employee number without naming anyone, so
    they are left out, and in the PDF an employee number that is also a figure or a year is not a finding.
    """
    with zipfile.ZipFile(xlsx_path) as archive:
        parts = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    workbook_texts = [
        text for name, xml in parts.items() for text in re.findall(r"<t[^>]*>([^<]*)</t>", xml)
    ] + [parts[n] for n in parts if n.startswith("docProps/")]
    string_cells = {
        cell.value
        for ws in openpyxl.load_workbook(xlsx_path)
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    text = pdf_text(pdf_path)
    figures = {str(v) for v in _numbers(survey.to_json())} | {str(survey.year), str(survey.year - 1)}
    for kind, values in personal.items():
        for value in values:
            pattern = re.compile(rf"(?<![\w-]){re.escape(value)}(?![\w-])")
            assert value not in string_cells, (kind, value)
            assert not any(pattern.search(t) for t in workbook_texts), (kind, value)
            if not (kind == "numbers" and value.lstrip("0") in figures):
                assert not pattern.search(text), (kind, value)


def _numbers(data: Any) -> Iterator[int]:
    if isinstance(data, dict):
        for value in data.values():
            yield from _numbers(value)
    elif isinstance(data, list):
        for value in data:
            yield from _numbers(value)
    elif isinstance(data, int | float) and not isinstance(data, bool) and float(data).is_integer():
        yield int(data)


def test_workbook_matches_the_json(small: tuple[Survey, Path, Path, dict[str, set[str]]]) -> None:
    survey, xlsx_path, _pdf, _personal = small
    assert survey.positions, "the demo has staff on the reference date"
    check_workbook_against_json(survey, xlsx_path)


def test_workbook_is_a_readable_form(small: tuple[Survey, Path, Path, dict[str, set[str]]]) -> None:
    _survey, xlsx_path, _pdf, _personal = small
    ws = openpyxl.load_workbook(xlsx_path).active
    assert ws["A1"].value == "Aptauja par sociālā darba speciālistiem uz 01.02.2026"
    title_block = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(2, 6)}
    assert title_block["Aptaujas datums"].value == dt.datetime(2026, 2, 1)
    assert title_block["Aptaujas datums"].number_format == "dd.mm.yyyy"
    assert ws.page_setup.fitToWidth == 1 and int(ws.page_setup.paperSize) == 9
    assert ws.freeze_panes is not None
    fte = next(c for c in ws["D"] if isinstance(c.value, int | float))
    assert fte.number_format == "#,##0.00"


@needs_poppler
def test_no_personal_data_in_either_file(small: tuple[Survey, Path, Path, dict[str, set[str]]]) -> None:
    survey, xlsx_path, pdf_path, personal = small
    assert personal["names"] and personal["numbers"]
    check_no_personal_data(survey, xlsx_path, pdf_path, personal)


@needs_poppler
def test_pdf_is_a_one_page_form(
    small: tuple[Survey, Path, Path, dict[str, set[str]]], tmp_path: Path
) -> None:
    survey, _xlsx, pdf_path, _personal = small
    text = pdf_text(pdf_path)
    assert "Aptauja par sociālā darba speciālistiem uz 01.02.2026" in text
    assert "1. lapa no 1" in text
    assert "Sociālais darbinieks" in text and "Mēnešalga, EUR" in text
    population = survey.service.population
    assert population is not None and f"{population:,}".replace(",", " ") in text
    assert "2025. gads" in text
    assert render_every_page(pdf_path, tmp_path) == pdf_pages(pdf_path) == 1


def test_a_survey_with_nobody_still_makes_both_files(db: Database, tmp_path: Path) -> None:
    with db.read() as s:
        survey = survey_for_date(s, date=DATE)
    write_survey_xlsx(survey, tmp_path / "e.xlsx")
    write_survey_pdf(survey, tmp_path / "e.pdf")
    assert (tmp_path / "e.pdf").read_bytes().startswith(b"%PDF-")
    assert _figures_by_label(tmp_path / "e.xlsx")["Iedzīvotāju skaits"] == "—"


@pytest.mark.slow
@needs_poppler
def test_riga_demo(tmp_path: Path) -> None:
    """Issue 4 acceptance: the survey of the riga demo is correct, has no personal data, fits one page."""
    database = open_database(str(tmp_path / "riga.sqlite"), auto_backup=False)
    try:
        generate_demo(database, size="riga", today=TODAY)
        survey, xlsx_path, pdf_path, personal = _documents(database, tmp_path)
    finally:
        database.close()
    check_workbook_against_json(survey, xlsx_path)
    check_no_personal_data(survey, xlsx_path, pdf_path, personal)
    assert pdf_pages(pdf_path) == 1
