"""Staffing scenarios (issue 13): what the checks would say, and what the staff would cost, after changes.

A scenario is a name, a date from which its changes would apply, and the changes: posts added (position,
FTE, monthly salary, structural unit), people leaving, non-social-work hours moved away (a share of a
category, or hours per person per month), a population forecast, and everyone below the salary scale's
minimum raised to it. Nothing here writes to the database: a scenario is computed by applying its changes
to the :class:`~swdesk.rules.data.Snapshot` the checks already read and running the same rules on it, so the
plan and the checks cannot disagree. What a change means is spelled out once, in :func:`apply_changes`, as
the edit of the data it stands for; a property test makes those edits on a copy of a database and finds
the same figures.

Two clocks, kept apart on purpose:

* **The figures** (R1/R2 ratios, caseload per FTE, duty shares, findings by rule) are today's check — year
  Y as of D — with the changes in force: the head sees "where we stand" next to "where we would stand".
  A new post counts as filled for the whole year Y (employed from 1 January Y, with no entries of its own);
  a person who leaves is no longer employed on D (employment ends the day before D, their entries stay);
  moved hours are taken off the duty entries; the forecast stands in for the population of Y; a raise
  lifts the salary to the minimum of the scenario's year's scale.
* **The cost** is for the calendar year of the scenario's date F, with the changes from F: posts filled
  from F, leavers paid until the day before F, raises paid from F.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from swdesk.formats import round_half_up
from swdesk.rules.checks import (
    CheckContext,
    duty_shares,
    make_context,
    run_rules,
    scale_minimum,
    sds_active,
    staffing_measure,
)
from swdesk.rules.data import DutyRow, PositionInfo, Snapshot, StaffMember
from swdesk.rules.findings import RULE_IDS, CheckResult
from swdesk.settings import Settings

ADD_POSITION = "add_position"
REMOVE_STAFF = "remove_staff"
MOVE_DUTIES = "move_duties"
POPULATION = "population"
RAISE_TO_MINIMUM = "raise_to_minimum"
CHANGE_KINDS = (ADD_POSITION, REMOVE_STAFF, MOVE_DUTIES, POPULATION, RAISE_TO_MINIMUM)

# Employee numbers of the posts a scenario adds; no real number can clash (the import takes what it is given,
# but a head's numbers never carry this prefix, and a scenario's people never reach the database).
NEW_POST_PREFIX = "PLĀNS-"
NEW_POST_FIRST_NAME = "Jauns"
NEW_POST_LAST_NAME = "amats"
ANY_EDUCATION = "E1"  # a new post is filled by someone with the education it needs; E1 meets every requirement
ZERO = Decimal(0)
CENTS = 2


@dataclass(frozen=True, slots=True)
class Change:
    """One change of a scenario; the fields its ``kind`` uses are filled, the others None.

    * ``add_position``: ``position_code``, ``count`` posts of ``fte`` each at ``salary`` (full-time monthly),
      in ``unit_name``;
    * ``remove_staff``: the person ``tabeles_nr`` leaves;
    * ``move_duties``: ``category_code``, either ``share`` (0–1) of its hours or ``hours_per_month`` per
      person and month moved away from social work specialists' and every other staff member's entries;
    * ``population``: ``residents`` forecast;
    * ``raise_to_minimum``: no fields.
    """

    kind: str
    position_code: str | None = None
    count: int | None = None
    fte: Decimal | None = None
    salary: Decimal | None = None
    unit_name: str | None = None
    tabeles_nr: str | None = None
    category_code: str | None = None
    share: Decimal | None = None
    hours_per_month: Decimal | None = None
    residents: int | None = None


@dataclass(frozen=True)
class ScenarioSpec:
    """A named scenario: changes that would apply from ``valid_from``."""

    name: str
    valid_from: dt.date
    changes: tuple[Change, ...] = ()
    note: str | None = None

    @property
    def cost_year(self) -> int:
        return self.valid_from.year

    @property
    def raises_to_minimum(self) -> bool:
        return any(c.kind == RAISE_TO_MINIMUM for c in self.changes)


def new_post_number(k: int) -> str:
    return f"{NEW_POST_PREFIX}{k}"


def education_for(position: PositionInfo | None) -> str:
    """The education a new post's holder is taken to have: one the position allows (E1 when any will do)."""
    if position is None or not position.allowed_education:
        return ANY_EDUCATION
    return ANY_EDUCATION if ANY_EDUCATION in position.allowed_education else min(position.allowed_education)


def raised_salary(snapshot: Snapshot, person: StaffMember, year: int) -> Decimal:
    """R10's minimum for ``year`` when the salary is below it, else the salary (the scale as R10 reads it)."""
    row = scale_minimum(snapshot, snapshot.positions.get(person.position_code), year)
    return row.min if row is not None and person.salary < row.min else person.salary


def _move_share(duties: Sequence[DutyRow], category: str, share: Decimal) -> list[DutyRow]:
    """Each entry of the category keeps (1 − share) of its hours, rounded to the hundredth the data keeps."""
    keep = 1 - share
    return [row._replace(hours=round_half_up(row.hours * keep, 2)) if row.category_code == category else row
            for row in duties]


def _move_hours(duties: Sequence[DutyRow], category: str, per_month: Decimal) -> list[DutyRow]:
    """Up to ``per_month`` hours of the category are taken off each person's month, from its entries in
    date order (same date: the order entered), never below zero."""
    left: dict[tuple[int, int, int], Decimal] = {}
    order = sorted(range(len(duties)), key=lambda i: duties[i].date)  # stable: same date keeps entry order
    result = list(duties)
    for i in order:
        row = duties[i]
        if row.category_code != category:
            continue
        key = (row.staff_id, row.date.year, row.date.month)
        budget = left.get(key, per_month)
        take = min(row.hours, budget)
        left[key] = budget - take
        if take:
            result[i] = row._replace(hours=row.hours - take)
    return result


def apply_changes(snapshot: Snapshot, spec: ScenarioSpec, *, year: int, as_of: dt.date) -> Snapshot:
    """The snapshot with the scenario's changes in force for the check of year ``year`` as of ``as_of``.

    Each change is the edit of the data it stands for (module docstring): a new post is a staff member
    employed from 1 January ``year`` with no entries; a leaver's employment ends the day before ``as_of``
    (only someone employed on ``as_of`` who started before it can leave; anyone else is left as is);
    a share of a category keeps ``1 − share`` of each entry's hours, hours per month come off each person's
    month in date order; the forecast replaces the population of ``year``; the raise (after every other
    change, new posts included) lifts each salary below the minimum of the scenario's year to it.
    """
    staff = list(snapshot.staff)
    duties: list[DutyRow] = list(snapshot.duties)
    population = dict(snapshot.population)
    added = 0
    for change in spec.changes:
        if change.kind == ADD_POSITION:
            assert change.position_code and change.fte is not None and change.salary is not None
            position = snapshot.positions.get(change.position_code)
            for _ in range(change.count or 1):
                added += 1
                staff.append(StaffMember(
                    id=-added, tabeles_nr=new_post_number(added), first_name=NEW_POST_FIRST_NAME,
                    last_name=f"{NEW_POST_LAST_NAME} {added}", position_code=change.position_code,
                    fte=change.fte, start=dt.date(year, 1, 1), end=None, education_code=education_for(position),
                    salary=change.salary, unit_name=change.unit_name,
                ))
        elif change.kind == REMOVE_STAFF:
            for i, person in enumerate(staff):
                if person.tabeles_nr == change.tabeles_nr and person.active_on(as_of) and person.start < as_of:
                    staff[i] = replace(person, end=as_of - dt.timedelta(days=1))
        elif change.kind == MOVE_DUTIES:
            assert change.category_code is not None
            if change.share is not None:
                duties = _move_share(duties, change.category_code, change.share)
            elif change.hours_per_month is not None:
                duties = _move_hours(duties, change.category_code, change.hours_per_month)
        elif change.kind == POPULATION:
            assert change.residents is not None
            population[year] = change.residents
    changed = replace(snapshot, staff=tuple(staff), duties=tuple(duties), population=population)
    if spec.raises_to_minimum:
        changed = replace(changed, staff=tuple(_raised(changed, p, spec.cost_year) for p in changed.staff))
    return changed


def _raised(snapshot: Snapshot, person: StaffMember, year: int) -> StaffMember:
    """The person with every salary below the minimum of ``year`` lifted to it: the current one and, for a
    person whose values change from a date, each term's (the checks read the term in force on D)."""
    raised = replace(person, salary=raised_salary(snapshot, person, year))
    if person.terms:
        raised = replace(raised, terms=tuple(
            t._replace(salary=raised_salary(snapshot, person.on(t.valid_from), year)) for t in person.terms
        ))
    return raised


# --- the figures ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseloadFigure:
    """A position's cases in a work type per month of the period, spread over its FTE on D."""

    position_code: str
    work_type_code: str
    cases_per_month: Decimal  # 2 decimals
    fte: Decimal
    per_fte: Decimal | None  # 2 decimals; None when nobody holds the position on D


@dataclass(frozen=True)
class Figures:
    """What a scenario (or today) shows for the check of year Y as of D."""

    year: int
    as_of: dt.date
    population: int | None
    sds: Decimal  # Σ FTE (or headcount) of SDS active on D, as R1 counts them
    ratio: Decimal | None  # R1 residents per SDS, 1 decimal
    shortfall: Decimal  # max(0, P/limit − S), 2 decimals (0 without a population)
    effective_sds: Decimal  # R2 S_eff, 2 decimals
    effective_ratio: Decimal | None  # R2, 1 decimal
    duty_hours: Decimal
    duty_share: Decimal | None  # all staff employed in the period: Σ duty hours / Σ contracted hours, 3 dec.
    sds_duty_share: Decimal | None  # the same over SDS active on D
    caseload: tuple[CaseloadFigure, ...]
    findings: dict[str, int]  # rule id → number of findings, every rule present
    check: CheckResult = field(repr=False, compare=False)

    @property
    def findings_total(self) -> int:
        return sum(self.findings.values())

    def to_json(self) -> dict[str, object]:
        from swdesk.rules.findings import json_number

        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "population": self.population,
            "sds": json_number(self.sds),
            "ratio": json_number(self.ratio),
            "shortfall": json_number(self.shortfall),
            "effective_sds": json_number(self.effective_sds),
            "effective_ratio": json_number(self.effective_ratio),
            "duty_hours": json_number(self.duty_hours),
            "duty_share": json_number(self.duty_share),
            "sds_duty_share": json_number(self.sds_duty_share),
            "caseload": [
                {"position": c.position_code, "work_type": c.work_type_code,
                 "cases_per_month": json_number(c.cases_per_month), "fte": json_number(c.fte),
                 "per_fte": json_number(c.per_fte)}
                for c in self.caseload
            ],
            "findings": dict(self.findings),
        }


def caseload_per_fte(ctx: CheckContext) -> tuple[CaseloadFigure, ...]:
    """Per position and work type: the cases (LIETAS) of everyone in the position in the period, per month
    with data, over the position's FTE on D — so the cases of someone who left stay with the position."""
    staff = ctx.snapshot.staff_by_id
    totals: dict[tuple[str, str], int] = defaultdict(int)
    months: dict[tuple[str, str], set[dt.date]] = defaultdict(set)
    for sid, rows in ctx.caseloads_by_staff.items():
        person = staff.get(sid)
        if person is None:
            continue
        for row in rows:
            if row.cases is None:
                continue
            key = (person.in_month(row.month).position_code, row.work_type_code)
            totals[key] += row.cases
            months[key].add(row.month)
    fte: dict[str, Decimal] = defaultdict(Decimal)
    for person in ctx.snapshot.staff:
        if person.active_on(ctx.as_of):
            fte[person.position_code] += person.fte
    result = []
    for key in sorted(totals):
        per_month = Decimal(totals[key]) / len(months[key])
        held = fte.get(key[0], ZERO)
        result.append(CaseloadFigure(
            position_code=key[0], work_type_code=key[1], cases_per_month=round_half_up(per_month, 2),
            fte=held, per_fte=round_half_up(per_month / held, 2) if held > 0 else None,
        ))
    return tuple(result)


def _share(hours: Decimal, contracted: Decimal) -> Decimal | None:
    return round_half_up(hours / contracted, 3) if contracted > 0 else None


def figures(snapshot: Snapshot, *, year: int, as_of: dt.date, settings: Settings) -> Figures:
    """The figures of the check of ``year`` as of ``as_of`` on ``snapshot``: the rules' own measurements."""
    ctx = make_context(snapshot, year=year, as_of=as_of, settings=settings)
    result = run_rules(ctx)
    counted = Counter(f.rule for f in result.findings)
    staffing = staffing_measure(ctx, duty_shares(ctx))  # R1 and R2 as the rules measure them
    active = sds_active(ctx)
    hours_total = sum((ctx.duty_hours.get(sid, ZERO) for sid in ctx.contracted_hours), ZERO)
    contracted_total = sum(ctx.contracted_hours.values(), ZERO)
    sds_ids = [p.id for p in active if p.id in ctx.contracted_hours]
    return Figures(
        year=year,
        as_of=as_of,
        population=staffing.residents,
        sds=staffing.staff,
        ratio=staffing.ratio,
        shortfall=staffing.shortfall or ZERO,
        effective_sds=round_half_up(staffing.effective, 2),
        effective_ratio=staffing.effective_ratio,
        duty_hours=hours_total,
        duty_share=_share(hours_total, contracted_total),
        sds_duty_share=_share(sum((ctx.duty_hours.get(sid, ZERO) for sid in sds_ids), ZERO),
                              sum((ctx.contracted_hours[sid] for sid in sds_ids), ZERO)),
        caseload=caseload_per_fte(ctx),
        findings={rule: counted.get(rule, 0) for rule in RULE_IDS},
        check=result,
    )


# --- the cost ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatedRate:
    """A rate that changes on dates: (valid from, rate) pairs; before the first, the first applies."""

    steps: tuple[tuple[dt.date, Decimal], ...]

    def on(self, day: dt.date) -> Decimal:
        rate = self.steps[0][1]
        for valid_from, value in self.steps:
            if valid_from <= day:
                rate = value
        return rate

    @classmethod
    def constant(cls, rate: Decimal) -> DatedRate:
        return cls(((dt.date(1900, 1, 1), rate),))


@dataclass(frozen=True, slots=True)
class PaySpan:
    """A person's pay over a span of days: full-time monthly ``salary`` × ``fte``."""

    tabeles_nr: str
    position_code: str
    fte: Decimal
    salary: Decimal
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class PersonCost:
    tabeles_nr: str
    position_code: str
    months: Decimal  # months paid in the year (partial months by calendar days), 2 decimals
    salaries: Decimal  # cents
    contribution: Decimal  # cents

    @property
    def total(self) -> Decimal:
        return self.salaries + self.contribution


@dataclass(frozen=True)
class PersonnelCost:
    """The yearly personnel cost: salaries and the employer's social insurance contribution, per person."""

    year: int
    people: tuple[PersonCost, ...]

    @property
    def salaries(self) -> Decimal:
        return sum((p.salaries for p in self.people), ZERO)

    @property
    def contribution(self) -> Decimal:
        return sum((p.contribution for p in self.people), ZERO)

    @property
    def total(self) -> Decimal:
        return self.salaries + self.contribution

    def by_position(self) -> dict[str, tuple[int, Decimal, Decimal]]:
        """Position code → (people, salaries, contribution), in code order."""
        result: dict[str, tuple[int, Decimal, Decimal]] = {}
        for p in sorted(self.people, key=lambda p: p.position_code):
            n, s, c = result.get(p.position_code, (0, ZERO, ZERO))
            result[p.position_code] = (n + 1, s + p.salaries, c + p.contribution)
        return result


def month_fractions(start: dt.date, end: dt.date | None, year: int) -> list[tuple[dt.date, Decimal]]:
    """(first day of month, share of the month employed) for the months of ``year`` the span touches.

    A month counts whole when employed all of it; a part month by its calendar days (a start on 16 June is
    15/30 of June)."""
    return list(_month_fractions(start, end, year))


@lru_cache(maxsize=4096)
def _month_fractions(start: dt.date, end: dt.date | None, year: int) -> tuple[tuple[dt.date, Decimal], ...]:
    # most people share a span (employed before the year, no end): each span's months are counted once
    result = []
    for month in range(1, 13):
        first = dt.date(year, month, 1)
        days = calendar.monthrange(year, month)[1]
        last = dt.date(year, month, days)
        lo, hi = max(start, first), last if end is None else min(end, last)
        if lo <= hi:
            employed = (hi - lo).days + 1
            result.append((first, Decimal(1) if employed == days else Decimal(employed) / days))
    return tuple(result)


def personnel_cost(spans: Iterable[PaySpan], *, year: int, rate: DatedRate) -> PersonnelCost:
    """Monthly salary × FTE × months, plus the employer's contribution at the rate in force on each month's
    first day; each person's two sums rounded to cents once (half up), the totals are sums of people."""
    salaries: dict[str, Decimal] = defaultdict(Decimal)
    contribution: dict[str, Decimal] = defaultdict(Decimal)
    months: dict[str, Decimal] = defaultdict(Decimal)
    position: dict[str, str] = {}
    for span in spans:
        for first, share in month_fractions(span.start, span.end, year):
            pay = span.salary * span.fte * share
            salaries[span.tabeles_nr] += pay
            contribution[span.tabeles_nr] += pay * rate.on(first)
            months[span.tabeles_nr] += share
            position.setdefault(span.tabeles_nr, span.position_code)
    people = tuple(
        PersonCost(tabeles_nr=nr, position_code=position[nr], months=round_half_up(months[nr], 2),
                   salaries=round_half_up(salaries[nr], CENTS), contribution=round_half_up(contribution[nr], CENTS))
        for nr in salaries
    )
    return PersonnelCost(year=year, people=people)


def pay_spans(person: StaffMember, *, salary: Decimal | None = None,
              start: dt.date | None = None, end: dt.date | None = None) -> list[PaySpan]:
    """The person's pay from ``start`` (default: theirs) to ``end`` (None: open), one span per term of FTE,
    position and salary (issue 17); ``salary`` replaces every term's salary when given."""
    start = person.start if start is None else start
    if not person.terms:
        return [PaySpan(person.tabeles_nr, person.position_code, person.fte,
                        person.salary if salary is None else salary, start, end)]
    result = []
    for lo, hi, values in person.spans(start, dt.date.max if end is None else end):
        result.append(PaySpan(person.tabeles_nr, values.position_code, values.fte,
                              values.salary if salary is None else salary, lo,
                              None if hi == dt.date.max else hi))
    return result


def spans_today(snapshot: Snapshot) -> list[PaySpan]:
    """Everyone as recorded: their start and end, their salary in force on each day."""
    return [span for p in snapshot.staff for span in pay_spans(p, end=p.end)]


def spans_with(snapshot: Snapshot, spec: ScenarioSpec) -> list[PaySpan]:
    """Everyone as the scenario would have them from its date F: leavers paid until F − 1, new posts from F,
    salaries below the minimum of F's year raised from F."""
    day = spec.valid_from
    leaving = {c.tabeles_nr for c in spec.changes if c.kind == REMOVE_STAFF}
    people = list(snapshot.staff)
    added = 0
    new: list[StaffMember] = []
    for change in spec.changes:
        if change.kind == ADD_POSITION:
            assert change.position_code and change.fte is not None and change.salary is not None
            for _ in range(change.count or 1):
                added += 1
                new.append(StaffMember(
                    id=-added, tabeles_nr=new_post_number(added), first_name=NEW_POST_FIRST_NAME,
                    last_name=f"{NEW_POST_LAST_NAME} {added}", position_code=change.position_code,
                    fte=change.fte, start=day, end=None, education_code=ANY_EDUCATION, salary=change.salary,
                ))
    spans = []
    for person in people + new:
        end = person.end
        if person.tabeles_nr in leaving:
            if person.start >= day:
                continue
            end = day - dt.timedelta(days=1) if end is None else min(end, day - dt.timedelta(days=1))
        if person.terms:  # values that change from a date: each term's pay, raised from F where below
            for span in pay_spans(person, end=end):
                values = person.on(span.start)
                raised = raised_salary(snapshot, values, spec.cost_year) if spec.raises_to_minimum else span.salary
                if raised == span.salary or (span.end is not None and span.end < day):
                    spans.append(span)
                elif span.start >= day:
                    spans.append(replace(span, salary=raised))
                else:
                    spans.append(replace(span, end=day - dt.timedelta(days=1)))
                    spans.append(replace(span, salary=raised, start=day))
            continue
        raised = raised_salary(snapshot, person, spec.cost_year) if spec.raises_to_minimum else person.salary
        if raised != person.salary and person.start < day:
            spans.append(PaySpan(person.tabeles_nr, person.position_code, person.fte, person.salary,
                                 person.start, day - dt.timedelta(days=1) if end is None or end >= day else end))
            if end is None or end >= day:
                spans.append(PaySpan(person.tabeles_nr, person.position_code, person.fte, raised, day, end))
        else:
            spans.append(PaySpan(person.tabeles_nr, person.position_code, person.fte, raised, person.start, end))
    return spans


@dataclass(frozen=True, slots=True)
class RaiseCost:
    """R10: one person's pay lifted to the scale minimum for a year."""

    tabeles_nr: str
    name: str
    position_code: str
    fte: Decimal
    salary: Decimal
    minimum: Decimal
    months: Decimal
    yearly: Decimal  # salaries and contribution, cents


def minimum_raise_costs(snapshot: Snapshot, *, year: int, rate: DatedRate) -> tuple[RaiseCost, ...]:
    """What lifting each salary below R10's minimum for ``year`` costs in that year (everyone employed in it
    as recorded): the cost at the minimum less the cost at today's salary, contribution included."""
    result = []
    for person in snapshot.staff_sorted:
        minimum = raised_salary(snapshot, person, year)
        if minimum == person.salary:
            continue
        span = PaySpan(person.tabeles_nr, person.position_code, person.fte, person.salary, person.start, person.end)
        before = personnel_cost([span], year=year, rate=rate)
        if not before.people:
            continue  # not employed in the year
        after = personnel_cost([replace(span, salary=minimum)], year=year, rate=rate)
        result.append(RaiseCost(
            tabeles_nr=person.tabeles_nr, name=person.full_name, position_code=person.position_code,
            fte=person.fte, salary=person.salary, minimum=minimum, months=before.people[0].months,
            yearly=after.total - before.total,
        ))
    return tuple(result)
