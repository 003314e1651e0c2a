"""`swdesk template OUT.xlsx [--force]`: write the empty import workbook of SPEC §5."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from swdesk.i18n import define, tr

define(
    {
        "template.help": ("izveidot tukšu importa veidni (.xlsx)", "write the empty import workbook (.xlsx)"),
        "template.out": ("jaunā .xlsx faila ceļš", "path of the new .xlsx file"),
        "template.force": ("pārrakstīt esošu failu", "overwrite an existing file"),
        "template.exists": (
            "Fails {path} jau ir; lai to pārrakstītu, pievienojiet --force.",
            "The file {path} already exists; add --force to overwrite it.",
        ),
        "template.not_xlsx": (
            "Veidnes faila nosaukumam jābeidzas ar .xlsx; ir «{path}».",
            "The template's file name must end in .xlsx; got '{path}'.",
        ),
        "template.written": ("Importa veidne saglabāta: {path}", "Import workbook written: {path}"),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("template", parents=[common], help=tr("template.help"))
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help=tr("template.out"))
    p.add_argument("--force", action="store_true", help=tr("template.force"))
    return p


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.importer.template import write_template

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        raise UsageError(tr("template.not_xlsx", path=out))
    if out.exists() and not args.force:
        raise UsageError(tr("template.exists", path=out))
    if _uses_database(args):
        from swdesk.commands import open_db

        database = open_db(args)
        try:
            with database.read() as session:
                write_template(out, session=session)
        finally:
            database.close()
    else:
        write_template(out)
    print(tr("template.written", path=out))
    return 0


def _uses_database(args: argparse.Namespace) -> bool:
    """Use the database's catalogues when one is named or already exists; never create one for a template."""
    from swdesk.db.database import default_db_path

    return bool(args.db or os.environ.get("SWDESK_DB") or default_db_path().exists())
