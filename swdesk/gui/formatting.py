"""What the GUI alone needs to show and read dates: Qt's QDate beside Python's date.

Every text of a number or a date — dd.mm.yyyy, the decimal comma, EUR, FTE, hours, shares — comes from
:mod:`swdesk.formats`, which the command line and the documents use too.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# What a person types is read by the core's parsers; the views import them from here too.
from swdesk.formats import parse_date as parse_date  # noqa: E402
from swdesk.formats import parse_decimal as parse_decimal  # noqa: E402
