"""Helpers for the import tests (no tests here): workbooks as a user fills them, CSV files, table dumps."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from swdesk.db.database import Database, open_database
from swdesk.db.models import Base
from swdesk.importer.sheets import SHEETS


@pytest.fixture(scope="session")
def migrated_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database created and migrated once per test session (creating one takes about 0.4 s)."""
    path = tmp_path_factory.mktemp("migrated") / "swdesk.sqlite"
    open_database(str(path), auto_backup=False).close()
    return path


@pytest.fixture
def db(migrated_database_file: Path, db_path: Path) -> Iterator[Database]:
    """conftest's ``db`` (a new SQLite database with the shipped catalogues at ``db_path``), made by
    copying a freshly migrated file instead of migrating again, so the import tests stay fast."""
    shutil.copyfile(migrated_database_file, db_path)
    database = open_database(str(db_path), auto_backup=False)
    yield database
    database.close()


HEADERS = {sheet.name: [column.header for column in sheet.columns] for sheet in SHEETS}
WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def with_check_digit(first_ten: str) -> str:
    """A personal code made valid by the rule of SPEC §5, computed here independently of the program."""
    total = sum(int(d) * w for d, w in zip(first_ten, WEIGHTS, strict=True))
    digit = (1101 - total) % 11
    return f"{first_ten[:6]}-{first_ten[6:]}{0 if digit == 10 else digit}"


OLD_CODE = with_check_digit("0503851234")  # born 05.03.1985
NEW_CODE = with_check_digit("3212345678")


def valid_sheets() -> dict[str, list[list[Any]]]:
    """All seven sheets, valid, in the mix of formats people type: Excel dates, serials, text, commas."""
    sheets: dict[str, list[list[Any]]] = {
        "Iedzīvotāji": [
            HEADERS["Iedzīvotāji"],
            [2024, 15000],
            ["2025", "14 850"],
        ],
        "Darbinieki": [
            # headers as people retype them: other case, spaces, the * marker of SPEC §5
            ["tabeles NR.", " Vārds ", "Uzvārds*", *HEADERS["Darbinieki"][3:]],
            [
                "1001",
                "Anna",
                "Bērziņa",
                OLD_CODE,
                "SD",
                1,
                dt.datetime(2020, 3, 1),
                None,
                "E1",
                1450.5,
                "Ģimenes nodaļa",
                "bērni",
            ],
            [
                1002,
                " Jānis ",
                "Ozols",
                None,
                "sociālās palīdzības organizators",
                "0,5",
                "01.09.2023",
                "2025-06-30",
                "E4",
                "1 100,00",
                None,
                None,
            ],
            [
                "1003",
                "Līga",
                "Kalniņa",
                NEW_CODE.replace("-", ""),
                "Vecākais sociālais darbinieks",
                "1.25",
                44927,
                None,
                "e3",
                "1999",
                None,
                None,
            ],
        ],
        "Vakances": [
            HEADERS["Vakances"],
            ["SD", 1, "15.01.2025", None, "Izsludināta NVA"],
            ["Sociālais aprūpētājs", "0,5", dt.date(2024, 10, 1), "2025-01-10", None],
        ],
        "Kritēriji": [
            HEADERS["Kritēriji"],
            ["*", "GAD", "LIETAS", 25, None],
            ["SD", "Gadījuma vadīšana", "lietu skaits", "30", "1,5"],
        ],
        "Lietas": [
            HEADERS["Lietas"],
            ["1001", "2025-01", "GAD", 20, None, None],
            ["1001", "02.2025", "GVAD", None, 3, 5],
            [1002, dt.datetime(2025, 1, 15), "SPA", "0", None, None],
        ],
        "Pienākumi": [
            HEADERS["Pienākumi"],
            ["1001", "05.02.2025", "NS_ADMIN", "1,5", "Lietvedība"],
            ["1002", "2025-02-06", "Pārtikas paku izdale", 3, None],
        ],
        "Apmācības": [
            HEADERS["Apmācības"],
            [
                "1001",
                "10.03.2025",
                "Apmācības",
                None,
                6,
                "astronomiskās stundas",
                "Vardarbība ģimenē",
                "LSDA",
                None,
                "40",
                "R-1",
            ],
            [
                "1001",
                "2025-03-20",
                "Individuālā supervīzija",
                "Attālināti",
                2,
                "akadēmiskās stundas",
                None,
                "I. Supervizore",
                "jā",
                "55,50",
                "R-2",
            ],
            [
                "1003",
                dt.datetime(2025, 4, 1),
                "grupas supervīzija",
                "klātiene",
                180,
                "minūtes",
                None,
                None,
                "nē",
                None,
                None,
            ],
        ],
    }
    return copy.deepcopy(sheets)


def write_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        ws = workbook.create_sheet(name)
        for row in rows:
            ws.append(row)
    workbook.save(path)
    return path


def csv_text(value: Any, *, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float | Decimal):
        text = str(value)
        return text.replace(".", ",") if decimal_comma else text
    return str(value)


def write_csv(path: Path, rows: list[list[Any]], *, delimiter: str = ";", bom: bool = False) -> Path:
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        for row in rows:
            writer.writerow([csv_text(v, decimal_comma=delimiter == ";") for v in row])
    return path


# What happened rather than the data: which file was imported and when, who changed what (issue 17).
LOG_TABLES = ("import_log", "change_set", "change")


def dump(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: two dumps are equal when nothing changed."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with database.read() as session:
        for table in Base.metadata.sorted_tables:
            rows = session.execute(select(table).order_by(*table.primary_key.columns)).all()
            tables[table.name] = [tuple(row) for row in rows]
    return tables


def rewrite_sheet_xml(path: Path, change: Any, *, sheet: str = "xl/worksheets/sheet1.xml") -> None:
    """Edit the XML of one sheet inside an .xlsx, as another program might have written it."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts[sheet] = change(parts[sheet].decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def set_cached_value(xml: str, cell: str, value: str) -> str:
    """Give a formula cell the result Excel would have stored with it."""
    return re.sub(rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*/>', rf"\1<v>{value}</v>", xml)
