"""The database keeps data safe: opening, schema versions, backups, restore, two writers, crashes."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, text

from swdesk.cli import main
from swdesk.db import backup, migrate
from swdesk.db import models as m
from swdesk.db.catalogues import shipped
from swdesk.db.database import DatabaseError, SchemaTooNewError, open_database, resolve_url, table_counts


def _add_staff(database, nr: str = "1", **overrides) -> None:  # type: ignore[no-untyped-def]
    fields = dict(
        tabeles_nr=nr,
        first_name="Anna",
        last_name="Bērziņa",
        position_code="SD",
        fte=Decimal("1"),
        start=dt.date(2024, 1, 1),
        education_code="E3",
        salary=Decimal("1300.50"),
    )
    fields.update(overrides)
    with database.write() as s:
        s.add(m.Staff(**fields))


def test_new_database_has_wal_foreign_keys_and_the_catalogues(db) -> None:
    with db.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.get(m.Position, "SD").training_hours == 24
        assert s.get(m.SalaryScale, (10, 2023)).min == Decimal("1399.00")
    counts = table_counts(db)
    assert counts["position"] == 14 and counts["duty_category"] == 16
    assert counts["setting"] == len(shipped()["settings"])  # every shipped setting, once


def test_money_and_fte_are_kept_exactly(db) -> None:
    _add_staff(db, fte=Decimal("0.75"), salary=Decimal("1157.10"))
    with db.read() as s:
        person = s.scalars(select(m.Staff)).one()
        assert person.fte == Decimal("0.750") and person.salary == Decimal("1157.10")


def test_a_failed_write_leaves_nothing_behind(db) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        s.add(m.Population(year=2025, residents=7000))
        s.flush()
        raise RuntimeError("interrupted")
    assert table_counts(db)["population"] == 0


def test_foreign_keys_are_enforced(db) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        _add_staff(db, position_code="NAV_TADA")


def test_env_variable_and_db_option_choose_the_database(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SWDESK_DB", str(tmp_path / "from-env.sqlite"))
    assert resolve_url(None).endswith("from-env.sqlite")
    assert resolve_url(str(tmp_path / "explicit.sqlite")).endswith("explicit.sqlite")
    assert resolve_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_default_location_is_the_user_data_folder(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("SWDESK_DB", raising=False)
    if sys.platform == "win32":  # platformdirs asks Windows for the known folder: no variable moves it
        local = Path(os.environ["LOCALAPPDATA"])
        assert resolve_url(None) == "sqlite:///" + str(local / "swdesk" / "swdesk.sqlite")
        return
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_url(None) == "sqlite:///" + str(tmp_path / "data" / "swdesk" / "swdesk.sqlite")


# --- schema versions --------------------------------------------------------------------------------------


def _pretend_newer(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()


def test_a_database_from_a_newer_program_is_refused_and_left_untouched(db_path, capsys) -> None:
    open_database(str(db_path), auto_backup=False).close()
    _pretend_newer(db_path)
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNewError, match="jaunāka"):
        open_database(str(db_path))
    assert main(["--db", str(db_path), "settings", "get", "ratio.limit"]) == 3
    assert "jaunāka nekā šī swdesk versija" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not backup.backup_dir(db_path).exists()


def test_a_file_that_is_not_a_database_is_refused_with_exit_3(tmp_path, capsys) -> None:
    junk = tmp_path / "dati.sqlite"
    junk.write_bytes(b"PK\x03\x04 not a database at all" * 100)
    before = junk.read_bytes()
    assert main(["--db", str(junk), "settings", "list"]) == 3
    assert "nav swdesk datubāze: tas ir ZIP arhīvs" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["dati.sqlite"]  # not moved aside, nothing beside it
    assert junk.read_bytes() == before


def test_migrating_an_older_database_makes_a_backup_first(db_path) -> None:
    # The shipped history has one revision; an empty-but-versioned file stands for "before the first one".
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.commit()
    con.close()
    database = open_database(str(db_path), auto_backup=False)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert backup.list_backups(backup.backup_dir(db_path), "pirms-migracijas")


def test_migrations_run_on_sqlite_and_postgresql(any_db) -> None:
    assert migrate.current_revision(any_db.engine) == migrate.head_revision()
    _add_staff(any_db, salary=Decimal("999.99"))
    with any_db.read() as s:
        assert s.scalars(select(m.Staff.salary)).one() == Decimal("999.99")
    assert table_counts(any_db)["position"] == 14


# --- backups ------------------------------------------------------------------------------------------------


def test_opening_makes_one_verified_backup_a_day(db_path) -> None:
    open_database(str(db_path), today=dt.date(2026, 3, 1)).close()  # creates: nothing to back up yet
    first = open_database(str(db_path), today=dt.date(2026, 3, 2))
    second = open_database(str(db_path), today=dt.date(2026, 3, 2))
    assert first.report.backup is not None and second.report.backup is None
    assert backup.integrity_problem(first.report.backup) is None
    copy = open_database(str(first.report.backup), auto_backup=False)
    assert table_counts(copy)["position"] == 14


def test_thinning_keeps_14_daily_8_weekly_12_monthly() -> None:
    start = dt.datetime(2024, 1, 1, 9, 0)
    stamps = [start + dt.timedelta(days=d) for d in range(800)]
    keep = backups_kept = backup.backups_to_keep(stamps)
    newest = stamps[-1]
    # the last 14 days are all kept
    assert all(newest - dt.timedelta(days=d) in keep for d in range(14))
    months = {(t.year, t.month) for t in backups_kept}
    assert len(months) == 12
    weeks = {t.isocalendar()[:2] for t in keep}
    assert len(weeks) >= 8
    assert len(keep) <= 14 + 8 + 12


def test_thinning_removes_only_automatic_backups_and_never_the_newest(tmp_path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(40):
        stamp = (dt.datetime(2026, 1, 1) + dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (folder / f"automatiska-{stamp}.sqlite").write_bytes(b"x")
    (folder / "pirms-migracijas-20200101-000000.sqlite").write_bytes(b"x")
    removed = backup.thin(folder)
    remaining = {p.name for p in folder.iterdir()}
    assert "automatiska-20260209-000000.sqlite" in remaining  # newest
    assert "pirms-migracijas-20200101-000000.sqlite" in remaining
    assert removed and len(remaining) == 41 - len(removed)


def test_backup_command_and_restore_keep_the_replaced_database(db, db_path, tmp_path, capsys) -> None:
    _add_staff(db, nr="A1")
    out = tmp_path / "kopija.sqlite"
    assert main(["--db", str(db_path), "backup", str(out)]) == 0
    assert backup.integrity_problem(out) is None
    _add_staff(db, nr="A2")
    assert main(["--db", str(db_path), "restore", str(out)]) == 0
    with db.read() as s:
        assert s.scalars(select(m.Staff.tabeles_nr)).all() == ["A1"]
    aside = backup.list_backups(backup.backup_dir(db_path), "aizstata")
    assert aside, "the replaced database must be kept"
    kept = open_database(str(aside[0][1]), auto_backup=False)
    with kept.read() as s:
        assert sorted(s.scalars(select(m.Staff.tabeles_nr))) == ["A1", "A2"]
    assert "Iepriekšējā datubāze saglabāta" in capsys.readouterr().out


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(db, db_path, tmp_path, capsys) -> None:
    _add_staff(db, nr="K1")
    damaged = tmp_path / "bojats.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    foreign = tmp_path / "svesa.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    for bad in (damaged, foreign, tmp_path / "nav.sqlite"):
        assert main(["--db", str(db_path), "restore", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "nav swdesk datubāze" in err and "nav atrasts" in err
    with db.read() as s:
        assert s.scalars(select(m.Staff.tabeles_nr)).all() == ["K1"]


def test_restore_refuses_a_backup_from_a_newer_program(db, db_path, tmp_path) -> None:
    out = tmp_path / "nakotne.sqlite"
    backup.export_copy(db_path, out)
    _pretend_newer(out)
    with pytest.raises(SchemaTooNewError):
        backup.restore(db_path, out)


# --- two processes and crashes ---------------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import sys
    from swdesk.db.database import open_database
    from swdesk.db import models as m
    db = open_database(sys.argv[1], auto_backup=False)
    first, count = int(sys.argv[2]), int(sys.argv[3])
    for year in range(first, first + count):
        with db.write() as s:
            s.add(m.Population(year=year, residents=year))
        print(year, flush=True)
    """
)


def test_two_processes_writing_at_once_both_succeed_and_nothing_is_lost(db_path) -> None:
    open_database(str(db_path), auto_backup=False).close()
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(first), "150"], stdout=subprocess.DEVNULL)
        for first in (1000, 3000)
    ]
    for proc in procs:
        assert proc.wait(timeout=120) == 0
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        years = set(s.scalars(select(m.Population.year)))
    assert years == set(range(1000, 1150)) | set(range(3000, 3150))
    assert backup.integrity_problem(db_path) is None


HOLDER = textwrap.dedent(
    """
    import sys, time
    from swdesk.db.database import open_database
    from swdesk.db import models as m
    db = open_database(sys.argv[1], auto_backup=False)
    with db.write() as s:
        s.add(m.Population(year=1999, residents=1))
        s.flush()
        print("holding", flush=True)
        time.sleep(60)
    """
)


def test_a_process_killed_inside_a_write_leaves_no_lock_and_no_half_write(db_path) -> None:
    open_database(str(db_path), auto_backup=False).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    proc.kill()  # SIGKILL on Linux, TerminateProcess on Windows: no chance to clean up either way
    proc.wait()
    proc.stdout.close()
    database = open_database(str(db_path), auto_backup=False)
    with database.write() as s:  # would wait and fail if the dead process had left its lock
        s.add(m.Population(year=2000, residents=2))
    with database.read() as s:
        assert set(s.scalars(select(m.Population.year))) == {2000}
    assert backup.integrity_problem(db_path) is None


def test_cannot_open_an_unreachable_server_with_exit_3(capsys) -> None:
    code = main(["--db", "postgresql+psycopg://nobody:x@127.0.0.1:1/none", "settings", "list"])
    assert code == 3
    assert "nevar atvērt" in capsys.readouterr().err


def test_only_swdesks_own_data_folder_is_created(tmp_path, monkeypatch) -> None:
    """A mistyped folder is not made with an empty database in it; the program's own data folder is."""
    from swdesk.db import database as db_module

    with pytest.raises(DatabaseError, match="Mape .*jauna.* nepastāv"):
        open_database(str(tmp_path / "jauna" / "mape" / "db.sqlite"), auto_backup=False)
    assert list(tmp_path.iterdir()) == []
    own = tmp_path / "dati" / "swdesk" / "swdesk.sqlite"
    monkeypatch.setattr(db_module, "default_db_path", lambda: own)
    database = open_database(None, auto_backup=False)
    assert database.path == own and own.exists()
    database.close()


def test_database_error_is_the_base_of_schema_too_new() -> None:
    assert issubclass(SchemaTooNewError, DatabaseError)


def test_the_revisions_read_without_alembic_are_alembics():
    """Issue 14: a start at the newest schema does not import Alembic; its quick answer must be Alembic's."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    quick = migrate._revisions_from_files()
    assert quick is not None
    assert quick == (frozenset(rev.revision for rev in scripts.walk_revisions()), scripts.get_current_head())
