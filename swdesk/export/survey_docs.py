"""The annual survey of social work specialists as a form for the Ministry of Welfare (LM): xlsx and PDF.

Issue 4 item 2, SPEC §4. One page, three blocks a reader at LM takes in at a glance: the positions on the
reference date (staff, FTE, vacancies, pay, how many are below the scale minimum or lack the required
education), the service's figures (population, specialists, residents per specialist FTE, hires and
leavers), and the previous year's (training and supervision norms met, median caseload, non-social-work
hours and their largest categories).

The survey holds counts, sums and codes only (:class:`~swdesk.rules.survey.Survey`); these documents add
nothing about a person — no name, personal code or employee number — only the service's own name, the
position and category names of the catalogue, and the date of preparation.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy.orm import Session

from swdesk.export import pdf, xlsx
from swdesk.export.common import date_text, fte_text, integer_text, money_text, share_text
from swdesk.export.xlsx import Column
from swdesk.i18n import define, tr
from swdesk.rules.survey import PositionFigures, Survey

define(
    {
        "surveydoc.title": (
            "Aptauja par sociālā darba speciālistiem",
            "Survey of social work specialists",
        ),
        "surveydoc.as_of": ("uz {date}", "as of {date}"),
        "surveydoc.sheet": ("Aptauja", "Survey"),
        "surveydoc.service": ("Sociālais dienests", "Social service"),
        "surveydoc.municipality": ("Pašvaldība", "Municipality"),
        "surveydoc.date": ("Aptaujas datums", "Reference date"),
        "surveydoc.prepared": ("Sagatavošanas datums", "Date prepared"),
        "surveydoc.section.positions": ("1. Amati uz {date}", "1. Positions as of {date}"),
        "surveydoc.section.service": ("2. Dienests", "2. The service"),
        "surveydoc.section.previous": ("3. {year}. gads", "3. Year {year}"),
        "surveydoc.col.code": ("Kods", "Code"),
        "surveydoc.col.position": ("Amats", "Position"),
        "surveydoc.col.headcount": ("Darbinieki", "Staff"),
        "surveydoc.col.fte": ("Slodzes", "FTE"),
        "surveydoc.col.vacancies": ("Vakances", "Vacancies"),
        "surveydoc.col.vacancy_fte": ("Vakanču slodzes", "Vacant FTE"),
        "surveydoc.col.salary_min": ("Mēnešalga min., EUR", "Monthly pay min., EUR"),
        "surveydoc.col.salary_mean": ("Mēnešalga vidējā, EUR", "Monthly pay mean, EUR"),
        "surveydoc.col.salary_max": ("Mēnešalga maks., EUR", "Monthly pay max., EUR"),
        "surveydoc.col.below_scale": ("Zem skalas minimuma", "Below scale minimum"),
        "surveydoc.col.education_noncompliant": ("Neatbilst izglītības prasībām", "Education not compliant"),
        # the PDF's narrower columns: short headers under a group header
        "surveydoc.pdf.group_vacancies": ("Vakances", "Vacancies"),
        "surveydoc.pdf.vacancies": ("skaits", "number"),
        "surveydoc.pdf.vacancy_fte": ("slodzes", "FTE"),
        "surveydoc.pdf.group_salary": ("Mēnešalga, EUR", "Monthly pay, EUR"),
        "surveydoc.pdf.salary_min": ("min.", "min."),
        "surveydoc.pdf.salary_mean": ("vidējā", "mean"),
        "surveydoc.pdf.salary_max": ("maks.", "max."),
        "surveydoc.pdf.group_noncompliant": ("Neatbilst prasībām", "Not compliant"),
        "surveydoc.pdf.below_scale": ("alga zem skalas min.", "pay below scale min."),
        "surveydoc.pdf.education_noncompliant": ("izglītība", "education"),
        "surveydoc.col.figure": ("Rādītājs", "Figure"),
        "surveydoc.col.value": ("Vērtība", "Value"),
        "surveydoc.total": ("Kopā", "Total"),
        "surveydoc.no_positions": (
            "Uz šo datumu nav neviena darbinieka un nav atvērtu vakanču.",
            "Nobody is employed and no vacancy is open on this date.",
        ),
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
            "Aptaujā nav personas datu: tikai skaiti, summas un kodi.",
            "The survey holds no personal data: only counts, sums and codes.",
        ),
    }
)

# width of columns A+B of the workbook, where the labels of the figures stand
LABEL_CHARACTERS = 52

# (JSON key of SPEC §6, kind of value in the workbook), in the order of the table
POSITION_COLUMNS: tuple[tuple[str, xlsx.ColumnKind], ...] = (
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


@dataclass(frozen=True)
class Figure:
    """One line of the service or previous-year block: label, value, its kind; ``key`` as SPEC §6 names it."""

    key: str
    label: str
    value: Any
    kind: xlsx.ColumnKind
    # a name that explains a code value (a duty category's name)
    note: str | None = None


def document_labels(session: Session) -> dict[str, Any]:
    """The names a survey document prints, from this database (a head may have renamed a position).

    Returned as the keyword arguments of :func:`write_survey_xlsx` and :func:`write_survey_pdf`.
    """
    from sqlalchemy import select

    from swdesk.db import models as m
    from swdesk.rules.data import load_service

    service = load_service(session)
    return {
        "service_name": service.name if service else None,
        "municipality": service.municipality if service else None,
        "position_names": {
            code: name for code, name in session.execute(select(m.Position.code, m.Position.name))
        },
        "category_names": {
            code: name for code, name in session.execute(select(m.DutyCategory.code, m.DutyCategory.name))
        },
    }


def _catalogue_names(section: str) -> dict[str, str]:
    from swdesk.db.catalogues import shipped

    return {row["code"]: row["name"] for row in shipped()[section]}


def service_figures(survey: Survey) -> list[Figure]:
    s = survey.service
    return [
        Figure("population", tr("surveydoc.population"), s.population, "int"),
        Figure("population_year", tr("surveydoc.population_year"), s.population_year, "year"),
        Figure("sds_headcount", tr("surveydoc.sds_headcount"), s.sds_headcount, "int"),
        Figure("sds_fte", tr("surveydoc.sds_fte"), s.sds_fte, "fte"),
        Figure("residents_per_sds", tr("surveydoc.residents_per_sds"), s.residents_per_sds, "decimal1"),
        Figure(
            "effective_residents_per_sds",
            tr("surveydoc.effective_residents_per_sds", year=survey.previous_year.year),
            s.effective_residents_per_sds,
            "decimal1",
        ),
        Figure("hires", tr("surveydoc.hires"), s.hires, "int"),
        Figure("leavers", tr("surveydoc.leavers"), s.leavers, "int"),
    ]


def previous_year_figures(survey: Survey, *, category_names: Mapping[str, str]) -> list[Figure]:
    p = survey.previous_year
    figures = [
        Figure("training_met_share", tr("surveydoc.training_met"), p.training_met_share, "share"),
        Figure("supervision_met_share", tr("surveydoc.supervision_met"), p.supervision_met_share, "share"),
        Figure(
            "median_cases_social_workers", tr("surveydoc.median_sw"), p.median_cases_social_workers, "hours"
        ),
        Figure("median_cases_spo", tr("surveydoc.median_spo"), p.median_cases_spo, "hours"),
        Figure("nonsw_hours", tr("surveydoc.nonsw_hours"), p.nonsw_hours, "hours"),
        Figure("nonsw_share", tr("surveydoc.nonsw_share"), p.nonsw_share, "share"),
    ]
    for n, code in enumerate(p.top_nonsw_categories, start=1):
        figures.append(
            Figure(
                f"top_nonsw_categories[{n - 1}]",
                tr("surveydoc.top_category", n=n),
                code,
                "text",
                note=category_names.get(code),
            )
        )
    return figures


def _position_values(figures: PositionFigures) -> list[Any]:
    return [getattr(figures, key) for key, _kind in POSITION_COLUMNS]


def _totals(survey: Survey) -> list[Any]:
    """Sums of the count and FTE columns; pay and the rule counts are not summed across positions."""
    positions = survey.positions.values()
    return [
        sum(p.headcount for p in positions),
        sum((p.fte for p in positions), Decimal(0)),
        sum(p.vacancies for p in positions),
        sum((p.vacancy_fte for p in positions), Decimal(0)),
        None,
        None,
        None,
        sum(p.below_scale for p in positions if p.below_scale is not None),
        sum(p.education_noncompliant for p in positions if p.education_noncompliant is not None),
    ]


def position_columns() -> list[Column]:
    """The per-position table's columns with their Latvian headers (also what the tests look up)."""
    head = [Column(tr("surveydoc.col.code"), "text", 10), Column(tr("surveydoc.col.position"), "text", 34)]
    return head + [Column(tr(f"surveydoc.col.{key}"), kind, 14) for key, kind in POSITION_COLUMNS]


# --- the workbook -------------------------------------------------------------------------------------------


def _figure_block(ws: Worksheet, *, row: int, title: str, figures: Sequence[Figure]) -> int:
    """A block of ``label | value`` lines under a title; the label spans the code and position columns."""
    xlsx.set_text(ws.cell(row=row, column=1), title).font = xlsx.TITLE_FONT
    row += 1
    for figure in figures:
        label = xlsx.set_text(ws.cell(row=row, column=1), figure.label)
        label.alignment = xlsx.TOP_WRAPPED
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        if len(figure.label) > LABEL_CHARACTERS:
            # Excel does not grow a merged cell's row to its wrapped text; give it the second line.
            ws.row_dimensions[row].height = 30
        cell = ws.cell(row=row, column=3)
        if figure.value is None:
            xlsx.set_text(cell, "—")
        else:
            xlsx.set_value(cell, figure.value, figure.kind)
        cell.alignment = xlsx.TOP
        if figure.note:
            xlsx.set_text(ws.cell(row=row, column=4), figure.note).alignment = xlsx.TOP
            ws.merge_cells(start_row=row, start_column=4, end_row=row, end_column=11)
        row += 1
    return row + 1


def write_survey_xlsx(
    survey: Survey,
    path: str | os.PathLike[str],
    *,
    service_name: str | None = None,
    municipality: str | None = None,
    position_names: Mapping[str, str] | None = None,
    category_names: Mapping[str, str] | None = None,
    prepared: dt.date | None = None,
    overwrite: bool = True,
) -> Path:
    """The survey as one sheet laid out as a form: title, positions table, service and previous-year blocks.

    ``position_names`` and ``category_names`` default to the shipped catalogue; pass the database's own
    when the head renamed a position. Missing figures (no population, nobody to measure) read "—".
    """
    position_names = position_names or _catalogue_names("positions")
    category_names = category_names or _catalogue_names("duty_categories")
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, tr("surveydoc.sheet"))
    title = f"{tr('surveydoc.title')} {tr('surveydoc.as_of', date=date_text(survey.date))}"
    row = xlsx.write_title_block(
        ws,
        title=title,
        lines=[
            (tr("surveydoc.service"), service_name, "text"),
            (tr("surveydoc.municipality"), municipality, "text"),
            (tr("surveydoc.date"), survey.date, "date"),
            (tr("surveydoc.prepared"), prepared or dt.date.today(), "date"),
        ],
    )
    for r in range(2, row - 1):
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=5)

    columns = position_columns()
    xlsx.set_text(
        ws.cell(row=row, column=1), tr("surveydoc.section.positions", date=date_text(survey.date))
    ).font = xlsx.TITLE_FONT
    header_row = row + 1
    xlsx.write_header(ws, row=header_row, columns=columns)
    row = header_row
    for code, figures in survey.positions.items():
        row += 1
        xlsx.write_row(
            ws,
            row=row,
            columns=columns,
            values=[code, position_names.get(code, code), *_position_values(figures)],
        )
    if survey.positions:
        row += 1
        xlsx.write_row(
            ws, row=row, columns=columns, values=[None, tr("surveydoc.total"), *_totals(survey)], total=True
        )
    else:
        row += 1
        xlsx.set_text(ws.cell(row=row, column=1), tr("surveydoc.no_positions"))
    row += 2
    row = _figure_block(ws, row=row, title=tr("surveydoc.section.service"), figures=service_figures(survey))
    row = _figure_block(
        ws,
        row=row,
        title=tr("surveydoc.section.previous", year=survey.previous_year.year),
        figures=previous_year_figures(survey, category_names=category_names),
    )
    xlsx.set_text(ws.cell(row=row, column=1), tr("surveydoc.no_personal_data")).font = xlsx.Font(italic=True)

    xlsx.fit_columns(ws, columns=columns, from_row=header_row)
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = LABEL_CHARACTERS - 12
    ws.column_dimensions["C"].width = max(ws.column_dimensions["C"].width, 14)
    xlsx.freeze_below(ws, header_row)
    xlsx.setup_print(ws, landscape=True, header_row=None, footer=title)
    workbook.properties.title = title
    workbook.properties.creator = "swdesk"
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
    return str(value)


def write_survey_pdf(
    survey: Survey,
    path: str | os.PathLike[str],
    *,
    service_name: str | None = None,
    municipality: str | None = None,
    position_names: Mapping[str, str] | None = None,
    category_names: Mapping[str, str] | None = None,
    prepared: dt.date | None = None,
    overwrite: bool = True,
) -> Path:
    """The survey as a one-page portrait A4 form: the positions table, then the two blocks of figures."""
    position_names = position_names or _catalogue_names("positions")
    category_names = category_names or _catalogue_names("duty_categories")
    width = pdf.content_width()
    date = date_text(survey.date)
    title = f"{tr('surveydoc.title')} {tr('surveydoc.as_of', date=date)}"
    story: list[Any] = pdf.title_block(
        title=title,
        subtitle=" — ".join(x for x in (service_name, municipality) if x) or None,
        lines=[
            (tr("surveydoc.date"), date),
            (tr("surveydoc.prepared"), date_text(prepared or dt.date.today())),
        ],
    )
    columns = position_columns()
    if survey.positions:
        rows = [
            [code, position_names.get(code, code)]
            + [_text(v, kind) for v, (_key, kind) in zip(_position_values(p), POSITION_COLUMNS, strict=True)]
            for code, p in survey.positions.items()
        ]
        totals = zip(_totals(survey), POSITION_COLUMNS, strict=True)
        rows.append(
            ["", tr("surveydoc.total")]
            + [_text(v, kind) if v is not None else "" for v, (_k, kind) in totals]
        )
        short = [
            tr(f"surveydoc.pdf.{key}")
            for key in (
                "vacancies",
                "vacancy_fte",
                "salary_min",
                "salary_mean",
                "salary_max",
                "below_scale",
                "education_noncompliant",
            )
        ]
        positions: Any = pdf.data_table(
            header=[c.header for c in columns[:4]] + short,
            rows=rows,
            widths=[16, 35, 18.5, 13.5, 12, 13, 13.5, 13.5, 13.5, 15, 15],
            align=["left", "left"] + ["right"] * 9,
            total_rows=[len(rows) - 1],
            font_size=7.5,
            width=width,
            groups=[
                (tr("surveydoc.pdf.group_vacancies"), 4, 5),
                (tr("surveydoc.pdf.group_salary"), 6, 8),
                (tr("surveydoc.pdf.group_noncompliant"), 9, 10),
            ],
        )
    else:
        positions = pdf.paragraph(tr("surveydoc.no_positions"))
    story.append(pdf.KeepTogether([pdf.heading(tr("surveydoc.section.positions", date=date)), positions]))

    service = pdf.key_value_table(
        rows=[(f.label, _text(f.value, f.kind)) for f in service_figures(survey)],
        widths=(0.8, 0.2),
        font_size=8.5,
    )
    story.append(pdf.KeepTogether([pdf.heading(tr("surveydoc.section.service")), service]))
    # Categories are names, not figures: they read better left-aligned across the value column.
    previous = previous_year_figures(survey, category_names=category_names)
    figures = [f for f in previous if f.kind != "text"]
    categories = [f for f in previous if f.kind == "text"]
    block: list[Any] = [
        pdf.heading(tr("surveydoc.section.previous", year=survey.previous_year.year)),
        pdf.key_value_table(
            rows=[(f.label, _text(f.value, f.kind)) for f in figures], widths=(0.8, 0.2), font_size=8.5
        ),
    ]
    if categories:
        block.append(
            pdf.key_value_table(
                rows=[(f.label, f"{f.value} — {f.note}" if f.note else str(f.value)) for f in categories],
                widths=(0.3, 0.7),
                font_size=8.5,
                value_align="left",
            )
        )
    story.append(pdf.KeepTogether(block))
    story += [pdf.Spacer(1, 6), pdf.paragraph(tr("surveydoc.no_personal_data"), small=True)]
    return pdf.build_pdf(path, story=story, title=title, overwrite=overwrite)
