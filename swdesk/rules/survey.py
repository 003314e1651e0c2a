"""The annual survey of social work specialists (aptauja, reference date 1 February), SPEC §4.

The Ministry of Welfare (LM) asks every municipal social service once a year for the number of social
work specialists, vacancies and pay on 1 February (plan 2026–2027, action 6.22; the 2022 ex-post evaluation
used the survey "uz 01.02.2023"). The figures here are computed with the same functions as the norm
checks: R6 shares, R7 training and R8 supervision for the previous year are measured by running those rules
for Y−1 as of 31 December Y−1.

The survey holds counts, sums and codes only: no names, personal codes or employee numbers.

For the form a service fills in (issue 16) the survey also keeps every position of the catalogue, those with
nobody and no vacancy too (:attr:`Survey.position_rows`; the JSON of SPEC §6 leaves them out, as it may),
and the staff of each position on D counted by education level (E1–E6). Neither changes a figure of
SPEC §4.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median
from typing import Any

from sqlalchemy.orm import Session

from swdesk.formats import round_half_up
from swdesk.rules.checks import (
    CheckContext,
    add_years,
    duty_shares,
    education_complies,
    make_context,
    scale_minimum,
    supervision_measures,
    training_measures,
    vacancy_long_open,
)
from swdesk.rules.data import UNIT_CASES, Snapshot, StaffMember
from swdesk.rules.findings import VACANCY_LONG_OPEN, json_number
from swdesk.settings import Settings

# SPEC §4: the median caseload is reported for social workers (three positions together) and for SPO.
SOCIAL_WORKER_POSITIONS = frozenset({"SD_VEC", "SD", "SD_JAUN"})
SPO_POSITIONS = frozenset({"SPO"})
TOP_CATEGORIES = 3


@dataclass(frozen=True, slots=True)
class PositionFigures:
    """Per position on the reference date D; None where SPEC §4 says null or there is nobody to measure."""

    headcount: int
    fte: Decimal
    vacancies: int
    vacancy_fte: Decimal
    salary_min: Decimal | None
    salary_mean: Decimal | None
    salary_max: Decimal | None
    below_scale: int | None
    education_noncompliant: int | None
    # staff active on D by education code (SPEC §1.3), only the codes someone has
    education: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ServiceFigures:
    population: int | None
    population_year: int | None
    sds_headcount: int
    sds_fte: Decimal
    residents_per_sds: Decimal | None
    effective_residents_per_sds: Decimal | None
    hires: int
    leavers: int
    # vacancies open on D longer than vacancy.days, as R11 finds them: not a key of SPEC §6, it goes only to
    # the workbook's Dati sheet, for LM's national picture (issue 12)
    vacancies_long_open: int = 0


@dataclass(frozen=True, slots=True)
class PreviousYearFigures:
    year: int
    training_met_share: Decimal | None
    supervision_met_share: Decimal | None
    median_cases_social_workers: Decimal | None
    median_cases_spo: Decimal | None
    nonsw_hours: Decimal
    nonsw_share: Decimal | None
    top_nonsw_categories: tuple[str, ...]


@dataclass(frozen=True)
class Survey:
    date: dt.date
    positions: dict[str, PositionFigures]
    service: ServiceFigures
    previous_year: PreviousYearFigures
    # every position of the catalogue in its order, with zeros where nobody works and nothing is vacant
    position_rows: dict[str, PositionFigures] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.date.year

    def to_json(self) -> dict[str, Any]:
        """SPEC §6 ``survey`` keys exactly; numbers as numbers, the date ISO."""
        return {
            "date": self.date.isoformat(),
            "positions": {
                code: {
                    "headcount": p.headcount,
                    "fte": json_number(p.fte),
                    "vacancies": p.vacancies,
                    "vacancy_fte": json_number(p.vacancy_fte),
                    "salary_min": json_number(p.salary_min),
                    "salary_mean": json_number(p.salary_mean),
                    "salary_max": json_number(p.salary_max),
                    "below_scale": p.below_scale,
                    "education_noncompliant": p.education_noncompliant,
                }
                for code, p in self.positions.items()
            },
            "service": {
                "population": self.service.population,
                "sds_headcount": self.service.sds_headcount,
                "sds_fte": json_number(self.service.sds_fte),
                "residents_per_sds": json_number(self.service.residents_per_sds),
                "effective_residents_per_sds": json_number(self.service.effective_residents_per_sds),
                "hires": self.service.hires,
                "leavers": self.service.leavers,
            },
            "previous_year": {
                "training_met_share": json_number(self.previous_year.training_met_share),
                "supervision_met_share": json_number(self.previous_year.supervision_met_share),
                "median_cases_social_workers": json_number(self.previous_year.median_cases_social_workers),
                "median_cases_spo": json_number(self.previous_year.median_cases_spo),
                "nonsw_hours": json_number(self.previous_year.nonsw_hours),
                "nonsw_share": json_number(self.previous_year.nonsw_share),
                "top_nonsw_categories": list(self.previous_year.top_nonsw_categories),
            },
        }


def default_survey_date(today: dt.date | None = None) -> dt.date:
    """SPEC §4: 1 February of the current year."""
    return dt.date((today or dt.date.today()).year, 2, 1)


def _share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else round_half_up(Decimal(part) / whole, 3)


def _position_order(snapshot: Snapshot) -> list[str]:
    """Positions in the order of the shipped catalogue (SPEC §1.1), then any others by code."""
    from swdesk.db.catalogues import shipped

    shipped_codes = [p["code"] for p in shipped()["positions"]]
    known = [code for code in shipped_codes if code in snapshot.positions]
    return known + sorted(set(snapshot.positions) - set(known))


def position_figures(ctx: CheckContext, *, include_empty: bool = False) -> dict[str, PositionFigures]:
    """Per position on D: staff active on D, vacancies open on D, pay and the R9/R10 counts (SPEC §4).

    ``include_empty``: positions with nobody and no vacancy too (counts 0, pay None; the R9/R10 counts 0
    where they apply and None where they do not), for a form whose rows must not shift between services.
    """
    snapshot, day = ctx.snapshot, ctx.as_of
    active: dict[str, list[StaffMember]] = defaultdict(list)
    for person in snapshot.staff_sorted:
        if person.active_on(day):
            active[person.position_code].append(person)
    vacancies = defaultdict(list)
    for vacancy in snapshot.vacancies:
        if vacancy.open_on(day):
            vacancies[vacancy.position_code].append(vacancy)
    result = {}
    codes = _position_order(snapshot) + sorted((set(active) | set(vacancies)) - set(snapshot.positions))
    for code in codes:
        people, open_posts = active.get(code, []), vacancies.get(code, [])
        if not people and not open_posts and not include_empty:
            continue  # SPEC §6: positions with nobody and no vacancy may be left out
        position = snapshot.positions.get(code)
        salaries = [p.salary for p in people]
        below: int | None = None
        scale = scale_minimum(snapshot, position, ctx.year)
        if scale is not None:
            below = sum(1 for s in salaries if s < scale.min)
        noncompliant: int | None = None
        if position is not None and position.is_sds:
            noncompliant = sum(1 for p in people if not education_complies(p, position, day))
        result[code] = PositionFigures(
            headcount=len(people),
            fte=sum((p.fte for p in people), Decimal(0)),
            vacancies=len(open_posts),
            vacancy_fte=sum((v.fte for v in open_posts), Decimal(0)),
            salary_min=min(salaries) if salaries else None,
            salary_mean=round_half_up(sum(salaries, Decimal(0)) / len(salaries), 2) if salaries else None,
            salary_max=max(salaries) if salaries else None,
            below_scale=below,
            education_noncompliant=noncompliant,
            education=_education_counts(people),
        )
    return result


def _education_counts(people: list[StaffMember]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for person in people:
        counts[person.education_code] += 1
    return dict(sorted(counts.items()))


def _twelve_months_before(day: dt.date) -> dt.date:
    return add_years(day, -1)


def service_figures(ctx: CheckContext, previous: CheckContext) -> ServiceFigures:
    """Population, SDS on D, residents per SDS FTE (plain and after the R6 shares of Y−1), hires, leavers.

    Residents per SDS are per FTE whatever ``ratio.basis`` says, as SPEC §4 asks; hires and leavers count
    every staff member whose start (end) falls in [D − 12 months, D).
    """
    snapshot, day = ctx.snapshot, ctx.as_of
    population = snapshot.population_for(ctx.year)
    sds = [p for p in snapshot.staff_sorted if p.active_on(day) and _is_sds(snapshot, p)]
    sds_fte = sum((p.fte for p in sds), Decimal(0))
    shares = duty_shares(previous)
    effective = sum((p.fte * (1 - min(Decimal(1), shares.get(p.id) or Decimal(0))) for p in sds), Decimal(0))
    residents = population[1] if population else None
    since = _twelve_months_before(day)
    return ServiceFigures(
        population=residents,
        population_year=population[0] if population else None,
        sds_headcount=len(sds),
        sds_fte=sds_fte,
        residents_per_sds=round_half_up(Decimal(residents) / sds_fte, 1) if residents is not None and sds_fte
        else None,
        effective_residents_per_sds=round_half_up(Decimal(residents) / effective, 1)
        if residents is not None and effective else None,
        hires=sum(1 for p in snapshot.staff if since <= p.start < day),
        leavers=sum(1 for p in snapshot.staff if p.end is not None and since <= p.end < day),
        vacancies_long_open=sum(1 for f in vacancy_long_open(ctx) if f.rule == VACANCY_LONG_OPEN),
    )


def _is_sds(snapshot: Snapshot, person: StaffMember) -> bool:
    position = snapshot.positions.get(person.position_code)
    return position is not None and position.is_sds


def _median_cases(previous: CheckContext, positions: frozenset[str]) -> Decimal | None:
    """Median over staff-months with a LIETAS value of (LIETAS summed over work types ÷ FTE), 2 decimals;
    each month with the person's position and FTE of that month (:meth:`StaffMember.in_month`)."""
    staff = previous.snapshot.staff_by_id
    values: list[Decimal] = []
    for sid, rows in previous.caseloads_by_staff.items():
        person = staff.get(sid)
        if person is None or (not person.terms and person.position_code not in positions):
            continue
        months: dict[dt.date, int] = {}
        for row in rows:
            cases = row.value(UNIT_CASES)
            if cases is not None:
                months[row.month] = months.get(row.month, 0) + cases
        for month, total in months.items():
            values_then = person.in_month(month)
            if values_then.position_code in positions:
                values.append(Decimal(total) / values_then.fte)
    return round_half_up(median(values), 2) if values else None


def previous_year_figures(previous: CheckContext) -> PreviousYearFigures:
    """Y−1 figures of SPEC §4, from the R6/R7/R8 measurements of a check for Y−1 as of 31 December Y−1."""
    snapshot = previous.snapshot
    sds_ids = {sid for sid in previous.days_employed if _is_sds(snapshot, snapshot.staff_by_id[sid])}
    # the share is over the SDS to whom the norm applies (all SDS with the shipped catalogue)
    training = [m for sid, m in training_measures(previous).items() if sid in sds_ids]
    supervision = [m for sid, m in supervision_measures(previous).items() if sid in sds_ids]
    by_category: dict[str, Decimal] = defaultdict(Decimal)
    for row in snapshot.duties:
        if previous.in_period(row.date):
            by_category[row.category_code] += row.hours
    nonsw_hours = sum(by_category.values(), Decimal(0))
    contracted = sum(previous.contracted_hours.values(), Decimal(0))
    top = sorted((c for c, h in by_category.items() if h > 0), key=lambda c: (-by_category[c], c))
    return PreviousYearFigures(
        year=previous.year,
        training_met_share=_share(sum(1 for m in training if m.met), len(training)),
        supervision_met_share=_share(sum(1 for m in supervision if m.met), len(supervision)),
        median_cases_social_workers=_median_cases(previous, SOCIAL_WORKER_POSITIONS),
        median_cases_spo=_median_cases(previous, SPO_POSITIONS),
        nonsw_hours=round_half_up(nonsw_hours, 2),
        nonsw_share=round_half_up(nonsw_hours / contracted, 3) if contracted else None,
        top_nonsw_categories=tuple(top[:TOP_CATEGORIES]),
    )


def build_survey(
    snapshot: Snapshot,
    *,
    date: dt.date,
    settings: Settings,
    previous_settings: Settings | None = None,
) -> Survey:
    """The survey for reference date D (SPEC §4). ``settings`` are those in force on D;
    ``previous_settings`` those in force on 31 December Y−1 (default: the same)."""
    year = date.year
    current = make_context(snapshot, year=year, as_of=date, settings=settings)
    previous = make_context(snapshot, year=year - 1, as_of=dt.date(year - 1, 12, 31),
                            settings=previous_settings or settings)
    return Survey(
        date=date,
        positions=position_figures(current),
        service=service_figures(current, previous),
        previous_year=previous_year_figures(previous),
        position_rows=position_figures(current, include_empty=True),
    )


def survey_for_date(session: Session, *, date: dt.date | None = None, today: dt.date | None = None) -> Survey:
    """Load what the survey needs and build it; ``date`` defaults to 1 February of the current year."""
    from swdesk.rules.data import load_snapshot

    date = date or default_survey_date(today)
    previous_end = dt.date(date.year - 1, 12, 31)
    snapshot = load_snapshot(session, since=dt.date(date.year - 1, 1, 1), until=max(date, previous_end))
    return build_survey(
        snapshot,
        date=date,
        settings=Settings.load(session, date),
        previous_settings=Settings.load(session, previous_end),
    )
