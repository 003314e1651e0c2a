"""`swdesk encrypt`: encrypt the database at rest (SQLCipher), its key in the PC's credential store.

The database goes through a verified copy and is swapped in with one rename (never converted in place); its
backups are encrypted too. The recovery key is printed once, and with ``--pdf F`` written as the sheet
"Atkopšanas atslēga" to print and keep in a safe.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from swdesk.i18n import define, tr

define(
    {
        "encrypt.help": (
            "šifrēt datubāzi (SQLCipher; atslēga datora akreditācijas datu krātuvē)",
            "encrypt the database (SQLCipher; the key in the PC's credential store)",
        ),
        "encrypt.pdf": (
            "saglabāt atkopšanas atslēgas lapu PDF failā (izdrukāt un glabāt seifā)",
            "write the recovery key sheet as a PDF (print it and keep it in a safe)",
        ),
        "encrypt.only_sqlite": (
            "PostgreSQL datubāzes šifrēšana diskā ir servera ziņā (piemēram, šifrēts disks serverī); "
            "swdesk šifrē tikai SQLite datubāzes failu.",
            "Encryption at rest of a PostgreSQL database is the server's business (an encrypted disk on the "
            "server, for example); swdesk encrypts only an SQLite database file.",
        ),
        "encrypt.done": (
            "Datubāze {path} ir šifrēta; atslēga saglabāta šī datora akreditācijas datu krātuvē. "
            "Šifrēti arī dublējumi: {count}. Kopija pirms šifrēšanas (arī šifrēta): {kept}",
            "The database {path} is encrypted; its key is kept in this PC's credential store. Backups "
            "encrypted too: {count}. The copy made before (encrypted as well): {kept}",
        ),
        "encrypt.recovery": (
            "ATKOPŠANAS ATSLĒGA (parādīta tikai šoreiz): {key}\n"
            "Pierakstiet vai izdrukājiet to un glabājiet seifā, atsevišķi no datora: bez tās datubāzi citā "
            "datorā vai pēc sistēmas pārinstalēšanas atvērt nevar.",
            "RECOVERY KEY (shown only this once): {key}\n"
            "Write it down or print it and keep it in a safe, apart from the PC: without it the database "
            "cannot be opened on another PC or after the system is reinstalled.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("encrypt", parents=[common], help=tr("encrypt.help"))
    p.add_argument("--pdf", type=Path, metavar="F", help=tr("encrypt.pdf"))
    return p


def database_file(args: argparse.Namespace) -> Path:
    """The SQLite file of ``--db``, checked and migrated by opening it once; PostgreSQL is refused."""
    from swdesk.commands import open_db
    from swdesk.db.backup import BackupError
    from swdesk.db.database import resolve_url, sqlite_path

    if sqlite_path(resolve_url(args.db)) is None:
        raise BackupError(tr("encrypt.only_sqlite"))
    database = open_db(args)
    path = database.path
    database.close()
    assert path is not None
    return path


def encrypt_and_report(path: Path, pdf: Path | None) -> int:
    """Encrypt ``path``, print the recovery key once and write its sheet (shared with `init --encrypt`)."""
    from swdesk.commands import report_written
    from swdesk.db import encryption
    from swdesk.export.common import DatabaseTargetError, refuse_database_target

    if pdf is not None:
        refuse_database_target(pdf)
        if pdf.resolve() in (path.resolve(), encryption.marker_path(path).resolve()):
            raise DatabaseTargetError(tr("export.onto_database", path=pdf))
    recovery_key, kept, converted = encryption.encrypt_database(path)
    print(tr("encrypt.done", path=path, count=len(converted), kept=kept))
    print(tr("encrypt.recovery", key=recovery_key))
    if pdf is not None:
        from swdesk.export.recovery_sheet import write_recovery_sheet

        report_written(write_recovery_sheet(pdf, recovery_key=recovery_key, database=path))
    return 0


def run(args: argparse.Namespace) -> int:
    return encrypt_and_report(database_file(args), args.pdf)
