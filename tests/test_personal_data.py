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

from swdesk import records
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
    # the staff rows, and the history: the anonymisation itself, without the old names (tests/test_history.py)
    assert {name for name in after if after[name] != before[name]} == {"staff", "change_set", "change"}
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


# --- a person's rights: export (art. 15) and erasure (art. 17) ------------------------------------------


def _counts(database: Database, nr: str) -> dict[str, int]:
    with database.read() as s:
        staff_id = s.scalar(select(m.Staff.id).where(m.Staff.tabeles_nr == nr))
        return {
            name: len(list(s.scalars(select(model.id).where(model.staff_id == staff_id))))
            for name, model in (("caseloads", m.Caseload), ("duties", m.Duty), ("training", m.TrainingEvent))
        }


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils is not installed")
def test_export_holds_everything_stored_about_the_person(demo: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from tests.test_export_toolkit import pdf_text

    assert demo.path is not None
    with demo.read() as s:
        person = s.scalar(select(m.Staff).where(m.Staff.tabeles_nr == "0001"))
        assert person is not None and person.personal_code
        name, code, last_name = person.full_name, person.personal_code, person.last_name
        other = s.scalar(select(m.Staff).where(m.Staff.tabeles_nr == "0002"))
        assert other is not None
        other_name = other.full_name
    with demo.write() as s, records.source(s, "komanda:tests"):  # half time from a date: a second term
        person = s.scalar(select(m.Staff).where(m.Staff.tabeles_nr == "0001"))
        assert person is not None and person.end is None and person.fte != Decimal("0.5")
        since = person.start + dt.timedelta(days=40)
        records.change(s, "staff", person.id, {"fte": Decimal("0.5")}, valid_from=since)
    counts = _counts(demo, "0001")
    assert all(counts.values())
    pdf, workbook = tmp_path / "dati.pdf", tmp_path / "dati.xlsx"
    assert (
        main(["--db", str(demo.path), "person", "export", "0001", "--pdf", str(pdf), "--xlsx", str(workbook)])
        == 0
    )
    text = " ".join(pdf_text(pdf).split())
    for words in (
        name,
        code,
        "Kam tas vajadzīgs",
        "Dati šobrīd jāglabā",
        "VDAR 15. pants",
        "slodze un alga laikā",
    ):
        assert words in text, words
    assert other_name not in text  # nobody else's data
    book = load_workbook(workbook, read_only=True)
    try:
        assert book.sheetnames == ["Personas dati", "Izmaiņas laikā", "Lietas", "Pienākumi", "Apmācības"]
        terms = list(book["Izmaiņas laikā"].iter_rows(min_row=2, values_only=True))
        assert [(row[0].date(), row[2]) for row in terms][-1] == (since, 0.5)  # the value from that date
        assert len(terms) == 2
        values = [
            c for row in book["Personas dati"].iter_rows(values_only=True) for c in row if c is not None
        ]
        assert code in values and last_name in values
        for sheet, key in (("Lietas", "caseloads"), ("Pienākumi", "duties"), ("Apmācības", "training")):
            assert book[sheet].max_row - 1 == counts[key], sheet
    finally:
        book.close()
    assert main(["--db", str(demo.path), "person", "export", "0001"]) == 2  # no file named
    assert main(["--db", str(demo.path), "person", "export", "9999", "--pdf", str(pdf)]) == 2


def test_erasure_is_refused_while_a_retention_duty_applies(demo: Database) -> None:
    assert demo.path is not None
    before = tables(demo.path)
    # employed today
    assert main(["--db", str(demo.path), "person", "erase", "0001", "--yes", "--today", "15.03.2026"]) == 2
    # a leaver whose training may be in a claim still being kept
    with demo.read() as s:
        leaver = s.scalar(
            select(m.Staff).join(m.TrainingEvent).where(m.Staff.end.is_not(None)).order_by(m.Staff.end.desc())
        )
        assert leaver is not None and leaver.end is not None
        leaver_nr = leaver.tabeles_nr
        last_event = s.scalar(
            select(m.TrainingEvent.date)
            .where(m.TrainingEvent.staff_id == leaver.id)
            .order_by(m.TrainingEvent.date.desc())
        )
    assert last_event is not None
    kept_until = dt.date(last_event.year + 5, 12, 31)
    day = f"{kept_until:%d.%m.%Y}"
    assert main(["--db", str(demo.path), "person", "erase", leaver_nr, "--yes", "--today", day]) == 2
    assert tables(demo.path) == before


def test_erasure_deletes_the_person_and_every_row_about_them_and_nothing_else(demo: Database) -> None:
    assert demo.path is not None
    with demo.read() as s:
        leaver = s.scalar(select(m.Staff).where(m.Staff.end.is_not(None)).order_by(m.Staff.end))
        assert leaver is not None
        staff_id, nr = leaver.id, leaver.tabeles_nr
    counts = _counts(demo, nr)
    assert counts["caseloads"] and counts["training"]
    before = tables(demo.path)
    later = "01.01.2040"  # every retention period has run out
    # without --yes only the plan
    assert main(["--db", str(demo.path), "person", "erase", nr, "--today", later]) == 0
    assert tables(demo.path) == before
    assert main(["--db", str(demo.path), "person", "erase", nr, "--today", later, "--yes"]) == 0
    after = tables(demo.path)

    def staff_id_column(table: str) -> int:
        connection = sqlite3.connect(f"file:{demo.path}?mode=ro", uri=True)
        try:
            return [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')].index("staff_id")
        finally:
            connection.close()

    expected = dict(before)
    expected["staff"] = [row for row in before["staff"] if row[0] != staff_id]
    for table in ("caseload", "duty", "training_event", "staff_term"):
        column = staff_id_column(table)
        expected[table] = [row for row in before[table] if row[column] != staff_id]
    history = ("change_set", "change")  # the erasure is recorded, without the person (tests/test_history.py)
    assert {k: v for k, v in after.items() if k not in history} == {
        k: v for k, v in expected.items() if k not in history
    }
    assert len(before["caseload"]) - len(after["caseload"]) == counts["caseloads"]
    assert len(before["training_event"]) - len(after["training_event"]) == counts["training"]
