"""How swdesk writes numbers and dates for a person to read — the one place for it (issue 17 point 5).

The command line, the window, the findings' messages, the import's problems and the documents all call
these functions, so that a figure reads the same wherever it is shown:

- dates ``dd.mm.yyyy`` in both languages (the year always four digits), months ``mm.yyyy``;
- numbers rounded half up (SPEC §2), with a decimal comma and a no-break space between thousands in
  Latvian (``1 120,00``), the English way in English (``1,120.00``); the language is the core's current one
  (:func:`swdesk.i18n.language`), which ``--lang`` and the window's language set and which a document
  fixes to Latvian while it is written (``swdesk.export.common.document_language``);
- a missing number is a dash, a missing date an empty text.

No Qt here: the core uses it too. What a person types is read back by :func:`parse_decimal` and
:func:`parse_date`, which take what these functions write (:func:`fmt_input` for an edit field).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from swdesk.i18n import language

NBSP = "\u00a0"
DASH = "—"


def round_half_up(value: Decimal | int, places: int) -> Decimal:
    """Round as SPEC §2 does: to ``places`` decimals, halves away from zero."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _exact(value: Any) -> Decimal:
    # via str: a float 2.675 is the 2.675 a person sees, not the binary 2.67499…
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _localise(text: str, *, grouped: bool) -> str:
    """Python's ``1,234.5`` as the current language writes it (``grouped=False``: no thousands mark)."""
    if not grouped:
        text = text.replace(",", "")
    if language() == "en":
        return text
    return text.replace(",", NBSP).replace(".", ",")


def fmt_number(value: Any, places: int = 2, *, trim: bool = False) -> str:
    """A number rounded half up to ``places`` decimals: ``1 234,50`` in Latvian, ``1,234.50`` in English.

    ``trim`` drops trailing zeros of the fraction (an FTE of 8,000 reads "8", 7,500 reads "7,5"). None is
    a dash.
    """
    if value is None:
        return DASH
    return _localise(_fixed(value, places, trim=trim), grouped=True)


def _fixed(value: Any, places: int, *, trim: bool) -> str:
    text = f"{round_half_up(_exact(value), places):,.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_trimmed(value: Any, places: int = 2) -> str:
    """A number with as many decimals as it has, up to ``places``: 1 000, 9, 0,5, 3,25."""
    return fmt_number(value, places, trim=True)


def fmt_input(value: Any, places: int = 2, *, trim: bool = False) -> str:
    """A number as an edit field shows it for typing over: no thousands mark (``1120,00``), so that
    :func:`parse_decimal` reads it back whatever the language; "" for None."""
    if value is None:
        return ""
    return _localise(_fixed(value, places, trim=trim), grouped=False)


def fmt_exact(value: Decimal, *, trim: bool = True) -> str:
    """A decimal as it is, not rounded, without trailing zeros: ``12,5``, ``50``, ``0,0125``; ``trim=False``
    keeps the zeros it was stored with (``1,50``)."""
    return _localise(format(value.normalize() if trim else value, "f"), grouped=False)


def fmt_fte(value: Any) -> str:
    """FTE (slodze) with as many places as it needs, at least one: 1,0 / 0,75 / 0,125; "" for None."""
    if value is None:
        return ""
    text = f"{round_half_up(_exact(value), 3):.3f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return _localise(text, grouped=False)


def fmt_eur(value: Any) -> str:
    """Money with two decimals and the currency: ``1 120,00 EUR``; "" for None."""
    return "" if value is None else f"{fmt_number(value, 2)} EUR"


def fmt_percent(share: Any, places: int = 1) -> str:
    """A fraction 0–1 as a percentage without the sign, trailing zeros dropped: 0,125 → "12,5"."""
    return fmt_number(_exact(share) * 100, places, trim=True)


def fmt_share(share: Any, places: int = 1, *, trim: bool = True) -> str:
    """A share 0–1 as a percentage with its sign kept on the number's line: 0,112 → "11,2 %", 0,10 →
    "10 %" (``trim=False``: "10,0 %", as the documents' columns write it); a dash for None."""
    if share is None:
        return DASH
    return fmt_number(_exact(share) * 100, places, trim=trim) + NBSP + "%"


def fmt_hours(hours: Any) -> str:
    """Hours as typed, without rounding away what was entered: 3,5 h, 40 h, 0,25 h; a dash for None."""
    return DASH if hours is None else fmt_trimmed(hours) + NBSP + "h"


def fmt_date(day: dt.date | None) -> str:
    """dd.mm.yyyy, as everything a person reads shows dates (the year always four digits: strftime writes
    year 1 as "1" on some systems); "" for None."""
    if day is None:
        return ""
    return f"{day.day:02d}.{day.month:02d}.{day.year:04d}"


def fmt_datetime(moment: dt.datetime) -> str:
    """dd.mm.yyyy hh:mm."""
    return f"{fmt_date(moment)} {moment.hour:02d}:{moment.minute:02d}"


def fmt_month(day: dt.date) -> str:
    """mm.yyyy: a month of caseloads or of a report's chart."""
    return f"{day.month:02d}.{day.year:04d}"


# --- reading back what a person typed --------------------------------------------------------------------


def parse_decimal(text: str) -> Decimal | None:
    """A decimal typed with a comma or a point (spaces ignored); None when it is not a number."""
    cleaned = text.strip().replace(NBSP, "").replace(" ", "").replace(",", ".")
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
