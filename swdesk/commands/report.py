"""`swdesk report --year Y --pdf F [--as-of DATE] [--named] [--unit NAME]`: the council report (issue 4 item 3),
for the whole service or one structural unit with its sub-units (issue 14).

Anonymous unless ``--named`` (issue 15): council papers are published, so the default names nobody.

The report is Latvian whatever ``--lang`` says (it goes to the council); ``--english-copy`` adds an English
copy beside it (``NAME.en.pdf``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from swdesk.commands import open_db, parse_date
from swdesk.i18n import tr


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    # the texts are defined with the report itself, so that its words have one home
    from swdesk.export import report  # noqa: F401

    p = sub.add_parser("report", parents=[common], help=tr("report.help"))
    p.add_argument("--year", type=int, required=True, help=tr("report.year"))
    p.add_argument("--pdf", type=Path, required=True, help=tr("report.pdf"))
    p.add_argument("--as-of", dest="as_of", help=tr("report.as_of_arg"))
    p.add_argument("--english-copy", action="store_true", help=tr("report.english_copy"))
    p.add_argument("--named", action="store_true", help=tr("report.named_arg"))
    p.add_argument("--unit", metavar="NAME", help=tr("report.unit_arg"))
    return p


def run(args: argparse.Namespace) -> int:
    from swdesk.cli import UsageError
    from swdesk.commands.check import YEAR_RANGE
    from swdesk.export.report import report_for_year, write_report_pdf

    low, high = YEAR_RANGE
    if not low <= args.year <= high:
        raise UsageError(tr("check.bad_year", low=low, high=high, year=args.year))
    as_of = parse_date(args.as_of) if args.as_of is not None else None
    database = open_db(args)
    try:
        with database.read() as session:
            unit_id = None
            if args.unit is not None:  # one structural unit (issue 14), named as the list names it
                from swdesk import units

                unit = units.find(session, args.unit)
                if unit is None:
                    known = ", ".join(u.name for u in units.all_units(session)) or "—"
                    raise UsageError(tr("report.unit_unknown", name=args.unit, known=known))
                unit_id = unit.id
            report = report_for_year(session, year=args.year, as_of=as_of, unit_id=unit_id)
    finally:
        database.close()
    # the command line may overwrite what it is told to write (issue 4); the GUI asks first
    print(tr("report.written", path=write_report_pdf(report, args.pdf, named=args.named)))
    if args.english_copy:
        from swdesk.export.common import english_copy_path

        print(tr("report.written", path=write_report_pdf(report, english_copy_path(args.pdf), lang="en", named=args.named)))
    return 0
