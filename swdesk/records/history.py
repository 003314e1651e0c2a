"""Reading the change history (issue 17 point 2): who changed what, when and through what.

:func:`find` is what ``swdesk history`` and the "Izmaiņu vēsture" view ask: the newest changes first, a page
at a time, filtered by record, person, dates, user and source. It reads ``change`` by its primary key
downwards and joins the change set, so its first page stays fast on hundreds of thousands of changes
(indexes: ``ix_change_record``, ``ix_change_staff_id``, ``ix_change_set_at``…; a bench row times it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.i18n import define, tr

define(
    {
        "history.kind.service": ("Dienests", "Service"),
        "history.kind.population": ("Iedzīvotāji", "Population"),
        "history.kind.staff": ("Darbinieks", "Staff member"),
        "history.kind.staff_term": ("Darbinieka nosacījumi no datuma", "Staff terms from a date"),
        "history.kind.vacancy": ("Vakance", "Vacancy"),
        "history.kind.criterion": ("Kritērijs", "Criterion"),
        "history.kind.caseload": ("Lietas", "Caseload"),
        "history.kind.duty": ("Pienākums", "Duty"),
        "history.kind.training": ("Apmācības", "Training"),
        "history.kind.setting": ("Iestatījums", "Setting"),
        "history.kind.scale": ("Mēnešalgu skala", "Salary scale"),
        "history.kind.scenario": ("Scenārijs", "Scenario"),
        "history.kind.scenario_change": ("Scenārija izmaiņa", "Scenario change"),
        "history.kind.position": ("Amats", "Position"),
        "history.kind.education": ("Izglītība", "Education"),
        "history.kind.work_type": ("Darba veids", "Work type"),
        "history.kind.unit": ("Mērvienība", "Unit"),
        "history.kind.structural_unit": ("Struktūrvienība", "Structural unit"),
        "history.kind.duty_category": ("Pienākumu kategorija", "Duty category"),
        "history.op.add": ("pievienots", "added"),
        "history.op.change": ("mainīts", "changed"),
        "history.op.delete": ("dzēsts", "deleted"),
        "history.yes": ("jā", "yes"),
        "history.no": ("nē", "no"),
    }
)

PAGE = 200


@dataclass(frozen=True)
class Entry:
    """One change with its change set: when, who, through what; record, field, old → new (canonical text,
    ``swdesk.db.history.to_text``; a whole record as JSON when added or deleted)."""

    id: int
    change_set_id: int
    at: dt.datetime
    os_user: str
    db_user: str | None
    through: str
    file_name: str | None
    record_kind: str
    record_key: str
    staff_id: int | None
    field: str | None
    op: str
    old: str | None
    new: str | None
    undone_by: int | None

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        return data


def kind_label(kind: str) -> str:
    """The kind of record in the user's words (Darbinieks, Lietas…)."""
    key = f"history.kind.{kind}"
    try:
        return tr(key)
    except KeyError:
        return kind


_SHEET_OF = {"population": "Iedzīvotāji", "staff": "Darbinieki", "vacancy": "Vakances", "criterion": "Kritēriji",
             "caseload": "Lietas", "duty": "Pienākumi", "training": "Apmācības"}


def field_label(kind: str, field: str | None) -> str:
    """A field as the import workbook's column names it (Lietu skaits, Slodze…); else its own name."""
    from swdesk.importer.sheets import sheet_by_name

    if field is None:
        return ""
    sheet = _SHEET_OF.get(kind)
    if sheet is not None:
        for column in sheet_by_name(sheet).columns:
            if column.field == field:
                return column.header
    return field


def shown(kind: str, field: str, value: str | None) -> str:
    """A value of the history as a person reads it: 1,5 and 01.03.2026, jā/nē, "—" for none; what
    ``swdesk.db.history.to_text`` wrote, read back with the field's type."""
    from decimal import Decimal

    from swdesk.db import history as h
    from swdesk.formats import fmt_date, fmt_exact

    if value is None:
        return "—"
    model = h.MODEL_OF.get(kind)
    try:
        typed = h.from_text(model, field, value) if model is not None else value
    except (KeyError, ValueError, ArithmeticError):
        return value
    if isinstance(typed, bool):
        return tr("history.yes") if typed else tr("history.no")
    if isinstance(typed, dt.date):
        return fmt_date(typed)
    if isinstance(typed, Decimal):
        return fmt_exact(typed)
    return str(typed)


def op_label(op: str) -> str:
    return tr(f"history.op.{op}")


def staff_ids_of(session: Session, tabeles_nr: str) -> list[int]:
    """The staff ids that have had this employee number: today's, and that of a deleted person found in the
    history (a deleted record's values are kept with its deletion)."""
    ids = set(session.scalars(select(m.Staff.id).where(m.Staff.tabeles_nr == tabeles_nr)))
    needle = f'"tabeles_nr": "{tabeles_nr}"'
    stmt = select(m.Change.record_key).where(
        m.Change.record_kind == "staff", m.Change.field.is_(None),
        or_(m.Change.old.contains(needle, autoescape=True), m.Change.new.contains(needle, autoescape=True)),
    )
    ids.update(int(key) for key in session.scalars(stmt))
    return sorted(ids)


def find(
    session: Session,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: str | None = None,
    key: Any = None,
    staff_id: int | None = None,
    person: str | None = None,
    os_user: str | None = None,
    through: str | None = None,
    change_set_id: int | None = None,
    limit: int | None = PAGE,
    before_id: int | None = None,
) -> list[Entry]:
    """Changes, newest first, that match every filter given.

    ``kind``/``key``: one kind of record, or one record (``key`` as ``records.change`` takes it, or the
    text of ``swdesk.db.history.record_key``); ``staff_id`` or ``person`` (a Tabeles nr.): everything about
    one person — their staff record and their caseloads, duties and training; ``since``/``until``: dates,
    both included; ``os_user``: exactly; ``through``: the source's beginning (``forma:`` every form,
    ``imports``). ``before_id`` continues after the last entry of the previous page.
    """
    from swdesk.db import history as h

    c, s = m.Change, m.ChangeSet
    stmt = select(c, s).join(s, s.id == c.change_set_id).order_by(c.id.desc())
    if kind is not None:
        stmt = stmt.where(c.record_kind == kind)
        if key is not None:
            if not isinstance(key, str):
                model = h.MODEL_OF[kind]
                values = key if isinstance(key, tuple | list) else (key,)
                key = h.KEY_SEPARATOR.join(h.to_text(v) or "" for v in values)
                del model
            stmt = stmt.where(c.record_key == key)
    if person is not None:
        ids = staff_ids_of(session, person)
        if not ids:
            return []
        stmt = stmt.where(c.staff_id.in_(ids))
    if staff_id is not None:
        stmt = stmt.where(c.staff_id == staff_id)
    if since is not None:
        stmt = stmt.where(s.at >= dt.datetime.combine(since, dt.time()))
    if until is not None:
        stmt = stmt.where(s.at < dt.datetime.combine(until + dt.timedelta(days=1), dt.time()))
    if os_user is not None:
        stmt = stmt.where(s.os_user == os_user)
    if through is not None:
        stmt = stmt.where(s.through.startswith(through, autoescape=True))
    if change_set_id is not None:
        stmt = stmt.where(c.change_set_id == change_set_id)
    if before_id is not None:
        stmt = stmt.where(c.id < before_id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        Entry(
            id=change.id,
            change_set_id=change_set.id,
            at=change_set.at,
            os_user=change_set.os_user,
            db_user=change_set.db_user,
            through=change_set.through,
            file_name=change_set.file_name,
            record_kind=change.record_kind,
            record_key=change.record_key,
            staff_id=change.staff_id,
            field=change.field,
            op=change.op,
            old=change.old,
            new=change.new,
            undone_by=change_set.undone_by,
        )
        for change, change_set in session.execute(stmt)
    ]
