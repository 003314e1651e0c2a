"""`swdesk person …`: one staff member's personal data and the former staff's anonymisation (issue 15).

* ``person anonymise [--yes]`` lists the former staff whose employment ended ``retention.former_staff_years``
  ago or more; with ``--yes`` it anonymises them after a verified backup, in one transaction.

Nothing is changed without ``--yes``: the command line asks no questions, it says what would be done.
"""

from __future__ import annotations

import argparse
import datetime as dt

from swdesk.commands import format_date, open_db, parse_date
from swdesk.i18n import define, tr

define(
    {
        "person.help": (
            "darbinieka personas dati: eksports, dzēšana, bijušo darbinieku anonimizēšana",
            "a staff member's personal data: export, erasure, anonymising former staff",
        ),
        "person.anonymise.help": (
            "anonimizēt bijušos darbiniekus, kuru darba beigas ir senāk par iestatījumā noteikto",
            "anonymise former staff whose employment ended longer ago than the setting says",
        ),
        "person.yes": (
            "tiešām izpildīt (bez tā tikai parāda, kas tiktu darīts)",
            "do it (without: only show)",
        ),
        "person.today": (
            "datums, uz kuru vērtēt (noklusējums: šodiena)",
            "the date to judge on (default: today)",
        ),
        "person.backup_made": (
            "PostgreSQL: dublējums ar pg_dump ir izveidots",
            "PostgreSQL: a backup was made with pg_dump",
        ),
        "person.anonymise.none": (
            "Nav bijušo darbinieku, kuru darba beigas būtu {years} vai vairāk gadus pirms {today}.",
            "No former staff whose employment ended {years} or more years before {today}.",
        ),
        "person.anonymise.due": (
            "Anonimizējami bijušie darbinieki (darba beigas {years} vai vairāk gadus pirms {today}): {count}",
            "Former staff due for anonymisation (ended {years} or more years before {today}): {count}",
        ),
        "person.anonymise.line": (
            "  {nr}  {name}, {position}, darba beigas {end}",
            "  {nr}  {name}, {position}, ended {end}",
        ),
        "person.anonymise.ask": (
            "Vārdi, uzvārdi, tabeles numuri, personas kodi un specializācija tiks aizstāti; skaitļi paliks. "
            "Lai to izdarītu, pievienojiet --yes.",
            "Names, employee numbers, personal codes and specialisations will be replaced; the figures stay. "
            "To do it, add --yes.",
        ),
        "person.anonymise.done": (
            "Anonimizēti: {count}. Dublējums pirms tam: {backup}",
            "Anonymised: {count}. Backup made before: {backup}",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("person", parents=[common], help=tr("person.help"))
    actions = p.add_subparsers(dest="person_action", required=True)
    anonymise = actions.add_parser("anonymise", parents=[common], help=tr("person.anonymise.help"))
    anonymise.add_argument("--yes", action="store_true", help=tr("person.yes"))
    anonymise.add_argument("--today", help=tr("person.today"))
    anonymise.add_argument(
        "--backup-made", dest="backup_made", action="store_true", help=tr("person.backup_made")
    )
    return p


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.personal_data import PersonalDataError

    today = parse_date(args.today) if getattr(args, "today", None) else dt.date.today()
    database = open_db(args)
    try:
        return _anonymise(database, args, today)
    except PersonalDataError as exc:
        raise UsageError(str(exc)) from None
    finally:
        database.close()


def _anonymise(database, args: argparse.Namespace, today: dt.date) -> int:  # type: ignore[no-untyped-def]
    from swdesk.personal_data import FORMER_STAFF_YEARS, anonymisation_due, anonymise, retention_years

    with database.read() as session:
        due = anonymisation_due(session, today=today)
        years = retention_years(session, FORMER_STAFF_YEARS, today)
    if not due:
        print(tr("person.anonymise.none", years=years, today=format_date(today)))
        return 0
    print(tr("person.anonymise.due", years=years, today=format_date(today), count=len(due)))
    for person in due:
        print(
            tr(
                "person.anonymise.line",
                nr=person.tabeles_nr,
                name=person.name,
                position=person.position,
                end=format_date(person.end),
            )
        )
    if not args.yes:
        print(tr("person.anonymise.ask"))
        return 0
    done = anonymise(database, [p.id for p in due], today=today, backup_made=args.backup_made)
    print(tr("person.anonymise.done", count=done.count, backup=done.backup or "pg_dump"))
    return 0
