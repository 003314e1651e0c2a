"""Latvian working days and contracted hours (SPEC §2 "Working time"), counted by hand from the calendar.

SPEC §2 counts Monday–Friday only: a Saturday worked in exchange for a transferred day off (10.5.2025,
8.11.2025) is not a working day, so 2025 has 247 working days (the Cabinet order's calendar has 249).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from swdesk.rules.worktime import contracted_hours, is_working_day, working_days

D = dt.date


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        # 2025: 365 days from Wednesday 1.1 = 52 weeks + 1 day (Wed) → 52 × 5 + 1 = 261 weekdays
        # − 14 weekday holidays (1.1, 18.4, 21.4, 1.5, 2.5 transferred, 5.5 observed for Sunday 4.5, 23.6,
        # 24.6, 17.11 transferred, 18.11, 24.12, 25.12, 26.12, 31.12) = 247; the Saturdays worked instead of
        # the transferred days (10.5, 8.11) are not Monday–Friday, so not counted (SPEC §2)
        (D(2025, 1, 1), D(2025, 12, 31), 247),
        # May 2025: from Thursday 1.5, 31 days = 4 weeks + Thu, Fri, Sat → 20 + 2 = 22 weekdays
        # − 1.5 − 2.5 (transferred to Sat 10.5) − 5.5 (4 May on Sunday) = 19; Sat 10.5 not counted
        (D(2025, 5, 1), D(2025, 5, 31), 19),
        # November 2025: from Saturday 1.11, 30 days = 4 weeks + Sat, Sun → 20 weekdays
        # − 17.11 (transferred to Sat 8.11) − 18.11 = 18; Sat 8.11 not counted
        (D(2025, 11, 1), D(2025, 11, 30), 18),
        # 1–4 January 2025: 1.1 holiday, 2.1 and 3.1 working, 4.1 Saturday = 2
        (D(2025, 1, 1), D(2025, 1, 4), 2),
        # May 2024: 4 May on Saturday → Monday 6 May off; 23 weekdays − 1.5 − 6.5 = 21
        (D(2024, 5, 1), D(2024, 5, 31), 21),
        # November 2023: 18 November on Saturday → Monday 20 November off; 22 weekdays − 20.11 = 21
        (D(2023, 11, 1), D(2023, 11, 30), 21),
        # a range crossing the new year: 29–31 Dec 2025 (Mon, Tue working; 31.12 off) + 1–2 Jan 2026
        # (1.1 off, 2.1 transferred to Sat 17.1, which is outside the range and not counted anyway) = 2
        (D(2025, 12, 29), D(2026, 1, 2), 2),
        (D(2025, 3, 2), D(2025, 3, 1), 0),  # an empty range
    ],
)
def test_working_days(first: dt.date, last: dt.date, expected: int) -> None:
    assert working_days(first, last) == expected


def test_transferred_and_observed_days() -> None:
    assert not is_working_day(D(2025, 5, 2))  # transferred day off (Friday)
    # the Saturday worked instead of 2.5: not a working day under SPEC §2 (Monday–Friday only)
    assert not is_working_day(D(2025, 5, 10))
    assert not is_working_day(D(2025, 11, 8))  # likewise the Saturday worked instead of Monday 17.11.2025
    assert not is_working_day(D(2025, 5, 5))  # 4 May 2025 is a Sunday: Monday off
    assert not is_working_day(D(2026, 11, 18))  # a Wednesday holiday
    assert is_working_day(D(2026, 11, 17))
    assert not is_working_day(D(2025, 6, 14))  # an ordinary Saturday


@pytest.mark.parametrize(
    ("fte", "start", "end", "expected"),
    [
        ("1", D(2020, 1, 1), None, Decimal("1976")),  # 1 × 8 × 247
        # 0.5 × 8 × 126 = 504. Jul (from Tue: 4 weeks + Tue–Thu) 23; Aug (from Fri: + Fri, Sat, Sun) 21;
        # Sep (from Mon: + Mon, Tue) 22; Oct (from Wed: + Wed–Fri) 23; Nov 18 (above);
        # Dec (from Mon: + Mon–Wed) 23 − 24.12 − 25.12 − 26.12 − 31.12 = 19
        # → 23 + 21 + 22 + 23 + 18 + 19 = 126
        ("0.5", D(2025, 7, 1), None, Decimal("504")),
        # 0.75 × 8 × 121 = 726. Jan (from Wed: + Wed–Fri) 23 − 1.1 = 22; Feb (from Sat, 28 days) 20;
        # Mar (from Sat: + Sat, Sun, Mon) 21; Apr (from Tue: + Tue, Wed) 22 − 18.4 − 21.4 = 20;
        # May 19 (above); Jun (from Sun: + Sun, Mon) 21 − 23.6 − 24.6 = 19
        # → 22 + 20 + 21 + 20 + 19 + 19 = 121 (and 121 + 126 = 247, the full year)
        ("0.75", D(2025, 1, 1), D(2025, 6, 30), Decimal("726")),
        ("1", D(2026, 1, 1), None, Decimal("0")),  # not employed in 2025
    ],
)
def test_contracted_hours(fte: str, start: dt.date, end: dt.date | None, expected: Decimal) -> None:
    hours = contracted_hours(
        fte=Decimal(fte), start=start, end=end, period_start=D(2025, 1, 1), period_end=D(2025, 12, 31)
    )
    assert hours == expected


def test_the_months_duty_limits_add_up_to_the_years_contracted_hours() -> None:
    """The Pienākumi limit (SPEC §5) is this module's contracted hours for the month, so twelve full months
    allow exactly the year's hours and R6's share can reach 1 but never pass it."""
    from swdesk.rules.duty_limit import Employment, duty_month_limit

    anna = Employment("1", "Anna Bērziņa", Decimal("0.75"), D(2025, 1, 1), D(2025, 6, 30))
    limits = [duty_month_limit(anna, D(2025, month, 15)) for month in range(1, 13)]
    # 0,75 × 8 × (22, 20, 21, 20, 19, 19) working days, then not employed
    assert limits == [Decimal(h) for h in (132, 120, 126, 120, 114, 114, 0, 0, 0, 0, 0, 0)]
    assert sum(limits) == Decimal("726")  # test_contracted_hours: the same half year
