"""Numbers and dates have one writer, swdesk.formats (issue 17 point 5): its texts in both languages, and a
scan that nothing else writes dates or decimal commas of its own or borrows the command line's formatting."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import swdesk
from swdesk.formats import (
    fmt_date,
    fmt_datetime,
    fmt_eur,
    fmt_exact,
    fmt_fte,
    fmt_hours,
    fmt_input,
    fmt_month,
    fmt_number,
    fmt_percent,
    fmt_share,
    fmt_trimmed,
    parse_decimal,
)
from swdesk.i18n import set_language

NBSP = "\u00a0"
PACKAGE = Path(swdesk.__file__).parent


@pytest.fixture(params=["lv", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    set_language(request.param)  # the autouse fixture of conftest.py sets Latvian back
    return str(request.param)


def test_latvian_numbers_have_a_decimal_comma_and_a_no_break_space_between_thousands() -> None:
    assert fmt_number(Decimal("1120")) == f"1{NBSP}120,00"
    assert fmt_number(1234567.5, 1) == f"1{NBSP}234{NBSP}567,5"
    assert fmt_number(Decimal("-1120.5")) == f"-1{NBSP}120,50"
    assert fmt_number(0) == "0,00"
    assert fmt_number(Decimal("-0.001")) == "-0,00"  # as Python rounds a negative to zero: its sign kept
    assert fmt_number(999, 0) == "999"
    assert fmt_number(None) == "—"
    assert fmt_eur(Decimal("1120")) == f"1{NBSP}120,00 EUR"
    assert fmt_eur(Decimal("-15.5")) == "-15,50 EUR"
    assert fmt_eur(None) == ""


def test_english_numbers_are_written_the_english_way() -> None:
    set_language("en")
    assert fmt_number(Decimal("1120")) == "1,120.00"
    assert fmt_number(Decimal("-1120.5")) == "-1,120.50"
    assert fmt_number(0, 0) == "0"
    assert fmt_eur(Decimal("1120")) == "1,120.00 EUR"
    assert fmt_fte(Decimal("0.75")) == "0.75"
    assert fmt_share(Decimal("0.1125")) == f"11.3{NBSP}%"
    assert fmt_hours(Decimal("3.5")) == f"3.5{NBSP}h"
    assert fmt_input(Decimal("1120")) == "1120.00"
    assert fmt_exact(Decimal("12.50")) == "12.5"


def test_halves_are_rounded_up_away_from_zero_in_both_languages(lang: str) -> None:
    comma = "," if lang == "lv" else "."
    assert fmt_number(Decimal("2.675")) == f"2{comma}68"
    assert fmt_number(2.675) == f"2{comma}68"  # the float a person sees, not its binary 2.67499…
    assert fmt_number(Decimal("0.125")) == f"0{comma}13"
    assert fmt_number(Decimal("-1.005")) == f"-1{comma}01"
    assert fmt_number(Decimal("0.5"), 0) == "1"
    assert fmt_number(Decimal("2.5"), 0) == "3"  # not to even
    assert fmt_percent(Decimal("0.12345"), 2) == f"12{comma}35"


def test_fte_hours_shares_and_trimmed_numbers() -> None:
    assert [fmt_fte(v) for v in (Decimal(1), Decimal("0.75"), Decimal("0.125"), 2, None)] == [
        "1,0", "0,75", "0,125", "2,0", ""
    ]
    assert fmt_trimmed(Decimal("1000")) == f"1{NBSP}000"
    assert fmt_trimmed(Decimal("3.250")) == "3,25"
    assert fmt_trimmed(Decimal("0.0049")) == "0"
    assert fmt_hours(Decimal("40")) == f"40{NBSP}h"
    assert fmt_hours(Decimal("0.25")) == f"0,25{NBSP}h"
    assert fmt_hours(None) == "—"
    assert fmt_share(Decimal("0.112")) == f"11,2{NBSP}%"
    assert fmt_share(Decimal("0.10")) == f"10{NBSP}%"
    assert fmt_share(Decimal("0.10"), trim=False) == f"10,0{NBSP}%"  # the documents' columns
    assert fmt_share(None) == "—"
    assert fmt_percent(Decimal("0.125")) == "12,5"
    assert fmt_exact(Decimal("0.50") * 100) == "50"
    assert fmt_exact(Decimal("1.50"), trim=False) == "1,50"


def test_what_an_edit_field_shows_is_read_back_to_the_same_value(lang: str) -> None:
    for value in (Decimal("1120.00"), Decimal("-2500.5"), Decimal("0.125"), Decimal("1234567.89")):
        shown = fmt_input(value, 3, trim=True)
        assert NBSP not in shown and " " not in shown
        assert parse_decimal(shown) == value
    assert fmt_input(None) == ""


def test_dates_are_day_month_year_in_both_languages(lang: str) -> None:
    assert fmt_date(dt.date(2026, 2, 1)) == "01.02.2026"
    assert fmt_date(dt.date(1, 1, 9)) == "09.01.0001"  # four digits of a year, whatever strftime does
    assert fmt_date(None) == ""
    assert fmt_month(dt.date(2025, 3, 31)) == "03.2025"
    assert fmt_datetime(dt.datetime(2026, 11, 29, 9, 5, 59)) == "29.11.2026 09:05"


# --- nobody else formats ---------------------------------------------------------------------------------


def _modules() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).as_posix()
        if "/migrations/" in relative:
            continue
        found.append((relative, ast.parse(path.read_text(encoding="utf-8"), relative)))
    return found


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _own_formatting(node: ast.AST) -> str | None:
    """What in ``node`` writes a date or a number by hand, or None."""
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
        return None
    texts = [_text(arg) for arg in node.args]
    if node.func.attr == "strftime" and texts and texts[0] and ("%d.%m" in texts[0] or "%m.%Y" in texts[0]):
        return f"strftime({texts[0]!r})"
    if node.func.attr == "replace" and len(texts) == 2 and texts[0] in (".", ",") and texts[1] in (",", NBSP):
        return f"replace({texts[0]!r}, {texts[1]!r})"
    return None


def test_only_the_formats_module_writes_dates_and_decimal_commas() -> None:
    offenders = [
        f"{name}:{node.lineno}: {what}"
        for name, tree in _modules()
        if name != "swdesk/formats.py"
        for node in ast.walk(tree)
        if (what := _own_formatting(node))
    ]
    assert offenders == [], "format with swdesk.formats instead:\n" + "\n".join(offenders)


def test_the_scan_finds_what_it_looks_for() -> None:
    sample = ast.parse('a = day.strftime("%d.%m.%Y")\nb = f"{x:.2f}".replace(".", ",")\nc = str(x).upper()')
    assert [w for node in ast.walk(sample) if (w := _own_formatting(node))] == [
        "strftime('%d.%m.%Y')",
        "replace('.', ',')",
    ]


def test_documents_rules_and_lm_do_not_borrow_from_the_command_line() -> None:
    borrowed = []
    for name, tree in _modules():
        if not name.startswith(("swdesk/export/", "swdesk/lm/", "swdesk/rules/")):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and (
                node.module == "swdesk.commands" or node.module.startswith("swdesk.commands.")
            ):
                borrowed.append(f"{name}:{node.lineno}: from {node.module} import …")
            if isinstance(node, ast.Import):
                borrowed += [f"{name}:{node.lineno}: import {a.name}" for a in node.names
                             if a.name.startswith("swdesk.commands")]
    assert borrowed == []
