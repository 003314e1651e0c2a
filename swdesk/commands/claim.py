"""`swdesk claim --period P [--json]`: the training and supervision compensation claim (SPEC §3, §6).

The rule is :func:`swdesk.rules.claim.build_claim`; this module reads the arguments, prints the claim as
SPEC §6 JSON or as a short Latvian summary, and writes the documents asked for with ``--xlsx``/``--pdf``.
The documents are Latvian whatever ``--lang`` says (they go to the Ministry); ``--english-copy`` adds an
English copy of each beside it. When the service record lacks a field the claim's header needs, the command
says which (on stderr) and how to fill it in; the documents are written all the same, with the field marked
"nav norādīts".
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal

from swdesk.commands import add_document_options, open_db, print_json, report_written
from swdesk.formats import fmt_date, fmt_exact, fmt_number
from swdesk.i18n import define, tr
from swdesk.rules.claim import REASONS, Claim, ClaimTotals, build_claim, reason_text, to_json
from swdesk.rules.periods import Period, PeriodError, parse_period

define(
    {
        "claim.help": (
            "sagatavot apmācību un supervīzijas izmaksu kompensācijas pieprasījumu",
            "build the training and supervision compensation claim",
        ),
        "claim.period": (
            "periods: 2025, 2025-H1, 2025-H2, 2025-Q1 … 2025-Q4 vai 2025-9M",
            "period: 2025, 2025-H1, 2025-H2, 2025-Q1 … 2025-Q4 or 2025-9M",
        ),
        "claim.json": ("izvadīt JSON (SPEC §6)", "print JSON (SPEC §6)"),
        "claim.title": (
            "Apmācību un supervīzijas izmaksu kompensācijas pieprasījums",
            "Training and supervision cost compensation claim",
        ),
        "claim.service": ("Dienests: {name} ({municipality})", "Service: {name} ({municipality})"),
        "claim.head": ("Vadītājs: {name}", "Head: {name}"),
        "claim.period_line": ("Periods: {label}, {start}–{end}", "Period: {label}, {start}–{end}"),
        "claim.rate_line": ("Kompensācijas likme: {rate} %", "Compensation rate: {rate} %"),
        "claim.by_person": ("Pa darbiniekiem:", "By person:"),
        "claim.by_kind": ("Pa veidiem:", "By kind:"),
        "claim.subtotal": (
            "ieraksti: {rows} (izslēgti: {excluded}), kompensējamās stundas: {hours}, "
            "attiecināmās izmaksas: {eligible}, kompensācija: {compensation}",
            "rows: {rows} (excluded: {excluded}), compensable hours: {hours}, "
            "eligible cost: {eligible}, compensation: {compensation}",
        ),
        "claim.totals": ("Kopā:", "Totals:"),
        "claim.excluded": ("Izslēgtie ieraksti pēc iemesla:", "Excluded rows by reason:"),
        "claim.none_excluded": ("Izslēgtu ierakstu nav.", "No rows are excluded."),
        "claim.no_rows": ("Periodā nav neviena apmācību vai supervīzijas ieraksta.",
                          "There are no training or supervision events in the period."),
        "claim.eur": ("{amount} EUR", "EUR {amount}"),
        "claim.english_copy": (
            "blakus katram dokumentam saglabāt arī tā kopiju angļu valodā (NOSAUKUMS.en.pdf)",
            "also write an English copy beside each document (NAME.en.pdf)",
        ),
        "claim.missing_fields": (
            "Pieprasījuma galvenē nav norādīts: {fields}. Papildiniet dienesta rekvizītus, piemēram: "
            "swdesk init --reg-nr … --iban … --contact … --phone … --email … --agreement … --address …",
            "The claim's header lacks: {fields}. Complete the service's details, for example: "
            "swdesk init --reg-nr … --iban … --contact … --phone … --email … --agreement … --address …",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("claim", parents=[common], help=tr("claim.help"))
    p.add_argument("--period", required=True, help=tr("claim.period"))
    p.add_argument("--json", action="store_true", help=tr("claim.json"))
    add_document_options(p)
    p.add_argument("--english-copy", action="store_true", help=tr("claim.english_copy"))
    return p


def read_period(value: str) -> Period:
    """The period of ``--period``; a bad one is a usage error (exit 2) before the database is opened."""
    from swdesk.cli import UsageError

    try:
        return parse_period(value)
    except PeriodError as exc:
        raise UsageError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    period = read_period(args.period)
    with open_db(args).read() as session:
        claim = build_claim(session, period)
    if args.json:
        print_json(to_json(claim))
    else:
        print(render_text(claim))
    if args.xlsx or args.pdf:
        from swdesk.export import write_claim_pdf, write_claim_xlsx
        from swdesk.export.common import english_copy_path
        from swdesk.service_record import missing_claim_fields

        missing = missing_claim_fields(claim.service)
        if missing:
            print(tr("claim.missing_fields", fields=", ".join(missing)), file=sys.stderr)
        for path, writer in ((args.xlsx, write_claim_xlsx), (args.pdf, write_claim_pdf)):
            if path:
                report_written(writer(claim, path))
                if args.english_copy:
                    report_written(writer(claim, english_copy_path(path), lang="en"))
    return 0


def _eur(amount: Decimal) -> str:
    return tr("claim.eur", amount=fmt_number(amount, 2))


def _percent(rate: Decimal) -> str:
    # 0.50 → "50", 0.125 → "12,5": no trailing zeros, decimal comma.
    return fmt_exact(rate * 100)


def _subtotal(totals: ClaimTotals) -> str:
    return tr(
        "claim.subtotal",
        rows=totals.rows,
        excluded=totals.excluded_rows,
        hours=fmt_number(Decimal(totals.compensable_minutes) / 60, 2),
        eligible=_eur(totals.eligible_cost),
        compensation=_eur(totals.compensation),
    )


def render_text(claim: Claim) -> str:
    """The readable summary: header, sub-totals per person and per kind, totals, exclusions by reason."""
    lines = [tr("claim.title")]
    if claim.service_name is not None:
        lines.append(tr("claim.service", name=claim.service_name, municipality=claim.municipality or "—"))
    if claim.head_name:
        lines.append(tr("claim.head", name=claim.head_name))
    lines.append(
        tr(
            "claim.period_line",
            label=claim.period.describe(),
            start=fmt_date(claim.period.start),
            end=fmt_date(claim.period.end),
        )
    )
    lines.append(tr("claim.rate_line", rate=_percent(claim.rate)))
    lines.append("")
    if not claim.rows:
        lines.append(tr("claim.no_rows"))
        return "\n".join(lines)

    lines.append(tr("claim.by_person"))
    for person in claim.by_person:
        name = f"{person.last_name} {person.first_name}"
        lines.append(f"  {name} ({person.tabeles_nr}, {person.position_name})")
        lines.append(f"    {_subtotal(person.totals)}")
    lines.append("")
    lines.append(tr("claim.by_kind"))
    for kind in claim.by_kind:
        if kind.totals.rows:
            lines.append(f"  {kind.label()}: {_subtotal(kind.totals)}")
    lines.append("")
    lines.append(f"{tr('claim.totals')} {_subtotal(claim.totals)}")
    lines.append("")
    counts = claim.excluded_counts()
    if any(counts.values()):
        lines.append(tr("claim.excluded"))
        for reason in REASONS:
            if counts[reason]:
                lines.append(f"  {reason_text(reason)}: {counts[reason]}")
    else:
        lines.append(tr("claim.none_excluded"))
    return "\n".join(lines)
