"""`swdesk backup OUT`: a consistent, verified copy of the database."""

from __future__ import annotations

import argparse
from pathlib import Path

from swdesk.commands import open_db
from swdesk.db.backup import BackupError, export_copy
from swdesk.i18n import define, tr

define(
    {
        "backup.help": ("saglabāt pārbaudītu datubāzes kopiju", "write a verified copy of the database"),
        "backup.out": ("faila vai mapes ceļš", "file or folder path"),
        "backup.force": ("aizstāt jau esošu failu", "replace a file that exists already"),
        "backup.done": ("Dublējums saglabāts un pārbaudīts: {path}", "Backup written and verified: {path}"),
        "backup.plain": (
            "saglabāt nešifrētu kopiju (šifrētai datubāzei; citādi kopija ir šifrēta ar to pašu atslēgu)",
            "write an unencrypted copy (of an encrypted database; otherwise the copy is encrypted with the "
            "same key)",
        ),
        "backup.done_encrypted": (
            "Dublējums saglabāts un pārbaudīts: {path} (šifrēts ar datubāzes atslēgu)",
            "Backup written and verified: {path} (encrypted with the database's key)",
        ),
        "backup.done_plain": (
            "NEŠIFRĒTS dublējums saglabāts un pārbaudīts: {path}. Ikviens, kam ir šis fails, var izlasīt "
            "darbinieku datus; glabājiet to drošā vietā un izdzēsiet, kad vairs nav vajadzīgs.",
            "UNENCRYPTED backup written and verified: {path}. Anyone who has this file can read the staff's "
            "data; keep it somewhere safe and delete it when no longer needed.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("backup", parents=[common], help=tr("backup.help"))
    p.add_argument("out", type=Path, help=tr("backup.out"))
    p.add_argument("--force", action="store_true", help=tr("backup.force"))
    p.add_argument("--plain", action="store_true", help=tr("backup.plain"))
    return p


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    if database.path is None:
        raise BackupError(tr("backup.only_sqlite"))
    database.close()
    written = export_copy(database.path, args.out, force=args.force, plain=args.plain)
    if database.encrypted:
        print(tr("backup.done_plain" if args.plain else "backup.done_encrypted", path=written))
    else:
        print(tr("backup.done", path=written))
    return 0
