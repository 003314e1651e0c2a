"""The one limit on non-social-work hours (Pienākumi) that can be entered: a month's contracted hours.

SPEC §5 "Pienākumi": an entry is hours on a date, and a month's total may be entered on any day of that
month (heads keep these duties as monthly totals: "in March, 40 h on food parcels"). What bounds an entry is
what is possible: a person's duty hours in one calendar month may not exceed that month's contracted hours,
FTE (slodze) × 8 h × working days (SPEC §2 "Working time", :func:`swdesk.rules.worktime.contracted_hours`).
The import, the duty form and anything else that writes duty entries ask this module; none computes it.

The person the limit belongs to is the employment (one staff record, one Tabeles nr.), as for every figure of
SPEC §2: someone with two employments has two records, each with its own FTE and limit. A staff record has
one FTE, so the FTE of the employment is the FTE on every date of it; only the days employed in the month
count, so the month an employment starts or ends allows fewer hours, and a month without a day of the
employment allows none.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.formats import fmt_date, fmt_number
from swdesk.i18n import define, language, tr
from swdesk.rules import checks  # noqa: F401 - defines "rules.person", how every message names a person
from swdesk.rules.worktime import contracted_hours, working_days

define(
    {
        "duties.month_over": (
            "{person}, {month}: ar sociālo darbu nesaistīto pienākumu stundas šajā mēnesī kopā būtu "
            "{entered} h, bet mēneša darba laiks pēc slodzes ir {limit} h (darba dienu skaits {days} × 8 h "
            "× slodze {fte}{employment}).{recorded} Mēneša kopsummu var ierakstīt jebkurā šā mēneša "
            "datumā, bet ne vairāk par mēneša darba laiku.",
            "{person}, {month}: the non-social-work duty hours of this month would total {entered} h, but "
            "the month's contracted hours are {limit} h ({days} working days × 8 h × FTE "
            "{fte}{employment}).{recorded} A month's total may be entered on any date of the month, but not "
            "more than the month's contracted hours.",
        ),
        "duties.month_over.recorded": (
            " No tām {recorded} h jau ir ierakstītas.",
            " Of these, {recorded} h are already recorded.",
        ),
        "duties.employment.from": ("; darba attiecības no {start}", "; employed from {start}"),
        "duties.employment.until": ("; darba attiecības līdz {end}", "; employed until {end}"),
        "duties.employment.range": ("; darba attiecības {start}–{end}", "; employed {start}–{end}"),
        "duties.month": ("{year}. gada {name}", "{name} {year}"),
    }
)

_MONTH_NAMES = {
    "lv": (
        "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
        "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris",
    ),
    "en": tuple(calendar.month_name[i] for i in range(1, 13)),
}  # fmt: skip


def month_of(day: dt.date) -> dt.date:
    """The first day of the calendar month of ``day``: how a month is keyed."""
    return day.replace(day=1)


def month_last_day(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def month_words(month: dt.date) -> str:
    """"2025. gada marts" / "March 2025"."""
    lang = language()
    return tr("duties.month", year=month.year, name=_MONTH_NAMES.get(lang, _MONTH_NAMES["lv"])[month.month - 1])


@dataclass(frozen=True, slots=True)
class Employment:
    """What the limit needs of one employment (a staff record, Tabeles nr.): who, FTE (slodze), dates."""

    tabeles_nr: str
    full_name: str
    fte: Decimal
    start: dt.date
    end: dt.date | None
    # (from, FTE) when the FTE changed from a date (issue 17), in date order; empty: ``fte`` throughout
    ftes: tuple[tuple[dt.date, Decimal], ...] = ()

    @classmethod
    def of(cls, staff: m.Staff) -> Employment:
        terms = staff.terms
        ftes = tuple((t.valid_from, t.fte) for t in sorted(terms, key=lambda t: t.valid_from)) if len(terms) > 1 else ()
        return cls(staff.tabeles_nr, f"{staff.first_name} {staff.last_name}", staff.fte, staff.start, staff.end,
                   ftes)

    def fte_on(self, day: dt.date) -> Decimal:
        """The FTE in force on ``day``."""
        found = self.ftes[0][1] if self.ftes else self.fte
        for valid_from, fte in self.ftes:
            if valid_from > day:
                break
            found = fte
        return found

    def in_month(self, month: dt.date) -> Employment:
        """The employment as a month's message shows it: with the FTE of the month's last day employed."""
        if not self.ftes:
            return self
        last = month_last_day(month)
        day = last if self.end is None else max(self.start, min(self.end, last))
        return replace(self, fte=self.fte_on(day))


def duty_month_limit(employment: Employment, month: dt.date) -> Decimal:
    """The most duty hours the employment can have in the calendar month of ``month``: its contracted hours
    there (FTE × 8 × working days employed in the month, SPEC §2 and §5)."""
    first = month_of(month)
    last = month_last_day(first)
    # each day with the FTE in force on it: cut the month where a term begins
    cuts = [first] + [d for d, _fte in employment.ftes if first < d <= last]
    return sum(
        (
            contracted_hours(
                fte=employment.fte_on(lo),
                start=employment.start,
                end=employment.end,
                period_start=lo,
                period_end=cuts[i + 1] - dt.timedelta(days=1) if i + 1 < len(cuts) else last,
            )
            for i, lo in enumerate(cuts)
        ),
        Decimal(0),
    )


@dataclass(frozen=True, slots=True)
class MonthOverLimit:
    """A month whose duty hours would exceed its contracted hours: what the refusal says.

    ``entry`` is the index (in the entries checked) of the entry that first takes the month over the limit,
    or None when the hours already recorded are over it by themselves.
    """

    employment: Employment
    month: dt.date
    entered: Decimal  # the month's total: recorded + every entry checked
    recorded: Decimal  # of which already in the database
    limit: Decimal
    entry: int | None

    @property
    def working_days(self) -> int:
        lo = max(self.employment.start, self.month)
        last = month_last_day(self.month)
        hi = last if self.employment.end is None else min(self.employment.end, last)
        return working_days(lo, hi)

    def message(self) -> str:
        """The refusal in the current language, naming the person, the month and both figures."""
        person = tr("rules.person", name=self.employment.full_name, nr=self.employment.tabeles_nr)
        recorded = tr("duties.month_over.recorded", recorded=_hours(self.recorded)) if self.recorded else ""
        return tr(
            "duties.month_over",
            person=person,
            month=month_words(self.month),
            entered=_hours(self.entered),
            limit=_hours(self.limit),
            days=self.working_days,
            fte=fmt_number(self.employment.fte, 3, trim=True),
            employment=self._employment_note(),
            recorded=recorded,
        )

    def _employment_note(self) -> str:
        """The employment's dates when it does not cover the whole month (why the month allows fewer hours)."""
        start, end = self.employment.start, self.employment.end
        if start <= self.month and (end is None or end >= month_last_day(self.month)):
            return ""
        if end is None:
            return tr("duties.employment.from", start=fmt_date(start))
        if start <= self.month:
            return tr("duties.employment.until", end=fmt_date(end))
        return tr("duties.employment.range", start=fmt_date(start), end=fmt_date(end))


def _hours(value: Decimal) -> str:
    return fmt_number(value, 2)


def month_over_limit(
    employment: Employment, month: dt.date, *, recorded: Decimal, entries: Sequence[Decimal]
) -> MonthOverLimit | None:
    """Check one person's month: ``recorded`` hours already in the database plus ``entries`` being added
    (in the order they are entered) against :func:`duty_month_limit`; None when the month is possible."""
    month = month_of(month)
    limit = duty_month_limit(employment, month)
    total = recorded + sum(entries, Decimal(0))
    if total <= limit:
        return None
    crossing: int | None = None
    if recorded <= limit:
        running = recorded
        for index, hours in enumerate(entries):
            running += hours
            if running > limit:
                crossing = index
                break
    return MonthOverLimit(employment.in_month(month), month, total, recorded, limit, crossing)


def recorded_month_hours(
    session: Session, staff_id: int, month: dt.date, *, exclude_id: int | None = None
) -> Decimal:
    """Duty hours of the staff member already in the database in the calendar month of ``month``, without
    the entry ``exclude_id`` (the one being edited: its old value is replaced, not added to)."""
    first = month_of(month)
    stmt = select(m.Duty.hours).where(
        m.Duty.staff_id == staff_id, m.Duty.date >= first, m.Duty.date <= month_last_day(first)
    )
    if exclude_id is not None:
        stmt = stmt.where(m.Duty.id != exclude_id)
    return sum(session.scalars(stmt), Decimal(0))


def check_duty_entry(
    session: Session, *, staff_id: int, day: dt.date, hours: Decimal, replacing: int | None = None
) -> MonthOverLimit | None:
    """Whether one entry (new, or replacing the entry ``replacing``) keeps its month possible; for a form
    that saves one entry in the transaction of ``session``. None when it does (or the staff record is gone)."""
    staff = session.get(m.Staff, staff_id)
    if staff is None:
        return None
    recorded = recorded_month_hours(session, staff_id, day, exclude_id=replacing)
    return month_over_limit(Employment.of(staff), day, recorded=recorded, entries=[hours])
