"""`swdesk gui [--demo]`: open the desktop program (also what `swdesk` with no command does).

PySide6 is imported only inside :func:`run`, so the command line works where Qt is not installed. Before
it is, :mod:`swdesk.gui.platform_check` makes sure Qt can show the window here; when it cannot, the
person reads why and what to install, and the exit status is 3.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

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
    from swdesk.gui.platform_check import (
        EXIT_NO_WINDOW,
        library_from_import_error,
        missing_message,
        window_problem,
    )

    # before Qt's GUI libraries load: where they cannot show a window, Qt aborts with an English message
    problem = window_problem()
    if problem is None:
        try:
            from swdesk.gui.app import main
        except ImportError as exc:
            library = library_from_import_error(exc)
            if library is None:
                from swdesk.cli import UsageError

                raise UsageError(tr("gui.no_qt", detail=exc)) from exc
            problem = missing_message([library])
    if problem is not None:
        # the message itself reaches the log with the exit status (swdesk.logs.run_logged)
        logging.getLogger("swdesk.gui").error(
            "the window cannot open here: QT_QPA_PLATFORM=%r DISPLAY=%r WAYLAND_DISPLAY=%r",
            *(os.environ.get(name, "") for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")),
        )
        print(problem, file=sys.stderr)
        return EXIT_NO_WINDOW
    return main(db=getattr(args, "db", None), demo=bool(getattr(args, "demo", False)))
