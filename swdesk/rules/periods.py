"""Claim periods (SPEC §3): a year, a half, a quarter or the first nine months of a calendar year.

A period is written ``2025``, ``2025-H1``, ``2025-H2``, ``2025-Q1`` … ``2025-Q4`` or ``2025-9M`` (letters in
either case). Every period lies inside one calendar year, which is what lets the yearly caps of a claim be
counted from 1 January of that year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from swdesk.i18n import define, tr

define(
    {
        "period.invalid": (
            "«{value}» nav saprotams periods. Derīgās formas: 2025 (gads), 2025-H1 vai 2025-H2 (pusgads), "
            "2025-Q1 … 2025-Q4 (ceturksnis), 2025-9M (deviņi mēneši).",
            "'{value}' is not a period. Accepted forms: 2025 (year), 2025-H1 or 2025-H2 (half), "
            "2025-Q1 … 2025-Q4 (quarter), 2025-9M (nine months).",
        ),
        "period.year": ("{year}. gads", "year {year}"),
        "period.half": ("{year}. gada {n}. pusgads", "{year}, half {n}"),
        "period.quarter": ("{year}. gada {n}. ceturksnis", "{year}, quarter {n}"),
        "period.nine_months": ("{year}. gada deviņi mēneši", "{year}, first nine months"),
    }
)

# Year, then an optional part; the year is four digits so that "25-H1" is refused rather than guessed.
_PATTERN = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<part>H[12]|Q[1-4]|9M))?", re.IGNORECASE)  # ASCII digits only

# First and last month of each part of the year.
_MONTHS: dict[str | None, tuple[int, int]] = {
    None: (1, 12),
    "H1": (1, 6),
    "H2": (7, 12),
    "Q1": (1, 3),
    "Q2": (4, 6),
    "Q3": (7, 9),
    "Q4": (10, 12),
    "9M": (1, 9),
}


class PeriodError(ValueError):
    """A period the program cannot read; the message (Latvian by default) names the accepted forms."""


@dataclass(frozen=True)
class Period:
    """A claim period: ``label`` as written canonically (``2025-H1``), ``start`` and ``end`` inclusive."""

    label: str
    start: dt.date
    end: dt.date

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def year_start(self) -> dt.date:
        """1 January of the period's year: where the yearly caps start to be used up (SPEC §3)."""
        return dt.date(self.year, 1, 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def describe(self, *, lang: str | None = None) -> str:
        """The period in words for documents, e.g. "2025. gada 1. pusgads"."""
        part = self.label[5:]
        if not part:
            return tr("period.year", lang=lang, year=self.year)
        if part == "9M":
            return tr("period.nine_months", lang=lang, year=self.year)
        key = "period.half" if part[0] == "H" else "period.quarter"
        return tr(key, lang=lang, year=self.year, n=part[1])


def _last_day(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def parse_period(value: str) -> Period:
    """Read a period as SPEC §3 writes it; :class:`PeriodError` for anything else."""
    match = _PATTERN.fullmatch(value.strip())
    if match is None:
        raise PeriodError(tr("period.invalid", value=value))
    year = int(match["year"])
    if year < 1:  # "0000" matches the pattern but no calendar has it
        raise PeriodError(tr("period.invalid", value=value))
    part = match["part"].upper() if match["part"] else None
    first, last = _MONTHS[part]
    label = f"{year:04d}-{part}" if part else f"{year:04d}"
    return Period(label=label, start=dt.date(year, first, 1), end=_last_day(year, last))
