"""Claim periods (SPEC §3): the accepted forms and the refusal of everything else."""

from __future__ import annotations

import datetime as dt

import pytest

from swdesk.rules.periods import Period, PeriodError, parse_period

D = dt.date


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2025", "2025", D(2025, 1, 1), D(2025, 12, 31)),
        ("2025-H1", "2025-H1", D(2025, 1, 1), D(2025, 6, 30)),
        ("2025-H2", "2025-H2", D(2025, 7, 1), D(2025, 12, 31)),
        ("2025-Q1", "2025-Q1", D(2025, 1, 1), D(2025, 3, 31)),
        ("2025-Q2", "2025-Q2", D(2025, 4, 1), D(2025, 6, 30)),
        ("2025-Q3", "2025-Q3", D(2025, 7, 1), D(2025, 9, 30)),
        ("2025-Q4", "2025-Q4", D(2025, 10, 1), D(2025, 12, 31)),
        ("2025-9M", "2025-9M", D(2025, 1, 1), D(2025, 9, 30)),
        # case-insensitive, surrounding spaces ignored, the label is written one way
        ("2025-h1", "2025-H1", D(2025, 1, 1), D(2025, 6, 30)),
        ("2024-q1", "2024-Q1", D(2024, 1, 1), D(2024, 3, 31)),
        (" 2026-9m ", "2026-9M", D(2026, 1, 1), D(2026, 9, 30)),
    ],
)
def test_valid_periods(text: str, label: str, start: dt.date, end: dt.date) -> None:
    assert parse_period(text) == Period(label=label, start=start, end=end)


@pytest.mark.parametrize(
    "text",
    ["", "25", "20255", "2025-Q5", "2025-Q0", "2025-H3", "2025Q1", "2025-6M", "Q1-2025", "2025-01",
     "2025-Q1x", "2025 H1", "0000", "gads", "2025-", "01.01.2025"],
)
def test_invalid_periods_name_the_accepted_forms(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    message = str(info.value)
    assert f"«{text}»" in message
    for form in ("2025", "2025-H1", "2025-H2", "2025-Q1", "2025-Q4", "2025-9M"):
        assert form in message
    assert isinstance(info.value, ValueError)


def test_contains_and_year_start() -> None:
    q3 = parse_period("2025-Q3")
    assert D(2025, 7, 1) in q3 and D(2025, 9, 30) in q3
    assert D(2025, 6, 30) not in q3 and D(2025, 10, 1) not in q3
    assert q3.year == 2025 and q3.year_start == D(2025, 1, 1)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2025", "2025. gads"),
        ("2025-H2", "2025. gada 2. pusgads"),
        ("2025-Q3", "2025. gada 3. ceturksnis"),
        ("2025-9M", "2025. gada deviņi mēneši"),
    ],
)
def test_describe_in_latvian(text: str, words: str) -> None:
    assert parse_period(text).describe() == words
