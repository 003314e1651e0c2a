"""The log file: what goes in, what never reaches the terminal, rotation, and the command line's entries."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from swdesk import logs


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "data" / "swdesk.log"
    assert logs.setup_logging(path) == path
    yield path
    logs.stop_logging()


def test_swdesk_and_alembic_at_info_others_from_warning_and_python_warnings(log_file: Path) -> None:
    logging.getLogger("swdesk.test").info("swdesk says hello")
    logging.getLogger("alembic.runtime.migration").info("Running upgrade  -> 0001")
    logging.getLogger("alembic.runtime.plugins").info("setup plugin alembic.autogenerate.schemas")
    logging.getLogger("somelibrary").info("chatter")
    logging.getLogger("somelibrary").warning("something odd")
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("an old way of doing it", DeprecationWarning, stacklevel=1)
    text = log_file.read_text(encoding="utf-8")
    assert "INFO swdesk.test: swdesk says hello" in text
    assert "Running upgrade" in text
    assert "setup plugin" not in text  # Alembic's noise on every start
    assert "chatter" not in text
    assert "WARNING somelibrary: something odd" in text
    assert "an old way of doing it" in text


def test_a_second_set_up_keeps_the_first(log_file: Path, tmp_path: Path) -> None:
    assert logs.setup_logging(tmp_path / "other.log") == log_file
    assert logs.active_log_path() == logs.log_path() == log_file


def test_an_unwritable_folder_means_no_log_and_no_noise(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    try:
        assert logs.setup_logging(blocker / "swdesk.log") is None
        assert logs.active_log_path() is None and logs.recent_text() == ""
        logging.getLogger("swdesk.test").error("nowhere to go")
        logging.getLogger("somelibrary").warning("nor this")
    finally:
        logs.stop_logging()
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_the_log_rotates_at_its_size_and_keeps_three_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = tmp_path / "swdesk.log"
    logs.setup_logging(path)
    try:
        for i in range(400):
            logging.getLogger("swdesk.test").info("line %d %s", i, "ā" * 20)
    finally:
        logs.stop_logging()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["swdesk.log", "swdesk.log.1", "swdesk.log.2", "swdesk.log.3"]
    assert all(p.stat().st_size <= 2_100 for p in tmp_path.iterdir())
    assert "line 399 " + "ā" * 20 in path.read_text(encoding="utf-8")


def test_recent_text_is_the_newest_whole_lines(log_file: Path) -> None:
    for i in range(2000):
        logging.getLogger("swdesk.test").info("record %04d", i)
    text = logs.recent_text(limit=1_000)
    assert text.rstrip().endswith("record 1999")
    assert "record 0000" not in text
    first = text.splitlines()[0]
    assert first.startswith("20") and "INFO swdesk.test: record" in first  # no line cut in half


def test_a_database_password_never_reaches_the_log() -> None:
    line = logs.masked(["--db", "postgresql+psycopg://swdesk:slepena@serveris:5432/swdesk", "check"])
    assert "slepena" not in line
    assert "postgresql+psycopg://swdesk:***@serveris:5432/swdesk" in line
    assert logs.masked(["--db", "C:\\dati\\swdesk.sqlite"]) == "--db C:\\dati\\swdesk.sqlite"


def test_run_logged_records_the_command_its_status_and_what_it_said(
    log_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def failing(argv: list[str]) -> int:
        print("Kļūda: nav tāda faila", file=sys.stderr)
        return 2

    assert logs.run_logged(failing, ["import", "dati.xlsx"]) == 2
    assert capsys.readouterr().err == "Kļūda: nav tāda faila\n"  # the terminal gets it as before
    text = log_file.read_text(encoding="utf-8")
    assert "start: swdesk import dati.xlsx" in text
    assert "WARNING swdesk.cli: exit status 2: Kļūda: nav tāda faila" in text

    def crashing(argv: list[str]) -> int:
        raise RuntimeError("an unexpected turn")

    with pytest.raises(RuntimeError):
        logs.run_logged(crashing, ["check"])
    text = log_file.read_text(encoding="utf-8")
    assert "ERROR swdesk.cli: unexpected error" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: an unexpected turn" in text


def _program_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SWDESK_DB",)}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env


@pytest.mark.skipif(sys.platform != "linux", reason="the data folder is moved with XDG_DATA_HOME (Linux)")
def test_the_command_line_logs_to_the_data_folder_and_prints_nothing_more(tmp_path: Path) -> None:
    env = _program_env(tmp_path)
    db = tmp_path / "db.sqlite"
    init = [
        sys.executable, "-m", "swdesk", "--db", str(db), "init", "--service", "Testa dienests",
        "--municipality", "Valkas novads", "--head", "Anna Bērziņa", "--population", "5000", "--year", "2025",
    ]  # fmt: skip
    done = subprocess.run(init, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and "INFO" not in done.stdout
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"not a database" * 10)
    bad = [sys.executable, "-m", "swdesk", "--db", str(broken), "check", "--year", "2025"]
    failed = subprocess.run(bad, env=env, capture_output=True, text=True, timeout=120)
    assert failed.returncode == 3
    assert failed.stderr.count("\n") == 1  # the one Latvian message, nothing from the log
    text = (tmp_path / "data" / "swdesk" / "swdesk.log").read_text(encoding="utf-8")
    assert f"start: swdesk --db {db} init --service Testa dienests" in text
    assert "Running upgrade" in text and "exit status 0" in text
    assert f"start: swdesk --db {broken} check --year 2025" in text
    assert "WARNING swdesk.cli: exit status 3: " + failed.stderr.strip() in text
