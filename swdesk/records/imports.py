"""The import log and undoing an import (issue 17 point 3).

Each import that changed something has a log row (file, SHA-256, when, who, counts) linked to the change
set holding exactly what it changed. :func:`undo` reverts that change set — rows it added are deleted, fields
it changed get their old values back, rows it deleted are re-created with their ids — in the caller's one
transaction, itself recorded as a change set of its own. If a later change touched the same record (a
field the import changed, or anything of a record it added) it refuses and names each one: undoing would
silently throw away that later work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from swdesk.db import history as h
from swdesk.db import models as m
from swdesk.formats import fmt_datetime
from swdesk.i18n import define, tr
from swdesk.records import Problem, RecordError, source
from swdesk.records.history import field_label, kind_label

define(
    {
        "undo.unknown": ("Importa Nr. {id} nav žurnālā.", "There is no import number {id} in the log."),
        "undo.no_history": (
            "Imports Nr. {id} ({file}) veikts pirms izmaiņu vēstures, tāpēc to nevar atsaukt.",
            "Import number {id} ({file}) was made before the change history, so it cannot be undone.",
        ),
        "undo.already": (
            "Imports Nr. {id} ({file}) jau ir atsaukts ({at}).",
            "Import number {id} ({file}) has already been undone ({at}).",
        ),
        "undo.conflicts": (
            "Importu Nr. {id} ({file}) nevar atsaukt: pēc tā mainīti tie paši ieraksti ({count}). Vispirms "
            "izlabojiet tos vai atstājiet importu.",
            "Import number {id} ({file}) cannot be undone: the same records were changed after it ({count}). "
            "Correct them first or keep the import.",
        ),
        "undo.conflict": (
            "{record}, lauks «{field}»: mainīts {at}, lietotājs {user}, ar {through}",
            "{record}, field '{field}': changed {at} by {user} through {through}",
        ),
        "undo.conflict_whole": (
            "{record}: {op} {at}, lietotājs {user}, ar {through}",
            "{record}: {op} {at} by {user} through {through}",
        ),
        "undo.missing": (
            "{record}: ieraksta vairs nav (izdzēsts bez vēstures, piem. ar demonstrācijas datiem)",
            "{record}: the record is no longer there (deleted without history, e.g. by the demo data)",
        ),
    }
)


UNDO_THROUGH = "atsaukšana:imports"  # the source of an undo's change set


@dataclass(frozen=True)
class ImportEntry:
    """One import of the log, as ``swdesk import --list`` and the import log view show it."""

    id: int
    at: dt.datetime
    file_name: str
    file_sha256: str | None
    os_user: str | None
    added: int
    updated: int
    unchanged: int | None
    change_set_id: int | None
    undone_at: dt.datetime | None

    @property
    def can_undo(self) -> bool:
        return self.change_set_id is not None and self.undone_at is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat() if self.at else None,
            "file_name": self.file_name,
            "file_sha256": self.file_sha256,
            "os_user": self.os_user,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "change_set_id": self.change_set_id,
            "undone_at": self.undone_at.isoformat() if self.undone_at else None,
            "can_undo": self.can_undo,
        }


@dataclass(frozen=True)
class Conflict:
    """A later change to a record (and field) the import wrote."""

    record_kind: str
    record_key: str
    field: str | None
    op: str
    at: dt.datetime
    os_user: str
    through: str
    change_set_id: int

    def message(self) -> str:
        record = f"{kind_label(self.record_kind)} {self.record_key}"
        at = fmt_datetime(self.at)
        if self.op == "missing":
            return tr("undo.missing", record=record)
        if self.field is None:
            from swdesk.records.history import op_label

            return tr("undo.conflict_whole", record=record, op=op_label(self.op), at=at, user=self.os_user,
                      through=self.through)
        return tr("undo.conflict", record=record, field=field_label(self.record_kind, self.field), at=at,
                  user=self.os_user, through=self.through)


class UndoRefused(RecordError):
    """An undo that would throw away later work; ``conflicts`` names each later change."""

    def __init__(self, message: str, conflicts: list[Conflict]) -> None:
        super().__init__([Problem(None, message), *(Problem(None, c.message()) for c in conflicts)])
        self.conflicts = conflicts


def list_imports(session: Session) -> list[ImportEntry]:
    """Every import of the log, newest first."""
    imported, undoing = aliased(m.ChangeSet), aliased(m.ChangeSet)
    rows = session.execute(
        select(m.ImportLog, undoing.at)
        .outerjoin(imported, imported.id == m.ImportLog.change_set_id)
        .outerjoin(undoing, undoing.id == imported.undone_by)
        .order_by(m.ImportLog.id.desc())
    )
    return [
        ImportEntry(
            id=log.id,
            at=log.at,
            file_name=log.file_name,
            file_sha256=log.file_sha256,
            os_user=log.os_user,
            added=log.added,
            updated=log.updated,
            unchanged=log.unchanged,
            change_set_id=log.change_set_id,
            undone_at=undone_at,
        )
        for log, undone_at in rows
    ]


def conflicts(session: Session, change_set_id: int) -> list[Conflict]:
    """Later changes (of change sets not undone) to what ``change_set_id`` wrote."""
    changes = list(session.scalars(select(m.Change).where(m.Change.change_set_id == change_set_id)))
    touched: dict[tuple[str, str], set[str | None] | None] = {}  # None: the whole record
    for change in changes:
        record = (change.record_kind, change.record_key)
        if change.op == "change":
            fields = touched.setdefault(record, set())
            if fields is not None:
                fields.add(change.field)
        else:
            touched[record] = None
    kinds = sorted({kind for kind, _key in touched})
    c, s = m.Change, m.ChangeSet
    later = session.execute(
        select(c, s)
        .join(s, s.id == c.change_set_id)
        .where(c.change_set_id > change_set_id, c.record_kind.in_(kinds), s.undone_by.is_(None))
        .order_by(c.id)
    )
    found: list[Conflict] = []
    for change, change_set in later:
        if change_set.undoes is not None and change_set.undoes > change_set_id:
            continue  # the undo of a later change set: together they changed nothing
        record = (change.record_kind, change.record_key)
        if record not in touched:
            continue
        fields = touched[record]
        if fields is not None and change.field is not None and change.field not in fields:
            continue  # another field of a record the import only changed
        found.append(
            Conflict(change.record_kind, change.record_key, change.field, change.op, change_set.at,
                     change_set.os_user, change_set.through, change_set.id)
        )
    return found


def undo(session: Session, import_id: int) -> int:
    """Revert exactly what import ``import_id`` changed, in the caller's transaction; the id of the change
    set that did it. :class:`UndoRefused` (a :class:`RecordError`) names later changes to the same records;
    RecordError when the import is unknown, made before the history, or undone already."""
    log = session.get(m.ImportLog, import_id)
    if log is None:
        raise RecordError([Problem(None, tr("undo.unknown", id=import_id))])
    if log.change_set_id is None:
        raise RecordError([Problem(None, tr("undo.no_history", id=import_id, file=log.file_name))])
    target = session.get(m.ChangeSet, log.change_set_id)
    assert target is not None
    if target.undone_by is not None:
        done = session.get(m.ChangeSet, target.undone_by)
        at = fmt_datetime(done.at) if done else "?"
        raise RecordError([Problem(None, tr("undo.already", id=import_id, file=log.file_name, at=at))])
    found = conflicts(session, target.id)
    changes = list(
        session.scalars(select(m.Change).where(m.Change.change_set_id == target.id).order_by(m.Change.id.desc()))
    )
    missing: list[Conflict] = []
    with session.no_autoflush:
        objects: dict[tuple[str, str], Any] = {}
        for change in changes:
            record = (change.record_kind, change.record_key)
            if change.op == "delete" or record in objects:
                continue
            model = h.MODEL_OF[change.record_kind]
            obj = session.get(model, h.key_values(model, change.record_key))
            objects[record] = obj
            if obj is None and not any(f.record_kind == record[0] and f.record_key == record[1] for f in found):
                missing.append(Conflict(record[0], record[1], None, "missing", target.at, target.os_user,
                                        target.through, target.id))
    if found or missing:
        message = tr("undo.conflicts", id=import_id, file=log.file_name, count=len(found) + len(missing))
        raise UndoRefused(message, found + missing)
    with source(session, UNDO_THROUGH, file=log.file_name, sha256=log.file_sha256):
        for change in changes:
            model = h.MODEL_OF[change.record_kind]
            record = (change.record_kind, change.record_key)
            if change.op == "add":
                obj = objects.get(record)
                if obj is not None:
                    session.delete(obj)
                    objects[record] = None
            elif change.op == "change":
                obj = objects[record]
                if obj is not None and change.field is not None:
                    setattr(obj, change.field, h.from_text(model, change.field, change.old))
            else:  # re-create a deleted row as it was, with its id
                assert change.old is not None
                session.add(model(**h.values_from_json(model, change.old)))
        session.flush()
        undo_id = h.current_change_set(session)
    if undo_id is None:  # nothing to revert (an import whose changes were all undone another way)
        undo_id = _empty_change_set(session, log)
    target.undone_by = undo_id
    undoing = session.get(m.ChangeSet, undo_id)
    assert undoing is not None
    undoing.undoes = target.id
    session.flush()
    return undo_id


def _empty_change_set(session: Session, log: m.ImportLog) -> int:
    change_set = m.ChangeSet(at=dt.datetime.now().replace(microsecond=0), os_user=h.os_user(),
                             through=UNDO_THROUGH, file_name=log.file_name, file_sha256=log.file_sha256)
    session.add(change_set)
    session.flush()
    return change_set.id
