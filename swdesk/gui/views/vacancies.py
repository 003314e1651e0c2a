"""Vakances: announced posts, open until filled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_fte
from swdesk.gui.context import AppContext
from swdesk.gui.models import TableFilterProxy, VacancyModel, collation_key
from swdesk.gui.record_forms import add_history_button
from swdesk.gui.widgets import (
    DateEdit,
    DecimalEdit,
    EditDialog,
    FormProblem,
    RecordActions,
    fit_columns,
    make_table,
)

THROUGH = "forma:Vakances"  # the source of this view's changes in the history


class VacancyDialog(EditDialog):
    def __init__(
        self, ctx: AppContext, vacancy: m.Vacancy | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vacancy_id = vacancy.id if vacancy else None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Edit vacancy") if vacancy else self.tr("New vacancy"))
        self.setMinimumWidth(480)
        with ctx.database.read() as session:
            positions = sorted(
                session.execute(select(m.Position.code, m.Position.name)).all(),
                key=lambda p: collation_key(p.name),
            )
        self.position = QComboBox()
        for code, name in positions:
            self.position.addItem(name, code)
        self.fte = DecimalEdit()
        self.fte.setText("1,0")
        self.announced = DateEdit()
        self.filled = DateEdit()
        filled_hint = QLabel(self.tr("empty while the vacancy is open"))
        filled_hint.setStyleSheet("color: #555555;")
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        announced_row = QHBoxLayout()
        announced_row.addWidget(self.announced)
        announced_row.addStretch(1)
        filled_row = QHBoxLayout()
        filled_row.addWidget(self.filled)
        filled_row.addWidget(filled_hint, 1)
        form = QFormLayout()
        form.addRow(self.tr("Position:"), self.position)
        form.addRow(self.tr("FTE:"), self.fte)
        form.addRow(self.tr("Announced:"), announced_row)
        form.addRow(self.tr("Filled on:"), filled_row)
        form.addRow(self.tr("Notes:"), self.notes)
        self.error = self.finish_form(form)
        if vacancy is not None:
            self.position.setCurrentIndex(max(0, self.position.findData(vacancy.position_code)))
            self.fte.setText(fmt_fte(vacancy.fte))
            self.announced.set_date(vacancy.announced)
            self.filled.set_date(vacancy.filled)
            self.notes.setPlainText(vacancy.notes or "")
        else:
            self.position.setCurrentIndex(max(0, self.position.findData("SD")))
        add_history_button(self, ctx, "vacancy", self.vacancy_id, self.windowTitle())

    def _fail(self, widget: QWidget, text: str) -> None:
        self.fail(widget, text)

    def save(self) -> None:
        """The dates are read here; every limit (FTE, filled after announced, one vacancy per position and
        day) is the records layer's, the same as the import's."""
        from swdesk.gui.record_forms import show_refusal
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            announced = self.announced.read(missing=self.tr("Enter the date the vacancy was announced (dd.mm.yyyy)."))
            filled = self.filled.read(missing=None)
        except FormProblem as problem:
            return self._fail(problem.widget, problem.message)
        values = {
            "position_code": self.position.currentData(),
            "fte": self.fte.value() if self.fte.value() is not None else self.fte.text(),
            "announced": announced,
            "filled": filled,
            "notes": self.notes.toPlainText(),
        }
        try:
            with transaction(self.ctx.database, THROUGH) as records:
                if self.vacancy_id is None:
                    vacancy = records.add("vacancy", values)
                else:
                    vacancy = records.change("vacancy", self.vacancy_id, values)
                self.saved_id = vacancy.id
        except RecordError as error:
            fields = {"position_code": self.position, "fte": self.fte, "announced": self.announced.edit,
                      "filled": self.filled.edit, "notes": self.notes}
            return show_refusal(self, error, fields, self.fte)
        self.accept()


class VacancyView(RecordActions, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = VacancyModel(self)
        self.proxy = TableFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_filled = QCheckBox(self.tr("Show filled vacancies"))
        self.show_filled.toggled.connect(self._apply_filled)
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 2)
        bar.addWidget(self.show_filled)
        bar.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._apply_filled(False)
        self._update_buttons()

    def refresh(self) -> None:
        with self.ctx.database.read() as session:
            names = dict(session.execute(select(m.Position.code, m.Position.name)).all())
            rows = session.scalars(select(m.Vacancy).order_by(m.Vacancy.announced)).all()
            session.expunge_all()  # keep the loaded values: the read session's rollback would expire them
        for row in rows:
            row.position_name = names.get(row.position_code, row.position_code)  # type: ignore[attr-defined]
        self.model.today = dt.date.today()
        self.model.set_rows(rows)
        fit_columns(self.table, limits={5: 400})
        self.count.setText(
            self.tr("%1 open vacancies").replace("%1", str(sum(1 for r in rows if r.filled is None)))
        )
        self._update_buttons()

    def _apply_filled(self, show: bool) -> None:
        self.proxy.set_predicate(None if show else (lambda v: v.filled is None))

    def dialog_for(self, vacancy: m.Vacancy | None) -> VacancyDialog:
        return VacancyDialog(self.ctx, vacancy, parent=self)

    def delete_selected(self) -> None:
        vacancy = self.selected()
        if vacancy is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete vacancy"),
            self.tr("Delete the vacancy %1 announced on %2?")
            .replace("%1", vacancy.position_name)
            .replace("%2", fmt_date(vacancy.announced)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            from swdesk.records.transaction import transaction

            with transaction(self.ctx.database, THROUGH) as records:
                records.delete("vacancy", vacancy.id)
            self._saved()
