"""A staff member's own copy of their data (GDPR art. 15, issue 15) as a PDF and as an xlsx workbook.

Everything swdesk stores about one employment: the staff record with what each field is for, and every
caseload, duty and training or supervision row; then what keeps the data (a retention duty, or none) and the
settings that say how long. It is the person's own document, so it names them; it is Latvian, as the other
documents are, unless an English copy is asked for.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from swdesk.export import pdf, xlsx
from swdesk.export.common import (
    OFFICIAL_LANGUAGE,
    date_text,
    document_language,
    fte_text,
    hours_text,
    integer_text,
    money_text,
)
from swdesk.formats import fmt_month
from swdesk.i18n import define, tr
from swdesk.personal_data import FIELDS, PersonRecord, field_label, field_purpose
from swdesk.rules.claim import form_label, kind_label

define(
    {
        "persondoc.title": ("Personas dati: {name}", "Personal data: {name}"),
        "persondoc.subtitle": (
            "Viss, ko swdesk glabā par darbinieku (VDAR 15. pants)",
            "Everything swdesk stores about the staff member (GDPR art. 15)",
        ),
        "persondoc.service": ("Pārzinis (sociālais dienests)", "Controller (social service)"),
        "persondoc.prepared": ("Sagatavots", "Prepared"),
        "persondoc.record": ("Darbinieka ieraksts", "Staff record"),
        "persondoc.col.field": ("Lauks", "Field"),
        "persondoc.col.value": ("Vērtība", "Value"),
        "persondoc.col.purpose": ("Kam tas vajadzīgs", "What it is for"),
        "persondoc.terms": ("Amats, slodze un alga laikā", "Position, FTE and salary over time"),
        "persondoc.caseloads": ("Lietas pa mēnešiem", "Caseloads by month"),
        "persondoc.duties": ("Ar sociālo darbu nesaistītie pienākumi", "Duties not related to social work"),
        "persondoc.training": ("Apmācības un supervīzija", "Training and supervision"),
        "persondoc.none": ("Nav ierakstu.", "No records."),
        "persondoc.retention": ("Cik ilgi dati tiek glabāti", "How long the data is kept"),
        "persondoc.retention.duties": (
            "Dati šobrīd jāglabā: {duties}.",
            "The data must be kept now: {duties}.",
        ),
        "persondoc.retention.none": (
            "Glabāšanas pienākuma šobrīd nav: pēc pieprasījuma datus var dzēst (VDAR 17. pants).",
            "No retention duty applies now: the data can be erased on request (GDPR art. 17).",
        ),
        "persondoc.retention.rules": (
            "Bijušā darbinieka vārds, tabeles numurs un personas kods tiek anonimizēti {former} gadus pēc "
            "darba beigām; apmācību un supervīzijas ieraksti glabājas {claim} gadus pēc to gada beigām "
            "(kompensācijas pieprasījuma pārbaudei). Dati netiek nodoti citiem, izņemot kompensācijas "
            "pieprasījumu Labklājības ministrijai; domes ziņojumā un aptaujā vārdi nav minēti.",
            "A former staff member's name, employee number and personal code are anonymised {former} years "
            "after the end of employment; training and supervision records are kept {claim} years after "
            "the end of their year (for checking the compensation claim). The data goes to nobody else but "
            "the Ministry of Welfare in the compensation claim; the council report and the survey name "
            "nobody.",
        ),
        "persondoc.col.valid_from": ("Spēkā no", "From"),
        "persondoc.col.position": ("Amats", "Position"),
        "persondoc.col.fte": ("Slodze", "FTE"),
        "persondoc.col.education": ("Izglītība", "Education"),
        "persondoc.col.salary": ("Mēnešalga, EUR", "Monthly salary, EUR"),
        "persondoc.col.unit": ("Struktūrvienība", "Structural unit"),
        "persondoc.col.month": ("Mēnesis", "Month"),
        "persondoc.col.work_type": ("Darba veids", "Work type"),
        "persondoc.col.cases": ("Lietas", "Cases"),
        "persondoc.col.applications": ("Iesniegumi", "Applications"),
        "persondoc.col.persons": ("Personas", "Persons"),
        "persondoc.col.date": ("Datums", "Date"),
        "persondoc.col.category": ("Kategorija", "Category"),
        "persondoc.col.hours": ("Stundas", "Hours"),
        "persondoc.col.description": ("Apraksts", "Description"),
        "persondoc.col.kind": ("Veids", "Kind"),
        "persondoc.col.form": ("Forma", "Form"),
        "persondoc.col.minutes": ("Minūtes", "Minutes"),
        "persondoc.col.topic": ("Tēma", "Topic"),
        "persondoc.col.provider": ("Sniedzējs", "Provider"),
        "persondoc.col.certified": ("Sertificēts supervizors", "Certified supervisor"),
        "persondoc.col.cost": ("Izmaksas, EUR", "Cost, EUR"),
        "persondoc.col.invoice": ("Rēķina nr.", "Invoice no."),
        "persondoc.sheet.record": ("Personas dati", "Personal data"),
        "persondoc.sheet.terms": ("Izmaiņas laikā", "Changes over time"),
        "persondoc.sheet.caseloads": ("Lietas", "Caseloads"),
        "persondoc.sheet.duties": ("Pienākumi", "Duties"),
        "persondoc.sheet.training": ("Apmācības", "Training"),
    }
)


def _value_text(key: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return date_text(value)
    if key == "fte":
        return fte_text(value)
    if key == "salary":
        return money_text(value)
    return str(value)


def _yes_no(value: bool | None) -> str:
    return "" if value is None else tr("export.yes" if value else "export.no")


def _table_rows(record: PersonRecord) -> dict[str, tuple[list[str], list[list[Any]], list[xlsx.ColumnKind]]]:
    """Per section: headers, rows of plain values (dates, numbers, text) and each column's kind."""
    return {
        "terms": (
            [
                tr(f"persondoc.col.{k}")
                for k in ("valid_from", "position", "fte", "education", "salary", "unit")
            ],
            [
                [r["valid_from"], r["position"], r["fte"], r["education"], r["salary"], r["unit_name"]]
                for r in record.terms
            ],
            ["date", "text", "fte", "text", "money", "text"],
        ),
        "caseloads": (
            [tr(f"persondoc.col.{k}") for k in ("month", "work_type", "cases", "applications", "persons")],
            [
                [fmt_month(r["month"]), r["work_type"], r["cases"], r["applications"], r["persons"]]
                for r in record.caseloads
            ],
            ["text", "text", "int", "int", "int"],
        ),
        "duties": (
            [tr(f"persondoc.col.{k}") for k in ("date", "category", "hours", "description")],
            [[r["date"], r["category"], r["hours"], r["description"]] for r in record.duties],
            ["date", "text", "hours", "text"],
        ),
        "training": (
            [
                tr(f"persondoc.col.{k}")
                for k in (
                    "date",
                    "kind",
                    "form",
                    "minutes",
                    "topic",
                    "provider",
                    "certified",
                    "cost",
                    "invoice",
                )
            ],
            [
                [
                    r["date"],
                    kind_label(r["kind"]),
                    form_label(r["form"]),
                    r["minutes"],
                    r["topic"],
                    r["provider"],
                    _yes_no(r["certified_supervisor"]),
                    r["cost"],
                    r["invoice"],
                ]
                for r in record.training
            ],
            ["date", "text", "text", "int", "text", "text", "text", "money", "text"],
        ),
    }


def _retention_lines(record: PersonRecord) -> list[str]:
    first = (
        tr("persondoc.retention.duties", duties="; ".join(record.retention_duties))
        if record.retention_duties
        else tr("persondoc.retention.none")
    )
    return [
        first,
        tr("persondoc.retention.rules", former=record.former_staff_years, claim=record.claim_years),
    ]


def _pdf_cell(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind == "date":
        return date_text(value)
    if kind == "money":
        return money_text(value)
    if kind == "hours":
        return hours_text(value)
    if kind == "fte":
        return fte_text(value)
    if kind == "int":
        return integer_text(int(value))
    return str(value)


def write_person_pdf(
    record: PersonRecord,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    with document_language(lang):
        story: list[Any] = pdf.title_block(
            title=tr("persondoc.title", name=record.name),
            subtitle=tr("persondoc.subtitle"),
            lines=[
                (tr("persondoc.service"), record.service_name),
                (tr("persondoc.prepared"), date_text(record.prepared)),
            ],
        )
        story.append(pdf.heading(tr("persondoc.record")))
        story.append(
            pdf.data_table(
                header=[tr("persondoc.col.field"), tr("persondoc.col.value"), tr("persondoc.col.purpose")],
                rows=[[field_label(k), _value_text(k, record.staff[k]), field_purpose(k)] for k in FIELDS],
                widths=[20, 25, 55],
                font_size=8,
            )
        )
        story.append(pdf.heading(tr("persondoc.retention")))
        story += [pdf.paragraph(line) for line in _retention_lines(record)]
        wide = {
            "training": [9, 12, 8, 7, 19, 16, 9, 9, 11],
            "duties": [12, 30, 10, 48],
            "terms": [11, 27, 8, 27, 12, 15],
        }
        for section, (header, rows, kinds) in _table_rows(record).items():
            story.append(pdf.heading(tr(f"persondoc.{section}")))
            if not rows:
                story.append(pdf.paragraph(tr("persondoc.none"), small=True))
                continue
            story.append(
                pdf.data_table(
                    header=header,
                    rows=[[_pdf_cell(k, v) for k, v in zip(kinds, row, strict=True)] for row in rows],
                    widths=wide.get(section, [14, 44, 14, 14, 14]),
                    align=["left" if k == "text" else "right" for k in kinds],  # type: ignore[misc]
                    font_size=7,
                )
            )
        return pdf.build_pdf(
            path,
            story=story,
            title=tr("persondoc.title", name=record.name),
            overwrite=overwrite,
            lang=lang,
        )


def write_person_xlsx(
    record: PersonRecord,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    with document_language(lang):
        workbook = xlsx.new_workbook()
        ws = xlsx.add_sheet(workbook, tr("persondoc.sheet.record"))
        row = xlsx.write_title_block(
            ws,
            title=tr("persondoc.title", name=record.name),
            lines=[
                (tr("persondoc.service"), record.service_name, "text"),
                (tr("persondoc.prepared"), record.prepared, "date"),
            ],
        )
        columns = [
            xlsx.Column(tr("persondoc.col.field")),
            xlsx.Column(tr("persondoc.col.value")),
            xlsx.Column(tr("persondoc.col.purpose"), max_width=80),
        ]
        kinds: dict[str, xlsx.ColumnKind] = {"fte": "fte", "salary": "money", "start": "date", "end": "date"}
        xlsx.write_header(ws, row=row, columns=columns)
        for key in FIELDS:
            row += 1
            value = record.staff[key]
            xlsx.set_text(ws.cell(row=row, column=1), field_label(key))
            xlsx.set_value(ws.cell(row=row, column=2), value, kinds.get(key, "text")).alignment = xlsx.LEFT
            xlsx.set_text(ws.cell(row=row, column=3), field_purpose(key))
        row += 2
        xlsx.set_text(ws.cell(row=row, column=1), tr("persondoc.retention")).font = xlsx.LABEL_FONT
        for line in _retention_lines(record):
            row += 1
            xlsx.set_text(ws.cell(row=row, column=1), line)
        xlsx.fit_columns(ws, max_width=80)
        for section, (header, rows, section_kinds) in _table_rows(record).items():
            sheet = xlsx.add_sheet(workbook, tr(f"persondoc.sheet.{section}"))
            section_columns = [xlsx.Column(h, k, 45) for h, k in zip(header, section_kinds, strict=True)]
            xlsx.write_table(sheet, columns=section_columns, rows=rows)
            xlsx.freeze_below(sheet, 1)
            xlsx.fit_columns(sheet)
        return xlsx.save_workbook(workbook, path, overwrite=overwrite)
