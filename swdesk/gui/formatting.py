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
