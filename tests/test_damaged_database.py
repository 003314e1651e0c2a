"""A damaged database at start: detected before anything is written, moved aside, a backup offered."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
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


def _damage_data_pages(path: Path) -> None:
    """Rows lost, the schema kept: every page after the first that holds no CREATE statement is zeroed."""
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):
        if b"CREATE" not in data[start : start + 4096]:
            data[start : start + 4096] = bytes(4096)
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
    wal = Path(str(filled) + "-wal")
    shutil.copy(tmp_path / "wal.copy", wal)
    before = filled.read_bytes()
    database = open_database(str(filled), auto_backup=False)
    # the log is set aside, never the database, which opens whole and unchanged
    [aside] = filled.parent.glob(f"{filled.name}-wal.cits-*")
    assert aside.read_bytes() == (tmp_path / "wal.copy").read_bytes()
    assert any("cita datubāzes žurnāla fails" in w for w in database.report.warnings)
    with database.read() as s:
        assert len(s.scalars(select(m.Staff.id)).all()) == 150
    database.close()
    assert backup.integrity_problem(filled) is None
    assert not list(filled.parent.glob("*bojata*")) and len(before) > 0


def test_a_wal_of_another_swdesk_database_is_set_aside_not_merged(tmp_path: Path) -> None:
    """Two swdesk databases have the same tables; their identity (user_version) tells their logs apart."""
    ours, theirs = tmp_path / "valka.sqlite", tmp_path / "riga.sqlite"
    for path, name in ((ours, "Valka"), (theirs, "Rīga")):
        database = open_database(str(path), auto_backup=False)
        with database.write() as s:
            s.add(m.Service(name=f"{name}s sociālais dienests", municipality="Valkas novads", head_name="X"))
        database.close()
    keeper = sqlite3.connect(theirs)  # another program keeps Rīga's log from being checkpointed away
    keeper.execute("SELECT 1 FROM population").fetchall()
    database = open_database(str(theirs), auto_backup=False)
    with database.write() as s:
        s.add_all(m.Population(year=year, residents=1) for year in range(1800, 1900))
    database.close()
    shutil.copy(Path(str(theirs) + "-wal"), Path(str(ours) + "-wal"))  # a log copied along by mistake
    keeper.close()
    database = open_database(str(ours), auto_backup=False)
    with database.read() as s:
        assert s.scalars(select(m.Service.name)).all() == ["Valkas sociālais dienests"]
        assert s.scalars(select(m.Population.year)).all() == []  # none of Rīga's rows came in
    database.close()
    assert len(list(tmp_path.glob("valka.sqlite-wal.cits-*"))) == 1
    assert backup.integrity_problem(ours) is None


def test_a_schema_from_the_future_is_refused_but_not_moved(filled: Path) -> None:
    con = sqlite3.connect(filled)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError):
        open_database(str(filled))
    assert filled.exists()


def test_no_backup_says_so(db_path: Path) -> None:
    database = open_database(str(db_path), auto_backup=False)
    with database.write() as s:
        s.add_all(m.Population(year=year, residents=year) for year in range(1000, 2000))
    database.close()
    _damage_data_pages(db_path)
    with pytest.raises(DamagedDatabaseError, match="Pārbaudīta šīs datubāzes dublējuma nav") as caught:
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


# --- a database that cannot be reached is not damaged: a sentence, exit 3, nothing changed (issue 11) ----

# As root, file permissions do not apply; the command then runs without the capabilities that override
# them (setpriv), so a folder or file without permission behaves as it does for an office user.
NO_OVERRIDE = (
    ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("setpriv")
    else []
)


def _snapshot(root: Path) -> dict[str, tuple[str, int, str]]:
    """Every file and folder under ``root``: its kind, permissions and content hash."""
    found = {}
    for path in sorted(root.rglob("*")):
        mode = path.lstat().st_mode & 0o7777
        if path.is_dir():
            found[str(path.relative_to(root))] = ("dir", mode, "")
        else:
            found[str(path.relative_to(root))] = ("file", mode, hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def _swdesk(tmp_path: Path, *argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SWDESK_", "PYTHONPATH"))}
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "home" / "data"), LANG="C.UTF-8")
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])  # where swdesk is not installed (Wine)
    return subprocess.run(
        [*NO_OVERRIDE, sys.executable, "-m", "swdesk", *argv],
        cwd=cwd or tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """A folder with one closed swdesk database in it (no log files beside it)."""
    folder = tmp_path / "Dokumenti"
    folder.mkdir()
    open_database(str(folder / "swdesk.sqlite"), auto_backup=False).close()
    assert sorted(p.name for p in folder.iterdir()) == ["swdesk.sqlite"]
    return folder


def _assert_refused(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.startswith("Kļūda: ")
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr
    assert "pārvietots malā" not in result.stderr and "bojāta" not in result.stderr


def test_a_folder_given_as_the_database(office: Path, tmp_path: Path) -> None:
    before = _snapshot(tmp_path / "Dokumenti")
    for target, cwd in ((str(office), None), (".", office)):
        result = _swdesk(tmp_path, "--db", target, "check", "--year", "2025", cwd=cwd)
        _assert_refused(result, "ir mape, nevis datubāzes fails", "swdesk.sqlite")
    assert _snapshot(tmp_path / "Dokumenti") == before


def test_a_missing_folder(tmp_path: Path) -> None:
    before = _snapshot(tmp_path)
    result = _swdesk(tmp_path, "--db", str(tmp_path / "Dokumenti" / "Atskaites" / "dati.sqlite"), "check",
                     "--year", "2025")
    _assert_refused(result, "Mape", "Atskaites nepastāv", "Izveidojiet mapi vai norādiet citu ceļu")
    assert not (tmp_path / "Dokumenti").exists()
    assert {k: v for k, v in _snapshot(tmp_path).items() if not k.startswith("home")} == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_no_permission_on_the_file(office: Path, tmp_path: Path) -> None:
    db = office / "swdesk.sqlite"
    db.chmod(0o000)
    try:
        before = _snapshot(office) if NO_OVERRIDE else None
        result = _swdesk(tmp_path, "--db", str(db), "check", "--year", "2025")
        _assert_refused(result, "nav tiesību lasīt vai rakstīt", str(db), "Lūdziet datora administratoram")
        if before is not None:
            assert _snapshot(office) == before
        assert sorted(p.name for p in office.iterdir()) == ["swdesk.sqlite"]
    finally:
        db.chmod(0o644)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_file_is_read_but_not_written(office: Path, tmp_path: Path) -> None:
    """A dry run or a check needs no write access; a change to a read-only file is refused with a sentence."""
    db = office / "swdesk.sqlite"
    db.chmod(0o444)
    try:
        before = db.read_bytes()
        assert _swdesk(tmp_path, "--db", str(db), "check", "--year", "2025").returncode == 0
        result = _swdesk(tmp_path, "--db", str(db), "settings", "set", "claim.rate", "0,5", "--from", "01.01.2025")
        _assert_refused(result, "ir tikai lasāms", "Tikai lasāms")
        assert db.read_bytes() == before
    finally:
        db.chmod(0o644)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_folder(office: Path, tmp_path: Path) -> None:
    """WAL needs to write its -wal and -shm files beside the database: a read-only folder is explained."""
    office.chmod(0o555)
    try:
        before = _snapshot(office)
        for argv in (("check", "--year", "2025"), ("settings", "list")):
            result = _swdesk(tmp_path, "--db", str(office / "swdesk.sqlite"), *argv)
            _assert_refused(result, "nevar rakstīt", "(-wal, -shm)", "nokopējiet")
        assert _snapshot(office) == before
    finally:
        office.chmod(0o755)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB disk (tmpfs) holding a swdesk database and a file that fills all but 512 KB of it."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if sys.platform == "win32":
        pytest.skip("a small disk needs a tmpfs mount (root on Linux)")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a small disk needs a tmpfs mount (root on Linux)")
    try:
        open_database(str(disk / "swdesk.sqlite"), auto_backup=False).close()
        free = shutil.disk_usage(disk).free
        (disk / "lielais fails.bin").write_bytes(b"\0" * (free - 512 * 1024))
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_full_disk(full_disk: Path, tmp_path: Path) -> None:
    before = _snapshot(full_disk)
    for name in ("swdesk.sqlite", "jauna.sqlite"):  # an existing database, and a new one
        result = _swdesk(tmp_path, "--db", str(full_disk / name), "check", "--year", "2025")
        _assert_refused(result, "nav pietiekami daudz brīvas vietas", "Atbrīvojiet vietu diskā")
    assert _snapshot(full_disk) == before


def test_a_database_locked_by_another_program_is_busy_not_damaged(filled: Path, monkeypatch) -> None:
    """Another program holds an exclusive lock longer than swdesk waits: explained, never set aside."""
    from swdesk.db import database as db_module
    from swdesk.db.database import DatabaseError, UnavailableDatabaseError

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)
    before = sorted(p.name for p in filled.parent.iterdir())
    holder = sqlite3.connect(filled, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE population SET residents = residents")
        with pytest.raises(DatabaseError) as caught:
            open_database(str(filled), auto_backup=False)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert isinstance(caught.value, UnavailableDatabaseError)
    assert "aizņem cita programma" in str(caught.value) and "nav bojāta" in str(caught.value)
    assert sorted(p.name for p in filled.parent.iterdir()) == before
    open_database(str(filled), auto_backup=False).close()  # the same file opens once it is free


# --- a file named by mistake is never renamed (issue 18, point 1) ---------------------------------------


def _xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Tabeles nr.", "Vārds", "Uzvārds"])
    book.active.append(["0016", "Ērika", "Šķēle"])
    book.save(path)


def _pdf(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


def _text(path: Path) -> None:
    path.write_text("Sanāksmes piezīmes: Ērika Šķēle, 12 lietas\n" * 20, encoding="utf-8")


def _other_program(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE rekini (nr TEXT, summa REAL)")
    con.execute("INSERT INTO rekini VALUES ('R-1', 10.5)")
    con.commit()
    con.close()


@pytest.mark.parametrize("name", ["dati.xlsx", "Lietas 2025.csv", "pārskats.PDF"])
def test_a_missing_document_named_as_the_database_is_not_made_one(tmp_path: Path, name: str) -> None:
    """`--db dati.xlsx` for a workbook that is not there is a slip for `import`: no database under that name."""
    folder = tmp_path / "Dokumenti"
    folder.mkdir()
    result = _swdesk(tmp_path, "--db", str(folder / name), "check", "--year", "2025")
    _assert_refused(result, "netika izveidota", "swdesk import", ".sqlite")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("dati.xlsx", _xlsx, "Excel darbgrāmata (.xlsx)"),
        ("piezimes.txt", _text, "teksta fails"),
        ("ligums.pdf", _pdf, "PDF dokuments"),
        ("gramatvediba.sqlite", _other_program, "citas programmas SQLite datubāze"),
    ],
)
def test_a_file_that_is_not_swdesks_is_refused_and_left_as_it_was(tmp_path: Path, name, make, kind) -> None:
    folder = tmp_path / "Dokumenti"
    folder.mkdir()
    # a swdesk database with backups in the same folder: its backups must never be offered for this file
    open_database(str(folder / "swdesk.sqlite"), today=dt.date(2026, 11, 1)).close()
    open_database(str(folder / "swdesk.sqlite"), today=dt.date(2026, 11, 2)).close()
    make(folder / name)
    before = _snapshot(folder)
    result = _swdesk(tmp_path, "--db", str(folder / name), "check", "--year", "2025")
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert kind in result.stderr and "netika" in result.stderr
    assert "restore" not in result.stderr and "dublējums" not in result.stderr.lower()
    assert _snapshot(folder) == before


def test_a_truncated_swdesk_database_is_set_aside_with_its_own_backup_only(tmp_path: Path) -> None:
    folder = tmp_path / "Dokumenti"
    folder.mkdir()
    ours, other = folder / "dienests.sqlite", folder / "swdesk.sqlite"
    open_database(str(other), today=dt.date(2026, 11, 3)).close()  # a newer backup, of another database
    database = open_database(str(ours), auto_backup=False)
    with database.write() as s:
        s.add_all(m.Population(year=year, residents=year) for year in range(1000, 2000))
    database.close()
    open_database(str(ours), today=dt.date(2026, 11, 1)).close()
    [(_, own_backup)] = backup.list_backups(backup.backup_dir(ours), of=ours)
    assert own_backup.name.endswith(".dienests.sqlite")
    _damage_truncate(ours)
    damaged = ours.read_bytes()
    result = _swdesk(tmp_path, "--db", str(ours), "check", "--year", "2025")
    assert result.returncode == 3 and "Traceback" not in result.stderr
    [moved] = [p for p in folder.glob("dienests.sqlite.bojata-*") if not p.name.endswith(("-wal", "-shm"))]
    assert moved.read_bytes() == damaged and not ours.exists()
    assert str(own_backup) in result.stderr and "01.11.2026" in result.stderr
    assert "automatiska-20261103" not in result.stderr  # the other database's backup is not offered


def test_an_empty_file_is_refused_unless_it_has_backups(tmp_path: Path) -> None:
    empty = tmp_path / "jauna.sqlite"
    empty.touch()
    result = _swdesk(tmp_path, "--db", str(empty), "check", "--year", "2025")
    assert result.returncode == 3 and "tukšs fails (0 baitu)" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["jauna.sqlite"]
    assert empty.stat().st_size == 0
