"""The claim workbook and PDF (issue 4 item 1, issue 16) against the JSON of the same claim (SPEC §3, §6),
read as an LM official reads them: sums of columns, the header, the first page, in pandas, openpyxl,
LibreOffice and on paper."""

from __future__ import annotations

import datetime as dt
import random
import re
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.export.claim_docs import (
    EXCLUDED_COLUMNS,
    NOT_ADDITIVE,
    PEOPLE_COLUMNS,
    ROW_COLUMNS,
    claim_number,
    columns_of,
    hm_text,
    write_claim_pdf,
    write_claim_xlsx,
)
from swdesk.export.common import money_text
from swdesk.rules.claim import Claim, ClaimEvent, ClaimInput, build_claim, compute_claim, reason_text, to_json
from swdesk.rules.periods import parse_period
from swdesk.service_record import ServiceDetails, ServiceRecord, save_service_details
from swdesk.settings import Settings
from tests.office import needs_libreoffice, number, sheets_as_csv
from tests.test_export_toolkit import needs_poppler, pdf_pages, pdf_text, render_every_page, sheet_xml

PREPARED = dt.date(2025, 7, 10)
NASTY_FIRST = '=HYPERLINK("http://x","y")'
NASTY_LAST = "-1+2"
NASTY_PROVIDER = "=cmd|' /C calc'!A0"
NASTY_INVOICE = "@SUM(A1)"
NASTY_TOPIC = "+Gadījuma vadīšana"

SERVICE = ServiceRecord(
    name="Ādažu novada Sociālais dienests",
    municipality="Ādažu novads",
    head_name="Ilze Kalniņa",
    details=ServiceDetails(
        registration_number="90000012345",
        address="Gaujas iela 33A, Ādaži, LV-2164",
        contact_name="Anna Liepa",
        contact_phone="+371 67997350",
        contact_email="anna.liepa@adazi.lv",
        agreement_number="4.3.5.4/1/24/I/001",
        bank_account="LV80BANK0000435195001",
    ),
    atvk=None,
)

# code → (name, claim-eligible, training hours)
POSITIONS = {
    "SD": ("Sociālais darbinieks", True, 24),
    "SPO": ("Sociālās palīdzības organizators", True, 16),
    "GA": ("Ģimenes asistents / sociālais mentors", False, None),
}
PEOPLE = [
    ("T1", "Līga", "Bērziņa", "SD"),
    ("T2", NASTY_FIRST, NASTY_LAST, "SPO"),
    ("T3", "Ēriks", "Ķēniņš", "SD"),
    ("T4", "Žanna", "Čakste", "GA"),
    ("007", "Ņina", "Šņore", "SPO"),
]


def _event(i: int, nr: str, first: str, last: str, code: str, **fields: Any) -> ClaimEvent:
    name, eligible, hours = POSITIONS[code]
    return ClaimEvent(
        event_id=i,
        tabeles_nr=nr,
        first_name=first,
        last_name=last,
        position_code=code,
        position_name=name,
        claim_eligible=eligible,
        training_hours=hours,
        **fields,
    )


def make_events(count: int, *, seed: int = 1, year: int = 2025) -> list[ClaimEvent]:
    """``count`` events of a year's first half with every exclusion reason, capped costs and nasty names,
    plus Līga Bērziņa (SD, 24 h a year) training 4 × 500 min: the third crosses the cap, the fourth is over."""
    rnd = random.Random(seed)
    events = []
    for i in range(count):
        nr, first, last, code = (
            PEOPLE[i % len(PEOPLE)] if i < 40 else (f"N{i % 37}", "Anna", f"Ozoliņa {i % 37}", "SD")
        )
        events.append(
            _event(
                i + 1,
                nr,
                first,
                last,
                code,
                date=dt.date(year, 1, 1) + dt.timedelta(days=rnd.randrange(181)),
                kind=rnd.choice(["training", "supervision_individual", "supervision_group"]),
                form=rnd.choice(["in_person", "remote"]),
                minutes=rnd.choice([45, 50, 60, 90, 180, 480]),
                cost=rnd.choice([None, Decimal("35.50"), Decimal("120.00"), Decimal("18.00")]),
                invoice=rnd.choice([None, "R-2025/17", NASTY_INVOICE]),
                certified_supervisor=rnd.choice([True, True, False, None]),
                provider=rnd.choice(["Biedrība «Āre»", NASTY_PROVIDER, None]),
                topic=rnd.choice(["Gadījuma vadīšana", NASTY_TOPIC]),
            )
        )
    for j, month in enumerate((2, 3, 4, 5)):
        events.append(
            _event(
                count + j + 1,
                "T1",
                "Līga",
                "Bērziņa",
                "SD",
                date=dt.date(year, month, 20),
                kind="training",
                form="in_person",
                minutes=500,
                cost=Decimal("100.00"),
                invoice=f"K-{j}",
                certified_supervisor=None,
                provider="Mācību centrs",
                topic="Kursi",
            )
        )
    return events


def make_claim(
    count: int, *, seed: int = 1, period: str = "2025-H1", service: ServiceRecord = SERVICE
) -> Claim:
    inputs = ClaimInput(
        events=tuple(make_events(count, seed=seed)),
        service_name=service.name,
        municipality=service.municipality,
        head_name=service.head_name,
        service=service,
    )
    return compute_claim(inputs, period=parse_period(period), settings=Settings.defaults())


@pytest.fixture(scope="module")
def claim() -> Claim:
    return make_claim(60)


@pytest.fixture(scope="module")
def claim_files(claim: Claim, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("claim")
    return (
        write_claim_xlsx(claim, folder / "Kompensacija.xlsx", prepared=PREPARED),
        write_claim_pdf(claim, folder / "Kompensacija.pdf", prepared=PREPARED),
    )


def _hours(minutes: int) -> float:
    return minutes / 60


def sheet_frame(path: Path, sheet: str) -> pd.DataFrame:
    """A data sheet as pandas reads it with no cleaning (employee numbers kept as text)."""
    return pd.read_excel(path, sheet_name=sheet, dtype={"Tabeles nr.": str})


def summary_totals(path: Path) -> dict[str, dict[str, Any]]:
    """The totals rows of the summary sheet by their label, each as header → value of its table."""
    ws = openpyxl.load_workbook(path)["Kopsavilkums"]
    totals: dict[str, dict[str, Any]] = {}
    header: list[Any] = []
    for row in ws.iter_rows(values_only=True):
        if row and row[0] in ("Veids", "Izslēgšanas iemesls"):
            header = list(row)
        elif row and row[0] in ("Kopā pieprasīts", "Kopā izslēgts"):
            totals[row[0]] = {h: v for h, v in zip(header, row, strict=False) if h}
    return totals


def check_columns_add_up(path: Path, data: dict[str, Any]) -> None:
    """Issue 16, done when: every numeric column of each data sheet sums to the document's own total.

    The events sheet and the per-person sheet sum to the summary's "Kopā pieprasīts", the excluded sheet to
    "Kopā izslēgts"; the compensation column also to the JSON total (what LM pays).
    """
    totals = summary_totals(path)
    claimed, excluded = totals["Kopā pieprasīts"], totals["Kopā izslēgts"]
    not_additive = {c.header for c in columns_of(PEOPLE_COLUMNS) if c.header in _headers(NOT_ADDITIVE)}
    not_additive.add("Nr.")
    checked = 0
    for sheet, total in (("Notikumi", claimed), ("Izslēgtie", excluded), ("Pa darbiniekiem", claimed)):
        frame = sheet_frame(path, sheet)
        numeric = [
            c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c]) and c not in not_additive
        ]
        assert numeric, sheet
        for column in numeric:
            expected = total.get(column)
            if column == "Izslēgtie notikumi":
                expected = excluded["Izslēgtie notikumi"]
            assert expected is not None, (sheet, column)
            assert float(frame[column].sum()) == pytest.approx(float(expected), abs=1e-6), (sheet, column)
            checked += 1
        if sheet != "Pa darbiniekiem":
            events = "Pieprasītie notikumi" if sheet == "Notikumi" else "Izslēgtie notikumi"
            assert len(frame) == total[events], sheet
    assert checked >= 15
    compensation = sheet_frame(path, "Notikumi")["Kompensācija, EUR"].sum()
    assert round(float(compensation), 2) == data["totals"]["compensation"]
    eligible = sheet_frame(path, "Notikumi")["Attiecināmās izmaksas, EUR"].sum()
    assert round(float(eligible), 2) == data["totals"]["eligible_cost"]


def _headers(keys: tuple[str, ...]) -> set[str]:
    return {
        c.header
        for key, c in zip([k for k, _t, _w in PEOPLE_COLUMNS], columns_of(PEOPLE_COLUMNS), strict=True)
        if key in keys
    }


def test_claim_fixture_covers_every_case(claim: Claim) -> None:
    reasons = Counter(row.excluded for row in claim.rows)
    assert set(reasons) == {None, "not_eligible", "no_invoice", "not_certified", "over_annual_cap"}
    assert any(row.cost_capped for row in claim.rows)
    assert any(0 < row.compensable_minutes < row.minutes for row in claim.rows)


def test_the_events_sheet_holds_the_claimed_events_and_nothing_else(
    claim: Claim, claim_files: tuple[Path, Path]
) -> None:
    data = to_json(claim)
    frame = sheet_frame(claim_files[0], "Notikumi")
    assert list(frame.columns) == [c.header for c in columns_of(ROW_COLUMNS)]
    included = [r for r in data["rows"] if r["excluded"] is None]
    assert len(frame) == len(included)
    assert frame["Nr."].tolist() == list(range(1, len(frame) + 1))  # every row an event: no total inside

    def from_json(r: dict[str, Any]) -> tuple[Any, ...]:
        return (
            r["staff"],
            r["date"],
            r["minutes"],
            r["compensable_minutes"],
            r["cost"],
            r["eligible_cost"],
            r["compensation"],
        )

    def from_sheet(r: pd.Series) -> tuple[Any, ...]:
        return (
            r["Tabeles nr."],
            r["Datums"].date().isoformat(),
            r["Ilgums, min"],
            r["Kompensējamās minūtes"],
            r["Izmaksas, EUR"],
            r["Attiecināmās izmaksas, EUR"],
            r["Kompensācija, EUR"],
        )

    assert Counter(from_sheet(r) for _, r in frame.iterrows()) == Counter(from_json(r) for r in included)
    assert frame["Ilgums, h"].tolist() == pytest.approx([m / 60 for m in frame["Ilgums, min"]])
    assert not frame.isin(["Kopā pieprasīts", "Kopā izslēgts"]).any().any()
    # the supervisor's certification as entered; empty for training
    supervision = frame[frame["Veids"] != "Apmācības"]
    assert set(supervision["Sertificēts supervizors"]) <= {"jā", "nē", "—"}
    assert frame[frame["Veids"] == "Apmācības"]["Sertificēts supervizors"].isna().all()


def test_excluded_events_are_apart_with_their_reasons(claim: Claim, claim_files: tuple[Path, Path]) -> None:
    frame = sheet_frame(claim_files[0], "Izslēgtie")
    assert list(frame.columns) == [c.header for c in columns_of(EXCLUDED_COLUMNS)]
    excluded = [r for r in claim.rows if r.excluded is not None]
    assert len(frame) == len(excluded)
    assert Counter(frame["Izslēgšanas iemesls"]) == Counter(reason_text(r.excluded) for r in excluded)
    assert "Kompensācija, EUR" not in frame.columns  # nothing is claimed for them


def test_every_numeric_column_adds_up_to_the_documents_total(
    claim: Claim, claim_files: tuple[Path, Path]
) -> None:
    check_columns_add_up(claim_files[0], to_json(claim))


def test_a_half_year_shows_how_much_of_the_yearly_cap_earlier_periods_used(tmp_path: Path) -> None:
    """Līga trains 500 min in each of February–May (H1) and again in September: the H2 claim says that
    H1 used her whole 24 h, so September is over the cap."""
    events = make_events(0)
    events.append(
        _event(
            99,
            "T1",
            "Līga",
            "Bērziņa",
            "SD",
            date=dt.date(2025, 9, 3),
            kind="training",
            form="remote",
            minutes=50,
            cost=Decimal("20.00"),
            invoice="K-9",
            certified_supervisor=None,
            provider="X",
            topic="Y",
        )
    )
    h2 = compute_claim(
        ClaimInput(events=tuple(events), service=SERVICE, service_name=SERVICE.name),
        period=parse_period("2025-H2"),
        settings=Settings.defaults(),
    )
    (usage,) = h2.cap_usage
    assert (usage.cap_minutes, usage.used_before, usage.used_in_period, usage.left) == (1440, 1440, 0, 0)
    path = write_claim_xlsx(h2, tmp_path / "h2.xlsx", prepared=PREPARED)
    people = sheet_frame(path, "Pa darbiniekiem")
    assert people["Iepriekšējos periodos izmantots, min"].tolist() == [1440]
    assert people["Gada limits, h"].tolist() == [24]
    assert people["Atlikums pēc pieprasījuma, h"].tolist() == [0]
    assert summary_totals(path)["Kopā pieprasīts"]["Iepriekšējos periodos izmantots, min"] == 1440
    pdf_path = write_claim_pdf(h2, tmp_path / "h2.pdf", prepared=PREPARED)
    text = pdf_text(pdf_path, layout=True)
    assert "Iepriekš" in text and "24:00" in text


def test_hours_add_up_to_the_total(tmp_path: Path) -> None:
    """Issue 16 item 7: three 50-minute events are 150 minutes and 2,5 hours, in the rows and in the total."""
    events = [
        _event(
            i,
            "T3",
            "Ēriks",
            "Ķēniņš",
            "SD",
            date=dt.date(2025, 3, i),
            kind="training",
            form="in_person",
            minutes=50,
            cost=Decimal("10.00"),
            invoice=f"R-{i}",
            certified_supervisor=None,
            provider="P",
            topic="T",
        )
        for i in range(1, 4)
    ]
    claim = compute_claim(
        ClaimInput(events=tuple(events), service=SERVICE),
        period=parse_period("2025-Q1"),
        settings=Settings.defaults(),
    )
    path = write_claim_xlsx(claim, tmp_path / "h.xlsx")
    frame = sheet_frame(path, "Notikumi")
    assert frame["Ilgums, min"].sum() == 150
    assert frame["Ilgums, h"].sum() == pytest.approx(2.5)
    assert summary_totals(path)["Kopā pieprasīts"]["Ilgums, h"] == pytest.approx(2.5)
    assert hm_text(50) == "0:50" and hm_text(150) == "2:30" and hm_text(1440) == "24:00"


def test_the_summary_names_everything_LM_files_and_pays_by(
    claim: Claim, claim_files: tuple[Path, Path]
) -> None:
    data = to_json(claim)
    ws = openpyxl.load_workbook(claim_files[0])["Kopsavilkums"]
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(1, ws.max_row + 1)}
    expected = {
        "Pieprasījuma numurs": "KP/2025-H1/90000012345",
        "Sociālais dienests": "Ādažu novada Sociālais dienests",
        "Reģistrācijas numurs": "90000012345",
        "Adrese": "Gaujas iela 33A, Ādaži, LV-2164",
        "Pašvaldība": "Ādažu novads",
        "Pašvaldības ATVK kods": "nav norādīts",  # the shipped catalogue has no codes yet
        "Bankas konts (IBAN)": "LV80 BANK 0000 4351 9500 1",
        "Līguma vai projekta numurs": "4.3.5.4/1/24/I/001",
        "Sociālā dienesta vadītājs": "Ilze Kalniņa",
        "Sagatavoja": "Anna Liepa, tālr. +371 67997350, e-pasts anna.liepa@adazi.lv",
    }
    assert {label: labels[label].value for label in expected} == expected
    assert labels["Perioda sākums"].value == dt.datetime(2025, 1, 1)
    assert labels["Perioda beigas"].value == dt.datetime(2025, 6, 30)
    assert labels["Perioda beigas"].number_format == "dd.mm.yyyy"
    assert labels["Kompensācijas likme"].value == data["rate"] == 0.5
    assert "MK 12.12.2023. noteikumi Nr. 751" in labels["Likmes tiesiskais pamats"].value
    assert labels["Sagatavošanas datums"].value == dt.datetime(2025, 7, 10)
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("Apliecinu, ka") for t in texts)
    assert any("noapaļoto rindu summa" in t for t in texts)
    totals = summary_totals(claim_files[0])
    assert totals["Kopā pieprasīts"]["Kompensācija, EUR"] == pytest.approx(data["totals"]["compensation"])
    by_kind = {row[0]: row for row in ws.iter_rows(values_only=True) if row and row[0]}
    for kind, label in (
        ("training", "Apmācības"),
        ("supervision_individual", "Individuālā supervīzija"),
        ("supervision_group", "Grupas supervīzija"),
    ):
        rows = [r for r in data["rows"] if r["kind"] == kind and r["excluded"] is None]
        assert by_kind[label][1] == len(rows)
        assert by_kind[label][9] == pytest.approx(float(sum(Decimal(str(r["compensation"])) for r in rows)))


def test_an_incomplete_record_is_marked_not_given(tmp_path: Path) -> None:
    bare = ServiceRecord(
        name="X dienests", municipality="Rīga", head_name=None, details=ServiceDetails(), atvk=None
    )
    claim = make_claim(5, service=bare)
    assert claim_number(claim) == "KP/2025-H1/Riga"
    ws = openpyxl.load_workbook(write_claim_xlsx(claim, tmp_path / "x.xlsx"))["Kopsavilkums"]
    labels = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)
    }
    assert labels["Bankas konts (IBAN)"] == labels["Reģistrācijas numurs"] == "nav norādīts"


def test_names_and_providers_that_look_like_formulas_stay_text(claim_files: tuple[Path, Path]) -> None:
    path = claim_files[0]
    for xml in sheet_xml(path).values():
        assert "<f>" not in xml and "<f " not in xml
    workbook = openpyxl.load_workbook(path)
    values = {cell.value for ws in workbook for row in ws.iter_rows() for cell in row}
    for nasty in (f"{NASTY_FIRST} {NASTY_LAST}", NASTY_PROVIDER, NASTY_INVOICE, NASTY_TOPIC):
        assert nasty in values
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate


def test_sheets_are_set_up_for_reading_sorting_and_printing(claim_files: tuple[Path, Path]) -> None:
    workbook = openpyxl.load_workbook(claim_files[0])
    assert workbook.sheetnames == ["Kopsavilkums", "Pa darbiniekiem", "Notikumi", "Izslēgtie", "Dati"]
    rows = workbook["Notikumi"]
    assert rows.freeze_panes == "D2"
    assert rows.print_title_rows == "$1:$1"
    assert rows.auto_filter.ref == f"A1:S{rows.max_row}"  # the filter and a sort see the events only
    assert rows.page_setup.orientation == "landscape" and rows.page_setup.fitToWidth == 1
    assert rows["E2"].number_format == "dd.mm.yyyy"
    assert rows["L2"].number_format == "#,##0" and rows["N2"].number_format == "#,##0.00"
    assert rows["R2"].number_format == "#,##0.00"
    assert rows.row_dimensions[1].height and rows.row_dimensions[1].height >= 30  # the wrapped header
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Calibri", (ws.title, cell.coordinate)


@needs_poppler
def test_documents_are_latvian_whatever_the_program_language(claim: Claim, tmp_path: Path) -> None:
    from swdesk.i18n import set_language

    set_language("en")
    workbook_path = write_claim_xlsx(claim, tmp_path / "lv.xlsx", prepared=PREPARED)
    pdf_path = write_claim_pdf(claim, tmp_path / "lv.pdf", prepared=PREPARED)
    english = write_claim_xlsx(claim, tmp_path / "en.xlsx", prepared=PREPARED, lang="en")
    from swdesk.i18n import language

    assert language() == "en"  # the program's language is back as it was
    set_language("lv")
    assert openpyxl.load_workbook(workbook_path).sheetnames == [
        "Kopsavilkums",
        "Pa darbiniekiem",
        "Notikumi",
        "Izslēgtie",
        "Dati",  # the machine-readable sheet LM reads back (issue 12), the same in every language
    ]
    assert openpyxl.load_workbook(english).sheetnames == ["Summary", "By person", "Events", "Excluded", "Dati"]
    text = pdf_text(pdf_path, page=1)
    assert "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai" in text
    assert "Kopā pieprasīts" in text
    assert money_text(claim.totals.compensation).replace("\u00a0", " ") in text  # a decimal comma
    assert "Claim" not in text


@needs_poppler
def test_first_page_holds_the_totals_the_declaration_and_the_signature(
    claim: Claim, claim_files: tuple[Path, Path], tmp_path: Path
) -> None:
    path = claim_files[1]
    first = pdf_text(path, page=1)
    flat = " ".join(first.split())
    for words in (
        "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai",
        "Nr. KP/2025-H1/90000012345",
        "Ādažu novada Sociālais dienests",
        "90000012345",
        "LV80 BANK 0000 4351 9500 1",
        "2025. gada 1. pusgads (01.01.2025–30.06.2025)",
        "50 %",
        "Kopā pieprasīts",
        money_text(claim.totals.compensation).replace("\u00a0", " "),
        "noapaļoto rindu summa",
        "Apliecinu, ka",
        "Ilze Kalniņa",
        "paraksts",
        "Sagatavoja: Anna Liepa, tālr. +371 67997350, e-pasts anna.liepa@adazi.lv",
        "10.07.2025",
    ):
        assert words in flat, words
    pages = render_every_page(path, tmp_path)
    assert f"1. lapa no {pages}" in first
    text = pdf_text(path)
    for heading in ("1. pielikums", "2. pielikums. Pieprasītie notikumi", "3. pielikums. Izslēgtie notikumi"):
        assert heading in text
    assert "Gadījuma vadīšana" in text  # the training topic
    for person in claim.by_person:
        assert person.last_name in text.replace("\n", " ")


@needs_poppler
def test_300_events_make_a_multi_page_pdf_with_repeated_headers(tmp_path: Path) -> None:
    claim = make_claim(300, seed=7)
    path = write_claim_pdf(claim, tmp_path / "big.pdf", prepared=PREPARED)
    pages = pdf_pages(path)
    assert pages >= 5
    for page in range(2, pages + 1):
        text = pdf_text(path, page=page)
        assert f"{page}. lapa no {pages}" in text
        # the table's header on every page: annex 1 (the caps) or annexes 2 and 3 (invoices)
        assert "Rēķina nr." in text or "limits," in text, page
    assert render_every_page(path, tmp_path) == pages
    workbook_path = write_claim_xlsx(claim, tmp_path / "big.xlsx", prepared=PREPARED)
    assert len(sheet_frame(workbook_path, "Notikumi")) + len(sheet_frame(workbook_path, "Izslēgtie")) == 304


@needs_poppler
def test_a_long_claim_pdf_has_every_event_once_in_order(tmp_path: Path) -> None:
    claim = make_claim(900, seed=3)
    path = write_claim_pdf(claim, tmp_path / "long.pdf", prepared=PREPARED)
    pages = pdf_pages(path)
    claimed = sum(1 for r in claim.rows if r.excluded is None)
    sections: dict[str, list[int]] = {"2": [], "3": []}
    section = ""
    for page in range(1, pages + 1):
        text = pdf_text(path, page=page, layout=True)
        assert f"{page}. lapa no {pages}" in text
        if "2. pielikums" in text:
            section = "2"
        if "3. pielikums" in text:
            section = "3"
        # an event's first line holds its number and its date; no other line starts with a number
        numbers = [int(n) for n in re.findall(r"^ *(\d+) .*\d\d\.\d\d\.2025", text, re.M)]
        if numbers:
            assert "Rēķina nr." in text, page  # the header on every page of events
            sections[section] += numbers
    assert sections["2"] == list(range(1, claimed + 1))
    assert sections["3"] == list(range(1, len(claim.rows) - claimed + 1))
    layout = pdf_text(path, layout=True)
    assert layout.count("Kopā pieprasīts") == 3  # page 1, annex 1, annex 2
    assert layout.count("Kopā izslēgts") == 2  # annex 3: by reason and after the events


def test_empty_claim_still_makes_both_documents(tmp_path: Path) -> None:
    claim = compute_claim(ClaimInput(events=()), period=parse_period("2025-Q3"), settings=Settings.defaults())
    xlsx_path = write_claim_xlsx(claim, tmp_path / "e.xlsx")
    pdf_path = write_claim_pdf(claim, tmp_path / "e.pdf")
    assert len(sheet_frame(xlsx_path, "Notikumi")) == 0
    assert pdf_path.read_bytes().startswith(b"%PDF-")


def test_claim_from_the_database(db: Database, tmp_path: Path) -> None:
    """The documents of a claim built from the database by ``build_claim``, as the command makes them."""
    with db.write() as s:
        s.add(
            m.Service(
                name="Ķekavas sociālais dienests", municipality="Ķekavas novads", head_name="Anna Liepa"
            )
        )
        s.flush()
        save_service_details(s, registration_number="90000054321", bank_account="LV80BANK0000435195001")
        staff = m.Staff(
            tabeles_nr="0042",
            first_name="Jānis",
            last_name="Ūdris",
            position_code="SD",
            fte=Decimal("1"),
            start=dt.date(2020, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        s.add(staff)
        s.flush()
        s.add(
            m.TrainingEvent(
                staff_id=staff.id,
                date=dt.date(2025, 3, 4),
                kind="supervision_individual",
                form="remote",
                minutes=90,
                duration=Decimal("1.5"),
                duration_unit="hours",
                provider="-Supervizori-",
                certified_supervisor=True,
                cost=Decimal("60"),
                invoice="=1+1",
            )
        )
    with db.read() as s:
        claim = build_claim(s, parse_period("2025-Q1"))
    assert claim_number(claim) == "KP/2025-Q1/90000054321"
    xlsx_path = write_claim_xlsx(claim, tmp_path / "db.xlsx")
    write_claim_pdf(claim, tmp_path / "db.pdf")
    frame = sheet_frame(xlsx_path, "Notikumi")
    data = to_json(claim)
    assert frame["Tabeles nr."].tolist() == ["0042"]  # leading zeros kept: text, not a number
    assert frame["Rēķina nr."].tolist() == ["=1+1"]
    assert frame["Sertificēts supervizors"].tolist() == ["jā"]
    assert frame["Kompensācija, EUR"].tolist() == [data["rows"][0]["compensation"]]
    assert data["rows"][0]["eligible_cost"] == 37.5  # 25 EUR / 60 min remote cap × 90 min
    assert "limitu" in frame["Piezīme"].iloc[0]
    with zipfile.ZipFile(xlsx_path) as archive:
        assert all("<f>" not in archive.read(n).decode() for n in archive.namelist() if "worksheets" in n)


@needs_libreoffice
@needs_poppler
def test_libreoffice_reads_the_same_sums_and_prints_a_whole_first_page(
    claim: Claim, claim_files: tuple[Path, Path], tmp_path: Path
) -> None:
    """The workbook as LibreOffice opens it: a plain sum of the compensation column is the claim total, the
    events sheet holds events only, and the summary printed to PDF shows whole labels and the total."""
    from tests.office import convert

    sheets = sheets_as_csv(claim_files[0], tmp_path / "csv")
    events = sheets["Notikumi"]
    header, body = events[0], [row for row in events[1:] if any(row)]
    compensation = header.index("Kompensācija, EUR")
    assert round(sum(number(row[compensation]) for row in body), 2) == float(claim.totals.compensation)
    assert [int(row[0]) for row in body] == list(range(1, len(body) + 1))
    (printed,) = convert(claim_files[0], "pdf", tmp_path / "pdf")
    first = " ".join(pdf_text(printed, page=1).split())
    for words in (
        "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai",
        "Likmes tiesiskais pamats",
        "Pašvaldības ATVK kods",
        "Kopā pieprasīts",
        "Kompensējamās minūtes",
        "Apliecinu, ka",
    ):
        assert words in first, words


def test_the_legal_basis_of_the_rate_follows_the_period_and_says_where_the_rate_comes_from() -> None:
    import dataclasses

    from swdesk.export.claim_docs import rate_basis

    claim = make_claim(3)
    assert rate_basis(claim).endswith("MK 12.12.2023. noteikumi Nr. 751; likmi nosaka dienesta iestatījums")
    changed = dataclasses.replace(claim, rate_from=dt.date(2025, 1, 1))
    assert rate_basis(changed).endswith("likme dienesta iestatījumos no 01.01.2025")
    # a 2017 claim at 50 % under a scheme that paid 70 %: the reader is told
    old = dataclasses.replace(claim, period=parse_period("2017-H1"))
    assert "Nr. 9.2.1.1/15/I/001" in rate_basis(old) and rate_basis(old).endswith("likme ir 70\u00a0%")
    assert rate_basis(dataclasses.replace(claim, period=parse_period("2023-H1"))).startswith(
        "programmas katalogā šim periodam nav zināms"
    )
