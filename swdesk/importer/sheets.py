"""The sheets and columns of the import workbook, SPEC §5: headers, keys, how each cell is read.

One table (:data:`SHEETS`) serves the importer, which parses with it, and the template, which writes the
headers, drop-down lists, number formats and the instruction sheet from it, so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from swdesk import records
from swdesk.importer.personal_code import PersonalCodeError, normalise_personal_code
from swdesk.importer.values import (
    Choices,
    CodeLookup,
    ValueProblem,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_month,
    parse_text,
    parse_whole,
)
from swdesk.records.limits import (  # the records layer's limits (issue 17): one definition for every door
    FIRST_YEAR,
    LAST_YEAR,
    MAX_COUNT,
    MAX_DURATION,
    MAX_DUTY_HOURS,
    MAX_MONEY,
    MAX_PER_FTE,
    MAX_RESIDENTS,
    MAX_WEIGHT,
)

# SPEC §5 fixed choices: (stored code, Latvian label as the user writes it).
TRAINING_KINDS = Choices(
    [
        ("training", "Apmācības"),
        ("supervision_individual", "Individuālā supervīzija"),
        ("supervision_group", "Grupas supervīzija"),
    ]
)
FORMS = Choices([("in_person", "Klātiene"), ("remote", "Attālināti")])
DURATION_UNITS = Choices(
    [("hours", "astronomiskās stundas"), ("academic_hours", "akadēmiskās stundas"), ("minutes", "minūtes")]
)
YES_NO = ("jā", "nē")



@dataclass
class Lookups:
    """What parsing needs from the database: the catalogues (user-edited ones included) and settings."""

    positions: CodeLookup
    positions_or_any: CodeLookup
    education: CodeLookup
    work_types: CodeLookup
    units: CodeLookup
    categories: CodeLookup
    academic_minutes: Callable[[dt.date], int]


Parser = Callable[[Any, Lookups], Any]


@dataclass(frozen=True)
class Column:
    """One column: its exact SPEC §5 header, the field it fills, and how a cell is read.

    ``kind`` tells the template how to help the user: ``date``, ``month``, ``text`` (kept as text so that
    leading zeros survive), ``number``, or ``list:<name>`` for a drop-down list of the ``Saraksti`` sheet.
    """

    header: str
    field: str
    parse: Parser
    required: bool = False
    kind: str = "number"
    default: Any = None
    width: int = 14


@dataclass(frozen=True)
class Sheet:
    """One sheet: its name, columns and key (fields; empty = all columns, SPEC §5)."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    # at least one of these fields must be given in every row (and one of their columns must exist)
    one_of: tuple[str, ...] = ()
    check_row: Callable[[dict[str, Any], Lookups], list[tuple[str | None, str]]] | None = field(default=None)

    @property
    def key_fields(self) -> tuple[str, ...]:
        return self.key or tuple(c.field for c in self.columns)

    def column(self, field_name: str) -> Column:
        return next(c for c in self.columns if c.field == field_name)


# --- parsers -------------------------------------------------------------------------------------------


def _text(max_length: int | None) -> Parser:
    return lambda value, _: parse_text(value, max_length=max_length)


def _personal_code(value: Any, _: Lookups) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**11:
        # A code typed into a number cell loses its leading zero (010190… → 10190…); the checksum and the
        # birth date then decide whether the zero belongs there.
        value = f"{value:011d}"
    try:
        return normalise_personal_code(parse_text(value))
    except PersonalCodeError as exc:
        raise ValueProblem(str(exc)) from None


_FTE = records.fte()


def _fte(value: Any, _: Lookups) -> Decimal:
    return _FTE(value, None)  # type: ignore[arg-type,no-any-return]


def _decimal(*, places: int, **bounds: Decimal) -> Parser:
    return lambda value, _: parse_decimal(value, places=places, **bounds)


def _whole(**bounds: int) -> Parser:
    return lambda value, _: parse_whole(value, **bounds)


def _date(value: Any, _: Lookups) -> dt.date:
    return parse_date(value)


def _month(value: Any, _: Lookups) -> dt.date:
    return parse_month(value)


def _lookup(name: str) -> Parser:
    return lambda value, lookups: getattr(lookups, name).parse(value)


def _choice(choices: Choices) -> Parser:
    return lambda value, _: choices.parse(value)


def _bool(value: Any, _: Lookups) -> bool:
    return parse_bool(value)


def _tabeles_nr(required: bool = True) -> Column:
    return Column("Tabeles nr.", "tabeles_nr", _text(40), required=required, kind="text", width=12)


# --- row checks ----------------------------------------------------------------------------------------


def _check_staff(row: dict[str, Any], _: Lookups) -> list[tuple[str | None, str]]:
    problems = [(p.field, p.message) for p in records.check_employment_dates(row)]
    valid_from, start = row.get("valid_from"), row.get("start")
    if valid_from is not None and start is not None and not problems:  # "Spēkā no" inside the employment
        from swdesk.staff_terms import date_problem

        problem = date_problem(start=start, end=row.get("end"), day=valid_from)
        if problem is not None:
            problems.append(("valid_from", problem))
    return problems


def _check_vacancy(row: dict[str, Any], _: Lookups) -> list[tuple[str | None, str]]:
    return [(p.field, p.message) for p in records.check_vacancy_dates(row)]


def _check_training(row: dict[str, Any], lookups: Lookups) -> list[tuple[str | None, str]]:
    """Compute ``minutes`` from Ilgums and Vienība; academic hours use the setting on the day (§1.6)."""
    return [(p.field, p.message) for p in records.training_minutes(row, lookups.academic_minutes)]


# --- the sheets of SPEC §5 -----------------------------------------------------------------------------

POPULATION = Sheet(
    "Iedzīvotāji",
    (
        Column("Gads", "year", _whole(minimum=FIRST_YEAR, maximum=LAST_YEAR), required=True, width=8),
        Column(
            "Iedzīvotāju skaits", "residents", _whole(minimum=1, maximum=MAX_RESIDENTS), required=True, width=20
        ),
    ),
    key=("year",),
)

STAFF = Sheet(
    "Darbinieki",
    (
        _tabeles_nr(),
        Column("Vārds", "first_name", _text(100), required=True, kind="text", width=16),
        Column("Uzvārds", "last_name", _text(100), required=True, kind="text", width=18),
        Column("Personas kods", "personal_code", _personal_code, kind="text", width=15),
        Column(
            "Amats", "position_code", _lookup("positions"), required=True, kind="list:positions", width=36
        ),
        Column("Slodze", "fte", _fte, required=True, width=8),
        Column("Darba sākums", "start", _date, required=True, kind="date", width=13),
        Column("Darba beigas", "end", _date, kind="date", width=13),
        Column(
            "Izglītība",
            "education_code",
            _lookup("education"),
            required=True,
            kind="list:education",
            width=40,
        ),
        Column(
            "Mēnešalga", "salary", _decimal(places=2, above=Decimal(0), maximum=MAX_MONEY), required=True, width=11
        ),
        Column("Struktūrvienība", "unit_name", _text(200), kind="text", width=22),
        Column("Specializācija", "specialization", _text(200), kind="text", width=22),
        # issue 17: from when a changed FTE, position, education, salary or unit applies (empty: the import date)
        Column("Spēkā no", "valid_from", _date, kind="date", width=13),
    ),
    key=("tabeles_nr",),
    check_row=_check_staff,
)

VACANCIES = Sheet(
    "Vakances",
    (
        Column(
            "Amats", "position_code", _lookup("positions"), required=True, kind="list:positions", width=36
        ),
        Column("Slodze", "fte", _fte, required=True, width=8),
        Column("Izsludināta", "announced", _date, required=True, kind="date", width=13),
        Column("Aizpildīta", "filled", _date, kind="date", width=13),
        Column("Piezīmes", "notes", _text(None), kind="text", width=40),
    ),
    key=("position_code", "announced"),
    check_row=_check_vacancy,
)

CRITERIA = Sheet(
    "Kritēriji",
    (
        Column(
            "Amats",
            "position_code",
            _lookup("positions_or_any"),
            required=True,
            kind="list:positions_or_any",
            width=36,
        ),
        Column(
            "Darba veids",
            "work_type_code",
            _lookup("work_types"),
            required=True,
            kind="list:work_types",
            width=36,
        ),
        Column("Mērvienība", "unit_code", _lookup("units"), required=True, kind="list:units", width=26),
        Column(
            "Maks. uz slodzi mēnesī",
            "max_per_fte",
            _decimal(places=2, above=Decimal(0), maximum=MAX_PER_FTE),
            required=True,
            width=22,
        ),
        Column("Svars", "weight", _decimal(places=3, minimum=Decimal(0), maximum=MAX_WEIGHT), width=8),
    ),
    key=("position_code", "work_type_code", "unit_code"),
)

CASELOADS = Sheet(
    "Lietas",
    (
        _tabeles_nr(),
        Column("Mēnesis", "month", _month, required=True, kind="month", width=10),
        Column(
            "Darba veids",
            "work_type_code",
            _lookup("work_types"),
            required=True,
            kind="list:work_types",
            width=36,
        ),
        Column("Lietu skaits", "cases", _whole(minimum=0, maximum=MAX_COUNT), width=13),
        Column("Iesniegumu skaits", "applications", _whole(minimum=0, maximum=MAX_COUNT), width=18),
        Column("Apkalpoto personu skaits", "persons", _whole(minimum=0, maximum=MAX_COUNT), width=24),
    ),
    key=("tabeles_nr", "month", "work_type_code"),
    one_of=("cases", "applications", "persons"),
)

DUTIES = Sheet(
    "Pienākumi",
    (
        _tabeles_nr(),
        Column("Datums", "date", _date, required=True, kind="date", width=12),
        Column(
            "Kategorija",
            "category_code",
            _lookup("categories"),
            required=True,
            kind="list:categories",
            width=45,
        ),
        Column(
            "Stundas",
            "hours",
            _decimal(places=2, above=Decimal(0), maximum=MAX_DUTY_HOURS),
            required=True,
            width=9,
        ),
        Column("Apraksts", "description", _text(None), kind="text", width=40),
    ),
)

TRAINING = Sheet(
    "Apmācības",
    (
        _tabeles_nr(),
        Column("Datums", "date", _date, required=True, kind="date", width=12),
        Column("Veids", "kind", _choice(TRAINING_KINDS), required=True, kind="list:kinds", width=24),
        Column("Forma", "form", _choice(FORMS), kind="list:forms", default="in_person", width=12),
        Column(
            "Ilgums", "duration", _decimal(places=2, above=Decimal(0), maximum=MAX_DURATION), required=True, width=8
        ),
        Column(
            "Vienība",
            "duration_unit",
            _choice(DURATION_UNITS),
            required=True,
            kind="list:duration_units",
            width=22,
        ),
        Column("Tēma", "topic", _text(None), kind="text", width=30),
        Column("Sniedzējs", "provider", _text(300), kind="text", width=24),
        Column("Sertificēts supervizors", "certified_supervisor", _bool, kind="list:yes_no", width=22),
        Column("Izmaksas EUR", "cost", _decimal(places=2, minimum=Decimal(0), maximum=MAX_MONEY), width=13),
        Column("Rēķina nr.", "invoice", _text(100), kind="text", width=14),
    ),
    check_row=_check_training,
)

SHEETS: tuple[Sheet, ...] = (POPULATION, STAFF, VACANCIES, CRITERIA, CASELOADS, DUTIES, TRAINING)
SHEET_NAMES = tuple(sheet.name for sheet in SHEETS)
# Sheets whose Tabeles nr. must name a staff member in the database or in this import's Darbinieki sheet.
STAFF_REFERENCES = ("Lietas", "Pienākumi", "Apmācības")


def sheet_by_name(name: str) -> Sheet:
    return next(sheet for sheet in SHEETS if sheet.name == name)
