"""Pārbaudes: the findings of a year, filterable by rule and severity; double-click opens the record."""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.formats import fmt_date
from swdesk.gui.context import AppContext
from swdesk.gui.models import ROW_ROLE, FindingsModel, TableFilterProxy, rule_labels
from swdesk.gui.operations import Reloader
from swdesk.gui.views.dashboard import as_of_for
from swdesk.gui.widgets import make_table

if TYPE_CHECKING:
    from swdesk.gui.mainwindow import MainWindow

RULE_ORDER = tuple(rule_labels())


def load_findings(
    database: Database, year: int, unit_id: int | None = None
) -> tuple[list[Any], dict[str, str]]:
    """The findings of ``year`` and a readable name for each subject; with ``unit_id`` those of the
    structural unit's people (the ratios and vacancies stay the municipality's, ``checks.SERVICE_WIDE``)."""
    from swdesk.rules.checks import check_year

    as_of = as_of_for(year)
    with database.read() as session:
        findings = list(check_year(session, year=year, as_of=as_of, unit_id=unit_id).findings)
        staff = {
            nr: f"{first} {last}"
            for nr, first, last in session.execute(
                select(m.Staff.tabeles_nr, m.Staff.first_name, m.Staff.last_name)
            )
        }
        positions = dict(session.execute(select(m.Position.code, m.Position.name)).all())
        work_types = dict(session.execute(select(m.WorkType.code, m.WorkType.name)).all())
        service = session.scalar(select(m.Service.name).order_by(m.Service.id).limit(1)) or ""
    names: dict[str, str] = {}
    for finding in findings:
        subject = finding.subject or ""
        parts = subject.split(":")
        if parts[0] == "staff" and len(parts) >= 2:
            text = f"{staff.get(parts[1], '?')} ({parts[1]})"
            if len(parts) >= 3:
                text += f", {work_types.get(parts[2], parts[2])}"
            names[subject] = text
        elif parts[0] == "vacancy" and len(parts) >= 3:
            try:
                day = fmt_date(dt.date.fromisoformat(parts[2]))
            except ValueError:
                day = parts[2]
            names[subject] = f"{positions.get(parts[1], parts[1])}, {day}"
        elif parts[0] == "worktype" and len(parts) >= 2:
            names[subject] = work_types.get(parts[1], parts[1])
        elif subject == "service":
            names[subject] = service
    return findings, names


class FindingsView(QWidget):
    loaded = Signal()

    def __init__(
        self, ctx: AppContext, *, window: MainWindow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window_ = window
        self._loader = Reloader(self, self._prepare, self._loaded)
        self.model = FindingsModel(self)
        self.proxy = TableFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table(self)
        self.table.setModel(self.proxy)
        self.table.setWordWrap(False)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self.open_record)

        self.year = QComboBox()
        this_year = dt.date.today().year
        for y in range(this_year - 5, this_year + 1):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.count() - 1)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.severity = QComboBox()
        for label, value in (
            (self.tr("All severities"), None),
            (self.tr("Errors"), "error"),
            (self.tr("Warnings"), "warning"),
            (self.tr("Information"), "info"),
        ):
            self.severity.addItem(label, value)
        self.rule = QComboBox()
        # as wide as its longest entry: a card's set of rules was cut to "Lietas virs kritērija + Svērtā"
        self.rule.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_rules(())
        self.severity.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.rule.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.count = QLabel()
        self.hint = QLabel(self.tr("Double-click a finding to open the record it concerns."))
        self.hint.setStyleSheet("color: #555555;")
        # the chosen finding in full: the table's message column is cut to its width
        self.detail = QLabel()
        self.detail.setObjectName("findingDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.detail.setMinimumHeight(4 * self.detail.fontMetrics().lineSpacing() + 4)
        detail_box = QFrame()
        detail_box.setFrameShape(QFrame.Shape.StyledPanel)
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(8, 6, 8, 6)
        detail_layout.addWidget(self.detail)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_selected())
        self.proxy.modelReset.connect(self._show_selected)
        self.proxy.layoutChanged.connect(self._show_selected)
        self.proxy.rowsRemoved.connect(lambda *_a: self._show_selected())

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year:")))
        bar.addWidget(self.year)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Severity:")))
        bar.addWidget(self.severity)
        bar.addSpacing(8)
        bar.addWidget(QLabel(self.tr("Rule:")))
        bar.addWidget(self.rule)
        bar.addSpacing(8)
        bar.addWidget(self.filter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(detail_box)
        layout.addLayout(bottom)
        self._show_selected()

    def _fill_rules(self, rules: tuple[str, ...], label: str | None = None) -> None:
        labels = rule_labels()
        self.rule.blockSignals(True)
        self.rule.clear()
        # item data: the rule ids joined by commas ("" = every rule)
        self.rule.addItem(self.tr("All rules"), "")
        if len(rules) > 1:
            names = " + ".join(labels.get(r, r) for r in rules)
            self.rule.addItem(label or names, ",".join(rules))
            self.rule.setItemData(1, names, Qt.ItemDataRole.ToolTipRole)
        for rule in RULE_ORDER:
            self.rule.addItem(labels[rule], rule)
        index = self.rule.findData(",".join(rules)) if rules else 0
        self.rule.setCurrentIndex(max(index, 0))
        self.rule.blockSignals(False)

    def show_year(self, year: int, *, rules: tuple[str, ...] = (), label: str | None = None) -> None:
        """The findings of ``year``, of ``rules`` only when given (a dashboard card's, named ``label``)."""
        self._fill_rules(rules, label)
        self.severity.setCurrentIndex(0)
        index = self.year.findData(year)
        if index < 0:
            self.year.addItem(str(year), year)
            index = self.year.count() - 1
        if index != self.year.currentIndex():
            self.year.setCurrentIndex(index)  # → refresh
        else:
            self._apply_filter()

    def _apply_filter(self) -> None:
        rules = set(filter(None, (self.rule.currentData() or "").split(",")))
        severity = self.severity.currentData()

        def accept(finding: Any) -> bool:
            return (not rules or finding.rule in rules) and (severity is None or finding.severity == severity)

        self.proxy.set_predicate(accept)
        self._update_count()
        if self.selected() is None and self.proxy.rowCount():
            self.table.selectRow(0)
        rows = self.table.selectionModel().selectedRows()
        if rows:  # the finding read below is the one seen chosen in the list
            self.table.scrollTo(rows[0])
        self._show_selected()

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def _show_selected(self) -> None:
        finding = self.selected()
        if finding is None:
            self.detail.setText(
                '<span style="color: #555555;">'
                + html.escape(self.tr("Choose a finding to read it in full here."))
                + "</span>"
            )
            return
        head = " · ".join(
            part
            for part in (
                self.model.severity_label(finding.severity),
                self.model.rule_label(finding.rule),
                self.model.subject_label(finding),
            )
            if part
        )
        self.detail.setText(f"<b>{html.escape(head)}</b><br>{html.escape(finding.message)}")

    def _update_count(self) -> None:
        self.count.setText(
            self.tr("%1 of %2 findings shown")
            .replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount()))
        )

    def refresh(self) -> None:
        self._loader.load()

    def _prepare(self) -> Any:
        year = int(self.year.currentData())
        database, unit_id = self.ctx.database, self.ctx.unit_id
        self.count.setText(self.tr("Loading…"))
        return lambda: load_findings(database, year, unit_id)

    def _loaded(self, result: tuple[list[Any], dict[str, str]]) -> None:
        findings, names = result
        self.model.subject_names = names
        self.model.set_rows(findings)
        self._apply_filter()
        self.table.resizeColumnsToContents()
        for column, width in ((2, 260), (5, 600)):
            if self.table.columnWidth(column) > width:
                self.table.setColumnWidth(column, width)
        self.loaded.emit()

    def open_record(self, index: QModelIndex) -> None:
        finding = index.data(ROW_ROLE)
        if finding is None or self.window_ is None:
            return
        parts = (finding.subject or "").split(":")
        if parts[0] == "staff" and len(parts) >= 2:
            self.window_.open_staff(parts[1])
        elif parts[0] == "vacancy" and len(parts) >= 3:
            self.window_.open_vacancy(position_code=parts[1], announced=parts[2])
