"""The compensation claim as the head mails it to the Ministry of Welfare: a workbook and an A4 PDF.

Issue 4 item 1, SPEC §3. Both documents show the same :class:`~swdesk.rules.claim.Claim`: the summary
(service, municipality, period, rate, totals per kind, the head's name, the date) and every event of the
period — included or excluded with its Latvian reason — grouped by person with a sub-total after each
person. Nothing is computed here beyond sums the claim already holds and minutes shown as hours.

Rows are listed by person (the claim's ``by_person`` order: surname, name), then by date and order of
entry, because the Ministry checks a claim person by person against the yearly caps.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from swdesk.export import pdf, xlsx
from swdesk.export.common import date_text, hours_text, minutes_to_hours, money_text, share_text
from swdesk.export.xlsx import Column
from swdesk.i18n import define, tr
from swdesk.rules.claim import Claim, ClaimRow, ClaimTotals, form_label, kind_label

define(
    {
        "claimdoc.title": (
            "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai",
            "Claim for compensation of training and supervision costs",
        ),
        "claimdoc.sheet_summary": ("Kopsavilkums", "Summary"),
        "claimdoc.sheet_rows": ("Notikumi", "Events"),
        "claimdoc.service": ("Sociālais dienests", "Social service"),
        "claimdoc.municipality": ("Pašvaldība", "Municipality"),
        "claimdoc.period": ("Periods", "Period"),
        "claimdoc.period_from": ("Perioda sākums", "Period from"),
        "claimdoc.period_to": ("Perioda beigas", "Period to"),
        "claimdoc.period_text": ("{label} ({start}–{end})", "{label} ({start}–{end})"),
        "claimdoc.rate": ("Kompensācijas likme", "Compensation rate"),
        "claimdoc.head": ("Sociālā dienesta vadītājs", "Head of the social service"),
        "claimdoc.prepared": ("Sagatavošanas datums", "Date prepared"),
        "claimdoc.by_kind": ("Kopsavilkums pa veidiem", "Totals by kind"),
        "claimdoc.by_reason": ("Izslēgtie notikumi pa iemesliem", "Excluded events by reason"),
        "claimdoc.rows_heading": ("Notikumi pa darbiniekiem", "Events by person"),
        "claimdoc.col.kind": ("Veids", "Kind"),
        "claimdoc.col.events": ("Notikumi", "Events"),
        "claimdoc.col.excluded_count": ("t.sk. izslēgti", "of which excluded"),
        "claimdoc.col.reason": ("Iemesls", "Reason"),
        "claimdoc.col.count": ("Skaits", "Count"),
        "claimdoc.col.no": ("Nr.", "No."),
        "claimdoc.col.tabeles_nr": ("Tabeles nr.", "Employee no."),
        "claimdoc.col.person": ("Vārds, uzvārds", "Name"),
        "claimdoc.col.position": ("Amats", "Position"),
        "claimdoc.col.date": ("Datums", "Date"),
        "claimdoc.col.form": ("Forma", "Form"),
        "claimdoc.col.hours": ("Stundas", "Hours"),
        "claimdoc.col.compensable_hours": ("Kompensējamās stundas", "Compensable hours"),
        "claimdoc.col.compensable_hours_short": ("Komp. stundas", "Comp. hours"),
        "claimdoc.col.eligible_cost_short": ("Attiecināmās, EUR", "Eligible, EUR"),
        "claimdoc.col.provider": ("Sniedzējs", "Provider"),
        "claimdoc.col.topic": ("Tēma", "Topic"),
        "claimdoc.col.invoice": ("Rēķina nr.", "Invoice no."),
        "claimdoc.col.cost": ("Izmaksas, EUR", "Cost, EUR"),
        "claimdoc.col.eligible_cost": ("Attiecināmās izmaksas, EUR", "Eligible cost, EUR"),
        "claimdoc.col.compensation": ("Kompensācija, EUR", "Compensation, EUR"),
        "claimdoc.col.note": ("Izslēgšanas iemesls vai piezīme", "Reason for exclusion or note"),
        "claimdoc.subtotal": ("Kopā: {name}", "Total: {name}"),
        "claimdoc.total": ("Kopā pieprasījumā", "Claim total"),
        "claimdoc.note.cost_capped": (
            "izmaksas ierobežotas ar supervīzijas izmaksu limitu",
            "cost limited by the supervision cost cap",
        ),
        "claimdoc.note.partly": (
            "gada limits: kompensē {hours} h no {total} h",
            "yearly cap: {hours} h of {total} h compensated",
        ),
        "claimdoc.no_events": (
            "Periodā nav neviena apmācību vai supervīzijas notikuma.",
            "There are no training or supervision events in the period.",
        ),
    }
)


def _header(key: str) -> str:
    return tr(f"claimdoc.col.{key}")


def row_note(row: ClaimRow) -> str:
    """The Latvian reason for an exclusion, or what limited an included row (cost cap, yearly cap)."""
    if row.excluded is not None:
        return row.reason_text() or ""
    notes = []
    if row.compensable_minutes < row.minutes:
        notes.append(
            tr(
                "claimdoc.note.partly",
                hours=hours_text(minutes_to_hours(row.compensable_minutes)),
                total=hours_text(minutes_to_hours(row.minutes)),
            )
        )
    if row.cost_capped:
        notes.append(tr("claimdoc.note.cost_capped"))
    return "; ".join(notes)


def period_text(claim: Claim) -> str:
    """E.g. "2025. gada 1. pusgads (01.01.2025–30.06.2025)"."""
    return tr(
        "claimdoc.period_text",
        label=claim.period.describe(),
        start=date_text(claim.period.start),
        end=date_text(claim.period.end),
    )


@dataclass(frozen=True)
class _Line:
    """One line of the rows table: an event (``row`` set, numbered) or a sub-total / total."""

    number: int | None
    row: ClaimRow | None
    label: str
    totals: ClaimTotals | None
    grand_total: bool = False


def _lines(claim: Claim) -> Iterator[_Line]:
    """Events grouped by person in the claim's person order, each group closed by its sub-total."""
    by_person: dict[str, list[ClaimRow]] = {}
    for row in claim.rows:
        by_person.setdefault(row.tabeles_nr, []).append(row)
    number = 0
    for person in claim.by_person:
        for row in sorted(by_person.get(person.tabeles_nr, []), key=lambda r: (r.date, r.event_id)):
            number += 1
            yield _Line(number=number, row=row, label=row.staff_name, totals=None)
        yield _Line(
            number=None, row=None, label=tr("claimdoc.subtotal", name=person.staff_name), totals=person.totals
        )
    yield _Line(number=None, row=None, label=tr("claimdoc.total"), totals=claim.totals, grand_total=True)


# --- the workbook -------------------------------------------------------------------------------------------

ROW_COLUMNS: tuple[tuple[str, xlsx.ColumnKind, float], ...] = (
    ("no", "int", 8),
    ("tabeles_nr", "text", 14),
    ("person", "text", 28),
    ("position", "text", 30),
    ("date", "date", 12),
    ("kind", "text", 24),
    ("form", "text", 12),
    ("hours", "hours", 10),
    ("compensable_hours", "hours", 14),
    ("provider", "text", 30),
    ("topic", "text", 30),
    ("invoice", "text", 14),
    ("cost", "money", 14),
    ("eligible_cost", "money", 14),
    ("compensation", "money", 14),
    ("note", "text", 45),
)


def row_columns() -> list[Column]:
    """The columns of the rows sheet, with their Latvian headers (also what the tests look up)."""
    return [Column(_header(key), kind, max_width=width) for key, kind, width in ROW_COLUMNS]


def _line_values(line: _Line) -> list[Any]:
    if line.row is not None:
        r = line.row
        return [
            line.number,
            r.tabeles_nr,
            r.staff_name,
            r.position_name,
            r.date,
            kind_label(r.kind),
            form_label(r.form),
            minutes_to_hours(r.minutes),
            minutes_to_hours(r.compensable_minutes),
            r.provider,
            r.topic,
            r.invoice,
            r.cost,
            r.eligible_cost,
            r.compensation,
            row_note(r),
        ]
    t = line.totals
    assert t is not None
    return [
        None,
        None,
        line.label,
        None,
        None,
        None,
        None,
        minutes_to_hours(t.minutes),
        minutes_to_hours(t.compensable_minutes),
        None,
        None,
        None,
        t.cost,
        t.eligible_cost,
        t.compensation,
        None,
    ]


def _kind_columns() -> list[Column]:
    return [
        Column(_header("kind"), "text", 30),
        Column(_header("events"), "int", 12),
        Column(_header("excluded_count"), "int", 12),
        Column(_header("hours"), "hours", 12),
        Column(_header("compensable_hours"), "hours", 14),
        Column(_header("cost"), "money", 16),
        Column(_header("eligible_cost"), "money", 16),
        Column(_header("compensation"), "money", 16),
    ]


def _kind_values(label: str, totals: ClaimTotals) -> list[Any]:
    return [
        label,
        totals.rows,
        totals.excluded_rows,
        minutes_to_hours(totals.minutes),
        minutes_to_hours(totals.compensable_minutes),
        totals.cost,
        totals.eligible_cost,
        totals.compensation,
    ]


def _summary_sheet(sheet: xlsx.StreamedSheet, claim: Claim, prepared: dt.date) -> None:
    lines: list[tuple[str, Any, xlsx.ColumnKind]] = [
        (tr("claimdoc.service"), claim.service_name, "text"),
        (tr("claimdoc.municipality"), claim.municipality, "text"),
        (tr("claimdoc.period"), f"{claim.period.label} — {claim.period.describe()}", "text"),
        (tr("claimdoc.period_from"), claim.period.start, "date"),
        (tr("claimdoc.period_to"), claim.period.end, "date"),
        (tr("claimdoc.rate"), claim.rate, "share"),
        (tr("claimdoc.head"), claim.head_name, "text"),
        (tr("claimdoc.prepared"), prepared, "date"),
    ]
    sheet.title_block(title=tr("claimdoc.title"), lines=lines)

    sheet.label(tr("claimdoc.by_kind"))
    columns = _kind_columns()
    sheet.header(columns)
    for subtotal in claim.by_kind:
        sheet.row(columns, _kind_values(subtotal.label(), subtotal.totals))
    sheet.row(columns, _kind_values(tr("claimdoc.total"), claim.totals), total=True)

    sheet.blank()
    sheet.label(tr("claimdoc.by_reason"))
    reason_columns = [Column(_header("reason"), "text", 40), Column(_header("count"), "int", 12)]
    sheet.header(reason_columns)
    for code, count in claim.excluded_counts().items():
        sheet.row(reason_columns, [tr(f"claim.reason.{code}"), count])

    xlsx.setup_print(sheet.ws, landscape=True, footer=tr("claimdoc.title"))
    sheet.write(columns=columns, fit_from_row=2)


def _rows_sheet(sheet: xlsx.StreamedSheet, claim: Claim) -> None:
    columns = row_columns()
    sheet.header(columns)
    for line in _lines(claim):
        # Outline level 1 over a person's events: the sheet folds to one sub-total line per person.
        sheet.row(
            columns,
            _line_values(line),
            total=line.row is None,
            outline_level=1 if line.row is not None else 0,
        )
    ws = sheet.ws
    ws.sheet_properties.outlinePr.summaryBelow = True
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{sheet.row_count}"
    xlsx.freeze_below(ws, 1, columns=3)
    xlsx.setup_print(
        ws, landscape=True, header_row=1, footer=f"{tr('claimdoc.title')} — {claim.period.label}"
    )
    sheet.write(columns=columns)


def write_claim_xlsx(
    claim: Claim, path: str | os.PathLike[str], *, prepared: dt.date | None = None, overwrite: bool = True
) -> Path:
    """The claim workbook: a summary sheet and a rows sheet (every event, sub-totals per person).

    ``prepared`` is the date printed as the date of preparation (default today); ``overwrite=False``
    refuses an existing file (for the GUI). Written in openpyxl's streaming mode: a Rīga year has
    about 9,000 rows.
    """
    workbook = xlsx.new_workbook(write_only=True)
    _summary_sheet(
        xlsx.StreamedSheet(workbook, tr("claimdoc.sheet_summary")), claim, prepared or dt.date.today()
    )
    _rows_sheet(xlsx.StreamedSheet(workbook, tr("claimdoc.sheet_rows")), claim)
    workbook.properties.title = tr("claimdoc.title")
    workbook.properties.creator = "swdesk"
    return xlsx.save_workbook(workbook, path, overwrite=overwrite)


# --- the PDF ------------------------------------------------------------------------------------------------

# (column key, relative width, alignment) of the PDF rows table; landscape A4
PDF_COLUMNS: tuple[tuple[str, float, pdf.Align], ...] = (
    ("no", 4, "right"),  # 4 digits: a Rīga year has 8,000 events
    ("person", 12, "left"),
    ("position", 13, "left"),
    ("date", 8, "center"),
    ("kind", 9.5, "left"),
    ("form", 6.5, "left"),
    ("hours", 8, "right"),  # "27 043,00" in a Rīga year's grand total
    ("compensable_hours_short", 8, "right"),
    ("provider", 11.5, "left"),
    ("invoice", 10, "left"),  # "S-2025/37056" on one line
    ("cost", 9, "right"),
    ("eligible_cost_short", 10.5, "right"),
    ("compensation", 11, "right"),
    ("note", 15, "left"),  # its header on two lines
)


def _pdf_line(line: _Line) -> list[str]:
    if line.row is not None:
        r = line.row
        person = f"{r.staff_name} ({r.tabeles_nr})"
        return [
            str(line.number),
            person,
            r.position_name,
            date_text(r.date),
            kind_label(r.kind),
            form_label(r.form),
            hours_text(minutes_to_hours(r.minutes)),
            hours_text(minutes_to_hours(r.compensable_minutes)),
            r.provider or "",
            r.invoice or "",
            money_text(r.cost) if r.cost is not None else "",
            money_text(r.eligible_cost),
            money_text(r.compensation),
            row_note(r),
        ]
    t = line.totals
    assert t is not None
    # the label stands in the first cell and spans the columns up to the hours (see _rows_table)
    return [
        line.label,
        "",
        "",
        "",
        "",
        "",
        hours_text(minutes_to_hours(t.minutes)),
        hours_text(minutes_to_hours(t.compensable_minutes)),
        "",
        "",
        money_text(t.cost),
        money_text(t.eligible_cost),
        money_text(t.compensation),
        "",
    ]


def _kind_table(claim: Claim) -> pdf.Table:
    header = [c.header for c in _kind_columns()]
    rows = [_kind_pdf_values(s.label(), s.totals) for s in claim.by_kind]
    rows.append(_kind_pdf_values(tr("claimdoc.total"), claim.totals))
    return pdf.data_table(
        header=header,
        rows=rows,
        widths=[20, 8, 8, 9, 11, 12, 13, 13],
        align=["left"] + ["right"] * 7,
        total_rows=[len(rows) - 1],
        font_size=8.5,
        width=pdf.content_width(wide=True),
    )


def _kind_pdf_values(label: str, totals: ClaimTotals) -> list[str]:
    return [
        label,
        str(totals.rows),
        str(totals.excluded_rows),
        hours_text(minutes_to_hours(totals.minutes)),
        hours_text(minutes_to_hours(totals.compensable_minutes)),
        money_text(totals.cost),
        money_text(totals.eligible_cost),
        money_text(totals.compensation),
    ]


def _reason_table(claim: Claim) -> pdf.Table:
    rows = [[tr(f"claim.reason.{code}"), str(count)] for code, count in claim.excluded_counts().items()]
    return pdf.data_table(
        header=[_header("reason"), _header("count")],
        rows=rows,
        widths=[50, 10],
        align=["left", "right"],
        font_size=8.5,
        width=pdf.content_width(wide=True) * 0.5,
    )


def _rows_table(claim: Claim) -> pdf.RowTable:
    lines = list(_lines(claim))
    return pdf.row_table(
        header=[_header(key) for key, _w, _a in PDF_COLUMNS],
        rows=[_pdf_line(line) for line in lines],
        widths=[w for _k, w, _a in PDF_COLUMNS],
        align=[a for _k, _w, a in PDF_COLUMNS],
        total_rows=[i for i, line in enumerate(lines) if line.row is None],
        font_size=7,
        width=pdf.content_width(wide=True),
        total_span=6,
    )


def rate_text(claim: Claim) -> str:
    """The rate as a percentage: "50 %", or "57,5 %" when it is not a whole percent."""
    percent = claim.rate * 100
    return share_text(claim.rate, places=0 if percent == percent.to_integral_value() else 1)


def title_lines(claim: Claim, prepared: dt.date) -> Sequence[tuple[str, str]]:
    return [
        (tr("claimdoc.service"), claim.service_name or ""),
        (tr("claimdoc.municipality"), claim.municipality or ""),
        (tr("claimdoc.period"), period_text(claim)),
        (tr("claimdoc.rate"), rate_text(claim)),
        (tr("claimdoc.head"), claim.head_name or ""),
        (tr("claimdoc.prepared"), date_text(prepared)),
    ]


def write_claim_pdf(
    claim: Claim, path: str | os.PathLike[str], *, prepared: dt.date | None = None, overwrite: bool = True
) -> Path:
    """The claim as a printable landscape A4 PDF: title block, totals by kind and by exclusion reason,
    every event grouped by person with sub-totals (the header repeats on each page), page numbers
    "N. lapa no M" and lines for the head's signature and the date.
    """
    prepared = prepared or dt.date.today()
    wide = pdf.content_width(wide=True)
    story: list[Any] = pdf.title_block(
        title=tr("claimdoc.title"),
        subtitle=" — ".join(x for x in (claim.service_name, claim.municipality) if x),
        lines=title_lines(claim, prepared),
        width=wide * 0.6,
    )
    story += [pdf.heading(tr("claimdoc.by_kind")), _kind_table(claim)]
    story += [pdf.heading(tr("claimdoc.by_reason")), _reason_table(claim)]
    story.append(pdf.heading(tr("claimdoc.rows_heading")))
    if claim.rows:
        story.append(_rows_table(claim))
    else:
        story.append(pdf.paragraph(tr("claimdoc.no_events")))
    story.append(pdf.signature_block(role=tr("claimdoc.head"), name=claim.head_name, width=wide))
    title = f"{tr('claimdoc.title')} — {claim.period.label}"
    if claim.municipality:
        title += f" — {claim.municipality}"
    return pdf.build_pdf(
        path, story=story, title=title, author=claim.head_name or "", wide=True, overwrite=overwrite
    )
