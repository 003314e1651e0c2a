"""How the GUI shows and reads numbers and dates: dd.mm.yyyy, decimal comma, EUR."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QDate


def fmt_date(day: dt.date | None) -> str:
    return "" if day is None else day.strftime("%d.%m.%Y")


def fmt_number(value: Any, places: int = 2) -> str:
    """A number with a decimal comma and a no-break space between thousands; '—' for None."""
    if value is None:
        return "—"
    text = f"{float(value):,.{places}f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def fmt_fte(value: Any) -> str:
    """FTE (slodze) with as many places as it needs, at least one: 1,0 / 0,75 / 0,125."""
    if value is None:
        return ""
    text = f"{Decimal(value):.3f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return text.replace(".", ",")


def fmt_eur(value: Any) -> str:
    return "" if value is None else f"{fmt_number(value, 2)} EUR"


def fmt_share(share: Any, places: int = 1) -> str:
    """A share 0–1 as a percentage, the same wherever it is shown: 0,112 → "11,2 %", 0,10 → "10 %".

    The number is written by the core's formatter (``swdesk.rules.findings.fmt_percent``, which the
    findings' messages use too); the sign is kept on the number's line by a no-break space.
    """
    from swdesk.rules.findings import fmt_percent

    if share is None:
        return "—"
    return fmt_percent(Decimal(str(share)), places) + "\u00a0%"


def fmt_trimmed(value: Any, places: int = 2) -> str:
    """A number with as many decimals as it has, up to ``places``: 1 000, 9, 0,5, 3,25."""
    from swdesk.rules.findings import fmt_number as core_number

    return "—" if value is None else core_number(Decimal(str(value)), places, trim=True)


def fmt_hours(hours: Any) -> str:
    """Hours as typed, without rounding away what was entered: 3,5 h, 40 h, 0,25 h."""
    return "—" if hours is None else fmt_trimmed(hours) + "\u00a0h"


def parse_decimal(text: str) -> Decimal | None:
    """A decimal typed with a comma or a point (spaces ignored); None when it is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_DATE_SEPARATORS = re.compile(r"[.\-/ ]+")


def parse_date(text: str) -> dt.date | None:
    """A date as a person types it; None when the text is not one.

    Accepted: ``15.12.2030``, ``15.12.30``, ``5.1.2030`` (dots, slashes, dashes or spaces between the parts),
    ``15122030`` and ``151230`` without separators, and ISO ``2030-12-15``. A two-digit year is 2000–2049
    for 00–49 and 1950–1999 for 50–99.
    """
    cleaned = text.strip().rstrip(".")
    if not cleaned:
        return None
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):
        year, month, day = (int(part) for part in cleaned.split("-"))
    elif cleaned.isdigit() and len(cleaned) in (6, 8):
        day, month, year = int(cleaned[:2]), int(cleaned[2:4]), int(cleaned[4:])
        if len(cleaned) == 6:
            year = _full_year(year)
    else:
        parts = _DATE_SEPARATORS.split(cleaned)
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            return None
        if len(parts[0]) > 2 or len(parts[1]) > 2 or len(parts[2]) not in (2, 4):
            return None
        day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
        if len(parts[2]) == 2:
            year = _full_year(year)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(two_digits: int) -> int:
    return (2000 if two_digits < 50 else 1900) + two_digits


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
