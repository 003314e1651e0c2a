"""Consolidating the services' surveys into the national picture (issue 12 items 2 and 3).

Every workbook of the folder (and of its zip files) gets a verdict: accepted, or why not — not a swdesk
survey, a format version this program does not read, a survey date other than the one asked, a
municipality not among the 43, internal sums that do not add up, hostile or damaged. Two accepted files of
one municipality: the one prepared last is used (same date: the file modified last, then the later name),
and both are listed. Municipalities with no accepted file are listed by name. Nothing of a refused file
reaches a total.

The national picture is computed from the accepted surveys' Dati rows only: per municipality (population,
specialists, residents per specialist and the 1:1000 norm, the effective ratio, vacancies and those open too
long, pay below the scale, education, training and supervision shares, caseload medians, the largest
non-social-work categories), per position (pay min / mean weighted by people / max), national totals, medians
and quartiles, and with a previous year's consolidation the change per municipality.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from swdesk.db.catalogues import shipped
from swdesk.i18n import define, tr
from swdesk.lm.sources import Source, workbook_sources
from swdesk.lm.workbook import Document, Refused, read_workbook, survey_json

define(
    {
        "lm.verdict.accepted": ("pieņemts: {municipality}, aptauja uz {date}", "accepted: {municipality}, survey as of {date}"),
        "lm.verdict.not_survey": (
            "tas ir kompensācijas pieprasījums, nevis aptauja",
            "it is a compensation claim, not a survey",
        ),
        "lm.verdict.not_claim": (
            "tā ir aptauja, nevis kompensācijas pieprasījums",
            "it is a survey, not a compensation claim",
        ),
        "lm.verdict.other_date": (
            "aptaujas datums ir {found}, bet prasīts {asked}",
            "the survey's date is {found}, but {asked} was asked",
        ),
        "lm.verdict.unknown_municipality": (
            "pašvaldība «{name}» nav starp 43 Latvijas pašvaldībām",
            "the municipality '{name}' is not among Latvia's 43",
        ),
        "lm.verdict.sums": ("iekšējās summas nesakrīt: {details}", "internal sums do not add up: {details}"),
        "lm.verdict.replaced": (
            "aizstāts: tai pašai pašvaldībai izmantots «{other}» (sagatavots {date})",
            "replaced: for the same municipality '{other}' (prepared {date}) is used",
        ),
        "lm.verdict.also": (
            "tai pašai pašvaldībai ir arī «{other}» (sagatavots {date}); izmantots šis, jaunākais",
            "the same municipality also sent '{other}' (prepared {date}); this one, the newest, is used",
        ),
        "lm.sums.sds_headcount": (
            "2.3 speciālistu skaits {figure}, amatu tabulā {table}",
            "2.3 specialists {figure}, in the position table {table}",
        ),
        "lm.sums.sds_fte": (
            "2.4 speciālistu slodzes {figure}, amatu tabulā {table}",
            "2.4 specialists' FTE {figure}, in the position table {table}",
        ),
        "lm.sums.ratio": (
            "2.5 iedzīvotāji uz slodzi {figure}, no 2.1 un 2.4 iznāk {table}",
            "2.5 residents per FTE {figure}, 2.1 and 2.4 give {table}",
        ),
        "lm.sums.education": (
            "{position}: darbinieki {headcount}, pa izglītības līmeņiem {levels}",
            "{position}: staff {headcount}, by education level {levels}",
        ),
        "lm.sums.pay": (
            "{position}: mēnešalga min. {low}, vid. {mean}, maks. {high}",
            "{position}: pay min. {low}, mean {mean}, max. {high}",
        ),
        "lm.sums.count": (
            "{position}: «{measure}» {value} no {headcount} darbiniekiem",
            "{position}: '{measure}' {value} of {headcount} staff",
        ),
        "lm.sums.negative": ("{position}: «{measure}» ir negatīvs", "{position}: '{measure}' is negative"),
        "lm.previous.unreadable": (
            "Iepriekšējā gada kopsavilkumu {path} nevar nolasīt: {detail}",
            "The previous year's consolidation {path} cannot be read: {detail}",
        ),
    }
)

SDS_POSITIONS = tuple(p["code"] for p in shipped()["positions"] if p.get("is_sds"))
POSITION_ORDER = tuple(p["code"] for p in shipped()["positions"])
REGIONS = ("Kurzeme", "Latgale", "Rīga", "Vidzeme", "Zemgale")
RATIO_LIMIT = Decimal(next(s["value"] for s in shipped()["settings"] if s["key"] == "ratio.limit"))
ONE_DECIMAL = Decimal("0.1")


def municipality_catalogue() -> dict[str, dict[str, Any]]:
    """The 43 municipalities of the shipped catalogue by name, with their region."""
    return {row["name"]: row for row in shipped()["municipalities"]}


@dataclass
class Verdict:
    """What became of one file: ``accepted`` (used in the totals) and the sentence that says why or why not."""

    name: str
    accepted: bool
    message: str
    municipality: str | None = None
    prepared: str | None = None
    note: str = ""  # "labots pēc eksporta: …" of an accepted file

    @property
    def text(self) -> str:
        return f"{self.message}; {self.note}" if self.note else self.message


@dataclass(frozen=True)
class PositionRow:
    """One municipality × position of the national data sheet."""

    municipality: str
    region: str
    position: str
    headcount: int
    fte: Decimal
    vacancies: int
    vacancy_fte: Decimal
    salary_min: Decimal | None
    salary_mean: Decimal | None
    salary_max: Decimal | None
    below_scale: int | None
    education_noncompliant: int | None


@dataclass(frozen=True)
class MunicipalityFigures:
    municipality: str
    region: str
    file: str
    prepared: str | None
    population: int | None
    staff: int
    sds_headcount: int
    sds_fte: Decimal
    residents_per_sds: Decimal | None
    norm_met: bool | None
    shortfall_fte: Decimal | None  # SDS FTE missing for 1:1000 (0 when met)
    effective_residents_per_sds: Decimal | None
    vacancies: int
    vacancy_fte: Decimal
    vacancies_long_open: int | None
    below_scale: int
    scaled_staff: int  # staff in positions with a salary group: what below_scale is a share of
    below_scale_share: Decimal | None
    education_noncompliant: int
    training_met_share: Decimal | None
    supervision_met_share: Decimal | None
    median_cases_social_workers: Decimal | None
    median_cases_spo: Decimal | None
    nonsw_share: Decimal | None
    top_nonsw_categories: tuple[str, ...]
    edited: bool


@dataclass(frozen=True)
class Spread:
    """Median and quartiles over municipalities (the inclusive method, as Excel's QUARTILE.INC)."""

    count: int
    minimum: Decimal | None
    q1: Decimal | None
    median: Decimal | None
    q3: Decimal | None
    maximum: Decimal | None


@dataclass(frozen=True)
class PositionTotals:
    position: str
    headcount: int
    fte: Decimal
    vacancies: int
    vacancy_fte: Decimal
    salary_min: Decimal | None
    salary_mean: Decimal | None  # weighted by people: Σ(mean × headcount) / Σ headcount
    salary_max: Decimal | None
    below_scale: int
    education_noncompliant: int


@dataclass(frozen=True)
class Change:
    """Since the previous consolidation, for one municipality (None where either year has no figure)."""

    municipality: str
    sds_fte: Decimal | None
    residents_per_sds: Decimal | None
    vacancies: int | None
    below_scale: int | None
    in_previous: bool


@dataclass
class SurveyConsolidation:
    date: dt.date
    folder: Path
    verdicts: list[Verdict]
    municipalities: list[MunicipalityFigures]
    positions: list[PositionRow]
    missing: list[str]
    totals: dict[str, Any] = field(default_factory=dict)
    spreads: dict[str, Spread] = field(default_factory=dict)
    position_totals: list[PositionTotals] = field(default_factory=list)
    top_categories: list[tuple[str, int]] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    previous_date: str | None = None

    @property
    def accepted(self) -> int:
        return sum(1 for v in self.verdicts if v.accepted)

    def to_json(self) -> dict[str, Any]:
        from swdesk.rules.findings import json_number

        def plain(value: Any) -> Any:
            if isinstance(value, Decimal):
                return json_number(value)
            if isinstance(value, tuple):
                return list(value)
            return value

        return {
            "date": self.date.isoformat(),
            "files": [
                {"file": v.name, "accepted": v.accepted, "municipality": v.municipality, "verdict": v.text}
                for v in self.verdicts
            ],
            "missing": self.missing,
            "municipalities": [{k: plain(v) for k, v in vars(m).items()} for m in self.municipalities],
            "positions": [{k: plain(v) for k, v in vars(p).items()} for p in self.position_totals],
            "totals": {k: plain(v) for k, v in self.totals.items()},
            "spreads": {k: {f: plain(x) for f, x in vars(s).items()} for k, s in self.spreads.items()},
            "top_nonsw_categories": [{"category": c, "municipalities": n} for c, n in self.top_categories],
            "changes": [{k: plain(v) for k, v in vars(c).items()} for c in self.changes],
        }


# --- checking one survey -------------------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _round(value: Decimal, places: str = "0.1") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def sum_problems(document: Document) -> list[str]:
    """Where the survey's own figures do not add up (each a short Latvian phrase): the specialists of 2.3
    and 2.4 against the position table, 2.5 against 2.1 ÷ 2.4, each position's staff by education level,
    pay min ≤ mean ≤ max, and counts that cannot exceed the staff."""
    from swdesk.export.dati import EDUCATION_LEVELS

    positions: dict[str, dict[str, Any]] = defaultdict(dict)
    service: dict[str, Any] = {}
    for row in document.rows:
        if row["section"] == "positions":
            positions[row["position"]][row["measure"]] = row["value"]
        elif row["section"] == "service":
            service[row["measure"]] = row["value"]
    problems: list[str] = []
    for code, figures in positions.items():
        headcount = int(figures.get("headcount") or 0)
        for measure, value in figures.items():
            if value is not None and value < 0:
                problems.append(tr("lm.sums.negative", position=code, measure=measure))
        found = [figures.get(f"education_{level}") for level in EDUCATION_LEVELS]
        levels = [int(v) for v in found if v is not None]
        if len(levels) == len(found) and sum(levels) != headcount:
            problems.append(
                tr(
                    "lm.sums.education",
                    position=code,
                    headcount=headcount,
                    levels=sum(levels),
                )
            )
        low, mean, high = (_decimal(figures.get(k)) for k in ("salary_min", "salary_mean", "salary_max"))
        if headcount and None not in (low, mean, high) and not (low <= mean <= high):  # type: ignore[operator]
            problems.append(tr("lm.sums.pay", position=code, low=low, mean=mean, high=high))
        for measure in ("below_scale", "education_noncompliant"):
            value = figures.get(measure)
            if value is not None and value > headcount:
                problems.append(
                    tr("lm.sums.count", position=code, measure=measure, value=value, headcount=headcount)
                )
    table_headcount = sum(int(positions[c].get("headcount") or 0) for c in SDS_POSITIONS if c in positions)
    table_fte = sum(
        (_decimal(positions[c].get("fte")) or Decimal(0) for c in SDS_POSITIONS if c in positions), Decimal(0)
    )
    if service.get("sds_headcount") is not None and int(service["sds_headcount"]) != table_headcount:
        problems.append(tr("lm.sums.sds_headcount", figure=service["sds_headcount"], table=table_headcount))
    sds_fte = _decimal(service.get("sds_fte"))
    if sds_fte is not None and sds_fte != table_fte:
        problems.append(tr("lm.sums.sds_fte", figure=sds_fte, table=table_fte))
    population, ratio = service.get("population"), _decimal(service.get("residents_per_sds"))
    if population is not None and sds_fte:
        expected = _round(Decimal(int(population)) / sds_fte)
        if ratio != expected:
            problems.append(tr("lm.sums.ratio", figure=ratio, table=expected))
    return problems


def _verdict_for(
    source: Source, *, date: dt.date, catalogue: dict[str, dict[str, Any]]
) -> tuple[Verdict, Document | None]:
    from swdesk.formats import fmt_date

    if source.path is None:
        return Verdict(source.name, False, source.refusal or ""), None
    try:
        document = read_workbook(source.path, name=source.name)
    except Refused as refused:
        return Verdict(source.name, False, str(refused)), None
    municipality = document.municipality
    verdict = Verdict(
        source.name, False, "", municipality=municipality or None, prepared=document.meta.get("prepared")
    )
    if document.kind != "survey":
        verdict.message = tr("lm.verdict.not_survey")
    elif document.meta.get("date") != date.isoformat():
        found = document.meta.get("date")
        try:
            found = fmt_date(dt.date.fromisoformat(str(found)))
        except ValueError:
            pass
        verdict.message = tr("lm.verdict.other_date", found=found, asked=fmt_date(date))
    elif municipality not in catalogue:
        verdict.message = tr("lm.verdict.unknown_municipality", name=municipality)
    else:
        problems = sum_problems(document)
        if problems:
            verdict.message = tr("lm.verdict.sums", details="; ".join(problems))
        else:
            verdict.accepted, verdict.message, verdict.note = (
                True,
                tr("lm.verdict.accepted", municipality=municipality, date=fmt_date(date)),
                document.edit_note(),
            )
            return verdict, document
    return verdict, None


def consolidate_surveys(
    folder: Path,
    *,
    date: dt.date,
    previous: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SurveyConsolidation:
    """Read every workbook of ``folder`` and build the national picture for survey date ``date``.

    ``previous``: last year's consolidated workbook (``swdesk lm survey … --xlsx``), for the change per
    municipality. ``progress(done, total)`` is called after each file.
    """
    from swdesk.formats import fmt_date

    catalogue = municipality_catalogue()
    verdicts: list[Verdict] = []
    chosen: dict[str, tuple[tuple[Any, ...], Verdict, Document]] = {}
    with workbook_sources(folder) as sources:
        for done, source in enumerate(sources, start=1):
            verdict, document = _verdict_for(source, date=date, catalogue=catalogue)
            verdicts.append(verdict)
            if document is not None:
                key = (str(document.meta.get("prepared") or ""), source.modified, source.name)
                municipality = document.municipality
                if municipality in chosen:
                    old_key, old_verdict, _old = chosen[municipality]
                    newer, older = (verdict, old_verdict) if key > old_key else (old_verdict, verdict)
                    if key > old_key:
                        chosen[municipality] = (key, verdict, document)
                    _mark_duplicate(newer, older, fmt_date)
                else:
                    chosen[municipality] = (key, verdict, document)
            if progress is not None:
                progress(done, len(sources))
    documents = {m: doc for m, (_k, _v, doc) in chosen.items()}
    names = {m: v.name for m, (_k, v, _d) in chosen.items()}
    consolidation = national_picture(documents, names=names, date=date, folder=folder, verdicts=verdicts)
    if previous is not None:
        consolidation.previous_date, consolidation.changes = compare_with_previous(consolidation, previous)
    return consolidation


def _mark_duplicate(newer: Verdict, older: Verdict, fmt_date: Callable[[dt.date | None], str]) -> None:
    def shown(prepared: str | None) -> str:
        try:
            return fmt_date(dt.date.fromisoformat(prepared or ""))
        except ValueError:
            return prepared or "?"

    older.accepted = False
    older.message = tr("lm.verdict.replaced", other=newer.name, date=shown(newer.prepared))
    also = tr("lm.verdict.also", other=older.name, date=shown(older.prepared))
    newer.message = f"{newer.message}; {also}"


# --- the national picture ------------------------------------------------------------------------------------


def _spread(values: Sequence[Decimal | None], places: str = "0.1") -> Spread:
    present = sorted(v for v in values if v is not None)
    if not present:
        return Spread(0, None, None, None, None, None)
    if len(present) == 1:
        only = present[0]
        return Spread(1, only, only, only, only, only)
    q1, median, q3 = statistics.quantiles([float(v) for v in present], n=4, method="inclusive")
    return Spread(
        len(present),
        present[0],
        _round(Decimal(repr(q1)), places),
        _round(Decimal(repr(median)), places),
        _round(Decimal(repr(q3)), places),
        present[-1],
    )


def national_picture(
    documents: dict[str, Document],
    *,
    names: dict[str, str],
    date: dt.date,
    folder: Path,
    verdicts: list[Verdict],
) -> SurveyConsolidation:
    """The figures per municipality and position, the totals, medians and quartiles of accepted surveys."""
    catalogue = municipality_catalogue()
    municipalities: list[MunicipalityFigures] = []
    positions: list[PositionRow] = []
    for name in sorted(documents, key=_latvian):
        document = documents[name]
        region = catalogue[name].get("region") or ""
        data = survey_json(document)
        extra = {(r["section"], r["position"], r["measure"]): r for r in document.rows}
        rows = []
        codes = [
            r["position"]
            for r in document.rows
            if r["section"] == "positions" and r["measure"] == "headcount"
        ]
        for code in codes:

            def value(measure: str, code: str = code, extra: dict[Any, Any] = extra) -> Any:
                row = extra.get(("positions", code, measure))
                return None if row is None else row["value"]

            rows.append(
                PositionRow(
                    municipality=name,
                    region=region,
                    position=code,
                    headcount=int(value("headcount") or 0),
                    fte=_decimal(value("fte")) or Decimal(0),
                    vacancies=int(value("vacancies") or 0),
                    vacancy_fte=_decimal(value("vacancy_fte")) or Decimal(0),
                    salary_min=_decimal(value("salary_min")),
                    salary_mean=_decimal(value("salary_mean")),
                    salary_max=_decimal(value("salary_max")),
                    below_scale=None if value("below_scale") is None else int(value("below_scale")),
                    education_noncompliant=None
                    if value("education_noncompliant") is None
                    else int(value("education_noncompliant")),
                )
            )
        positions.extend(rows)
        service, previous = data["service"], data["previous_year"]
        sds_fte = _decimal(service["sds_fte"]) or Decimal(0)
        ratio = _decimal(service["residents_per_sds"])
        population = service["population"]
        scaled = sum(r.headcount for r in rows if r.below_scale is not None)
        below = sum(r.below_scale or 0 for r in rows)
        long_open = extra.get(("service", None, "vacancies_long_open"))
        municipalities.append(
            MunicipalityFigures(
                municipality=name,
                region=region,
                file=names[name],
                prepared=document.meta.get("prepared"),
                population=population,
                staff=sum(r.headcount for r in rows),
                sds_headcount=service["sds_headcount"] or 0,
                sds_fte=sds_fte,
                residents_per_sds=ratio,
                norm_met=None if population is None else (ratio is not None and ratio <= RATIO_LIMIT),
                shortfall_fte=None
                if population is None
                else max(Decimal(0), _round(Decimal(population) / RATIO_LIMIT - sds_fte, "0.01")),
                effective_residents_per_sds=_decimal(service["effective_residents_per_sds"]),
                vacancies=sum(r.vacancies for r in rows),
                vacancy_fte=sum((r.vacancy_fte for r in rows), Decimal(0)),
                vacancies_long_open=None
                if long_open is None or long_open["value"] is None
                else int(long_open["value"]),
                below_scale=below,
                scaled_staff=scaled,
                below_scale_share=_round(Decimal(below) / scaled, "0.001") if scaled else None,
                education_noncompliant=sum(r.education_noncompliant or 0 for r in rows),
                training_met_share=_decimal(previous["training_met_share"]),
                supervision_met_share=_decimal(previous["supervision_met_share"]),
                median_cases_social_workers=_decimal(previous["median_cases_social_workers"]),
                median_cases_spo=_decimal(previous["median_cases_spo"]),
                nonsw_share=_decimal(previous["nonsw_share"]),
                top_nonsw_categories=tuple(previous["top_nonsw_categories"]),
                edited=document.edited,
            )
        )
    consolidation = SurveyConsolidation(
        date=date,
        folder=folder,
        verdicts=verdicts,
        municipalities=municipalities,
        positions=positions,
        missing=[n for n in sorted(catalogue, key=_latvian) if n not in documents],
    )
    _totals(consolidation)
    return consolidation


def _totals(c: SurveyConsolidation) -> None:
    ms = c.municipalities
    population = sum(m.population or 0 for m in ms)
    sds_fte = sum((m.sds_fte for m in ms), Decimal(0))
    c.totals = {
        "municipalities": len(ms),
        "population": population,
        "staff": sum(m.staff for m in ms),
        "sds_headcount": sum(m.sds_headcount for m in ms),
        "sds_fte": sds_fte,
        "residents_per_sds": _round(Decimal(population) / sds_fte) if sds_fte else None,
        "norm_met": sum(1 for m in ms if m.norm_met),
        "shortfall_fte": sum((m.shortfall_fte or Decimal(0) for m in ms), Decimal(0)),
        "vacancies": sum(m.vacancies for m in ms),
        "vacancy_fte": sum((m.vacancy_fte for m in ms), Decimal(0)),
        "vacancies_long_open": sum(m.vacancies_long_open or 0 for m in ms),
        "below_scale": sum(m.below_scale for m in ms),
        "scaled_staff": sum(m.scaled_staff for m in ms),
        "education_noncompliant": sum(m.education_noncompliant for m in ms),
    }
    scaled = c.totals["scaled_staff"]
    c.totals["below_scale_share"] = (
        _round(Decimal(c.totals["below_scale"]) / scaled, "0.001") if scaled else None
    )
    c.spreads = {
        "residents_per_sds": _spread([m.residents_per_sds for m in ms]),
        "effective_residents_per_sds": _spread([m.effective_residents_per_sds for m in ms]),
        "below_scale_share": _spread([m.below_scale_share for m in ms], "0.001"),
        "training_met_share": _spread([m.training_met_share for m in ms], "0.001"),
        "supervision_met_share": _spread([m.supervision_met_share for m in ms], "0.001"),
        "median_cases_social_workers": _spread([m.median_cases_social_workers for m in ms], "0.01"),
        "median_cases_spo": _spread([m.median_cases_spo for m in ms], "0.01"),
        "nonsw_share": _spread([m.nonsw_share for m in ms], "0.001"),
    }
    by_position: dict[str, list[PositionRow]] = defaultdict(list)
    for row in c.positions:
        by_position[row.position].append(row)
    order = [p for p in POSITION_ORDER if p in by_position] + sorted(set(by_position) - set(POSITION_ORDER))
    for code in order:
        rows = by_position[code]
        paid = [r for r in rows if r.salary_mean is not None and r.headcount]
        people = sum(r.headcount for r in paid)
        c.position_totals.append(
            PositionTotals(
                position=code,
                headcount=sum(r.headcount for r in rows),
                fte=sum((r.fte for r in rows), Decimal(0)),
                vacancies=sum(r.vacancies for r in rows),
                vacancy_fte=sum((r.vacancy_fte for r in rows), Decimal(0)),
                salary_min=min((r.salary_min for r in rows if r.salary_min is not None), default=None),
                salary_mean=_round(
                    sum(((r.salary_mean or Decimal(0)) * r.headcount for r in paid), Decimal(0)) / people,
                    "0.01",
                )
                if people
                else None,
                salary_max=max((r.salary_max for r in rows if r.salary_max is not None), default=None),
                below_scale=sum(r.below_scale or 0 for r in rows),
                education_noncompliant=sum(r.education_noncompliant or 0 for r in rows),
            )
        )
    counts = Counter(code for m in ms for code in m.top_nonsw_categories)
    c.top_categories = sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _latvian(text: str) -> tuple[int, ...]:
    from swdesk.rules.claim import latvian_sort_key

    return latvian_sort_key(text)


# --- last year ----------------------------------------------------------------------------------------------

# the consolidated workbook's sheet of one row per municipality (swdesk.lm.documents), read back for --previous
MUNICIPALITY_SHEET = "Pasvaldibas"


class PreviousError(ValueError):
    """The previous year's consolidation cannot be read; the message says why (Latvian)."""


def compare_with_previous(current: SurveyConsolidation, path: Path) -> tuple[str | None, list[Change]]:
    """The change per municipality since the consolidation in ``path`` (its ``Pasvaldibas`` sheet)."""
    from swdesk.importer.reader import read_sources

    if not path.is_file() or not os.access(path, os.R_OK):
        raise PreviousError(tr("lm.previous.unreadable", path=path, detail=tr("lm.source.not_regular")))
    result = read_sources([path], sheet_names=[MUNICIPALITY_SHEET])
    if result.problems or not result.sheets:
        detail = result.problems[0].message if result.problems else tr("lm.read.not_swdesk")
        raise PreviousError(tr("lm.previous.unreadable", path=path, detail=detail))
    rows = result.sheets[0].rows
    header = [str(v) for v in rows[0][1]]
    if "municipality" not in header:
        raise PreviousError(tr("lm.previous.unreadable", path=path, detail=tr("lm.read.not_swdesk")))
    before: dict[str, dict[str, Any]] = {}
    previous_date = None
    for _n, cells in rows[1:]:
        record = dict(zip(header, cells, strict=False))
        if record.get("municipality"):
            before[str(record["municipality"])] = record
            previous_date = previous_date or record.get("date")

    def delta(now: Any, then: Any) -> Decimal | None:
        if now is None or then is None or isinstance(then, str):
            return None
        return _decimal(now) - _decimal(then)  # type: ignore[operator]

    changes = []
    for m in current.municipalities:
        old = before.get(m.municipality)
        if old is None:
            changes.append(Change(m.municipality, None, None, None, None, in_previous=False))
            continue
        vacancies = delta(m.vacancies, old.get("vacancies"))
        below = delta(m.below_scale, old.get("below_scale"))
        changes.append(
            Change(
                m.municipality,
                sds_fte=delta(m.sds_fte, old.get("sds_fte")),
                residents_per_sds=delta(m.residents_per_sds, old.get("residents_per_sds")),
                vacancies=None if vacancies is None else int(vacancies),
                below_scale=None if below is None else int(below),
                in_previous=True,
            )
        )
    return (str(previous_date) if previous_date else None), changes
