"""Property-based tests of the import (issue 7, point 4): random cell values never crash it.

Hypothesis feeds every kind of value a cell can hold — text with any Unicode (control characters, lone
surrogates, Latvian letters), numbers typed as text, floats with NaN and infinities, integers of thousands
of digits, decimals, dates, times, booleans, nothing, Excel errors, a cell the reader could not read — to
each value parser and to every column of every sheet, and random sheets to the whole import (a CSV file in
UTF-8 or Windows-1257, or an .xlsx, .ods or .xls workbook written byte by byte, read, validated, written in
a transaction that is rolled back). The only
exception allowed is the importer's own :class:`ValueProblem`; every problem the import reports names its
place and is a Latvian message.

``make test`` runs a modest number of examples; ``make test-hostile`` (``SWDESK_HOSTILE_LONG=1``) runs the
``swdesk-import-long`` profile.
"""

# The fast `db` fixture is imported from the support module, so test arguments named `db` "redefine" it.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from swdesk.importer import sheets as sh
from swdesk.importer.importer import import_workbook
from swdesk.importer.values import (
    FIRST_DATE,
    LAST_DATE,
    Choices,
    CodeLookup,
    UnreadableCell,
    ValueProblem,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_month,
    parse_text,
    parse_whole,
)
from tests.hostile import build as b
from tests.hostile import odsbuild as o
from tests.hostile import xlsbuild as x
from tests.hostile.corpus import row
from tests.test_hostile_corpus import assert_latvian
from tests.test_import_support import (
    HEADERS,
    db,  # noqa: F401 - the fast `db` fixture, see test_import_support
    dump,
    migrated_database_file,  # noqa: F401
)

LONG = os.environ.get("SWDESK_HOSTILE_LONG") == "1"
_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
}
settings.register_profile("swdesk-import-short", max_examples=80, **_COMMON)
settings.register_profile("swdesk-import-long", max_examples=3000, **_COMMON)
# Applied per test (not loaded globally), so that other tests keep Hypothesis's own defaults.
PROFILE = settings.get_profile("swdesk-import-long" if LONG else "swdesk-import-short")
# Whole-file examples cost a database transaction each: fewer of them.
FILE_PROFILE = settings(PROFILE, max_examples=max(20, PROFILE.max_examples // 10))

# --- what a cell can hold ----------------------------------------------------------------------------------

any_text = st.text(st.characters(exclude_categories=()), max_size=60) | st.text(
    st.characters(min_codepoint=0, max_codepoint=0x3FF), max_size=30
)
numeric_text = st.from_regex(r"\A\s?[+-]?(\d{1,32}|\d{1,3}( \d{3}){1,3})([.,]\d{0,6})?\s?\Z")
date_text = st.from_regex(
    r"\A(\d{1,2}\.\d{1,2}\.\d{1,5}\.?|\d{4}-\d{1,2}-\d{1,2}([ T]\d{2}:\d{2}(:\d{2})?)?|\d{1,2}[./]\d{4}"
    r"|\d{4}-\d{1,2})\Z"
)
words = st.sampled_from(
    ["jā", "nē", "JA", "x", "TRUE", "false", "*", "SD", "sociālais darbinieks", "E1", "gad", "LIETAS",
     "NS_ADMIN", "Apmācības", "grupas supervīzija", "Attālināti", "minūtes", "akadēmiskās stundas",
     "#DIV/0!", " #N/A ", "#REF!", "nan", "inf", "-0", "1e5", "٣", "２０２５", "\u00a0", "\u200b"]
)  # fmt: skip
huge_integers = st.sampled_from([10**28, -(10**28), 10**400, 10**5000, -(10**5000), 2**63, 2**31])
cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**40), max_value=10**40),
    huge_integers,
    st.floats(),
    st.floats(min_value=-1e6, max_value=1e6),
    st.decimals(),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.timedeltas(),
    any_text,
    numeric_text,
    date_text,
    words,
    st.builds(UnreadableCell, any_text),
)


def _catalogue(name: str) -> list[tuple[str, str]]:
    data = json.loads(
        (Path(sh.__file__).parent.parent / "data" / "catalogues.json").read_text(encoding="utf-8")
    )
    return [(entry["code"], entry["name"]) for entry in data[name]]


LOOKUPS = sh.Lookups(
    positions=CodeLookup(_catalogue("positions"), what="amatu katalogā"),
    positions_or_any=CodeLookup(_catalogue("positions"), what="amatu katalogā", extra=["*"]),
    education=CodeLookup(_catalogue("education"), what="izglītības katalogā"),
    work_types=CodeLookup(_catalogue("work_types"), what="darba veidu katalogā"),
    units=CodeLookup(_catalogue("units"), what="mērvienību katalogā"),
    categories=CodeLookup(_catalogue("duty_categories"), what="pienākumu kategoriju katalogā"),
    academic_minutes=lambda day: 45,
)
COLUMNS = [(sheet, column) for sheet in sh.SHEETS for column in sheet.columns]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _problem(call: Any, *args: Any, **kwargs: Any) -> Any:
    """The parser's result, or None after a ValueProblem with a usable message; anything else fails."""
    try:
        return call(*args, **kwargs)
    except ValueProblem as exc:
        message = str(exc)
        assert message and len(message) < 1000, message
        assert_latvian(message)
        return None


# --- each parser ------------------------------------------------------------------------------------------


@PROFILE
@given(value=cell_values, max_length=st.none() | st.integers(0, 300))
def test_parse_text_returns_clean_text_or_a_problem(value: Any, max_length: int | None) -> None:
    text = _problem(parse_text, value, max_length=max_length)
    if text is not None:
        assert isinstance(text, str) and text == text.strip() and not _CONTROL.search(text)
        assert unicodedata.is_normalized("NFC", text)
        assert max_length is None or len(text) <= max_length


@PROFILE
@given(value=cell_values)
def test_parse_date_and_month_return_plausible_days_or_a_problem(value: Any) -> None:
    day = _problem(parse_date, value)
    if day is not None:
        assert type(day) is dt.date and FIRST_DATE <= day <= LAST_DATE
    month = _problem(parse_month, value)
    if month is not None:
        assert type(month) is dt.date and month.day == 1 and FIRST_DATE <= month <= LAST_DATE


bounds = st.sampled_from([{}, {"minimum": Decimal(0)}, {"above": Decimal(0)}, {"maximum": Decimal("1.5")},
                          {"above": Decimal(0), "maximum": Decimal(24)}])  # fmt: skip


@PROFILE
@given(value=cell_values, places=st.integers(0, 4), limits=bounds)
def test_parse_decimal_returns_a_bounded_finite_number_or_a_problem(
    value: Any, places: int, limits: dict[str, Decimal]
) -> None:
    number = _problem(parse_decimal, value, places=places, **limits)
    if number is not None:
        assert isinstance(number, Decimal) and number.is_finite()
        assert -number.as_tuple().exponent <= places  # type: ignore[operator]
        assert number >= limits.get("minimum", number) and number <= limits.get("maximum", number)
        assert "above" not in limits or number > limits["above"]


@PROFILE
@given(value=cell_values, minimum=st.none() | st.integers(-5, 5), maximum=st.none() | st.integers(0, 10**9))
def test_parse_whole_returns_a_bounded_integer_or_a_problem(value: Any, minimum: Any, maximum: Any) -> None:
    whole = _problem(parse_whole, value, minimum=minimum, maximum=maximum)
    if whole is not None:
        assert type(whole) is int
        assert (minimum is None or whole >= minimum) and (maximum is None or whole <= maximum)


@PROFILE
@given(value=cell_values)
def test_yes_no_choices_and_catalogues_give_a_known_code_or_a_problem(value: Any) -> None:
    answer = _problem(parse_bool, value)
    assert answer is None or type(answer) is bool
    for choices in (sh.TRAINING_KINDS, sh.FORMS, sh.DURATION_UNITS):
        code = _problem(Choices.parse, choices, value)
        assert code is None or code in {c for c, _ in choices.labels}
    for lookup in (LOOKUPS.positions_or_any, LOOKUPS.education, LOOKUPS.categories):
        code = _problem(CodeLookup.parse, lookup, value)
        assert code is None or code in {c for c, _ in lookup.entries} | set(lookup.extra)


@PROFILE
@given(column=st.sampled_from(COLUMNS), value=cell_values)
def test_every_column_of_every_sheet_parses_any_value_or_reports_a_problem(column: Any, value: Any) -> None:
    _sheet, spec = column
    _problem(spec.parse, value, LOOKUPS)


# --- whole sheets through the import ----------------------------------------------------------------------

# Values as they can be in a file: what openpyxl or a CSV file can hand over.
file_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1900, 3, 1)),
    any_text,
    numeric_text,
    date_text,
    words,
)
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# Sheets whose valid rows need nothing in the database (the others name staff members).
SELF_CONTAINED = ("Iedzīvotāji", "Darbinieki", "Vakances", "Kritēriji")


@st.composite
def random_sheet(draw: Any) -> tuple[str, list[list[Any]]]:
    """A sheet of SPEC §5 with its header (sometimes with a stray column) and either random rows or valid
    rows with a random cell or two, which often get as far as being written (and rolled back)."""
    name = draw(st.sampled_from(sh.SHEET_NAMES))
    header = list(HEADERS[name])
    if draw(st.integers(0, 9)) == 0:
        header = header[:-1] + [draw(any_text)]
    if name in SELF_CONTAINED and draw(st.booleans()):
        rows = []
        for index in range(draw(st.integers(1, 3))):
            values = row(name, **({"Tabeles_nr": f"{3000 + index}"} if name == "Darbinieki" else {}))
            if name == "Iedzīvotāji":
                values[0] = 1950 + index
            for _ in range(draw(st.integers(0, 2))):
                values[draw(st.integers(0, len(values) - 1))] = draw(file_values)
            rows.append(values)
    else:
        rows = draw(st.lists(st.lists(file_values, max_size=len(header) + 2), max_size=6))
    order = draw(st.permutations(range(len(header))))
    reorder = lambda values: [values[i] for i in order if i < len(values)]  # noqa: E731
    return name, [reorder(header), *(reorder(r) for r in rows)]


def _xml_safe(value: Any) -> Any:
    return _XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def _csv_safe(value: Any) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text.encode("utf-8", "replace").decode("utf-8")


def _check_problems(result: Any) -> None:
    for problem in result.problems:
        assert problem.sheet or problem.file, problem
        if problem.sheet and problem.row is None and problem.column is None:
            # a problem of the whole sheet: given twice, or its XML is damaged
            assert re.search(r"divreiz|nevar nolasīt", problem.message), problem
        assert_latvian(problem.message)
    assert result.ok == (not result.problems)


def _xls_safe(value: Any) -> Any:
    return _SURROGATES.sub("", value) if isinstance(value, str) else value


_SURROGATES = re.compile(r"[\ud800-\udfff]")


@FILE_PROFILE
@given(sheet=random_sheet(), file_format=st.sampled_from(["csv", "csv-windows-1257", "xlsx", "ods", "xls"]))
def test_random_sheets_are_imported_or_refused_with_placed_problems(
    db, tmp_path_factory: pytest.TempPathFactory, sheet: tuple[str, list[list[Any]]], file_format: str
) -> None:
    name, rows = sheet
    folder = tmp_path_factory.mktemp("random")
    if file_format.startswith("csv"):
        import csv

        path = folder / f"{name}.csv"
        encoding = "cp1257" if file_format == "csv-windows-1257" else "utf-8"
        with open(path, "w", encoding=encoding, errors="replace", newline="") as fh:
            csv.writer(fh, delimiter=";").writerows([[_csv_safe(v) for v in r] for r in rows])
    elif file_format == "ods":
        path = o.write_ods(folder / "random.ods", {name: [[_xml_safe(v) for v in r] for r in rows]})
    elif file_format == "xls":
        path = folder / "random.xls"
        path.write_bytes(x.xls_bytes({name: [[_xls_safe(v) for v in r] for r in rows]}))
    else:
        cells = [[_xml_safe(v) for v in r] for r in rows]
        path = b.write_workbook(folder / "random.xlsx", [b.Sheet(name, b.sheet_xml(cells))])
    before = dump(db)
    result = import_workbook(db, path, dry_run=True)
    event("would import" if result.ok else "refused")  # see pytest --hypothesis-show-statistics
    _check_problems(result)
    assert not result.written and dump(db) == before
