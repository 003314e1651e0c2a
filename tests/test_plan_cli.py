"""`swdesk plan` (issue 13): create, list, show (--json), delete, the training plan; typing mistakes are
Latvian sentences with exit status 2, and showing a scenario writes nothing."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from swdesk.cli import main
from swdesk.db.database import open_database
from swdesk.demo import generate_demo

TODAY = dt.date(2025, 11, 28)


@pytest.fixture
def demo_db(tmp_path: Path) -> Path:
    path = tmp_path / "dienests.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="small", seed=7, today=TODAY)
    database.close()
    return path


def _settled_digest(path: Path) -> str:
    """The database's bytes once everything written is in the file itself (the log folded in)."""
    gc.collect()  # a finished command's connections close, as when the process ends
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


def test_create_show_and_delete_a_scenario(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_db)]
    status, out, _ = _run(capsys, *db, "plan", "create", "Divi jauni", "--from", "01.01.2026",
                          "--add", "SD:1:1250:2:Ģimenes atbalsta nodaļa", "--move", "NS_PARTIKA:100%",
                          "--move", "NS_TRANSP:5h", "--population", "7000", "--raise-to-minimum")
    assert status == 0 and "Scenārijs «Divi jauni» saglabāts (5 izmaiņas)" in out
    status, out, _ = _run(capsys, *db, "plan", "list")
    assert "Divi jauni — no 01.01.2026: +2 × Sociālais darbinieks, slodze 1, mēnešalga 1\u00a0250,00 EUR" in out
    assert "«Klientu transportēšana»: 5 h mēnesī katram darbiniekam nodod citiem" in out

    digest = _settled_digest(demo_db)
    status, out, _ = _run(capsys, *db, "plan", "show", "Divi jauni", "--year", "2025", "--as-of", "28.11.2025",
                          "--json")
    assert status == 0
    data = json.loads(out)
    today, ours = data["today"]["figures"], data["scenarios"][0]["figures"]
    assert ours["sds"] == today["sds"] + 2 and ours["population"] == 7000
    assert ours["findings"]["salary.below_scale"] == 0
    assert data["scenarios"][0]["cost"]["difference"] > 0
    assert _settled_digest(demo_db) == digest

    status, out, _ = _run(capsys, *db, "plan", "show", "Divi jauni", "--year", "2025", "--as-of", "28.11.2025")
    assert "Iedzīvotāji uz vienu speciālistu (R1, norma 1:1000)" in out
    assert "Mēnešalgas līdz skalas minimumam līdz 01.01.2027" in out

    status, out, _ = _run(capsys, *db, "plan", "delete", "Divi jauni")
    assert status == 0 and "dzēsts" in out
    status, _, err = _run(capsys, *db, "plan", "show", "Divi jauni")
    assert status == 2 and "Scenārija «Divi jauni» nav." in err


@pytest.mark.parametrize(("args", "said"), [
    (["--add", "SD:viens:1250"], "nav AMATS:SLODZE:MĒNEŠALGA"),
    (["--move", "NS_PARTIKA:daudz"], "nav KATEGORIJA:50% vai KATEGORIJA:10h"),
    (["--add", "XX:1:1250"], "Amats «XX» nav katalogā"),
    (["--remove", "99999"], "Darbinieka ar tabeles nr. «99999» nav"),
])
def test_what_cannot_be_a_scenario_is_said(demo_db: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                           said: str) -> None:
    status, _, err = _run(capsys, "--db", str(demo_db), "plan", "create", "X", "--from", "01.01.2026", *args)
    assert status == 2 and said in err


def test_the_training_plan_on_the_command_line(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "--db", str(demo_db), "plan", "training", "--year", "2025", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["people"] and data["expected_compensation"] >= 0


@pytest.mark.parametrize("action", ["create", "list", "show", "delete", "training"])
def test_each_plan_command_has_a_latvian_help(action: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["plan", action, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith(f"lietošana: swdesk plan {action}") and "usage" not in text
