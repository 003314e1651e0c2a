"""Latvian personal codes (personas kods), SPEC §5.

Two formats are in use: the old ``DDMMYY-CNNNK``, which encodes the birth date and the century (C: 0 →
1800s, 1 → 1900s, 2 → 2000s), and the new ``32NNNN-NNNNK`` issued since 1 July 2017, which encodes nothing.
Both end in a check digit K over the first ten digits: Σ of the digits times the weights 1,6,3,7,9,10,5,8,4,2;
K = (1101 − Σ) mod 11, where a result of 10 is written as 0.
"""

from __future__ import annotations

import datetime as dt
import re

from swdesk.formats import fmt_date
from swdesk.i18n import define, tr

define(
    {
        "personal_code.format": (
            "Personas kodam jābūt 11 cipariem formā DDMMGG-NNNNN (defise nav obligāta); ir «{value}».",
            "A personal code must be 11 digits in the form DDMMYY-NNNNN (the hyphen is optional); "
            "got '{value}'.",
        ),
        "personal_code.century": (
            "Personas koda «{value}» 7. cipars {digit} nenorāda gadsimtu (jābūt 0, 1 vai 2).",
            "Digit 7 of the personal code '{value}' is {digit}, which is not a century (must be 0, 1 or 2).",
        ),
        "personal_code.date": (
            "Personas koda «{value}» sākumā nav īsts dzimšanas datums.",
            "The personal code '{value}' does not start with a real birth date.",
        ),
        "personal_code.future": (
            "Personas koda «{value}» dzimšanas datums {date} ir nākotnē.",
            "The birth date {date} in the personal code '{value}' is in the future.",
        ),
        "personal_code.checksum": (
            "Personas koda «{value}» kontrolcipars nav pareizs (jābūt {expected}); pārbaudiet, vai nav "
            "pārrakstīšanās kļūdas.",
            "The check digit of the personal code '{value}' is wrong (should be {expected}); "
            "check for a typo.",
        ),
    }
)

WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
NEW_FORMAT_PREFIX = "32"
CENTURIES = {"0": 1800, "1": 1900, "2": 2000}
_SHAPE = re.compile(r"^(\d{6})-?(\d{5})$")


class PersonalCodeError(ValueError):
    """A personal code that fails the format, date or checksum rule; ``str()`` is the user message."""


def check_digit(first_ten: str) -> int:
    """The check digit for the first ten digits of a personal code (SPEC §5)."""
    total = sum(int(digit) * weight for digit, weight in zip(first_ten, WEIGHTS, strict=True))
    digit = (1101 - total) % 11
    return 0 if digit == 10 else digit


def normalise_personal_code(value: str, *, today: dt.date | None = None) -> str:
    """The code as ``XXXXXX-XXXXX``, or :class:`PersonalCodeError` with a Latvian reason.

    Surrounding spaces and the hyphen are optional on input.
    """
    text = value.strip()
    match = _SHAPE.match(text)
    if match is None:
        raise PersonalCodeError(tr("personal_code.format", value=value))
    digits = match.group(1) + match.group(2)
    normalised = f"{match.group(1)}-{match.group(2)}"
    if not digits.startswith(NEW_FORMAT_PREFIX):
        birth = _birth_date(digits, shown=normalised)
        if birth > (today or dt.date.today()):
            raise PersonalCodeError(
                tr("personal_code.future", value=normalised, date=fmt_date(birth))
            )
    expected = check_digit(digits[:10])
    if int(digits[10]) != expected:
        raise PersonalCodeError(tr("personal_code.checksum", value=normalised, expected=expected))
    return normalised


def personal_code_problem(value: str, *, today: dt.date | None = None) -> str | None:
    """The reason ``value`` is not a valid personal code, or None when it is."""
    try:
        normalise_personal_code(value, today=today)
    except PersonalCodeError as exc:
        return str(exc)
    return None


def _birth_date(digits: str, *, shown: str) -> dt.date:
    century = CENTURIES.get(digits[6])
    if century is None:
        raise PersonalCodeError(tr("personal_code.century", value=shown, digit=digits[6]))
    try:
        return dt.date(century + int(digits[4:6]), int(digits[2:4]), int(digits[0:2]))
    except ValueError:
        raise PersonalCodeError(tr("personal_code.date", value=shown)) from None
