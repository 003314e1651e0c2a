"""Faults met on the command line are sentences, never tracebacks, raw SQL or a password (issue 19)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from swdesk.cli import main
from swdesk.db import backup
from swdesk.db.database import mask_url, open_database

SECRET = "s3cr@t-Parole"


ROOT = Path(__file__).resolve().parents[1]


def child_environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SWDESK_")}
    env["HOME"] = str(tmp_path / "home")
    env["PYTHONPATH"] = str(ROOT)
    return env


def swdesk(tmp_path: Path, *argv: str, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m swdesk`` in a process of its own, from another folder, as a head's command prompt runs it.

    The checkout is on PYTHONPATH (where swdesk is not installed, as in the Windows Python under Wine); the
    program writes its streams in UTF-8 on every system, so they are read so."""
    env = child_environment(tmp_path)
    return subprocess.run(
        [sys.executable, "-m", "swdesk", *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,  # noqa: PLW1509
    )


def sentence(result: subprocess.CompletedProcess[str], status: int, *phrases: str) -> str:
    assert result.returncode == status, result.stderr
    assert (
        "Traceback" not in result.stderr and "SELECT" not in result.stderr and "INSERT" not in result.stderr
    )
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def service(tmp_path: Path) -> Path:
    db = tmp_path / "swdesk.sqlite"
    assert main(["--db", str(db), "demo", "--size", "small"]) == 0
    return db


# --- passwords ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"postgresql+psycopg://swdesk:{SECRET}@127.0.0.1:1/swdesk",  # an unencoded @ in the password
        f"postgresql+psycopg://swdesk@127.0.0.1:1/swdesk?password={SECRET}",
        f"postgresql+psycopg://swdesk:{SECRET}@127.0.0.1:abc/swdesk",  # and a port that is not a number
    ],
)
def test_a_database_password_is_never_shown(tmp_path: Path, url: str) -> None:
    result = swdesk(tmp_path, "--db", url, "check", "--year", "2025")
    said = sentence(result, 3, "Kļūda:")
    assert "s3cr" not in said and "Parole" not in said and "***" in said


def test_mask_url_hides_every_form() -> None:
    assert mask_url("postgresql://u:p@ss@host:5432/db") == "postgresql://u:***@host:5432/db"
    assert mask_url("postgresql://u@host/db?sslmode=require&password=x1") == (
        "postgresql://u@host/db?sslmode=require&password=***"
    )
    assert mask_url("sqlite:////home/anna/swdesk.sqlite") == "sqlite:////home/anna/swdesk.sqlite"


# --- values the command line refuses instead of crashing ---------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "phrase"),
    [
        (["--db", "", "check", "--year", "2025"], "--db ir tukšs"),
        (
            ["init", "--service", "A", "--municipality", "Valkas novads", "--population", "9" * 24],
            "nedrīkst pārsniegt 10000000",  # the records layer's rule and words, as the import's
        ),
        (
            ["init", "--service", "A", "--municipality", "Valkas novads", "--year", "0", "--population", "5"],
            "jābūt vismaz 1900; ir 0",
        ),
        (["scale", "set", "9", "2026", "1e30", "2", "3"], "nav iespējama mēnešalga"),
        (["survey", "--date", "01.02.0001"], "gadam jābūt no"),
        (["check", "--year", "2025", "--as-of", ""], "nav datums"),
        (["claim", "--period", "２０２５"], "2025"),
    ],
)
def test_impossible_values_are_sentences(tmp_path: Path, argv: list[str], phrase: str) -> None:
    db = tmp_path / "swdesk.sqlite"
    full = argv if argv[0] == "--db" else ["--db", str(db), *argv]
    result = swdesk(tmp_path, *full)
    assert result.returncode in (2, 3), result.stderr
    sentence(result, result.returncode, phrase)


# --- documents and backups never go over a database or a file by mistake --------------------------------


def test_a_document_is_never_written_over_the_database(tmp_path: Path, service: Path) -> None:
    before = service.read_bytes()
    for option in ("--xlsx", "--pdf"):
        result = swdesk(tmp_path, "--db", str(service), "claim", "--period", "2025", option, str(service))
        sentence(result, 2, "ir datubāze")
    assert service.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_documents_follow_the_umask(tmp_path: Path, service: Path) -> None:
    out = tmp_path / "pieprasijums.pdf"
    result = swdesk(
        tmp_path, "--db", str(service), "claim", "--period", "2025", "--pdf", str(out), umask=0o077
    )
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_backup_refuses_an_existing_file_a_device_and_the_database(tmp_path: Path, service: Path) -> None:
    document = tmp_path / "svarigs.docx"
    document.write_bytes(b"PK\x03\x04 a document the head needs")
    sentence(swdesk(tmp_path, "--db", str(service), "backup", str(document)), 2, "jau ir", "--force")
    assert document.read_bytes() == b"PK\x03\x04 a document the head needs"
    sentence(swdesk(tmp_path, "--db", str(service), "backup", os.devnull), 2, "nav parasts fails")
    sentence(swdesk(tmp_path, "--db", str(service), "backup", str(service)), 2, "pati datubāze")
    result = swdesk(tmp_path, "--db", str(service), "backup", str(document), "--force")
    assert result.returncode == 0 and backup.integrity_problem(document) is None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_backups_keep_the_database_private(tmp_path: Path, service: Path) -> None:
    service.chmod(0o600)
    made = backup.backup_file(service, tmp_path / "kopijas", prefix="rokas")
    assert stat.S_IMODE(made.stat().st_mode) == 0o600


# --- restore ---------------------------------------------------------------------------------------------


def test_restore_refuses_another_alembic_application(tmp_path: Path, service: Path) -> None:
    other = tmp_path / "cita.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES ('0001')")
    con.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
    con.commit()
    con.close()
    before = service.read_bytes()
    sentence(swdesk(tmp_path, "--db", str(service), "restore", str(other)), 2, "nav swdesk datubāze")
    assert service.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_restore_from_a_pipe_is_refused_at_once(tmp_path: Path, service: Path) -> None:
    pipe = tmp_path / "caurule"
    os.mkfifo(pipe)
    started = time.monotonic()
    sentence(swdesk(tmp_path, "--db", str(service), "restore", str(pipe)), 2, "nav parasts fails")
    assert time.monotonic() - started < 30


def test_restore_replaces_a_damaged_database_and_keeps_it(tmp_path: Path, service: Path) -> None:
    good = tmp_path / "kopija.sqlite"
    backup.backup_to(service, good)
    damaged = b"Tabeles nr.;Vards\n" * 400
    service.write_bytes(damaged)
    result = swdesk(tmp_path, "--db", str(service), "restore", str(good))
    assert result.returncode == 0, result.stderr
    assert backup.integrity_problem(service) is None
    [kept] = (tmp_path / "backups").glob("aizstata-bojata-*.sqlite")
    assert kept.read_bytes() == damaged
    assert swdesk(tmp_path, "--db", str(service), "check", "--year", "2025").returncode == 0


# --- work goes on --------------------------------------------------------------------------------------


def test_a_failed_daily_backup_warns_and_the_work_goes_on(tmp_path: Path, service: Path) -> None:
    import shutil

    shutil.rmtree(tmp_path / "backups", ignore_errors=True)
    (tmp_path / "backups").write_text("a file where the backup folder should be")
    result = swdesk(tmp_path, "--db", str(service), "check", "--year", "2025")
    assert result.returncode == 0, result.stderr
    assert "Brīdinājums: šodienas automātisko dublējumu neizdevās izveidot" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_writer_waits_for_another_and_says_so(tmp_path: Path, service: Path) -> None:
    holder = sqlite3.connect(service, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    writer = subprocess.Popen(
        [sys.executable, "-m", "swdesk", "--db", str(service), "settings", "set", "claim.rate", "0,5",
         "--from", "01.01.2025"],
        cwd=tmp_path, env=child_environment(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, encoding="utf-8",
    )
    try:
        assert writer.stderr is not None
        notice = writer.stderr.readline()  # the lock is let go only once the writer has said that it waits
    finally:
        holder.execute("COMMIT")
        holder.close()
    out, err = writer.communicate(timeout=120)
    assert "Gaida, kamēr cita swdesk programma pabeidz rakstīt" in notice, notice + err
    assert writer.returncode == 0, notice + err


def test_a_lock_held_too_long_is_a_sentence(tmp_path: Path, service: Path, monkeypatch, capsys) -> None:
    from swdesk.db import database as db_module

    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 1500)
    monkeypatch.setattr(db_module, "FIRST_WAIT_MS", 300)
    open_database(str(service)).close()  # today's backup made: the next open only reads
    holder = sqlite3.connect(service, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        status = main(["--db", str(service), "settings", "set", "claim.rate", "0,5", "--from", "01.01.2025"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert status == 3, err
    assert "Gaida" in err and "aizņem cita programma" in err and "nav bojāta" in err


def test_a_command_beside_an_open_window_leaves_its_log_files(tmp_path: Path, service: Path) -> None:
    """The window keeps the database open; `swdesk check` on the same file must not remove or move its
    -wal/-shm, so what the window writes afterwards is seen by every other reader."""
    from sqlalchemy import select

    from swdesk.db import models as m

    window = open_database(str(service))
    with window.write() as s:
        s.add(m.Population(year=1901, residents=5))
    wal = Path(str(service) + "-wal")
    with window.read() as s:
        s.execute(select(m.Population.year)).all()
        inode = wal.stat().st_ino
        result = swdesk(tmp_path, "--db", str(service), "check", "--year", "2025")
        assert result.returncode == 0, result.stderr
        assert wal.exists() and wal.stat().st_ino == inode
    with window.write() as s:
        s.add(m.Population(year=1902, residents=7))
    reader = sqlite3.connect(service)
    try:
        assert reader.execute("SELECT residents FROM population WHERE year = 1902").fetchone() == (7,)
    finally:
        reader.close()
        window.close()


def _damage_an_index(path: Path) -> None:
    """Rows sound, one index out of step: quick_check passes, integrity_check does not."""
    import datetime as dt
    from decimal import Decimal

    from swdesk.db import models as m

    database = open_database(str(path), auto_backup=False)
    with database.write() as s:
        person = m.Staff(
            tabeles_nr="9001",
            first_name="Ērika",
            last_name="Šķēle",
            position_code="SD",
            fte=Decimal(1),
            start=dt.date(2020, 1, 1),
            education_code="E1",
            salary=Decimal(1000),
        )
        s.add(person)
        s.flush()
        s.add_all(
            m.Duty(
                staff_id=person.id,
                date=dt.date(2025, 1, 1) + dt.timedelta(days=i),
                category_code="NS_GRAMAT",
                hours=Decimal(1),
            )
            for i in range(40)
        )
    database.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = DELETE")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_duty_date'").fetchone()[0]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    page = path.read_bytes()[(root - 1) * size : root * size]
    con = sqlite3.connect(path)
    con.execute(
        "UPDATE duty SET date = date('2024-01-01', '+' || id || ' days') WHERE staff_id = "
        "(SELECT id FROM staff WHERE tabeles_nr = '9001')"
    )
    con.commit()
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * size : root * size] = page
    path.write_bytes(bytes(data))
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert backup.integrity_problem(path) is not None


def test_damaged_indexes_do_not_lock_the_head_out_and_repair_mends_them(
    tmp_path: Path, service: Path
) -> None:
    import shutil

    shutil.rmtree(
        tmp_path / "backups", ignore_errors=True
    )  # today's backup not yet made: the next command tries it
    _damage_an_index(service)
    result = swdesk(tmp_path, "--db", str(service), "check", "--year", "2025")
    assert result.returncode == 0, result.stderr  # work goes on
    assert "Brīdinājums" in result.stderr and "repair" in result.stderr
    assert swdesk(tmp_path, "--db", str(service), "settings", "list").returncode == 0
    result = swdesk(tmp_path, "--db", str(service), "repair")
    assert result.returncode == 0 and "Indeksi atjaunoti" in result.stdout, result.stderr
    assert backup.integrity_problem(service) is None
    result = swdesk(tmp_path, "--db", str(service), "check", "--year", "2025")
    assert result.returncode == 0 and "Brīdinājums" not in result.stderr
    assert list((tmp_path / "backups").glob("automatiska-*.sqlite"))  # the daily backup, made at last


WRITER = """
import sys
from swdesk.db.database import open_database
from swdesk.db import models as m
db = open_database(sys.argv[1], auto_backup=False)
year = 3000
while True:
    with db.write() as s:
        s.add(m.Population(year=year, residents=1))
    print(year, flush=True)
    year += 1
"""


def test_no_commit_is_lost_from_both_files_during_a_restore(tmp_path: Path, service: Path) -> None:
    """Another program keeps committing while the database is restored: each of its commits is in the copy
    kept aside or in the restored database, never lost from both (the restore holds the write lock)."""
    good = tmp_path / "kopija.sqlite"
    backup.backup_to(service, good)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(service)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None
        writer.stdout.readline()
        time.sleep(0.3)
        aside = backup.restore(service, good)
        time.sleep(0.3)
    finally:
        writer.kill()
        writer.wait()
    assert writer.stdout is not None
    reported = {int(line) for line in writer.stdout.read().split()} | {3000}
    writer.stdout.close()
    found: set[int] = set()
    for path in (aside, service):
        con = sqlite3.connect(path)
        found |= {row[0] for row in con.execute("SELECT year FROM population WHERE year >= 3000")}
        con.close()
    assert reported <= found, f"lost from both: {sorted(reported - found)[:5]}"


@pytest.mark.skipif(
    sys.platform == "win32" and "WINEPREFIX" in os.environ, reason="Wine run as root ignores the read-only attribute"
)
def test_a_dry_run_needs_no_write_access(tmp_path: Path, service: Path) -> None:
    """A read-only database: the dry run counts what an import would change; the real import is refused."""
    from tests.test_import_support import valid_sheets, write_xlsx

    book = write_xlsx(tmp_path / "dati.xlsx", valid_sheets())
    service.chmod(0o444)
    try:
        before = service.read_bytes()
        dry = swdesk_without_override(tmp_path, "--db", str(service), "import", str(book), "--dry-run")
        assert dry.returncode == 0, dry.stderr
        assert "Traceback" not in dry.stderr
        assert "Pārbaude bez ierakstīšanas: kļūdu nav; importējot tiktu pievienoti" in dry.stdout
        real = swdesk_without_override(tmp_path, "--db", str(service), "import", str(book))
        sentence(real, 3, "ir tikai lasāms")
        assert service.read_bytes() == before
    finally:
        service.chmod(0o644)


def swdesk_without_override(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    """As root, permissions apply only without the capabilities that override them (see test_damaged_database)."""
    import shutil as _shutil

    drop = (
        ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
        if hasattr(os, "geteuid") and os.geteuid() == 0 and _shutil.which("setpriv")
        else []
    )
    return subprocess.run(
        [*drop, sys.executable, "-m", "swdesk", *argv],
        cwd=tmp_path,
        env=child_environment(tmp_path),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_a_disk_that_fills_during_an_import_is_a_sentence(tmp_path: Path, monkeypatch, capsys) -> None:
    """The disk fills while the rows are written: a sentence and exit 3, no SQL, and the database as before."""
    from swdesk.db import database as db_module
    from tests.test_import_support import valid_sheets, write_xlsx

    disk = tmp_path / "disk"
    disk.mkdir()
    if sys.platform == "win32":
        pytest.skip("a small disk needs a tmpfs mount (root on Linux)")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("a small disk needs a tmpfs mount (root on Linux)")
    try:
        db = disk / "swdesk.sqlite"
        open_database(str(db), auto_backup=False).close()
        monkeypatch.setattr(db_module, "preflight", lambda path: None)  # past the start, as if it filled later
        book = write_xlsx(tmp_path / "dati.xlsx", valid_sheets())
        before = db.read_bytes()
        filler = disk / "cits.bin"
        filler.write_bytes(b"\0" * (shutil_free(disk) - 4096))
        status = main(["--db", str(db), "import", str(book)])
        err = capsys.readouterr().err
        assert status == 3, err
        assert "ir pilns" in err and "Traceback" not in err and "INSERT" not in err
        filler.unlink()
        assert backup.integrity_problem(db) is None
        con = sqlite3.connect(db)
        assert con.execute("SELECT COUNT(*) FROM staff").fetchone() == (0,)
        con.close()
        assert len(db.read_bytes()) == len(before)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def shutil_free(folder: Path) -> int:
    import shutil as _shutil

    return _shutil.disk_usage(folder).free


HOLDER = """
import sys, time
from swdesk.db.database import open_database
from swdesk.db import models as m
db = open_database(sys.argv[1], auto_backup=False)
with db.write() as s:
    s.add_all(m.Population(year=y, residents=1) for y in range(1000, 1120))
print("committed", flush=True)
time.sleep(30)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="Windows lets nobody delete a file that is open")
def test_a_log_deleted_under_a_live_writer_does_not_set_the_database_aside(tmp_path: Path, service: Path) -> None:
    """Someone deletes the -wal of a database another swdesk has open: `check` must not take the live file
    for damaged and move it, and a following import must not go into a new empty database."""
    from tests.test_import_support import valid_sheets, write_xlsx

    writer = subprocess.Popen([sys.executable, "-c", HOLDER, str(service)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "committed"
        Path(str(service) + "-wal").unlink()
        result = swdesk(tmp_path, "--db", str(service), "check", "--year", "2025")
        assert "Traceback" not in result.stderr and result.returncode in (0, 3), result.stderr
        assert service.exists() and not list(tmp_path.glob("*bojata*"))
        book = write_xlsx(tmp_path / "dati.xlsx", valid_sheets())
        result = swdesk(tmp_path, "--db", str(service), "import", str(book))
        assert "Traceback" not in result.stderr
    finally:
        writer.kill()
        writer.wait()
        if writer.stdout is not None:
            writer.stdout.close()
    assert not list(tmp_path.glob("*bojata*"))
    con = sqlite3.connect(service)
    services = con.execute("SELECT COUNT(*) FROM service").fetchone()[0]
    con.close()
    assert services == 1, "the import went into a new, empty database"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_backup_into_a_read_only_folder_is_a_sentence(tmp_path: Path, service: Path) -> None:
    folder = tmp_path / "kopijas"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = swdesk_without_override(tmp_path, "--db", str(service), "backup", str(folder / "k.sqlite"))
        sentence(result, 3, "nevar rakstīt")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)
