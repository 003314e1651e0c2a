"""The hostile and messy workbook corpus (issue 7, point 4), imported into a database that holds data.

Every file of :mod:`tests.hostile.corpus` (``.xlsx``, ``.ods``, ``.xls``, and CSV files in UTF-8 and in
Windows-1257) goes through the import of ``swdesk import``: it must import with exactly the expected counts
and values, or be refused with exactly the expected places (sheet, row, column, or the file), in Latvian,
leaving the database file byte for byte as it was. Each file is handled within 30 s.

``make test`` runs the short corpus in this process and measures the peak memory of a few files in a
subprocess (the largest import, and a tiny ``.xls`` and ``.ods`` that a reader building the whole table
would need gigabytes for). ``make test-hostile`` (``SWDESK_HOSTILE_LONG=1``) adds the large files — a
1 000 000-row sheet, parts and files just under the size limits — and runs every file in its own
``swdesk import`` process, whose peak
resident memory must stay under 300 MB; it prints a table of the times and peaks.
"""

# The session's migrated database is a fixture of the support module, used here by name.
# ruff: noqa: F811

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import string
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from swdesk.db.database import open_database
from swdesk.i18n import all_keys, message_pair
from swdesk.importer.importer import import_workbook
from tests.hostile.corpus import CASES, Case, Imports, Refused, seed_sheets
from tests.test_import_support import (
    dump,
    migrated_database_file,  # noqa: F401 - the session's migrated database, see test_import_support
    write_xlsx,
)

LONG = os.environ.get("SWDESK_HOSTILE_LONG") == "1"
TIME_LIMIT_S = 30.0
MEMORY_LIMIT_MB = 300.0
# Measured in a subprocess in the short run too (and checked there rather than in this process): the
# largest import of the short corpus.
MEASURED_IN_SHORT_RUN = (
    "five-thousand-caseloads.xlsx",
    "far-corner-cell.xls",  # a stray cell at IV65536: a reader that builds the rectangle takes a gigabyte
    "data-row-repeated-a-billion-times.ods",  # 1 KB declaring a billion rows
)

SHORT_CASES = [c for c in CASES if not c.long and c.name not in MEASURED_IN_SHORT_RUN]
ROOT = Path(__file__).resolve().parent.parent


def test_the_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 100 and len({c.name for c in CASES}) == len(CASES)
    imports = [c for c in CASES if isinstance(c.expect, Imports)]
    refused = [c for c in CASES if isinstance(c.expect, Refused)]
    assert len(imports) >= 30 and len(refused) >= 60
    # every sheet of SPEC §5 is both imported and refused somewhere
    from swdesk.importer.sheets import SHEET_NAMES

    for name in SHEET_NAMES:
        assert any(name in c.expect.counts for c in imports), name  # type: ignore[union-attr]
        assert any(w[0] == name for c in refused for w in c.expect.where), name  # type: ignore[union-attr]


# --- the seeded database ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeded_database_file(migrated_database_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the valid workbook of the import tests: staff, caseloads, training and the rest."""
    folder = tmp_path_factory.mktemp("seeded")
    path = folder / "swdesk.sqlite"
    shutil.copyfile(migrated_database_file, path)
    database = open_database(str(path), auto_backup=False)
    try:
        result = import_workbook(database, write_xlsx(folder / "seed.xlsx", seed_sheets()))
        assert result.ok and result.written, [str(p) for p in result.problems]
    finally:
        database.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- what a result must be ----------------------------------------------------------------------------------

# The composite message of an FTE problem: the value's problem, then the hint on how to write an FTE.
_FTE_HINT = message_pair("import.fte_hint")[0]


def _pattern(template: str) -> str:
    out = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        out.append(re.escape(literal))
        if field is not None:
            out.append("(.*?)")
    return "".join(out)


_LATVIAN = [
    re.compile(_pattern(message_pair(key)[0]), re.DOTALL)
    for key in all_keys()
    if key.startswith(("import.", "personal_code.", "duties.month_over"))
]
_ENGLISH = [
    re.compile(_pattern(message_pair(key)[1]), re.DOTALL)
    for key in all_keys()
    if key.startswith(("import.", "personal_code.", "duties.month_over")) and message_pair(key)[0] != message_pair(key)[1]
]
# Words of Python's and the libraries' own (English) exception texts, which must not reach the user.
_LEAKED = re.compile(r"\w*(Error|Exception)\b|Traceback|There is no item|is not|[Cc]annot |[Ii]nvalid ")


def assert_latvian(message: str) -> None:
    text = message[: -len(_FTE_HINT) - 1] if message.endswith(" " + _FTE_HINT) else message
    assert any(p.fullmatch(text) for p in _LATVIAN), f"not a Latvian import message: {message!r}"
    assert not any(p.fullmatch(text) for p in _ENGLISH), f"an English message: {message!r}"
    assert not _LEAKED.search(text), f"an untranslated technical text: {message!r}"


def check_result(
    case: Case, result: dict[str, Any], before: dict[str, Any], after: dict[str, Any], same_file: bool
) -> None:
    """``result`` is ImportResult.as_dict() (the JSON of ``swdesk import --json``)."""
    problems = result["problems"]
    expect = case.expect
    if isinstance(expect, Imports):
        assert problems == [], [f"{p['sheet']} {p['row']} {p['column']}: {p['message']}" for p in problems]
        assert result["written"]
        counts = {name: (c["added"], c["updated"], c["unchanged"]) for name, c in result["sheets"].items()}
        assert counts == expect.counts
        assert len(result["warnings"]) == expect.warnings, result["warnings"]
        changed = any(added + updated for added, updated, _ in expect.counts.values())
        assert (after != before) == changed, "the database does not show what the import reported"
        return
    where = [(p["sheet"] if p["sheet"] is not None else p["file"], p["row"], p["column"]) for p in problems]
    assert where == expect.where, [p["message"][:200] for p in problems]
    assert expect.says in problems[0]["message"], problems[0]["message"][:500]
    for problem in problems:
        assert problem["sheet"] or problem["file"], problem  # every problem has a place
        assert_latvian(problem["message"])
    assert not result["written"]
    assert after == before, "a refused import changed the database"
    assert same_file, "a refused import changed the database file"


# --- every file in this process -----------------------------------------------------------------------------


def _run_in_process(case: Case, seeded: Path, folder: Path) -> tuple[float, Any]:
    paths = case.build(folder)
    database_path = folder / "swdesk.sqlite"
    shutil.copyfile(seeded, database_path)
    digest = _digest(database_path)
    database = open_database(str(database_path), auto_backup=False)
    try:
        before = dump(database)
        start = time.perf_counter()
        result = import_workbook(database, paths)
        seconds = time.perf_counter() - start
        after = dump(database)
        if isinstance(case.expect, Imports) and case.expect.verify is not None:
            with database.read() as session:
                case.expect.verify(session)
    finally:
        database.close()
    check_result(case, result.as_dict(), before, after, _digest(database_path) == digest)
    return seconds, result


@pytest.mark.parametrize("case", SHORT_CASES, ids=[c.name for c in SHORT_CASES])
def test_corpus_file(case: Case, seeded_database_file: Path, tmp_path: Path) -> None:
    seconds, _ = _run_in_process(case, seeded_database_file, tmp_path)
    assert seconds < TIME_LIMIT_S


def test_importing_an_accepted_file_twice_changes_nothing_the_second_time(
    seeded_database_file: Path, tmp_path: Path
) -> None:
    """The messy but valid files are imported for real: a second run finds every row unchanged."""
    case = next(c for c in CASES if c.name == "all-sheets-one-new-row.xlsx")
    paths = case.build(tmp_path)
    database_path = tmp_path / "swdesk.sqlite"
    shutil.copyfile(seeded_database_file, database_path)
    database = open_database(str(database_path), auto_backup=False)
    try:
        first = import_workbook(database, paths)
        after_first = dump(database)
        second = import_workbook(database, paths)
        assert first.written and second.ok
        assert {n: (c.added, c.updated) for n, c in second.counts.items()} == {
            n: (0, 0) for n in first.counts
        }
        assert dump(database) == after_first
    finally:
        database.close()


# --- every file in its own `swdesk import` process: time and peak memory ------------------------------------


def run_measured(case: Case, seeded: Path, folder: Path) -> dict[str, Any]:
    """Import the case's files with ``swdesk import --json`` in a new process; check it as above."""
    paths = case.build(folder)
    database_path = folder / "swdesk.sqlite"
    shutil.copyfile(seeded, database_path)
    digest = _digest(database_path)
    database = open_database(str(database_path), auto_backup=False)
    before = dump(database)
    database.close()
    report = folder / "measure.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    completed = subprocess.run(
        [sys.executable, "-m", "tests.hostile.measure", str(report), str(database_path), *map(str, paths)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    measured = json.loads(report.read_text(encoding="utf-8"))
    result = json.loads(completed.stdout)
    assert measured["exit"] == (0 if isinstance(case.expect, Imports) else 2)
    database = open_database(str(database_path), auto_backup=False)
    try:
        after = dump(database)
        if isinstance(case.expect, Imports) and case.expect.verify is not None:
            with database.read() as session:
                case.expect.verify(session)
    finally:
        database.close()
    check_result(case, result, before, after, _digest(database_path) == digest)
    return measured


@pytest.mark.parametrize("name", MEASURED_IN_SHORT_RUN)
def test_peak_memory_of_an_import_process(name: str, seeded_database_file: Path, tmp_path: Path) -> None:
    measured = run_measured(next(c for c in CASES if c.name == name), seeded_database_file, tmp_path)
    assert measured["seconds"] < TIME_LIMIT_S and measured["peak_mb"] < MEMORY_LIMIT_MB, measured


_MEASUREMENTS: list[tuple[str, str, dict[str, Any]]] = []


@pytest.fixture(scope="module")
def measurements(request: pytest.FixtureRequest) -> Iterator[list[tuple[str, str, dict[str, Any]]]]:
    yield _MEASUREMENTS
    if not _MEASUREMENTS:
        return
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    lines = [f"{'file':<48} {'outcome':<8} {'seconds':>8} {'peak MB':>8}"]
    for name, outcome, measured in _MEASUREMENTS:
        lines.append(f"{name:<48} {outcome:<8} {measured['seconds']:>8.2f} {measured['peak_mb']:>8.1f}")
    refused = sum(1 for _, outcome, _ in _MEASUREMENTS if outcome == "refused")
    slowest = max(_MEASUREMENTS, key=lambda m: m[2]["seconds"])
    biggest = max(_MEASUREMENTS, key=lambda m: m[2]["peak_mb"])
    lines.append(
        f"{len(_MEASUREMENTS)} files: {len(_MEASUREMENTS) - refused} imported, {refused} refused; "
        f"slowest {slowest[0]} {slowest[2]['seconds']:.2f} s; "
        f"largest peak {biggest[0]} {biggest[2]['peak_mb']:.1f} MB"
    )
    capture = request.config.pluginmanager.getplugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # shown at the end of the run, not as captured output
            reporter.write_line("")
            for line in lines:
                reporter.write_line(line)
    report = os.environ.get("SWDESK_HOSTILE_REPORT")
    if report:
        Path(report).write_text("\n".join(lines) + "\n", encoding="utf-8")


_SKIP_LONG = pytest.mark.skip(
    reason="set SWDESK_HOSTILE_LONG=1 (make test-hostile) for every file in a process"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "case",
    CASES if LONG else [pytest.param(None, marks=_SKIP_LONG)],
    ids=[c.name for c in CASES] if LONG else ["all"],
)
def test_corpus_file_in_its_own_process(
    case: Case, seeded_database_file: Path, tmp_path: Path, measurements: list[Any]
) -> None:
    measured = run_measured(case, seeded_database_file, tmp_path)
    outcome = "imports" if isinstance(case.expect, Imports) else "refused"
    measurements.append((case.name, outcome, measured))
    assert measured["seconds"] < TIME_LIMIT_S, measured
    assert measured["peak_mb"] < MEMORY_LIMIT_MB, measured
