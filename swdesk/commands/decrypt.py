"""`swdesk decrypt`: turn an encrypted database back into a plain SQLite file, through a verified copy."""

from __future__ import annotations

import argparse

from swdesk.i18n import define, tr

define(
    {
        "decrypt.help": (
            "atšifrēt datubāzi (atkal parasts SQLite fails)",
            "decrypt the database (a plain SQLite file again)",
        ),
        "decrypt.done": (
            "Datubāze {path} vairs nav šifrēta, arī tās dublējumi ({count}). Kopija pirms atšifrēšanas: "
            "{kept}. Tagad ikviens, kam ir fails, var to izlasīt.",
            "The database {path} is no longer encrypted, nor are its backups ({count}). The copy made "
            "before: {kept}. Anyone who has the file can now read it.",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    return sub.add_parser("decrypt", parents=[common], help=tr("decrypt.help"))


def run(args: argparse.Namespace) -> int:
    from swdesk.commands.encrypt import database_file
    from swdesk.db import encryption

    path = database_file(args)
    kept, converted = encryption.decrypt_database(path)
    print(tr("decrypt.done", path=path, count=len(converted), kept=kept))
    return 0
