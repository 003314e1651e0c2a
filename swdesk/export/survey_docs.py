"""The annual survey of social work specialists as a form for the Ministry of Welfare (LM): xlsx and PDF.

Issue 4 item 2 and issue 16, SPEC §4. A form that 43 services fill the same way, so that LM can lay their
workbooks side by side:

* **0. Respondents** — the service, its registration number, the municipality and its ATVK code, the
  contact person with phone and e-mail, the reference date and the date of preparation, each on a fixed row;
* **1. Amati** — every position of the catalogue on its own fixed row, also with nobody in it (0 is then 0,
  and a missing row never means "not reported"): established posts (štata vietas: the occupied ones and the
  vacant ones) beside people and FTE, vacancies, pay, the counts below the scale minimum and not meeting the
  education rule, and the staff by education level E1–E6; a pay figure of a group of one or two people is
  marked, since it tells what a person earns;
* **2. Dienests** and **3. the previous year** — numbered figures (2.1 … 3.9) in fixed cells.

No cell of the data area is merged. The survey holds counts, sums and codes
(:class:`~swdesk.rules.survey.Survey`); these documents add no name, personal code or employee number of
staff — only the service's own record (its contact person is the respondent), the names of the catalogue
and the date of preparation. Latvian whatever the program's language.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from swdesk.export import dati, pdf, xlsx
from swdesk.export.common import (
    OFFICIAL_LANGUAGE,
    SMALL_GROUP,
    date_text,
    document_language,
    fte_text,
    integer_text,
    money_text,
    share_text,
)
from swdesk.export.xlsx import Column
from swdesk.i18n import define, tr
from swdesk.rules.survey import PositionFigures, Survey
from swdesk.service_record import ServiceDetails, ServiceRecord, field_label

define(
    {
        "surveydoc.title": (
            "Aptauja par sociālā darba speciālistiem",
            "Survey of social work specialists",
        ),
        "surveydoc.as_of": ("uz {date}", "as of {date}"),
        "surveydoc.sheet": ("Aptauja", "Survey"),
        "surveydoc.section.respondent": ("0. Respondents", "0. Respondent"),
        "surveydoc.service": ("Sociālais dienests", "Social service"),
        "surveydoc.municipality": ("Pašvaldība", "Municipality"),
        "surveydoc.atvk": ("Pašvaldības kods (ATVK)", "Municipality code (ATVK)"),
        "surveydoc.respondent": ("Respondents (kontaktpersona)", "Respondent (contact person)"),
        "surveydoc.date": ("Aptaujas datums", "Reference date"),
        "surveydoc.prepared": ("Sagatavošanas datums", "Date prepared"),
        "surveydoc.not_given": ("nav norādīts", "not given"),
        "surveydoc.note.posts": (
            "Štata vietas = darbinieki + vakances; štata slodzes = darbinieku slodzes + vakanču slodzes.",
            "Established posts = staff + vacancies; established FTE = staff FTE + vacant FTE.",
        ),
        "surveydoc.note.empty": (
            "Tukša šūna: nav piemērojams (amatā nav darbinieku, amatam nav mēnešalgu grupas vai tas nav "
            "sociālā darba speciālista amats); 0 nozīmē nulli.",
            "An empty cell: not applicable (nobody in the position, no salary group, or not a social work "
            "specialist's position); 0 means zero.",
        ),
        "surveydoc.note.small_groups": (
            "Mēnešalgas amatā ar 1 vai 2 darbiniekiem (iekrāsotas; PDF: ar *) ļauj noteikt konkrēta cilvēka "
            "algu: nepublicējiet tās tādas, kādas tās ir.",
            "Pay of a position with 1 or 2 staff (shaded; PDF: marked *) tells what a person earns: do not "
            "publish it as it is.",
        ),
        "surveydoc.section.positions": ("1. Amati uz {date}", "1. Positions as of {date}"),
        "surveydoc.section.education": (
            "Izglītība (darbinieki pa līmeņiem)",
            "Education (staff by level)",
        ),
        "surveydoc.section.service": ("2. Dienests", "2. The service"),
        "surveydoc.section.previous": ("3. {year}. gads", "3. Year {year}"),
        "surveydoc.col.code": ("Kods", "Code"),
        "surveydoc.col.position": ("Amats", "Position"),
        "surveydoc.col.posts": ("Štata vietas", "Established posts"),
        "surveydoc.col.post_fte": ("Štata slodzes", "Established FTE"),
        "surveydoc.col.headcount": ("Darbinieki", "Staff"),
        "surveydoc.col.fte": ("Slodzes", "FTE"),
        "surveydoc.col.vacancies": ("Vakances", "Vacancies"),
        "surveydoc.col.vacancy_fte": ("Vakanču slodzes", "Vacant FTE"),
        "surveydoc.col.salary_min": ("Mēnešalga min., EUR", "Monthly pay min., EUR"),
        "surveydoc.col.salary_mean": ("Mēnešalga vidējā, EUR", "Monthly pay mean, EUR"),
        "surveydoc.col.salary_max": ("Mēnešalga maks., EUR", "Monthly pay max., EUR"),
        "surveydoc.col.below_scale": ("Zem skalas minimuma", "Below scale minimum"),
        "surveydoc.col.education_noncompliant": ("Neatbilst izglītības prasībām", "Education not compliant"),
        "surveydoc.col.education": ("Izglītība {code}", "Education {code}"),
        # the PDF's narrower columns: short headers under a group header
        "surveydoc.pdf.group_posts": ("Štata", "Established"),
        "surveydoc.pdf.posts": ("vietas", "posts"),
        "surveydoc.pdf.post_fte": ("slodzes", "FTE"),
        "surveydoc.pdf.group_people": ("Aizņemtās", "Filled"),
        "surveydoc.pdf.headcount": ("skaits", "number"),
        "surveydoc.pdf.fte": ("slodzes", "FTE"),
        "surveydoc.pdf.group_vacancies": ("Vakances", "Vacancies"),
        "surveydoc.pdf.vacancies": ("skaits", "number"),
        "surveydoc.pdf.vacancy_fte": ("slodzes", "FTE"),
        "surveydoc.pdf.group_salary": ("Mēnešalga, EUR", "Monthly pay, EUR"),
        "surveydoc.pdf.salary_min": ("min.", "min."),
        "surveydoc.pdf.salary_mean": ("vidējā", "mean"),
        "surveydoc.pdf.salary_max": ("maks.", "max."),
        "surveydoc.pdf.group_noncompliant": ("Neatbilst", "Not compliant"),
        "surveydoc.pdf.below_scale": ("alga zem skalas", "pay below scale"),
        "surveydoc.pdf.education_noncompliant": ("izglītība", "education"),
        "surveydoc.pdf.group_education": ("Darbinieki pa izglītības līmeņiem", "Staff by education level"),
        "surveydoc.col.nr": ("Nr.", "No."),
        "surveydoc.col.figure": ("Rādītājs", "Figure"),
        "surveydoc.col.value": ("Vērtība", "Value"),
        "surveydoc.col.explanation": ("Piezīme", "Note"),
        "surveydoc.total": ("Kopā", "Total"),
        "surveydoc.population": ("Iedzīvotāju skaits", "Population"),
        "surveydoc.population_year": ("Iedzīvotāju skaita gads", "Year of the population figure"),
        "surveydoc.sds_headcount": (
            "Sociālā darba speciālisti (skaits)",
            "Social work specialists (headcount)",
        ),
        "surveydoc.sds_fte": ("Sociālā darba speciālistu slodzes", "Social work specialists (FTE)"),
        "surveydoc.residents_per_sds": (
            "Iedzīvotāji uz vienu speciālista slodzi",
            "Residents per specialist FTE",
        ),
        "surveydoc.effective_residents_per_sds": (
            "Iedzīvotāji uz slodzi, atskaitot ar sociālo darbu nesaistītos pienākumus ({year}. g.)",
            "Residents per FTE after non-social-work duties ({year})",
        ),
        "surveydoc.hires": ("Pieņemti darbā pēdējos 12 mēnešos", "Hired in the last 12 months"),
        "surveydoc.leavers": ("Darbu beiguši pēdējos 12 mēnešos", "Left in the last 12 months"),
        "surveydoc.training_met": (
            "Speciālistu daļa, kas izpildīja apmācību normu",
            "Share of specialists who met the training norm",
        ),
        "surveydoc.supervision_met": (
            "Speciālistu daļa, kas izpildīja supervīzijas normu",
            "Share of specialists who met the supervision norm",
        ),
        "surveydoc.median_sw": (
            "Lietu mediāna mēnesī uz slodzi: sociālie darbinieki",
            "Median cases per FTE per month: social workers",
        ),
        "surveydoc.median_spo": (
            "Lietu mediāna mēnesī uz slodzi: sociālās palīdzības organizatori",
            "Median cases per FTE per month: social assistance organisers",
        ),
        "surveydoc.nonsw_hours": (
            "Ar sociālo darbu nesaistīto pienākumu stundas",
            "Hours of duties not related to social work",
        ),
        "surveydoc.nonsw_share": (
            "To daļa no visu darbinieku darba laika",
            "Their share of all contracted hours",
        ),
        "surveydoc.top_category": ("Lielākā kategorija nr. {n}", "Largest category no. {n}"),
        "surveydoc.none": ("nav", "none"),
        "surveydoc.no_personal_data": (
            "Aptaujā nav darbinieku vārdu, personas kodu un tabeles numuru: tikai skaiti, summas un kodi. "
            "Mazu grupu algas skatīt piezīmē augšā.",
            "The survey holds no staff names, personal codes or employee numbers: only counts, sums and "
            "codes. For the pay of small groups see the note above.",
        ),
    }
)

# Widths of the form's columns: A codes and numbers, B labels and position names, then the figures.
CODE_WIDTH = 12
LABEL_WIDTH = 46
FIGURE_WIDTH = 12
EDUCATION_WIDTH = 9
EDUCATION_LEVELS = ("E1", "E2", "E3", "E4", "E5", "E6")

# (JSON key of SPEC §6 or a derived figure, kind of value in the workbook), in the order of the table
POSITION_COLUMNS: tuple[tuple[str, xlsx.ColumnKind], ...] = (
    ("posts", "int"),
    ("post_fte", "fte"),
    ("headcount", "int"),
    ("fte", "fte"),
    ("vacancies", "int"),
    ("vacancy_fte", "fte"),
    ("salary_min", "money"),
    ("salary_mean", "money"),
    ("salary_max", "money"),
    ("below_scale", "int"),
    ("education_noncompliant", "int"),
)
SALARY_KEYS = ("salary_min", "salary_mean", "salary_max")


@dataclass(frozen=True)
class Figure:
    """One line of the service or previous-year block: its number on the form (2.1 …), label, value and
    kind; ``key`` as SPEC §6 names it; ``note`` explains a code (a duty category's name)."""

    number: str
    key: str
    label: str
    value: Any
    kind: xlsx.ColumnKind
    note: str | None = None


def document_labels(session: Session) -> dict[str, Any]:
    """What a survey document prints from this database: the service record and the catalogue's names (a
    head may have renamed a position). Returned as the keyword arguments of :func:`write_survey_xlsx` and
    :func:`write_survey_pdf`."""
    from sqlalchemy import select

    from swdesk.db import models as m
    from swdesk.service_record import load_service_record

    service = load_service_record(session)
    return {
        "service": service,
        "service_name": service.name if service else None,
        "municipality": service.municipality if service else None,
        "position_names": {
            code: name for code, name in session.execute(select(m.Position.code, m.Position.name))
        },
        "category_names": {
            code: name for code, name in session.execute(select(m.DutyCategory.code, m.DutyCategory.name))
        },
        "education_names": {
            code: name for code, name in session.execute(select(m.Education.code, m.Education.name))
        },
    }


def _catalogue_names(section: str) -> dict[str, str]:
    from swdesk.db.catalogues import shipped

    return {row["code"]: row["name"] for row in shipped()[section]}


def position_rows(survey: Survey) -> dict[str, PositionFigures]:
    """Every position of the catalogue in its order (the survey's own when it has them)."""
    if survey.position_rows:
        return survey.position_rows
    from swdesk.db.catalogues import shipped

    rows = {}
    for position in shipped()["positions"]:
        code = position["code"]
        rows[code] = survey.positions.get(code) or PositionFigures(
            headcount=0,
            fte=Decimal(0),
            vacancies=0,
            vacancy_fte=Decimal(0),
            salary_min=None,
            salary_mean=None,
            salary_max=None,
            below_scale=0 if position["salary_group"] is not None else None,
            education_noncompliant=0 if position["is_sds"] else None,
        )
    rows.update({code: p for code, p in survey.positions.items() if code not in rows})
    return rows


def _value(figures: PositionFigures, key: str) -> Any:
    if key == "posts":
        return figures.headcount + figures.vacancies
    if key == "post_fte":
        return figures.fte + figures.vacancy_fte
    return getattr(figures, key)


def position_values(figures: PositionFigures) -> list[Any]:
    """The table's figures of one position, education counts last."""
    return [_value(figures, key) for key, _kind in POSITION_COLUMNS] + [
        figures.education.get(level, 0) for level in EDUCATION_LEVELS
    ]


def small_group(figures: PositionFigures) -> bool:
    """Whether the position's pay figures describe one or two people."""
    return 0 < figures.headcount < SMALL_GROUP


def _totals(rows: Mapping[str, PositionFigures]) -> list[Any]:
    """Sums of the count and FTE columns; pay is not summed across positions."""
    columns = list(zip(*(position_values(p) for p in rows.values()), strict=True))
    keys = [key for key, _kind in POSITION_COLUMNS] + list(EDUCATION_LEVELS)
    totals: list[Any] = []
    for key, values in zip(keys, columns, strict=True):
        if key in SALARY_KEYS:
            totals.append(None)
        else:
            present = [v for v in values if v is not None]
            totals.append(sum(present, Decimal(0) if key.endswith("fte") else 0))
    return totals


def position_columns() -> list[Column]:
    """The per-position table's columns with their Latvian headers (also what the tests look up)."""
    head = [
        Column(tr("surveydoc.col.code"), "text", CODE_WIDTH),
        Column(tr("surveydoc.col.position"), "text", LABEL_WIDTH),
    ]
    figures = [Column(tr(f"surveydoc.col.{key}"), kind, FIGURE_WIDTH) for key, kind in POSITION_COLUMNS]
    education = [
        Column(tr("surveydoc.col.education", code=level), "int", EDUCATION_WIDTH)
        for level in EDUCATION_LEVELS
    ]
    return head + figures + education


def respondent_lines(
    survey: Survey,
    service: ServiceRecord | None,
    *,
    service_name: str | None,
    municipality: str | None,
    prepared: dt.date,
) -> list[tuple[str, str, Any, xlsx.ColumnKind]]:
    """Section 0 as (number, label, value, kind); what is not given reads "nav norādīts"."""
    details = service.details if service else ServiceDetails()
    missing = tr("surveydoc.not_given")
    return [
        ("0.1", tr("surveydoc.service"), (service.name if service else service_name) or missing, "text"),
        ("0.2", field_label("registration_number"), details.registration_number or missing, "text"),
        (
            "0.3",
            tr("surveydoc.municipality"),
            (service.municipality if service else municipality) or missing,
            "text",
        ),
        ("0.4", tr("surveydoc.atvk"), (service.atvk if service else None) or missing, "text"),
        ("0.5", tr("surveydoc.respondent"), details.contact_name or missing, "text"),
        ("0.6", field_label("contact_phone"), details.contact_phone or missing, "text"),
        ("0.7", field_label("contact_email"), details.contact_email or missing, "text"),
        ("0.8", tr("surveydoc.date"), survey.date, "date"),
        ("0.9", tr("surveydoc.prepared"), prepared, "date"),
    ]


def service_figures(survey: Survey) -> list[Figure]:
    s = survey.service
    return [
        Figure("2.1", "population", tr("surveydoc.population"), s.population, "int"),
        Figure("2.2", "population_year", tr("surveydoc.population_year"), s.population_year, "year"),
        Figure("2.3", "sds_headcount", tr("surveydoc.sds_headcount"), s.sds_headcount, "int"),
        Figure("2.4", "sds_fte", tr("surveydoc.sds_fte"), s.sds_fte, "fte"),
        Figure(
            "2.5", "residents_per_sds", tr("surveydoc.residents_per_sds"), s.residents_per_sds, "decimal1"
        ),
        Figure(
            "2.6",
            "effective_residents_per_sds",
            tr("surveydoc.effective_residents_per_sds", year=survey.previous_year.year),
            s.effective_residents_per_sds,
            "decimal1",
        ),
        Figure("2.7", "hires", tr("surveydoc.hires"), s.hires, "int"),
        Figure("2.8", "leavers", tr("surveydoc.leavers"), s.leavers, "int"),
    ]


def previous_year_figures(survey: Survey, *, category_names: Mapping[str, str]) -> list[Figure]:
    """Section 3, always nine lines: the three largest categories take 3.7–3.9 even when there are fewer."""
    p = survey.previous_year
    figures = [
        Figure("3.1", "training_met_share", tr("surveydoc.training_met"), p.training_met_share, "share"),
        Figure(
            "3.2", "supervision_met_share", tr("surveydoc.supervision_met"), p.supervision_met_share, "share"
        ),
        Figure(
            "3.3",
            "median_cases_social_workers",
            tr("surveydoc.median_sw"),
            p.median_cases_social_workers,
            "hours",
        ),
        Figure("3.4", "median_cases_spo", tr("surveydoc.median_spo"), p.median_cases_spo, "hours"),
        Figure("3.5", "nonsw_hours", tr("surveydoc.nonsw_hours"), p.nonsw_hours, "hours"),
        Figure("3.6", "nonsw_share", tr("surveydoc.nonsw_share"), p.nonsw_share, "share"),
    ]
    for n in range(1, 4):
        code = p.top_nonsw_categories[n - 1] if n <= len(p.top_nonsw_categories) else None
        figures.append(
            Figure(
                f"3.{6 + n}",
                f"top_nonsw_categories[{n - 1}]",
                tr("surveydoc.top_category", n=n),
                code,
                "text",
                note=category_names.get(code) if code else None,
            )
        )
    return figures


def _title(survey: Survey) -> str:
    return f"{tr('surveydoc.title')} {tr('surveydoc.as_of', date=date_text(survey.date))}"


# --- the workbook -------------------------------------------------------------------------------------------


def _section_title(ws: Worksheet, row: int, text: str) -> None:
    xlsx.set_text(ws.cell(row=row, column=1), text).font = xlsx.LABEL_FONT


def _figure_block(ws: Worksheet, *, row: int, title: str, figures: Sequence[Figure]) -> int:
    """A numbered block: Nr. | Rādītājs | Vērtība | Paskaidrojums, one figure a row, nothing merged."""
    _section_title(ws, row, title)
    columns = [
        Column(tr("surveydoc.col.nr"), "text", CODE_WIDTH),
        Column(tr("surveydoc.col.figure"), "text", LABEL_WIDTH),
        Column(tr("surveydoc.col.value"), "text", FIGURE_WIDTH),
        Column(tr("surveydoc.col.explanation"), "text", FIGURE_WIDTH),
    ]
    row += 1
    xlsx.write_header(ws, row=row, columns=columns)
    for figure in figures:
        row += 1
        xlsx.set_text(ws.cell(row=row, column=1), figure.number).alignment = xlsx.TOP
        xlsx.set_text(ws.cell(row=row, column=2), figure.label).alignment = xlsx.TOP_WRAPPED
        cell = ws.cell(row=row, column=3)
        if figure.value is None:
            xlsx.set_text(cell, "—")
        else:
            xlsx.set_value(cell, figure.value, figure.kind)
        cell.alignment = xlsx.TOP
        if figure.note:
            xlsx.set_text(ws.cell(row=row, column=4), figure.note).alignment = xlsx.TOP
    return row + 2


def write_survey_xlsx(
    survey: Survey,
    path: str | os.PathLike[str],
    *,
    service: ServiceRecord | None = None,
    service_name: str | None = None,
    municipality: str | None = None,
    position_names: Mapping[str, str] | None = None,
    category_names: Mapping[str, str] | None = None,
    education_names: Mapping[str, str] | None = None,
    prepared: dt.date | None = None,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    """The survey as one sheet laid out as a form, every row and cell in the same place for every service.

    ``service`` is the record whose header fields the form carries (:func:`document_labels` gives it);
    ``position_names`` and ``category_names`` default to the shipped catalogue. Latvian unless ``lang``
    asks for an English copy.
    """
    with document_language(lang):
        position_names = position_names or _catalogue_names("positions")
        category_names = category_names or _catalogue_names("duty_categories")
        education_names = education_names or _catalogue_names("education")
        prepared = prepared or dt.date.today()
        workbook = xlsx.new_workbook()
        ws = xlsx.add_sheet(workbook, tr("surveydoc.sheet"))
        title = _title(survey)
        xlsx.set_text(ws.cell(row=1, column=1), title).font = xlsx.TITLE_FONT

        row = 3
        _section_title(ws, row, tr("surveydoc.section.respondent"))
        lines = respondent_lines(
            survey, service, service_name=service_name, municipality=municipality, prepared=prepared
        )
        for number, label, value, kind in lines:
            row += 1
            xlsx.set_text(ws.cell(row=row, column=1), number)
            xlsx.set_text(ws.cell(row=row, column=2), label).font = xlsx.LABEL_FONT
            xlsx.set_value(ws.cell(row=row, column=3), value, kind).alignment = xlsx.LEFT
        row += 1
        for key in ("posts", "empty", "small_groups"):
            row += 1
            xlsx.set_text(ws.cell(row=row, column=1), tr(f"surveydoc.note.{key}")).font = xlsx.NOTE_FONT

        row += 2
        columns = position_columns()
        _section_title(ws, row, tr("surveydoc.section.positions", date=date_text(survey.date)))
        header_row = row + 1
        xlsx.write_header(ws, row=header_row, columns=columns)
        row = header_row
        rows = position_rows(survey)
        salary_columns = [3 + i for i, (key, _k) in enumerate(POSITION_COLUMNS) if key in SALARY_KEYS]
        for code, figures in rows.items():
            row += 1
            xlsx.write_row(
                ws,
                row=row,
                columns=columns,
                values=[code, position_names.get(code, code), *position_values(figures)],
            )
            if small_group(figures):
                for column in salary_columns:
                    ws.cell(row=row, column=column).fill = xlsx.MARK_FILL
        row += 1
        xlsx.write_row(
            ws, row=row, columns=columns, values=[None, tr("surveydoc.total"), *_totals(rows)], total=True
        )
        for level in EDUCATION_LEVELS:
            row += 1
            xlsx.set_text(
                ws.cell(row=row, column=1), f"{level} — {education_names.get(level, '')}"
            ).font = xlsx.NOTE_FONT

        row += 2
        row = _figure_block(
            ws, row=row, title=tr("surveydoc.section.service"), figures=service_figures(survey)
        )
        row = _figure_block(
            ws,
            row=row,
            title=tr("surveydoc.section.previous", year=survey.previous_year.year),
            figures=previous_year_figures(survey, category_names=category_names),
        )
        xlsx.set_text(ws.cell(row=row, column=1), tr("surveydoc.no_personal_data")).font = xlsx.NOTE_FONT

        widths = {1: CODE_WIDTH, 2: LABEL_WIDTH}
        widths.update({3 + i: FIGURE_WIDTH for i in range(len(POSITION_COLUMNS))})
        widths.update({3 + len(POSITION_COLUMNS) + i: EDUCATION_WIDTH for i in range(len(EDUCATION_LEVELS))})
        for column, width in widths.items():
            ws.column_dimensions[get_column_letter(column)].width = width
        xlsx.fit_row_heights(ws)
        xlsx.freeze_below(ws, header_row, columns=2)
        xlsx.setup_print(ws, landscape=True, header_row=None, footer=title)
        workbook.properties.title = title
        workbook.properties.creator = "swdesk"
        workbook.properties.language = lang
        # the machine-readable copy of the same figures that LM reads back (issue 12)
        dati.write_data_sheet(
            workbook,
            dati.survey_table(
                survey,
                municipality=(service.municipality if service else municipality),
                atvk=service.atvk if service else None,
                service_name=(service.name if service else service_name),
                prepared=prepared,
            ),
        )
        return xlsx.save_workbook(workbook, path, overwrite=overwrite)


# --- the PDF ------------------------------------------------------------------------------------------------


def _text(value: Any, kind: xlsx.ColumnKind) -> str:
    """A figure as the form prints it: Latvian decimal comma, shares as percentages, "—" for none."""
    if value is None:
        return "—"
    if kind == "int":
        return integer_text(value)
    if kind == "year":
        return str(value)  # no thousands separator in a year
    if kind == "fte":
        return fte_text(value)
    if kind == "money":
        return money_text(value)
    if kind == "share":
        return share_text(value)
    if kind == "decimal1":
        return pdf.number(value, 1)
    if kind == "hours":
        return pdf.number(value, 2)
    if kind == "date":
        return date_text(value)
    return str(value)


def _positions_table(rows: Mapping[str, PositionFigures], names: Mapping[str, str], width: float) -> Any:
    keys = [key for key, _kind in POSITION_COLUMNS]
    kinds = dict(POSITION_COLUMNS)
    lines = []
    for code, figures in rows.items():
        values = position_values(figures)[: len(keys)]
        cells = [names.get(code, code)]
        for key, value in zip(keys, values, strict=True):
            text = _text(value, kinds[key]) if value is not None else ""
            if key in SALARY_KEYS and small_group(figures):
                text += "*"
            cells.append(text)
        lines.append(cells)
    totals = _totals(rows)[: len(keys)]
    lines.append(
        [tr("surveydoc.total")]
        + [_text(v, kinds[k]) if v is not None else "" for k, v in zip(keys, totals, strict=True)]
    )
    short = [tr(f"surveydoc.pdf.{key}") for key in keys]
    return pdf.data_table(
        header=[tr("surveydoc.col.position"), *short],
        rows=lines,
        # millimetres of a portrait page: each header word and "1 624,00*" on one line
        widths=[36, 11, 13.2, 11, 13.2, 11, 13.2, 14.8, 14.8, 14.8, 13, 15],
        align=pdf.left_then_right(11),
        total_rows=[len(lines) - 1],
        font_size=7,
        width=width,
        groups=[
            (tr("surveydoc.pdf.group_posts"), 1, 2),
            (tr("surveydoc.pdf.group_people"), 3, 4),
            (tr("surveydoc.pdf.group_vacancies"), 5, 6),
            (tr("surveydoc.pdf.group_salary"), 7, 9),
            (tr("surveydoc.pdf.group_noncompliant"), 10, 11),
        ],
    )


def _education_table(rows: Mapping[str, PositionFigures], names: Mapping[str, str], width: float) -> Any:
    lines = [
        [names.get(code, code)] + [str(figures.education.get(level, 0)) for level in EDUCATION_LEVELS]
        for code, figures in rows.items()
    ]
    totals = _totals(rows)[len(POSITION_COLUMNS) :]
    lines.append([tr("surveydoc.total")] + [str(t) for t in totals])
    return pdf.data_table(
        header=[tr("surveydoc.col.position"), *EDUCATION_LEVELS],
        rows=lines,
        widths=[36] + [11] * len(EDUCATION_LEVELS),
        align=pdf.left_then_right(len(EDUCATION_LEVELS)),
        total_rows=[len(lines) - 1],
        font_size=7,
        width=width * 102 / 180,
        groups=[(tr("surveydoc.pdf.group_education"), 1, len(EDUCATION_LEVELS))],
    )


def _figures_table(figures: Sequence[Figure], width: float) -> Any:
    rows = []
    for f in figures:
        # a category's name goes with its label, so that the value column holds the code alone
        label = f"{f.label}: {f.note}" if f.note else f.label
        rows.append([f.number, label, _text(f.value, f.kind)])
    return pdf.data_table(
        header=[tr("surveydoc.col.nr"), tr("surveydoc.col.figure"), tr("surveydoc.col.value")],
        rows=rows,
        widths=[6, 62, 32],
        align=["left", "left", "right"],
        font_size=8,
        width=width,
    )


def write_survey_pdf(
    survey: Survey,
    path: str | os.PathLike[str],
    *,
    service: ServiceRecord | None = None,
    service_name: str | None = None,
    municipality: str | None = None,
    position_names: Mapping[str, str] | None = None,
    category_names: Mapping[str, str] | None = None,
    education_names: Mapping[str, str] | None = None,
    prepared: dt.date | None = None,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    """The survey as a portrait A4 form: the respondent, every position, education levels, the service's
    and the previous year's numbered figures. Latvian unless ``lang`` asks for an English copy."""
    with document_language(lang):
        position_names = position_names or _catalogue_names("positions")
        category_names = category_names or _catalogue_names("duty_categories")
        education_names = education_names or _catalogue_names("education")
        width = pdf.content_width()
        date = date_text(survey.date)
        title = _title(survey)
        lines = respondent_lines(
            survey,
            service,
            service_name=service_name,
            municipality=municipality,
            prepared=prepared or dt.date.today(),
        )
        fields = [(f"{number} {label}", _text(value, kind)) for number, label, value, kind in lines]
        story: list[Any] = [
            pdf.Paragraph(pdf.escape(title), pdf.styles().title),
            pdf.heading(tr("surveydoc.section.respondent")),
            pdf.two_column_fields(fields[:5], fields[5:], width=width, shares=(0.24, 0.28, 0.2, 0.28)),
            pdf.Spacer(1, 2 * pdf.mm),
        ]
        story += [
            pdf.paragraph(tr(f"surveydoc.note.{key}"), small=True)
            for key in ("posts", "empty", "small_groups")
        ]
        rows = position_rows(survey)
        story.append(
            pdf.KeepTogether(
                [
                    pdf.heading(tr("surveydoc.section.positions", date=date)),
                    _positions_table(rows, position_names, width),
                ]
            )
        )
        story.append(
            pdf.KeepTogether(
                [
                    pdf.heading(tr("surveydoc.section.education")),
                    _education_table(rows, position_names, width),
                    pdf.Spacer(1, 1 * pdf.mm),
                    pdf.paragraph(
                        "; ".join(
                            f"{level} — {education_names.get(level, '')}" for level in EDUCATION_LEVELS
                        ),
                        small=True,
                    ),
                ]
            )
        )
        story.append(
            pdf.KeepTogether(
                [pdf.heading(tr("surveydoc.section.service")), _figures_table(service_figures(survey), width)]
            )
        )
        previous = previous_year_figures(survey, category_names=category_names)
        story.append(
            pdf.KeepTogether(
                [
                    pdf.heading(tr("surveydoc.section.previous", year=survey.previous_year.year)),
                    _figures_table(previous, width),
                ]
            )
        )
        story += [pdf.Spacer(1, 6), pdf.paragraph(tr("surveydoc.no_personal_data"), small=True)]
        return pdf.build_pdf(path, story=story, title=title, overwrite=overwrite, lang=lang)
