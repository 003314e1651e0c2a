"""The export toolkit (issue 4, shared rules): safe text in workbooks, numbers and dates, print set-up,
file names, and PDFs with an embedded font that has every Latvian letter and "N. lapa no M" page numbers.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from reportlab.pdfbase import pdfmetrics

from swdesk.export import names, pdf, xlsx
from swdesk.export.common import minutes_to_hours, money_text, share_text

LATVIAN_LETTERS = "āčēģīķļņšūž ĀČĒĢĪĶĻŅŠŪŽ"

FORMULA_TRIGGERS = [
    '=HYPERLINK("http://x","y")',
    "-1+2",
    "+1",
    "@SUM(A1)",
    "\tx",
    "\rx",
    "=cmd|' /C calc'!A0",
    "=1+1",
    "#N/A",
    "-",
]

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)


def sheet_xml(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/sheet")
        }


def pdf_text(path: Path, *, page: int | None = None, layout: bool = False) -> str:
    if shutil.which("pdftotext") is None:  # a test that reads a PDF's text needs poppler-utils
        pytest.skip("poppler-utils (pdftotext) is not installed")
    command = ["pdftotext"]
    if layout:
        command.append("-layout")
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    result = subprocess.run(
        [*command, str(path), "-"], capture_output=True, text=True, encoding="utf-8", check=True
    )
    # thousands are separated by a no-break space; compare with plain spaces
    return result.stdout.replace("\u00a0", " ")


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def render_every_page(path: Path, tmp_path: Path) -> int:
    """Render each page with pdftoppm (low resolution: this checks the PDF, not its looks)."""
    out = tmp_path / "render"
    out.mkdir(exist_ok=True)
    result = subprocess.run(
        ["pdftoppm", "-png", "-r", "20", str(path), str(out / path.stem)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr, result.stderr
    images = sorted(out.glob(f"{path.stem}*.png"))
    assert len(images) == pdf_pages(path)
    assert all(image.stat().st_size > 0 for image in images)
    return len(images)


# --- workbooks ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", FORMULA_TRIGGERS)
def test_formula_triggers_come_out_as_plain_text(tmp_path: Path, text: str) -> None:
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Dati")
    xlsx.set_text(ws["A1"], text)
    xlsx.write_row(ws, row=2, columns=[xlsx.Column("Vārds")], values=[text])
    path = xlsx.save_workbook(workbook, tmp_path / "t.xlsx")

    for reopened in (openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True)):
        for cell in (reopened["Dati"]["A1"], reopened["Dati"]["A2"]):
            assert cell.data_type == "s"
            assert cell.value == xlsx.safe_text(text)
    for xml in sheet_xml(path).values():
        assert "<f>" not in xml and "<f " not in xml
    # pandas would itself read "+1" as a number and "#N/A" as missing; dtype=str asks for the cell text
    frame = pd.read_excel(path, header=None, dtype=str, keep_default_na=False)
    assert frame.iloc[0, 0] == xlsx.safe_text(text)


def test_text_keeps_its_value_and_only_a_carriage_return_becomes_a_line_break() -> None:
    assert xlsx.safe_text('=HYPERLINK("http://x","y")') == '=HYPERLINK("http://x","y")'
    assert xlsx.safe_text("-1+2") == "-1+2"
    assert xlsx.safe_text("\tx") == "\tx"
    # XML readers turn a raw CR into LF anyway; the helper says so up front
    assert xlsx.safe_text("\rx") == "\nx"
    assert xlsx.safe_text("a\r\nb") == "a\nb"
    # control characters XML cannot hold would make openpyxl refuse the whole workbook
    assert xlsx.safe_text("Jānis\x0b Bērziņš\x00") == "Jānis Bērziņš"


def test_formula_like_text_gets_the_quote_prefix(tmp_path: Path) -> None:
    """The cell style's quotePrefix keeps "=..." text when someone edits the cell and presses Enter."""
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Dati")
    xlsx.set_text(ws["A1"], "=1+1")
    xlsx.set_text(ws["A2"], "Ozoliņa")
    path = xlsx.save_workbook(workbook, tmp_path / "t.xlsx")
    reopened = openpyxl.load_workbook(path)["Dati"]
    assert reopened["A1"].quotePrefix is True
    assert not reopened["A2"].quotePrefix


def test_numbers_and_dates_stay_numbers_and_dates(tmp_path: Path) -> None:
    columns = [
        xlsx.Column("EUR", "money"),
        xlsx.Column("Stundas", "hours"),
        xlsx.Column("Slodze", "fte"),
        xlsx.Column("Datums", "date"),
        xlsx.Column("Skaits", "int"),
    ]
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Dati")
    xlsx.write_table(
        ws,
        columns=columns,
        rows=[
            [Decimal("-1.50"), Decimal("2.25"), Decimal("0.500"), dt.date(2025, 2, 1), -3],
            [Decimal("1234.56"), None, Decimal("1"), None, 0],
        ],
    )
    path = xlsx.save_workbook(workbook, tmp_path / "n.xlsx")
    ws2 = openpyxl.load_workbook(path)["Dati"]
    assert ws2["A2"].data_type == "n" and ws2["A2"].value == -1.5
    assert ws2["A2"].number_format == xlsx.MONEY_FORMAT
    assert ws2["B2"].value == 2.25 and ws2["B2"].number_format == "#,##0.00"
    assert ws2["C2"].value == 0.5 and ws2["C2"].number_format == "#,##0.00"
    assert ws2["E2"].number_format == "#,##0"  # counts get thousands separators like money
    assert ws2["D2"].value == dt.datetime(2025, 2, 1) and ws2["D2"].number_format == "dd.mm.yyyy"
    assert ws2["E2"].value == -3 and ws2["E2"].data_type == "n"
    assert ws2["B3"].value is None
    frame = pd.read_excel(path)
    assert frame["EUR"].tolist() == [-1.5, 1234.56]
    assert frame["Datums"].iloc[0] == pd.Timestamp(2025, 2, 1)


def test_header_frozen_printed_on_every_page_a4_fitted_to_width(tmp_path: Path) -> None:
    columns = [xlsx.Column("Vārds, uzvārds"), xlsx.Column("Izmaksas, EUR", "money")]
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Rindas: [1/2]")  # characters Excel forbids in sheet names
    xlsx.write_table(ws, columns=columns, rows=[["Ā" * 30, Decimal("12345678.90")], ["B", Decimal("1")]])
    xlsx.freeze_below(ws, 1)
    xlsx.fit_columns(ws, columns=columns)
    xlsx.setup_print(ws, landscape=True, header_row=1, footer="Pārbaude & co")
    path = xlsx.save_workbook(workbook, tmp_path / "p.xlsx")
    ws2 = openpyxl.load_workbook(path).worksheets[0]
    assert ws2.title == "Rindas   1 2"
    assert ws2.freeze_panes == "A2"
    assert ws2.print_title_rows == "$1:$1"
    assert int(ws2.page_setup.paperSize) == int(ws2.PAPERSIZE_A4)
    assert ws2.page_setup.orientation == "landscape"
    assert ws2.page_setup.fitToWidth == 1 and ws2.page_setup.fitToHeight == 0
    assert ws2.sheet_properties.pageSetUpPr.fitToPage
    assert ws2.column_dimensions["A"].width >= 30
    assert ws2.column_dimensions["B"].width >= len("12,345,678.90")
    assert ws2["A1"].font.b


def test_save_can_refuse_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "x.xlsx"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        xlsx.save_workbook(xlsx.new_workbook(), target, overwrite=False)
    assert target.read_bytes() == b"old"
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(workbook, "A")
    xlsx.save_workbook(workbook, target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]  # no temporary file left behind


def test_minutes_as_hours_and_text_formats() -> None:
    assert minutes_to_hours(50) == Decimal("0.83")
    assert minutes_to_hours(45) == Decimal("0.75")
    assert minutes_to_hours(1) == Decimal("0.02")  # 0.01666… half up
    assert money_text(Decimal("1234.5")) == "1\u00a0234,50"
    assert money_text(Decimal("-3")) == "-3,00"
    assert share_text(Decimal("0.125")) == "12,5\u00a0%"


# --- file names ---------------------------------------------------------------------------------------------


def test_file_names_say_what_and_when() -> None:
    assert (
        names.claim_file_name(municipality="Ādažu novads", period="2025-H1", extension="xlsx")
        == "Kompensacija_Adazu_novads_2025-H1.xlsx"
    )
    assert (
        names.survey_file_name(
            municipality="Rīgas valstspilsētas pašvaldība", date=dt.date(2026, 2, 1), extension=".PDF"
        )
        == "Aptauja_Rigas_valstspilsetas_pasvaldiba_2026-02-01.pdf"
    )
    assert (
        names.report_file_name(municipality="Ķekavas novads", year=2025)
        == "Atskaite_domei_Kekavas_novads_2025.pdf"
    )
    assert names.ascii_fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž") == "ACEGIKLNSUZ_acegiklnsuz"
    assert names.ascii_fold('  Novads: "A/B" <x>  ') == "Novads_AB_x"
    assert names.claim_file_name(municipality="", period="2025", extension="pdf") == "Kompensacija_2025.pdf"


def test_free_path_never_proposes_an_existing_file(tmp_path: Path) -> None:
    first = tmp_path / "Aptauja_X_2026-02-01.pdf"
    assert names.free_path(first) == first
    first.write_bytes(b"")
    (tmp_path / "Aptauja_X_2026-02-01_2.pdf").write_bytes(b"")
    assert names.free_path(first).name == "Aptauja_X_2026-02-01_3.pdf"


# --- PDFs ---------------------------------------------------------------------------------------------------


def _two_page_pdf(path: Path) -> Path:
    story = pdf.title_block(
        title=f"Pārbaude {LATVIAN_LETTERS}",
        subtitle="Ādažu novada Sociālais dienests",
        lines=[("Periods", "01.01.2025–30.06.2025"), ("Vadītājs", "Līga Bērziņa")],
    )
    rows = [
        [f"Ēriks Ķēniņš {i}", "01.02.2025", pdf.number(i * 1.25), pdf.number(-1234.5 * i)] for i in range(60)
    ]
    story.append(
        pdf.data_table(
            header=["Vārds, uzvārds", "Datums", "Stundas", "Izmaksas, EUR"],
            rows=rows,
            widths=[4, 1.5, 1, 1.5],
            align=["left", "center", "right", "right"],
            total_rows=[59],
        )
    )
    story.append(
        pdf.bar_chart(
            title="Iedzīvotāji uz vienu sociālā darba speciālistu",
            categories=["2023", "2024", "2025"],
            series=[pdf.Series("Iedzīvotāji uz SDS", [900, 1250, None])],
            reference=("Norma 1:1000", 1000),
        )
    )
    story.append(
        pdf.line_chart(
            title="Lietas uz slodzi mēnesī",
            categories=["01.2025", "02.2025", "03.2025"],
            series=[
                pdf.Series("Gadījuma vadīšana", [20, 22.5, 21]),
                pdf.Series("Krīzes intervence", [3, None, 4]),
            ],
            places=1,
        )
    )
    story.append(pdf.signature_block(role="Sociālā dienesta vadītājs", name="Līga Bērziņa"))
    return pdf.build_pdf(path, story=story, title="Pārbaude", footer="Sagatavots 01.02.2026 ar swdesk")


def test_pdf_embeds_dejavu_and_no_other_font(tmp_path: Path) -> None:
    path = _two_page_pdf(tmp_path / "t.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"/FontFile2" in data  # an embedded TrueType program
    assert b"DejaVuSans" in data and b"DejaVuSans-Bold" in data
    # no standard font: those are not embedded and have no Latvian letters
    assert b"/Helvetica" not in data and b"/Times" not in data and b"/Courier" not in data
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = fonts.splitlines()[2:]
        assert rows and all(" yes yes yes " in row for row in rows), fonts


@needs_poppler
def test_pdf_text_has_latvian_letters_and_page_numbers(tmp_path: Path) -> None:
    path = _two_page_pdf(tmp_path / "t.pdf")
    text = pdf_text(path)
    for letter in LATVIAN_LETTERS.replace(" ", ""):
        assert letter in text, letter
    pages = pdf_pages(path)
    assert pages == 2
    assert "1. lapa no 2" in pdf_text(path, page=1)
    assert "2. lapa no 2" in pdf_text(path, page=2)
    # the table's header repeats on the second page, and numbers have a decimal comma
    assert "Vārds, uzvārds" in pdf_text(path, page=2)
    assert "-72 835,50" in text  # -1234.5 × 59
    # chart labels are text in the PDF (vector), in Latvian
    assert "Norma 1:1000" in text and "Krīzes intervence" in text
    assert "paraksts" in text and "datums" in text
    assert render_every_page(path, tmp_path) == 2


def test_pdf_refuses_to_overwrite_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError):
        pdf.build_pdf(target, story=[pdf.paragraph("x")], title="x", overwrite=False)
    assert target.read_bytes() == b"old"


def test_markup_characters_in_names_are_printed_not_interpreted(tmp_path: Path) -> None:
    path = pdf.build_pdf(
        tmp_path / "m.pdf",
        story=[pdf.data_table(header=["Sniedzējs"], rows=[["SIA <b>A&B</b>"]], widths=[1])],
        title="x",
    )
    if shutil.which("pdftotext"):
        assert "SIA <b>A&B</b>" in pdf_text(path)


def test_nice_ceiling() -> None:
    assert pdf.nice_ceiling(1100) == 2000
    assert pdf.nice_ceiling(0.9) == 1
    assert pdf.nice_ceiling(230) == 250
    assert pdf.nice_ceiling(0) == 1


@needs_poppler
def test_row_table_wraps_cuts_and_widens_and_prints_markup_as_text(tmp_path: Path) -> None:
    long_word = "S-2025/" + "7" * 60
    long_text = " ".join(f"vārds{i}" for i in range(400))
    rows = [
        ["1", "SIA <b>A&B</b>", long_word, "1,00"],
        ["2", long_text, "x", "2,00"],
        *[[str(i), f"Ēriks Ķēniņš {i}", "y", "3,00"] for i in range(3, 80)],
        ["Kopā", "", "", "1 234 567,00"],
    ]
    table = pdf.row_table(
        header=["Nr.", "Vārds, uzvārds", "Rēķina nr.", "Summa, EUR"],
        rows=rows,
        widths=[1, 6, 2, 1],
        align=["right", "left", "left", "right"],
        total_rows=[len(rows) - 1],
        font_size=7,
    )
    layout = table._layout
    # the right-aligned column grew to hold the bold total; the text columns gave the room
    total_width = pdfmetrics.stringWidth("1 234 567,00", pdf.FONT_BOLD, 7)
    assert layout.widths[3] >= total_width + 4
    assert sum(layout.widths) == pytest.approx(pdf.content_width())
    # a word longer than its column is broken between letters, never drawn past the cell
    broken = layout.cells[0][2]
    assert "".join(broken) == long_word and len(broken) > 1
    assert all(pdfmetrics.stringWidth(line, pdf.FONT, 7) <= layout.widths[2] - 4 for line in broken)
    # a cell that would be taller than a page is cut, and says so
    assert len(layout.cells[1][1]) == pdf.MAX_CELL_LINES and layout.cells[1][1][-1].endswith("…")

    path = pdf.build_pdf(tmp_path / "r.pdf", story=[table], title="x")
    pages = pdf_pages(path)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert "Rēķina nr." in pdf_text(path, page=page)  # the header on every page
    text = pdf_text(path)
    assert "SIA <b>A&B</b>" in text
    assert "1 234 567,00" in text and "Ēriks Ķēniņš 79" in text
    assert render_every_page(path, tmp_path) == pages


def test_streamed_sheet_writes_what_the_ordinary_helpers_write(tmp_path: Path) -> None:
    columns = [
        xlsx.Column("Vārds, uzvārds", "text", 20),
        xlsx.Column("Datums", "date"),
        xlsx.Column("Izmaksas, EUR", "money"),
        xlsx.Column("Skaits", "int"),
        xlsx.Column("Piezīme", "text", 45),
    ]
    rows = [
        [text, dt.date(2025, 2, i + 1), Decimal(f"-{i}.50"), i, f"piezīme {text}"]
        for i, text in enumerate(FORMULA_TRIGGERS)
    ]
    rows.append(["Ozoliņa", None, None, None, None])
    total = ["Kopā", None, Decimal("1234567.89"), 99, None]
    lines = [("Periods", "2025-H1", "text"), ("No", dt.date(2025, 1, 1), "date"), ("Likme", 0.5, "share")]

    ordinary = xlsx.new_workbook()
    ws = xlsx.add_sheet(ordinary, "Dati")
    row = xlsx.write_title_block(ws, title="Virsraksts, kas ir garāks par kolonnu", lines=lines)
    xlsx.write_header(ws, row=row, columns=columns)
    for values in rows:
        row += 1
        xlsx.write_row(ws, row=row, columns=columns, values=values)
    xlsx.write_row(ws, row=row + 1, columns=columns, values=total, total=True)
    xlsx.fit_columns(ws, columns=columns)
    first = xlsx.save_workbook(ordinary, tmp_path / "ordinary.xlsx")

    streamed = xlsx.new_workbook(write_only=True)
    sheet = xlsx.StreamedSheet(streamed, "Dati")
    sheet.title_block(title="Virsraksts, kas ir garāks par kolonnu", lines=lines)
    sheet.header(columns)
    for values in rows:
        sheet.row(columns, values, outline_level=1)
    sheet.row(columns, total, total=True)
    sheet.write(columns=columns)
    second = xlsx.save_workbook(streamed, tmp_path / "streamed.xlsx")

    a, b = openpyxl.load_workbook(first)["Dati"], openpyxl.load_workbook(second)["Dati"]
    assert (a.max_row, a.max_column) == (b.max_row, b.max_column)
    for letter in "ABCDE":
        assert a.column_dimensions[letter].width == b.column_dimensions[letter].width, letter
    for row_a, row_b in zip(a.iter_rows(), b.iter_rows(), strict=True):
        for x, y in zip(row_a, row_b, strict=True):
            if x.value is None and y.value is None and not x.fill.fgColor.rgb.endswith("F2F2F2"):
                continue  # an empty plain cell may be left out of the streamed sheet
            assert (x.value, x.data_type, x.quotePrefix, x.font.b, x.font.sz) == (
                y.value,
                y.data_type,
                y.quotePrefix,
                y.font.b,
                y.font.sz,
            ), x.coordinate
            assert (x.fill.fgColor.rgb, x.alignment.wrap_text, x.alignment.vertical) == (
                y.fill.fgColor.rgb,
                y.alignment.wrap_text,
                y.alignment.vertical,
            ), x.coordinate
            if x.value is not None:
                assert x.number_format == y.number_format, x.coordinate
    assert b.row_dimensions[a.max_row - 1].outline_level == 1
    for xml in sheet_xml(second).values():
        assert "<f>" not in xml and "<f " not in xml
    xlsx.fit_row_heights(a)
    for number in range(1, a.max_row + 1):
        assert a.row_dimensions[number].height == b.row_dimensions[number].height, number


def test_money_is_written_in_cents_and_fonts_name_their_face(tmp_path: Path) -> None:
    """Issue 16: no 580.5700000000001 in a cell; bold text is the body's face, not LibreOffice's serif."""
    columns = [xlsx.Column("Summa, EUR", "money"), xlsx.Column("Skaits", "int")]
    workbook = xlsx.new_workbook(write_only=True)
    sheet = xlsx.StreamedSheet(workbook, "Dati")
    sheet.title_block(title="Virsraksts", lines=[("Summa", 580.57 + 1e-13, "money")])
    sheet.header(columns)
    sheet.row(columns, [0.1 + 0.2, 1234567])
    sheet.row(columns, [Decimal("2.675"), 1], total=True)
    sheet.note("Piezīme")
    sheet.write(columns=columns)
    path = xlsx.save_workbook(workbook, tmp_path / "c.xlsx")
    xml = sheet_xml(path)["xl/worksheets/sheet1.xml"]
    values = re.findall(r"<v>([^<]*)</v>", xml)
    assert "580.57" in values and "0.30" in values and "2.68" in values, values
    assert not [v for v in values if "." in v and len(v.split(".")[1]) > 2]
    ws = openpyxl.load_workbook(path)["Dati"]
    faces = {cell.font.name for row in ws.iter_rows() for cell in row if cell.value is not None}
    assert faces == {xlsx.FONT_NAME}
    assert ws["B5"].value == 1234567 and ws["B5"].number_format == "#,##0"


def test_wrapped_rows_get_the_height_their_lines_need() -> None:
    """LibreOffice 7.4 does not grow a row for wrapped text: the file must say how tall it is."""
    assert xlsx.text_lines("Kompensācija, EUR", 14, bold=True) == 2
    assert xlsx.text_lines("Kopā", 14) == 1
    assert xlsx.text_lines("Sociālā darba pedagoģijas augstskola «Attīstība»", 30) == 2
    assert xlsx.text_lines("a\nb\nc", 30) == 3
    assert xlsx.text_lines("Ā" * 50, 10) >= 6  # a word longer than the line breaks between letters
    assert xlsx.row_height(1) is None and xlsx.row_height(3) == 45


def test_printed_footer_fits_inside_the_bottom_margin() -> None:
    workbook = xlsx.new_workbook()
    ws = xlsx.add_sheet(workbook, "Dati")
    xlsx.setup_print(ws, landscape=True, footer="Pieprasījums apmācību un supervīzijas izmaksu kompensācijai")
    assert ws.page_margins.footer + 0.4 <= ws.page_margins.bottom
    assert ws.oddFooter.left.size == 8 and ws.oddFooter.left.font == xlsx.FONT_NAME
