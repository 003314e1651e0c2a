"""Verifying the services' compensation claims (issue 12 item 4).

Each claim workbook is recomputed from its own Dati rows by the rule every service uses,
:func:`swdesk.rules.claim.compute_claim` (SPEC §3): the exclusions in their order, the yearly caps per person
and kind, the supervision cost caps, the rate, rounding to cents. What LM's rules say, not what the claim
says, decides:

* the position's eligibility and yearly training hours come from the shipped catalogue by position code (a
  code the catalogue does not know keeps what the claim did with it);
* the supervision caps and yearly hours are the shipped settings (SPEC §1.6);
* the rate is ``--rate`` when given, else the rate of the compensation scheme in force at the period's end
  (the catalogue's ``claim_schemes``), else — a scheme whose rate is not known, as ESF+ 4.3.5.4 today —
  the claim's own rate;
* what each person's cap was already used by events of the same year before the period cannot be seen in
  one claim: the claim's own ``cap_used_before`` is taken.

Every row whose recomputed figure differs is listed with both values and the reason. Across the files the
same person (employee number within one municipality) in two files, and the same invoice number in two
files, are flagged; within one file, the same event twice.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from swdesk.db.catalogues import shipped
from swdesk.i18n import define, tr
from swdesk.lm.sources import workbook_sources
from swdesk.lm.survey import Verdict, _latvian, municipality_catalogue
from swdesk.lm.workbook import Document, Refused, read_workbook
from swdesk.rules.claim import ClaimEvent, ClaimInput, compute_claim, reason_text
from swdesk.rules.periods import Period
from swdesk.settings import Settings

define(
    {
        "lm.claims.other_period": (
            "pieprasījuma periods ir {found}, bet prasīts {asked}",
            "the claim's period is {found}, but {asked} was asked",
        ),
        "lm.claims.accepted": (
            "pārbaudīts: {rows} rindas, pieprasīts {claimed} EUR, pārbaudot {verified} EUR",
            "verified: {rows} rows, claimed {claimed} EUR, verified {verified} EUR",
        ),
        "lm.claims.differ": ("; atšķiras {count} rindās", "; {count} rows differ"),
        "lm.claims.field.excluded": ("izslēgšana", "exclusion"),
        "lm.claims.field.compensable_minutes": ("kompensējamās minūtes", "compensable minutes"),
        "lm.claims.field.eligible_cost": ("attiecināmās izmaksas", "eligible cost"),
        "lm.claims.field.compensation": ("kompensācija", "compensation"),
        "lm.claims.included": ("nav izslēgts", "not excluded"),
        "lm.claims.reason.excluded": ("pēc noteikumiem: {reason}", "by the rules: {reason}"),
        "lm.claims.reason.included": (
            "pēc noteikumiem rinda nav jāizslēdz",
            "by the rules the row is not to be excluded",
        ),
        "lm.claims.reason.excluded_row": (
            "izslēgtai rindai («{reason}») viss ir 0",
            "an excluded row ('{reason}') has 0 everywhere",
        ),
        "lm.claims.reason.cap": (
            "gada limits {cap} min, pirms perioda izmantotas {before} min",
            "yearly cap {cap} min, {before} min used before the period",
        ),
        "lm.claims.reason.cost_cap": (
            "izmaksu limits {eur} EUR par {minutes} min",
            "cost cap {eur} EUR per {minutes} min",
        ),
        "lm.claims.reason.share": (
            "izmaksas {cost} EUR × kompensējamās {compensable} no {minutes} min, noapaļots līdz centiem",
            "cost {cost} EUR × compensable {compensable} of {minutes} min, rounded to cents",
        ),
        "lm.claims.reason.rate": ("likme {rate}, noapaļots līdz centiem", "rate {rate}, rounded to cents"),
        "lm.claims.difference": (
            "{file}, {row}. rinda (tabeles nr. {staff}, {date}): {field} pieprasīts {claimed}, pārbaudot "
            "{verified} — {reason}",
            "{file}, row {row} (employee no. {staff}, {date}): {field} claimed {claimed}, verified {verified} "
            "— {reason}",
        ),
        "lm.claims.same_person": (
            "tas pats darbinieks (tabeles nr. {staff}, {municipality}) ir vairākos failos: {files}",
            "the same person (employee no. {staff}, {municipality}) is in several files: {files}",
        ),
        "lm.claims.same_invoice": (
            "tas pats rēķina nr. {invoice} ir vairākos failos: {files}",
            "the same invoice no. {invoice} is in several files: {files}",
        ),
        "lm.claims.same_event": (
            "{file}: tas pats notikums divreiz (tabeles nr. {staff}, {date}, rēķins {invoice})",
            "{file}: the same event twice (employee no. {staff}, {date}, invoice {invoice})",
        ),
    }
)

MONEY_FIELDS = ("eligible_cost", "compensation")
COMPARED = ("excluded", "compensable_minutes", "eligible_cost", "compensation")


@dataclass(frozen=True)
class RowDifference:
    file: str
    municipality: str
    row: int
    staff: str
    date: str
    field: str
    claimed: Any
    verified: Any
    reason: str

    def text(self) -> str:
        from swdesk.formats import fmt_date

        return tr(
            "lm.claims.difference",
            file=self.file,
            row=self.row,
            staff=self.staff,
            date=fmt_date(dt.date.fromisoformat(self.date)),
            field=tr(f"lm.claims.field.{self.field}"),
            claimed=_shown(self.field, self.claimed),
            verified=_shown(self.field, self.verified),
            reason=self.reason,
        )


@dataclass(frozen=True)
class Duplicate:
    kind: str  # "person", "invoice" or "event"
    text: str
    files: tuple[str, ...]


@dataclass
class MunicipalityClaims:
    municipality: str
    files: list[str]
    rows: int = 0
    claimed: Decimal = Decimal("0.00")
    verified: Decimal = Decimal("0.00")
    differing_rows: int = 0

    @property
    def difference(self) -> Decimal:
        return self.claimed - self.verified


@dataclass
class ClaimsVerification:
    period: Period
    folder: Path
    verdicts: list[Verdict]
    differences: list[RowDifference] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    municipalities: list[MunicipalityClaims] = field(default_factory=list)

    @property
    def claimed(self) -> Decimal:
        return sum((m.claimed for m in self.municipalities), Decimal("0.00"))

    @property
    def verified(self) -> Decimal:
        return sum((m.verified for m in self.municipalities), Decimal("0.00"))

    def to_json(self) -> dict[str, Any]:
        return {
            "period": {"from": self.period.start.isoformat(), "to": self.period.end.isoformat()},
            "files": [
                {"file": v.name, "accepted": v.accepted, "municipality": v.municipality, "verdict": v.text}
                for v in self.verdicts
            ],
            "differences": [
                {
                    "file": d.file,
                    "municipality": d.municipality,
                    "row": d.row,
                    "staff": d.staff,
                    "date": d.date,
                    "field": d.field,
                    "claimed": _plain(d.claimed),
                    "verified": _plain(d.verified),
                    "reason": d.reason,
                }
                for d in self.differences
            ],
            "duplicates": [{"kind": d.kind, "files": list(d.files), "text": d.text} for d in self.duplicates],
            "municipalities": [
                {
                    "municipality": m.municipality,
                    "files": m.files,
                    "rows": m.rows,
                    "claimed": float(m.claimed),
                    "verified": float(m.verified),
                    "difference": float(m.difference),
                    "differing_rows": m.differing_rows,
                }
                for m in self.municipalities
            ],
            "totals": {
                "claimed": float(self.claimed),
                "verified": float(self.verified),
                "difference": float(self.claimed - self.verified),
            },
        }


def _plain(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _shown(field_name: str, value: Any) -> str:
    from swdesk.formats import fmt_number

    if field_name == "excluded":
        return tr("lm.claims.included") if value is None else f"«{reason_text(value)}»"
    if field_name in MONEY_FIELDS:
        return fmt_number(value, 2)
    return str(value)


def _money(value: Any) -> Decimal:
    if value is None:
        return Decimal("0.00")
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return exact.quantize(Decimal("0.01"))


def rate_in_force(day: dt.date) -> Decimal | None:
    """The rate of the compensation scheme in force on ``day`` (catalogue ``claim_schemes``), or None."""
    for scheme in shipped().get("claim_schemes", []):
        start = dt.date.fromisoformat(scheme["from"])
        end = dt.date.fromisoformat(scheme["to"]) if scheme.get("to") else None
        if start <= day and (end is None or day <= end) and scheme.get("rate"):
            return Decimal(scheme["rate"])
    return None


def recompute(document: Document, *, period: Period, rate: Decimal | None) -> dict[int, Any]:
    """The claim's rows recomputed by SPEC §3 under LM's rules (module docstring), by Dati row number."""
    positions = {p["code"]: p for p in shipped()["positions"]}
    settings = Settings.defaults()
    claim_rate = rate if rate is not None else rate_in_force(period.end)
    if claim_rate is None:
        claim_rate = Decimal(str(document.meta["rate"]))
    settings = replace(settings, claim_rate=claim_rate)
    rows = [r for r in document.rows if r["staff"] is not None and r["date"] is not None]
    events: list[ClaimEvent] = []
    before: dict[tuple[str, str], int] = {}
    for r in rows:
        position = positions.get(r["position"])
        eligible = position["claim_eligible"] if position else r["excluded"] != "not_eligible"
        # a code the catalogue does not know: the cap the claim used (whole hours, as a norm is)
        hours = position.get("training_hours") if position else (r["cap_minutes"] or 0) // 60
        cost = None if r["cost"] is None else _money(r["cost"])
        certified = None if r["certified_supervisor"] is None else bool(r["certified_supervisor"])
        events.append(
            ClaimEvent(
                event_id=int(r["row"]),
                tabeles_nr=str(r["staff"]),
                first_name="",
                last_name="",
                position_code=str(r["position"]),
                position_name="",
                claim_eligible=bool(eligible),
                training_hours=hours,
                date=dt.date.fromisoformat(r["date"]),
                kind=r["kind"],
                form=r["form"],
                minutes=int(r["minutes"]),
                cost=cost,
                invoice=r["invoice"],
                certified_supervisor=certified,
            )
        )
        if r["cap_used_before"]:
            before.setdefault((str(r["staff"]), r["kind"]), int(r["cap_used_before"]))
    if period.start > period.year_start:
        # what the events before the period used of each cap, as one eligible event on 1 January
        for number, ((staff, kind), minutes) in enumerate(sorted(before.items()), start=1):
            template = next(e for e in events if e.tabeles_nr == staff and e.kind == kind)
            events.append(
                replace(
                    template,
                    event_id=-number,
                    date=period.year_start,
                    minutes=minutes,
                    cost=Decimal("1.00"),
                    invoice="-",
                    certified_supervisor=True,
                    claim_eligible=True,
                )
            )
    claim = compute_claim(ClaimInput(events=tuple(events)), period=period, settings=settings)
    return {row.event_id: row for row in claim.rows}


def _reason(row: dict[str, Any], verified: Any, field_name: str, *, rate: Decimal) -> str:
    from swdesk.formats import fmt_number
    from swdesk.rules.claim import cost_cap

    if field_name == "excluded":
        if verified.excluded is None:
            return tr("lm.claims.reason.included")
        return tr("lm.claims.reason.excluded", reason=reason_text(verified.excluded))
    if verified.excluded is not None:  # an excluded row has 0 minutes, cost and compensation (SPEC §3)
        return tr("lm.claims.reason.excluded_row", reason=reason_text(verified.excluded))
    if field_name == "compensable_minutes":
        return tr("lm.claims.reason.cap", cap=row["cap_minutes"], before=row["cap_used_before"] or 0)
    if field_name == "eligible_cost":
        cap = cost_cap(verified, Settings.defaults()) if verified.kind.startswith("supervision") else None
        if verified.cost_capped and cap is not None:
            return tr("lm.claims.reason.cost_cap", eur=fmt_number(cap.eur, 2), minutes=cap.minutes)
        return tr(
            "lm.claims.reason.share",
            cost=fmt_number(verified.cost, 2),
            compensable=verified.compensable_minutes,
            minutes=verified.minutes,
        )
    return tr("lm.claims.reason.rate", rate=fmt_number(rate, 2))


def verify_claims(
    folder: Path,
    *,
    period: Period,
    rate: Decimal | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ClaimsVerification:
    """Read every claim workbook of ``folder`` and verify those of ``period`` (module docstring)."""
    from swdesk.formats import fmt_number

    catalogue = municipality_catalogue()
    result = ClaimsVerification(period=period, folder=folder, verdicts=[])
    accepted: list[Document] = []
    with workbook_sources(folder) as sources:
        for done, source in enumerate(sources, start=1):
            verdict = Verdict(source.name, False, source.refusal or "")
            result.verdicts.append(verdict)
            if source.path is not None:
                try:
                    document = read_workbook(source.path, name=source.name)
                except Refused as refused:
                    verdict.message = str(refused)
                else:
                    verdict.municipality = document.municipality or None
                    verdict.prepared = document.meta.get("prepared")
                    if document.kind != "claim":
                        verdict.message = tr("lm.verdict.not_claim")
                    elif (document.meta.get("period_from"), document.meta.get("period_to")) != (
                        period.start.isoformat(),
                        period.end.isoformat(),
                    ):
                        verdict.message = tr(
                            "lm.claims.other_period", found=document.meta.get("period"), asked=period.label
                        )
                    elif document.municipality not in catalogue:
                        verdict.message = tr("lm.verdict.unknown_municipality", name=document.municipality)
                    else:
                        verdict.accepted = True
                        verdict.note = document.edit_note()
                        accepted.append(document)
            if progress is not None:
                progress(done, len(sources))
    by_municipality: dict[str, MunicipalityClaims] = {}
    verdicts = {v.name: v for v in result.verdicts}
    for document in accepted:
        totals = by_municipality.setdefault(
            document.municipality, MunicipalityClaims(document.municipality, files=[])
        )
        totals.files.append(document.name)
        used_rate = rate if rate is not None else rate_in_force(period.end)
        used_rate = used_rate if used_rate is not None else Decimal(str(document.meta["rate"]))
        verified_rows = recompute(document, period=period, rate=rate)
        rows = [r for r in document.rows if r["staff"] is not None and r["date"] is not None]
        claimed = sum((_money(r["compensation"]) for r in rows), Decimal("0.00"))
        verified = sum((v.compensation for v in verified_rows.values()), Decimal("0.00"))
        differing = 0
        for r in rows:
            v = verified_rows[int(r["row"])]
            found = False
            for name in COMPARED:
                mine = r[name] if name in ("excluded", "compensable_minutes") else _money(r[name])
                theirs = getattr(v, name)
                if mine != theirs:
                    found = True
                    result.differences.append(
                        RowDifference(
                            file=document.name,
                            municipality=document.municipality,
                            row=int(r["row"]),
                            staff=str(r["staff"]),
                            date=r["date"],
                            field=name,
                            claimed=mine,
                            verified=theirs,
                            reason=_reason(r, v, name, rate=used_rate),
                        )
                    )
                    break  # the first figure that differs says why; the later ones follow from it
            differing += found
        totals.rows += len(rows)
        totals.claimed += claimed
        totals.verified += verified
        totals.differing_rows += differing
        verdict = verdicts[document.name]
        verdict.message = tr(
            "lm.claims.accepted",
            rows=len(rows),
            claimed=fmt_number(claimed, 2),
            verified=fmt_number(verified, 2),
        )
        if differing:
            verdict.message += tr("lm.claims.differ", count=differing)
    result.municipalities = [by_municipality[m] for m in sorted(by_municipality, key=_latvian)]
    result.duplicates = _duplicates(accepted)
    return result


def _duplicates(documents: list[Document]) -> list[Duplicate]:
    people: dict[tuple[str, str], list[str]] = defaultdict(list)
    invoices: dict[str, list[str]] = defaultdict(list)
    found: list[Duplicate] = []
    for document in documents:
        seen_events: set[tuple[Any, ...]] = set()
        for r in document.rows:
            if r["staff"] is None:
                continue
            key = (document.municipality, str(r["staff"]))
            if document.name not in people[key]:
                people[key].append(document.name)
            invoice = str(r["invoice"]).strip() if r["invoice"] else ""
            if invoice and document.name not in invoices[invoice]:
                invoices[invoice].append(document.name)
            event = (r["staff"], r["date"], r["kind"], invoice, r["minutes"])
            if invoice and event in seen_events:
                found.append(
                    Duplicate(
                        "event",
                        tr(
                            "lm.claims.same_event",
                            file=document.name,
                            staff=r["staff"],
                            date=r["date"],
                            invoice=invoice,
                        ),
                        (document.name,),
                    )
                )
            seen_events.add(event)
    for (municipality, staff), files in people.items():
        if len(files) > 1:
            found.append(
                Duplicate(
                    "person",
                    tr(
                        "lm.claims.same_person",
                        staff=staff,
                        municipality=municipality,
                        files=", ".join(f"«{f}»" for f in files),
                    ),
                    tuple(files),
                )
            )
    for invoice, files in invoices.items():
        if len(files) > 1:
            found.append(
                Duplicate(
                    "invoice",
                    tr("lm.claims.same_invoice", invoice=invoice, files=", ".join(f"«{f}»" for f in files)),
                    tuple(files),
                )
            )
    return found
