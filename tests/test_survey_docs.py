"""The survey workbook and PDF (issue 4 item 2, issue 16) against the JSON of the same survey (SPEC §4,
§6): a form that every service fills the same way, with no staff names in it."""

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
from swdesk.db.catalogues import shipped
from swdesk.db.database import Database, open_database
from swdesk.demo import generate_demo
from swdesk.export import xlsx
from swdesk.export.survey_docs import (
    EDUCATION_LEVELS,
    document_labels,
    position_columns,
    previous_year_figures,
    service_figures,
    write_survey_pdf,
    write_survey_xlsx,
)
from swdesk.rules.survey import Survey, survey_for_date
from swdesk.service_record import save_service_details
from tests.office import needs_libreoffice
from tests.test_export_toolkit import needs_poppler, pdf_pages, pdf_text, render_every_page

TODAY = dt.date(2026, 3, 15)
DATE = dt.date(2026, 2, 1)
RESPONDENT = "Dace Respondente"
CATALOGUE = [p["code"] for p in shipped()["positions"]]

Documents = tuple[Survey, Path, Path, dict[str, set[str]]]


def fill_record(database: Database) -> None:
    with database.write() as s:
        save_service_details(
            s,
            registration_number="90000012345",
            contact_name=RESPONDENT,
            contact_phone="+371 64722222",
            contact_email="dace@valka.lv",
        )


def _documents(database: Database, folder: Path) -> Documents:
    with database.read() as s:
        survey = survey_for_date(s, date=DATE)
        labels = document_labels(s)
        people = s.execute(
            select(m.Staff.first_name, m.Staff.last_name, m.Staff.personal_code, m.Staff.tabeles_nr)
        ).all()
    personal = {
        "names": {p.first_name for p in people} | {p.last_name for p in people},
        "codes": {p.personal_code for p in people if p.personal_code},
        "numbers": {p.tabeles_nr for p in people},
    }
    xlsx_path = write_survey_xlsx(survey, folder / "Aptauja.xlsx", prepared=TODAY, **labels)
    pdf_path = write_survey_pdf(survey, folder / "Aptauja.pdf", prepared=TODAY, **labels)
    return survey, xlsx_path, pdf_path, personal


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Documents]:
    folder = tmp_path_factory.mktemp("survey")
    database = open_database(str(folder / "demo.sqlite"), auto_backup=False)
    try:
        generate_demo(database, size="small", today=TODAY)
        fill_record(database)
        yield _documents(database, folder)
    finally:
        database.close()


def positions_frame(path: Path) -> pd.DataFrame:
    """The positions table as pandas reads it: the header row found by its first cell, rows up to "Kopā"."""
    raw = pd.read_excel(path, header=None, dtype=object)
    header_row = raw.index[raw[0] == "Kods"][0]
    frame = pd.read_excel(path, header=header_row, nrows=len(CATALOGUE) + 1)
    return frame


def layout(path: Path) -> dict[str, Any]:
    """Where everything stands: the row of each position, the cell of each numbered figure and header line."""
    ws = openpyxl.load_workbook(path).active
    places: dict[str, Any] = {}
    for row in ws.iter_rows():
        first = row[0].value
        if isinstance(first, str) and (first in CATALOGUE or re.fullmatch(r"\d\.\d", first)):
            places[first] = row[0].row
    places["Kopā"] = next(r[1].row for r in ws.iter_rows() if r[1].value == "Kopā")
    places["columns"] = [c.value for c in ws[places[CATALOGUE[0]] - 1]]
    return places


def figures_by_number(path: Path) -> dict[str, Any]:
    ws = openpyxl.load_workbook(path).active
    return {
        row[0].value: row[2].value
        for row in ws.iter_rows()
        if isinstance(row[0].value, str) and re.fullmatch(r"\d\.\d", row[0].value)
    }


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) < 1e-9


def check_workbook_against_json(survey: Survey, path: Path) -> None:
    data = survey.to_json()
    frame = positions_frame(path)
    headers = [c.header for c in position_columns()]
    assert list(frame.columns) == headers
    assert frame["Kods"].tolist()[: len(CATALOGUE)] == CATALOGUE  # every position, in the catalogue's order
    rows = {row["Kods"]: row for _, row in frame.iterrows() if row["Kods"] in CATALOGUE}
    keys = {
        "Darbinieki": "headcount",
        "Slodzes": "fte",
        "Vakances": "vacancies",
        "Vakanču slodzes": "vacancy_fte",
        "Mēnešalga min., EUR": "salary_min",
        "Mēnešalga vidējā, EUR": "salary_mean",
        "Mēnešalga maks., EUR": "salary_max",
        "Zem skalas minimuma": "below_scale",
        "Neatbilst izglītības prasībām": "education_noncompliant",
    }
    for code in CATALOGUE:
        row = rows[code]
        expected = data["positions"].get(code)
        for header, key in keys.items():
            got = None if pd.isna(row[header]) else row[header]
            if expected is not None:
                assert _close(got, expected[key]), (code, key, got, expected[key])
            elif key in ("headcount", "fte", "vacancies", "vacancy_fte"):
                assert got == 0, (code, key)  # nobody: 0, not an empty cell
            elif key.startswith("salary"):
                assert got is None, (code, key)
        assert row["Štata vietas"] == row["Darbinieki"] + row["Vakances"]
        assert row["Štata slodzes"] == pytest.approx(row["Slodzes"] + row["Vakanču slodzes"])
        assert sum(row[f"Izglītība {level}"] for level in EDUCATION_LEVELS) == row["Darbinieki"]

    figures = figures_by_number(path)
    for figure in service_figures(survey):
        got = figures[figure.number]
        expected = (
            survey.service.population_year if figure.key == "population_year" else data["service"][figure.key]
        )
        assert (got == "—" and expected is None) or _close(got, expected), (figure.key, got, expected)
    previous = data["previous_year"]
    for figure in previous_year_figures(survey, category_names={}):
        got = figures[figure.number]
        if figure.key.startswith("top_nonsw_categories"):
            index = int(figure.key[-2])
            top = previous["top_nonsw_categories"]
            assert got == (top[index] if index < len(top) else "—")
        else:
            assert (got == "—" and previous[figure.key] is None) or _close(got, previous[figure.key]), (
                figure.key
            )


def check_totals_row(path: Path) -> None:
    """The "Kopā" row is the sum of the position rows in every column that adds up."""
    frame = positions_frame(path)
    total = frame[frame["Amats"] == "Kopā"].iloc[0]
    body = frame[frame["Kods"].isin(CATALOGUE)]
    for header in frame.columns[2:]:
        if header.startswith("Mēnešalga"):
            assert pd.isna(total[header])
            continue
        assert body[header].fillna(0).sum() == pytest.approx(total[header]), header


def check_no_personal_data(
    survey: Survey, xlsx_path: Path, pdf_path: Path, personal: dict[str, set[str]]
) -> None:
    """No staff name, personal code or employee number in any text of the workbook or the PDF.

    The respondent (the service's contact person, whom the issue asks for) is the one name, and is left
    out of the search. Numeric cells are figures: a headcount may equal some employee number without naming
    anyone, so they are left out, and in the PDF an employee number that is also a figure or a year is not
    a finding.
    """
    with zipfile.ZipFile(xlsx_path) as archive:
        parts = {n: archive.read(n).decode("utf-8") for n in archive.namelist()}
    workbook_texts = [
        text.replace(RESPONDENT, "")
        for name, xml in parts.items()
        for text in re.findall(r"<t[^>]*>([^<]*)</t>", xml)
    ] + [parts[n] for n in parts if n.startswith("docProps/")]
    string_cells = {
        cell.value
        for ws in openpyxl.load_workbook(xlsx_path)
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value != RESPONDENT
    }
    text = pdf_text(pdf_path).replace(RESPONDENT, "")
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


def test_workbook_matches_the_json_with_every_position(small: Documents) -> None:
    survey, xlsx_path, _pdf, _personal = small
    assert survey.positions and len(survey.positions) < len(CATALOGUE), "the demo leaves some positions empty"
    check_workbook_against_json(survey, xlsx_path)
    check_totals_row(xlsx_path)


def test_the_form_has_no_merged_cells_and_a_complete_header(small: Documents) -> None:
    _survey, xlsx_path, _pdf, _personal = small
    ws = openpyxl.load_workbook(xlsx_path).active
    assert list(ws.merged_cells.ranges) == []
    assert ws["A1"].value == "Aptauja par sociālā darba speciālistiem uz 01.02.2026"
    header = {row[1].value: row[2].value for row in ws.iter_rows(min_row=4, max_row=12)}
    assert header == {
        "Sociālais dienests": "Valkas novada sociālais dienests",
        "Reģistrācijas numurs": "90000012345",
        "Pašvaldība": "Valkas novads",
        "Pašvaldības kods (ATVK)": "nav norādīts",  # no source names the code (README)
        "Respondents (kontaktpersona)": RESPONDENT,
        "Tālrunis": "+371 64722222",
        "E-pasts": "dace@valka.lv",
        "Aptaujas datums": dt.datetime(2026, 2, 1),
        "Sagatavošanas datums": dt.datetime(2026, 3, 15),
    }
    assert ws.page_setup.fitToWidth == 1 and int(ws.page_setup.paperSize) == 9
    assert ws.freeze_panes is not None
    fte = next(c for c in ws["F"] if isinstance(c.value, int | float))
    assert fte.number_format == "#,##0.00"
    header_row = layout(xlsx_path)[CATALOGUE[0]] - 1
    assert (ws.row_dimensions[header_row].height or 0) >= 30  # wrapped headers get their lines


def test_pay_of_one_or_two_people_is_marked_and_the_footer_says_so(small: Documents) -> None:
    survey, xlsx_path, pdf_path, _personal = small
    ws = openpyxl.load_workbook(xlsx_path).active
    places = layout(xlsx_path)
    salary_columns = [i + 1 for i, h in enumerate(places["columns"]) if h and h.startswith("Mēnešalga")]
    small_groups = {code for code, p in survey.position_rows.items() if 0 < p.headcount < 3}
    assert small_groups  # and the positions with nobody (or, in Rīga, many) are not marked
    for code in CATALOGUE:
        for column in salary_columns:
            marked = ws.cell(row=places[code], column=column).fill.fgColor.rgb.endswith(
                xlsx.MARK_FILL.fgColor.rgb[-6:]
            )
            assert marked == (code in small_groups), (code, column)
    texts = " ".join(str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str))
    assert "1 vai 2 darbiniekiem" in texts and "nepublicējiet" in texts
    assert "nav personas datu" not in texts
    text = pdf_text(pdf_path)
    assert "nav personas datu" not in text
    one = next(p for p in survey.position_rows.values() if p.headcount == 1)
    assert f"{one.salary_min:,.2f}".replace(",", " ").replace(".", ",") + "*" in text


@needs_poppler
def test_no_personal_data_in_either_file(small: Documents) -> None:
    survey, xlsx_path, pdf_path, personal = small
    assert personal["names"] and personal["numbers"]
    assert RESPONDENT.split()[0] not in personal["names"]
    check_no_personal_data(survey, xlsx_path, pdf_path, personal)


@needs_poppler
def test_pdf_form(small: Documents, tmp_path: Path) -> None:
    survey, _xlsx, pdf_path, _personal = small
    text = pdf_text(pdf_path)
    flat = " ".join(text.split())
    assert "Aptauja par sociālā darba speciālistiem uz 01.02.2026" in flat
    for words in (
        "0.5 Respondents (kontaktpersona)",
        RESPONDENT,
        "0.4 Pašvaldības kods (ATVK)",
        "Sociālais darbinieks",
        "Struktūrvienības vadītājs",
        "Mēnešalga, EUR",
        "2025. gads",
        "Izglītība (darbinieki pa līmeņiem)",
        "E6 — studē sociālo darbu",
    ):
        assert words in flat, words
    population = survey.service.population
    assert population is not None and f"{population:,}".replace(",", " ") in text
    pages = pdf_pages(pdf_path)
    assert pages <= 2 and f"1. lapa no {pages}" in text
    assert render_every_page(pdf_path, tmp_path) == pages


def test_a_survey_with_nobody_still_has_every_row_in_the_same_place(
    db: Database, small: Documents, tmp_path: Path
) -> None:
    """Issue 16: 43 services fill the form the same way — an empty service's rows and figures stand where a
    full one's do, so that LM can lay the workbooks side by side."""
    with db.write() as s:
        s.add(m.Service(name="Tukšs dienests", municipality="Rīga"))
    with db.read() as s:
        survey = survey_for_date(s, date=DATE)
        labels = document_labels(s)
    path = write_survey_xlsx(survey, tmp_path / "e.xlsx", **labels)
    write_survey_pdf(survey, tmp_path / "e.pdf", **labels)
    assert (tmp_path / "e.pdf").read_bytes().startswith(b"%PDF-")
    assert layout(path) == layout(small[1])
    assert figures_by_number(path)["2.1"] == "—"
    frame = positions_frame(path)
    assert frame["Darbinieki"].tolist() == [0] * (len(CATALOGUE) + 1)


def test_documents_are_latvian_whatever_the_program_language(small: Documents, tmp_path: Path) -> None:
    from swdesk.i18n import set_language

    survey = small[0]
    set_language("en")
    path = write_survey_xlsx(survey, tmp_path / "lv.xlsx")
    english = write_survey_xlsx(survey, tmp_path / "en.xlsx", lang="en")
    set_language("lv")
    assert openpyxl.load_workbook(path).sheetnames == ["Aptauja", "Dati"]  # Dati: issue 12
    assert openpyxl.load_workbook(english).sheetnames == ["Survey", "Dati"]


@needs_libreoffice
@needs_poppler
def test_libreoffice_prints_the_form_whole(small: Documents, tmp_path: Path) -> None:
    from tests.office import convert

    (printed,) = convert(small[1], "pdf", tmp_path)
    first = " ".join(pdf_text(printed, page=1).split())
    for words in (
        "Aptauja par sociālā darba speciālistiem uz 01.02.2026",
        "Respondents (kontaktpersona)",
        "Neatbilst izglītības prasībām",
        "Struktūrvienības vadītājs",
        "Kopā",
        "2.1",
        "Iedzīvotāju skaits",
    ):
        assert words in first, words
