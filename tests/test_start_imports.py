"""What the program's start imports before the dashboard is filled (issue 14 point 4: filled within 1 s).

The records layer (and so the window's first views) imports the importer's value parsers; openpyxl, with
the numpy it pulls in, took a quarter of a second of every start there. It is imported when a spreadsheet
is read or written, not before.
"""

from __future__ import annotations

import subprocess
import sys


def test_the_records_layer_and_the_dashboard_do_not_import_openpyxl() -> None:
    code = (
        "import sys, swdesk.records, swdesk.importer.values, swdesk.db.database, swdesk.rules.checks; "
        "sys.exit(1 if 'openpyxl' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_a_lost_date_format_is_still_read_as_an_excel_serial_number() -> None:
    import datetime as dt

    from swdesk.importer.values import parse_date

    assert parse_date(45658) == dt.date(2025, 1, 1)
