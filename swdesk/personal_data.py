"""The staff's personal data kept as the GDPR asks (issue 15): purposes, retention, access and erasure.

swdesk holds the personal data of a service's staff. What each field is for is written once here
(:data:`FIELD_PURPOSES`), and the person's own copy of their data (art. 15) and the README say the same.

Two dated settings (SPEC §1.6, ``swdesk settings``) say how long data is kept:

* ``retention.former_staff_years`` (default 5): that many years after the end of employment, the program
  offers to anonymise a former staff member — the figures stay for past reports and claims, the name,
  employee number, personal code and specialisation go. Only on confirmation, after a verified backup,
  all in one transaction (:func:`anonymise`).
* ``retention.claim_years`` (default 5): the records behind a compensation claim (training and
  supervision events) are kept that many years after the end of the event's year, because LM or an
  auditor may check the claim (the Accounting Law keeps source documents for 5 years; a project agreement
  may ask for longer — then set it longer).

A **retention duty** — the reason erasure (art. 17) is refused — is therefore one of: the person is still
employed (the data serves the employment), or a training or supervision event of theirs lies in a year
whose claim retention has not yet run out. Where none applies, :func:`erase` deletes the person and every
row about them (caseloads, duties, training events) in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from swdesk.db import history
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.formats import fmt_date
from swdesk.i18n import define, tr
from swdesk.staff_terms import terms_of

FORMER_STAFF_YEARS = "retention.former_staff_years"
CLAIM_YEARS = "retention.claim_years"
BACKUP_PREFIX = "pirms-anonimizesanas"

# What an anonymised former employment keeps as its name; its employee number becomes "anon-<id>".
ANONYMOUS_FIRST_NAME = "Anonimizēts"
ANONYMOUS_LAST_NAME = "darbinieks"
ANONYMOUS_PREFIX = "anon-"

define(
    {
        "personal.field.tabeles_nr": ("Tabeles nr.", "Employee number"),
        "personal.field.first_name": ("Vārds", "First name"),
        "personal.field.last_name": ("Uzvārds", "Last name"),
        "personal.field.personal_code": ("Personas kods", "Personal code"),
        "personal.field.position": ("Amats", "Position"),
        "personal.field.fte": ("Slodze", "FTE"),
        "personal.field.start": ("Darba sākums", "Start of employment"),
        "personal.field.end": ("Darba beigas", "End of employment"),
        "personal.field.education": ("Izglītība", "Education"),
        "personal.field.salary": ("Mēnešalga pilnai slodzei, EUR", "Full-time monthly salary, EUR"),
        "personal.field.unit_name": ("Struktūrvienība", "Structural unit"),
        "personal.field.specialization": ("Specializācija", "Specialisation"),
        "personal.purpose.tabeles_nr": (
            "atslēga, ar ko datus sasaista ar algu uzskaiti un importa darbgrāmatu; kompensācijas "
            "pieprasījumā LM",
            "the key that links the data to payroll and the import workbook; in the claim to LM",
        ),
        "personal.purpose.first_name": (
            "lai vadītājs atpazītu darbinieku; kompensācijas pieprasījumā LM",
            "so the head knows who it is; in the claim to LM",
        ),
        "personal.purpose.last_name": (
            "lai vadītājs atpazītu darbinieku; kompensācijas pieprasījumā LM",
            "so the head knows who it is; in the claim to LM",
        ),
        "personal.purpose.personal_code": (
            "nav obligāts; ja norādīts, sasaista vienas personas divas darba attiecības, lai gada "
            "kompensācijas limits būtu vienam cilvēkam, nevis katrai darba vietai",
            "optional; if given, links two employments of one person so that the yearly compensation cap "
            "is one person's, not each employment's",
        ),
        "personal.purpose.position": (
            "normu pārbaudes (1:1000, apmācību un supervīzijas normas, izglītība, algu skala), aptauja",
            "the norm checks (1:1000, training and supervision norms, education, salary scale), the survey",
        ),
        "personal.purpose.fte": (
            "speciālistu slodzes un darba laiks normu pārbaudēm un aptaujai",
            "specialists' FTE and working time for the checks and the survey",
        ),
        "personal.purpose.start": (
            "kurās dienās darbinieks skaitās dienestā; studējošā termiņš",
            "the days the person counts in the service; the student's term",
        ),
        "personal.purpose.end": (
            "kurās dienās darbinieks skaitās dienestā; no šīs dienas skaita glabāšanas termiņu",
            "the days the person counts in the service; the retention period runs from it",
        ),
        "personal.purpose.education": (
            "izglītības atbilstība amatam (Sociālo pakalpojumu un sociālās palīdzības likuma 41. pants), "
            "aptauja",
            "whether the education fits the position (Social Services Law s. 41), the survey",
        ),
        "personal.purpose.salary": (
            "alga pret mēnešalgu grupas minimumu, aptauja (tikai pa amatiem)",
            "pay against the salary group minimum, the survey (by position only)",
        ),
        "personal.purpose.unit_name": (
            "skaitļi pa struktūrvienībām domes ziņojumā",
            "figures by structural unit in the council report",
        ),
        "personal.purpose.specialization": (
            "vadītāja piezīme par darba jomu; dokumentos netiek izmantota",
            "the head's note on the field of work; no document uses it",
        ),
        "personal.not_found": (
            "Darbinieks ar tabeles nr. «{nr}» nav atrasts.",
            "No staff member with employee number '{nr}'.",
        ),
        "personal.duty.employed": (
            "darbinieks vēl strādā dienestā (darba beigas nav norādītas vai nav agrākas par {end}): dati "
            "vajadzīgi darba attiecībām",
            "the person is still employed (no end of employment, or it is not before {end}): the data serves "
            "the employment",
        ),
        "personal.duty.claim": (
            "apmācību un supervīzijas ieraksti no {year}. gada var būt kompensācijas pieprasījumā un "
            "jāglabā līdz {until} (iestatījums {key} = {years} gadi)",
            "training and supervision records of {year} may be in a compensation claim and must be kept "
            "until {until} (setting {key} = {years} years)",
        ),
        "personal.not_due": (
            "{name} nav anonimizējams: darba beigām jābūt vismaz {years} gadus pirms {today}, un dati "
            "nedrīkst būt jau anonimizēti.",
            "{name} cannot be anonymised: the employment must have ended at least {years} years before "
            "{today}, and not be anonymised already.",
        ),
        "personal.pg_backup": (
            "PostgreSQL datubāzi swdesk nedublē: vispirms izveidojiet dublējumu ar pg_dump, tad "
            "atkārtojiet ar apliecinājumu, ka dublējums ir izveidots.",
            "swdesk does not back up a PostgreSQL database: make a backup with pg_dump first, then repeat "
            "confirming that the backup exists.",
        ),
    }
)

# The fields of a staff record in the order a person reads them; the purposes are texts above.
FIELDS = (
    "tabeles_nr",
    "first_name",
    "last_name",
    "personal_code",
    "position",
    "fte",
    "start",
    "end",
    "education",
    "salary",
    "unit_name",
    "specialization",
)


class PersonalDataError(ValueError):
    """A request the program refuses (unknown person, a retention duty); the message is for the user."""


def field_label(key: str) -> str:
    return tr(f"personal.field.{key}")


def field_purpose(key: str) -> str:
    return tr(f"personal.purpose.{key}")


def years_after(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def retention_years(session: Session, key: str, on: dt.date) -> int:
    from swdesk.settings import get

    return int(get(session, key, on))


def anonymous_number(staff_id: int) -> str:
    return f"{ANONYMOUS_PREFIX}{staff_id}"


def is_anonymised(staff: m.Staff) -> bool:
    return staff.tabeles_nr == anonymous_number(staff.id) and staff.personal_code is None


def find_staff(session: Session, tabeles_nr: str) -> m.Staff:
    staff = session.scalar(select(m.Staff).where(m.Staff.tabeles_nr == tabeles_nr.strip()))
    if staff is None:
        raise PersonalDataError(tr("personal.not_found", nr=tabeles_nr))
    return staff


# --- what is stored about one person (art. 15) ---------------------------------------------------------


@dataclass(frozen=True)
class PersonRecord:
    """Everything swdesk stores about one employment: the staff row and every row that refers to it."""

    staff: dict[str, Any]  # FIELDS → value (position and education by name)
    caseloads: tuple[dict[str, Any], ...]
    duties: tuple[dict[str, Any], ...]
    training: tuple[dict[str, Any], ...]
    retention_duties: tuple[str, ...]
    service_name: str
    prepared: dt.date
    former_staff_years: int
    claim_years: int
    terms: tuple[dict[str, Any], ...] = ()  # the values from each date (swdesk.staff_terms), oldest first

    @property
    def name(self) -> str:
        return f"{self.staff['first_name']} {self.staff['last_name']}"


def person_record(session: Session, tabeles_nr: str, *, today: dt.date | None = None) -> PersonRecord:
    today = today or dt.date.today()
    staff = find_staff(session, tabeles_nr)
    education = session.get(m.Education, staff.education_code)
    service = session.scalar(select(m.Service).order_by(m.Service.id).limit(1))
    work_types = {code: name for code, name in session.execute(select(m.WorkType.code, m.WorkType.name))}
    categories = {
        code: name for code, name in session.execute(select(m.DutyCategory.code, m.DutyCategory.name))
    }
    caseloads = tuple(
        {
            "month": row.month,
            "work_type": work_types.get(row.work_type_code, row.work_type_code),
            "cases": row.cases,
            "applications": row.applications,
            "persons": row.persons,
        }
        for row in session.scalars(
            select(m.Caseload)
            .where(m.Caseload.staff_id == staff.id)
            .order_by(m.Caseload.month, m.Caseload.id)
        )
    )
    duties = tuple(
        {
            "date": row.date,
            "category": categories.get(row.category_code, row.category_code),
            "hours": row.hours,
            "description": row.description,
        }
        for row in session.scalars(
            select(m.Duty).where(m.Duty.staff_id == staff.id).order_by(m.Duty.date, m.Duty.id)
        )
    )
    training = tuple(
        {
            "date": row.date,
            "kind": row.kind,
            "form": row.form,
            "minutes": row.minutes,
            "topic": row.topic,
            "provider": row.provider,
            "certified_supervisor": row.certified_supervisor,
            "cost": row.cost,
            "invoice": row.invoice,
        }
        for row in session.scalars(
            select(m.TrainingEvent)
            .where(m.TrainingEvent.staff_id == staff.id)
            .order_by(m.TrainingEvent.date, m.TrainingEvent.id)
        )
    )
    positions = {code: name for code, name in session.execute(select(m.Position.code, m.Position.name))}
    educations = {code: name for code, name in session.execute(select(m.Education.code, m.Education.name))}
    terms = tuple(
        {
            "valid_from": term.valid_from,
            "position": positions.get(term.position_code, term.position_code),
            "fte": term.fte,
            "education": f"{term.education_code} {educations[term.education_code]}"
            if term.education_code in educations
            else term.education_code,
            "salary": term.salary,
            "unit_name": term.unit_name,
        }
        for term in terms_of(staff)
    )
    return PersonRecord(
        staff={
            "tabeles_nr": staff.tabeles_nr,
            "first_name": staff.first_name,
            "last_name": staff.last_name,
            "personal_code": staff.personal_code,
            "position": staff.position.name if staff.position else staff.position_code,
            "fte": staff.fte,
            "start": staff.start,
            "end": staff.end,
            "education": f"{staff.education_code} {education.name}" if education else staff.education_code,
            "salary": staff.salary,
            "unit_name": staff.unit_name,
            "specialization": staff.specialization,
        },
        caseloads=caseloads,
        duties=duties,
        training=training,
        retention_duties=tuple(retention_duties(session, staff, today=today)),
        service_name=service.name if service else "",
        prepared=today,
        former_staff_years=retention_years(session, FORMER_STAFF_YEARS, today),
        claim_years=retention_years(session, CLAIM_YEARS, today),
        terms=terms,
    )


# --- retention and erasure (art. 17) --------------------------------------------------------------------


def retention_duties(session: Session, staff: m.Staff, *, today: dt.date) -> list[str]:
    """Why ``staff`` must be kept today, as sentences; empty when nothing keeps it (see the module's
    docstring for what counts as a retention duty)."""
    duties = []
    if staff.start <= today and (staff.end is None or staff.end >= today):
        duties.append(tr("personal.duty.employed", name=staff.full_name, end=fmt_date(today)))
    years = retention_years(session, CLAIM_YEARS, today)
    event_years = sorted(
        set(
            day.year
            for day in session.scalars(
                select(m.TrainingEvent.date).where(m.TrainingEvent.staff_id == staff.id)
            )
        )
    )
    kept = [y for y in event_years if today <= years_after(dt.date(y, 12, 31), years)]
    if kept:
        newest = kept[-1]
        duties.append(
            tr(
                "personal.duty.claim",
                year=newest if len(kept) == 1 else f"{kept[0]}.–{newest}",
                until=fmt_date(years_after(dt.date(newest, 12, 31), years)),
                key=CLAIM_YEARS,
                years=years,
            )
        )
    return duties


@dataclass(frozen=True)
class Erased:
    tabeles_nr: str
    name: str
    caseloads: int
    duties: int
    training: int


def erase(database: Database, tabeles_nr: str, *, today: dt.date | None = None) -> Erased:
    """Delete one employment and every row about it, in one transaction, unless a retention duty applies
    (then :class:`PersonalDataError` names it and nothing is changed)."""
    today = today or dt.date.today()
    with database.write() as session:
        staff = find_staff(session, tabeles_nr)
        duties = retention_duties(session, staff, today=today)
        if duties:
            raise PersonalDataError("; ".join(duties) + ".")
        counts = []
        for model in (m.Caseload, m.Duty, m.TrainingEvent):
            result = session.execute(delete(model).where(model.staff_id == staff.id))
            counts.append(int(result.rowcount or 0))  # type: ignore[attr-defined]
        erased = Erased(staff.tabeles_nr, staff.full_name, *counts)
        session.delete(staff)
        history.forget_person(session, staff.id, erased=True)  # the history keeps nothing about them either
    return erased


# --- former staff: anonymisation ------------------------------------------------------------------------


@dataclass(frozen=True)
class FormerStaff:
    """A former employment that the retention setting says is due for anonymisation."""

    id: int
    tabeles_nr: str
    name: str
    position: str
    end: dt.date


def anonymisation_due(session: Session, *, today: dt.date | None = None) -> list[FormerStaff]:
    """Former staff whose employment ended at least ``retention.former_staff_years`` before ``today`` and
    who still carry a name: what the program offers to anonymise."""
    today = today or dt.date.today()
    years = retention_years(session, FORMER_STAFF_YEARS, today)
    due = []
    for staff in session.scalars(
        select(m.Staff).where(m.Staff.end.is_not(None)).order_by(m.Staff.end, m.Staff.tabeles_nr)
    ):
        assert staff.end is not None
        if years_after(staff.end, years) <= today and not is_anonymised(staff):
            due.append(
                FormerStaff(
                    id=staff.id,
                    tabeles_nr=staff.tabeles_nr,
                    name=staff.full_name,
                    position=staff.position.name if staff.position else staff.position_code,
                    end=staff.end,
                )
            )
    return due


@dataclass(frozen=True)
class Anonymised:
    count: int
    backup: Path | None


def anonymise(
    database: Database,
    ids: Sequence[int],
    *,
    today: dt.date | None = None,
    backup_made: bool = False,
) -> Anonymised:
    """Anonymise the former staff ``ids`` (each must still be due): a verified backup first, then one
    transaction that replaces the name, employee number, personal code and specialisation and keeps every
    figure (FTE, dates, position, education, pay, unit, caseloads, duties, training and its costs).

    On PostgreSQL swdesk cannot back up: the caller must say a backup was made (``backup_made``).
    """
    from swdesk.db.backup import BackupError, backup_dir, backup_file

    today = today or dt.date.today()
    with database.read() as session:
        due = {f.id: f for f in anonymisation_due(session, today=today)}
        years = retention_years(session, FORMER_STAFF_YEARS, today)
        for staff_id in ids:
            if staff_id not in due:
                staff = session.get(m.Staff, staff_id)
                name = staff.full_name if staff else str(staff_id)
                raise PersonalDataError(tr("personal.not_due", name=name, years=years, today=fmt_date(today)))
    if not ids:
        return Anonymised(0, None)
    backup = None
    if database.path is not None:
        backup = backup_file(database.path, backup_dir(database.path), prefix=BACKUP_PREFIX)
    elif not backup_made:
        raise BackupError(tr("personal.pg_backup"))
    with database.write() as session:
        for staff_id in ids:
            staff = session.get(m.Staff, staff_id)
            assert staff is not None
            staff.first_name = ANONYMOUS_FIRST_NAME
            staff.last_name = ANONYMOUS_LAST_NAME
            staff.tabeles_nr = anonymous_number(staff.id)
            staff.personal_code = None
            staff.specialization = None
            history.forget_person(session, staff.id, erased=False)  # nor their old names in the history
    return Anonymised(len(ids), backup)
