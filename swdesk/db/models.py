"""The data model of a social service (sociālais dienests), SPEC §1 and §5.

Money, FTE (slodze) and hours are stored as scaled integers through :class:`Fixed`, so that SQLite and
PostgreSQL keep them exactly and sums in SQL need no floating point. Training and supervision events are
stored in whole minutes, with the duration and the unit as the person entered them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from sqlalchemy.types import TypeDecorator


class Fixed(TypeDecorator[Decimal]):
    """A decimal with a fixed number of places, stored as an integer of its smallest unit."""

    impl = Integer
    cache_ok = True

    def __init__(self, places: int) -> None:
        super().__init__()
        self.places = places
        self._scale = 10**places
        self._quantum = Decimal(1).scaleb(-places)

    def process_bind_param(self, value: Decimal | int | float | None, dialect: object) -> int | None:
        if value is None:
            return None
        exact = Decimal(str(value)).quantize(self._quantum, rounding=ROUND_HALF_UP)
        return int(exact * self._scale)

    def process_result_value(self, value: int | None, dialect: object) -> Decimal | None:
        if value is None:
            return None
        # the stored integer's digits with the point moved: exactly ``(value / 10**places).quantize(quantum)``
        # (the same digits and exponent), at half the cost on a year of duty hours
        return Decimal(value).scaleb(-self.places)

    def result_processor(self, dialect: Any, coltype: object) -> Callable[[int | None], Decimal | None] | None:
        """:meth:`process_result_value` as a plain function when the integer needs no driver conversion,
        without TypeDecorator's wrapper around it (a year's checks read 20,000 such values)."""
        if self.impl_instance.result_processor(dialect, coltype) is not None:
            return super().result_processor(dialect, coltype)
        exponent = -self.places
        # A column's values repeat (8,00 hours, the same fee): each integer is turned into its Decimal once,
        # for as long as SQLAlchemy keeps the compiled query (at most 4 096 values); a Decimal is immutable,
        # so rows may share it.
        made: dict[int, Decimal] = {}

        def process(value: int | None) -> Decimal | None:
            if value is None:
                return None
            found = made.get(value)
            if found is None:
                found = Decimal(value).scaleb(exponent)
                if len(made) < 4096:
                    made[value] = found
            return found

        return process


Money = Fixed(2)
FTE = Fixed(3)
Hours = Fixed(2)


class Base(DeclarativeBase):
    pass


# --- the service --------------------------------------------------------------------------------------


class Service(Base):
    """The social service that owns this database (one per database)."""

    __tablename__ = "service"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    municipality: Mapped[str] = mapped_column(String(100))
    head_name: Mapped[str | None] = mapped_column(String(200))
    # What a claim's or survey's header needs (revision 0002); validated in ``swdesk.service_record``.
    registration_number: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(300))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    agreement_number: Mapped[str | None] = mapped_column(String(100))
    bank_account: Mapped[str | None] = mapped_column(String(34))  # IBAN without spaces


class Population(Base):
    """Iedzīvotāju skaits: residents of the municipality in a year."""

    __tablename__ = "population"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    residents: Mapped[int] = mapped_column(Integer, CheckConstraint("residents >= 0"))


# --- catalogues (SPEC §1), shipped as defaults and editable -----------------------------------------------


class Position(Base):
    """Amats: a staff position with its flags and yearly norms (SPEC §1.1)."""

    __tablename__ = "position"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    salary_group: Mapped[int | None] = mapped_column(Integer)
    is_sds: Mapped[bool] = mapped_column(Boolean, default=False)
    training_hours: Mapped[int | None] = mapped_column(Integer)
    supervision_norm: Mapped[bool] = mapped_column(Boolean, default=False)
    claim_eligible: Mapped[bool] = mapped_column(Boolean, default=False)
    # education codes that comply with the position (SPEC §1.3); space separated, empty = no requirement
    education_allowed: Mapped[str] = mapped_column(String(100), default="")

    @property
    def allowed_education(self) -> frozenset[str]:
        return frozenset(self.education_allowed.split())


class SalaryScale(Base):
    """Mēnešalgu grupa: full-time monthly pay range of a salary group from a year on (SPEC §1.2)."""

    __tablename__ = "salary_scale"
    group: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    min: Mapped[Decimal] = mapped_column(Money)
    mid: Mapped[Decimal] = mapped_column(Money)
    max: Mapped[Decimal] = mapped_column(Money)


class Education(Base):
    """Izglītība: education category (SPEC §1.3)."""

    __tablename__ = "education"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))


class WorkType(Base):
    """Darba veids (SPEC §1.4)."""

    __tablename__ = "work_type"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Unit(Base):
    """Mērvienība of a caseload (SPEC §1.4)."""

    __tablename__ = "unit"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class DutyCategory(Base):
    """Category of a duty not related to social work (SPEC §1.5)."""

    __tablename__ = "duty_category"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class StructuralUnit(Base):
    """Struktūrvienība (issue 14): a territorial centre or department the service keeps in its own list.

    Not to be confused with :class:`Unit`, a *measurement* unit of caseloads. A person's unit is a dated term
    (``StaffTerm.unit_name``) naming a unit of this list by its name; renaming a unit renames it in every
    term through the records layer (``swdesk.records``, kind ``unit``), which also keeps the parents free
    of cycles and refuses to delete a unit people belong to.
    """

    __tablename__ = "structural_unit"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    head_name: Mapped[str | None] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("structural_unit.id"))


class Setting(Base):
    """A setting of SPEC §1.6 with the date from which the value applies."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    valid_from: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    value: Mapped[str] = mapped_column(String(100))


# --- the staff and their work --------------------------------------------------------------------------


class Staff(Base):
    """Darbinieks: one employment of a person, keyed by the employee number (tabeles_nr)."""

    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    tabeles_nr: Mapped[str] = mapped_column(String(40), unique=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    personal_code: Mapped[str | None] = mapped_column(String(12))
    position_code: Mapped[str] = mapped_column(ForeignKey("position.code", onupdate="CASCADE"))
    fte: Mapped[Decimal] = mapped_column(FTE)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    education_code: Mapped[str] = mapped_column(ForeignKey("education.code", onupdate="CASCADE"))
    salary: Mapped[Decimal] = mapped_column(Money)
    unit_name: Mapped[str | None] = mapped_column(String(200))
    specialization: Mapped[str | None] = mapped_column(String(200))

    position: Mapped[Position] = relationship(lazy="joined")
    # the values that apply from a date (revision 0005_staff_terms, ``swdesk.staff_terms``); the columns
    # above hold the newest term's values, kept so by :func:`_keep_terms_in_step` at every flush
    terms: Mapped[list[StaffTerm]] = relationship(
        order_by="StaffTerm.valid_from", cascade="all, delete-orphan", passive_deletes=True,
        back_populates="staff",
    )

    __table_args__ = (
        CheckConstraint("fte > 0", name="ck_staff_fte_positive"),
        CheckConstraint('"end" IS NULL OR "end" >= start', name="ck_staff_end_after_start"),
    )

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


# The fields of an employment that change from a date (issue 17 point 4): FTE, position, salary, education
# and structural unit. Every other field of Staff (name, personal code, start, end) is one value throughout.
TERM_FIELDS = ("fte", "position_code", "salary", "education_code", "unit_name")


class StaffTerm(Base):
    """The values of an employment in force from ``valid_from`` until the next term (or the end).

    A person's first term starts on the employment's start; a change "from date D" adds (or replaces) the
    term of D. The rules read the term in force on each day (``swdesk.staff_terms``), so a change today does
    not rewrite the past.
    """

    __tablename__ = "staff_term"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    position_code: Mapped[str] = mapped_column(ForeignKey("position.code", onupdate="CASCADE"))
    fte: Mapped[Decimal] = mapped_column(FTE)
    education_code: Mapped[str] = mapped_column(ForeignKey("education.code", onupdate="CASCADE"))
    salary: Mapped[Decimal] = mapped_column(Money)
    unit_name: Mapped[str | None] = mapped_column(String(200))

    staff: Mapped[Staff] = relationship(back_populates="terms")

    __table_args__ = (
        UniqueConstraint("staff_id", "valid_from", name="uq_staff_term_key"),
        CheckConstraint("fte > 0", name="ck_staff_term_fte_positive"),
    )

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in TERM_FIELDS}


def staff_values(staff: Staff) -> dict[str, Any]:
    """The term fields of a Staff row as they stand (the newest term's values)."""
    return {name: getattr(staff, name) for name in TERM_FIELDS}


@event.listens_for(Session, "before_flush")
def _keep_terms_in_step(session: Session, flush_context: object, instances: object) -> None:
    """Keep the Staff columns and the newest term the same, whoever wrote the Staff row.

    A new employment gets its first term from its start. A Staff row whose term fields were set directly
    (an import of an existing person without "Spēkā no", a form that corrects a typo, a test) corrects its
    newest term rather than adding one: that is what such a write meant before terms existed, and
    ``swdesk.staff_terms.change_from`` is the way to add a term. A start moved later drops the terms that
    would begin before it; the first term always begins on the start.
    """
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, Staff) or obj in session.deleted:
            continue
        if obj.start is None:
            continue
        with session.no_autoflush:
            terms = obj.terms
            if not terms:
                terms.append(StaffTerm(valid_from=obj.start, **staff_values(obj)))
                continue
            ordered = sorted(terms, key=lambda t: t.valid_from)
            in_force = [t for t in ordered if t.valid_from <= obj.start]
            for term in in_force[:-1]:
                terms.remove(term)
                ordered.remove(term)
            if ordered[0].valid_from != obj.start:
                ordered[0].valid_from = obj.start
            newest = ordered[-1]
            for name, value in staff_values(obj).items():
                if getattr(newest, name) != value:
                    setattr(newest, name, value)


class Vacancy(Base):
    """Vakance: an announced post, open until filled."""

    __tablename__ = "vacancy"
    id: Mapped[int] = mapped_column(primary_key=True)
    position_code: Mapped[str] = mapped_column(ForeignKey("position.code", onupdate="CASCADE"))
    fte: Mapped[Decimal] = mapped_column(FTE)
    announced: Mapped[dt.date] = mapped_column(Date)
    filled: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("position_code", "announced", name="uq_vacancy_key"),)


class Criterion(Base):
    """Slodzes kritērijs: the service's maximum per FTE per month for a work type and unit.

    ``position_code`` is ``*`` for every position; a criterion for a specific position replaces the ``*``
    one for the same work type and unit.
    """

    __tablename__ = "criterion"
    id: Mapped[int] = mapped_column(primary_key=True)
    position_code: Mapped[str] = mapped_column(String(20))
    work_type_code: Mapped[str] = mapped_column(ForeignKey("work_type.code", onupdate="CASCADE"))
    unit_code: Mapped[str] = mapped_column(ForeignKey("unit.code", onupdate="CASCADE"))
    max_per_fte: Mapped[Decimal] = mapped_column(Hours)
    weight: Mapped[Decimal | None] = mapped_column(Fixed(3))

    __table_args__ = (UniqueConstraint("position_code", "work_type_code", "unit_code", name="uq_criterion_key"),)


class Caseload(Base):
    """Lietas: one staff member's monthly caseload in one work type, in up to three units."""

    __tablename__ = "caseload"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    month: Mapped[dt.date] = mapped_column(Date, index=True)  # the first day of the month
    work_type_code: Mapped[str] = mapped_column(ForeignKey("work_type.code", onupdate="CASCADE"))
    cases: Mapped[int | None] = mapped_column(Integer)
    applications: Mapped[int | None] = mapped_column(Integer)
    persons: Mapped[int | None] = mapped_column(Integer)

    staff: Mapped[Staff] = relationship()

    __table_args__ = (UniqueConstraint("staff_id", "month", "work_type_code", name="uq_caseload_key"),)

    def value(self, unit_code: str) -> int | None:
        return {"LIETAS": self.cases, "IESN": self.applications, "PERS": self.persons}.get(unit_code)


class Duty(Base):
    """Pienākums: hours spent on a duty not related to social work (SPEC §1.5)."""

    __tablename__ = "duty"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    category_code: Mapped[str] = mapped_column(ForeignKey("duty_category.code", onupdate="CASCADE"))
    hours: Mapped[Decimal] = mapped_column(Hours)
    description: Mapped[str | None] = mapped_column(Text)

    staff: Mapped[Staff] = relationship()


TRAINING_KINDS = ("training", "supervision_individual", "supervision_group")
FORMS = ("in_person", "remote")
DURATION_UNITS = ("hours", "academic_hours", "minutes")


class TrainingEvent(Base):
    """Apmācības or supervīzija attended by one staff member.

    ``minutes`` is the exact duration; ``duration`` and ``duration_unit`` keep what was entered.
    The autoincrement id is the order of entry, which breaks ties between events of the same date.
    """

    __tablename__ = "training_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    form: Mapped[str] = mapped_column(String(20), default="in_person")
    minutes: Mapped[int] = mapped_column(Integer)
    duration: Mapped[Decimal] = mapped_column(Hours)
    duration_unit: Mapped[str] = mapped_column(String(20))
    topic: Mapped[str | None] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(String(300))
    certified_supervisor: Mapped[bool | None] = mapped_column(Boolean)
    cost: Mapped[Decimal | None] = mapped_column(Money)
    invoice: Mapped[str | None] = mapped_column(String(100))
    # A planned event (revision 0003_planning) is part of the training plan only: no claim, check or
    # survey counts it until it is marked done (issue 13).
    planned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    staff: Mapped[Staff] = relationship()

    __table_args__ = (
        CheckConstraint("minutes >= 0", name="ck_training_minutes"),
        CheckConstraint(f"kind IN {TRAINING_KINDS!r}", name="ck_training_kind"),
        CheckConstraint(f"form IN {FORMS!r}", name="ck_training_form"),
    )


# --- planning (issue 13, revision 0003_planning) ------------------------------------------------------------

SCENARIO_CHANGE_KINDS = ("add_position", "remove_staff", "move_duties", "population", "raise_to_minimum")


class Scenario(Base):
    """A named staffing scenario: changes that would apply from ``valid_from``; never applied to the data."""

    __tablename__ = "scenario"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    changes: Mapped[list[ScenarioChange]] = relationship(
        order_by="ScenarioChange.id", cascade="all, delete-orphan", passive_deletes=True
    )


class ScenarioChange(Base):
    """One change of a scenario; which columns are filled depends on ``kind`` (``swdesk.planning``)."""

    __tablename__ = "scenario_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenario.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    position_code: Mapped[str | None] = mapped_column(ForeignKey("position.code", onupdate="CASCADE"))
    count: Mapped[int | None] = mapped_column(Integer)
    fte: Mapped[Decimal | None] = mapped_column(FTE)
    salary: Mapped[Decimal | None] = mapped_column(Money)
    unit_name: Mapped[str | None] = mapped_column(String(200))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    category_code: Mapped[str | None] = mapped_column(ForeignKey("duty_category.code", onupdate="CASCADE"))
    share: Mapped[Decimal | None] = mapped_column(Fixed(3))
    hours_per_month: Mapped[Decimal | None] = mapped_column(Hours)
    residents: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (CheckConstraint(f"kind IN {SCENARIO_CHANGE_KINDS!r}", name="ck_scenario_change_kind"),)


class ImportLog(Base):
    """A record of each import that wrote something (what file, when, how many rows).

    Since revision 0004_history also its files' SHA-256, who imported it and the change set holding exactly
    what it changed, which ``swdesk import --undo`` reverts (``swdesk.records.imports``).
    """

    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.now())
    file_name: Mapped[str] = mapped_column(String(500))
    added: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int | None] = mapped_column(Integer)
    file_sha256: Mapped[str | None] = mapped_column(String(500))  # one per file, comma separated
    os_user: Mapped[str | None] = mapped_column(String(100))
    change_set_id: Mapped[int | None] = mapped_column(ForeignKey("change_set.id"))


# --- the change history (issue 17, revision 0004_history) ---------------------------------------------------


class ChangeSet(Base):
    """One save: the changes of one transaction made through one door (``through``), by whom, when.

    Written by ``swdesk.db.history`` from the session's flushes, in the same transaction as the data it
    describes, so the two cannot disagree after a crash. ``at`` is the office computer's local time.
    """

    __tablename__ = "change_set"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    os_user: Mapped[str] = mapped_column(String(100), index=True)
    db_user: Mapped[str | None] = mapped_column(String(100))  # PostgreSQL's current_user
    through: Mapped[str] = mapped_column(String(200), index=True)  # "forma:Darbinieki", "imports", …
    file_name: Mapped[str | None] = mapped_column(String(500))
    file_sha256: Mapped[str | None] = mapped_column(String(500))
    undoes: Mapped[int | None] = mapped_column(Integer)  # the change set this one reverted
    undone_by: Mapped[int | None] = mapped_column(Integer)  # the change set that reverted this one


CHANGE_OPS = ("add", "change", "delete")


class Change(Base):
    """One record added or deleted (``field`` None, ``old``/``new`` every field as JSON) or one field changed
    (``old`` → ``new`` as text in one canonical form: ISO dates, a Decimal's digits), so that an undo
    restores exactly what was there."""

    __tablename__ = "change"
    id: Mapped[int] = mapped_column(primary_key=True)
    change_set_id: Mapped[int] = mapped_column(ForeignKey("change_set.id", ondelete="CASCADE"), index=True)
    record_kind: Mapped[str] = mapped_column(String(30))
    record_key: Mapped[str] = mapped_column(String(200))
    staff_id: Mapped[int | None] = mapped_column(Integer, index=True)  # the person the record is about
    field: Mapped[str | None] = mapped_column(String(60))
    op: Mapped[str] = mapped_column(String(10))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_change_record", "record_kind", "record_key"),
        CheckConstraint(f"op IN {CHANGE_OPS!r}", name="ck_change_op"),
    )
