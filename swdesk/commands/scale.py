"""`swdesk scale list` / `set GROUP YEAR MIN MID MAX` / `copy YEAR` / `delete GROUP YEAR`: the salary scale."""

from __future__ import annotations

import argparse
from decimal import Decimal, InvalidOperation

from swdesk import scale
from swdesk.commands import open_db, print_json
from swdesk.formats import fmt_number
from swdesk.i18n import define, tr

define(
    {
        "scale.help": ("mēnešalgu skala pa grupām un gadiem", "the salary scale by group and year"),
        "scale.list.help": ("visa skala, jaunākais gads vispirms", "the whole scale, newest year first"),
        "scale.set.help": (
            "saglabāt grupas gada minimumu, vidējo un maksimumu",
            "store a group's minimum, mid and maximum for a year",
        ),
        "scale.copy.help": (
            "sākt gada skalu no iepriekšējā gada summām",
            "start a year's scale from the previous year's amounts",
        ),
        "scale.delete.help": ("dzēst grupas gada rindu", "delete a group's row for a year"),
        "scale.json": ("izvadīt JSON", "print JSON"),
        "scale.not_number": ("«{value}» nav summa.", "'{value}' is not an amount."),
        "scale.header": ("Gads  Grupa        Min    Vidējā       Max", "Year  Group        Min       Mid       Max"),
        "scale.added": ("{year}. gada {group}. grupa pievienota.", "Group {group} added for {year}."),
        "scale.changed": ("{year}. gada {group}. grupa mainīta.", "Group {group} changed for {year}."),
        "scale.copied": (
            "{year}. gada skala sākta no iepriekšējā gada: {count} grupas. Ievadiet jaunās summas ar "
            "swdesk scale set.",
            "The {year} scale was started from the previous year: {count} groups. Enter the new amounts "
            "with swdesk scale set.",
        ),
        "scale.deleted": ("{year}. gada {group}. grupa dzēsta.", "Group {group} deleted for {year}."),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("scale", parents=[common], help=tr("scale.help"))
    actions = p.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", parents=[common], help=tr("scale.list.help"))
    listing.add_argument("--json", action="store_true", help=tr("scale.json"))
    put = actions.add_parser("set", parents=[common], help=tr("scale.set.help"))
    for name in ("group", "year"):
        put.add_argument(name, type=int)
    for name in ("min", "mid", "max"):
        put.add_argument(name)
    copy = actions.add_parser("copy", parents=[common], help=tr("scale.copy.help"))
    copy.add_argument("year", type=int)
    remove = actions.add_parser("delete", parents=[common], help=tr("scale.delete.help"))
    remove.add_argument("group", type=int)
    remove.add_argument("year", type=int)
    return p


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise scale.ScaleError(tr("scale.not_number", value=text))
    return value


def run(args: argparse.Namespace) -> int:
    if args.action == "set":
        amounts = [_amount(args.min), _amount(args.mid), _amount(args.max)]
        scale.validate(args.group, args.year, *amounts)  # refuse before the database is touched
        with open_db(args).write() as session:
            added = scale.set_entry(session, args.group, args.year, *amounts)
        print(tr("scale.added" if added else "scale.changed", group=args.group, year=args.year))
        return 0
    if args.action == "copy":
        with open_db(args).write() as session:
            copied = scale.copy_scale(session, args.year)
        print(tr("scale.copied", year=args.year, count=len(copied)))
        return 0
    if args.action == "delete":
        with open_db(args).write() as session:
            scale.delete_entry(session, args.group, args.year)
        print(tr("scale.deleted", group=args.group, year=args.year))
        return 0
    with open_db(args).read() as session:
        rows = scale.entries(session)
    if args.json:
        print_json([{"group": e.group, "year": e.year, "min": e.min, "mid": e.mid, "max": e.max} for e in rows])
        return 0
    print(tr("scale.header"))
    for e in rows:
        print(
            f"{e.year:<6}{e.group:>5}{fmt_number(e.min):>11}{fmt_number(e.mid):>10}{fmt_number(e.max):>10}"
        )
    return 0
