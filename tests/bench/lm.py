"""Benchmark of LM's consolidation (issue 12 item 5): 43 surveys under 5 s, 430 files (ten years) under 30 s.

The folder is made from three small demos (tests/lm_corpus.py): 43 municipalities × 10 survey dates
(1 February 2017 … 2026), so the 2026 consolidation reads all 430 workbooks and accepts 43. Each is timed
in this process after the files are written; the result is printed as JSON and the run fails (exit 1) when
a goal is missed.

Run: ``python -m tests.bench.lm [--keep FOLDER]``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

GOALS = {"surveys_43": 5.0, "files_430": 30.0}


def build(folder: Path) -> tuple[Path, Path]:
    from swdesk.db.catalogues import municipalities
    from swdesk.db.database import open_database
    from swdesk.export import write_survey_xlsx
    from swdesk.rules.survey import survey_for_date
    from tests.lm_corpus import SURVEY_DATE, build_databases

    surveys = []
    for path in build_databases(folder):
        database = open_database(path, auto_backup=False)
        with database.read() as session:
            surveys.append(survey_for_date(session, date=SURVEY_DATE))
        database.close()
    one_year, ten_years = folder / "2026", folder / "2017-2026"
    one_year.mkdir()
    ten_years.mkdir()
    for index, name in enumerate(municipalities()):
        for year in range(2017, 2027):
            survey = dataclasses.replace(surveys[index % 3], date=dt.date(year, 2, 1))
            target = ten_years / f"{year}-{index:02d}.xlsx"
            write_survey_xlsx(survey, target, service_name=f"{name} sociālais dienests", municipality=name,
                              prepared=dt.date(year, 2, 10))
            if year == 2026:
                (one_year / target.name).write_bytes(target.read_bytes())
    return one_year, ten_years


def main(argv: list[str] | None = None) -> int:
    from swdesk.lm.survey import consolidate_surveys

    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", type=Path, help="make the files in this folder and keep them")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        one_year, ten_years = build(folder)
        results = {}
        for name, path in (("surveys_43", one_year), ("files_430", ten_years)):
            began = time.perf_counter()
            c = consolidate_surveys(path, date=dt.date(2026, 2, 1))
            seconds = time.perf_counter() - began
            results[name] = {"files": len(c.verdicts), "accepted": c.accepted, "seconds": round(seconds, 2),
                             "goal_s": GOALS[name]}
    print(json.dumps(results, indent=2))
    return 0 if all(r["seconds"] < r["goal_s"] and r["accepted"] == 43 for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
