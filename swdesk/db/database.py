"""Opening the database safely: location, SQLite pragmas, checks, schema version, migrations.

One :class:`Database` object per open database. Every write goes through :meth:`Database.write`, one
transaction that commits entirely or not at all. On SQLite a write transaction starts with
``BEGIN IMMEDIATE``, so a second process that wants to write waits (``busy_timeout``) instead of failing
half-way; SQLite's own locks are released by the operating system when a process dies, so a crashed
program never leaves a lock behind.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from swdesk.i18n import tr

APP_NAME = "swdesk"
BUSY_TIMEOUT_MS = 15_000
SQLITE_HEADER = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is for the user (exit status 3)."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer version of the program."""


def default_db_path() -> Path:
    """The database in the user's data folder (e.g. %LOCALAPPDATA%\\swdesk on Windows)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "swdesk.sqlite"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db`` (a path or a URL), else ``SWDESK_DB``, else the default file."""
    target = db or os.environ.get("SWDESK_DB") or str(default_db_path())
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _on_sqlite_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy (not pysqlite) decide where transactions begin, so BEGIN IMMEDIATE is possible.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA foreign_keys = ON")
    # FULL: a transaction reported as committed survives a power cut, not only a crash.
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _on_sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    write = conn.get_execution_options().get("swdesk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a whole SQLite database, before anything is written to it."""
    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(tr("db.not_sqlite", path=path))
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(tr("db.damaged", path=path, detail=str(exc))) from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:3])
        raise DatabaseError(tr("db.damaged", path=path, detail=detail))


@dataclass
class OpenReport:
    """What happened while opening: shown by the CLI and the GUI's status bar."""

    created: bool = False
    migrated_from: str | None = None
    backup: Path | None = None


class Database:
    """An open swdesk database."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.path = sqlite_path(url)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        self.report = OpenReport()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_location(self) -> str:
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything done in the block is committed together, or nothing is."""
        session = self._sessions()
        try:
            session.connection(execution_options={"swdesk_write": True})
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only view of one consistent snapshot."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def close(self) -> None:
        self.engine.dispose()


def open_database(
    db: str | None = None,
    *,
    auto_backup: bool = True,
    today: dt.date | None = None,
) -> Database:
    """Open (creating if needed) and migrate the database; raise :class:`DatabaseError` if it cannot be.

    Order matters: the file is checked and its schema version compared before anything is written, a
    daily backup is taken before a migration can touch it, and a migration always has a backup of its own.
    """
    from swdesk.db import backup as backups
    from swdesk.db import migrate
    from swdesk.db.catalogues import ensure_catalogues

    url = resolve_url(db)
    path = sqlite_path(url)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    if path is not None:
        if existed:
            check_sqlite_file(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = make_engine(url)
        database = Database(url, engine)
        current = migrate.current_revision(engine)
    except DatabaseError:
        raise
    except Exception as exc:  # driver errors: unreachable server, bad credentials, locked file
        raise DatabaseError(tr("db.cannot_open", location=url_for_humans(url), detail=str(exc))) from exc
    migrate.refuse_newer(current)

    if existed and path is not None and auto_backup:
        database.report.backup = backups.daily_backup(path, today=today)
    if current != migrate.head_revision():
        if existed and path is not None:
            backups.backup_file(path, backups.backup_dir(path), prefix="pirms-migracijas")
        has_tables = bool(inspect(engine).get_table_names())
        migrate.upgrade(engine)
        database.report.migrated_from = current if has_tables else None
        database.report.created = current is None
    with database.write() as session:
        ensure_catalogues(session)
    return database


def url_for_humans(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else make_url(url).render_as_string(hide_password=True)


def table_counts(database: Database) -> dict[str, int]:
    """Row counts per table: what `swdesk` prints after opening and what tests compare."""
    from swdesk.db.models import Base

    with database.read() as s:
        return {
            name: s.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
            for name in Base.metadata.tables
        }
