"""The council report (ziņojums domei): the evidence a head takes to the municipal council to argue for staff.

Issue 4 item 3. Page 1 is one table of headline figures, each next to the norm it is measured against:
residents per social work specialist (SDS) against 1:1000, the effective ratio after non-social-work time,
open vacancies and how long they have been open, caseload per FTE against the service's criteria, training
and supervision fulfilment, pay against the scale minimum. Then four vector charts labelled in Latvian —
residents per SDS over the years of data, monthly caseload per FTE by work type, non-social-work hours by
category, training hours done against required per position — and the full list of findings of the norm
checks, whose messages name their sources.

Every figure comes from the functions of ``swdesk.rules.checks`` that the checks and the survey use, so
the report, ``swdesk check`` and the GUI can never disagree.

As a council member reads it (issue 16): every chart's value axis has a title with its unit; long names
(duty categories, positions) stand whole, wrapped, beside horizontal bars instead of cut under slanted ones;
positions are named, not coded; the lines of the caseload chart have their own dash and marker; the norms
name the source they are taken from today; the report closes with the head's name, the date and a line to
sign. It is Latvian whatever the program's language.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from statistics import median
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.export import pdf
from swdesk.export.common import (
    OFFICIAL_LANGUAGE,
    SMALL_GROUP,
    date_text,
    document_language,
    fte_text,
    integer_text,
    share_text,
)
from swdesk.formats import fmt_month, round_half_up
from swdesk.i18n import define, tr
from swdesk.rules.checks import (
    CheckContext,
    default_as_of,
    duty_shares,
    effective_staffing,
    is_below_scale,
    make_context,
    run_checks,
    sds_active,
    staffing_unit,
    supervision_measures,
    training_measures,
)
from swdesk.rules.data import UNIT_CASES, ServiceInfo, Snapshot
from swdesk.rules.findings import (
    CASELOAD_OVER_CRITERION,
    CASELOAD_WEIGHTED,
    DUTIES_SHARE,
    EDUCATION_COMPLIANCE,
    ERROR,
    INFO,
    RULE_LABELS,
    SALARY_BELOW_SCALE,
    SUPERVISION_HOURS,
    TRAINING_HOURS,
    WARNING,
    Finding,
)
from swdesk.settings import Settings

# How many years back the residents-per-specialist chart goes, and how many duty categories it names.
YEARS_SHOWN = 10
CATEGORIES_SHOWN = 8

define(
    {
        "report.title": ("Sociālā dienesta personāls {year}. gadā", "Staff of the social service in {year}"),
        "report.subtitle": ("Ziņojums pašvaldības domei", "Report to the municipal council"),
        "report.service": ("Sociālais dienests", "Social service"),
        "report.municipality": ("Pašvaldība", "Municipality"),
        "report.as_of": ("Stāvoklis uz", "As of"),
        "report.period": ("Periods", "Period"),
        "report.head": ("Sociālā dienesta vadītājs", "Head of the social service"),
        "report.headlines": ("Galvenie rādītāji", "Headline figures"),
        "report.col.figure": ("Rādītājs", "Figure"),
        "report.col.value": ("Vērtība", "Value"),
        "report.col.norm": ("Norma vai salīdzinājums", "Norm or comparison"),
        "report.ratio": (
            "Iedzīvotāji uz vienu sociālā darba speciālista slodzi",
            "Residents per specialist FTE",
        ),
        "report.ratio.norm": (
            "norma: ne vairāk kā {limit} iedzīvotāji uz speciālistu; {state}",
            "norm: at most {limit} residents per specialist; {state}",
        ),
        "report.ratio.short": ("trūkst {fte} slodzes", "{fte} FTE short"),
        "report.ratio.ok": ("norma ir izpildīta", "the norm is met"),
        "report.ratio.none": ("nav aprēķināms: nav iedzīvotāju skaita vai speciālistu", "cannot be computed"),
        "report.effective": (
            "Tas pats, atskaitot ar sociālo darbu nesaistītos pienākumus",
            "The same after duties not related to social work",
        ),
        "report.effective.norm": (
            "speciālisti {share} darba laika pavada citu pienākumu veikšanā",
            "specialists spend {share} of their time on other duties",
        ),
        "report.vacancies": ("Atvērtās vakances", "Open vacancies"),
        "report.vacancies.value": ("{count} ({fte} slodzes)", "{count} ({fte} FTE)"),
        "report.vacancies.norm": (
            "ilgāk par {days} dienām atvērtas: {long}; ilgākā atvērta {longest} dienas",
            "open longer than {days} days: {long}; the longest open for {longest} days",
        ),
        "report.vacancies.none": ("nav atvērtu vakanču", "no open vacancies"),
        "report.caseload": ("Lietu mediāna mēnesī uz slodzi (sociālie darbinieki)", "Median cases per FTE"),
        "report.caseload.norm": (
            "dienesta kritēriju vismaz vienā mēnesī pārsniedza {over} no {measured} darbiniekiem",
            "{over} of {measured} staff exceeded the service's criterion in at least one month",
        ),
        "report.training": (
            "Apmācību normu izpildījuši speciālisti",
            "Specialists who met the training norm",
        ),
        "report.supervision": (
            "Supervīzijas normu izpildījuši speciālisti",
            "Specialists who met the supervision norm",
        ),
        "report.of": ("{share} ({done} no {total})", "{share} ({done} of {total})"),
        "report.training.norm": (
            "norma: amata gada stundas (dienesta amatu katalogā 24 vai 16 h), proporcionāli nostrādātajam "
            "laikam; skaitļi ņemti no MK 03.06.2003. noteikumu Nr. 291 2.4. punkta, kas zaudējis spēku "
            "(spēkā esošo MK 13.06.2017. noteikumu Nr. 338 prasības nav pārbaudītas)",
            "norm: the position's yearly hours (24 or 16 h in the service's catalogue), prorated to the time "
            "employed; the figures come from para. 2.4 of Cabinet Regulation No. 291 of 03.06.2003, which is "
            "no longer in force (the requirements of Regulation No. 338 of 13.06.2017 are not verified)",
        ),
        "report.supervision.norm": (
            "norma: {individual} h individuālās vai {group} h grupas supervīzijas gadā (dienesta "
            "iestatījumi pēc LM ESF projekta Nr. 9.2.1.1/15/I/001 materiāliem)",
            "norm: {individual} h individual or {group} h group supervision a year (the service's settings, "
            "after the materials of the Ministry's ESF project No. 9.2.1.1/15/I/001)",
        ),
        "report.salary": ("Darbinieki ar algu zem skalas minimuma", "Staff paid below the scale minimum"),
        "report.salary.norm": (
            "alga jāpaaugstina līdz mēnešalgu grupas minimumam līdz 01.01.2027",
            "pay must reach the salary group minimum by 01.01.2027",
        ),
        "report.findings_count": ("Konstatējumi", "Findings"),
        "report.findings_count.value": ("{errors} / {warnings} / {infos}", "{errors} / {warnings} / {infos}"),
        "report.findings_count.norm": (
            "kļūdas / brīdinājumi / informatīvi; skaits pa amatiem un konstatējumi par dienestu — tālāk "
            "ziņojumā",
            "errors / warnings / notes; the numbers by position and the findings on the service follow",
        ),
        "report.charts": ("Tendences un sadalījums", "Trends and breakdown"),
        "report.chart.ratio": (
            "Iedzīvotāji uz vienu speciālista slodzi pa gadiem",
            "Residents per specialist FTE",
        ),
        "report.chart.ratio.series": ("Iedzīvotāji uz slodzi", "Residents per FTE"),
        "report.axis.ratio": ("iedzīvotāji uz 1 slodzi", "residents per 1 FTE"),
        "report.axis.caseload": ("lietas uz 1 slodzi mēnesī", "cases per 1 FTE a month"),
        "report.axis.duties": ("stundas (h) gadā", "hours (h) in the year"),
        "report.axis.training": ("stundas (h) vidēji uz darbinieku", "hours (h) per person on average"),
        "report.signed": ("Ziņojums sagatavots {date}.", "Report prepared on {date}."),
        "report.chart.ratio.limit": ("norma 1:{limit}", "norm 1:{limit}"),
        "report.chart.caseload": (
            "Lietas mēnesī uz slodzi pa darba veidiem, {year}",
            "Cases per FTE per month by work type, {year}",
        ),
        "report.chart.duties": (
            "Ar sociālo darbu nesaistīto pienākumu stundas pa kategorijām, {year}",
            "Hours of non-social-work duties by category, {year}",
        ),
        "report.chart.duties.series": ("Stundas", "Hours"),
        "report.chart.duties.other": ("Citas", "Other"),
        "report.chart.training": (
            "Apmācību stundas vidēji uz darbinieku pa amatiem, {year}",
            "Training hours per person by position, {year}",
        ),
        "report.chart.training.done": ("Paveiktas", "Done"),
        "report.chart.training.required": ("Nepieciešamas", "Required"),
        "report.chart.no_data": ("Nav datu šim attēlam.", "No data for this chart."),
        "report.findings": ("Visi konstatējumi", "All findings"),
        "report.findings.none": ("Neatbilstību nav.", "No findings."),
        "report.col.no": ("Nr.", "No."),
        "report.col.severity": ("Līmenis", "Severity"),
        "report.col.rule": ("Pārbaude", "Check"),
        "report.col.message": ("Konstatējums un avots", "Finding and source"),
        "report.severity.error": ("kļūda", "error"),
        "report.severity.warning": ("brīdinājums", "warning"),
        "report.severity.info": ("informācija", "info"),
        "report.help": (
            "ziņojums domei (PDF ar rādītājiem un grafikiem)",
            "the council report (PDF with charts)",
        ),
        "report.year": ("gads, par kuru ziņot", "the year to report on"),
        "report.pdf": ("PDF faila ceļš", "path of the PDF file"),
        "report.as_of_arg": (
            "datums, uz kuru ziņot (noklusējums: šodiena vai 31.12.)",
            "the as-of date (default: today or 31 Dec)",
        ),
        "report.written": ("Ziņojums saglabāts: {path}", "Report written: {path}"),
        "report.named": (
            "ar vārdiem — iekšējai lietošanai",
            "with names — for internal use",
        ),
        "report.named_arg": (
            "ziņojumā nosaukt darbiniekus ar vārdiem (tikai iekšējai lietošanai; noklusējumā ziņojums ir "
            "anonīms)",
            "name staff in the report (internal use only; by default the report is anonymous)",
        ),
        "report.groups.position": ("Konstatējumi pa amatiem", "Findings by position"),
        "report.groups.unit": ("Konstatējumi pa struktūrvienībām", "Findings by structural unit"),
        "report.groups.note": (
            "Darbinieki — visi, kas grupā strādāja {year}. gadā. Katrā konstatējumu šūnā: cik no viņiem ir šis "
            "konstatējums un kāda daļa no grupas; «—» — pārbaude šai grupai nav piemērojama. Mēnešalga — "
            "vidējā pilnai slodzei {date} strādājošajiem. "
            "Grupa, kurā mazāk par {small} darbiniekiem, parādīta kā «< {small}» bez algas un konstatējumu "
            "skaita, lai no ziņojuma nevarētu uzzināt par konkrētu cilvēku; šādi amati un struktūrvienības "
            "apvienoti rindā «Citi».",
            "Staff: everyone who worked in the group in {year}. In each finding's cell: how many of them have "
            "it and their share of the group; '—': the check does not apply to the group. Pay: the mean "
            "full-time monthly salary of those "
            "employed on {date}. A group of fewer than {small} people is shown as '< {small}' without pay "
            "or counts, so that the report tells nothing about one person; such positions and units are "
            "pooled in the row 'Other'.",
        ),
        "report.groups.col.group": ("Grupa", "Group"),
        "report.groups.col.position": ("Amats", "Position"),
        "report.groups.col.unit": ("Struktūrvienība", "Structural unit"),
        "report.groups.col.headcount": ("Darbinieki", "Staff"),
        "report.groups.col.salary": ("Vidējā alga, EUR", "Mean pay, EUR"),
        "report.groups.col.fte": ("Slodzes", "FTE"),
        "report.unit": ("Struktūrvienība", "Structural unit"),
        "report.unit_arg": (
            "pārskats par vienu struktūrvienību (ar apakšvienībām), kā to sauc struktūrvienību sarakstā",
            "a report for one structural unit (with its sub-units), named as in the list of units",
        ),
        "report.unit_unknown": (
            "Struktūrvienības «{name}» nav sarakstā. Sarakstā ir: {known}.",
            "There is no structural unit '{name}' in the list. The list has: {known}.",
        ),
        "report.unit.note": (
            "Pārskats par struktūrvienību «{unit}» (ar tās apakšvienībām): darbinieku rādītāji un konstatējumi "
            "ir tikai tās darbiniekiem; attiecība uz 1000 iedzīvotājiem, efektīvā attiecība un vakances — visa "
            "pašvaldība.",
            "Report for the structural unit '{unit}' (with its sub-units): the staff figures and findings are "
            "its staff's alone; the ratio per 1000 residents, the effective ratio and the vacancies are the "
            "whole municipality's.",
        ),
        "report.groups.rules": ("Darbinieki ar konstatējumu", "Staff with a finding"),
        "report.groups.rule.caseload.over_criterion": ("R3 lietas virs kritērija", "R3 cases over criterion"),
        "report.groups.rule.caseload.weighted_over_capacity": ("R4 svērtā slodze", "R4 weighted load"),
        "report.groups.rule.duties.share": ("R6 citi pienākumi", "R6 other duties"),
        "report.groups.rule.training.hours": ("R7 apmācības", "R7 training"),
        "report.groups.rule.supervision.hours": ("R8 supervīzija", "R8 supervision"),
        "report.groups.rule.education.compliance": ("R9 izglītība", "R9 education"),
        "report.groups.rule.salary.below_scale": ("R10 alga zem skalas", "R10 pay below scale"),
        "report.groups.other_positions": ("Citi amati", "Other positions"),
        "report.groups.other_units": ("Citas struktūrvienības", "Other units"),
        "report.groups.no_unit": ("Bez struktūrvienības", "No unit"),
        "report.groups.small": ("< {small}", "< {small}"),
        "report.groups.withheld": ("nerāda", "withheld"),
        "report.findings.service": (
            "Konstatējumi par dienestu, vakancēm un darba veidiem",
            "Findings on the service, vacancies and work types",
        ),
        "report.findings.people_note": (
            "Konstatējumi par atsevišķiem darbiniekiem šajā ziņojumā nav nosaukti: to skaits pa amatiem un "
            "struktūrvienībām ir tabulā iepriekš.",
            "Findings on individual staff are not named in this report: their numbers by position and "
            "unit are in the table above.",
        ),
        "report.chart.hidden_work_types": (
            "Nav parādīti darba veidi, kuros strādā mazāk par {small} darbiniekiem: {names}.",
            "Work types done by fewer than {small} people are not shown: {names}.",
        ),
        "report.english_copy": (
            "blakus saglabāt arī ziņojuma kopiju angļu valodā (NOSAUKUMS.en.pdf)",
            "also write an English copy beside it (NAME.en.pdf)",
        ),
    }
)


# The rules about one person (SPEC §2), counted per group in the anonymous report, in the table's order.
PERSON_RULES = (
    CASELOAD_OVER_CRITERION,
    CASELOAD_WEIGHTED,
    DUTIES_SHARE,
    TRAINING_HOURS,
    SUPERVISION_HOURS,
    EDUCATION_COMPLIANCE,
    SALARY_BELOW_SCALE,
)
OTHER = "*other*"  # the key of the row that pools the small groups


@dataclass(frozen=True)
class GroupFigures:
    """One row of the anonymous table: a position, a structural unit, or the small ones pooled.

    ``headcount`` is everyone employed in the period; ``flagged[rule]`` how many of them have a finding of
    the rule (None: the rule does not apply to anyone in the group); ``salary_mean`` the mean full-time
    monthly salary of those employed on D. A group of fewer than SMALL_GROUP people is ``small``: the
    document shows "< 3" and withholds its pay and counts (issue 15).
    """

    key: str
    label: str
    headcount: int
    salary_mean: Decimal | None
    salary_people: int
    flagged: dict[str, int | None]
    fte: Decimal = Decimal(0)  # the FTE of those employed on D

    @property
    def small(self) -> bool:
        return self.headcount < SMALL_GROUP


def _rule_applies(rule: str, position: Any) -> bool:
    """Whether the position is measured by the rule at all (a position without a training norm has no R7)."""
    if position is None:
        return False
    if rule == TRAINING_HOURS:
        return position.training_hours is not None
    if rule == SUPERVISION_HOURS:
        return bool(position.supervision_norm)
    if rule == EDUCATION_COMPLIANCE:
        return bool(position.allowed_education)
    if rule == SALARY_BELOW_SCALE:
        return position.salary_group is not None
    return True


def group_figures(ctx: CheckContext, findings: tuple[Finding, ...], *, by: str) -> tuple[GroupFigures, ...]:
    """Per position (``by="position"``, catalogue order) or per structural unit (``by="unit"``, Latvian
    order; empty when nobody has one): staff, pay and how many have each person-rule's finding.

    Groups of fewer than SMALL_GROUP people are pooled into one "Other" row, which is itself small when
    the pooled groups add up to fewer than SMALL_GROUP."""
    from swdesk.rules.claim import latvian_sort_key

    snapshot = ctx.snapshot
    people = [p for p in snapshot.staff if p.employed_range(ctx.period_start, ctx.period_end) is not None]
    if by == "unit" and not any(p.unit_name for p in people):
        return ()
    flagged_people: dict[str, set[str]] = defaultdict(set)
    for finding in findings:
        if finding.subject.startswith("staff:") and finding.rule in PERSON_RULES:
            flagged_people[finding.rule].add(finding.subject.split(":")[1])

    def key_of(person: Any) -> str:
        if by == "position":
            return str(person.position_code)
        return str(person.unit_name or "")

    members: dict[str, list[Any]] = defaultdict(list)
    for person in people:
        members[key_of(person)].append(person)
    small = [k for k, group in members.items() if len(group) < SMALL_GROUP]
    if len(small) > 1 or (small and len(members) > 1):
        pooled = [p for k in small for p in members.pop(k)]
        members[OTHER] = pooled

    def label(key: str) -> str:
        if key == OTHER:
            return tr("report.groups.other_positions" if by == "position" else "report.groups.other_units")
        if by == "position":
            position = snapshot.positions.get(key)
            return position.name if position else key
        return key or tr("report.groups.no_unit")

    def order(key: str) -> tuple[int, Any]:
        if key == OTHER:
            return (2, ())
        if by == "position":
            codes = list(snapshot.positions)
            return (0, codes.index(key) if key in codes else len(codes))
        return (1 if not key else 0, latvian_sort_key(key))

    rows = []
    for key in sorted(members, key=order):
        group = members[key]
        paid = [p.salary for p in group if p.active_on(ctx.as_of)]
        flagged: dict[str, int | None] = {}
        for rule in PERSON_RULES:
            if any(_rule_applies(rule, snapshot.positions.get(p.position_code)) for p in group):
                flagged[rule] = sum(1 for p in group if p.tabeles_nr in flagged_people[rule])
            else:
                flagged[rule] = None
        rows.append(
            GroupFigures(
                key=key,
                label=label(key),
                headcount=len(group),
                salary_mean=round_half_up(sum(paid, Decimal(0)) / len(paid), 2) if paid else None,
                salary_people=len(paid),
                flagged=flagged,
                fte=sum((p.fte for p in group if p.active_on(ctx.as_of)), Decimal(0)),
            )
        )
    return tuple(rows)


def _training_shown(
    ctx: CheckContext, training_by_position: tuple[tuple[str, Decimal, Decimal], ...]
) -> tuple[tuple[str, Decimal, Decimal], ...]:
    """The training chart's bars: positions with fewer than SMALL_GROUP people measured are pooled into one
    "Other positions" bar (kept only when the pool itself is not small)."""
    counts: dict[str, int] = defaultdict(int)
    pooled: list[tuple[Decimal, Decimal]] = []
    measures = training_measures(ctx)
    for sid in measures:
        counts[ctx.snapshot.staff_by_id[sid].position_code] += 1
    for sid, measure in measures.items():
        if counts[ctx.snapshot.staff_by_id[sid].position_code] < SMALL_GROUP:
            pooled.append((measure.done, measure.required))
    shown = [row for row in training_by_position if counts[row[0]] >= SMALL_GROUP]
    if len(pooled) >= SMALL_GROUP:
        shown.append(
            (
                OTHER,
                round_half_up(sum((d for d, _r in pooled), Decimal(0)) / len(pooled), 2),
                round_half_up(sum((r for _d, r in pooled), Decimal(0)) / len(pooled), 2),
            )
        )
    return tuple(shown)


@dataclass(frozen=True)
class CouncilReport:
    """Everything the council report shows, computed by the rules' own measurements.

    Ratios are residents per SDS staffing unit (FTE, or headcount with ``ratio.basis = headcount``), to
    1 decimal; shares 0–1; ``ratio_by_year`` and the other series are what the charts draw.
    """

    year: int
    as_of: dt.date
    period_start: dt.date
    period_end: dt.date
    service: ServiceInfo | None
    settings: Settings
    population: int | None
    sds_units: Decimal
    ratio: Decimal | None
    shortfall: Decimal | None
    effective_ratio: Decimal | None
    sds_duty_share: Decimal | None
    vacancies_open: int
    vacancy_fte: Decimal
    vacancies_long_open: int
    vacancy_longest_days: int | None
    median_cases_per_fte: Decimal | None
    caseload_staff_measured: int
    caseload_staff_over: int
    training_met: int
    training_total: int
    supervision_met: int
    supervision_total: int
    below_scale: int
    with_scale: int
    ratio_by_year: tuple[tuple[int, Decimal | None], ...]
    months: tuple[dt.date, ...]
    caseload_by_work_type: dict[str, tuple[Decimal | None, ...]]
    duty_hours_by_category: tuple[tuple[str, Decimal], ...]
    training_by_position: tuple[tuple[str, Decimal, Decimal], ...]
    findings: tuple[Finding, ...]
    work_type_names: dict[str, str]
    duty_category_names: dict[str, str]
    position_names: dict[str, str]
    by_position: tuple[GroupFigures, ...] = ()
    by_unit: tuple[GroupFigures, ...] = ()
    training_shown: tuple[tuple[str, Decimal, Decimal], ...] = ()
    work_type_staff: dict[str, int] = field(default_factory=dict)
    unit_name: str | None = None  # a report for one structural unit (issue 14); None: the whole service

    def findings_about_people(self) -> list[Finding]:
        return [f for f in self.findings if f.subject.startswith("staff:")]

    def findings_about_the_service(self) -> list[Finding]:
        """R1, R2, R5, R11, R12: about the service, a vacancy or a work type, never one person."""
        return [f for f in self.findings if not f.subject.startswith("staff:")]

    def caseload_shown(self) -> dict[str, tuple[Decimal | None, ...]]:
        """The caseload chart's series without the work types fewer than SMALL_GROUP people do (a line of
        one person's cases is that person's workload)."""
        return {
            code: values
            for code, values in self.caseload_by_work_type.items()
            if self.work_type_staff.get(code, 0) >= SMALL_GROUP
        }


def _ratio(population: int | None, units: Decimal) -> Decimal | None:
    if population is None or units <= 0:
        return None
    return round_half_up(Decimal(population) / units, 1)


def _ratio_by_year(
    snapshot: Snapshot, *, year: int, as_of: dt.date, settings: Settings
) -> list[tuple[int, Any]]:
    """Residents per SDS unit at the end of each year with data (as of D for the report's year)."""
    starts = [p.start.year for p in snapshot.staff]
    if not starts and not snapshot.population:
        return []
    first = max(min(starts + list(snapshot.population) + [year]), year - YEARS_SHOWN + 1)
    result = []
    for y in range(first, year + 1):
        day = as_of if y == year else dt.date(y, 12, 31)
        ctx = make_context(snapshot, year=y, as_of=day, settings=settings)
        units = sum((staffing_unit(ctx, p) for p in sds_active(ctx)), Decimal(0))
        population = snapshot.population_for(y)
        result.append((y, _ratio(population[1] if population else None, units)))
    # years before any population figure say nothing; leave them out rather than draw gaps
    while result and result[0][1] is None:
        result.pop(0)
    return result


def _caseload_series(
    ctx: CheckContext,
) -> tuple[list[dt.date], dict[str, list[Decimal | None]], list[Decimal]]:
    """Per month of the period and work type: Σ cases ÷ Σ FTE of the staff with cases in it.

    Also returns every staff-month's cases per FTE of social workers, for the median in the headlines.
    """
    staff = ctx.snapshot.staff_by_id
    cases: dict[tuple[str, dt.date], int] = defaultdict(int)
    fte: dict[tuple[str, dt.date], Decimal] = defaultdict(Decimal)
    per_person_month: dict[tuple[int, dt.date], int] = defaultdict(int)
    for sid, rows in ctx.caseloads_by_staff.items():
        person = staff.get(sid)
        if person is None:
            continue
        for row in rows:
            value = row.value(UNIT_CASES)
            if value is None:
                continue
            then = person.in_month(row.month)  # the month's FTE and position
            cases[(row.work_type_code, row.month)] += value
            fte[(row.work_type_code, row.month)] += then.fte
            if then.position_code in ("SD_VEC", "SD", "SD_JAUN"):
                per_person_month[(sid, row.month)] += value
    months = sorted({month for _code, month in cases})
    series: dict[str, list[Decimal | None]] = {}
    for code in sorted({code for code, _month in cases}):
        series[code] = [
            round_half_up(Decimal(cases[(code, m)]) / fte[(code, m)], 2) if fte.get((code, m)) else None
            for m in months
        ]
    loads = [Decimal(total) / staff[sid].in_month(month).fte for (sid, month), total in per_person_month.items()]
    return months, series, loads


def build_report(
    snapshot: Snapshot, *, year: int, as_of: dt.date, settings: Settings,
    staff_ids: Collection[int] | None = None, unit_name: str | None = None,
) -> CouncilReport:
    """The report's figures for year Y as of D (SPEC §2 period and terms); pure.

    ``staff_ids`` (a structural unit's people, issue 14): every figure about staff counts only them, while
    the ratios per 1000 residents, the trend and the vacancies stay the municipality's (as the checks'
    ``SERVICE_WIDE`` rules do)."""
    from swdesk.units import only_staff

    snapshot = snapshot.as_of(as_of)  # each person with the values in force on D (issue 17)
    whole_ctx = make_context(snapshot, year=year, as_of=as_of, settings=settings)
    result = run_checks(snapshot, year=year, as_of=as_of, settings=settings, staff_ids=staff_ids)
    whole = snapshot
    if staff_ids is not None:
        snapshot = only_staff(snapshot, staff_ids)
    ctx = make_context(snapshot, year=year, as_of=as_of, settings=settings)
    population = snapshot.population_for(year)
    residents = population[1] if population else None
    units = sum((staffing_unit(whole_ctx, p) for p in sds_active(whole_ctx)), Decimal(0))
    limit = settings.ratio_limit
    effective = effective_staffing(whole_ctx, duty_shares(whole_ctx))
    sds = sds_active(ctx)
    sds_hours = sum((ctx.contracted_hours.get(p.id, Decimal(0)) for p in sds), Decimal(0))
    sds_duties = sum((ctx.duty_hours.get(p.id, Decimal(0)) for p in sds), Decimal(0))

    open_vacancies = [v for v in whole.vacancies if v.open_on(as_of)]
    days_open = [(as_of - v.announced).days for v in open_vacancies]

    months, caseload, loads = _caseload_series(ctx)
    over = {f.subject.split(":")[1] for f in result.findings if f.rule == CASELOAD_OVER_CRITERION}
    measured = {
        snapshot.staff_by_id[sid].tabeles_nr for sid in ctx.caseloads_by_staff if sid in snapshot.staff_by_id
    }

    sds_ids = {
        p.id for p in snapshot.staff if (pos := snapshot.positions.get(p.position_code)) and pos.is_sds
    }
    training = {sid: m for sid, m in training_measures(ctx).items() if sid in sds_ids}
    supervision = {sid: m for sid, m in supervision_measures(ctx).items() if sid in sds_ids}

    active = [p for p in snapshot.staff if p.active_on(as_of)]
    below = [is_below_scale(snapshot, p, year) for p in active]

    by_category: dict[str, Decimal] = defaultdict(Decimal)
    for row in snapshot.duties:
        if ctx.in_period(row.date):
            by_category[row.category_code] += row.hours
    categories = sorted(
        ((c, h) for c, h in by_category.items() if h > 0), key=lambda item: (-item[1], item[0])
    )

    by_position: dict[str, list[tuple[Decimal, Decimal]]] = defaultdict(list)
    for sid, measure in training_measures(ctx).items():
        by_position[snapshot.staff_by_id[sid].position_code].append((measure.done, measure.required))
    position_order = list(snapshot.positions)
    training_by_position = tuple(
        (
            code,
            round_half_up(sum((d for d, _r in pairs), Decimal(0)) / len(pairs), 2),
            round_half_up(sum((r for _d, r in pairs), Decimal(0)) / len(pairs), 2),
        )
        for code, pairs in sorted(
            by_position.items(),
            key=lambda item: (
                position_order.index(item[0]) if item[0] in position_order else len(position_order)
            ),
        )
    )
    return CouncilReport(
        year=year,
        as_of=as_of,
        period_start=ctx.period_start,
        period_end=ctx.period_end,
        service=snapshot.service,
        settings=settings,
        population=residents,
        sds_units=units,
        ratio=_ratio(residents, units),
        shortfall=round_half_up(max(Decimal(0), Decimal(residents) / limit - units), 2)
        if residents is not None
        else None,
        effective_ratio=_ratio(residents, effective),
        sds_duty_share=round_half_up(sds_duties / sds_hours, 3) if sds_hours else None,
        vacancies_open=len(open_vacancies),
        vacancy_fte=sum((v.fte for v in open_vacancies), Decimal(0)),
        vacancies_long_open=sum(1 for d in days_open if d > settings.vacancy_days),
        vacancy_longest_days=max(days_open) if days_open else None,
        median_cases_per_fte=round_half_up(median(loads), 2) if loads else None,
        caseload_staff_measured=len(measured),
        caseload_staff_over=len(over),
        training_met=sum(1 for m in training.values() if m.met),
        training_total=len(training),
        supervision_met=sum(1 for m in supervision.values() if m.met),
        supervision_total=len(supervision),
        below_scale=sum(1 for b in below if b),
        with_scale=sum(1 for b in below if b is not None),
        ratio_by_year=tuple(_ratio_by_year(whole, year=year, as_of=as_of, settings=settings)),
        months=tuple(months),
        caseload_by_work_type={code: tuple(values) for code, values in caseload.items()},
        duty_hours_by_category=tuple(categories),
        training_by_position=training_by_position,
        findings=result.findings,
        work_type_names=dict(snapshot.work_type_names),
        duty_category_names=dict(snapshot.duty_category_names),
        position_names={code: p.name for code, p in snapshot.positions.items()},
        by_position=group_figures(ctx, result.findings, by="position"),
        by_unit=group_figures(ctx, result.findings, by="unit"),
        training_shown=_training_shown(ctx, training_by_position),
        work_type_staff=_work_type_staff(ctx),
        unit_name=unit_name,
    )


def _work_type_staff(ctx: CheckContext) -> dict[str, int]:
    """How many people have cases of each work type in the period (the caseload chart's lines)."""
    people: dict[str, set[int]] = defaultdict(set)
    for sid, rows in ctx.caseloads_by_staff.items():
        for row in rows:
            if row.value(UNIT_CASES) is not None:
                people[row.work_type_code].add(sid)
    return {code: len(ids) for code, ids in people.items()}


def report_for_year(
    session: Session, *, year: int, as_of: dt.date | None = None, unit_id: int | None = None
) -> CouncilReport:
    """Load every year of data (the trend chart needs them) and build the report with the settings on D;
    with ``unit_id`` for that structural unit and its sub-units."""
    from swdesk import units
    from swdesk.db import models as m
    from swdesk.rules.data import load_snapshot

    as_of = as_of or default_as_of(year)
    staff_ids = units.unit_period_staff(session, unit_id, year, as_of)
    unit_name = None if unit_id is None else session.scalar(
        select(m.StructuralUnit.name).where(m.StructuralUnit.id == unit_id))
    snapshot = load_snapshot(session, until=min(as_of, dt.date(year, 12, 31)))
    return build_report(snapshot, year=year, as_of=as_of, settings=Settings.load(session, as_of),
                        staff_ids=staff_ids, unit_name=unit_name)


# --- the PDF ------------------------------------------------------------------------------------------------


def _of(done: int, total: int) -> str:
    if total == 0:
        return "—"
    return tr("report.of", share=share_text(Decimal(done) / total), done=done, total=total)


def headline_rows(report: CouncilReport) -> list[list[str]]:
    """The headline table: figure, value, and the norm or comparison it is read against."""
    s = report.settings
    limit = integer_text(int(s.ratio_limit))
    if report.ratio is None:
        ratio_state = tr("report.ratio.none")
    elif report.shortfall:
        ratio_state = tr("report.ratio.short", fte=fte_text(report.shortfall))
    else:
        ratio_state = tr("report.ratio.ok")
    errors = sum(1 for f in report.findings if f.severity == ERROR)
    warnings = sum(1 for f in report.findings if f.severity == WARNING)
    infos = sum(1 for f in report.findings if f.severity == INFO)
    return [
        [
            tr("report.ratio"),
            pdf.number(report.ratio, 1),
            tr("report.ratio.norm", limit=limit, state=ratio_state),
        ],
        [
            tr("report.effective"),
            pdf.number(report.effective_ratio, 1),
            tr("report.effective.norm", share=share_text(report.sds_duty_share)),
        ],
        [
            tr("report.vacancies"),
            tr("report.vacancies.value", count=report.vacancies_open, fte=fte_text(report.vacancy_fte)),
            tr(
                "report.vacancies.norm",
                days=s.vacancy_days,
                long=report.vacancies_long_open,
                longest=report.vacancy_longest_days,
            )
            if report.vacancies_open
            else tr("report.vacancies.none"),
        ],
        [
            tr("report.caseload"),
            pdf.number(report.median_cases_per_fte, 2),
            tr(
                "report.caseload.norm",
                over=report.caseload_staff_over,
                measured=report.caseload_staff_measured,
            ),
        ],
        [tr("report.training"), _of(report.training_met, report.training_total), tr("report.training.norm")],
        [
            tr("report.supervision"),
            _of(report.supervision_met, report.supervision_total),
            tr(
                "report.supervision.norm",
                individual=pdf.number(s.supervision_individual_hours, 0),
                group=pdf.number(s.supervision_group_hours, 0),
            ),
        ],
        [tr("report.salary"), _of(report.below_scale, report.with_scale), tr("report.salary.norm")],
        [
            tr("report.findings_count"),
            tr("report.findings_count.value", errors=errors, warnings=warnings, infos=infos),
            tr("report.findings_count.norm"),
        ],
    ]


def _charts(report: CouncilReport) -> list[Any]:
    width = pdf.content_width()
    no_data = pdf.paragraph(tr("report.chart.no_data"), small=True)
    out: list[Any] = []
    if report.ratio_by_year:
        out.append(
            pdf.bar_chart(
                title=tr("report.chart.ratio"),
                categories=[str(y) for y, _r in report.ratio_by_year],
                series=[pdf.Series(tr("report.chart.ratio.series"), [r for _y, r in report.ratio_by_year])],
                reference=(
                    tr("report.chart.ratio.limit", limit=int(report.settings.ratio_limit)),
                    float(report.settings.ratio_limit),
                ),
                value_title=tr("report.axis.ratio"),
                width=width,
                height=190,
            )
        )
    else:
        out += [pdf.heading(tr("report.chart.ratio")), no_data]
    out.append(pdf.Spacer(1, 10))
    title = tr("report.chart.caseload", year=report.year)
    caseload = report.caseload_shown()
    if caseload:
        out.append(
            pdf.line_chart(
                title=title,
                categories=[fmt_month(m) for m in report.months],
                series=[
                    pdf.Series(report.work_type_names.get(code, code), values)
                    for code, values in caseload.items()
                ],
                places=1,
                value_title=tr("report.axis.caseload"),
                width=width,
                height=250,
            )
        )
    else:
        out += [pdf.heading(title), no_data]
    hidden = [code for code in report.caseload_by_work_type if code not in caseload]
    if hidden:
        names = ", ".join(report.work_type_names.get(code, code) for code in hidden)
        out.append(
            pdf.paragraph(tr("report.chart.hidden_work_types", small=SMALL_GROUP, names=names), small=True)
        )
    out.append(pdf.Spacer(1, 10))
    title = tr("report.chart.duties", year=report.year)
    if report.duty_hours_by_category:
        shown = list(report.duty_hours_by_category[:CATEGORIES_SHOWN])
        rest = sum((h for _c, h in report.duty_hours_by_category[CATEGORIES_SHOWN:]), Decimal(0))
        labels = [report.duty_category_names.get(c, c) for c, _h in shown]
        values = [h for _c, h in shown]
        if rest:
            labels.append(tr("report.chart.duties.other"))
            values.append(rest)
        out.append(
            pdf.hbar_chart(
                title=title,
                categories=labels,
                series=[pdf.Series(tr("report.chart.duties.series"), values)],
                value_title=tr("report.axis.duties"),
                width=width,
            )
        )
    else:
        out += [pdf.heading(title), no_data]
    out.append(pdf.Spacer(1, 10))
    title = tr("report.chart.training", year=report.year)
    bars = report.training_shown
    if bars:
        out.append(
            pdf.hbar_chart(
                title=title,
                categories=[
                    tr("report.groups.other_positions")
                    if code == OTHER
                    else report.position_names.get(code, code)
                    for code, _d, _r in bars
                ],
                series=[
                    pdf.Series(tr("report.chart.training.done"), [d for _c, d, _r in bars]),
                    pdf.Series(tr("report.chart.training.required"), [r for _c, _d, r in bars]),
                ],
                places=1,
                value_title=tr("report.axis.training"),
                width=width,
            )
        )
    else:
        out += [pdf.heading(title), no_data]
    return out


def group_rows(groups: tuple[GroupFigures, ...]) -> list[list[str]]:
    """The anonymous table's cells: "2 (25 %)" per rule, "—" where a rule does not apply, and a small group
    as "< 3" with its pay and counts withheld."""
    rows = []
    for group in groups:
        if group.small:
            withheld = tr("report.groups.withheld")
            rows.append(
                [group.label, tr("report.groups.small", small=SMALL_GROUP), withheld, withheld]
                + [withheld if group.flagged[rule] is not None else "—" for rule in PERSON_RULES]
            )
            continue
        salary = (
            pdf.number(group.salary_mean, 2)
            if group.salary_mean is not None and group.salary_people >= SMALL_GROUP
            else tr("report.groups.withheld")
            if group.salary_people
            else "—"
        )
        cells = [group.label, integer_text(group.headcount), salary, fte_text(group.fte)]
        for rule in PERSON_RULES:
            count = group.flagged[rule]
            cells.append(
                "—" if count is None else f"{count} ({share_text(Decimal(count) / group.headcount, 0)})"
            )
        rows.append(cells)
    return rows


def _group_table(groups: tuple[GroupFigures, ...], *, first_column: str) -> Any:
    header = [
        tr(first_column),
        tr("report.groups.col.headcount"),
        tr("report.groups.col.salary"),
        tr("report.groups.col.fte"),
        *(tr(f"report.groups.rule.{rule}") for rule in PERSON_RULES),
    ]
    return pdf.data_table(
        header=header,
        rows=group_rows(groups),
        widths=[16, 9.8, 9.8, 8] + [9.5] * len(PERSON_RULES),
        align=pdf.left_then_right(3 + len(PERSON_RULES)),
        font_size=7,
        groups=[(tr("report.groups.rules"), 4, 3 + len(PERSON_RULES))],
    )


def group_section(report: CouncilReport) -> list[Any]:
    """Findings about people as counts per position and per structural unit: what the council needs,
    without a name (issue 15)."""
    out: list[Any] = [
        pdf.heading(tr("report.groups.position")),
        _group_table(report.by_position, first_column="report.groups.col.position"),
    ]
    if report.by_unit:
        out += [
            pdf.Spacer(1, 6),
            pdf.heading(tr("report.groups.unit")),
            _group_table(report.by_unit, first_column="report.groups.col.unit"),
        ]
    out += [
        pdf.Spacer(1, 3),
        pdf.paragraph(
            tr(
                "report.groups.note",
                year=report.year,
                date=date_text(report.as_of),
                small=SMALL_GROUP,
            ),
            small=True,
        ),
    ]
    return out


def write_report_pdf(
    report: CouncilReport,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = True,
    prepared: dt.date | None = None,
    lang: str = OFFICIAL_LANGUAGE,
    named: bool = False,
) -> Path:
    """The council report as a portrait A4 PDF: headline figures, findings per position and unit, four
    charts, the findings about the service, and the head's name, the date and a line to sign. Latvian
    unless ``lang`` asks for an English copy.

    Council papers are often published, so by default nobody is named (GDPR art. 5(1)(c), issue 15): no
    name, employee number or personal code, only counts per group. ``named=True`` adds every finding with
    the person's name, and every page then says "ar vārdiem — iekšējai lietošanai".
    """
    with document_language(lang):
        return _write_report_pdf(
            report, path, overwrite=overwrite, prepared=prepared or dt.date.today(), lang=lang, named=named
        )


def _write_report_pdf(
    report: CouncilReport,
    path: str | os.PathLike[str],
    *,
    overwrite: bool,
    prepared: dt.date,
    lang: str,
    named: bool,
) -> Path:
    service = report.service
    lines = [
        (tr("report.service"), service.name if service else ""),
        (tr("report.municipality"), service.municipality if service else ""),
        (tr("report.as_of"), date_text(report.as_of)),
        (tr("report.period"), f"{date_text(report.period_start)}–{date_text(report.period_end)}"),
    ]
    if service and service.head_name:
        lines.append((tr("report.head"), service.head_name))
    if report.unit_name is not None:
        lines.insert(2, (tr("report.unit"), report.unit_name))
    title = tr("report.title", year=report.year)
    marking = tr("report.named") if named else None
    subtitle = f"{tr('report.subtitle')} ({marking})" if marking else tr("report.subtitle")
    story: list[Any] = pdf.title_block(title=title, subtitle=subtitle, lines=lines)
    if report.unit_name is not None:
        story.append(pdf.paragraph(tr("report.unit.note", unit=report.unit_name), small=True))
    story.append(pdf.heading(tr("report.headlines")))
    story.append(
        pdf.data_table(
            header=[tr("report.col.figure"), tr("report.col.value"), tr("report.col.norm")],
            rows=headline_rows(report),
            widths=[38, 20, 42],
            align=["left", "right", "left"],
            font_size=9,
        )
    )
    story.append(pdf.Spacer(1, 8))
    story += group_section(report)
    story.append(pdf.PageBreak())
    story.append(pdf.heading(tr("report.charts")))
    story += _charts(report)
    story.append(pdf.PageBreak())
    listed = list(report.findings) if named else report.findings_about_the_service()
    story.append(pdf.heading(tr("report.findings" if named else "report.findings.service")))
    if not named and report.findings_about_people():
        story.append(pdf.paragraph(tr("report.findings.people_note"), small=True))
    if listed:
        story.append(
            pdf.data_table(
                header=[tr(f"report.col.{k}") for k in ("no", "severity", "rule", "message")],
                rows=[
                    [
                        str(i),
                        tr(f"report.severity.{f.severity}"),
                        f"{RULE_LABELS.get(f.rule, '')} {f.rule}",
                        f.message,
                    ]
                    for i, f in enumerate(listed, start=1)
                ],
                widths=[5, 11, 20, 64],
                align=["right", "left", "left", "left"],
                font_size=7.5,
            )
        )
    else:
        story.append(pdf.paragraph(tr("report.findings.none")))
    story.append(
        pdf.KeepTogether(
            [
                pdf.Spacer(1, 4 * pdf.mm),
                pdf.paragraph(tr("report.signed", date=date_text(prepared))),
                *pdf.signature_lines(role=tr("report.head"), name=service.head_name if service else None),
            ]
        )
    )
    full_title = f"{title} — {service.municipality}" if service and service.municipality else title
    return pdf.build_pdf(
        path,
        story=story,
        title=full_title,
        author=(service.head_name or "") if service else "",
        overwrite=overwrite,
        lang=lang,
        marking=marking,
    )
