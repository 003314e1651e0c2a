"""Vakances: announced posts, open until filled."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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
from sqlalchemy import delete, select

from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_fte
from swdesk.gui.context import AppContext
from swdesk.gui.models import TableFilterProxy, VacancyModel, collation_key
from swdesk.gui.widgets import (
    DateEdit,
    DecimalEdit,
    EditDialog,
    FormProblem,
    RecordActions,
    fit_columns,
    make_table,
)


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

    def _fail(self, widget: QWidget, text: str) -> None:
        self.fail(widget, text)

    def save(self) -> None:
        fte = self.fte.value()
        try:
            announced = self.announced.read(missing=self.tr("Enter the date the vacancy was announced (dd.mm.yyyy)."))
            filled = self.filled.read(missing=None)
        except FormProblem as problem:
            return self._fail(problem.widget, problem.message)
        assert announced is not None
        code = self.position.currentData()
        if fte is None or fte <= 0 or fte > Decimal("1.5"):
            return self._fail(self.fte, self.tr("FTE must be a number above 0 and at most 1,5 (e.g. 0,5)."))
        if filled is not None and filled < announced:
            return self._fail(self.filled, self.tr("A vacancy cannot be filled before it was announced."))
        with self.ctx.database.write() as session:
            clash = session.scalar(
                select(m.Vacancy.id).where(
                    m.Vacancy.position_code == code,
                    m.Vacancy.announced == announced,
                    m.Vacancy.id != (self.vacancy_id or -1),
                )
            )
            if clash is not None:
                return self._fail(
                    self.announced,
                    self.tr("A vacancy for this position announced on this date already exists."),
                )
            vacancy = session.get(m.Vacancy, self.vacancy_id) if self.vacancy_id else None
            if vacancy is None:
                vacancy = m.Vacancy()
                session.add(vacancy)
            vacancy.position_code, vacancy.fte, vacancy.announced, vacancy.filled = (
                code,
                fte,
                announced,
                filled,
            )
            vacancy.notes = self.notes.toPlainText().strip() or None
            session.flush()
            self.saved_id = vacancy.id
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
            with self.ctx.database.write() as session:
                session.execute(delete(m.Vacancy).where(m.Vacancy.id == vacancy.id))
            self._saved()
