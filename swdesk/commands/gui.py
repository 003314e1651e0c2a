"""`swdesk gui [--demo]`: open the desktop program (also what `swdesk` with no command does).

PySide6 is imported only inside :func:`run`, so the command line works where Qt is not installed.
"""

from __future__ import annotations

import argparse

from swdesk.i18n import define, tr

define(
    {
        "gui.help": ("atvērt programmas logu", "open the program window"),
        "gui.demo": ("atvērt ar demonstrācijas datiem", "open with demonstration data"),
        "gui.no_qt": (
            "Logam vajadzīgs PySide6, bet tas nav instalēts: {detail}",
            "The window needs PySide6, which is not installed: {detail}",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("gui", parents=[common], help=tr("gui.help"))
    # SUPPRESS: `swdesk --demo gui` keeps the --demo given before the command
    p.add_argument("--demo", action="store_true", default=argparse.SUPPRESS, help=tr("gui.demo"))
    return p


def run(args: argparse.Namespace) -> int:
    try:
        from swdesk.gui.app import main
    except ImportError as exc:
        from swdesk.cli import UsageError

        raise UsageError(tr("gui.no_qt", detail=exc)) from exc
    return main(db=getattr(args, "db", None), demo=bool(getattr(args, "demo", False)))
