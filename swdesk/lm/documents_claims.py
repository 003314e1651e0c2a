"""The documents of LM's claim verification (issue 12 item 4): a workbook and a PDF.

Workbook: ``Kopsavilkums`` (claimed vs verified compensation per municipality, with totals),
``Atskiribas`` (every row whose figure differs: both values and the reason), ``Dubulti`` (the same person
or invoice in two files, the same event twice), ``Faili`` (every file's verdict). The PDF holds the same
for the ministry's file. Latvian, EUR with a decimal comma.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from swdesk.export import pdf, xlsx
from swdesk.export.common import OFFICIAL_LANGUAGE, document_language
from swdesk.export.xlsx import Column
from swdesk.formats import fmt_date
from swdesk.i18n import define, tr
from swdesk.lm.claims import ClaimsVerification

define(
    {
        "lmclaims.title": (
            "Kompensācijas pieprasījumu pārbaude: {period}",
            "Verification of compensation claims: {period}",
        ),
        "lmclaims.sheet.summary": ("Kopsavilkums", "Summary"),
        "lmclaims.sheet.differences": ("Atskiribas", "Differences"),
        "lmclaims.sheet.duplicates": ("Dubulti", "Duplicates"),
        "lmclaims.col.municipality": ("Pašvaldība", "Municipality"),
        "lmclaims.col.files": ("Faili", "Files"),
        "lmclaims.col.rows": ("Rindas", "Rows"),
        "lmclaims.col.claimed": ("Pieprasīts, EUR", "Claimed, EUR"),
        "lmclaims.col.verified": ("Pārbaudot, EUR", "Verified, EUR"),
        "lmclaims.col.difference": ("Starpība, EUR", "Difference, EUR"),
        "lmclaims.col.differing": ("Rindas ar atšķirībām", "Rows that differ"),
        "lmclaims.col.file": ("Fails", "File"),
        "lmclaims.col.row": ("Rinda", "Row"),
        "lmclaims.col.staff": ("Tabeles nr.", "Employee no."),
        "lmclaims.col.date": ("Datums", "Date"),
        "lmclaims.col.field": ("Rādītājs", "Figure"),
        "lmclaims.col.claimed_value": ("Pieprasīts", "Claimed"),
        "lmclaims.col.verified_value": ("Pārbaudot", "Verified"),
        "lmclaims.col.reason": ("Iemesls", "Reason"),
        "lmclaims.col.what": ("Kas atkārtojas", "What repeats"),
        "lmclaims.total": ("Kopā", "Total"),
        "lmclaims.none": ("Nav.", "None."),
        "lmclaims.section.differences": ("Rindas, kuru skaitļi atšķiras", "Rows whose figures differ"),
        "lmclaims.section.duplicates": ("Dubulti", "Duplicates"),
        "lmclaims.section.files": ("Faili un to vērtējums", "Files and their verdicts"),
    }
)


def claims_title(v: ClaimsVerification) -> str:
    return tr("lmclaims.title", period=v.period.describe())


def _summary_rows(v: ClaimsVerification) -> list[list[Any]]:
    rows: list[list[Any]] = [
        [m.municipality, len(m.files), m.rows, m.claimed, m.verified, m.difference, m.differing_rows]
        for m in v.municipalities
    ]
    rows.append(
        [
            tr("lmclaims.total"),
            sum(len(m.files) for m in v.municipalities),
            sum(m.rows for m in v.municipalities),
            v.claimed,
            v.verified,
            v.claimed - v.verified,
            sum(m.differing_rows for m in v.municipalities),
        ]
    )
    return rows


def _difference_rows(v: ClaimsVerification) -> list[list[Any]]:
    from swdesk.lm.claims import _shown

    return [
        [
            d.file,
            d.municipality,
            d.row,
            d.staff,
            dt.date.fromisoformat(d.date),
            tr(f"lm.claims.field.{d.field}"),
            _shown(d.field, d.claimed),
            _shown(d.field, d.verified),
            d.reason,
        ]
        for d in v.differences
    ]


def write_claims_xlsx(
    v: ClaimsVerification,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    from swdesk.lm.documents import _files_sheet

    with document_language(lang):
        title = claims_title(v)
        workbook = xlsx.new_workbook()
        columns = [
            Column(tr("lmclaims.col.municipality"), max_width=30),
            Column(tr("lmclaims.col.files"), "int"),
            Column(tr("lmclaims.col.rows"), "int"),
            Column(tr("lmclaims.col.claimed"), "money"),
            Column(tr("lmclaims.col.verified"), "money"),
            Column(tr("lmclaims.col.difference"), "money"),
            Column(tr("lmclaims.col.differing"), "int"),
        ]
        summary = xlsx.StreamedSheet(workbook, tr("lmclaims.sheet.summary"))
        summary.title(title)
        summary.blank()
        header = summary.header(columns)
        body = _summary_rows(v)
        for index, row in enumerate(body):
            summary.row(columns, row, total=index == len(body) - 1)
        summary.write(columns=columns, fit_from_row=header)
        xlsx.freeze_below(summary.ws, header)
        xlsx.setup_print(summary.ws, landscape=True, header_row=header, footer=title)

        diff_columns = [
            Column(tr("lmclaims.col.file"), max_width=36),
            Column(tr("lmclaims.col.municipality"), max_width=26),
            Column(tr("lmclaims.col.row"), "int"),
            Column(tr("lmclaims.col.staff")),
            Column(tr("lmclaims.col.date"), "date"),
            Column(tr("lmclaims.col.field")),
            Column(tr("lmclaims.col.claimed_value")),
            Column(tr("lmclaims.col.verified_value")),
            Column(tr("lmclaims.col.reason"), max_width=60),
        ]
        sheet = xlsx.StreamedSheet(workbook, tr("lmclaims.sheet.differences"))
        sheet.title(title)
        sheet.blank()
        header = sheet.header(diff_columns)
        for row in _difference_rows(v):
            sheet.row(diff_columns, row)
        sheet.write(columns=diff_columns, fit_from_row=header)
        xlsx.freeze_below(sheet.ws, header)
        xlsx.setup_print(sheet.ws, landscape=True, header_row=header, footer=title)

        dup_columns = [Column(tr("lmclaims.col.what"), max_width=100)]
        sheet = xlsx.StreamedSheet(workbook, tr("lmclaims.sheet.duplicates"))
        sheet.title(title)
        sheet.blank()
        header = sheet.header(dup_columns)
        for d in v.duplicates:
            sheet.row(dup_columns, [d.text])
        sheet.write(columns=dup_columns, fit_from_row=header)
        xlsx.setup_print(sheet.ws, landscape=True, header_row=header, footer=title)

        _files_sheet(workbook, v.verdicts, [], title)
        workbook.properties.title = title
        workbook.properties.creator = "swdesk"
        return xlsx.save_workbook(workbook, path, overwrite=overwrite)


def write_claims_pdf(
    v: ClaimsVerification,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    with document_language(lang):
        title = claims_title(v)
        width = pdf.content_width(wide=True)
        body = _summary_rows(v)
        story: list[Any] = [
            pdf.Paragraph(pdf.escape(title), pdf.styles().title),
            pdf.data_table(
                header=[
                    tr("lmclaims.col.municipality"),
                    tr("lmclaims.col.files"),
                    tr("lmclaims.col.rows"),
                    tr("lmclaims.col.claimed"),
                    tr("lmclaims.col.verified"),
                    tr("lmclaims.col.difference"),
                    tr("lmclaims.col.differing"),
                ],
                rows=[
                    [
                        row[0],
                        str(row[1]),
                        str(row[2]),
                        pdf.number(row[3], 2),
                        pdf.number(row[4], 2),
                        pdf.number(row[5], 2),
                        str(row[6]),
                    ]
                    for row in body
                ],
                widths=[34, 8, 8, 14, 14, 12, 10],
                align=pdf.left_then_right(6),
                total_rows=[len(body) - 1],
                width=width,
            ),
            pdf.heading(tr("lmclaims.section.differences")),
        ]
        differences = _difference_rows(v)
        if differences:
            story.append(
                pdf.data_table(
                    header=[
                        tr("lmclaims.col.file"),
                        tr("lmclaims.col.row"),
                        tr("lmclaims.col.staff"),
                        tr("lmclaims.col.date"),
                        tr("lmclaims.col.field"),
                        tr("lmclaims.col.claimed_value"),
                        tr("lmclaims.col.verified_value"),
                        tr("lmclaims.col.reason"),
                    ],
                    rows=[
                        [r[0], str(r[2]), r[3], fmt_date(r[4]), r[5], r[6], r[7], r[8]]
                        for r in differences
                    ],
                    widths=[20, 5, 8, 9, 13, 10, 10, 30],
                    width=width,
                    font_size=7,
                )
            )
        else:
            story.append(pdf.paragraph(tr("lmclaims.none")))
        story.append(pdf.heading(tr("lmclaims.section.duplicates")))
        if v.duplicates:
            story.extend(pdf.paragraph(d.text, small=True) for d in v.duplicates)
        else:
            story.append(pdf.paragraph(tr("lmclaims.none")))
        story.append(pdf.heading(tr("lmclaims.section.files")))
        story.append(
            pdf.data_table(
                header=[tr("lmclaims.col.file"), tr("lmclaims.col.municipality"), tr("lmdoc.col.verdict")],
                rows=[[x.name, x.municipality or "", x.text] for x in v.verdicts],
                widths=[28, 22, 50],
                width=width,
                font_size=7,
            )
        )
        return pdf.build_pdf(path, story=story, title=title, overwrite=overwrite, lang=lang, wide=True)
