"""One way into the data (issue 17 point 1): add, change and delete every kind of record, each checked by
rules written once, with the same Latvian messages whichever door the value came through — a form, the
caseload grid, the import (which puts its sheet, row and column in front) or the command line.

    with database.write() as session, records.source(session, "forma:Darbinieki"):
        staff = records.add(session, "staff", {"tabeles_nr": "1001", "fte": Decimal("0.5"), …})
        records.change(session, "staff", staff.id, {"fte": Decimal(1)})
        records.delete(session, "duty", 17)

Values are typed Python (Decimal, date, int, str, bool, None): reading text is the caller's business.
Text is stored stripped (and in Unicode NFC), a month as its first day. A refused write raises
:class:`RecordError` listing every :class:`Problem` at once (so a form can mark each field), and writes
nothing. The layer never commits: one save is the caller's one transaction (``Database.write``). Every write
is recorded in the change history (``swdesk.db.history``) under the current :func:`source`.

Kinds and their keys (``key`` of :func:`change` and :func:`delete`):

============  =========================================================================================
kind          key
============  =========================================================================================
service       id (int)
population    year (int)
staff         id (int); ``valid_from`` of :func:`change` is when FTE, position, salary… change (None: as
              today)
vacancy       id (int)
criterion     id (int)
caseload      id (int); values name the person by ``staff_id``
duty          id (int)
training      id (int); ``minutes`` is computed from ``duration`` and ``duration_unit``
setting       (key, valid_from) — values ``{"value": "0,15"}`` as text, as ``swdesk settings`` takes it
scale         (group, year) — values ``min``, ``mid``, ``max``
scenario      id (int) — ``name``, ``valid_from``, ``note`` (its changes: ``swdesk.planning``)
structural_unit id (int) — a structural unit: ``name``, ``head_name``, ``parent_id`` (``swdesk.units``);
              renaming it renames it in every staff term, a unit people belong to cannot be deleted
============  =========================================================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from swdesk.db import history as _history
from swdesk.db import models as m
from swdesk.i18n import define, tr
from swdesk.records.limits import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_COUNT,
    MAX_DURATION,
    MAX_DUTY_HOURS,
    MAX_FTE,
    MAX_MONEY,
    MAX_PER_FTE,
    MAX_RESIDENTS,
    MAX_WEIGHT,
)

__all__ = [
    "KINDS",
    "MAX_FTE",
    "Problem",
    "RecordError",
    "add",
    "change",
    "delete",
    "get",
    "source",
    "validate",
]

define(
    {
        "import.required": ("Obligāta vērtība nav aizpildīta.", "A required value is missing."),
        "import.fte_hint": (
            "Slodzi raksta kā daļu no pilnas slodzes: 1 vai 0,5 (ne procentos), ne vairāk kā 1,5.",
            "Write the FTE as a fraction of full time: 1 or 0.5 (not a percentage), at most 1.5.",
        ),
        "import.row.end_before_start": (
            "Darba beigas ({end}) ir pirms darba sākuma ({start}).",
            "The end of employment ({end}) is before its start ({start}).",
        ),
        "import.row.filled_before_announced": (
            "Vakance aizpildīta ({filled}) pirms izsludināšanas ({announced}).",
            "The vacancy was filled ({filled}) before it was announced ({announced}).",
        ),
        "import.row.one_of": (
            "Jānorāda vismaz viens no: {columns}.",
            "Give at least one of: {columns}.",
        ),
        "import.row.minutes_not_whole": (
            "Ilgums {duration} ({unit}) ir {minutes} minūtes; ilgumam jābūt veselās minūtēs.",
            "The duration {duration} ({unit}) is {minutes} minutes; it must be whole minutes.",
        ),
        "import.what.position": ("amatu katalogā", "catalogue of positions"),
        "import.what.education": ("izglītības katalogā", "catalogue of education"),
        "import.what.work_type": ("darba veidu katalogā", "catalogue of work types"),
        "import.what.unit": ("mērvienību katalogā", "catalogue of units"),
        "import.what.category": ("pienākumu kategoriju katalogā", "catalogue of duty categories"),
        "records.unknown_kind": ("Nezināms ieraksta veids «{kind}».", "Unknown kind of record '{kind}'."),
        "records.unknown_field": (
            "Laukam «{field}» ierakstā «{kind}» nav vietas.",
            "The record '{kind}' has no field '{field}'.",
        ),
        "records.missing": (
            "Ieraksts nav atrasts (iespējams, to tikko izdzēsa cits lietotājs).",
            "The record was not found (another user may have just deleted it).",
        ),
        "records.unknown_staff": ("Darbinieks nav atrasts.", "The staff member was not found."),
        "records.duplicate.staff": (
            "Darbinieks ar tabeles nr. «{nr}» jau ir ({name}).",
            "A staff member with the employee number '{nr}' already exists ({name}).",
        ),
        "records.duplicate.vacancy": (
            "Vakance šim amatam ar šo izsludināšanas datumu jau ir.",
            "A vacancy for this position announced on this date already exists.",
        ),
        "records.duplicate.criterion": (
            "Kritērijs šim amatam, darba veidam un mērvienībai jau ir.",
            "A criterion for this position, work type and unit already exists.",
        ),
        "records.duplicate.caseload": (
            "Šim darbiniekam šajā mēnesī šim darba veidam ieraksts jau ir.",
            "This staff member already has a record of this work type in this month.",
        ),
        "records.duplicate.population": (
            "{year}. gada iedzīvotāju skaits jau ir ierakstīts.",
            "The population of {year} is already recorded.",
        ),
        "records.duplicate.scale": (
            "{year}. gadam {group}. mēnešalgu grupai skala jau ir.",
            "Salary group {group} already has a scale for {year}.",
        ),
        "records.duplicate.scenario": (
            "Scenārijs ar nosaukumu «{name}» jau ir.",
            "A scenario named '{name}' already exists.",
        ),
        "records.not_bool": ("Jābūt «jā» vai «nē».", "It must be 'jā' (yes) or 'nē' (no)."),
        "records.unit.unknown": (
            "Struktūrvienības «{name}» nav struktūrvienību sarakstā (Kritēriji un iestatījumi → Struktūrvienības).",
            "The structural unit '{name}' is not in the list of units (Criteria and settings → Structural units).",
        ),
        "records.unit.unknown_parent": ("Augstākā struktūrvienība nav atrasta.", "The parent unit was not found."),
        "records.duplicate.unit": (
            "Struktūrvienība «{name}» jau ir sarakstā.",
            "The structural unit '{name}' is already in the list.",
        ),
        "records.unit.cycle": (
            "Struktūrvienība nevar būt pakļauta pati sev vai savai apakšvienībai «{name}».",
            "A unit cannot be placed under itself or under its own sub-unit '{name}'.",
        ),
        "records.unit.has_people": (
            "Struktūrvienību «{name}» nevar dzēst: tajā strādā vai ir strādājuši darbinieki ({count}). "
            "Vispirms pārceliet viņus uz citu struktūrvienību.",
            "The unit '{name}' cannot be deleted: {count} staff members are or were in it. "
            "Move them to another unit first.",
        ),
        "records.unit.has_children": (
            "Struktūrvienību «{name}» nevar dzēst: tai ir apakšvienības ({children}).",
            "The unit '{name}' cannot be deleted: it has sub-units ({children}).",
        ),
    }
)


@dataclass(frozen=True)
class Problem:
    """One refused value: the field (None for the record as a whole) and the message for the user."""

    field: str | None
    message: str

    def __str__(self) -> str:
        return self.message


class RecordError(ValueError):
    """A write the records layer refused; ``problems`` lists every reason, ``str()`` joins them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(" ".join(p.message for p in problems))
        self.problems = problems


# --- checks of one value ----------------------------------------------------------------------------------

Check = Callable[[Any, "Context"], Any]  # the stored value, or ValueProblem


@dataclass
class Context:
    """What checks may need: the session (catalogues, settings, other records) and cached catalogues."""

    session: Session
    _codes: dict[str, Any] = field(default_factory=dict)

    def lookup(self, catalogue: str) -> Any:
        from swdesk.importer.values import CodeLookup

        if catalogue not in self._codes:
            # kept by the session until its transaction ends or a catalogue record is written (see
            # _forget_lookups): a month started from the one before checks 1 347 records, and reading the
            # catalogue for each took a fifth of its time
            kept = self.session.info.setdefault(_LOOKUPS, {})
            found = kept.get(catalogue) if not _catalogue_pending(self.session) else None
            if found is None:
                model, what, extra = CATALOGUES[catalogue]
                entries = [(r.code, r.name) for r in self.session.scalars(select(model).order_by(model.code))]
                found = kept[catalogue] = CodeLookup(entries, what=tr(what), extra=extra)
            self._codes[catalogue] = found
        return self._codes[catalogue]


CATALOGUES: dict[str, tuple[type[Any], str, list[str]]] = {
    "positions": (m.Position, "import.what.position", []),
    "positions_or_any": (m.Position, "import.what.position", ["*"]),
    "education": (m.Education, "import.what.education", []),
    "work_types": (m.WorkType, "import.what.work_type", []),
    "units": (m.Unit, "import.what.unit", []),
    "categories": (m.DutyCategory, "import.what.category", []),
}
_CATALOGUE_MODELS = tuple({model for model, _what, _extra in CATALOGUES.values()})
_LOOKUPS = "records.catalogue_lookups"  # the session.info key of the catalogues Context.lookup has read


def _catalogue_pending(session: Session) -> bool:
    """True when a catalogue record is added, changed or deleted but not yet flushed (a query would see it)."""
    return any(
        isinstance(obj, _CATALOGUE_MODELS) for pending in (session.new, session.dirty, session.deleted) for obj in pending
    )


@event.listens_for(Session, "after_flush")
def _forget_lookups_on_write(session: Session, _context: Any) -> None:
    if _LOOKUPS in session.info and _catalogue_pending(session):  # still the flushed objects here
        del session.info[_LOOKUPS]


@event.listens_for(Session, "after_transaction_end")
def _forget_lookups(session: Session, transaction: Any) -> None:
    # the transaction's end or a savepoint's (its rollback may take a catalogue record back); not the
    # inner transaction each flush opens
    if transaction.parent is None or transaction.nested:
        session.info.pop(_LOOKUPS, None)


def text(max_length: int | None = None) -> Check:
    from swdesk.importer.values import parse_text

    def check(value: Any, _: Context) -> str | None:
        cleaned = parse_text(value, max_length=max_length)
        return cleaned or None  # an empty text is no value

    return check


def decimal(*, places: int, minimum: Decimal | None = None, above: Decimal | None = None,
            maximum: Decimal | None = None, hint: str | None = None) -> Check:
    from swdesk.importer.values import ValueProblem, parse_decimal

    def check(value: Any, _: Context) -> Decimal:
        try:
            return parse_decimal(value, places=places, minimum=minimum, above=above, maximum=maximum)
        except ValueProblem as exc:
            if hint is None:
                raise
            raise ValueProblem(f"{exc} {tr(hint)}") from None

    return check


def fte() -> Check:
    """Slodze: a fraction of full time above 0, at most :data:`MAX_FTE`, three decimals."""
    return decimal(places=3, above=Decimal(0), maximum=MAX_FTE, hint="import.fte_hint")


def whole(*, minimum: int | None = None, maximum: int | None = None) -> Check:
    from swdesk.importer.values import parse_whole

    return lambda value, _: parse_whole(value, minimum=minimum, maximum=maximum)


def date() -> Check:
    from swdesk.importer.values import parse_date

    return lambda value, _: parse_date(value)


def month() -> Check:
    from swdesk.importer.values import parse_month

    return lambda value, _: parse_month(value)


def code(catalogue: str) -> Check:
    return lambda value, ctx: ctx.lookup(catalogue).parse(value)


def choice(name: str) -> Check:
    def check(value: Any, _: Context) -> str:
        from swdesk.importer import sheets

        return getattr(sheets, name).parse(value)  # type: ignore[no-any-return]

    return check


def boolean() -> Check:
    from swdesk.importer.values import ValueProblem

    def check(value: Any, _: Context) -> bool:
        if not isinstance(value, bool):
            raise ValueProblem(tr("records.not_bool"))
        return value

    return check


def personal_code() -> Check:
    from swdesk.importer.personal_code import PersonalCodeError, normalise_personal_code
    from swdesk.importer.values import ValueProblem, parse_text

    def check(value: Any, _: Context) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return normalise_personal_code(parse_text(value))
        except PersonalCodeError as exc:
            raise ValueProblem(str(exc)) from None

    return check


def staff_ref() -> Check:
    from swdesk.importer.values import ValueProblem

    def check(value: Any, ctx: Context) -> int:
        if not isinstance(value, int) or ctx.session.get(m.Staff, value) is None:
            raise ValueProblem(tr("records.unknown_staff"))
        return value

    return check


def unit_name() -> Check:
    """A staff member's unit: a unit of the service's list (issue 14), stored with the list's spelling."""
    from swdesk.importer.values import ValueProblem, parse_text

    def check(value: Any, ctx: Context) -> str | None:
        name = parse_text(value, max_length=200) if value is not None else None
        if not name:
            return None
        if ctx is None:  # a check without a session (check_value): the text alone
            return name
        from swdesk import units

        found = units.find(ctx.session, name)
        if found is None:
            raise ValueProblem(tr("records.unit.unknown", name=name))
        return found.name

    return check


def unit_ref() -> Check:
    from swdesk.importer.values import ValueProblem

    def check(value: Any, ctx: Context) -> int | None:
        if value is None:
            return None
        if not isinstance(value, int) or ctx.session.get(m.StructuralUnit, value) is None:
            raise ValueProblem(tr("records.unit.unknown_parent"))
        return value

    return check


# --- checks of a whole record -----------------------------------------------------------------------------

RowCheck = Callable[[dict[str, Any], "Context", Any], list[Problem]]


def check_employment_dates(values: Mapping[str, Any]) -> list[Problem]:
    """The end of an employment is not before its start (Darbinieki)."""
    from swdesk.importer.values import shown

    start, end = values.get("start"), values.get("end")
    if start is not None and end is not None and end < start:
        return [Problem("end", tr("import.row.end_before_start", end=shown(end), start=shown(start)))]
    return []


def check_vacancy_dates(values: Mapping[str, Any]) -> list[Problem]:
    """A vacancy is filled on or after its announcement (Vakances)."""
    from swdesk.importer.values import shown

    announced, filled = values.get("announced"), values.get("filled")
    if announced is not None and filled is not None and filled < announced:
        message = tr("import.row.filled_before_announced", filled=shown(filled), announced=shown(announced))
        return [Problem("filled", message)]
    return []


def training_minutes(values: dict[str, Any], academic_minutes: Callable[[dt.date], int]) -> list[Problem]:
    """Set ``minutes`` from ``duration`` and ``duration_unit`` (academic hours use the setting on the day,
    SPEC §1.6); a duration that is not whole minutes is a problem."""
    from swdesk.importer.sheets import DURATION_UNITS
    from swdesk.importer.values import shown
    from swdesk.rules.worktime import event_minutes

    duration, unit, day = values.get("duration"), values.get("duration_unit"), values.get("date")
    if duration is None or unit is None or day is None:
        return []
    academic = academic_minutes(day) if unit == "academic_hours" else 0
    minutes = event_minutes(duration, unit, academic)
    if minutes != minutes.to_integral_value():
        label = next(label for c, label in DURATION_UNITS.labels if c == unit)
        message = tr("import.row.minutes_not_whole", duration=shown(duration), unit=label, minutes=shown(minutes))
        return [Problem("duration", message)]
    values["minutes"] = int(minutes)
    return []


CASELOAD_COUNTS = ("cases", "applications", "persons")
CASELOAD_LABELS = ("Lietu skaits", "Iesniegumu skaits", "Apkalpoto personu skaits")  # the import's headers


def check_caseload_counts(values: Mapping[str, Any]) -> list[Problem]:
    """A caseload record holds at least one of its three counts."""
    if all(values.get(f) is None for f in CASELOAD_COUNTS):
        return [Problem(None, tr("import.row.one_of", columns=", ".join(CASELOAD_LABELS)))]
    return []


def _unit_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    """A unit's name is unique (letter case aside) and its parent is not itself nor below it."""
    from swdesk import units

    problems = []
    name = values.get("name")
    if name is not None:
        other = units.find(ctx.session, name)
        if other is not None and other.id != key:
            problems.append(Problem("name", tr("records.duplicate.unit", name=other.name)))
    parent = values.get("parent_id")
    if parent is not None and key is not None:
        everything = units.all_units(ctx.session)
        below = units.descendants(everything, key)
        if parent in below:
            named = next((u.name for u in everything if u.id == parent), "")
            problems.append(Problem("parent_id", tr("records.unit.cycle", name=named)))
    return problems


def _staff_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    problems = check_employment_dates(values)
    nr = values.get("tabeles_nr")
    if nr is not None:
        other = ctx.session.scalars(select(m.Staff).where(m.Staff.tabeles_nr == nr)).first()
        if other is not None and other.id != key:
            problems.append(Problem("tabeles_nr", tr("records.duplicate.staff", nr=nr, name=other.full_name)))
    return problems


def _unique(model: type[Any], fields: tuple[str, ...], message: str, field_name: str | None = None) -> RowCheck:
    def check(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
        if any(values.get(f) is None for f in fields):
            return []
        stmt = select(model).where(*(getattr(model, f) == values[f] for f in fields))
        other = ctx.session.scalars(stmt).first()
        if other is None:
            return []
        other_key = _key_of(model, other)
        if key is not None and other_key == _normal_key(model, key):
            return []
        return [Problem(field_name, tr(message, **{f: values[f] for f in fields}))]

    return check


def _vacancy_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    unique = _unique(m.Vacancy, ("position_code", "announced"), "records.duplicate.vacancy", "announced")
    return check_vacancy_dates(values) + unique(values, ctx, key)


def _caseload_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    unique = _unique(m.Caseload, ("staff_id", "month", "work_type_code"), "records.duplicate.caseload", "month")
    return check_caseload_counts(values) + unique(values, ctx, key)


def _duty_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    """A person's duty hours in a month stay within the month's contracted hours (swdesk.rules.duty_limit)."""
    from swdesk.rules.duty_limit import check_duty_entry

    if values.get("staff_id") is None or values.get("date") is None or values.get("hours") is None:
        return []
    over = check_duty_entry(
        ctx.session, staff_id=values["staff_id"], day=values["date"], hours=values["hours"], replacing=key
    )
    return [Problem("hours", over.message())] if over is not None else []


def _training_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    from swdesk import settings as st

    return training_minutes(values, lambda day: int(st.get(ctx.session, "hours.academic_minutes", day)))


def _scale_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    from swdesk import scale

    try:
        scale.validate(values["group"], values["year"], values["min"], values["mid"], values["max"])
    except scale.ScaleError as exc:
        return [Problem(None, str(exc))]
    except (KeyError, TypeError):
        return []  # a missing value: already a problem of its field
    if key is None and ctx.session.get(m.SalaryScale, (values["group"], values["year"])) is not None:
        return [Problem(None, tr("records.duplicate.scale", group=values["group"], year=values["year"]))]
    return []


def _setting_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    from swdesk import settings as st

    if values.get("key") is None or values.get("value") is None:
        return []
    try:
        st.parse_value(values["key"], values["value"])
    except st.SettingError as exc:
        return [Problem("value", str(exc))]
    values["value"] = st.raw_value_for_display(values["value"])  # one spelling in the database
    return []


def _service_row(values: dict[str, Any], ctx: Context, key: Any) -> list[Problem]:
    from swdesk import service_record as sr

    details = {f: values[f] for f in sr.DETAIL_FIELDS if f in values}
    try:
        values.update(sr.validate_details(details))
    except sr.ServiceDetailsError as exc:
        return [Problem(name, message) for name, message in exc.problems]
    return []


@dataclass(frozen=True)
class Kind:
    """One kind of record: its model, the check of each field, the required fields, whole-record checks,
    and the fields its key is made of (what :func:`change` may not move)."""

    model: type[Any]
    checks: Mapping[str, Check]
    required: tuple[str, ...] = ()
    row_checks: tuple[RowCheck, ...] = ()
    derived: tuple[str, ...] = ()  # set by a row check, never given


KINDS: dict[str, Kind] = {
    "service": Kind(
        m.Service,
        {
            "name": text(200),
            "municipality": text(100),
            "head_name": text(200),
            **{f: (lambda value, _: value) for f in (
                "registration_number", "address", "contact_name", "contact_phone", "contact_email",
                "agreement_number", "bank_account",
            )},
        },
        required=("name", "municipality"),
        row_checks=(_service_row,),
    ),
    "population": Kind(
        m.Population,
        {"year": whole(minimum=FIRST_YEAR, maximum=LAST_YEAR), "residents": whole(minimum=1, maximum=MAX_RESIDENTS)},
        required=("year", "residents"),
    ),
    "staff": Kind(
        m.Staff,
        {
            "tabeles_nr": text(40),
            "first_name": text(100),
            "last_name": text(100),
            "personal_code": personal_code(),
            "position_code": code("positions"),
            "fte": fte(),
            "start": date(),
            "end": date(),
            "education_code": code("education"),
            "salary": decimal(places=2, above=Decimal(0), maximum=MAX_MONEY),
            "unit_name": unit_name(),
            "specialization": text(200),
        },
        required=("tabeles_nr", "first_name", "last_name", "position_code", "fte", "start", "education_code",
                  "salary"),
        row_checks=(_staff_row,),
    ),
    "vacancy": Kind(
        m.Vacancy,
        {"position_code": code("positions"), "fte": fte(), "announced": date(), "filled": date(), "notes": text()},
        required=("position_code", "fte", "announced"),
        row_checks=(_vacancy_row,),
    ),
    "criterion": Kind(
        m.Criterion,
        {
            "position_code": code("positions_or_any"),
            "work_type_code": code("work_types"),
            "unit_code": code("units"),
            "max_per_fte": decimal(places=2, above=Decimal(0), maximum=MAX_PER_FTE),
            "weight": decimal(places=3, minimum=Decimal(0), maximum=MAX_WEIGHT),
        },
        required=("position_code", "work_type_code", "unit_code", "max_per_fte"),
        row_checks=(_unique(m.Criterion, ("position_code", "work_type_code", "unit_code"),
                            "records.duplicate.criterion"),),
    ),
    "caseload": Kind(
        m.Caseload,
        {
            "staff_id": staff_ref(),
            "month": month(),
            "work_type_code": code("work_types"),
            **{f: whole(minimum=0, maximum=MAX_COUNT) for f in CASELOAD_COUNTS},
        },
        required=("staff_id", "month", "work_type_code"),
        row_checks=(_caseload_row,),
    ),
    "duty": Kind(
        m.Duty,
        {
            "staff_id": staff_ref(),
            "date": date(),
            "category_code": code("categories"),
            "hours": decimal(places=2, above=Decimal(0), maximum=MAX_DUTY_HOURS),
            "description": text(),
        },
        required=("staff_id", "date", "category_code", "hours"),
        row_checks=(_duty_row,),
    ),
    "training": Kind(
        m.TrainingEvent,
        {
            "staff_id": staff_ref(),
            "date": date(),
            "kind": choice("TRAINING_KINDS"),
            "form": choice("FORMS"),
            "duration": decimal(places=2, above=Decimal(0), maximum=MAX_DURATION),
            "duration_unit": choice("DURATION_UNITS"),
            "topic": text(),
            "provider": text(300),
            "certified_supervisor": lambda value, ctx: None if value is None else boolean()(value, ctx),
            "cost": decimal(places=2, minimum=Decimal(0), maximum=MAX_MONEY),
            "invoice": text(100),
            "planned": boolean(),
        },
        required=("staff_id", "date", "kind", "form", "duration", "duration_unit"),
        row_checks=(_training_row,),
        derived=("minutes",),
    ),
    "setting": Kind(
        m.Setting,
        {"key": text(60), "valid_from": date(), "value": text(100)},
        required=("key", "valid_from", "value"),
        row_checks=(_setting_row,),
    ),
    "scale": Kind(
        m.SalaryScale,
        {"group": lambda v, _: v, "year": lambda v, _: v, "min": lambda v, _: v, "mid": lambda v, _: v,
         "max": lambda v, _: v},
        required=("group", "year", "min", "mid", "max"),
        row_checks=(_scale_row,),
    ),
    "scenario": Kind(
        m.Scenario,
        {"name": text(200), "valid_from": date(), "note": text()},
        required=("name", "valid_from"),
        row_checks=(_unique(m.Scenario, ("name",), "records.duplicate.scenario", "name"),),
    ),
    "structural_unit": Kind(  # "unit" is the history's name of the measurement units' catalogue
        m.StructuralUnit,
        {"name": text(200), "head_name": text(200), "parent_id": unit_ref()},
        required=("name",),
        row_checks=(_unit_row,),
    ),
}
DEFAULTS: dict[str, dict[str, Any]] = {"training": {"form": "in_person", "planned": False}}


def _kind(kind: str) -> Kind:
    try:
        return KINDS[kind]
    except KeyError:
        raise RecordError([Problem(None, tr("records.unknown_kind", kind=kind))]) from None


def _pk_fields(model: type[Any]) -> list[str]:
    from sqlalchemy import inspect

    return [c.key for c in inspect(model).primary_key]


def _normal_key(model: type[Any], key: Any) -> tuple[Any, ...]:
    return tuple(key) if isinstance(key, tuple | list) else (key,)


def _key_of(model: type[Any], obj: Any) -> tuple[Any, ...]:
    return tuple(getattr(obj, f) for f in _pk_fields(model))


def get(session: Session, kind: str, key: Any) -> Any:
    """The ORM object of ``kind`` with ``key``, or None."""
    spec = _kind(kind)
    return session.get(spec.model, tuple(key) if isinstance(key, list) else key)


def _current_values(spec: Kind, obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in spec.checks}


def _checked(session: Session, kind: str, values: Mapping[str, Any], key: Any) -> tuple[dict[str, Any], list[Problem]]:
    """The values as stored (the record's current values under the given ones when ``key`` names it) and the
    problems; the importer's value problems carry the same text."""
    from swdesk.importer.values import ValueProblem, is_blank

    spec = _kind(kind)
    problems: list[Problem] = []
    for name in values:
        if name not in spec.checks:
            problems.append(Problem(name, tr("records.unknown_field", field=name, kind=kind)))
    if problems:
        return {}, problems
    merged: dict[str, Any] = dict(DEFAULTS.get(kind, {}))
    if key is not None:
        obj = get(session, kind, key)
        if obj is None:
            return {}, [Problem(None, tr("records.missing"))]
        merged.update(_current_values(spec, obj))
    merged.update(values)
    ctx = Context(session)
    clean: dict[str, Any] = {}
    for name, check in spec.checks.items():
        value = merged.get(name)
        if is_blank(value):
            if name in spec.required:
                problems.append(Problem(name, tr("import.required")))
            clean[name] = None
            continue
        try:
            clean[name] = check(value, ctx)
        except ValueProblem as exc:
            problems.append(Problem(name, str(exc)))
            clean[name] = None
        else:
            if clean[name] is None and name in spec.required:
                problems.append(Problem(name, tr("import.required")))
    if not problems:
        with session.no_autoflush:
            for row_check in spec.row_checks:
                problems.extend(row_check(clean, ctx, key))
    return clean, problems


def check_value(kind: str, field_name: str, value: Any) -> str | None:
    """The message for one value that its field refuses on its own (no catalogue, no other record), or None:
    for a command or a form field that checks before it has a database session."""
    from swdesk.importer.values import ValueProblem

    try:
        _kind(kind).checks[field_name](value, None)  # type: ignore[arg-type]
    except ValueProblem as exc:
        return str(exc)
    return None


def validate(session: Session, kind: str, values: Mapping[str, Any], *, key: Any = None) -> list[Problem]:
    """The problems :func:`add` (``key`` None) or :func:`change` would refuse ``values`` with; [] if none."""
    return _checked(session, kind, values, key)[1]


def add(session: Session, kind: str, values: Mapping[str, Any], *, checked: bool = False) -> Any:
    """Add a record of ``kind``; the ORM object, flushed, with its id. :class:`RecordError` if refused.

    ``checked=True`` skips the checks for a caller that has just run the very same rules on these values
    (the importer, whose columns are parsed with them) and writes them as given.
    """
    spec = _kind(kind)
    if checked:
        clean = {**DEFAULTS.get(kind, {}), **values}
    else:
        clean, problems = _checked(session, kind, values, None)
        if problems:
            raise RecordError(problems)
    obj = spec.model(**clean)
    session.add(obj)
    if not checked:
        session.flush()
    return obj


def change(
    session: Session, kind: str, key: Any, values: Mapping[str, Any], *, valid_from: dt.date | None = None,
    checked: bool = False,
) -> Any:
    """Change the given fields of the record ``key`` of ``kind``; the ORM object. Only fields that differ
    are written (and recorded). ``valid_from`` (staff): the date from which FTE, position, salary, education
    and unit change — None means as today's edit always meant."""
    spec = _kind(kind)
    obj = get(session, kind, key)
    if obj is None:
        raise RecordError([Problem(None, tr("records.missing"))])
    if checked:
        clean = dict(values)
    else:
        clean, problems = _checked(session, kind, values, key)
        if problems:
            raise RecordError(problems)
        clean = {k: v for k, v in clean.items() if k in values or k in spec.derived}
    dated: dict[str, Any] = {}
    if valid_from is not None and isinstance(obj, m.Staff):  # FTE, position… from a date (swdesk.staff_terms)
        from swdesk import staff_terms

        dated = {k: v for k, v in clean.items() if k in m.TERM_FIELDS}
        clean = {k: v for k, v in clean.items() if k not in m.TERM_FIELDS}
        problem = staff_terms.date_problem(start=clean.get("start", obj.start), end=clean.get("end", obj.end),
                                           day=valid_from)
        if problem is not None:
            raise RecordError([Problem("valid_from", problem)])
    if isinstance(obj, m.StructuralUnit) and clean.get("name", obj.name) != obj.name:
        _rename_unit(session, obj.name, clean["name"])
    for name, value in clean.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
    if dated and valid_from is not None:
        staff_terms.change_from(session, obj, dated, valid_from)
    if not checked:
        session.flush()
    return obj


# Records that name a staff member and go with them (the database's ON DELETE CASCADE would remove them
# unseen; deleted here through the session, each is in the history).
_STAFF_DEPENDENTS = (m.Caseload, m.Duty, m.TrainingEvent, m.ScenarioChange)


def _rename_unit(session: Session, old: str, new: str) -> None:
    """A unit's new name in every staff row, term and planned change that named it (each in the history)."""
    models: tuple[type[Any], ...] = (m.Staff, m.StaffTerm, m.ScenarioChange)
    for model in models:
        for row in session.scalars(select(model).where(model.unit_name == old)):
            row.unit_name = new


def _unit_deletable(session: Session, unit: m.StructuralUnit) -> list[Problem]:
    from swdesk import units

    people = units.people_in(session, unit.name)
    if people:
        return [Problem(None, tr("records.unit.has_people", name=unit.name, count=people))]
    children = session.scalars(select(m.StructuralUnit.name).where(m.StructuralUnit.parent_id == unit.id)
                               .order_by(m.StructuralUnit.name)).all()
    if children:
        return [Problem(None, tr("records.unit.has_children", name=unit.name, children=", ".join(children)))]
    return []


def delete(session: Session, kind: str, key: Any) -> None:
    """Delete the record ``key`` of ``kind`` (a staff member with their caseloads, duties and training; a
    unit only when nobody is or was in it and it has no sub-units)."""
    obj = get(session, kind, key)
    if obj is None:
        raise RecordError([Problem(None, tr("records.missing"))])
    if isinstance(obj, m.StructuralUnit):
        problems = _unit_deletable(session, obj)
        if problems:
            raise RecordError(problems)
    if isinstance(obj, m.Staff):
        for model in _STAFF_DEPENDENTS:
            for dependent in session.scalars(select(model).where(model.staff_id == obj.id)):  # type: ignore[attr-defined]
                session.delete(dependent)
    session.delete(obj)
    session.flush()


def count(session: Session, kind: str) -> int:
    spec = _kind(kind)
    return int(session.scalar(select(func.count()).select_from(spec.model)) or 0)


# --- who and through what ---------------------------------------------------------------------------------


@contextmanager
def source(session: Session, through: str, *, file: str | None = None, sha256: str | None = None) -> Iterator[None]:
    """Attribute the changes made in the block to ``through`` — ``"forma:Darbinieki"``, ``"režģis:Lietas"``,
    ``"imports"`` (with the file names and their SHA-256), ``"komanda:settings"`` — by the operating-system
    user (and on PostgreSQL its database role). The source before the block applies again after it."""
    previous = _history.set_source(session, _history.Source(through, file, sha256))
    try:
        yield
        session.flush()  # what the block changed is filed under its own source
    finally:
        _history.set_source(session, previous)
