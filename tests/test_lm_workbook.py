"""Issue 12 item 1: the survey and claim workbooks carry a ``Dati`` sheet that reads back exactly.

Reading a workbook back gives exactly the JSON the service's ``--json`` printed (small demo here, the Rīga
demo with ``SWDESK_SLOW=1``); a hand-edited workbook is still read but said to be "labots pēc eksporta"
with what differs; a file that is not one, is damaged, of another format version or holds formulas is a
Latvian reason, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest

from swdesk.cli import main
from swdesk.db.database import open_database
from swdesk.demo import generate_demo
from swdesk.export import dati
from swdesk.lm.workbook import Refused, document_json, read_workbook

TODAY = dt.date(2026, 3, 15)


def _documents(folder: Path, db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    files = {}
    for name, command in (
        ("survey", ["survey", "--date", "01.02.2026"]),
        ("claim", ["claim", "--period", "2025-H2"]),
        ("claim_year", ["claim", "--period", "2025"]),
    ):
        files[name] = folder / f"{name}.xlsx"
        assert main(["--db", db, *command, "--json", "--xlsx", str(files[name])]) == 0
        files[f"{name}.json"] = folder / f"{name}.json"
        files[f"{name}.json"].write_text(capsys.readouterr().out, "utf-8")
    return files


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("lm-small")
    path = folder / "demo.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="small", seed=11, today=TODAY)
    database.close()
    return folder, str(path)


@pytest.fixture
def files(small: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    return _documents(tmp_path, small[1], capsys)


def _printed(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_reading_a_workbook_back_gives_exactly_the_json_the_service_printed(files: dict[str, Path]) -> None:
    for name in ("survey", "claim", "claim_year"):
        document = read_workbook(files[name])
        assert not document.edited, document.edit_note()
        assert _printed(document_json(document)) == files[f"{name}.json"].read_text("utf-8"), name
    survey = read_workbook(files["survey"])
    assert survey.kind == "survey" and survey.municipality == "Valkas novads"
    assert survey.meta["date"] == "2026-02-01" and survey.meta["format_version"] == dati.FORMAT_VERSION


@pytest.mark.skipif(os.environ.get("SWDESK_SLOW") != "1", reason="set SWDESK_SLOW=1 to run the Rīga demo")
def test_the_riga_demo_reads_back_exactly_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "riga.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="riga", seed=2026, today=TODAY)
    database.close()
    files = _documents(tmp_path, str(path), capsys)
    for name in ("survey", "claim", "claim_year"):
        document = read_workbook(files[name])
        assert not document.edited
        assert _printed(document_json(document)) == files[f"{name}.json"].read_text("utf-8"), name


def test_the_data_sheet_is_tidy_and_its_checksum_is_as_documented(files: dict[str, Path]) -> None:
    """What README tells an analyst without swdesk: one header row, numbers as numbers, ISO dates as text,
    and the SHA-256 of the rows' JSON arrays (the cells' shortest decimal or text, empty as null)."""
    import pandas as pd

    for name in ("survey", "claim"):
        book = openpyxl.load_workbook(files[name])
        assert book.sheetnames[-1] == "Dati"
        rows = [list(row) for row in book["Dati"].iter_rows(values_only=True)]
        header, body = rows[0], rows[1:]
        assert header[-1] == "checksum" and len({row[-1] for row in body}) == 1

        def cell(value: object) -> str | None:
            if value is None:
                return None
            if isinstance(value, (int, float)):
                text = f"{value:.10f}".rstrip("0").rstrip(".")
                return "0" if text in ("-0", "") else text
            return str(value)

        lines = [json.dumps(header[:-1], ensure_ascii=False, separators=(",", ":"))]
        lines += [
            json.dumps([cell(v) for v in row[:-1]], ensure_ascii=False, separators=(",", ":")) for row in body
        ]
        assert hashlib.sha256("\n".join(lines).encode()).hexdigest() == body[0][-1]
        frame = pd.read_excel(files[name], sheet_name="Dati", dtype={"staff": str, "atvk": str})
        assert list(frame.columns) == header and len(frame) == len(body)
        if name == "survey":
            assert frame["value"].dtype.kind == "f" and set(frame["date"]) == {"2026-02-01"}
            # the SDS figures of the form add up in the long table as they do in the form
            sds = frame[
                (frame["measure"] == "headcount")
                & frame["position"].isin(["SD_VEC", "SD", "SD_JAUN", "SPO", "SAPR", "SREH"])
            ]["value"].sum()
            service = frame[frame["measure"] == "sds_headcount"]["value"].iloc[0]
            assert sds == service
        else:
            claimed = frame[frame["excluded"].isna()]
            assert (
                round(claimed["compensation"].sum(), 2)
                == json.loads(files["claim.json"].read_text("utf-8"))["totals"]["compensation"]
            )
            assert frame["staff"].str.fullmatch(r"\d{4}").all()


def test_the_survey_data_sheet_names_nobody(small: tuple[Path, str], files: dict[str, Path]) -> None:
    from sqlalchemy import select

    from swdesk.db import models as m

    database = open_database(small[1], auto_backup=False)
    with database.read() as session:
        people = session.execute(select(m.Staff.first_name, m.Staff.last_name, m.Staff.tabeles_nr)).all()
    database.close()
    words = {w for person in people for w in person} - {None}
    cells = {
        str(v)
        for row in openpyxl.load_workbook(files["survey"])["Dati"].iter_rows(values_only=True)
        for v in row
        if v is not None
    }
    assert words and not (words & cells)
    assert not any(word in cell for word in words if len(word) > 4 for cell in cells)


def _edit(source: Path, target: Path, change) -> Path:
    book = openpyxl.load_workbook(source)
    change(book)
    book.save(target)
    return target


def test_a_workbook_edited_after_export_is_read_and_says_what_differs(
    files: dict[str, Path], tmp_path: Path
) -> None:
    def visible(book) -> None:
        for row in book["Aptauja"].iter_rows():
            if row[0].value == "SD":
                row[4].value = 99  # Darbinieki of SD
            if row[0].value == "2.1":
                row[2].value = 1  # population

    edited = read_workbook(_edit(files["survey"], tmp_path / "v.xlsx", visible))
    note = edited.edit_note()
    assert edited.checksum_ok and note.startswith("labots pēc eksporta: ")
    assert "SD «headcount»" in note and "redzamajā lapā 99" in note and "2.1 «population»" in note
    # the figures used are those of Dati, as exported
    assert document_json(edited) == json.loads(files["survey.json"].read_text("utf-8"))

    def data(book) -> None:
        sheet = book["Dati"]
        header = [c.value for c in sheet[1]]
        sheet.cell(row=2, column=header.index("value") + 1).value = 42

    edited = read_workbook(_edit(files["survey"], tmp_path / "d.xlsx", data))
    assert not edited.checksum_ok
    assert "kontrolsumma nesakrīt" in edited.edit_note()
    assert "«headcount»: lapā «Dati» 42" in edited.edit_note()

    def claim(book) -> None:
        sheet = book["Notikumi"]
        sheet.cell(row=2, column=18).value = 999.99  # the compensation of the first event claimed

    edited = read_workbook(_edit(files["claim"], tmp_path / "c.xlsx", claim))
    assert "«compensation»" in edited.edit_note() and "redzamajā lapā 999,99" in edited.edit_note()


def _refusal(path: Path) -> str:
    with pytest.raises(Refused) as caught:
        read_workbook(path)
    return str(caught.value)


def test_what_cannot_be_read_is_a_latvian_reason(files: dict[str, Path], tmp_path: Path) -> None:
    template = tmp_path / "veidne.xlsx"
    assert main(["template", str(template)]) == 0
    assert "nav swdesk aptaujas vai pieprasījuma darbgrāmata" in _refusal(template)

    truncated = tmp_path / "cut.xlsx"
    truncated.write_bytes(files["survey"].read_bytes()[:3000])
    assert _refusal(truncated).startswith("bojāts vai nedrošs fails")

    text = tmp_path / "letter.xlsx"
    text.write_text("Labdien!", "utf-8")
    assert _refusal(text).startswith("bojāts vai nedrošs fails")

    def drop(book) -> None:
        del book["Dati"]

    assert "vecāku swdesk versiju" in _refusal(_edit(files["survey"], tmp_path / "old.xlsx", drop))

    for version, words in ((0, "ir vecāka"), (2, "ir jaunāka")):

        def older(book, version=version) -> None:
            sheet = book["Dati"]
            for row in range(2, sheet.max_row + 1):
                sheet.cell(row=row, column=2).value = version

        assert words in _refusal(_edit(files["survey"], tmp_path / f"v{version}.xlsx", older))

    def formula(book) -> None:
        book["Dati"].cell(row=2, column=12).value = "=1+41"

    assert "formulas" in _refusal(_edit(files["survey"], tmp_path / "f.xlsx", formula))


def test_the_visible_sheets_are_unchanged_and_dati_comes_last(files: dict[str, Path]) -> None:
    assert openpyxl.load_workbook(files["survey"]).sheetnames == ["Aptauja", "Dati"]
    assert openpyxl.load_workbook(files["claim"]).sheetnames == [
        "Kopsavilkums",
        "Pa darbiniekiem",
        "Notikumi",
        "Izslēgtie",
        "Dati",
    ]
    shutil.copy(files["claim"], files["claim"].with_suffix(".copy.xlsx"))  # a copy reads as the same claim
    assert not read_workbook(files["claim"].with_suffix(".copy.xlsx")).edited
