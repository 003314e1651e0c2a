"""The `swdesk` command line (SPEC §6).

Each command lives in its own module under ``swdesk.commands`` with ``register(subparsers)`` and
``run(args) -> int``; this module parses, sets the language, opens the database and maps errors to exit
statuses: 0 done, 2 bad input or usage (nothing written), 3 the database cannot be opened or is newer than
the program.
"""

from __future__ import annotations

import argparse
import gettext
import importlib
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from swdesk import __version__
from swdesk.i18n import define, set_language, tr

EXIT_OK = 0
EXIT_INPUT = 2
EXIT_DATABASE = 3

# Commands in the order `swdesk --help` lists them; a module that is not there yet is skipped.
COMMANDS = (
    "gui",
    "init",
    "import_",
    "history",
    "template",
    "settings",
    "scale",
    "check",
    "claim",
    "survey",
    "report",
    "plan",
    "person",
    "backup",
    "restore",
    "repair",
    "encrypt",
    "decrypt",
    "demo",
    "selftest",
    "lm",
)

define(
    {
        "cli.description": (
            "swdesk — sociālā dienesta personāla, slodzes un normu uzskaite.",
            "swdesk — staff, workload and norms of a municipal social service.",
        ),
        "cli.db": (
            "datubāzes fails vai SQLAlchemy URL (citādi SWDESK_DB vai lietotāja datu mape)",
            "database file or SQLAlchemy URL (else SWDESK_DB or the user's data folder)",
        ),
        "cli.lang": ("ziņojumu valoda: lv vai en", "language of messages: lv or en"),
        "cli.recovery_key": (
            "šifrētas datubāzes atkopšanas atslēga (ja atslēgas nav šī datora akreditācijas datu krātuvē)",
            "the recovery key of an encrypted database (when its key is not in this PC's credential store)",
        ),
        "cli.error": ("Kļūda: {message}", "Error: {message}"),
        "cli.usage_error": ("Nepareiza komanda: {message}", "Invalid command: {message}"),
    }
)


# argparse's own words (Python 3.11 ``argparse``, which asks gettext for them), in Latvian: the help, the
# usage line and the errors of `swdesk --help` and of a mistyped command. ``--lang en`` keeps argparse's English.
ARGPARSE_LV = {
    "usage: ": "lietošana: ",
    "positional arguments": "komandas un argumenti",
    "options": "opcijas",
    "show this help message and exit": "parādīt šo palīdzību un beigt",
    "show program's version number and exit": "parādīt programmas versiju un beigt",
    "the following arguments are required: %s": "trūkst obligāto argumentu: %s",
    "unrecognized arguments: %s": "neatpazīti argumenti: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "nederīga izvēle: %(value)r (izvēlieties no: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "arguments %(argument_name)s: %(message)s",
    "expected one argument": "jānorāda viena vērtība",
    "expected at least one argument": "jānorāda vismaz viena vērtība",
    "expected at most one argument": "jānorāda ne vairāk kā viena vērtība",
    "invalid %(type)s value: %(value)r": "nederīga vērtība %(value)r (vajadzīgs: %(type)s)",
    "ambiguous option: %(option)s could match %(matches)s": (
        "neviennozīmīga opcija: %(option)s var būt %(matches)s"
    ),
    "not allowed with argument %s": "nav atļauts kopā ar argumentu %s",
    "one of the arguments %s is required": "jānorāda viens no argumentiem %s",
    "ignored explicit argument %r": "ignorēts arguments %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "nezināma komanda %(parser_name)r (iespējamās: %(choices)s)"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: kļūda: %(message)s\n",
}
ARGPARSE_LV_PLURAL = {("expected %s argument", "expected %s arguments"): "jānorāda vērtības: %s"}
# Placeholders of values in the help (argparse writes the option's name in capitals when none is given).
METAVARS_LV = {
    "as_of": "DATUMS", "date": "DATUMS", "on": "DATUMS", "valid_from": "DATUMS", "db": "DATUBĀZE",
    "year": "GADS", "group": "GRUPA", "min": "MIN", "mid": "VID", "max": "MAKS", "key": "IESTATĪJUMS",
    "value": "VĒRTĪBA", "period": "PERIODS", "service": "NOSAUKUMS", "municipality": "PAŠVALDĪBA",
    "head": "VĀRDS_UZVĀRDS", "population": "SKAITS", "seed": "SĒKLA", "files": "FAILS", "source": "FAILS",
    "out": "FAILS", "pdf": "FAILS.pdf", "xlsx": "FAILS.xlsx",
}
ENGLISH_METAVARS = {"FILE": "FAILS", "F": "FAILS", "IN": "FAILS", "OUT.xlsx": "FAILS.xlsx"}


class _ArgparseLatvian(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return ARGPARSE_LV.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return ARGPARSE_LV_PLURAL.get((msgid1, msgid2), msgid1 if n == 1 else msgid2)


@contextmanager
def argparse_language(language: str) -> Iterator[None]:
    """argparse speaks ``language`` while a parser is built and used: its module looks up ``_`` and
    ``ngettext`` (gettext's) when it writes a help or an error, so they are swapped for the Latvian
    catalogue above and put back afterwards."""
    if language != "lv":
        yield
        return
    catalogue = _ArgparseLatvian()
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = catalogue.gettext, catalogue.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _latvian_metavars(parser: argparse.ArgumentParser) -> None:
    """``--year GADS`` rather than ``--year YEAR`` in the Latvian help (the commands name no placeholder, or
    an English one); choices ({lv,en}) and placeholders already in Latvian stay."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):
                _latvian_metavars(command)
        elif action.choices is None and action.nargs != 0:
            if action.metavar is None and action.dest in METAVARS_LV:
                action.metavar = METAVARS_LV[action.dest]
            elif isinstance(action.metavar, str) and action.metavar in ENGLISH_METAVARS:
                action.metavar = ENGLISH_METAVARS[action.metavar]


class UsageError(Exception):
    """Bad arguments detected after parsing (exit status 2, nothing written)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(tr("cli.usage_error", message=message), file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def _language_from(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return "lv"


def build_parser() -> argparse.ArgumentParser:
    # --db and --lang may stand before or after the command; the copy on each command must not reset
    # what was given before it, hence SUPPRESS there and the real defaults on the main parser only.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=tr("cli.db"))
    common.add_argument("--lang", choices=("lv", "en"), default=argparse.SUPPRESS, help=tr("cli.lang"))
    common.add_argument("--recovery-key", default=argparse.SUPPRESS, metavar="ATSLĒGA", help=tr("cli.recovery_key"))
    parser = _Parser(prog="swdesk", description=tr("cli.description"))
    parser.add_argument("--db", default=None, help=tr("cli.db"))
    parser.add_argument("--lang", choices=("lv", "en"), default="lv", help=tr("cli.lang"))
    parser.add_argument("--recovery-key", default=None, metavar="ATSLĒGA", help=tr("cli.recovery_key"))
    parser.add_argument(
        "--version", action="version", version=f"swdesk {__version__}",
        # Python 3.11's argparse does not pass this default through gettext (3.12 does)
        help=argparse._("show program's version number and exit"),  # type: ignore[attr-defined]
    )
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"swdesk.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"swdesk.commands.{name}":
                raise
            continue
        command = module.register(sub, common)
        command.set_defaults(run=module.run)
    from swdesk.i18n import language

    if language() == "lv":
        _latvian_metavars(parser)
    return parser


def window_arguments(argv: Sequence[str], lang: str) -> argparse.Namespace | None:
    """The arguments of the window's start — ``swdesk [--db X] [--lang L] [--demo]``, nothing else — read
    without :func:`build_parser`, which imports every command (with the exporters and importers behind
    them) and took most of the program's start (issue 14); anything else (a command, ``--help``, an
    abbreviated or wrong option) is left to argparse, so its help and errors stay as they are."""
    values = {"db": None, "lang": lang, "demo": False}
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        name, equals, value = arg.partition("=")
        if arg == "--demo":
            values["demo"] = True
        elif name in ("--db", "--lang") and (equals or (rest and not rest[0].startswith("-"))):
            values[name[2:]] = value if equals else rest.pop(0)
        else:
            return None
    if values["lang"] not in ("lv", "en") or values["db"] == "":
        return None
    return argparse.Namespace(command=None, **values)


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:  # the program itself, not a caller running one command: log it (swdesk.logs)
        from swdesk.logs import run_logged
        from swdesk.streams import utf8_streams

        utf8_streams()  # Latvian text on a redirected stream of an English Windows (cp1252)
        try:
            return run_logged(main, sys.argv[1:])
        except BrokenPipeError:
            # `swdesk lm survey … | head`: the reader stopped reading; no traceback, and none from the flush
            # at exit either (Python's own recipe: the rest of stdout goes to the null device)
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    argv = list(argv)
    lang = _language_from(argv)
    lang = lang if lang in ("lv", "en") else "lv"
    set_language(lang)
    args = window_arguments(argv, lang)
    if args is None:
        with argparse_language(lang):
            args = build_parser().parse_args(argv)
    if getattr(args, "recovery_key", None):
        from swdesk.db import encryption

        try:
            encryption.offer_recovery_key(args.recovery_key)
        except ValueError as exc:
            print(tr("cli.usage_error", message=exc), file=sys.stderr)
            return EXIT_INPUT
    if args.command is None:
        if not hasattr(args, "run"):
            try:
                from swdesk.commands import gui
            except ModuleNotFoundError:
                with argparse_language(lang):
                    build_parser().print_help()
                return EXIT_INPUT
            return gui.run(args)
    # after the window's start (above): SQLAlchemy loads with these, and the window paints before it
    from swdesk.db import database as db_module
    from swdesk.db import history
    from swdesk.db.backup import BackupError
    from swdesk.db.database import DatabaseError
    from swdesk.records import RecordError
    from swdesk.settings import SettingError

    history.set_default_source(history.Source(command_source(args)))  # who changed it: this command
    db_module.waiting_notice = _say_waiting
    _said_waiting.clear()
    try:
        return int(args.run(args))
    except DatabaseError as exc:
        print(tr("cli.error", message=exc), file=sys.stderr)
        return EXIT_DATABASE
    except (UsageError, SettingError, BackupError, RecordError) as exc:
        print(tr("cli.error", message=exc), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        explained = explain(exc, getattr(args, "db", None))
        if explained is None:
            raise
        status, message = explained
        import logging

        logging.getLogger("swdesk.cli").warning(
            "explained error", exc_info=True
        )  # the traceback: the log only
        print(tr("cli.error", message=message), file=sys.stderr)
        return status
    finally:
        db_module.waiting_notice = None
        history.set_default_source(history.UNKNOWN_SOURCE)  # the next command in this process says its own


_said_waiting: list[bool] = []


def command_source(args: argparse.Namespace) -> str:
    """What the change history says a command's changes came through: ``komanda:settings set``."""
    action = getattr(args, "action", None)
    return f"komanda:{args.command}" + (f" {action}" if isinstance(action, str) else "")


def _say_waiting(waited: float | None) -> bool:
    """Once per command: the person sees why nothing happens for a while; the command keeps waiting."""
    from swdesk.db.database import BUSY_TIMEOUT_MS

    if waited is not None and not _said_waiting:
        _said_waiting.append(True)
        print(tr("db.waiting", seconds=BUSY_TIMEOUT_MS // 1000), file=sys.stderr, flush=True)
    return True


def explain(exc: BaseException, db: str | None) -> tuple[int, str] | None:
    """(exit status, sentence) for an error met while a command ran — a full disk, a lock, a lost server,
    a document aimed at the database — or None for a real bug (which keeps its traceback). The sentence
    never carries SQL or its parameters (names, salaries), nor a password."""
    from pathlib import Path

    from sqlalchemy.exc import DBAPIError, OperationalError

    from swdesk.db.database import access_problem, driver_detail, resolve_url, sqlite_path
    from swdesk.export.common import DatabaseTargetError

    if isinstance(exc, DatabaseTargetError):
        return EXIT_INPUT, str(exc)
    try:
        path = sqlite_path(resolve_url(db))
    except Exception:
        path = None
    if isinstance(exc, OSError):
        where = Path(exc.filename) if exc.filename else path
        problem = access_problem(exc, where) if where is not None else None
        return (EXIT_DATABASE, str(problem)) if problem is not None else None
    if isinstance(exc, DBAPIError | sqlite3_errors()):
        problem = access_problem(exc, path) if path is not None else None
        if problem is not None:
            return EXIT_DATABASE, str(problem)
        if isinstance(exc, OperationalError) and path is None:
            return EXIT_DATABASE, tr("db.connection_lost", detail=driver_detail(exc, db))
        return EXIT_DATABASE, tr("db.failed_now", detail=driver_detail(exc, db))
    return None


def sqlite3_errors() -> type[Exception]:
    import sqlite3

    return sqlite3.Error


if __name__ == "__main__":
    sys.exit(main())
