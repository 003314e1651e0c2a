"""The compensation claim as the head mails it to the Ministry of Welfare (LM): a workbook and an A4 PDF.

Issue 4 item 1 and issue 16, SPEC §3. Both documents show the same :class:`~swdesk.rules.claim.Claim`, laid
out so that an LM official sees first what is claimed and can check it with a plain sum:

* the claim itself — who claims (service, registration number, address, municipality with its ATVK code,
  bank account, agreement or project number), the claim number, the period, the rate and its legal basis,
  the totals per kind, a note that the total is the sum of rounded rows, a declaration, the head's
  signature and the "Sagatavoja" line with the contact person — on the workbook's "Kopsavilkums" sheet and
  on the PDF's first page (the signature on the page with the totals);
* per person and kind, how much each claims and how much of the yearly cap earlier periods already used
  ("Pa darbiniekiem", PDF annex 1);
* the claimed events, one row each and nothing else, so that the sum of any column is that column's total
  and sorting or filtering sees events only ("Notikumi", annex 2);
* the excluded events with their reasons, apart ("Izslēgtie", annex 3).

Durations: the workbook has whole minutes (which add up exactly) beside unrounded hours; the PDF writes
hours and minutes ("8:40"), which add up as printed. Nothing is computed here beyond sums of the claim's
own rows. The documents are Latvian whatever the program's language (an English copy only when asked).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from swdesk.export import dati, pdf, xlsx
from swdesk.export.common import (
    OFFICIAL_LANGUAGE,
    date_text,
    document_language,
    exact_hours,
    integer_text,
    money_text,
    share_text,
    yes_no,
)
from swdesk.export.names import ascii_fold
from swdesk.export.xlsx import Column
from swdesk.i18n import define, language, tr
from swdesk.rules.claim import (
    KINDS,
    REASONS,
    SUPERVISION_KINDS,
    CapUsage,
    Claim,
    ClaimRow,
    ClaimTotals,
    form_label,
    kind_label,
    round_cents,
)
from swdesk.service_record import ServiceDetails, field_label, format_iban

define(
    {
        "claimdoc.title": (
            "Pieprasījums apmācību un supervīzijas izmaksu kompensācijai",
            "Claim for compensation of training and supervision costs",
        ),
        "claimdoc.number": ("Nr. {number}", "No. {number}"),
        "claimdoc.sheet_summary": ("Kopsavilkums", "Summary"),
        "claimdoc.sheet_people": ("Pa darbiniekiem", "By person"),
        "claimdoc.sheet_rows": ("Notikumi", "Events"),
        "claimdoc.sheet_excluded": ("Izslēgtie", "Excluded"),
        "claimdoc.claim_number": ("Pieprasījuma numurs", "Claim number"),
        "claimdoc.service": ("Sociālais dienests", "Social service"),
        "claimdoc.municipality": ("Pašvaldība", "Municipality"),
        "claimdoc.atvk": ("Pašvaldības ATVK kods", "Municipality's ATVK code"),
        "claimdoc.period": ("Periods", "Period"),
        "claimdoc.period_from": ("Perioda sākums", "Period from"),
        "claimdoc.period_to": ("Perioda beigas", "Period to"),
        "claimdoc.period_text": ("{label} ({start}–{end})", "{label} ({start}–{end})"),
        "claimdoc.rate": ("Kompensācijas likme", "Compensation rate"),
        "claimdoc.rate_basis": ("Likmes tiesiskais pamats", "Legal basis of the rate"),
        "claimdoc.rate_from": (
            "{basis}; likme dienesta iestatījumos no {date}",
            "{basis}; the rate is set in the service's settings from {date}",
        ),
        "claimdoc.rate_setting": (
            "{basis}; likmi nosaka dienesta iestatījums",
            "{basis}; the rate is set in the service's settings",
        ),
        "claimdoc.rate_other": (
            "{basis}; šajā pamatā noteiktā likme ir {rate}",
            "{basis}; the rate set on this basis is {rate}",
        ),
        "claimdoc.basis_unknown": (
            "programmas katalogā šim periodam nav zināms; skatīt līgumu",
            "not known in the program's catalogue for this period; see the agreement",
        ),
        "claimdoc.head": ("Sociālā dienesta vadītājs", "Head of the social service"),
        "claimdoc.prepared_by": ("Sagatavoja", "Prepared by"),
        "claimdoc.prepared_by_text": (
            "{name}, tālr. {phone}, e-pasts {email}",
            "{name}, phone {phone}, e-mail {email}",
        ),
        "claimdoc.prepared": ("Sagatavošanas datums", "Date prepared"),
        "claimdoc.not_given": ("nav norādīts", "not given"),
        "claimdoc.claimed": ("Pieprasītā kompensācija pa veidiem", "Compensation claimed by kind"),
        "claimdoc.by_reason": ("Izslēgtie notikumi pa iemesliem", "Excluded events by reason"),
        "claimdoc.annex_people": (
            "1. pielikums. Pieprasījums pa darbiniekiem un gada limitu izlietojums",
            "Annex 1. The claim by person and the use of the yearly caps",
        ),
        "claimdoc.annex_rows": ("2. pielikums. Pieprasītie notikumi", "Annex 2. Events claimed"),
        "claimdoc.annex_excluded": (
            "3. pielikums. Izslēgtie notikumi (netiek pieprasīti)",
            "Annex 3. Excluded events (not claimed)",
        ),
        "claimdoc.annexes": (
            "Pielikumi: 1. pieprasījums pa darbiniekiem un gada limitu izlietojums; 2. pieprasītie notikumi "
            "({claimed}); 3. izslēgtie notikumi ({excluded}).",
            "Annexes: 1. the claim by person and the use of the yearly caps; 2. events claimed ({claimed}); "
            "3. excluded events ({excluded}).",
        ),
        "claimdoc.col.kind": ("Veids", "Kind"),
        "claimdoc.col.claimed_events": ("Pieprasītie notikumi", "Events claimed"),
        "claimdoc.col.excluded_events": ("Izslēgtie notikumi", "Events excluded"),
        "claimdoc.col.reason": ("Izslēgšanas iemesls", "Reason for exclusion"),
        "claimdoc.col.no": ("Nr.", "No."),
        "claimdoc.col.tabeles_nr": ("Tabeles nr.", "Employee no."),
        "claimdoc.col.person": ("Vārds, uzvārds", "Name"),
        "claimdoc.col.position": ("Amats", "Position"),
        "claimdoc.col.date": ("Datums", "Date"),
        "claimdoc.col.form": ("Forma", "Form"),
        "claimdoc.col.topic": ("Tēma", "Topic"),
        "claimdoc.col.provider": ("Sniedzējs", "Provider"),
        "claimdoc.col.certified": ("Sertificēts supervizors", "Certified supervisor"),
        "claimdoc.col.certified_short": ("Sert. sup.", "Cert. sup."),
        "claimdoc.col.kind_form": ("Veids, forma", "Kind, form"),
        # the PDF's narrow columns: a word per line at most
        "claimdoc.col.duration_pdf": ("Ilgums h:min", "Duration h:min"),
        "claimdoc.col.compensable_pdf": ("Kompensē h:min", "Compensated h:min"),
        "claimdoc.col.cost_pdf": ("Izmaksas EUR", "Cost EUR"),
        "claimdoc.col.eligible_pdf": ("Attiecin. EUR", "Eligible EUR"),
        "claimdoc.col.compensation_pdf": ("Kompens. EUR", "Compens. EUR"),
        "claimdoc.col.invoice": ("Rēķina nr.", "Invoice no."),
        "claimdoc.col.minutes": ("Ilgums, min", "Duration, min"),
        "claimdoc.col.compensable_minutes": ("Kompensējamās minūtes", "Compensable minutes"),
        "claimdoc.col.hours": ("Ilgums, h", "Duration, h"),
        "claimdoc.col.compensable_hours": ("Kompensējamās stundas", "Compensable hours"),
        "claimdoc.col.duration_hm": ("Ilgums, h:min", "Duration, h:min"),
        "claimdoc.col.compensable_hm": ("Kompensē, h:min", "Compensated, h:min"),
        "claimdoc.col.cap_hours": ("Gada limits, h", "Yearly cap, h"),
        "claimdoc.col.used_before": ("Iepriekšējos periodos izmantots, min", "Used in earlier periods, min"),
        "claimdoc.col.used_before_hm": ("Iepriekš izmantots, h:min", "Used earlier, h:min"),
        "claimdoc.col.cap_hm": ("Gada limits, h:min", "Yearly cap, h:min"),
        "claimdoc.col.left_hours": ("Atlikums pēc pieprasījuma, h", "Left after this claim, h"),
        "claimdoc.col.left_hm": ("Atlikums, h:min", "Left, h:min"),
        "claimdoc.col.cost": ("Izmaksas, EUR", "Cost, EUR"),
        "claimdoc.col.eligible_cost": ("Attiecināmās izmaksas, EUR", "Eligible cost, EUR"),
        "claimdoc.col.compensation": ("Kompensācija, EUR", "Compensation, EUR"),
        "claimdoc.col.note": ("Piezīme", "Note"),
        "claimdoc.total": ("Kopā pieprasīts", "Total claimed"),
        "claimdoc.total_excluded": ("Kopā izslēgts", "Total excluded"),
        "claimdoc.note.cost_capped": (
            "izmaksas ierobežotas ar supervīzijas izmaksu limitu",
            "cost limited by the supervision cost cap",
        ),
        "claimdoc.note.partly": (
            "gada limits: kompensē {part} no {whole} (h:min)",
            "yearly cap: {part} of {whole} (h:min) compensated",
        ),
        "claimdoc.note.rounding": (
            "Kompensācija aprēķināta katram notikumam un noapaļota līdz centiem; kopsumma ir noapaļoto rindu "
            "summa, tāpēc tā var par dažiem centiem atšķirties no likmes un kopējo attiecināmo izmaksu "
            "reizinājuma ({rate} × {eligible} EUR = {product} EUR).",
            "Compensation is computed for each event and rounded to cents; the total is the sum of the "
            "rounded rows, so it may differ by a few cents from the rate times the total eligible cost "
            "({rate} × {eligible} EUR = {product} EUR).",
        ),
        "claimdoc.note.minutes": (
            "Laiks pieskaitīts minūtēs; kompensējamais laiks nepārsniedz neviena darbinieka gada limitu, kurā "
            "ieskaitīti arī šī gada iepriekšējo periodu notikumi (1. pielikums).",
            "Time is counted in minutes; the compensable time stays within each person's yearly cap, which "
            "counts this year's earlier periods too (annex 1).",
        ),
        "claimdoc.note.excluded": (
            "Pieprasījumā nav iekļauti {count} notikumi (izmaksas {cost} EUR), kas neatbilst kompensācijas "
            "nosacījumiem; tie uzskaitīti atsevišķi ar iemesliem.",
            "{count} events (cost EUR {cost}) that do not meet the conditions are not claimed; they are "
            "listed apart with their reasons.",
        ),
        "claimdoc.declaration": (
            "Apliecinu, ka pieprasījumā iekļautās apmācības un supervīzijas ir notikušas, to izmaksas ir "
            "faktiski radušās un apmaksātas saskaņā ar norādītajiem rēķiniem un par tām kompensācija nav "
            "pieprasīta vai saņemta no citiem finanšu avotiem.",
            "I confirm that the training and supervision claimed took place, that their costs were actually "
            "incurred and paid according to the invoices given, and that no compensation for them has been "
            "claimed or received from other sources.",
        ),
        "claimdoc.no_events": (
            "Periodā nav neviena apmācību vai supervīzijas notikuma.",
            "There are no training or supervision events in the period.",
        ),
        "claimdoc.no_excluded": ("Izslēgtu notikumu nav.", "No event is excluded."),
    }
)


def _header(key: str) -> str:
    return tr(f"claimdoc.col.{key}")


def hm_text(minutes: int) -> str:
    """Minutes as hours and minutes, "8:40" ("16 607:15"): exact, so printed rows add up to their total."""
    return f"{integer_text(minutes // 60)}:{minutes % 60:02d}"


def claim_number(claim: Claim) -> str:
    """The claim's number: ``KP/<period>/<registration number>`` (the municipality's ASCII name when the
    record has no registration number). The same claim exported again keeps its number."""
    details = claim.service.details if claim.service else ServiceDetails()
    who = details.registration_number or ascii_fold(claim.municipality or "") or "swdesk"
    return f"KP/{claim.period.label}/{who}"


def period_text(claim: Claim) -> str:
    """E.g. "2025. gada 1. pusgads (01.01.2025–30.06.2025)"."""
    return tr(
        "claimdoc.period_text",
        label=claim.period.describe(),
        start=date_text(claim.period.start),
        end=date_text(claim.period.end),
    )


def rate_text(claim: Claim) -> str:
    """The rate as a percentage: "50 %", or "57,5 %" when it is not a whole percent."""
    return _percent(claim.rate)


def _percent(rate: Decimal) -> str:
    percent = rate * 100
    return share_text(rate, places=0 if percent == percent.to_integral_value() else 1)


def rate_basis(claim: Claim) -> str:
    """The legal basis of the rate in force: the compensation scheme of the shipped catalogue whose dates
    hold the period's end, and from when the service's rate applies (or how it differs from the scheme's)."""
    from swdesk.db.catalogues import SETTINGS_EPOCH, shipped

    end = claim.period.end.isoformat()
    scheme = next(
        (
            row
            for row in shipped().get("claim_schemes", [])
            if row["from"] <= end and (row["to"] is None or end <= row["to"])
        ),
        None,
    )
    if scheme is None:
        return tr("claimdoc.basis_unknown")
    basis = scheme["basis_en"] if language() == "en" else scheme["basis"]
    if scheme["rate"] is not None and Decimal(scheme["rate"]) != claim.rate:
        return tr("claimdoc.rate_other", basis=basis, rate=_percent(Decimal(scheme["rate"])))
    if claim.rate_from is not None and claim.rate_from != SETTINGS_EPOCH:
        return tr("claimdoc.rate_from", basis=basis, date=date_text(claim.rate_from))
    if scheme["rate"] is None:
        # the catalogue does not know the scheme's rate: say where the claim's rate comes from
        return tr("claimdoc.rate_setting", basis=basis)
    return basis


def prepared_by(claim: Claim) -> str:
    details = claim.service.details if claim.service else ServiceDetails()
    if not (details.contact_name or details.contact_phone or details.contact_email):
        return tr("claimdoc.not_given")
    missing = "—"
    return tr(
        "claimdoc.prepared_by_text",
        name=details.contact_name or missing,
        phone=details.contact_phone or missing,
        email=details.contact_email or missing,
    )


def header_lines(claim: Claim, prepared: dt.date) -> list[tuple[str, Any, xlsx.ColumnKind]]:
    """The claim's header as (label, value, kind): what LM files and pays it by. A field the service record
    lacks reads "nav norādīts", so that a gap is seen, not guessed."""
    service = claim.service
    details = service.details if service else ServiceDetails()
    missing = tr("claimdoc.not_given")

    def given(value: str | None) -> str:
        return value or missing

    return [
        (tr("claimdoc.claim_number"), claim_number(claim), "text"),
        (tr("claimdoc.service"), given(claim.service_name), "text"),
        (field_label("registration_number"), given(details.registration_number), "text"),
        (field_label("address"), given(details.address), "text"),
        (tr("claimdoc.municipality"), given(claim.municipality), "text"),
        (tr("claimdoc.atvk"), given(service.atvk if service else None), "text"),
        (field_label("bank_account"), given(format_iban(details.bank_account)), "text"),
        (field_label("agreement_number"), given(details.agreement_number), "text"),
        (tr("claimdoc.period"), period_text(claim), "text"),
        (tr("claimdoc.rate"), claim.rate, "share"),
        (tr("claimdoc.rate_basis"), rate_basis(claim), "text"),
        (tr("claimdoc.head"), given(claim.head_name), "text"),
        (tr("claimdoc.prepared_by"), prepared_by(claim), "text"),
        (tr("claimdoc.prepared"), prepared, "date"),
    ]


def row_note(row: ClaimRow) -> str:
    """What limited an included row (yearly cap, supervision cost cap); the reason of an excluded one."""
    if row.excluded is not None:
        return row.reason_text() or ""
    notes = []
    if row.compensable_minutes < row.minutes:
        notes.append(
            tr("claimdoc.note.partly", part=hm_text(row.compensable_minutes), whole=hm_text(row.minutes))
        )
    if row.cost_capped:
        notes.append(tr("claimdoc.note.cost_capped"))
    return "; ".join(notes)


def _certified(row: ClaimRow) -> str:
    """Whether the supervisor is certified, as entered: jā / nē, "—" when not filled in (which SPEC §3
    counts as not certified); empty for training, where it does not apply."""
    if row.kind not in SUPERVISION_KINDS:
        return ""
    return "—" if row.certified_supervisor is None else yes_no(row.certified_supervisor)


# --- what the documents list ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parts:
    """The claim's rows split as the documents show them, with the sums each part's totals print."""

    claimed: tuple[ClaimRow, ...]
    excluded: tuple[ClaimRow, ...]
    claimed_totals: ClaimTotals
    excluded_totals: ClaimTotals
    claimed_by_kind: tuple[tuple[str, ClaimTotals], ...]
    excluded_by_reason: tuple[tuple[str, ClaimTotals], ...]
    used_before_by_kind: dict[str, int]

    @property
    def used_before(self) -> int:
        return sum(self.used_before_by_kind.values())


def _ordered(claim: Claim) -> Iterator[ClaimRow]:
    """Rows by person in the claim's person order (surname, name), then by date and order of entry."""
    rank = {person.tabeles_nr: i for i, person in enumerate(claim.by_person)}
    yield from sorted(claim.rows, key=lambda r: (rank[r.tabeles_nr], r.date, r.event_id))


def parts(claim: Claim) -> Parts:
    rows = list(_ordered(claim))
    claimed = tuple(r for r in rows if r.excluded is None)
    excluded = tuple(r for r in rows if r.excluded is not None)
    return Parts(
        claimed=claimed,
        excluded=excluded,
        claimed_totals=ClaimTotals.of(claimed),
        excluded_totals=ClaimTotals.of(excluded),
        claimed_by_kind=tuple((k, ClaimTotals.of(r for r in claimed if r.kind == k)) for k in KINDS),
        excluded_by_reason=tuple(
            (reason, ClaimTotals.of(r for r in excluded if r.excluded == reason)) for reason in REASONS
        ),
        used_before_by_kind={k: sum(u.used_before for u in claim.cap_usage if u.kind == k) for k in KINDS},
    )


@dataclass(frozen=True)
class PersonKind:
    """One line of the per-person sheet: a person's rows of one kind and the yearly cap of that kind."""

    tabeles_nr: str
    name: str
    position: str
    kind: str
    claimed: ClaimTotals
    excluded_count: int
    usage: CapUsage


def person_lines(claim: Claim) -> list[PersonKind]:
    names = {p.tabeles_nr: p for p in claim.by_person}
    # the rows grouped once, in their order: a search of every row per line was quadratic (4,7 s on Rīga)
    grouped: dict[tuple[str, str], list[ClaimRow]] = {}
    for r in claim.rows:
        grouped.setdefault((r.tabeles_nr, r.kind), []).append(r)
    lines = []
    for usage in claim.cap_usage:
        rows = grouped.get((usage.tabeles_nr, usage.kind), [])
        person = names[usage.tabeles_nr]
        lines.append(
            PersonKind(
                tabeles_nr=usage.tabeles_nr,
                name=person.staff_name,
                position=person.position_name,
                kind=usage.kind,
                claimed=ClaimTotals.of(r for r in rows if r.excluded is None),
                excluded_count=sum(1 for r in rows if r.excluded is not None),
                usage=usage,
            )
        )
    return lines


# --- the workbook --------------------------------------------------------------------------------------------

# (column key, kind, widest) of the claimed-events sheet
ROW_COLUMNS: tuple[tuple[str, xlsx.ColumnKind, float], ...] = (
    ("no", "int", 8),
    ("tabeles_nr", "text", 14),
    ("person", "text", 26),
    ("position", "text", 30),
    ("date", "date", 12),
    ("kind", "text", 24),
    ("form", "text", 12),
    ("topic", "text", 30),
    ("provider", "text", 30),
    ("certified", "text", 13),
    ("invoice", "text", 14),
    ("minutes", "int", 10),
    ("compensable_minutes", "int", 14),
    ("hours", "hours", 10),
    ("compensable_hours", "hours", 14),
    ("cost", "money", 14),
    ("eligible_cost", "money", 14),
    ("compensation", "money", 14),
    ("note", "text", 44),
)
EXCLUDED_COLUMNS: tuple[tuple[str, xlsx.ColumnKind, float], ...] = (
    ("no", "int", 8),
    ("tabeles_nr", "text", 14),
    ("person", "text", 26),
    ("position", "text", 30),
    ("date", "date", 12),
    ("kind", "text", 24),
    ("form", "text", 12),
    ("topic", "text", 30),
    ("provider", "text", 30),
    ("certified", "text", 13),
    ("invoice", "text", 14),
    ("minutes", "int", 10),
    ("hours", "hours", 10),
    ("cost", "money", 14),
    ("reason", "text", 44),
)
PEOPLE_COLUMNS: tuple[tuple[str, xlsx.ColumnKind, float], ...] = (
    ("tabeles_nr", "text", 14),
    ("person", "text", 26),
    ("position", "text", 30),
    ("kind", "text", 24),
    ("claimed_events", "int", 12),
    ("excluded_events", "int", 12),
    ("cap_hours", "hours", 10),
    ("used_before", "int", 16),
    ("compensable_minutes", "int", 14),
    ("left_hours", "hours", 14),
    ("cost", "money", 14),
    ("eligible_cost", "money", 14),
    ("compensation", "money", 14),
)
# columns of the people sheet that are not sums (a cap, what is left of it): no total adds them up
NOT_ADDITIVE = ("no", "cap_hours", "left_hours")


def columns_of(spec: Sequence[tuple[str, xlsx.ColumnKind, float]]) -> list[Column]:
    """Columns with their Latvian headers (also what the tests look up)."""
    return [Column(_header(key), kind, max_width=width) for key, kind, width in spec]


def row_columns() -> list[Column]:
    return columns_of(ROW_COLUMNS)


def _event_values(number: int, r: ClaimRow, keys: Sequence[str]) -> list[Any]:
    values = {
        "no": number,
        "tabeles_nr": r.tabeles_nr,
        "person": r.staff_name,
        "position": r.position_name,
        "date": r.date,
        "kind": kind_label(r.kind),
        "form": form_label(r.form),
        "topic": r.topic,
        "provider": r.provider,
        "certified": _certified(r),
        "invoice": r.invoice,
        "minutes": r.minutes,
        "compensable_minutes": r.compensable_minutes,
        "hours": exact_hours(r.minutes),
        "compensable_hours": exact_hours(r.compensable_minutes),
        "cost": r.cost,
        "eligible_cost": r.eligible_cost,
        "compensation": r.compensation,
        "note": row_note(r),
        "reason": r.reason_text(),
    }
    return [values[key] for key in keys]


def _totals_values(label: str, events: int, totals: ClaimTotals, used_before: int) -> list[Any]:
    return [
        label,
        events,
        totals.minutes,
        totals.compensable_minutes,
        exact_hours(totals.minutes),
        exact_hours(totals.compensable_minutes),
        used_before,
        totals.cost,
        totals.eligible_cost,
        totals.compensation,
    ]


def _claimed_columns() -> list[Column]:
    return [
        Column(_header("kind"), "text", 30),
        Column(_header("claimed_events"), "int", 12),
        Column(_header("minutes"), "int", 10),
        Column(_header("compensable_minutes"), "int", 14),
        Column(_header("hours"), "hours", 10),
        Column(_header("compensable_hours"), "hours", 14),
        Column(_header("used_before"), "int", 16),
        Column(_header("cost"), "money", 14),
        Column(_header("eligible_cost"), "money", 14),
        Column(_header("compensation"), "money", 14),
    ]


def _reason_columns() -> list[Column]:
    return [
        Column(_header("reason"), "text", 30),
        Column(_header("excluded_events"), "int", 12),
        Column(_header("minutes"), "int", 10),
        Column(_header("hours"), "hours", 10),
        Column(_header("cost"), "money", 14),
    ]


def notes(claim: Claim, split: Parts) -> list[str]:
    """The notes under the totals: rounding, time and caps, what was left out."""
    product = round_cents(claim.totals.eligible_cost * claim.rate)
    out = [
        tr(
            "claimdoc.note.rounding",
            rate=rate_text(claim),
            eligible=money_text(split.claimed_totals.eligible_cost),
            product=money_text(product),
        ),
        tr("claimdoc.note.minutes"),
    ]
    if split.excluded:
        out.append(
            tr(
                "claimdoc.note.excluded",
                count=len(split.excluded),
                cost=money_text(split.excluded_totals.cost),
            )
        )
    return out


def _summary_sheet(sheet: xlsx.StreamedSheet, claim: Claim, split: Parts, prepared: dt.date) -> None:
    lines = header_lines(claim, prepared)
    # the period also as two real dates, for whoever files claims by date
    at = next(i for i, (label, _v, _k) in enumerate(lines) if label == tr("claimdoc.period")) + 1
    lines[at:at] = [
        (tr("claimdoc.period_from"), claim.period.start, "date"),
        (tr("claimdoc.period_to"), claim.period.end, "date"),
    ]
    sheet.title_block(title=tr("claimdoc.title"), lines=lines)

    sheet.label(tr("claimdoc.claimed"))
    columns = _claimed_columns()
    sheet.header(columns)
    for kind, totals in split.claimed_by_kind:
        sheet.row(
            columns, _totals_values(kind_label(kind), totals.rows, totals, split.used_before_by_kind[kind])
        )
    sheet.row(
        columns,
        _totals_values(tr("claimdoc.total"), len(split.claimed), split.claimed_totals, split.used_before),
        total=True,
    )
    for text in notes(claim, split):
        sheet.note(text)

    sheet.blank()
    sheet.label(tr("claimdoc.by_reason"))
    reason_columns = _reason_columns()
    sheet.header(reason_columns)
    for reason, totals in split.excluded_by_reason:
        sheet.row(
            reason_columns,
            [
                tr(f"claim.reason.{reason}"),
                totals.rows,
                totals.minutes,
                exact_hours(totals.minutes),
                totals.cost,
            ],
        )
    t = split.excluded_totals
    sheet.row(
        reason_columns,
        [tr("claimdoc.total_excluded"), t.rows, t.minutes, exact_hours(t.minutes), t.cost],
        total=True,
    )
    sheet.blank()
    sheet.note(tr("claimdoc.declaration"))
    sheet.label_value(tr("claimdoc.head"), claim.head_name or "", "text")

    xlsx.setup_print(sheet.ws, landscape=True, footer=f"{tr('claimdoc.title')} {claim_number(claim)}")
    # the labels of the header and the kinds stand in column A: the longest label fits ("Likmes tiesiskais
    # pamats", "Amats nav tiesīgs saņemt kompensāciju")
    sheet.write(columns=columns, fit_from_row=2, fixed={1: 40})


def _table_sheet(
    sheet: xlsx.StreamedSheet,
    columns: list[Column],
    rows: Sequence[Sequence[Any]],
    *,
    footer: str,
    freeze: int,
) -> None:
    """A sheet of one table: the header in row 1, then data rows only (no total inside, so that a plain SUM
    of a column is its total, and sorting or a filter sees rows of one kind)."""
    sheet.header(columns)
    for values in rows:
        sheet.row(columns, values)
    ws = sheet.ws
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(sheet.row_count, 1)}"
    xlsx.freeze_below(ws, 1, columns=freeze)
    xlsx.setup_print(ws, landscape=True, header_row=1, footer=footer)
    sheet.write(columns=columns)


def _people_values(line: PersonKind) -> list[Any]:
    u = line.usage
    return [
        line.tabeles_nr,
        line.name,
        line.position,
        kind_label(line.kind),
        line.claimed.rows,
        line.excluded_count,
        exact_hours(u.cap_minutes),
        u.used_before,
        u.used_in_period,
        exact_hours(u.left),
        line.claimed.cost,
        line.claimed.eligible_cost,
        line.claimed.compensation,
    ]


def write_claim_xlsx(
    claim: Claim,
    path: str | os.PathLike[str],
    *,
    prepared: dt.date | None = None,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    """The claim workbook: "Kopsavilkums" (the header, totals by kind and by reason of exclusion, notes,
    declaration), "Pa darbiniekiem" (per person and kind, with the yearly cap), "Notikumi" (the events
    claimed, one row each) and "Izslēgtie" (the events left out, with the reason).

    Latvian unless ``lang`` asks for an English copy. ``prepared`` is the date of preparation (default
    today); ``overwrite=False`` refuses an existing file (for the GUI). Written in openpyxl's streaming
    mode: a Rīga year has about 9,000 rows.
    """
    with document_language(lang):
        split = parts(claim)
        footer = f"{tr('claimdoc.title')} {claim_number(claim)}"
        workbook = xlsx.new_workbook(write_only=True)
        _summary_sheet(
            xlsx.StreamedSheet(workbook, tr("claimdoc.sheet_summary")),
            claim,
            split,
            prepared or dt.date.today(),
        )
        _table_sheet(
            xlsx.StreamedSheet(workbook, tr("claimdoc.sheet_people")),
            columns_of(PEOPLE_COLUMNS),
            [_people_values(line) for line in person_lines(claim)],
            footer=footer,
            freeze=2,
        )
        row_keys = [key for key, _k, _w in ROW_COLUMNS]
        _table_sheet(
            xlsx.StreamedSheet(workbook, tr("claimdoc.sheet_rows")),
            columns_of(ROW_COLUMNS),
            [_event_values(i, r, row_keys) for i, r in enumerate(split.claimed, start=1)],
            footer=footer,
            freeze=3,
        )
        excluded_keys = [key for key, _k, _w in EXCLUDED_COLUMNS]
        _table_sheet(
            xlsx.StreamedSheet(workbook, tr("claimdoc.sheet_excluded")),
            columns_of(EXCLUDED_COLUMNS),
            [_event_values(i, r, excluded_keys) for i, r in enumerate(split.excluded, start=1)],
            footer=footer,
            freeze=3,
        )
        # the machine-readable copy of the rows that LM reads back and verifies (issue 12)
        dati.write_data_sheet(workbook, dati.claim_table(claim, prepared=prepared or dt.date.today()))
        workbook.properties.title = f"{tr('claimdoc.title')} {claim_number(claim)}"
        workbook.properties.creator = "swdesk"
        workbook.properties.language = lang
        return xlsx.save_workbook(workbook, path, overwrite=overwrite)


# --- the PDF -------------------------------------------------------------------------------------------------

# (column key, relative width, alignment) of the PDF's annex 2 (events claimed); landscape A4
PDF_ROW_COLUMNS: tuple[tuple[str, float, pdf.Align], ...] = (
    ("no", 3.5, "right"),  # 4 digits: a Rīga year has 8,000 events
    ("person", 12, "left"),
    ("date", 7, "center"),
    ("kind_form", 13, "left"),
    ("topic", 13, "left"),
    ("provider", 12, "left"),
    ("certified_short", 4.5, "center"),
    ("invoice", 10, "left"),  # "S-2025/37056" on one line
    ("duration_pdf", 5.5, "right"),
    ("compensable_pdf", 6, "right"),
    ("cost_pdf", 7, "right"),
    ("eligible_pdf", 7.5, "right"),
    ("compensation_pdf", 7.5, "right"),
    ("note", 10, "left"),
)
PDF_EXCLUDED_COLUMNS: tuple[tuple[str, float, pdf.Align], ...] = (
    ("no", 3.5, "right"),
    ("person", 12, "left"),
    ("position", 11, "left"),
    ("date", 7, "center"),
    ("kind_form", 13, "left"),
    ("topic", 13, "left"),
    ("provider", 12, "left"),
    ("certified_short", 4.5, "center"),
    ("invoice", 10, "left"),
    ("duration_pdf", 5.5, "right"),
    ("cost_pdf", 7, "right"),
    ("reason", 13, "left"),
)
PDF_PEOPLE_COLUMNS: tuple[tuple[str, float, pdf.Align], ...] = (
    ("person", 15, "left"),
    ("position", 13, "left"),
    ("kind", 10, "left"),
    ("claimed_events", 7, "right"),
    ("excluded_events", 7, "right"),
    ("cap_hm", 7, "right"),
    ("used_before_hm", 8, "right"),
    ("compensable_hm", 7.5, "right"),
    ("left_hm", 7, "right"),
    ("cost_pdf", 8.5, "right"),
    ("eligible_pdf", 9, "right"),
    ("compensation_pdf", 9.5, "right"),
)


def _money_or_blank(value: Decimal | None) -> str:
    return money_text(value) if value is not None else ""


def _pdf_event(number: int, r: ClaimRow, keys: Sequence[str]) -> list[str]:
    values = {
        "no": str(number),
        "person": f"{r.staff_name} ({r.tabeles_nr})",
        "position": r.position_name,
        "date": date_text(r.date),
        "kind_form": f"{kind_label(r.kind)}, {form_label(r.form).lower()}",
        "topic": r.topic or "",
        "provider": r.provider or "",
        "certified_short": _certified(r),
        "invoice": r.invoice or "",
        "duration_pdf": hm_text(r.minutes),
        "compensable_pdf": hm_text(r.compensable_minutes),
        "cost_pdf": _money_or_blank(r.cost),
        "eligible_pdf": money_text(r.eligible_cost),
        "compensation_pdf": money_text(r.compensation),
        "note": row_note(r),
        "reason": r.reason_text() or "",
    }
    return [values[key] for key in keys]


def _pdf_total(label: str, keys: Sequence[str], totals: ClaimTotals) -> list[str]:
    """A total row: the label spans the text columns; the sums stand under their columns."""
    sums = {
        "duration_pdf": hm_text(totals.minutes),
        "compensable_pdf": hm_text(totals.compensable_minutes),
        "cost_pdf": money_text(totals.cost),
        "eligible_pdf": money_text(totals.eligible_cost),
        "compensation_pdf": money_text(totals.compensation),
    }
    return [label if i == 0 else sums.get(key, "") for i, key in enumerate(keys)]


def _row_table(
    spec: Sequence[tuple[str, float, pdf.Align]], rows: list[list[str]], *, total_at: int | None
) -> pdf.RowTable:
    keys = [k for k, _w, _a in spec]
    span = next(i for i, key in enumerate(keys) if key in ("duration_pdf", "claimed_events"))
    return pdf.row_table(
        header=[_header(key) for key in keys],
        rows=rows,
        widths=[w for _k, w, _a in spec],
        align=[a for _k, _w, a in spec],
        total_rows=[total_at] if total_at is not None else [],
        font_size=7,
        width=pdf.content_width(wide=True),
        total_span=span,
    )


def _claimed_table(claim: Claim, split: Parts) -> pdf.Table:
    header = [
        _header("kind"),
        _header("claimed_events"),
        _header("duration_hm"),
        _header("compensable_hm"),
        _header("used_before_hm"),
        _header("cost"),
        _header("eligible_cost"),
        _header("compensation"),
    ]

    def line(label: str, events: int, totals: ClaimTotals, used_before: int) -> list[str]:
        return [
            label,
            integer_text(events),
            hm_text(totals.minutes),
            hm_text(totals.compensable_minutes),
            hm_text(used_before),
            money_text(totals.cost),
            money_text(totals.eligible_cost),
            money_text(totals.compensation),
        ]

    rows = [line(kind_label(k), t.rows, t, split.used_before_by_kind[k]) for k, t in split.claimed_by_kind]
    rows.append(line(tr("claimdoc.total"), len(split.claimed), split.claimed_totals, split.used_before))
    return pdf.data_table(
        header=header,
        rows=rows,
        widths=[20, 9, 9, 10, 10, 12, 14, 14],
        align=pdf.left_then_right(7),
        total_rows=[len(rows) - 1],
        font_size=8.5,
        width=pdf.content_width(wide=True),
    )


def _reason_table(split: Parts) -> pdf.Table:
    rows = [
        [tr(f"claim.reason.{reason}"), integer_text(t.rows), hm_text(t.minutes), money_text(t.cost)]
        for reason, t in split.excluded_by_reason
    ]
    t = split.excluded_totals
    rows.append([tr("claimdoc.total_excluded"), integer_text(t.rows), hm_text(t.minutes), money_text(t.cost)])
    return pdf.data_table(
        header=[_header("reason"), _header("excluded_events"), _header("duration_hm"), _header("cost")],
        rows=rows,
        widths=[40, 12, 12, 14],
        align=["left", "right", "right", "right"],
        total_rows=[len(rows) - 1],
        font_size=8.5,
        width=pdf.content_width(wide=True) * 0.6,
    )


def _people_table(claim: Claim) -> pdf.RowTable:
    keys = [k for k, _w, _a in PDF_PEOPLE_COLUMNS]
    lines = person_lines(claim)
    rows = [
        [
            f"{line.name} ({line.tabeles_nr})",
            line.position,
            kind_label(line.kind),
            integer_text(line.claimed.rows),
            integer_text(line.excluded_count),
            hm_text(line.usage.cap_minutes),
            hm_text(line.usage.used_before),
            hm_text(line.usage.used_in_period),
            hm_text(line.usage.left),
            money_text(line.claimed.cost),
            money_text(line.claimed.eligible_cost),
            money_text(line.claimed.compensation),
        ]
        for line in lines
    ]
    claimed = ClaimTotals.of(r for r in claim.rows if r.excluded is None)
    total = {
        "claimed_events": integer_text(claimed.rows),
        "excluded_events": integer_text(claim.totals.excluded_rows),
        "used_before_hm": hm_text(sum(line.usage.used_before for line in lines)),
        "compensable_hm": hm_text(claimed.compensable_minutes),
        "cost_pdf": money_text(claimed.cost),
        "eligible_pdf": money_text(claimed.eligible_cost),
        "compensation_pdf": money_text(claimed.compensation),
    }
    rows.append([tr("claimdoc.total") if i == 0 else total.get(key, "") for i, key in enumerate(keys)])
    return _row_table(PDF_PEOPLE_COLUMNS, rows, total_at=len(rows) - 1)


def _events_table(split: Parts, spec: Sequence[tuple[str, float, pdf.Align]], *, excluded: bool) -> Any:
    events = split.excluded if excluded else split.claimed
    if not events:
        return pdf.paragraph(tr("claimdoc.no_excluded" if excluded else "claimdoc.no_events"))
    keys = [k for k, _w, _a in spec]
    rows = [_pdf_event(i, r, keys) for i, r in enumerate(events, start=1)]
    totals = split.excluded_totals if excluded else split.claimed_totals
    rows.append(_pdf_total(tr("claimdoc.total_excluded" if excluded else "claimdoc.total"), keys, totals))
    return _row_table(spec, rows, total_at=len(rows) - 1)


def _first_page(claim: Claim, split: Parts, prepared: dt.date) -> list[Any]:
    """Title, the header in two columns, then — kept on one page — the totals, the notes, the declaration,
    the head's signature and who prepared it."""
    wide = pdf.content_width(wide=True)
    # the head and who prepared it stand at the signature below, on the same page
    below = {tr("claimdoc.head"), tr("claimdoc.prepared_by")}
    lines = [
        (label, _text(value, kind))
        for label, value, kind in header_lines(claim, prepared)
        if label not in below
    ]
    number = lines.pop(0)[1]
    half = (len(lines) + 1) // 2
    story: list[Any] = [
        pdf.Paragraph(pdf.escape(tr("claimdoc.title")), pdf.styles().title),
        pdf.Paragraph(pdf.escape(tr("claimdoc.number", number=number)), pdf.styles().subtitle),
        pdf.Spacer(1, 2 * pdf.mm),
        pdf.two_column_fields(lines[:half], lines[half:], width=wide),
    ]
    kept: list[Any] = [pdf.heading(tr("claimdoc.claimed")), _claimed_table(claim, split), pdf.Spacer(1, 4)]
    kept += [pdf.paragraph(text, small=True) for text in notes(claim, split)]
    kept.append(
        pdf.paragraph(
            tr(
                "claimdoc.annexes",
                claimed=len(split.claimed),
                excluded=len(split.excluded),
            ),
            small=True,
        )
    )
    kept += [pdf.Spacer(1, 4), pdf.paragraph(tr("claimdoc.declaration"), small=True)]
    kept.extend(
        pdf.signature_lines(
            role=tr("claimdoc.head"),
            name=claim.head_name,
            width=wide,
            prepared_by=f"{tr('claimdoc.prepared_by')}: {prepared_by(claim)}",
        )
    )
    story.append(pdf.KeepTogether(kept))
    return story


def _text(value: Any, kind: xlsx.ColumnKind) -> str:
    if kind == "share":
        return _percent(value)
    if kind == "date":
        return date_text(value)
    return str(value)


def write_claim_pdf(
    claim: Claim,
    path: str | os.PathLike[str],
    *,
    prepared: dt.date | None = None,
    overwrite: bool = True,
    lang: str = OFFICIAL_LANGUAGE,
) -> Path:
    """The claim as a printable landscape A4 PDF: on page 1 the header, the totals by kind with the notes,
    the declaration and the signature lines; then annex 1 (per person with the yearly caps), annex 2 (the
    events claimed) and annex 3 (the events excluded, with reasons). Table headers repeat on each page;
    every page says "N. lapa no M". Latvian unless ``lang`` asks for an English copy.
    """
    with document_language(lang):
        prepared = prepared or dt.date.today()
        split = parts(claim)
        story = _first_page(claim, split, prepared)
        story += [pdf.PageBreak(), pdf.heading(tr("claimdoc.annex_people"))]
        story.append(_people_table(claim) if claim.cap_usage else pdf.paragraph(tr("claimdoc.no_events")))
        story += [pdf.PageBreak(), pdf.heading(tr("claimdoc.annex_rows"))]
        story.append(_events_table(split, PDF_ROW_COLUMNS, excluded=False))
        story += [pdf.PageBreak(), pdf.heading(tr("claimdoc.annex_excluded"))]
        if split.excluded:
            story += [_reason_table(split), pdf.Spacer(1, 4 * pdf.mm)]
        story.append(_events_table(split, PDF_EXCLUDED_COLUMNS, excluded=True))
        title = f"{tr('claimdoc.title')} {claim_number(claim)}"
        if claim.municipality:
            title += f" — {claim.municipality}"
        return pdf.build_pdf(
            path,
            story=story,
            title=title,
            author=claim.head_name or "",
            wide=True,
            overwrite=overwrite,
            lang=lang,
        )
