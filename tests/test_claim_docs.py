"""The claim workbook and PDF (issue 4 item 1) against the JSON of the same claim (SPEC §3, §6)."""

from __future__ import annotations

import datetime as dt
import random
import re
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.export.claim_docs import (
    _lines,
    _pdf_line,
    _rows_table,
    row_columns,
    write_claim_pdf,
    write_claim_xlsx,
)
from swdesk.export.common import money_text
from swdesk.rules.claim import Claim, ClaimEvent, ClaimInput, build_claim, compute_claim, reason_text, to_json
from swdesk.rules.periods import parse_period
from swdesk.settings import Settings
from tests.test_export_toolkit import needs_poppler, pdf_pages, pdf_text, render_every_page, sheet_xml

PREPARED = dt.date(2025, 7, 10)
NASTY_FIRST = '=HYPERLINK("http://x","y")'
NASTY_LAST = "-1+2"
NASTY_PROVIDER = "=cmd|' /C calc'!A0"
NASTY_INVOICE = "@SUM(A1)"

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


def make_claim(count: int, *, seed: int = 1) -> Claim:
    """A claim of ``count`` events in 2025-H1 with every exclusion reason, capped costs and nasty names."""
    rnd = random.Random(seed)
    events = []
    for i in range(count):
        nr, first, last, code = (
            PEOPLE[i % len(PEOPLE)] if i < 40 else (f"N{i % 37}", "Anna", f"Ozoliņa {i % 37}", "SD")
        )
        name, eligible, hours = POSITIONS[code]
        events.append(
            ClaimEvent(
                event_id=i + 1,
                tabeles_nr=nr,
                first_name=first,
                last_name=last,
                position_code=code,
                position_name=name,
                claim_eligible=eligible,
                training_hours=hours,
                date=dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(181)),
                kind=rnd.choice(["training", "supervision_individual", "supervision_group"]),
                form=rnd.choice(["in_person", "remote"]),
                minutes=rnd.choice([45, 50, 60, 90, 180, 480]),
                cost=rnd.choice([None, Decimal("35.50"), Decimal("120.00"), Decimal("18.00")]),
                invoice=rnd.choice([None, "R-2025/17", NASTY_INVOICE]),
                certified_supervisor=rnd.choice([True, True, False, None]),
                provider=rnd.choice(["Biedrība «Āre»", NASTY_PROVIDER, None]),
                topic="Gadījuma vadīšana",
            )
        )
    # Līga Bērziņa (SD, 24 h a year) trains 4 × 500 min: the third event crosses the cap, the fourth is
    # over it.
    for j, month in enumerate((2, 3, 4, 5)):
        name, eligible, hours = POSITIONS["SD"]
        events.append(
            ClaimEvent(
                event_id=count + j + 1,
                tabeles_nr="T1",
                first_name="Līga",
                last_name="Bērziņa",
                position_code="SD",
                position_name=name,
                claim_eligible=eligible,
                training_hours=hours,
                date=dt.date(2025, month, 20),
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
    inputs = ClaimInput(
        events=tuple(events),
        service_name="Ādažu novada Sociālais dienests",
        municipality="Ādažu novads",
        head_name="Ilze Kalniņa",
    )
    return compute_claim(inputs, period=parse_period("2025-H1"), settings=Settings.defaults())


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
    return round(minutes / 60 + 1e-9, 2)


def _event_rows(path: Path) -> pd.DataFrame:
    frame = pd.read_excel(path, sheet_name="Notikumi", dtype={"Tabeles nr.": str})
    return frame[frame["Nr."].notna()]


def test_claim_fixture_covers_every_case(claim: Claim) -> None:
    reasons = Counter(row.excluded for row in claim.rows)
    assert set(reasons) == {None, "not_eligible", "no_invoice", "not_certified", "over_annual_cap"}
    assert any(row.cost_capped for row in claim.rows)
    assert any(0 < row.compensable_minutes < row.minutes for row in claim.rows)


def test_rows_sheet_matches_the_json(claim: Claim, claim_files: tuple[Path, Path]) -> None:
    data = to_json(claim)
    frame = _event_rows(claim_files[0])
    assert list(frame.columns) == [c.header for c in row_columns()]
    assert len(frame) == len(data["rows"])
    reason = {
        None: "",
        **{
            code: reason_text(code)
            for code in ("not_eligible", "no_invoice", "not_certified", "over_annual_cap")
        },
    }

    def from_json(r: dict) -> tuple:
        return (
            r["staff"],
            r["date"],
            r["minutes"] and _hours(r["minutes"]),
            _hours(r["compensable_minutes"]),
            r["cost"],
            r["eligible_cost"],
            r["compensation"],
            reason[r["excluded"]],
        )

    def from_sheet(r: pd.Series) -> tuple:
        note = "" if pd.isna(r["Izslēgšanas iemesls vai piezīme"]) else r["Izslēgšanas iemesls vai piezīme"]
        excluded_text = note if note in reason.values() else ""
        return (
            r["Tabeles nr."],
            r["Datums"].date().isoformat(),
            r["Stundas"],
            r["Kompensējamās stundas"],
            None if pd.isna(r["Izmaksas, EUR"]) else r["Izmaksas, EUR"],
            r["Attiecināmās izmaksas, EUR"],
            r["Kompensācija, EUR"],
            excluded_text,
        )

    assert Counter(from_sheet(r) for _, r in frame.iterrows()) == Counter(from_json(r) for r in data["rows"])
    assert frame["Nr."].tolist() == list(range(1, len(frame) + 1))


def test_subtotals_per_person_and_grand_total(claim: Claim, claim_files: tuple[Path, Path]) -> None:
    data = to_json(claim)
    frame = pd.read_excel(claim_files[0], sheet_name="Notikumi", dtype={"Tabeles nr.": str})
    totals = frame[frame["Nr."].isna()]
    grand = totals.iloc[-1]
    assert grand["Vārds, uzvārds"] == "Kopā pieprasījumā"
    assert grand["Kompensācija, EUR"] == pytest.approx(data["totals"]["compensation"])
    assert grand["Attiecināmās izmaksas, EUR"] == pytest.approx(data["totals"]["eligible_cost"])
    per_person = totals.iloc[:-1]
    assert len(per_person) == len({r["staff"] for r in data["rows"]})
    for person in claim.by_person:
        expected = sum(
            Decimal(str(r["compensation"])) for r in data["rows"] if r["staff"] == person.tabeles_nr
        )
        line = per_person[per_person["Vārds, uzvārds"] == f"Kopā: {person.staff_name}"]
        assert len(line) == 1
        assert Decimal(str(line["Kompensācija, EUR"].iloc[0])) == expected
    # the events of each person stand right above that person's sub-total
    names = frame["Vārds, uzvārds"].tolist()
    first_subtotal = names.index(f"Kopā: {claim.by_person[0].staff_name}")
    assert set(names[:first_subtotal]) == {claim.by_person[0].staff_name}


def test_summary_sheet(claim: Claim, claim_files: tuple[Path, Path]) -> None:
    data = to_json(claim)
    ws = openpyxl.load_workbook(claim_files[0])["Kopsavilkums"]
    labels = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in range(1, ws.max_row + 1)}
    assert labels["Sociālais dienests"].value == "Ādažu novada Sociālais dienests"
    assert labels["Pašvaldība"].value == "Ādažu novads"
    assert labels["Perioda sākums"].value == dt.datetime(2025, 1, 1)
    assert labels["Perioda beigas"].value == dt.datetime(2025, 6, 30)
    assert labels["Perioda beigas"].number_format == "dd.mm.yyyy"
    assert labels["Kompensācijas likme"].value == data["rate"] == 0.5
    assert labels["Sociālā dienesta vadītājs"].value == "Ilze Kalniņa"
    assert labels["Sagatavošanas datums"].value == dt.datetime(2025, 7, 10)
    frame = pd.read_excel(claim_files[0], sheet_name="Kopsavilkums", header=None)
    by_kind = {row[0]: row for row in frame.itertuples(index=False)}
    for kind, label in (
        ("training", "Apmācības"),
        ("supervision_individual", "Individuālā supervīzija"),
        ("supervision_group", "Grupas supervīzija"),
    ):
        rows = [r for r in data["rows"] if r["kind"] == kind]
        assert by_kind[label][1] == len(rows)
        assert by_kind[label][7] == pytest.approx(float(sum(Decimal(str(r["compensation"])) for r in rows)))
    assert by_kind["Kopā pieprasījumā"][7] == pytest.approx(data["totals"]["compensation"])
    assert by_kind["Kopā pieprasījumā"][6] == pytest.approx(data["totals"]["eligible_cost"])


def test_names_and_providers_that_look_like_formulas_stay_text(claim_files: tuple[Path, Path]) -> None:
    path = claim_files[0]
    for xml in sheet_xml(path).values():
        assert "<f>" not in xml and "<f " not in xml
    workbook = openpyxl.load_workbook(path)
    values = {cell.value for ws in workbook for row in ws.iter_rows() for cell in row}
    for nasty in (f"{NASTY_FIRST} {NASTY_LAST}", NASTY_PROVIDER, NASTY_INVOICE):
        assert nasty in values
    for ws in workbook:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate


def test_sheets_are_set_up_for_reading_and_printing(claim_files: tuple[Path, Path]) -> None:
    workbook = openpyxl.load_workbook(claim_files[0])
    rows = workbook["Notikumi"]
    assert rows.freeze_panes == "D2"
    assert rows.print_title_rows == "$1:$1"
    assert rows.page_setup.orientation == "landscape" and rows.page_setup.fitToWidth == 1
    assert rows["E2"].number_format == "dd.mm.yyyy"
    assert rows["H2"].number_format == "#,##0.00" and rows["M2"].number_format == "#,##0.00"
    assert rows.column_dimensions["C"].width >= 12


@needs_poppler
def test_pdf_shows_totals_names_and_signature_lines(
    claim: Claim, claim_files: tuple[Path, Path], tmp_path: Path
) -> None:
    path = claim_files[1]
    text = pdf_text(path)
    assert "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai" in text
    assert "Ādažu novada Sociālais dienests" in text
    assert "2025. gada 1. pusgads (01.01.2025–30.06.2025)" in text
    assert "50 %" in text
    assert money_text(claim.totals.compensation).replace("\u00a0", " ") in text
    assert money_text(claim.totals.eligible_cost).replace("\u00a0", " ") in text
    for person in claim.by_person:
        assert person.last_name in text.replace("\n", " ")
    assert "Ilze Kalniņa" in text and "paraksts" in text and "datums" in text
    assert "Sagatavošanas datums" in text and "10.07.2025" in text
    pages = render_every_page(path, tmp_path)
    assert f"1. lapa no {pages}" in pdf_text(path, page=1)


@needs_poppler
def test_300_events_make_a_multi_page_pdf_with_repeated_headers(tmp_path: Path) -> None:
    claim = make_claim(300, seed=7)
    path = write_claim_pdf(claim, tmp_path / "big.pdf", prepared=PREPARED)
    pages = pdf_pages(path)
    assert pages >= 5
    header_pages = 0
    for page in range(1, pages + 1):
        text = pdf_text(path, page=page)
        assert f"{page}. lapa no {pages}" in text
        if "Kompensācija," in text and "Rēķina nr." in text:
            header_pages += 1
    # every page that carries events shows the column headers (the signature may sit alone on the last)
    assert header_pages >= pages - 1
    assert "Kopā pieprasījumā" in pdf_text(path, page=pages) or "Kopā pieprasījumā" in pdf_text(
        path, page=pages - 1
    )
    assert render_every_page(path, tmp_path) == pages
    workbook_path = write_claim_xlsx(claim, tmp_path / "big.xlsx", prepared=PREPARED)
    assert len(_event_rows(workbook_path)) == len(claim.rows) == 304


@needs_poppler
def test_a_long_claim_pdf_has_every_row_once_in_order_with_headers_and_sub_totals(tmp_path: Path) -> None:
    claim = make_claim(900, seed=3)
    path = write_claim_pdf(claim, tmp_path / "long.pdf", prepared=PREPARED)
    pages = pdf_pages(path)
    numbers_by_page: list[list[int]] = []
    for page in range(1, pages + 1):
        text = pdf_text(path, page=page, layout=True)
        assert f"{page}. lapa no {pages}" in text
        # an event's first line holds its number and its date; no other line starts with a number
        numbers = [int(n) for n in re.findall(r"^ *(\d+) .*\d\d\.\d\d\.2025", text, re.M)]
        if numbers:
            assert "Rēķina nr." in text and "Kompensācija," in text, page  # the header on every page
            body = text[text.index("vai piezīme") :].splitlines()[1:]
            first_row = next(line for line in body if line.strip())
            assert not first_row.lstrip().startswith("Kopā"), page  # a sub-total stays with its events
        numbers_by_page.append(numbers)
    assert [n for numbers in numbers_by_page for n in numbers] == list(range(1, len(claim.rows) + 1))
    # the pages are full: every page of events between the first and the last holds a page's worth
    counts = [len(numbers) for numbers in numbers_by_page if numbers]
    assert len(counts) >= 10 and min(counts[1:-1]) >= 15, counts

    # every line of the table is laid out whole (a word longer than its column broken between letters) ...
    lines = list(_lines(claim))
    table = _rows_table(claim)._layout
    assert len(table.cells) == len(lines)
    for line, cells in zip(lines, table.cells, strict=True):
        for index, (text, laid_out) in enumerate(zip(_pdf_line(line), cells, strict=True)):
            if line.row is None and 0 < index < 6:
                continue  # under the sub-total's label, which spans these columns
            assert "".join(laid_out).replace(" ", "") == text.replace(" ", ""), text
    # ... and drawn: every word of it is in the text (names, providers, invoices, money, notes)
    expected = Counter(
        word for cells in table.cells for cell in cells for piece in cell for word in piece.split()
    )
    got = Counter(pdf_text(path).split())
    assert {word: n for word, n in expected.items() if got[word] < n} == {}
    layout = pdf_text(path, layout=True)
    assert layout.count("Kopā: ") == len(claim.by_person)
    assert layout.count("Kopā pieprasījumā") == 2  # the totals by kind and the end of the events
    assert "paraksts" in pdf_text(path, page=pages)


def test_empty_claim_still_makes_both_documents(tmp_path: Path) -> None:
    claim = compute_claim(ClaimInput(events=()), period=parse_period("2025-Q3"), settings=Settings.defaults())
    xlsx_path = write_claim_xlsx(claim, tmp_path / "e.xlsx")
    pdf_path = write_claim_pdf(claim, tmp_path / "e.pdf")
    assert len(_event_rows(xlsx_path)) == 0
    assert pdf_path.read_bytes().startswith(b"%PDF-")


def test_claim_from_the_database(db: Database, tmp_path: Path) -> None:
    """The documents of a claim built from the database by ``build_claim``, as the command makes them."""
    with db.write() as s:
        s.add(
            m.Service(
                name="Ķekavas sociālais dienests", municipality="Ķekavas novads", head_name="Anna Liepa"
            )
        )
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
    xlsx_path = write_claim_xlsx(claim, tmp_path / "db.xlsx")
    write_claim_pdf(claim, tmp_path / "db.pdf")
    frame = _event_rows(xlsx_path)
    data = to_json(claim)
    assert frame["Tabeles nr."].tolist() == ["0042"]  # leading zeros kept: text, not a number
    assert frame["Rēķina nr."].tolist() == ["=1+1"]
    assert frame["Kompensācija, EUR"].tolist() == [data["rows"][0]["compensation"]]
    assert data["rows"][0]["eligible_cost"] == 37.5  # 25 EUR / 60 min remote cap × 90 min
    note = frame["Izslēgšanas iemesls vai piezīme"].iloc[0]
    assert "limitu" in note
    with zipfile.ZipFile(xlsx_path) as archive:
        assert all("<f>" not in archive.read(n).decode() for n in archive.namelist() if "worksheets" in n)
