"""A damaged database at start: detected before anything is written, moved aside, a backup offered."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from swdesk.cli import main
from swdesk.db import backup
from swdesk.db import models as m
from swdesk.db.database import DamagedDatabaseError, SchemaTooNewError, open_database


@pytest.fixture
def filled(db_path: Path) -> Path:
    """A database with a few hundred rows over several pages, a verified backup, and closed."""
    database = open_database(str(db_path), auto_backup=False)
    with database.write() as s:
        for year in range(1700, 2000):
            s.add(m.Population(year=year, residents=year * 3))
        for n in range(150):
            s.add(
                m.Staff(tabeles_nr=f"T{n:04d}", first_name="Līga", last_name=f"Ozoliņa {n}", position_code="SD",
                        fte=Decimal("1"), start=dt.date(2020, 1, 1), education_code="E3", salary=Decimal("1200"))
            )
    database.close()
    open_database(str(db_path), today=dt.date(2026, 11, 1)).close()  # the daily backup
    return db_path


def _assert_set_aside(path: Path, original_bytes: bytes, exc: DamagedDatabaseError) -> None:
    assert not path.exists()
    assert exc.moved_to.read_bytes() == original_bytes  # moved, never rewritten
    assert exc.backup is not None and backup.integrity_problem(exc.backup) is None
    assert "restore" in str(exc) and "01.11.2026" in str(exc)


def _damage_truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])


def _damage_zero_first_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:4096] = bytes(4096)
    path.write_bytes(bytes(data))


def _damage_bit_flips(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(7)
    # flips in the b-tree pages after the header page, where structure lives
    for _ in range(400):
        i = rng.randrange(4096, len(data))
        data[i] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def _damage_not_sqlite(path: Path) -> None:
    path.write_bytes(b"Tabeles nr.;Vards\n1;Anna\n" * 50)


@pytest.mark.parametrize(
    "damage", [_damage_truncate, _damage_zero_first_page, _damage_bit_flips, _damage_not_sqlite]
)
def test_damage_is_detected_before_writing_and_a_backup_offered(filled: Path, damage, capsys) -> None:
    damage(filled)
    damaged_bytes = filled.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(str(filled))
    _assert_set_aside(filled, damaged_bytes, caught.value)


def test_the_command_line_says_how_to_restore_with_exit_3(filled: Path, capsys) -> None:
    _damage_zero_first_page(filled)
    assert main(["--db", str(filled), "settings", "list"]) == 3
    err = capsys.readouterr().err
    assert "pārvietots malā" in err and "Jaunākais pārbaudītais dublējums ir no 01.11.2026" in err
    assert f'swdesk --db "{filled}" restore' in err
    # following the advice gives the data back
    offered = backup.newest_verified_backup(filled)
    assert offered is not None
    assert main(["--db", str(filled), "restore", str(offered[1])]) == 0
    database = open_database(str(filled), auto_backup=False)
    with database.read() as s:
        assert len(s.scalars(select(m.Staff.id)).all()) == 150


def test_a_wal_file_from_another_database_is_not_replayed_into_this_one(filled: Path, tmp_path: Path) -> None:
    # Another database left mid-transaction log (crash with an uncheckpointed WAL) ...
    other = tmp_path / "cits.sqlite"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE x (a)")
    con.executemany("INSERT INTO x VALUES (?)", [(i,) for i in range(3000)])
    con.commit()
    shutil.copy(tmp_path / "cits.sqlite-wal", tmp_path / "wal.copy")
    con.close()
    # ... whose -wal ends up beside ours: SQLite would replay it and our tables would vanish.
    shutil.copy(tmp_path / "wal.copy", Path(str(filled) + "-wal"))
    before = filled.read_bytes()
    with pytest.raises(DamagedDatabaseError, match="pieder citai datubāzei") as caught:
        open_database(str(filled), auto_backup=False)
    assert caught.value.moved_to.read_bytes() == before
    # the log was moved aside with it; the data in the main file is all still there
    shutil.copy(caught.value.moved_to, tmp_path / "izglabts.sqlite")
    saved = open_database(str(tmp_path / "izglabts.sqlite"), auto_backup=False)
    with saved.read() as s:
        assert len(s.scalars(select(m.Staff.id)).all()) == 150


def test_a_schema_from_the_future_is_refused_but_not_moved(filled: Path) -> None:
    con = sqlite3.connect(filled)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError):
        open_database(str(filled))
    assert filled.exists()


def test_no_backup_says_so(db_path: Path) -> None:
    _damage_not_sqlite(db_path)
    with pytest.raises(DamagedDatabaseError, match="Pārbaudīta dublējuma nav") as caught:
        open_database(str(db_path))
    assert caught.value.backup is None


def test_another_programs_sqlite_database_is_refused_and_not_touched(tmp_path: Path, capsys) -> None:
    foreign = tmp_path / "gramatvediba.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE rekini (nr, summa)")
    con.execute("INSERT INTO rekini VALUES ('R-1', 10)")
    con.commit()
    con.close()
    before = foreign.read_bytes()
    assert main(["--db", str(foreign), "settings", "list"]) == 3
    assert "citas programmas SQLite datubāze" in capsys.readouterr().err
    assert foreign.read_bytes() == before
