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
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("backup", parents=[common], help=tr("backup.help"))
    p.add_argument("out", type=Path, help=tr("backup.out"))
    p.add_argument("--force", action="store_true", help=tr("backup.force"))
    return p


def run(args: argparse.Namespace) -> int:
    database = open_db(args)
    if database.path is None:
        raise BackupError(tr("backup.only_sqlite"))
    database.close()
    print(tr("backup.done", path=export_copy(database.path, args.out, force=args.force)))
    return 0
