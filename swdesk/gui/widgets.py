"""Small shared widgets: date edits in dd.mm.yyyy, decimal line edits, a filter bar, a table view."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QHeaderView, QLineEdit, QTableView, QWidget

from swdesk.gui.formatting import from_qdate, parse_decimal, to_qdate


class DateEdit(QDateEdit):
    """A date typed or picked, shown dd.MM.yyyy."""

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd.MM.yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(1950, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 31))
        self.set_date(day or dt.date.today())

    def date_value(self) -> dt.date:
        return from_qdate(self.date())

    def set_date(self, day: dt.date) -> None:
        self.setDate(to_qdate(day))


class DecimalEdit(QLineEdit):
    """A number typed with a decimal comma (a point is accepted too)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"^\s*[0-9 \x{00a0}]*([.,][0-9]*)?\s*$"), self)
        )
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def value(self) -> Decimal | None:
        return parse_decimal(self.text())


def make_table(parent: QWidget | None = None) -> QTableView:
    table = QTableView(parent)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setWordWrap(False)
    # size columns from the first rows only: the riga demo has hundreds of findings and staff
    table.horizontalHeader().setResizeContentsPrecision(200)
    return table
