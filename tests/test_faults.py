"""Crash tests: a process killed with SIGKILL at a random point leaves a sound database.

After every kill: ``integrity_check`` passes, every change the process reported as committed is there,
nothing is half-applied (edits, imports, migrations), and the program opens without help. `make test` runs a few kills of each kind;
`make test-faults` runs SWDESK_FAULT_RUNS (50) of each.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from swdesk.db import backup, encryption, migrate
from swdesk.db import models as m
from swdesk.db.database import open_database
from tests import keyring_backend

keystore = keyring_backend.keystore  # the fixture: a credential store of the test's own
RUNS = int(os.environ.get("SWDESK_FAULT_RUNS", "3"))
# The same kills on a database encrypted with SQLCipher (issue 15), its key in a test credential store.
FORMS = ["plain", "encrypted"]


@pytest.fixture(params=FORMS)
def form(request: pytest.FixtureRequest) -> str:
    if request.param == "encrypted":
        request.getfixturevalue("keystore")
    return str(request.param)


def _new_database(path: Path, form: str) -> None:
    open_database(str(path), auto_backup=False).close()
    if form == "encrypted":
        encryption.encrypt_database(path)
        assert not encryption.is_plain(path)


def _connect(path: Path):  # type: ignore[no-untyped-def]
    """A plain or an encrypted file alike (the key this test process encrypted it with)."""
    return encryption.connect(path, backup._key_of(path, None))

EDITS = textwrap.dedent(
    """
    import sys
    from swdesk.db.database import open_database
    from swdesk.db import models as m
    db = open_database(sys.argv[1], auto_backup=False)
    year = int(sys.argv[2])
    while True:
        with db.write() as s:
            # two rows per transaction: a half-applied transaction would leave one without the other
            s.add(m.Population(year=year, residents=year))
            s.add(m.Population(year=-year, residents=year))
        print(year, flush=True)
        year += 1
    """
)

BACKUPS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from swdesk.db import backup
    n = 0
    while True:
        target = Path(sys.argv[2]) / f"kopija-{n}.sqlite"
        backup.export_copy(Path(sys.argv[1]), target)
        print(target, flush=True)
        n += 1
    """
)

MIGRATION = textwrap.dedent(
    """
    import sys
    from swdesk.db.database import open_database
    print("start", flush=True)
    open_database(sys.argv[1], auto_backup=False)
    print("done", flush=True)
    """
)


IMPORTS = textwrap.dedent(
    """
    import sys
    from swdesk.db.database import open_database
    from swdesk.importer.importer import import_workbook
    db = open_database(sys.argv[1], auto_backup=False)
    books = sys.argv[2:]
    n = 0
    while True:
        book = books[n % len(books)]
        result = import_workbook(db, book)
        assert result.written or not result.totals.changed, result.problems
        print(book, flush=True)
        n += 1
    """
)
STAFF, CASELOAD_MONTHS = 150, 6  # 150 people, 900 caseload rows: an import takes a good part of a second


def _version_workbook(path: Path, version: int) -> Path:
    """An import workbook whose every value says which version it is: salary, residents, cases."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    population = book.create_sheet("Iedzīvotāji")
    population.append(["Gads", "Iedzīvotāju skaits"])
    population.append([2025, 10_000 + version])
    staff = book.create_sheet("Darbinieki")
    staff.append(["Tabeles nr.", "Vārds", "Uzvārds", "Amats", "Slodze", "Darba sākums", "Izglītība", "Mēnešalga"])
    for nr in range(1, STAFF + 1):
        staff.append([str(nr), "Anna", f"Liepa{nr}", "SD", 1, "01.01.2020", "E1", 1000 + version])
    cases = book.create_sheet("Lietas")
    cases.append(["Tabeles nr.", "Mēnesis", "Darba veids", "Lietu skaits"])
    for nr in range(1, STAFF + 1):
        for month in range(1, CASELOAD_MONTHS + 1):
            cases.append([str(nr), f"{month:02d}.2025", "GAD", version])
    book.save(path)
    return path


def _run_and_kill(
    args: list[str], *, rng: random.Random, min_lines: int = 0, max_wait: float = 1.5
) -> list[str]:
    """Start a child, let it run a random while, SIGKILL it; the lines it printed before dying."""
    proc = subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    lines: list[str] = []
    for _ in range(min_lines):
        lines.append(proc.stdout.readline().strip())
    time.sleep(rng.uniform(0, max_wait))
    proc.kill()  # SIGKILL on Linux, TerminateProcess on Windows: no chance to clean up either way
    proc.wait()
    lines += [line.strip() for line in proc.stdout.read().splitlines()]
    proc.stdout.close()
    return [line for line in lines if line]


def _sound(path: Path) -> None:
    assert backup.integrity_problem(path) is None


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_stream_of_edits(db_path: Path, run: int, form: str) -> None:
    _new_database(db_path, form)
    rng = random.Random(run)
    reported = _run_and_kill([EDITS, str(db_path), "1000"], rng=rng, min_lines=1)
    _sound(db_path)
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        years = set(s.scalars(select(m.Population.year)))
    committed = {int(line) for line in reported}
    assert committed <= years, "a change reported as committed is missing"
    positive = {y for y in years if y > 0}
    assert {-y for y in positive} == {y for y in years if y < 0}, "half of a transaction was applied"
    database.close()


@pytest.fixture(scope="module")
def version_workbooks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("versions")
    return [_version_workbook(folder / f"v{version}.xlsx", version) for version in (1, 2)]


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_an_import(db_path: Path, version_workbooks: list[Path], run: int, form: str) -> None:
    """Imports of two versions of a workbook, alternating, killed at a random point: the database holds all
    of one version (the last one reported, or the one after it whose report the kill cut off), never a mix."""
    if form == "encrypted" and run:
        pytest.skip("one encrypted run of the slowest kind is enough for `make test`")
    _new_database(db_path, form)
    rng = random.Random(run)
    reported = _run_and_kill(
        [IMPORTS, str(db_path), *map(str, version_workbooks)], rng=rng, min_lines=1, max_wait=2.5
    )
    _sound(db_path)
    database = open_database(str(db_path), auto_backup=False)  # opens without help
    with database.read() as s:
        salaries = set(s.scalars(select(m.Staff.salary)))
        residents = set(s.scalars(select(m.Population.residents)))
        cases = list(s.scalars(select(m.Caseload.cases)))
        staff = s.scalar(select(func.count()).select_from(m.Staff))
    database.close()
    assert len(salaries) == 1 and len(residents) == 1 and len(set(cases)) == 1, "an import was half-applied"
    version = int(next(iter(salaries))) - 1000
    assert residents == {10_000 + version} and set(cases) == {version}
    assert staff == STAFF and len(cases) == STAFF * CASELOAD_MONTHS
    last = Path(reported[-1]).stem  # v1 or v2: reported as committed
    after = "v2" if last == "v1" else "v1"
    assert f"v{version}" in (last, after), f"the import of {last} was reported but the database holds v{version}"


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_backup(db_path: Path, tmp_path: Path, run: int, form: str) -> None:
    _new_database(db_path, form)
    database = open_database(str(db_path), auto_backup=False)
    with database.write() as s:
        for year in range(1, 3000):
            s.add(m.Population(year=year, residents=year))
    database.close()
    out = tmp_path / "kopijas"
    out.mkdir()
    reported = _run_and_kill([BACKUPS, str(db_path), str(out)], rng=random.Random(run), max_wait=0.8)
    _sound(db_path)
    for line in reported:
        _sound(Path(line))
    # whatever has a real name is a whole, verified backup; a copy cut off stays a ".partial"
    for made in out.glob("*.sqlite"):
        _sound(made)
        assert _connect(made).execute("SELECT COUNT(*) FROM population").fetchone()[0] == 2999
        assert form == "plain" or not encryption.is_plain(made), "a backup of an encrypted database is plain"
    assert open_database(str(db_path), auto_backup=False).report.created is False


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_migration(db_path: Path, run: int) -> None:
    # An older database: versioned but before the first revision, holding data of its own.
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.commit()
    con.close()
    _run_and_kill([MIGRATION, str(db_path)], rng=random.Random(run), min_lines=1, max_wait=0.6)
    _sound(db_path)
    con = sqlite3.connect(db_path)
    version = con.execute("SELECT version_num FROM alembic_version").fetchone()
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    con.close()
    if version is None:
        assert tables == {"alembic_version"}, f"a migration was half-applied: {sorted(tables)}"
    else:
        assert version[0] == migrate.head_revision()
    database = open_database(str(db_path), auto_backup=False)  # opens (and finishes) without help
    assert migrate.current_revision(database.engine) == migrate.head_revision()


RESTORES = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from swdesk.db import backup
    print("start", flush=True)
    backup.restore(Path(sys.argv[1]), Path(sys.argv[2]))
    print("done", flush=True)
    """
)


def _population_database(path: Path, years: range) -> Path:
    database = open_database(str(path), auto_backup=False)
    with database.write() as s:
        s.add_all(m.Population(year=year, residents=year) for year in years)
    database.close()
    return path


@pytest.mark.parametrize("damaged", [False, True], ids=["sound", "damaged"])
@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_restore(db_path: Path, tmp_path: Path, run: int, damaged: bool) -> None:
    """A restore (of a sound database, or over a damaged one) killed at a random point: the path holds the
    whole old database or the whole restored one, and whatever was replaced is kept, byte for byte."""
    source = _population_database(tmp_path / "kopija.sqlite", range(1, 4000))
    _population_database(db_path, range(5000, 5010))
    old = db_path.read_bytes()
    if damaged:
        old = b"Tabeles nr.;Vards\n" * 2000
        db_path.write_bytes(old)
    lines = _run_and_kill([RESTORES, str(db_path), str(source)], rng=random.Random(run), min_lines=1, max_wait=0.5)
    if db_path.read_bytes() == old:  # not replaced (yet): the old database, untouched
        assert "done" not in lines
        return
    _sound(db_path)
    con = sqlite3.connect(db_path)
    count = con.execute("SELECT COUNT(*) FROM population").fetchone()[0]
    con.close()
    if damaged:
        assert count == 3999, "the restored database is not whole"
        [kept] = (tmp_path / "backups").glob("aizstata-bojata-*.sqlite")
        assert kept.read_bytes() == old
    else:
        assert count in (10, 3999), f"a restore was half-applied: {count} rows"
        if count == 3999:
            [kept] = (tmp_path / "backups").glob("aizstata-*.sqlite")
            _sound(kept)
    database = open_database(str(db_path), auto_backup=False)  # opens without help
    database.close()


OPENS = textwrap.dedent(
    """
    import sys
    from swdesk.db.database import open_database
    print("start", flush=True)
    open_database(sys.argv[1]).close()
    print("done", flush=True)
    """
)


@pytest.fixture(scope="module")
def foreign_wal(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The log of another swdesk database (Rīga's), holding 2000 rows it never checkpointed."""
    folder = tmp_path_factory.mktemp("riga")
    theirs = _population_database(folder / "riga.sqlite", range(1, 2))
    keeper = sqlite3.connect(theirs)
    keeper.execute("SELECT 1 FROM population").fetchall()
    database = open_database(str(theirs), auto_backup=False)
    with database.write() as s:
        s.add_all(m.Population(year=-year, residents=1) for year in range(1, 2001))
    database.close()
    data = Path(str(theirs) + "-wal").read_bytes()
    keeper.close()
    return data


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_while_a_foreign_log_is_set_aside(db_path: Path, run: int, foreign_wal: bytes) -> None:
    """Opening beside another database's log, killed anywhere: that log's rows never enter this database."""
    _population_database(db_path, range(5000, 5010))
    Path(str(db_path) + "-wal").write_bytes(foreign_wal)
    _run_and_kill([OPENS, str(db_path)], rng=random.Random(run), min_lines=1, max_wait=0.4)
    database = open_database(str(db_path), auto_backup=False)  # opens without help
    with database.read() as s:
        years = set(s.scalars(select(m.Population.year)))
    database.close()
    assert years == set(range(5000, 5010)), "rows of another database came in"
    _sound(db_path)


# --- the change history (issue 17): after a kill, the data and its history agree --------------------------------

RECORDED_EDITS = textwrap.dedent(
    """
    import datetime as dt
    import sys
    from decimal import Decimal
    from sqlalchemy import select
    from swdesk import records
    from swdesk.db import models as m
    from swdesk.db.database import open_database
    db = open_database(sys.argv[1], auto_backup=False)
    with db.write() as s:
        kept = records.add(s, "vacancy", {"position_code": "SD", "fte": Decimal(1), "announced": dt.date(2000, 1, 1)})
    n = 1
    while True:
        # one save: a record added, a field changed, every third save a record deleted
        with db.write() as s, records.source(s, "tests:crash"):
            day = dt.date(2001, 1, 1) + dt.timedelta(days=n)
            records.add(s, "vacancy", {"position_code": "SD", "fte": Decimal("0.5"), "announced": day})
            records.change(s, "vacancy", kept.id, {"notes": str(n)})
            if n % 3 == 0:
                previous = s.scalars(select(m.Vacancy).where(m.Vacancy.announced == day - dt.timedelta(days=1))).one()
                records.delete(s, "vacancy", previous.id)
        print(n, flush=True)
        n += 1
    """
)


def _replayed(path: Path) -> dict[int, dict[str, object]]:
    """The vacancies as the history says they are: every add, change and delete applied in order."""
    import json

    database = open_database(str(path), auto_backup=False)
    state: dict[int, dict[str, object]] = {}
    with database.read() as s:
        for change in s.scalars(select(m.Change).where(m.Change.record_kind == "vacancy").order_by(m.Change.id)):
            key = int(change.record_key)
            if change.op == "add":
                state[key] = json.loads(change.new or "{}")
            elif change.op == "delete":
                del state[key]
            else:
                state[key][change.field or ""] = change.new
        empty_sets = s.scalars(
            select(m.ChangeSet.id).where(~select(m.Change.id).where(m.Change.change_set_id == m.ChangeSet.id).exists())
        ).all()
    database.close()
    assert empty_sets == [], "a change set without its changes"
    return state


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_recorded_writes_the_data_and_its_history_agree(db_path: Path, run: int) -> None:
    """No change without its history rows, no history row without its change: replaying the history gives
    exactly the vacancies in the database, field by field."""
    from swdesk.db import history

    _new_database(db_path, "plain")
    reported = _run_and_kill([RECORDED_EDITS, str(db_path)], rng=random.Random(run), min_lines=2)
    _sound(db_path)
    replayed = _replayed(db_path)
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        vacancies = {v.id: v for v in s.scalars(select(m.Vacancy))}
        assert set(replayed) == set(vacancies)
        for key, vacancy in vacancies.items():
            for field, value in replayed[key].items():
                assert history.to_text(getattr(vacancy, field)) == value, (key, field)
        saves = s.scalar(select(func.count()).select_from(m.ChangeSet).where(m.ChangeSet.through == "tests:crash"))
    database.close()
    assert int(reported[-1]) <= (saves or 0), "a save reported as committed is missing from the history"
