"""`swdesk restore IN`: replace the database with a verified backup, keeping the replaced one aside."""

from __future__ import annotations

import argparse
from pathlib import Path

from swdesk.db import backup
from swdesk.db.database import open_database, resolve_url, sqlite_path
from swdesk.i18n import define, tr

define(
    {
        "restore.help": ("atjaunot datubāzi no dublējuma", "restore the database from a backup"),
        "restore.in": ("dublējuma fails", "the backup file"),
        "restore.done": (
            "Datubāze atjaunota no {source}. Iepriekšējā datubāze saglabāta: {aside}",
            "The database was restored from {source}. The previous database was kept as: {aside}",
        ),
        "restore.done_new": ("Datubāze izveidota no {source}.", "The database was created from {source}."),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("restore", parents=[common], help=tr("restore.help"))
    p.add_argument("source", type=Path, metavar="IN", help=tr("restore.in"))
    return p


def run(args: argparse.Namespace) -> int:
    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise backup.BackupError(tr("backup.only_sqlite"))
    existed = path.exists()
    aside = backup.restore(path, args.source)
    # Open once so that an older backup is migrated now, with its own pre-migration backup.
    open_database(str(path), auto_backup=False).close()
    if existed:
        print(tr("restore.done", source=args.source, aside=aside))
    else:
        print(tr("restore.done_new", source=args.source))
    return 0
