"""Planning (issue 13): scenarios kept in the database, computed on a copy in memory, and the training plan.

The scenario rules are in :mod:`swdesk.rules.scenario`; here they meet the database. Saving or deleting a
scenario writes only the ``scenario`` tables; computing one only reads (one snapshot, as the checks load
it) and never writes a byte. The training plan reads planned events (``training_event.planned``), which no
claim, check or survey counts until :func:`mark_done`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from swdesk import records
from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_number
from swdesk.i18n import define, tr
from swdesk.rules import scenario as sc
from swdesk.rules.checks import default_as_of
from swdesk.rules.data import Snapshot, collector_paused, load_snapshot
from swdesk.settings import Settings, history

define(
    {
        "plan.error.name": ("Scenārijam jābūt nosaukumam.", "A scenario needs a name."),
        "plan.error.exists": ("Scenārijs «{name}» jau ir.", "A scenario named '{name}' exists already."),
        "plan.error.missing": ("Scenārija «{name}» nav.", "There is no scenario named '{name}'."),
        "plan.error.position": (
            "Amats «{code}» nav katalogā.",
            "The position '{code}' is not in the catalogue.",
        ),
        "plan.error.fte": ("Slodzei jābūt no 0,001 līdz 1,5.", "The FTE must be from 0.001 to 1.5."),
        "plan.error.salary": ("Mēnešalgai jābūt pozitīvai.", "The monthly salary must be positive."),
        "plan.error.count": (
            "Amatu skaitam jābūt no 1 līdz 100.",
            "The number of posts must be from 1 to 100.",
        ),
        "plan.error.staff": (
            "Darbinieka ar tabeles nr. «{nr}» nav.",
            "No staff member has employee number '{nr}'.",
        ),
        "plan.error.category": ("Pienākumu kategorijas «{code}» nav.", "There is no duty category '{code}'."),
        "plan.error.share": (
            "Pārceļamajai daļai jābūt no 0 līdz 100 %.",
            "The share moved must be from 0 to 100 %.",
        ),
        "plan.error.hours": ("Stundām mēnesī jābūt pozitīvām.", "The hours per month must be positive."),
        "plan.error.residents": ("Iedzīvotāju skaitam jābūt pozitīvam.", "The population must be positive."),
        "plan.error.event": ("Plānotā notikuma nav.", "There is no such planned event."),
        "plan.error.kind": ("Nezināms izmaiņu veids «{kind}».", "Unknown kind of change '{kind}'."),
        "plan.change.add_position": (
            "+{count} × {position}, slodze {fte}, mēnešalga {salary} EUR{unit}",
            "+{count} × {position}, FTE {fte}, monthly salary {salary} EUR{unit}",
        ),
        "plan.change.unit": (", struktūrvienība «{unit}»", ", unit '{unit}'"),
        "plan.change.remove_staff": ("Aiziet {person}", "{person} leaves"),
        "plan.change.move_share": (
            "«{category}»: {share} % stundu nodod citiem",
            "'{category}': {share} % of the hours moved to others",
        ),
        "plan.change.move_hours": (
            "«{category}»: {hours} h mēnesī katram darbiniekam nodod citiem",
            "'{category}': {hours} h a month per person moved to others",
        ),
        "plan.change.population": ("Iedzīvotāju prognoze: {residents}", "Population forecast: {residents}"),
        "plan.change.raise_to_minimum": (
            "Visas mēnešalgas zem skalas minimuma paaugstina līdz minimumam",
            "Every salary below the scale minimum is raised to it",
        ),
    }
)


class PlanningError(ValueError):
    """A scenario or planned event the program cannot accept; the message is for the user."""


# --- scenarios in the database ------------------------------------------------------------------------------


def _spec(row: m.Scenario, numbers: dict[int, str]) -> sc.ScenarioSpec:
    return sc.ScenarioSpec(
        name=row.name,
        valid_from=row.valid_from,
        note=row.note,
        changes=tuple(
            sc.Change(
                kind=c.kind,
                position_code=c.position_code,
                count=c.count,
                fte=c.fte,
                salary=c.salary,
                unit_name=c.unit_name,
                tabeles_nr=numbers.get(c.staff_id) if c.staff_id is not None else None,
                category_code=c.category_code,
                share=c.share,
                hours_per_month=c.hours_per_month,
                residents=c.residents,
            )
            for c in row.changes
        ),
    )


def _numbers(session: Session) -> dict[int, str]:
    return {sid: nr for sid, nr in session.execute(select(m.Staff.id, m.Staff.tabeles_nr))}


def list_scenarios(session: Session) -> list[sc.ScenarioSpec]:
    """Every saved scenario, by name."""
    numbers = _numbers(session)
    return [_spec(row, numbers) for row in session.scalars(select(m.Scenario).order_by(m.Scenario.name))]


def get_scenario(session: Session, name: str) -> sc.ScenarioSpec:
    row = session.scalar(select(m.Scenario).where(m.Scenario.name == name.strip()))
    if row is None:
        raise PlanningError(tr("plan.error.missing", name=name))
    return _spec(row, _numbers(session))


def _validated(session: Session, change: sc.Change) -> m.ScenarioChange:
    """The row of one change, after the checks a head's typing needs (Latvian messages)."""
    row = m.ScenarioChange(kind=change.kind)
    if change.kind == sc.ADD_POSITION:
        if change.position_code is None or session.get(m.Position, change.position_code) is None:
            raise PlanningError(tr("plan.error.position", code=change.position_code or ""))
        if change.fte is None or not Decimal("0.001") <= change.fte <= Decimal("1.5"):
            raise PlanningError(tr("plan.error.fte"))
        if change.salary is None or change.salary <= 0:
            raise PlanningError(tr("plan.error.salary"))
        count = 1 if change.count is None else change.count
        if not 1 <= count <= 100:
            raise PlanningError(tr("plan.error.count"))
        row.position_code, row.fte, row.salary, row.count = (
            change.position_code,
            change.fte,
            change.salary,
            count,
        )
        row.unit_name = (change.unit_name or "").strip() or None
    elif change.kind == sc.REMOVE_STAFF:
        staff_id = session.scalar(select(m.Staff.id).where(m.Staff.tabeles_nr == (change.tabeles_nr or "")))
        if staff_id is None:
            raise PlanningError(tr("plan.error.staff", nr=change.tabeles_nr or ""))
        row.staff_id = staff_id
    elif change.kind == sc.MOVE_DUTIES:
        if change.category_code is None or session.get(m.DutyCategory, change.category_code) is None:
            raise PlanningError(tr("plan.error.category", code=change.category_code or ""))
        row.category_code = change.category_code
        if change.share is not None:
            if not 0 < change.share <= 1:
                raise PlanningError(tr("plan.error.share"))
            row.share = change.share
        elif change.hours_per_month is not None and change.hours_per_month > 0:
            row.hours_per_month = change.hours_per_month
        else:
            raise PlanningError(tr("plan.error.hours"))
    elif change.kind == sc.POPULATION:
        if change.residents is None or change.residents <= 0:
            raise PlanningError(tr("plan.error.residents"))
        row.residents = change.residents
    elif change.kind != sc.RAISE_TO_MINIMUM:
        raise PlanningError(tr("plan.error.kind", kind=change.kind))
    return row


def save_scenario(session: Session, spec: sc.ScenarioSpec, *, replace: str | None = None) -> None:
    """Store ``spec`` (a new scenario, or in place of the one named ``replace``); writes only scenario rows."""
    name = spec.name.strip()
    if not name:
        raise PlanningError(tr("plan.error.name"))
    rows = [_validated(session, change) for change in spec.changes]
    clash = session.scalar(select(m.Scenario.id).where(m.Scenario.name == name))
    if replace is None:
        if clash is not None:
            raise PlanningError(tr("plan.error.exists", name=name))
        existing = m.Scenario(name=name, valid_from=spec.valid_from)
        session.add(existing)
    else:
        found = session.scalar(select(m.Scenario).where(m.Scenario.name == replace))
        if found is None:
            raise PlanningError(tr("plan.error.missing", name=replace))
        if clash is not None and clash != found.id:
            raise PlanningError(tr("plan.error.exists", name=name))
        existing = found
    existing.name, existing.valid_from, existing.note = (
        name,
        spec.valid_from,
        (spec.note or "").strip() or None,
    )
    existing.changes = rows
    session.flush()


def delete_scenario(session: Session, name: str) -> None:
    row = session.scalar(select(m.Scenario).where(m.Scenario.name == name.strip()))
    if row is None:
        raise PlanningError(tr("plan.error.missing", name=name))
    session.execute(delete(m.ScenarioChange).where(m.ScenarioChange.scenario_id == row.id))
    session.delete(row)
    session.flush()


def describe_change(change: sc.Change, snapshot: Snapshot) -> str:
    """A change as a head reads it, in the current language."""
    if change.kind == sc.ADD_POSITION:
        position = snapshot.positions.get(change.position_code or "")
        return tr(
            "plan.change.add_position",
            count=change.count or 1,
            position=position.name if position else change.position_code,
            fte=fmt_number(change.fte, 3, trim=True),
            salary=fmt_number(change.salary, 2),
            unit=tr("plan.change.unit", unit=change.unit_name) if change.unit_name else "",
        )
    if change.kind == sc.REMOVE_STAFF:
        person = next((p for p in snapshot.staff if p.tabeles_nr == change.tabeles_nr), None)
        from swdesk.rules.checks import person_label

        return tr("plan.change.remove_staff", person=person_label(person) if person else change.tabeles_nr)
    if change.kind == sc.MOVE_DUTIES:
        category = snapshot.duty_category_names.get(change.category_code or "", change.category_code)
        if change.share is not None:
            from swdesk.formats import fmt_percent

            return tr("plan.change.move_share", category=category, share=fmt_percent(change.share))
        return tr(
            "plan.change.move_hours",
            category=category,
            hours=fmt_number(change.hours_per_month, 2, trim=True),
        )
    if change.kind == sc.POPULATION:
        return tr("plan.change.population", residents=fmt_number(change.residents, 0))
    return tr("plan.change.raise_to_minimum")


# --- computing ----------------------------------------------------------------------------------------------


def social_insurance_rate(session: Session) -> sc.DatedRate:
    """The employer's contribution rate (``cost.social_insurance``) with the dates each value applies from."""
    steps = [(valid_from, Decimal(value)) for valid_from, value in history(session, "cost.social_insurance")]
    return (
        sc.DatedRate(tuple(steps)) if steps else sc.DatedRate.constant(Settings.defaults().social_insurance)
    )


@dataclass(frozen=True)
class Outcome:
    """Today (``spec`` None) or one scenario: its figures for the check and its cost for its year."""

    spec: sc.ScenarioSpec | None
    figures: sc.Figures
    cost: sc.PersonnelCost
    cost_today: sc.PersonnelCost  # today's staff in the same year, for the difference

    @property
    def cost_difference(self) -> Decimal:
        return self.cost.total - self.cost_today.total


@dataclass(frozen=True)
class Comparison:
    year: int
    as_of: dt.date
    today: Outcome
    scenarios: tuple[Outcome, ...]
    snapshot: Snapshot
    limit: Decimal = Decimal(1000)  # ratio.limit in force on the as-of date

    def to_json(self) -> dict[str, object]:
        def outcome(o: Outcome) -> dict[str, object]:
            from swdesk.rules.findings import json_number

            data: dict[str, object] = {
                "name": o.spec.name if o.spec else None,
                "valid_from": o.spec.valid_from.isoformat() if o.spec else None,
                "changes": [describe_change(c, self.snapshot) for c in o.spec.changes] if o.spec else [],
                "figures": o.figures.to_json(),
                "cost": {
                    "year": o.cost.year,
                    "salaries": json_number(o.cost.salaries),
                    "contribution": json_number(o.cost.contribution),
                    "total": json_number(o.cost.total),
                    "difference": json_number(o.cost_difference),
                },
            }
            return data

        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "today": outcome(self.today),
            "scenarios": [outcome(o) for o in self.scenarios],
        }


def load_names(session: Session) -> Snapshot:
    """Staff, positions and the catalogues' names without any dated rows: enough to describe a change."""
    none = dt.date(1, 1, 1)
    return load_snapshot(session, since=none, until=none)


def load_for_planning(session: Session, *, year: int, as_of: dt.date) -> Snapshot:
    """The snapshot today's check of ``year`` as of ``as_of`` reads (the same loader, the same period)."""
    return load_snapshot(session, since=dt.date(year, 1, 1), until=min(as_of, dt.date(year, 12, 31)))


def compare(
    snapshot: Snapshot,
    specs: Sequence[sc.ScenarioSpec],
    *,
    year: int,
    as_of: dt.date,
    settings: Settings,
    rate: sc.DatedRate,
) -> Comparison:
    """Today and each scenario side by side; pure (the snapshot is never changed)."""
    today_figures = sc.figures(snapshot, year=year, as_of=as_of, settings=settings)
    outcomes = []
    costs: dict[int, sc.PersonnelCost] = {}

    def today_cost(cost_year: int) -> sc.PersonnelCost:
        if cost_year not in costs:
            costs[cost_year] = sc.personnel_cost(sc.spans_today(snapshot), year=cost_year, rate=rate)
        return costs[cost_year]

    for spec in specs:
        changed = sc.apply_changes(snapshot, spec, year=year, as_of=as_of)
        outcomes.append(
            Outcome(
                spec=spec,
                figures=sc.figures(changed, year=year, as_of=as_of, settings=settings),
                cost=sc.personnel_cost(sc.spans_with(snapshot, spec), year=spec.cost_year, rate=rate),
                cost_today=today_cost(spec.cost_year),
            )
        )
    cost_year = specs[0].cost_year if specs else year
    today = Outcome(
        spec=None, figures=today_figures, cost=today_cost(cost_year), cost_today=today_cost(cost_year)
    )
    return Comparison(
        year=year,
        as_of=as_of,
        today=today,
        scenarios=tuple(outcomes),
        snapshot=snapshot,
        limit=settings.ratio_limit,
    )


def compare_scenarios(
    session: Session,
    names: Iterable[str] | None = None,
    *,
    year: int | None = None,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
) -> Comparison:
    """Today's check (``year`` as of ``as_of``, defaults as for ``swdesk check``) beside the named scenarios
    (all when ``names`` is None). Reads only."""
    year = year or (today or dt.date.today()).year
    as_of = as_of or default_as_of(year, today)
    specs = list_scenarios(session) if names is None else [get_scenario(session, n) for n in names]
    settings = Settings.load(session, as_of)
    rate = social_insurance_rate(session)
    with collector_paused():
        snapshot = load_for_planning(session, year=year, as_of=as_of)
        return compare(snapshot, specs, year=year, as_of=as_of, settings=settings, rate=rate)


# The salary scale minimum must be reached by this date (R10; checks.SALARY_MINIMUM_DEADLINE_YEAR).
def minimum_deadline() -> dt.date:
    from swdesk.rules.checks import SALARY_MINIMUM_DEADLINE_YEAR

    return dt.date(SALARY_MINIMUM_DEADLINE_YEAR, 1, 1)


def minimum_raise(session: Session, *, year: int | None = None) -> tuple[sc.RaiseCost, ...]:
    """R10: the cost in ``year`` (default the deadline's, 2027) of lifting every salary below the minimum."""
    year = year or minimum_deadline().year
    snapshot = load_snapshot(session, since=dt.date(year, 1, 1), until=dt.date(year, 1, 1))
    return sc.minimum_raise_costs(snapshot, year=year, rate=social_insurance_rate(session))


def deadline_text() -> str:
    return fmt_date(minimum_deadline())


# --- the training and supervision plan ------------------------------------------------------------------------

define(
    {
        "plan.event.kind": ("Nezināms notikuma veids «{kind}».", "Unknown kind of event '{kind}'."),
        "plan.event.minutes": ("Ilgumam jābūt pozitīvam.", "The duration must be positive."),
        "plan.event.staff": ("Darbinieks nav atrasts.", "The staff member was not found."),
        "plan.event.over_cap": (
            "{person}: plānotais notikums {date} ({kind}, {hours} h) pārsniedz gada kompensējamo limitu — "
            "kompensējamas tikai {compensable} h no {hours} h.",
            "{person}: the planned event on {date} ({kind}, {hours} h) goes past the yearly compensable cap — "
            "only {compensable} h of {hours} h are compensable.",
        ),
    }
)


PLANNED_INVOICE = "plānots"  # stands in for the invoice a planned event will have once it took place


def add_planned_event(
    session: Session,
    *,
    staff_id: int,
    date: dt.date,
    kind: str,
    minutes: int,
    form: str = "in_person",
    cost: Decimal | None = None,
    invoice: str | None = None,
    certified_supervisor: bool | None = None,
    topic: str | None = None,
    provider: str | None = None,
) -> int:
    """Enter a planned event (not yet done): part of the plan, counted by nothing until :func:`mark_done`."""
    if kind not in m.TRAINING_KINDS:
        raise PlanningError(tr("plan.event.kind", kind=kind))
    if minutes <= 0:
        raise PlanningError(tr("plan.event.minutes"))
    if session.get(m.Staff, staff_id) is None:
        raise PlanningError(tr("plan.event.staff"))
    hours = minutes % 60 == 0
    values = {
        "staff_id": staff_id,
        "date": date,
        "kind": kind,
        "form": form,
        "duration": Decimal(minutes) / 60 if hours else Decimal(minutes),
        "duration_unit": "hours" if hours else "minutes",
        "cost": cost,
        "invoice": (invoice or "").strip() or None,
        "certified_supervisor": certified_supervisor,
        "topic": topic,
        "provider": provider,
        "planned": True,
    }
    try:  # through the one door: the training event's own checks, and the change history
        event = records.add(session, "training", values)
    except records.RecordError as exc:
        raise PlanningError(" ".join(problem.message for problem in exc.problems)) from exc
    return int(event.id)  # type: ignore[attr-defined]


def _planned(session: Session, event_id: int) -> m.TrainingEvent:
    event = session.get(m.TrainingEvent, event_id)
    if event is None or not event.planned:
        raise PlanningError(tr("plan.error.event"))
    return event


def mark_done(session: Session, event_id: int) -> None:
    """The planned event took place: from now on claims, checks and the survey count it."""
    _planned(session, event_id)
    records.change(session, "training", event_id, {"planned": False})


def delete_planned_event(session: Session, event_id: int) -> None:
    _planned(session, event_id)
    records.delete(session, "training", event_id)


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    """A planned event as the claim's own rules would treat it were it done."""

    event_id: int
    tabeles_nr: str
    name: str
    date: dt.date
    kind: str
    minutes: int
    compensable_minutes: int
    compensation: Decimal
    excluded: str | None

    @property
    def past_cap(self) -> bool:
        """It goes past the yearly compensable cap: wholly (``over_annual_cap``) or in part."""
        return self.excluded == "over_annual_cap" or (
            self.excluded is None and self.compensable_minutes < self.minutes
        )

    def warning(self) -> str:
        from swdesk.rules.claim import kind_label

        return tr(
            "plan.event.over_cap",
            person=self.name,
            date=fmt_date(self.date),
            kind=kind_label(self.kind),
            hours=fmt_number(Decimal(self.minutes) / 60, 2),
            compensable=fmt_number(Decimal(self.compensable_minutes) / 60, 2),
        )


@dataclass(frozen=True, slots=True)
class PersonPlan:
    """One person's year: hours still needed for the norms, compensable minutes still left, what is planned."""

    tabeles_nr: str
    name: str
    position_code: str
    training_needed: Decimal | None  # hours to the yearly training norm (R7, whole year), None without a norm
    supervision_individual_needed: Decimal | None  # hours to the supervision norms (R8), None without one
    supervision_group_needed: Decimal | None
    cap_left: dict[str, int]  # kind → compensable minutes left under the yearly cap after the done events
    planned_minutes: dict[str, int]
    expected_compensation: Decimal


@dataclass(frozen=True)
class TrainingPlan:
    year: int
    people: tuple[PersonPlan, ...]
    events: tuple[PlannedEvent, ...]

    @property
    def expected_compensation(self) -> Decimal:
        return sum((e.compensation for e in self.events), Decimal("0.00"))

    @property
    def warnings(self) -> list[PlannedEvent]:
        return [e for e in self.events if e.past_cap]


def training_plan(session: Session, *, year: int) -> TrainingPlan:
    """The year's plan: the norms' remaining hours (R7/R8 over the whole year, done events only), the caps'
    remaining minutes (the claim of the year, done events only) and the planned events run through the
    claim's own rules after the done ones, which flags any that would go past its person's cap."""
    from swdesk.rules.checks import make_context, supervision_measures, training_measures
    from swdesk.rules.claim import KINDS, ClaimEvent, annual_cap_minutes, compute_claim, load_claim_input
    from swdesk.rules.periods import parse_period

    period = parse_period(str(year))
    settings = Settings.load(session, period.end)
    done = compute_claim(load_claim_input(session, period), period=period, settings=settings)
    inputs = load_claim_input(session, period, include_planned=True)
    # A planned event has a price but rarely an invoice yet: the forecast takes it as invoiced once done,
    # so that its compensation is foreseen (an event without a cost still has nothing to compensate).
    inputs = dataclasses.replace(
        inputs,
        events=tuple(
            dataclasses.replace(e, invoice=e.invoice or PLANNED_INVOICE) if e.planned else e
            for e in inputs.events
        ),
    )
    planned_ids = {e.event_id for e in inputs.events if e.planned}
    forecast = compute_claim(inputs, period=period, settings=settings)
    events = tuple(
        PlannedEvent(
            event_id=r.event_id,
            tabeles_nr=r.tabeles_nr,
            name=r.staff_name,
            date=r.date,
            kind=r.kind,
            minutes=r.minutes,
            compensable_minutes=r.compensable_minutes,
            compensation=r.compensation,
            excluded=r.excluded,
        )
        for r in forecast.rows
        if r.event_id in planned_ids
    )
    snapshot = load_snapshot(session, since=period.start, until=period.end)
    ctx = make_context(snapshot, year=year, as_of=period.end, settings=settings)
    training, supervision = training_measures(ctx), supervision_measures(ctx)
    used = {(u.tabeles_nr, u.kind): u.used_in_period + u.used_before for u in done.cap_usage}
    people = []
    for (
        person
    ) in ctx.snapshot.staff_sorted:  # each with the position of the year's end (or last day employed)
        if person.id not in ctx.days_employed:
            continue
        t, s = training.get(person.id), supervision.get(person.id)
        mine = [e for e in events if e.tabeles_nr == person.tabeles_nr]
        if t is None and s is None and not mine:
            continue
        position = snapshot.positions.get(person.position_code)
        left = {}
        if position is not None and position.claim_eligible:
            for kind in KINDS:
                probe = ClaimEvent(
                    event_id=0,
                    tabeles_nr=person.tabeles_nr,
                    first_name=person.first_name,
                    last_name=person.last_name,
                    position_code=position.code,
                    position_name=position.name,
                    claim_eligible=True,
                    training_hours=position.training_hours,
                    date=period.end,
                    kind=kind,
                    form="in_person",
                    minutes=0,
                    cost=None,
                    invoice=None,
                    certified_supervisor=None,
                )
                left[kind] = max(
                    0, annual_cap_minutes(probe, settings) - used.get((person.tabeles_nr, kind), 0)
                )
        people.append(
            PersonPlan(
                tabeles_nr=person.tabeles_nr,
                name=person.full_name,
                position_code=person.position_code,
                training_needed=None if t is None else max(Decimal(0), round(t.required - t.done, 2)),
                supervision_individual_needed=None
                if s is None
                else max(Decimal(0), round(s.individual_required - s.individual, 2)),
                supervision_group_needed=None
                if s is None
                else max(Decimal(0), round(s.group_required - s.group, 2)),
                cap_left=left,
                planned_minutes={k: sum(e.minutes for e in mine if e.kind == k) for k in KINDS},
                expected_compensation=sum((e.compensation for e in mine), Decimal("0.00")),
            )
        )
    return TrainingPlan(year=year, people=tuple(people), events=events)


# --- the side-by-side table (the command line, the council document, the view) -------------------------------

define(
    {
        "plan.today": ("Šodien", "Today"),
        "plan.row.population": ("Iedzīvotāju skaits", "Population"),
        "plan.row.sds": ("Sociālā darba speciālistu slodzes", "Social work specialists' FTE"),
        "plan.row.ratio": (
            "Iedzīvotāji uz vienu speciālistu (R1, norma 1:{limit})",
            "Residents per specialist (R1, norm 1:{limit})",
        ),
        "plan.row.shortfall": ("Līdz normai trūkst slodžu", "FTE missing for the norm"),
        "plan.row.effective_sds": (
            "Slodzes sociālajam darbam (bez nesaistītajiem pienākumiem)",
            "FTE left for social work (after other duties)",
        ),
        "plan.row.effective_ratio": (
            "Iedzīvotāji uz speciālistu faktiski (R2)",
            "Residents per specialist in effect (R2)",
        ),
        "plan.row.duty_share": (
            "Nesaistīto pienākumu daļa, visi darbinieki",
            "Non-social-work share, all staff",
        ),
        "plan.row.sds_duty_share": (
            "Nesaistīto pienākumu daļa, speciālisti",
            "Non-social-work share, specialists",
        ),
        "plan.row.findings": ("Konstatējumi kopā", "Findings in all"),
        "plan.row.cost": ("Personāla izmaksas {year}. gadā, EUR", "Personnel cost in {year}, EUR"),
        "plan.row.salaries": ("t.sk. mēnešalgas", "of which salaries"),
        "plan.row.contribution": ("t.sk. darba devēja VSAOI", "of which employer's social insurance"),
        "plan.row.difference": ("Starpība pret šodienu, EUR", "Difference to today, EUR"),
        "plan.row.caseload": (
            "Lietas mēnesī uz slodzi: {position}, {work_type}",
            "Cases a month per FTE: {position}, {work_type}",
        ),
        "plan.rule.staffing.ratio": ("R1 norma 1:1000", "R1 the 1:1000 norm"),
        "plan.rule.staffing.effective_ratio": ("R2 faktiskā attiecība", "R2 effective ratio"),
        "plan.rule.caseload.over_criterion": ("R3 slodze virs kritērija", "R3 caseload over criterion"),
        "plan.rule.caseload.weighted_over_capacity": ("R4 svērtā slodze", "R4 weighted caseload"),
        "plan.rule.caseload.no_criterion": ("R5 nav kritērija", "R5 no workload criterion"),
        "plan.rule.duties.share": ("R6 nesaistītie pienākumi", "R6 non-social-work share"),
        "plan.rule.training.hours": ("R7 apmācības", "R7 training"),
        "plan.rule.supervision.hours": ("R8 supervīzija", "R8 supervision"),
        "plan.rule.education.compliance": ("R9 izglītība", "R9 education"),
        "plan.rule.salary.below_scale": ("R10 alga zem skalas", "R10 pay below scale"),
        "plan.rule.vacancy.long_open": ("R11 ilga vakance", "R11 long vacancy"),
        "plan.rule.population.stale": ("R12 nav iedzīvotāju skaita", "R12 population missing"),
    }
)

# How each row's numbers are written: the one formatter of each kind (fmt_number, fmt_percent).
INTEGER, RATIO, FTE_KIND, SHARE, MONEY, CASES = "integer", "ratio", "fte", "share", "money", "cases"


@dataclass(frozen=True, slots=True)
class TableRow:
    key: str
    label: str
    values: tuple[Decimal | int | None, ...]  # today, then each scenario
    kind: str
    section: str  # "norms", "findings", "cost", "caseload"


def format_value(value: Decimal | int | None, kind: str) -> str:
    """A table value as a head reads it: "1 201,0", "6,75", "12,5 %", "199 681,88"."""
    from swdesk.formats import fmt_percent

    if value is None:
        return "—"
    if kind == SHARE:
        return f"{fmt_percent(Decimal(value))} %"
    places = {INTEGER: 0, RATIO: 1, FTE_KIND: 2, MONEY: 2, CASES: 2}[kind]
    return fmt_number(value, places)


def comparison_rows(comparison: Comparison, *, with_caseload: bool = True) -> list[TableRow]:
    """Today and the scenarios side by side, row by row, in the current language."""
    outcomes = [comparison.today, *comparison.scenarios]
    figs = [o.figures for o in outcomes]
    limit = fmt_number(comparison.limit, 0).replace("\u00a0", "")
    rows = [
        TableRow(
            "population", tr("plan.row.population"), tuple(f.population for f in figs), INTEGER, "norms"
        ),
        TableRow("sds", tr("plan.row.sds"), tuple(f.sds for f in figs), FTE_KIND, "norms"),
        TableRow("ratio", tr("plan.row.ratio", limit=limit), tuple(f.ratio for f in figs), RATIO, "norms"),
        TableRow("shortfall", tr("plan.row.shortfall"), tuple(f.shortfall for f in figs), FTE_KIND, "norms"),
        TableRow(
            "effective_sds",
            tr("plan.row.effective_sds"),
            tuple(f.effective_sds for f in figs),
            FTE_KIND,
            "norms",
        ),
        TableRow(
            "effective_ratio",
            tr("plan.row.effective_ratio"),
            tuple(f.effective_ratio for f in figs),
            RATIO,
            "norms",
        ),
        TableRow("duty_share", tr("plan.row.duty_share"), tuple(f.duty_share for f in figs), SHARE, "norms"),
        TableRow(
            "sds_duty_share",
            tr("plan.row.sds_duty_share"),
            tuple(f.sds_duty_share for f in figs),
            SHARE,
            "norms",
        ),
        TableRow(
            "findings", tr("plan.row.findings"), tuple(f.findings_total for f in figs), INTEGER, "findings"
        ),
    ]
    from swdesk.rules.findings import RULE_IDS

    for rule in RULE_IDS:
        counts = tuple(f.findings[rule] for f in figs)
        if any(counts):
            rows.append(TableRow(f"rule:{rule}", tr(f"plan.rule.{rule}"), counts, INTEGER, "findings"))
    cost_year = outcomes[-1].cost.year
    rows += [
        TableRow(
            "cost", tr("plan.row.cost", year=cost_year), tuple(o.cost.total for o in outcomes), MONEY, "cost"
        ),
        TableRow(
            "salaries", tr("plan.row.salaries"), tuple(o.cost.salaries for o in outcomes), MONEY, "cost"
        ),
        TableRow(
            "contribution",
            tr("plan.row.contribution"),
            tuple(o.cost.contribution for o in outcomes),
            MONEY,
            "cost",
        ),
        TableRow(
            "difference", tr("plan.row.difference"), tuple(o.cost_difference for o in outcomes), MONEY, "cost"
        ),
    ]
    if with_caseload:
        keys: list[tuple[str, str]] = []
        for f in figs:
            for c in f.caseload:
                if (c.position_code, c.work_type_code) not in keys:
                    keys.append((c.position_code, c.work_type_code))
        snapshot = comparison.snapshot
        for position, work_type in sorted(keys):
            values = tuple(
                next(
                    (
                        c.per_fte
                        for c in f.caseload
                        if (c.position_code, c.work_type_code) == (position, work_type)
                    ),
                    None,
                )
                for f in figs
            )
            info = snapshot.positions.get(position)
            rows.append(
                TableRow(
                    f"caseload:{position}:{work_type}",
                    tr(
                        "plan.row.caseload",
                        position=info.name if info else position,
                        work_type=snapshot.work_type_names.get(work_type, work_type),
                    ),
                    values,
                    CASES,
                    "caseload",
                )
            )
    return rows


def column_titles(comparison: Comparison) -> list[str]:
    return [tr("plan.today"), *(o.spec.name for o in comparison.scenarios if o.spec)]
