"""Importing the workbook (SPEC §5): every sheet, every kind of bad value, all or nothing, idempotence."""

# The fast `db` fixture is imported from the support module, so test arguments named `db` "redefine" it.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from swdesk import settings as st
from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database, open_database
from swdesk.importer.importer import Problem, import_workbook
from tests.test_import_support import (
    HEADERS,
    LOG_TABLES,
    NEW_CODE,
    OLD_CODE,
    db,  # noqa: F401 - the fast `db` fixture, see test_import_support
    dump,
    migrated_database_file,  # noqa: F401
    rewrite_sheet_xml,
    set_cached_value,
    valid_sheets,
    with_check_digit,
    write_csv,
    write_xlsx,
)


def _where(problems: list[Problem]) -> list[tuple[str | None, int | None, str | None]]:
    return [(p.sheet, p.row, p.column) for p in problems]


def _catalogue_free(tables: dict[str, list[Any]]) -> dict[str, list[Any]]:
    return {name: rows for name, rows in tables.items() if name not in LOG_TABLES}


# --- a valid workbook ------------------------------------------------------------------------------------


def test_every_sheet_of_a_valid_workbook_is_imported(db, tmp_path: Path) -> None:
    result = import_workbook(db, write_xlsx(tmp_path / "dati.xlsx", valid_sheets()))

    assert result.problems == [] and result.warnings == [] and result.written
    assert {name: c.added for name, c in result.counts.items()} == {
        "Iedzīvotāji": 2,
        "Darbinieki": 3,
        "Vakances": 2,
        "Kritēriji": 2,
        "Lietas": 3,
        "Pienākumi": 2,
        "Apmācības": 3,
    }
    with db.read() as s:
        assert s.get(m.Population, 2025).residents == 14850
        staff = {p.tabeles_nr: p for p in s.scalars(select(m.Staff))}
        anna, janis, liga = staff["1001"], staff["1002"], staff["1003"]
        assert (anna.first_name, anna.last_name, anna.personal_code) == ("Anna", "Bērziņa", OLD_CODE)
        assert (anna.position_code, anna.fte, anna.start, anna.end) == (
            "SD",
            Decimal(1),
            dt.date(2020, 3, 1),
            None,
        )
        assert (anna.education_code, anna.salary, anna.unit_name) == (
            "E1",
            Decimal("1450.50"),
            "Ģimenes nodaļa",
        )
        assert (janis.first_name, janis.position_code, janis.fte, janis.salary) == (
            "Jānis",
            "SPO",
            Decimal("0.5"),
            Decimal("1100"),
        )
        assert (janis.start, janis.end) == (dt.date(2023, 9, 1), dt.date(2025, 6, 30))
        assert (liga.position_code, liga.start, liga.education_code) == ("SD_VEC", dt.date(2023, 1, 1), "E3")
        assert liga.personal_code == NEW_CODE  # typed without the hyphen, stored normalised

        vacancies = {v.position_code: v for v in s.scalars(select(m.Vacancy))}
        assert vacancies["SAPR"].filled == dt.date(2025, 1, 10) and vacancies["SD"].notes == "Izsludināta NVA"
        criteria = {c.position_code: c for c in s.scalars(select(m.Criterion))}
        assert (criteria["*"].work_type_code, criteria["*"].unit_code, criteria["*"].weight) == (
            "GAD",
            "LIETAS",
            None,
        )
        assert (criteria["SD"].work_type_code, criteria["SD"].weight) == ("GVAD", Decimal("1.5"))

        loads = {(c.staff.tabeles_nr, c.month, c.work_type_code): c for c in s.scalars(select(m.Caseload))}
        assert loads[("1001", dt.date(2025, 1, 1), "GAD")].cases == 20
        assert loads[("1001", dt.date(2025, 2, 1), "GVAD")].persons == 5
        assert loads[("1002", dt.date(2025, 1, 1), "SPA")].cases == 0

        duties = sorted((d.date, d.category_code, d.hours) for d in s.scalars(select(m.Duty)))
        assert duties == [
            (dt.date(2025, 2, 5), "NS_ADMIN", Decimal("1.5")),
            (dt.date(2025, 2, 6), "NS_PARTIKA", Decimal(3)),
        ]
        events = {e.date: e for e in s.scalars(select(m.TrainingEvent))}
        course = events[dt.date(2025, 3, 10)]
        assert (course.kind, course.form, course.minutes, course.cost, course.invoice) == (
            "training",
            "in_person",
            360,
            Decimal("40"),
            "R-1",
        )
        individual = events[dt.date(2025, 3, 20)]
        assert (individual.kind, individual.form, individual.minutes) == (
            "supervision_individual",
            "remote",
            90,
        )
        assert (individual.duration, individual.duration_unit, individual.certified_supervisor) == (
            Decimal(2),
            "academic_hours",
            True,
        )
        group = events[dt.date(2025, 4, 1)]
        assert (group.kind, group.minutes, group.duration_unit, group.certified_supervisor, group.cost) == (
            "supervision_group",
            180,
            "minutes",
            False,
            None,
        )
        log = s.scalars(select(m.ImportLog)).one()
        assert (log.file_name, log.added, log.updated) == ("dati.xlsx", 17, 0)


def test_any_subset_of_sheets_in_any_order(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    subset = {"Pienākumi": sheets["Pienākumi"], "Darbinieki": sheets["Darbinieki"]}
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", subset))
    assert result.problems == []
    assert list(result.counts) == ["Darbinieki", "Pienākumi"]


def test_academic_hours_use_the_setting_in_force_on_the_event_date(db, tmp_path: Path) -> None:
    with db.write() as s:
        st.set_value(s, "hours.academic_minutes", "40", dt.date(2025, 3, 15))
    sheets = valid_sheets()
    sheets["Apmācības"].append(
        [
            "1001",
            "01.03.2025",
            "Apmācības",
            None,
            2,
            "akadēmiskās stundas",
            "Pirms maiņas",
            None,
            None,
            None,
            None,
        ]
    )
    assert import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets)).problems == []
    with db.read() as s:
        minutes = {e.date: e.minutes for e in s.scalars(select(m.TrainingEvent))}
    assert minutes[dt.date(2025, 3, 1)] == 90  # 2 × 45 before the change
    assert minutes[dt.date(2025, 3, 20)] == 80  # 2 × 40 after it


def test_unknown_sheets_are_warned_about_and_helper_sheets_ignored(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    sheets["Piezīmes"] = [["kaut kas"]]
    sheets["Instrukcija"] = [["Teksts"]]
    sheets["Saraksti"] = [["SD"]]
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets))
    assert result.problems == [] and result.written
    assert len(result.warnings) == 1 and "«Piezīmes»" in result.warnings[0]


def test_blank_rows_are_skipped_and_rows_keep_their_excel_numbers(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    rows = sheets["Pienākumi"]
    rows.insert(2, [None, None, None, None, None])
    rows.insert(3, ["  ", "", None, None, None])
    rows.append(["1001", "07.02.2025", "NS_ADMIN", "-2", None])  # Excel row 6
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets))
    assert _where(result.problems) == [("Pienākumi", 6, "Stundas")]


# --- invalid values: the exact sheet, row and column -------------------------------------------------------

# (sheet, row index in the sheet's list = Excel row − 1, column header, value, part of the message)
BAD_VALUES = [
    ("Iedzīvotāji", 1, "Gads", "divtūkstoši", "nav skaitlis"),
    ("Iedzīvotāji", 1, "Gads", 1850, "vismaz 1900"),
    ("Iedzīvotāji", 2, "Iedzīvotāju skaits", "-5", "vismaz 1"),
    ("Iedzīvotāji", 2, "Iedzīvotāju skaits", 12.5, "nav vesels"),
    ("Darbinieki", 1, "Vārds", None, "Obligāta vērtība"),
    ("Darbinieki", 2, "Uzvārds", "X" * 101, "par garu"),
    ("Darbinieki", 1, "Personas kods", "161175-19998", "kontrolcipars"),
    ("Darbinieki", 2, "Personas kods", "300285-11111", "dzimšanas datums"),
    ("Darbinieki", 3, "Amats", "Direktors", "nav amatu katalogā"),
    ("Darbinieki", 1, "Slodze", "1,6", "nedrīkst pārsniegt 1,5"),
    ("Darbinieki", 1, "Slodze", 0, "lielākai par 0"),
    ("Darbinieki", 1, "Slodze", "100%", "nav skaitlis"),
    ("Darbinieki", 1, "Slodze", "0,3333", "ne vairāk kā 3 cipari"),
    ("Darbinieki", 2, "Darba sākums", "31.02.2024", "nav datums"),
    ("Darbinieki", 2, "Darba beigas", "31.08.2023", "pirms darba sākuma"),
    ("Darbinieki", 3, "Izglītība", "E9", "nav izglītības katalogā"),
    ("Darbinieki", 1, "Mēnešalga", 0, "lielākai par 0"),
    ("Darbinieki", 1, "Mēnešalga", "1200,555", "ne vairāk kā 2 cipari"),
    ("Vakances", 2, "Aizpildīta", "2024-09-30", "pirms izsludināšanas"),
    ("Vakances", 1, "Slodze", 2, "nedrīkst pārsniegt 1,5"),
    ("Vakances", 1, "Izsludināta", None, "Obligāta vērtība"),
    ("Kritēriji", 1, "Amats", "visi", "nav amatu katalogā"),
    ("Kritēriji", 2, "Darba veids", "Konsultācijas", "nav darba veidu katalogā"),
    ("Kritēriji", 1, "Mērvienība", "stundas", "nav mērvienību katalogā"),
    ("Kritēriji", 1, "Maks. uz slodzi mēnesī", 0, "lielākai par 0"),
    ("Kritēriji", 2, "Svars", "-1", "vismaz 0"),
    ("Lietas", 1, "Mēnesis", "13.2025", "nav mēnesis"),
    ("Lietas", 1, "Lietu skaits", "2,5", "nav vesels"),
    ("Lietas", 2, "Iesniegumu skaits", -1, "vismaz 0"),
    ("Lietas", 3, "Tabeles nr.", "9999", "nav ne datubāzē, ne šī importa lapā «Darbinieki»"),
    # Anna (1001, FTE 1): February 2025 has 20 working days, 160 h; Jānis (1002, FTE 0,5): 80 h
    ("Pienākumi", 1, "Stundas", "160,01", "Anna Bērziņa (tabeles nr. 1001), 2025. gada februāris: "),
    ("Pienākumi", 2, "Stundas", 81, "kopā būtu 81,00 h, bet mēneša darba laiks pēc slodzes ir 80,00 h"),
    ("Pienākumi", 2, "Stundas", 100_001, "nedrīkst pārsniegt 100000"),  # only what storage needs
    ("Pienākumi", 1, "Stundas", 0, "lielākai par 0"),
    ("Pienākumi", 2, "Kategorija", "Sapulces", "nav pienākumu kategoriju katalogā"),
    ("Pienākumi", 2, "Datums", "2025/02/06", "nav datums"),
    ("Apmācības", 1, "Veids", "Kursi", "Apmācības | Individuālā supervīzija | Grupas supervīzija"),
    ("Apmācības", 2, "Forma", "tiešsaistē", "Klātiene | Attālināti"),
    ("Apmācības", 1, "Vienība", "dienas", "astronomiskās stundas | akadēmiskās stundas | minūtes"),
    ("Apmācības", 2, "Ilgums", "1,5", "67,5 minūtes"),  # 1,5 academic hours of 45 minutes
    ("Apmācības", 3, "Ilgums", "90,5", "veselās minūtēs"),
    ("Apmācības", 1, "Ilgums", 0, "lielākai par 0"),
    ("Apmācības", 2, "Sertificēts supervizors", "varbūt", "«jā» vai «nē»"),
    ("Apmācības", 1, "Izmaksas EUR", "-1", "vismaz 0"),
    ("Apmācības", 1, "Izmaksas EUR", "10,005", "ne vairāk kā 2 cipari"),
    ("Apmācības", 3, "Tabeles nr.", "2001", "nav ne datubāzē"),
]


@pytest.fixture(scope="module")
def shared_db(migrated_database_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One database for all the refused imports below: each must leave it exactly as it was."""
    path = tmp_path_factory.mktemp("shared") / "swdesk.sqlite"
    shutil.copyfile(migrated_database_file, path)
    database = open_database(str(path), auto_backup=False)
    yield database
    database.close()


@pytest.mark.parametrize(("sheet", "index", "column", "value", "fragment"), BAD_VALUES)
def test_each_bad_value_is_reported_at_its_cell_and_nothing_is_written(
    shared_db: Database, tmp_path: Path, sheet: str, index: int, column: str, value: Any, fragment: str
) -> None:
    sheets = valid_sheets()
    sheets[sheet][index][HEADERS[sheet].index(column)] = value
    before = dump(shared_db)

    result = import_workbook(shared_db, write_xlsx(tmp_path / "a.xlsx", sheets))

    assert _where(result.problems) == [(sheet, index + 1, column)], [str(p) for p in result.problems]
    assert fragment in result.problems[0].message
    assert not result.written and dump(shared_db) == before


def test_a_caseload_row_needs_one_of_the_three_counts(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    sheets["Lietas"][2][3:6] = [None, None, "  "]
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets))
    assert _where(result.problems) == [("Lietas", 3, None)]
    assert (
        "vismaz viens no: Lietu skaits, Iesniegumu skaits, Apkalpoto personu skaits"
        in result.problems[0].message
    )


def test_every_problem_of_a_workbook_is_listed_at_once(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    sheets["Darbinieki"][1][5] = "9"
    sheets["Darbinieki"][2][8] = "E0"
    sheets["Apmācības"][3][2] = "Kursi"
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets))
    assert _where(result.problems) == [
        ("Darbinieki", 2, "Slodze"),
        ("Darbinieki", 3, "Izglītība"),
        ("Apmācības", 4, "Veids"),
    ]


def test_duplicate_keys_name_both_rows(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    sheets["Darbinieki"].append(
        ["1001", "Cita", "Anna", None, "SD", 1, "01.01.2024", None, "E1", 1500, None, None]
    )
    sheets["Lietas"].append([" 1001 ", "01.2025", "gad", 5, None, None])  # same key, written differently
    sheets["Pienākumi"].append(list(sheets["Pienākumi"][1]))
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets))
    assert _where(result.problems) == [("Darbinieki", 5, None), ("Lietas", 5, None), ("Pienākumi", 4, None)]
    assert "(Tabeles nr.) kā 2. rindai" in result.problems[0].message
    assert "(Tabeles nr. + Mēnesis + Darba veids) kā 2. rindai" in result.problems[1].message
    assert "pilnīgi atkārto 2. rindu" in result.problems[2].message


def test_staff_referenced_from_the_database_is_found(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    assert import_workbook(db, write_xlsx(tmp_path / "staff.xlsx", {"Darbinieki": sheets["Darbinieki"]})).ok
    result = import_workbook(db, write_xlsx(tmp_path / "work.xlsx", {"Lietas": sheets["Lietas"]}))
    assert result.problems == [] and result.counts["Lietas"].added == 3


def test_header_problems_name_the_sheet_and_column(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    staff = sheets["Darbinieki"]
    staff[0][1] = "Vārds un uzvārds"  # unknown, and so Vārds is missing
    sheets["Vakances"][0].append("Slodze")  # twice
    sheets["Kritēriji"][1].append("liekā vērtība")  # a value in a column without a header
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets))
    assert _where(result.problems) == [
        ("Darbinieki", None, "Vārds"),
        ("Darbinieki", 1, "Vārds un uzvārds"),
        ("Vakances", 1, "Slodze"),
        ("Kritēriji", 2, None),
    ]
    assert "Trūkst obligātās kolonnas" in result.problems[0].message
    assert "Nezināma kolonna" in result.problems[1].message
    assert "divreiz (kolonnas B un F)" in result.problems[2].message
    assert "Šūnā F2 ir vērtība" in result.problems[3].message


def test_a_sheet_without_any_count_column_is_one_problem(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    lietas = [row[:3] for row in sheets["Lietas"]]
    result = import_workbook(
        db, write_xlsx(tmp_path / "a.xlsx", {"Darbinieki": sheets["Darbinieki"], "Lietas": lietas})
    )
    assert _where(result.problems) == [("Lietas", 1, None)]


def test_a_personal_code_in_a_number_cell_gets_its_leading_zero_back(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    sheets["Darbinieki"][1][3] = int(OLD_CODE.replace("-", ""))  # 050385… typed as a number: 50385…
    assert import_workbook(db, write_xlsx(tmp_path / "a.xlsx", sheets)).ok
    with db.read() as s:
        assert s.scalars(select(m.Staff.personal_code).where(m.Staff.tabeles_nr == "1001")).one() == OLD_CODE


# --- formulas ----------------------------------------------------------------------------------------------


def test_formula_results_stored_by_excel_are_imported(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2025, "=14000+850"]]})
    rewrite_sheet_xml(path, lambda xml: set_cached_value(xml, "B2", "14850"))
    result = import_workbook(db, path)
    assert result.problems == []
    with db.read() as s:
        assert s.get(m.Population, 2025).residents == 14850


def test_a_formula_without_a_stored_result_is_a_problem_not_a_blank(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2025, "=14000+850"]]})
    result = import_workbook(db, path)
    assert _where(result.problems) == [("Iedzīvotāji", 2, "Iedzīvotāju skaits")]
    assert "formula (=14000+850)" in result.problems[0].message


def test_an_excel_error_value_is_a_problem(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2025, "=1/0"]]})
    rewrite_sheet_xml(
        path, lambda xml: set_cached_value(xml, "B2", "#DIV/0!").replace('<c r="B2"', '<c t="e" r="B2"')
    )
    result = import_workbook(db, path)
    assert _where(result.problems) == [("Iedzīvotāji", 2, "Iedzīvotāju skaits")]
    assert "#DIV/0!" in result.problems[0].message


# --- CSV ---------------------------------------------------------------------------------------------------


def _xlsx_reference(tmp_path: Path, open_database_at: Any) -> dict[str, list[Any]]:
    reference = open_database_at(tmp_path / "reference.sqlite")
    assert import_workbook(reference, write_xlsx(tmp_path / "ref.xlsx", valid_sheets())).ok
    tables = _catalogue_free(dump(reference))
    reference.close()
    return tables


@pytest.fixture
def open_database_at(migrated_database_file: Path):  # type: ignore[no-untyped-def]
    opened = []

    def opener(path: Path):  # type: ignore[no-untyped-def]
        shutil.copyfile(migrated_database_file, path)
        database = open_database(str(path), auto_backup=False)
        opened.append(database)
        return database

    yield opener
    for database in opened:
        database.close()


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), (";", False), (",", False), (",", True)])
def test_a_folder_of_csv_files_imports_like_the_workbook(
    db, tmp_path: Path, open_database_at: Any, delimiter: str, bom: bool
) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    sheets = valid_sheets()
    sheets["Darbinieki"][3][6] = "2023-01-01"  # an Excel serial number only counts in a number cell
    for name, rows in sheets.items():
        write_csv(folder / f"{name}.csv", rows, delimiter=delimiter, bom=bom)
    result = import_workbook(db, folder)
    assert result.problems == [], [str(p) for p in result.problems]
    assert _catalogue_free(dump(db)) == _xlsx_reference(tmp_path, open_database_at)


def test_single_csv_files_and_their_problems(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    sheets["Darbinieki"][3][6] = "01.01.2023"
    staff = write_csv(tmp_path / "darbinieki.csv", sheets["Darbinieki"])  # case of the name does not matter
    duties_rows = sheets["Pienākumi"]
    duties_rows[2][3] = "80,25"  # Jānis, new in darbinieki.csv with FTE 0,5: February 2025 holds 80 h
    duties = write_csv(tmp_path / "Pienakumi.csv", duties_rows, delimiter=",")  # no Latvian letters
    result = import_workbook(db, [staff, duties])
    assert _where(result.problems) == [("Pienākumi", 3, "Stundas")]


def test_a_csv_in_neither_utf8_nor_windows_1257_is_refused_with_advice(db, tmp_path: Path) -> None:
    # (a Windows-1257 file is read: tests/test_import_formats.py; 0x81 is a character in neither encoding)
    path = tmp_path / "Darbinieki.csv"
    path.write_bytes("Tabeles nr.;Vārds\n1;Jānis\n".encode("cp1257").replace(b"\xe2nis", b"\x81nis"))
    result = import_workbook(db, path)
    assert len(result.problems) == 1 and "CSV UTF-8" in result.problems[0].message


def test_the_same_sheet_twice_is_a_problem(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    workbook = write_xlsx(tmp_path / "a.xlsx", {"Darbinieki": sheets["Darbinieki"]})
    csv_file = write_csv(tmp_path / "Darbinieki.csv", sheets["Darbinieki"])
    result = import_workbook(db, [workbook, csv_file])
    assert len(result.problems) == 1 and "divreiz" in result.problems[0].message


# --- importing twice, updates, all or nothing, dry run ----------------------------------------------


def test_importing_twice_changes_nothing_the_second_time(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())
    assert import_workbook(db, path).ok
    after_first = dump(db)

    second = import_workbook(db, path)

    assert second.ok
    assert all(c.added == 0 and c.updated == 0 for c in second.counts.values())
    assert {name: c.unchanged for name, c in second.counts.items()} == {
        "Iedzīvotāji": 2,
        "Darbinieki": 3,
        "Vakances": 2,
        "Kritēriji": 2,
        "Lietas": 3,
        "Pienākumi": 2,
        "Apmācības": 3,
    }
    assert dump(db) == after_first  # not even an import log row


def test_importing_twice_on_every_database(any_db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())
    assert import_workbook(any_db, path).ok
    after_first = dump(any_db)
    assert import_workbook(any_db, path).totals.changed == 0
    assert dump(any_db) == after_first


def test_rows_with_an_existing_key_are_updated(db, tmp_path: Path) -> None:
    assert import_workbook(db, write_xlsx(tmp_path / "a.xlsx", valid_sheets())).ok
    sheets = valid_sheets()
    sheets["Darbinieki"][1][9] = "1500"  # a raise for Anna
    sheets["Darbinieki"][3][7] = "31.12.2025"  # Līga leaves
    sheets["Vakances"][1][3] = "01.03.2025"  # the vacancy is filled
    sheets["Lietas"][1][3] = 22
    sheets["Iedzīvotāji"][2][1] = 14900
    sheets["Pienākumi"][1][3] = "2"  # all columns are the key: a new duty, the old one stays

    result = import_workbook(db, write_xlsx(tmp_path / "b.xlsx", sheets))

    counts = {name: (c.added, c.updated, c.unchanged) for name, c in result.counts.items()}
    assert counts == {
        "Iedzīvotāji": (0, 1, 1),
        "Darbinieki": (0, 2, 1),
        "Vakances": (0, 1, 1),
        "Kritēriji": (0, 0, 2),
        "Lietas": (0, 1, 2),
        "Pienākumi": (1, 0, 1),
        "Apmācības": (0, 0, 3),
    }
    with db.read() as s:
        anna = s.scalars(select(m.Staff).where(m.Staff.tabeles_nr == "1001")).one()
        assert anna.salary == Decimal(1500)
        assert s.get(m.Population, 2025).residents == 14900
        assert len(s.scalars(select(m.Duty)).all()) == 3
        logs = s.scalars(select(m.ImportLog).order_by(m.ImportLog.id)).all()
        assert [(log.file_name, log.added, log.updated) for log in logs] == [
            ("a.xlsx", 17, 0),
            ("b.xlsx", 1, 5),
        ]


def test_a_column_left_out_of_the_sheet_is_not_touched_by_an_update(db, tmp_path: Path) -> None:
    assert import_workbook(db, write_xlsx(tmp_path / "a.xlsx", valid_sheets())).ok
    staff = [
        row[:3] + row[4:10] for row in valid_sheets()["Darbinieki"]
    ]  # no Personas kods, no optional text
    result = import_workbook(db, write_xlsx(tmp_path / "b.xlsx", {"Darbinieki": staff}))
    assert result.counts["Darbinieki"].unchanged == 3
    with db.read() as s:
        assert s.scalars(select(m.Staff.personal_code).where(m.Staff.tabeles_nr == "1001")).one() == OLD_CODE


def test_one_bad_row_among_many_writes_nothing(db, tmp_path: Path) -> None:
    assert import_workbook(db, write_xlsx(tmp_path / "a.xlsx", valid_sheets())).ok
    before = dump(db)
    sheets = valid_sheets()
    sheets["Darbinieki"][1][9] = "1600"  # an update that must not happen
    for number in range(200):
        code = with_check_digit(f"01018{number % 10}1{number:03d}")
        sheets["Darbinieki"].append(
            [f"2{number:03d}", "Vārds", "Uzvārds", code, "SD", 1, "01.01.2024", None, "E1", 1300, None, None]
        )
        sheets["Lietas"].append([f"2{number:03d}", "2025-01", "GAD", number, None, None])
    sheets["Lietas"].insert(150, ["2000", "2025-02", "GAD", "daudz", None, None])  # Excel row 151

    result = import_workbook(db, write_xlsx(tmp_path / "b.xlsx", sheets))

    assert _where(result.problems) == [("Lietas", 151, "Lietu skaits")]
    assert not result.written
    assert dump(db) == before


def test_dry_run_reports_the_changes_and_writes_nothing(db, tmp_path: Path) -> None:
    before = dump(db)
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", valid_sheets()), dry_run=True)
    assert result.ok and result.dry_run and not result.written
    assert result.totals.added == 17
    assert dump(db) == before


# --- the command line ------------------------------------------------------------------------------------


def test_cli_prints_counts_per_sheet(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())
    assert main(["--db", str(db_path), "import", "--create-units", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Lapa «Darbinieki»: pievienoti 3, mainīti 0, nemainīti 0" in out
    assert "Imports pabeigts: pievienoti 17, mainīti 0, nemainīti 0." in out

    assert main(["--db", str(db_path), "import", "--create-units", str(path)]) == 0
    assert "nekas nav mainījies (17 rindas" in capsys.readouterr().out


def test_cli_lists_problems_and_exits_2(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = valid_sheets()
    sheets["Darbinieki"][2][3] = "161175-19998"
    sheets["Lietas"][1][1] = "janvāris"
    path = write_xlsx(tmp_path / "a.xlsx", sheets)

    assert main(["--db", str(db_path), "import", "--create-units", str(path)]) == 2

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(
        "Lapa «Darbinieki», 3. rinda, kolonna «Personas kods»: Personas koda «161175-19998»"
    )
    assert lines[1].startswith("Lapa «Lietas», 2. rinda, kolonna «Mēnesis»: «janvāris» nav mēnesis")
    assert lines[2] == "Nekas netika ierakstīts: atrastas 2 problēmas. Izlabojiet tās un importējiet vēlreiz."


def test_cli_in_english_and_as_json(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = valid_sheets()
    sheets["Pienākumi"][1][3] = 170  # Anna, FTE 1: February 2025 holds 160 h
    path = write_xlsx(tmp_path / "a.xlsx", sheets)

    assert main(["--db", str(db_path), "--lang", "en", "import", "--create-units", str(path)]) == 2
    out = capsys.readouterr().out
    assert (
        "Sheet 'Pienākumi', row 2, column 'Stundas': Anna Bērziņa (employee no. 1001), February 2025: the "
        "non-social-work duty hours of this month would total 170.00 h, but the month's contracted hours are "
        "160.00 h (20 working days × 8 h × FTE 1)."  # an English sentence writes English numbers (issue 17)
    ) in out
    assert "Nothing was written: 1 problem found." in out

    assert main(["--db", str(db_path), "import", "--create-units", str(path), "--json"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert data["written"] is False
    assert data["problems"] == [
        {
            "file": None,
            "sheet": "Pienākumi",
            "row": 2,
            "column": "Stundas",
            "message": "Anna Bērziņa (tabeles nr. 1001), 2025. gada februāris: ar sociālo darbu nesaistīto "
            "pienākumu stundas šajā mēnesī kopā būtu 170,00 h, bet mēneša darba laiks pēc slodzes ir 160,00 h "
            "(darba dienu skaits 20 × 8 h × slodze 1). Mēneša kopsummu var ierakstīt jebkurā šā mēneša "
            "datumā, bet ne vairāk par mēneša darba laiku.",
        }
    ]


def test_cli_dry_run(db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())
    assert main(["--db", str(db_path), "import", "--dry-run", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dry_run"] is True and data["written"] is False
    assert data["sheets"]["Apmācības"] == {"added": 3, "updated": 0, "unchanged": 0}
    assert main(["--db", str(db_path), "import", "--dry-run", str(path)]) == 0
    assert "Nekas netika ierakstīts." in capsys.readouterr().out


# --- months and dates in the future ----------------------------------------------------------------------


def test_months_and_dates_in_the_future_are_warned_about_not_refused(db, tmp_path: Path) -> None:
    sheets = valid_sheets()
    year = dt.date.today().year
    # a mistyped year: 2062 for 2026; and next year's January
    sheets["Lietas"].append(["1001", f"{year + 36}-03", "GAD", 20, None, None])
    sheets["Lietas"].append(["1002", f"01.{year + 1}", "GAD", 4, None, None])
    sheets["Pienākumi"].append(["1001", f"05.03.{year + 36}", "NS_TRANSP", "2", None])
    result = import_workbook(db, write_xlsx(tmp_path / "dati.xlsx", sheets), dry_run=True)

    assert result.problems == []  # said, not refused
    future = [w for w in result.warnings if not w.startswith("Lapa «Darbinieki»")]  # (its new unit: said too)
    assert future == [
        f"Lapa «Lietas»: mēnesis ir nākotnē (01.{year + 1}, 03.{year + 36}) — rindas 5, 6. Vai gads ir "
        "pareizs? Rindas tiks importētas, kā rakstītas.",
        f"Lapa «Pienākumi»: datums ir nākotnē (05.03.{year + 36}) — 4. rinda. Vai gads ir pareizs? Rindas "
        "tiks importētas, kā rakstītas.",
    ]
    # this month and today are not the future
    today = dt.date.today()
    sheets = valid_sheets()
    sheets["Lietas"].append(["1001", today.strftime("%m.%Y"), "GAD", 20, None, None])
    warnings = import_workbook(db, write_xlsx(tmp_path / "sodien.xlsx", sheets), dry_run=True).warnings
    assert [w for w in warnings if not w.startswith("Lapa «Darbinieki»")] == []
