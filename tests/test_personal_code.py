"""Latvian personal codes (SPEC §5): both formats, the checksum, real birth dates, normalisation."""

from __future__ import annotations

import datetime as dt

import pytest

from swdesk.i18n import set_language
from swdesk.importer.personal_code import (
    PersonalCodeError,
    check_digit,
    normalise_personal_code,
    personal_code_problem,
)
from tests.test_import_support import with_check_digit

TODAY = dt.date(2025, 6, 1)


def _code_with_check_ten() -> str:
    """Find ten digits (old format, real date) whose (1101 − Σ) mod 11 is 10, so the check digit is 0."""
    for serial in range(1000):
        first_ten = f"0101801{serial:03d}"
        total = sum(int(d) * w for d, w in zip(first_ten, (1, 6, 3, 7, 9, 10, 5, 8, 4, 2), strict=True))
        if (1101 - total) % 11 == 10:
            return first_ten
    raise AssertionError("no such code")


@pytest.mark.parametrize(
    "given",
    [
        "161175-19997",  # the sample code published with the checksum rule
        with_check_digit("0503851234"),  # 1900s
        with_check_digit("2902002234"),  # 29 Feb 2000, a leap day
        with_check_digit("0101180500"),  # 1818 (century digit 0)
        with_check_digit("3112242999"),  # 2000s (century digit 2)
        with_check_digit("3200000000"),  # new format: no date inside
        with_check_digit("3299999999"),
    ],
)
def test_valid_codes_are_accepted_and_normalised(given: str) -> None:
    assert normalise_personal_code(given, today=TODAY) == given
    assert normalise_personal_code(given.replace("-", ""), today=TODAY) == given
    assert normalise_personal_code(f"  {given} ", today=TODAY) == given
    assert personal_code_problem(given, today=TODAY) is None


def test_a_check_result_of_ten_is_written_as_zero() -> None:
    first_ten = _code_with_check_ten()
    assert check_digit(first_ten) == 0
    code = f"{first_ten[:6]}-{first_ten[6:]}0"
    assert normalise_personal_code(code, today=TODAY) == code


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("161175-19998", "kontrolcipars nav pareizs (jābūt 7)"),
        ("16117519996", "kontrolcipars"),
        ("1611751999", "11 cipariem"),
        ("161175-199970", "11 cipariem"),
        ("161175--19997", "11 cipariem"),
        ("16117A-19997", "11 cipariem"),
        ("", "11 cipariem"),
        ("300285-11111", "nav īsts dzimšanas datums"),  # 30 February
        ("290201-11111", "nav īsts dzimšanas datums"),  # 29 Feb 1901: not a leap year
        ("011380-11111", "nav īsts dzimšanas datums"),  # month 13
        ("010180-31111", "7. cipars 3 nenorāda gadsimtu"),
        ("010180-91111", "gadsimtu"),
    ],
)
def test_invalid_codes_give_a_latvian_reason(given: str, reason: str) -> None:
    with pytest.raises(PersonalCodeError) as caught:
        normalise_personal_code(given, today=TODAY)
    assert reason in str(caught.value)
    assert reason in (personal_code_problem(given, today=TODAY) or "")


def test_a_new_format_code_with_a_wrong_check_digit_is_refused() -> None:
    good = with_check_digit("3212345678")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert "kontrolcipars" in (personal_code_problem(bad, today=TODAY) or "")


def test_a_birth_date_in_the_future_is_refused() -> None:
    code = with_check_digit("0101302000")  # 01.01.2030
    assert "nākotnē" in (personal_code_problem(code, today=TODAY) or "")
    assert personal_code_problem(code, today=dt.date(2030, 1, 1)) is None


def test_the_reason_follows_the_language() -> None:
    set_language("en")
    assert "check digit" in (personal_code_problem("161175-19998", today=TODAY) or "")
