"""The change history (issue 17): every ORM write through a session of :class:`~swdesk.db.database.Database`
is recorded in ``change_set`` and ``change``, in the same transaction as the write.

Why session events and not ``sqlalchemy-continuum`` / ``sqlalchemy-history``: those keep a shadow
``*_version`` table per model (twelve new tables, each to be migrated with its model forever and frozen in
every fixture), record a whole row per version rather than "field: old → new", know "who" only through a
Flask-style user class, and have no notion of "through which door" or of undoing one transaction's changes
while refusing when a later one touched the same fields. One ``after_flush`` hook sees every door alike —
the forms, the grid, the import, the command line — because they all write through the ORM session; what it
writes is two plain tables that SQLite and PostgreSQL both hold and one Alembic revision creates.

One change set is one transaction's changes through one source (:func:`set_source`, usually through
``swdesk.records.source``); it is written at the first flush that changes something and reused by the
later flushes of that transaction. A crash before the commit loses both the data and its history; after the
commit both are there. Bulk SQL (``session.execute(insert(...))``) is not seen: the program's only bulk
writes are the demo's generator, which turns the history off for its invented data (:data:`OFF`), and a
person's erasure, which records itself explicitly (``swdesk.personal_data``).
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, event, insert, inspect, text
from sqlalchemy.orm import Session, sessionmaker

from swdesk.db import models as m

# session.info keys
SOURCE = "swdesk.history.source"
OFF = "swdesk.history.off"  # True: this session's writes are not recorded (the demo's invented data)
_CURRENT = "swdesk.history.current"

# The recorded models and the kind under which their changes are filed (the records layer's kind names).
KIND_OF: dict[type, str] = {
    m.Service: "service",
    m.Population: "population",
    m.Staff: "staff",
    m.Vacancy: "vacancy",
    m.Criterion: "criterion",
    m.Caseload: "caseload",
    m.Duty: "duty",
    m.TrainingEvent: "training",
    m.Setting: "setting",
    m.SalaryScale: "scale",
    m.Scenario: "scenario",
    m.ScenarioChange: "scenario_change",
    m.Position: "position",
    m.Education: "education",
    m.WorkType: "work_type",
    m.Unit: "unit",
    m.DutyCategory: "duty_category",
}
if hasattr(m, "StaffTerm"):  # the values of an employment from a date (issue 17 point 4)
    KIND_OF[m.StaffTerm] = "staff_term"
if hasattr(m, "StructuralUnit"):  # the service's list of structural units (issue 14)
    KIND_OF[m.StructuralUnit] = "structural_unit"
MODEL_OF: dict[str, type] = {kind: model for model, kind in KIND_OF.items()}
KEY_SEPARATOR = "|"


@dataclass(frozen=True)
class Source:
    """What the following changes are attributed to: ``through`` (e.g. ``forma:Darbinieki``, ``imports``,
    ``komanda:settings``) and, for an import, its file names and their SHA-256."""

    through: str
    file_name: str | None = None
    file_sha256: str | None = None


UNKNOWN_SOURCE = Source("programma")
_default_source: list[Source] = [UNKNOWN_SOURCE]


def set_default_source(source: Source) -> None:
    """What this process's changes are attributed to when no :func:`set_source` says otherwise: the command
    line sets ``komanda:<command>`` once it knows the command; the window's forms set their own."""
    _default_source[0] = source


def _source_of(session: Session) -> Source:
    return session.info.get(SOURCE) or _default_source[0]  # type: ignore[no-any-return]


def set_source(session: Session, source: Source | None) -> Source | None:
    """Attribute the session's next changes to ``source`` (None: the default); returns the previous one."""
    previous = session.info.get(SOURCE)
    if source is None:
        session.info.pop(SOURCE, None)
    else:
        session.info[SOURCE] = source
    return previous  # type: ignore[no-any-return]


@cache
def os_user() -> str:
    """The operating-system user, or "?" where the system cannot name one (no login name, no USER)."""
    try:
        return getpass.getuser()[:100] or "?"
    except Exception:  # noqa: BLE001 - getpass raises OSError, KeyError or ImportError by platform
        return "?"


# --- canonical text of values ---------------------------------------------------------------------------


def to_text(value: Any) -> str | None:
    """One spelling per value, whatever the database: ISO dates, a Decimal's own digits, 1/0 for yes/no."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")  # 1.500 and 1.5 alike: "1.5"; 1400.00: "1400"
    return str(value)


def from_text(model: type[Any], field: str, value: str | None) -> Any:
    """The Python value of ``model.field`` that :func:`to_text` wrote as ``value``."""
    if value is None:
        return None
    column_type = model.__table__.columns[field].type  # type: ignore[attr-defined]
    if isinstance(column_type, m.Fixed):
        return Decimal(value)
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, Boolean):
        return value == "1"
    if column_type.python_type is int:
        return int(value)
    return value


_KEY_FIELDS: dict[type[Any], tuple[str, ...]] = {}
_COLUMNS: dict[type[Any], tuple[str, ...]] = {}


def _key_fields(model: type[Any]) -> tuple[str, ...]:
    fields = _KEY_FIELDS.get(model)
    if fields is None:
        fields = _KEY_FIELDS[model] = tuple(c.key for c in inspect(model).primary_key)
    return fields


def record_key(model: type[Any], obj: Any) -> str:
    """The primary key as text: ``17``, or ``duties.threshold|2024-01-01`` for a composite key."""
    fields = _key_fields(model)
    if len(fields) == 1:
        return to_text(getattr(obj, fields[0])) or ""
    return KEY_SEPARATOR.join(to_text(getattr(obj, f)) or "" for f in fields)


def key_values(model: type[Any], key: str) -> tuple[Any, ...]:
    """The primary key's values from :func:`record_key`'s text."""
    columns = inspect(model).primary_key
    parts = key.split(KEY_SEPARATOR, len(columns) - 1)
    return tuple(from_text(model, c.key, part) for c, part in zip(columns, parts, strict=True))


def _columns(model: type[Any]) -> tuple[str, ...]:
    columns = _COLUMNS.get(model)
    if columns is None:
        columns = _COLUMNS[model] = tuple(sorted(c.key for c in inspect(model).column_attrs))
    return columns


def values_json(model: type[Any], values: dict[str, Any]) -> str:
    """Every field of a record as JSON of canonical texts, in the order of the field names."""
    return json.dumps({k: to_text(values.get(k)) for k in _columns(model)}, ensure_ascii=False)


def values_from_json(model: type[Any], text_value: str) -> dict[str, Any]:
    raw = json.loads(text_value)
    return {k: from_text(model, k, v) for k, v in raw.items()}


def _staff_of(obj: Any) -> int | None:
    if isinstance(obj, m.Staff):
        return obj.id
    return getattr(obj, "staff_id", None)


# --- recording --------------------------------------------------------------------------------------------


def install(sessions: sessionmaker[Session]) -> None:
    """Record the writes of every session ``sessions`` makes."""
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "after_transaction_end", _after_transaction_end)


def _after_transaction_end(session: Session, transaction: Any) -> None:
    current = session.info.get(_CURRENT)
    if current is not None and current[0] is transaction:
        session.info.pop(_CURRENT, None)


def current_change_set(session: Session) -> int | None:
    """The id of the change set the session's transaction has written under its current source, if any."""
    current = session.info.get(_CURRENT)
    if current is None or current[1] != _source_of(session):
        return None
    return current[2]  # type: ignore[no-any-return]


def _change_set(session: Session) -> int:
    source = _source_of(session)
    found = current_change_set(session)
    if found is not None:
        return found
    connection = session.connection()
    db_user = None
    if connection.dialect.name == "postgresql":
        db_user = connection.execute(text("SELECT current_user")).scalar()
    result = connection.execute(
        insert(m.ChangeSet.__table__).values(  # type: ignore[arg-type]
            at=dt.datetime.now().replace(microsecond=0),
            os_user=os_user(),
            db_user=db_user,
            through=source.through[:200],
            file_name=source.file_name[:500] if source.file_name else None,
            file_sha256=source.file_sha256[:500] if source.file_sha256 else None,
        )
    )
    change_set_id = int(result.inserted_primary_key[0])  # type: ignore[index]
    root = session.get_transaction()
    while root is not None and root.parent is not None:
        root = root.parent
    session.info[_CURRENT] = (root, source, change_set_id)
    return change_set_id


_recording = [True]


def set_recording(on: bool) -> None:
    """Record (the default) or not every session's writes in this process: for the benchmark that measures
    what the history costs an import, nothing else."""
    _recording[0] = on


def _after_flush(session: Session, _context: Any) -> None:
    if session.info.get(OFF) or not _recording[0]:
        return
    rows: list[dict[str, Any]] = []
    for obj in session.new:
        model = type(obj)
        kind = KIND_OF.get(model)
        if kind is None:
            continue
        state = inspect(obj)
        rows.append(
            {
                "record_kind": kind,
                "record_key": record_key(model, obj),
                "staff_id": _staff_of(obj),
                "field": None,
                "op": "add",
                "old": None,
                "new": values_json(model, state.dict),
            }
        )
    for obj in session.dirty:
        model = type(obj)
        kind = KIND_OF.get(model)
        if kind is None:
            continue
        state = inspect(obj)
        key = None
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if not history.added and not history.deleted:
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            old_text, new_text = to_text(old), to_text(new)
            if old_text == new_text:
                continue
            if key is None:
                key = record_key(model, obj)
            rows.append(
                {
                    "record_kind": kind,
                    "record_key": key,
                    "staff_id": _staff_of(obj),
                    "field": attr.key,
                    "op": "change",
                    "old": old_text,
                    "new": new_text,
                }
            )
    for obj in session.deleted:
        model = type(obj)
        kind = KIND_OF.get(model)
        if kind is None:
            continue
        state = inspect(obj)
        values = dict(state.dict)
        for attr in state.mapper.column_attrs:  # what the flush itself changed before deleting
            history = state.attrs[attr.key].history
            if history.deleted:
                values[attr.key] = history.deleted[0]
        rows.append(
            {
                "record_kind": kind,
                "record_key": record_key(model, obj),
                "staff_id": _staff_of(obj),
                "field": None,
                "op": "delete",
                "old": values_json(model, values),
                "new": None,
            }
        )
    if not rows:
        return
    record(session, rows)


def record(session: Session, rows: list[dict[str, Any]]) -> None:
    """Write change rows (dicts of :class:`~swdesk.db.models.Change`'s columns but the change set) under
    the session's current change set; for writes the ORM does not see (a bulk delete)."""
    if session.info.get(OFF) or not rows:
        return
    change_set_id = _change_set(session)
    for row in rows:
        row["change_set_id"] = change_set_id
    session.connection().execute(insert(m.Change.__table__), rows)  # type: ignore[arg-type]


# --- a person's right to erasure (GDPR art. 17) and anonymisation ---------------------------------------------

PERSONAL_FIELDS = ("first_name", "last_name", "tabeles_nr", "personal_code", "specialization")


def forget_person(session: Session, staff_id: int, *, erased: bool) -> None:
    """Keep no personal data of this person in the history (``swdesk.personal_data``).

    Erased: every change about the person goes (their caseloads, duties and training included), and one
    row says that staff record ``staff_id`` was deleted, without its values. Anonymised: the old and new
    values of the personal fields (name, employee number, personal code, specialisation) go from every change
    of the staff record, the figures stay.
    """
    from sqlalchemy import delete, select, update

    session.flush()
    c = m.Change
    if erased:
        session.execute(delete(c).where(c.staff_id == staff_id))
        record(session, [{"record_kind": "staff", "record_key": str(staff_id), "staff_id": staff_id, "field": None,
                          "op": "delete", "old": json.dumps({"id": str(staff_id)}), "new": None}])
        return
    of_record = (c.record_kind == "staff", c.record_key == str(staff_id))
    session.execute(update(c).where(*of_record, c.field.in_(PERSONAL_FIELDS)).values(old=None, new=None))
    for change in session.scalars(select(c).where(*of_record, c.field.is_(None))):
        for column in ("old", "new"):
            raw = getattr(change, column)
            if raw:
                values = json.loads(raw)
                values.update({f: None for f in PERSONAL_FIELDS if f in values})
                setattr(change, column, json.dumps(values, ensure_ascii=False, sort_keys=True))
    session.flush()
