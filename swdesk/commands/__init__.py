"""One module per command of `swdesk` (SPEC §6): ``register(subparsers, common)`` and ``run(args)``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the window's start imports this package: SQLAlchemy only when a command opens the database
    from swdesk.db.database import Database
from swdesk.i18n import define, tr

define(
    {
        "cli.bad_date": (
            "«{value}» nav datums; raksties dd.mm.gggg vai gggg-mm-dd.",
            "'{value}' is not a date; write dd.mm.yyyy or yyyy-mm-dd.",
        ),
        "cli.date_out_of_range": (
            "Datums «{value}» nav iespējams: gadam jābūt no {first} līdz {last}.",
            "The date '{value}' is not possible: the year must be from {first} to {last}.",
        ),
        "cli.xlsx": ("saglabāt arī kā Excel darbgrāmatu (.xlsx)", "also write an Excel workbook (.xlsx)"),
        "cli.pdf": ("saglabāt arī kā PDF dokumentu", "also write a PDF document"),
        "cli.written": ("Saglabāts: {path}", "Written: {path}"),
        "cli.no_service": (
            "Datubāzē vēl nav dienesta. Sāciet ar: swdesk init --service NOSAUKUMS --municipality PAŠVALDĪBA",
            "The database has no service yet. Start with: swdesk init --service NAME --municipality NAME",
        ),
    }
)


def add_document_options(parser: argparse.ArgumentParser) -> None:
    """``--xlsx F`` and ``--pdf F``: the documents a command can write besides what it prints."""
    from pathlib import Path

    parser.add_argument("--xlsx", type=Path, metavar="F", help=tr("cli.xlsx"))
    parser.add_argument("--pdf", type=Path, metavar="F", help=tr("cli.pdf"))


def report_written(path: object) -> None:
    # With --json the JSON alone goes to stdout, so that it can be piped; where files went is for the person.
    print(tr("cli.written", path=path), file=sys.stderr)


def open_db(args: argparse.Namespace) -> Database:
    from swdesk.db.database import open_database

    database = open_database(args.db)
    for warning in database.report.warnings:  # said once, on stderr; the command goes on
        print(warning, file=sys.stderr)
    return database


def parse_date(value: str) -> dt.date:
    """A date typed on the command line: dd.mm.yyyy or ISO."""
    from swdesk.cli import UsageError
    from swdesk.importer.sheets import FIRST_YEAR, LAST_YEAR  # the import's own range of years

    text = value.strip()
    if text.isascii():  # strptime would take full-width and other Unicode digits
        for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
            try:
                day = dt.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise UsageError(tr("cli.date_out_of_range", value=value, first=FIRST_YEAR, last=LAST_YEAR))
            return day
    raise UsageError(tr("cli.bad_date", value=value))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(value: Any) -> Any:
    from decimal import Decimal

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
