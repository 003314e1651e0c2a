"""Latvian output on a stream that cannot carry it (issue 20, 3c).

An unbundled swdesk on an English Windows writes a redirected stream in cp1252, which has no "ā": the first
Latvian sentence ended the program with UnicodeEncodeError. ``PYTHONIOENCODING=cp1252`` gives a Linux
Python the same streams; a stream the user did not choose an encoding for becomes UTF-8.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from swdesk import streams


def run_swdesk(*args: str, encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHONUTF8", "PYTHONIOENCODING", "SWDESK_"))
    }
    env["PYTHONIOENCODING"] = encoding
    return subprocess.run(
        [sys.executable, *args], env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=120
    )


@pytest.mark.parametrize("command", [["-m", "swdesk", "--help"], ["-m", "swdesk", "claim", "--period", "x"]])
def test_python_m_swdesk_on_a_cp1252_stream_does_not_crash(command: list[str]) -> None:
    result = run_swdesk(*command, encoding="cp1252")
    out, err = result.stdout.decode("cp1252"), result.stderr.decode("cp1252")
    assert "UnicodeEncodeError" not in err and "Traceback" not in err, err
    if "--help" in command:
        assert result.returncode == 0 and "selftest" in out
        assert "datub?zes" in out  # "datubāzes": the letter cp1252 lacks replaced, the rest readable
    else:
        assert result.returncode == 2 and err.strip()


def test_a_redirected_ansi_stream_becomes_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    """What Windows hands an unbundled Python when output goes to a file: the ANSI code page."""
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding="cp1252", errors="strict")
    monkeypatch.setattr(sys, "stdout", stdout)
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)
    streams.utf8_streams()
    print("Sociālais dienests: ā ē ī ū ļ ņ ķ ģ š ž č")
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8").strip() == "Sociālais dienests: ā ē ī ū ļ ņ ķ ģ š ž č"


def test_no_streams_at_all_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The windowed swdesk.exe starts with sys.stdout and sys.stderr set to None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    streams.utf8_streams()
