"""`swdesk lm survey MAPE` and `swdesk lm claims MAPE`: the Ministry of Welfare's end (issue 12).

Needs no database of a service: it reads the workbooks the services mailed (every ``.xlsx`` of the folder
and of its ``.zip`` files), says of each file whether it was accepted and why not, and writes the
consolidation (``--xlsx``, ``--pdf``) or prints it as JSON. A refused file never stops the others; exit
status 0 when the folder was read (whatever the verdicts), 2 when the folder or an option is wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from swdesk.commands import add_document_options, parse_date, print_json, report_written
from swdesk.formats import fmt_number
from swdesk.i18n import define, tr

define(
    {
        "lm.help": (
            "LM: aptauju kopsavilkums un pieprasījumu pārbaude (bez dienesta datubāzes)",
            "LM: consolidate surveys and verify claims (no service database needed)",
        ),
        "lm.survey.help": (
            "apkopot mapē esošās aptaujas (arī .zip failos)",
            "consolidate the surveys in a folder (also inside .zip files)",
        ),
        "lm.claims.help": (
            "pārbaudīt mapē esošos kompensācijas pieprasījumus",
            "verify the compensation claims in a folder",
        ),
        "lm.folder": ("mape ar dienestu atsūtītajiem failiem", "folder with the files the services sent"),
        "lm.date": ("aptaujas datums (piemēram, 01.02.2026)", "survey date (e.g. 01.02.2026)"),
        "lm.previous": (
            "iepriekšējā gada kopsavilkums (.xlsx), lai parādītu izmaiņas",
            "last year's consolidation (.xlsx), to show the changes",
        ),
        "lm.period": (
            "pieprasījumu periods: 2025, 2025-H1/H2, 2025-Q1…Q4, 2025-9M",
            "claim period: 2025, 2025-H1/H2, 2025-Q1…Q4, 2025-9M",
        ),
        "lm.rate": (
            "kompensācijas likme, ar kuru pārbaudīt (noklusējums: katra pieprasījuma paša likme)",
            "the compensation rate to verify with (default: each claim's own rate)",
        ),
        "lm.json": ("rezultāts JSON formātā", "print the result as JSON"),
        "lm.files": ("Faili ({count}):", "Files ({count}):"),
        "lm.line.accepted": ("  {name}: {text}", "  {name}: {text}"),
        "lm.line.refused": ("  {name}: NORAIDĪTS — {text}", "  {name}: REFUSED — {text}"),
        "lm.missing": (
            "Pašvaldības bez pieņemtas aptaujas ({count}): {names}",
            "Municipalities with no accepted survey ({count}): {names}",
        ),
        "lm.none_missing": (
            "Aptauja pieņemta no visām 43 pašvaldībām.",
            "A survey was accepted from all 43.",
        ),
        "lm.summary": (
            "Valstī: {municipalities} pašvaldības, {population} iedzīvotāji, {fte} speciālistu slodzes, "
            "{ratio} iedzīvotāji uz slodzi; norma 1:1000 izpildīta {met} pašvaldībās; vakances {vacancies}.",
            "Nationally: {municipalities} municipalities, {population} residents, {fte} specialists' FTE, "
            "{ratio} residents per FTE; 1:1000 met in {met} municipalities; vacancies {vacancies}.",
        ),
        "lm.claims.summary": (
            "Pieprasīts {claimed} EUR, pārbaudot {verified} EUR (starpība {difference} EUR); rindas ar "
            "atšķirībām: {rows}; dubulti: {duplicates}.",
            "Claimed {claimed} EUR, verified {verified} EUR (difference {difference} EUR); rows that differ: "
            "{rows}; duplicates: {duplicates}.",
        ),
        "lm.bad_rate": (
            "Likmei jābūt skaitlim no 0 līdz 1, piemēram, 0,70.",
            "The rate must be a number from 0 to 1, e.g. 0.70.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("lm", parents=[common], help=tr("lm.help"))
    what = p.add_subparsers(dest="lm_command", required=True, metavar="{survey,claims}")
    survey = what.add_parser("survey", parents=[common], help=tr("lm.survey.help"))
    survey.add_argument("folder", type=Path, metavar="MAPE", help=tr("lm.folder"))
    survey.add_argument("--date", required=True, help=tr("lm.date"))
    survey.add_argument("--previous", type=Path, metavar="IEPR.xlsx", help=tr("lm.previous"))
    survey.add_argument("--json", action="store_true", help=tr("lm.json"))
    add_document_options(survey)
    claims = what.add_parser("claims", parents=[common], help=tr("lm.claims.help"))
    claims.add_argument("folder", type=Path, metavar="MAPE", help=tr("lm.folder"))
    claims.add_argument("--period", required=True, help=tr("lm.period"))
    claims.add_argument("--rate", help=tr("lm.rate"))
    claims.add_argument("--json", action="store_true", help=tr("lm.json"))
    add_document_options(claims)
    return p


def _verdict_lines(verdicts: list) -> list[str]:  # type: ignore[type-arg]
    lines = [tr("lm.files", count=len(verdicts))]
    for v in verdicts:
        key = "lm.line.accepted" if v.accepted else "lm.line.refused"
        lines.append(tr(key, name=v.name, text=v.text))
    return lines


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError

    if not args.folder.is_dir():
        raise UsageError(tr("lm.source.no_folder", path=args.folder))
    if args.lm_command == "survey":
        return _survey(args)
    return _claims(args)


def _survey(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.lm.documents import write_survey_consolidation_pdf, write_survey_consolidation_xlsx
    from swdesk.lm.survey import PreviousError, consolidate_surveys

    day = parse_date(args.date)
    try:
        c = consolidate_surveys(args.folder, date=day, previous=args.previous)
    except PreviousError as exc:
        raise UsageError(str(exc)) from exc
    if args.json:
        print_json(c.to_json())
    else:
        lines = _verdict_lines(c.verdicts)
        lines.append("")
        lines.append(
            tr("lm.missing", count=len(c.missing), names=", ".join(c.missing))
            if c.missing
            else tr("lm.none_missing")
        )
        t = c.totals
        lines.append(
            tr(
                "lm.summary",
                municipalities=t["municipalities"],
                population=fmt_number(t["population"], 0),
                fte=fmt_number(t["sds_fte"], 2),
                ratio=fmt_number(t["residents_per_sds"], 1),
                met=t["norm_met"],
                vacancies=t["vacancies"],
            )
        )
        print("\n".join(lines))
    if args.xlsx:
        report_written(write_survey_consolidation_xlsx(c, args.xlsx))
    if args.pdf:
        report_written(write_survey_consolidation_pdf(c, args.pdf))
    return 0


def _claims(args: argparse.Namespace) -> int:
    from decimal import Decimal, InvalidOperation

    from swdesk.cli import UsageError
    from swdesk.lm.claims import verify_claims
    from swdesk.lm.documents_claims import write_claims_pdf, write_claims_xlsx
    from swdesk.rules.periods import PeriodError, parse_period

    try:
        period = parse_period(args.period)
    except PeriodError as exc:
        raise UsageError(str(exc)) from exc
    rate = None
    if args.rate is not None:
        try:
            rate = Decimal(args.rate.strip().replace(",", "."))
        except InvalidOperation:
            rate = None
        if rate is None or not Decimal(0) < rate <= Decimal(1):
            raise UsageError(tr("lm.bad_rate"))
    v = verify_claims(args.folder, period=period, rate=rate)
    if args.json:
        print_json(v.to_json())
    else:
        lines = _verdict_lines(v.verdicts)
        lines.append("")
        for d in v.differences:
            lines.append(f"  {d.text()}")
        lines.extend(f"  {dup.text}" for dup in v.duplicates)
        lines.append(
            tr(
                "lm.claims.summary",
                claimed=fmt_number(v.claimed),
                verified=fmt_number(v.verified),
                difference=fmt_number(v.claimed - v.verified),
                rows=len(v.differences),
                duplicates=len(v.duplicates),
            )
        )
        print("\n".join(lines))
    if args.xlsx:
        report_written(write_claims_xlsx(v, args.xlsx))
    if args.pdf:
        report_written(write_claims_pdf(v, args.pdf))
    return 0
