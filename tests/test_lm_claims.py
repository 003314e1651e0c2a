"""Issue 12 item 4: `swdesk lm claims` recomputes every claim from its own rows and lists what differs.

The 43 claims of the corpus (tests/lm_corpus.py) verify to what the services claimed; a few rows altered
by hand must be caught, each with both values and the reason, and the same person or invoice in two files
is flagged.
"""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from swdesk.cli import main
from swdesk.lm.claims import verify_claims
from swdesk.rules.periods import parse_period
from tests.lm_corpus import PERIOD, Corpus, shared_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return shared_corpus(tmp_path_factory)


def test_43_claims_verify_to_what_the_services_claimed(corpus: Corpus) -> None:
    v = verify_claims(corpus.folder / "pieprasijumi", period=parse_period(PERIOD))
    assert len(v.verdicts) == 43 and all(x.accepted for x in v.verdicts), [x.text for x in v.verdicts]
    assert v.differences == [] and v.duplicates == []
    assert v.claimed == v.verified == sum(c.totals.compensation for c in corpus.claims.values())
    assert len(v.municipalities) == 43
    valka = next(m for m in v.municipalities if m.municipality == "Valkas novads")
    assert valka.claimed == corpus.claims["Valkas novads"].totals.compensation


def _rows(book) -> tuple[list[str], list[dict]]:
    sheet = book["Dati"]
    header = [c.value for c in sheet[1]]
    return header, [
        {"_row": row, **{h: sheet.cell(row=row, column=i + 1).value for i, h in enumerate(header)}}
        for row in range(2, sheet.max_row + 1)
    ]


def _set(book, record: dict, column: str, value) -> None:
    header, _rows_ = _rows(book)
    book["Dati"].cell(row=record["_row"], column=header.index(column) + 1).value = value


def test_rows_altered_by_hand_are_caught_with_both_values_and_the_reason(
    corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "pasts"
    folder.mkdir()
    source = sorted((corpus.folder / "pieprasijumi").glob("*.xlsx"))
    book = openpyxl.load_workbook(source[0])
    _header, rows = _rows(book)
    included = [r for r in rows if r["excluded"] is None and r["compensation"]]
    excluded = next(r for r in rows if r["excluded"] == "no_invoice")
    raised = included[0]
    _set(book, raised, "compensation", float(Decimal(str(raised["compensation"])) + 10))
    minutes = included[1]
    _set(book, minutes, "compensable_minutes", minutes["compensable_minutes"] + 60)
    _set(book, excluded, "excluded", None)
    _set(book, excluded, "compensation", 25.0)
    book.save(folder / "labots.xlsx")
    shutil.copy(source[1], folder / "otrs.xlsx")
    shutil.copy(source[1], folder / "otrs-atkartoti.xlsx")  # the same claim mailed twice

    v = verify_claims(folder, period=parse_period(PERIOD))
    edited = next(x for x in v.verdicts if x.name == "labots.xlsx")
    assert edited.accepted and "labots pēc eksporta" in edited.text and "atšķiras 3 rindās" in edited.text
    found = {(d.file, d.row): d for d in v.differences}
    assert len(found) == 3
    d = found[("labots.xlsx", raised["row"])]
    assert d.field == "compensation" and d.claimed == Decimal(str(raised["compensation"])) + 10
    assert d.verified == Decimal(str(raised["compensation"])).quantize(Decimal("0.01"))
    assert "likme 0,50" in d.reason
    d = found[("labots.xlsx", minutes["row"])]
    assert d.field == "compensable_minutes" and d.verified == minutes["compensable_minutes"]
    assert "gada limits" in d.reason
    d = found[("labots.xlsx", excluded["row"])]
    assert d.field == "excluded" and d.claimed is None and d.verified == "no_invoice"
    assert "Nav rēķina numura vai izmaksu" in d.reason
    assert "pieprasīts nav izslēgts, pārbaudot «Nav rēķina numura vai izmaksu»" in d.text()
    kinds = {dup.kind for dup in v.duplicates}
    assert kinds == {"person", "invoice"}
    assert all(set(dup.files) == {"otrs.xlsx", "otrs-atkartoti.xlsx"} for dup in v.duplicates)
    labots = next(m for m in v.municipalities if m.files == ["labots.xlsx"])
    assert labots.claimed - labots.verified == Decimal("35.00") and labots.differing_rows == 3

    xlsx, pdf = tmp_path / "p.xlsx", tmp_path / "p.pdf"
    assert (
        main(
            [
                "lm",
                "claims",
                str(folder),
                "--period",
                PERIOD,
                "--xlsx",
                str(xlsx),
                "--pdf",
                str(pdf),
                "--json",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert len(data["differences"]) == 3 and data["totals"]["difference"] == 35.0
    workbook = openpyxl.load_workbook(xlsx)
    assert workbook.sheetnames == ["Kopsavilkums", "Atskiribas", "Dubulti", "Faili"]
    assert workbook["Atskiribas"].max_row == 3 + 3
    assert pdf.read_bytes().startswith(b"%PDF")


def test_another_rate_and_another_period(corpus: Corpus, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "pasts"
    folder.mkdir()
    shutil.copy(sorted((corpus.folder / "pieprasijumi").glob("*.xlsx"))[0], folder / "a.xlsx")
    v = verify_claims(folder, period=parse_period(PERIOD), rate=Decimal("0.70"))
    included = [d for d in v.differences if d.field == "compensation"]
    assert included and v.verified > v.claimed
    other = verify_claims(folder, period=parse_period("2025-H1"))
    assert "pieprasījuma periods ir 2025-H2, bet prasīts 2025-H1" in other.verdicts[0].text
    assert main(["lm", "claims", str(folder), "--period", PERIOD, "--rate", "7"]) == 2
    assert "Likmei jābūt" in capsys.readouterr().err
