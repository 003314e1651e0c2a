"""The documents of LM's consolidation (issue 12 items 3 and 4): a workbook and a PDF brief.

The workbook has sheets for people and sheets for programs. For people: ``Kopsavilkums`` (the totals,
medians and quartiles, per position, the largest categories), ``Pašvaldības`` (a row per municipality in
Latvian words), ``Faili`` (every file's verdict, then the municipalities with no file). For programs, one
header row of machine names and a value per cell, read by pandas with no cleaning: ``Pasvaldibas`` (a row per
municipality; ``swdesk lm survey --previous`` reads it back next year) and ``Dati`` (a row per municipality ×
position). The claims' workbook has ``Kopsavilkums``, ``Atskiribas`` (every row whose figure differs),
``Dubulti`` (the same person or invoice twice) and ``Faili``.

The PDF brief for the ministry: the national figures, ranked charts (residents per specialist FTE by
municipality with the 1000 line, vacancies, the share of staff paid below the scale), a table per planning
region, and the files. Latvian (LM's documents), numbers with a decimal comma.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from swdesk.export import pdf, xlsx
from swdesk.export.common import OFFICIAL_LANGUAGE, date_text, document_language, share_text
from swdesk.export.xlsx import Column
from swdesk.i18n import define, tr
from swdesk.lm.survey import MUNICIPALITY_SHEET, RATIO_LIMIT, REGIONS, SurveyConsolidation

define(
    {
        "lmdoc.title": ("Sociālo dienestu aptauju kopsavilkums", "Consolidated survey of social services"),
        "lmdoc.as_of": ("uz {date}", "as of {date}"),
        "lmdoc.sheet.summary": ("Kopsavilkums", "Summary"),
        "lmdoc.sheet.municipalities": ("Pašvaldības", "Municipalities"),
        "lmdoc.sheet.files": ("Faili", "Files"),
        "lmdoc.files_line": (
            "Faili: {files}, pieņemti {accepted}; pašvaldības ar pieņemtu aptauju: {municipalities} no 43",
            "Files: {files}, accepted {accepted}; municipalities with an accepted survey: {municipalities} of 43",
        ),
        "lmdoc.folder": ("Mape", "Folder"),
        "lmdoc.prepared": ("Sagatavots", "Prepared"),
        "lmdoc.section.totals": ("Valstī kopā", "National totals"),
        "lmdoc.section.spreads": (
            "Mediānas un kvartiļi pa pašvaldībām",
            "Medians and quartiles over municipalities",
        ),
        "lmdoc.section.positions": ("Pa amatiem", "By position"),
        "lmdoc.section.categories": (
            "Ar sociālo darbu nesaistītie pienākumi: cik pašvaldībās kategorija ir starp trim lielākajām",
            "Non-social-work duties: in how many municipalities a category is among the three largest",
        ),
        "lmdoc.section.files": ("Faili un to vērtējums", "Files and their verdicts"),
        "lmdoc.section.missing": (
            "Pašvaldības bez pieņemtas aptaujas",
            "Municipalities with no accepted survey",
        ),
        "lmdoc.section.changes": (
            "Izmaiņas kopš iepriekšējā kopsavilkuma ({date})",
            "Changes since the previous consolidation ({date})",
        ),
        "lmdoc.none": ("nav", "none"),
        "lmdoc.total.municipalities": (
            "Pašvaldības ar pieņemtu aptauju",
            "Municipalities with an accepted survey",
        ),
        "lmdoc.total.population": ("Iedzīvotāji", "Residents"),
        "lmdoc.total.staff": ("Darbinieki (visos amatos)", "Staff (all positions)"),
        "lmdoc.total.sds_headcount": ("Sociālā darba speciālisti", "Social work specialists"),
        "lmdoc.total.sds_fte": ("Speciālistu slodzes", "Specialists' FTE"),
        "lmdoc.total.residents_per_sds": (
            "Iedzīvotāji uz speciālista slodzi",
            "Residents per specialist FTE",
        ),
        "lmdoc.total.norm_met": (
            "Pašvaldības, kurās izpildīta norma 1:1000",
            "Municipalities meeting 1:1000",
        ),
        "lmdoc.total.shortfall_fte": (
            "Trūkstošās speciālistu slodzes līdz normai",
            "Specialists' FTE missing to the norm",
        ),
        "lmdoc.total.vacancies": ("Vakances", "Vacancies"),
        "lmdoc.total.vacancy_fte": ("Vakanču slodzes", "Vacant FTE"),
        "lmdoc.total.vacancies_long_open": ("Vakances, kas atvērtas pārāk ilgi", "Vacancies open too long"),
        "lmdoc.total.below_scale": ("Darbinieki ar algu zem skalas minimuma", "Staff paid below the scale"),
        "lmdoc.total.below_scale_share": ("To daļa", "Their share"),
        "lmdoc.total.education_noncompliant": (
            "Speciālisti bez prasītās izglītības",
            "Specialists without the required education",
        ),
        "lmdoc.col.figure": ("Rādītājs", "Figure"),
        "lmdoc.col.value": ("Vērtība", "Value"),
        "lmdoc.col.count": ("Pašvaldības", "Municipalities"),
        "lmdoc.col.min": ("Min.", "Min."),
        "lmdoc.col.q1": ("1. kvartile", "1st quartile"),
        "lmdoc.col.median": ("Mediāna", "Median"),
        "lmdoc.col.q3": ("3. kvartile", "3rd quartile"),
        "lmdoc.col.max": ("Maks.", "Max."),
        "lmdoc.col.position": ("Amats", "Position"),
        "lmdoc.col.headcount": ("Darbinieki", "Staff"),
        "lmdoc.col.fte": ("Slodzes", "FTE"),
        "lmdoc.col.vacancies": ("Vakances", "Vacancies"),
        "lmdoc.col.vacancy_fte": ("Vakanču slodzes", "Vacant FTE"),
        "lmdoc.col.salary_min": ("Alga min., EUR", "Pay min., EUR"),
        "lmdoc.col.salary_mean": ("Alga vid., EUR", "Pay mean, EUR"),
        "lmdoc.col.salary_max": ("Alga maks., EUR", "Pay max., EUR"),
        "lmdoc.col.below_scale": ("Zem skalas", "Below scale"),
        "lmdoc.col.education_noncompliant": ("Neatbilst izglītība", "Education not compliant"),
        "lmdoc.col.category": ("Kategorija", "Category"),
        "lmdoc.col.municipality": ("Pašvaldība", "Municipality"),
        "lmdoc.col.region": ("Reģions", "Region"),
        "lmdoc.col.population": ("Iedzīvotāji", "Residents"),
        "lmdoc.col.sds_headcount": ("Speciālisti", "Specialists"),
        "lmdoc.col.sds_fte": ("Speciālistu slodzes", "Specialists' FTE"),
        "lmdoc.col.residents_per_sds": ("Iedz. uz slodzi", "Residents per FTE"),
        "lmdoc.col.norm_met": ("1:1000", "1:1000"),
        "lmdoc.col.effective": (
            "Iedz. uz slodzi bez nesaist. pien.",
            "Residents per FTE net of other duties",
        ),
        "lmdoc.col.long_open": ("Ilgi atvērtas", "Open too long"),
        "lmdoc.col.below_share": ("Zem skalas, daļa", "Below scale, share"),
        "lmdoc.col.training": ("Apmācību norma izpildīta", "Training norm met"),
        "lmdoc.col.supervision": ("Supervīzijas norma izpildīta", "Supervision norm met"),
        "lmdoc.col.cases_sw": ("Lietu mediāna, soc. darbinieki", "Median cases, social workers"),
        "lmdoc.col.cases_spo": ("Lietu mediāna, SPO", "Median cases, SPO"),
        "lmdoc.col.nonsw_share": ("Nesaistīto pienākumu daļa", "Share of other duties"),
        "lmdoc.col.top": ("Lielākās kategorijas", "Largest categories"),
        "lmdoc.col.edited": ("Labots pēc eksporta", "Edited after export"),
        "lmdoc.col.file": ("Fails", "File"),
        "lmdoc.col.accepted": ("Pieņemts", "Accepted"),
        "lmdoc.col.verdict": ("Vērtējums", "Verdict"),
        "lmdoc.col.change_fte": ("Slodžu izmaiņa", "Change in FTE"),
        "lmdoc.col.change_ratio": ("Iedz. uz slodzi izmaiņa", "Change in residents per FTE"),
        "lmdoc.col.change_vacancies": ("Vakanču izmaiņa", "Change in vacancies"),
        "lmdoc.col.change_below": ("Zem skalas izmaiņa", "Change below scale"),
        "lmdoc.not_in_previous": ("iepriekš nebija", "not in the previous"),
        "lmdoc.yes": ("jā", "yes"),
        "lmdoc.no": ("nē", "no"),
        "lmdoc.spread.residents_per_sds": (
            "Iedzīvotāji uz speciālista slodzi",
            "Residents per specialist FTE",
        ),
        "lmdoc.spread.effective_residents_per_sds": (
            "Tas pats, atskaitot nesaistītos pienākumus",
            "The same, net of other duties",
        ),
        "lmdoc.spread.below_scale_share": ("Daļa ar algu zem skalas", "Share paid below the scale"),
        "lmdoc.spread.training_met_share": (
            "Apmācību normu izpildījušo daļa",
            "Share meeting the training norm",
        ),
        "lmdoc.spread.supervision_met_share": (
            "Supervīzijas normu izpildījušo daļa",
            "Share meeting the supervision norm",
        ),
        "lmdoc.spread.median_cases_social_workers": (
            "Lietu mediāna mēnesī uz slodzi: soc. darbinieki",
            "Median monthly cases per FTE: social workers",
        ),
        "lmdoc.spread.median_cases_spo": (
            "Lietu mediāna mēnesī uz slodzi: SPO",
            "Median monthly cases per FTE: SPO",
        ),
        "lmdoc.spread.nonsw_share": (
            "Nesaistīto pienākumu daļa darba laikā",
            "Share of time on other duties",
        ),
        "lmdoc.chart.ratio": ("Iedzīvotāji uz speciālista slodzi", "Residents per specialist FTE"),
        "lmdoc.chart.ratio_axis": ("iedzīvotāji uz vienu slodzi", "residents per FTE"),
        "lmdoc.chart.limit": ("norma 1:{limit}", "norm 1:{limit}"),
        "lmdoc.chart.vacancies": ("Vakances", "Vacancies"),
        "lmdoc.chart.vacancies_axis": ("vakanču skaits", "vacancies"),
        "lmdoc.chart.below": (
            "Darbinieku daļa ar algu zem skalas minimuma",
            "Share of staff paid below the scale minimum",
        ),
        "lmdoc.chart.below_axis": ("%", "%"),
        "lmdoc.section.regions": ("Pa plānošanas reģioniem", "By planning region"),
        "lmdoc.region": ("{region}", "{region}"),
        "lmdoc.brief": (
            "{accepted} no 43 pašvaldībām iesniegušas pieņemamu aptauju. Valstī {fte} speciālistu slodzes uz "
            "{population} iedzīvotājiem: {ratio} iedzīvotāji uz slodzi; normu 1:1000 izpilda {met} no "
            "{accepted} pašvaldībām, līdz normai trūkst {shortfall} slodžu. Vakances: {vacancies}, no tām "
            "pārāk ilgi atvērtas {long_open}. Algu zem skalas minimuma saņem {below} darbinieki ({share}).",
            "{accepted} of 43 municipalities sent an acceptable survey. Nationally {fte} specialists' FTE for "
            "{population} residents: {ratio} residents per FTE; {met} of {accepted} municipalities meet 1:1000, "
            "{shortfall} FTE are missing to the norm. Vacancies: {vacancies}, of which open too long "
            "{long_open}. {below} staff are paid below the scale minimum ({share}).",
        ),
    }
)

TOTAL_KINDS: dict[str, xlsx.ColumnKind] = {
    "municipalities": "int",
    "population": "int",
    "staff": "int",
    "sds_headcount": "int",
    "sds_fte": "fte",
    "residents_per_sds": "decimal1",
    "norm_met": "int",
    "shortfall_fte": "fte",
    "vacancies": "int",
    "vacancy_fte": "fte",
    "vacancies_long_open": "int",
    "below_scale": "int",
    "below_scale_share": "share",
    "education_noncompliant": "int",
}
SPREAD_KINDS: dict[str, xlsx.ColumnKind] = {
    "residents_per_sds": "decimal1",
    "effective_residents_per_sds": "decimal1",
    "below_scale_share": "share",
    "training_met_share": "share",
    "supervision_met_share": "share",
    "median_cases_social_workers": "hours",
    "median_cases_spo": "hours",
    "nonsw_share": "share",
}
# the machine sheet of one row per municipality (read back by --previous): (column, attribute or None)
MUNICIPALITY_COLUMNS = (
    "date",
    "municipality",
    "region",
    "file",
    "prepared",
    "edited",
    "population",
    "staff",
    "sds_headcount",
    "sds_fte",
    "residents_per_sds",
    "norm_met",
    "shortfall_fte",
    "effective_residents_per_sds",
    "vacancies",
    "vacancy_fte",
    "vacancies_long_open",
    "below_scale",
    "scaled_staff",
    "below_scale_share",
    "education_noncompliant",
    "training_met_share",
    "supervision_met_share",
    "median_cases_social_workers",
    "median_cases_spo",
    "nonsw_share",
    "top_nonsw_category_1",
    "top_nonsw_category_2",
    "top_nonsw_category_3",
)
POSITION_DATA_COLUMNS = (
    "date",
    "municipality",
    "region",
    "position",
    "headcount",
    "fte",
    "vacancies",
    "vacancy_fte",
    "salary_min",
    "salary_mean",
    "salary_max",
    "below_scale",
    "education_noncompliant",
)
_MACHINE_TEXT = frozenset(
    {
        "date",
        "municipality",
        "region",
        "file",
        "prepared",
        "position",
        "top_nonsw_category_1",
        "top_nonsw_category_2",
        "top_nonsw_category_3",
    }
)


def _names(section: str) -> dict[str, str]:
    from swdesk.db.catalogues import shipped

    return {row["code"]: row["name"] for row in shipped()[section]}


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else tr("lmdoc.yes") if value else tr("lmdoc.no")


def _machine_sheet(workbook: Any, title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cols = [Column(name, "text" if name in _MACHINE_TEXT else "number") for name in columns]
    sheet = xlsx.StreamedSheet(workbook, title)
    sheet.header(cols)
    for row in rows:
        sheet.row(cols, [int(v) if isinstance(v, bool) else v for v in row])
    sheet.write(columns=cols, max_width=30)
    xlsx.freeze_below(sheet.ws, 1)


def _table_sheet(
    workbook: Any, title: str, heading: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]
) -> None:
    sheet = xlsx.StreamedSheet(workbook, title)
    sheet.title(heading)
    sheet.blank()
    header = sheet.header(columns)
    for row in rows:
        sheet.row(columns, row)
    sheet.write(columns=columns, fit_from_row=header)
    xlsx.freeze_below(sheet.ws, header)
    xlsx.setup_print(sheet.ws, landscape=True, header_row=header, footer=heading)


def survey_title(c: SurveyConsolidation) -> str:
    return f"{tr('lmdoc.title')} {tr('lmdoc.as_of', date=date_text(c.date))}"


def _top_text(codes: Sequence[str], names: dict[str, str]) -> str:
    return "; ".join(f"{code} {names.get(code, '')}".strip() for code in codes) or tr("lmdoc.none")


def write_survey_consolidation_xlsx(
    c: SurveyConsolidation,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    with document_language(lang):
        positions = _names("positions")
        categories = _names("duty_categories")
        title = survey_title(c)
        workbook = xlsx.new_workbook()
        summary = xlsx.StreamedSheet(workbook, tr("lmdoc.sheet.summary"))
        summary.title_block(
            title=title,
            lines=[
                (tr("lmdoc.folder"), str(c.folder), "text"),
                (tr("lmdoc.prepared"), dt.date.today(), "date"),
            ],
        )
        summary.note(
            tr(
                "lmdoc.files_line",
                files=len(c.verdicts),
                accepted=c.accepted,
                municipalities=len(c.municipalities),
            )
        )
        summary.blank()
        summary.label(tr("lmdoc.section.totals"))
        for key, kind in TOTAL_KINDS.items():
            summary.label_value(tr(f"lmdoc.total.{key}"), c.totals.get(key), kind)
        summary.blank()
        summary.label(tr("lmdoc.section.spreads"))
        spread_columns = [
            Column(tr("lmdoc.col.figure"), max_width=45),
            Column(tr("lmdoc.col.count"), "int"),
        ] + [Column(tr(f"lmdoc.col.{k}"), "number") for k in ("min", "q1", "median", "q3", "max")]
        summary.header(spread_columns)
        for key, spread in c.spreads.items():
            summary.row(
                spread_columns,
                [
                    tr(f"lmdoc.spread.{key}"),
                    spread.count,
                    spread.minimum,
                    spread.q1,
                    spread.median,
                    spread.q3,
                    spread.maximum,
                ],
            )
        summary.blank()
        summary.label(tr("lmdoc.section.positions"))
        position_columns = [
            Column(tr("lmdoc.col.position"), max_width=40),
            Column(tr("lmdoc.col.headcount"), "int"),
            Column(tr("lmdoc.col.fte"), "fte"),
            Column(tr("lmdoc.col.vacancies"), "int"),
            Column(tr("lmdoc.col.vacancy_fte"), "fte"),
            Column(tr("lmdoc.col.salary_min"), "money"),
            Column(tr("lmdoc.col.salary_mean"), "money"),
            Column(tr("lmdoc.col.salary_max"), "money"),
            Column(tr("lmdoc.col.below_scale"), "int"),
            Column(tr("lmdoc.col.education_noncompliant"), "int"),
        ]
        summary.header(position_columns)
        for p in c.position_totals:
            summary.row(
                position_columns,
                [
                    positions.get(p.position, p.position),
                    p.headcount,
                    p.fte,
                    p.vacancies,
                    p.vacancy_fte,
                    p.salary_min,
                    p.salary_mean,
                    p.salary_max,
                    p.below_scale,
                    p.education_noncompliant,
                ],
            )
        summary.blank()
        summary.label(tr("lmdoc.section.categories"))
        category_columns = [
            Column(tr("lmdoc.col.category"), max_width=60),
            Column(tr("lmdoc.col.count"), "int"),
        ]
        summary.header(category_columns)
        for code, count in c.top_categories:
            summary.row(category_columns, [f"{code} {categories.get(code, '')}".strip(), count])
        summary.write(columns=spread_columns, fit_from_row=5, fixed={1: 50})

        municipality_columns = [
            Column(tr("lmdoc.col.municipality"), max_width=28),
            Column(tr("lmdoc.col.region")),
            Column(tr("lmdoc.col.population"), "int"),
            Column(tr("lmdoc.col.sds_headcount"), "int"),
            Column(tr("lmdoc.col.sds_fte"), "fte"),
            Column(tr("lmdoc.col.residents_per_sds"), "decimal1"),
            Column(tr("lmdoc.col.norm_met")),
            Column(tr("lmdoc.col.effective"), "decimal1"),
            Column(tr("lmdoc.col.vacancies"), "int"),
            Column(tr("lmdoc.col.long_open"), "int"),
            Column(tr("lmdoc.col.below_scale"), "int"),
            Column(tr("lmdoc.col.below_share"), "share"),
            Column(tr("lmdoc.col.education_noncompliant"), "int"),
            Column(tr("lmdoc.col.training"), "share"),
            Column(tr("lmdoc.col.supervision"), "share"),
            Column(tr("lmdoc.col.cases_sw"), "hours"),
            Column(tr("lmdoc.col.cases_spo"), "hours"),
            Column(tr("lmdoc.col.nonsw_share"), "share"),
            Column(tr("lmdoc.col.top"), max_width=40),
            Column(tr("lmdoc.col.edited")),
        ]
        _table_sheet(
            workbook,
            tr("lmdoc.sheet.municipalities"),
            title,
            municipality_columns,
            [
                [
                    m.municipality,
                    m.region,
                    m.population,
                    m.sds_headcount,
                    m.sds_fte,
                    m.residents_per_sds,
                    _yes_no(m.norm_met),
                    m.effective_residents_per_sds,
                    m.vacancies,
                    m.vacancies_long_open,
                    m.below_scale,
                    m.below_scale_share,
                    m.education_noncompliant,
                    m.training_met_share,
                    m.supervision_met_share,
                    m.median_cases_social_workers,
                    m.median_cases_spo,
                    m.nonsw_share,
                    _top_text(m.top_nonsw_categories, categories),
                    _yes_no(m.edited),
                ]
                for m in c.municipalities
            ],
        )
        if c.changes:
            change_columns = [
                Column(tr("lmdoc.col.municipality"), max_width=28),
                Column(tr("lmdoc.col.change_fte"), "fte"),
                Column(tr("lmdoc.col.change_ratio"), "decimal1"),
                Column(tr("lmdoc.col.change_vacancies"), "int"),
                Column(tr("lmdoc.col.change_below"), "int"),
            ]
            _table_sheet(
                workbook,
                "Izmaiņas",
                tr("lmdoc.section.changes", date=c.previous_date or "?"),
                change_columns,
                [
                    [
                        ch.municipality + ("" if ch.in_previous else f" ({tr('lmdoc.not_in_previous')})"),
                        ch.sds_fte,
                        ch.residents_per_sds,
                        ch.vacancies,
                        ch.below_scale,
                    ]
                    for ch in c.changes
                ],
            )
        _files_sheet(workbook, c.verdicts, c.missing, title)
        _machine_sheet(
            workbook,
            MUNICIPALITY_SHEET,
            MUNICIPALITY_COLUMNS,
            [
                [
                    c.date.isoformat(),
                    m.municipality,
                    m.region,
                    m.file,
                    m.prepared,
                    m.edited,
                    m.population,
                    m.staff,
                    m.sds_headcount,
                    m.sds_fte,
                    m.residents_per_sds,
                    m.norm_met,
                    m.shortfall_fte,
                    m.effective_residents_per_sds,
                    m.vacancies,
                    m.vacancy_fte,
                    m.vacancies_long_open,
                    m.below_scale,
                    m.scaled_staff,
                    m.below_scale_share,
                    m.education_noncompliant,
                    m.training_met_share,
                    m.supervision_met_share,
                    m.median_cases_social_workers,
                    m.median_cases_spo,
                    m.nonsw_share,
                    *(list(m.top_nonsw_categories) + [None] * 3)[:3],
                ]
                for m in c.municipalities
            ],
        )
        _machine_sheet(
            workbook,
            "Dati",
            POSITION_DATA_COLUMNS,
            [
                [
                    c.date.isoformat(),
                    p.municipality,
                    p.region,
                    p.position,
                    p.headcount,
                    p.fte,
                    p.vacancies,
                    p.vacancy_fte,
                    p.salary_min,
                    p.salary_mean,
                    p.salary_max,
                    p.below_scale,
                    p.education_noncompliant,
                ]
                for p in c.positions
            ],
        )
        workbook.properties.title = title
        workbook.properties.creator = "swdesk"
        return xlsx.save_workbook(workbook, path, overwrite=overwrite)


def _files_sheet(workbook: Any, verdicts: Sequence[Any], missing: Sequence[str], title: str) -> None:
    columns = [
        Column(tr("lmdoc.col.file"), max_width=40),
        Column(tr("lmdoc.col.municipality"), max_width=28),
        Column(tr("lmdoc.col.accepted")),
        Column(tr("lmdoc.col.verdict"), max_width=90),
    ]
    sheet = xlsx.StreamedSheet(workbook, tr("lmdoc.sheet.files"))
    sheet.title(title)
    sheet.blank()
    header = sheet.header(columns)
    for v in verdicts:
        sheet.row(columns, [v.name, v.municipality, _yes_no(v.accepted), v.text])
    if missing:
        sheet.blank()
        sheet.label(tr("lmdoc.section.missing"))
        for name in missing:
            sheet.note(name)
    sheet.write(columns=columns, fit_from_row=header)
    xlsx.freeze_below(sheet.ws, header)
    xlsx.setup_print(sheet.ws, landscape=True, header_row=header, footer=title)


# --- the PDF brief ------------------------------------------------------------------------------------------


def _with_limit(drawing: Any, limit: float, label: str) -> Any:
    """A dashed vertical line at ``limit`` across a horizontal bar chart (the norm), with its key."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Line, String

    chart = next(item for item in drawing.contents if isinstance(item, HorizontalBarChart))
    top = chart.valueAxis.valueMax
    if not top or limit > top:
        return drawing
    x = chart.x + chart.width * limit / top
    colour = pdf.colors.HexColor("#C0392B")
    drawing.add(
        Line(
            x, chart.y, x, chart.y + chart.height, strokeColor=colour, strokeWidth=1.2, strokeDashArray=[4, 2]
        )
    )
    drawing.add(
        String(
            chart.x + chart.width,
            drawing.height - 12,
            label,
            fontName=pdf.FONT,
            fontSize=7.5,
            fillColor=colour,
            textAnchor="end",
        )
    )
    return drawing


# the tallest a chart may be on a portrait A4 page, with its heading: 43 municipalities are made to fit
MAX_CHART_HEIGHT = 640.0


def _fit(drawing: Any) -> Any:
    """Shrink a chart taller than a page to fit it, keeping its proportions (43 bars need it)."""
    if drawing.height <= MAX_CHART_HEIGHT:
        return drawing
    factor = MAX_CHART_HEIGHT / drawing.height
    drawing.scale(factor, factor)
    drawing.width, drawing.height = drawing.width * factor, drawing.height * factor
    return drawing


def _ranked(c: SurveyConsolidation, key: str) -> list[tuple[str, Any]]:
    values = [(m.municipality, getattr(m, key)) for m in c.municipalities if getattr(m, key) is not None]
    return sorted(values, key=lambda item: -float(item[1]))


def write_survey_consolidation_pdf(
    c: SurveyConsolidation,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    with document_language(lang):
        title = survey_title(c)
        width = pdf.content_width()
        t = c.totals
        story: list[Any] = [
            pdf.Paragraph(pdf.escape(title), pdf.styles().title),
            pdf.paragraph(
                tr(
                    "lmdoc.brief",
                    accepted=len(c.municipalities),
                    fte=pdf.number(t["sds_fte"], 2),
                    population=pdf.number(t["population"], 0),
                    ratio=pdf.number(t["residents_per_sds"], 1),
                    met=t["norm_met"],
                    shortfall=pdf.number(t["shortfall_fte"], 2),
                    vacancies=t["vacancies"],
                    long_open=t["vacancies_long_open"],
                    below=t["below_scale"],
                    share=share_text(t["below_scale_share"]),
                )
            ),
            pdf.Spacer(1, 3 * pdf.mm),
        ]
        ratio = _ranked(c, "residents_per_sds")
        if ratio:
            chart = pdf.hbar_chart(
                title=tr("lmdoc.chart.ratio"),
                categories=[n for n, _v in ratio],
                series=[pdf.Series(tr("lmdoc.chart.ratio"), [v for _n, v in ratio])],
                value_title=tr("lmdoc.chart.ratio_axis"),
                width=width,
                label_share=0.3,
                bar_labels=True,
            )
            story.append(
                _fit(_with_limit(chart, float(RATIO_LIMIT), tr("lmdoc.chart.limit", limit=RATIO_LIMIT)))
            )
        vacancies = [(n, v) for n, v in _ranked(c, "vacancies") if v]
        if vacancies:
            story.append(
                _fit(
                    pdf.hbar_chart(
                        title=tr("lmdoc.chart.vacancies"),
                        categories=[n for n, _v in vacancies],
                        series=[pdf.Series(tr("lmdoc.chart.vacancies"), [v for _n, v in vacancies])],
                        value_title=tr("lmdoc.chart.vacancies_axis"),
                        width=width,
                        label_share=0.3,
                        places=1
                        if max(v for _n, v in vacancies) < 5
                        else 0,  # a small axis needs its fractions
                    )
                )
            )
        below = [(n, v * 100) for n, v in _ranked(c, "below_scale_share") if v]
        if below:
            story.append(
                _fit(
                    pdf.hbar_chart(
                        title=tr("lmdoc.chart.below"),
                        categories=[n for n, _v in below],
                        series=[pdf.Series(tr("lmdoc.chart.below"), [v for _n, v in below])],
                        value_title=tr("lmdoc.chart.below_axis"),
                        width=width,
                        label_share=0.3,
                        places=1,
                    )
                )
            )
        regions_heading: list[Any] = [pdf.heading(tr("lmdoc.section.regions"))]  # kept with the first table
        header = [
            tr("lmdoc.col.municipality"),
            tr("lmdoc.col.population"),
            tr("lmdoc.col.sds_fte"),
            tr("lmdoc.col.residents_per_sds"),
            tr("lmdoc.col.norm_met"),
            tr("lmdoc.col.vacancies"),
            tr("lmdoc.col.below_share"),
            tr("lmdoc.col.training"),
        ]
        for region in REGIONS:
            rows = [m for m in c.municipalities if m.region == region]
            if not rows:
                continue
            body = [
                [
                    m.municipality,
                    pdf.number(m.population, 0),
                    pdf.number(m.sds_fte, 2),
                    pdf.number(m.residents_per_sds, 1),
                    _yes_no(m.norm_met) or "—",
                    str(m.vacancies),
                    share_text(m.below_scale_share),
                    share_text(m.training_met_share),
                ]
                for m in rows
            ]
            population = sum(m.population or 0 for m in rows)
            fte = sum((m.sds_fte for m in rows), Decimal(0))
            body.append(
                [
                    tr("surveydoc.total"),
                    pdf.number(population, 0),
                    pdf.number(fte, 2),
                    pdf.number(population / fte, 1) if fte else "—",
                    f"{sum(1 for m in rows if m.norm_met)}/{len(rows)}",
                    str(sum(m.vacancies for m in rows)),
                    "",
                    "",
                ]
            )
            story.append(
                pdf.KeepTogether(
                    [
                        *regions_heading,
                        pdf.Paragraph(pdf.escape(region), pdf.styles().subtitle),
                        pdf.data_table(
                            header=header,
                            rows=body,
                            widths=[28, 12, 11, 11, 8, 9, 11, 11],
                            align=pdf.left_then_right(7),
                            total_rows=[len(body) - 1],
                            width=width,
                        ),
                    ]
                )
            )
            regions_heading = []
        story.append(pdf.heading(tr("lmdoc.section.files")))
        story.append(
            pdf.data_table(
                header=[tr("lmdoc.col.file"), tr("lmdoc.col.municipality"), tr("lmdoc.col.verdict")],
                rows=[[v.name, v.municipality or "", v.text] for v in c.verdicts],
                widths=[25, 20, 55],
                width=width,
                font_size=7,
            )
        )
        if c.missing:
            story.append(pdf.heading(tr("lmdoc.section.missing")))
            story.append(pdf.paragraph(", ".join(c.missing)))
        return pdf.build_pdf(path, story=story, title=title, overwrite=overwrite, lang=lang)
