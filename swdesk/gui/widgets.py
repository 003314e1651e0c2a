"""Small shared widgets: date edits in dd.mm.yyyy, decimal line edits, a filter bar, a table view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from swdesk.gui.formatting import from_qdate, parse_decimal, to_qdate
from swdesk.gui.models import ROW_ROLE


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


def finish_form(dialog: QDialog, form: QFormLayout, save: Callable[[], None]) -> QLabel:
    """Lay out an edit dialog: its form, a red line for what is wrong (hidden until then), Save and Cancel.

    Returns the error label; Save calls ``save``, which accepts the dialog when the data is written.
    """
    error = QLabel()
    error.setWordWrap(True)
    error.setStyleSheet("color: #b00020;")
    error.hide()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error


def staff_choice(session: Session) -> QComboBox:
    """Every staff member to choose from, by surname, as "First Last (employee no.)"; the data is the id."""
    from sqlalchemy import select

    from swdesk.db import models as m

    combo = QComboBox()
    rows = session.execute(
        select(m.Staff.id, m.Staff.first_name, m.Staff.last_name, m.Staff.tabeles_nr).order_by(
            m.Staff.last_name, m.Staff.first_name
        )
    )
    for sid, first, last, number in rows:
        combo.addItem(f"{first} {last} ({number})", sid)
    return combo


class RecordActions:
    """Add…, Edit… and Delete over a view's table of records, for a QWidget view that has ``ctx``,
    ``table``, ``edit_button``, ``delete_button`` and ``refresh()``.

    The view says which dialog edits a record (:meth:`dialog_for`, None for a new one); a saved dialog tells
    every view that the data changed and reloads this one. Edit and Delete are enabled only with a record
    chosen.
    """

    ctx: Any
    table: QTableView
    edit_button: QAbstractButton
    delete_button: QAbstractButton

    def refresh(self) -> None:
        raise NotImplementedError

    def dialog_for(self, record: Any) -> QDialog:
        raise NotImplementedError

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add(self) -> None:
        self._edit(None)

    def edit_selected(self, _index: Any = None) -> None:
        record = self.selected()
        if record is not None:
            self._edit(record)

    def _edit(self, record: Any) -> None:
        if self.dialog_for(record).exec():
            self._saved()

    def _saved(self) -> None:
        self.ctx.changed()
        self.refresh()
