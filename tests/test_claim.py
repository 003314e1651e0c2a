"""The compensation claim rule (SPEC §3) on plain data, with expectations worked out by hand.

Defaults used throughout (SPEC §1.6): rate 0.50; cost caps individual in person 30 EUR / 60 min, individual
remote 25 EUR / 60 min, group 22 EUR / 180 min; yearly supervision caps 9 h = 540 min (individual) and
18 h = 1080 min (group); training caps from the position: SD 24 h = 1440 min, SPO 16 h = 960 min.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from decimal import Decimal

import pytest

from swdesk.rules.claim import (
    REASONS,
    ClaimEvent,
    ClaimInput,
    annual_cap_minutes,
    compute_claim,
    round_cents,
    to_json,
)
from swdesk.rules.periods import parse_period
from swdesk.settings import Settings

D = dt.date
FEB_3 = D(2025, 2, 3)
DEFAULTS = Settings.defaults()
# position code → (name, claim-eligible, training hours)
POSITIONS = {
    "SD": ("Sociālais darbinieks", True, 24),
    "SPO": ("Sociālās palīdzības organizators", True, 16),
    "VAD_V": ("Sociālā dienesta vadītāja vietnieks", True, None),
    "GA": ("Ģimenes asistents / sociālais mentors", False, None),
    "APR": ("Aprūpētājs", False, 8),
}


def ev(
    event_id: int,
    *,
    kind: str = "supervision_individual",
    day: dt.date = FEB_3,
    minutes: int = 60,
    cost: str | None = "30.00",
    invoice: str | None = "R-1",
    form: str = "in_person",
    certified: bool | None = True,
    position: str = "SD",
    nr: str = "T1",
) -> ClaimEvent:
    name, eligible, hours = POSITIONS[position]
    return ClaimEvent(
        event_id=event_id, tabeles_nr=nr, first_name="Anna", last_name=f"Darbiniece {nr}",
        position_code=position, position_name=name, claim_eligible=eligible, training_hours=hours,
        date=day, kind=kind, form=form, minutes=minutes, cost=None if cost is None else Decimal(cost),
        invoice=invoice, certified_supervisor=certified,
    )


def claim_for(events: list[ClaimEvent], period: str = "2025", settings: Settings = DEFAULTS):  # type: ignore[no-untyped-def]
    return compute_claim(ClaimInput(events=tuple(events)), period=parse_period(period), settings=settings)


def summary(claim) -> list[tuple[int, str | None, int, str, str]]:  # type: ignore[no-untyped-def]
    """(event id, reason, compensable minutes, eligible cost, compensation) per row, in claim order."""
    return [
        (r.event_id, r.excluded, r.compensable_minutes, str(r.eligible_cost), str(r.compensation))
        for r in claim.rows
    ]


# Each case: events, then the expected rows as (id, reason, cm, eligible, compensation).
CASES: dict[str, tuple[list[ClaimEvent], list[tuple[int, str | None, int, str, str]]]] = {
    # --- exclusion reasons and their order ---
    "not eligible position": (
        [ev(1, position="GA")],
        [(1, "not_eligible", 0, "0.00", "0.00")],
    ),
    "not eligible beats no invoice and not certified": (
        [ev(1, position="GA", invoice=None, cost=None, certified=False)],
        [(1, "not_eligible", 0, "0.00", "0.00")],
    ),
    "no invoice number": ([ev(1, invoice=None)], [(1, "no_invoice", 0, "0.00", "0.00")]),
    "blank invoice number": ([ev(1, invoice="   ")], [(1, "no_invoice", 0, "0.00", "0.00")]),
    "no cost": ([ev(1, cost=None)], [(1, "no_invoice", 0, "0.00", "0.00")]),
    # a zero cost is no cost: nothing to pay, and it must not use up the cap
    "zero cost": ([ev(1, cost="0.00")], [(1, "no_invoice", 0, "0.00", "0.00")]),
    "no invoice beats not certified": (
        [ev(1, invoice=None, certified=False)],
        [(1, "no_invoice", 0, "0.00", "0.00")],
    ),
    "uncertified supervisor": ([ev(1, certified=False)], [(1, "not_certified", 0, "0.00", "0.00")]),
    # None = nobody marked the supervisor certified → excluded as well
    "certification not filled in": ([ev(1, certified=None)], [(1, "not_certified", 0, "0.00", "0.00")]),
    "group supervision uncertified": (
        [ev(1, kind="supervision_group", minutes=180, cost="20.00", certified=False)],
        [(1, "not_certified", 0, "0.00", "0.00")],
    ),
    # training needs no certified supervisor: 120 min, 80.00 → 80.00 × 120/120 = 80.00; × 0.5 = 40.00
    "training ignores certification": (
        [ev(1, kind="training", minutes=120, cost="80.00", certified=None)],
        [(1, None, 120, "80.00", "40.00")],
    ),
    # over the cap beats nothing earlier: 540 min used by #1 (540 min, cost 270 ≤ cap 30×540/60 = 270)
    "over annual cap": (
        [ev(1, minutes=540, cost="270.00"), ev(2, day=D(2025, 3, 1))],
        [(1, None, 540, "270.00", "135.00"), (2, "over_annual_cap", 0, "0.00", "0.00")],
    ),
    # not certified comes before over the cap when both apply
    "not certified beats over cap": (
        [ev(1, minutes=540, cost="270.00"), ev(2, day=D(2025, 3, 1), certified=False)],
        [(1, None, 540, "270.00", "135.00"), (2, "not_certified", 0, "0.00", "0.00")],
    ),
    # --- cost caps ---
    # in person: cap 30 × 60/60 = 30.00 < 45.00 → 30.00; × 0.5 = 15.00
    "in-person cap": ([ev(1, cost="45.00")], [(1, None, 60, "30.00", "15.00")]),
    # remote: cap 25 × 60/60 = 25.00 < 45.00 → 25.00; × 0.5 = 12.50
    "remote cap": ([ev(1, cost="45.00", form="remote")], [(1, None, 60, "25.00", "12.50")]),
    # group: cap 22 × 180/180 = 22.00 < 40.00 → 22.00; × 0.5 = 11.00
    "group cap": (
        [ev(1, kind="supervision_group", minutes=180, cost="40.00")],
        [(1, None, 180, "22.00", "11.00")],
    ),
    # group is group whatever the form: remote group still 22 / 180
    "remote group uses the group cap": (
        [ev(1, kind="supervision_group", minutes=180, cost="40.00", form="remote")],
        [(1, None, 180, "22.00", "11.00")],
    ),
    # in person, 90 min: cap 30 × 90/60 = 45.00 > 40.00 → 40.00; × 0.5 = 20.00
    "in person under the cap": ([ev(1, minutes=90, cost="40.00")], [(1, None, 90, "40.00", "20.00")]),
    # remote, 90 min: cap 25 × 90/60 = 37.50 < 40.00 → 37.50; × 0.5 = 18.75
    "remote 90 min capped": (
        [ev(1, minutes=90, cost="40.00", form="remote")],
        [(1, None, 90, "37.50", "18.75")],
    ),
    # group, 120 min: cap 22 × 120/180 = 14.666… < 20 → 14.67; 14.67 × 0.5 = 7.335 → 7.34 (half up)
    "group cap for a shorter session": (
        [ev(1, kind="supervision_group", minutes=120, cost="20.00")],
        [(1, None, 120, "14.67", "7.34")],
    ),
    # training has no cost cap: 500.00 × 480/480 = 500.00; × 0.5 = 250.00
    "training has no cost cap": (
        [ev(1, kind="training", minutes=480, cost="500.00")],
        [(1, None, 480, "500.00", "250.00")],
    ),
    # --- the yearly cap ---
    # 8 × 60 min = 480 used; #9 90 min, 45.00 (cap 30 × 90/60 = 45.00): left 540 − 480 = 60,
    # eligible 45.00 × 60/90 = 30.00, × 0.5 = 15.00; #10 → over the cap
    "event crossing the cap is partly compensable": (
        [ev(i, day=D(2025, 1, 6 + i)) for i in range(1, 9)]
        + [ev(9, day=D(2025, 2, 1), minutes=90, cost="45.00"), ev(10, day=D(2025, 2, 2))],
        [(i, None, 60, "30.00", "15.00") for i in range(1, 9)]
        + [(9, None, 60, "30.00", "15.00"), (10, "over_annual_cap", 0, "0.00", "0.00")],
    ),
    # group 1080 min: #1 900 min (cost 110 = cap 22 × 900/180 = 110); same date 10.03: #3 entered before #2
    # in the list, but #2 was entered first (lower id): #2 takes 180 left of its 240 min:
    # cap 22 × 240/180 = 29.333… < 40 → × 180/240 = 22.00; × 0.5 = 11.00; #3 → over the cap
    "same date in entry order": (
        [
            ev(1, kind="supervision_group", minutes=900, cost="110.00", day=D(2025, 1, 10)),
            ev(3, kind="supervision_group", minutes=180, cost="22.00", day=D(2025, 3, 10)),
            ev(2, kind="supervision_group", minutes=240, cost="40.00", day=D(2025, 3, 10)),
        ],
        [
            (1, None, 900, "110.00", "55.00"),
            (2, None, 180, "22.00", "11.00"),
            (3, "over_annual_cap", 0, "0.00", "0.00"),
        ],
    ),
    # excluded events (reasons 1–3) use none of the cap: 540 min uncertified, 540 min without invoice,
    # then 540 min certified with invoice (270.00 = cap) is compensable in full: 270.00, × 0.5 = 135.00
    "excluded events do not use the cap": (
        [
            ev(1, minutes=540, cost="270.00", certified=False, day=D(2025, 1, 5)),
            ev(2, minutes=540, cost="270.00", invoice=None, day=D(2025, 1, 6)),
            ev(3, minutes=540, cost="270.00", day=D(2025, 1, 7)),
        ],
        [
            (1, "not_certified", 0, "0.00", "0.00"),
            (2, "no_invoice", 0, "0.00", "0.00"),
            (3, None, 540, "270.00", "135.00"),
        ],
    ),
    # kinds have separate caps: 540 individual used, group and training still open
    "caps are per kind": (
        [
            ev(1, minutes=540, cost="270.00", day=D(2025, 1, 5)),
            ev(2, kind="supervision_group", minutes=180, cost="22.00", day=D(2025, 1, 6)),
            ev(3, kind="training", minutes=60, cost="10.00", day=D(2025, 1, 7)),
        ],
        [
            (1, None, 540, "270.00", "135.00"),
            (2, None, 180, "22.00", "11.00"),
            (3, None, 60, "10.00", "5.00"),
        ],
    ),
    # caps are per person: T2's first session is not over T1's cap
    "caps are per person": (
        [ev(1, minutes=540, cost="270.00", day=D(2025, 1, 5)), ev(2, nr="T2", day=D(2025, 1, 6))],
        [(1, None, 540, "270.00", "135.00"), (2, None, 60, "30.00", "15.00")],
    ),
    # SPO training cap 16 h = 960 min: 900 + 120 → 60 left: 100.00 × 60/120 = 50.00; × 0.5 = 25.00
    "training cap from the position": (
        [
            ev(1, kind="training", minutes=900, cost="300.00", position="SPO", day=D(2025, 1, 5)),
            ev(2, kind="training", minutes=120, cost="100.00", position="SPO", day=D(2025, 1, 6)),
        ],
        [(1, None, 900, "300.00", "150.00"), (2, None, 60, "50.00", "25.00")],
    ),
    # VAD_V is claim-eligible but has no training norm: cap 0 → over the cap; its supervision is fine
    "no training norm": (
        [
            ev(1, kind="training", minutes=60, cost="50.00", position="VAD_V"),
            ev(2, position="VAD_V"),
        ],
        [(1, "over_annual_cap", 0, "0.00", "0.00"), (2, None, 60, "30.00", "15.00")],
    ),
    # --- rounding half up at cents, where binary floating point rounds down ---
    # SD training, 1440 − 1410 = 30 min left; 5.35 × 30/60 = 2.675 → 2.68 (float: round(2.675, 2) = 2.67);
    # 2.68 × 0.5 = 1.34
    "eligible cost rounds half up": (
        [
            ev(1, kind="training", minutes=1410, cost="100.00", day=D(2025, 1, 5)),
            ev(2, kind="training", minutes=60, cost="5.35", day=D(2025, 1, 6)),
        ],
        [(1, None, 1410, "100.00", "50.00"), (2, None, 30, "2.68", "1.34")],
    ),
    # 1.45 × 0.5 = 0.725 → 0.73 (float: round(1.45 * 0.5, 2) = 0.72)
    "compensation rounds half up": (
        [ev(1, kind="training", minutes=60, cost="1.45")],
        [(1, None, 60, "1.45", "0.73")],
    ),
    # --- zero minutes ---
    # included, nothing to pay: eligible 0 (no division by zero), and it uses no minutes of the cap
    "zero-minute event": (
        [ev(1, minutes=0, cost="30.00"), ev(2, minutes=540, cost="270.00", day=D(2025, 3, 1))],
        [(1, None, 0, "0.00", "0.00"), (2, None, 540, "270.00", "135.00")],
    ),
    "zero-minute event after the cap is used": (
        [ev(1, minutes=540, cost="270.00"), ev(2, minutes=0, day=D(2025, 3, 1))],
        [(1, None, 540, "270.00", "135.00"), (2, "over_annual_cap", 0, "0.00", "0.00")],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_claim_rule(case: str) -> None:
    events, expected = CASES[case]
    assert summary(claim_for(events)) == expected


def test_float_rounding_would_differ() -> None:
    # The two rounding cases above are only meaningful if float rounding gets them wrong.
    assert round(5.35 * 30 / 60, 2) == 2.67
    assert round(1.45 * 0.5, 2) == 0.72
    assert round_cents(Decimal("2.675")) == Decimal("2.68")
    assert round_cents(Decimal("0.725")) == Decimal("0.73")
    assert round_cents(Decimal("-0.725")) == Decimal("-0.73")
    assert str(round_cents(0)) == "0.00"


def test_caps_across_periods() -> None:
    # SD training cap 1440 min. Before Q3: 2024 event (other year, ignored), Q1 1200 min compensable,
    # Q2 600 min without invoice (uses nothing). Q3: 480 min, 160.00 → 240 left:
    # 160.00 × 240/480 = 80.00; × 0.5 = 40.00. Q4 event lies after the period: not loaded, not a row.
    events = [
        ev(1, kind="training", minutes=1440, cost="500.00", day=D(2024, 11, 5)),
        ev(2, kind="training", minutes=1200, cost="400.00", day=D(2025, 2, 5)),
        ev(3, kind="training", minutes=600, cost="200.00", invoice=None, day=D(2025, 5, 5)),
        ev(4, kind="training", minutes=480, cost="160.00", day=D(2025, 8, 5)),
        ev(5, kind="training", minutes=60, cost="20.00", day=D(2025, 10, 5)),
    ]
    q3 = claim_for(events, "2025-Q3")
    assert summary(q3) == [(4, None, 240, "80.00", "40.00")]
    assert q3.totals.eligible_cost == Decimal("80.00") and q3.totals.compensation == Decimal("40.00")
    # The whole year gives the same Q3 row: the claims of parts of a year agree with the year's.
    year = claim_for(events, "2025")
    assert [r for r in year.rows if r.date in q3.period] == list(q3.rows)


def test_fractional_yearly_hours_round_down_to_whole_minutes() -> None:
    settings = dataclasses.replace(DEFAULTS, supervision_individual_hours=Decimal("9.33"))
    # 9.33 × 60 = 559.8 → 559 min: the claim never goes above the norm
    assert annual_cap_minutes(ev(1), settings) == 559
    # 540 + 60 → 19 left: 30.00 × 19/60 = 9.50; × 0.5 = 4.75
    claim = claim_for([ev(1, minutes=540, cost="270.00"), ev(2, day=D(2025, 3, 1))], settings=settings)
    assert summary(claim)[1] == (2, None, 19, "9.50", "4.75")


def test_rate_and_caps_come_from_settings() -> None:
    from swdesk.settings import CostCap

    settings = dataclasses.replace(
        DEFAULTS, claim_rate=Decimal("0.70"), cap_individual_in_person=CostCap(Decimal("40"), 60)
    )
    # cap 40 × 60/60 = 40.00 < 45.00 → 40.00; × 0.70 = 28.00
    claim = claim_for([ev(1, cost="45.00")], settings=settings)
    assert summary(claim) == [(1, None, 60, "40.00", "28.00")]
    assert claim.rate == Decimal("0.70")


def test_row_carries_document_fields_and_reason_texts() -> None:
    event = dataclasses.replace(ev(1, certified=False), provider="Supervizoru centrs", topic="Izdegšana")
    row = claim_for([event, ev(2, form="remote", day=D(2025, 3, 1))]).rows[0]
    assert (row.staff_name, row.position_name, row.provider, row.topic, row.invoice) == (
        "Anna Darbiniece T1", "Sociālais darbinieks", "Supervizoru centrs", "Izdegšana", "R-1",
    )
    assert row.reason_text() == "Supervizors nav sertificēts"
    assert row.reason_text(lang="en") == "The supervisor is not certified"
    texts = {
        "not_eligible": "Amats nav tiesīgs saņemt kompensāciju",
        "no_invoice": "Nav rēķina numura vai izmaksu",
        "not_certified": "Supervizors nav sertificēts",
        "over_annual_cap": "Gada limits jau izmantots",
    }
    from swdesk.rules.claim import reason_text

    assert {r: reason_text(r) for r in REASONS} == texts


def test_cost_capped_flag() -> None:
    claim = claim_for([ev(1, cost="45.00"), ev(2, cost="20.00", day=D(2025, 3, 1))])
    assert [r.cost_capped for r in claim.rows] == [True, False]


def test_subtotals_per_person_and_kind() -> None:
    def person(nr: str, last: str, first: str, i: int, **kw: object) -> ClaimEvent:
        return dataclasses.replace(ev(i, nr=nr, **kw), first_name=first, last_name=last)  # type: ignore[arg-type]

    events = [
        person("T1", "Bērziņa", "Anna", 1, cost="45.00"),  # 30.00 / 15.00
        person("T2", "Ābele", "Ilze", 2, kind="training", minutes=120, cost="40.00"),  # 40.00 / 20.00
        person("T2", "Ābele", "Ilze", 3, invoice=None),  # excluded
        person("T3", "Avotiņa", "Līga", 4, kind="supervision_group", minutes=180, cost="22.00"),  # 22 / 11
    ]
    claim = claim_for(events)
    # Latvian order: A, Ā, B (code points would put Ā after B)
    assert [(p.tabeles_nr, p.staff_name) for p in claim.by_person] == [
        ("T3", "Līga Avotiņa"), ("T2", "Ilze Ābele"), ("T1", "Anna Bērziņa"),
    ]
    t2 = claim.by_person[1].totals
    assert (t2.rows, t2.excluded_rows, t2.minutes, t2.compensable_minutes) == (2, 1, 180, 120)
    assert (t2.cost, t2.eligible_cost, t2.compensation) == (Decimal("70"), Decimal("40"), Decimal("20"))
    kinds = {k.kind: k.totals for k in claim.by_kind}
    assert list(kinds) == ["training", "supervision_individual", "supervision_group"]
    assert kinds["supervision_individual"].eligible_cost == Decimal("30.00")
    assert kinds["supervision_individual"].excluded_rows == 1
    assert kinds["training"].compensation == Decimal("20.00")
    assert kinds["supervision_group"].compensation == Decimal("11.00")
    # 30 + 40 + 22 = 92.00; 15 + 20 + 11 = 46.00
    assert (claim.totals.eligible_cost, claim.totals.compensation) == (Decimal("92.00"), Decimal("46.00"))
    assert claim.excluded_counts() == {"not_eligible": 0, "no_invoice": 1, "not_certified": 0,
                                       "over_annual_cap": 0}


def test_json_shape() -> None:
    claim = claim_for([ev(1, cost="45.00"), ev(2, cost=None, day=D(2025, 3, 1))], "2025-H1")
    data = to_json(claim)
    assert set(data) == {"period", "rate", "rows", "totals"}
    assert data["period"] == {"from": "2025-01-01", "to": "2025-06-30"}
    assert data["rate"] == 0.5
    assert set(data["totals"]) == {"eligible_cost", "compensation"}
    assert data["rows"] == [
        {"staff": "T1", "date": "2025-02-03", "kind": "supervision_individual", "minutes": 60,
         "compensable_minutes": 60, "cost": 45.0, "eligible_cost": 30.0, "compensation": 15.0,
         "excluded": None},
        {"staff": "T1", "date": "2025-03-01", "kind": "supervision_individual", "minutes": 60,
         "compensable_minutes": 0, "cost": None, "eligible_cost": 0.0, "compensation": 0.0,
         "excluded": "no_invoice"},
    ]
    assert data["totals"] == {"eligible_cost": 30.0, "compensation": 15.0}


def test_events_outside_the_year_to_period_end_are_ignored() -> None:
    events = [ev(1, day=D(2024, 12, 31)), ev(2, day=D(2025, 7, 1))]
    assert claim_for(events, "2025-H1").rows == ()


# --- a larger claim built in code ---------------------------------------------------------------------


def _random_events(count: int, seed: int = 20250101) -> list[ClaimEvent]:
    rnd = random.Random(seed)
    staff = [(f"T{i:02d}", rnd.choice(list(POSITIONS))) for i in range(12)]
    events = []
    for i in range(1, count + 1):
        nr, position = rnd.choice(staff)
        kind = rnd.choice(["training", "supervision_individual", "supervision_group"])
        events.append(
            ev(
                i,
                nr=nr,
                position=position,
                kind=kind,
                day=D(2025, 1, 1) + dt.timedelta(days=rnd.randrange(365)),
                minutes=rnd.choice([0, 45, 60, 90, 120, 180, 240, 480]),
                cost=None if rnd.random() < 0.05 else f"{rnd.randrange(0, 20000) / 100:.2f}",
                invoice=None if rnd.random() < 0.08 else f"R-{i}",
                form=rnd.choice(["in_person", "remote"]),
                certified=rnd.choice([True, True, True, False, None]),
            )
        )
    rnd.shuffle(events)  # the rule must order them itself
    return events


def test_three_hundred_events() -> None:
    events = _random_events(300)
    year = claim_for(events)
    rows = year.rows
    assert len(rows) == 300
    assert [(r.date, r.event_id) for r in rows] == sorted((r.date, r.event_id) for r in rows)
    assert year.totals.eligible_cost == sum((r.eligible_cost for r in rows), Decimal(0))
    assert year.totals.compensation == sum((r.compensation for r in rows), Decimal(0))
    assert sum(p.totals.compensation for p in year.by_person) == year.totals.compensation
    assert sum(k.totals.eligible_cost for k in year.by_kind) == year.totals.eligible_cost
    assert sum(year.excluded_counts().values()) == year.totals.excluded_rows
    assert all(count > 0 for count in year.excluded_counts().values())  # every reason occurs

    by_event = {e.event_id: e for e in events}
    used: dict[tuple[str, str], int] = {}
    for r in rows:
        event = by_event[r.event_id]
        used[(r.tabeles_nr, r.kind)] = used.get((r.tabeles_nr, r.kind), 0) + r.compensable_minutes
        assert r.compensation == round_cents(r.eligible_cost * Decimal("0.50"))
        assert 0 <= r.compensable_minutes <= r.minutes
        if r.excluded is not None:
            assert (r.compensable_minutes, r.eligible_cost, r.compensation) == (0, 0, 0)
        else:
            assert event.cost is not None and r.eligible_cost <= event.cost
    for (_nr, kind), minutes in used.items():
        event = next(e for e in events if (e.tabeles_nr, e.kind) == (_nr, kind))
        assert minutes <= annual_cap_minutes(event, DEFAULTS)

    # The four quarters together are the year, row for row, since earlier quarters use up the caps.
    quarters = [claim_for(events, f"2025-Q{q}") for q in range(1, 5)]
    assert [r for q in quarters for r in q.rows] == list(rows)
    assert sum(q.totals.compensation for q in quarters) == year.totals.compensation
