"""Values of an employment that apply from a date (issue 17 point 4): FTE, position, salary, education, unit.

Editing a person's FTE from 1,0 to 0,5 must not rewrite the past: her 2024 caseload per FTE and the 2024
ratio stay what they were. So these five fields are kept as *terms* (table ``staff_term``): each term holds
all five values from its ``valid_from`` until the next term begins. The first term begins on the employment's
start; the ``staff`` row keeps the newest term's values, for whoever shows "the current values" (the staff
list, the forms, the person's data export).

The rules read the term in force on each day (:class:`swdesk.rules.data.StaffMember`): the ratio, education
and salary on the check's date D, the caseload of a month with the values of the month's last day employed,
contracted hours day by day, a claim's event with the position of its date.

A change "from date D" (:func:`change_from`):
- D may not be before the employment's start nor after its end;
- the changed fields apply from D on: to the term of D (added, or replaced when one begins on D) and to
  every later term, whose other values stay theirs;
- a term that ends up equal to the one before it is dropped, so a change equal to the values in force on D
  adds no term, and changing a value back removes the term that had changed it.

Validation of the values themselves (FTE range, known position and education, positive salary) is the
writer's — the form, the import or the records layer; this module keeps the dates consistent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.formats import fmt_date
from swdesk.i18n import define, tr
from swdesk.rules.data import Term, month_reference_day, term_in_force

TERM_FIELDS = m.TERM_FIELDS

define(
    {
        "terms.error.before_start": (
            "Izmaiņas nevar stāties spēkā {date}: darbinieks strādā no {start}.",
            "The change cannot apply from {date}: the employment starts on {start}.",
        ),
        "terms.error.after_end": (
            "Izmaiņas nevar stāties spēkā {date}: darba attiecības beidzās {end}.",
            "The change cannot apply from {date}: the employment ended on {end}.",
        ),
        "terms.error.field": ("Nezināms lauks «{field}».", "Unknown field '{field}'."),
    }
)


class TermError(ValueError):
    """A change from a date that cannot be made; the message is a Latvian (or English) sentence."""


@dataclass(frozen=True)
class TermChange:
    """What :func:`change_from` did: the term of ``valid_from`` was added, replaced, or nothing changed."""

    valid_from: dt.date
    added: bool
    changed: bool


def _term(row: m.StaffTerm) -> Term:
    return Term(row.valid_from, row.position_code, row.fte, row.education_code, row.salary, row.unit_name)


def terms_of(staff: m.Staff) -> list[Term]:
    """The person's terms in date order; a person without stored terms has one, from the start, of the
    staff row's values."""
    stored = sorted(staff.terms, key=lambda t: t.valid_from)
    if stored:
        return [_term(t) for t in stored]
    return [Term(staff.start, staff.position_code, staff.fte, staff.education_code, staff.salary, staff.unit_name)]


def value_on(staff: m.Staff, day: dt.date) -> Term:
    """The values in force on ``day`` (before the start: the first term's)."""
    return term_in_force(terms_of(staff), day)


def changed_fields(staff: m.Staff, values: Mapping[str, Any], day: dt.date) -> dict[str, Any]:
    """The term fields of ``values`` that differ from those in force on ``day`` (other keys are ignored)."""
    in_force = value_on(staff, day)._asdict()
    return {k: v for k, v in values.items() if k in TERM_FIELDS and in_force[k] != v}


def date_problem(*, start: dt.date, end: dt.date | None, day: dt.date) -> str | None:
    """Why a change cannot apply from ``day`` to an employment of [start, end]; None when it can."""
    if day < start:
        return tr("terms.error.before_start", date=fmt_date(day), start=fmt_date(start))
    if end is not None and day > end:
        return tr("terms.error.after_end", date=fmt_date(day), end=fmt_date(end))
    return None


def check_date(staff: m.Staff, day: dt.date) -> None:
    """Refuse a change from a day before the start or after the end, with the sentence that says why."""
    problem = date_problem(start=staff.start, end=staff.end, day=day)
    if problem is not None:
        raise TermError(problem)


def change_from(session: Session, staff: m.Staff, values: Mapping[str, Any], valid_from: dt.date) -> TermChange:
    """Apply the term fields of ``values`` from ``valid_from`` on (module docstring); the staff row then holds
    the newest term's values. Writes in ``session`` (the caller's transaction); flushes nothing itself."""
    unknown = [k for k in values if k not in TERM_FIELDS]
    if unknown:
        raise TermError(tr("terms.error.field", field=unknown[0]))
    check_date(staff, valid_from)
    with session.no_autoflush:
        rows = sorted(staff.terms, key=lambda t: t.valid_from)
        if not rows:  # a person written before terms existed, or not flushed yet: its first term first
            first = m.StaffTerm(valid_from=staff.start, **m.staff_values(staff))
            staff.terms.append(first)
            rows = [first]
        before = [_term(t) for t in rows]
        at = next((t for t in rows if t.valid_from == valid_from), None)
        added = at is None
        if at is None:
            in_force = term_in_force(before, valid_from)
            at = m.StaffTerm(valid_from=valid_from, **{k: getattr(in_force, k) for k in TERM_FIELDS})
            staff.terms.append(at)
            rows = sorted([*rows, at], key=lambda t: t.valid_from)
        for term in rows:
            if term.valid_from >= valid_from:
                for name, value in values.items():
                    setattr(term, name, value)
        # a term equal to the one before it says nothing: drop it (a change back, or no change at all)
        kept = [rows[0]]
        for term in rows[1:]:
            if term.values() == kept[-1].values():
                staff.terms.remove(term)
            else:
                kept.append(term)
        for name, value in kept[-1].values().items():
            if getattr(staff, name) != value:
                setattr(staff, name, value)
        after = [_term(t) for t in kept]
    return TermChange(valid_from, added=added and any(t.valid_from == valid_from for t in after),
                      changed=after != before)


def changed_terms(session: Session, staff_ids: Iterable[int] | None = None) -> dict[int, list[Term]]:
    """Staff id → terms in date order, only for people whose values changed from a date (more than one
    term): for a reader of plain columns (a grid, a chart) that needs the values of another day."""
    several = select(m.StaffTerm.staff_id).group_by(m.StaffTerm.staff_id).having(func.count() > 1)
    stmt = select(m.StaffTerm).where(m.StaffTerm.staff_id.in_(several)).order_by(
        m.StaffTerm.staff_id, m.StaffTerm.valid_from)
    if staff_ids is not None:
        stmt = stmt.where(m.StaffTerm.staff_id.in_(list(staff_ids)))
    result: dict[int, list[Term]] = {}
    for row in session.scalars(stmt):
        result.setdefault(row.staff_id, []).append(_term(row))
    return result


def in_month(terms: Sequence[Term], *, month: dt.date, start: dt.date, end: dt.date | None) -> Term:
    """The values that count for a calendar month: those of its last day employed (the rule of the checks)."""
    return term_in_force(terms, month_reference_day(month, start, end))


def history(staff: m.Staff) -> list[Term]:
    """The terms newest first, as the form's "Izmaiņas laikā" table lists them."""
    return list(reversed(terms_of(staff)))
