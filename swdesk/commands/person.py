"""`swdesk person …`: one staff member's personal data and the former staff's anonymisation (issue 15).

* ``person export NR --pdf F --xlsx F``: everything stored about one staff member (art. 15).
* ``person erase NR [--yes]``: delete one staff member and every row about them (art. 17), refused while a
  retention duty applies (see :mod:`swdesk.personal_data`).
* ``person anonymise [--yes]`` lists the former staff whose employment ended ``retention.former_staff_years``
  ago or more; with ``--yes`` it anonymises them after a verified backup, in one transaction.

Nothing is changed without ``--yes``: the command line asks no questions, it says what would be done.
"""

from __future__ import annotations

import argparse
import datetime as dt

from swdesk.commands import add_document_options, open_db, parse_date
from swdesk.formats import fmt_date
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
        "person.export.help": (
            "visi par darbinieku glabātie dati PDF un/vai xlsx failā (VDAR 15. pants)",
            "everything stored about a staff member as PDF and/or xlsx (GDPR art. 15)",
        ),
        "person.erase.help": (
            "dzēst darbinieku un visus viņa ierakstus, ja nav glabāšanas pienākuma (VDAR 17. pants)",
            "erase a staff member and all their records where no retention duty applies (GDPR art. 17)",
        ),
        "person.nr": ("darbinieka tabeles numurs", "the staff member's employee number"),
        "person.export.nothing": (
            "Norādiet, kur saglabāt: --pdf FAILS un/vai --xlsx FAILS.",
            "Say where to write: --pdf FILE and/or --xlsx FILE.",
        ),
        "person.erase.refused": (
            "Datus par darbinieku {name} (tabeles nr. {nr}) nevar dzēst: {duties}. Nekas netika mainīts.",
            "The data of {name} (employee number {nr}) cannot be erased: {duties}. Nothing was changed.",
        ),
        "person.erase.plan": (
            "Tiks dzēsts: {name} (tabeles nr. {nr}) ar {caseloads} lietu, {duties} pienākumu un {training} "
            "apmācību ierakstiem. Lai to izdarītu, pievienojiet --yes.",
            "To be erased: {name} (employee number {nr}) with {caseloads} caseload, {duties} duty and "
            "{training} training records. To do it, add --yes.",
        ),
        "person.erase.done": (
            "Dzēsts: {name} (tabeles nr. {nr}) ar {caseloads} lietu, {duties} pienākumu un {training} "
            "apmācību ierakstiem.",
            "Erased: {name} (employee number {nr}) with {caseloads} caseload, {duties} duty and {training} "
            "training records.",
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
    export = actions.add_parser("export", parents=[common], help=tr("person.export.help"))
    export.add_argument("nr", help=tr("person.nr"))
    add_document_options(export)
    erase = actions.add_parser("erase", parents=[common], help=tr("person.erase.help"))
    erase.add_argument("nr", help=tr("person.nr"))
    erase.add_argument("--yes", action="store_true", help=tr("person.yes"))
    erase.add_argument("--today", help=tr("person.today"))
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
    if args.person_action == "export" and args.pdf is None and args.xlsx is None:
        raise UsageError(tr("person.export.nothing"))
    database = open_db(args)
    try:
        if args.person_action == "export":
            return _export(database, args, today)
        if args.person_action == "erase":
            return _erase(database, args, today)
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
        print(tr("person.anonymise.none", years=years, today=fmt_date(today)))
        return 0
    print(tr("person.anonymise.due", years=years, today=fmt_date(today), count=len(due)))
    for person in due:
        print(
            tr(
                "person.anonymise.line",
                nr=person.tabeles_nr,
                name=person.name,
                position=person.position,
                end=fmt_date(person.end),
            )
        )
    if not args.yes:
        print(tr("person.anonymise.ask"))
        return 0
    done = anonymise(database, [p.id for p in due], today=today, backup_made=args.backup_made)
    print(tr("person.anonymise.done", count=done.count, backup=done.backup or "pg_dump"))
    return 0


def _export(database, args: argparse.Namespace, today: dt.date) -> int:  # type: ignore[no-untyped-def]
    from swdesk.commands import report_written
    from swdesk.export.person_docs import write_person_pdf, write_person_xlsx
    from swdesk.personal_data import person_record

    with database.read() as session:
        record = person_record(session, args.nr, today=today)
    if args.pdf is not None:
        report_written(write_person_pdf(record, args.pdf))
    if args.xlsx is not None:
        report_written(write_person_xlsx(record, args.xlsx))
    return 0


def _erase(database, args: argparse.Namespace, today: dt.date) -> int:  # type: ignore[no-untyped-def]
    from swdesk.cli import UsageError
    from swdesk.personal_data import erase, person_record

    with database.read() as session:
        record = person_record(session, args.nr, today=today)
    if record.retention_duties:
        raise UsageError(
            tr(
                "person.erase.refused",
                name=record.name,
                nr=record.staff["tabeles_nr"],
                duties="; ".join(record.retention_duties),
            )
        )
    if not args.yes:
        print(
            tr(
                "person.erase.plan",
                name=record.name,
                nr=record.staff["tabeles_nr"],
                caseloads=len(record.caseloads),
                duties=len(record.duties),
                training=len(record.training),
            )
        )
        return 0
    done = erase(database, args.nr, today=today)
    print(
        tr(
            "person.erase.done",
            name=done.name,
            nr=done.tabeles_nr,
            caseloads=done.caseloads,
            duties=done.duties,
            training=done.training,
        )
    )
    return 0
