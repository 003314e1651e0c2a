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
import shutil
import sqlite3
import tempfile
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


class ForeignDatabaseError(DatabaseError):
    """An SQLite database of another program: refused, left where it is, nothing added to it."""


class DamagedDatabaseError(DatabaseError):
    """The database file is damaged or not a database; it has been moved aside, nothing was written.

    ``backup`` is the newest verified backup that could replace it (None if there is none).
    """

    def __init__(self, message: str, *, original: Path, moved_to: Path, backup: Path | None) -> None:
        super().__init__(message)
        self.original = original
        self.moved_to = moved_to
        self.backup = backup


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


def _tables_and_version(uri: str) -> tuple[set[str], str | None]:
    con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise sqlite3.DatabaseError("; ".join(str(r[0]) for r in rows[:3]))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = None
        if "alembic_version" in tables:
            found = con.execute("SELECT version_num FROM alembic_version").fetchone()
            version = found[0] if found else None
        return tables, version
    finally:
        con.close()


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a whole swdesk database, before anything is written to it.

    Checks, read-only: the SQLite header, ``quick_check``, that an SQLite file with tables is a swdesk
    database, and that a leftover ``-wal`` file belongs to this database. SQLite cannot tell the last:
    it replays any WAL whose own checksums are right, so a stale log from another copy would replace
    pages of this one. A log that belongs only adds transactions to a swdesk database; one that makes
    the swdesk tables disappear does not belong.
    """
    from swdesk.db.models import Base

    with open(path, "rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(tr("db.not_sqlite", path=path))
    try:
        tables, version = _tables_and_version(f"file:{path}?mode=ro")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(tr("db.damaged", path=path, detail=str(exc))) from exc
    ours = set(Base.metadata.tables) | {"alembic_version"}
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        with tempfile.TemporaryDirectory() as folder:
            alone = Path(folder) / "main.sqlite"
            shutil.copyfile(path, alone)
            try:
                tables_alone, version_alone = _tables_and_version(f"file:{alone}")
            except sqlite3.DatabaseError:
                tables_alone, version_alone = set(), None
        if version_alone is not None and (version is None or not (tables_alone & ours) <= tables):
            raise DatabaseError(tr("db.wal_mismatch", path=path, wal=wal.name))
    if tables and not tables & ours:
        raise ForeignDatabaseError(tr("db.foreign", path=path))


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
            try:
                check_sqlite_file(path)
            except ForeignDatabaseError:
                raise
            except DatabaseError as exc:
                raise _set_aside(path, str(exc)) from exc
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


def _set_aside(path: Path, problem: str) -> DamagedDatabaseError:
    """Move a damaged database (and its -wal/-shm) aside, untouched, and find the backup to offer.

    Renaming never changes a byte of the file, so whatever can still be saved from it is still there;
    and the next start does not trip over it again.
    """
    from swdesk.db.backup import newest_verified_backup

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    moved_to = path.with_name(f"{path.name}.bojata-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            os.replace(part, moved_to.with_name(moved_to.name + suffix))
    found = newest_verified_backup(path)
    if found is None:
        advice = tr("db.no_backup")
    else:
        when, backup_path = found
        advice = tr(
            "db.offer_backup",
            when=when.strftime("%d.%m.%Y %H:%M"),
            backup=backup_path,
            command=f'swdesk --db "{path}" restore "{backup_path}"',
        )
    message = tr("db.set_aside", problem=problem, moved_to=moved_to, advice=advice)
    return DamagedDatabaseError(message, original=path, moved_to=moved_to, backup=found[1] if found else None)


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
