"""Crash tests: a process killed with SIGKILL at a random point leaves a sound database.

After every kill: ``integrity_check`` passes, every change the process reported as committed is there,
nothing is half-applied, and the program opens without help. `make test` runs a few kills of each kind;
`make test-faults` runs SWDESK_FAULT_RUNS (50) of each.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from swdesk.db import backup, migrate
from swdesk.db import models as m
from swdesk.db.database import open_database

RUNS = int(os.environ.get("SWDESK_FAULT_RUNS", "3"))

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
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    lines += [line.strip() for line in proc.stdout.read().splitlines()]
    proc.stdout.close()
    return [line for line in lines if line]


def _sound(path: Path) -> None:
    assert backup.integrity_problem(path) is None


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_stream_of_edits(db_path: Path, run: int) -> None:
    open_database(str(db_path), auto_backup=False).close()
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


@pytest.mark.parametrize("run", range(RUNS))
def test_killed_during_a_backup(db_path: Path, tmp_path: Path, run: int) -> None:
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
        assert sqlite3.connect(made).execute("SELECT COUNT(*) FROM population").fetchone()[0] == 2999
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
