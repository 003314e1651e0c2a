"""`swdesk selftest`: check, without a window, that the installed program is whole (issue 6).

The checks are :data:`swdesk.selftest.CHECKS`; this module only prints their lines. Exit status 0 when
every check passed, 1 when any failed. The user's own database is never opened, so ``--db`` is accepted
(every command takes it) but not used.
"""

from __future__ import annotations

import argparse
import sys

from swdesk.i18n import define, tr

EXIT_FAILED = 1

define(
    {
        "selftest.help": (
            "pārbaudīt, vai programma ir pilnīga (datubāze, tulkojumi, fonts, eksports)",
            "check that the program is whole (database, translations, font, export)",
        ),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    return sub.add_parser("selftest", parents=[common], help=tr("selftest.help"))


def run(args: argparse.Namespace) -> int:
    from swdesk.selftest import run_selftest

    def report(line: str) -> None:
        # flush each line: on a slow PC the person watching sees which check is running
        print(line, flush=True)

    ok = run_selftest(report)
    sys.stdout.flush()
    return 0 if ok else EXIT_FAILED
