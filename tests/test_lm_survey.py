"""Issue 12 items 2, 3 and 5: `swdesk lm survey` consolidates the 43 services' surveys.

The 43 files are made from three small demos under 43 municipalities (tests/lm_corpus.py), the last 13
mailed inside a zip. The national totals must equal what the services' own surveys say; a folder of hostile
files is handled file by file, with a Latvian reason for each refusal, and nothing of a refused file reaches
a total.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from swdesk.cli import main
from swdesk.lm.survey import consolidate_surveys
from tests.lm_corpus import SURVEY_DATE, Corpus, shared_corpus
from tests.office import needs_libreoffice, sheets_as_csv


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return shared_corpus(tmp_path_factory)


def test_43_surveys_add_up_to_what_the_services_computed(corpus: Corpus) -> None:
    began = time.perf_counter()
    c = consolidate_surveys(corpus.folder / "aptaujas", date=SURVEY_DATE)
    seconds = time.perf_counter() - began
    assert seconds < 5, f"43 surveys took {seconds:.1f} s"  # issue 12 item 5
    assert len(c.verdicts) == 43 and all(v.accepted for v in c.verdicts), [v.text for v in c.verdicts]
    assert c.missing == [] and len(c.municipalities) == 43
    assert sum(1 for v in c.verdicts if v.name.startswith("pasts.zip › ")) == 13
    surveys = corpus.surveys.values()
    assert c.totals["population"] == sum(s.service.population for s in surveys)
    assert c.totals["sds_fte"] == sum(s.service.sds_fte for s in surveys)
    assert c.totals["sds_headcount"] == sum(s.service.sds_headcount for s in surveys)
    assert c.totals["vacancies"] == sum(p.vacancies for s in surveys for p in s.positions.values())
    assert c.totals["below_scale"] == sum(p.below_scale or 0 for s in surveys for p in s.positions.values())
    assert c.totals["vacancies_long_open"] == sum(s.service.vacancies_long_open for s in surveys)
    for totals in c.position_totals:
        assert totals.headcount == sum(
            s.positions[totals.position].headcount for s in surveys if totals.position in s.positions
        )
    by_name = {m.municipality: m for m in c.municipalities}
    valka = corpus.surveys["Valkas novads"]
    assert by_name["Valkas novads"].residents_per_sds == valka.service.residents_per_sds
    assert by_name["Valkas novads"].region == "Vidzeme" and by_name["Rīga"].region == "Rīga"
    spread = c.spreads["residents_per_sds"]
    assert spread.count == 43 and spread.minimum <= spread.q1 <= spread.median <= spread.q3 <= spread.maximum


def test_the_command_writes_a_workbook_pandas_and_libreoffice_read_and_a_pdf(
    corpus: Corpus, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pandas as pd

    xlsx, pdf = tmp_path / "lm.xlsx", tmp_path / "lm.pdf"
    folder = str(corpus.folder / "aptaujas")
    assert (
        main(
            ["lm", "survey", folder, "--date", "01.02.2026", "--xlsx", str(xlsx), "--pdf", str(pdf), "--json"]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["municipalities"] == 43 and data["missing"] == []
    frame = pd.read_excel(xlsx, sheet_name="Dati")
    assert len(frame) == 43 * 14 and frame["headcount"].sum() == sum(
        p.headcount for s in corpus.surveys.values() for p in s.positions.values()
    )
    municipalities = pd.read_excel(xlsx, sheet_name="Pasvaldibas")
    assert len(municipalities) == 43 and municipalities["population"].sum() == data["totals"]["population"]
    assert set(municipalities["region"]) == {"Kurzeme", "Latgale", "Rīga", "Vidzeme", "Zemgale"}
    assert openpyxl.load_workbook(xlsx).sheetnames == [
        "Kopsavilkums",
        "Pašvaldības",
        "Faili",
        "Pasvaldibas",
        "Dati",
    ]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["lm", "survey", folder, "--date", "01.02.2026"]) == 0
    text = capsys.readouterr().out
    assert text.count(": pieņemts: ") == 43 and "NORAIDĪTS" not in text and "Aptauja pieņemta no visām 43 pašvaldībām." in text


@needs_libreoffice
def test_libreoffice_opens_the_consolidated_workbook(corpus: Corpus, tmp_path: Path) -> None:
    from swdesk.lm.documents import write_survey_consolidation_xlsx

    c = consolidate_surveys(corpus.folder / "aptaujas", date=SURVEY_DATE)
    sheets = sheets_as_csv(write_survey_consolidation_xlsx(c, tmp_path / "lm.xlsx"), tmp_path / "csv")
    assert len(sheets["Pasvaldibas"]) == 44 and sheets["Pasvaldibas"][0][1] == "municipality"


def test_last_year_gives_the_change_per_municipality(corpus: Corpus, tmp_path: Path) -> None:
    from swdesk.lm.documents import write_survey_consolidation_xlsx

    first = consolidate_surveys(corpus.folder / "aptaujas", date=SURVEY_DATE)
    previous = write_survey_consolidation_xlsx(first, tmp_path / "2025.xlsx")
    c = consolidate_surveys(corpus.folder / "aptaujas", date=SURVEY_DATE, previous=previous)
    assert len(c.changes) == 43 and all(
        ch.in_previous and ch.sds_fte == 0 and ch.vacancies == 0 for ch in c.changes
    )


def _edit(source: Path, target: Path, change) -> None:
    book = openpyxl.load_workbook(source)
    change(book)
    book.save(target)


def _set_data(book, *, column: str, value, where=lambda row: True) -> None:
    sheet = book["Dati"]
    header = [c.value for c in sheet[1]]
    for row in range(2, sheet.max_row + 1):
        record = {h: sheet.cell(row=row, column=i + 1).value for i, h in enumerate(header)}
        if where(record):
            sheet.cell(row=row, column=header.index(column) + 1).value = value


def test_a_folder_of_hostile_files_is_judged_file_by_file(corpus: Corpus, tmp_path: Path) -> None:
    folder = tmp_path / "pasts"
    folder.mkdir()
    source = sorted((corpus.folder / "aptaujas").glob("*.xlsx"))
    good = [shutil.copy(path, folder / path.name) for path in source[:3]]
    first_municipality = openpyxl.load_workbook(source[0])["Dati"]["D2"].value

    _edit(source[3], folder / "cits-datums.xlsx", lambda b: _set_data(b, column="date", value="2025-02-01"))
    _edit(
        source[4], folder / "nezinama.xlsx", lambda b: _set_data(b, column="municipality", value="Atlantīda")
    )
    _edit(
        source[5],
        folder / "summas.xlsx",
        lambda b: _set_data(b, column="value", value=99, where=lambda r: r["measure"] == "sds_headcount"),
    )
    _edit(
        source[6],
        folder / "formula.xlsx",
        lambda b: _set_data(b, column="value", value="=2+2", where=lambda r: r["measure"] == "population"),
    )
    _edit(source[7], folder / "v2.xlsx", lambda b: _set_data(b, column="format_version", value=2))
    (folder / "nogriezts.xlsx").write_bytes(source[8].read_bytes()[:5000])
    assert main(["template", str(folder / "veidne.xlsx")]) == 0
    shutil.copy(source[0], folder / "zz-dublikats.xlsx")  # the same municipality again, prepared the same day
    (folder / "bojats.zip").write_bytes(b"PK\x03\x04 not really a zip")
    with zipfile.ZipFile(folder / "bumba.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bumba.xlsx", b"\0" * (20 * 1024 * 1024))  # 20 MB of zeros: about 1000 : 1
        archive.writestr("../../izbeg.xlsx", source[9].read_bytes())  # a name that climbs out of the folder
        archive.writestr("iekšā.zip", b"PK")
    before = sorted(p.name for p in tmp_path.iterdir())
    stamps = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}

    c = consolidate_surveys(folder, date=SURVEY_DATE)

    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing written beside the folder
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamps  # nor into it
    verdicts = {v.name: v for v in c.verdicts}
    assert "aptaujas datums ir 01.02.2025, bet prasīts 01.02.2026" in verdicts["cits-datums.xlsx"].text
    assert "«Atlantīda» nav starp 43" in verdicts["nezinama.xlsx"].text
    assert "iekšējās summas nesakrīt: 2.3 speciālistu skaits 99" in verdicts["summas.xlsx"].text
    assert "formulas" in verdicts["formula.xlsx"].text
    assert "versija 2 ir jaunāka" in verdicts["v2.xlsx"].text
    assert verdicts["nogriezts.xlsx"].text.startswith("bojāts vai nedrošs fails")
    assert "nav swdesk aptaujas" in verdicts["veidne.xlsx"].text
    assert verdicts["bojats.zip"].text.startswith("bojāts zip arhīvs")
    assert "zip bumba" in verdicts["bumba.zip › bumba.xlsx"].text
    assert verdicts["bumba.zip › izbeg.xlsx"].accepted  # read from the private copy, under a name of ours
    assert "zip arhīvs zip arhīvā" in verdicts["bumba.zip › iekšā.zip"].text
    assert verdicts["zz-dublikats.xlsx"].accepted and "arī «" in verdicts["zz-dublikats.xlsx"].text
    assert not verdicts[good[0].name].accepted and "aizstāts" in verdicts[good[0].name].text
    accepted = {v.municipality for v in c.verdicts if v.accepted}
    assert first_municipality in accepted and len(accepted) == 4
    assert sorted(m.municipality for m in c.municipalities) == sorted(accepted)
    assert c.totals["population"] == sum(m.population for m in c.municipalities)
    assert len(c.missing) == 43 - 4


def test_an_empty_or_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = consolidate_surveys(tmp_path, date=dt.date(2026, 2, 1))
    assert c.verdicts == [] and len(c.missing) == 43 and c.totals["residents_per_sds"] is None
    assert main(["lm", "survey", str(tmp_path / "nav"), "--date", "01.02.2026"]) == 2
    assert "nav atrasta" in capsys.readouterr().err
    assert c.totals["sds_fte"] == Decimal(0)


HOSTILE_WORDS = (
    "bomb",
    "laughs",
    "xxe",
    "truncated",
    "encrypted",
    "password",
    "formula",
    "corrupt",
    "not-a-workbook",
    "renamed",
    "other-sheets",
    "empty",
)


def test_the_import_corpus_hostile_workbooks_each_get_a_reason(tmp_path: Path) -> None:
    """The import's hostile corpus (tests/hostile: zip bombs, billion laughs, external entities, truncated,
    encrypted and renamed files, formulas typed in), mailed loose and zipped: a Latvian reason for each file,
    none accepted, no crash."""
    from tests.hostile.corpus import CASES

    built, folder = tmp_path / "built", tmp_path / "pasts"
    folder.mkdir()
    cases = [
        c
        for c in CASES
        if not c.long and c.name.endswith(".xlsx") and any(w in c.name for w in HOSTILE_WORDS)
    ]
    assert len(cases) >= 25
    for number, case in enumerate(cases):
        (built / str(number)).mkdir(parents=True)
        for path in case.build(built / str(number)):
            if path.suffix == ".xlsx":
                shutil.copy(path, folder / f"{number:02d}-{path.name}")
    loose = sorted(folder.iterdir())
    with zipfile.ZipFile(folder / "pielikumi.zip", "w") as archive:
        for path in loose:
            archive.write(path, path.name)

    c = consolidate_surveys(folder, date=SURVEY_DATE)

    assert len(c.verdicts) == 2 * len(loose) and c.accepted == 0 and c.municipalities == []
    reasons = {v.name: v.message for v in c.verdicts}
    assert all(reasons.values())
    assert all(any(ch in text for ch in "āčēģīķļņšūž") for text in reasons.values()), reasons
    assert any("ZIP bumba" in text for text in reasons.values())
    # an import workbook with formulas is no survey at all (a survey with formulas: the test above)
    assert all("nav swdesk aptaujas" in text for name, text in reasons.items() if "formula" in name)


def test_a_reader_that_stops_reading_gets_no_traceback(corpus: Corpus) -> None:
    """`swdesk lm survey MAPE --json | head`: the pipe closes early; the command ends without a traceback."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    child = subprocess.Popen(
        [sys.executable, "-m", "swdesk", "lm", "survey", str(corpus.folder / "aptaujas"), "--date", "01.02.2026",
         "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # nobody reads what it prints
    err = child.stderr.read().decode("utf-8")
    child.stderr.close()
    assert child.wait(timeout=120) == 1
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
