"""`swdesk import FILE... [--dry-run] [--json]`: import the workbook of SPEC §5, all or nothing;
`swdesk import --list [--json]`: the import log; `swdesk import --undo ID`: revert one import (issue 17)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from swdesk.commands import open_db, print_json
from swdesk.db.database import Database
from swdesk.i18n import define, tr
from swdesk.importer.importer import ImportResult, import_workbook

define(
    {
        "import.help": (
            "importēt darbgrāmatu (.xlsx, .xls, .ods) vai CSV failus: visu vai neko",
            "import a workbook (.xlsx, .xls, .ods) or CSV files: all or nothing",
        ),
        "import.files": (
            "darbgrāmata (.xlsx, .xls, .ods), viens vai vairāki .csv faili (UTF-8 vai Windows-1257) vai mape ar tiem",
            "a workbook (.xlsx, .xls, .ods), one or more .csv files (UTF-8 or Windows-1257), or a folder of them",
        ),
        "import.units_created": ("Izveidotas struktūrvienības: {names}.", "Structural units created: {names}."),
        "import.create_units": (
            "izveidot struktūrvienības, kuru vēl nav sarakstā (bez šī imports tās tikai uzskaita un atsakās)",
            "create the structural units not yet in the list (without it the import lists them and refuses)",
        ),
        "import.dry_run": (
            "tikai pārbaudīt un parādīt, kas mainītos; neko neierakstīt",
            "only check and show what would change; write nothing",
        ),
        "import.json": ("rezultāts JSON formātā", "the result as JSON"),
        "import.sheet_counts": (
            "Lapa «{sheet}»: pievienoti {added}, mainīti {updated}, nemainīti {unchanged}",
            "Sheet '{sheet}': added {added}, changed {updated}, unchanged {unchanged}",
        ),
        "import.done": (
            "Imports pabeigts: pievienoti {added}, mainīti {updated}, nemainīti {unchanged}.",
            "Import finished: added {added}, changed {updated}, unchanged {unchanged}.",
        ),
        "import.nothing_changed": (
            "Imports pabeigts: nekas nav mainījies ({unchanged} rindas jau ir datubāzē tieši tādas pašas).",
            "Import finished: nothing changed ({unchanged} rows are already in the database exactly so).",
        ),
        "import.dry_run_done": (
            "Pārbaude bez ierakstīšanas: kļūdu nav; importējot tiktu pievienoti {added}, mainīti {updated}, "
            "nemainīti {unchanged}. Nekas netika ierakstīts.",
            "Check without writing: no problems; the import would add {added}, change {updated}, leave "
            "{unchanged} unchanged. Nothing was written.",
        ),
        "import.no_sheets": (
            "Failos nav nevienas importa lapas; nekas netika ierakstīts.",
            "The files hold no import sheet; nothing was written.",
        ),
        "import.no_rows": (
            "Lapās nav datu rindu; nekas netika ierakstīts.",
            "The sheets hold no data rows; nothing was written.",
        ),
        "import.refused": (
            "Nekas netika ierakstīts: atrastas {count} problēmas. Izlabojiet tās un importējiet vēlreiz.",
            "Nothing was written: {count} problems found. Correct them and import again.",
        ),
        "import.list.help": (
            "importu žurnāls: katrs imports ar failu, SHA-256, laiku, lietotāju un skaitiem",
            "the import log: each import with its file, SHA-256, time, user and counts",
        ),
        "import.undo.help": (
            "atsaukt importu ID: tieši tās izmaiņas, visu vai neko",
            "undo import ID: exactly its changes, all or nothing",
        ),
        "import.log_alone": (
            "--list un --undo lieto vienus pašus, bez failiem.",
            "--list and --undo are used on their own, without files.",
        ),
        "import.no_files": (
            "Norādiet importējamo failu vai mapi (vai --list, --undo ID).",
            "Name the file or folder to import (or --list, --undo ID).",
        ),
        "import.log.none": ("Importu žurnāls ir tukšs.", "The import log is empty."),
        "import.log.entry": (
            "Nr. {id}  {at}  {user}  {file}: pievienoti {added}, mainīti {updated} — {state}",
            "No. {id}  {at}  {user}  {file}: added {added}, changed {updated} — {state}",
        ),
        "import.log.can_undo": ("atsaucams (swdesk import --undo {id})", "can be undone (swdesk import --undo {id})"),
        "import.log.undone": ("atsaukts {at}", "undone {at}"),
        "import.log.before_history": (
            "pirms izmaiņu vēstures, nav atsaucams",
            "before the change history, cannot be undone",
        ),
        "import.undone": (
            "Imports Nr. {id} atsaukts: tā pievienotie ieraksti dzēsti, mainītie atjaunoti. Atsaukšana ir "
            "izmaiņu vēsturē.",
            "Import number {id} undone: the records it added are deleted, those it changed restored. The undo "
            "is in the change history.",
        ),
        "import.refused_one": (
            "Nekas netika ierakstīts: atrasta 1 problēma. Izlabojiet to un importējiet vēlreiz.",
            "Nothing was written: 1 problem found. Correct it and import again.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("import", parents=[common], help=tr("import.help"))
    p.add_argument("files", nargs="*", type=Path, metavar="FILE", help=tr("import.files"))
    p.add_argument("--dry-run", action="store_true", help=tr("import.dry_run"))
    p.add_argument("--create-units", action="store_true", help=tr("import.create_units"))
    p.add_argument("--json", action="store_true", help=tr("import.json"))
    p.add_argument("--list", action="store_true", help=tr("import.list.help"))
    p.add_argument("--undo", type=int, metavar="ID", help=tr("import.undo.help"))
    return p


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import EXIT_INPUT, EXIT_OK, UsageError

    if args.list or args.undo is not None:
        if args.files or args.dry_run or (args.list and args.undo is not None):
            raise UsageError(tr("import.log_alone"))
        return _list(args) if args.list else _undo(args)
    if not args.files:
        raise UsageError(tr("import.no_files"))
    database = open_db(args)
    try:
        if args.dry_run and database.path is not None and not _writable(database.path):
            result = _dry_run_on_a_copy(database, args.files)  # a dry run needs no write access
        else:
            # a lock held too long, a full disk, a lost server: said by swdesk.cli.explain, without the SQL
            result = import_workbook(database, args.files, dry_run=args.dry_run, create_units=args.create_units)
    finally:
        database.close()
    if args.json:
        print_json(result.as_dict())
    else:
        print_summary(result)
    return EXIT_INPUT if result.problems else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    """The import log, newest first: number, when, who, file, counts, SHA-256, and whether it can be undone."""
    from swdesk.formats import fmt_datetime
    from swdesk.records.imports import list_imports

    database = open_db(args)
    try:
        with database.read() as session:
            entries = list_imports(session)
    finally:
        database.close()
    if args.json:
        print_json([entry.as_dict() for entry in entries])
        return 0
    if not entries:
        print(tr("import.log.none"))
        return 0
    for entry in entries:
        if entry.undone_at is not None:
            state = tr("import.log.undone", at=fmt_datetime(entry.undone_at))
        elif entry.change_set_id is None:
            state = tr("import.log.before_history")
        else:
            state = tr("import.log.can_undo", id=entry.id)
        print(
            tr(
                "import.log.entry",
                id=entry.id,
                at=fmt_datetime(entry.at),
                user=entry.os_user or "?",
                file=entry.file_name,
                added=entry.added,
                updated=entry.updated,
                state=state,
            )
        )
        if entry.file_sha256:
            print(f"    SHA-256: {entry.file_sha256}")
    return 0


def _undo(args: argparse.Namespace) -> int:
    """Revert one import in one transaction, or refuse naming the later changes in the way (exit 2)."""
    from swdesk.cli import EXIT_INPUT
    from swdesk.records import RecordError
    from swdesk.records.imports import UndoRefused, undo

    database = open_db(args)
    try:
        with database.write() as session:
            undo(session, args.undo)
    except UndoRefused as exc:
        for problem in exc.problems:
            print(problem.message if problem is exc.problems[0] else f"  {problem.message}")
        return EXIT_INPUT
    except RecordError as exc:
        print(str(exc))
        return EXIT_INPUT
    finally:
        database.close()
    print(tr("import.undone", id=args.undo))
    return 0


def _writable(path: Path) -> bool:
    try:
        with open(path, "r+b"):
            return True
    except OSError:
        return False


def _dry_run_on_a_copy(database: Database, files: list[Path]) -> ImportResult:
    """The dry run of a read-only database file, done on a private copy that is thrown away."""
    import tempfile

    from swdesk.db.backup import copy_database
    from swdesk.db.database import open_database

    assert database.path is not None
    with tempfile.TemporaryDirectory(prefix="swdesk-dry-run-") as folder:
        copy = Path(folder) / "copy.sqlite"
        copy_database(database.path, copy)
        scratch = open_database(str(copy), auto_backup=False)
        try:
            return import_workbook(scratch, files, dry_run=True)
        finally:
            scratch.close()


def print_summary(result: ImportResult) -> None:
    """The problems one per line and a refusal, or the counts per sheet and a total."""
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    if result.problems:
        for problem in result.problems:
            print(problem)
        count = len(result.problems)
        print(tr("import.refused_one") if count == 1 else tr("import.refused", count=count))
        return
    if not result.counts:
        print(tr("import.no_sheets"))
        return
    for sheet, counts in result.counts.items():
        print(
            tr(
                "import.sheet_counts",
                sheet=sheet,
                added=counts.added,
                updated=counts.updated,
                unchanged=counts.unchanged,
            )
        )
    if result.new_units and result.written:
        print(tr("import.units_created", names=", ".join(result.new_units)))
    totals = result.totals
    added, updated, unchanged = totals.added, totals.updated, totals.unchanged
    if result.dry_run:
        print(tr("import.dry_run_done", added=added, updated=updated, unchanged=unchanged))
    elif totals.changed:
        print(tr("import.done", added=added, updated=updated, unchanged=unchanged))
    elif not totals.unchanged:
        print(tr("import.no_rows"))
    else:
        print(tr("import.nothing_changed", unchanged=totals.unchanged))
