"""`swdesk check --year Y [--as-of DATE] [--json]`: the norm checks of SPEC §2."""

from __future__ import annotations

import argparse

from swdesk.commands import open_db, parse_date, print_json
from swdesk.formats import fmt_date
from swdesk.i18n import define, tr
from swdesk.rules.findings import ERROR, INFO, RULE_LABELS, WARNING, CheckResult

define(
    {
        "check.help": ("pārbaudīt normas (1:1000, slodze, apmācības, supervīzija u.c.)",
                       "run the norm checks (1:1000, workload, training, supervision, …)"),
        "check.year": ("gads, par kuru pārbaudīt", "the year to check"),
        "check.as_of": ("datums, uz kuru pārbaudīt (noklusējums: šodiena vai 31.12.)",
                        "the as-of date (default: today or 31 Dec of the year)"),
        "check.json": ("rezultāts JSON formātā", "print the result as JSON"),
        "check.bad_year": ("Gadam jābūt no {low} līdz {high}, nevis {year}.",
                           "The year must be between {low} and {high}, not {year}."),
        "check.title": ("Normu pārbaude {year}. gadam uz {as_of} (periods {start}–{end})",
                        "Norm checks for {year} as of {as_of} (period {start}–{end})"),
        "check.service": ("Dienests: {name}", "Service: {name}"),
        "check.severity.error": ("Kļūdas", "Errors"),
        "check.severity.warning": ("Brīdinājumi", "Warnings"),
        "check.severity.info": ("Informācija", "Information"),
        "check.none": ("Neatbilstību nav.", "No findings."),
        "check.summary": ("Kopā: {errors} kļūdas, {warnings} brīdinājumi, {infos} informatīvi paziņojumi.",
                          "Total: {errors} errors, {warnings} warnings, {infos} notes."),
    }
)

YEAR_RANGE = (1991, 2200)  # the Latvian holiday calendar starts in 1991


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("check", parents=[common], help=tr("check.help"))
    p.add_argument("--year", type=int, required=True, help=tr("check.year"))
    p.add_argument("--as-of", dest="as_of", help=tr("check.as_of"))
    p.add_argument("--json", action="store_true", help=tr("check.json"))
    return p


def format_result(result: CheckResult, *, service_name: str = "") -> str:
    """The findings as readable text, grouped by severity (errors first)."""
    lines = [tr("check.title", year=result.year, as_of=fmt_date(result.as_of),
                start=fmt_date(result.period_start), end=fmt_date(result.period_end))]
    if service_name:
        lines.append(tr("check.service", name=service_name))
    lines.append("")
    groups = result.by_severity()
    if not result.findings:
        lines.append(tr("check.none"))
    for severity in (ERROR, WARNING, INFO):
        findings = groups[severity]
        if not findings:
            continue
        lines.append(f"{tr(f'check.severity.{severity}')} ({len(findings)})")
        for finding in findings:
            lines.append(f"  • [{RULE_LABELS[finding.rule]} {finding.rule}] {finding.message}")
        lines.append("")
    lines.append(tr("check.summary", errors=len(groups[ERROR]), warnings=len(groups[WARNING]),
                    infos=len(groups[INFO])))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.rules.checks import check_year
    from swdesk.rules.data import load_service

    low, high = YEAR_RANGE
    if not low <= args.year <= high:
        raise UsageError(tr("check.bad_year", low=low, high=high, year=args.year))
    as_of = parse_date(args.as_of) if args.as_of is not None else None
    with open_db(args).read() as session:
        result = check_year(session, year=args.year, as_of=as_of)
        service = load_service(session)
    if args.json:
        print_json(result.to_json())
    else:
        print(format_result(result, service_name=service.name if service else ""))
    return 0
