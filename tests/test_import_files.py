"""Hostile or broken files are refused with a message, never an exception (SPEC §5, reader.py)."""

# The fast `db` fixture is imported from the support module, so test arguments named `db` "redefine" it.
# ruff: noqa: F811

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from swdesk.cli import main
from swdesk.importer import reader
from swdesk.importer.importer import import_workbook
from tests.test_import_support import (
    HEADERS,
    db,  # noqa: F401 - the fast `db` fixture, see test_import_support
    dump,
    migrated_database_file,  # noqa: F401
    rewrite_sheet_xml,
    valid_sheets,
    write_xlsx,
)


def _refusal(db, path: Path) -> str:  # type: ignore[no-untyped-def]
    before = dump(db)
    result = import_workbook(db, path)
    assert not result.written and dump(db) == before
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return str(result.problems[0])


def test_openpyxl_parses_through_defusedxml() -> None:
    assert openpyxl.DEFUSEDXML is True


def test_an_empty_file_is_refused(db, tmp_path: Path) -> None:
    path = tmp_path / "tukšs.xlsx"
    path.write_bytes(b"")
    assert _refusal(db, path) == "Fails «tukšs.xlsx»: Fails ir tukšs (0 baitu)."


def test_a_file_that_is_no_workbook_is_refused(db, tmp_path: Path) -> None:
    path = tmp_path / "teksts.xlsx"
    path.write_text("Tabeles nr.;Vārds\n1001;Anna\n", encoding="utf-8")
    assert _refusal(db, path) == (
        "Fails «teksts.xlsx»: Fails nav darbgrāmata: tas nav ne .xlsx vai .ods fails (ZIP arhīvs), ne Excel "
        "97–2003 (.xls) fails. Ja tas ir CSV teksts, dodiet tam nosaukumu ar paplašinājumu .csv."
    )


def test_a_damaged_old_excel_file_is_refused(db, tmp_path: Path) -> None:
    path = tmp_path / "vecs.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # an OLE header and nothing in it
    assert _refusal(db, path) == (
        "Fails «vecs.xls»: Failu nevar nolasīt kā Excel 97–2003 darbgrāmatu (.xls) (faila iekšējā struktūra "
        "ir bojāta)."
    )


def test_a_zip_that_is_not_a_workbook_is_refused(db, tmp_path: Path) -> None:
    path = tmp_path / "dokuments.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert "nevar nolasīt kā Excel darbgrāmatu" in _refusal(db, path)


def test_other_file_types_and_missing_files_are_refused(db, tmp_path: Path) -> None:
    other = tmp_path / "dati.numbers"
    other.write_bytes(b"x")
    result = import_workbook(db, [other, tmp_path / "nav.xlsx", tmp_path])
    messages = [str(p) for p in result.problems]
    assert messages[0] == (
        "Fails «dati.numbers»: Faila tips «.numbers» netiek atbalstīts; saglabājiet datus kā darbgrāmatu "
        "(.xlsx, .xls vai .ods) vai kā .csv failus."
    )
    assert messages[1].endswith("Fails vai mape nav atrasta.")
    assert messages[2].endswith("Mapē nav neviena .csv faila.")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "bumba.xlsx", {"Darbinieki": [HEADERS["Darbinieki"]]})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/image1.bin", b"\0" * (5 * reader.MB))  # about 1000:1
    assert "«xl/media/image1.bin» ir saspiesta neparasti stipri" in _refusal(db, path)


def test_a_workbook_too_large_when_unpacked_is_refused(
    db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "MAX_UNCOMPRESSED_BYTES", 1 * reader.MB)
    path = write_xlsx(tmp_path / "liels.xlsx", {"Darbinieki": [HEADERS["Darbinieki"]]})
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        archive.writestr("xl/media/image1.bin", os.urandom(2 * reader.MB))
    assert "atarhivēts aizņemtu 3 MB, vairāk nekā atļautie 1 MB" in _refusal(db, path)


def test_entity_expansion_is_refused(db, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "smiekli.xlsx", {"Iedzīvotāji": [HEADERS["Iedzīvotāji"], [2025, 100]]})
    doctype = '<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'

    def add_entities(xml: str) -> str:
        start = xml.index("<worksheet")
        xml = xml[:start] + doctype + xml[start:]
        return xml.replace("<v>100</v>", "<v>&lol2;</v>")

    rewrite_sheet_xml(path, add_entities)
    assert "nevar nolasīt kā Excel darbgrāmatu (failā ir aizliegtas XML konstrukcijas" in _refusal(db, path)


def test_reading_stops_at_the_row_limit(db, tmp_path: Path) -> None:
    rows = [HEADERS["Iedzīvotāji"], *([2000 + i, 100] for i in range(12))]
    result = import_workbook(db, write_xlsx(tmp_path / "a.xlsx", {"Iedzīvotāji": rows}), max_rows=10)
    assert [str(p) for p in result.problems] == [  # row 12 holds the 11th data row: reading stopped there
        "Lapa «Iedzīvotāji», 12. rinda: Lapā ir vairāk nekā 10 datu rindu; lasīšana apturēta. "
        "Sadaliet datus vairākos failos."
    ]


def test_the_declared_dimension_is_not_trusted(db, tmp_path: Path) -> None:
    rows = [HEADERS["Iedzīvotāji"], *([2000 + i, 100] for i in range(5))]
    path = write_xlsx(tmp_path / "a.xlsx", {"Iedzīvotāji": rows})
    rewrite_sheet_xml(path, lambda xml: xml.replace('<dimension ref="A1:B6"', '<dimension ref="A1:B2"'))
    result = import_workbook(db, path)
    assert result.problems == [] and result.counts["Iedzīvotāji"].added == 5


def test_a_stray_cell_far_to_the_right_does_not_widen_every_row(db, tmp_path: Path) -> None:
    path = tmp_path / "a.xlsx"
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = "Iedzīvotāji"
    ws.append(HEADERS["Iedzīvotāji"])
    ws.append([2025, 100])
    ws["XFD2"] = "tālu"
    workbook.save(path)
    result = import_workbook(db, path)
    assert result.problems == [] and result.counts["Iedzīvotāji"].added == 1


def test_a_csv_row_limit_and_a_broken_csv(db, tmp_path: Path) -> None:
    big = tmp_path / "Iedzīvotāji.csv"
    big.write_text(
        "Gads;Iedzīvotāju skaits\n" + "".join(f"{2000 + i};5\n" for i in range(12)), encoding="utf-8"
    )
    result = import_workbook(db, big, max_rows=10)
    assert "vairāk nekā 10 datu rindu" in str(result.problems[0])

    broken = tmp_path / "Darbinieki.csv"
    broken.write_text('Tabeles nr.;Vārds\n"1;Anna\n', encoding="utf-8")
    result = import_workbook(db, broken)
    assert len(result.problems) >= 1 and not result.written


def test_a_csv_row_number_counts_line_breaks_inside_quotes(db, tmp_path: Path) -> None:
    path = tmp_path / "Vakances.csv"
    text = io.StringIO()
    text.write("Amats;Slodze;Izsludināta;Aizpildīta;Piezīmes\n")
    text.write('SD;1;01.02.2025;;"divās\nrindās"\n')
    text.write("SD;3;01.03.2025;;\n")
    path.write_text(text.getvalue(), encoding="utf-8")
    result = import_workbook(db, path)
    assert [(p.sheet, p.row, p.column) for p in result.problems] == [("Vakances", 4, "Slodze")]


def test_cli_refuses_a_bad_file_with_exit_2(db, db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore
    path = tmp_path / "x.xlsx"
    path.write_text("nav darbgrāmata", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 2
    out = capsys.readouterr().out
    assert "Fails «x.xlsx»: Fails nav darbgrāmata" in out
    assert "Nekas netika ierakstīts: atrasta 1 problēma." in out


def test_valid_files_next_to_a_bad_one_are_not_imported(db, tmp_path: Path) -> None:
    good = write_xlsx(tmp_path / "labs.xlsx", valid_sheets())
    bad = tmp_path / "Lietas.csv"
    bad.write_bytes(b"")
    before = dump(db)
    result = import_workbook(db, [good, bad])
    assert [str(p) for p in result.problems] == ["Fails «Lietas.csv»: Fails ir tukšs (0 baitu)."]
    assert dump(db) == before


def test_a_strict_open_xml_workbook_is_refused_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel's "Strict Open XML Spreadsheet": not "no import sheets" with exit 0, but a sentence that says
    how to save it, exit 2, nothing written."""
    import zipfile

    from tests.test_import_support import valid_sheets, write_xlsx

    plain = write_xlsx(tmp_path / "plain.xlsx", valid_sheets())
    strict = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                text = text.replace(
                    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                    "http://purl.oclc.org/ooxml/spreadsheetml/main",
                ).replace(
                    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
                    "http://purl.oclc.org/ooxml/officeDocument/relationships",
                )
                data = text.encode("utf-8")
            out.writestr(info, data)
    db = tmp_path / "swdesk.sqlite"
    from swdesk.cli import main

    assert main(["--db", str(db), "import", str(strict)]) == 2
    assert "Strict Open XML Spreadsheet" in capsys.readouterr().out
    from swdesk.db.database import open_database, table_counts

    database = open_database(str(db), auto_backup=False)
    assert table_counts(database)["staff"] == 0
    database.close()
