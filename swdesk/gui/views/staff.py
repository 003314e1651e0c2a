"""Darbinieki: the staff table with add, edit, end employment and delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk import staff_terms
from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_eur, fmt_fte, fmt_input, parse_date
from swdesk.gui.context import AppContext
from swdesk.gui.models import ROW_ROLE, StaffModel, TableFilterProxy, collation_key
from swdesk.gui.record_forms import add_history_button
from swdesk.gui.widgets import DateEdit, DecimalEdit, EditDialog, FormProblem, fit_columns, make_table

THROUGH = "forma:Darbinieki"  # the source of this view's changes in the history


class StaffDialog(EditDialog):
    """Add or edit one staff member; saves at once in one transaction when Save is pressed."""

    def __init__(self, ctx: AppContext, staff: m.Staff | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.staff_id = staff.id if staff else None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Edit staff member") if staff else self.tr("New staff member"))
        self.setMinimumWidth(560)

        with ctx.database.read() as session:
            positions = sorted(
                session.execute(select(m.Position.code, m.Position.name)).all(),
                key=lambda p: collation_key(p.name),
            )
            educations = session.execute(
                select(m.Education.code, m.Education.name).order_by(m.Education.code)
            ).all()
            unit_names = sorted(session.scalars(select(m.StructuralUnit.name)).all(), key=collation_key)

        self.tabeles_nr = QLineEdit()
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.personal_code = QLineEdit()
        self.personal_code.setPlaceholderText(self.tr("optional, e.g. 010190-12345"))
        self.position = QComboBox()
        for code, name in positions:
            self.position.addItem(name, code)
        self.fte = DecimalEdit()
        self.fte.setText("1,0")
        self.start = DateEdit()
        self.end = DateEdit()
        self.end_hint = QLabel(self.tr("empty while the employment continues"))
        self.end_hint.setStyleSheet("color: #555555;")
        self.education = QComboBox()
        for code, name in educations:
            self.education.addItem(f"{code} — {name}", code)
            self.education.setItemData(self.education.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        # the whole name of each level, also when closed: "…izglītība so" tells the head nothing. A minimum, not
        # only a preferred width: Qt opens a dialog at most 2/3 of the screen wide, which cut the name on any
        # screen under 1300 px (the main window itself needs 1000 px)
        self.education.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.education.setMinimumWidth(self.education.sizeHint().width())
        self.salary = DecimalEdit()
        self.unit_name = QLineEdit()
        # a unit of the service's list (issue 14): offered as one types, any part of the name; the records
        # layer refuses a name the list lacks, saying where the list is kept
        units = QCompleter(unit_names, self.unit_name)
        units.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        units.setFilterMode(Qt.MatchFlag.MatchContains)
        self.unit_name.setCompleter(units)
        self.unit_name.setPlaceholderText(self.tr("a unit of the list (Criteria and settings → Structural units)"))
        self.specialization = QLineEdit()

        end_row = QHBoxLayout()
        end_row.addWidget(self.end)
        end_row.addWidget(self.end_hint, 1)
        start_row = QHBoxLayout()
        start_row.addWidget(self.start)
        start_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Employee no.:"), self.tabeles_nr)
        form.addRow(self.tr("First name:"), self.first_name)
        form.addRow(self.tr("Last name:"), self.last_name)
        form.addRow(self.tr("Personal code:"), self.personal_code)
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("FTE:"), self.fte)
        form.addRow(self.tr("Start of employment:"), start_row)
        form.addRow(self.tr("End of employment:"), end_row)
        form.addRow(self.tr("Education:"), self.education)
        form.addRow(self.tr("Monthly salary, full time (EUR):"), self.salary)
        form.addRow(self.tr("Unit:"), self.unit_name)
        form.addRow(self.tr("Specialisation:"), self.specialization)
        # issue 17: FTE, position, education, salary and unit change from a date; asked only once one changed
        self.valid_from = DateEdit(dt.date.today())
        self.valid_from.setToolTip(self.tr(
            "FTE, position, education, salary and unit take the new values from this date; every figure "
            "before it (checks, claims, surveys of earlier periods) keeps the earlier values."))
        valid_from_row = QHBoxLayout()
        valid_from_row.addWidget(self.valid_from)
        valid_from_row.addWidget(QLabel(self.tr("(from which date the change applies)")), 1)
        form.addRow(self.tr("Changes apply from:"), valid_from_row)
        self.form, self.valid_from_row = form, form.rowCount() - 1
        self.history = QTableWidget(0, 6)
        self.history.setHorizontalHeaderLabels([
            self.tr("From"), self.tr("Position"), self.tr("FTE"), self.tr("Education"),
            self.tr("Salary"), self.tr("Unit"),
        ])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        # four terms without scrolling; a longer history scrolls
        rows = self.history.verticalHeader().defaultSectionSize()
        self.history.setFixedHeight(rows * 4 + self.history.horizontalHeader().sizeHint().height() + 4)
        self.history_label = QLabel(self.tr("Changes over time"))
        self.history_label.setStyleSheet("font-weight: bold;")

        self.finish_form(form, self.history_label, self.history)
        # the explicit minimum replaces the layout's own: keep room for the education's whole name
        layout = self.layout()  # finish_form has set it
        if layout is not None:
            self.setMinimumWidth(max(self.minimumWidth(), layout.totalMinimumSize().width()))

        if staff is not None:
            self.tabeles_nr.setText(staff.tabeles_nr)
            self.first_name.setText(staff.first_name)
            self.last_name.setText(staff.last_name)
            self.personal_code.setText(staff.personal_code or "")
            self.position.setCurrentIndex(max(0, self.position.findData(staff.position_code)))
            self.fte.setText(fmt_fte(staff.fte))
            self.start.set_date(staff.start)
            self.end.set_date(staff.end)
            self.education.setCurrentIndex(max(0, self.education.findData(staff.education_code)))
            self.salary.setText(fmt_input(staff.salary, 2))
            self.unit_name.setText(staff.unit_name or "")
            self.specialization.setText(staff.specialization or "")
            self._show_history(staff.id)
        else:
            self.position.setCurrentIndex(max(0, self.position.findData("SD")))
            self.education.setCurrentIndex(max(0, self.education.findData("E3")))
            self.history_label.hide()
            self.history.hide()
        add_history_button(self, ctx, "staff", self.staff_id, self.windowTitle())
        self.loaded_terms = self._term_values()
        for signal in (self.position.currentIndexChanged, self.education.currentIndexChanged,
                       self.fte.textChanged, self.salary.textChanged, self.unit_name.textChanged):
            signal.connect(self._ask_valid_from)
        self._ask_valid_from()

    def _term_values(self) -> dict[str, Any]:
        """The values of the fields that change from a date, as the form holds them now."""
        return {
            "position_code": self.position.currentData(),
            "fte": self.fte.value(),
            "education_code": self.education.currentData(),
            "salary": self.salary.value(),
            "unit_name": self.unit_name.text().strip() or None,
        }

    def _terms_changed(self) -> bool:
        return self.staff_id is not None and self._term_values() != self.loaded_terms

    def _ask_valid_from(self) -> None:
        """"Changes apply from" is asked only of an edit that changes FTE, position, education, salary or unit."""
        self.form.setRowVisible(self.valid_from_row, self._terms_changed())

    def _show_history(self, staff_id: int) -> None:
        """The person's terms, newest first: "Izmaiņas laikā"."""
        with self.ctx.database.read() as session:
            row = session.get(m.Staff, staff_id)
            terms = staff_terms.history(row) if row is not None else []
        self.history.setRowCount(len(terms))
        for i, term in enumerate(terms):
            cells = (fmt_date(term.valid_from), self.position.itemText(self.position.findData(term.position_code))
                     or term.position_code, fmt_fte(term.fte), term.education_code, fmt_eur(term.salary),
                     term.unit_name or "")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(i, j, item)
        self.history.resizeColumnsToContents()

    def _fail(self, widget: QWidget, text: str) -> None:
        self.fail(widget, text)

    def save(self) -> None:
        """The dates are read here (a date that is not one); every limit — FTE above 0 and at most 1,5, the
        personal code's checksum, one person per employee number, the end not before the start, the date a
        change applies from — is the records layer's, with the import's words, shown at its field."""
        from swdesk.gui.record_forms import show_refusal
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            start = self.start.read(missing=self.tr("Enter the start of employment (dd.mm.yyyy)."))
            end = self.end.read(missing=None)
            valid_from = None
            if self._terms_changed():  # FTE, position, education, salary or unit: from the date asked
                valid_from = self.valid_from.read(missing=self.tr("Enter the date from which the change applies."))
        except FormProblem as problem:
            return self._fail(problem.widget, problem.message)

        def number(edit: DecimalEdit) -> Any:
            return edit.value() if edit.value() is not None else edit.text()  # the layer names what it is not

        values = {
            "tabeles_nr": self.tabeles_nr.text(),
            "first_name": self.first_name.text(),
            "last_name": self.last_name.text(),
            "personal_code": self.personal_code.text(),
            "position_code": self.position.currentData(),
            "fte": number(self.fte),
            "start": start,
            "end": end,
            "education_code": self.education.currentData(),
            "salary": number(self.salary),
            "unit_name": self.unit_name.text(),
            "specialization": self.specialization.text(),
        }
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                if self.staff_id is None:
                    staff = records.add("staff", values)
                else:  # from ``valid_from`` the figures before it keep the old values (swdesk.staff_terms)
                    staff = records.change("staff", self.staff_id, values, valid_from=valid_from)
                self.saved_id = staff.id
        except RecordError as error:
            fields = {
                "tabeles_nr": self.tabeles_nr, "first_name": self.first_name, "last_name": self.last_name,
                "personal_code": self.personal_code, "position_code": self.position, "fte": self.fte,
                "start": self.start.edit, "end": self.end.edit, "education_code": self.education,
                "salary": self.salary, "unit_name": self.unit_name, "specialization": self.specialization,
                "valid_from": self.valid_from.edit,
            }
            return show_refusal(self, error, fields)
        self.accept()


class EndEmploymentDialog(EditDialog):
    """The last working day of a staff member: typed or picked, never assumed to be today."""

    def __init__(self, staff: m.Staff, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("End employment"))
        self.staff_start = staff.start
        self.end: dt.date | None = None
        self.date = DateEdit()
        self.date.set_minimum(staff.start)
        form = QFormLayout()
        form.addRow(QLabel(self.tr("Last working day of %1:").replace("%1", staff.full_name)), self.date)
        self.finish_form(form)
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("End employment"))

    def save(self) -> None:
        typed = parse_date(self.date.text())
        if typed is not None and typed < self.staff_start:
            return self.fail(
                self.date,
                self.tr("The employment started on %1; it cannot end before that.").replace(
                    "%1", fmt_date(self.staff_start)
                ),
            )
        try:
            self.end = self.date.read(missing=self.tr("Enter the last working day (dd.mm.yyyy)."))
        except FormProblem as problem:
            return self.fail(problem.widget, problem.message)
        self.accept()


class StaffView(QWidget):
    """The staff table: filter, sort, add, edit (double-click), end employment, delete."""

    staff_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = StaffModel(self)
        self.proxy = TableFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name, number, position…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_former = QCheckBox(self.tr("Show former staff"))
        self.show_former.toggled.connect(self._apply_former)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.end_button = QPushButton(self.tr("End employment…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        # issue 15: the selected person's data (art. 15, 17) and the former staff due for anonymisation
        self.personal_button = QPushButton(self.tr("Personal data…"))
        self.personal_button.clicked.connect(self.personal_data)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 2)
        bar.addWidget(self.show_former)
        bar.addStretch(1)
        for button in (
            self.add_button,
            self.edit_button,
            self.end_button,
            self.delete_button,
            self.personal_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.proxy.rowsInserted.connect(lambda *_: self._update_count())
        self.proxy.rowsRemoved.connect(lambda *_: self._update_count())
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._apply_former(False)
        self._update_buttons()

    def refresh(self) -> None:
        keep = self.selected()
        with self.ctx.database.read() as session:
            stmt = select(m.Staff).order_by(m.Staff.last_name, m.Staff.first_name)
            if self.ctx.unit_id is not None:  # the structural unit chosen (issue 14): its people today
                from swdesk import units

                stmt = stmt.where(m.Staff.id.in_(list(units.members_on(session, self.ctx.unit_id, dt.date.today()))))
            rows = session.scalars(stmt).unique().all()
            session.expunge_all()  # keep the loaded values: the read session's rollback would expire them
        self.model.today = dt.date.today()
        self.model.set_rows(rows)
        fit_columns(self.table)
        if keep is not None:
            self.select_staff(keep.id, reveal=False)
        self._update_count()
        self._update_buttons()

    def _apply_former(self, show: bool) -> None:
        today = dt.date.today()
        self.proxy.set_predicate(None if show else (lambda s: s.end is None or s.end >= today))

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 staff members shown")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.edit_button, self.end_button, self.delete_button):
            button.setEnabled(has)

    def selected(self) -> m.Staff | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ROW_ROLE) if rows else None

    def select_staff(self, staff_id: int, *, reveal: bool = True) -> bool:
        """Select the row of ``staff_id``; ``reveal`` shows former staff and clears the filter if needed."""
        source_row = self.model.row_of(lambda s: s.id == staff_id)
        if source_row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid() and not reveal:
            return False
        if not index.isValid() and not self.show_former.isChecked():
            self.show_former.setChecked(True)  # a former employee: show them rather than fail
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            self.filter.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def select_tabeles_nr(self, tabeles_nr: str) -> m.Staff | None:
        source_row = self.model.row_of(lambda s: s.tabeles_nr == tabeles_nr)
        if source_row < 0:
            return None
        staff = self.model.rows[source_row]
        return staff if self.select_staff(staff.id) else None

    def _saved(self, staff_id: int | None, *, reveal: bool = True) -> None:
        self.ctx.changed()
        self.refresh()
        if staff_id is not None:
            self.select_staff(staff_id, reveal=reveal)

    def personal_data(self) -> None:
        from swdesk.gui.views.personal_data import open_personal_data

        staff = self.selected()
        dialog = open_personal_data(self.ctx, staff.tabeles_nr if staff else None, self)
        dialog.changed.connect(lambda: self._saved(None))
        dialog.open()

    def add(self) -> None:
        dialog = StaffDialog(self.ctx, parent=self)
        if dialog.exec():
            self._saved(dialog.saved_id)

    def edit_selected(self, _index: QModelIndex | None = None) -> None:
        staff = self.selected()
        if staff is None:
            return
        dialog = StaffDialog(self.ctx, staff, parent=self)
        if dialog.exec():
            self._saved(dialog.saved_id)

    def end_selected(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        dialog = EndEmploymentDialog(staff, parent=self)
        if dialog.exec():
            from swdesk.gui.errors import show_error
            from swdesk.records import RecordError
            from swdesk.records.transaction import transaction

            try:
                with transaction(self.ctx.database, THROUGH) as records:
                    records.change("staff", staff.id, {"end": dialog.end})
            except RecordError as error:  # deleted meanwhile, or a term that starts after that day
                show_error(self, error, title=self.tr("End employment"))
            self._saved(staff.id, reveal=False)

    def delete_selected(self) -> None:
        staff = self.selected()
        if staff is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete staff member"),
            self.tr(
                "Delete %1 (%2)? Their caseloads, duties and training records are deleted too. "
                "To keep the history, end the employment instead."
            )
            .replace("%1", staff.full_name)
            .replace("%2", staff.tabeles_nr),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from swdesk.records.transaction import transaction

        with transaction(self.ctx.database, THROUGH) as records:  # with their caseloads, duties and training
            records.delete("staff", staff.id)
        self._saved(None)

    def staff_dialog_for(self, staff: Any) -> StaffDialog:
        return StaffDialog(self.ctx, staff, parent=self)
