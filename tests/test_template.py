"""The import workbook template (SPEC §5): what a user sees in it, and that it imports back as filled."""

# The fast `db` fixture is imported from the support module, so test arguments named `db` "redefine" it.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.importer.importer import import_workbook
from swdesk.importer.sheets import SHEETS
from swdesk.importer.template import write_template
from tests.test_import_support import (
    HEADERS,
    OLD_CODE,
    db,  # noqa: F401 - the fast `db` fixture, see test_import_support
    dump,
    migrated_database_file,  # noqa: F401
)

SHEET_ORDER = ["Instrukcija", *HEADERS, "Saraksti"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = write_template(tmp_path_factory.mktemp("template") / "veidne.xlsx")
    return openpyxl.load_workbook(path)


def test_sheets_in_order_instruction_first_lists_hidden(template: openpyxl.Workbook) -> None:
    assert template.sheetnames == SHEET_ORDER
    assert template.active.title == "Instrukcija"
    assert template["Saraksti"].sheet_state == "hidden"
    assert all(template[name].sheet_state == "visible" for name in SHEET_ORDER[:-1])


def test_headers_are_exactly_the_spec_headers_and_required_ones_stand_out(
    template: openpyxl.Workbook,
) -> None:
    for sheet in SHEETS:
        ws = template[sheet.name]
        assert [c.value for c in ws[1]] == HEADERS[sheet.name]
        assert ws.freeze_panes == "A2"
        for cell, column in zip(ws[1], sheet.columns, strict=True):
            assert cell.font.b
            assert cell.comment is not None and cell.comment.text
            assert cell.comment.text.startswith("Obligāta kolonna.") == column.required
        required_fills = {
            c.fill.fgColor.rgb for c, col in zip(ws[1], sheet.columns, strict=True) if col.required
        }
        optional_fills = {
            c.fill.fgColor.rgb for c, col in zip(ws[1], sheet.columns, strict=True) if not col.required
        }
        assert len(required_fills) == 1 and not required_fills & optional_fills
    staff = template["Darbinieki"]
    assert staff.column_dimensions["E"].width >= 30  # Amats: long position names


def _validations(ws) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Column letter → the list formula of its drop-down."""
    found = {}
    for validation in ws.data_validations.dataValidation:
        assert validation.type == "list"
        for cell_range in validation.sqref.ranges:
            assert cell_range.min_row == 2 and cell_range.max_row == 1_048_576
            found[cell_range.coord.split(":")[0].rstrip("0123456789")] = validation.formula1
    return found


def _list(template: openpyxl.Workbook, formula: str) -> list[str]:
    sheet, cells = formula.split("!")
    return [row[0].value for row in template[sheet][cells.replace("$", "")]]


def test_coded_columns_have_drop_down_lists_from_the_catalogues(template: openpyxl.Workbook) -> None:
    staff = _validations(template["Darbinieki"])
    assert set(staff) == {"E", "I"}  # Amats, Izglītība
    positions = _list(template, staff["E"])
    assert positions[:2] == ["Vecākais sociālais darbinieks", "Sociālais darbinieks"] and len(positions) == 14
    assert _list(template, staff["I"])[4] == "cita augstākā izglītība vai bez atbilstošas izglītības"

    criteria = _validations(template["Kritēriji"])
    assert _list(template, criteria["A"])[0] == "*"
    assert _list(template, criteria["C"]) == ["lietu skaits", "iesniegumu skaits", "apkalpoto personu skaits"]
    assert len(_list(template, _validations(template["Pienākumi"])["C"])) == 16
    assert "Sociālais darbs ar gadījumu" in _list(template, _validations(template["Lietas"])["C"])

    training = _validations(template["Apmācības"])
    assert set(training) == {"C", "D", "F", "I"}
    assert _list(template, training["C"]) == ["Apmācības", "Individuālā supervīzija", "Grupas supervīzija"]
    assert _list(template, training["D"]) == ["Klātiene", "Attālināti"]
    assert _list(template, training["F"]) == ["astronomiskās stundas", "akadēmiskās stundas", "minūtes"]
    assert _list(template, training["I"]) == ["jā", "nē"]


def test_date_columns_show_dates_and_code_columns_keep_leading_zeros(template: openpyxl.Workbook) -> None:
    staff = template["Darbinieki"]
    assert staff.column_dimensions["G"].number_format == "DD.MM.YYYY"  # Darba sākums
    assert staff.column_dimensions["H"].number_format == "DD.MM.YYYY"  # Darba beigas
    assert staff.column_dimensions["D"].number_format == "@"  # Personas kods
    assert staff.column_dimensions["A"].number_format == "@"  # Tabeles nr.
    assert template["Lietas"].column_dimensions["B"].number_format == "MM.YYYY"
    assert template["Apmācības"].column_dimensions["B"].number_format == "DD.MM.YYYY"


def test_the_instruction_explains_every_sheet_and_column_in_latvian(template: openpyxl.Workbook) -> None:
    rows = [[c for c in row] for row in template["Instrukcija"].iter_rows(values_only=True)]
    text = "\n".join(" | ".join(str(c) for c in row if c is not None) for row in rows)
    assert "Imports ir «viss vai nekas»" in text
    for sheet in SHEETS:
        assert any(row[0] == sheet.name for row in rows)
        for column in sheet.columns:
            assert any(row[0] == column.header and row[2] for row in rows), column.header
    assert "akadēmiskās stundas (1 = 45 min)" in text
    assert "Atslēga: Tabeles nr. + Mēnesis + Darba veids" in text


def test_each_sheets_section_of_the_instruction_describes_each_of_its_columns(
    template: openpyxl.Workbook,
) -> None:
    """Sheet by sheet, not anywhere in the instruction: Apmācības shares Tabeles nr. and Datums with other
    sheets, and its last three columns (Sertificēts supervizors, Izmaksas EUR, Rēķina nr.) were once left out."""
    rows = list(template["Instrukcija"].iter_rows(values_only=True))
    starts = [i for i, row in enumerate(rows) if row[0] in {s.name for s in SHEETS} and row[1] is None]
    assert [rows[i][0] for i in starts] == [s.name for s in SHEETS]
    for sheet, start, end in zip(SHEETS, starts, [*starts[1:], len(rows)], strict=True):
        described = [row[0] for row in rows[start:end] if row[1] in ("jā", "nē") and row[2]]
        assert described == [column.header for column in sheet.columns], sheet.name
        required = [row[0] for row in rows[start:end] if row[1] == "jā"]
        assert required == [column.header for column in sheet.columns if column.required], sheet.name
    assert described[-3:] == ["Sertificēts supervizors", "Izmaksas EUR", "Rēķina nr."]


def test_the_instruction_says_a_months_duty_total_may_be_entered_and_its_limit(
    template: openpyxl.Workbook,
) -> None:
    rows = list(template["Instrukcija"].iter_rows(values_only=True))
    sheet_row = next(row for row in rows if row[0] == "Pienākumi")
    assert "Mēneša kopsummu (piem. martā 40 h pārtikas paku izdalei) var ierakstīt vienā rindā" in sheet_row[2]
    assert "nedrīkst pārsniegt mēneša darba laiku pēc slodzes: darba dienas × 8 h × slodze" in sheet_row[2]
    start = rows.index(sheet_row)
    hints = {row[0]: row[2] for row in rows[start : start + 8] if row[0]}
    assert "mēneša kopsummai — jebkurš šā mēneša datums" in hints["Datums"]
    assert "mēneša kopsumma, piem. 40" in hints["Stundas"] and "24" not in hints["Stundas"]
    stundas = template["Pienākumi"]["D1"]
    assert stundas.value == "Stundas" and "darba dienas × 8 h × slodze" in stundas.comment.text


def test_a_template_with_monthly_duty_totals_imports(db: Database, tmp_path: Path) -> None:
    path = write_template(tmp_path / "veidne.xlsx")
    workbook = openpyxl.load_workbook(path)
    workbook["Darbinieki"].append(
        ["0042", "Anna", "Bērziņa", None, "Sociālais darbinieks", 1, dt.datetime(2020, 3, 1), None, "E3", 1450]
    )
    for day, hours in ((dt.datetime(2025, 3, 1), 40), (dt.datetime(2025, 4, 30), 80), (dt.datetime(2025, 5, 15), 100)):
        workbook["Pienākumi"].append(["0042", day, "Pārtikas paku izdale", hours, "Mēneša kopsumma"])
    workbook.save(path)
    result = import_workbook(db, path)
    assert result.problems == [] and result.counts["Pienākumi"].added == 3
    with db.read() as s:
        assert sorted(s.scalars(select(m.Duty.hours))) == [Decimal(40), Decimal(80), Decimal(100)]


def test_the_template_follows_the_databases_catalogues(db: Database, tmp_path: Path) -> None:
    with db.write() as s:
        s.get(m.Position, "CITS").name = "Sociālais pedagogs"
    with db.read() as s:
        path = write_template(tmp_path / "t.xlsx", session=s)
    workbook = openpyxl.load_workbook(path)
    assert "Sociālais pedagogs" in _list(workbook, _validations(workbook["Darbinieki"])["E"])
    ws = workbook["Darbinieki"]
    ws.append(
        ["7", "Ilze", "Liepa", None, "Sociālais pedagogs", 1, dt.datetime(2024, 1, 1), None, "E5", 1200]
    )
    workbook.save(path)
    assert import_workbook(db, path).ok
    with db.read() as s:
        assert s.scalars(select(m.Staff.position_code).where(m.Staff.tabeles_nr == "7")).one() == "CITS"


def test_cli_template_then_import_writes_nothing(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "t.xlsx"
    before = dump(db)
    assert main(["--db", str(db_path), "template", str(out)]) == 0
    assert main(["--db", str(db_path), "import", str(out)]) == 0
    printed = capsys.readouterr()
    assert "Importa veidne saglabāta" in printed.out
    assert "Lapās nav datu rindu; nekas netika ierakstīts." in printed.out
    assert printed.err == ""  # no warning about Instrukcija or Saraksti
    assert dump(db) == before


def test_cli_template_does_not_overwrite_a_file(db_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore
    out = tmp_path / "dati.xlsx"
    out.write_bytes(b"filled in by hand")
    assert main(["--db", str(db_path), "template", str(out)]) == 2
    assert "jau ir; lai to pārrakstītu, pievienojiet --force" in capsys.readouterr().err
    assert out.read_bytes() == b"filled in by hand"
    assert main(["--db", str(db_path), "template", str(out), "--force"]) == 0
    assert openpyxl.load_workbook(out).sheetnames == SHEET_ORDER
    assert main(["--db", str(db_path), "template", str(tmp_path / "t.xls")]) == 2


def _fill_as_a_user(path: Path) -> None:
    """Fill the template as a head would in Excel: names from the drop-downs, dates as dates, a formula."""
    workbook = openpyxl.load_workbook(path)
    workbook["Iedzīvotāji"].append([2025, 14850])
    staff = workbook["Darbinieki"]
    staff.append(
        [
            "0042",
            "Anna",
            "Bērziņa",
            OLD_CODE,
            "Sociālais darbinieks",
            1,
            dt.datetime(2020, 3, 1),
            None,
            "otrā līmeņa augstākā (profesionālā) izglītība sociālajā darbā",
            1450.5,
            "Centrs",
            None,
        ]
    )
    staff.append(
        [
            "0043",
            "Jānis",
            "Ozols",
            None,
            "Sociālais aprūpētājs",
            0.5,
            dt.datetime(2023, 9, 1),
            dt.datetime(2025, 6, 30),
            "E4",
            "=1000+100",
            None,
            None,
        ]
    )
    workbook["Vakances"].append(["Sociālais darbinieks", 1, dt.datetime(2025, 1, 15), None, "NVA"])
    workbook["Kritēriji"].append(["*", "Sociālais darbs ar gadījumu", "lietu skaits", 25, None])
    workbook["Lietas"].append(
        ["0042", dt.datetime(2025, 1, 1), "Sociālais darbs ar gadījumu", 20, None, None]
    )
    workbook["Pienākumi"].append(
        ["0042", dt.datetime(2025, 2, 5), "Administratīvie pienākumi, lietvedība", 1.5, "Lietvedība"]
    )
    workbook["Apmācības"].append(
        [
            "0042",
            dt.datetime(2025, 3, 20),
            "Individuālā supervīzija",
            "Attālināti",
            2,
            "akadēmiskās stundas",
            None,
            "I. Supervizore",
            "jā",
            55.5,
            "R-2",
        ]
    )
    workbook.save(path)


def _check_filled(database: Database) -> None:
    with database.read() as s:
        staff = {p.tabeles_nr: p for p in s.scalars(select(m.Staff))}
        assert set(staff) == {"0042", "0043"}  # text cells keep the leading zeros
        assert (staff["0042"].position_code, staff["0042"].education_code) == ("SD", "E3")
        assert staff["0043"].salary == Decimal(1100)  # the formula's result
        assert staff["0043"].end == dt.date(2025, 6, 30)
        event = s.scalars(select(m.TrainingEvent)).one()
        assert (event.kind, event.form, event.minutes, event.certified_supervisor) == (
            "supervision_individual",
            "remote",
            90,
            True,
        )
        assert s.scalars(select(m.Duty.category_code)).one() == "NS_ADMIN"


def test_a_filled_template_imports_once_and_then_changes_nothing(db: Database, tmp_path: Path) -> None:
    path = write_template(tmp_path / "t.xlsx")
    _fill_as_a_user(path)
    # openpyxl stores no formula results, so give the formula's cell its value as Excel would show it
    workbook = openpyxl.load_workbook(path)
    workbook["Darbinieki"]["J3"] = 1100
    workbook.save(path)

    first = import_workbook(db, path)
    assert first.problems == [] and first.warnings == [] and first.totals.added == 8
    _check_filled(db)
    assert import_workbook(db, path).totals.changed == 0


LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice is not installed")
def test_a_template_filled_and_saved_by_libreoffice_imports(db: Database, tmp_path: Path) -> None:
    source = tmp_path / "src" / "veidne.xlsx"
    source.parent.mkdir()
    write_template(source)
    _fill_as_a_user(source)
    converted = tmp_path / "out"
    profile = tmp_path / "lo-profile"  # a private profile: no clash with a running LibreOffice
    subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(converted),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    result = import_workbook(db, converted / "veidne.xlsx")
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.warnings == []
    _check_filled(db)  # LibreOffice computed and stored the formula's result


def test_a_wrapped_instruction_has_the_height_of_its_lines(template: openpyxl.Workbook) -> None:
    """Spreadsheets (LibreOffice always) keep a row at one line's height, so a second line of a hint was drawn
    over the next row: "minūtēm." over "Tēma"."""
    sheet = template["Instrukcija"]
    rows = {(row[0].value, row[2].value[:20] if row[2].value else None): row[0].row for row in sheet.iter_rows()}
    vieniba = next(number for (name, _hint), number in rows.items() if name == "Vienība")
    assert sheet.row_dimensions[vieniba].height >= 30  # two lines
    assert sheet.cell(row=vieniba, column=1).alignment.vertical == "top"
    duties = next(number for (name, _hint), number in rows.items() if name == "Pienākumi")
    assert sheet.row_dimensions[duties].height >= 60  # the long Pienākumi description
    tema = next(number for (name, _hint), number in rows.items() if name == "Tēma")
    assert sheet.row_dimensions[tema].height in (None, 15)  # one line stays one line
