"""Shared fixtures: a fresh database per test, PostgreSQL when a server is available, offscreen Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reaches the PC's own credential store (Windows Credential Manager, a developer's keyring): a store
# that keeps nothing, unless a test sets one of its own (tests.keyring_backend.keystore).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# The program's data folder (default database, demo database, swdesk.log) is a temporary one for the whole
# run, also for the commands tests start in subprocesses: a test never writes into the user's own.
if "SWDESK_TEST_KEEP_DATA_HOME" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="swdesk-test-data-")
    atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], ignore_errors=True)

from swdesk.db.database import Database, open_database  # noqa: E402
from swdesk.i18n import set_language  # noqa: E402

PG_URL = os.environ.get("SWDESK_TEST_PG_URL")


@pytest.fixture(autouse=True)
def _latvian_messages() -> Iterator[None]:
    set_language("lv")
    yield
    set_language("lv")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "swdesk.sqlite"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A new, migrated SQLite database with the shipped catalogues."""
    database = open_database(str(db_path), auto_backup=False)
    yield database
    database.close()


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """The same test on SQLite and, when SWDESK_TEST_PG_URL names a server, on PostgreSQL."""
    if request.param == "sqlite":
        database = open_database(str(tmp_path / "any.sqlite"), auto_backup=False)
    else:
        if not PG_URL:
            pytest.skip("SWDESK_TEST_PG_URL is not set: no PostgreSQL server for this run")
        _reset_postgres(PG_URL)
        database = open_database(PG_URL, auto_backup=False)
    yield database
    database.close()
