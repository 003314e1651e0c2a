"""`swdesk repair`: check the whole database and rebuild damaged indexes (REINDEX), after a copy.

``integrity_check`` reads every page; when all it finds is index entries out of step with their rows (the
rows are sound), REINDEX rebuilds the indexes from the rows. Anything else is not mended here: the command
says so and names the newest verified backup of this database.
"""

from __future__ import annotations

import argparse
import datetime as dt

from swdesk.commands import open_db
from swdesk.db import backup
from swdesk.i18n import define, tr

define(
    {
        "repair.help": (
            "pārbaudīt visu datubāzi un atjaunot bojātus indeksus",
            "check the whole database and rebuild damaged indexes",
        ),
        "repair.sound": (
            "Datubāze ir vesela; nekas nebija jālabo.",
            "The database is sound; nothing to repair.",
        ),
        "repair.done": (
            "Indeksi atjaunoti; datubāze tagad ir vesela. Kopija pirms labošanas: {copy}",
            "The indexes were rebuilt; the database is now sound. The copy made before: {copy}",
        ),
        "repair.not_indexes": (
            "Bojāti ir paši dati, ne tikai indeksi ({detail}); to šī komanda nelabo. Atjaunojiet jaunāko "
            "pārbaudīto dublējumu ar swdesk restore.",
            "The data itself is damaged, not only the indexes ({detail}); this command does not mend that. "
            "Restore the newest verified backup with swdesk restore.",
        ),
        "repair.still": (
            "Pēc indeksu atjaunošanas datubāzē joprojām ir kļūdas ({detail}). Kopija pirms labošanas: {copy}",
            "After rebuilding the indexes the database still has errors ({detail}). The copy made before: {copy}",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    return sub.add_parser("repair", parents=[common], help=tr("repair.help"))


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError

    database = open_db(args)
    try:
        if database.path is None:
            raise backup.BackupError(tr("backup.only_sqlite"))
        problem = backup.integrity_problem(database.path)
        if problem is None:
            print(tr("repair.sound"))
            return 0
        if not backup.only_indexes_damaged(problem):
            raise UsageError(tr("repair.not_indexes", detail=problem))
        # a copy as it is, first (its indexes are as damaged as the database's, so it is not "verified")
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        copy = (
            backup.backup_dir(database.path)
            / f"pirms-labosanas-{stamp}.{backup.origin_of(database.path)}.kopija"
        )
        copy.parent.mkdir(parents=True, exist_ok=True)
        backup.copy_database(database.path, copy)
        with database.write() as session:
            session.connection().exec_driver_sql("REINDEX")
        left = backup.integrity_problem(database.path)
        if left is not None:
            raise UsageError(tr("repair.still", detail=left, copy=copy))
        print(tr("repair.done", copy=copy))
        return 0
    finally:
        database.close()
