"""Small shared widgets: date fields in dd.mm.yyyy, decimal line edits, edit dialogs that ask before losing
typed changes, the searchable staff picker, a table view and its column widths."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QRegularExpressionValidator,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionHeader,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from swdesk.formats import fmt_date, parse_date, parse_decimal
from swdesk.gui.formatting import from_qdate, to_qdate
from swdesk.gui.models import ROW_ROLE, collation_key, search_key

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300;"
FIRST_DAY, LAST_DAY = dt.date(1950, 1, 1), dt.date(2100, 12, 31)
_WHOLE_DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")  # a date as the field writes it back


class FormProblem(ValueError):
    """A value of a form that cannot be saved: the widget to put the cursor in and the sentence to show."""

    def __init__(self, widget: QWidget, message: str) -> None:
        super().__init__(message)
        self.widget = widget
        self.message = message


# --- dates --------------------------------------------------------------------------------------------------


class _DateLine(QLineEdit):
    """The text part of :class:`DateEdit`: a click into the field selects the whole date, so typing a new
    date replaces it rather than mixing with the old one; typing a digit after a complete date starts anew."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._select_on_release = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            self._select_on_release = True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_release:
            self._select_on_release = False
            if not self.hasSelectedText():  # a drag that selected part of it is the person's own choice
                self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if (
            text.isdigit()
            and not self.hasSelectedText()
            and self.cursorPosition() == len(self.text())
            and _WHOLE_DATE.fullmatch(self.text())
            and parse_date(self.text()) is not None
        ):
            self.clear()  # a whole date is there and a new one is being typed after it
        super().keyPressEvent(event)


class DateEdit(QWidget):
    """A date typed as dd.mm.yyyy (with or without dots: ``15122030``) or picked from a calendar.

    The field may be empty — a new record's date is not invented; what the form does with an empty field is
    the form's choice (:meth:`read`). Text that is not a date stays as typed, marked red, until corrected.
    """

    date_changed = Signal(object)  # the date now in the field, or None (empty or not a date)

    def __init__(self, day: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minimum, self.maximum = FIRST_DAY, LAST_DAY
        self.edit = _DateLine(self)
        self.edit.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.edit.setMaxLength(20)
        self.edit.setToolTip(self.tr("Type the date as dd.mm.yyyy (15.12.2030 or 15122030) or pick it."))
        width = self.edit.fontMetrics().horizontalAdvance("00.00.00000") + 16
        self.edit.setMinimumWidth(width)
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setToolTip(self.tr("Pick the date from a calendar"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        self.calendar: QCalendarWidget | None = None
        self._last: dt.date | None = None
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._finished)
        self.set_date(day)

    # --- values ---------------------------------------------------------------------------------------

    def text(self) -> str:
        return self.edit.text()

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    def date_value(self) -> dt.date | None:
        """The date in the field; None when it is empty, not a date or outside the allowed days."""
        day = parse_date(self.edit.text())
        if day is None or not self.minimum <= day <= self.maximum:
            return None
        return day

    def set_date(self, day: dt.date | None) -> None:
        self.edit.setText(fmt_date(day))
        self._mark(ok=True)

    def set_minimum(self, day: dt.date) -> None:
        self.minimum = day

    def problem(self) -> str | None:
        """Why the text is not a date the form can take; None when it is one or the field is empty."""
        if self.is_empty():
            return None
        day = parse_date(self.edit.text())
        if day is None:
            return (
                self.tr("“%1” is not a date: type it as dd.mm.yyyy, for example 15.12.2030.")
                .replace("%1", self.edit.text().strip())
            )
        if not self.minimum <= day <= self.maximum:
            return (
                self.tr("%1 is outside the dates this field takes (%2–%3).")
                .replace("%1", fmt_date(day))
                .replace("%2", fmt_date(self.minimum))
                .replace("%3", fmt_date(self.maximum))
            )
        return None

    @overload
    def read(self, *, missing: str) -> dt.date: ...

    @overload
    def read(self, *, missing: None) -> dt.date | None: ...

    def read(self, *, missing: str | None) -> dt.date | None:
        """The date for saving. ``missing`` is the sentence for an empty field that must be filled (None:
        the field may stay empty and reads None). :class:`FormProblem` when it cannot be saved."""
        problem = self.problem()
        if problem is not None:
            self._mark(ok=False)
            raise FormProblem(self.edit, problem)
        day = self.date_value()
        if day is None and missing is not None:
            raise FormProblem(self.edit, missing)
        return day

    # --- showing ---------------------------------------------------------------------------------------

    def _mark(self, *, ok: bool) -> None:
        self.edit.setStyleSheet("" if ok else "QLineEdit { border: 1px solid #b00020; }")

    def _text_changed(self, _text: str) -> None:
        self._mark(ok=True)
        day = self.date_value()
        if day != self._last:
            self._last = day
            self.date_changed.emit(day)

    def _finished(self) -> None:
        day = self.date_value()
        if day is not None:
            if self.edit.text() != fmt_date(day):
                self.edit.setText(fmt_date(day))  # written back as it is stored: 15122030 → 15.12.2030
        elif not self.is_empty():
            self._mark(ok=False)

    def open_calendar(self) -> None:
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calendar.setMinimumDate(to_qdate(self.minimum))
        calendar.setMaximumDate(to_qdate(self.maximum))
        calendar.setSelectedDate(to_qdate(self.date_value() or min(max(dt.date.today(), self.minimum), self.maximum)))
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar.show()
        self.calendar = calendar

    def _picked(self, day: Any) -> None:
        self.set_date(from_qdate(day))
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.edit.setFocus()


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


# --- edit dialogs ---------------------------------------------------------------------------------------------


class EditDialog(QDialog):
    """An edit form with Save and Cancel.

    Esc or the window's × on a form whose values were changed asks "Save changes?" — Save, Discard or
    Cancel (back to the form); the Cancel button discards without asking, as its name says. Subclasses
    build their form, call :meth:`finish_form` and implement :meth:`save`, which accepts the dialog once
    the data is written. What the form holds when it is first shown is what "changed" is measured from.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clean: list[Any] | None = None
        self.error = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )

    def finish_form(self, form: QFormLayout, *extra: QWidget) -> QLabel:
        """Lay out the form, a red line for what is wrong (hidden until then), Save and Cancel."""
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.discard)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        return self.error

    def save(self) -> None:
        raise NotImplementedError

    def fail(self, widget: QWidget | None, text: str) -> None:
        """Show why the form cannot be saved and put the cursor where it can be corrected."""
        self.error.setText(text)
        self.error.show()
        if widget is not None:
            widget.setFocus()

    # --- unsaved changes ------------------------------------------------------------------------------

    def _state(self) -> list[Any]:
        state: list[Any] = []
        for child in self.findChildren(QWidget):
            if isinstance(child, StaffPicker | ParticipantsPicker):
                state.append(child.edit_state())
            elif isinstance(child, QLineEdit) and not isinstance(child.parent(), QComboBox | QAbstractSpinBox):
                state.append(child.text())
            elif isinstance(child, QPlainTextEdit):
                state.append(child.toPlainText())
            elif isinstance(child, QComboBox) and not isinstance(child, StaffPicker):
                state.append(child.currentIndex())
            elif isinstance(child, QAbstractSpinBox):
                state.append(child.text())
            elif isinstance(child, QAbstractButton) and child.isCheckable():
                state.append(child.isChecked())
        return state

    def mark_clean(self) -> None:
        self._clean = self._state()

    def has_changes(self) -> bool:
        return self._clean is not None and self._state() != self._clean

    def showEvent(self, event: QShowEvent) -> None:
        if self._clean is None:
            from swdesk.gui.keyboard import follow_layout

            follow_layout(self)  # Tab goes through the form as it is laid out (issue 14)
            self.mark_clean()
        super().showEvent(event)

    def discard(self) -> None:
        """Close without saving and without asking (the Cancel button)."""
        super().reject()

    def ask_to_save(self) -> QMessageBox.StandardButton:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            QCoreApplication.translate("EditDialog", "Save changes?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(QCoreApplication.translate("EditDialog", "The form has changes that are not saved yet."))
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        self.question = box
        return QMessageBox.StandardButton(box.exec())

    def reject(self) -> None:
        """Esc and the window's ×: ask first when something was typed."""
        if not self.has_changes():
            super().reject()
            return
        answer = self.ask_to_save()
        if answer == QMessageBox.StandardButton.Save:
            self.save()  # accepts the dialog when the data is written; otherwise the form shows why not
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible():
            self.reject()
            if self.isVisible():
                event.ignore()
                return
        event.accept()


# --- the staff picker -----------------------------------------------------------------------------------------

SEARCH_ROLE = Qt.ItemDataRole.UserRole + 20


@dataclass(frozen=True)
class StaffOption:
    """A staff member as the picker offers them: name, employee number and the employment's dates."""

    id: int
    first_name: str
    last_name: str
    tabeles_nr: str
    start: dt.date
    end: dt.date | None

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def employed_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or self.end >= day)


def load_staff_options(session: Session) -> list[StaffOption]:
    """Every staff member, in Latvian alphabetical order of surname and name."""
    from sqlalchemy import select

    from swdesk.db import models as m

    rows = session.execute(
        select(m.Staff.id, m.Staff.first_name, m.Staff.last_name, m.Staff.tabeles_nr, m.Staff.start, m.Staff.end)
    ).all()
    options = [StaffOption(*row) for row in rows]
    options.sort(key=lambda o: (collation_key(o.last_name), collation_key(o.first_name), o.tabeles_nr))
    return options


class SearchProxy(QSortFilterProxyModel):
    """Rows whose search text holds every word typed, in any order, ignoring case and diacritics."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []

    def set_query(self, text: str) -> None:
        words = re.findall(r"\w+", search_key(text))
        if words == self.words:
            return
        self.beginFilterChange()
        self.words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        key = self.sourceModel().index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(word in key for word in self.words)


class StaffPicker(QComboBox):
    """Choose one staff member by typing any part of the first name, surname or employee number.

    "kenins" finds "Ķēniņš", "kal 12" finds Kalniņa with number 0123. Only people employed on the entry's
    date (:meth:`set_reference_date`; today until a date is given) are offered, so former staff are not
    picked by mistake; the record's own person is kept (and marked) when editing an old entry. Nobody is
    chosen at first.
    """

    chosen = Signal(object)  # staff id or None

    def __init__(self, options: Sequence[StaffOption], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        text_field = self.lineEdit()
        assert text_field is not None  # an editable combo box has one
        self.text_field: QLineEdit = text_field
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(32)
        self.text_field.setPlaceholderText(self.tr("Type part of a name or the employee number"))
        self.options = {option.id: option for option in options}
        self._order = [option.id for option in options]
        self.day = dt.date.today()
        self.keep: set[int] = set()
        self.search = SearchProxy(self)
        self.search.setSourceModel(self.model())
        completer = QCompleter(self.search, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.text_field.textEdited.connect(self.search.set_query)
        self.text_field.editingFinished.connect(self._settle)
        self.currentIndexChanged.connect(self._index_changed)
        self._chosen: int | None = None
        self._fill()

    def _label(self, option: StaffOption) -> str:
        text = f"{option.name} ({option.tabeles_nr})"
        if option.end is not None and option.end < self.day:
            text += " — " + self.tr("employment ended %1").replace("%1", fmt_date(option.end))
        elif option.start > self.day:
            text += " — " + self.tr("starts %1").replace("%1", fmt_date(option.start))
        return text

    def _fill(self) -> None:
        current = self._chosen
        self.blockSignals(True)
        self.clear()
        for staff_id in self._order:
            option = self.options[staff_id]
            if option.employed_on(self.day) or staff_id in self.keep or staff_id == current:
                self.addItem(self._label(option), staff_id)
                self.setItemData(
                    self.count() - 1,
                    search_key(f"{option.first_name} {option.last_name} {option.tabeles_nr}"),
                    SEARCH_ROLE,
                )
        index = self.findData(current) if current is not None else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        self.blockSignals(False)
        self.search.set_query("")

    def _index_changed(self, index: int) -> None:
        staff_id = self.itemData(index) if index >= 0 else None
        if staff_id != self._chosen:
            self._chosen = staff_id
            self.chosen.emit(staff_id)

    def _settle(self) -> None:
        """Enter or leaving the field: the text names the chosen person, the only match, or nobody."""
        index = self.currentIndex()
        text = self.text_field.text().strip()
        if index >= 0 and text == self.itemText(index):
            return
        if not text:
            self.setCurrentIndex(-1)
            return
        exact = self.findText(text, Qt.MatchFlag.MatchExactly)
        if exact >= 0:  # a name taken from the list (↓ and Enter in the list write it into the field)
            self.setCurrentIndex(exact)
            self.setEditText(self.itemText(exact))
            return
        self.search.set_query(text)
        if self.search.rowCount() == 1:
            row = self.search.mapToSource(self.search.index(0, 0)).row()
            self.setCurrentIndex(row)
            self.setEditText(self.itemText(row))
        elif index >= 0:
            self.setCurrentIndex(-1)
            self.setEditText(text)

    # --- the API of a form ------------------------------------------------------------------------------

    def staff_id(self) -> int | None:
        index = self.currentIndex()
        if index < 0 or self.text_field.text() != self.itemText(index):
            return None
        return self.itemData(index)

    def set_staff_id(self, staff_id: int | None) -> None:
        if staff_id is not None:
            self.keep.add(staff_id)
            if self.findData(staff_id) < 0:
                self._chosen = staff_id
                self._fill()
        self.setCurrentIndex(self.findData(staff_id) if staff_id is not None else -1)
        if staff_id is None:
            self.setEditText("")

    def set_reference_date(self, day: dt.date | None) -> None:
        """Offer the people employed on ``day`` (today when None)."""
        day = day or dt.date.today()
        if day != self.day:
            self.day = day
            self._fill()

    def option(self, staff_id: int | None) -> StaffOption | None:
        return self.options.get(staff_id) if staff_id is not None else None

    def edit_state(self) -> Any:
        return self.staff_id()


class ParticipantsPicker(QWidget):
    """Several staff members for one event: pick each by typing part of the name; the list shows who is in."""

    changed = Signal()

    def __init__(self, options: Sequence[StaffOption], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = StaffPicker(options, self)
        self.picker.text_field.setPlaceholderText(self.tr("Type part of a name or the employee number to add"))
        self.picker.activated.connect(self._add_current)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMinimumHeight(4 * self.list.fontMetrics().height() + 12)
        self.list.setMaximumHeight(8 * self.list.fontMetrics().height() + 12)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self._ids: list[int] = []
        self._update()

    def _add_current(self, _index: int = -1) -> None:
        staff_id = self.picker.staff_id()
        if staff_id is not None:
            self.add(staff_id)
        # after the completer has written the chosen name into the field: empty it for the next one
        QTimer.singleShot(0, lambda: self.picker.set_staff_id(None))

    def add(self, staff_id: int) -> None:
        if staff_id not in self._ids and staff_id in self.picker.options:
            self._ids.append(staff_id)
            self._update()

    def set_staff_ids(self, ids: Iterable[int]) -> None:
        self._ids = [i for i in dict.fromkeys(ids) if i in self.picker.options]
        self._update()

    def remove_selected(self) -> None:
        gone = {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()}
        self._ids = [i for i in self._ids if i not in gone]
        self._update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.list.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)

    def staff_ids(self) -> list[int]:
        return list(self._ids)

    def set_reference_date(self, day: dt.date | None) -> None:
        self.picker.set_reference_date(day)
        self._update()

    def _update(self) -> None:
        self.list.clear()
        for staff_id in self._ids:
            option = self.picker.options[staff_id]
            item = QListWidgetItem(self.picker._label(option))
            item.setData(Qt.ItemDataRole.UserRole, staff_id)
            if not option.employed_on(self.picker.day):
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.count.setText(self.tr("Participants: %1").replace("%1", str(len(self._ids))))
        self.remove_button.setEnabled(bool(self._ids))
        self.changed.emit()

    def edit_state(self) -> Any:
        return tuple(self._ids)


def not_employed_warning(options: Iterable[StaffOption], day: dt.date) -> str | None:
    """A sentence per person among ``options`` who is not employed on ``day``; None when everyone is."""
    lines = []
    for option in options:
        if option.end is not None and option.end < day:
            text = QCoreApplication.translate("StaffPicker", "%1 (%2): the employment ended on %3.")
            lines.append(text.replace("%1", option.name).replace("%2", option.tabeles_nr).replace("%3", fmt_date(option.end)))
        elif option.start > day:
            text = QCoreApplication.translate("StaffPicker", "%1 (%2): the employment starts on %3.")
            lines.append(
                text.replace("%1", option.name).replace("%2", option.tabeles_nr).replace("%3", fmt_date(option.start))
            )
    return "\n".join(lines) or None


# --- tables ----------------------------------------------------------------------------------------------------


class SortHeader(QHeaderView):
    """A table header whose arrow points up when the column is sorted in ascending order (A→Z, 1→9) and shows
    only on a column the rows are really sorted by.

    Qt draws ascending as a downward arrow on some styles and upward on others; a head reads ▲ as "from the
    smallest up" whatever the style.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        if option.sortIndicator != QStyleOptionHeader.SortIndicator.None_:
            ascending = self.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            option.sortIndicator = (
                QStyleOptionHeader.SortIndicator.SortUp if ascending else QStyleOptionHeader.SortIndicator.SortDown
            )


def make_table(parent: QWidget | None = None) -> QTableView:
    table = QTableView(parent)
    header = SortHeader(table)
    table.setHorizontalHeader(header)
    header.setSectionsClickable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # no arrow until the rows are sorted
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(24)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.setWordWrap(False)
    # size columns from the first rows only: the riga demo has hundreds of findings and staff
    header.setResizeContentsPrecision(200)
    return table


def fit_columns(table: QTableView, *, limits: dict[int, int] | None = None) -> None:
    """Widen each column to the widest text it may show — over every row of the model, also those a filter
    hides now, so that a filter changed later never cuts a date or a position to "01.11.2…" — and never
    narrower than its header with the sort arrow. ``limits`` caps long free-text columns (they elide and
    show in full in their tooltip or below the table)."""
    model = table.model()
    if model is None:
        return
    source = model.sourceModel() if isinstance(model, QSortFilterProxyModel) else model
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    padding = 2 * table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 14
    arrow = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, table) + 12
    limits = limits or {}
    rows = getattr(source, "rows", None)
    columns = getattr(source, "columns", None)
    for column in range(model.columnCount()):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max((metrics.horizontalAdvance(line) for line in title.split("\n")), default=0) + arrow
        if rows is not None and columns is not None and column < len(columns):
            shown = {columns[column].display(row) for row in rows}
        else:
            shown = {str(source.index(r, column).data() or "") for r in range(source.rowCount())}
        widest = max([widest, *(metrics.horizontalAdvance(text) + padding for text in shown)])
        if column in limits:
            widest = min(widest, limits[column])
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive:
            table.setColumnWidth(column, widest)


def select_row_of(table: QTableView, predicate: Callable[[Any], bool]) -> bool:
    """Select the row whose record (``ROW_ROLE``) satisfies ``predicate`` and scroll it into view."""
    model = table.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        record = index.data(ROW_ROLE)
        if record is not None and predicate(record):
            table.selectRow(row)
            table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            return True
    return False


class RecordActions:
    """Add…, Edit… and Delete over a view's table of records, for a QWidget view that has ``ctx``,
    ``table``, ``edit_button``, ``delete_button`` and ``refresh()``.

    The view says which dialog edits a record (:meth:`dialog_for`, None for a new one); a saved dialog tells
    every view that the data changed and reloads this one, and the saved record is selected and scrolled
    into view (``saved_ids`` of the dialog, matched by :meth:`record_id`). Edit and Delete are enabled only
    with a record chosen.
    """

    ctx: Any
    table: QTableView
    edit_button: QAbstractButton
    delete_button: QAbstractButton
    _reveal: set[int] | None = None

    def refresh(self) -> None:
        raise NotImplementedError

    def dialog_for(self, record: Any) -> QDialog:
        raise NotImplementedError

    def record_id(self, record: Any) -> Any:
        return getattr(record, "id", None)

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
        dialog = self.dialog_for(record)
        if dialog.exec():
            ids = getattr(dialog, "saved_ids", None) or [getattr(dialog, "saved_id", None)]
            self.before_refresh(dialog)
            self._saved(reveal={i for i in ids if i is not None})

    def before_refresh(self, dialog: Any) -> None:
        """After a save, before the view reloads (a view may show the year of the saved record)."""

    def _saved(self, reveal: set[Any] | None = None) -> None:
        self._reveal = reveal or None
        self.ctx.changed()
        self.refresh()
        self.reveal_saved()

    def reveal_saved(self) -> None:
        """Select the record just saved (a view that loads off the UI thread calls this when loaded)."""
        wanted = self._reveal
        if wanted and select_row_of(self.table, lambda r: self.record_id(r) in wanted):
            self._reveal = None
