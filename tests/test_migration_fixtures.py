"""Frozen databases of every released schema revision migrate to the current one with their data intact.

Each ``tests/fixtures/schema/<revision>.sqlite`` was frozen by ``make_fixture.py`` when that revision was
released, with ``<revision>.json`` listing the row count of every table and some key values. Here each is
migrated to the head revision on SQLite (as an office PC would, by opening it) and on PostgreSQL (the
fixture's rows loaded into a database at the fixture's revision, then opened), and checked against its JSON.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Boolean, Date, DateTime, MetaData, create_engine, text

from swdesk.db import backup, migrate
from swdesk.db.database import open_database
from tests.conftest import PG_URL, _reset_postgres
from tests.fixtures.schema.make_fixture import counts, key_values, sqlite_rows

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "schema").glob("*.sqlite"))


# Tables the program seeds from its shipped catalogues where a row is missing: a later release may add rows.
SEEDED = {"position", "education", "work_type", "unit", "duty_category", "salary_scale", "setting"}


def _check_counts(found: dict[str, int], frozen: dict[str, int]) -> None:
    assert {t: n for t, n in found.items() if t not in SEEDED} == {
        t: n for t, n in frozen.items() if t not in SEEDED
    }
    assert all(found[t] >= frozen[t] for t in SEEDED & set(frozen)), (found, frozen)


def _check_values(found: dict[str, object], manifest: dict) -> None:  # type: ignore[type-arg]
    """The frozen key values survived; what later revisions added is there too, and empty where the
    fixture's revision could not hold it (the service's header fields of 0002)."""
    assert {key: found.get(key) for key in manifest["values"]} == manifest["values"]
    if manifest["revision"] < "0002":
        assert found["service_details"] == [None] * 7
    if manifest["revision"] < "0003_planning":  # every event entered before plans existed was done
        assert found["planned_events"] == 0 and found["scenarios"] == []
    if manifest["revision"] < "0004_history":  # imports made before the history: no hash, no user
        assert found["import_log_history"] == [None, None]
    if manifest["revision"] < "0005_staff_terms":  # every employment: one term from its start, today's values
        staff = manifest["counts"]["staff"]
        assert found["staff_terms"] == found["staff_terms_from_start"] == staff
        assert found["staff_terms_newest_as_staff"] == staff
    if manifest["revision"] < "0006_structural_units":  # every unit name anybody had became a unit of the list
        assert found["unit_names"], "the fixture has no unit names to carry over"
        assert found["structural_units"] == [[name, None, None] for name in found["unit_names"]]


def _manifest(fixture: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(fixture.with_suffix(".json").read_text("utf-8"))


def test_every_earlier_revision_has_a_fixture() -> None:
    """Databases of every revision before the head exist in offices; the head's are what every other test makes."""
    frozen = {f.stem for f in FIXTURES}
    earlier = migrate.known_revisions() - {migrate.head_revision()}
    assert earlier <= frozen, "freeze the released revision: python -m tests.fixtures.schema.make_fixture"
    assert frozen, "no frozen fixture at all"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.stem)
def test_a_frozen_sqlite_database_migrates_with_its_data(fixture: Path, tmp_path: Path) -> None:
    manifest = _manifest(fixture)
    copy = tmp_path / "dienests.sqlite"
    shutil.copyfile(fixture, copy)
    database = open_database(str(copy))  # what the program does on an office PC: check, back up, migrate
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    database.close()
    assert backup.integrity_problem(copy) is None
    con = sqlite3.connect(copy)
    rows = sqlite_rows(con)
    _check_counts(counts(rows, list(manifest["counts"])), manifest["counts"])
    _check_values(key_values(rows), manifest)
    con.close()
    if manifest["revision"] != migrate.head_revision():
        assert list((tmp_path / "backups").glob("*.sqlite")), "no backup was made before the migration"


def _load_into_postgres(fixture: Path, url: str, revision: str) -> None:
    """The fixture's rows in a PostgreSQL database at the fixture's revision (as an office server holds it)."""
    _reset_postgres(url)
    engine = create_engine(url)
    migrate.upgrade(engine, revision)
    meta = MetaData()
    meta.reflect(engine)
    source = sqlite3.connect(fixture)
    source.row_factory = sqlite3.Row
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            conn.execute(table.delete())  # catalogue rows the migration seeded give way to the fixture's
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            converters = {}
            for column in table.columns:
                if isinstance(column.type, DateTime):
                    converters[column.name] = dt.datetime.fromisoformat
                elif isinstance(column.type, Date):
                    converters[column.name] = dt.date.fromisoformat
                elif isinstance(column.type, Boolean):
                    converters[column.name] = bool
            rows = [
                {k: (converters[k](v) if v is not None and k in converters else v) for k, v in dict(r).items()}
                for r in source.execute(f'SELECT * FROM "{table.name}"')
            ]
            if rows:
                conn.execute(table.insert(), rows)
            if "id" in table.columns and rows:
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), :n)"),
                    {"n": max(r["id"] for r in rows)},
                )
    source.close()
    engine.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f.stem)
def test_a_frozen_database_migrates_on_postgresql(fixture: Path) -> None:
    if not PG_URL:
        pytest.skip("SWDESK_TEST_PG_URL is not set: no PostgreSQL server for this run")
    manifest = _manifest(fixture)
    _load_into_postgres(fixture, PG_URL, manifest["revision"])
    database = open_database(PG_URL)
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    with database.engine.connect() as conn:
        rows = lambda sql: [tuple(r) for r in conn.exec_driver_sql(sql)]  # noqa: E731
        _check_counts(counts(rows, list(manifest["counts"])), manifest["counts"])
        _check_values(key_values(rows), manifest)
    database.close()
