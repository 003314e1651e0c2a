"""The files heads have (issue 11, point 3): LibreOffice .ods, Excel 97-2003 .xls, and CSV saved by a Latvian
Excel or LibreOffice in Windows-1257, besides .xlsx and UTF-8 CSV (SPEC §5, swdesk.importer.reader).

The files in ``tests/import_files/`` were saved by LibreOffice 7.4 (see the README there), so these tests do
not rest on the hand-written files of the hostile corpus alone.
"""

# The fast `db` fixture is imported from the support module, so test arguments named `db` "redefine" it.
# ruff: noqa: F811

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database, open_database
from swdesk.importer.importer import import_workbook
from swdesk.importer.reader import csv_encoding
from tests.hostile import odsbuild as o
from tests.hostile import xlsbuild as x
from tests.hostile.corpus import row
from tests.test_import_support import (
    HEADERS,
    LOG_TABLES,
    db,  # noqa: F401 - the fast `db` fixture, see test_import_support
    dump,
    migrated_database_file,  # noqa: F401
    write_csv,
)

FILES = Path(__file__).parent / "import_files"
WINDOWS_1257_CSV = FILES / "windows-1257" / "Darbinieki.csv"


@pytest.fixture
def fresh(migrated_database_file: Path, tmp_path: Path) -> Iterator[Any]:
    """``fresh(name)``: another new database, for comparing what different files import."""
    opened: list[Database] = []

    def open_new(name: str) -> Database:
        path = tmp_path / f"{name}.sqlite"
        shutil.copyfile(migrated_database_file, path)
        opened.append(open_database(str(path), auto_backup=False))
        return opened[-1]

    yield open_new
    for database in opened:
        database.close()


def _people(database: Database) -> list[tuple[Any, ...]]:
    with database.read() as session:
        rows = session.execute(
            select(m.Staff.tabeles_nr, m.Staff.first_name, m.Staff.last_name, m.Staff.unit_name,
                   m.Staff.specialization).order_by(m.Staff.tabeles_nr)
        )  # fmt: skip
        return [tuple(r) for r in rows]


def _imported(database: Database) -> dict[str, list[Any]]:
    return {name: rows for name, rows in dump(database).items() if name not in LOG_TABLES}


ERIKA_AND_JANIS = [
    ("2001", "Ērika", "Šķēle", "Ģimeņu nodaļa", "bērni, ģimenes"),
    ("2002", "Jānis", "Ozoliņš", None, "„Žēlsirdība” – 5 €"),
]


# --- CSV: Windows-1257 and UTF-8 -------------------------------------------------------------------------


def test_a_windows_1257_csv_saved_by_libreoffice_arrives_letter_for_letter(db) -> None:  # type: ignore[no-untyped-def]
    data = WINDOWS_1257_CSV.read_bytes()
    with pytest.raises(UnicodeDecodeError):  # the file really is not UTF-8
        data.decode("utf-8")
    assert b"\xc7rika;\xd0\xed\xe7le" in data  # Ērika;Šķēle in Windows-1257

    result = import_workbook(db, WINDOWS_1257_CSV)

    assert result.problems == [] and result.written
    assert _people(db) == ERIKA_AND_JANIS


def test_the_same_csv_in_utf8_with_or_without_bom_imports_the_same(fresh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = WINDOWS_1257_CSV.read_bytes().decode("cp1257")
    for encoding in ("utf-8", "utf-8-sig", "utf-16"):
        folder = tmp_path / encoding
        folder.mkdir()
        (folder / "Darbinieki.csv").write_bytes(text.encode(encoding))
        database = fresh(encoding)
        result = import_workbook(database, folder / "Darbinieki.csv")
        assert result.problems == [] and result.written, encoding
        assert _people(database) == ERIKA_AND_JANIS, encoding


def test_the_cli_imports_a_windows_1257_csv(db, db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db.close()
    assert main(["--db", str(db_path), "import", "--create-units", str(WINDOWS_1257_CSV)]) == 0
    assert "Imports pabeigts: pievienoti 2, mainīti 0, nemainīti 0." in capsys.readouterr().out
    database = open_database(str(db_path), auto_backup=False)
    try:
        assert _people(database) == ERIKA_AND_JANIS
    finally:
        database.close()


def _refused(db: Database, path: Path) -> str:
    before = dump(db)
    result = import_workbook(db, path)
    assert not result.written and dump(db) == before
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return str(result.problems[0])


def test_a_csv_partly_utf8_is_refused_with_the_line_that_is_not(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Darbinieki.csv"
    write_csv(path, [HEADERS["Darbinieki"], row("Darbinieki", Vārds="Ērika", Uzvārds="Šķēle")])
    utf8 = path.read_bytes()
    path.write_bytes(utf8 + "2002;Jānis\n".encode("cp1257"))  # a line pasted from a Windows-1257 file

    assert _refused(db, path) == (
        f"Fails «Darbinieki.csv», 3. rinda: Failā ir jaukti kodējumi: daļa teksta ir UTF-8 (1. rindā), bet "
        f"{len(utf8) + 7}. baits nav UTF-8, tāpēc nevar droši zināt, kādi burti tajā rakstīti. Saglabājiet "
        "failu vēlreiz kā «CSV UTF-8»."
    )


def test_a_csv_with_a_byte_in_neither_encoding_is_refused_with_its_line(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Iedzīvotāji.csv"
    path.write_bytes(b"Gads;Iedz\xeevot\xe2ju skaits\n2023;15\x81100\n")
    assert _refused(db, path) == (
        "Fails «Iedzīvotāji.csv», 2. rinda: Fails nav ne UTF-8, ne Windows-1257 (baltiešu) kodējumā: tā 32. "
        "baits (0x81) nevienā no tiem nav rakstzīme. Saglabājiet failu kā «CSV UTF-8»."
    )


def test_a_broken_utf8_file_with_a_bom_is_not_read_as_windows_1257(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Darbinieki.csv"
    path.write_bytes(b"\xef\xbb\xbfTabeles nr.;V\xe2rds\n")  # a UTF-8 BOM, then Windows-1257
    assert _refused(db, path) == (
        "Fails «Darbinieki.csv», 1. rinda: Fails sākas ar UTF-8 kodējuma zīmi (BOM), bet tā 17. baits nav "
        "UTF-8 kodējumā; fails ir bojāts vai salikts no dažādiem failiem. Saglabājiet to vēlreiz kā «CSV "
        "UTF-8»."
    )


@pytest.mark.parametrize(
    ("content", "codec"),
    [
        (b"Gads;Iedz\xc4\xabvot\xc4\x81ju skaits\n", "utf-8"),  # Iedzīvotāju in UTF-8
        (b"Gads;Iedz\xeevot\xe2ju skaits\n", "cp1257"),  # the same in Windows-1257
        (b"Gads;Iedzivotaju skaits\n", "utf-8"),  # ASCII reads the same either way
        (b"\xef\xbb\xbfGads\n", "utf-8-sig"),
        (b"\xff\xfeG\x00a\x00", "utf-16"),
    ],
)
def test_the_encoding_rule(tmp_path: Path, content: bytes, codec: str) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    assert csv_encoding(path).codec == codec


def test_a_workbook_renamed_csv_is_refused_with_advice(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "Darbinieki.csv"
    shutil.copyfile(FILES / "dati.ods", path)
    assert _refused(db, path) == (
        "Fails «Darbinieki.csv»: Fails nav CSV teksts, bet OpenDocument izklājlapa ar nosaukumu .csv; dodiet "
        "tam paplašinājumu .ods vai saglabājiet lapu kā «CSV UTF-8»."
    )


# --- workbooks: .ods and .xls as LibreOffice saves them --------------------------------------------------


def test_libreoffice_ods_and_xls_import_exactly_what_the_xlsx_does(fresh) -> None:  # type: ignore[no-untyped-def]
    """dati.ods and dati.xls are dati.xlsx saved by LibreOffice: every table ends up the same."""
    imported = {}
    for name in ("dati.xlsx", "dati.ods", "dati.xls"):
        database = fresh(name)
        result = import_workbook(database, FILES / name)
        assert result.problems == [] and result.written, (name, [str(p) for p in result.problems])
        assert result.totals.added == 17, name
        imported[name] = _imported(database)
        assert _people(database)[0] == ("1001", "Ērika", "Šķēle", "Ģimenes nodaļa", "bērni"), name
    assert imported["dati.ods"] == imported["dati.xlsx"]
    assert imported["dati.xls"] == imported["dati.xlsx"]


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_a_workbook_is_read_by_its_content_whatever_its_name(db, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    other = {".ods": ".xls", ".xls": ".ods"}[suffix]
    path = tmp_path / f"dati{other}"
    shutil.copyfile(FILES / f"dati{suffix}", path)
    result = import_workbook(db, path)
    assert result.problems == [] and result.totals.added == 17


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_a_wrong_value_is_named_by_sheet_row_and_column_and_nothing_is_written(db, tmp_path: Path, suffix: str) -> None:  # type: ignore[no-untyped-def]
    sheets = {
        "Darbinieki": [HEADERS["Darbinieki"], row("Darbinieki", Vārds="Ērika", Uzvārds="Šķēle"),
                       row("Darbinieki", Tabeles_nr="2002", Slodze="pilna")],
        "Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2023, 15100]],
    }  # fmt: skip
    path = tmp_path / f"dati{suffix}"
    if suffix == ".ods":
        o.write_ods(path, sheets)
    else:
        path.write_bytes(x.xls_bytes(sheets))
    message = _refused(db, path)
    assert message.startswith("Lapa «Darbinieki», 3. rinda, kolonna «Slodze»: «pilna» nav skaitlis.")


def test_a_good_ods_beside_a_bad_xls_writes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = o.write_ods(tmp_path / "Darbinieki.ods", {"Darbinieki": [HEADERS["Darbinieki"], row("Darbinieki")]})
    bad = tmp_path / "Lietas.xls"
    caseload = row("Lietas", Tabeles_nr="2001", Lietu_skaits=x.error("#N/A"))  # 2001 is in the .ods
    bad.write_bytes(x.xls_bytes({"Lietas": [HEADERS["Lietas"], caseload]}))
    before = dump(db)
    result = import_workbook(db, [good, bad])
    assert [str(p) for p in result.problems] == [
        "Lapa «Lietas», 2. rinda, kolonna «Lietu skaits»: Šūnā ir Excel kļūdas vērtība #N/A; izlabojiet formulu "
        "vai ierakstiet vērtību."
    ]
    assert not result.written and dump(db) == before


def test_xls_diagnostics_never_reach_standard_output(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """xlrd writes warnings about odd files to standard output, where ``--json`` prints its result."""
    path = tmp_path / "dati.xls"
    path.write_bytes((FILES / "dati.xls").read_bytes() + b"\0" * 100)  # not a whole number of sectors
    assert main(["--db", str(db_path), "import", "--json", "--dry-run", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["problems"] == []
