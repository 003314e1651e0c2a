"""The database encrypted at rest (issue 15): SQLCipher, its key in the operating system's credential store.

What is decided here, and why:

- **Which file is encrypted.** A file that starts with SQLite's header is a plain database, whatever else
  lies beside it. One that does not is an encrypted swdesk database when the *marker* beside it says so:
  ``swdesk.sqlite.sifrets``, a small JSON file the program writes before the encrypted file takes the
  database's name. An encrypted file has no header and no readable byte, so without the marker it cannot be
  told from random damage; with it, a missing or wrong key is said as such and the file is never set aside as
  damaged. The marker holds no secret: only the name under which the key is kept (``key_id``).
- **The key.** 256 random-looking bits derived from the *recovery key* (32 letters and digits of Crockford's
  alphabet in groups of four, 160 bits: typed from a sheet of paper, no I/L/O/U to confuse) by SHA-256; the
  derived key is given to SQLCipher as a raw key (``x'…'``), so opening costs no key stretching — the recovery
  key is already as strong as a key. The derived key is kept by ``keyring`` (Windows Credential Manager,
  Secret Service on Linux) under the service ``swdesk`` and the marker's ``key_id``, so several databases
  each have their own and the head types nothing at start.
- **Backups** are written with the same key: a file without the header in a database's ``backups/`` folder is
  opened with that database's key.

SQLCipher (``sqlcipher3``) and ``keyring`` are imported only when an encrypted database is met or offered: a
plain database's start imports neither.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import sqlite3
import sys
import time
import uuid
from pathlib import Path
from typing import Any

from swdesk.db.database import SQLITE_HEADER, UnavailableDatabaseError
from swdesk.i18n import define, tr

KEYRING_SERVICE = "swdesk"
MARKER_SUFFIX = ".sifrets"
MARKER_KIND = "swdesk-sqlcipher"
# Crockford's base32: digits and letters without I, L, O, U, so a key read aloud or typed is not misread
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, GROUP_LENGTH = 8, 4  # 32 characters, 160 bits
SQLITE_NOTADB = 26
IN_USE_WAIT_S = 5  # how long a conversion waits for the database's last other connection to close
_HEX_KEY = re.compile(r"[0-9a-f]{64}")

define(
    {
        "crypt.key_missing": (
            "Datubāze {path} ir šifrēta, bet tās atslēga nav šī datora akreditācijas datu krātuvē (piemēram, "
            "datubāze pārnesta uz citu datoru vai Windows lietotāju). Datubāze nav bojāta un netika mainīta. "
            'Atveriet to ar atkopšanas atslēgu: swdesk --db "{path}" --recovery-key "XXXX-XXXX-…" (logā: '
            "«Ievadīt atkopšanas atslēgu»).",
            "The database {path} is encrypted, but its key is not in this PC's credential store (the database "
            "was moved to another PC or Windows user, for example). The database is not damaged and was not "
            'changed. Open it with the recovery key: swdesk --db "{path}" --recovery-key "XXXX-XXXX-…" '
            '(in the window: "Enter the recovery key").',
        ),
        "crypt.key_wrong": (
            "Datubāzi {path} nevar atvērt ar {which}: atslēga neder šai datubāzei. Datubāze netika mainīta "
            "un nav pārvietota. Pārbaudiet atkopšanas atslēgu uz izdrukātās lapas «Atkopšanas atslēga» un "
            'atveriet ar to: swdesk --db "{path}" --recovery-key "XXXX-XXXX-…".',
            "The database {path} cannot be opened with {which}: the key does not fit this database. The "
            'database was not changed or moved. Check the recovery key on the printed sheet "Recovery key" '
            'and open it with that: swdesk --db "{path}" --recovery-key "XXXX-XXXX-…".',
        ),
        "crypt.which.store": ("akreditācijas datu krātuves atslēgu", "the key in the credential store"),
        "crypt.which.recovery": ("doto atkopšanas atslēgu", "the recovery key given"),
        "crypt.no_sqlcipher": (
            "šajā instalācijā nav SQLCipher (Python pakotne sqlcipher3-wheels)",
            "this installation has no SQLCipher (the Python package sqlcipher3-wheels)",
        ),
        "crypt.no_keyring": (
            "šajā instalācijā nav pakotnes keyring",
            "this installation has no keyring package",
        ),
        "crypt.no_store": (
            "šim datoram nav akreditācijas datu krātuves, kur glabāt atslēgu (Linux: Secret Service, "
            "piemēram, GNOME Keyring vai KWallet)",
            "this PC has no credential store to keep the key in (Linux: Secret Service, e.g. GNOME Keyring "
            "or KWallet)",
        ),
        "crypt.store_failed": (
            "atslēgu nevarēja saglabāt akreditācijas datu krātuvē ({detail})",
            "the key could not be saved in the credential store ({detail})",
        ),
        "crypt.bad_recovery": (
            "«{value}» nav atkopšanas atslēga: tai ir {count} burti un cipari (grupās pa {group}), bez I, L, O, U.",
            "'{value}' is not a recovery key: it has {count} letters and digits (in groups of {group}), "
            "without I, L, O, U.",
        ),
        "crypt.key_stored": (
            "Atkopšanas atslēga atvēra datubāzi {path}; tās atslēga saglabāta šī datora akreditācijas datu "
            "krātuvē, nākamreiz nekas nav jāievada.",
            "The recovery key opened the database {path}; its key was saved in this PC's credential store, "
            "nothing needs typing next time.",
        ),
        "crypt.key_not_stored": (
            "Atkopšanas atslēga atvēra datubāzi {path}, bet atslēgu nevarēja saglabāt šajā datorā ({detail}); "
            "nākamreiz atkal norādiet --recovery-key.",
            "The recovery key opened the database {path}, but the key could not be saved on this PC "
            "({detail}); give --recovery-key again next time.",
        ),
    }
)


class KeyMissingError(UnavailableDatabaseError):
    """An encrypted database whose key is not in the credential store and no recovery key was given: not
    damage; nothing is moved or changed (exit status 3; the window offers the recovery key)."""


class WrongKeyError(KeyMissingError):
    """The key at hand does not open the encrypted database: not damage either."""


# Process-wide: the keys of the files this program has opened or written (resolved path → raw key), and the
# recovery keys given on the command line or in the window's dialog.
_known: dict[str, str | None] = {}
_recovery: list[str] = []


# ---- what is available -----------------------------------------------------------------------------------


def sqlcipher_problem() -> str | None:
    """None when SQLCipher can be loaded, else why not (a sentence fragment)."""
    try:
        from sqlcipher3 import dbapi2  # noqa: F401
    except ImportError:
        return tr("crypt.no_sqlcipher")
    return None


def keystore_problem() -> str | None:
    """None when a credential store is there to keep the key, else why not."""
    try:
        import keyring
        from keyring.backends import chainer, fail
    except ImportError:
        return tr("crypt.no_keyring")
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken configuration of keyring
        return tr("crypt.store_failed", detail=exc)
    if isinstance(backend, fail.Keyring):
        return tr("crypt.no_store")
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return tr("crypt.no_store")
    return None


def unavailable_reason() -> str | None:
    """None when a new database can be encrypted here (SQLCipher and a credential store), else why not."""
    return sqlcipher_problem() or keystore_problem()


# ---- keys --------------------------------------------------------------------------------------------------


def new_recovery_key() -> str:
    """A fresh recovery key, e.g. ``7K2Q-…`` (8 groups of 4)."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(RECOVERY_GROUPS * GROUP_LENGTH))
    return "-".join(chars[i : i + GROUP_LENGTH] for i in range(0, len(chars), GROUP_LENGTH))


def normalise_recovery_key(value: str) -> str:
    """The recovery key as typed — any case, spaces or dashes, O for 0, I or L for 1 — in its printed form;
    :class:`ValueError` with the sentence when it is not one."""
    text = re.sub(r"[\s\-–—_.]", "", value).upper().translate(str.maketrans("OIL", "011"))
    if len(text) != RECOVERY_GROUPS * GROUP_LENGTH or any(c not in ALPHABET for c in text):
        raise ValueError(
            tr(
                "crypt.bad_recovery",
                value=value.strip()[:60],
                count=RECOVERY_GROUPS * GROUP_LENGTH,
                group=GROUP_LENGTH,
            )
        )
    return "-".join(text[i : i + GROUP_LENGTH] for i in range(0, len(text), GROUP_LENGTH))


def key_from_recovery(recovery_key: str) -> str:
    """The raw database key (64 hex digits) the recovery key stands for."""
    normal = normalise_recovery_key(recovery_key)
    return hashlib.sha256(b"swdesk-sqlcipher-v1:" + normal.encode("ascii")).hexdigest()


def offer_recovery_key(recovery_key: str) -> None:
    """A recovery key to try on any encrypted database this process opens (``--recovery-key``, the dialog)."""
    key = key_from_recovery(recovery_key)
    if key not in _recovery:
        _recovery.append(key)


def forget_recovery_keys() -> None:
    _recovery.clear()


def remember(path: Path, key: str | None) -> None:
    """The key of a file this process opened or wrote (``None``: it is plain).

    Knowing it spares reading the file's header again while this process has the database open: on POSIX,
    closing *any* descriptor of a file drops every lock the process holds on it, SQLite's included (SQLite
    guards only its own descriptors against that), and another program would then take the database for
    unused and remove its log file.
    """
    _known[str(Path(path).resolve())] = None if key is None else _checked(key)


def known_key(path: Path) -> str | None:
    return _known.get(str(Path(path).resolve()))


def known_form(path: Path) -> tuple[bool, str | None]:
    """(whether this process knows the file, its key or None for plain)."""
    name = str(Path(path).resolve())
    return name in _known, _known.get(name)


def _checked(key: str) -> str:
    if not _HEX_KEY.fullmatch(key):  # never anything but hex digits goes into a PRAGMA
        raise ValueError("not a raw key")
    return key


# ---- the marker and the credential store ------------------------------------------------------------------


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + MARKER_SUFFIX)


def read_marker(db_path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(marker_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("kind") != MARKER_KIND
        or not isinstance(data.get("key_id"), str)
    ):
        return None
    return data


def write_marker(db_path: Path, key_id: str) -> Path:
    """The marker, written whole under a temporary name and renamed into place."""
    import datetime as dt

    target = marker_path(db_path)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(
        json.dumps(
            {
                "kind": MARKER_KIND,
                "key_id": key_id,
                "keyring_service": KEYRING_SERVICE,
                "encrypted": dt.date.today().isoformat(),
                "note": "swdesk: this database is encrypted (SQLCipher); the key is in the credential store",
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    os.replace(partial, target)
    return target


def remove_marker(db_path: Path) -> None:
    marker_path(db_path).unlink(missing_ok=True)


def stored_key(key_id: str) -> str | None:
    """The key kept under ``key_id``, or None (no credential store, or no such entry)."""
    if keystore_problem() is not None:
        return None
    import keyring

    try:
        found = keyring.get_password(KEYRING_SERVICE, key_id)
    except Exception:  # a locked or unreachable store reads as "no key": the recovery key still opens it
        return None
    return found if found and _HEX_KEY.fullmatch(found) else None


def store_key(key_id: str, key: str) -> None:
    """Keep ``key`` in the credential store; :class:`UnavailableDatabaseError` with why not."""
    problem = keystore_problem()
    if problem is not None:
        raise UnavailableDatabaseError(problem)
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, key_id, _checked(key))
    except Exception as exc:
        raise UnavailableDatabaseError(tr("crypt.store_failed", detail=exc)) from exc
    if stored_key(key_id) != key:
        raise UnavailableDatabaseError(tr("crypt.store_failed", detail="?"))


def new_key_id() -> str:
    return uuid.uuid4().hex


# ---- connections -------------------------------------------------------------------------------------------


def is_plain(path: Path) -> bool:
    """A file with SQLite's header (or an empty or missing one): not encrypted."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return True
    return not head or head == SQLITE_HEADER


def connect(target: Path | str, key: str | None, **kwargs: Any) -> Any:
    """A DB-API connection: SQLCipher's keyed with ``key``, or Python's own sqlite3 when ``key`` is None."""
    if key is None:
        return sqlite3.connect(str(target), **kwargs)
    from sqlcipher3 import dbapi2

    con = dbapi2.connect(str(target), **kwargs)
    # SQLCipher's own log goes to stderr by default: a wrong key is our sentence, not its lines
    con.execute("PRAGMA cipher_log_level = NONE")
    con.execute(f"PRAGMA key = \"x'{_checked(key)}'\"")
    return con


def database_errors() -> tuple[type[Exception], ...]:
    """The driver errors of both drivers (SQLCipher's only once it is loaded: nothing is imported for this)."""
    found: list[type[Exception]] = [sqlite3.DatabaseError]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        found.append(cipher.DatabaseError)
    return tuple(found)


def operational_errors() -> tuple[type[Exception], ...]:
    found: list[type[Exception]] = [sqlite3.OperationalError]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        found.append(cipher.OperationalError)
    return tuple(found)


def opens_with(path: Path, key: str) -> bool:
    """Whether ``key`` opens the encrypted file (read-only; nothing is written). Errors other than "not a
    database" (a lock, a disk error) are raised for the caller to explain."""
    from sqlcipher3 import dbapi2

    con = connect(f"file:{path}?mode=ro", key, uri=True, timeout=15)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except dbapi2.DatabaseError as exc:
        if (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF == SQLITE_NOTADB:
            return False
        raise
    finally:
        con.close()


def key_for(path: Path) -> str | None:
    """The key that opens the database file ``path``; None for a plain one (or one that is not known to be an
    encrypted swdesk database: the usual checks then judge it).

    Tried in turn: a key this process already used for it, the credential store's (by the marker), the
    recovery keys given. A recovery key that opens it is put back in the credential store when there is one
    (a new PC), and a lost marker is written again. Raises :class:`KeyMissingError` / :class:`WrongKeyError`
    with the sentence — never anything that sets the file aside.
    """
    if is_plain(path):
        return None
    marker = read_marker(path)
    known = known_key(path)
    if marker is None and known is None and not _recovery:
        return None
    problem = sqlcipher_problem()
    if problem is not None:
        raise KeyMissingError(problem + ". " + tr("crypt.key_missing", path=path))
    from_store = stored_key(marker["key_id"]) if marker else None
    candidates = [k for k in (known, from_store) if k]
    for key in dict.fromkeys(candidates):
        if opens_with(path, key):
            remember(path, key)
            return key
    for key in _recovery:
        if opens_with(path, key):
            remember(path, key)
            recovered.append(_put_back(path, marker, key))
            return key
    if marker is None and known is None:
        return None  # no recovery key fits and nothing says it is encrypted: the usual checks judge it
    if not candidates and not _recovery:
        raise KeyMissingError(tr("crypt.key_missing", path=path))
    which = tr("crypt.which.recovery") if _recovery else tr("crypt.which.store")
    raise WrongKeyError(tr("crypt.key_wrong", path=path, which=which))


# what opening with a recovery key did about the credential store, said by the command line and the window
recovered: list[str] = []


def _put_back(path: Path, marker: dict[str, Any] | None, key: str) -> str:
    key_id = marker["key_id"] if marker else new_key_id()
    try:
        store_key(key_id, key)
    except UnavailableDatabaseError as exc:
        if marker is None:
            write_marker(path, key_id)
        return tr("crypt.key_not_stored", path=path, detail=exc)
    if marker is None:
        write_marker(path, key_id)
    return tr("crypt.key_stored", path=path)


def key_of_database(db_path: Path) -> str | None:
    """The key of the database ``db_path`` if it can be had without asking (known, or in the store)."""
    known = known_key(db_path)
    if known:
        return known
    marker = read_marker(db_path)
    return stored_key(marker["key_id"]) if marker else None


def guess_key(path: Path) -> str | None:
    """The key of a file met without one (a backup, a copy): None when it is plain; else the key this process
    wrote it with, or — in a ``backups/`` folder — its database's, or a recovery key that opens it."""
    if is_plain(path):
        return None
    known = known_key(path)
    if known:
        return known
    tried: list[str] = []
    if path.parent.name == "backups":
        from swdesk.db.backup import origin_of_backup

        origin = origin_of_backup(path)
        if origin is not None:
            own = key_of_database(path.parent.parent / f"{origin}.sqlite")
            if own:
                tried.append(own)
    tried += [k for k in _known.values() if k and k not in tried]
    tried += [k for k in _recovery if k not in tried]
    if tried and sqlcipher_problem() is None:
        for key in tried:
            try:
                if opens_with(path, key):
                    remember(path, key)
                    return key
            except database_errors():
                continue
    return None


# ---- copies with a key ------------------------------------------------------------------------------------


def export(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Copy the whole database ``source`` into the new file ``target`` with another key (or none): SQLCipher's
    ``sqlcipher_export`` into an attached database, in one read transaction of the source (a consistent
    copy while others keep working). The identity (``user_version``) goes along."""
    target.unlink(missing_ok=True)
    con = _connect_any(
        f"file:{source}?mode=ro", source_key or _PLAIN, uri=True, timeout=15, isolation_level=None
    )
    try:
        con.execute("BEGIN")
        identity = int(con.execute("PRAGMA user_version").fetchone()[0])
        attach_key = f"x'{_checked(target_key)}'" if target_key else ""
        con.execute(f'ATTACH DATABASE ? AS copied KEY "{attach_key}"', (str(target),))
        con.execute("SELECT sqlcipher_export('copied')")
        con.execute(f"PRAGMA copied.user_version = {identity}")
        con.execute("COMMIT")
        con.execute("DETACH DATABASE copied")
    finally:
        con.close()
    remember(target, target_key)


# A plain file is opened through SQLCipher with no key at all; ``connect`` needs a key, so a plain source is
# passed as this sentinel and opened without PRAGMA key.
_PLAIN = "plain"


def _connect_any(target: str, key: str, **kwargs: Any) -> Any:
    from sqlcipher3 import dbapi2

    if key == _PLAIN:
        return dbapi2.connect(target, **kwargs)
    return connect(target, key, **kwargs)


# ---- encrypting and decrypting a database -----------------------------------------------------------------

define(
    {
        "crypt.already": ("Datubāze {path} jau ir šifrēta.", "The database {path} is encrypted already."),
        "crypt.not_encrypted": ("Datubāze {path} nav šifrēta.", "The database {path} is not encrypted."),
        "crypt.in_use": (
            "Datubāzi {path} vēl izmanto cita swdesk programma (logs vai komanda). Aizveriet to un mēģiniet "
            "vēlreiz; nekas netika mainīts.",
            "The database {path} is still in use by another swdesk (a window or a command). Close it and try "
            "again; nothing was changed.",
        ),
        "crypt.not_verified": (
            "Šifrētā kopija neizturēja pārbaudi ({detail}); datubāze netika mainīta.",
            "The converted copy failed verification ({detail}); the database was not changed.",
        ),
        "crypt.rows_differ": (
            "tabulā {table} ir {copied} rindas, datubāzē {original}",
            "the table {table} has {copied} rows, the database {original}",
        ),
        "crypt.unavailable": (
            "Datubāzi nevar šifrēt: {reason}.",
            "The database cannot be encrypted: {reason}.",
        ),
    }
)


def _counts(con: Any) -> dict[str, int]:
    names = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {name: int(con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]) for name in names}


def _convert_verified(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """``target`` made from ``source`` with the other key, checked whole: ``integrity_check``, the same
    tables with the same number of rows, the same identity. :class:`UnavailableDatabaseError` otherwise."""
    export(source, source_key, target, target_key)
    original = _connect_any(f"file:{source}?mode=ro", source_key or _PLAIN, uri=True, timeout=15)
    copied = _connect_any(str(target), target_key or _PLAIN, timeout=15)
    try:
        rows = copied.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            raise UnavailableDatabaseError(tr("crypt.not_verified", detail=rows[0][0]))
        want, got = _counts(original), _counts(copied)
        for table in sorted(set(want) | set(got)):
            if want.get(table) != got.get(table):
                detail = tr("crypt.rows_differ", table=table, copied=got.get(table), original=want.get(table))
                raise UnavailableDatabaseError(tr("crypt.not_verified", detail=detail))
        identities = [int(c.execute("PRAGMA user_version").fetchone()[0]) for c in (original, copied)]
        if identities[0] != identities[1]:
            raise UnavailableDatabaseError(tr("crypt.not_verified", detail="user_version"))
    finally:
        original.close()
        copied.close()


def _swap(db_path: Path, source_key: str | None, target_key: str | None, before_swap: Any) -> Path:
    """Convert the database at ``db_path`` through a verified copy beside it and swap it in with one rename.

    The copy is made while the database's write lock is held (a change saved meanwhile waits, and is in the
    copy or refused — never lost), verified, and the original is first kept as a verified backup
    (``backups/pirms-sifresanas-…`` / ``pirms-atsifresanas-…``). Another program with the database open is a
    sentence and nothing changes: after this program lets go, the log file (``-wal``) of a database still in
    use stays, and the swap is not made. Returns the backup kept.
    """
    from swdesk.db import backup as backups

    partial = db_path.with_name(db_path.name + ".parveido.partial")
    partial.unlink(missing_ok=True)
    prefix = "pirms-sifresanas" if target_key else "pirms-atsifresanas"
    kept = backups.backup_file(db_path, backups.backup_dir(db_path), prefix=prefix, key=source_key)
    # one SQLite library for every connection to the file (two libraries in one process lose each other's locks)
    guard = _connect_any(str(db_path), source_key or _PLAIN, timeout=15, isolation_level=None)
    try:
        guard.execute("BEGIN IMMEDIATE")
        _convert_verified(db_path, source_key, partial, target_key)
        guard.execute("ROLLBACK")
        guard.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        guard.close()
    # the last connection to close removes the log; one of this program's own (a view loading its data in
    # the background) is given a moment to finish
    wal = db_path.with_name(db_path.name + "-wal")
    deadline = time.monotonic() + IN_USE_WAIT_S
    while wal.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    if wal.exists():
        partial.unlink(missing_ok=True)
        raise UnavailableDatabaseError(tr("crypt.in_use", path=db_path))
    try:
        before_swap()
        os.replace(partial, db_path)
    finally:
        partial.unlink(missing_ok=True)
    db_path.with_name(db_path.name + "-shm").unlink(missing_ok=True)
    remember(db_path, target_key)
    return kept


def _convert_backups(db_path: Path, source_key: str | None, target_key: str | None) -> list[Path]:
    """Every backup of this database in ``backups/`` that still has the old form, converted (verified, one
    rename each): a database encrypted keeps no plain copy of itself beside it."""
    from swdesk.db import backup as backups

    done = []
    for _stamp, path in backups.list_backups(backups.backup_dir(db_path), of=db_path):
        if is_plain(path) != (source_key is None):
            continue
        partial = path.with_name(path.name + ".parveido.partial")
        try:
            _convert_verified(path, source_key, partial, target_key)
            backups._keep_mode(path, partial)
            os.replace(partial, path)
        except (UnavailableDatabaseError,) + database_errors():
            continue  # a damaged old backup stays as it is; it was not sound to begin with
        finally:
            partial.unlink(missing_ok=True)
        remember(path, target_key)
        done.append(path)
    return done


def encrypt_database(db_path: Path, recovery_key: str | None = None) -> tuple[str, Path, list[Path]]:
    """Encrypt the plain database ``db_path``: a new key (from a new recovery key) is put in the credential
    store, the database is converted through a verified copy and swapped in, and its backups are encrypted
    too. Returns the recovery key (to be shown once and printed), the verified backup kept of the original
    (encrypted along with the others) and the backups converted."""
    if not is_plain(db_path):
        raise UnavailableDatabaseError(tr("crypt.already", path=db_path))
    reason = unavailable_reason()
    if reason is not None:
        raise UnavailableDatabaseError(tr("crypt.unavailable", reason=reason))
    recovery_key = normalise_recovery_key(recovery_key) if recovery_key else new_recovery_key()
    key = key_from_recovery(recovery_key)
    key_id = new_key_id()
    store_key(key_id, key)
    kept = _swap(db_path, None, key, lambda: write_marker(db_path, key_id))
    converted = _convert_backups(db_path, None, key)
    return recovery_key, kept, converted


def decrypt_database(db_path: Path) -> tuple[Path, list[Path]]:
    """Decrypt the encrypted database ``db_path`` (its key from the store or a recovery key given), through
    a verified copy; its backups are decrypted too. The key stays in the credential store (an encrypted copy
    kept elsewhere still opens)."""
    if is_plain(db_path):
        raise UnavailableDatabaseError(tr("crypt.not_encrypted", path=db_path))
    key = key_for(db_path)
    if key is None:
        raise KeyMissingError(tr("crypt.key_missing", path=db_path))
    kept = _swap(db_path, key, None, lambda: None)
    remove_marker(db_path)
    converted = _convert_backups(db_path, key, None)
    return kept, converted


def encrypt_new(db_path: Path) -> str:
    """A database just made (nothing but the catalogues in it) encrypted at once: the recovery key."""
    recovery_key, kept, _converted = encrypt_database(db_path)
    return recovery_key
