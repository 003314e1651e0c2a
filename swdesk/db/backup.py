"""Backups with SQLite's online backup API, verified before old ones are thinned, and safe restore.

A backup is written to a temporary name, checked with ``PRAGMA integrity_check`` and only then renamed
into place, so a backup folder never holds a half-written file under a real name. Old automatic backups
are thinned only after the new one is verified: the newest of each of the last 14 days, 8 ISO weeks and
12 months are kept (the scheme Anki uses).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import stat
import tempfile
from pathlib import Path

from swdesk.i18n import define, tr

KEEP_DAILY = 14
KEEP_WEEKLY = 8
KEEP_MONTHLY = 12
AUTO_PREFIX = "automatiska"
_STAMP = "%Y%m%d-%H%M%S"
# kind-YYYYMMDD-HHMMSS[-n][.origin].sqlite: the origin is the name of the database the backup was taken of
# (without ".sqlite"), left out for the usual "swdesk.sqlite"; several databases may share one folder (the
# demonstration database lives beside the real one), and a backup is only ever offered for its own.
_NAME = re.compile(r"^(?P<prefix>[a-z-]+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?(?:\.(?P<origin>.+))?\.sqlite$")
DEFAULT_ORIGIN = "swdesk"

define(
    {
        "backup.not_verified": (
            "Dublējums {path} neizturēja pārbaudi ({detail}) un netika saglabāts.",
            "The backup {path} failed verification ({detail}) and was not kept.",
        ),
        "backup.only_sqlite": (
            "Dublēšana un atjaunošana ar swdesk strādā ar SQLite datubāzi; PostgreSQL datubāzei lietojiet "
            "pg_dump un pg_restore.",
            "swdesk backs up and restores SQLite databases; for PostgreSQL use pg_dump and pg_restore.",
        ),
        "restore.not_found": ("Fails {path} nav atrasts.", "The file {path} does not exist."),
        "restore.bad_file": (
            "Failu {path} nevar atjaunot: {detail}. Pašreizējā datubāze netika mainīta.",
            "The file {path} cannot be restored: {detail}. The current database was not changed.",
        ),
        "restore.same_file": (
            "Nevar atjaunot datubāzi no tās pašas datnes.",
            "A database cannot be restored from itself.",
        ),
        "restore.not_swdesk": ("tā nav swdesk datubāze", "it is not a swdesk database"),
        "restore.not_regular": (
            "{path} nav parasts fails (tā ir mape, ierīce vai kanāls); atjaunot var tikai no dublējuma faila.",
            "{path} is not a regular file (it is a folder, a device or a pipe); restore only from a backup file.",
        ),
        "backup.onto_live": (
            "{path} ir pati datubāze (vai tās žurnāla fails); dublējumu saglabājiet citā failā.",
            "{path} is the database itself (or its log file); save the backup to another file.",
        ),
        "backup.not_regular": (
            "{path} nav parasts fails (tā ir ierīce, kanāls vai cits īpašs fails); dublējums netika saglabāts.",
            "{path} is not a regular file (a device, a pipe or another special file); no backup was written.",
        ),
        "backup.exists": (
            "Fails {path} jau ir; tas netika aizstāts. Norādiet citu nosaukumu vai, lai to aizstātu, "
            "pievienojiet --force.",
            "The file {path} exists already; it was not replaced. Give another name or, to replace it, add "
            "--force.",
        ),
    }
)


class BackupError(Exception):
    """A backup or restore could not be done; the message is for the user, ``detail`` what a check found."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


_INDEX_PROBLEM = re.compile(
    r"^(row \d+ missing from index \S+|wrong # of entries in index \S+|non-unique entry in index \S+)$"
)


def only_indexes_damaged(problem: str) -> bool:
    """Whether every line ``integrity_check`` reported is about an index: the rows themselves are sound,
    and ``REINDEX`` (``swdesk repair``) rebuilds what is wrong."""
    lines = [line.strip() for line in problem.split(";") if line.strip()]
    return bool(lines) and all(_INDEX_PROBLEM.match(line) for line in lines)


def _key_of(path: Path, key: str | None) -> str | None:
    """The key to read ``path`` with: the one given, else (for a file without SQLite's header) the key this
    program knows it by (:func:`swdesk.db.encryption.guess_key`). A plain file imports nothing for this."""
    if key is not None:
        return key
    from swdesk.db import encryption
    from swdesk.db.database import SQLITE_HEADER

    known, found = encryption.known_form(path)
    if known:  # a database this process has open: its header is not read again (encryption.remember)
        return found
    try:
        with open(path, "rb") as fh:
            if fh.read(len(SQLITE_HEADER)) in (SQLITE_HEADER, b""):
                return None
    except OSError:
        return None
    return encryption.guess_key(path)


def _connect(target: Path | str, key: str | None, **kwargs):  # type: ignore[no-untyped-def]
    if key is None:
        return sqlite3.connect(target, **kwargs)
    from swdesk.db import encryption

    return encryption.connect(target, key, **kwargs)


def _errors() -> tuple[type[Exception], ...]:
    from swdesk.db.encryption import database_errors

    return database_errors()


def integrity_problem(path: Path, key: str | None = None) -> str | None:
    """None if the file is a sound SQLite database, else a short description of what is wrong. An encrypted
    file is read with ``key`` or the key it is known by."""
    key = _key_of(path, key)
    try:
        con = _connect(f"file:{path}?mode=ro", key, uri=True)
        try:
            rows = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except _errors() as exc:
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:3])
    return None


PARTIAL_MAX_AGE_S = 3600


def clean_partial(db_path: Path, *, now: float | None = None) -> list[Path]:
    """Remove ``*.partial`` files that a backup or restore killed half-way left in ``backups/``.

    Only those untouched for an hour: a backup another swdesk is writing right now keeps its file.
    """
    import time

    folder = backup_dir(db_path)
    removed = []
    limit = (now or time.time()) - PARTIAL_MAX_AGE_S
    if folder.is_dir():
        for entry in folder.glob("*.partial"):
            try:
                if entry.is_file() and entry.stat().st_mtime < limit:
                    entry.unlink()
                    removed.append(entry)
            except OSError:
                continue
    return removed


def _keep_mode(source: Path, target: Path) -> None:
    """A copy is as private as its database (personal codes inside): the database's permission bits."""
    try:
        os.chmod(target, stat.S_IMODE(source.stat().st_mode))
    except OSError:
        pass


def copy_database(source: Path, target: Path, key: str | None = None, *, plain: bool = False) -> None:
    """A consistent copy of a live database (other processes may keep using it) via the backup API.

    An encrypted database (``key``, or the key it is known by) is copied encrypted with the same key — the
    backup API copies between two connections keyed alike — unless ``plain`` asks for an unencrypted copy.
    """
    key = _key_of(source, key)
    if key is not None and plain:
        from swdesk.db import encryption

        encryption.export(source, key, target, None)
        return
    src = _connect(f"file:{source}?mode=ro", key, uri=True, timeout=15)
    try:
        dst = _connect(target, key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    if key is not None:
        from swdesk.db import encryption

        encryption.remember(target, key)


def backup_to(source: Path, target: Path, key: str | None = None, *, plain: bool = False) -> Path:
    """Copy ``source`` to ``target``, verified; ``target`` appears only when the copy is sound."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    key = _key_of(source, key)
    try:
        copy_database(source, partial, key, plain=plain)
        _keep_mode(source, partial)
        problem = integrity_problem(partial, None if plain else key)
        if problem:
            raise BackupError(tr("backup.not_verified", path=target, detail=problem), detail=problem)
        os.replace(partial, target)
        if key is not None and not plain:
            from swdesk.db import encryption

            encryption.remember(target, key)
    finally:
        partial.unlink(missing_ok=True)
    return target


def origin_of(db_path: Path) -> str:
    """The name a backup of ``db_path`` carries: the file's name without ``.sqlite``."""
    name = db_path.name
    return name[: -len(".sqlite")] if name.lower().endswith(".sqlite") else name


def origin_of_backup(path: Path) -> str | None:
    """The name of the database a backup was taken of (``swdesk`` for ``automatiska-….sqlite``)."""
    match = _NAME.match(path.name)
    return None if match is None else (match["origin"] or DEFAULT_ORIGIN)


def backup_name(db_path: Path, folder: Path, *, prefix: str, now: dt.datetime | None = None) -> Path:
    """``folder/prefix-YYYYMMDD-HHMMSS[-n][.origin].sqlite``: a name no file has yet."""
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    origin = origin_of(db_path)
    tail = ".sqlite" if origin == DEFAULT_ORIGIN else f".{origin}.sqlite"
    target = folder / f"{prefix}-{stamp}{tail}"
    n = 1
    while target.exists():
        target = folder / f"{prefix}-{stamp}-{n}{tail}"
        n += 1
    return target


def backup_file(
    db_path: Path, folder: Path, *, prefix: str, now: dt.datetime | None = None, key: str | None = None
) -> Path:
    return backup_to(db_path, backup_name(db_path, folder, prefix=prefix, now=now), key)


def list_backups(
    folder: Path, prefix: str | None = None, *, of: Path | None = None
) -> list[tuple[dt.datetime, Path]]:
    """Backups in ``folder``, newest first, with the time in their name; ``of``: only those of that database."""
    found = []
    origin = None if of is None else origin_of(of)
    if folder.is_dir():
        for entry in folder.iterdir():
            match = _NAME.match(entry.name)
            if not match or (prefix is not None and match["prefix"] != prefix):
                continue
            if origin is not None and (match["origin"] or DEFAULT_ORIGIN) != origin:
                continue
            try:
                found.append((dt.datetime.strptime(match["stamp"], _STAMP), entry))
            except ValueError:  # a name that only looks like a backup's
                continue
    return sorted(found, reverse=True)


def backups_to_keep(stamps: list[dt.datetime]) -> set[dt.datetime]:
    """The newest backup of each of the last 14 days, 8 weeks and 12 months that have any."""
    keep: set[dt.datetime] = set()
    for period_of, limit in (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    ):
        seen: list[object] = []
        for stamp in sorted(stamps, reverse=True):
            period = period_of(stamp)
            if period not in seen:
                seen.append(period)
                if len(seen) > limit:
                    break
                keep.add(stamp)
    return keep


def thin(folder: Path, prefix: str = AUTO_PREFIX, *, of: Path | None = None) -> list[Path]:
    """Remove the automatic backups (of the database ``of``) that the thinning scheme does not keep."""
    existing = list_backups(folder, prefix, of=of)
    keep = backups_to_keep([stamp for stamp, _ in existing])
    removed = []
    for stamp, path in existing:
        if stamp not in keep:
            path.unlink()
            removed.append(path)
    return removed


def daily_backup(db_path: Path, *, today: dt.date | None = None) -> Path | None:
    """The automatic backup made when a database is opened: at most one a day, then thinning."""
    folder = backup_dir(db_path)
    day = today or dt.date.today()
    if any(stamp.date() == day for stamp, _ in list_backups(folder, AUTO_PREFIX, of=db_path)):
        return None
    now = dt.datetime.combine(day, dt.datetime.now().time())
    made = backup_file(db_path, folder, prefix=AUTO_PREFIX, now=now)
    thin(folder, of=db_path)
    return made


def newest_verified_backup(db_path: Path) -> tuple[dt.datetime, Path] | None:
    """The newest backup of ``db_path`` itself (of any kind) that passes ``integrity_check``."""
    for stamp, path in list_backups(backup_dir(db_path), of=db_path):
        if integrity_problem(path) is None:
            return stamp, path
    return None


def restore(db_path: Path, source: Path) -> Path:
    """Replace the database at ``db_path`` with the verified copy ``source``.

    The database being replaced is first copied aside (``backups/aizstata-….sqlite``) and that copy is
    verified; only then is ``source`` written over it with the backup API, which takes SQLite's locks,
    so a program that has the database open waits and then sees the restored data. Returns the path of
    the copy kept aside.
    """
    from swdesk.db import migrate
    from swdesk.db.models import Base

    if not source.exists():
        raise BackupError(tr("restore.not_found", path=source))
    if not source.is_file():  # a FIFO would hang the copy, a device would be read forever
        raise BackupError(tr("restore.not_regular", path=source))
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise BackupError(tr("restore.same_file"))
    source_key, key = _restore_keys(db_path, source)
    problem = integrity_problem(source, source_key)
    if problem is None:
        try:
            con = _connect(f"file:{source}?mode=ro", source_key, uri=True)
            try:
                tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
                version = con.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                con.close()
        except _errors():
            tables, version = set(), None
        # swdesk's own tables, not only an Alembic revision (another Alembic application has one too)
        if (
            version is None
            or not SWDESK_CORE_TABLES <= tables
            or not tables <= set(Base.metadata.tables) | {"alembic_version"}
        ):
            problem = tr("restore.not_swdesk")
        else:
            migrate.refuse_newer(version[0])
    if problem:
        raise BackupError(tr("restore.bad_file", path=source, detail=problem))
    if source_key != key:  # a plain backup into an encrypted database, or the other way round
        with tempfile.TemporaryDirectory(prefix="swdesk-restore-") as folder:
            from swdesk.db import encryption

            converted = Path(folder) / "atjaunojamais.sqlite"
            encryption.export(source, source_key, converted, key)
            return _restore_checked(db_path, converted, key)
    return _restore_checked(db_path, source, key)


def _restore_keys(db_path: Path, source: Path) -> tuple[str | None, str | None]:
    """The key of the backup ``source`` and the key the restored database has (None: plain).

    An encrypted backup is read with its database's key (or a recovery key given); a new database made
    from an encrypted backup is encrypted with the same key, kept in the credential store under its marker.
    """
    from swdesk.db.database import SQLITE_HEADER

    def plain(path: Path) -> bool:
        from swdesk.db import encryption

        known, key = encryption.known_form(path)
        if known:  # the live database this process (the window) has open: its header is not read again
            return key is None
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) in (SQLITE_HEADER, b"")

    if plain(source) and (not db_path.exists() or plain(db_path)):
        return None, None
    from swdesk.db import encryption

    live = encryption.key_for(db_path) if db_path.exists() and not plain(db_path) else None
    source_key = None
    if not plain(source):
        own = live or encryption.key_of_database(db_path)
        if own and encryption.opens_with(source, own):
            encryption.remember(source, own)
        source_key = encryption.guess_key(source)
    if db_path.exists() and db_path.stat().st_size > 0:
        return source_key, live
    if source_key is not None and encryption.read_marker(db_path) is None:
        key_id = encryption.new_key_id()
        encryption.store_key(key_id, source_key)
        encryption.write_marker(db_path, key_id)
    return source_key, source_key


def _restore_checked(db_path: Path, source: Path, key: str | None) -> Path:
    if db_path.exists() and db_path.stat().st_size > 0 and integrity_problem(db_path, key) is not None:
        return _replace_damaged(db_path, source, key)
    aside = None
    if db_path.exists() and db_path.stat().st_size > 0:
        done = _restore_under_lock(db_path, source, key)
        if done is not None:
            return done
        aside = backup_file(db_path, backup_dir(db_path), prefix="aizstata", key=key)
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    src = _connect(f"file:{source}?mode=ro", key, uri=True)
    try:
        dst = _connect(db_path, key, timeout=15)
        try:
            dst.execute("PRAGMA journal_mode = WAL")
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    if key is not None:
        from swdesk.db import encryption

        encryption.remember(db_path, key)
    return aside or db_path


# Tables every swdesk schema revision has had: what tells a swdesk database from another program's.
SWDESK_CORE_TABLES = {"service", "population", "staff", "position", "setting"}


def _restore_under_lock(db_path: Path, source: Path, key: str | None = None) -> Path | None:
    """Restore into the live database in one write transaction, holding its write lock from the copy kept
    aside to the end: a change another program commits meanwhile waits, and is never lost from both files.

    The backup is first brought to this program's schema in a temporary copy; when the live database's
    tables differ from it (an older live schema), None is returned and the caller restores page by page.
    Returns the copy kept aside (``backups/aizstata-….sqlite``, verified).
    """
    from swdesk.db.database import BUSY_TIMEOUT_MS, open_database

    with tempfile.TemporaryDirectory(prefix="swdesk-restore-") as folder:
        prepared = Path(folder) / "atjaunojamais.sqlite"
        copy_database(source, prepared, key)
        open_database(str(prepared), auto_backup=False).close()  # migrated to this program's schema
        # an encrypted database attaches the prepared copy with its own key (the same one)
        guard = _connect(db_path, key, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            guard.execute("BEGIN IMMEDIATE")  # from here on, nobody else writes
            if key is None:
                guard.execute("ATTACH DATABASE ? AS src", (str(prepared),))
            else:
                guard.execute(f"ATTACH DATABASE ? AS src KEY \"x'{key}'\"", (str(prepared),))
            columns = {}
            for schema in ("main", "src"):
                names = guard.execute(
                    f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                ).fetchall()
                columns[schema] = {
                    name: [row[1] for row in guard.execute(f'PRAGMA {schema}.table_info("{name}")')]
                    for (name,) in names
                }
            if columns["main"] != columns["src"]:
                guard.execute("ROLLBACK")
                return None
            # exactly what is replaced: a reader's snapshot, taken while the lock keeps writers out (the
            # backup API cannot read through the connection that holds the write transaction)
            aside = backup_file(db_path, backup_dir(db_path), prefix="aizstata", key=key)
            guard.execute("PRAGMA defer_foreign_keys = ON")
            for table in columns["main"]:
                guard.execute(f'DELETE FROM main."{table}"')
            for table, names in columns["main"].items():
                listed = ", ".join(f'"{n}"' for n in names)
                guard.execute(f'INSERT INTO main."{table}" ({listed}) SELECT {listed} FROM src."{table}"')
            guard.execute("COMMIT")
        except BaseException:
            if guard.in_transaction:
                guard.execute("ROLLBACK")
            raise
        finally:
            guard.close()
    return aside


def _replace_damaged(db_path: Path, source: Path, key: str | None = None) -> Path:
    """Restore over a damaged (or not even SQLite) live database, which SQLite cannot write into.

    The damaged file and its log files are first copied, byte for byte, into ``backups/`` as
    ``aizstata-bojata-….sqlite``; the backup is copied to a temporary file beside the database and
    verified; only then does it take the database's name in one rename. Killed at any point, the path
    holds either the damaged database (its copy kept) or the whole restored one.
    """
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    kept = backup_name(db_path, folder, prefix="aizstata-bojata")
    for suffix in ("", "-wal", "-shm"):
        part = db_path.with_name(db_path.name + suffix)
        if part.exists():
            partial = kept.with_name(kept.name + suffix + ".partial")
            shutil.copyfile(part, partial)
            _keep_mode(db_path, partial)
            os.replace(partial, kept.with_name(kept.name + suffix))
    restored = db_path.with_name(db_path.name + ".atjauno.partial")
    restored.unlink(missing_ok=True)
    try:
        src = _connect(f"file:{source}?mode=ro", key, uri=True)
        try:
            dst = _connect(restored, key)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = WAL")
            finally:
                dst.close()
        finally:
            src.close()
        problem = integrity_problem(restored, key)
        if problem:
            raise BackupError(tr("restore.bad_file", path=source, detail=problem))
        _keep_mode(db_path, restored)
        for suffix in ("-wal", "-shm"):  # the damaged database's own; copied above
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(restored, db_path)
    finally:
        restored.unlink(missing_ok=True)
    return kept


def export_copy(db_path: Path, target: Path, *, force: bool = False, plain: bool = False) -> Path:
    """`swdesk backup OUT`: a verified copy written to a file the user names.

    Never over the live database or its log files, never over anything but a regular file (a device, a
    pipe), and over an existing file only with ``force``. An encrypted database's copy is encrypted with
    the same key unless ``plain`` (``--plain``) asks for an unencrypted one.
    """
    if target.is_dir():
        target = target / f"swdesk-{dt.datetime.now().strftime(_STAMP)}.sqlite"
    _refuse_target(db_path, target, force=force)
    backup_to(db_path, target, plain=plain)
    return target


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _refuse_target(db_path: Path, target: Path, *, force: bool) -> None:
    live = [db_path.with_name(db_path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]
    if any(_same_file(target, part) or target.resolve() == part.resolve() for part in live):
        raise BackupError(tr("backup.onto_live", path=target))
    if target.exists() or target.is_symlink():
        if not target.is_file():
            raise BackupError(tr("backup.not_regular", path=target))
        if not force:
            raise BackupError(tr("backup.exists", path=target))


__all__ = [
    "BackupError",
    "backup_dir",
    "backup_file",
    "backups_to_keep",
    "daily_backup",
    "export_copy",
    "integrity_problem",
    "list_backups",
    "restore",
    "thin",
]
