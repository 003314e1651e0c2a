"""Pārskats: traffic-light cards for each norm area from ``check_year``, and three charts."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from swdesk import staff_terms
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.formats import fmt_date, fmt_hours, fmt_number, fmt_share
from swdesk.gui.charts import BarChart
from swdesk.gui.context import AppContext
from swdesk.gui.operations import Reloader

if TYPE_CHECKING:
    from swdesk.gui.mainwindow import MainWindow

GREEN, AMBER, RED, GREY = "#2e7d32", "#ef8f00", "#c62828", "#9e9e9e"
# the view's width from which a row holds 5 (or 4) cards: each card needs about 190 px for its title and word
CARD_ROW_WIDTH = {5: 1000, 4: 800}

# (card key, rule ids behind it)
CARDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ratio", ("staffing.ratio", "population.stale")),
    ("effective", ("staffing.effective_ratio",)),
    ("caseload", ("caseload.over_criterion", "caseload.weighted_over_capacity", "caseload.no_criterion")),
    ("duties", ("duties.share",)),
    ("training", ("training.hours",)),
    ("supervision", ("supervision.hours",)),
    ("education", ("education.compliance",)),
    ("pay", ("salary.below_scale",)),
    ("vacancies", ("vacancy.long_open",)),
)


def as_of_for(year: int, today: dt.date | None = None) -> dt.date:
    """The checks' default as-of date D: the earlier of today and 31 December of the year (SPEC §2)."""
    today = today or dt.date.today()
    return min(today, dt.date(year, 12, 31))


@dataclass
class DashboardData:
    """Everything the dashboard shows for one year, loaded off the UI thread."""

    year: int
    as_of: dt.date
    findings: list[Any]
    ratio_limit: Decimal
    duties_threshold: Decimal
    vacancy_days: int
    staffing: Any  # rules.checks.StaffingMeasure: P, S, S_eff and what each lacks for the norm
    open_vacancies: int
    ratio_by_year: list[tuple[int, float | None]] = field(default_factory=list)
    caseload_by_month: list[tuple[int, float | None]] = field(default_factory=list)
    duties_by_category: list[tuple[str, float]] = field(default_factory=list)
    # the structural unit chosen (issue 14): its people employed on D and their FTE; None: the whole service
    unit_name: str | None = None
    people: int = 0
    fte: Decimal = Decimal(0)


def _ratio(snapshot: Any, staff: Decimal, year: int) -> Decimal | None:
    """P / S for the population of ``year`` (or the latest earlier one); None without either."""
    population = snapshot.population_for(year)
    return None if population is None or staff <= 0 else Decimal(population[1]) / staff


def load_dashboard(
    database: Database, year: int, today: dt.date | None = None, unit_id: int | None = None
) -> DashboardData:
    """Run the checks of ``year`` and measure the ratios with the rules' own functions (one snapshot).

    With ``unit_id`` (a structural unit, issue 14) the findings, the caseload and duty charts and the
    people and FTE count only the unit's people (``swdesk.units.staff_in_unit``, sub-units included); the
    ratios per 1000 residents and the vacancies stay the municipality's (``checks.SERVICE_WIDE``)."""
    from swdesk import units
    from swdesk.rules import checks
    from swdesk.rules.data import load_snapshot
    from swdesk.settings import Settings

    as_of = as_of_for(year, today)
    this_year = (today or dt.date.today()).year
    with database.read() as session:
        settings = Settings.load(session, as_of)
        staff_ids = units.unit_period_staff(session, unit_id, year, as_of)
        unit_name = None if unit_id is None else session.scalar(
            select(m.StructuralUnit.name).where(m.StructuralUnit.id == unit_id))
        snapshot = load_snapshot(session, since=dt.date(year, 1, 1), until=min(as_of, dt.date(year, 12, 31)))
        result = checks.run_checks(snapshot, year=year, as_of=as_of, settings=settings, staff_ids=staff_ids)
        ctx = checks.make_context(snapshot, year=year, as_of=as_of, settings=settings)
        counted = snapshot if staff_ids is None else units.only_staff(snapshot, staff_ids)
        on_day = [p for p in counted.as_of(as_of).staff if p.active_on(as_of)]
        people, fte_total = len(on_day), sum((p.fte for p in on_day), Decimal(0))
        staffing = checks.staffing_measure(ctx)

        # residents per specialist over the years that have a population (at most the last 10)
        first_year = min([y for y in snapshot.population if y <= this_year] or [this_year])
        ratio_by_year: list[tuple[int, float | None]] = []
        for y in range(max(first_year, this_year - 9), this_year + 1):
            past = checks.make_context(snapshot, year=y, as_of=as_of_for(y, today), settings=settings)
            staff = sum((checks.staffing_unit(past, p) for p in checks.sds_active(past)), Decimal(0))
            value = _ratio(snapshot, staff, y)
            ratio_by_year.append((y, None if value is None else float(value)))

        # cases per FTE by month: Σ cases ÷ Σ FTE of the people with a cases value that month
        rows = session.execute(
            select(m.Caseload.month, m.Caseload.staff_id, func.sum(m.Caseload.cases), m.Staff.fte)
            .join(m.Staff, m.Staff.id == m.Caseload.staff_id)
            .where(
                m.Caseload.month >= dt.date(year, 1, 1),
                m.Caseload.month <= dt.date(year, 12, 1),
                m.Caseload.cases.is_not(None),
                *(() if staff_ids is None else (m.Caseload.staff_id.in_(list(staff_ids)),)),
            )
            .group_by(m.Caseload.month, m.Caseload.staff_id, m.Staff.fte)
        ).all()
        cases: dict[int, float] = defaultdict(float)
        fte: dict[int, float] = defaultdict(float)
        # the month's own FTE where it changed from a date (issue 17)
        changed = staff_terms.changed_terms(session)
        spans = {sid: (start, end) for sid, start, end in session.execute(
            select(m.Staff.id, m.Staff.start, m.Staff.end).where(m.Staff.id.in_(list(changed))))} if changed else {}
        for month, staff_id, total, person_fte in rows:
            if staff_id in changed:
                start, end = spans[staff_id]
                person_fte = staff_terms.in_month(changed[staff_id], month=month, start=start, end=end).fte
            cases[month.month] += float(total or 0)
            fte[month.month] += float(person_fte)
        caseload_by_month = [(n, cases[n] / fte[n] if fte.get(n) else None) for n in range(1, 13)]

        names = dict(session.execute(select(m.DutyCategory.code, m.DutyCategory.name)).all())
        duty_rows = session.execute(
            select(m.Duty.category_code, func.sum(m.Duty.hours))
            .where(m.Duty.date >= dt.date(year, 1, 1), m.Duty.date <= dt.date(year, 12, 31),
                   *(() if staff_ids is None else (m.Duty.staff_id.in_(list(staff_ids)),)))
            .group_by(m.Duty.category_code)
        ).all()
        duties = sorted(
            ((names.get(code, code), float(total or 0)) for code, total in duty_rows),
            key=lambda pair: -pair[1],
        )
    open_vacancies = sum(
        1 for v in snapshot.vacancies if v.announced <= as_of and (v.filled is None or v.filled > as_of)
    )
    return DashboardData(
        year=year,
        as_of=as_of,
        findings=list(result.findings),
        ratio_limit=settings.ratio_limit,
        duties_threshold=settings.duties_threshold,
        vacancy_days=settings.vacancy_days,
        staffing=staffing,
        open_vacancies=open_vacancies,
        ratio_by_year=ratio_by_year,
        caseload_by_month=caseload_by_month,
        duties_by_category=duties,
        unit_name=unit_name,
        people=people,
        fte=fte_total,
    )


class Card(QFrame):
    """One traffic-light card; a click opens the findings behind it."""

    clicked = Signal(str)

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.rules: tuple[str, ...] = dict(CARDS)[key]  # the findings a click opens
        self.setObjectName("card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(96)
        self.title = QLabel(title)
        # a long title ("Nesaistīto pienākumu daļa") takes two lines in a narrow window rather than pushing the
        # five cards of a row past its edge
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.value = QLabel()
        self.value.setWordWrap(True)
        self.limit = QLabel()
        self.limit.setWordWrap(True)
        self.limit.setStyleSheet("color: #555555;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 10, 8)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addWidget(self.value)
        layout.addWidget(self.limit)
        layout.addStretch(1)
        self.colour = GREY
        self.set_state(GREY, "", "", "")

    def set_state(self, colour: str, status: str, value: str, limit: str) -> None:
        self.colour = colour
        self.update()
        self.status.setText(status)
        self.status.setStyleSheet("color: " + colour + "; font-weight: bold;")
        self.value.setText(value)
        self.limit.setText(limit)

    def paintEvent(self, event: QPaintEvent) -> None:
        # drawn rather than styled: a white card with a thin frame and a coloured strip on the left
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        painter.setPen(QColor("#d0d0d0"))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.fillRect(0, 0, 6, self.height(), QColor(self.colour))
        painter.end()
        super().paintEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.key)
        super().mouseReleaseEvent(event)


class DashboardView(QWidget):
    loaded = Signal()

    def __init__(
        self, ctx: AppContext, *, window: MainWindow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window_ = window
        self.data: DashboardData | None = None
        self._loader = Reloader(self, self._prepare, self._loaded, self._failed)

        self.year = QComboBox()
        this_year = dt.date.today().year
        for y in range(this_year - 5, this_year + 1):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.count() - 1)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.as_of = QLabel()
        self.as_of.setWordWrap(True)
        head = QHBoxLayout()
        head_label = QLabel(self.tr("Year:"))
        head.addWidget(head_label)
        head.addWidget(self.year)
        head.addSpacing(12)
        head.addWidget(self.as_of, 1)

        self.cards: dict[str, Card] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        self.card_grid = grid
        self.card_columns = 0
        for key, _rules in CARDS:
            card = Card(key, self.card_titles()[key])
            card.clicked.connect(self.open_card)
            self.cards[key] = card
        self._lay_out_cards(5)

        self.ratio_chart = BarChart()
        self.caseload_chart = BarChart()
        self.duties_chart = BarChart(horizontal=True)
        charts = QHBoxLayout()
        charts.setSpacing(8)
        charts.addWidget(self.ratio_chart, 1)
        charts.addWidget(self.caseload_chart, 1)
        charts.addWidget(self.duties_chart, 1)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(head)
        layout.addLayout(grid)
        layout.addLayout(charts, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _lay_out_cards(self, columns: int) -> None:
        """Five cards a row, fewer in a narrow window, so that none is pushed past the window's edge."""
        if columns == self.card_columns:
            return
        for card in self.cards.values():
            self.card_grid.removeWidget(card)
        for i, card in enumerate(self.cards.values()):
            self.card_grid.addWidget(card, i // columns, i % columns)
        for col in range(max(columns, self.card_columns)):
            self.card_grid.setColumnStretch(col, 1 if col < columns else 0)
        self.card_columns = columns

    def resizeEvent(self, event: QResizeEvent) -> None:
        width = event.size().width()
        self._lay_out_cards(5 if width >= CARD_ROW_WIDTH[5] else 4 if width >= CARD_ROW_WIDTH[4] else 3)
        super().resizeEvent(event)

    def card_titles(self) -> dict[str, str]:
        return {
            "ratio": self.tr("1:1000 norm"),
            "effective": self.tr("Effective ratio"),
            "caseload": self.tr("Caseloads"),
            "duties": self.tr("Non-social-work share"),
            "training": self.tr("Training"),
            "supervision": self.tr("Supervision"),
            "education": self.tr("Education"),
            "pay": self.tr("Pay"),
            "vacancies": self.tr("Vacancies"),
        }

    def selected_year(self) -> int:
        return int(self.year.currentData())

    def set_year(self, year: int) -> None:
        index = self.year.findData(year)
        if index < 0:
            self.year.addItem(str(year), year)
            index = self.year.count() - 1
        self.year.setCurrentIndex(index)

    # --- loading --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the year off the UI thread; a newer request replaces one still running."""
        self._loader.load()

    def _prepare(self) -> Any:
        database, year, unit_id = self.ctx.database, self.selected_year(), self.ctx.unit_id
        self.as_of.setText(self.tr("Loading…"))
        return lambda: load_dashboard(database, year, unit_id=unit_id)

    def _failed(self, exc: BaseException) -> None:
        from swdesk.gui.errors import show_error

        self.as_of.setText("")
        show_error(self, exc)

    def _loaded(self, data: DashboardData) -> None:
        self.data = data
        checked = self.tr("Checked as of %1").replace("%1", fmt_date(data.as_of))
        if data.unit_name is not None:  # the unit's people on D; the ratios stay the municipality's
            checked += " · " + (
                self.tr("%1 — staff: %2, FTE: %3; ratios and vacancies: the whole municipality")
                .replace("%1", data.unit_name).replace("%2", str(data.people)).replace("%3", fmt_number(data.fte, 2))
            )
        self.as_of.setText(checked)
        for key, rules in CARDS:
            self._update_card(key, rules, data)
        self._update_charts(data)
        self.loaded.emit()

    # --- cards ----------------------------------------------------------------------------------------

    def _update_card(self, key: str, rules: tuple[str, ...], data: DashboardData) -> None:
        """Colour, word, figures and the findings a click opens: all from the same findings, so that a card
        never says "in order" or "no findings" over what its click then shows."""
        card = self.cards[key]
        staffing = data.staffing
        if key == "effective" and staffing.has_population and staffing.staff <= 0:
            # without any specialist R2 stays silent and R1 says it: the card shows (and opens) R1's finding
            rules = (*rules, "staffing.ratio")
        card.rules = rules
        findings = [f for f in data.findings if f.rule in rules]
        severities = {f.severity for f in findings}
        if "error" in severities:
            colour, status = RED, self.tr("Not met")
        elif "warning" in severities:
            colour, status = AMBER, self.tr("Attention")
        elif key in ("ratio", "effective") and not staffing.has_population:
            colour, status = GREY, self.tr("No data")  # nothing to measure against (R12 says why)
        elif findings:
            colour, status = GREEN, self.tr("Note")
        else:
            colour, status = GREEN, self.tr("In order")
        count = len([f for f in findings if f.severity != "info"])
        notes = len(findings) - count
        value, limit = "", ""
        if key in ("ratio", "effective"):
            ratio = staffing.ratio if key == "ratio" else staffing.effective_ratio
            shortfall = staffing.shortfall if key == "ratio" else staffing.effective_shortfall
            if not staffing.has_population:
                lines = [self.tr("No population for this year")]
            elif staffing.staff <= 0:
                lines = [self.tr("No specialists")]
            elif ratio is None:
                lines = [self.tr("No time left for social work")]
            else:
                lines = [self.tr("%1 residents per specialist").replace("%1", fmt_number(ratio, 1))]
            if shortfall:
                missing = (
                    self.tr("%1 specialists short of the norm")
                    if staffing.basis == "headcount"
                    else self.tr("%1 FTE short of the norm")
                )
                lines.append(missing.replace("%1", fmt_number(shortfall, 2)))
            value = "\n".join(lines)
            limit = self.tr("Limit: %1").replace("%1", fmt_number(data.ratio_limit, 0))
            if data.unit_name is not None:
                limit += " " + self.tr("(whole municipality)")
        elif key == "duties":
            worst = max((f for f in findings if f.value is not None), key=lambda f: f.value, default=None)
            value = (
                self.tr("%1 staff members above the limit, highest %2")
                .replace("%1", str(count))
                .replace("%2", fmt_share(worst.value))
                if worst is not None
                else self.tr("Nobody above the limit")
            )
            limit = self.tr("Limit: %1 of working time").replace("%1", fmt_share(data.duties_threshold))
        elif key == "vacancies":
            value = (
                self.tr("%1 open, %2 open too long")
                .replace("%1", str(data.open_vacancies))
                .replace("%2", str(count))
            )
            limit = self.tr("Limit: %1 days").replace("%1", str(data.vacancy_days))
            if data.unit_name is not None:
                limit += " " + self.tr("(whole municipality)")
        else:
            # informational findings (R5: a work type without a criterion) are counted as notes
            if count and notes:
                value = self.tr("%1 findings, %2 notes").replace("%1", str(count)).replace("%2", str(notes))
            elif count:
                value = self.tr("%1 findings").replace("%1", str(count))
            elif notes:
                value = self.tr("%1 notes").replace("%1", str(notes))
            else:
                value = self.tr("No findings")
            limit = {
                "caseload": self.tr("Limit: the workload criteria"),
                "training": self.tr("Norm: training hours of the position"),
                "supervision": self.tr("Norm: individual or group supervision hours"),
                "education": self.tr("Norm: education required for the position"),
                "pay": self.tr("Norm: minimum of the salary group"),
            }[key]
        card.set_state(colour, status, value, limit)

    def open_card(self, key: str) -> None:
        rules = self.cards[key].rules
        if self.window_ is not None:
            label = self.tr("Card “%1”").replace("%1", self.cards[key].title.text())
            self.window_.open_findings(year=self.selected_year(), rules=rules, label=label)

    # --- charts ---------------------------------------------------------------------------------------

    def _update_charts(self, data: DashboardData) -> None:
        self.ratio_chart.set_data(
            self.tr("Residents per specialist") if data.unit_name is None
            else self.tr("Residents per specialist (whole municipality)"),
            [str(y) for y, _ in data.ratio_by_year],
            [v for _, v in data.ratio_by_year],
            limit=float(data.ratio_limit),
            limit_label=fmt_number(data.ratio_limit, 0),
            empty_text=self.tr("No population or no specialists yet."),
            fmt=lambda v: fmt_number(v, 0),
        )
        self.caseload_chart.set_data(
            self.tr("Cases per FTE by month, %1").replace("%1", str(data.year)),
            [str(n) for n, _ in data.caseload_by_month],
            [v for _, v in data.caseload_by_month],
            empty_text=self.tr("No caseloads entered for this year."),
            fmt=lambda v: fmt_number(v, 0),
        )
        top = data.duties_by_category[:8]
        self.duties_chart.set_data(
            self.tr("Non-social-work hours by category, %1").replace("%1", str(data.year)),
            [name for name, _ in top],
            [hours for _, hours in top],
            empty_text=self.tr("No non-social-work duties entered for this year."),
            fmt=fmt_hours,  # as entered: a 3,5 h duty is 3,5 h, not 4 h
        )

