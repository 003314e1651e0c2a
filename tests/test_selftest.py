"""`swdesk selftest` (issue 6): one line per check, exit 0 only when every check passes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import swdesk.selftest as selftest
from swdesk.cli import main
from swdesk.gui import translations as gui_translations

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``translations/*.ts`` compiled afresh, so the test does not depend on an earlier ``make`` step."""
    sys.path.insert(0, str(REPO / "installer"))
    try:
        import assets
    finally:
        sys.path.remove(str(REPO / "installer"))
    folder = tmp_path_factory.mktemp("translations")
    for ts in (REPO / "translations").glob("*.ts"):
        (folder / ts.name).write_bytes(ts.read_bytes())
    assets.compile_all(folder)
    return folder


@pytest.fixture(autouse=True)
def _translations_in(monkeypatch: pytest.MonkeyPatch, compiled_translations: Path) -> None:
    monkeypatch.setattr(gui_translations, "translations_dir", lambda: compiled_translations)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str]]:
    status = main(list(argv))
    return status, capsys.readouterr().out.splitlines()


def test_every_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_cli(capsys, "selftest")
    assert status == 0, lines
    assert len(lines) == len(selftest.CHECKS)
    assert all(line.startswith("OK   ") for line in lines), lines
    assert lines[0] == "OK   datubāze izveidojas un migrē pagaidu mapē"


def test_the_claim_is_exported_when_the_writers_exist(capsys: pytest.CaptureFixture[str]) -> None:
    if selftest.claim_writers() is None:
        pytest.skip("swdesk.export has no claim writers in this version")
    _status, lines = run_cli(capsys, "selftest")
    [claim_line] = [line for line in lines if "kompensācijas pieprasījums" in line]
    assert claim_line.startswith("OK   kompensācijas pieprasījums")
    assert "eksporta funkcijas" not in claim_line  # not the "only the computation was checked" note


def test_the_encryption_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLCipher encrypts and opens a file; the line names the credential store, or says why a new database
    is not offered encryption (a Linux PC without Secret Service) — still OK: the program works without."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    try:
        keyring.set_keyring(fail.Keyring())
        _status, lines = run_cli(capsys, "selftest")
        [line] = [line for line in lines if "šifrēšana pieejama" in line]
        assert line.startswith("OK   šifrēšana pieejama") and "nepiedāvā" in line

        from tests.keyring_backend import FileKeyring

        keyring.set_keyring(FileKeyring())
        _status, lines = run_cli(capsys, "selftest")
        [line] = [line for line in lines if "šifrēšana pieejama" in line]
        assert line.startswith("OK   šifrēšana pieejama") and "atslēgu glabā" in line
        assert FileKeyring().get_password("swdesk", "x") is None
    finally:
        keyring.set_keyring(previous)
    monkeypatch.setitem(__import__("sys").modules, "sqlcipher3", None)  # a bundle without SQLCipher
    monkeypatch.setitem(__import__("sys").modules, "sqlcipher3.dbapi2", None)
    status, lines = run_cli(capsys, "selftest")
    [line] = [line for line in lines if "šifrēšana pieejama" in line]
    assert status != 0 and line.startswith("VIGA") and "sqlcipher3-wheels" in line


def test_english_labels(capsys: pytest.CaptureFixture[str]) -> None:
    status, lines = run_cli(capsys, "--lang", "en", "selftest")
    assert status == 0
    assert lines[0] == "OK   the database opens and migrates in a temporary folder"


def test_a_font_without_latvian_letters_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reportlab

    # Bitstream Vera (shipped with reportlab) has Č, Š, Ž but none of the letters with a macron or cedilla.
    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    monkeypatch.setattr(selftest, "pdf_font_paths", lambda: [vera])
    status, lines = run_cli(capsys, "selftest")
    assert status == 1
    failed = [line for line in lines if not line.startswith("OK   ")]
    assert failed == ["VIGA PDF fontam ir visi latviešu burti: fontā Vera.ttf trūkst burtu: ĀĒĢĪĶĻŅŪāēģīķļņū"]


def test_a_missing_font_file_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(selftest, "pdf_font_paths", lambda: [tmp_path / "DejaVuSans.ttf"])
    status, lines = run_cli(capsys, "--lang", "en", "selftest")
    assert status == 1
    missing = tmp_path / "DejaVuSans.ttf"
    assert f"FAIL the PDF font has every Latvian letter: the font file is missing: {missing}" in lines


def test_a_missing_qm_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(gui_translations, "translations_dir", lambda: tmp_path)
    status, lines = run_cli(capsys, "selftest")
    assert status == 1
    label = "latviešu tulkojumi (swdesk_lv.qm, qtbase_lv.qm) ielādējas"
    assert f"VIGA {label}: swdesk_lv.qm neielādējas no {tmp_path}" in lines
    assert sum(line.startswith("VIGA") for line in lines) == 1


def test_an_unexpected_error_is_a_line_and_the_other_checks_still_run() -> None:
    def broken(_work: selftest.Workspace) -> None:
        raise RuntimeError("boom")

    checks = [selftest.Check("selftest.font", broken), *selftest.CHECKS[:1]]
    lines: list[str] = []
    assert selftest.run_selftest(lines.append, checks=checks) is False
    assert lines == [
        "VIGA PDF fontam ir visi latviešu burti: RuntimeError: boom",
        "OK   datubāze izveidojas un migrē pagaidu mapē",
    ]


def test_checks_work_in_a_temporary_folder_that_is_removed(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[Path] = []

    def remember(work: selftest.Workspace) -> None:
        assert work.folder.is_dir() and not any(work.folder.iterdir())
        seen.append(work.folder)

    assert selftest.run_selftest(lambda _line: None, checks=[selftest.Check("selftest.font", remember)] * 2)
    assert len(set(seen)) == 2 and not any(folder.exists() for folder in seen)


def test_without_qt_only_the_translation_check_fails() -> None:
    """The self-test is core code: without PySide6 it still runs and fails only the check that needs Qt."""
    script = textwrap.dedent(
        """
        import sys

        class BlockQt:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6."):
                    raise ImportError(f"blocked {name}")
                return None

        sys.meta_path.insert(0, BlockQt())
        import swdesk.selftest
        from swdesk.cli import main
        sys.exit(main(["--lang", "en", "selftest"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, encoding="utf-8"
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["OK", "FAIL", "OK", "OK", "OK"], lines
    assert "PySide6 is not available" in lines[1]
