"""`swdesk survey [--date DATE] [--json]`: the annual survey of social work specialists (SPEC §4).

The xlsx and pdf outputs (``--xlsx``, ``--pdf``) belong to the export module. They are Latvian whatever
``--lang`` says (they go to the Ministry); ``--english-copy`` adds an English copy of each beside it.
"""

from __future__ import annotations

import argparse

from swdesk.commands import add_document_options, open_db, parse_date, print_json, report_written
from swdesk.formats import fmt_date, fmt_number
from swdesk.i18n import define, tr
from swdesk.rules.survey import Survey

define(
    {
        "survey.help": ("LM aptauja par sociālā darba speciālistiem (uz 1. februāri)",
                        "the Ministry's annual survey of social work specialists (as of 1 February)"),
        "survey.date": ("aptaujas datums (noklusējums: šī gada 1. februāris)",
                        "reference date (default: 1 February of this year)"),
        "survey.json": ("rezultāts JSON formātā", "print the result as JSON"),
        "survey.title": ("Aptauja par sociālā darba speciālistiem uz {date}",
                         "Survey of social work specialists as of {date}"),
        "survey.service_name": ("Dienests: {name}", "Service: {name}"),
        "survey.columns": (
            "Amats|Darbinieki|Slodzes|Vakances|Vak. slodzes|Alga min|Alga vid.|Alga max|Zem skalas|"
            "Neatb. izgl.",
            "Position|Staff|FTE|Vacancies|Vac. FTE|Pay min|Pay mean|Pay max|Below scale|Educ. non-compl.",
        ),
        "survey.no_positions": ("Uz šo datumu nav neviena darbinieka un vakances.",
                                "Nobody is employed and no vacancy is open on this date."),
        "survey.section.service": ("Dienests", "Service"),
        "survey.population": ("Iedzīvotāju skaits", "Population"),
        "survey.population_year": ("{residents} ({year}. g.)", "{residents} ({year})"),
        "survey.sds_headcount": ("Sociālā darba speciālisti", "Social work specialists"),
        "survey.sds_fte": ("Sociālā darba speciālistu slodzes", "Social work specialists' FTE"),
        "survey.residents_per_sds": ("Iedzīvotāji uz vienu speciālista slodzi",
                                     "Residents per specialist FTE"),
        "survey.effective_residents_per_sds": (
            "Iedzīvotāji uz slodzi, ņemot vērā nesaistītos pienākumus ({year}. g.)",
            "Residents per FTE after non-social-work duties ({year})",
        ),
        "survey.hires": ("Pieņemti darbā pēdējos 12 mēnešos", "Hired in the last 12 months"),
        "survey.leavers": ("Aizgājuši pēdējos 12 mēnešos", "Left in the last 12 months"),
        "survey.section.previous": ("{year}. gads", "Year {year}"),
        "survey.training_met": ("Speciālisti, kas izpildīja apmācību normu",
                                "Specialists who met the training norm"),
        "survey.supervision_met": ("Speciālisti, kas izpildīja supervīzijas normu",
                                   "Specialists who met the supervision norm"),
        "survey.median_sw": ("Lietu mediāna mēnesī uz slodzi, sociālie darbinieki",
                             "Median cases per FTE per month, social workers"),
        "survey.median_spo": ("Lietu mediāna mēnesī uz slodzi, sociālās palīdzības organizatori",
                              "Median cases per FTE per month, social assistance organisers"),
        "survey.nonsw_hours": ("Ar sociālo darbu nesaistīto pienākumu stundas",
                               "Hours of non-social-work duties"),
        "survey.nonsw_share": ("To daļa no darba laika", "Their share of contracted hours"),
        "survey.top_categories": ("Lielākās kategorijas", "Largest categories"),
        "survey.english_copy": (
            "blakus katram dokumentam saglabāt arī tā kopiju angļu valodā (NOSAUKUMS.en.pdf)",
            "also write an English copy beside each document (NAME.en.pdf)",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("survey", parents=[common], help=tr("survey.help"))
    p.add_argument("--date", help=tr("survey.date"))
    p.add_argument("--json", action="store_true", help=tr("survey.json"))
    add_document_options(p)
    p.add_argument("--english-copy", action="store_true", help=tr("survey.english_copy"))
    return p


def _percent(value: object) -> str:
    return "—" if value is None else f"{fmt_number(value * 100, 1)} %"  # type: ignore[operator]


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def format_survey(
    survey: Survey, *, service_name: str = "", category_names: dict[str, str] | None = None
) -> str:
    """The survey as a small text table and two lists of figures."""
    names = category_names or {}
    lines = [tr("survey.title", date=fmt_date(survey.date))]
    if service_name:
        lines.append(tr("survey.service_name", name=service_name))
    lines.append("")
    header = tr("survey.columns").split("|")
    rows = [
        [code, str(p.headcount), fmt_number(p.fte, 3), str(p.vacancies), fmt_number(p.vacancy_fte, 3),
         fmt_number(p.salary_min), fmt_number(p.salary_mean), fmt_number(p.salary_max),
         _count(p.below_scale), _count(p.education_noncompliant)]
        for code, p in survey.positions.items()
    ]
    if rows:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            lines.append("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                                   for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
    else:
        lines.append(tr("survey.no_positions"))
    s, prev = survey.service, survey.previous_year
    population = "—" if s.population is None else tr(
        "survey.population_year", residents=fmt_number(s.population, 0), year=s.population_year)
    figures = [
        ("", tr("survey.section.service")),
        (tr("survey.population"), population),
        (tr("survey.sds_headcount"), str(s.sds_headcount)),
        (tr("survey.sds_fte"), fmt_number(s.sds_fte, 3)),
        (tr("survey.residents_per_sds"), fmt_number(s.residents_per_sds, 1)),
        (tr("survey.effective_residents_per_sds", year=prev.year),
         fmt_number(s.effective_residents_per_sds, 1)),
        (tr("survey.hires"), str(s.hires)),
        (tr("survey.leavers"), str(s.leavers)),
        ("", tr("survey.section.previous", year=prev.year)),
        (tr("survey.training_met"), _percent(prev.training_met_share)),
        (tr("survey.supervision_met"), _percent(prev.supervision_met_share)),
        (tr("survey.median_sw"), fmt_number(prev.median_cases_social_workers)),
        (tr("survey.median_spo"), fmt_number(prev.median_cases_spo)),
        (tr("survey.nonsw_hours"), fmt_number(prev.nonsw_hours)),
        (tr("survey.nonsw_share"), _percent(prev.nonsw_share)),
        (tr("survey.top_categories"),
         "; ".join(f"{code} {names.get(code, '')}".strip() for code in prev.top_nonsw_categories) or "—"),
    ]
    width = max(len(label) for label, _ in figures)
    for label, value in figures:
        if not label:
            lines.extend(["", value])
        else:
            lines.append(f"  {label.ljust(width)}  {value}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from swdesk.export.survey_docs import document_labels
    from swdesk.rules.data import load_service
    from swdesk.rules.survey import survey_for_date

    day = parse_date(args.date) if args.date else None
    with open_db(args).read() as session:
        survey = survey_for_date(session, date=day)
        service = load_service(session)
        labels = document_labels(session)
    if args.json:
        print_json(survey.to_json())
    else:
        print(format_survey(survey, service_name=service.name if service else "",
                            category_names=labels["category_names"]))
    if args.xlsx or args.pdf:
        from swdesk.export import write_survey_pdf, write_survey_xlsx
        from swdesk.export.common import english_copy_path

        for path, writer in ((args.xlsx, write_survey_xlsx), (args.pdf, write_survey_pdf)):
            if path:
                report_written(writer(survey, path, **labels))
                if args.english_copy:
                    report_written(writer(survey, english_copy_path(path), lang="en", **labels))
    return 0
