"""How the GUI shows and reads numbers and dates: dd.mm.yyyy, decimal comma, EUR."""

from __future__ import annotations

import datetime as dt
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


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())
