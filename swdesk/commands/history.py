"""`swdesk history [--json] [--since D] [--until D] [--record KIND[:KEY]] [--person NR] [--user U]
[--through S] [--limit N]`: who changed what, when and through what (issue 17)."""

from __future__ import annotations

import argparse
import json

from swdesk.commands import open_db, parse_date, print_json
from swdesk.i18n import define, tr

define(
    {
        "history.help": (
            "izmaiņu vēsture: kas, kad, ar ko un ko mainīja",
            "the change history: who changed what, when and through what",
        ),
        "history.since": ("no datuma (ieskaitot)", "from this date (included)"),
        "history.until": ("līdz datumam (ieskaitot)", "until this date (included)"),
        "history.record": (
            "ieraksta veids vai viens ieraksts: staff, caseload:17, setting:duties.threshold|2024-01-01 …",
            "a kind of record or one record: staff, caseload:17, setting:duties.threshold|2024-01-01 …",
        ),
        "history.person": (
            "viena darbinieka (tabeles nr.) ieraksti: viņa dati, lietas, pienākumi, apmācības",
            "one staff member's (employee number) records: their data, caseloads, duties, training",
        ),
        "history.user": ("tikai šī operētājsistēmas lietotāja izmaiņas", "only this operating-system user's changes"),
        "history.through": (
            "tikai izmaiņas ar šo avotu (sākums): forma:, imports, komanda:settings …",
            "only changes through this source (its beginning): forma:, imports, komanda:settings …",
        ),
        "history.limit": ("cik jaunākās izmaiņas rādīt (0 = visas)", "how many of the newest changes (0 = all)"),
        "history.json": ("izvadīt JSON", "print JSON"),
        "history.unknown_kind": (
            "Nezināms ieraksta veids «{kind}». Zināmie: {known}.",
            "Unknown kind of record '{kind}'. Known: {known}.",
        ),
        "history.none": ("Izmaiņu nav.", "No changes."),
        "history.header": (
            "Laiks             Lietotājs   Avots                Ieraksts                  Izmaiņa",
            "When              User        Source               Record                    Change",
        ),
        "history.more": (
            "Parādītas {count} jaunākās izmaiņas; vecākas: --limit 0 vai šaurāki filtri.",
            "The {count} newest changes shown; older ones: --limit 0 or narrower filters.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("history", parents=[common], help=tr("history.help"))
    p.add_argument("--since", help=tr("history.since"))
    p.add_argument("--until", help=tr("history.until"))
    p.add_argument("--record", metavar="KIND[:KEY]", help=tr("history.record"))
    p.add_argument("--person", metavar="TABELES_NR", help=tr("history.person"))
    p.add_argument("--user", help=tr("history.user"))
    p.add_argument("--through", help=tr("history.through"))
    p.add_argument("--limit", type=int, default=200, help=tr("history.limit"))
    p.add_argument("--json", action="store_true", help=tr("history.json"))
    return p


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.db.history import MODEL_OF
    from swdesk.records import history

    kind = key = None
    if args.record:
        kind, _, key_text = args.record.partition(":")
        if kind not in MODEL_OF:
            raise UsageError(tr("history.unknown_kind", kind=kind, known=", ".join(sorted(MODEL_OF))))
        key = key_text or None
    since = parse_date(args.since) if args.since else None
    until = parse_date(args.until) if args.until else None
    limit = args.limit if args.limit > 0 else None
    database = open_db(args)
    try:
        with database.read() as session:
            entries = history.find(
                session, since=since, until=until, kind=kind, key=key, person=args.person, os_user=args.user,
                through=args.through, limit=limit,
            )
    finally:
        database.close()
    if args.json:
        print_json([entry.as_dict() for entry in entries])
        return 0
    if not entries:
        print(tr("history.none"))
        return 0
    print(tr("history.header"))
    for entry in entries:
        print(describe(entry))
    if limit is not None and len(entries) == limit:
        print(tr("history.more", count=limit))
    return 0


def describe(entry: object) -> str:
    """One change on one line: when, who, through what, which record, and field: old → new."""
    from swdesk.formats import fmt_datetime
    from swdesk.records.history import Entry, field_label, kind_label, op_label, shown

    assert isinstance(entry, Entry)
    kind = entry.record_kind
    record = f"{kind_label(kind)} {entry.record_key}"
    if entry.op == "change" and entry.field is not None:
        old, new = shown(kind, entry.field, entry.old), shown(kind, entry.field, entry.new)
        what = f"{field_label(kind, entry.field)}: {old} → {new}"
    else:
        values = json.loads((entry.new if entry.op == "add" else entry.old) or "{}")
        listed = "; ".join(
            f"{field_label(kind, k)} {shown(kind, k, v)}" for k, v in values.items() if v is not None and k != "id"
        )
        what = f"{op_label(entry.op)}: {listed}"
    return f"{fmt_datetime(entry.at):<17} {entry.os_user:<11} {entry.through:<20} {record:<25} {what}"

