"""`swdesk claim/survey --xlsx F --pdf F`: the command line writes the documents it is asked for."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import openpyxl
import pytest

from swdesk.cli import main
from swdesk.db.database import open_database
from swdesk.demo import generate_demo

TODAY = dt.date(2026, 3, 15)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(str(path), auto_backup=False)
    generate_demo(database, size="small", seed=11, today=TODAY)
    database.close()
    return str(path)


def test_claim_documents_match_the_json(demo_db: str, tmp_path, capsys) -> None:
    xlsx, pdf = tmp_path / "k.xlsx", tmp_path / "k.pdf"
    assert (
        main(["--db", demo_db, "claim", "--period", "2025", "--json", "--xlsx", str(xlsx), "--pdf", str(pdf)])
        == 0
    )
    captured = capsys.readouterr()
    data = json.loads(captured.out)  # stdout stays pure JSON; where the files went is on stderr
    assert f"Saglabāts: {xlsx}" in captured.err and f"Saglabāts: {pdf}" in captured.err
    numbers = [
        cell.value
        for sheet in openpyxl.load_workbook(xlsx).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, (int, float))
    ]
    assert data["rows"] and round(data["totals"]["compensation"], 2) in [round(n, 2) for n in numbers]
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        total = f"{data['totals']['compensation']:,.2f}".replace(",", " ").replace(".", ",")
        assert total in text.replace("\u00a0", " ")  # pdftotext may give the no-break space as a space


def test_survey_documents_are_written(demo_db: str, tmp_path) -> None:
    xlsx, pdf = tmp_path / "a.xlsx", tmp_path / "a.pdf"
    assert (
        main(["--db", demo_db, "survey", "--date", "01.02.2026", "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 0
    )
    book = openpyxl.load_workbook(xlsx)
    text = " ".join(str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value)
    assert "Valkas novada sociālais dienests" in text
    assert pdf.read_bytes().startswith(b"%PDF")


def test_check_claim_and_survey_on_the_small_demo_print_exactly_the_spec_keys(demo_db: str, capsys) -> None:
    assert main(["--db", demo_db, "check", "--year", "2025", "--json"]) == 0
    check = json.loads(capsys.readouterr().out)
    assert set(check) == {"year", "as_of", "findings"} and check["findings"]
    assert all(
        set(f) == {"rule", "severity", "subject", "value", "limit", "message"} for f in check["findings"]
    )

    assert main(["--db", demo_db, "claim", "--period", "2025-H2", "--json"]) == 0
    claim = json.loads(capsys.readouterr().out)
    assert set(claim) == {"period", "rate", "rows", "totals"} and claim["rows"]
    assert set(claim["period"]) == {"from", "to"} and set(claim["totals"]) == {
        "eligible_cost",
        "compensation",
    }
    row_keys = {
        "staff",
        "date",
        "kind",
        "minutes",
        "compensable_minutes",
        "cost",
        "eligible_cost",
        "compensation",
        "excluded",
    }
    assert all(set(r) == row_keys for r in claim["rows"])

    assert main(["--db", demo_db, "survey", "--date", "01.02.2026", "--json"]) == 0
    survey = json.loads(capsys.readouterr().out)
    assert set(survey) == {"date", "positions", "service", "previous_year"}
    assert all(
        set(p)
        == {
            "headcount",
            "fte",
            "vacancies",
            "vacancy_fte",
            "salary_min",
            "salary_mean",
            "salary_max",
            "below_scale",
            "education_noncompliant",
        }
        for p in survey["positions"].values()
    )
    assert set(survey["service"]) == {
        "population",
        "sds_headcount",
        "sds_fte",
        "residents_per_sds",
        "effective_residents_per_sds",
        "hires",
        "leavers",
    }
    assert set(survey["previous_year"]) == {
        "training_met_share",
        "supervision_met_share",
        "median_cases_social_workers",
        "median_cases_spo",
        "nonsw_hours",
        "nonsw_share",
        "top_nonsw_categories",
    }


def test_a_claim_without_the_service_details_says_what_is_missing_and_is_written(
    demo_db: str, tmp_path, capsys
) -> None:
    xlsx = tmp_path / "k.xlsx"
    assert main(["--db", demo_db, "claim", "--period", "2025-H1", "--xlsx", str(xlsx)]) == 0
    err = capsys.readouterr().err
    assert "Pieprasījuma galvenē nav norādīts: Reģistrācijas numurs" in err and "swdesk init --reg-nr" in err
    summary = openpyxl.load_workbook(xlsx)["Kopsavilkums"]
    labels = {summary.cell(row=r, column=1).value: summary.cell(row=r, column=2).value for r in range(1, 20)}
    assert labels["Bankas konts (IBAN)"] == "nav norādīts"


def test_documents_are_latvian_with_lang_en_and_english_only_as_an_explicit_copy(
    demo_db: str, tmp_path, capsys
) -> None:
    """Issue 16 item 6: what goes to LM is Latvian whatever the terminal's language."""
    claim_xlsx, claim_pdf = tmp_path / "k.xlsx", tmp_path / "k.pdf"
    survey_xlsx = tmp_path / "a.xlsx"
    assert (
        main(
            [
                "--db",
                demo_db,
                "--lang",
                "en",
                "claim",
                "--period",
                "2025-H1",
                "--xlsx",
                str(claim_xlsx),
                "--pdf",
                str(claim_pdf),
            ]
        )
        == 0
    )
    assert (
        main(["--db", demo_db, "--lang", "en", "survey", "--date", "01.02.2026", "--xlsx", str(survey_xlsx)])
        == 0
    )
    assert "Written:" in capsys.readouterr().err  # the person at the terminal reads English
    assert openpyxl.load_workbook(claim_xlsx).sheetnames == [
        "Kopsavilkums",
        "Pa darbiniekiem",
        "Notikumi",
        "Izslēgtie",
        "Dati",  # the machine-readable sheet LM reads back (issue 12)
    ]
    assert openpyxl.load_workbook(survey_xlsx).sheetnames == ["Aptauja", "Dati"]
    assert not (tmp_path / "k.en.xlsx").exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(claim_pdf), "-"], capture_output=True, text=True).stdout
        assert (
            "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai" in text and "Claim for" not in text
        )
    assert (
        main(["--db", demo_db, "claim", "--period", "2025-H1", "--xlsx", str(claim_xlsx), "--english-copy"])
        == 0
    )
    assert openpyxl.load_workbook(claim_xlsx).sheetnames[0] == "Kopsavilkums"
    assert openpyxl.load_workbook(tmp_path / "k.en.xlsx").sheetnames == [
        "Summary",
        "By person",
        "Events",
        "Excluded",
        "Dati",
    ]
