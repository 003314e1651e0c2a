"""Benchmarks on the Rīga demo (`make bench`): each operation beside a floor measured in the same run.

Every operation runs in a fresh child process, a few times; the child reports the median wall time and its
peak resident memory (ru_maxrss, so the figure includes the interpreter and the imports the operation
needs). The results go to ``bench-results.json`` as
``{"operations": {NAME: {"median_s", "peak_mb", "floor", "ratio"}}}`` (floors are operations too, with
``floor`` null) and are printed as a table with the goals of issues 7, 14 and 17 (met: ``ok``, missed:
``MISS``). An operation of parts (a switch through every view) also gets a row per part, ``NAME:PART``, in
the same format, and its line names the slowest part.

A floor is the operation's own work done the fastest way: ``floor_xlsx_claim_cells`` writes exactly the
cells of every sheet of the claim workbook (read back from the claim's own file, so it follows the sheets
the claim gains) with openpyxl's write-only mode and no styles.

Run: ``python -m tests.bench.run [--runs 5] [--only NAME,NAME]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".bench"  # not build/: the packaging build empties that
RESULTS = ROOT / "bench-results.json"

# name: (floor or None, goal in seconds or None, ratio goal or None)
PLAN: dict[str, tuple[str | None, float | None, float | None]] = {
    "floor_bare_window": (None, None, None),
    "floor_sql_aggregates": (None, None, None),
    "floor_xlsx_claim_cells": (None, None, None),
    "floor_xlsx_survey_cells": (None, None, None),
    "gui_startup": ("floor_bare_window", 2.0, 2.0),
    # issue 14: the whole start of a fresh process, as a person waits for it, beside a bare Qt window process
    "floor_bare_window_process": (None, None, None),
    "startup_window_painted": ("floor_bare_window_process", None, 2.0),
    "startup_dashboard_filled": ("floor_bare_window_process", 1.0, None),
    "gui_switch_year": (None, 1.0, None),
    # issue 14 point 4: every view with reloaded data within 0,5 s (a row per view, the slowest named)
    "gui_switch_views": (None, 0.5, None),
    # issue 14 point 4: a year's checks within 0,5 s and 3x the SQL floor; the claim within 2x its openpyxl floor
    "checks_year": ("floor_sql_aggregates", 0.5, 3.0),
    "claim_year_xlsx_pdf": ("floor_xlsx_claim_cells", 3.0, 2.0),
    "survey_xlsx_pdf": ("floor_xlsx_survey_cells", 3.0, None),
    "council_report_pdf": (None, 3.0, None),
    # issue 17: the same import with the change history on, beside it off (at most +20 %)
    "import_10k_caseloads_no_history": (None, None, None),
    "import_10k_caseloads": ("import_10k_caseloads_no_history", 10.0, 1.2),
    # issue 17: the "Izmaiņu vēsture" view's first page (and one person's) on 100 000 changes
    "history_first_page": (None, 1.0, None),
    "plan_scenario": (None, 1.0, None),
}
MEMORY_GOAL_MB = 400


def riga_database() -> Path:
    """The Rīga demo for this year, generated once and reused (it takes ~15 s)."""
    from swdesk.db.database import open_database
    from swdesk.demo import generate_demo

    path = WORK / f"riga-{dt.date.today().isoformat()}.sqlite"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        for old in WORK.glob("riga-*.sqlite*"):
            old.unlink()
        database = open_database(str(path), auto_backup=False)
        generate_demo(database, size="riga", seed=2026)
        database.close()
    return path


def bench_year() -> int:
    return dt.date.today().year - 1


# --- operations: each returns a callable to time (set-up happens before timing) -------------------------------


def op_floor_bare_window(db: Path) -> Callable[[], None]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication([])

    def run() -> None:
        window = QMainWindow()
        window.resize(1366, 768)
        window.show()
        app.processEvents()
        window.close()

    return run


def op_gui_startup(db: Path) -> Callable[[], None]:
    from PySide6.QtWidgets import QApplication

    from swdesk.gui.app import SwdeskApp  # noqa: F401  (imported before timing, like the bare window's Qt)
    from swdesk.gui.bench import open_main_window

    app = QApplication.instance() or QApplication([])

    def run() -> None:
        window = open_main_window(str(db))
        app.processEvents()
        window.close()

    return run


def op_gui_switch_year(db: Path) -> Callable[[], None]:
    from PySide6.QtWidgets import QApplication

    from swdesk.gui.bench import open_main_window, switch_dashboard_year

    app = QApplication.instance() or QApplication([])
    window = open_main_window(str(db))
    years = [bench_year(), bench_year() - 1]

    def run() -> None:
        years.reverse()
        switch_dashboard_year(window, years[0])
        app.processEvents()

    return run


class PartsTimed:
    """An operation made of parts (the views of a switch), each timed on its own: called, it returns the
    slowest part's seconds; ``parts`` keeps every run's seconds of each part, for a row per part."""

    def __init__(self, timed: Callable[[], dict[str, float]]) -> None:
        self.timed = timed
        self.parts: dict[str, list[float]] = {}

    def __call__(self) -> float:
        took = self.timed()
        for part, seconds in took.items():
            self.parts.setdefault(part, []).append(seconds)
        return max(took.values())


def op_gui_switch_views(db: Path) -> Callable[[], float]:
    """The slowest switch to any view, each view reloading its data (as after an edit elsewhere); each
    view's own switch is a row of its own (``gui_switch_views:duties``...)."""
    from PySide6.QtWidgets import QApplication

    from swdesk.gui.bench import open_main_window, switch_through_views

    app = QApplication.instance() or QApplication([])
    window = open_main_window(str(db))

    def timed() -> dict[str, float]:
        took = switch_through_views(window)
        app.processEvents()
        return took

    return PartsTimed(timed)


# A bare PySide6 window in a process of its own: the floor of a whole start (Python, Qt, a 1366×768 window
# painted). It reports the moment as swdesk.gui.startup_probe does: on the next turn after the first paint.
BARE_WINDOW_PROCESS = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (open(sys.argv[1], "w").write(f"painted {time.monotonic()!r}\\n"), app.quit()))
        return False

app = QApplication([])
window = QMainWindow()
window.resize(1366, 768)
probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
app.exec()
"""


def _launch(command: list[str], probe: Path, mark: str) -> float:
    """Seconds from launching ``command`` to the moment it wrote as ``mark`` in ``probe``."""
    probe.unlink(missing_ok=True)
    env = dict(os.environ, SWDESK_STARTUP_PROBE=str(probe), XDG_CONFIG_HOME=str(WORK / "startup-config"))
    start = time.monotonic()  # CLOCK_MONOTONIC: the same clock in the child
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, timeout=120)
    marks = dict(line.split() for line in probe.read_text(encoding="utf-8").splitlines())
    return float(marks[mark]) - start


def op_floor_bare_window_process(db: Path) -> Callable[[], float]:
    probe = WORK / "probe-bare.txt"
    return lambda: _launch([sys.executable, "-c", BARE_WINDOW_PROCESS, str(probe)], probe, "painted")


def _swdesk_start(db: Path, mark: str) -> Callable[[], float]:
    """``python -m swdesk --db RIGA`` launched fresh, with the settings of a first start on this PC (a
    config folder of its own: the dashboard is the view shown) and SWDESK_STARTUP_PROBE set."""
    probe = WORK / f"probe-{mark}.txt"
    return lambda: _launch([sys.executable, "-m", "swdesk", "--db", str(db)], probe, mark)


def op_startup_window_painted(db: Path) -> Callable[[], float]:
    return _swdesk_start(db, "painted")


def op_startup_dashboard_filled(db: Path) -> Callable[[], float]:
    return _swdesk_start(db, "dashboard")


AGGREGATES_SQL = """
WITH period AS (SELECT :start AS lo, :end AS hi)
SELECT s.id,
       (SELECT SUM(COALESCE(c.cases, 0) + COALESCE(c.applications, 0) + COALESCE(c.persons, 0))
          FROM caseload c WHERE c.staff_id = s.id AND c.month BETWEEN (SELECT lo FROM period) AND (SELECT hi FROM period)),
       (SELECT SUM(d.hours) FROM duty d
          WHERE d.staff_id = s.id AND d.date BETWEEN (SELECT lo FROM period) AND (SELECT hi FROM period)),
       (SELECT SUM(t.minutes) FROM training_event t
          WHERE t.staff_id = s.id AND t.date BETWEEN (SELECT lo FROM period) AND (SELECT hi FROM period)),
       s.fte, s.salary, s.education_code, p.is_sds
  FROM staff s JOIN position p ON p.code = s.position_code
"""


def op_floor_sql_aggregates(db: Path) -> Callable[[], None]:
    import sqlite3

    year = bench_year()
    con = sqlite3.connect(db)

    def run() -> None:
        con.execute(AGGREGATES_SQL, {"start": f"{year}-01-01", "end": f"{year}-12-31"}).fetchall()
        con.execute(
            "SELECT month, staff_id, work_type_code, cases, applications, persons FROM caseload "
            "WHERE month BETWEEN ? AND ?",
            (f"{year}-01-01", f"{year}-12-31"),
        ).fetchall()

    return run


def op_checks_year(db: Path) -> Callable[[], None]:
    from swdesk.db.database import open_database
    from swdesk.rules.checks import check_year

    database = open_database(str(db), auto_backup=False)

    def run() -> None:
        with database.read() as session:
            check_year(session, year=bench_year())

    return run


def _claim(db: Path):  # type: ignore[no-untyped-def]
    from swdesk.db.database import open_database
    from swdesk.rules.claim import build_claim
    from swdesk.rules.periods import parse_period

    database = open_database(str(db), auto_backup=False)
    with database.read() as session:
        return build_claim(session, parse_period(str(bench_year())))


def op_claim_year_xlsx_pdf(db: Path) -> Callable[[], None]:
    from swdesk.db.database import open_database
    from swdesk.export import write_claim_pdf, write_claim_xlsx
    from swdesk.rules.claim import build_claim
    from swdesk.rules.periods import parse_period

    database = open_database(str(db), auto_backup=False)

    def run() -> None:
        with database.read() as session:
            claim = build_claim(session, parse_period(str(bench_year())))
        write_claim_xlsx(claim, WORK / "claim.xlsx")
        write_claim_pdf(claim, WORK / "claim.pdf")

    return run


def _dump_write_only(rows: list[list[object]], target: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    for row in rows:
        sheet.append(row)
    book.save(target)


def _trimmed(row: tuple[object, ...]) -> list[object]:
    """A row read back without the empty cells a read-only sheet pads it with on the right."""
    cells = list(row)
    while cells and cells[-1] is None:
        cells.pop()
    return cells


def op_floor_xlsx_claim_cells(db: Path) -> Callable[[], None]:
    """The claim workbook's cells written the fastest way: every sheet the claim writes (Kopsavilkums, Pa
    darbiniekiem, Notikumi, Izslēgtie, Dati — about 390 000 cells on Rīga), each cell's value as the claim's
    own file holds it, with openpyxl's write-only mode and no styles, widths or print set-up. The values are
    read back from the workbook ``write_claim_xlsx`` makes of the same claim (before timing), so the floor
    is the claim's work itself and cannot drift from it when a sheet or a column is added."""
    from openpyxl import Workbook, load_workbook

    from swdesk.export import write_claim_xlsx

    made = WORK / "floor-claim-source.xlsx"
    write_claim_xlsx(_claim(db), made)
    source = load_workbook(made, read_only=True)
    sheets = [(ws.title, [_trimmed(row) for row in ws.iter_rows(values_only=True)]) for ws in source.worksheets]
    source.close()

    def run() -> None:
        book = Workbook(write_only=True)
        for title, rows in sheets:
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        book.save(WORK / "floor-claim.xlsx")

    return run


def _survey(db: Path):  # type: ignore[no-untyped-def]
    from swdesk.db.database import open_database
    from swdesk.rules.survey import survey_for_date

    database = open_database(str(db), auto_backup=False)
    with database.read() as session:
        return survey_for_date(session, date=dt.date(dt.date.today().year, 2, 1))


def op_survey_xlsx_pdf(db: Path) -> Callable[[], None]:
    from swdesk.db.database import open_database
    from swdesk.export import write_survey_pdf, write_survey_xlsx
    from swdesk.rules.survey import survey_for_date

    database = open_database(str(db), auto_backup=False)

    def run() -> None:
        with database.read() as session:
            survey = survey_for_date(session, date=dt.date(dt.date.today().year, 2, 1))
        write_survey_xlsx(survey, WORK / "survey.xlsx")
        write_survey_pdf(survey, WORK / "survey.pdf")

    return run


def op_floor_xlsx_survey_cells(db: Path) -> Callable[[], None]:
    data = _survey(db).to_json()
    rows: list[list[object]] = [[code, *figures.values()] for code, figures in data["positions"].items()]
    rows += [[key, value] for key, value in data["service"].items()]
    rows += [[key, str(value)] for key, value in data["previous_year"].items()]
    return lambda: _dump_write_only(rows, WORK / "floor-survey.xlsx")


def op_council_report_pdf(db: Path) -> Callable[[], None]:
    from swdesk.db.database import open_database
    from swdesk.export import report_for_year, write_report_pdf

    database = open_database(str(db), auto_backup=False)

    def run() -> None:
        with database.read() as session:
            report = report_for_year(session, year=bench_year())
        write_report_pdf(report, WORK / "report.pdf")

    return run


def caseload_workbook(db: Path, rows: int = 10_000) -> Path:
    """A Lietas sheet of ``rows`` new rows for existing staff, as a head would paste it."""
    import sqlite3

    from openpyxl import Workbook

    target = WORK / f"lietas-{rows}.xlsx"
    if target.exists():
        return target
    con = sqlite3.connect(db)
    numbers = [r[0] for r in con.execute("SELECT tabeles_nr FROM staff ORDER BY id")]
    con.close()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Lietas")
    sheet.append(
        [
            "Tabeles nr.",
            "Mēnesis",
            "Darba veids",
            "Lietu skaits",
            "Iesniegumu skaits",
            "Apkalpoto personu skaits",
        ]
    )
    work_types = ["GAD", "GVAD", "PIRMR", "GRUPA", "KRIZE", "KOP", "SPA"]
    n = 0
    for month in range(1, 13):
        for nr in numbers:
            for wt in work_types:
                if n == rows:
                    break
                # 2000s: a year no demo data touches, so every row is new
                sheet.append([nr, f"{month:02d}.2000", wt, (n % 40) + 1, None, None])
                n += 1
    book.save(target)
    return target


def op_import_10k_caseloads(db: Path) -> Callable[[], None]:
    import shutil

    from swdesk.db.database import open_database
    from swdesk.importer.importer import import_workbook

    workbook = caseload_workbook(db)
    copy = WORK / "import-target.sqlite"

    def run() -> None:
        shutil.copyfile(db, copy)
        database = open_database(str(copy), auto_backup=False)
        result = import_workbook(database, [workbook])
        assert not result.problems, result.problems[:3]
        database.close()

    return run


def op_import_10k_caseloads_no_history(db: Path) -> Callable[[], None]:
    from swdesk.db import history

    history.set_recording(False)
    return op_import_10k_caseloads(db)


HISTORY_CHANGES = 100_000


def history_database(db: Path) -> Path:
    """The Rīga demo with 100 000 changes in its history: 2 000 saves of 50 caseload figures each."""
    import datetime as dt
    import shutil
    import sqlite3

    target = WORK / f"history-{HISTORY_CHANGES}-{db.stem}.sqlite"
    if target.exists():
        return target
    from swdesk.db.database import open_database

    building = target.with_suffix(".building")  # renamed when whole: a failed build is not reused
    shutil.copyfile(db, building)
    open_database(str(building), auto_backup=False).close()  # migrated: the history's tables are there
    con = sqlite3.connect(building)
    caseloads = con.execute("SELECT id, staff_id, cases FROM caseload WHERE cases IS NOT NULL ORDER BY id").fetchall()
    start = dt.datetime(2025, 1, 1, 8, 0)
    sets, changes, n = [], [], 0
    for set_id in range(1, HISTORY_CHANGES // 50 + 1):
        at = start + dt.timedelta(hours=set_id)
        sets.append((set_id, at.isoformat(sep=" "), f"user{set_id % 7}", "režģis:Lietas" if set_id % 3 else "imports"))
        for _ in range(50):
            caseload_id, staff_id, cases = caseloads[n % len(caseloads)]
            changes.append((set_id, "caseload", str(caseload_id), staff_id, "cases", "change", str(cases), str(cases + 1)))
            n += 1
    con.executemany("INSERT INTO change_set (id, at, os_user, through) VALUES (?, ?, ?, ?)", sets)
    con.executemany(
        "INSERT INTO change (change_set_id, record_kind, record_key, staff_id, field, op, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        changes,
    )
    con.commit()
    con.close()
    building.replace(target)
    return target


def op_history_first_page(db: Path) -> Callable[[], None]:
    """What the history view asks when it opens, and when one person is chosen: a page each."""
    from sqlalchemy import text

    from swdesk.db.database import open_database
    from swdesk.records import history

    database = open_database(str(history_database(db)), auto_backup=False)
    with database.read() as session:
        person = session.execute(text("SELECT tabeles_nr FROM staff WHERE id = (SELECT MIN(staff_id) FROM change)")).scalar()

    def run() -> None:
        with database.read() as session:
            assert len(history.find(session)) == history.PAGE
            assert history.find(session, person=person)
            history.find(session, through="imports", since=dt.date(2025, 3, 1))

    return run


def op_plan_scenario(db: Path) -> Callable[[], None]:
    """Issue 13: one scenario beside today (both computed: the checks twice, the cost twice), from the database."""
    from swdesk import planning
    from swdesk.db.database import open_database

    database = open_database(str(db), auto_backup=False)
    with database.read() as session:
        name = planning.list_scenarios(session)[0].name  # the demo's scenarios

    def run() -> None:
        with database.read() as session:
            planning.compare_scenarios(session, [name], year=bench_year())

    return run


OPERATIONS: dict[str, Callable[[Path], Callable[[], object]]] = {name: globals()[f"op_{name}"] for name in PLAN}


def child(name: str, db: Path, runs: int) -> None:
    run = OPERATIONS[name](db)
    run()  # warm-up: caches, lazy imports, the first page of the file
    if isinstance(run, PartsTimed):
        run.parts.clear()  # the warm-up's parts do not count, as its whole does not
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        measured = run()  # an operation that times its own part returns the seconds
        times.append(measured if isinstance(measured, float) else time.perf_counter() - start)
    # a start-up row's own process is a child: its peak counts (RUSAGE_CHILDREN is the largest waited-for child)
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    report: dict[str, object] = {"median_s": statistics.median(times), "peak_mb": round(peak_mb, 1)}
    if isinstance(run, PartsTimed):
        report["parts"] = {part: statistics.median(seconds) for part, seconds in run.parts.items()}
    print(json.dumps(report))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="comma-separated operation names")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child:
        child(args.child, args.db, args.runs)
        return 0

    db = riga_database()
    wanted = args.only.split(",") if args.only else list(PLAN)
    results: dict[str, dict[str, object]] = {}
    failed = []
    for name in wanted:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.bench.run",
                "--child",
                name,
                "--db",
                str(db),
                "--runs",
                str(args.runs),
            ],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        if proc.returncode != 0:
            failed.append(name)
            print(f"{name}: FAILED\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        measured = json.loads(proc.stdout.strip().splitlines()[-1])
        floor = PLAN[name][0]
        results[name] = {
            "median_s": round(measured["median_s"], 4),
            "peak_mb": measured["peak_mb"],
            "floor": floor,
            "ratio": None,
        }
        # an operation of parts: a row per part ("gui_switch_views:duties"), measured in the same process
        for part, seconds in measured.get("parts", {}).items():
            results[f"{name}:{part}"] = {"median_s": round(seconds, 4), "peak_mb": measured["peak_mb"],
                                         "floor": None, "ratio": None}
    for result in results.values():
        floor = result["floor"]
        if floor in results:
            result["ratio"] = round(result["median_s"] / max(results[floor]["median_s"], 1e-6), 2)  # type: ignore[operator]
    RESULTS.write_text(json.dumps({"operations": results}, indent=2) + "\n", encoding="utf-8")

    print(f"{'operation':<26}{'median s':>10}{'peak MB':>10}{'ratio':>8}  floor / goal")
    for name, r in results.items():
        _, goal_s, goal_ratio = PLAN[name.partition(":")[0]]  # a part has its whole's goal
        verdict = []
        if goal_s is not None:
            verdict.append(("ok" if r["median_s"] <= goal_s else "MISS") + f" <{goal_s}s")  # type: ignore[operator]
        if goal_ratio is not None and r["ratio"] is not None:
            verdict.append(("ok" if r["ratio"] <= goal_ratio else "MISS") + f" <{goal_ratio}x")  # type: ignore[operator]
        if r["peak_mb"] > MEMORY_GOAL_MB:  # type: ignore[operator]
            verdict.append(f"MISS memory <{MEMORY_GOAL_MB}MB")
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        parts = {key.partition(":")[2]: results[key]["median_s"] for key in results if key.startswith(f"{name}:")}
        if parts:
            slowest = max(parts, key=parts.__getitem__)  # type: ignore[arg-type]
            verdict.append(f"(slowest: {slowest})")
        shown = f"  {name.partition(':')[2]}" if ":" in name else name  # a part indented under its whole
        print(
            f"{shown:<26}{r['median_s']:>10.3f}{r['peak_mb']:>10.1f}{ratio:>8}  {r['floor'] or ''} {' '.join(verdict)}"
        )
    print(f"\nwritten to {RESULTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
