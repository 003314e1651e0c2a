"""The salary scale (mēnešalgu grupas, SPEC §1.2): full-time monthly pay ranges by group and year.

The scale is data the head keeps up to date: when the Cabinet sets new amounts, the head enters the new year's
rows (``copy_scale`` starts them from the latest year). For a year without a row the latest earlier year
applies (the rules look it up with ``Snapshot.scale_for``). Used by ``swdesk scale`` and by the GUI's
Kritēriji un iestatījumi view.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.formats import fmt_input
from swdesk.i18n import define, tr
from swdesk.settings import SettingError

define(
    {
        "scale.not_positive": (
            "Summām jābūt lielākām par 0 (min {min}, vidējā {mid}, max {max}).",
            "The amounts must be above 0 (min {min}, mid {mid}, max {max}).",
        ),
        "scale.order": (
            "Jābūt min ≤ vidējā ≤ max; ievadīts min {min}, vidējā {mid}, max {max}.",
            "It must be min ≤ mid ≤ max; entered min {min}, mid {mid}, max {max}.",
        ),
        "scale.too_large": (
            "Summa {value} nav iespējama mēnešalga; tai jābūt ne lielākai par {maximum} EUR.",
            "The amount {value} is not a possible monthly salary; it must be at most {maximum} EUR.",
        ),
        "scale.cents": (
            "Summām var būt ne vairāk kā 2 cipari aiz komata ({value}).",
            "Amounts can have at most 2 decimal places ({value}).",
        ),
        "scale.group": (
            "Mēnešalgu grupa {group} nav iespējama; grupas ir no 1 līdz 20.",
            "Salary group {group} is not possible; groups are 1 to 20.",
        ),
        "scale.year": ("Gads {year} nav iespējams.", "The year {year} is not possible."),
        "scale.missing": (
            "{year}. gadam {group}. mēnešalgu grupai skalas nav.",
            "There is no scale for salary group {group} in {year}.",
        ),
        "scale.nothing_to_copy": (
            "Nav skalas pirms {year}. gada, ko pārņemt.",
            "There is no scale before {year} to copy.",
        ),
        "scale.year_exists": (
            "{year}. gadam skala jau ir ({count} grupas); labojiet tās rindas.",
            "{year} already has a scale ({count} groups); edit its rows.",
        ),
    }
)

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_GROUP = 20


class ScaleError(SettingError):
    """A salary-scale value the program cannot accept; the message is for the user."""


@dataclass(frozen=True)
class ScaleEntry:
    group: int
    year: int
    min: Decimal
    mid: Decimal
    max: Decimal


def _shown(value: Decimal) -> str:
    return fmt_input(value, 2)


def validate(group: int, year: int, low: Decimal, mid: Decimal, high: Decimal) -> None:
    """Raise :class:`ScaleError` unless the row is a possible scale row."""
    if not 1 <= group <= MAX_GROUP:
        raise ScaleError(tr("scale.group", group=group))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ScaleError(tr("scale.year", year=year))
    from swdesk.records.limits import MAX_MONEY  # the import's bound on a monthly salary

    for value in (low, mid, high):
        if not value.is_finite() or abs(value) > MAX_MONEY:
            raise ScaleError(tr("scale.too_large", value=value, maximum=_shown(MAX_MONEY)))
        if value != value.quantize(Decimal("0.01")):
            raise ScaleError(tr("scale.cents", value=value))
    amounts = {"min": _shown(low), "mid": _shown(mid), "max": _shown(high)}
    if min(low, mid, high) <= 0:
        raise ScaleError(tr("scale.not_positive", **amounts))
    if not low <= mid <= high:
        raise ScaleError(tr("scale.order", **amounts))


def entries(session: Session) -> list[ScaleEntry]:
    """Every row, newest year first, then by group."""
    rows = session.execute(
        select(
            m.SalaryScale.group, m.SalaryScale.year, m.SalaryScale.min, m.SalaryScale.mid, m.SalaryScale.max
        ).order_by(m.SalaryScale.year.desc(), m.SalaryScale.group)
    )
    return [ScaleEntry(*row) for row in rows]


def set_entry(session: Session, group: int, year: int, low: Decimal, mid: Decimal, high: Decimal) -> bool:
    """Store the row for ``group`` in ``year`` (added, or changed in place); True when it was added."""
    from swdesk import records  # the one door (issue 17): in the change history

    validate(group, year, low, mid, high)
    amounts = {"min": low, "mid": mid, "max": high}
    if records.get(session, "scale", (group, year)) is None:
        records.add(session, "scale", {"group": group, "year": year, **amounts}, checked=True)
        return True
    records.change(session, "scale", (group, year), amounts, checked=True)
    return False


def delete_entry(session: Session, group: int, year: int) -> None:
    from swdesk import records

    if records.get(session, "scale", (group, year)) is None:
        raise ScaleError(tr("scale.missing", group=group, year=year))
    records.delete(session, "scale", (group, year))


def copy_scale(session: Session, year: int) -> list[ScaleEntry]:
    """Start ``year``'s scale from the latest earlier year's rows (to be edited to the new amounts)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ScaleError(tr("scale.year", year=year))
    existing = session.scalar(select(func.count()).where(m.SalaryScale.year == year))
    if existing:
        raise ScaleError(tr("scale.year_exists", year=year, count=existing))
    source = session.scalar(select(func.max(m.SalaryScale.year)).where(m.SalaryScale.year < year))
    if source is None:
        raise ScaleError(tr("scale.nothing_to_copy", year=year))
    copied = [
        ScaleEntry(e.group, year, e.min, e.mid, e.max)
        for e in session.scalars(select(m.SalaryScale).where(m.SalaryScale.year == source))
    ]
    from swdesk import records

    for e in copied:
        records.add(session, "scale", {"group": e.group, "year": year, "min": e.min, "mid": e.mid, "max": e.max},
                    checked=True)
    return sorted(copied, key=lambda e: e.group)
