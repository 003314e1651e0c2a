"""Issue 16, done when: the small and Rīga demos' documents, made by the command line as a head makes them,
add up and lie the same way — every numeric column of each claim data sheet sums to the claim's own total
(in pandas, openpyxl and LibreOffice), and two services' surveys have the same row for every position and
the same cell for every figure.

The Rīga demo (over 800 staff, 5 years; about half a minute) runs with ``SWDESK_SLOW=1``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import openpyxl
import pytest

from swdesk.cli import main
from tests.office import needs_libreoffice, number, sheets_as_csv
from tests.test_claim_docs import check_columns_add_up
from tests.test_export_toolkit import needs_poppler, pdf_text, render_every_page
from tests.test_survey_docs import layout

DETAILS = [
    "--reg-nr", "90000012345",
    "--address", "Rīgas iela 22, Valka, LV-4701",
    "--contact", "Dace Respondente",
    "--phone", "+371 64722222",
    "--email", "dace@valka.lv",
    "--agreement", "4.3.5.4/1/24/I/001",
    "--iban", "LV80BANK0000435195001",
]  # fmt: skip


def make_documents(folder: Path, size: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Path]:
    """``swdesk demo`` on a new database, the service's details, then the claims of 2025 and 2025-H2, the
    survey and the council report, each with the command a head types."""
    db = ["--db", str(folder / "demo.sqlite")]
    assert main([*db, "demo", "--size", size, "--seed", "2026"]) == 0
    assert main([*db, "init", *DETAILS]) == 0
    capsys.readouterr()  # what demo and init said
    files = {}
    for period in ("2025", "2025-H2"):
        files[f"claim {period}"] = folder / f"claim-{period}.xlsx"
        files[f"claim {period} pdf"] = folder / f"claim-{period}.pdf"
        command = ["claim", "--period", period, "--json", "--xlsx", str(files[f"claim {period}"])]
        assert main([*db, *command, "--pdf", str(files[f"claim {period} pdf"])]) == 0
        (folder / f"claim-{period}.json").write_text(capsys.readouterr().out, "utf-8")
    files["survey"], files["survey pdf"] = folder / "survey.xlsx", folder / "survey.pdf"
    command = [
        "survey",
        "--date",
        "01.02.2026",
        "--xlsx",
        str(files["survey"]),
        "--pdf",
        str(files["survey pdf"]),
    ]
    assert main([*db, *command]) == 0
    files["report"] = folder / "report.pdf"
    assert main([*db, "report", "--year", "2025", "--pdf", str(files["report"])]) == 0
    capsys.readouterr()
    return files


def check_claims(folder: Path, files: dict[str, Path]) -> None:
    for period in ("2025", "2025-H2"):
        data = json.loads((folder / f"claim-{period}.json").read_text("utf-8"))
        path = files[f"claim {period}"]
        check_columns_add_up(path, data)
        # the same plain sum through openpyxl's reading of the cells
        workbook = openpyxl.load_workbook(path, read_only=True)
        rows = list(workbook["Notikumi"].iter_rows(values_only=True))
        workbook.close()  # a read-only workbook keeps its file open until closed
        column = rows[0].index("Kompensācija, EUR")
        assert round(sum(row[column] for row in rows[1:]), 2) == data["totals"]["compensation"]
        assert all(isinstance(row[0], int) for row in rows[1:])  # every row an event, numbered


def test_small_demo_documents_add_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = make_documents(tmp_path, "small", capsys)
    check_claims(tmp_path, files)


@needs_libreoffice
@needs_poppler
def test_small_demo_documents_open_whole_in_libreoffice_and_render(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.office import convert

    files = make_documents(tmp_path, "small", capsys)
    data = json.loads((tmp_path / "claim-2025.json").read_text("utf-8"))
    sheets = sheets_as_csv(files["claim 2025"], tmp_path / "csv")
    header, *body = [row for row in sheets["Notikumi"] if any(row)]
    column = header.index("Kompensācija, EUR")
    assert round(sum(number(row[column]) for row in body), 2) == data["totals"]["compensation"]
    for key, words in (
        ("claim 2025", ("Pieprasījuma numurs", "KP/2025/90000012345", "Kopā pieprasīts", "Apliecinu, ka")),
        ("survey", ("Respondents (kontaktpersona)", "Dace Respondente", "Struktūrvienības vadītājs")),
    ):
        (printed,) = convert(files[key], "pdf", tmp_path / key.replace(" ", "-"))
        first = " ".join(pdf_text(printed, page=1).split())
        for word in words:
            assert word in first, (key, word)
    for key in ("claim 2025 pdf", "survey pdf", "report"):
        assert render_every_page(files[key], tmp_path) >= 1


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("SWDESK_SLOW") != "1", reason="set SWDESK_SLOW=1 to run the Rīga demo")
@needs_poppler
def test_riga_and_small_documents_add_up_and_surveys_lie_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "small").mkdir()
    (tmp_path / "riga").mkdir()
    small = make_documents(tmp_path / "small", "small", capsys)
    riga = make_documents(tmp_path / "riga", "riga", capsys)
    check_claims(tmp_path / "riga", riga)
    assert layout(small["survey"]) == layout(riga["survey"])
    first = " ".join(pdf_text(riga["claim 2025 pdf"], page=1).split())
    assert "Kopā pieprasīts" in first and "paraksts" in first
    assert render_every_page(riga["survey pdf"], tmp_path) <= 2
