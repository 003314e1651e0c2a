"""Cell values as people type them (SPEC §5): dates, months, decimals, yes/no, codes and names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from swdesk.importer.sheets import DURATION_UNITS, FORMS, TRAINING_KINDS
from swdesk.importer.values import (
    CodeLookup,
    ValueProblem,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_month,
    parse_text,
    parse_whole,
)


@pytest.mark.parametrize(
    "given",
    [
        dt.datetime(2025, 1, 5),
        dt.datetime(2025, 1, 5, 13, 30),
        dt.date(2025, 1, 5),
        45662,  # the Excel serial number of 05.01.2025
        45662.0,
        "05.01.2025",
        "5.1.2025",
        "05.01.2025.",  # Latvian writing ends a date with a dot
        " 2025-01-05 ",
        "2025-01-05T00:00:00",
    ],
)
def test_dates_in_every_accepted_form(given: object) -> None:
    assert parse_date(given) == dt.date(2025, 1, 5)


@pytest.mark.parametrize(
    ("given", "fragment"),
    [
        ("31.02.2025", "nav datums"),
        ("2025/01/05", "nav datums"),
        ("05-01-2025", "nav datums"),
        ("rīt", "nav datums"),
        (True, "nav datums"),
        ("05.01.0025", "nav ticams"),
        ("#VALUE!", "Excel kļūdas"),
    ],
)
def test_bad_dates_say_what_to_write(given: object, fragment: str) -> None:
    with pytest.raises(ValueProblem, match=fragment):
        parse_date(given)


@pytest.mark.parametrize(
    "given",
    ["2025-03", "03.2025", "3.2025", "15.03.2025", "2025-03-31", dt.datetime(2025, 3, 9), 45730],
)
def test_months_become_the_first_day(given: object) -> None:
    assert parse_month(given) == dt.date(2025, 3, 1)


@pytest.mark.parametrize("given", ["2025-13", "13.2025", "marts", "2025"])
def test_bad_months(given: str) -> None:
    with pytest.raises(ValueProblem, match="nav mēnesis"):
        parse_month(given)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("1,5", Decimal("1.5")),
        ("1.5", Decimal("1.5")),
        (" 1 250,50 ", Decimal("1250.5")),
        ("1\u00a0250,50", Decimal("1250.5")),
        (1.5, Decimal("1.5")),
        (0.1 + 0.2, Decimal("0.3")),  # binary noise of a float cell
        (3, Decimal(3)),
        (",5", Decimal("0.5")),
    ],
)
def test_decimals_with_comma_or_point(given: object, expected: Decimal) -> None:
    assert parse_decimal(given, places=2) == expected


@pytest.mark.parametrize(
    ("given", "kwargs", "fragment"),
    [
        ("1.250,50", {}, "nav skaitlis"),
        ("abc", {}, "nav skaitlis"),
        ("1e3", {}, "nav skaitlis"),
        ("NaN", {}, "nav skaitlis"),
        (float("nan"), {}, "nav skaitlis"),
        (True, {}, "nav skaitlis"),
        ("10,005", {}, "ne vairāk kā 2 cipari"),
        ("0", {"above": Decimal(0)}, "lielākai par 0"),
        ("-1", {"minimum": Decimal(0)}, "vismaz 0"),
        ("25", {"maximum": Decimal(24)}, "nedrīkst pārsniegt 24"),
    ],
)
def test_bad_decimals(given: object, kwargs: dict, fragment: str) -> None:
    with pytest.raises(ValueProblem, match=fragment):
        parse_decimal(given, places=2, **kwargs)


def test_whole_numbers() -> None:
    assert parse_whole("12") == 12
    assert parse_whole(12.0) == 12
    assert parse_whole("12,0") == 12
    with pytest.raises(ValueProblem, match="nav vesels"):
        parse_whole("2,5")
    with pytest.raises(ValueProblem, match="vismaz 0"):
        parse_whole(-1, minimum=0)


@pytest.mark.parametrize("given", ["jā", "JĀ", " ja ", "yes", "true", "1", 1, True])
def test_yes(given: object) -> None:
    assert parse_bool(given) is True


@pytest.mark.parametrize("given", ["nē", "Ne", "no", "FALSE", "0", 0, False])
def test_no(given: object) -> None:
    assert parse_bool(given) is False


def test_bad_yes_no() -> None:
    with pytest.raises(ValueProblem, match="«jā» vai «nē»"):
        parse_bool("varbūt")


def test_text_is_stripped_and_numbers_lose_the_point_zero() -> None:
    assert parse_text("  Anna  ") == "Anna"
    assert parse_text(1001.0) == "1001"
    assert parse_text(1001) == "1001"
    with pytest.raises(ValueProblem, match="par garu: 5 zīmes, atļautas 4"):
        parse_text("abcde", max_length=4)


def test_fixed_choices_by_label_code_case_and_without_diacritics() -> None:
    assert TRAINING_KINDS.parse("Individuālā supervīzija") == "supervision_individual"
    assert TRAINING_KINDS.parse(" GRUPAS SUPERVĪZIJA ") == "supervision_group"
    assert TRAINING_KINDS.parse("Apmacibas") == "training"
    assert FORMS.parse("attālināti") == "remote"
    assert DURATION_UNITS.parse("akademiskas stundas") == "academic_hours"
    assert DURATION_UNITS.parse("minutes") == "minutes"
    with pytest.raises(ValueProblem, match="Klātiene | Attālināti"):
        FORMS.parse("tiešsaistē")


def test_catalogue_by_code_or_name() -> None:
    lookup = CodeLookup(
        [("SD", "Sociālais darbinieks"), ("SD_VEC", "Vecākais sociālais darbinieks")],
        what="amatu katalogā",
        extra=["*"],
    )
    assert lookup.parse("sd") == "SD"
    assert lookup.parse("  sociālais   DARBINIEKS ") == "SD"
    assert lookup.parse("Vecakais socialais darbinieks") == "SD_VEC"
    assert lookup.parse("*") == "*"
    with pytest.raises(ValueProblem) as caught:
        lookup.parse("Direktors")
    assert (
        str(caught.value)
        == "«Direktors» nav amatu katalogā — ne kā kods, ne kā nosaukums. Kodi: *, SD, SD_VEC."
    )
