"""Issue 15 parts 2 and 3: retention and purpose of the staff's personal data, a person's rights.

The anonymisation and erasure tests compare every table of the database after the change with what is
expected, row by row: only the rows named change, nothing else moves.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database, open_database
from swdesk.demo import generate_demo
from swdesk.personal_data import (
    PersonalDataError,
    anonymisation_due,
    anonymise,
    anonymous_number,
)
from swdesk.rules.claim import ClaimEvent, ClaimInput, build_claim, compute_claim
from swdesk.rules.periods import parse_period
from swdesk.settings import Settings

TODAY = dt.date(2026, 3, 15)
# five years after 01.01.2024: whoever left by then is due
LATER = dt.date(2029, 1, 1)


@pytest.fixture
def demo(tmp_path: Path) -> Database:
    database = open_database(str(tmp_path / "swdesk.sqlite"), auto_backup=False)
    generate_demo(database, size="small", today=TODAY)
    yield database
    database.close()


def tables(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of the file, every row, in rowid order (what "the data" is, table by table)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return {name: list(connection.execute(f'SELECT * FROM "{name}" ORDER BY rowid')) for name in names}
    finally:
        connection.close()


def staff_columns(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [row[1] for row in connection.execute("PRAGMA table_info(staff)")]
    finally:
        connection.close()


def test_former_staff_are_anonymised_on_confirmation_only_and_the_figures_stay(demo: Database) -> None:
    path = demo.path
    assert path is not None
    with demo.read() as s:
        assert anonymisation_due(s, today=TODAY) == []  # nobody left five years ago yet
        due = anonymisation_due(s, today=LATER)
        claim_before = build_claim(s, parse_period("2022"))
        leavers = {
            nr
            for nr, end in s.execute(select(m.Staff.tabeles_nr, m.Staff.end))
            if end and end <= dt.date(2024, 1, 1)
        }
    assert leavers and {p.tabeles_nr for p in due} == leavers
    before = tables(path)

    # the command line without --yes only says what it would do
    assert main(["--db", str(path), "person", "anonymise", "--today", "01.01.2029"]) == 0
    assert tables(path) == before

    assert main(["--db", str(path), "person", "anonymise", "--today", "01.01.2029", "--yes"]) == 0
    after = tables(path)
    assert {name for name in after if after[name] != before[name]} == {"staff"}
    columns = staff_columns(path)
    changed = {"tabeles_nr", "first_name", "last_name", "personal_code", "specialization"}
    ids = {p.id for p in due}
    for old, new in zip(before["staff"], after["staff"], strict=True):
        row_before, row_after = dict(zip(columns, old, strict=True)), dict(zip(columns, new, strict=True))
        if row_before["id"] not in ids:
            assert row_after == row_before
            continue
        assert row_after == {
            **row_before,
            "tabeles_nr": anonymous_number(row_before["id"]),
            "first_name": "Anonimizēts",
            "last_name": "darbinieks",
            "personal_code": None,
            "specialization": None,
        }
        assert {k for k in columns if row_after[k] != row_before[k]} <= changed
    # the backup made first holds the data as it was, verified
    backups = sorted((path.parent / "backups").glob("pirms-anonimizesanas-*.sqlite"))
    assert len(backups) == 1 and tables(backups[0]) == before
    # past claims keep their money; only the name on the row is gone
    with demo.read() as s:
        claim_after = build_claim(s, parse_period("2022"))
        assert anonymisation_due(s, today=LATER) == []  # not offered twice
    assert claim_after.totals == claim_before.totals
    assert [(r.date, r.compensation) for r in claim_after.rows] == [
        (r.date, r.compensation) for r in claim_before.rows
    ]


def test_anonymising_someone_not_due_changes_nothing(demo: Database) -> None:
    assert demo.path is not None
    before = tables(demo.path)
    with demo.read() as s:
        current = s.scalar(select(m.Staff.id).where(m.Staff.tabeles_nr == "0001"))
    with pytest.raises(PersonalDataError, match="nav anonimizējams"):
        anonymise(demo, [current], today=LATER)
    assert tables(demo.path) == before
    assert not (demo.path.parent / "backups").exists()


def test_anonymisation_is_one_transaction(demo: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure on the second person leaves the first one as they were too."""
    assert demo.path is not None
    before = tables(demo.path)
    much_later = dt.date(2032, 1, 1)
    with demo.read() as s:
        due = anonymisation_due(s, today=much_later)
    assert len(due) >= 2
    last = due[-1].id
    # the last one's new number collides with a current employee number: the database refuses it
    monkeypatch.setattr(
        "swdesk.personal_data.anonymous_number", lambda id_: "0001" if id_ == last else f"anon-{id_}"
    )
    with pytest.raises(IntegrityError):
        anonymise(demo, [p.id for p in due], today=much_later)
    assert tables(demo.path) == before


# --- per-person caps through the personal code ----------------------------------------------------------


def _event(event_id: int, nr: str, minutes: int) -> ClaimEvent:
    return ClaimEvent(
        event_id=event_id,
        tabeles_nr=nr,
        first_name="Anna",
        last_name="Liepa",
        position_code="SD",
        position_name="Sociālais darbinieks",
        claim_eligible=True,
        training_hours=24,
        date=dt.date(2025, 3, event_id),
        kind="supervision_individual",
        form="in_person",
        minutes=minutes,
        cost=Decimal("30.00"),
        invoice="R-1",
        certified_supervisor=True,
    )


def test_two_employments_of_one_person_share_the_yearly_cap_through_the_personal_code() -> None:
    # 6 h + 6 h of individual supervision against a 9 h cap
    events = (_event(1, "A1", 360), _event(2, "B2", 360))
    period = parse_period("2025")
    settings = Settings.defaults()
    apart = compute_claim(ClaimInput(events=events), period=period, settings=settings)
    assert [r.compensable_minutes for r in apart.rows] == [360, 360]
    linked = compute_claim(
        ClaimInput(events=events, personal_codes={"A1": "010190-12345", "B2": "010190-12345"}),
        period=period,
        settings=settings,
    )
    assert [r.compensable_minutes for r in linked.rows] == [360, 180]
    # each employment's line says what the person has left: nothing
    assert {(u.tabeles_nr, u.left) for u in linked.cap_usage} == {("A1", 0), ("B2", 0)}
    other = compute_claim(
        ClaimInput(events=events, personal_codes={"A1": "010190-12345", "B2": "020290-12345"}),
        period=period,
        settings=settings,
    )
    assert [r.compensable_minutes for r in other.rows] == [360, 360]


def test_the_claim_reads_the_personal_codes_from_the_database(demo: Database) -> None:
    with demo.write() as s:
        first = s.scalar(select(m.Staff).where(m.Staff.tabeles_nr == "0001"))
        assert first is not None
        second = m.Staff(
            tabeles_nr="0001-B",
            first_name=first.first_name,
            last_name=first.last_name,
            personal_code=first.personal_code,
            position_code=first.position_code,
            fte=Decimal("0.2"),
            start=dt.date(2025, 1, 1),
            education_code=first.education_code,
            salary=first.salary,
        )
        s.add(second)
        s.flush()
        # far more than the yearly cap in the second employment
        s.add(
            m.TrainingEvent(
                staff_id=second.id,
                date=dt.date(2025, 12, 30),
                kind="supervision_individual",
                minutes=6000,
                duration=Decimal(100),
                duration_unit="hours",
                cost=Decimal("30"),
                invoice="R-9",
                certified_supervisor=True,
            )
        )
    with demo.read() as s:
        claim = build_claim(s, parse_period("2025"))
    used = sum(
        r.compensable_minutes
        for r in claim.rows
        if r.tabeles_nr in {"0001", "0001-B"} and r.kind == "supervision_individual"
    )
    assert used == 9 * 60  # one person, one cap
