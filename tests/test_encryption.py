"""The database encrypted at rest (issue 15 part 2): SQLCipher, the key in the credential store.

The credential store here is ``tests.keyring_backend.FileKeyring`` (CI has no Secret Service, and a test
never touches a developer's own store): one JSON file the test and its child processes share.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from swdesk.cli import EXIT_DATABASE, EXIT_INPUT, main
from swdesk.db import backup, encryption, migrate
from swdesk.db import models as m
from swdesk.db.database import open_database, table_counts
from swdesk.demo import generate_demo
from tests import keyring_backend

keystore = keyring_backend.keystore  # the fixture: a credential store of the test's own
ROOT = Path(__file__).resolve().parent.parent
TODAY = __import__("datetime").date(2026, 3, 15)


def _forget_keys_in_process() -> None:
    """As a new process starts: no key known but the store's."""
    encryption._known.clear()
    encryption.forget_recovery_keys()


@pytest.fixture(scope="module")
def plain_demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The small demo as a plain database, and the surnames of its staff."""
    folder = tmp_path_factory.mktemp("demo")
    database = open_database(str(folder / "demo.sqlite"), auto_backup=False)
    generate_demo(database, size="small", today=TODAY)
    with database.read() as s:
        names = sorted({name for name in s.scalars(select(m.Staff.last_name)) if len(name) >= 4})
    database.close()
    return folder / "demo.sqlite", names


def _demo_copy(plain_demo: tuple[Path, list[str]], folder: Path) -> Path:
    target = folder / "swdesk.sqlite"
    shutil.copyfile(plain_demo[0], target)
    return target


def _rows(path: Path, key: str | None) -> dict[str, list[tuple[object, ...]]]:
    con = encryption.connect(str(path), key)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: sorted(map(tuple, con.execute(f'SELECT * FROM "{n}"')), key=repr) for n in names}
    finally:
        con.close()


def _bytes_with_names(path: Path, names: list[str]) -> list[str]:
    data = path.read_bytes()
    return [name for name in names if name.encode("utf-8") in data]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_encrypted_database_and_backups_hold_no_name(
    keystore: Path, plain_demo: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _demo_copy(plain_demo, tmp_path)
    names = plain_demo[1]
    assert _bytes_with_names(path, names), "the plain demo must show its names (else the test proves nothing)"
    backup.backup_file(path, backup.backup_dir(path), prefix="automatiska")  # a plain backup made before
    assert main(["--db", str(path), "encrypt", "--pdf", str(tmp_path / "atslega.pdf")]) == 0
    said = capsys.readouterr().out
    assert "ATKOPŠANAS ATSLĒGA" in said
    _forget_keys_in_process()
    database = open_database(str(path))  # the key from the credential store; a daily backup, encrypted
    assert database.encrypted
    with database.write() as s:  # a write goes through the log (-wal) too
        s.add(m.Population(year=1999, residents=1))
    wal = path.with_name("swdesk.sqlite-wal")
    assert wal.stat().st_size > 0 and not _bytes_with_names(wal, names)
    assert main(["--db", str(path), "backup", str(tmp_path / "kopija.sqlite")]) == 0
    files = [path, tmp_path / "kopija.sqlite"]
    files += [p for p in backup.backup_dir(path).iterdir()]
    database.close()
    assert len(files) >= 4
    for file in files:
        assert not _bytes_with_names(file, names), f"{file.name} discloses names"
        assert not encryption.is_plain(file), f"{file.name} is not encrypted"
    # --plain, only when asked, and it says so
    assert main(["--db", str(path), "backup", "--plain", str(tmp_path / "vala.sqlite")]) == 0
    assert "NEŠIFRĒTS" in capsys.readouterr().out
    assert _bytes_with_names(tmp_path / "vala.sqlite", names)
    assert backup.integrity_problem(tmp_path / "vala.sqlite") is None


def test_opens_with_the_store_key_and_with_the_recovery_key(
    keystore: Path, plain_demo: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path = _demo_copy(plain_demo, tmp_path)
    expected = _rows(path, None)
    recovery_key, _kept, _converted = encryption.encrypt_database(path)
    _forget_keys_in_process()
    database = open_database(str(path), auto_backup=False)
    counts = table_counts(database)
    database.close()
    assert counts == {t: len(rows) for t, rows in expected.items() if t != "alembic_version"}
    # another PC: an empty credential store; the recovery key (typed loosely) opens it and puts the key back
    keystore.write_text("{}", encoding="utf-8")
    _forget_keys_in_process()
    encryption.offer_recovery_key(recovery_key.lower().replace("-", " ").replace("0", "o"))
    database = open_database(str(path), auto_backup=False)
    assert table_counts(database) == counts
    assert any("saglabāta" in w for w in database.report.warnings)
    database.close()
    _forget_keys_in_process()
    assert json.loads(keystore.read_text(encoding="utf-8")), "the key was not put back into the store"
    open_database(str(path), auto_backup=False).close()  # and now opens with nothing typed


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "swdesk", *args], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def test_missing_or_wrong_key_is_exit_3_and_changes_nothing(keystore: Path, tmp_path: Path) -> None:
    path = tmp_path / "swdesk.sqlite"
    open_database(str(path), auto_backup=False).close()
    encryption.encrypt_database(path)
    backups_before = sorted(p.name for p in backup.backup_dir(path).iterdir())
    before = _sha(path)
    listing = sorted(p.name for p in tmp_path.iterdir())
    keystore.write_text("{}", encoding="utf-8")  # the key is not in this PC's store
    done = _cli("--db", str(path), "check", "--year", "2025")
    assert done.returncode == EXIT_DATABASE, done.stderr
    assert "ir šifrēta" in done.stderr and "--recovery-key" in done.stderr
    assert "Traceback" not in done.stderr and "ERROR CORE" not in done.stderr
    wrong = "-".join(["ZZZZ"] * 8)
    done = _cli("--db", str(path), "--recovery-key", wrong, "check", "--year", "2025")
    assert done.returncode == EXIT_DATABASE, done.stderr
    assert "atslēga neder" in done.stderr
    done = _cli("--db", str(path), "--recovery-key", "nav-atslega", "check", "--year", "2025")
    assert done.returncode == EXIT_INPUT and "nav atkopšanas atslēga" in done.stderr
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "kr.json") == [
        n for n in listing if n != "kr.json"
    ], "a file was moved aside or made"
    assert sorted(p.name for p in backup.backup_dir(path).iterdir()) == backups_before


def test_encrypt_decrypt_round_trip_keeps_every_row(
    keystore: Path, plain_demo: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path = _demo_copy(plain_demo, tmp_path)
    expected = _rows(path, None)
    identity = open_database(str(path), auto_backup=False)
    ident = identity.identity
    identity.close()
    _recovery, kept, _converted = encryption.encrypt_database(path)
    assert not encryption.is_plain(path) and not encryption.is_plain(kept)
    key = encryption.known_key(path)
    assert _rows(path, key) == expected
    kept_again, _ = encryption.decrypt_database(path)
    assert encryption.is_plain(path) and not encryption.marker_path(path).exists()
    assert _rows(path, None) == expected
    assert all(encryption.is_plain(p) for _, p in backup.list_backups(backup.backup_dir(path), of=path))
    database = open_database(str(path), auto_backup=False)
    assert database.identity == ident and not database.encrypted
    database.close()


def test_restore_of_an_encrypted_backup(keystore: Path, tmp_path: Path) -> None:
    path = tmp_path / "swdesk.sqlite"
    database = open_database(str(path), auto_backup=False)
    with database.write() as s:
        s.add(m.Population(year=2020, residents=111))
    database.close()
    encryption.encrypt_database(path)
    copy = tmp_path / "kopija.sqlite"
    assert main(["--db", str(path), "backup", str(copy)]) == 0
    database = open_database(str(path), auto_backup=False)
    with database.write() as s:
        s.add(m.Population(year=2021, residents=222))
    database.close()
    _forget_keys_in_process()
    assert main(["--db", str(path), "restore", str(copy)]) == 0
    _forget_keys_in_process()
    database = open_database(str(path), auto_backup=False)
    with database.read() as s:
        assert set(s.scalars(select(m.Population.year))) == {2020}
    database.close()
    assert not encryption.is_plain(path)
    # into a new place: the restored database is encrypted with the same key, kept under its own marker
    other = tmp_path / "cits" / "jauns.sqlite"
    other.parent.mkdir()
    assert main(["--db", str(other), "restore", str(copy)]) == 0
    assert not encryption.is_plain(other) and encryption.read_marker(other) is not None
    _forget_keys_in_process()
    open_database(str(other), auto_backup=False).close()


def test_init_encrypt_and_postgresql_refused(
    keystore: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "jauna.sqlite"
    assert (
        main(
            [
                "--db",
                str(path),
                "init",
                "--service",
                "Valkas dienests",
                "--municipality",
                "Valkas novads",
                "--head",
                "Anna Bērziņa",
                "--encrypt",
                "--recovery-pdf",
                str(tmp_path / "atslega.pdf"),
            ]
        )
        == 0
    )
    assert "Bērziņa".encode() not in path.read_bytes() and not encryption.is_plain(path)
    assert (tmp_path / "atslega.pdf").read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    status = main(["--db", "postgresql+psycopg://swdesk@127.0.0.1:1/swdesk", "encrypt"])
    assert status == EXIT_INPUT
    assert "servera ziņā" in capsys.readouterr().err


def test_recovery_sheet_names_the_key_and_the_database(tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed")
    from swdesk.export.recovery_sheet import write_recovery_sheet

    key = encryption.new_recovery_key()
    sheet = write_recovery_sheet(
        tmp_path / "a.pdf", recovery_key=key, database=tmp_path / "Rīgas dati.sqlite"
    )
    text = subprocess.run([pdftotext, str(sheet), "-"], capture_output=True, check=True).stdout.decode(
        "utf-8"
    )
    assert "Atkopšanas atslēga" in text and key in text and "Rīgas dati.sqlite" in text
    assert "seifā" in text


def test_an_encrypted_frozen_database_migrates(keystore: Path, tmp_path: Path) -> None:
    """The newest frozen schema fixture, encrypted as an office PC would hold it, migrates with its data."""
    from tests.fixtures.schema.make_fixture import counts, key_values, sqlite_rows
    from tests.test_migration_fixtures import FIXTURES, _check_counts, _check_values, _manifest

    fixture = FIXTURES[-1]
    manifest = _manifest(fixture)
    path = tmp_path / "dienests.sqlite"
    shutil.copyfile(fixture, path)
    encryption.encrypt_database(path)
    _forget_keys_in_process()
    database = open_database(str(path))
    assert database.encrypted
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    key = database.key
    database.close()
    assert backup.integrity_problem(path, key) is None
    con = encryption.connect(str(path), key)
    rows = sqlite_rows(con)
    _check_counts(counts(rows, list(manifest["counts"])), manifest["counts"])
    _check_values(key_values(rows), manifest)
    con.close()
    made = list(backup.backup_dir(path).glob("*.sqlite"))
    assert made and not any(encryption.is_plain(p) for p in made)


def test_a_file_without_header_and_no_marker_is_still_judged_as_before(
    keystore: Path, tmp_path: Path
) -> None:
    """Only the marker (or a known key) makes a headerless file an encrypted database: random bytes stay
    'not a swdesk database', untouched."""
    path = tmp_path / "x.sqlite"
    path.write_bytes(bytes(range(256)) * 64)
    status = main(["--db", str(path), "check", "--year", "2025"])
    assert status == EXIT_DATABASE
    assert path.read_bytes() == bytes(range(256)) * 64
