"""A document written over a file another program holds open (issue 20, 3a).

On Windows, Excel keeps an open workbook locked against replacing, and ``os.replace`` raises
``PermissionError: [WinError 5]``. The export must say so in a sentence (exit status 2 on the command line),
remove its temporary file and leave the open file as it was. Here ``os.replace`` is made to fail the way
Windows fails; ``make windows-check`` does the same under Wine with a real lock held by another process.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from swdesk.cli import main
from swdesk.export import common
from swdesk.export.common import DatabaseTargetError, DocumentInUseError, atomic_output


@pytest.fixture
def locked_replace(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """os.replace as Windows does it on a file held open elsewhere; the attempts made."""
    attempts: list[tuple[str, str]] = []

    def refuse(source: str, target: os.PathLike[str] | str) -> None:
        attempts.append((str(source), str(target)))
        raise PermissionError(13, "Access is denied", str(source), 5, str(target))

    monkeypatch.setattr(common.os, "replace", refuse)
    monkeypatch.setattr(common.time, "sleep", lambda seconds: None)
    return attempts


def test_a_held_file_is_a_sentence_and_the_temporary_goes(
    tmp_path: Path, locked_replace: list[tuple[str, str]]
) -> None:
    target = tmp_path / "pieprasījums 2025.xlsx"
    target.write_bytes(b"the workbook Excel has open")
    with pytest.raises(DocumentInUseError) as caught:
        with atomic_output(target, overwrite=True, suffix=".xlsx") as temporary:
            temporary.write_bytes(b"new")
    message = str(caught.value)
    assert "atvērts citā programmā" in message and str(target) in message
    assert ".swdesk-" not in message  # never the temporary name
    assert isinstance(caught.value, PermissionError) and isinstance(caught.value, DatabaseTargetError)
    assert len(locked_replace) == 4  # a passing lock (a virus scanner) gets three more tries
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert target.read_bytes() == b"the workbook Excel has open"


def test_a_lock_that_passes_is_waited_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_replace = os.replace
    calls = []

    def busy_once(source: str, target: str) -> None:
        calls.append(source)
        if len(calls) == 1:
            raise PermissionError(13, "Access is denied")
        real_replace(source, target)

    monkeypatch.setattr(common.os, "replace", busy_once)
    monkeypatch.setattr(common.time, "sleep", lambda seconds: None)
    target = tmp_path / "aptauja.pdf"
    with atomic_output(target, overwrite=True, suffix=".pdf") as temporary:
        temporary.write_bytes(b"%PDF-")
    assert target.read_bytes() == b"%PDF-" and len(calls) == 2
    assert [p.name for p in tmp_path.iterdir()] == ["aptauja.pdf"]


def test_the_command_line_says_it_with_exit_status_2(
    tmp_path: Path,
    locked_replace: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SWDESK_DB", raising=False)
    # no default database: on Windows the data folder is the user's own %LOCALAPPDATA%, whatever the test sets
    monkeypatch.setattr("swdesk.db.database.default_db_path", lambda: tmp_path / "nav" / "swdesk.sqlite")
    target = tmp_path / "veidne ar garumzīmēm.xlsx"
    target.write_bytes(b"open in Excel")
    status = main(["template", str(target), "--force"])
    out, err = capsys.readouterr()
    assert status == 2
    assert "atvērts citā programmā" in err and "Traceback" not in out + err
    assert ".swdesk-" not in out + err
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    assert target.read_bytes() == b"open in Excel"
