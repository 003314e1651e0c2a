"""Plain, frozen data the norm checks and the survey work on: a snapshot of one service's database.

The rules never see SQLAlchemy objects. :func:`load_snapshot` reads every table with one bulk ``SELECT`` of
columns (no ORM objects, no per-row queries), so that a large service (about 1000 staff and five years of
monthly caseloads, ~100 000 rows) loads in well under a second. The record classes are deliberately small
and self-contained so that other parts of the program (e.g. the compensation claim) can build them from
their own queries and reuse them.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property, partial
from typing import Any, NamedTuple

from sqlalchemy import Select, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from swdesk.db import models as m

# Units of a caseload (SPEC §1.4) and the column that holds each.
UNIT_CASES = "LIETAS"
UNIT_APPLICATIONS = "IESN"
UNIT_PERSONS = "PERS"
ALL_POSITIONS = "*"


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    """The social service (sociālais dienests) that owns the database."""

    name: str
    municipality: str
    head_name: str | None = None


@dataclass(frozen=True, slots=True)
class PositionInfo:
    """Amats (position) with its flags and yearly norms, SPEC §1.1."""

    code: str
    name: str
    salary_group: int | None = None
    is_sds: bool = False
    training_hours: int | None = None
    supervision_norm: bool = False
    claim_eligible: bool = False
    allowed_education: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ScaleRow:
    """One row of the salary scale (mēnešalgu grupa, year): EUR per month for full time, SPEC §1.2."""

    group: int
    year: int
    min: Decimal
    mid: Decimal
    max: Decimal


class Term(NamedTuple):
    """The values of an employment in force from ``valid_from`` (issue 17 point 4, table ``staff_term``)."""

    valid_from: dt.date
    position_code: str
    fte: Decimal
    education_code: str
    salary: Decimal
    unit_name: str | None = None


def term_in_force(terms: Sequence[Term], day: dt.date) -> Term:
    """The term of ``terms`` (sorted by date, at least one) in force on ``day``; the first before it begins."""
    found = terms[0]
    for term in terms:
        if term.valid_from > day:
            break
        found = term
    return found


def month_reference_day(month: dt.date, start: dt.date, end: dt.date | None) -> dt.date:
    """The day whose values count for a whole calendar month (``month`` = its first day): its last day
    employed — a monthly caseload is the count at the month's end, so a change inside a month counts for the
    whole month (README, "Changes from a date")."""
    last = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    if end is not None and end < last:
        last = end
    return max(last, start)


@dataclass(frozen=True, slots=True)
class StaffMember:
    """Darbinieks: one employment, keyed by ``tabeles_nr`` (employee number).

    ``fte`` is the slodze (full-time equivalent, 1.0 = full time); ``salary`` the full-time monthly salary.
    FTE, position, salary, education and unit change from a date: ``terms`` holds them (sorted by date)
    when a person has more than one, and the fields hold the values of the day the record was taken for
    (:meth:`on`; as loaded, the newest term's). Without ``terms`` the values are the same on every day.
    """

    id: int
    tabeles_nr: str
    first_name: str
    last_name: str
    position_code: str
    fte: Decimal
    start: dt.date
    end: dt.date | None
    education_code: str
    salary: Decimal
    personal_code: str | None = None
    unit_name: str | None = None
    terms: tuple[Term, ...] = ()

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def on(self, day: dt.date) -> StaffMember:
        """This employment with the values in force on ``day`` (before the start: the first term's)."""
        if not self.terms:
            return self
        term = term_in_force(self.terms, day)
        if (term.position_code, term.fte, term.education_code, term.salary, term.unit_name) == (
            self.position_code, self.fte, self.education_code, self.salary, self.unit_name
        ):
            return self
        return replace(self, position_code=term.position_code, fte=term.fte, education_code=term.education_code,
                       salary=term.salary, unit_name=term.unit_name)

    def reference_day(self, day: dt.date) -> dt.date:
        """The day whose values stand for this employment "on ``day``": ``day`` itself while employed, else
        the last day employed before it, or the first day when it starts later (SPEC §2 R7's "on D, or on
        the last day employed")."""
        if day < self.start:
            return self.start
        if self.end is not None and self.end < day:
            return self.end
        return day

    def in_month(self, month: dt.date) -> StaffMember:
        """The values that count for a calendar month (``month`` = its first day): those in force on the
        month's last day employed — a monthly caseload is the count at the month's end, and a change inside
        a month counts for the whole month (README, "Changes from a date")."""
        if not self.terms:
            return self
        return self.on(month_reference_day(month, self.start, self.end))

    def spans(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, dt.date, StaffMember]]:
        """The days of [start, end] ∩ [first, last] cut where a term begins: (from, to, values then)."""
        employed = self.employed_range(first, last)
        if employed is None:
            return []
        lo, hi = employed
        if not self.terms:
            return [(lo, hi, self)]
        cuts = [t.valid_from for t in self.terms if lo < t.valid_from <= hi]
        bounds = [lo, *cuts]
        result = []
        for i, begin in enumerate(bounds):
            end = bounds[i + 1] - dt.timedelta(days=1) if i + 1 < len(bounds) else hi
            result.append((begin, end, self.on(begin)))
        return result

    def active_on(self, day: dt.date) -> bool:
        """SPEC §2: start ≤ day and (no end or end ≥ day)."""
        return self.start <= day and (self.end is None or self.end >= day)

    def employed_range(self, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
        """The days of [start, end] inside [first, last], both ends inclusive; None when they do not meet."""
        lo = max(self.start, first)
        hi = last if self.end is None else min(self.end, last)
        return (lo, hi) if lo <= hi else None

    def days_employed(self, first: dt.date, last: dt.date) -> int:
        """Calendar days of [start, end] ∩ [first, last] (SPEC §2 "days employed")."""
        span = self.employed_range(first, last)
        return 0 if span is None else (span[1] - span[0]).days + 1


@dataclass(frozen=True, slots=True)
class VacancyInfo:
    """Vakance: an announced post, open until filled."""

    position_code: str
    fte: Decimal
    announced: dt.date
    filled: dt.date | None = None

    def open_on(self, day: dt.date) -> bool:
        """SPEC §2 R11: announced ≤ day and not filled by day."""
        return self.announced <= day and (self.filled is None or self.filled > day)


@dataclass(frozen=True, slots=True)
class CriterionInfo:
    """Slodzes kritērijs: maximum per FTE per month of a work type in a unit, for a position or ``*``."""

    position_code: str
    work_type_code: str
    unit_code: str
    max_per_fte: Decimal
    weight: Decimal | None = None


# The three record types of the dated tables are named tuples rather than frozen dataclasses: a year of a
# large service has ~40,000 of them, and a named tuple is made three times faster (just as immutable).


class CaseloadRow(NamedTuple):
    """One staff member's caseload in one work type in one month (``month`` = first day of the month)."""

    staff_id: int
    month: dt.date
    work_type_code: str
    cases: int | None = None
    applications: int | None = None
    persons: int | None = None

    def value(self, unit_code: str) -> int | None:
        if unit_code == UNIT_CASES:
            return self.cases
        if unit_code == UNIT_APPLICATIONS:
            return self.applications
        if unit_code == UNIT_PERSONS:
            return self.persons
        return None

    @property
    def has_data(self) -> bool:
        return self.cases is not None or self.applications is not None or self.persons is not None


class DutyRow(NamedTuple):
    """Hours spent on a duty not related to social work (SPEC §1.5)."""

    staff_id: int
    date: dt.date
    category_code: str
    hours: Decimal


class TrainingRow(NamedTuple):
    """A training or supervision event of one person; ``minutes`` exact; ``id`` is the order of entry."""

    id: int
    staff_id: int
    date: dt.date
    kind: str  # training | supervision_individual | supervision_group
    minutes: int
    form: str = "in_person"
    certified_supervisor: bool | None = None
    cost: Decimal | None = None
    invoice: str | None = None


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts employee number "2" before "10"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.findall(r"\d+|\D+", text))


@dataclass(frozen=True)
class Snapshot:
    """Everything the rules read, as plain records. Build with :func:`load_snapshot` or by hand in tests."""

    service: ServiceInfo | None
    population: Mapping[int, int]
    positions: Mapping[str, PositionInfo]
    salary_scale: tuple[ScaleRow, ...] = ()
    staff: tuple[StaffMember, ...] = ()
    vacancies: tuple[VacancyInfo, ...] = ()
    criteria: tuple[CriterionInfo, ...] = ()
    caseloads: tuple[CaseloadRow, ...] = ()
    duties: tuple[DutyRow, ...] = ()
    training: tuple[TrainingRow, ...] = ()
    # names of coded values, for messages (a code stands in for a missing name)
    work_type_names: Mapping[str, str] = field(default_factory=dict)
    unit_names: Mapping[str, str] = field(default_factory=dict)
    education_names: Mapping[str, str] = field(default_factory=dict)
    duty_category_names: Mapping[str, str] = field(default_factory=dict)

    def population_for(self, year: int) -> tuple[int, int] | None:
        """(year used, residents): the population of ``year``, else of the latest earlier year, else None."""
        years = [y for y in self.population if y <= year]
        if not years:
            return None
        used = max(years)
        return used, self.population[used]

    def scale_for(self, group: int, year: int) -> ScaleRow | None:
        """The scale row of ``group`` for ``year``, else the latest earlier year (SPEC §1.2), else None."""
        rows = [r for r in self.salary_scale if r.group == group and r.year <= year]
        return max(rows, key=lambda r: r.year) if rows else None

    def position_of(self, person: StaffMember) -> PositionInfo | None:
        return self.positions.get(person.position_code)

    @cached_property
    def has_terms(self) -> bool:
        """Whether anybody's FTE, position, salary, education or unit changed from a date."""
        return any(p.terms for p in self.staff)

    def as_of(self, day: dt.date) -> Snapshot:
        """This snapshot with every employment's values of ``day`` (for one employed then: of its last day
        employed before ``day``, or its first day), for whatever counts people "on D": the ratio, education,
        salary, the survey's table. The snapshot itself when nobody's values changed from a date."""
        if not self.has_terms:
            return self
        return replace(self, staff=tuple(p.on(p.reference_day(day)) for p in self.staff))

    @cached_property
    def staff_by_id(self) -> dict[int, StaffMember]:
        return {p.id: p for p in self.staff}

    @cached_property
    def staff_sorted(self) -> tuple[StaffMember, ...]:
        """Staff in employee-number order: the order in which findings list people."""
        return tuple(sorted(self.staff, key=lambda p: natural_key(p.tabeles_nr)))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a snapshot is loaded and checked.

    A year of a large service is ~50,000 small records, none of which refers back to another; every
    few hundred allocations the collector would walk all of them again looking for cycles, which made up a
    quarter of the time of the year's checks. Nothing is collected later than it would have been: the
    collector resumes (if it was running) when the block ends, and reference counting frees memory as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_service(session: Session) -> ServiceInfo | None:
    """The service of the database, or None before `swdesk init`."""
    row = session.execute(
        select(m.Service.name, m.Service.municipality, m.Service.head_name).order_by(m.Service.id).limit(1)
    ).first()
    return None if row is None else ServiceInfo(*row)


_Catalogue = type[m.WorkType | m.Unit | m.Education | m.DutyCategory]


def _names(session: Session, model: _Catalogue) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(model.code, model.name))}


# a period at least this long reads the caseloads and duties without their date index (see _load_snapshot)
LONG_PERIOD = dt.timedelta(days=300)


class _unindexed(FunctionElement[Any]):
    """A column compared without its index: ``+column`` in SQLite (the documented way to keep the planner
    off an index), the column itself elsewhere."""

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type  # the compared value is bound as the column's (a date as SQLite stores it)


@compiles(_unindexed)
def _column_itself(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_unindexed, "sqlite")
def _column_unindexed(element: _unindexed, compiler: Any, **kw: Any) -> str:
    return "+" + str(compiler.process(element.clauses, **kw))


def _as_is(column: Any) -> Any:
    return column


class _Converted(dict[Any, Any]):
    """A column's stored values converted as SQLAlchemy's type would (``processor``; none: as stored), each
    distinct value once: a year's rows repeat a few hundred dates and amounts."""

    def __init__(self, processor: Any) -> None:
        super().__init__()
        self.processor = processor

    def __missing__(self, stored: Any) -> Any:
        value = self[stored] = stored if self.processor is None else self.processor(stored)
        return value


def load_snapshot(
    session: Session,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    caseloads: bool = True,
    duties: bool = True,
    training: bool = True,
) -> Snapshot:
    """Read the whole service into a :class:`Snapshot` with one bulk query per table.

    ``since``/``until`` (inclusive) optionally limit the dated rows (caseloads by month, duties and
    training events by date) to what a check or a survey needs; staff, vacancies and catalogues are
    always read whole. A view that shows only duties or only training leaves the other dated tables out
    (``caseloads=False``...: empty in the snapshot) — a Rīga year's caseloads are 16 000 rows it never uses.
    """
    with collector_paused():
        return _load_snapshot(
            session, since=since, until=until, tables=(caseloads, duties, training)
        )


def _load_snapshot(
    session: Session,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    tables: tuple[bool, bool, bool] = (True, True, True),
) -> Snapshot:
    service = load_service(session)
    population = {row.year: row.residents for row in session.execute(select(m.Population.year,
                                                                           m.Population.residents))}
    positions = {
        row.code: PositionInfo(
            code=row.code,
            name=row.name,
            salary_group=row.salary_group,
            is_sds=bool(row.is_sds),
            training_hours=row.training_hours,
            supervision_norm=bool(row.supervision_norm),
            claim_eligible=bool(row.claim_eligible),
            allowed_education=frozenset((row.education_allowed or "").split()),
        )
        for row in session.execute(
            select(
                m.Position.code,
                m.Position.name,
                m.Position.salary_group,
                m.Position.is_sds,
                m.Position.training_hours,
                m.Position.supervision_norm,
                m.Position.claim_eligible,
                m.Position.education_allowed,
            )
        )
    }
    scale = tuple(
        ScaleRow(*row)
        for row in session.execute(
            select(m.SalaryScale.group, m.SalaryScale.year, m.SalaryScale.min, m.SalaryScale.mid,
                   m.SalaryScale.max)
        )
    )
    terms: dict[int, list[Term]] = defaultdict(list)
    for row in session.execute(
        select(m.StaffTerm.staff_id, m.StaffTerm.valid_from, m.StaffTerm.position_code, m.StaffTerm.fte,
               m.StaffTerm.education_code, m.StaffTerm.salary, m.StaffTerm.unit_name)
        .order_by(m.StaffTerm.staff_id, m.StaffTerm.valid_from)
    ):
        terms[row.staff_id].append(
            Term(row.valid_from, row.position_code, row.fte, row.education_code, row.salary, row.unit_name)
        )
    staff = tuple(
        # one term is the same values on every day: only a person whose values changed carries terms
        StaffMember(*row, terms=tuple(terms[row[0]]) if len(terms.get(row[0], ())) > 1 else ())
        for row in session.execute(
            select(
                m.Staff.id,
                m.Staff.tabeles_nr,
                m.Staff.first_name,
                m.Staff.last_name,
                m.Staff.position_code,
                m.Staff.fte,
                m.Staff.start,
                m.Staff.end,
                m.Staff.education_code,
                m.Staff.salary,
                m.Staff.personal_code,
                m.Staff.unit_name,
            ).order_by(m.Staff.id)
        )
    )
    vacancies = tuple(
        VacancyInfo(*row)
        for row in session.execute(
            select(m.Vacancy.position_code, m.Vacancy.fte, m.Vacancy.announced, m.Vacancy.filled).order_by(
                m.Vacancy.announced, m.Vacancy.position_code
            )
        )
    )
    criteria = tuple(
        CriterionInfo(*row)
        for row in session.execute(
            select(
                m.Criterion.position_code,
                m.Criterion.work_type_code,
                m.Criterion.unit_code,
                m.Criterion.max_per_fte,
                m.Criterion.weight,
            ).order_by(m.Criterion.id)
        )
    )

    caseload_stmt = select(
        m.Caseload.staff_id,
        m.Caseload.month,
        m.Caseload.work_type_code,
        m.Caseload.cases,
        m.Caseload.applications,
        m.Caseload.persons,
    )
    duty_stmt = select(m.Duty.staff_id, m.Duty.date, m.Duty.category_code, m.Duty.hours)
    training_stmt = select(
        m.TrainingEvent.id,
        m.TrainingEvent.staff_id,
        m.TrainingEvent.date,
        m.TrainingEvent.kind,
        m.TrainingEvent.minutes,
        m.TrainingEvent.form,
        m.TrainingEvent.certified_supervisor,
        m.TrainingEvent.cost,
        m.TrainingEvent.invoice,
    ).where(m.TrainingEvent.planned.is_(False))  # a planned event counts nowhere until it is done (issue 13)
    # A year or more is a good part of the table: SQLite reads it faster straight through, already in the
    # order of entry, than through the date index (a row at a time, then sorted again by id) — 15 ms of a
    # year's checks on Rīga. A shorter period keeps the index.
    dated = _unindexed if since is None or until is None or until - since >= LONG_PERIOD else _as_is
    if since is not None:
        # a month row counts when any day of the month can be in range: compare with its first day
        caseload_stmt = caseload_stmt.where(dated(m.Caseload.month) >= since.replace(day=1))
        duty_stmt = duty_stmt.where(dated(m.Duty.date) >= since)
        training_stmt = training_stmt.where(m.TrainingEvent.date >= since)
    if until is not None:
        caseload_stmt = caseload_stmt.where(dated(m.Caseload.month) <= until)
        duty_stmt = duty_stmt.where(dated(m.Duty.date) <= until)
        training_stmt = training_stmt.where(m.TrainingEvent.date <= until)
    # The dated tables are the bulk of a large service (tens of thousands of rows a year): their rows are
    # fetched from the driver's cursor as plain tuples (no SQLAlchemy Row per row), and each column that
    # needs a conversion (a date, a fixed-point amount, a flag) converts each distinct stored value once.
    connection = session.connection()
    dialect = connection.dialect

    def fetched(stmt: Select[*tuple[Any, ...]], wanted: bool) -> Sequence[tuple[Any, ...]]:
        if not wanted:
            return ()
        result = connection.execute(stmt)
        try:
            return result.cursor.fetchall()
        finally:
            result.close()

    def converted(column: Any) -> _Converted:
        return _Converted(column.type.dialect_impl(dialect).result_processor(dialect, None))

    months = converted(m.Caseload.month)
    make_caseload = partial(tuple.__new__, CaseloadRow)
    caseloads = tuple(
        [
            make_caseload((staff_id, months[month], work_type, cases, applications, persons))
            for staff_id, month, work_type, cases, applications, persons in fetched(
                caseload_stmt.order_by(m.Caseload.id), tables[0]
            )
        ]
    )
    days, hours = converted(m.Duty.date), converted(m.Duty.hours)
    make_duty = partial(tuple.__new__, DutyRow)
    duties = tuple(
        [
            make_duty((staff_id, days[date], category, hours[amount]))
            for staff_id, date, category, amount in fetched(duty_stmt.order_by(m.Duty.id), tables[1])
        ]
    )
    days = converted(m.TrainingEvent.date)
    certified, costs = converted(m.TrainingEvent.certified_supervisor), converted(m.TrainingEvent.cost)
    make_training = partial(tuple.__new__, TrainingRow)
    training = tuple(
        [
            make_training((id_, staff_id, days[date], kind, minutes, form, certified[flag], costs[cost], invoice))
            for id_, staff_id, date, kind, minutes, form, flag, cost, invoice in fetched(
                training_stmt.order_by(m.TrainingEvent.date, m.TrainingEvent.id), tables[2]
            )
        ]
    )
    return Snapshot(
        work_type_names=_names(session, m.WorkType),
        unit_names=_names(session, m.Unit),
        education_names=_names(session, m.Education),
        duty_category_names=_names(session, m.DutyCategory),
        service=service,
        population=population,
        positions=positions,
        salary_scale=scale,
        staff=staff,
        vacancies=vacancies,
        criteria=criteria,
        caseloads=caseloads,
        duties=duties,
        training=training,
    )
