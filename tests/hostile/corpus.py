"""The hostile and messy workbook corpus (issue 7, point 4): files written at test time, each with its outcome.

Every case writes one or more files into a folder and says what importing them into the seeded database
(:func:`seed_sheets`, already imported) must do:

* :class:`Imports` — the counts per sheet (added, updated, unchanged) and, where the point of the file is how
  a value is read (a date typed as text, a serial number, a 1904 workbook, a merged cell), the values stored;
* :class:`Refused` — every problem's place: ``(sheet, row, column)`` as the user sees it in Excel, or
  ``(file name, None, None)`` for a problem of the whole file, and a piece of the first message.

The expectations are written by hand from SPEC §5 and the files' content, never taken from a run. Cases
marked ``long`` are large (a 1 000 000-row sheet, parts just under the size limits) and run only in
``make test-hostile``.

Every case that is about values, headers, keys or sheets, not about the XML of an ``.xlsx``, is also
written as an OpenDocument spreadsheet (``.ods``) and an Excel 97–2003 workbook (``.xls``): the same
workbook saved in the other formats (:func:`twin`), or, for a cell only a hand-written file has (an error
value, a number that is not finite), that cell as the other format stores it. Cases of each format's own
container (ZIP and XML of ``.ods``, the OLE file of ``.xls``) and of CSV encodings (UTF-8, Windows-1257)
follow their ``.xlsx`` and CSV counterparts.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import struct
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from tests.hostile import build as b
from tests.hostile import odsbuild as o
from tests.hostile import xlsbuild as x
from tests.test_import_support import HEADERS, OLD_CODE, csv_text, valid_sheets, write_csv, write_xlsx

Where = tuple[str, int | None, str | None]


@dataclass(frozen=True)
class Imports:
    counts: dict[str, tuple[int, int, int]]  # sheet → (added, updated, unchanged)
    verify: Callable[[Session], None] | None = None
    warnings: int = 0


@dataclass(frozen=True)
class Refused:
    where: list[Where]
    says: str  # in the first problem's message


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[Path]]
    expect: Imports | Refused
    long: bool = False


CASES: list[Case] = []


def case(name: str, expect: Imports | Refused, *, long: bool = False) -> Callable[..., Any]:
    def register(build: Callable[[Path], list[Path]]) -> Callable[[Path], list[Path]]:
        assert all(c.name != name for c in CASES), name
        CASES.append(Case(name, build, expect, long=long))
        return build

    return register


def seed_sheets() -> dict[str, list[list[Any]]]:
    """What the database holds before every case: the valid workbook of the import tests."""
    return valid_sheets()


# --- valid rows the cases start from (none of them is in the seed) -----------------------------------------

BASE: dict[str, dict[str, Any]] = {
    "Iedzīvotāji": {"Gads": 2023, "Iedzīvotāju skaits": 15100},
    "Darbinieki": {
        "Tabeles nr.": "2001",
        "Vārds": "Inese",
        "Uzvārds": "Liepa",
        "Personas kods": None,
        "Amats": "SD",
        "Slodze": 1,
        "Darba sākums": dt.date(2024, 1, 2),
        "Darba beigas": None,
        "Izglītība": "E3",
        "Mēnešalga": 1300,
        "Struktūrvienība": None,
        "Specializācija": None,
        "Spēkā no": None,
    },
    "Vakances": {
        "Amats": "SPO",
        "Slodze": 1,
        "Izsludināta": dt.date(2025, 3, 3),
        "Aizpildīta": None,
        "Piezīmes": None,
    },
    "Kritēriji": {
        "Amats": "SPO",
        "Darba veids": "SPA",
        "Mērvienība": "IESN",
        "Maks. uz slodzi mēnesī": 120,
        "Svars": None,
    },
    "Lietas": {
        "Tabeles nr.": "1001",
        "Mēnesis": "2025-05",
        "Darba veids": "GAD",
        "Lietu skaits": 18,
        "Iesniegumu skaits": None,
        "Apkalpoto personu skaits": None,
    },
    "Pienākumi": {
        "Tabeles nr.": "1002",
        "Datums": "12.05.2025",
        "Kategorija": "NS_TRANSP",
        "Stundas": 2,
        "Apraksts": "Klients uz slimnīcu",
    },
    "Apmācības": {
        "Tabeles nr.": "1002",
        "Datums": "15.05.2025",
        "Veids": "Apmācības",
        "Forma": None,
        "Ilgums": 8,
        "Vienība": "akadēmiskās stundas",
        "Tēma": "Motivējošā intervija",
        "Sniedzējs": "LSDA",
        "Sertificēts supervizors": None,
        "Izmaksas EUR": 60,
        "Rēķina nr.": "R-77",
    },
}


def row(sheet: str, **changes: Any) -> list[Any]:
    """The base row of ``sheet`` with some cells changed; keyword names are headers with ``_`` for spaces
    and without dots (``Maks_uz_slodzi_mēnesī``)."""
    values = dict(BASE[sheet])
    for key, value in changes.items():
        header = next(h for h in HEADERS[sheet] if _key(h) == key)
        values[header] = value
    return [values[h] for h in HEADERS[sheet]]


def _key(header: str) -> str:
    return header.replace(".", "").replace(" ", "_")


def one_row(sheet: str, **changes: Any) -> dict[str, list[list[Any]]]:
    return {sheet: [HEADERS[sheet], row(sheet, **changes)]}


def serial(day: dt.date) -> int:
    """Excel's serial number of a day, counted here from its definition (days since 30.12.1899)."""
    return (day - dt.date(1899, 12, 30)).days


def staff(session: Session, nr: str) -> m.Staff:
    return session.scalars(select(m.Staff).where(m.Staff.tabeles_nr == nr)).one()


def expect_equal(actual: Any, wanted: Any) -> None:
    assert actual == wanted, f"{actual!r} != {wanted!r}"


def xlsx(folder: Path, name: str, sheets: dict[str, list[list[Any]]]) -> list[Path]:
    return [write_xlsx(folder / name, sheets)]


def book(folder: Path, name: str, sheets: dict[str, list[list[Any]]], *, hidden: tuple[str, ...] = ()) -> list[Path]:
    """A workbook in the format its name ends with: .ods and .xls written by hand, .xlsx by openpyxl."""
    path = folder / name
    if name.endswith(".ods"):
        return [o.write_ods(path, sheets, hidden=hidden)]
    if name.endswith(".xls"):
        path.write_bytes(x.xls_bytes(sheets, hidden=hidden))
        return [path]
    assert not hidden
    return xlsx(folder, name, sheets)


def raw_book(folder: Path, name: str, sheets: dict[str, Any], **options: Any) -> list[Path]:
    """A hand-written workbook; a sheet is a list of rows or the finished sheet XML (bytes)."""
    parts = [
        b.Sheet(title, content if isinstance(content, bytes) else b.sheet_xml(content))
        for title, content in sheets.items()
    ]
    return [b.write_workbook(folder / name, parts, **options)]


# === imports: valid but messy ==============================================================================


@case("all-sheets-one-new-row.xlsx", Imports({name: (1, 0, 0) for name in HEADERS}))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "all-sheets-one-new-row.xlsx", {name: [HEADERS[name], row(name)] for name in HEADERS})


SEED_COUNTS = {"Iedzīvotāji": 2, "Darbinieki": 3, "Vakances": 2, "Kritēriji": 2, "Lietas": 3, "Pienākumi": 2,
               "Apmācības": 3}  # fmt: skip


@case("the-seed-again.xlsx", Imports({name: (0, 0, count) for name, count in SEED_COUNTS.items()}))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "the-seed-again.xlsx", seed_sheets())


def _salary_1500(s: Session) -> None:
    expect_equal(staff(s, "1001").salary, Decimal(1500))


@case("changed-salary.xlsx", Imports({"Darbinieki": (0, 1, 0)}, _salary_1500))
def _(folder: Path) -> list[Path]:
    sheets = seed_sheets()
    anna = sheets["Darbinieki"][1]
    anna[9] = 1500
    return xlsx(folder, "changed-salary.xlsx", {"Darbinieki": [HEADERS["Darbinieki"], anna]})


# --- numbers stored as text, one file per sheet ----------------------------------------------------------


def _population(year: int, residents: int) -> Callable[[Session], None]:
    return lambda s: expect_equal(s.get(m.Population, year).residents, residents)


@case("text-numbers-iedzivotaji.xlsx", Imports({"Iedzīvotāji": (1, 0, 0)}, _population(2023, 15100)))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder,
        "text-numbers-iedzivotaji.xlsx",
        one_row("Iedzīvotāji", Gads=" 2023 ", Iedzīvotāju_skaits="15\u00a0100"),
    )


def _staff_numbers(s: Session) -> None:
    inese = staff(s, "2001")
    expect_equal((inese.fte, inese.salary), (Decimal("0.75"), Decimal("1234.56")))


@case("text-numbers-darbinieki.xlsx", Imports({"Darbinieki": (1, 0, 0)}, _staff_numbers))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder, "text-numbers-darbinieki.xlsx", one_row("Darbinieki", Slodze="0,75", Mēnešalga="1 234,56")
    )


def _vacancy_fte(s: Session) -> None:
    vacancy = s.scalars(select(m.Vacancy).where(m.Vacancy.position_code == "SPO")).one()
    expect_equal(vacancy.fte, Decimal("0.5"))


@case("text-numbers-vakances.xlsx", Imports({"Vakances": (1, 0, 0)}, _vacancy_fte))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "text-numbers-vakances.xlsx", one_row("Vakances", Slodze=" 0.500 "))


def _criterion(s: Session) -> None:
    criterion = s.scalars(select(m.Criterion).where(m.Criterion.position_code == "SPO")).one()
    expect_equal((criterion.max_per_fte, criterion.weight), (Decimal("120.5"), Decimal("0.25")))


@case("text-numbers-kriteriji.xlsx", Imports({"Kritēriji": (1, 0, 0)}, _criterion))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder,
        "text-numbers-kriteriji.xlsx",
        one_row("Kritēriji", Maks_uz_slodzi_mēnesī="120,5", Svars="0,25"),
    )


def _caseload(s: Session) -> None:
    load = s.scalars(select(m.Caseload).where(m.Caseload.month == dt.date(2025, 5, 1))).one()
    expect_equal((load.cases, load.applications, load.persons), (18, 0, 3))


@case("text-numbers-lietas.xlsx", Imports({"Lietas": (1, 0, 0)}, _caseload))
def _(folder: Path) -> list[Path]:
    changes = {"Lietu_skaits": "18", "Iesniegumu_skaits": "0", "Apkalpoto_personu_skaits": "3,0"}
    return xlsx(folder, "text-numbers-lietas.xlsx", one_row("Lietas", **changes))


def _duty_hours(s: Session) -> None:
    duty = s.scalars(select(m.Duty).where(m.Duty.category_code == "NS_TRANSP")).one()
    expect_equal((duty.date, duty.hours), (dt.date(2025, 5, 12), Decimal("2.25")))


@case("text-numbers-pienakumi.xlsx", Imports({"Pienākumi": (1, 0, 0)}, _duty_hours))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "text-numbers-pienakumi.xlsx", one_row("Pienākumi", Stundas="2,25"))


def _training_90_minutes(s: Session) -> None:
    event = s.scalars(select(m.TrainingEvent).where(m.TrainingEvent.date == dt.date(2025, 5, 15))).one()
    expect_equal((event.minutes, event.cost), (90, Decimal("12.3")))


@case("text-numbers-apmacibas.xlsx", Imports({"Apmācības": (1, 0, 0)}, _training_90_minutes))
def _(folder: Path) -> list[Path]:
    changes = {"Ilgums": "1,5", "Vienība": "astronomiskās stundas", "Izmaksas_EUR": "12,30"}
    return xlsx(folder, "text-numbers-apmacibas.xlsx", one_row("Apmācības", **changes))


# --- dates as serial numbers (a date column formatted as General) ----------------------------------------


def _staff_dates(start: dt.date, end: dt.date | None) -> Callable[[Session], None]:
    def verify(s: Session) -> None:
        inese = staff(s, "2001")
        expect_equal((inese.start, inese.end), (start, end))

    return verify


@case(
    "serial-dates-darbinieki.xlsx",
    Imports({"Darbinieki": (1, 0, 0)}, _staff_dates(dt.date(2024, 1, 2), dt.date(2024, 12, 31))),
)
def _(folder: Path) -> list[Path]:
    changes = {
        "Darba_sākums": serial(dt.date(2024, 1, 2)),
        "Darba_beigas": float(serial(dt.date(2024, 12, 31))),
    }
    return xlsx(folder, "serial-dates-darbinieki.xlsx", one_row("Darbinieki", **changes))


def _vacancy_dates(s: Session) -> None:
    vacancy = s.scalars(select(m.Vacancy).where(m.Vacancy.position_code == "SPO")).one()
    expect_equal((vacancy.announced, vacancy.filled), (dt.date(2025, 3, 3), dt.date(2025, 4, 1)))


@case("serial-dates-vakances.xlsx", Imports({"Vakances": (1, 0, 0)}, _vacancy_dates))
def _(folder: Path) -> list[Path]:
    # a serial with a time of day (18:00) is still that day
    changes = {"Izsludināta": serial(dt.date(2025, 3, 3)) + 0.75, "Aizpildīta": serial(dt.date(2025, 4, 1))}
    return xlsx(folder, "serial-dates-vakances.xlsx", one_row("Vakances", **changes))


def _month_may(s: Session) -> None:
    expect_equal(
        [c.month for c in s.scalars(select(m.Caseload).where(m.Caseload.cases == 18))], [dt.date(2025, 5, 1)]
    )


@case("serial-month-lietas.xlsx", Imports({"Lietas": (1, 0, 0)}, _month_may))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "serial-month-lietas.xlsx", one_row("Lietas", Mēnesis=serial(dt.date(2025, 5, 20))))


def _duty_on(day: dt.date) -> Callable[[Session], None]:
    return lambda s: expect_equal(
        [d.date for d in s.scalars(select(m.Duty).where(m.Duty.category_code == "NS_TRANSP"))], [day]
    )


@case("serial-date-pienakumi.xlsx", Imports({"Pienākumi": (1, 0, 0)}, _duty_on(dt.date(2025, 5, 12))))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder, "serial-date-pienakumi.xlsx", one_row("Pienākumi", Datums=serial(dt.date(2025, 5, 12)))
    )


def _training_on(day: dt.date) -> Callable[[Session], None]:
    return lambda s: expect_equal(
        [e.date for e in s.scalars(select(m.TrainingEvent).where(m.TrainingEvent.invoice == "R-77"))], [day]
    )


@case("serial-date-apmacibas.xlsx", Imports({"Apmācības": (1, 0, 0)}, _training_on(dt.date(2025, 5, 15))))
def _(folder: Path) -> list[Path]:
    return raw_book(folder, "serial-date-apmacibas.xlsx",
                    {"Apmācības": [HEADERS["Apmācības"], row("Apmācības", Datums=b.n(f"{serial(dt.date(2025, 5, 15))}.0"))]})  # fmt: skip


# --- dates as text in every way SPEC §5 allows -----------------------------------------------------------


@case(
    "text-dates-darbinieki.xlsx",
    Imports({"Darbinieki": (2, 0, 0)}, _staff_dates(dt.date(2024, 1, 2), dt.date(2024, 6, 30))),
)
def _(folder: Path) -> list[Path]:
    rows = [
        HEADERS["Darbinieki"],
        row("Darbinieki", Darba_sākums="2.1.2024", Darba_beigas="30.06.2024."),
        row("Darbinieki", Tabeles_nr="2002", Darba_sākums="2024-01-02", Darba_beigas="2024-06-30T00:00:00"),
    ]
    return xlsx(folder, "text-dates-darbinieki.xlsx", {"Darbinieki": rows})


@case("text-dates-vakances.csv", Imports({"Vakances": (1, 0, 0)}, _vacancy_dates))
def _(folder: Path) -> list[Path]:
    path = folder / "text-dates-vakances" / "Vakances.csv"
    path.parent.mkdir()
    path.write_text(
        "Amats;Slodze;Izsludināta;Aizpildīta;Piezīmes\nSPO;1;03.03.2025;2025-04-01;\n", encoding="utf-8"
    )
    return [path]


def _months(*months: dt.date) -> Callable[[Session], None]:
    def verify(s: Session) -> None:
        found = s.scalars(select(m.Caseload.month).where(m.Caseload.cases == 18).order_by(m.Caseload.month))
        expect_equal(list(found), list(months))

    return verify


@case(
    "text-months-lietas.xlsx",
    Imports({"Lietas": (4, 0, 0)}, _months(*(dt.date(2025, month, 1) for month in (5, 6, 7, 8)))),
)
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Lietas"]] + [
        row("Lietas", Mēnesis=text) for text in ("2025-5", "06.2025", "7/2025", "15.08.2025")
    ]
    return xlsx(folder, "text-months-lietas.xlsx", {"Lietas": rows})


@case("text-date-pienakumi-iso.xlsx", Imports({"Pienākumi": (1, 0, 0)}, _duty_on(dt.date(2025, 5, 12))))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "text-date-pienakumi-iso.xlsx", one_row("Pienākumi", Datums="2025-05-12 08:30"))


@case(
    "date-cell-with-time-apmacibas.xlsx",
    Imports({"Apmācības": (1, 0, 0)}, _training_on(dt.date(2025, 5, 15))),
)
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder,
        "date-cell-with-time-apmacibas.xlsx",
        one_row("Apmācības", Datums=dt.datetime(2025, 5, 15, 14, 30)),
    )


@case(
    "iso-date-cells.xlsx",  # t="d" cells, as LibreOffice may write them
    Imports({"Darbinieki": (1, 0, 0)}, _staff_dates(dt.date(2024, 1, 2), None)),
)
def _(folder: Path) -> list[Path]:
    cell = b.raw("<v>2024-01-02T00:00:00</v>", type="d")
    return raw_book(
        folder,
        "iso-date-cells.xlsx",
        {"Darbinieki": [HEADERS["Darbinieki"], row("Darbinieki", Darba_sākums=cell)]},
    )


@case(
    "date1904-workbook.xlsx",  # Excel for Mac before 2011 counted days from 1904
    Imports({"Darbinieki": (1, 0, 0)}, _staff_dates(dt.date(2024, 1, 2), dt.date(2024, 12, 31))),
)
def _(folder: Path) -> list[Path]:
    start = b.n(b.excel_serial(dt.date(2024, 1, 2), date1904=True), style=b.DATE_STYLE)
    end = b.n(b.excel_serial(dt.date(2024, 12, 31), date1904=True), style=b.DATE_STYLE)
    rows = [HEADERS["Darbinieki"], row("Darbinieki", Darba_sākums=start, Darba_beigas=end)]
    return raw_book(folder, "date1904-workbook.xlsx", {"Darbinieki": rows}, date1904=True)


@case(
    "date1904-openpyxl.xlsx",
    Imports({"Vakances": (1, 0, 0)}, _vacancy_dates),
)
def _(folder: Path) -> list[Path]:
    workbook = Workbook()
    workbook.epoch = CALENDAR_MAC_1904
    ws = workbook.active
    ws.title = "Vakances"
    ws.append(HEADERS["Vakances"])
    ws.append(row("Vakances", Aizpildīta=dt.date(2025, 4, 1)))
    workbook.save(folder / "date1904-openpyxl.xlsx")
    return [folder / "date1904-openpyxl.xlsx"]


# --- hidden sheets, blank rows, headers as people type them ---------------------------------------------


@case("hidden-darbinieki.xlsx", Imports({"Darbinieki": (1, 0, 0), "Lietas": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    sheets = [
        b.Sheet("Lietas", b.sheet_xml([HEADERS["Lietas"], row("Lietas", Tabeles_nr="2001")])),
        b.Sheet("Darbinieki", b.sheet_xml([HEADERS["Darbinieki"], row("Darbinieki")]), state="hidden"),
    ]
    return [b.write_workbook(folder / "hidden-darbinieki.xlsx", sheets)]


@case("very-hidden-iedzivotaji.xlsx", Imports({"Iedzīvotāji": (1, 0, 0)}, _population(2023, 15100)))
def _(folder: Path) -> list[Path]:
    sheets = [
        b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]), state="veryHidden")
    ]
    return [b.write_workbook(folder / "very-hidden-iedzivotaji.xlsx", sheets)]


@case("blank-rows-before-and-between.xlsx", Imports({"Kritēriji": (2, 0, 0)}))
def _(folder: Path) -> list[Path]:
    rows = [[], [None, None], ["   ", None], HEADERS["Kritēriji"], row("Kritēriji"), [], ["", " "],
            row("Kritēriji", Darba_veids="PIRMR")]  # fmt: skip
    return xlsx(folder, "blank-rows-before-and-between.xlsx", {"Kritēriji": rows})


@case("headers-as-typed.xlsx", Imports({"Darbinieki": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    header = [f"  {h.upper()} *" if i % 2 else h.lower() for i, h in enumerate(HEADERS["Darbinieki"])]
    return xlsx(folder, "headers-as-typed.xlsx", {" darbinieki ": [header, row("Darbinieki")]})


@case("columns-shuffled.xlsx", Imports({"Apmācības": (1, 0, 0)}, _training_on(dt.date(2025, 5, 15))))
def _(folder: Path) -> list[Path]:
    order = list(reversed(range(len(HEADERS["Apmācības"]))))
    values = row("Apmācības")
    rows = [[HEADERS["Apmācības"][i] for i in order], [values[i] for i in order]]
    return xlsx(folder, "columns-shuffled.xlsx", {"Apmācības": rows})


@case("only-required-columns.xlsx", Imports({"Darbinieki": (1, 0, 0), "Vakances": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    staff_headers = [
        "Tabeles nr.",
        "Vārds",
        "Uzvārds",
        "Amats",
        "Slodze",
        "Darba sākums",
        "Izglītība",
        "Mēnešalga",
    ]
    vacancy_headers = ["Amats", "Slodze", "Izsludināta"]
    return xlsx(
        folder,
        "only-required-columns.xlsx",
        {
            "Darbinieki": [staff_headers, [BASE["Darbinieki"][h] for h in staff_headers]],
            "Vakances": [vacancy_headers, [BASE["Vakances"][h] for h in vacancy_headers]],
        },
    )


def _merged_units(s: Session) -> None:
    expect_equal((staff(s, "2001").unit_name, staff(s, "2002").unit_name), ("Ģimenes nodaļa", None))


@case("merged-optional-cells.xlsx", Imports({"Darbinieki": (2, 0, 0)}, _merged_units))
def _(folder: Path) -> list[Path]:
    path = folder / "merged-optional-cells.xlsx"
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Darbinieki"
    ws.append(HEADERS["Darbinieki"])
    ws.append(row("Darbinieki", Struktūrvienība="Ģimenes nodaļa"))
    ws.append(row("Darbinieki", Tabeles_nr="2002", Struktūrvienība="Ģimenes nodaļa"))
    ws.merge_cells("K2:K3")  # shown across both rows, stored only in K2
    workbook.save(path)
    return [path]


def _residents_and_salary(s: Session) -> None:
    expect_equal((s.get(m.Population, 2023).residents, staff(s, "2001").salary), (15100, Decimal(1200)))


@case(
    "formulas-with-results.xlsx",
    Imports({"Iedzīvotāji": (1, 0, 0), "Darbinieki": (1, 0, 0)}, _residents_and_salary),
)
def _(folder: Path) -> list[Path]:
    return raw_book(
        folder,
        "formulas-with-results.xlsx",
        {
            "Iedzīvotāji": [
                HEADERS["Iedzīvotāji"],
                [b.formula("2022+1", "2023"), b.formula("14000+1100", "15100")],
            ],
            "Darbinieki": [HEADERS["Darbinieki"], row("Darbinieki", Mēnešalga=b.formula("1000*1.2", "1200"))],
        },
    )


def _three_criteria(s: Session) -> None:
    found = s.scalars(select(m.Criterion.max_per_fte).where(m.Criterion.position_code == "SPO"))
    expect_equal(sorted(found), [Decimal(110), Decimal(120), Decimal(130)])


@case("shared-formulas-with-results.xlsx", Imports({"Kritēriji": (3, 0, 0)}, _three_criteria))
def _(folder: Path) -> list[Path]:
    master = b.raw('<f t="shared" ref="D2:D4" si="0">100+ROW()*10-10</f><v>110</v>')
    rows = [HEADERS["Kritēriji"]]
    for index, (work_type, cached) in enumerate((("SPA", None), ("PIRMR", "120"), ("KRIZE", "130"))):
        cell = master if index == 0 else b.raw(f'<f t="shared" si="0"/><v>{cached}</v>')
        rows.append(row("Kritēriji", Darba_veids=work_type, Maks_uz_slodzi_mēnesī=cell))
    return raw_book(folder, "shared-formulas-with-results.xlsx", {"Kritēriji": rows})


def _certified(s: Session) -> None:
    found = s.scalars(
        select(m.TrainingEvent.certified_supervisor).where(m.TrainingEvent.invoice.in_(["T", "F"]))
    )
    expect_equal(sorted(found), [False, True])


@case("boolean-cells.xlsx", Imports({"Apmācības": (2, 0, 0)}, _certified))
def _(folder: Path) -> list[Path]:
    rows = [
        HEADERS["Apmācības"],
        row("Apmācības", Veids="Individuālā supervīzija", Sertificēts_supervizors=True, Rēķina_nr="T"),
        row("Apmācības", Veids="Grupas supervīzija", Sertificēts_supervizors=False, Rēķina_nr="F"),
    ]
    return xlsx(folder, "boolean-cells.xlsx", {"Apmācības": rows})


def _inese(s: Session) -> None:
    inese = staff(s, "2001")
    expect_equal((inese.first_name, inese.last_name, inese.position_code), ("Inese", "Liepa", "SD"))


@case("shared-strings-rich-text.xlsx", Imports({"Darbinieki": (1, 0, 0)}, _inese))
def _(folder: Path) -> list[Path]:
    headers = HEADERS["Darbinieki"]
    strings = [*headers, "2001", "Liepa", "Sociālais darbinieks", "E3"]
    items = "".join(f"<si><t>{h}</t></si>" for h in strings)
    items += "<si><r><t>In</t></r><r><rPr><b/></rPr><t>ese</t></r></si>"  # "Inese", half of it bold
    index = {text: i for i, text in enumerate(strings)}
    values = [b.shared(index["2001"]), b.shared(len(strings)), b.shared(index["Liepa"]), None,
              b.shared(index["Sociālais darbinieks"]), 1, b.n(serial(dt.date(2024, 1, 2)), style=b.DATE_STYLE),
              None, b.shared(index["E3"]), 1300]  # fmt: skip
    sheet = b.sheet_xml([[b.shared(i) for i in range(len(headers))], values])
    strings_xml = b.shared_strings_xml(strings + ["Inese"], raw_items=items)
    return [
        b.write_workbook(
            folder / "shared-strings-rich-text.xlsx", [b.Sheet("Darbinieki", sheet)], strings=strings_xml
        )
    ]


@case("lying-dimension.xlsx", Imports({"Iedzīvotāji": (3, 0, 0)}))
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Iedzīvotāji"], [2021, 15300], [2022, 15200], [2023, 15100]]
    return raw_book(folder, "lying-dimension.xlsx", {"Iedzīvotāji": b.sheet_xml(rows, dimension="A1:A1")})


@case("no-references-no-dimension.xlsx", Imports({"Iedzīvotāji": (2, 0, 0)}, _population(2022, 15200)))
def _(folder: Path) -> list[Path]:
    rows = "".join(
        b.row_xml(None, r, refs=False) for r in (HEADERS["Iedzīvotāji"], [2022, 15200], [2023, 15100])
    )
    xml = f'{b.XML_DECL}<worksheet xmlns="{b.MAIN_NS}"><sheetData>{rows}</sheetData></worksheet>'.encode()
    return raw_book(folder, "no-references-no-dimension.xlsx", {"Iedzīvotāji": xml})


@case("rows-far-apart.xlsx", Imports({"Iedzīvotāji": (2, 0, 0)}, _population(2022, 15200)))
def _(folder: Path) -> list[Path]:
    numbered = [
        (1, HEADERS["Iedzīvotāji"]),
        (40, [2022, 15200]),
        (1_048_576, [2023, 15100]),
    ]  # Excel's last row
    return raw_book(folder, "rows-far-apart.xlsx", {"Iedzīvotāji": b.sheet_xml(numbered=numbered)})


@case("other-sheets-around.xlsx", Imports({"Iedzīvotāji": (1, 0, 0)}, warnings=2))
def _(folder: Path) -> list[Path]:
    sheets = {
        "Instrukcija": [["Aizpildiet lapas"]],
        "Kopsavilkums": [["Gads", "Kopā"], [2023, 1]],
        "Iedzīvotāji": [HEADERS["Iedzīvotāji"], row("Iedzīvotāji")],
        "Sheet1": [],
    }
    return xlsx(folder, "other-sheets-around.xlsx", sheets)


@case("data-beyond-column-64-is-not-read.xlsx", Imports({"Iedzīvotāji": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    far = [None] * 70
    far[66] = "piezīme ļoti tālu labajā pusē"
    return xlsx(
        folder,
        "data-beyond-column-64-is-not-read.xlsx",
        {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], row("Iedzīvotāji") + far[2:]]},
    )


@case("header-only.xlsx", Imports({"Lietas": (0, 0, 0), "Pienākumi": (0, 0, 0)}))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder, "header-only.xlsx", {"Lietas": [HEADERS["Lietas"]], "Pienākumi": [HEADERS["Pienākumi"]]}
    )


@case("macro-enabled.xlsm", Imports({"Pienākumi": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "macro-enabled.xlsm", one_row("Pienākumi"))


def _fte_03(s: Session) -> None:
    expect_equal(staff(s, "2001").fte, Decimal("0.3"))


@case("float-noise.xlsx", Imports({"Darbinieki": (1, 0, 0)}, _fte_03))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "float-noise.xlsx", one_row("Darbinieki", Slodze=0.1 + 0.2, Tabeles_nr=2001.0))


def _nfc_name(s: Session) -> None:
    expect_equal(staff(s, "2001").last_name, "Bērziņa")


@case("decomposed-unicode.xlsx", Imports({"Darbinieki": (1, 0, 0)}, _nfc_name))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "decomposed-unicode.xlsx", one_row("Darbinieki", Uzvārds="Be\u0304rzin\u0327a"))


def _many_caseloads() -> Iterator[list[Any]]:
    count = 0
    for year in range(2000, 2020):
        for month in range(1, 13):
            for nr in ("1001", "1002", "1003"):
                for work_type in ("PIRMR", "GAD", "GVAD", "GRUPA", "SPA", "KRIZE", "KOP"):
                    if count == 5000:
                        return
                    count += 1
                    yield [nr, f"{year}-{month:02d}", work_type, count % 40, None, None]


@case("five-thousand-caseloads.xlsx", Imports({"Lietas": (5000, 0, 0)}))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "five-thousand-caseloads.xlsx", {"Lietas": [HEADERS["Lietas"], *_many_caseloads()]})


# --- CSV files, one per sheet ----------------------------------------------------------------------------


def _csv_case(name: str, sheet: str, file_name: str, *, delimiter: str, bom: bool = False,
              crlf: bool = False, rows: list[list[Any]] | None = None, encoding: str = "utf-8",
              verify: Callable[[Session], None] | None = None) -> None:  # fmt: skip
    """A CSV file of one sheet; ``encoding`` "cp1257" re-encodes it as Excel saves "CSV" on a Latvian
    Windows."""

    def build(folder: Path) -> list[Path]:
        path = folder / name / file_name
        path.parent.mkdir()
        write_csv(path, rows or [HEADERS[sheet], row(sheet)], delimiter=delimiter, bom=bom)
        if crlf:
            path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
        if encoding != "utf-8":
            path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
        return [path]

    CASES.append(Case(name, build, Imports({sheet: (len(rows) - 1 if rows else 1, 0, 0)}, verify)))


_csv_case("csv-iedzivotaji-no-latvian-letters", "Iedzīvotāji", "iedzivotaji.CSV", delimiter=",")
_csv_case("csv-darbinieki-bom", "Darbinieki", "Darbinieki.csv", delimiter=";", bom=True)
_csv_case("csv-vakances-crlf", "Vakances", "Vakances.csv", delimiter=";", crlf=True)
_csv_case("csv-kriteriji-comma", "Kritēriji", "Kritēriji.csv", delimiter=",")
_csv_case("csv-lietas", "Lietas", "Lietas.csv", delimiter=";")
_csv_case(
    "csv-pienakumi-quoted-newlines",
    "Pienākumi",
    "Pienākumi.csv",
    delimiter=";",
    rows=[HEADERS["Pienākumi"], row("Pienākumi", Apraksts='Divas rindas;\n"pēdiņas" un semikols')],
)
_csv_case("csv-apmacibas", "Apmācības", "Apmacibas.csv", delimiter=";", bom=True, crlf=True)


def _erika(s: Session) -> None:
    erika = staff(s, "2001")
    expect_equal((erika.first_name, erika.last_name, erika.unit_name), ("Ērika", "Šķēle", "Ģimeņu nodaļa"))


_csv_case(
    "csv-darbinieki-windows-1257",
    "Darbinieki",
    "Darbinieki.csv",
    delimiter=";",
    crlf=True,
    encoding="cp1257",
    rows=[HEADERS["Darbinieki"], row("Darbinieki", Vārds="Ērika", Uzvārds="Šķēle", Struktūrvienība="Ģimeņu nodaļa")],
    verify=_erika,
)
_csv_case("csv-iedzivotaji-windows-1257-ascii-only", "Iedzīvotāji", "Iedzivotaji.csv", delimiter=";",
          encoding="cp1257")  # fmt: skip
_csv_case(
    "csv-pienakumi-windows-1257-quoted-newlines",
    "Pienākumi",
    "Pienākumi.csv",
    delimiter=";",
    encoding="cp1257",
    rows=[HEADERS["Pienākumi"], row("Pienākumi", Apraksts="Klients uz slimnīcu;\n„pēdiņas” – 5 €")],
)
_csv_case(
    "csv-apmacibas-windows-1257-comma",
    "Apmācības",
    "Apmācības.csv",
    delimiter=",",
    encoding="cp1257",
    rows=[HEADERS["Apmācības"], row("Apmācības", Tēma="Ģimeņu atbalsts, žēlsirdība", Sniedzējs="Ķekava")],
)
_csv_case("csv-kriteriji-utf-16", "Kritēriji", "Kritēriji.csv", delimiter=";", encoding="utf-16")


@case("csv-folder", Imports({"Darbinieki": (1, 0, 0), "Lietas": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    target = folder / "csv-folder"
    target.mkdir()
    write_csv(target / "Darbinieki.csv", [HEADERS["Darbinieki"], row("Darbinieki")])
    write_csv(target / "Lietas.csv", [HEADERS["Lietas"], row("Lietas", Tabeles_nr="2001")])
    (target / "lasimani.txt").write_text("ne CSV", encoding="utf-8")
    return [target]


# === refused: one wrong cell, every sheet, every kind of value =================================================

# (file stem, sheet, column keyword, bad value, the Latvian words of the message)
BAD_CELLS: list[tuple[str, str, str, Any, str]] = [
    ("fte-word", "Darbinieki", "Slodze", "pilna", "nav skaitlis"),
    ("fte-percent", "Darbinieki", "Slodze", 100, "nedrīkst pārsniegt 1,5"),
    ("fte-zero", "Darbinieki", "Slodze", 0, "lielākai par 0"),
    ("fte-four-places", "Darbinieki", "Slodze", "0,3333", "ne vairāk kā 3 cipari aiz komata"),
    ("fte-date-cell", "Darbinieki", "Slodze", dt.datetime(2025, 1, 1), "nav skaitlis"),
    ("salary-negative", "Darbinieki", "Mēnešalga", -100, "lielākai par 0"),
    ("salary-boolean", "Darbinieki", "Mēnešalga", True, "nav skaitlis"),
    ("salary-thousands-dots", "Darbinieki", "Mēnešalga", "1.250,50", "nav skaitlis"),
    ("salary-1e20", "Darbinieki", "Mēnešalga", 1e20, "nedrīkst pārsniegt"),
    ("salary-infinite", "Darbinieki", "Mēnešalga", b.n("1e999"), "nav skaitlis"),
    ("start-word", "Darbinieki", "Darba_sākums", "vakar", "nav datums"),
    ("start-31-february", "Darbinieki", "Darba_sākums", "31.02.2025", "nav datums"),
    ("start-year-25", "Darbinieki", "Darba_sākums", "05.01.0025", "nav ticams"),
    ("start-serial-zero", "Darbinieki", "Darba_sākums", 0, "«0» nav datums"),
    ("start-serial-huge", "Darbinieki", "Darba_sākums", 10**7, "nav datums"),
    ("start-serial-as-text", "Darbinieki", "Darba_sākums", "45293", "nav datums"),
    ("start-time-only", "Darbinieki", "Darba_sākums", dt.time(8, 30), "nav datums"),
    (
        "personal-code-checksum",
        "Darbinieki",
        "Personas_kods",
        OLD_CODE[:-1] + str((int(OLD_CODE[-1]) + 1) % 10),
        "kontrolcipars nav pareizs",
    ),
    ("position-unknown", "Darbinieki", "Amats", "Direktors", "nav amatu katalogā"),
    ("education-unknown", "Darbinieki", "Izglītība", "augstākā", "nav izglītības katalogā"),
    ("nr-too-long", "Darbinieki", "Tabeles_nr", "9" * 41, "par garu: 41 zīmes"),
    ("first-name-boolean", "Darbinieki", "Vārds", False, "jābūt tekstam"),
    ("first-name-too-long", "Darbinieki", "Vārds", "A" * 100_000, "par garu"),
    ("first-name-excel-error", "Darbinieki", "Vārds", b.error("#REF!"), "Excel kļūdas vērtība #REF!"),
    ("year-1800", "Iedzīvotāji", "Gads", 1800, "vismaz 1900"),
    ("year-fraction", "Iedzīvotāji", "Gads", "2025,5", "nav vesels skaitlis"),
    ("residents-negative", "Iedzīvotāji", "Iedzīvotāju_skaits", "-5", "vismaz 1"),
    ("residents-10e30", "Iedzīvotāji", "Iedzīvotāju_skaits", b.n(10**30), "pārāk daudz ciparu"),
    (
        "residents-ten-million-and-one",
        "Iedzīvotāji",
        "Iedzīvotāju_skaits",
        10_000_001,
        "nedrīkst pārsniegt 10000000",
    ),
    ("residents-5000-digits", "Iedzīvotāji", "Iedzīvotāju_skaits", b.n("9" * 5000), "pārāk daudz ciparu"),
    (
        "residents-not-a-number-cell",
        "Iedzīvotāji",
        "Iedzīvotāju_skaits",
        b.n("abc"),
        "«abc», kas nav skaitlis",
    ),
    ("vacancy-any-position", "Vakances", "Amats", "*", "nav amatu katalogā"),
    ("vacancy-announced-empty", "Vakances", "Izsludināta", None, "Obligāta vērtība"),
    ("vacancy-fte-text", "Vakances", "Slodze", "puse", "nav skaitlis"),
    ("criterion-unit-unknown", "Kritēriji", "Mērvienība", "stundas", "nav mērvienību katalogā"),
    ("criterion-max-zero", "Kritēriji", "Maks_uz_slodzi_mēnesī", "0", "lielākai par 0"),
    ("criterion-weight-negative", "Kritēriji", "Svars", -1, "vismaz 0"),
    ("criterion-work-type-unknown", "Kritēriji", "Darba_veids", "Sports", "nav darba veidu katalogā"),
    ("month-13", "Lietas", "Mēnesis", "2025-13", "nav mēnesis"),
    ("month-13-latvian", "Lietas", "Mēnesis", "13.2025", "nav mēnesis"),
    ("month-word", "Lietas", "Mēnesis", "maijs", "nav mēnesis"),
    ("cases-fraction", "Lietas", "Lietu_skaits", "3,5", "nav vesels skaitlis"),
    ("cases-negative", "Lietas", "Lietu_skaits", -1, "vismaz 0"),
    ("cases-error-na", "Lietas", "Lietu_skaits", b.error("#N/A"), "#N/A"),
    ("cases-huge", "Lietas", "Lietu_skaits", 10**12, "nedrīkst pārsniegt"),
    ("caseload-unknown-staff", "Lietas", "Tabeles_nr", "9999", "nav ne datubāzē"),
    ("caseload-zero-width-space", "Lietas", "Tabeles_nr", "\u200b1001", "nav ne datubāzē"),
    ("hours-over-the-month", "Pienākumi", "Stundas", 500, "mēneša darba laiks pēc slodzes ir"),
    ("category-unknown", "Pienākumi", "Kategorija", "Kafija", "nav pienākumu kategoriju katalogā"),
    ("duty-date-empty-string", "Pienākumi", "Datums", b.s(""), "Obligāta vērtība"),
    ("kind-unknown", "Apmācības", "Veids", "Konference", "nav derīga vērtība"),
    ("form-unknown", "Apmācības", "Forma", "tiešsaistē", "nav derīga vērtība"),
    ("unit-unknown", "Apmācības", "Vienība", "stundas", "nav derīga vērtība"),
    ("certified-maybe", "Apmācības", "Sertificēts_supervizors", "varbūt", "rakstiet «jā» vai «nē»"),
    ("duration-not-whole-minutes", "Apmācības", "Ilgums", "0,01", "jābūt veselās minūtēs"),
    ("duration-huge", "Apmācības", "Ilgums", 10**9, "nedrīkst pārsniegt"),
    ("cost-word", "Apmācības", "Izmaksas_EUR", "bezmaksas", "nav skaitlis"),
    ("cost-nan-text", "Apmācības", "Izmaksas_EUR", "NaN", "nav skaitlis"),
    ("shared-string-index-out-of-range", "Pienākumi", "Apraksts", b.shared(99), "uz tekstu nr. 99"),
    (
        "boolean-cell-garbage",
        "Apmācības",
        "Sertificēts_supervizors",
        b.raw("<v>jā</v>", type="b"),
        "ir «jā», nevis 1 vai 0",
    ),
    (
        "iso-date-cell-garbage",
        "Vakances",
        "Izsludināta",
        b.raw("<v>vakar</v>", type="d"),
        "«vakar», kas nav datums",
    ),
]


def _header_of(sheet: str, key: str) -> str:
    return next(h for h in HEADERS[sheet] if _key(h) == key)


# The cells above that only a hand-written .xlsx holds, as the other formats store the same thing: (.ods,
# .xls), None where the format cannot hold it (an .xls number is a 64-bit float; an .ods error, boolean or
# date is not written as XML text of a number cell), and the words of the message where they differ.
OTHER_FORMS: dict[str, tuple[Any, Any]] = {
    "salary-infinite": (o.number("1e999", "∞"), x.number_bits(0x7FF0000000000000)),
    "first-name-too-long": ("A" * 100_000, "A" * 40_000),  # an .xls text holds at most 65 535 characters
    "first-name-excel-error": (o.error("#REF!"), x.error("#REF!")),
    "residents-10e30": (o.number(str(10**30)), None),
    "residents-5000-digits": (o.number("9" * 5000), None),
    "residents-not-a-number-cell": (o.number("abc"), None),
    "cases-error-na": (o.error("#N/A"), x.error("#N/A")),
    "duty-date-empty-string": (o.OdsCell('<table:table-cell office:value-type="string"><text:p/></table:table-cell>'), ""),
    "shared-string-index-out-of-range": (None, None),  # an .xls case of its own below: its sheet is refused
    "boolean-cell-garbage": ((o.typed("boolean", "boolean-value", "jā"), "ir «jā», nevis true vai false"), None),
    "iso-date-cell-garbage": (o.typed("date", "date-value", "vakar"), None),
}  # fmt: skip


def _bad_cell_case(stem: str, sheet: str, key: str, value: Any, says: str, fmt: str = "xlsx") -> None:
    if fmt != "xlsx" and stem in OTHER_FORMS:
        value = OTHER_FORMS[stem][0 if fmt == "ods" else 1]
        if value is None:
            return
        if isinstance(value, tuple):
            value, says = value
    writer_is_raw = isinstance(value, b.Cell) or isinstance(value, float) and value > 1e15
    name = f"cell-{stem}.{fmt}"
    column = _header_of(sheet, key)

    def build(folder: Path) -> list[Path]:
        rows = [HEADERS[sheet], row(sheet, **{key: value})]
        if key == "Ilgums" and stem == "duration-not-whole-minutes":
            rows[1] = row(sheet, Ilgums=value, Vienība="akadēmiskās stundas")
        if fmt != "xlsx":
            return book(folder, name, {sheet: rows})
        if writer_is_raw or isinstance(value, dt.time):
            return raw_book(folder, name, {sheet: [[_raw_value(v) for v in r] for r in rows]})
        return xlsx(folder, name, {sheet: rows})

    CASES.append(Case(name, build, Refused([(sheet, 2, column)], says)))


def _raw_value(value: Any) -> Any:
    if isinstance(value, dt.time):
        return b.n(round((value.hour * 60 + value.minute) / 1440, 6), style=b.TIME_STYLE)
    return value


for _fmt in ("xlsx", "ods", "xls"):
    for _entry in BAD_CELLS:
        _bad_cell_case(*_entry, fmt=_fmt)


@case("first-name-missing.csv", Refused([("Darbinieki", 2, "Vārds")], "Obligāta vērtība nav aizpildīta"))
def _(folder: Path) -> list[Path]:
    path = folder / "first-name-missing" / "Darbinieki.csv"
    path.parent.mkdir()
    write_csv(path, [HEADERS["Darbinieki"], row("Darbinieki", Vārds="   ")])
    return [path]


@case("nul-in-csv.csv", Refused([("Darbinieki", 2, "Uzvārds")], "vadības rakstzīme"))
def _(folder: Path) -> list[Path]:
    path = folder / "nul-in-csv" / "Darbinieki.csv"
    path.parent.mkdir()
    write_csv(path, [HEADERS["Darbinieki"], row("Darbinieki", Uzvārds="Lie\x00pa")])
    return [path]


@case("control-character-in-csv", Refused([("Apmācības", 2, "Tēma")], "vadības rakstzīme U+0007"))
def _(folder: Path) -> list[Path]:
    path = folder / "control-character-in-csv" / "Apmācības.csv"
    path.parent.mkdir()
    write_csv(path, [HEADERS["Apmācības"], row("Apmācības", Tēma="Tēma\x07zvans")])
    return [path]


@case("surrogate-bytes-in-utf8-csv", Refused([("Pienākumi.csv", 3, None)], "jaukti kodējumi"))
def _(folder: Path) -> list[Path]:
    path = folder / "surrogate-bytes-in-utf8-csv" / "Pienākumi.csv"
    path.parent.mkdir()
    text = ("Tabeles nr.;Datums;Kategorija;Stundas;Apraksts\n1002;12.05.2025;NS_TRANSP;2;Uz slimnīcu\n"
            "1002;13.05.2025;NS_TRANSP;2;X\n")  # fmt: skip
    path.write_bytes(text.encode().replace(b"X", b"\xed\xa0\x80"))  # U+D800 encoded as if it were a letter
    return [path]


@case("surrogate-bytes-after-utf8-bom", Refused([("Pienākumi.csv", 2, None)], "sākas ar UTF-8 kodējuma zīmi"))
def _(folder: Path) -> list[Path]:
    path = folder / "surrogate-bytes-after-utf8-bom" / "Pienākumi.csv"
    path.parent.mkdir()
    text = "\ufeffTabeles nr.;Datums;Kategorija;Stundas;Apraksts\n1002;12.05.2025;NS_TRANSP;2;X\n"
    path.write_bytes(text.encode().replace(b"X", b"\xed\xa0\x80"))
    return [path]


def _described(s: Session) -> None:
    duty = s.scalars(select(m.Duty).where(m.Duty.category_code == "NS_TRANSP")).one()
    expect_equal(duty.description, "ķ\u00a0€")


@case("three-high-bytes-are-windows-1257.csv", Imports({"Pienākumi": (1, 0, 0)}, _described))
def _(folder: Path) -> list[Path]:
    """The bytes of an encoded surrogate in a file with no other letter beyond ASCII: not UTF-8, and in
    Windows-1257 the letter ķ, a no-break space and the euro sign — text a person can have typed."""
    path = folder / "three-high-bytes" / "Pienākumi.csv"
    path.parent.mkdir()
    text = "Tabeles nr.;Datums;Kategorija;Stundas;Apraksts\n1002;12.05.2025;NS_TRANSP;2;X\n"
    path.write_bytes(text.encode().replace(b"X", b"\xed\xa0\x80"))
    return [path]


def _xml_character_case(name: str, inner: str) -> None:
    """A character XML 1.0 forbids, written into a cell of the Apmācības sheet (the sheet cannot be read)."""

    def build(folder: Path) -> list[Path]:
        values = row("Apmācības", Tēma=b.raw(f"<is><t>{inner}</t></is>", type="inlineStr"))
        return raw_book(folder, name, {"Apmācības": [HEADERS["Apmācības"], values]})

    CASES.append(Case(name, build, Refused([("Apmācības", None, None)], "XML nav pareizi veidots")))


_xml_character_case("control-character-in-xml.xlsx", "Tēma\x01zvans")
_xml_character_case("surrogate-reference-in-xml.xlsx", "Tēma&#xD800;")


@case("end-before-start.xlsx", Refused([("Darbinieki", 2, "Darba beigas")], "ir pirms darba sākuma"))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "end-before-start.xlsx", one_row("Darbinieki", Darba_beigas="01.01.2024"))


@case("filled-before-announced.xlsx", Refused([("Vakances", 2, "Aizpildīta")], "pirms izsludināšanas"))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "filled-before-announced.xlsx", one_row("Vakances", Aizpildīta=dt.date(2025, 1, 1)))


@case("caseload-without-counts.xlsx", Refused([("Lietas", 2, None)], "Jānorāda vismaz viens no"))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "caseload-without-counts.xlsx", one_row("Lietas", Lietu_skaits=None))


@case("caseload-no-count-columns.xlsx", Refused([("Lietas", 1, None)], "vismaz vienai no kolonnām"))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder, "caseload-no-count-columns.xlsx", {"Lietas": [HEADERS["Lietas"][:3], row("Lietas")[:3]]}
    )


# --- formulas without a stored result, Excel errors, merged cells -------------------------------------------


@case(
    "formula-without-result.xlsx",
    Refused([("Iedzīvotāji", 2, "Iedzīvotāju skaits")], "formula (=14000+1100), bet failā nav saglabāts"),
)
def _(folder: Path) -> list[Path]:
    return raw_book(
        folder,
        "formula-without-result.xlsx",
        {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2023, b.formula("14000+1100")]]},
    )


@case(
    "shared-formulas-without-results.xlsx",
    Refused(
        [("Kritēriji", 2, "Maks. uz slodzi mēnesī"), ("Kritēriji", 3, "Maks. uz slodzi mēnesī")], "(=D1*2)"
    ),
)
def _(folder: Path) -> list[Path]:
    rows = [
        HEADERS["Kritēriji"],
        row("Kritēriji", Maks_uz_slodzi_mēnesī=b.raw('<f t="shared" ref="D2:D3" si="0">D1*2</f>')),
        row("Kritēriji", Darba_veids="PIRMR", Maks_uz_slodzi_mēnesī=b.raw('<f t="shared" si="0"/>')),
    ]
    return raw_book(folder, "shared-formulas-without-results.xlsx", {"Kritēriji": rows})


@case("array-formula-without-result.xlsx", Refused([("Pienākumi", 2, "Stundas")], "=SUM(A1:A2*1)"))
def _(folder: Path) -> list[Path]:
    cell = b.raw('<f t="array" ref="D2">SUM(A1:A2*1)</f>')
    return raw_book(
        folder,
        "array-formula-without-result.xlsx",
        {"Pienākumi": [HEADERS["Pienākumi"], row("Pienākumi", Stundas=cell)]},
    )


@case("formula-in-unlabelled-column.xlsx", Refused([("Iedzīvotāji", 2, None)], "Šūnā C2 ir vērtība"))
def _(folder: Path) -> list[Path]:
    return raw_book(
        folder,
        "formula-in-unlabelled-column.xlsx",
        {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2023, 15100, b.formula("A2+B2")]]},
    )


@case("merged-required-cells.xlsx", Refused([("Darbinieki", 3, "Amats")], "Obligāta vērtība"))
def _(folder: Path) -> list[Path]:
    path = folder / "merged-required-cells.xlsx"
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Darbinieki"
    ws.append(HEADERS["Darbinieki"])
    ws.append(row("Darbinieki"))
    ws.append(row("Darbinieki", Tabeles_nr="2002"))
    ws.merge_cells("E2:E3")
    workbook.save(path)
    return [path]


@case(
    "merged-header.xlsx",
    Refused(
        [("Iedzīvotāji", None, "Iedzīvotāju skaits"), ("Iedzīvotāji", 2, None)], "Trūkst obligātās kolonnas"
    ),
)
def _(folder: Path) -> list[Path]:
    path = folder / "merged-header.xlsx"
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Iedzīvotāji"
    ws.append(["Gads", "Iedzīvotāju skaits"])
    ws.append(row("Iedzīvotāji"))
    ws.merge_cells("A1:B1")
    workbook.save(path)
    return [path]


# --- headers and keys ---------------------------------------------------------------------------------------


@case(
    "title-row-above-header.xlsx",
    Refused(
        [("Iedzīvotāji", None, "Gads"), ("Iedzīvotāji", None, "Iedzīvotāju skaits"),
         ("Iedzīvotāji", 1, "Iedzīvotāju skaits pa gadiem"), ("Iedzīvotāji", 2, None), ("Iedzīvotāji", 3, None)],
        "Trūkst obligātās kolonnas",
    ),
)  # fmt: skip
def _(folder: Path) -> list[Path]:
    rows = [["Iedzīvotāju skaits pa gadiem"], HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]
    return xlsx(folder, "title-row-above-header.xlsx", {"Iedzīvotāji": rows})


@case("unknown-column.xlsx", Refused([("Darbinieki", 1, "Piezīme")], "Nezināma kolonna"))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder,
        "unknown-column.xlsx",
        {"Darbinieki": [[*HEADERS["Darbinieki"], "Piezīme"], [*row("Darbinieki"), "x"]]},
    )


@case("column-twice.xlsx", Refused([("Vakances", 1, "Slodze")], "Kolonna ir divreiz (kolonnas B un F)"))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder, "column-twice.xlsx", {"Vakances": [[*HEADERS["Vakances"], "slodze"], [*row("Vakances"), 1]]}
    )


@case(
    "required-column-missing.xlsx", Refused([("Darbinieki", None, "Mēnešalga")], "Trūkst obligātās kolonnas")
)
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder,
        "required-column-missing.xlsx",
        {"Darbinieki": [HEADERS["Darbinieki"][:9], row("Darbinieki")[:9]]},
    )


@case("value-without-header.xlsx", Refused([("Pienākumi", 2, None)], "Šūnā G2 ir vērtība"))
def _(folder: Path) -> list[Path]:
    return xlsx(
        folder,
        "value-without-header.xlsx",
        {"Pienākumi": [HEADERS["Pienākumi"], [*row("Pienākumi"), None, "?"]]},
    )


def _duplicate_case(name: str, sheet: str, rows: list[list[Any]], where_row: int, says: str) -> None:
    CASES.append(
        Case(
            name,
            lambda folder: xlsx(folder, name, {sheet: [HEADERS[sheet], *rows]}),
            Refused([(sheet, where_row, None)], says),
        )
    )


_duplicate_case(
    "duplicate-staff-number.xlsx",
    "Darbinieki",
    [row("Darbinieki"), row("Darbinieki", Tabeles_nr=2001, Vārds="Cita")],
    3,
    "tāda pati atslēga (Tabeles nr.) kā 2. rindai",
)
_duplicate_case(
    "duplicate-year.xlsx", "Iedzīvotāji", [row("Iedzīvotāji"), ["2023", 1]], 3, "tāda pati atslēga (Gads)"
)
_duplicate_case(
    "duplicate-vacancy.xlsx",
    "Vakances",
    [row("Vakances"), row("Vakances", Amats="Sociālās palīdzības organizators", Izsludināta="03.03.2025")],
    3,
    "(Amats + Izsludināta)",
)
_duplicate_case(
    "duplicate-criterion.xlsx",
    "Kritēriji",
    [
        row("Kritēriji"),
        row(
            "Kritēriji",
            Darba_veids="sociālās palīdzības organizēšana",
            Mērvienība="iesniegumu skaits",
            Maks_uz_slodzi_mēnesī=99,
        ),
    ],
    3,
    "(Amats + Darba veids + Mērvienība)",
)
_duplicate_case(
    "duplicate-caseload-month.xlsx",
    "Lietas",
    [row("Lietas"), row("Lietas", Mēnesis="05.2025", Lietu_skaits=3)],
    3,
    "(Tabeles nr. + Mēnesis + Darba veids)",
)
_duplicate_case(
    "duplicate-duty-row.xlsx",
    "Pienākumi",
    [row("Pienākumi"), row("Pienākumi", Datums=dt.date(2025, 5, 12))],
    3,
    "Rinda pilnīgi atkārto 2. rindu",
)
_duplicate_case(
    "duplicate-training-row.xlsx",
    "Apmācības",
    [row("Apmācības"), row("Apmācības")],
    3,
    "Rinda pilnīgi atkārto 2. rindu",
)


@case("hidden-sheet-with-bad-data.xlsx", Refused([("Darbinieki", 2, "Slodze")], "nav skaitlis"))
def _(folder: Path) -> list[Path]:
    sheets = [
        b.Sheet("Redzamā", b.sheet_xml([["Nekas"]])),
        b.Sheet(
            "Darbinieki", b.sheet_xml([HEADERS["Darbinieki"], row("Darbinieki", Slodze="x")]), state="hidden"
        ),
    ]
    return [b.write_workbook(folder / "hidden-sheet-with-bad-data.xlsx", sheets)]


@case("sheet-in-xlsx-and-csv", Refused([("Darbinieki", None, None)], "ir dota divreiz"))
def _(folder: Path) -> list[Path]:
    target = folder / "sheet-in-xlsx-and-csv"
    target.mkdir()
    book = write_xlsx(target / "dati.xlsx", one_row("Darbinieki"))
    return [
        book,
        write_csv(target / "Darbinieki.csv", [HEADERS["Darbinieki"], row("Darbinieki", Tabeles_nr="2002")]),
    ]


@case(
    "problems-in-three-sheets.xlsx",
    Refused(
        [("Iedzīvotāji", 3, "Iedzīvotāju skaits"), ("Darbinieki", 2, "Slodze"), ("Darbinieki", 2, "Izglītība"),
         ("Apmācības", 2, "Tabeles nr.")],
        "nav skaitlis",
    ),
)  # fmt: skip
def _(folder: Path) -> list[Path]:
    sheets = {
        "Apmācības": [HEADERS["Apmācības"], row("Apmācības", Tabeles_nr="7777")],
        "Darbinieki": [HEADERS["Darbinieki"], row("Darbinieki", Slodze="viena", Izglītība="E9")],
        "Iedzīvotāji": [HEADERS["Iedzīvotāji"], row("Iedzīvotāji"), [2022, "daudz"]],
    }
    return xlsx(folder, "problems-in-three-sheets.xlsx", sheets)


# --- rows written out of order, twice, or beyond Excel's last row -------------------------------------------


def _numbered_case(name: str, numbered: list[tuple[int, list[Any]]], where_row: int, says: str) -> None:
    def build(folder: Path) -> list[Path]:
        return raw_book(folder, name, {"Iedzīvotāji": b.sheet_xml(numbered=numbered)})

    CASES.append(Case(name, build, Refused([("Iedzīvotāji", where_row, None)], says)))


_HEADER_ROW = (1, HEADERS["Iedzīvotāji"])
_numbered_case(
    "rows-out-of-order.xlsx", [_HEADER_ROW, (3, [2022, 15200]), (2, [2023, 15100])], 2, "nepareizā secībā"
)
_numbered_case(
    "row-written-twice.xlsx", [_HEADER_ROW, (2, [2022, 15200]), (2, [2023, 15100])], 2, "nepareizā secībā"
)
_numbered_case(
    "row-beyond-excel.xlsx",
    [_HEADER_ROW, (2, [2022, 15200]), (5_000_000, [2023, 15100])],
    5_000_000,
    "pārsniedz",
)
_numbered_case(
    "row-two-billion.xlsx", [_HEADER_ROW, (2_000_000_000, [2023, 15100])], 2_000_000_000, "pārsniedz"
)


@case("row-number-not-a-number.xlsx", Refused([("Iedzīvotāji", None, None)], "nevar nolasīt"))
def _(folder: Path) -> list[Path]:
    xml = b.sheet_xml([HEADERS["Iedzīvotāji"]]).replace(
        b"</sheetData>", b'<row r="x2"><c><v>1</v></c></row></sheetData>'
    )
    return raw_book(folder, "row-number-not-a-number.xlsx", {"Iedzīvotāji": xml})


@case("broken-sheet-xml.xlsx", Refused([("Lietas", None, None)], "nevar nolasīt"))
def _(folder: Path) -> list[Path]:
    xml = b.sheet_xml([HEADERS["Lietas"], row("Lietas")]).replace(
        b"</row></sheetData>", b"</row><row><c><v>1</c></sheetData>"
    )
    return raw_book(folder, "broken-sheet-xml.xlsx", {"Lietas": xml})


# === refused: the whole file ============================================================================


def _file_case(name: str, says: str, *, long: bool = False) -> Callable[..., Any]:
    return case(name, Refused([(name, None, None)], says), long=long)


@_file_case("empty.xlsx", "Fails ir tukšs (0 baitu)")
def _(folder: Path) -> list[Path]:
    (folder / "empty.xlsx").write_bytes(b"")
    return [folder / "empty.xlsx"]


@case("empty-csv", Refused([("Lietas.csv", None, None)], "Fails ir tukšs (0 baitu)"))
def _(folder: Path) -> list[Path]:
    (folder / "empty-csv").mkdir()
    (folder / "empty-csv" / "Lietas.csv").write_bytes(b"")
    return [folder / "empty-csv" / "Lietas.csv"]


def _valid_book_bytes(folder: Path) -> bytes:
    path = write_xlsx(folder / "_tmp_valid.xlsx", {name: [HEADERS[name], row(name)] for name in HEADERS})
    data = path.read_bytes()
    path.unlink()
    return data


@_file_case("truncated-half.xlsx", "nepilnīgs")
def _(folder: Path) -> list[Path]:
    data = _valid_book_bytes(folder)
    (folder / "truncated-half.xlsx").write_bytes(data[: len(data) // 2])
    return [folder / "truncated-half.xlsx"]


@_file_case("truncated-end.xlsx", "nepilnīgs")
def _(folder: Path) -> list[Path]:
    data = _valid_book_bytes(folder)
    (folder / "truncated-end.xlsx").write_bytes(data[:-10])
    return [folder / "truncated-end.xlsx"]


@_file_case("corrupted-data.xlsx", "bojāts")
def _(folder: Path) -> list[Path]:
    path = write_xlsx(folder / "corrupted-data.xlsx", one_row("Iedzīvotāji"))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + info.compress_size - 5):
        data[offset] ^= 0x5A  # the compressed sheet is garbage, the ZIP structure intact
    path.write_bytes(bytes(data))
    return [path]


@case("old-excel-renamed.xlsx", Imports({"Darbinieki": (1, 0, 0)}, _erika))
def _(folder: Path) -> list[Path]:
    """An Excel 97-2003 workbook whose name says .xlsx: read as what it is."""
    sheets = one_row("Darbinieki", Vārds="Ērika", Uzvārds="Šķēle", Struktūrvienība="Ģimeņu nodaļa")
    (folder / "old-excel-renamed.xlsx").write_bytes(x.xls_bytes(sheets))
    return [folder / "old-excel-renamed.xlsx"]


@case("xls-without-sheets.xls", Imports({}))
def _(folder: Path) -> list[Path]:
    """A workbook stream of the globals only (no sheet): nothing to import, nothing refused."""
    (folder / "xls-without-sheets.xls").write_bytes(b.old_xls())
    return [folder / "xls-without-sheets.xls"]


@_file_case("password-protected.xlsx", "aizsargāta ar paroli")
def _(folder: Path) -> list[Path]:
    (folder / "password-protected.xlsx").write_bytes(b.encrypted_xlsx())
    return [folder / "password-protected.xlsx"]


@_file_case("csv-renamed.xlsx", "Ja tas ir CSV teksts, dodiet tam nosaukumu ar paplašinājumu .csv")
def _(folder: Path) -> list[Path]:
    write_csv(folder / "csv-renamed.xlsx", [HEADERS["Darbinieki"], row("Darbinieki")])
    return [folder / "csv-renamed.xlsx"]


@case("xlsx-renamed-csv", Refused([("Darbinieki.csv", None, None)], "nav CSV teksts, bet Excel darbgrāmata"))
def _(folder: Path) -> list[Path]:
    (folder / "xlsx-renamed-csv").mkdir()
    path = folder / "xlsx-renamed-csv" / "Darbinieki.csv"
    path.write_bytes(_valid_book_bytes(folder))
    return [path]


@_file_case("ods-without-content.ods", "OpenDocument izklājlapu (.ods) (darbgrāmatā trūkst daļas «content.xml»)")
def _(folder: Path) -> list[Path]:
    b.write_zip(folder / "ods-without-content.ods", {"mimetype": o.MIMETYPE})
    return [folder / "ods-without-content.ods"]


@case("csv-unclosed-quote", Refused([("Pienākumi.csv", None, None)], "pēdiņ"))
def _(folder: Path) -> list[Path]:
    (folder / "csv-unclosed-quote").mkdir()
    path = folder / "csv-unclosed-quote" / "Pienākumi.csv"
    lines = [
        "Tabeles nr.;Datums;Kategorija;Stundas;Apraksts",
        '1002;12.05.2025;NS_TRANSP;2;"nav beigu pēdiņas',
    ]
    lines += ["1002;13.05.2025;NS_TRANSP;2;teksts" for _ in range(8000)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return [path]


@_file_case("not-a-workbook.xlsx", "nevar nolasīt kā Excel darbgrāmatu")
def _(folder: Path) -> list[Path]:
    return [
        b.write_zip(
            folder / "not-a-workbook.xlsx", {"[Content_Types].xml": b"<Types/>", "readme.txt": b"hello"}
        )
    ]


@_file_case("missing-sheet-part.xlsx", "nevar nolasīt kā Excel darbgrāmatu")
def _(folder: Path) -> list[Path]:
    path = folder / "missing-sheet-part.xlsx"
    parts = b.workbook_parts([b.Sheet("Darbinieki", b.sheet_xml([HEADERS["Darbinieki"]]))])
    del parts["xl/worksheets/sheet1.xml"]
    return [b.write_zip(path, parts)]


@_file_case("zip-encrypted-entries.xlsx", "šifrēt")
def _(folder: Path) -> list[Path]:
    parts = b.workbook_parts(
        [b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]))]
    )
    return [b.zip_with_flags(folder / "zip-encrypted-entries.xlsx", parts, flags=1)]  # type: ignore[arg-type]


@_file_case("zip-unknown-compression.xlsx", "saspiešanas metode")
def _(folder: Path) -> list[Path]:
    parts = b.workbook_parts(
        [b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]))]
    )
    return [b.zip_with_flags(folder / "zip-unknown-compression.xlsx", parts, method=99)]  # type: ignore[arg-type]


# --- zip bombs -------------------------------------------------------------------------------------------


def _sheet_with_padding(size: int) -> Callable[[Any], None]:
    """A valid sheet whose XML ends in ``size`` bytes of spaces: more than 1000:1 when compressed."""

    def write(stream: Any) -> None:
        stream.write(b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]))
        block = b" " * (1 << 20)
        for _ in range(size // len(block)):
            stream.write(block)

    return write


@_file_case("bomb-sheet-ratio.xlsx", "saspiesta neparasti stipri")
def _(folder: Path) -> list[Path]:
    sheets = [b.Sheet("Iedzīvotāji", _sheet_with_padding(3 << 20))]
    return [b.write_workbook(folder / "bomb-sheet-ratio.xlsx", sheets)]


@_file_case("bomb-shared-strings-ratio.xlsx", "saspiesta neparasti stipri")
def _(folder: Path) -> list[Path]:
    strings = b.shared_strings_xml([], raw_items="<si><t>" + "ha" * (2 << 20) + "</t></si>")
    sheets = [b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], [2023, b.shared(0)]]))]
    return [b.write_workbook(folder / "bomb-shared-strings-ratio.xlsx", sheets, strings=strings)]


@_file_case("bomb-120-mb-of-zeros.xlsx", "vairāk nekā atļautie 100 MB")
def _(folder: Path) -> list[Path]:
    def zeros(stream: Any) -> None:
        block = b"\0" * (1 << 20)
        for _ in range(120):
            stream.write(block)

    sheets = [b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]))]
    return [
        b.write_workbook(folder / "bomb-120-mb-of-zeros.xlsx", sheets, extra={"xl/media/image1.png": zeros})
    ]


@_file_case("bomb-declared-200-mb.xlsx", "vairāk nekā atļautie 100 MB")
def _(folder: Path) -> list[Path]:
    path = write_xlsx(folder / "bomb-declared-200-mb.xlsx", one_row("Iedzīvotāji"))
    return [b.lie_about_size(path, "xl/worksheets/sheet1.xml", 200 * 1024 * 1024)]


@_file_case("bomb-overlapping-entries.xlsx", "vairāk nekā atļautie 100 MB")
def _(folder: Path) -> list[Path]:
    return [b.overlapping_bomb(folder / "bomb-overlapping-entries.xlsx", entries=40, size=4 << 20)]


@_file_case("declared-size-too-small.xlsx", "bojāts")
def _(folder: Path) -> list[Path]:
    path = write_xlsx(
        folder / "declared-size-too-small.xlsx",
        {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], *([2000 + i, 100 + i] for i in range(50))]},
    )
    return [b.lie_about_size(path, "xl/worksheets/sheet1.xml", 300)]


@_file_case("too-many-parts.xlsx", "vairāk nekā atļautās 10000")
def _(folder: Path) -> list[Path]:
    parts: dict[str, Any] = b.workbook_parts([b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"]]))])
    parts.update({f"xl/media/p{i}.bin": b"" for i in range(10_001)})
    return [b.write_zip(folder / "too-many-parts.xlsx", parts, compression=zipfile.ZIP_STORED)]


# --- XML attacks: entity expansion (billion laughs), external entities, DTDs -------------------------------

LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
PARAMETER_XXE = '<!DOCTYPE x [<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote;]>'
EXTERNAL_DTD = '<!DOCTYPE worksheet SYSTEM "file:///nonexistent/swdesk-evil.dtd">'


def _xml_attack(name: str, where: str, doctype: str, reference: str | None) -> None:
    """A workbook whose part ``where`` carries ``doctype`` and, in a cell, ``reference``."""

    def build(folder: Path) -> list[Path]:
        value = b.raw(f"<is><t>{reference}</t></is>", type="inlineStr") if reference else "x"
        sheet_doctype = doctype if where == "sheet" else ""
        sheet = b.sheet_xml(
            [HEADERS["Iedzīvotāji"], [2023, 15100, None], ["2024", value]], doctype=sheet_doctype
        )
        options: dict[str, Any] = {}
        if where == "strings":
            strings = b.shared_strings_xml(
                [], raw_items=f"<si><t>{reference or 'x'}</t></si>", doctype=doctype
            )
            sheet = b.sheet_xml([HEADERS["Iedzīvotāji"], [2023, b.shared(0)]])
            options["strings"] = strings
        if where == "workbook":
            options["workbook_doctype"] = doctype
        parts = b.workbook_parts([b.Sheet("Iedzīvotāji", sheet)], **options)
        if where == "content-types":
            text = parts["[Content_Types].xml"].decode()  # type: ignore[union-attr]
            parts["[Content_Types].xml"] = text.replace("<Types", doctype + "<Types", 1).encode()
        return [b.write_zip(folder / name, parts)]

    CASES.append(Case(name, build, Refused([(name, None, None)], "aizliegtas XML konstrukcijas")))


_xml_attack("billion-laughs-sheet.xlsx", "sheet", LAUGHS, "&lol9;")
_xml_attack("billion-laughs-shared-strings.xlsx", "strings", LAUGHS, "&lol9;")
_xml_attack("billion-laughs-workbook.xlsx", "workbook", LAUGHS, None)
_xml_attack("billion-laughs-content-types.xlsx", "content-types", LAUGHS, None)
_xml_attack("xxe-sheet.xlsx", "sheet", XXE, "&xxe;")
_xml_attack("xxe-shared-strings.xlsx", "strings", XXE, "&xxe;")
_xml_attack("xxe-parameter-entity.xlsx", "sheet", PARAMETER_XXE, None)
_xml_attack("xxe-workbook.xlsx", "workbook", XXE, None)


@case("external-dtd.xlsx", Refused([("external-dtd.xlsx", None, None)], "aizliegtas XML konstrukcijas"))
def _(folder: Path) -> list[Path]:
    sheet = b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")], doctype=EXTERNAL_DTD)
    return raw_book(folder, "external-dtd.xlsx", {"Iedzīvotāji": sheet})


# === long: a 1 000 000-row sheet and parts just under the limits ==============================================


def _million_rows() -> Iterator[str]:
    rnd = random.Random(7)
    for _ in range(1_000_000):
        # compact but varied (the ratio stays far below 100:1), and valid: only the number of rows is wrong
        yield (
            f"<row><c><v>{1001 + rnd.randrange(3)}</v></c><c><v>{36526 + rnd.randrange(9000)}</v></c>"
            f'<c t="inlineStr"><is><t>GAD</t></is></c><c><v>{rnd.randrange(100)}</v></c></row>'
        )


@case("million-rows.xlsx", Refused([("Lietas", 200_002, None)], "vairāk nekā 200000 datu rindu"), long=True)
def _(folder: Path) -> list[Path]:
    header = ["Tabeles nr.", "Mēnesis", "Darba veids", "Lietu skaits"]
    sheets = [b.Sheet("Lietas", b.streamed_sheet(header, _million_rows))]
    return [b.write_workbook(folder / "million-rows.xlsx", sheets)]


@case("million-rows-csv", Refused([("Lietas", 200_002, None)], "vairāk nekā 200000 datu rindu"), long=True)
def _(folder: Path) -> list[Path]:
    (folder / "million-rows-csv").mkdir()
    path = folder / "million-rows-csv" / "Lietas.csv"
    rnd = random.Random(7)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Tabeles nr.", "Mēnesis", "Darba veids", "Lietu skaits"])
        for _ in range(1_000_000):
            writer.writerow(
                [
                    1001 + rnd.randrange(3),
                    f"{rnd.randrange(2000, 2025)}-{rnd.randrange(1, 13):02d}",
                    "GAD",
                    rnd.randrange(100),
                ]
            )
    return [path]


@case("csv-over-100-mb", Refused([("Pienākumi.csv", None, None)], "lielāks par 100 MB"), long=True)
def _(folder: Path) -> list[Path]:
    (folder / "csv-over-100-mb").mkdir()
    path = folder / "csv-over-100-mb" / "Pienākumi.csv"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Tabeles nr.;Datums;Kategorija;Stundas;Apraksts\n")
        line = "1002;12.05.2025;NS_TRANSP;2;" + "garš apraksts " * 70 + "\n"
        for _ in range(101 * 1024 * 1024 // len(line.encode()) + 1):
            fh.write(line)
    return [path]


def _blank_rows() -> Iterator[str]:
    """About 95 MB of empty, formatted rows down to Excel's last (openpyxl would keep a record of each)."""
    rnd = random.Random(5)
    for number in range(2, 1_048_577):
        yield (
            f'<row r="{number}" spans="1:{rnd.randrange(2, 64)}" ht="{rnd.randrange(10, 99)}.25" '
            f'customHeight="1" s="{rnd.randrange(3)}" customFormat="1" thickBot="1"/>'
        )


@case("blank-formatted-rows-under-the-limits.xlsx", Imports({"Iedzīvotāji": (0, 0, 0)}), long=True)
def _(folder: Path) -> list[Path]:
    sheets = [b.Sheet("Iedzīvotāji", b.streamed_sheet(HEADERS["Iedzīvotāji"], _blank_rows))]
    return [b.write_workbook(folder / "blank-formatted-rows-under-the-limits.xlsx", sheets)]


SHARED_STRINGS_COUNT = 3_200_000


def _many_shared_strings(stream: Any) -> None:
    """About 95 MB of distinct short strings with Latvian letters; the last one is 150 characters long."""
    rnd = random.Random(3)
    letters = "abcdefghijklmnoprstuvzāčēģīķļņšūž"
    stream.write(f'{b.XML_DECL}<sst xmlns="{b.MAIN_NS}" count="{SHARED_STRINGS_COUNT + 1}">'.encode())
    for _ in range(SHARED_STRINGS_COUNT // 10_000):
        block = ("<si><t>" + "".join(rnd.choices(letters, k=10)) + "</t></si>" for _ in range(10_000))
        stream.write("".join(block).encode())
    stream.write(("<si><t>" + "x" * 150 + "</t></si></sst>").encode())


@case("shared-strings-under-the-limits.xlsx", Refused([("Darbinieki", 2, "Vārds")], "par garu"), long=True)
def _(folder: Path) -> list[Path]:
    values = row("Darbinieki", Vārds=b.shared(SHARED_STRINGS_COUNT))  # the long one: too long for a name
    sheet = b.sheet_xml([HEADERS["Darbinieki"], values])
    parts = b.workbook_parts([b.Sheet("Darbinieki", sheet)], strings=b"")
    parts["xl/sharedStrings.xml"] = _many_shared_strings
    return [b.write_zip(folder / "shared-strings-under-the-limits.xlsx", parts)]


@case(
    "row-with-a-million-cells.xlsx", Refused([("Iedzīvotāji", 2, None)], "vairāk nekā 16384 šūnu"), long=True
)
def _(folder: Path) -> list[Path]:
    def rows() -> Iterator[str]:
        rnd = random.Random(11)
        yield '<row r="2"><c r="A2"><v>2023</v></c><c r="B2"><v>15100</v></c>'
        for _ in range(100):
            yield "".join(f"<c><v>{rnd.randrange(10**6)}</v></c>" for _ in range(10_000))
        yield "</row>"

    sheets = [b.Sheet("Iedzīvotāji", b.streamed_sheet(HEADERS["Iedzīvotāji"], rows))]
    return [b.write_workbook(folder / "row-with-a-million-cells.xlsx", sheets)]


def _styles(count: int) -> bytes:
    """A styles part with ``count`` cell formats (Excel allows 64 000), varied so that it compresses as
    little as real ones do."""
    rnd = random.Random(13)
    xfs = "".join(
        f'<xf numFmtId="{rnd.randrange(50)}" fontId="0" fillId="0" borderId="0" xfId="0" '
        f'applyNumberFormat="{rnd.randrange(2)}" applyAlignment="{rnd.randrange(2)}"/>'
        for _ in range(count)
    )
    styles = b.STYLES_XML.replace(b'<cellXfs count="3">', f'<cellXfs count="{count + 3}">'.encode())
    return styles.replace(b"</cellXfs>", f"{xfs}</cellXfs>".encode())  # after the three the sheets use


@case(
    "styles-over-10-mb.xlsx",
    Refused([("styles-over-10-mb.xlsx", None, None)], "«xl/styles.xml» ir 11 MB liela"),
)
def _(folder: Path) -> list[Path]:
    sheets = [b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]))]
    return [b.write_workbook(folder / "styles-over-10-mb.xlsx", sheets, styles=_styles(110_000))]


@case("styles-just-under-10-mb.xlsx", Imports({"Iedzīvotāji": (1, 0, 0)}), long=True)
def _(folder: Path) -> list[Path]:
    sheets = [b.Sheet("Iedzīvotāji", b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]))]
    return [b.write_workbook(folder / "styles-just-under-10-mb.xlsx", sheets, styles=_styles(98_000))]


@case("elements-between-rows.xlsx", Refused([("Iedzīvotāji", None, None)], "starp rindām ir elements «a»"))
def _(folder: Path) -> list[Path]:
    """Empty elements of no meaning between the rows (95 MB of them would be 24 million to look at)."""
    xml = b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")]).replace(
        b"</sheetData>", b"<a/><b/></sheetData>"
    )
    return raw_book(folder, "elements-between-rows.xlsx", {"Iedzīvotāji": xml})


def _rich_notes(rnd: random.Random, runs: int) -> str:
    """An inline rich text of ``runs`` one-letter runs, each with its own formatting."""
    pieces = (
        f'<r><rPr><b/><i/><u/><sz val="{rnd.randrange(8, 30)}"/></rPr><t>{rnd.choice("aāsšzž")}</t></r>'
        for _ in range(runs)
    )
    return f'<c t="inlineStr"><is>{"".join(pieces)}</is></c>'


@case("rich-text-flood-under-the-limits.xlsx", Imports({"Vakances": (1800, 0, 0)}), long=True)
def _(folder: Path) -> list[Path]:
    """About 95 MB of rich text: 1800 vacancies whose notes are 1000 runs of one letter each, formatted
    (about 7 million XML elements, the densest that real formatting gets)."""

    def rows() -> Iterator[str]:
        rnd = random.Random(19)
        for index in range(1800):
            day = serial(dt.date(2020, 1, 1) + dt.timedelta(days=index))
            yield (
                f'<row r="{index + 2}"><c t="inlineStr"><is><t>SPO</t></is></c><c><v>1</v></c>'
                f'<c s="{b.DATE_STYLE}"><v>{day}</v></c><c/>{_rich_notes(rnd, 1000)}</row>'
            )

    sheets = [b.Sheet("Vakances", b.streamed_sheet(HEADERS["Vakances"], rows))]
    return [b.write_workbook(folder / "rich-text-flood-under-the-limits.xlsx", sheets)]


@case("merge-and-column-floods.xlsx", Imports({"Iedzīvotāji": (1, 0, 0)}), long=True)
def _(folder: Path) -> list[Path]:
    cols = (
        "<cols>" + "".join(f'<col min="{i}" max="{i}" width="9"/>' for i in range(1, 16_385)) * 60 + "</cols>"
    )
    merges = "".join(f'<mergeCell ref="C{i}:D{i}"/>' for i in range(3, 1_500_000))
    sheet = b.sheet_xml([HEADERS["Iedzīvotāji"], row("Iedzīvotāji")], before=cols,
                        after=f'<mergeCells count="1499997">{merges}</mergeCells>')  # fmt: skip
    return raw_book(folder, "merge-and-column-floods.xlsx", {"Iedzīvotāji": sheet})


# === the same workbooks as .ods and .xls ========================================================================


def convert(source: Path, target: Path) -> Path:
    """The .xlsx workbook ``source`` saved as ``target`` (.ods or .xls), as a spreadsheet program would save
    it: the stored values (a formula's result), hidden sheets hidden, merged-away cells covered (.ods)."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a hand-written workbook has no default style, which openpyxl notes
        workbook = load_workbook(source, data_only=True)
    sheets: dict[str, list[list[Any]]] = {}
    hidden = []
    for ws in workbook.worksheets:
        rows = [list(r) for r in ws.iter_rows(min_row=1, min_col=1, values_only=True)]
        if target.suffix == ".ods":
            for merged in ws.merged_cells.ranges:
                for r, c in list(merged.cells)[1:]:
                    rows[r - 1][c - 1] = o.OdsCell("<table:covered-table-cell/>")
        if ws.sheet_state != "visible":
            hidden.append(ws.title)
        sheets[ws.title] = rows
    return book(target.parent, target.name, sheets, hidden=tuple(hidden))[0]


def twin(name: str, fmt: str, expect: Imports | Refused | None = None) -> None:
    """The case ``name`` with its workbook saved as ``fmt``: the same outcome unless ``expect`` says."""
    original = next(c for c in CASES if c.name == name)
    new_name = f"{name.rpartition('.')[0]}.{fmt}"

    def build(folder: Path) -> list[Path]:
        scratch = folder / "_as_xlsx"
        scratch.mkdir()
        [source] = original.build(scratch)
        return [convert(source, folder / new_name)]

    CASES.append(Case(new_name, build, expect or original.expect, long=original.long))


# Every case above about values, headers, keys, sheets and rows (not the XML of an .xlsx, not a formula
# whose result is missing, not row numbers only an .xlsx writes).
TWINS = """
all-sheets-one-new-row the-seed-again changed-salary text-numbers-iedzivotaji text-numbers-darbinieki
text-numbers-vakances text-numbers-kriteriji text-numbers-lietas text-numbers-pienakumi text-numbers-apmacibas
serial-dates-darbinieki serial-dates-vakances serial-month-lietas serial-date-pienakumi serial-date-apmacibas
text-dates-darbinieki text-months-lietas text-date-pienakumi-iso date-cell-with-time-apmacibas
iso-date-cells date1904-workbook date1904-openpyxl hidden-darbinieki very-hidden-iedzivotaji
blank-rows-before-and-between headers-as-typed columns-shuffled only-required-columns merged-optional-cells
formulas-with-results shared-formulas-with-results boolean-cells shared-strings-rich-text other-sheets-around
data-beyond-column-64-is-not-read header-only float-noise decomposed-unicode five-thousand-caseloads
end-before-start filled-before-announced caseload-without-counts caseload-no-count-columns merged-required-cells
merged-header title-row-above-header unknown-column column-twice required-column-missing value-without-header
duplicate-staff-number duplicate-year duplicate-vacancy duplicate-criterion duplicate-caseload-month
duplicate-duty-row duplicate-training-row hidden-sheet-with-bad-data problems-in-three-sheets
""".split()
for _name in TWINS:
    for _fmt in ("ods", "xls"):
        twin(f"{_name}.xlsx", _fmt)


# --- .ods: what the OpenDocument XML holds ----------------------------------------------------------------------


def _ods(folder: Path, name: str, tables: list[str], **options: Any) -> list[Path]:
    return [o.write_parts(folder / name, o.parts(o.content_xml(tables), **options))]


def _erika_row() -> list[Any]:
    return row("Darbinieki", Vārds="Ērika", Uzvārds="Šķēle", Struktūrvienība="Ģimeņu nodaļa")


@case("libreoffice-layout.ods", Imports({"Darbinieki": (1, 0, 0), "Iedzīvotāji": (2, 0, 0)}, _erika))
def _(folder: Path) -> list[Path]:
    """As LibreOffice writes a sheet: header rows in <table:table-header-rows>, a row group, a page break
    between rows, empty rows repeated to the millionth, empty cells repeated to the 16 384th column."""
    header = o.row_xml(HEADERS["Iedzīvotāji"])
    rows = (
        f"<table:table-header-rows>{header}</table:table-header-rows>"
        f"<table:table-row-group>{o.row_xml([2022, 15200])}<text:soft-page-break/>"
        f"{o.row_xml([2023, 15100])}</table:table-row-group>"
        '<table:table-row table:number-rows-repeated="1048573"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    return _ods(
        folder,
        "libreoffice-layout.ods",
        [o.table_xml("Darbinieki", [HEADERS["Darbinieki"], _erika_row()]), o.table_xml("Iedzīvotāji", rows)],
    )


def _notes(s: Session) -> None:
    vacancy = s.scalars(select(m.Vacancy).where(m.Vacancy.position_code == "SPO")).one()
    expect_equal(vacancy.notes, "Izsludināta NVA  un\tmājaslapā\nOtrā rinda:\nļoti svarīgi")


@case("text-as-libreoffice-writes-it.ods", Imports({"Vakances": (1, 0, 0)}, _notes))
def _(folder: Path) -> list[Path]:
    """Spaces, tabs and line breaks spelt out, runs of formatting, a comment (not part of the value), white
    space of the XML's own layout (which collapses to one space)."""
    notes = o.OdsCell(
        '<table:table-cell office:value-type="string"><office:annotation><dc:creator xmlns:dc="http://purl.org/'
        'dc/elements/1.1/">Anna</dc:creator><text:p>Komentārs, ne vērtība</text:p></office:annotation>'
        '<text:p>Izsludināta <text:span text:style-name="T1">NVA</text:span><text:s text:c="2"/>un'
        "<text:tab/>mājas<text:span>lapā</text:span></text:p><text:p>Otrā\n      rinda:"
        "<text:line-break/>ļoti svarīgi</text:p></table:table-cell>"
    )
    return _ods(folder, "text-as-libreoffice-writes-it.ods",
                [o.table_xml("Vakances", [HEADERS["Vakances"], row("Vakances", Piezīmes=notes)])])  # fmt: skip


def _notes_are(text: str) -> Callable[[Session], None]:
    def verify(s: Session) -> None:
        vacancy = s.scalars(select(m.Vacancy).where(m.Vacancy.position_code == "SPO")).one()
        expect_equal(vacancy.notes, text)

    return verify


@case("string-value-attribute.ods", Imports({"Vakances": (1, 0, 0)}, _notes_are("vērtība no atribūta")))
def _(folder: Path) -> list[Path]:
    """office:string-value, when present, is the cell's text (the paragraphs are only how it is shown)."""
    notes = o.OdsCell(
        '<table:table-cell office:value-type="string" office:string-value="vērtība no atribūta">'
        "<text:p>rādītais teksts</text:p></table:table-cell>"
    )
    return _ods(folder, "string-value-attribute.ods",
                [o.table_xml("Vakances", [HEADERS["Vakances"], row("Vakances", Piezīmes=notes)])])  # fmt: skip


@case(
    "typed-values.ods",
    Imports({"Darbinieki": (1, 0, 0)}, lambda s: expect_equal((staff(s, "2001").fte, staff(s, "2001").salary),
                                                               (Decimal("0.5"), Decimal("1234.5")))),
)  # fmt: skip
def _(folder: Path) -> list[Path]:
    """A percentage and a currency value are numbers; the text shown (50 %, 1 234,50 €) is not read."""
    fte = o.OdsCell('<table:table-cell office:value-type="percentage" office:value="0.5"><text:p>50 %</text:p>'
                    "</table:table-cell>")  # fmt: skip
    salary = o.OdsCell(
        '<table:table-cell office:value-type="currency" office:currency="EUR" office:value="1234.5">'
        "<text:p>1 234,50 €</text:p></table:table-cell>"
    )
    rows = [HEADERS["Darbinieki"], row("Darbinieki", Slodze=fte, Mēnešalga=salary)]
    return _ods(folder, "typed-values.ods", [o.table_xml("Darbinieki", rows)])


@case("rows-far-apart.ods", Imports({"Iedzīvotāji": (2, 0, 0)}, _population(2022, 15200)))
def _(folder: Path) -> list[Path]:
    rows = (
        o.row_xml(HEADERS["Iedzīvotāji"]) + o.row_xml([], repeat=38) + o.row_xml([2022, 15200])
        + o.row_xml([], repeat=1_048_535) + o.row_xml([2023, 15100])  # the last, 1 048 576th row
    )  # fmt: skip
    return _ods(folder, "rows-far-apart.ods", [o.table_xml("Iedzīvotāji", rows, trailing=False)])


@case(
    "formula-without-result.ods",
    Refused([("Iedzīvotāji", 2, "Iedzīvotāju skaits")], "formula (=14000+B1), bet failā nav saglabāts"),
)
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Iedzīvotāji"], [2023, o.formula("14000+[.B1]")]]
    return _ods(folder, "formula-without-result.ods", [o.table_xml("Iedzīvotāji", rows)])


@case("formula-in-unlabelled-column.ods", Refused([("Iedzīvotāji", 2, None)], "Šūnā C2 ir vērtība"))
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Iedzīvotāji"], [2023, 15100, o.formula("[.A2]+[.B2]")]]
    return _ods(folder, "formula-in-unlabelled-column.ods", [o.table_xml("Iedzīvotāji", rows)])


@case("error-cell-from-a-formula.ods", Refused([("Lietas", 2, "Lietu skaits")], "Excel kļūdas vērtība #DIV/0!"))
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Lietas"], row("Lietas", Lietu_skaits=o.error("#DIV/0!"))]
    return _ods(folder, "error-cell-from-a-formula.ods", [o.table_xml("Lietas", rows)])


@case("bad-time-cell.ods", Refused([("Darbinieki", 2, "Darba sākums")], "«PT8 stundas», kas nav laiks"))
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Darbinieki"], row("Darbinieki", Darba_sākums=o.typed("time", "time-value", "PT8 stundas"))]
    return _ods(folder, "bad-time-cell.ods", [o.table_xml("Darbinieki", rows)])


@case(
    "repeated-data-row.ods", Refused([("Lietas", 3, None)], "tāda pati atslēga (Tabeles nr. + Mēnesis + Darba veids) kā 2. rindai")
)
def _(folder: Path) -> list[Path]:
    """A row with data, repeated: each repetition is a row (here the same caseload twice)."""
    rows = o.row_xml(HEADERS["Lietas"]) + o.row_xml(row("Lietas"), repeat=2)
    return _ods(folder, "repeated-data-row.ods", [o.table_xml("Lietas", rows)])


@case(
    "data-row-repeated-a-billion-times.ods",
    Refused([("Lietas", 200_002, None)], "vairāk nekā 200000 datu rindu"),
)
def _(folder: Path) -> list[Path]:
    """A 1 KB file declaring a billion rows of data: counted against the row limit, never built."""
    rows = o.row_xml(HEADERS["Lietas"]) + o.row_xml(row("Lietas"), repeat=1_000_000_000)
    return _ods(folder, "data-row-repeated-a-billion-times.ods", [o.table_xml("Lietas", rows, trailing=False)])


@case("data-beyond-the-last-row.ods", Refused([("Iedzīvotāji", 1_048_577, None)], "pārsniedz izklājlapas"))
def _(folder: Path) -> list[Path]:
    rows = o.row_xml(HEADERS["Iedzīvotāji"]) + o.row_xml([], repeat=1_048_575) + o.row_xml([2023, 15100])
    return _ods(folder, "data-beyond-the-last-row.ods", [o.table_xml("Iedzīvotāji", rows, trailing=False)])


@case("far-corner-cell.ods", Refused([("Iedzīvotāji", 2, None)], "vairāk nekā 16384 šūnu"))
def _(folder: Path) -> list[Path]:
    """A value in the 16 385th column of a row: beyond any spreadsheet (calamine, for one, would build the
    whole rectangle up to it, 17 billion cells, from this 1 KB file)."""
    far = o.OdsCell('<table:table-cell table:number-columns-repeated="16384"/>' + o.cell_xml(1))
    rows = [HEADERS["Iedzīvotāji"], [2023, 15100, far]]
    return _ods(folder, "far-corner-cell.ods", [o.table_xml("Iedzīvotāji", rows)])


@case("empty-cells-repeated-beyond-the-last-column.ods", Imports({"Iedzīvotāji": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    """Empty cells may run on (some programs write more than 16 384): they hold nothing."""
    tail = o.OdsCell('<table:table-cell table:number-columns-repeated="999999999"/>')
    rows = [HEADERS["Iedzīvotāji"], [2023, 15100, tail]]
    return _ods(folder, "empty-cells-repeated-beyond-the-last-column.ods", [o.table_xml("Iedzīvotāji", rows)])


@case("bad-repeat-count.ods", Refused([("Iedzīvotāji", None, None)], "«-5» nav pozitīvs vesels skaitlis"))
def _(folder: Path) -> list[Path]:
    rows = o.row_xml(HEADERS["Iedzīvotāji"]) + '<table:table-row table:number-rows-repeated="-5"/>'
    return _ods(folder, "bad-repeat-count.ods", [o.table_xml("Iedzīvotāji", rows)])


@case("counted-spaces-flood.ods", Refused([("Vakances", None, None)], "atstarpju, kas ierakstītas kā skaits"))
def _(folder: Path) -> list[Path]:
    """Each <text:s text:c="999999999"/> is 30 bytes in the file and a gigabyte of spaces in memory."""
    notes = o.OdsCell('<table:table-cell office:value-type="string"><text:p>'
                      + '<text:s text:c="999999999"/>' * 1000 + "</text:p></table:table-cell>")  # fmt: skip
    rows = [HEADERS["Vakances"], row("Vakances", Piezīmes=notes)]
    return _ods(folder, "counted-spaces-flood.ods", [o.table_xml("Vakances", rows)])


@case("text-too-long-for-a-cell.ods", Refused([("Vakances", 2, "Piezīmes")], "garāks par 1000000 zīmēm"))
def _(folder: Path) -> list[Path]:
    rnd = random.Random(23)  # varied text: repeated text would compress like a zip bomb
    notes = "".join(rnd.choices("aābcčdeēfgģhiījkķlļmnņoprsštuūvzž ", k=1_100_000))
    return book(folder, "text-too-long-for-a-cell.ods", {"Vakances": [HEADERS["Vakances"], row("Vakances", Piezīmes=notes)]})  # fmt: skip


@case("control-character-in-xml.ods", Refused([("Apmācības", None, None)], "XML nav pareizi veidots"))
def _(folder: Path) -> list[Path]:
    topic = o.OdsCell('<table:table-cell office:value-type="string"><text:p>Tēma\x01zvans</text:p></table:table-cell>')
    rows = [HEADERS["Apmācības"], row("Apmācības", Tēma=topic)]
    return _ods(folder, "control-character-in-xml.ods", [o.table_xml("Apmācības", rows)])


@case("sheet-in-ods-and-xls", Refused([("Darbinieki", None, None)], "ir dota divreiz"))
def _(folder: Path) -> list[Path]:
    target = folder / "sheet-in-ods-and-xls"
    target.mkdir()
    first = book(target, "dati.ods", one_row("Darbinieki"))
    return first + book(target, "dati.xls", one_row("Darbinieki", Tabeles_nr="2002"))


@case("ods-renamed-xlsx.xlsx", Imports({"Darbinieki": (1, 0, 0)}, _erika))
def _(folder: Path) -> list[Path]:
    path = o.write_ods(folder / "ods.ods", {"Darbinieki": [HEADERS["Darbinieki"], _erika_row()]})
    return [path.rename(folder / "ods-renamed-xlsx.xlsx")]


@case("xlsx-renamed-ods.ods", Imports({"Darbinieki": (1, 0, 0)}, _erika))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "xlsx-renamed-ods.ods", {"Darbinieki": [HEADERS["Darbinieki"], _erika_row()]})


@_file_case("password-protected.ods", "Izklājlapa ir aizsargāta ar paroli")
def _(folder: Path) -> list[Path]:
    """As LibreOffice saves with a password: the manifest tells how content.xml is encrypted; the part
    itself is not XML."""
    encryption = (
        '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml" '
        'manifest:size="1200"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:'
        'opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm '
        'manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" '
        'manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry>'
    )
    parts = o.parts(bytes(range(256)) * 8, manifest_extra=encryption)
    return [o.write_parts(folder / "password-protected.ods", parts)]


@_file_case("text-document.ods", "nav izklājlapa (tā veids ir «text»)")
def _(folder: Path) -> list[Path]:
    parts = o.parts(o.content_xml([]))
    parts["mimetype"] = b"application/vnd.oasis.opendocument.text"
    return [o.write_parts(folder / "text-document.ods", parts)]


@_file_case("empty.ods", "Fails ir tukšs (0 baitu)")
def _(folder: Path) -> list[Path]:
    (folder / "empty.ods").write_bytes(b"")
    return [folder / "empty.ods"]


def _valid_ods_bytes(folder: Path) -> bytes:
    path = book(folder, "_tmp_valid.ods", {name: [HEADERS[name], row(name)] for name in HEADERS})[0]
    data = path.read_bytes()
    path.unlink()
    return data


@_file_case("truncated-half.ods", "nepilnīgs")
def _(folder: Path) -> list[Path]:
    data = _valid_ods_bytes(folder)
    (folder / "truncated-half.ods").write_bytes(data[: len(data) // 2])
    return [folder / "truncated-half.ods"]


@_file_case("corrupted-data.ods", "bojāts")
def _(folder: Path) -> list[Path]:
    path = book(folder, "corrupted-data.ods", one_row("Iedzīvotāji"))[0]
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("content.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + info.compress_size - 5):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return [path]


@_file_case("content-not-xml.ods", "XML nav pareizi veidots")
def _(folder: Path) -> list[Path]:
    return [o.write_parts(folder / "content-not-xml.ods", o.parts(b"<office:document-content>nav beigu"))]


@_file_case("zip-encrypted-entries.ods", "šifrēt")
def _(folder: Path) -> list[Path]:
    parts = o.parts(o.content_xml([o.table_xml("Iedzīvotāji", [HEADERS["Iedzīvotāji"], row("Iedzīvotāji")])]))
    return [b.zip_with_flags(folder / "zip-encrypted-entries.ods", parts, flags=1)]  # type: ignore[arg-type]


@_file_case("bomb-content-ratio.ods", "saspiesta neparasti stipri")
def _(folder: Path) -> list[Path]:
    table = o.table_xml("Iedzīvotāji", [HEADERS["Iedzīvotāji"], row("Iedzīvotāji")])
    content = o.content_xml([table]).replace(b"</office:body>", b" " * (3 << 20) + b"</office:body>")
    return [o.write_parts(folder / "bomb-content-ratio.ods", o.parts(content))]


@_file_case("bomb-120-mb-of-zeros.ods", "vairāk nekā atļautie 100 MB")
def _(folder: Path) -> list[Path]:
    def zeros(stream: Any) -> None:
        block = b"\0" * (1 << 20)
        for _ in range(120):
            stream.write(block)

    parts = o.parts(o.content_xml([o.table_xml("Iedzīvotāji", [HEADERS["Iedzīvotāji"], row("Iedzīvotāji")])]))
    parts["Pictures/image1.png"] = zeros
    return [o.write_parts(folder / "bomb-120-mb-of-zeros.ods", parts)]


@_file_case("bomb-declared-200-mb.ods", "vairāk nekā atļautie 100 MB")
def _(folder: Path) -> list[Path]:
    path = book(folder, "bomb-declared-200-mb.ods", one_row("Iedzīvotāji"))[0]
    return [b.lie_about_size(path, "content.xml", 200 * 1024 * 1024)]


@_file_case("too-many-parts.ods", "vairāk nekā atļautās 10000")
def _(folder: Path) -> list[Path]:
    parts = o.parts(o.content_xml([o.table_xml("Iedzīvotāji", [HEADERS["Iedzīvotāji"]])]))
    parts.update({f"Pictures/p{i}.png": b"" for i in range(10_001)})
    return [o.write_parts(folder / "too-many-parts.ods", parts)]


def _ods_xml_attack(name: str, where: str, doctype: str, reference: str | None) -> None:
    """An .ods whose part ``where`` carries ``doctype`` and, in a cell, ``reference``."""

    def build(folder: Path) -> list[Path]:
        value = o.OdsCell(f'<table:table-cell office:value-type="string"><text:p>{reference}</text:p>'
                          "</table:table-cell>") if reference else "x"  # fmt: skip
        table = o.table_xml("Iedzīvotāji", [HEADERS["Iedzīvotāji"], [2023, 15100], ["2024", value]])
        parts = o.parts(o.content_xml([table], doctype=doctype if where == "content" else ""))
        if where == "manifest":
            manifest = parts["META-INF/manifest.xml"]
            parts["META-INF/manifest.xml"] = manifest.replace(b"<manifest:manifest", doctype.encode() + b"<manifest:manifest", 1)  # type: ignore[union-attr]  # fmt: skip
        if where == "styles":
            parts["styles.xml"] = (doctype + '<office:document-styles xmlns:office="urn:oasis:names:tc:'
                                   'opendocument:xmlns:office:1.0"/>').encode()  # fmt: skip
        return [o.write_parts(folder / name, parts)]

    CASES.append(Case(name, build, Refused([(name, None, None)], "aizliegtas XML konstrukcijas")))


_ods_xml_attack("billion-laughs-content.ods", "content", LAUGHS, "&lol9;")
_ods_xml_attack("billion-laughs-manifest.ods", "manifest", LAUGHS, None)
_ods_xml_attack("billion-laughs-styles.ods", "styles", LAUGHS, None)
_ods_xml_attack("xxe-content.ods", "content", XXE, "&xxe;")
_ods_xml_attack("xxe-parameter-entity.ods", "content", PARAMETER_XXE, None)
_ods_xml_attack("external-dtd.ods", "content", EXTERNAL_DTD, None)


# --- .xls: the OLE file and the BIFF records ----------------------------------------------------------------


def _xls(folder: Path, name: str, sheets: dict[str, Any], **options: Any) -> list[Path]:
    (folder / name).write_bytes(x.xls_bytes(sheets, **options))
    return [folder / name]


@case(
    "date1904-calendar.xls",
    Imports({"Darbinieki": (1, 0, 0)}, _staff_dates(dt.date(2024, 1, 2), dt.date(2024, 12, 31))),
)
def _(folder: Path) -> list[Path]:
    """Dates of a workbook counting from 1904 (DATEMODE 1): 1 462 days fewer than in a 1900 workbook."""

    def date_1904(day: dt.date) -> x.XlsCell:
        value = float(b.excel_serial(day, date1904=True))
        return x.XlsCell(lambda r, c, _s: x.record(x.NUMBER, struct.pack("<HHHd", r, c, x.DATE_XF, value)))

    rows = [HEADERS["Darbinieki"], row("Darbinieki", Darba_sākums=date_1904(dt.date(2024, 1, 2)),
                                       Darba_beigas=date_1904(dt.date(2024, 12, 31)))]  # fmt: skip
    return _xls(folder, "date1904-calendar.xls", {"Darbinieki": rows}, date1904=True)


@case("formula-results.xls", Imports({"Iedzīvotāji": (1, 0, 0)}, _population(2023, 15100)))
def _(folder: Path) -> list[Path]:
    return _xls(folder, "formula-results.xls",
                {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [x.formula_text("2023"), x.formula_number(15100.0)]]})  # fmt: skip


@case("rows-far-apart.xls", Imports({"Iedzīvotāji": (2, 0, 0)}, _population(2022, 15200)))
def _(folder: Path) -> list[Path]:
    numbered = [(1, HEADERS["Iedzīvotāji"]), (40, [2022, 15200]), (65_536, [2023, 15100])]  # the last row
    return _xls(folder, "rows-far-apart.xls", {"Iedzīvotāji": []}, numbered={"Iedzīvotāji": numbered})


@case("far-corner-cell.xls", Imports({"Iedzīvotāji": (1, 0, 0)}))
def _(folder: Path) -> list[Path]:
    """A stray cell in the last row and column of the format (IV65536): a 5 KB file that calamine, for one,
    would read into a gigabyte (the whole rectangle up to it); read here one row at a time."""
    numbered = [(1, HEADERS["Iedzīvotāji"]), (2, [2023, 15100]), (65_536, [None] * 255 + ["tālu"])]
    return _xls(folder, "far-corner-cell.xls", {"Iedzīvotāji": []}, numbered={"Iedzīvotāji": numbered})


@case("control-character.xls", Refused([("Apmācības", 2, "Tēma")], "vadības rakstzīme U+0007"))
def _(folder: Path) -> list[Path]:
    """A binary format can hold any character in a text; one no person types is a problem of its cell."""
    rows = [HEADERS["Apmācības"], row("Apmācības", Tēma="Tēma\x07zvans")]
    return _xls(folder, "control-character.xls", {"Apmācības": rows})


@case(
    "shared-string-index-out-of-range.xls",
    Refused([("Pienākumi", None, None)], "Lapu nevar nolasīt: failā ir atsauce uz neesošu daļu vai tekstu"),
)
def _(folder: Path) -> list[Path]:
    rows = [HEADERS["Pienākumi"], row("Pienākumi", Apraksts=x.shared_index(99))]
    return _xls(folder, "shared-string-index-out-of-range.xls", {"Pienākumi": rows})


@case("xlsx-renamed-xls.xls", Imports({"Darbinieki": (1, 0, 0)}, _erika))
def _(folder: Path) -> list[Path]:
    return xlsx(folder, "xlsx-renamed-xls.xls", {"Darbinieki": [HEADERS["Darbinieki"], _erika_row()]})


@case("ods-renamed-xls.xls", Imports({"Darbinieki": (1, 0, 0)}, _erika))
def _(folder: Path) -> list[Path]:
    path = o.write_ods(folder / "ods.ods", {"Darbinieki": [HEADERS["Darbinieki"], _erika_row()]})
    return [path.rename(folder / "ods-renamed-xls.xls")]


@_file_case("password-protected.xls", "Darbgrāmata ir aizsargāta ar paroli")
def _(folder: Path) -> list[Path]:
    """Excel 97-2003 "Encrypt with password": a FILEPASS record in the globals, the rest scrambled."""
    return _xls(folder, "password-protected.xls", one_row("Iedzīvotāji"), encrypted=True)


@_file_case("word-document.xls", "OLE failā nav Excel darbgrāmatas")
def _(folder: Path) -> list[Path]:
    (folder / "word-document.xls").write_bytes(b.compound_file([("WordDocument", b"\xec\xa5" + bytes(600))]))
    return [folder / "word-document.xls"]


@_file_case("empty.xls", "Fails ir tukšs (0 baitu)")
def _(folder: Path) -> list[Path]:
    (folder / "empty.xls").write_bytes(b"")
    return [folder / "empty.xls"]


def _valid_xls_bytes() -> bytes:
    return x.xls_bytes({name: [HEADERS[name], row(name)] for name in HEADERS})


@_file_case("truncated-half.xls", "Excel 97–2003 darbgrāmatu (.xls) (faila iekšējā struktūra ir bojāta)")
def _(folder: Path) -> list[Path]:
    data = _valid_xls_bytes()
    (folder / "truncated-half.xls").write_bytes(data[: len(data) // 2])
    return [folder / "truncated-half.xls"]


@_file_case("sector-chain-loop.xls", "bojāta")
def _(folder: Path) -> list[Path]:
    """The FAT sends the Workbook stream's chain back to its own start: a reader that followed it blindly
    would never stop."""
    data = bytearray(_valid_xls_bytes())
    fat = 512  # sector 0, right after the header
    start = 2  # the first sector of the stream (FAT, directory, then data)
    struct.pack_into("<I", data, fat + 4 * (start + 3), start)
    (folder / "sector-chain-loop.xls").write_bytes(bytes(data))
    return [folder / "sector-chain-loop.xls"]


@_file_case("xls-over-10-mb.xls", "lielāks par 10 MB")
def _(folder: Path) -> list[Path]:
    padding = x.record(0x00EB, bytes(8000)) * 1400  # drawing records: 11 MB of pictures
    stream = x.workbook_stream(one_row("Iedzīvotāji"))
    head, _, tail = stream.partition(x.record(x.EOF, b""))
    (folder / "xls-over-10-mb.xls").write_bytes(b.compound_file([("Workbook", head + padding + x.record(x.EOF, b"") + tail)]))  # fmt: skip
    return [folder / "xls-over-10-mb.xls"]


@case("xls-renamed-csv", Refused([("Darbinieki.csv", None, None)], "nav CSV teksts, bet Excel 97–2003 darbgrāmata"))
def _(folder: Path) -> list[Path]:
    (folder / "xls-renamed-csv").mkdir()
    path = folder / "xls-renamed-csv" / "Darbinieki.csv"
    path.write_bytes(_valid_xls_bytes())
    return [path]


# --- CSV: encodings that cannot be decided ----------------------------------------------------------------------


@case("csv-utf8-and-windows-1257-mixed", Refused([("Darbinieki.csv", 3, None)], "jaukti kodējumi: daļa teksta ir UTF-8 (1. rindā)"))  # fmt: skip
def _(folder: Path) -> list[Path]:
    """A UTF-8 file with a row pasted from a Windows-1257 one: reading it either way stores wrong letters."""
    (folder / "mixed").mkdir()
    path = folder / "mixed" / "Darbinieki.csv"
    write_csv(path, [HEADERS["Darbinieki"], row("Darbinieki", Vārds="Ērika", Uzvārds="Šķēle")])
    pasted = ";".join(csv_text(v, decimal_comma=True) for v in row("Darbinieki", Tabeles_nr="2002", Vārds="Jānis"))
    path.write_bytes(path.read_bytes() + (pasted + "\r\n").encode("cp1257"))
    return [path]


@case(
    "csv-neither-utf8-nor-windows-1257",
    Refused([("Iedzīvotāji.csv", 3, None)], "nav ne UTF-8, ne Windows-1257 (baltiešu) kodējumā: tā 45. baits (0x81)"),
)  # fmt: skip
def _(folder: Path) -> list[Path]:
    """A byte that is a letter in neither (0x81 is undefined in Windows-1257)."""
    (folder / "neither").mkdir()
    path = folder / "neither" / "Iedzīvotāji.csv"
    path.write_bytes(b"Gads;Iedz\xeevot\xe2ju skaits\r\n2022;15200\r\n2023;15\x81100\r\n")
    return [path]


# --- long: .ods, .xls and Windows-1257 files up to the limits ---------------------------------------------------


def _ods_rows(count: int) -> Iterator[str]:
    rnd = random.Random(7)
    header = "".join(o.cell_xml(h) for h in ["Tabeles nr.", "Mēnesis", "Darba veids", "Lietu skaits"])
    yield f'<table:table table:name="Lietas"><table:table-row>{header}</table:table-row>'
    for _ in range(count):
        # varied (the ratio stays far below 100:1) and valid: only the number of rows is wrong
        yield (
            f'<table:table-row><table:table-cell office:value-type="float" office:value="{1001 + rnd.randrange(3)}"/>'
            f'<table:table-cell office:value-type="string"><text:p>{rnd.randrange(2000, 2025)}-'
            f'{rnd.randrange(1, 13):02d}</text:p></table:table-cell><table:table-cell office:value-type="string">'
            f'<text:p>GAD</text:p></table:table-cell><table:table-cell office:value-type="float" '
            f'office:value="{rnd.randrange(100)}"/></table:table-row>'
        )
    yield "</table:table>"


@case("300-thousand-rows.ods", Refused([("Lietas", 200_002, None)], "vairāk nekā 200000 datu rindu"), long=True)
def _(folder: Path) -> list[Path]:
    parts = o.parts(o.streamed_content(lambda: _ods_rows(300_000)))
    return [o.write_parts(folder / "300-thousand-rows.ods", parts)]


@case("span-flood-under-the-limits.ods", Imports({"Vakances": (1800, 0, 0)}), long=True)
def _(folder: Path) -> list[Path]:
    """About 90 MB of content.xml: 1800 vacancies whose notes are 1000 spans of one letter each, formatted."""

    def tables() -> Iterator[str]:
        rnd = random.Random(19)
        yield f'<table:table table:name="Vakances">{o.row_xml(HEADERS["Vakances"])}'
        for index in range(1800):
            notes = "".join(f'<text:span text:style-name="T{rnd.randrange(9)}">{rnd.choice("aāsšzž")}</text:span>'
                            for _ in range(1000))  # fmt: skip
            day = dt.date(2020, 1, 1) + dt.timedelta(days=index)
            yield (
                f"<table:table-row>{o.cell_xml('SPO')}{o.cell_xml(1)}{o.cell_xml(day)}<table:table-cell/>"
                f'<table:table-cell office:value-type="string"><text:p>{notes}</text:p></table:table-cell>'
                "</table:table-row>"
            )
        yield "</table:table>"

    return [o.write_parts(folder / "span-flood-under-the-limits.ods", o.parts(o.streamed_content(tables)))]


def _xls_sheet(cells: bytes) -> bytes:
    bof = x.record(x.BOF, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x0006))
    return bof + cells + x.record(x.EOF, b"")


def _xls_file(path: Path, name: str, strings: list[str], sheet: bytes) -> list[Path]:
    """A workbook of one sheet given as its records, with the shared strings ``strings``."""
    options = {"date1904": False, "encrypted": False, "hidden": ()}
    head = x._globals([name], [0], strings, **options)
    stream = x._globals([name], [len(head)], strings, **options) + sheet
    path.write_bytes(b.compound_file([("Workbook", stream)]))
    return [path]


XLS_STRINGS = 1_750_000


@case("shared-strings-under-the-limit.xls", Refused([("Darbinieki", 2, "Vārds")], "par garu"), long=True)
def _(folder: Path) -> list[Path]:
    """About 9.5 MB of distinct two- and three-letter texts (each a Python object once read), the last one 150
    characters long: Vārds refers to it."""
    rnd = random.Random(3)
    letters = "abcdefghijklmnoprstuvz"
    strings = ["".join(rnd.choices(letters, k=2 + i % 2)) for i in range(XLS_STRINGS)] + ["x" * 150]
    index = {text: i for i, text in reversed(list(enumerate(strings)))}
    rows = [HEADERS["Darbinieki"], row("Darbinieki", Vārds=x.shared_index(XLS_STRINGS))]
    cells = b"".join(x._cell(v, r, c, strings, index) for r, values in enumerate(rows) for c, v in enumerate(values))
    return _xls_file(folder / "shared-strings-under-the-limit.xls", "Darbinieki", strings, _xls_sheet(cells))


@case("far-columns-under-the-limit.xls", Imports({"Iedzīvotāji": (1, 0, 0)}), long=True)
def _(folder: Path) -> list[Path]:
    """About 9.5 MB of numbers in columns 65–256 of 8 000 rows (each a Python object once xlrd reads the
    sheet): not read, as cells right of column 64 never are."""
    rnd = random.Random(5)
    cells = x.record(x.LABELSST, struct.pack("<HHHI", 0, 0, x.GENERAL_XF, 0))
    cells += x.record(x.LABELSST, struct.pack("<HHHI", 0, 1, x.GENERAL_XF, 1))
    cells += x.record(x.NUMBER, struct.pack("<HHHd", 1, 0, x.GENERAL_XF, 2023.0))
    cells += x.record(x.NUMBER, struct.pack("<HHHd", 1, 1, x.GENERAL_XF, 15100.0))
    for number in range(2, 8002):
        body = struct.pack("<HH", number, 64) + b"".join(
            struct.pack("<HI", x.GENERAL_XF, (rnd.randrange(1 << 28) << 2) | 2) for _ in range(64, 256)
        )
        cells += x.record(x.MULRK, body + struct.pack("<H", 255))
    return _xls_file(folder / "far-columns-under-the-limit.xls", "Iedzīvotāji", HEADERS["Iedzīvotāji"],
                     _xls_sheet(cells))  # fmt: skip


@case(
    "million-rows-csv-windows-1257",
    Refused([("Lietas", 200_002, None)], "vairāk nekā 200000 datu rindu"),
    long=True,
)
def _(folder: Path) -> list[Path]:
    """A million rows in Windows-1257 (ASCII but for the header): the whole file is searched for the bytes
    that decide the encoding, then parsed."""
    (folder / "million-rows-csv-windows-1257").mkdir()
    path = folder / "million-rows-csv-windows-1257" / "Lietas.csv"
    rnd = random.Random(7)
    with open(path, "w", encoding="cp1257", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Tabeles nr.", "Mēnesis", "Darba veids", "Lietu skaits"])
        for _ in range(1_000_000):
            writer.writerow([1001 + rnd.randrange(3), f"{rnd.randrange(2000, 2025)}-{rnd.randrange(1, 13):02d}",
                             "GAD", rnd.randrange(100)])  # fmt: skip
    return [path]
