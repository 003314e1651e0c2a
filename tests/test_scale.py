"""The salary scale (SPEC §1.2) kept up to date by the head: `swdesk scale` and the core it calls."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from swdesk import scale
from swdesk.cli import main
from swdesk.db import models as m


def _scale(database) -> dict[tuple[int, int], tuple[Decimal, Decimal, Decimal]]:  # type: ignore[no-untyped-def]
    with database.read() as session:
        return {(e.group, e.year): (e.min, e.mid, e.max) for e in scale.entries(session)}


def test_a_new_year_starts_from_the_latest_amounts_and_is_then_edited(any_db) -> None:
    with any_db.write() as session:
        copied = scale.copy_scale(session, 2026)
    assert [(e.group, e.year, e.min) for e in copied] == [
        (6, 2026, Decimal(758)), (8, 2026, Decimal(967)), (9, 2026, Decimal(1157)), (10, 2026, Decimal(1399))
    ]
    with any_db.write() as session:
        assert scale.set_entry(session, 9, 2026, Decimal("1250"), Decimal("1700"), Decimal("2150")) is False
        assert scale.set_entry(session, 11, 2026, Decimal("1500"), Decimal("2100"), Decimal("2700")) is True
    rows = _scale(any_db)
    assert rows[(9, 2026)] == (Decimal(1250), Decimal(1700), Decimal(2150))
    assert rows[(9, 2023)] == (Decimal(1157), Decimal(1653), Decimal(2067))  # the old year stays as it was
    assert len(rows) == 9


@pytest.mark.parametrize(
    ("group", "year", "amounts", "message"),
    [
        (9, 2026, ("1800", "1700", "2100"), "Jābūt min ≤ vidējā ≤ max; ievadīts min 1800,00, vidējā 1700,00"),
        (9, 2026, ("0", "1700", "2100"), "Summām jābūt lielākām par 0"),
        (9, 2026, ("1200,555", "1700", "2100"), "ne vairāk kā 2 cipari aiz komata"),
        (21, 2026, ("1", "2", "3"), "Mēnešalgu grupa 21 nav iespējama"),
        (9, 1999, ("1", "2", "3"), "Gads 1999 nav iespējams"),
    ],
)
def test_impossible_rows_are_refused_with_a_latvian_message(db, group, year, amounts, message) -> None:
    values = [Decimal(a.replace(",", ".")) for a in amounts]
    with pytest.raises(scale.ScaleError, match=message.replace("(", r"\(")):
        with db.write() as session:
            scale.set_entry(session, group, year, *values)
    assert (group, year) not in _scale(db)


def test_copying_onto_a_year_that_has_a_scale_or_with_nothing_before_is_refused(db) -> None:
    with pytest.raises(scale.ScaleError, match="2023. gadam skala jau ir"):
        with db.write() as session:
            scale.copy_scale(session, 2023)
    with pytest.raises(scale.ScaleError, match="Nav skalas pirms 2020. gada"):
        with db.write() as session:
            scale.copy_scale(session, 2020)
    assert {year for _group, year in _scale(db)} == {2023}


def test_swdesk_scale_commands(db_path, capsys) -> None:
    run = lambda *a: main(["--db", str(db_path), "scale", *a])  # noqa: E731
    assert run("copy", "2026") == 0
    assert "2026. gada skala sākta no iepriekšējā gada: 4 grupas" in capsys.readouterr().out
    assert run("set", "9", "2026", "1250", "1700,50", "2150") == 0
    assert "2026. gada 9. grupa mainīta." in capsys.readouterr().out
    assert run("set", "9", "2026", "1800", "1700", "2100") == 2  # refused, the row keeps its amounts
    assert "Kļūda: Jābūt min ≤ vidējā ≤ max" in capsys.readouterr().err
    assert run("delete", "6", "2026") == 0
    assert run("delete", "6", "2026") == 2
    assert "2026. gadam 6. mēnešalgu grupai skalas nav" in capsys.readouterr().err
    assert run("list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed[:3] == [
        {"group": 8, "year": 2026, "min": 967, "mid": 1388, "max": 1796},
        {"group": 9, "year": 2026, "min": 1250, "mid": 1700.5, "max": 2150},
        {"group": 10, "year": 2026, "min": 1399, "mid": 1999, "max": 2499},
    ]
    assert main(["--db", str(db_path), "--lang", "en", "scale", "set", "9", "2026", "x", "1", "2"]) == 2
    assert "'x' is not an amount." in capsys.readouterr().err


def test_the_rules_use_the_year_s_own_scale(db) -> None:
    """R10 compares pay with the minimum of the year checked; a year without rows uses the latest before it."""
    import datetime as dt

    from swdesk.rules.checks import check_year

    with db.write() as session:
        session.add(m.Staff(tabeles_nr="5", first_name="Anna", last_name="Liepa", position_code="SD", fte=1,
                            start=dt.date(2024, 1, 1), education_code="E1", salary=Decimal("1200")))
        scale.copy_scale(session, 2026)
        scale.set_entry(session, 9, 2026, Decimal("1250"), Decimal("1700"), Decimal("2150"))
    with db.read() as session:
        flagged = {
            year: [f.subject for f in check_year(session, year=year, as_of=dt.date(year, 6, 30)).findings
                   if f.rule == "salary.below_scale"]
            for year in (2025, 2026, 2027)
        }
    assert flagged == {2025: [], 2026: ["staff:5"], 2027: ["staff:5"]}
