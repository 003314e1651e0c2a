"""Loading a snapshot (swdesk.rules.data.load_snapshot): the fast paths give the rows the plain reading gives.

A year or more is read straight through the table (not through the date index), the rows come from the
driver's cursor with each column converted by its type, and a view may leave tables out; none of this may
change which rows a check sees, in which order, or their values' types.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from swdesk.db.database import Database
from swdesk.demo import generate_demo
from swdesk.rules.data import LONG_PERIOD, Snapshot, load_snapshot

TODAY = dt.date(2025, 11, 28)


@pytest.fixture
def demo(any_db: Database) -> Database:
    generate_demo(any_db, size="small", seed=5, today=TODAY)
    return any_db


def _within(snapshot: Snapshot, since: dt.date, until: dt.date) -> tuple[tuple, tuple, tuple]:  # type: ignore[type-arg]
    """The whole snapshot's dated rows of the period, as the period's own load must give them."""
    return (
        tuple(r for r in snapshot.caseloads if since.replace(day=1) <= r.month <= until),
        tuple(r for r in snapshot.duties if since <= r.date <= until),
        tuple(r for r in snapshot.training if since <= r.date <= until),
    )


@pytest.mark.parametrize(
    ("since", "until"),
    [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),  # a year: straight through the table
        (dt.date(2025, 3, 15), dt.date(2025, 4, 10)),  # a few weeks: through the date index
    ],
)
def test_a_period_loads_the_rows_of_the_whole_in_the_same_order(
    demo: Database, since: dt.date, until: dt.date
) -> None:
    with demo.read() as session:
        whole = load_snapshot(session)
        period = load_snapshot(session, since=since, until=until)
    assert (until - since >= LONG_PERIOD) == (since.year == 2024)
    expected = _within(whole, since, until)
    assert all(expected), "the demo has caseloads, duties and training in the period"
    assert (period.caseloads, period.duties, period.training) == expected
    assert period.staff == whole.staff
    duty, event = period.duties[0], period.training[0]
    assert type(period.caseloads[0].month) is dt.date and type(duty.date) is dt.date
    assert type(duty.hours) is Decimal and duty.hours == duty.hours.quantize(Decimal("0.01"))
    assert type(event.date) is dt.date
    assert all(e.certified_supervisor in (None, True, False) for e in period.training)
    assert any(type(e.cost) is Decimal for e in period.training)


def test_a_view_leaves_out_the_tables_it_does_not_show(demo: Database) -> None:
    since, until = dt.date(2024, 1, 1), dt.date(2024, 12, 31)
    with demo.read() as session:
        full = load_snapshot(session, since=since, until=until)
        duties_only = load_snapshot(session, since=since, until=until, caseloads=False, training=False)
    assert duties_only.caseloads == () and duties_only.training == ()
    assert duties_only.duties == full.duties and duties_only.staff == full.staff
