"""Opening the database safely: location, SQLite pragmas, checks, schema version, migrations.

One :class:`Database` object per open database. Every write goes through :meth:`Database.write`, one
transaction that commits entirely or not at all. On SQLite a write transaction starts with
``BEGIN IMMEDIATE``, so a second process that wants to write waits (``busy_timeout``) instead of failing
half-way; SQLite's own locks are released by the operating system when a process dies, so a crashed
program never leaves a lock behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from swdesk.i18n import tr

APP_NAME = "swdesk"
BUSY_TIMEOUT_MS = 15_000
SQLITE_HEADER = b"SQLite format 3\x00"
# Room a start needs besides the database: the log files (-wal, -shm) and a migration; the daily backup
# needs as much again as the database itself.
MIN_FREE_BYTES = 2 * 1024 * 1024
SCHEMA_SCAN_BYTES = 1024 * 1024

# SQLite's primary result codes (sqlite.org/rescode.html) that say the file cannot be reached now, which
# is not damage: such a file is explained and left where it is, never set aside.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 3, 5, 6, 8, 10
SQLITE_FULL, SQLITE_CANTOPEN = 13, 14


class DatabaseError(Exception):
    """The database cannot be opened or used; the message is for the user (exit status 3)."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer version of the program."""


class ForeignDatabaseError(DatabaseError):
    """An SQLite database of another program: refused, left where it is, nothing added to it."""


class UnavailableDatabaseError(DatabaseError):
    """The database cannot be reached or written now (a folder, no permission, read-only, disk full, locked,
    a disk error): explained, and the file is left exactly where and as it is — it is not damaged."""


class NotSwdeskFileError(DatabaseError):
    """A file that is not recognisably a swdesk database (a workbook, a PDF, text, an empty file…): refused,
    left exactly as it was."""


class SetAsideError(UnavailableDatabaseError):
    """A damaged database was set aside at this path before; no empty one is started in its place silently."""

    def __init__(
        self,
        message: str,
        *,
        set_aside: Path,
        backup: Path | None = None,
        backup_time: dt.datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.set_aside = set_aside
        self.backup = backup  # the newest verified backup of this same database, if any
        self.backup_time = backup_time


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
    from swdesk.db import data_folder

    return data_folder() / "swdesk.sqlite"


def _sqlite_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of a driver error (also wrapped in SQLAlchemy's), else None."""
    original = getattr(exc, "orig", None) or exc
    code = getattr(original, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _size(n: int) -> str:
    from decimal import Decimal

    from swdesk.formats import fmt_number  # one number format for the whole program

    return f"{fmt_number(Decimal(n) / (1024 * 1024), 1)} MB"


def _can_write_in(folder: Path) -> OSError | None:
    """None when a file can be made in ``folder`` (an unnamed temporary one, gone at once), else the error."""
    try:
        tempfile.TemporaryFile(dir=folder).close()
    except OSError as exc:
        return exc
    return None


def access_problem(exc: BaseException, path: Path) -> UnavailableDatabaseError | None:
    """The sentence for an error that says ``path`` cannot be reached or written now — a folder, no
    permission, a read-only folder or file, a full disk, a lock held by another program, a failing disk.
    None for anything else. None of these is damage: the file stays where it is, untouched."""
    folder = path.parent
    if isinstance(exc, OSError):
        code = exc.errno
        if code == errno.EISDIR:
            return UnavailableDatabaseError(tr("db.is_folder", path=path, example=path / "swdesk.sqlite"))
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return _write_problem(path)
        if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return UnavailableDatabaseError(tr("db.disk_full_now", folder=folder))
        if code == errno.ENOENT and not folder.exists():
            return UnavailableDatabaseError(tr("db.no_folder", folder=folder, path=path))
        if code == errno.EIO:
            return UnavailableDatabaseError(tr("db.io_error", path=path, detail=exc.strerror or exc))
        return None
    code = _sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return UnavailableDatabaseError(tr("db.busy", path=path, seconds=BUSY_TIMEOUT_MS // 1000))
    if code == SQLITE_FULL:
        return UnavailableDatabaseError(tr("db.disk_full_now", folder=folder))
    if code in (SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN):
        return _write_problem(path)
    if code == SQLITE_IOERR:
        # a write the disk had no room for often comes back as an I/O error (the log or its index grew)
        if _nearly_full(folder):
            return UnavailableDatabaseError(tr("db.disk_full_now", folder=folder))
        return UnavailableDatabaseError(tr("db.io_error", path=path, detail=getattr(exc, "orig", exc)))
    return None


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < MIN_FREE_BYTES
    except OSError:
        return False


def _write_problem(path: Path) -> UnavailableDatabaseError:
    """Which of "no permission on the file", "read-only file" and "read-only folder" it is."""
    try:
        with open(path, "rb"):
            pass
    except FileNotFoundError:
        pass
    except OSError:
        return UnavailableDatabaseError(tr("db.no_permission", path=path))
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except OSError as exc:
            if exc.errno == errno.EROFS:
                return UnavailableDatabaseError(tr("db.read_only_folder", folder=path.parent))
            if not os.stat(path).st_mode & 0o222:
                return UnavailableDatabaseError(tr("db.read_only_file", path=path))
            return UnavailableDatabaseError(tr("db.no_permission", path=path))
    return UnavailableDatabaseError(tr("db.read_only_folder", folder=path.parent))


def own_data_folder() -> Path:
    """swdesk's folder in the user's data folder: the only folder the program creates by itself."""
    return default_db_path().parent


# Endings of the files a head keeps beside the database; a new database is never made under such a name.
DOCUMENT_SUFFIXES = frozenset(
    {".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".txt", ".pdf", ".doc", ".docx", ".odt", ".zip"}
)


def preflight(path: Path) -> None:
    """Refuse, before anything is read or written, a path where no database can be kept.

    A folder, a missing folder (only swdesk's own data folder is created), a special file, a file that
    cannot be read or written, a folder where the log files cannot be made, a disk without room: each is a
    :class:`DatabaseError` with a sentence that says what to do, and nothing on the disk is changed.
    """
    if path.is_dir():
        raise UnavailableDatabaseError(tr("db.is_folder", path=path, example=path / "swdesk.sqlite"))
    folder = path.parent
    if not folder.exists():
        if folder.resolve() != own_data_folder().resolve():
            raise UnavailableDatabaseError(tr("db.no_folder", folder=folder, path=path))
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise (
                access_problem(exc, path)
                or UnavailableDatabaseError(tr("db.no_folder", folder=folder, path=path))
            ) from exc
    elif not folder.is_dir():
        raise UnavailableDatabaseError(tr("db.folder_is_file", folder=folder, path=path))
    size = 0
    if not path.exists() and path.suffix.lower() in DOCUMENT_SUFFIXES:
        # `--db dati.xlsx` for a workbook not (yet) there is a slip for `import`, never a new database
        raise UnavailableDatabaseError(
            tr("db.new_named_as_document", path=path, suffix=path.suffix, example=path.with_suffix(".sqlite"))
        )
    if path.exists():
        if not path.is_file():
            raise UnavailableDatabaseError(tr("db.not_regular", path=path))
        size = path.stat().st_size
        try:  # readable is enough: a read-only file serves the commands that only read (check, a dry run);
            with open(path, "rb"):  # a write to it is refused with its own sentence (access_problem)
                pass
        except OSError as exc:
            raise (access_problem(exc, path) or _write_problem(path)) from exc
    failed = _can_write_in(folder)
    if failed is not None:
        raise (
            access_problem(failed, path) or UnavailableDatabaseError(tr("db.read_only_folder", folder=folder))
        ) from failed
    free = shutil.disk_usage(folder).free
    needed = MIN_FREE_BYTES + size
    if free < needed:
        raise UnavailableDatabaseError(
            tr("db.disk_full", folder=folder, free=_size(free), needed=_size(needed))
        )


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db`` (a path or a URL), else ``SWDESK_DB``, else the default file."""
    if db is not None and not db.strip():
        raise UnavailableDatabaseError(tr("db.empty_path"))
    target = db or os.environ.get("SWDESK_DB") or str(default_db_path())
    if "://" in target:
        _parse_url(target)  # a URL that cannot be read is said now, with its password hidden
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def _parse_url(url: str) -> URL:
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
        parsed.get_backend_name()
        _ = parsed.port  # a port that is not a number fails here
    except (ArgumentError, ValueError) as exc:
        raise UnavailableDatabaseError(
            tr("db.bad_url", url=mask_url(url), detail=mask_url(str(exc)))
        ) from exc
    return parsed


_PASSWORD_IN_AUTHORITY = re.compile(
    r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<user>[^:/@\s]*):(?P<secret>[^\s/]*)@"
)
_PASSWORD_IN_QUERY = re.compile(r"(?i)(?P<key>[?&;](?:password|passwd|pwd|pass|sslpassword)=)[^&;\s]*")


def mask_url(text: str, url: str | None = None) -> str:
    """``text`` with every password of a database URL in it replaced by ``***``: ``user:secret@host``
    (also a secret holding an unencoded ``@``: everything up to the last ``@`` before the path) and
    ``?password=…`` in the query. With ``url``, also every piece of that URL's password that a driver's
    message may quote (a host name made of its tail). Used wherever a URL is shown or logged."""
    found = []
    if url is not None:
        found += [m["secret"] for m in _PASSWORD_IN_AUTHORITY.finditer(url)]
        found += [m.group(0).split("=", 1)[1] for m in _PASSWORD_IN_QUERY.finditer(url)]
    text = _PASSWORD_IN_AUTHORITY.sub(lambda m: f"{m['scheme']}{m['user']}:***@", text)
    text = _PASSWORD_IN_QUERY.sub(lambda m: f"{m['key']}***", text)
    pieces = {piece for secret in found for piece in (secret, *secret.split("@")) if len(piece) >= 3}
    for piece in sorted(pieces, key=len, reverse=True):
        text = text.replace(piece, "***")
    return text


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None for another database or an in-memory one."""
    parsed = _parse_url(url)
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


# A write that finds another program writing waits up to BUSY_TIMEOUT_MS. After FIRST_WAIT_MS, and then
# every WAIT_STEP_MS, ``waiting_notice(seconds waited)`` is called (the command line says once that it is
# waiting; the window shows it with a Cancel button); when it returns False the write is given up
# (:class:`WriteCancelled`), nothing written.
FIRST_WAIT_MS = 1000
WAIT_STEP_MS = 250
waiting_notice: Callable[[float | None], bool] | None = None  # None: the wait is over


class WriteCancelled(UnavailableDatabaseError):
    """The person stopped waiting for another program's write; nothing was written."""


def _on_sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    import time

    write = conn.get_execution_options().get("swdesk_write", False)
    if not write:
        conn.exec_driver_sql("BEGIN")  # readers never wait for writers (WAL)
        return
    raw = conn.connection.dbapi_connection
    started = time.monotonic()
    step = FIRST_WAIT_MS
    try:
        while True:
            raw.execute(f"PRAGMA busy_timeout = {step}")
            try:
                raw.execute("BEGIN IMMEDIATE")
                if waiting_notice is not None and step != FIRST_WAIT_MS:
                    waiting_notice(None)
                return
            except _operational_errors() as exc:
                if _sqlite_code(exc) not in (SQLITE_BUSY, SQLITE_LOCKED):
                    raise
                waited = time.monotonic() - started
                if waited * 1000 >= BUSY_TIMEOUT_MS:
                    if waiting_notice is not None:
                        waiting_notice(None)
                    raise
                if waiting_notice is not None and not waiting_notice(waited):
                    waiting_notice(None)
                    raise WriteCancelled(tr("db.write_cancelled")) from exc
                step = min(WAIT_STEP_MS, max(BUSY_TIMEOUT_MS - int(waited * 1000), 1))
    finally:
        raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _operational_errors() -> tuple[type[Exception], ...]:
    """sqlite3's, and SQLCipher's once it is loaded (an encrypted database's connections are SQLCipher's)."""
    import sys

    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.OperationalError,) + ((cipher.OperationalError,) if cipher else ())


def _database_errors() -> tuple[type[Exception], ...]:
    import sys

    cipher = sys.modules.get("sqlcipher3.dbapi2")
    return (sqlite3.DatabaseError,) + ((cipher.DatabaseError,) if cipher else ())


def _has_sqlite_header(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def make_engine(url: str, key: str | None = None) -> Engine:
    """The engine of ``url``; with ``key``, an SQLCipher database: every connection is SQLCipher's, keyed
    before anything else is read (SQLAlchemy's own SQLite dialect over the ``sqlcipher3`` module, so the
    pool, WAL, the busy timeout and BEGIN IMMEDIATE stay exactly as for a plain file)."""
    if key is not None:
        from sqlcipher3 import dbapi2

        from swdesk.db import encryption

        path = sqlite_path(url)

        def keyed():  # type: ignore[no-untyped-def]
            return encryption.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

        engine = create_engine(url, module=dbapi2, creator=keyed)
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _inspect(uri: str, key: str | None = None) -> tuple[set[str], str | None, int]:
    """Tables, Alembic revision and identity (``user_version``) of a database that passes ``quick_check``."""
    if key is None:
        con = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    else:
        from swdesk.db import encryption

        con = encryption.connect(uri, key, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        rows = con.execute("PRAGMA quick_check").fetchall()
        if rows != [("ok",)]:
            raise _database_errors()[-1]("; ".join(str(r[0]) for r in rows[:3]))
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        version = None
        if "alembic_version" in tables:
            found = con.execute("SELECT version_num FROM alembic_version").fetchone()
            version = found[0] if found else None
        identity = con.execute("PRAGMA user_version").fetchone()[0]
        return tables, version, int(identity)
    finally:
        con.close()


def check_sqlite_file(path: Path, key: str | None = None) -> Path | None:
    """Refuse a file that is not a whole swdesk database, before anything is written to it.

    Checks, read-only: the SQLite header, a size that is a whole number of pages, ``quick_check``, and that
    an SQLite file with tables is a swdesk database. A leftover ``-wal`` file is checked first, on copies:
    SQLite replays any log whose own checksums are right, so a stale log of another database would be
    merged into this one. A log that belongs only adds transactions; one that changes the database's
    identity (``PRAGMA user_version``, a random number swdesk gives each database), makes its tables
    disappear or breaks a database that is sound without it does not belong: the log (never the database)
    is set aside, and its new name returned. An encrypted database (``key``) has no readable header: the
    same checks run through SQLCipher (its pages are 4096 bytes).
    """
    from swdesk.db.models import Base

    with open(path, "rb") as fh:
        header = fh.read(100)
    if key is not None:
        page_size = 4096
    elif header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise DatabaseError(tr("db.not_sqlite", path=path))
    else:
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
    if page_size >= 512 and path.stat().st_size % page_size:
        raise DatabaseError(tr("db.damaged", path=path, detail=tr("db.partial_page", page=page_size)))
    ours = set(Base.metadata.tables) | {"alembic_version"}
    wal = path.with_name(path.name + "-wal")
    set_aside = None
    if wal.exists() and wal.stat().st_size > 0 and not _wal_belongs(path, wal, ours, key):
        set_aside = _set_wal_aside(path)
    try:
        tables, _version, _identity = _inspect(f"file:{path}?mode=ro", key)
    except _database_errors() as exc:
        # locked, read-only, unreadable: explained, never taken for damage (nothing is set aside)
        raise (
            access_problem(exc, path) or DatabaseError(tr("db.damaged", path=path, detail=str(exc)))
        ) from exc
    if tables and not tables & ours:
        raise ForeignDatabaseError(tr("db.foreign", path=path))
    return set_aside


def _wal_belongs(path: Path, wal: Path, ours: set[str], key: str | None = None) -> bool:
    """Whether the log ``wal`` belongs to the database ``path``, judged on copies of both."""
    with tempfile.TemporaryDirectory() as folder:
        alone = Path(folder) / "alone.sqlite"
        both = Path(folder) / "both.sqlite"
        shutil.copyfile(path, alone)
        shutil.copyfile(path, both)
        shutil.copyfile(wal, Path(folder) / "both.sqlite-wal")
        try:
            tables_alone, _, identity_alone = _inspect(f"file:{alone}", key)
        except _database_errors():
            return True  # damaged without its log: the log may hold the good pages; the main check decides
        try:
            tables_both, _, identity_both = _inspect(f"file:{both}", key)
        except _database_errors():
            return False  # sound alone, damaged with the log
    if identity_alone and identity_both and identity_alone != identity_both:
        return False
    return (tables_alone & ours) <= tables_both


def _set_wal_aside(path: Path) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}-wal.cits-{stamp}")
    os.replace(path.with_name(path.name + "-wal"), target)
    shm = path.with_name(path.name + "-shm")
    if shm.exists():
        os.replace(shm, path.with_name(f"{path.name}-shm.cits-{stamp}"))
    return target


@dataclass
class OpenReport:
    """What happened while opening: shown by the CLI and the GUI's status bar."""

    created: bool = False
    migrated_from: str | None = None
    backup: Path | None = None
    # said, but not stopping the work: a daily backup that failed, a foreign log file set aside
    warnings: list[str] = field(default_factory=list)


class Database:
    """An open swdesk database."""

    def __init__(self, url: str, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.path = sqlite_path(url)
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)
        from swdesk.db import history  # (imports the models: loaded with the database, not before)

        history.install(self._sessions)  # every ORM write is recorded with who and through what (issue 17)
        self.report = OpenReport()
        # SQLite: the database's identity (PRAGMA user_version), written again by every write transaction,
        # so that every log (-wal) swdesk writes carries it and a log of another database is recognised
        self.identity = 0
        self.key: str | None = None  # SQLCipher's key of an encrypted database (swdesk.db.encryption)

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_location(self) -> str:
        return str(self.path) if self.path else url_for_humans(self.url)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything done in the block is committed together, or nothing is."""
        session = self._sessions()
        try:
            connection = session.connection(execution_options={"swdesk_write": True})
            if self.identity:
                connection.exec_driver_sql(f"PRAGMA user_version = {int(self.identity)}")
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
    start_fresh: bool = False,
) -> Database:
    """Open (creating if needed) and migrate the database; raise :class:`DatabaseError` if it cannot be.

    Order matters: the file is checked and its schema version compared before anything is written, a
    daily backup is taken before a migration can touch it, and a migration always has a backup of its own.
    Where a damaged database was set aside, no empty one takes its place unless ``start_fresh`` says so
    (the window asks; the command line says where the set-aside file is).
    """
    url = resolve_url(db)
    path = sqlite_path(url)
    existed = path is not None and path.exists() and path.stat().st_size > 0
    warnings = []
    key = None
    if path is not None:
        preflight(path)
        if existed and not _has_sqlite_header(path):
            # an encrypted database: its key, or a sentence (a missing or wrong key is never damage)
            from swdesk.db import encryption

            key = encryption.key_for(path)
            warnings += encryption.recovered
            encryption.recovered.clear()
        from swdesk.db import encryption as known_files

        known_files.remember(path, key)
        if existed:
            try:
                wal_aside = check_sqlite_file(path, key)
            except (ForeignDatabaseError, UnavailableDatabaseError):
                raise
            except DatabaseError as exc:
                # only what is recognisably a swdesk database is set aside; a workbook named by mistake,
                # a PDF, a text file are refused and left exactly as they are
                if not _recognisably_ours(path):
                    raise NotSwdeskFileError(
                        tr("db.not_swdesk_file", path=path, kind=describe_file(path))
                    ) from exc
                raise _set_aside(path, str(exc)) from exc
            if wal_aside is not None:
                warnings.append(tr("db.wal_set_aside", path=path, wal=wal_aside))
        elif not path.exists() and not start_fresh and (aside := set_aside_copies(path)):
            from swdesk.db.backup import newest_verified_backup

            own = newest_verified_backup(path)
            raise SetAsideError(
                _set_aside_message(path, aside[0]),
                set_aside=aside[0],
                backup=own[1] if own else None,
                backup_time=own[0] if own else None,
            )
        elif path.exists() and not _in_own_data_folder(path):
            from swdesk.db.backup import backup_dir, list_backups

            if list_backups(backup_dir(path), of=path):
                raise _set_aside(path, tr("db.empty_with_backup", path=path))
            raise NotSwdeskFileError(tr("db.not_swdesk_file", path=path, kind=tr("db.kind.empty")))
    made = [] if path is None else [p for p in _database_files(path) if not p.exists()]
    try:
        database = _open_checked(url, path, existed=existed, auto_backup=auto_backup, today=today, key=key)
        database.report.warnings[:0] = warnings
        return database
    except BaseException as exc:
        # what this start made (a new database, its log files) goes again: a failed start changes nothing
        for part in made:
            part.unlink(missing_ok=True)
        if isinstance(exc, DatabaseError) or not isinstance(exc, Exception) or path is None:
            raise
        from swdesk.db.backup import BackupError

        problem = access_problem(exc, path)
        if problem is not None:
            raise problem from exc
        if isinstance(exc, BackupError):
            raise
        raise DatabaseError(
            tr("db.cannot_open", location=url_for_humans(url), detail=driver_detail(exc, url))
        ) from exc


def _in_own_data_folder(path: Path) -> bool:
    return path.resolve().parent == own_data_folder().resolve()


def _recognisably_ours(path: Path) -> bool:
    """A swdesk database, though damaged: in swdesk's own data folder, with backups of its own beside it,
    or a file whose schema text still creates swdesk's tables."""
    from swdesk.db.backup import backup_dir, list_backups
    from swdesk.db.models import Base

    if _in_own_data_folder(path) or list_backups(backup_dir(path), of=path):
        return True
    # The schema is kept as the text of its CREATE TABLE statements on some pages of the file; read as bytes,
    # it survives pages SQLite can no longer read (unless those very pages are lost).
    patterns = [re.compile(rb'CREATE TABLE "?%s"? \(' % name.encode()) for name in Base.metadata.tables]
    found: set[int] = set()
    tail = b""
    with open(path, "rb") as fh:
        while len(found) < 3 and (chunk := fh.read(SCHEMA_SCAN_BYTES)):
            window = tail + chunk
            found |= {i for i, pattern in enumerate(patterns) if pattern.search(window)}
            tail = chunk[-200:]
    return len(found) >= 3


def describe_file(path: Path) -> str:
    """What a file that is not a swdesk database is, in a few words, from its first bytes."""
    import zipfile

    with open(path, "rb") as fh:
        head = fh.read(4096)
    if not head:
        return tr("db.kind.empty")
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            names = []
        if any(name.startswith("xl/") for name in names):
            return tr("db.kind.xlsx")
        if any(name.startswith("word/") for name in names):
            return tr("db.kind.docx")
        if "content.xml" in names:
            return tr("db.kind.opendocument")
        return tr("db.kind.zip")
    if head.startswith(b"%PDF"):
        return tr("db.kind.pdf")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return tr("db.kind.ole")
    if head.startswith(SQLITE_HEADER):
        return tr("db.kind.sqlite")
    if b"\x00" not in head:
        for encoding in ("utf-8", "cp1257"):
            try:
                head.decode(encoding)
            except UnicodeDecodeError:
                continue
            return tr("db.kind.text")
    return tr("db.kind.other")


def _database_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def _open_checked(
    url: str,
    path: Path | None,
    *,
    existed: bool,
    auto_backup: bool,
    today: dt.date | None,
    key: str | None = None,
) -> Database:
    from swdesk.db import migrate

    try:
        engine = make_engine(url, key)
        database = Database(url, engine)
        database.key = key
        current = migrate.current_revision(engine)
    except DatabaseError:
        raise
    except Exception as exc:  # driver errors: unreachable server, bad credentials, locked file
        problem = access_problem(exc, path) if path is not None else None
        if problem is not None:
            raise problem from exc
        raise DatabaseError(
            tr("db.cannot_open", location=url_for_humans(url), detail=driver_detail(exc, url))
        ) from exc
    try:
        return _migrate_and_fill(
            database, path, current, existed=existed, auto_backup=auto_backup, today=today
        )
    except BaseException:
        database.close()
        raise


def _migrate_and_fill(
    database: Database,
    path: Path | None,
    current: str | None,
    *,
    existed: bool,
    auto_backup: bool,
    today: dt.date | None,
) -> Database:
    from swdesk.db import backup as backups
    from swdesk.db import migrate
    from swdesk.db.catalogues import ensure_catalogues, missing_rows

    engine = database.engine
    migrate.refuse_newer(current)

    if existed and path is not None and auto_backup:
        backups.clean_partial(path)
        try:
            database.report.backup = backups.daily_backup(path, today=today)
        except (backups.BackupError, OSError, sqlite3.Error) + _database_errors() as exc:
            # a failed daily backup does not stop the work: said, and tried again at the next start
            problem = access_problem(exc, path)
            database.report.warnings.append(tr("db.backup_failed", detail=problem or exc))
            if problem is None and backups.only_indexes_damaged(getattr(exc, "detail", None) or ""):
                database.report.warnings.append(
                    tr("db.indexes_damaged", command=f'swdesk --db "{path}" repair')
                )
    if current != migrate.head_revision():
        if existed and path is not None:
            backups.backup_file(path, backups.backup_dir(path), prefix="pirms-migracijas")
        has_tables = bool(inspect(engine).get_table_names())
        migrate.upgrade(engine)
        database.report.migrated_from = current if has_tables else None
        database.report.created = current is None
    with database.read() as session:
        missing = bool(missing_rows(session))
        identity = _identity(session) if database.is_sqlite else 1
    if missing:  # a write lock only when there is something to write
        with database.write() as session:
            from swdesk.db import history

            # the shipped catalogues' rows the database lacks: the program's doing, whichever command opened it
            history.set_source(session, history.Source("programma:katalogi"))
            ensure_catalogues(session)
    if database.is_sqlite and not identity:
        chosen = secrets.randbelow(2**31 - 1) + 1
        try:
            with database.write() as session:
                session.connection().exec_driver_sql(f"PRAGMA user_version = {chosen}")
            identity = chosen
        except OperationalError as exc:
            if _sqlite_code(exc) != SQLITE_READONLY:  # a read-only file is read without an identity
                raise
    database.identity = identity if database.is_sqlite else 0
    return database


def _identity(session: Session) -> int:
    return int(session.connection().exec_driver_sql("PRAGMA user_version").scalar_one())


def set_aside_copies(path: Path) -> list[Path]:
    """The damaged files set aside from ``path`` (``….bojata-…``), newest first."""
    found = [
        p
        for p in path.parent.glob(f"{glob_escape(path.name)}.bojata-*")
        if not p.name.endswith(("-wal", "-shm")) and p.is_file()
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def glob_escape(name: str) -> str:
    import glob

    return glob.escape(name)


def _set_aside_message(path: Path, aside: Path) -> str:
    return tr("db.was_set_aside", path=path, aside=aside, advice=_restore_advice(path))


def _restore_advice(path: Path) -> str:
    from swdesk.db.backup import newest_verified_backup
    from swdesk.formats import fmt_datetime

    found = newest_verified_backup(path)
    if found is None:
        return tr("db.no_backup")
    when, backup_path = found
    return tr(
        "db.offer_backup",
        when=fmt_datetime(when),
        backup=backup_path,
        command=f'swdesk --db "{path}" restore "{backup_path}"',
    )


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
    message = tr("db.set_aside", problem=problem, moved_to=moved_to, advice=_restore_advice(path))
    return DamagedDatabaseError(message, original=path, moved_to=moved_to, backup=found[1] if found else None)


def driver_detail(exc: BaseException, url: str | None = None) -> str:
    """The driver's own words about an error, without SQLAlchemy's SQL, parameters and links, and with any
    password hidden: what may be shown to a person (names and salaries never are)."""
    original = getattr(exc, "orig", None) or exc
    lines = [line.strip() for line in str(original).strip().splitlines() if line.strip()]
    text = lines[0] if lines else type(original).__name__
    return mask_url(text.removeprefix("(psycopg.OperationalError) "), url)


def url_for_humans(url: str) -> str:
    path = sqlite_path(url)
    return str(path) if path else mask_url(url, url)


def table_counts(database: Database) -> dict[str, int]:
    """Row counts per table: what `swdesk` prints after opening and what tests compare."""
    from swdesk.db.models import Base

    with database.read() as s:
        return {
            name: s.execute(text(f'SELECT COUNT(*) FROM "{name}"')).scalar_one()
            for name in Base.metadata.tables
        }
