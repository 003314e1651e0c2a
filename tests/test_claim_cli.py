"""The claim from the database and `swdesk claim --period P [--json]` (SPEC §3, §6)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from swdesk import settings as st
from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.rules.claim import build_claim
from swdesk.rules.periods import parse_period

D = dt.date


def _staff(nr: str, first: str, last: str, position: str) -> m.Staff:
    return m.Staff(
        tabeles_nr=nr, first_name=first, last_name=last, position_code=position, fte=Decimal("1"),
        start=D(2020, 1, 1), education_code="E1", salary=Decimal("1500"),
    )


def _event(
    staff: m.Staff, day: dt.date, kind: str, minutes: int, cost: str | None, **kw: object
) -> m.TrainingEvent:
    return m.TrainingEvent(
        staff=staff, date=day, kind=kind, minutes=minutes, duration=Decimal(minutes), duration_unit="minutes",
        cost=None if cost is None else Decimal(cost), **kw,
    )


def fill(database: Database) -> None:
    """A service with three people; events are added in this order, so ids follow the list."""
    with database.write() as s:
        s.add(
            m.Service(
                name="Ziemeļu sociālais dienests", municipality="Valmieras novads", head_name="Inga Liepa"
            )
        )
        anna = _staff("T1", "Anna", "Bērziņa", "SD")
        ilze = _staff("T2", "Ilze", "Ābele", "GA")  # not claim-eligible
        s.add_all([anna, ilze])
        s.add_all(
            [
                # 2024: another year, uses nothing of 2025
                _event(anna, D(2024, 12, 1), "supervision_individual", 540, "270.00", invoice="R0",
                       certified_supervisor=True),
                # Q1: 480 of Anna's 540 individual minutes; 8 × 30 = 240.00 ≤ cap 30 × 480/60 = 240 → 240.00
                _event(anna, D(2025, 2, 1), "supervision_individual", 480, "240.00", invoice="R1",
                       certified_supervisor=True),
                # remote 90 min, 45.00: cap 25 × 90/60 = 37.50; 60 left → 37.50 × 60/90 = 25.00; × 0.5 = 12.50
                _event(anna, D(2025, 4, 1), "supervision_individual", 90, "45.00", invoice="R2",
                       certified_supervisor=True, form="remote"),
                # training 120 min, 60.00 → 60.00, × 0.5 = 30.00
                _event(anna, D(2025, 5, 1), "training", 120, "60.00", invoice="R3", provider="LM mācības"),
                # not eligible
                _event(ilze, D(2025, 5, 2), "training", 60, "20.00", invoice="R4"),
                # H2: Anna's individual cap is used up
                _event(anna, D(2025, 7, 1), "supervision_individual", 60, "30.00", invoice="R5",
                       certified_supervisor=True),
            ]
        )


def test_build_claim_from_the_database(any_db: Database) -> None:
    fill(any_db)
    with any_db.read() as s:
        h1 = build_claim(s, parse_period("2025-H1"))
        h2 = build_claim(s, parse_period("2025-H2"))
    assert (h1.service_name, h1.municipality, h1.head_name) == (
        "Ziemeļu sociālais dienests", "Valmieras novads", "Inga Liepa",
    )
    got = [
        (r.tabeles_nr, str(r.date), r.excluded, r.compensable_minutes, str(r.compensation)) for r in h1.rows
    ]
    assert got == [
        ("T1", "2025-02-01", None, 480, "120.00"),
        ("T1", "2025-04-01", None, 60, "12.50"),
        ("T1", "2025-05-01", None, 120, "30.00"),
        ("T2", "2025-05-02", "not_eligible", 0, "0.00"),
    ]
    assert h1.rows[2].provider == "LM mācības" and h1.rows[2].position_name == "Sociālais darbinieks"
    # 240 + 25 + 60 = 325.00; 120 + 12.50 + 30 = 162.50
    assert (h1.totals.eligible_cost, h1.totals.compensation) == (Decimal("325.00"), Decimal("162.50"))
    # H2 sees the 540 minutes used in H1 (480 + 60)
    assert [(r.excluded, r.compensable_minutes) for r in h2.rows] == [("over_annual_cap", 0)]


def test_settings_in_force_on_the_period_end(any_db: Database) -> None:
    fill(any_db)
    with any_db.write() as s:
        st.set_value(s, "claim.rate", "0.70", D(2025, 7, 1))
    with any_db.read() as s:
        h1 = build_claim(s, parse_period("2025-H1"))
        year = build_claim(s, parse_period("2025"))
    assert h1.rate == Decimal("0.50") and h1.totals.compensation == Decimal("162.50")
    # the year's claim is made with the rate of 31.12.2025 for all its rows: 325.00 × 0.70 = 227.50
    assert year.rate == Decimal("0.70") and year.totals.compensation == Decimal("227.50")


def test_cli_json(db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    assert main(["--db", str(db_path), "claim", "--period", "2025-H1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"period", "rate", "rows", "totals"}
    assert data["period"] == {"from": "2025-01-01", "to": "2025-06-30"}
    assert data["rate"] == 0.5
    assert [set(row) for row in data["rows"]] == [
        {"staff", "date", "kind", "minutes", "compensable_minutes", "cost", "eligible_cost", "compensation",
         "excluded"}
    ] * 4
    assert data["rows"][1] == {
        "staff": "T1", "date": "2025-04-01", "kind": "supervision_individual", "minutes": 90,
        "compensable_minutes": 60, "cost": 45.0, "eligible_cost": 25.0, "compensation": 12.5,
        "excluded": None,
    }
    assert data["rows"][3]["excluded"] == "not_eligible"
    assert data["totals"] == {"eligible_cost": 325.0, "compensation": 162.5}


def test_cli_text(db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(db)
    assert main(["claim", "--period", "2025-h1", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Ziemeļu sociālais dienests (Valmieras novads)" in out
    assert "Vadītājs: Inga Liepa" in out
    assert "Periods: 2025. gada 1. pusgads, 01.01.2025–30.06.2025" in out
    assert "Kompensācijas likme: 50 %" in out
    # people in Latvian order: Ābele before Bērziņa
    assert out.index("Ābele Ilze (T2") < out.index("Bērziņa Anna (T1")
    assert "attiecināmās izmaksas: 325,00 EUR, kompensācija: 162,50 EUR" in out
    assert "Amats nav tiesīgs saņemt kompensāciju: 1" in out


def test_cli_empty_period(db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "claim", "--period", "2030"]) == 0
    assert "Periodā nav neviena" in capsys.readouterr().out
    assert main(["--db", str(db_path), "claim", "--period", "2030", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rows"] == [] and data["totals"] == {"eligible_cost": 0.0, "compensation": 0.0}


def test_cli_bad_period_is_a_usage_error(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "claim", "--period", "2025-Q5"]) == 2
    err = capsys.readouterr().err
    assert "«2025-Q5» nav saprotams periods" in err and "2025-9M" in err
    assert not db_path.exists()  # refused before the database was opened: nothing written
