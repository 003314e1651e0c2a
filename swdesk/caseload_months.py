"""A caseload month started from the month before (issue 14): Lietas → "Sākt no iepriekšējā mēneša".

Most workers' caseloads change little from one month to the next, so a head enters a new month by taking
last month's figures and correcting the few that moved. Only an empty month is filled — a month with any
figure is refused, so nothing typed is ever overwritten — and only for the people employed in it (someone
who left at the end of last month is not carried over). Every record goes in through the records layer
(its checks, the change history under ``režģis:Lietas``), in the caller's one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from swdesk import records
from swdesk.db import models as m
from swdesk.i18n import define, tr
from swdesk.rules.duty_limit import month_last_day, month_of, month_words

THROUGH = "režģis:Lietas"
COUNTS = ("cases", "applications", "persons")

define(
    {
        "caseloads.prefill.not_empty": (
            "{month} — jau ir ievadīti skaitļi (ierakstu: {count}): no iepriekšējā mēneša var sākt tikai "
            "tukšu mēnesi. Nekas netika mainīts.",
            "{month} already has figures ({count} records): only an empty month can be started from the "
            "previous one. Nothing was changed.",
        ),
        "caseloads.prefill.nothing": (
            "{previous} — nav neviena skaitļa darbiniekiem, kuri strādā arī nākamajā mēnesī: nav ko pārņemt.",
            "{previous} has no figures of the staff employed in {month}: there is nothing to take over.",
        ),
    }
)


class PrefillRefused(ValueError):
    """The month cannot be started from the previous one; the message says why. Nothing was written."""


@dataclass(frozen=True)
class Prefilled:
    """What :func:`start_from_previous` wrote: the new records' (staff id, work type, counts)."""

    month: dt.date
    previous: dt.date
    cells: tuple[tuple[int, str, tuple[int | None, int | None, int | None]], ...]

    @property
    def people(self) -> int:
        return len({staff_id for staff_id, _wt, _counts in self.cells})


def previous_month(month: dt.date) -> dt.date:
    return month_of(month_of(month) - dt.timedelta(days=1))


def start_from_previous(session: Session, month: dt.date) -> Prefilled:
    """Fill the empty ``month`` with the previous month's figures of the people employed in ``month``.

    :class:`PrefillRefused` when the month already has a figure or there is nothing to take over.
    """
    month = month_of(month)
    previous = previous_month(month)
    existing = session.scalar(select(func.count()).select_from(m.Caseload).where(m.Caseload.month == month)) or 0
    if existing:
        raise PrefillRefused(tr("caseloads.prefill.not_empty", month=month_words(month), count=existing))
    last = month_last_day(month)
    employed = select(m.Staff.id).where(m.Staff.start <= last, m.Staff.end.is_(None) | (m.Staff.end >= month))
    rows = session.scalars(
        select(m.Caseload)
        .where(m.Caseload.month == previous, m.Caseload.staff_id.in_(employed))
        .order_by(m.Caseload.staff_id, m.Caseload.work_type_code)
    ).all()
    taken = [
        (row.staff_id, row.work_type_code, (row.cases, row.applications, row.persons))
        for row in rows
        if any(count is not None for count in (row.cases, row.applications, row.persons))
    ]
    if not taken:
        raise PrefillRefused(tr("caseloads.prefill.nothing", previous=month_words(previous), month=month_words(month)))
    with records.source(session, THROUGH):
        for staff_id, work_type, counts in taken:
            records.add(
                session,
                "caseload",
                {"staff_id": staff_id, "month": month, "work_type_code": work_type, **dict(zip(COUNTS, counts, strict=True))},
            )
    return Prefilled(month=month, previous=previous, cells=tuple(taken))
