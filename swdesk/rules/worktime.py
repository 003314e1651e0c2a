"""Working days and contracted hours in Latvia (SPEC §2, "Working time").

A working day is Monday–Friday that is not a Latvian public holiday, an observed holiday (4 May or 18 November
falling on a weekend moves to the next Monday, law "Par svētku, atceres un atzīmējamām dienām") or a
transferred day off (darba dienas pārcelšana by a Cabinet order, e.g. Friday 2 May 2025), all as listed by the
``holidays`` package (country LV). A transfer moves a working day to a Saturday (2 May 2025 is worked on
Saturday 10 May 2025), and the package lists those Saturdays as ``weekend_workdays``. SPEC §2 counts
Monday–Friday only, so the package's ``weekend_workdays`` are not counted as working days here. This makes a
year with a transfer shorter than the Cabinet order's calendar, by one working day per transferred day: 2025,
with two transfers (2 May → Saturday 10 May, 17 November → Saturday 8 November), has 247 working days instead
of 249, i.e. two days shorter. That is a deliberate reading of SPEC §2, and a choice the head of the service
may want revisited.

The calendar of a year is computed once and cached as running totals, so a count over any range costs two
look-ups per calendar year however many staff are checked.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

import holidays

HOURS_PER_DAY = Decimal(8)  # Darba likums 131. pants: normal daily working time of 8 hours


@lru_cache(maxsize=64)
def _calendar(year: int) -> tuple[frozenset[dt.date], tuple[int, ...]]:
    """(days off on weekdays, running totals): ``totals[i]`` = working days among the first ``i`` days."""
    lv = holidays.country_holidays("LV", years=year)
    first = dt.date(year, 1, 1)
    length = (dt.date(year + 1, 1, 1) - first).days
    totals = [0] * (length + 1)
    days_off: set[dt.date] = set()
    for i in range(length):
        day = first + dt.timedelta(days=i)
        # SPEC §2: working days are Monday–Friday only. A Saturday worked in exchange for a transferred
        # day off (e.g. 10.05.2025) is deliberately not counted, so a year has fewer working days than
        # the Cabinet order's calendar; see the issue note.
        working = day.weekday() < 5 and day not in lv
        if day.weekday() < 5 and not working:
            days_off.add(day)
        totals[i + 1] = totals[i] + (1 if working else 0)
    return frozenset(days_off), tuple(totals)


def is_working_day(day: dt.date) -> bool:
    index = (day - dt.date(day.year, 1, 1)).days
    totals = _calendar(day.year)[1]
    return totals[index + 1] > totals[index]


def working_days(first: dt.date, last: dt.date) -> int:
    """Latvian working days in [first, last], both inclusive (0 when last < first)."""
    if last < first:
        return 0
    count = 0
    for year in range(first.year, last.year + 1):
        lo = first if year == first.year else dt.date(year, 1, 1)
        hi = last if year == last.year else dt.date(year, 12, 31)
        totals = _calendar(year)[1]
        start_index = (lo - dt.date(year, 1, 1)).days
        end_index = (hi - dt.date(year, 1, 1)).days
        count += totals[end_index + 1] - totals[start_index]
    return count


def contracted_hours(
    *,
    fte: Decimal,
    start: dt.date,
    end: dt.date | None,
    period_start: dt.date,
    period_end: dt.date,
) -> Decimal:
    """Contracted hours = FTE (slodze) × 8 × working days in [start, end] ∩ [period_start, period_end]."""
    lo = max(start, period_start)
    hi = period_end if end is None else min(end, period_end)
    return fte * HOURS_PER_DAY * working_days(lo, hi)


def event_minutes(duration: Decimal, unit: str, academic_minutes: int) -> Decimal:
    """Minutes of a training or supervision event entered as ``duration`` in ``unit`` (SPEC §5 Apmācības).

    ``unit`` is ``hours`` (astronomical, 60 minutes), ``minutes``, or ``academic_hours``, whose length is the
    setting ``hours.academic_minutes`` in force on the event's date (SPEC §1.6). The result may be fractional
    (1,3 academic hours of 45 minutes); events are stored in whole minutes, so callers refuse such a value.
    """
    per_unit = {"hours": 60, "minutes": 1, "academic_hours": academic_minutes}[unit]
    return duration * per_unit
