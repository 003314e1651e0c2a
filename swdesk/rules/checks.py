"""The norm checks R1–R12 of SPEC §2: one small, pure function per rule over a :class:`Snapshot`.

Every rule takes a :class:`CheckContext` (the snapshot, the year Y, the as-of date D and the settings in force
on D) and returns its findings. The measurements behind the rules (duty shares, training and supervision
hours, education compliance, salary minimum) are public functions too, so that the annual survey and the
council report compute the same numbers the same way.

Terms (SPEC §2): the *period* is [1 Jan Y, min(D, 31 Dec Y)]; "active on D" = start ≤ D and (no end or
end ≥ D); "days employed" = days of [start, end] ∩ period; "days in Y" = 365 or 366. SDS = sociālā darba
speciālists, a position flagged ``is_sds`` (SPEC §1.1).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

from swdesk.formats import fmt_date, fmt_month, fmt_number, fmt_percent, round_half_up
from swdesk.i18n import define, tr
from swdesk.rules.data import (
    ALL_POSITIONS,
    CaseloadRow,
    CriterionInfo,
    PositionInfo,
    ScaleRow,
    Snapshot,
    StaffMember,
)
from swdesk.rules.findings import (
    CASELOAD_NO_CRITERION,
    CASELOAD_OVER_CRITERION,
    CASELOAD_WEIGHTED,
    DUTIES_SHARE,
    EDUCATION_COMPLIANCE,
    ERROR,
    INFO,
    POPULATION_STALE,
    SALARY_BELOW_SCALE,
    STAFFING_EFFECTIVE_RATIO,
    STAFFING_RATIO,
    SUPERVISION_HOURS,
    TRAINING_HOURS,
    VACANCY_LONG_OPEN,
    WARNING,
    CheckResult,
    Finding,
    join_list,
)
from swdesk.rules.worktime import contracted_hours
from swdesk.settings import Settings

# R7/R8: a shortfall under half a hundredth of an hour is rounding, not a missed norm (SPEC §2 R7).
HOURS_TOLERANCE = Decimal("0.005")
# R10: the scale minimum must be reached by 1 January 2027 (Atlīdzības likuma pārejas noteikumi, as quoted
# in the 2022 ex-post evaluation); before that a pay below it is a warning, from then an error.
SALARY_MINIMUM_DEADLINE_YEAR = 2027
# R9: a student (E6) complies for this many years after the start of employment (SPEC §1.3).
STUDENT_YEARS = 3
STUDENT = "E6"
OTHER_EDUCATION = "E5"

SOURCE_RATIO = "rules.source.ratio"

define(
    {
        # sources, named in messages so that a head can cite them
        "rules.source.ratio": (
            "Sociālo pakalpojumu un sociālās palīdzības likuma 10. pants",
            "Law on Social Services and Social Assistance, Section 10",
        ),
        # Issue 16: the source a norm is taken from today (the service's own catalogue or settings), and
        # that its figure comes from an act which has lost force (DOMAIN §6.1, §11.1)
        "rules.source.training": (
            "amata norma dienesta amatu katalogā; stundu skaits ņemts no MK 03.06.2003. noteikumu Nr. 291 "
            "«Prasības sociālo pakalpojumu sniedzējiem» 2.4. punkta, kas zaudējis spēku; spēkā esošo MK "
            "13.06.2017. noteikumu Nr. 338 stundu prasības nav pārbaudītas",
            "the position's norm in the service's catalogue; the hours come from para. 2.4 of Cabinet "
            "Regulation No. 291 of 3 June 2003 'Requirements for social service providers', which has lost "
            "force; the hours required by Regulation No. 338 of 13 June 2017 in force are not verified",
        ),
        "rules.source.supervision": (
            "dienesta iestatījumi; stundas ņemtas no LM ESF projekta «Profesionāla sociālā darba attīstība "
            "pašvaldībās» (Nr. 9.2.1.1/15/I/001) materiāliem, kas atsaucas uz MK noteikumiem Nr. 291, kuri "
            "zaudējuši spēku",
            "the service's settings; the hours come from the materials of the Ministry of Welfare ESF project "
            "'Development of professional social work in municipalities' (No. 9.2.1.1/15/I/001), which cite "
            "Cabinet Regulation No. 291, no longer in force",
        ),
        "rules.source.education": (
            "Sociālo pakalpojumu un sociālās palīdzības likuma 41. pants",
            "Law on Social Services and Social Assistance, Section 41",
        ),
        "rules.source.salary": (
            "Valsts un pašvaldību institūciju amatpersonu un darbinieku atlīdzības likuma 3. pielikums",
            "Remuneration Law of Officials and Employees of State and Local Government Authorities, Annex 3",
        ),
        "rules.source.criteria": (
            "dienesta noteiktie slodzes kritēriji",
            "the service's own workload criteria",
        ),
        # people and places
        "rules.person": ("{name} (tabeles nr. {nr})", "{name} (employee no. {nr})"),
        "rules.service.named": ("Dienestā «{name}»", "In the service '{name}'"),
        "rules.service.unnamed": ("Dienestā", "In the service"),
        "rules.basis.fte": ("slodzes", "FTE"),
        "rules.basis.headcount": ("darbinieki", "staff"),
        # R1
        "rules.ratio.fte": (
            "{service} {date} sociālā darba speciālistu kopējā slodze ir {staff}, bet iedzīvotāju skaits "
            "({population_year}. g.) ir {population}: {ratio} iedzīvotāju uz vienu slodzi, vairāk "
            "nekā pieļauj "
            "norma 1:{limit} ({source}). Līdz normai trūkst {shortfall} slodzes.",
            "{service} on {date} the social work specialists' total FTE is {staff} while the population "
            "({population_year}) is {population}: {ratio} residents per FTE, more than the norm of 1:{limit} "
            "allows ({source}). The shortfall is {shortfall} FTE.",
        ),
        "rules.ratio.headcount": (
            "{service} {date} strādā {staff} sociālā darba speciālisti, bet iedzīvotāju skaits "
            "({population_year}. g.) ir {population}: {ratio} iedzīvotāju uz vienu speciālistu, vairāk nekā "
            "pieļauj norma 1:{limit} ({source}). Līdz normai trūkst {shortfall} speciālistu.",
            "{service} on {date} there are {staff} social work specialists while the population "
            "({population_year}) is {population}: {ratio} residents per specialist, more than the norm of "
            "1:{limit} allows ({source}). The shortfall is {shortfall} specialists.",
        ),
        "rules.ratio.none": (
            "{service} {date} nav neviena sociālā darba speciālista, lai gan iedzīvotāju skaits "
            "({population_year}. g.) ir {population}. Norma 1:{limit} ({source}) prasa {shortfall} "
            "({basis}).",
            "{service} on {date} there is no social work specialist although the population "
            "({population_year}) is {population}. The norm of 1:{limit} ({source}) requires {shortfall} "
            "({basis}).",
        ),
        # R2
        "rules.effective_ratio": (
            "{service} {year}. gadā līdz {date} sociālā darba speciālisti daļu darba laika veltīja "
            "ar sociālo "
            "darbu nesaistītiem pienākumiem: sociālajam darbam atlika {effective} no {staff} "
            "({basis}), tātad "
            "{ratio} iedzīvotāju uz vienu, vairāk nekā pieļauj norma 1:{limit} ({source}).",
            "{service} in {year} up to {date} social work specialists spent part of their time on duties not "
            "related to social work: {effective} of {staff} ({basis}) remained for social work, i.e. {ratio} "
            "residents each, more than the norm of 1:{limit} allows ({source}).",
        ),
        "rules.effective_ratio.none": (
            "{service} {year}. gadā līdz {date} sociālā darba speciālisti visu darba laiku veltīja "
            "ar sociālo "
            "darbu nesaistītiem pienākumiem, tāpēc normu 1:{limit} ({source}) faktiski neizpilda neviens.",
            "{service} in {year} up to {date} social work specialists spent all their time on duties not "
            "related to social work, so in effect nobody meets the norm of 1:{limit} ({source}).",
        ),
        # R3
        "rules.over_criterion": (
            "{person}, {position}: darba veidā «{work_type}» slodze pārsniedza kritēriju {limit} ({unit}) uz "
            "slodzi mēnesī {months}; augstākā slodze {value} uz slodzi ({source}).",
            "{person}, {position}: in the work type '{work_type}' the load exceeded the criterion of {limit} "
            "({unit}) per FTE per month in {months}; highest load {value} per FTE ({source}).",
        ),
        # R4
        "rules.weighted": (
            "{person}, {position}: svērtā slodze pārsniedza {limit} punktus uz slodzi mēnesī {months}; "
            "augstākā {value} punkti uz slodzi ({source}, ar svariem).",
            "{person}, {position}: the weighted load exceeded {limit} points per FTE per month in {months}; "
            "highest {value} points per FTE ({source}, weighted).",
        ),
        # R5
        "rules.no_criterion": (
            "Darba veidam «{work_type}» ({code}) {year}. gadā ir uzskaitīta slodze, bet nav noteikts neviens "
            "slodzes kritērijs, kas attiektos uz šo darbinieku amatiem; izvērtējums iesaka noteikt slodzes "
            "kritērijus katram darba veidam.",
            "The work type '{work_type}' ({code}) has caseload data in {year} but no workload "
            "criterion applies "
            "to the positions of the staff concerned; the evaluation recommends criteria for every "
            "work type.",
        ),
        # R6
        "rules.duties": (
            "{person}, {position}: {year}. gadā līdz {date} ar sociālo darbu nesaistītiem "
            "pienākumiem veltītas "
            "{hours} h no {contracted} h darba laika jeb {share} %, vairāk nekā dienesta noteiktie "
            "{limit} %. "
            "Tiesību normas šim rādītājam nav; izvērtējums iesaka šādus pienākumus nodot atbalsta "
            "personālam.",
            "{person}, {position}: in {year} up to {date} {hours} h of {contracted} contracted hours, i.e. "
            "{share} %, went to duties not related to social work, more than the service's limit of "
            "{limit} %. "
            "No legal norm sets this figure; the evaluation recommends moving such duties to support staff.",
        ),
        # R7
        "rules.training": (
            "{person}, {position}: apmācības {year}. gadā līdz {date} — {done} h, bet nepieciešamas "
            "{required} h "
            "(gada norma {norm} h × {days}/{days_in_year} nostrādātās dienas; {source}).",
            "{person}, {position}: training in {year} up to {date} — {done} h, but {required} h are required "
            "(yearly norm {norm} h × {days}/{days_in_year} days employed; {source}).",
        ),
        # R8
        "rules.supervision.any": (
            "{person}, {position}: supervīzija {year}. gadā līdz {date} — individuālā {individual} h no "
            "nepieciešamajām {individual_required} h, grupas {group} h no {group_required} h; nav "
            "izpildīta ne "
            "individuālās, ne grupas supervīzijas norma ({source}).",
            "{person}, {position}: supervision in {year} up to {date} — individual {individual} h of "
            "{individual_required} h required, group {group} h of {group_required} h; neither the "
            "individual nor "
            "the group supervision norm is met ({source}).",
        ),
        "rules.supervision.all": (
            "{person}, {position}: supervīzija {year}. gadā līdz {date} — individuālā {individual} h no "
            "nepieciešamajām {individual_required} h, grupas {group} h no {group_required} h; jāizpilda gan "
            "individuālās, gan grupas supervīzijas norma ({source}).",
            "{person}, {position}: supervision in {year} up to {date} — individual {individual} h of "
            "{individual_required} h required, group {group} h of {group_required} h; both the "
            "individual and "
            "the group supervision norm must be met ({source}).",
        ),
        # R9
        "rules.education": (
            "{person}, {position}: izglītība «{education}» ({code}) {date} neatbilst amatam nepieciešamajai "
            "({allowed}; {source}).",
            "{person}, {position}: the education '{education}' ({code}) does not meet the requirement of the "
            "position on {date} ({allowed}; {source}).",
        ),
        "rules.education.student": (
            "{person}, {position}: studējošais (E6) drīkst strādāt amatā 3 gadus no darba sākuma "
            "{start}, t.i. "
            "līdz {deadline}; {date} šis termiņš ir pagājis ({source}).",
            "{person}, {position}: a student (E6) may hold the position for 3 years from the start "
            "of employment "
            "{start}, i.e. until {deadline}; on {date} this term has passed ({source}).",
        ),
        # R10
        "rules.salary.before": (
            "{person}, {position}: mēnešalga pilnai slodzei {salary} EUR ir zemāka par {group}. "
            "mēnešalgu grupas "
            "minimumu {minimum} EUR ({scale_year}. gada skala; {source}). Minimums jāsasniedz līdz "
            "01.01.2027.",
            "{person}, {position}: the full-time monthly salary of {salary} EUR is below the minimum "
            "of salary "
            "group {group}, {minimum} EUR (scale of {scale_year}; {source}). The minimum must be reached by "
            "01.01.2027.",
        ),
        "rules.salary.after": (
            "{person}, {position}: mēnešalga pilnai slodzei {salary} EUR ir zemāka par {group}. "
            "mēnešalgu grupas "
            "minimumu {minimum} EUR ({scale_year}. gada skala; {source}); pārejas termiņš beidzās "
            "01.01.2027.",
            "{person}, {position}: the full-time monthly salary of {salary} EUR is below the minimum "
            "of salary "
            "group {group}, {minimum} EUR (scale of {scale_year}; {source}); the transition ended on "
            "01.01.2027.",
        ),
        # R11
        "rules.vacancy": (
            "Vakance «{position}» ({fte} slodze), izsludināta {announced}, {date} ir atvērta {days} dienas, "
            "ilgāk par dienesta noteiktajām {limit} dienām.",
            "The vacancy '{position}' ({fte} FTE), announced on {announced}, has been open {days} "
            "days on {date}, "
            "longer than the service's limit of {limit} days.",
        ),
        # R12
        "rules.population.earlier": (
            "Iedzīvotāju skaits {year}. gadam nav ievadīts; pārbaudēs izmantots {used}. gada skaits "
            "({residents}). Ievadiet {year}. gada iedzīvotāju skaitu.",
            "The population of {year} has not been entered; the checks use the figure of {used} "
            "({residents}). "
            "Enter the population of {year}.",
        ),
        "rules.population.none": (
            "Iedzīvotāju skaits nav ievadīts ne {year}., ne kādam agrākam gadam, tāpēc normu 1:1000 "
            "({source}) "
            "nevar pārbaudīt. Ievadiet {year}. gada iedzīvotāju skaitu.",
            "No population has been entered for {year} or any earlier year, so the 1:1000 norm ({source}) "
            "cannot be checked. Enter the population of {year}.",
        ),
    }
)


# --- the context of one check run ------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckContext:
    """What every rule needs: the data, the year Y, the as-of date D and the settings in force on D.

    Per-person sums over the period are computed once here (lazily) and shared by the rules.
    """

    snapshot: Snapshot
    year: int
    as_of: dt.date
    settings: Settings

    @cached_property
    def period_start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @cached_property
    def period_end(self) -> dt.date:
        return min(self.as_of, dt.date(self.year, 12, 31))

    @property
    def days_in_year(self) -> int:
        return 366 if calendar.isleap(self.year) else 365

    def in_period(self, day: dt.date) -> bool:
        return self.period_start <= day <= self.period_end

    def position(self, person: StaffMember) -> PositionInfo | None:
        return self.snapshot.positions.get(person.position_code)

    def position_name(self, person: StaffMember) -> str:
        position = self.position(person)
        return position.name if position is not None else person.position_code

    @cached_property
    def days_employed(self) -> dict[int, int]:
        """Staff id → days employed in the period, for staff employed at least one day in it."""
        result = {}
        for person in self.snapshot.staff_sorted:
            days = person.days_employed(self.period_start, self.period_end)
            if days > 0:
                result[person.id] = days
        return result

    @cached_property
    def contracted_hours(self) -> dict[int, Decimal]:
        """Staff id → contracted hours in the period (FTE × 8 × Latvian working days employed), each day with
        the FTE in force on it."""
        staff = self.snapshot.staff_by_id
        return {
            sid: sum(
                (
                    contracted_hours(fte=values.fte, start=lo, end=hi, period_start=lo, period_end=hi)
                    for lo, hi, values in staff[sid].spans(self.period_start, self.period_end)
                ),
                Decimal(0),
            )
            if staff[sid].terms
            else contracted_hours(
                fte=staff[sid].fte,
                start=staff[sid].start,
                end=staff[sid].end,
                period_start=self.period_start,
                period_end=self.period_end,
            )
            for sid in self.days_employed
        }

    @cached_property
    def caseloads_by_staff(self) -> dict[int, list[CaseloadRow]]:
        # a month belongs to the period when its first day does: a check on 15 March counts March so far
        result: dict[int, list[CaseloadRow]] = defaultdict(list)
        in_period = self.in_period
        for row in self.snapshot.caseloads:
            if in_period(row.month):
                result[row.staff_id].append(row)
        return result

    @cached_property
    def duty_hours(self) -> dict[int, Decimal]:
        result: dict[int, Decimal] = defaultdict(Decimal)
        in_period = self.in_period
        for row in self.snapshot.duties:
            if in_period(row.date):
                result[row.staff_id] += row.hours
        return result

    @cached_property
    def training_minutes(self) -> dict[tuple[int, str], int]:
        """(staff id, kind) → minutes of training or supervision events dated in the period."""
        result: dict[tuple[int, str], int] = defaultdict(int)
        in_period = self.in_period
        for row in self.snapshot.training:
            if in_period(row.date):
                result[(row.staff_id, row.kind)] += row.minutes
        return result

    @cached_property
    def criteria_by_work_type(self) -> dict[str, dict[str, list[tuple[str, CriterionInfo]]]]:
        """Position code → work type → [(unit, criterion)]: :attr:`criteria_by_position` looked up by the
        work type of a caseload row, in the same order."""
        result: dict[str, dict[str, list[tuple[str, CriterionInfo]]]] = {}
        for code, applicable in self.criteria_by_position.items():
            by_work_type: dict[str, list[tuple[str, CriterionInfo]]] = {}
            for (work_type, unit), criterion in applicable.items():
                by_work_type.setdefault(work_type, []).append((unit, criterion))
            result[code] = by_work_type
        return result

    @cached_property
    def weighted_criteria(self) -> dict[str, dict[str, list[tuple[str, CriterionInfo]]]]:
        """:attr:`criteria_by_work_type` keeping only the criteria that carry a weight (R4), made once for
        every person rather than once per person."""
        return {
            code: {
                work_type: [(unit, c) for unit, c in criteria if c.weight is not None]
                for work_type, criteria in applicable.items()
            }
            for code, applicable in self.criteria_by_work_type.items()
        }

    @cached_property
    def criteria_by_position(self) -> dict[str, dict[tuple[str, str], CriterionInfo]]:
        """Position code → {(work type, unit): the criterion that applies}, SPEC §2 R3.

        A criterion for the position replaces the ``*`` one for the same work type and unit.
        """
        general = {(c.work_type_code, c.unit_code): c for c in self.snapshot.criteria
                   if c.position_code == ALL_POSITIONS}
        result: dict[str, dict[tuple[str, str], CriterionInfo]] = {}
        for code in {p.position_code for p in self.snapshot.staff} | set(self.snapshot.positions):
            applicable = dict(general)
            for c in self.snapshot.criteria:
                if c.position_code == code:
                    applicable[(c.work_type_code, c.unit_code)] = c
            result[code] = applicable
        return result


def make_context(snapshot: Snapshot, *, year: int, as_of: dt.date, settings: Settings) -> CheckContext:
    """The context of a check on ``as_of``: each person with the values in force on D (or on their last day
    employed before it), which is what the rules that count people "on D" read; the monthly rules take the
    values of each month from the person's terms (:meth:`StaffMember.in_month`)."""
    return CheckContext(snapshot=snapshot.as_of(as_of), year=year, as_of=as_of, settings=settings)


# --- words shared by the messages -------------------------------------------------------------------------


def person_label(person: StaffMember) -> str:
    """"Anna Bērziņa (tabeles nr. 17)": how a message names a person."""
    return tr("rules.person", name=person.full_name, nr=person.tabeles_nr)


def _service_label(snapshot: Snapshot) -> str:
    name = snapshot.service.name.strip() if snapshot.service is not None else ""
    return tr("rules.service.named", name=name) if name else tr("rules.service.unnamed")


def _staff_subject(person: StaffMember) -> str:
    return f"staff:{person.tabeles_nr}"


def _plain(value: Decimal) -> str:
    """A norm as written in "1:1000": no thousands separator."""
    return fmt_number(value, 2, trim=True).replace("\u00a0", "")


def _hours(value: Decimal) -> str:
    return fmt_number(value, 2)


def _fte(value: Decimal) -> str:
    return fmt_number(value, 3, trim=True)


# --- measurements shared with the survey and the council report -------------------------------------------


def sds_active(ctx: CheckContext) -> list[StaffMember]:
    """Social work specialists (SDS, SPEC §1.1) active on D, in employee-number order."""
    result = []
    for person in ctx.snapshot.staff_sorted:
        position = ctx.position(person)
        if position is not None and position.is_sds and person.active_on(ctx.as_of):
            result.append(person)
    return result


def staffing_unit(ctx: CheckContext, person: StaffMember) -> Decimal:
    """What one person counts for R1/R2: the FTE, or 1 with ``ratio.basis = headcount``."""
    return Decimal(1) if ctx.settings.ratio_basis == "headcount" else person.fte


def duty_shares(ctx: CheckContext) -> dict[int, Decimal | None]:
    """R6 measurement: staff id → non-social-work hours / contracted hours in the period (exact).

    Every staff member employed in the period has an entry; None when they have no contracted hours in it.
    """
    result: dict[int, Decimal | None] = {}
    for sid, hours in ctx.contracted_hours.items():
        done = ctx.duty_hours.get(sid, Decimal(0))
        result[sid] = done / hours if hours > 0 else None
    return result


def effective_staffing(ctx: CheckContext, shares: dict[int, Decimal | None]) -> Decimal:
    """R2: Σ over SDS active on D of FTE (or 1) × (1 − min(1, share)); share 0 for a person without one."""
    total = Decimal(0)
    for person in sds_active(ctx):
        share = shares.get(person.id) or Decimal(0)
        total += staffing_unit(ctx, person) * (1 - min(Decimal(1), share))
    return total


def ratio_shortfall(residents: int, staff: Decimal, limit: Decimal) -> Decimal:
    """R1/R2: what is missing for the norm, max(0, P / limit − S) to 2 decimals — FTE, or specialists with
    ``ratio.basis = headcount``; 0 when the norm is met."""
    return round_half_up(max(Decimal(0), Decimal(residents) / limit - staff), 2)


@dataclass(frozen=True, slots=True)
class StaffingMeasure:
    """R1 and R2 measured once for whoever shows them (the overview's cards): the population P of Y (or the
    latest earlier year), S and S_eff as the rules count them, and what each lacks for ``ratio.limit``."""

    population_year: int | None
    residents: int | None
    staff: Decimal
    effective: Decimal
    limit: Decimal
    basis: str

    @property
    def has_population(self) -> bool:
        return self.residents is not None

    @property
    def ratio(self) -> Decimal | None:
        """P / S to 1 decimal; None without a population or without specialists."""
        if self.residents is None or self.staff <= 0:
            return None
        return round_half_up(Decimal(self.residents) / self.staff, 1)

    @property
    def effective_ratio(self) -> Decimal | None:
        """P / S_eff to 1 decimal; None without a population or when nothing is left for social work."""
        if self.residents is None or self.effective <= 0:
            return None
        return round_half_up(Decimal(self.residents) / self.effective, 1)

    @property
    def shortfall(self) -> Decimal | None:
        """R1: FTE (or specialists) missing for the norm; None without a population."""
        return None if self.residents is None else ratio_shortfall(self.residents, self.staff, self.limit)

    @property
    def effective_shortfall(self) -> Decimal | None:
        """R2: FTE of social work missing for the norm once other duties are taken off; None without P."""
        return None if self.residents is None else ratio_shortfall(self.residents, self.effective, self.limit)


def staffing_measure(ctx: CheckContext, shares: dict[int, Decimal | None] | None = None) -> StaffingMeasure:
    """R1 and R2's measurements on D (S counted by ``ratio.basis``, S_eff with the R6 shares)."""
    population = ctx.snapshot.population_for(ctx.year)
    shares = duty_shares(ctx) if shares is None else shares
    return StaffingMeasure(
        population_year=None if population is None else population[0],
        residents=None if population is None else population[1],
        staff=sum((staffing_unit(ctx, p) for p in sds_active(ctx)), Decimal(0)),
        effective=effective_staffing(ctx, shares),
        limit=ctx.settings.ratio_limit,
        basis=ctx.settings.ratio_basis,
    )


def prorated(norm: Decimal | int, ctx: CheckContext, days: int) -> Decimal:
    """A yearly norm for the days employed: norm × days employed / days in Y (SPEC §2 R7)."""
    return Decimal(norm) * days / ctx.days_in_year


@dataclass(frozen=True, slots=True)
class TrainingMeasure:
    """R7 for one person: hours done in the period against the prorated yearly norm."""

    norm: int
    days: int
    required: Decimal
    done: Decimal

    @property
    def met(self) -> bool:
        return self.done >= self.required - HOURS_TOLERANCE


def training_measures(ctx: CheckContext) -> dict[int, TrainingMeasure]:
    """R7 measurement for every staff member employed in the period whose position has a training norm.

    The staff record has one position, which is therefore its position on D or on the last day employed.
    Minutes are stored exactly (academic hours were converted on entry with ``hours.academic_minutes``),
    so done = minutes / 60.
    """
    result = {}
    for sid, days in ctx.days_employed.items():
        person = ctx.snapshot.staff_by_id[sid]
        position = ctx.position(person)
        if position is None or not position.training_hours:
            continue
        minutes = ctx.training_minutes.get((sid, "training"), 0)
        result[sid] = TrainingMeasure(
            norm=position.training_hours,
            days=days,
            required=prorated(position.training_hours, ctx, days),
            done=Decimal(minutes) / 60,
        )
    return result


@dataclass(frozen=True, slots=True)
class SupervisionMeasure:
    """R8 for one person: individual and group supervision hours against the prorated norms."""

    rule: str  # any | all
    individual: Decimal
    individual_required: Decimal
    group: Decimal
    group_required: Decimal

    @property
    def individual_met(self) -> bool:
        return self.individual >= self.individual_required - HOURS_TOLERANCE

    @property
    def group_met(self) -> bool:
        return self.group >= self.group_required - HOURS_TOLERANCE

    @property
    def met(self) -> bool:
        if self.rule == "all":
            return self.individual_met and self.group_met
        return self.individual_met or self.group_met


def supervision_measures(ctx: CheckContext) -> dict[int, SupervisionMeasure]:
    """R8 measurement for every staff member employed in the period whose position has the supervision norm.

    Supervision by an uncertified supervisor counts here (certification matters only for the claim).
    """
    s = ctx.settings
    result = {}
    for sid, days in ctx.days_employed.items():
        position = ctx.position(ctx.snapshot.staff_by_id[sid])
        if position is None or not position.supervision_norm:
            continue
        result[sid] = SupervisionMeasure(
            rule=s.supervision_rule,
            individual=Decimal(ctx.training_minutes.get((sid, "supervision_individual"), 0)) / 60,
            individual_required=prorated(s.supervision_individual_hours, ctx, days),
            group=Decimal(ctx.training_minutes.get((sid, "supervision_group"), 0)) / 60,
            group_required=prorated(s.supervision_group_hours, ctx, days),
        )
    return result


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day and month ``years`` later; 29 February becomes 28 February in a common year.

    A term counted in years ends on the same date; when that month has no such date (29 February), the term
    ends on the month's last day rather than running into March.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def student_deadline(person: StaffMember) -> dt.date:
    """R9: the last day on which a student (E6) complies: start + 3 years."""
    return add_years(person.start, STUDENT_YEARS)


def education_complies(person: StaffMember, position: PositionInfo, on: dt.date) -> bool:
    """R9 / SPEC §1.3: does the person's education meet the position's requirement on ``on``?

    E6 (studying social work) complies while ``on`` ≤ start + 3 years; E5 never complies for an SDS
    position; otherwise the education must be one the position allows (an empty list requires nothing).
    Source: Sociālo pakalpojumu un sociālās palīdzības likuma 41. pants (as restated by the Saeima,
    20.11.2025; the student term from the same amendment).
    """
    code = person.education_code
    if code == STUDENT and (position.is_sds or position.allowed_education):
        return on <= student_deadline(person)
    if code == OTHER_EDUCATION and position.is_sds:
        return False
    if not position.allowed_education:
        return True
    return code in position.allowed_education


def scale_minimum(snapshot: Snapshot, position: PositionInfo | None, year: int) -> ScaleRow | None:
    """R10: the scale row whose minimum applies to the position in ``year`` (latest earlier year if none)."""
    if position is None or position.salary_group is None:
        return None
    return snapshot.scale_for(position.salary_group, year)


def is_below_scale(snapshot: Snapshot, person: StaffMember, year: int) -> bool | None:
    """R10: full-time salary below the minimum of the group for ``year``; None when no group or no scale."""
    row = scale_minimum(snapshot, snapshot.positions.get(person.position_code), year)
    if row is None:
        return None
    return person.salary < row.min


# --- the rules -------------------------------------------------------------------------------------------


def staffing_ratio(ctx: CheckContext) -> list[Finding]:
    """R1 ``staffing.ratio`` (error): residents per social work specialist, the 1:1000 norm.

    Source: Sociālo pakalpojumu un sociālās palīdzības likuma 10. pants (one SDS per 1000 residents);
    limit ``ratio.limit`` (default 1000), count by ``ratio.basis`` (``fte`` default, or ``headcount``).
    P = population for Y (or latest earlier); S = Σ FTE (or headcount) of SDS active on D. Finding when
    P/S > limit or S = 0; value = P/S to 1 decimal (null when S = 0); the message gives the shortfall
    max(0, P/limit − S) to 2 decimals.
    """
    population = ctx.snapshot.population_for(ctx.year)
    if population is None:
        return []  # R12 says there is nothing to measure against
    population_year, residents = population
    limit = ctx.settings.ratio_limit
    staff = sum((staffing_unit(ctx, p) for p in sds_active(ctx)), Decimal(0))
    # compare P > limit × S rather than dividing, so that exactly 1:1000 is never a finding by rounding
    if staff > 0 and residents <= limit * staff:
        return []
    shortfall = ratio_shortfall(residents, staff, limit)
    basis = ctx.settings.ratio_basis
    values: dict[str, Any] = dict(
        service=_service_label(ctx.snapshot),
        date=fmt_date(ctx.as_of),
        staff=_fte(staff),
        population_year=population_year,
        population=fmt_number(residents, 0),
        limit=_plain(limit),
        shortfall=fmt_number(shortfall, 2),
        source=tr(SOURCE_RATIO),
    )
    if staff == 0:
        value = None
        message = tr("rules.ratio.none", basis=tr(f"rules.basis.{basis}"), **values)
    else:
        value = round_half_up(Decimal(residents) / staff, 1)
        message = tr(f"rules.ratio.{basis}", ratio=fmt_number(value, 1), **values)
    return [Finding(STAFFING_RATIO, ERROR, "service", value, limit, message)]


def staffing_effective_ratio(
    ctx: CheckContext, shares: dict[int, Decimal | None] | None = None
) -> list[Finding]:
    """R2 ``staffing.effective_ratio`` (warning): the 1:1000 norm after non-social-work time.

    Source: Sociālo pakalpojumu un sociālās palīdzības likuma 10. pants, with the R6 shares (the 2022
    ex-post evaluation, rec. 7.2, on duties unrelated to social work). S_eff = Σ over SDS active on D of
    FTE × (1 − min(1, share)), share as in R6 and 0 for a person without contracted hours in the period;
    finding when P/S_eff > ``ratio.limit``; value = P/S_eff to 1 decimal. When there is no SDS at all R1
    already says so and R2 stays silent; when S_eff = 0 (all time on other duties) value is null.
    """
    population = ctx.snapshot.population_for(ctx.year)
    if population is None:
        return []
    residents = population[1]
    active = sds_active(ctx)
    if not active:
        return []
    shares = duty_shares(ctx) if shares is None else shares
    staff = sum((staffing_unit(ctx, p) for p in active), Decimal(0))
    effective = effective_staffing(ctx, shares)
    limit = ctx.settings.ratio_limit
    if effective > 0 and residents <= limit * effective:
        return []
    values: dict[str, Any] = dict(
        service=_service_label(ctx.snapshot),
        year=ctx.year,
        date=fmt_date(ctx.period_end),
        limit=_plain(limit),
        source=tr(SOURCE_RATIO),
    )
    if effective == 0:
        return [Finding(STAFFING_EFFECTIVE_RATIO, WARNING, "service", None, limit,
                        tr("rules.effective_ratio.none", **values))]
    value = round_half_up(Decimal(residents) / effective, 1)
    message = tr(
        "rules.effective_ratio",
        effective=fmt_number(effective, 2),
        staff=_fte(staff),
        basis=tr(f"rules.basis.{ctx.settings.ratio_basis}"),
        ratio=fmt_number(value, 1),
        **values,
    )
    return [Finding(STAFFING_EFFECTIVE_RATIO, WARNING, "service", value, limit, message)]


def caseload_over_criterion(ctx: CheckContext) -> list[Finding]:
    """R3 ``caseload.over_criterion`` (warning): monthly caseload per FTE above the service's criterion.

    Source: the service's own workload criteria (slodzes kritēriji; the 2022 ex-post evaluation, rec. 7,
    asks services to set them per work type). For each applicable criterion (the person's position replaces
    ``*`` for the same work type and unit) and each staff-month with a value in its unit:
    load = value / FTE. One finding per (staff, work type) when any month exceeds; value = highest load
    (2 decimals), limit = the criterion's maximum. Should one work type exceed in two units, the finding
    reports the unit with the larger excess relative to its maximum and lists all months.
    """
    findings = []
    for person in ctx.snapshot.staff_sorted:
        rows = ctx.caseloads_by_staff.get(person.id)
        if not rows:
            continue
        applicable = ctx.criteria_by_work_type.get(person.position_code, {})
        # work type → unit → (highest load, criterion, months over)
        over: dict[str, dict[str, tuple[Decimal, CriterionInfo, set[dt.date]]]] = defaultdict(dict)
        loads: dict[int, Decimal] = {}  # value → value / FTE: a person's monthly values repeat
        fte, position_code = person.fte, person.position_code
        for row in rows:
            if person.terms:  # the position and FTE of the row's month
                values = person.in_month(row.month)
                if (values.fte, values.position_code) != (fte, position_code):
                    fte, position_code, loads = values.fte, values.position_code, {}
                    applicable = ctx.criteria_by_work_type.get(position_code, {})
            work_type = row.work_type_code
            for unit, criterion in applicable.get(work_type, ()):
                value = row.value(unit)
                if value is None:
                    continue
                load = loads.get(value)
                if load is None:
                    load = loads[value] = Decimal(value) / fte
                if load <= criterion.max_per_fte:
                    continue
                best, _, months = over[work_type].get(unit, (load, criterion, set()))
                months.add(row.month)
                over[work_type][unit] = (max(best, load), criterion, months)
        for work_type in sorted(over):
            by_unit = over[work_type]
            unit = max(by_unit, key=lambda u: (by_unit[u][0] / by_unit[u][1].max_per_fte
                                               if by_unit[u][1].max_per_fte else by_unit[u][0]))
            load, criterion, _ = by_unit[unit]
            months_over = sorted(set().union(*(entry[2] for entry in by_unit.values())))
            highest = round_half_up(load, 2)
            message = tr(
                "rules.over_criterion",
                person=person_label(person),
                position=ctx.position_name(person),
                work_type=ctx.snapshot.work_type_names.get(work_type, work_type),
                unit=ctx.snapshot.unit_names.get(unit, unit),
                limit=fmt_number(criterion.max_per_fte, 2, trim=True),
                months=join_list(fmt_month(mo) for mo in months_over),
                value=fmt_number(highest, 2),
                source=tr("rules.source.criteria"),
            )
            subject = f"staff:{person.tabeles_nr}:{work_type}"
            findings.append(Finding(CASELOAD_OVER_CRITERION, WARNING, subject, highest, criterion.max_per_fte,
                                    message))
    return findings


def monthly_points(ctx: CheckContext, person: StaffMember) -> dict[dt.date, Decimal]:
    """R4 measurement: month → Σ value × weight over the person's work types / FTE (weighted only), with the
    position and FTE of each month (:meth:`StaffMember.in_month`)."""
    weighted = ctx.weighted_criteria
    nothing: dict[str, list[tuple[str, CriterionInfo]]] = {}
    points: dict[dt.date, Decimal] = {}
    if not person.terms and not any(weighted.get(person.position_code, nothing).values()):
        return points
    fte: dict[dt.date, Decimal] = {}
    values, by_work_type = person, weighted.get(person.position_code, nothing)
    for row in ctx.caseloads_by_staff.get(person.id, ()):
        if person.terms:  # the position and FTE of the row's month
            values = person.in_month(row.month)
            by_work_type = weighted.get(values.position_code, nothing)
        for unit, criterion in by_work_type.get(row.work_type_code, ()):
            value = row.value(unit)
            if value is None:
                continue
            assert criterion.weight is not None
            points[row.month] = points.get(row.month, Decimal(0)) + Decimal(value) * criterion.weight
            fte[row.month] = values.fte
    return {month: total / fte[month] for month, total in points.items()}


def caseload_weighted_over_capacity(ctx: CheckContext) -> list[Finding]:
    """R4 ``caseload.weighted_over_capacity`` (warning): weighted monthly load above the capacity.

    Source: the service's own weighted workload criteria; capacity ``caseload.capacity_points`` (default 100
    points per 1.0 FTE per month). Only criteria that carry a weight count. One finding per staff member
    when any month's points exceed the capacity; value = highest points (2 decimals).
    """
    capacity = ctx.settings.capacity_points
    findings = []
    for person in ctx.snapshot.staff_sorted:
        points = monthly_points(ctx, person)
        months = sorted(month for month, total in points.items() if total > capacity)
        if not months:
            continue
        value = round_half_up(max(points.values()), 2)
        message = tr(
            "rules.weighted",
            person=person_label(person),
            position=ctx.position_name(person),
            limit=fmt_number(capacity, 2, trim=True),
            months=join_list(fmt_month(mo) for mo in months),
            value=fmt_number(value, 2),
            source=tr("rules.source.criteria"),
        )
        findings.append(Finding(CASELOAD_WEIGHTED, WARNING, _staff_subject(person), value, capacity, message))
    return findings


def caseload_no_criterion(ctx: CheckContext) -> list[Finding]:
    """R5 ``caseload.no_criterion`` (info): a work type with caseload data but no criterion for it.

    Source: the 2022 ex-post evaluation (rec. 7; about a third of services had no workload criteria).
    One finding per work type with data in the period for which no criterion (``*`` or the position of any
    staff member with that data) exists, in whatever unit.
    """
    staff = ctx.snapshot.staff_by_id
    positions_with_data: dict[str, set[str]] = defaultdict(set)
    for sid, rows in ctx.caseloads_by_staff.items():
        person = staff.get(sid)
        if person is None:
            continue
        if not person.terms:  # one position in every month: each work type with data once
            for work_type in {row.work_type_code for row in rows if row.has_data}:
                positions_with_data[work_type].add(person.position_code)
            continue
        for row in rows:
            if row.has_data:
                positions_with_data[row.work_type_code].add(person.in_month(row.month).position_code)
    findings = []
    for work_type in sorted(positions_with_data):
        positions = positions_with_data[work_type] | {ALL_POSITIONS}
        if any(c.work_type_code == work_type and c.position_code in positions for c in ctx.snapshot.criteria):
            continue
        message = tr(
            "rules.no_criterion",
            work_type=ctx.snapshot.work_type_names.get(work_type, work_type),
            code=work_type,
            year=ctx.year,
        )
        findings.append(Finding(CASELOAD_NO_CRITERION, INFO, f"worktype:{work_type}", None, None, message))
    return findings


def duties_share(ctx: CheckContext, shares: dict[int, Decimal | None] | None = None) -> list[Finding]:
    """R6 ``duties.share`` (warning): share of contracted hours spent on non-social-work duties.

    No legal norm; threshold ``duties.threshold`` (default 0.10) set by the service, after the 2022 ex-post
    evaluation (fig. 38, 42; rec. 7.2 moves such duties to support staff). For every staff member employed in
    the period: share = Σ non-social-work hours / contracted hours; value = share (3 decimals).
    """
    shares = duty_shares(ctx) if shares is None else shares
    threshold = ctx.settings.duties_threshold
    findings = []
    for person in ctx.snapshot.staff_sorted:
        share = shares.get(person.id)
        if share is None or share <= threshold:
            continue
        value = round_half_up(share, 3)
        message = tr(
            "rules.duties",
            person=person_label(person),
            position=ctx.position_name(person),
            year=ctx.year,
            date=fmt_date(ctx.period_end),
            hours=_hours(ctx.duty_hours.get(person.id, Decimal(0))),
            contracted=_hours(ctx.contracted_hours[person.id]),
            share=fmt_percent(share),
            limit=fmt_percent(threshold),
        )
        findings.append(Finding(DUTIES_SHARE, WARNING, _staff_subject(person), value, threshold, message))
    return findings


def training_hours(ctx: CheckContext) -> list[Finding]:
    """R7 ``training.hours`` (warning): yearly training below the position's norm, prorated.

    Source: MK 03.06.2003. noteikumi Nr. 291 «Prasības sociālo pakalpojumu sniedzējiem», p. 2.4 (24 h social
    workers and heads, 16 h SPO / carers / rehabilitators, 8 h carers; the act has lost force and the current
    MK 13.06.2017 noteikumi Nr. 338 hours are unconfirmed, so the norms are editable per position).
    required = N × days employed / days in Y; done = training minutes in the period / 60; finding when
    done < required − 0.005; value = done, limit = required (2 decimals).
    """
    findings = []
    measures = training_measures(ctx)
    for person in ctx.snapshot.staff_sorted:
        measure = measures.get(person.id)
        if measure is None or measure.met:
            continue
        done, required = round_half_up(measure.done, 2), round_half_up(measure.required, 2)
        message = tr(
            "rules.training",
            person=person_label(person),
            position=ctx.position_name(person),
            year=ctx.year,
            date=fmt_date(ctx.period_end),
            done=_hours(done),
            required=_hours(required),
            norm=measure.norm,
            days=measure.days,
            days_in_year=ctx.days_in_year,
            source=tr("rules.source.training"),
        )
        findings.append(Finding(TRAINING_HOURS, WARNING, _staff_subject(person), done, required, message))
    return findings


def supervision_hours(ctx: CheckContext) -> list[Finding]:
    """R8 ``supervision.hours`` (warning): yearly supervision below the norm, prorated as in R7.

    Source: the LM ESF project "Profesionāla sociālā darba attīstība pašvaldībās" (Nr. 9.2.1.1/15/I/001)
    materials citing MK Nr. 291: 9 h individual or 18 h group supervision a year (settings
    ``supervision.individual_hours``, ``supervision.group_hours``); whether one or both are needed is not
    stated, hence ``supervision.rule`` (``any`` default, or ``all``). Value and limit are null; the message
    gives the hours.
    """
    findings = []
    measures = supervision_measures(ctx)
    key = "rules.supervision.all" if ctx.settings.supervision_rule == "all" else "rules.supervision.any"
    for person in ctx.snapshot.staff_sorted:
        measure = measures.get(person.id)
        if measure is None or measure.met:
            continue
        message = tr(
            key,
            person=person_label(person),
            position=ctx.position_name(person),
            year=ctx.year,
            date=fmt_date(ctx.period_end),
            individual=_hours(measure.individual),
            individual_required=_hours(round_half_up(measure.individual_required, 2)),
            group=_hours(measure.group),
            group_required=_hours(round_half_up(measure.group_required, 2)),
            source=tr("rules.source.supervision"),
        )
        findings.append(Finding(SUPERVISION_HOURS, WARNING, _staff_subject(person), None, None, message))
    return findings


def education_compliance(ctx: CheckContext) -> list[Finding]:
    """R9 ``education.compliance`` (error): an SDS active on D without the education the position needs.

    Source: Sociālo pakalpojumu un sociālās palīdzības likuma 41. pants (SPEC §1.3: social workers E1–E3,
    SPO / carers / rehabilitators E1–E4; E6 complies for 3 years from the start; E5 never for an SDS).
    """
    findings = []
    for person in sds_active(ctx):
        position = ctx.position(person)
        assert position is not None
        if education_complies(person, position, ctx.as_of):
            continue
        values: dict[str, Any] = dict(
            person=person_label(person),
            position=position.name,
            date=fmt_date(ctx.as_of),
            source=tr("rules.source.education"),
        )
        if person.education_code == STUDENT:
            message = tr("rules.education.student", start=fmt_date(person.start),
                         deadline=fmt_date(student_deadline(person)), **values)
        else:
            message = tr(
                "rules.education",
                education=ctx.snapshot.education_names.get(person.education_code, person.education_code),
                code=person.education_code,
                allowed=join_list(sorted(position.allowed_education)) or "—",
                **values,
            )
        findings.append(Finding(EDUCATION_COMPLIANCE, ERROR, _staff_subject(person), None, None, message))
    return findings


def salary_below_scale(ctx: CheckContext) -> list[Finding]:
    """R10 ``salary.below_scale``: full-time monthly salary below the minimum of the position's salary group.

    Source: Valsts un pašvaldību institūciju amatpersonu un darbinieku atlīdzības likuma 3. pielikums (the
    scale of SPEC §1.2, for Y or the latest earlier year); the minimum must be reached by 01.01.2027, hence a
    warning while Y < 2027 and an error from 2027. Each staff member active on D; value = salary,
    limit = the minimum.
    """
    severity = WARNING if ctx.year < SALARY_MINIMUM_DEADLINE_YEAR else ERROR
    key = "rules.salary.before" if ctx.year < SALARY_MINIMUM_DEADLINE_YEAR else "rules.salary.after"
    findings = []
    for person in ctx.snapshot.staff_sorted:
        if not person.active_on(ctx.as_of):
            continue
        position = ctx.position(person)
        row = scale_minimum(ctx.snapshot, position, ctx.year)
        if row is None or person.salary >= row.min:
            continue
        message = tr(
            key,
            person=person_label(person),
            position=ctx.position_name(person),
            salary=fmt_number(person.salary, 2),
            group=row.group,
            minimum=fmt_number(row.min, 2),
            scale_year=row.year,
            source=tr("rules.source.salary"),
        )
        findings.append(Finding(SALARY_BELOW_SCALE, severity, _staff_subject(person), person.salary, row.min,
                                message))
    return findings


def vacancy_long_open(ctx: CheckContext) -> list[Finding]:
    """R11 ``vacancy.long_open`` (warning): a vacancy open on D for longer than ``vacancy.days`` (90).

    Source: the service's own limit (the 2022 ex-post evaluation notes vacancies redistributed to the
    remaining staff); open on D = announced ≤ D and not filled by D; days open = D − announced.
    """
    limit = ctx.settings.vacancy_days
    findings = []
    for vacancy in sorted(ctx.snapshot.vacancies, key=lambda v: (v.announced, v.position_code)):
        if not vacancy.open_on(ctx.as_of):
            continue
        days = (ctx.as_of - vacancy.announced).days
        if days <= limit:
            continue
        position = ctx.snapshot.positions.get(vacancy.position_code)
        message = tr(
            "rules.vacancy",
            position=position.name if position else vacancy.position_code,
            fte=_fte(vacancy.fte),
            announced=fmt_date(vacancy.announced),
            date=fmt_date(ctx.as_of),
            days=days,
            limit=limit,
        )
        subject = f"vacancy:{vacancy.position_code}:{vacancy.announced.isoformat()}"
        findings.append(Finding(VACANCY_LONG_OPEN, WARNING, subject, days, limit, message))
    return findings


def population_stale(ctx: CheckContext) -> list[Finding]:
    """R12 ``population.stale`` (info): no population for Y; the latest earlier year is used, or none exists.

    The population (iedzīvotāju skaits) is the base of the 1:1000 norm, Sociālo pakalpojumu un sociālās
    palīdzības likuma 10. pants.
    """
    if ctx.year in ctx.snapshot.population:
        return []
    used = ctx.snapshot.population_for(ctx.year)
    if used is None:
        message = tr("rules.population.none", year=ctx.year, source=tr(SOURCE_RATIO))
    else:
        message = tr("rules.population.earlier", year=ctx.year, used=used[0],
                     residents=fmt_number(used[1], 0))
    return [Finding(POPULATION_STALE, INFO, "service", None, None, message)]


RuleFunction = Callable[[CheckContext], list[Finding]]

# The rules in SPEC order (R1 … R12): the order in which findings are listed.
RULES: tuple[tuple[str, RuleFunction], ...] = (
    (STAFFING_RATIO, staffing_ratio),
    (STAFFING_EFFECTIVE_RATIO, staffing_effective_ratio),
    (CASELOAD_OVER_CRITERION, caseload_over_criterion),
    (CASELOAD_WEIGHTED, caseload_weighted_over_capacity),
    (CASELOAD_NO_CRITERION, caseload_no_criterion),
    (DUTIES_SHARE, duties_share),
    (TRAINING_HOURS, training_hours),
    (SUPERVISION_HOURS, supervision_hours),
    (EDUCATION_COMPLIANCE, education_compliance),
    (SALARY_BELOW_SCALE, salary_below_scale),
    (VACANCY_LONG_OPEN, vacancy_long_open),
    (POPULATION_STALE, population_stale),
)


# Rules about the whole municipality even when one structural unit is chosen (issue 14): the ratios per 1000
# residents (a unit has no residents of its own), the population they need, and vacancies (which belong to
# no unit).
SERVICE_WIDE: frozenset[str] = frozenset({STAFFING_RATIO, STAFFING_EFFECTIVE_RATIO, VACANCY_LONG_OPEN,
                                          POPULATION_STALE})


def run_checks(
    snapshot: Snapshot,
    *,
    year: int,
    as_of: dt.date,
    settings: Settings,
    rules: Iterable[str] | None = None,
    staff_ids: Collection[int] | None = None,
) -> CheckResult:
    """Run the norm checks (all, or the rule ids in ``rules``) for year Y as of D; SPEC §2.

    ``staff_ids`` (a structural unit's people, ``swdesk.units.staff_in_unit``): every rule about people
    counts only them, exactly as on a database holding only their records; the :data:`SERVICE_WIDE` rules
    stay the municipality's."""
    ctx = make_context(snapshot, year=year, as_of=as_of, settings=settings)
    if staff_ids is None:
        return run_rules(ctx, rules=rules)
    from swdesk.units import only_staff

    wanted = {rule_id for rule_id, _ in RULES} if rules is None else set(rules)
    unit_ctx = make_context(only_staff(snapshot, staff_ids), year=year, as_of=as_of, settings=settings)
    findings: list[Finding] = []
    for rule_id, function in RULES:
        if rule_id in wanted:
            findings.extend(function(ctx if rule_id in SERVICE_WIDE else unit_ctx))
    return CheckResult(year=year, as_of=ctx.as_of, period_start=ctx.period_start, period_end=ctx.period_end,
                       findings=tuple(findings))


def run_rules(ctx: CheckContext, *, rules: Iterable[str] | None = None) -> CheckResult:
    """The checks on a context already made, so that a caller measuring more (planning) shares its sums."""
    wanted = None if rules is None else set(rules)
    findings: list[Finding] = []
    for rule_id, function in RULES:
        if wanted is None or rule_id in wanted:
            findings.extend(function(ctx))
    return CheckResult(year=ctx.year, as_of=ctx.as_of, period_start=ctx.period_start,
                       period_end=ctx.period_end, findings=tuple(findings))


def default_as_of(year: int, today: dt.date | None = None) -> dt.date:
    """SPEC §2: the earlier of today and 31 December Y."""
    return min(today or dt.date.today(), dt.date(year, 12, 31))


def check_year(
    session: Session,
    *,
    year: int,
    as_of: dt.date | None = None,
    today: dt.date | None = None,
    unit_id: int | None = None,
) -> CheckResult:
    """Load what year Y needs from the database and run all checks with the settings in force on D; with
    ``unit_id``, for the people of that structural unit and its sub-units during the period."""
    from swdesk.rules.data import collector_paused, load_snapshot
    from swdesk.units import unit_period_staff

    as_of = as_of or default_as_of(year, today)
    settings = Settings.load(session, as_of)
    period_end = min(as_of, dt.date(year, 12, 31))
    staff_ids = unit_period_staff(session, unit_id, year, as_of)
    with collector_paused():
        snapshot = load_snapshot(session, since=dt.date(year, 1, 1), until=period_end)
        return run_checks(snapshot, year=year, as_of=as_of, settings=settings, staff_ids=staff_ids)


__all__ = [
    "CheckContext",
    "RULES",
    "SERVICE_WIDE",
    "StaffingMeasure",
    "SupervisionMeasure",
    "TrainingMeasure",
    "add_years",
    "check_year",
    "default_as_of",
    "duty_shares",
    "education_complies",
    "effective_staffing",
    "is_below_scale",
    "make_context",
    "person_label",
    "ratio_shortfall",
    "run_checks",
    "run_rules",
    "sds_active",
    "staffing_measure",
    "supervision_measures",
    "training_measures",
]
