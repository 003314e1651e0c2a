"""The council report (issue 4 item 3): figures from the rules, a readable PDF, and `swdesk report`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from swdesk.cli import main
from swdesk.db.database import Database, open_database
from swdesk.demo import generate_demo
from swdesk.export.common import date_text
from swdesk.export.report import CouncilReport, report_for_year, write_report_pdf
from swdesk.rules.checks import check_year
from tests.test_export_toolkit import needs_poppler, pdf_pages, pdf_text, render_every_page

TODAY = dt.date(2026, 3, 15)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    folder = tmp_path_factory.mktemp("report")
    database = open_database(str(folder / "demo.sqlite"), auto_backup=False)
    generate_demo(database, size="small", today=TODAY)
    yield database, folder
    database.close()


@pytest.fixture(scope="module")
def report(demo: tuple[Database, Path]) -> CouncilReport:
    with demo[0].read() as s:
        return report_for_year(s, year=2025, as_of=dt.date(2025, 12, 31))


def test_findings_are_those_of_the_checks(demo: tuple[Database, Path], report: CouncilReport) -> None:
    with demo[0].read() as s:
        result = check_year(s, year=2025, as_of=dt.date(2025, 12, 31))
    assert [f.to_json() for f in report.findings] == [f.to_json() for f in result.findings]
    ratio = result.for_rule("staffing.ratio")
    if ratio and ratio[0].value is not None:
        assert report.ratio == ratio[0].value


def test_report_has_the_chart_data(report: CouncilReport) -> None:
    assert report.ratio_by_year and report.ratio_by_year[-1][0] == 2025
    assert report.caseload_by_work_type and len(report.months) == 12
    assert report.duty_hours_by_category
    assert report.training_by_position
    assert 0 <= report.training_met <= report.training_total


@needs_poppler
def test_pdf_headlines_charts_and_findings(report: CouncilReport, tmp_path: Path) -> None:
    path = write_report_pdf(report, tmp_path / "Atskaite.pdf")
    text = pdf_text(path)
    assert "Sociālā dienesta personāls 2025. gadā" in text
    assert "Ziņojums pašvaldības domei" in text
    assert "Galvenie rādītāji" in text and date_text(report.as_of) in text
    # chart titles and labels are vector text in the PDF
    assert "Iedzīvotāji uz vienu speciālista slodzi pa gadiem" in text
    assert "norma 1:1000" in text
    assert "Apmācību stundas vidēji uz darbinieku pa amatiem, 2025" in text
    # by default only the findings about the service are listed; those about people are counted per group
    assert "Konstatējumi par dienestu, vakancēm un darba veidiem" in text
    assert "Konstatējumi pa amatiem" in text
    first = report.findings[0].message.split()[0]
    assert first in text
    named = pdf_text(write_report_pdf(report, tmp_path / "Atskaite-ar-vardiem.pdf", named=True))
    assert "Visi konstatējumi" in named
    assert all(f.message.split()[0] in named for f in report.findings)
    pages = pdf_pages(path)
    assert f"1. lapa no {pages}" in pdf_text(path, page=1)
    assert render_every_page(path, tmp_path) == pages


@needs_poppler
def test_command_writes_the_report(
    demo: tuple[Database, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, folder = demo
    out = tmp_path / "r.pdf"
    assert main(["--db", str(folder / "demo.sqlite"), "report", "--year", "2025", "--pdf", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Ziņojums saglabāts" in capsys.readouterr().out
    assert main(["--db", str(folder / "demo.sqlite"), "report", "--year", "1800", "--pdf", str(out)]) == 2


@needs_poppler
def test_charts_a_council_member_can_read(report: CouncilReport, tmp_path: Path) -> None:
    """Issue 16 item 5: axis titles with units, whole category names, positions named, lines told apart,
    and the head's name, the date and a signature line at the end."""
    path = write_report_pdf(report, tmp_path / "Atskaite.pdf", prepared=dt.date(2026, 1, 20))
    pages = pdf_pages(path)
    charts = " ".join(" ".join(pdf_text(path, page=p).split()) for p in (2, 3))
    for axis in (
        "iedzīvotāji uz 1 slodzi",
        "lietas uz 1 slodzi mēnesī",
        "stundas (h) gadā",
        "stundas (h) vidēji uz darbinieku",
    ):
        assert axis in charts, axis
    assert "…" not in charts  # no name cut short
    for code, _hours in report.duty_hours_by_category[:8]:
        assert report.duty_category_names[code] in charts, code
    for code, _done, _required in report.training_shown:  # positions of fewer than 3 are pooled
        assert (report.position_names[code] if code != "*other*" else "Citi amati") in charts, code
    assert not {"SD_VEC", "SD_JAUN", "SPO", "SAPR"} & set(charts.split())  # named, not coded
    last = " ".join(pdf_text(path, page=pages).split())
    assert report.service is not None and report.service.head_name
    for words in (
        "Ziņojums sagatavots 20.01.2026.",
        "Sociālā dienesta vadītājs",
        report.service.head_name,
        "paraksts",
        "datums",
    ):
        assert words in last, words
    headlines = " ".join(pdf_text(path, page=1).split())
    assert "MK 03.06.2003. noteikumu Nr. 291" in headlines and "zaudējis spēku" in headlines


def test_lines_of_a_chart_have_each_their_own_dash_and_marker() -> None:
    from swdesk.export import pdf

    styles = [pdf.line_style(i) for i in range(7)]
    assert len({(str(dashes), marker) for _colour, dashes, marker in styles}) == 7
    drawing = pdf.line_chart(
        title="Lietas",
        categories=["01.2025", "02.2025", "03.2025"],
        series=[
            pdf.Series(f"Veids {i}", [5.0, 5.0, 5.0]) for i in range(5)
        ],  # five lines on top of each other
        value_title="lietas uz 1 slodzi",
    )
    chart = next(item for item in drawing.contents if type(item).__name__ == "HorizontalLineChart")
    markers = [chart.lines[i].symbol.kind for i in range(5)]
    dashes = [str(chart.lines[i].strokeDashArray) for i in range(5)]
    assert len(set(zip(markers, dashes, strict=True))) == 5


@needs_poppler
def test_the_report_is_latvian_with_lang_en_and_english_only_as_a_copy(
    demo: tuple[Database, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database, folder = demo
    out = tmp_path / "r.pdf"
    args = [
        "--db",
        str(folder / "demo.sqlite"),
        "--lang",
        "en",
        "report",
        "--year",
        "2025",
        "--pdf",
        str(out),
    ]
    assert main([*args, "--english-copy"]) == 0
    assert "Report written" in capsys.readouterr().out  # the terminal speaks the chosen language
    assert "Sociālā dienesta personāls 2025. gadā" in pdf_text(out, page=1)
    assert "Staff of the social service in 2025" in pdf_text(tmp_path / "r.en.pdf", page=1)


def test_norm_findings_cite_the_source_in_force_and_say_what_lost_force(report: CouncilReport) -> None:
    """Issue 16 item 8: the training norm is the service's catalogue's, its hours come from MK Nr. 291,
    which has lost force — the message says so, and names the act in force (MK Nr. 338)."""
    training = [f for f in report.findings if f.rule == "training.hours"]
    supervision = [f for f in report.findings if f.rule == "supervision.hours"]
    assert training and supervision
    for finding in training:
        assert "dienesta amatu katalogā" in finding.message
        assert "Nr. 291" in finding.message and "zaudējis spēku" in finding.message
        assert "Nr. 338" in finding.message
    for finding in supervision:
        assert "dienesta iestatījumi" in finding.message and "zaudējuši spēku" in finding.message
