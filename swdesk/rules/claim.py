"""The training and supervision compensation claim (kompensācijas pieprasījums), SPEC §3.

Sources (DOMAIN §6.3): the ESF project 9.2.1.1/15/I/001 compensated 50 % of training and supervision costs
(seed 001 L51-52; raised to 70 % from 01.10.2016, LM press 08.11.2016), hence the ``claim.rate`` default of
0.50 that the head changes to the scheme in force; the amendment of 13.02.2018 (in force 17.02.2018) fixed
per-person cost caps for supervision by a certified supervisor — individual in person 30 EUR / 60 min,
individual remote 25 EUR / 60 min, group 22 EUR / 180 min (LM press OFF, figures SEC) — the ``claim.cap.*``
settings; and compensation only up to the position's yearly hour norm (seed 003 L4587-4589: a worker
entitled to 16 h who took 24 h was invoiced back), the yearly caps below.

The rule is :func:`compute_claim`, a pure function over :class:`ClaimInput`; :func:`load_claim_input` and
:func:`build_claim` fetch that input from the database. Decisions where SPEC §3 leaves room:

* ``certified_supervisor`` None (not filled in) counts as *not marked certified*: such supervision is
  excluded as ``not_certified``, because the 2018 scheme pays only for a certified supervisor and a claim
  must not rest on what nobody confirmed.
* A cost of 0 (or less) is "no cost" (``no_invoice``): there is nothing to compensate, and an included
  zero-cost row would use up the person's yearly cap that a later paid event needs.
* An invoice number of only spaces is no invoice number.
* A yearly cap in hours is turned into whole minutes rounding down (9.5 h = 570 min; 9.33 h = 559 min),
  since compensable minutes are whole (SPEC §6) and a claim must never go above the norm.
* An event of 0 minutes that passes rules 1–3 is included with 0 compensable minutes and eligible cost 0
  (there is no time to pay for; the supervision cost cap, proportional to minutes, is 0 as well). When the
  cap is already used up it is ``over_annual_cap`` like any other event.
* The caps count per staff record (Tabeles nr.), and the position is the one the record has now: the data
  model keeps no position history.
* The cost caps are compared with the exact (unrounded) cap, and eligible cost and compensation are computed
  with exact fractions and rounded once, half up, to cents.

What a claim document prints besides the rows (issue 16) is carried here too and computes nothing new: how
much of each person's yearly cap the events before the period already used (:class:`CapUsage`, the same
running sums that decide ``over_annual_cap``), the service's record with its header fields, and the date
from which the rate in force applies.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.i18n import define, tr
from swdesk.rules.data import Term, term_in_force
from swdesk.rules.periods import Period
from swdesk.service_record import ServiceRecord
from swdesk.settings import CostCap, Settings

define(
    {
        "claim.reason.not_eligible": (
            "Amats nav tiesīgs saņemt kompensāciju",
            "The position is not eligible for compensation",
        ),
        "claim.reason.no_invoice": ("Nav rēķina numura vai izmaksu", "No invoice number or no cost"),
        "claim.reason.not_certified": ("Supervizors nav sertificēts", "The supervisor is not certified"),
        "claim.reason.over_annual_cap": ("Gada limits jau izmantots", "The yearly cap is already used up"),
        "claim.kind.training": ("Apmācības", "Training"),
        "claim.kind.supervision_individual": ("Individuālā supervīzija", "Individual supervision"),
        "claim.kind.supervision_group": ("Grupas supervīzija", "Group supervision"),
        "claim.form.in_person": ("Klātiene", "In person"),
        "claim.form.remote": ("Attālināti", "Remote"),
    }
)

KINDS = m.TRAINING_KINDS
SUPERVISION_KINDS = ("supervision_individual", "supervision_group")
# In the order SPEC §3 tests them: a row gets the first that applies.
REASONS = ("not_eligible", "no_invoice", "not_certified", "over_annual_cap")

ZERO = Decimal("0.00")


def kind_label(kind: str, *, lang: str | None = None) -> str:
    """The Latvian (or English) name of an event kind, e.g. "Individuālā supervīzija"."""
    return tr(f"claim.kind.{kind}", lang=lang)


def form_label(form: str, *, lang: str | None = None) -> str:
    return tr(f"claim.form.{form}", lang=lang)


def reason_text(reason: str, *, lang: str | None = None) -> str:
    """The sentence a claim document prints for an exclusion reason code of SPEC §3."""
    return tr(f"claim.reason.{reason}", lang=lang)


def round_cents(value: Fraction | Decimal | int) -> Decimal:
    """Money to cents, half up (away from zero), exactly: no binary floating point on the way."""
    exact = Fraction(value)
    cents = math.floor(abs(exact) * 100 + Fraction(1, 2))
    return Decimal(cents if exact >= 0 else -cents).scaleb(-2)


# --- input ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimEvent:
    """One training or supervision event with what the claim needs of its person and position.

    ``event_id`` is the order of entry (breaks ties between events of one date); ``cost`` is per person.
    """

    event_id: int
    tabeles_nr: str
    first_name: str
    last_name: str
    position_code: str
    position_name: str
    claim_eligible: bool
    training_hours: int | None
    date: dt.date
    kind: str
    form: str
    minutes: int
    cost: Decimal | None
    invoice: str | None
    certified_supervisor: bool | None
    provider: str | None = None
    topic: str | None = None
    # a planned event (issue 13): only the training plan's forecast loads one
    planned: bool = False

    @property
    def staff_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class ClaimInput:
    """Plain data for :func:`compute_claim`: the service and the events of the period's year so far.

    Events outside [1 January of the period's year, period end] may be present; they are ignored.
    """

    events: tuple[ClaimEvent, ...]
    service_name: str | None = None
    municipality: str | None = None
    head_name: str | None = None
    # the service's record with the header fields of a claim document (None in plain-data uses)
    service: ServiceRecord | None = None
    # the date from which the claim.rate in force at the period end applies (None: the shipped default)
    rate_from: dt.date | None = None
    # employee number → personal code, where one is kept: two employments of one person share its yearly
    # caps (issue 15; SPEC §3 "caps per person"); without a code an employment is a person of its own
    personal_codes: Mapping[str, str] = field(default_factory=dict)

    def person_of(self, tabeles_nr: str) -> str:
        """The key the yearly caps are counted under: the personal code, else the employee number."""
        code = self.personal_codes.get(tabeles_nr)
        return f"personal:{code}" if code else f"staff:{tabeles_nr}"


# --- output --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimRow:
    """One event of the period in the claim, included (``excluded`` None) or excluded with a reason code.

    ``cost_capped`` says that the supervision cost cap lowered the cost before the share of compensable
    minutes was taken. ``cost`` is None when none was given.
    """

    event_id: int
    tabeles_nr: str
    first_name: str
    last_name: str
    position_code: str
    position_name: str
    date: dt.date
    kind: str
    form: str
    minutes: int
    compensable_minutes: int
    provider: str | None
    topic: str | None
    invoice: str | None
    cost: Decimal | None
    cost_capped: bool
    eligible_cost: Decimal
    compensation: Decimal
    excluded: str | None
    # as entered for a supervision (None: not filled in, which SPEC §3 treats as not certified)
    certified_supervisor: bool | None = None

    @property
    def staff_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def reason_text(self, *, lang: str | None = None) -> str | None:
        """The exclusion reason as a sentence (Latvian by default), or None for an included row."""
        return None if self.excluded is None else reason_text(self.excluded, lang=lang)


@dataclass(frozen=True)
class ClaimTotals:
    """Sums over some rows of a claim. ``cost`` sums the costs given (a missing cost counts 0)."""

    rows: int
    excluded_rows: int
    minutes: int
    compensable_minutes: int
    cost: Decimal
    eligible_cost: Decimal
    compensation: Decimal

    @classmethod
    def of(cls, rows: Iterable[ClaimRow]) -> ClaimTotals:
        rows = list(rows)
        return cls(
            rows=len(rows),
            excluded_rows=sum(1 for r in rows if r.excluded is not None),
            minutes=sum(r.minutes for r in rows),
            compensable_minutes=sum(r.compensable_minutes for r in rows),
            cost=sum((r.cost for r in rows if r.cost is not None), ZERO),
            eligible_cost=sum((r.eligible_cost for r in rows), ZERO),
            compensation=sum((r.compensation for r in rows), ZERO),
        )


@dataclass(frozen=True)
class PersonSubtotal:
    tabeles_nr: str
    first_name: str
    last_name: str
    position_name: str
    totals: ClaimTotals

    @property
    def staff_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class KindSubtotal:
    kind: str
    totals: ClaimTotals

    def label(self, *, lang: str | None = None) -> str:
        return kind_label(self.kind, lang=lang)


@dataclass(frozen=True)
class CapUsage:
    """A person's yearly cap of one kind as a claim uses it (SPEC §3): the cap, the compensable minutes of
    the events of the same year before the period, and those of the period's rows, all in whole minutes."""

    tabeles_nr: str
    kind: str
    cap_minutes: int
    used_before: int
    used_in_period: int

    @property
    def left(self) -> int:
        """Minutes of the cap still free after this claim (never below 0)."""
        return max(0, self.cap_minutes - self.used_before - self.used_in_period)


@dataclass(frozen=True)
class Claim:
    """A compensation claim for a period: everything its JSON, xlsx and pdf forms show.

    ``settings`` are the settings the claim was computed with (rate, cost caps, yearly supervision hours);
    ``by_person`` is in Latvian alphabetical order of surname and name, ``by_kind`` lists all three kinds.
    """

    period: Period
    service_name: str | None
    municipality: str | None
    head_name: str | None
    rate: Decimal
    settings: Settings
    rows: tuple[ClaimRow, ...]
    by_person: tuple[PersonSubtotal, ...]
    by_kind: tuple[KindSubtotal, ...]
    totals: ClaimTotals
    # per person and kind with rows in the period, in the order of ``by_person`` then of KINDS
    cap_usage: tuple[CapUsage, ...] = ()
    service: ServiceRecord | None = None
    rate_from: dt.date | None = None

    def excluded_counts(self) -> dict[str, int]:
        """Number of excluded rows per reason code, every reason listed (in SPEC §3 order)."""
        counts = dict.fromkeys(REASONS, 0)
        for row in self.rows:
            if row.excluded is not None:
                counts[row.excluded] += 1
        return counts


# --- the rule ------------------------------------------------------------------------------------------


def _has_invoice(event: ClaimEvent) -> bool:
    return bool(event.invoice and event.invoice.strip()) and event.cost is not None and event.cost > 0


def _rule_reason(event: ClaimEvent) -> str | None:
    """The first of reasons 1–3 of SPEC §3 that applies, or None (reason 4 needs the running caps)."""
    if not event.claim_eligible:
        return "not_eligible"
    if not _has_invoice(event):
        return "no_invoice"
    if event.kind in SUPERVISION_KINDS and event.certified_supervisor is not True:
        return "not_certified"
    return None


def annual_cap_minutes(event: ClaimEvent, settings: Settings) -> int:
    """The person's yearly cap for the event's kind in whole minutes (rounded down; SPEC §3)."""
    if event.kind == "training":
        hours: Decimal | int = event.training_hours or 0  # no training norm → cap 0
    elif event.kind == "supervision_individual":
        hours = settings.supervision_individual_hours
    elif event.kind == "supervision_group":
        hours = settings.supervision_group_hours
    else:
        raise ValueError(f"unknown training kind {event.kind!r}")
    return math.floor(Fraction(hours) * 60)


def cost_cap(event: ClaimEvent, settings: Settings) -> CostCap | None:
    """The supervision cost cap for the event's kind and form (claim.cap.*), None for training."""
    if event.kind == "supervision_group":
        return settings.cap_group
    if event.kind == "supervision_individual":
        if event.form == "remote":
            return settings.cap_individual_remote
        if event.form == "in_person":
            return settings.cap_individual_in_person
        raise ValueError(f"unknown form {event.form!r}")
    return None


def _eligible_cost(
    *, cost: Decimal, minutes: int, compensable: int, cap: CostCap | None
) -> tuple[Decimal, bool]:
    """round(min(c, cap_eur × m / cap_minutes) × cm / m, 2) and whether the cap applied."""
    if minutes == 0:
        return ZERO, False
    capped = Fraction(cost)
    limited = False
    if cap is not None:
        limit = Fraction(cap.eur) * minutes / cap.minutes
        if limit < capped:
            capped, limited = limit, True
    return round_cents(capped * compensable / minutes), limited


def _row(
    event: ClaimEvent, *, compensable: int, excluded: str | None, settings: Settings
) -> ClaimRow:
    if excluded is None:
        assert event.cost is not None  # _rule_reason excluded the events without a cost
        eligible, capped = _eligible_cost(
            cost=event.cost, minutes=event.minutes, compensable=compensable, cap=cost_cap(event, settings)
        )
        compensation = round_cents(Fraction(eligible) * Fraction(settings.claim_rate))
    else:
        eligible, capped, compensation = ZERO, False, ZERO
    return ClaimRow(
        event_id=event.event_id,
        tabeles_nr=event.tabeles_nr,
        first_name=event.first_name,
        last_name=event.last_name,
        position_code=event.position_code,
        position_name=event.position_name,
        date=event.date,
        kind=event.kind,
        form=event.form,
        minutes=event.minutes,
        compensable_minutes=compensable,
        provider=event.provider,
        topic=event.topic,
        invoice=event.invoice,
        cost=event.cost,
        cost_capped=capped,
        eligible_cost=eligible,
        compensation=compensation,
        excluded=excluded,
        certified_supervisor=event.certified_supervisor,
    )


_LATVIAN_ORDER = {ch: i for i, ch in enumerate("aābcčdeēfgģhiījkķlļmnņopqrsštuūvwxyzž")}


def latvian_sort_key(text: str) -> tuple[int, ...]:
    """Sort key in Latvian alphabetical order (ā after a, č after c …), which code points do not give."""
    text = unicodedata.normalize("NFC", text.casefold())
    return tuple(_LATVIAN_ORDER.get(ch, 1000 + ord(ch)) for ch in text)


def compute_claim(inputs: ClaimInput, *, period: Period, settings: Settings) -> Claim:
    """The claim for ``period`` under ``settings`` (SPEC §3); pure.

    Events are taken in date order, same date in entry order. Each one dated from 1 January of the period's
    year to the period end is tested against reasons 1–3; one that passes uses up the person's yearly cap of
    its kind by its compensable minutes, whether it lies in the period or before it, so a ``2025-Q3``
    claim accounts for the hours already claimable in Q1–Q2. Only events dated in the period become rows.
    """
    events = sorted(
        (e for e in inputs.events if period.year_start <= e.date <= period.end),
        key=lambda e: (e.date, e.event_id),
    )
    used: dict[tuple[str, str], int] = {}
    used_before: dict[tuple[str, str], int] = {}
    caps: dict[tuple[str, str], int] = {}
    rows: list[ClaimRow] = []
    person = inputs.person_of
    for event in events:
        excluded = _rule_reason(event)
        compensable = 0
        if excluded is None:
            key = (person(event.tabeles_nr), event.kind)
            left = annual_cap_minutes(event, settings) - used.get(key, 0)
            if left <= 0:
                excluded = "over_annual_cap"
            else:
                compensable = min(event.minutes, left)
                used[key] = used.get(key, 0) + compensable
        if event.date >= period.start:
            rows.append(_row(event, compensable=compensable, excluded=excluded, settings=settings))
            caps.setdefault((event.tabeles_nr, event.kind), annual_cap_minutes(event, settings))
        else:
            key = (person(event.tabeles_nr), event.kind)
            used_before[key] = used_before.get(key, 0) + compensable
    by_person = _by_person(rows)
    # summed once per (person, kind): a sum over all rows for each person made a Rīga year's claim quadratic
    used_in_period: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (person(r.tabeles_nr), r.kind)
        used_in_period[key] = used_in_period.get(key, 0) + r.compensable_minutes
    return Claim(
        period=period,
        service_name=inputs.service_name,
        municipality=inputs.municipality,
        head_name=inputs.head_name,
        rate=settings.claim_rate,
        settings=settings,
        rows=tuple(rows),
        by_person=by_person,
        by_kind=tuple(
            KindSubtotal(kind=k, totals=ClaimTotals.of(r for r in rows if r.kind == k)) for k in KINDS
        ),
        totals=ClaimTotals.of(rows),
        cap_usage=tuple(
            CapUsage(
                tabeles_nr=subtotal.tabeles_nr,
                kind=kind,
                cap_minutes=caps[(subtotal.tabeles_nr, kind)],
                # what the person used, in this employment or another one linked by the personal code
                used_before=used_before.get((person(subtotal.tabeles_nr), kind), 0),
                used_in_period=used_in_period.get((person(subtotal.tabeles_nr), kind), 0),
            )
            for subtotal in by_person
            for kind in KINDS
            if (subtotal.tabeles_nr, kind) in caps
        ),
        service=inputs.service,
        rate_from=inputs.rate_from,
    )


def _by_person(rows: Sequence[ClaimRow]) -> tuple[PersonSubtotal, ...]:
    groups: dict[str, list[ClaimRow]] = {}
    for row in rows:
        groups.setdefault(row.tabeles_nr, []).append(row)
    subtotals = [
        PersonSubtotal(
            tabeles_nr=nr, first_name=group[0].first_name, last_name=group[0].last_name,
            position_name=group[0].position_name, totals=ClaimTotals.of(group),
        )
        for nr, group in groups.items()
    ]
    # Surname first, as lists of people are read.
    return tuple(
        sorted(
            subtotals,
            key=lambda s: (latvian_sort_key(s.last_name), latvian_sort_key(s.first_name), s.tabeles_nr),
        )
    )


# --- from the database ---------------------------------------------------------------------------------


def load_claim_input(session: Session, period: Period, *, include_planned: bool = False) -> ClaimInput:
    """Events from 1 January of the period's year to the period end, with their staff and position.

    Events before the period are loaded on purpose: they use up the yearly caps (SPEC §3). Planned events
    are left out unless ``include_planned`` (only the training plan asks, to foresee their compensation).
    """
    e, s, p = m.TrainingEvent, m.Staff, m.Position
    stmt = (
        select(
            e.id, e.date, e.kind, e.form, e.minutes, e.cost, e.invoice, e.certified_supervisor, e.provider,
            e.topic, s.tabeles_nr, s.first_name, s.last_name, p.code, p.name, p.claim_eligible,
            p.training_hours, s.id.label("staff_id"),
        )
        .join(s, e.staff_id == s.id)
        .join(p, s.position_code == p.code)
        .where(e.date >= period.year_start, e.date <= period.end)
        .order_by(e.date, e.id)
    )
    if not include_planned:  # a planned event is claimed by nobody until it is marked done (issue 13)
        stmt = stmt.where(e.planned.is_(False))
    else:
        stmt = stmt.add_columns(e.planned)
    rows = session.execute(stmt).all()
    events = tuple(
        ClaimEvent(
            event_id=r.id, tabeles_nr=r.tabeles_nr, first_name=r.first_name, last_name=r.last_name,
            position_code=r.code, position_name=r.name, claim_eligible=bool(r.claim_eligible),
            training_hours=r.training_hours, date=r.date, kind=r.kind, form=r.form, minutes=r.minutes,
            cost=r.cost, invoice=r.invoice, certified_supervisor=r.certified_supervisor,
            provider=r.provider, topic=r.topic, planned=bool(r.planned) if include_planned else False,
        )
        for r in rows
    )
    events = _positions_on_event_dates(session, events, {r.id: r.staff_id for r in rows})
    from swdesk.service_record import load_service_record

    service = load_service_record(session)
    return ClaimInput(
        events=events,
        service_name=service.name if service else None,
        municipality=service.municipality if service else None,
        head_name=service.head_name if service else None,
        service=service,
        rate_from=_rate_from(session, period.end),
        personal_codes=_personal_codes(session),
    )


def _positions_on_event_dates(
    session: Session, events: tuple[ClaimEvent, ...], staff_of: Mapping[int, int]
) -> tuple[ClaimEvent, ...]:
    """Each event with the position its person held on the event's date (issue 17: a position changed from
    a date does not change the eligibility or the training cap of events before it)."""
    changed = {
        staff_id for (staff_id,) in session.execute(
            select(m.StaffTerm.staff_id).group_by(m.StaffTerm.staff_id).having(func.count() > 1)
        )
    } & set(staff_of.values())
    if not changed:
        return events
    terms: dict[int, list[Term]] = defaultdict(list)
    for row in session.execute(
        select(m.StaffTerm.staff_id, m.StaffTerm.valid_from, m.StaffTerm.position_code, m.StaffTerm.fte,
               m.StaffTerm.education_code, m.StaffTerm.salary, m.StaffTerm.unit_name)
        .where(m.StaffTerm.staff_id.in_(changed))
        .order_by(m.StaffTerm.staff_id, m.StaffTerm.valid_from)
    ):
        terms[row.staff_id].append(
            Term(row.valid_from, row.position_code, row.fte, row.education_code, row.salary, row.unit_name)
        )
    positions = {
        r.code: r for r in session.execute(
            select(m.Position.code, m.Position.name, m.Position.claim_eligible, m.Position.training_hours)
        )
    }
    result = []
    for event in events:
        staff_id = staff_of[event.event_id]
        if staff_id in changed:
            code = term_in_force(terms[staff_id], event.date).position_code
            if code != event.position_code and code in positions:
                held = positions[code]
                event = replace(event, position_code=code, position_name=held.name,
                                claim_eligible=bool(held.claim_eligible), training_hours=held.training_hours)
        result.append(event)
    return tuple(result)


def _personal_codes(session: Session) -> dict[str, str]:
    """Employee number → personal code of every employment that has one (the caps' person, issue 15)."""
    stmt = select(m.Staff.tabeles_nr, m.Staff.personal_code).where(m.Staff.personal_code.is_not(None))
    return {nr: code for nr, code in session.execute(stmt) if code}


def _rate_from(session: Session, day: dt.date) -> dt.date | None:
    """The date from which the claim.rate in force on ``day`` applies; None when none was stored (the
    shipped default)."""
    from swdesk.settings import history

    dates = [valid_from for valid_from, _value in history(session, "claim.rate") if valid_from <= day]
    return dates[-1] if dates else None


def build_claim(session: Session, period: Period) -> Claim:
    """The claim for ``period`` from the database, with the settings in force on the period end.

    One set of settings serves the whole claim, including the events before the period that use up the
    caps: so a rate or cap changed during the year applies to every row of a claim made after the change,
    and a claim made for an earlier period keeps the values of its own end date.
    """
    settings = Settings.load(session, period.end)
    return compute_claim(load_claim_input(session, period), period=period, settings=settings)


# --- JSON (SPEC §6) ------------------------------------------------------------------------------------


def _money(value: Decimal | None) -> float | None:
    # Cents as a JSON number; float of a two-place decimal prints back as the same two places.
    return None if value is None else float(value)


def to_json(claim: Claim) -> dict[str, Any]:
    """The claim as SPEC §6 defines its JSON: stable keys, ISO dates, numbers as numbers."""
    return {
        "period": {"from": claim.period.start.isoformat(), "to": claim.period.end.isoformat()},
        "rate": float(claim.rate),
        "rows": [
            {
                "staff": row.tabeles_nr,
                "date": row.date.isoformat(),
                "kind": row.kind,
                "minutes": row.minutes,
                "compensable_minutes": row.compensable_minutes,
                "cost": _money(row.cost),
                "eligible_cost": _money(row.eligible_cost),
                "compensation": _money(row.compensation),
                "excluded": row.excluded,
            }
            for row in claim.rows
        ],
        "totals": {
            "eligible_cost": _money(claim.totals.eligible_cost),
            "compensation": _money(claim.totals.compensation),
        },
    }
