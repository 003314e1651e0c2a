"""Demonstration data (`swdesk demo`, `swdesk gui --demo`): a plausible social service, generated.

Two sizes: ``small`` is a novads service of about a dozen people (Valkas novads), ``riga`` is the Rīga
social service with more than 800. Either covers five full years ending with the last full year before
``today`` plus the current year to date, so the data stays current whenever the demo is run. The data is
shaped so that every norm check of SPEC §2 has something to say: too few specialists for 1:1000 (R1/R2),
caseloads above the criteria (R3/R4), work types without a criterion (R5), non-social-work duties above 10 %
(R6), people below their training and supervision norms (R7/R8), students past their three years and staff
without the required education (R9), salaries below the scale minimum (R10) and long-open vacancies (R11).
Figures follow DOMAIN.md: caseload medians §4.2, duty categories §5, training and supervision norms §6.

Everything is drawn from one ``random.Random(seed)`` in a fixed order, so one seed and one ``today`` give
identical tables. Rows are built as plain dicts and bulk-inserted, inside one ``Database.write()``
transaction: a cancel (``cancelled()`` returning True) raises :class:`DemoCancelled` inside it and the
database is left exactly as it was.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import random
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as _with
from decimal import Decimal
from functools import partial
from typing import Any

import holidays
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from swdesk.db import history
from swdesk.db import models as m
from swdesk.db.catalogues import shipped
from swdesk.db.database import Database
from swdesk.i18n import define, tr

SIZES = ("small", "riga")
DEFAULT_SEED = 2026
FULL_YEARS = 5

define(
    {
        "demo.refused": (
            "Datubāzē jau ir dienesta dati ({staff} darbinieki, {other} citi ieraksti). "
            "Demonstrācijas dati netika ierakstīti; lai tos aizstātu ar demonstrācijas datiem, "
            "pievienojiet --replace.",
            "The database already holds the service's data ({staff} staff, {other} other rows). "
            "No demonstration data was written; to replace it with demonstration data, add --replace.",
        ),
        "demo.cancelled": (
            "Demonstrācijas datu izveide atcelta; datubāze netika mainīta.",
            "Creating the demonstration data was cancelled; the database was not changed.",
        ),
        "demo.unknown_size": (
            "Nezināms demonstrācijas apjoms «{size}»; izvēlieties: {sizes}.",
            "Unknown demonstration size '{size}'; choose one of: {sizes}.",
        ),
    }
)


class DemoError(Exception):
    """The demonstration data could not be written; the message is for the user."""


class DemoRefused(DemoError):
    """The database already has a service's staff data and ``replace`` was not asked for."""


class DemoCancelled(DemoError):
    """``cancelled()`` said stop; the transaction was rolled back."""

    def __init__(self) -> None:
        super().__init__(tr("demo.cancelled"))


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate_demo` wrote, for the command's message and the GUI's status bar."""

    service: str
    municipality: str
    size: str
    seed: int
    first_year: int
    last_year: int
    today: dt.date
    staff: int
    active_staff: int
    sds_fte: Decimal
    population: int
    vacancies: int
    criteria: int
    caseloads: int
    duties: int
    training_events: int
    seconds: float


ProgressCallback = Callable[[int, int], None]
CancelPredicate = Callable[[], bool]


# --- names, codes and texts ---------------------------------------------------------------------------

FEMALE_LV = tuple(
    (
        "Anna Inese Ilze Kristīne Laura Līga Linda Sandra Ieva Dace Iveta Santa Evija Agnese Zane Gunta Dina "
        "Baiba Aija Inga Jolanta Ingrīda Vita Daiga Marita Sanita Liene Elīna Madara Signe Dagnija Anita "
        "Ligita Skaidrīte Vija Sarmīte Ginta Iluta Solvita Antra Maija Aiga Indra Ilona Rita Lāsma Una Rūta "
        "Daina Kristiāna"
    ).split()
)
FEMALE_RU = tuple(
    ("Jeļena Olga Tatjana Svetlana Irina Natālija Ludmila Marina Gaļina Viktorija Jūlija Oksana").split()
)
MALE_LV = tuple(
    (
        "Jānis Andris Juris Māris Edgars Mārtiņš Kārlis Aivars Artūrs Raimonds Uldis Guntis Ainārs Valdis "
        "Ivars Gints Roberts Kristaps Toms Dāvis Rihards Aigars Normunds Gatis Ingus Rolands Armands Oskars "
        "Pēteris Krišjānis Egils Imants Viesturs Dainis Agris Ēriks Gunārs Reinis Emīls Matīss Arvis Kaspars "
        "Jurģis Ojārs Valters Harijs Edvīns Mikus Sandis Nauris"
    ).split()
)
MALE_RU = tuple(
    ("Aleksandrs Sergejs Andrejs Dmitrijs Vladimirs Igors Jevgēņijs Nikolajs Viktors Pāvels").split()
)
# (male form, female form): Latvian surnames change their ending with gender, so both are listed.
SURNAMES_LV = tuple(
    tuple(pair.split("/"))
    for pair in (
        "Bērziņš/Bērziņa Kalniņš/Kalniņa Ozoliņš/Ozoliņa Jansons/Jansone Ozols/Ozola Liepiņš/Liepiņa "
        "Krūmiņš/Krūmiņa Balodis/Balode Eglītis/Eglīte Zariņš/Zariņa Pētersons/Pētersone Vītols/Vītola "
        "Kļaviņš/Kļaviņa Kārkliņš/Kārkliņa Vanags/Vanaga Zeltiņš/Zeltiņa Lapiņš/Lapiņa Siliņš/Siliņa "
        "Dzenis/Dzene Lācis/Lāce Briedis/Briede Kalējs/Kalēja Rozītis/Rozīte Sproģis/Sproģe "
        "Zvirbulis/Zvirbule Grīnbergs/Grīnberga Šmits/Šmite Ābols/Ābola Avotiņš/Avotiņa Ziediņš/Ziediņa "
        "Strazdiņš/Strazdiņa Purviņš/Purviņa Circenis/Circene Ķēniņš/Ķēniņa Zālītis/Zālīte Mežulis/Mežule "
        "Kronbergs/Kronberga Freimanis/Freimane Dreimanis/Dreimane Krastiņš/Krastiņa Rudzītis/Rudzīte "
        "Upītis/Upīte Apinis/Apine Skujiņš/Skujiņa Leimanis/Leimane Vilks/Vilka Kazāks/Kazāka Sīlis/Sīle "
        "Pūce/Pūce Liepa/Liepa"
    ).split()
)
SURNAMES_RU = tuple(
    tuple(pair.split("/"))
    for pair in (
        "Ivanovs/Ivanova Petrovs/Petrova Smirnovs/Smirnova Kuzņecovs/Kuzņecova Vasiļjevs/Vasiļjeva "
        "Popovs/Popova Sokolovs/Sokolova Volkovs/Volkova Fjodorovs/Fjodorova Mihailovs/Mihailova "
        "Pavlovs/Pavlova Romanovs/Romanova"
    ).split()
)

_CODE_WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _check_digit(first_ten: str) -> int | None:
    """The check digit of a Latvian personal code, or None when the sum leaves 10.

    Codes whose remainder is 10 are skipped rather than written with 0: the importer's reading of that case
    (10 → 0) and the population register's (never issued) then both accept every generated code.
    """
    total = sum(w * int(d) for w, d in zip(_CODE_WEIGHTS, first_ten, strict=True))
    check = (1101 - total) % 11
    return None if check == 10 else check


def _personal_code(rng: random.Random, birth: dt.date, *, new_format: bool, taken: set[str]) -> str:
    """A valid, unused personal code: old DDMMYY-CNNNK with the birth date, or new 32NNNN-NNNNK."""
    while True:
        if new_format:
            first = "32" + "".join(str(rng.randrange(10)) for _ in range(8))
        else:
            century = {18: "0", 19: "1", 20: "2"}[birth.year // 100]
            first = birth.strftime("%d%m%y") + century + f"{rng.randrange(1000):03d}"
        check = _check_digit(first)
        if check is None:
            continue
        code = f"{first[:6]}-{first[6:]}{check}"
        if code not in taken:
            taken.add(code)
            return code


TRAINING_TOPICS = (
    "Gadījuma vadīšanas metode darbā ar ģimenēm",
    "Motivējošā intervēšana sociālajā darbā",
    "Vardarbības atpazīšana un darbs ar vardarbībā cietušām personām",
    "Darbs ar vardarbību veikušām personām",
    "Riska novērtēšana ģimenēs ar bērniem",
    "Profesionālās izdegšanas profilakse",
    "Personas datu aizsardzība sociālajā dienestā",
    "Administratīvā procesa likuma piemērošana sociālajā darbā",
    "Sociālā darba ētika un profesionālās robežas",
    "Krīzes intervence un pirmā psiholoģiskā palīdzība",
    "Darbs ar personām ar atkarībām",
    "Darbs ar personām ar garīga rakstura traucējumiem",
    "Ienākumu un materiālās situācijas izvērtēšana",
    "Garantētā minimālā ienākuma līmeņa un pabalstu piešķiršana",
    "Sociālā darba metodes darbā ar senioriem",
    "Darbs ar jauniešiem riska grupās",
    "Kopienas sociālais darbs un preventīvais darbs",
    "Darbs ar Ukrainas civiliedzīvotājiem",
    "Starpinstitucionālā sadarbība bērnu tiesību aizsardzībā",
    "Konfliktu risināšana un saskarsme ar agresīviem klientiem",
    "Sociālās aprūpes mājās organizēšana",
    "Dokumentēšana un lietvedība SOPA sistēmā",
)
TRAINING_PROVIDERS = (
    "Latvijas Universitāte",
    "Rīgas Stradiņa universitāte",
    "Sociālā darba un sociālās pedagoģijas augstskola «Attīstība»",
    "Latvijas Sociālo darbinieku biedrība",
    "Valsts administrācijas skola",
    "Labklājības ministrija",
    "Latvijas Pašvaldību mācību centrs",
    "Liepājas Universitāte",
    "Sociālās integrācijas valsts aģentūra",
    "Latvijas Pašvaldību sociālo dienestu vadītāju apvienība",
    "Valsts bērnu tiesību aizsardzības inspekcija",
    "Vidzemes Augstskola",
)
# Supervisors and whether they are in the certified register (SPEC §3 reason not_certified).
SUPERVISORS = (
    ("Supervizore Ilze Ozola", True),
    ("Supervizore Daiga Kalniņa", True),
    ("Supervizors Māris Vītols", True),
    ("Supervizore Inga Briede", True),
    ("Supervizore Rūta Zariņa", True),
    ("Supervizore Sarmīte Lāce", True),
    ("Supervizors Andris Kronbergs", True),
    ("Supervizore Ligita Apine", True),
    ("Supervizore Antra Leimane", False),
    ("Psiholoģe Jūlija Petrova", False),
)
SPECIALIZATIONS = (
    "Darbs ar ģimenēm ar bērniem",
    "Darbs ar pilngadīgām personām",
    "Darbs ar senioriem",
    "Darbs ar personām ar GRT",
    "Darbs ar personām ar atkarībām",
    "Vardarbībā cietušās personas",
    "Bezpajumtnieki",
    "Jaunieši",
    "Bēgļi un patvēruma meklētāji",
    "Ilgstošie bezdarbnieki",
)
# Weights from DOMAIN §5: heads' (fig. 38) and specialists' (fig. 42) answers added, in percent.
DUTY_WEIGHTS = {
    "NS_NEZIN": 29,
    "NS_CITAS_NOD": 20,
    "NS_GRAMAT": 17,
    "NS_APSVEIK": 18,
    "NS_TRANSP": 25,
    "NS_APBED": 11,
    "NS_PARTIKA": 18,
    "NS_VESEL": 9,
    "NS_MAJOKLI": 10,
    "NS_CITI_SPEC": 16,
    "NS_UZZINAS": 9,
    "NS_DOKUM": 9,
    "NS_ADMIN": 5,
    "NS_POLICIJA": 1,
    "NS_PASAKUMI": 1,
    "NS_CITS": 4,
}
DUTY_TEXTS = {
    "NS_NEZIN": (
        "Iedzīvotāja sūdzība par kaimiņiem",
        "Jautājums bez skaidra atbildīgā",
        "Pagasta pārvaldes lūgums",
    ),
    "NS_CITAS_NOD": (
        "Bāriņtiesas darbinieka aizvietošana",
        "Izglītības pārvaldes uzdevums",
        "Būvvaldes dokumentu pieņemšana",
    ),
    "NS_GRAMAT": (
        "Pabalstu izmaksa skaidrā naudā",
        "Sociālo dzīvokļu īres maksas iekasēšana",
        "Parādu piedziņa",
    ),
    "NS_APSVEIK": ("Apsveikumi jubilāriem", "Ziemassvētku paciņu sagatavošana", "Apsveikumi senioriem"),
    "NS_TRANSP": ("Klienta transportēšana pie ārsta", "Klienta nogādāšana uz slimnīcu", "Brauciens uz VSAA"),
    "NS_APBED": ("Bezpiederīgā apbedīšanas kārtošana", "Kapu apkopšana"),
    "NS_PARTIKA": ("Pārtikas paku izdale", "Pārtikas paku pieņemšana un uzskaite"),
    "NS_VESEL": ("Veselības veicināšanas pasākums", "Pieraksts pie ģimenes ārsta klienta vietā"),
    "NS_MAJOKLI": ("Pašvaldības dzīvokļa apsekošana remontam", "Izlikšanas procesa kārtošana"),
    "NS_CITI_SPEC": ("Psihologa konsultācijas aizvietošana", "Atkarību speciālista funkcijas"),
    "NS_UZZINAS": ("Uzziņas par komunālajiem maksājumiem", "Telefoniskas konsultācijas dažādos jautājumos"),
    "NS_DOKUM": ("Komunālo maksājumu veikšana klienta vietā", "Dokumentu kārtošana klienta vietā"),
    "NS_ADMIN": ("Lietvedība", "Atskaišu sagatavošana", "Sanāksmes protokolēšana"),
    "NS_POLICIJA": ("Dalība policijas izsaukumā",),
    "NS_PASAKUMI": ("Novada svētku organizēšana", "Senioru pēcpusdienas organizēšana"),
    "NS_CITS": ("Cits uzdevums pēc domes rīkojuma", "Vēlēšanu iecirkņa darbs"),
}
# (unit, duration as entered, exact minutes): astronomical hours, academic hours of 45 min and minutes.
TRAINING_SHAPES = (
    ("hours", Decimal(8), 480),
    ("hours", Decimal(6), 360),
    ("hours", Decimal(4), 240),
    ("hours", Decimal(2), 120),
    ("hours", Decimal("3.5"), 210),
    ("hours", Decimal("1.5"), 90),
    ("academic_hours", Decimal(8), 360),
    ("academic_hours", Decimal(16), 720),
    ("academic_hours", Decimal(4), 180),
    ("academic_hours", Decimal(6), 270),
    ("academic_hours", Decimal(12), 540),
    ("minutes", Decimal(90), 90),
    ("minutes", Decimal(120), 120),
    ("minutes", Decimal(45), 45),
)
VACANCY_NOTES_LONG = (
    "Konkurss izsludināts atkārtoti; pieteikumu nav.",
    "Kandidāti neatbilst izglītības prasībām.",
    "Piedāvātā alga kandidātiem nav pietiekama.",
)

# --- workload: criteria and monthly caseloads ----------------------------------------------------------

# (position or "*", work type, unit, max per FTE per month, weight): DOMAIN §4.1 criteria; medians §4.2.
CRITERIA = (
    ("SD", "GAD", "LIETAS", 30, Decimal("2.5")),
    ("SD", "GVAD", "LIETAS", 12, Decimal(4)),
    ("SD_VEC", "GAD", "LIETAS", 25, Decimal("2.5")),
    ("SD_VEC", "GVAD", "LIETAS", 15, Decimal(4)),
    ("SD_JAUN", "GAD", "LIETAS", 22, Decimal("2.5")),
    ("*", "PIRMR", "PERS", 40, Decimal("0.5")),
    ("SPO", "SPA", "IESN", 60, None),
    ("SREH", "GAD", "LIETAS", 20, None),
    ("SAPR", "GAD", "PERS", 12, None),
    ("APR", "GAD", "PERS", 8, None),
)
# Per position: (work type, column, typical monthly value per 1.0 FTE). SD: ~26 cases a month in all
# (DOMAIN §4.2 medians 25-30; heavy loads lift it); SPO: ~50 cases, ~46 applications (median 55).
# KRIZE and GRUPA have no criterion (R5).
WORKLOAD: dict[str, tuple[tuple[str, str, float], ...]] = {
    "SD_VEC": (("GAD", "cases", 17), ("GVAD", "cases", 8), ("PIRMR", "cases", 3), ("PIRMR", "persons", 18)),
    "SD": (("GAD", "cases", 18), ("GVAD", "cases", 5), ("PIRMR", "cases", 3), ("PIRMR", "persons", 22)),
    "SD_JAUN": (("GAD", "cases", 15), ("PIRMR", "cases", 8), ("PIRMR", "persons", 28)),
    "SPO": (("SPA", "cases", 50), ("SPA", "applications", 46)),
    "SAPR": (("GAD", "persons", 10),),
    "SREH": (("GAD", "cases", 15), ("GRUPA", "persons", 12)),
    "GA": (("GAD", "cases", 8),),
    "APR": (("GAD", "persons", 6),),
    "PSIH": (("KRIZE", "cases", 9),),
}
SOCIAL_WORKERS = ("SD_VEC", "SD", "SD_JAUN")

# Salary bands for positions without a salary group (EUR per month, full time).
UNGROUPED_PAY = {
    "VAD": (2500, 3300),
    "VAD_V": (2100, 2600),
    "NOD_VAD": (1750, 2300),
    "PSIH": (1250, 1650),
    "APR": (780, 950),
    "ATB": (950, 1250),
    "CITS": (900, 1300),
}


# --- the shape of each service -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """A post in today's structure; None = drawn at random.

    Explicit fields pin a finding, so that the small demo shows each check whatever the seed.
    """

    position: str
    unit: str
    fte: Decimal | None = None
    education: str | None = None
    vacant: bool = False
    vacant_days: int | None = None  # how long ago the last holder left (random when None)
    hired_years_ago: float | None = None
    heavy_cases: bool | None = None
    heavy_duties: bool | None = None
    training: str | None = None  # "low", "near", "high"
    below_scale: bool | None = None
    team: int = 0


@dataclass(frozen=True)
class _Profile:
    service: str
    municipality: str
    yearly_change: float  # population trend per year
    russian_share: float  # share of Russian-origin names
    slots: Callable[[random.Random], list[_Slot]]


def _small_slots(rng: random.Random) -> list[_Slot]:
    town, parish, admin = "Valkas pilsētas nodaļa", "Ērģemes un Kārķu pagastu punkts", "Administrācija"
    one, half, three_q = Decimal(1), Decimal("0.5"), Decimal("0.75")
    return [
        _Slot("VAD", admin, one, "E1", hired_years_ago=9),
        _Slot("SD_VEC", town, one, "E2", heavy_cases=True, training="near"),
        _Slot("SD", town, one, "E3", heavy_duties=True, training="low"),
        _Slot("SD", parish, three_q, "E5", heavy_cases=False, training="near", below_scale=True),
        _Slot("SD", parish, one, vacant=True, vacant_days=200),
        _Slot("SD_JAUN", town, one, "E6", hired_years_ago=1.3, training="high"),
        _Slot("SPO", town, one, "E4", heavy_cases=True, below_scale=True),
        _Slot("SPO", parish, three_q, "E3", heavy_duties=True),
        _Slot("SAPR", parish, half, "E6", hired_years_ago=4.5, training="low"),
        _Slot("APR", parish, one, "E5"),
        _Slot("APR", town, one, "E4"),
        _Slot("ATB", admin, one, "E5"),
        _Slot("PSIH", town, half, "E5"),
    ]


RIGA_UNITS = (
    "Teritoriālais centrs «Imanta»",
    "Teritoriālais centrs «Bolderāja»",
    "Teritoriālais centrs «Āgenskalns»",
    "Teritoriālais centrs «Ziepniekkalns»",
    "Teritoriālais centrs «Ķengarags»",
    "Teritoriālais centrs «Pļavnieki»",
    "Teritoriālais centrs «Purvciems»",
    "Teritoriālais centrs «Teika»",
    "Teritoriālais centrs «Jugla»",
    "Teritoriālais centrs «Vecmīlgrāvis»",
    "Teritoriālais centrs «Sarkandaugava»",
    "Teritoriālais centrs «Centrs»",
)
# Today's posts (slots) in Rīga: SDS headcount ~555 (≈ 530 FTE), below the ~600 that 1:1000 asks for.
RIGA_ROSTER = (
    ("SD_VEC", 40),
    ("SD", 230),
    ("SD_JAUN", 45),
    ("SPO", 150),
    ("SAPR", 60),
    ("SREH", 30),
    ("GA", 20),
    ("PSIH", 18),
    ("APR", 140),
    ("ATB", 70),
    ("CITS", 10),
    ("NOD_VAD", 28),
    ("VAD_V", 3),
    ("VAD", 1),
)


def _riga_slots(rng: random.Random) -> list[_Slot]:
    slots: list[_Slot] = []
    per_unit: dict[str, int] = {}
    for position, count in RIGA_ROSTER:
        for i in range(count):
            if position in ("VAD", "VAD_V", "ATB", "CITS"):
                unit = "Administrācija"
            elif position in ("APR", "SAPR"):
                unit = "Aprūpes mājās nodaļa"
            elif position == "PSIH":
                unit = "Krīzes un konsultāciju centrs"
            elif position == "NOD_VAD":
                unit = RIGA_UNITS[i % len(RIGA_UNITS)] if i < len(RIGA_UNITS) * 2 else "Pabalstu nodaļa"
            else:
                unit = rng.choice(RIGA_UNITS)
            seq = per_unit.get(unit, 0)
            per_unit[unit] = seq + 1
            # Group supervision happens in teams of about eight (DOMAIN §6.1: 6 sessions of 180 min).
            slots.append(
                _Slot(position, unit, vacant=position != "VAD" and rng.random() < 0.03, team=seq // 8)
            )
    return slots


PROFILES = {
    "small": _Profile("Valkas novada sociālais dienests", "Valkas novads", -0.013, 0.04, _small_slots),
    "riga": _Profile("Rīgas Sociālais dienests", "Rīga", -0.009, 0.3, _riga_slots),
}


# --- calendar ------------------------------------------------------------------------------------------


class _Calendar:
    """Working days (Monday–Friday without Latvian public holidays) between two dates, for quick picking."""

    def __init__(self, first: dt.date, last: dt.date) -> None:
        off = holidays.country_holidays("LV", years=range(first.year, last.year + 1))
        day, days = first, []
        while day <= last:
            if day.weekday() < 5 and day not in off:
                days.append(day)
            day += dt.timedelta(days=1)
        self.days = days

    def between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        lo = bisect.bisect_left(self.days, first)
        hi = bisect.bisect_right(self.days, last)
        return self.days[lo:hi]


def _month_starts(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _add_years(day: dt.date, years: float) -> dt.date:
    return day - dt.timedelta(days=round(years * 365.25))


def _days_in_year(year: int) -> int:
    return 366 if calendar.isleap(year) else 365


# --- people --------------------------------------------------------------------------------------------


@dataclass
class _Person:
    slot: _Slot
    first_name: str
    last_name: str
    personal_code: str
    fte: Decimal
    start: dt.date
    end: dt.date | None
    education: str
    salary: Decimal
    specialization: str | None
    workload: float  # multiplies the typical caseload
    duties: str  # "light" or "heavy"
    tabeles_nr: str = ""
    training_by_year: dict[int, str] = field(default_factory=dict)


class _Generator:
    """Draws the whole service from one random stream, in a fixed order."""

    def __init__(self, *, profile: _Profile, rng: random.Random, today: dt.date, session: Session) -> None:
        self.profile = profile
        self.rng = rng
        self.today = today
        self.first_year = today.year - FULL_YEARS
        self.data_start = dt.date(self.first_year, 1, 1)
        self.calendar = _Calendar(self.data_start, today)
        self.positions = {p.code: p for p in session.scalars(select(m.Position))}
        self.scale = self._salary_scale(session)
        self.codes: set[str] = set()
        self.names: set[tuple[str, str]] = set()
        self.vacancy_keys: set[tuple[str, dt.date]] = set()
        self.vacancies: list[dict[str, Any]] = []
        self.people: list[_Person] = []
        self.invoice_counter = 0

    def _salary_scale(self, session: Session) -> dict[int, tuple[Decimal, Decimal]]:
        """(min, mid) per salary group for the current year: the latest row not after it (SPEC §1.2)."""
        scale: dict[int, tuple[Decimal, Decimal]] = {}
        rows = session.scalars(select(m.SalaryScale).order_by(m.SalaryScale.year))
        for row in rows:
            if row.year <= self.today.year or row.group not in scale:
                scale[row.group] = (row.min, row.mid)
        return scale

    # -- staff and vacancies ---------------------------------------------------------------------------

    def build_staff(self) -> None:
        for slot in self.profile.slots(self.rng):
            self._fill_slot(slot)
        # Employee numbers in order of hiring, as a payroll system hands them out.
        self.people.sort(key=lambda p: (p.start, p.last_name, p.first_name, p.personal_code))
        for number, person in enumerate(self.people, start=1):
            person.tabeles_nr = f"{number:04d}"

    def _fill_slot(self, slot: _Slot) -> None:
        rng, today = self.rng, self.today
        if slot.vacant:
            # The last holder left some months ago; the post has been announced and is still open.
            left = today - dt.timedelta(days=slot.vacant_days or rng.randint(20, 420))
            announced = left - dt.timedelta(days=rng.randint(0, 30))
            self._vacancy(slot, announced=announced, filled=None)
            end: dt.date | None = left
        else:
            end = None
        # Walk back through the holders of this post: the current one, then any who left during the range.
        for depth in range(4):
            if end is not None and end < self.data_start:
                return
            hired_in_range = False
            if depth == 0 and end is None and slot.hired_years_ago is not None:
                start = _add_years(today, slot.hired_years_ago)
                hired_in_range = start >= self.data_start
            else:
                latest = (end or today) - dt.timedelta(days=90)
                if latest > self.data_start and rng.random() < (0.28 if depth == 0 else 0.2):
                    start = self.data_start + dt.timedelta(
                        days=rng.randint(0, (latest - self.data_start).days)
                    )
                    hired_in_range = True
                else:
                    start = dt.date(
                        rng.randint(2001, self.first_year - 1), rng.randint(1, 12), rng.randint(1, 28)
                    )
            self.people.append(
                self._person(slot if depth == 0 else _with(slot, hired_years_ago=None), start=start, end=end)
            )
            if not hired_in_range:
                return
            # The predecessor left shortly before; a vacancy was announced and filled by this start.
            gap = rng.randint(0, 150)
            end = start - dt.timedelta(days=gap + 1)
            if gap > 14:
                self._vacancy(slot, announced=end - dt.timedelta(days=rng.randint(0, 30)), filled=start)

    def _vacancy(self, slot: _Slot, *, announced: dt.date, filled: dt.date | None) -> None:
        while (slot.position, announced) in self.vacancy_keys:
            announced -= dt.timedelta(days=1)
        self.vacancy_keys.add((slot.position, announced))
        days_open = ((filled or self.today) - announced).days
        notes = self.rng.choice(VACANCY_NOTES_LONG) if filled is None and days_open > 90 else None
        self.vacancies.append(
            {
                "position_code": slot.position,
                "fte": slot.fte or Decimal(1),
                "announced": announced,
                "filled": filled,
                "notes": notes,
            }
        )

    def _person(self, slot: _Slot, *, start: dt.date, end: dt.date | None) -> _Person:
        rng = self.rng
        position = self.positions[slot.position]
        russian = rng.random() < self.profile.russian_share
        female = rng.random() < (0.9 if position.is_sds or position.code in ("APR", "ATB", "PSIH") else 0.7)
        for _ in range(8):  # redraw a few times so that the demo does not show two people of the same name
            if female:
                first = rng.choice(FEMALE_RU if russian else FEMALE_LV)
            else:
                first = rng.choice(MALE_RU if russian else MALE_LV)
            last = rng.choice(SURNAMES_RU if russian else SURNAMES_LV)[1 if female else 0]
            if (first, last) not in self.names:
                break
        self.names.add((first, last))

        education = slot.education or self._education(slot.position, start=start)
        # Students are hired young; everyone else at 22 to 55, and nobody is older than 67 today.
        age = rng.randint(20, 30) if education == "E6" else rng.randint(22, 55)
        birth = start - dt.timedelta(days=age * 365 + rng.randint(0, 364))
        if (self.today - birth).days > 67 * 365:
            birth = self.today - dt.timedelta(days=rng.randint(40 * 365, 64 * 365))
        # New-format codes (32…) exist since 2017 and are given on request: a minority of staff.
        code = _personal_code(rng, birth, new_format=rng.random() < 0.18, taken=self.codes)

        fte = slot.fte
        if fte is None and slot.position in ("VAD", "VAD_V", "NOD_VAD"):
            fte = Decimal(1)
        elif fte is None:
            fte = rng.choices((Decimal(1), Decimal("0.75"), Decimal("0.5")), weights=(82, 9, 9))[0]
        salary = self._salary(slot, position)
        specialization = None
        if slot.position in SOCIAL_WORKERS:
            specialization = rng.choice(SPECIALIZATIONS)
        elif slot.position == "SPO":
            specialization = "Sociālās palīdzības organizēšana"
        heavy = slot.heavy_cases if slot.heavy_cases is not None else rng.random() < 0.14
        workload = rng.uniform(1.4, 1.75) if heavy else max(0.6, rng.gauss(1.0, 0.12))
        heavy_duties = slot.heavy_duties if slot.heavy_duties is not None else rng.random() < 0.12
        return _Person(
            slot=slot,
            first_name=first,
            last_name=last,
            personal_code=code,
            fte=fte,
            start=start,
            end=end,
            education=education,
            salary=salary,
            specialization=specialization,
            workload=workload,
            duties="heavy" if heavy_duties else "light",
        )

    def _education(self, position: str, *, start: dt.date) -> str:
        rng = self.rng
        recent = (self.today - start).days < 3 * 365
        if position in SOCIAL_WORKERS:
            # DOMAIN §3: most social workers have E3; about a quarter a master's; some without or studying.
            weights: tuple[float, ...] = (8, 14, 58, 0, 8, 12 if recent else 1.5)
        elif position in ("SPO", "SAPR", "SREH"):
            weights = (1, 2, 20, 55, 14, 8 if recent else 1)
        elif position in ("VAD", "VAD_V"):
            weights = (50, 40, 10, 0, 0, 0)
        elif position == "NOD_VAD":
            weights = (25, 25, 50, 0, 0, 0)
        elif position == "GA":
            weights = (0, 0, 10, 50, 40, 0)
        elif position == "APR":
            weights = (0, 0, 0, 30, 70, 0)
        else:
            weights = (0, 0, 5, 0, 95, 0)
        return rng.choices(("E1", "E2", "E3", "E4", "E5", "E6"), weights=weights)[0]

    def _salary(self, slot: _Slot, position: m.Position) -> Decimal:
        rng = self.rng
        group = position.salary_group
        if group is not None and group in self.scale:
            low, mid = self.scale[group]
            below = slot.below_scale if slot.below_scale is not None else rng.random() < 0.12
            if below:
                # The minimum must be reached only by 1 Jan 2027 (DOMAIN §2), so some still earn less.
                return Decimal(round(float(low) * rng.uniform(0.86, 0.99)))
            # Most are paid between the minimum and the mid-point; few above it (DOMAIN §2: 15-30 %).
            share = rng.betavariate(2, 4) * 1.3
            return Decimal(round(float(low) + float(mid - low) * share))
        low_pay, high_pay = UNGROUPED_PAY.get(position.code, (900, 1300))
        return Decimal(rng.randint(low_pay, high_pay))

    # -- work of one person ----------------------------------------------------------------------------

    def employed(self, person: _Person) -> tuple[dt.date, dt.date] | None:
        """The part of the employment inside the demo's range, or None."""
        first = max(person.start, self.data_start)
        last = min(person.end or self.today, self.today)
        return (first, last) if first <= last else None

    def caseloads(self, person: _Person, staff_id: int) -> list[dict[str, Any]]:
        shape = WORKLOAD.get(person.slot.position)
        span = self.employed(person)
        if not shape or span is None:
            return []
        rng, rows = self.rng, []
        fte = float(person.fte)
        crisis = person.slot.position in SOCIAL_WORKERS and rng.random() < 0.25
        for month in _month_starts(*span):
            # Caseloads creep up year by year; the last full year sits at the typical values.
            year_trend = 1 + 0.025 * (month.year - self.today.year + 1)
            summer = 0.88 if month.month in (7, 8) else 1.0
            winter = 1.1 if month.month in (1, 2, 3, 12) else 1.0  # heating benefits (SPA)
            values: dict[str, dict[str, int | None]] = {}
            for work_type, column, typical in shape:
                season = summer * (winter if work_type == "SPA" else 1.0)
                value = typical * fte * person.workload * year_trend * season * rng.gauss(1.0, 0.07)
                row = values.setdefault(work_type, {"cases": None, "applications": None, "persons": None})
                row[column] = max(0, round(value))
            if crisis and rng.random() < 0.35:
                values["KRIZE"] = {"cases": rng.randint(1, 3), "applications": None, "persons": None}
            for work_type, row in values.items():
                rows.append({"staff_id": staff_id, "month": month, "work_type_code": work_type, **row})
        return rows

    def duties(self, person: _Person, staff_id: int) -> list[dict[str, Any]]:
        span = self.employed(person)
        if span is None or not self.positions[person.slot.position].is_sds:
            return []
        rng = self.rng
        rows: list[dict[str, Any]] = []
        codes, weights = list(DUTY_WEIGHTS), list(DUTY_WEIGHTS.values())
        heavy = person.duties == "heavy"
        for month in _month_starts(*span):
            days = self.calendar.between(max(month, span[0]), min(_month_end(month), span[1]))
            if not days:
                continue
            # Light: a few hours a month (~3 %); heavy: ~20 hours (well above the 10 % of R6).
            count = (
                rng.randint(4, 8) if heavy else rng.choices((0, 1, 2, 3, 4), weights=(10, 20, 30, 25, 15))[0]
            )
            count = round(count * len(days) / 21)
            for _ in range(count):
                code = rng.choices(codes, weights=weights)[0]
                hours = Decimal(rng.randint(4, 10) if heavy else rng.randint(1, 6)) / 2
                # Part-timers spend proportionally less; keep quarter hours as a timesheet would.
                hours = max(Decimal("0.25"), (hours * person.fte * 4).to_integral_value() / 4)
                rows.append(
                    {
                        "staff_id": staff_id,
                        "date": rng.choice(days),
                        "category_code": code,
                        "hours": hours,
                        "description": rng.choice(DUTY_TEXTS[code]),
                    }
                )
        rows.sort(key=lambda r: r["date"])
        return rows

    def group_sessions(
        self,
    ) -> dict[tuple[str, int, int], tuple[list[tuple[dt.date, str]], str, bool, Decimal]]:
        """Per team and year: session dates with their form, the supervisor, certified, cost per person."""
        sessions = {}
        teams = sorted(
            {
                (p.slot.unit, p.slot.team)
                for p in self.people
                if self.positions[p.slot.position].supervision_norm
            }
        )
        for unit, team in teams:
            for year in range(self.first_year, self.today.year + 1):
                supervisor, certified = self._supervisor()
                cost = Decimal(self.rng.choice((18, 20, 22, 22, 24, 25, 28)))
                dates = []
                # Seven sessions a year, none in July, August or December: one missed session still
                # meets the 18 h, and a check during the year sees them keep pace with the prorated norm.
                months = (2, 3, 4, 5, 6, 9, 10, 11)
                for month in sorted(self.rng.sample(months, 7)):
                    first = dt.date(year, month, 1)
                    days = self.calendar.between(first, _month_end(first))
                    if days:
                        form = "remote" if self.rng.random() < 0.1 else "in_person"
                        dates.append((self.rng.choice(days), form))
                sessions[(unit, team, year)] = (dates, supervisor, certified, cost)
        return sessions

    def training(self, person: _Person, staff_id: int, groups: dict) -> list[dict[str, Any]]:  # type: ignore[type-arg]
        span = self.employed(person)
        if span is None:
            return []
        rng, rows = self.rng, []
        position = self.positions[person.slot.position]
        for year in range(span[0].year, span[1].year + 1):
            first = max(span[0], dt.date(year, 1, 1))
            last = min(span[1], dt.date(year, 12, 31))
            days = self.calendar.between(first, last)
            if not days:
                continue
            share = ((last - first).days + 1) / _days_in_year(year)
            rows += self._courses(person, staff_id, position, days=days, share=share, year=year)
            if position.supervision_norm:
                rows += self._supervision(person, staff_id, days=days, share=share, year=year, groups=groups)
            elif position.claim_eligible:
                # Heads and unit heads may take individual supervision too (claim-eligible, DOMAIN §6.3).
                if rng.random() < 0.4:
                    rows += self._individual(staff_id, days=days, sessions=rng.randint(2, 6), year=year)
        rows.sort(key=lambda r: r["date"])
        return rows

    def _courses(
        self,
        person: _Person,
        staff_id: int,
        position: m.Position,
        *,
        days: Sequence[dt.date],
        share: float,
        year: int,
    ) -> list[dict[str, Any]]:
        rng = self.rng
        norm = position.training_hours
        if norm:
            level = person.slot.training if person.slot.training and year >= self.today.year - 1 else None
            level = level or rng.choices(("low", "near", "high"), weights=(14, 72, 14))[0]
            factor = {
                "low": rng.uniform(0.25, 0.8),
                "near": rng.uniform(1.0, 1.3),
                "high": rng.uniform(1.5, 2.2),
            }[level]
            target = norm * 60 * share * factor
        else:
            # No norm (psychologists, clerks): an occasional course, which a claim then excludes.
            target = rng.choice((0, 0, 240, 480))
        rows, done = [], 0
        while done < target:
            unit, duration, minutes = rng.choice(TRAINING_SHAPES)
            done += minutes
            has_invoice = rng.random() < 0.6  # free courses (ministry, ESF) come without an invoice
            cost = Decimal(rng.randint(3, 30) * 5) if has_invoice else None
            rows.append(
                {
                    "staff_id": staff_id,
                    "date": rng.choice(days),
                    "kind": "training",
                    "form": "remote" if rng.random() < 0.3 else "in_person",
                    "minutes": minutes,
                    "duration": duration,
                    "duration_unit": unit,
                    "topic": rng.choice(TRAINING_TOPICS),
                    "provider": rng.choice(TRAINING_PROVIDERS),
                    "certified_supervisor": None,
                    "cost": cost,
                    "invoice": self._invoice("M", year) if has_invoice else None,
                }
            )
        return rows

    def _supervision(
        self,
        person: _Person,
        staff_id: int,
        *,
        days: Sequence[dt.date],
        share: float,
        year: int,
        groups: dict,
    ) -> list[dict[str, Any]]:  # type: ignore[type-arg]
        rng = self.rng
        style = rng.choices(("group", "individual", "both", "low"), weights=(52, 22, 16, 10))[0]
        if person.slot.training == "low" and year >= self.today.year - 1:
            style = "low"
        rows: list[dict[str, Any]] = []
        attend = {"group": 0.95, "both": 0.9, "low": 0.35, "individual": 0.0}[style]
        dates, supervisor, certified, cost = groups[(person.slot.unit, person.slot.team, year)]
        for day, form in dates:
            if days[0] <= day <= days[-1] and rng.random() < attend:
                has_invoice = rng.random() < 0.94
                academic = rng.random() < 0.3  # 4 academic hours of 45 minutes are the same 180 minutes
                rows.append(
                    {
                        "staff_id": staff_id,
                        "date": day,
                        "kind": "supervision_group",
                        "form": form,
                        "minutes": 180,
                        "duration": Decimal(4) if academic else Decimal(3),
                        "duration_unit": "academic_hours" if academic else "hours",
                        "topic": "Komandas supervīzija",
                        "provider": supervisor,
                        "certified_supervisor": certified,
                        "cost": cost if has_invoice else None,
                        "invoice": self._invoice("S", year) if has_invoice else None,
                    }
                )
        if style in ("individual", "both", "low"):
            sessions = {
                "individual": rng.randint(9, 11),
                "both": rng.randint(3, 6),
                "low": rng.randint(0, 4),
            }[style]
            rows += self._individual(staff_id, days=days, sessions=round(sessions * share), year=year)
        return rows

    def _individual(
        self, staff_id: int, *, days: Sequence[dt.date], sessions: int, year: int
    ) -> list[dict[str, Any]]:
        rng = self.rng
        supervisor, certified = self._supervisor()
        remote = rng.random() < 0.25
        rows = []
        for day in sorted(rng.sample(list(days), min(sessions, len(days)))):
            # Prices around the caps of SPEC §1.6 (30 EUR in person, 25 EUR remote per 60 min), some above.
            price = rng.choice((25, 28, 30, 30, 30, 35, 40)) if not remote else rng.choice((20, 25, 25, 30))
            has_invoice = rng.random() < 0.92
            in_minutes = rng.random() < 0.3
            rows.append(
                {
                    "staff_id": staff_id,
                    "date": day,
                    "kind": "supervision_individual",
                    "form": "remote" if remote else "in_person",
                    "minutes": 60,
                    "duration": Decimal(60) if in_minutes else Decimal(1),
                    "duration_unit": "minutes" if in_minutes else "hours",
                    "topic": "Individuālā supervīzija",
                    "provider": supervisor,
                    "certified_supervisor": certified,
                    "cost": Decimal(price) if has_invoice else None,
                    "invoice": self._invoice("S", year) if has_invoice else None,
                }
            )
        return rows

    def _supervisor(self) -> tuple[str, bool]:
        # Most supervisors are in the certified register; a few are not (SPEC §3 reason not_certified).
        weights = [4 if certified else 1 for _, certified in SUPERVISORS]
        return self.rng.choices(SUPERVISORS, weights=weights)[0]

    def _invoice(self, prefix: str, year: int) -> str:
        self.invoice_counter += 1
        return f"{prefix}-{year}/{self.invoice_counter:05d}"


# --- writing -------------------------------------------------------------------------------------------

_STAFF_TABLES = (m.ScenarioChange, m.Scenario, m.TrainingEvent, m.Duty, m.Caseload, m.StaffTerm, m.Staff, m.Vacancy,
                 m.Criterion)
_FLUSH_ROWS = 20_000


def _bulk(model: type[m.Base]) -> Any:
    """An ORM bulk insert that keeps NULLs in the statement.

    Without ``render_nulls`` the ORM groups rows by which columns are None and runs one statement per
    group, which for the demo's rows means tens of thousands of statements instead of a few executemany.
    """
    return insert(model).execution_options(render_nulls=True)


def existing_rows(session: Session) -> tuple[int, int]:
    """(staff, other staff-related rows): what a demo would overwrite."""
    staff = session.scalar(select(func.count()).select_from(m.Staff)) or 0
    other = sum(session.scalar(select(func.count()).select_from(t)) or 0 for t in (m.Vacancy, m.Criterion))
    return staff, other


def _clear(session: Session) -> None:
    """Delete the service's staff-related data and populations, children first (the demo rewrites them)."""
    for table in _STAFF_TABLES:
        session.execute(delete(table))
    # Populations of another municipality would sit next to the demo's; they go too.
    session.execute(delete(m.Population))
    session.execute(update(m.StructuralUnit).values(parent_id=None))  # the demo's units: children first
    session.execute(delete(m.StructuralUnit))


def generate_demo(
    database: Database,
    *,
    size: str = "small",
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    replace: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelPredicate | None = None,
) -> DemoSummary:
    """Fill ``database`` with a generated service of ``size`` ("small" or "riga"), deterministic for ``seed``.

    Raises :class:`DemoRefused` when the database already holds staff, vacancies or criteria and ``replace``
    is false, and :class:`DemoCancelled` when ``cancelled()`` becomes true; in both cases nothing is written.
    ``progress(done, total)`` is called from the calling thread as people are generated.
    """
    if size not in PROFILES:
        raise DemoError(tr("demo.unknown_size", size=size, sizes=", ".join(SIZES)))
    began = time.perf_counter()
    today = today or dt.date.today()
    profile = PROFILES[size]
    rng = random.Random(seed)

    def check_cancel() -> None:
        if cancelled is not None and cancelled():
            raise DemoCancelled()

    with database.write() as session:
        # The demo's invented data is written in bulk and is not in the change history (issue 17): it is no
        # one's change to audit or undo, and a year of a Rīga-size service would be a million history rows.
        session.info[history.OFF] = True
        staff_count, other = existing_rows(session)
        if staff_count or other:
            if not replace:
                raise DemoRefused(tr("demo.refused", staff=staff_count, other=other))
            _clear(session)
        gen = _Generator(profile=profile, rng=rng, today=today, session=session)
        gen.build_staff()
        check_cancel()

        head = next(p for p in gen.people if p.slot.position == "VAD" and p.end is None)
        service = session.scalars(select(m.Service).order_by(m.Service.id)).first()
        if service is None:
            session.add(
                m.Service(
                    name=profile.service,
                    municipality=profile.municipality,
                    head_name=f"{head.first_name} {head.last_name}",
                )
            )
        else:
            service.name, service.municipality = profile.service, profile.municipality
            service.head_name = f"{head.first_name} {head.last_name}"

        populations = _populations(profile, rng, first_year=gen.first_year, last_year=today.year)
        # A population typed with `swdesk init` for one of these years is replaced by the demo's.
        session.execute(delete(m.Population).where(m.Population.year >= gen.first_year))
        session.execute(insert(m.Population), populations)
        session.execute(
            insert(m.Criterion),
            [
                {
                    "position_code": p,
                    "work_type_code": w,
                    "unit_code": u,
                    "max_per_fte": Decimal(mx),
                    "weight": wt,
                }
                for p, w, u, mx, wt in CRITERIA
            ],
        )
        gen.vacancies.sort(key=lambda v: (v["announced"], v["position_code"]))
        session.execute(_bulk(m.Vacancy), gen.vacancies)
        _add_units(session, gen.people)
        session.execute(_bulk(m.Staff), [_staff_row(p) for p in gen.people])
        ids: dict[str, int] = {nr: id_ for nr, id_ in session.execute(select(m.Staff.tabeles_nr, m.Staff.id))}
        # each employment's first term (issue 17): the bulk insert bypasses the ORM that would add it
        session.execute(_bulk(m.StaffTerm), [
            {"staff_id": ids[row["tabeles_nr"]], "valid_from": row["start"],
             **{name: row[name] for name in m.TERM_FIELDS}}
            for row in map(_staff_row, gen.people)
        ])

        groups = gen.group_sessions()
        buffers: dict[type[m.Base], list[dict[str, Any]]] = {m.Caseload: [], m.Duty: [], m.TrainingEvent: []}
        counts = {model: 0 for model in buffers}
        total, step = len(gen.people), max(1, len(gen.people) // 200)

        def flush() -> None:
            for model, rows in buffers.items():
                if rows:
                    session.execute(_bulk(model), rows)
                    counts[model] += len(rows)
                    rows.clear()

        for done, person in enumerate(gen.people, start=1):
            staff_id = ids[person.tabeles_nr]
            buffers[m.Caseload] += gen.caseloads(person, staff_id)
            buffers[m.Duty] += gen.duties(person, staff_id)
            buffers[m.TrainingEvent] += gen.training(person, staff_id, groups)
            if sum(len(rows) for rows in buffers.values()) >= _FLUSH_ROWS:
                check_cancel()
                flush()
            if progress is not None and (done % step == 0 or done == total):
                progress(done, total)
            check_cancel()
        flush()
        check_cancel()

        active = [p for p in gen.people if p.start <= today and (p.end is None or p.end >= today)]
        sds_fte = sum((p.fte for p in active if gen.positions[p.slot.position].is_sds), Decimal(0))
        counts[m.TrainingEvent] += _plans(session, gen, ids, active, today=today,
                                          residents=populations[-1]["residents"], sds_fte=sds_fte)
        written = partial(  # the summary less its time, taken after the commit
            DemoSummary,
            service=profile.service,
            municipality=profile.municipality,
            size=size,
            seed=seed,
            first_year=gen.first_year,
            last_year=today.year,
            today=today,
            staff=len(gen.people),
            active_staff=len(active),
            sds_fte=sds_fte,
            population=populations[-1]["residents"],
            vacancies=len(gen.vacancies),
            criteria=len(CRITERIA),
            caseloads=counts[m.Caseload],
            duties=counts[m.Duty],
            training_events=counts[m.TrainingEvent],
        )
    # Timed after the commit, which is part of what the user waits for.
    return written(seconds=round(time.perf_counter() - began, 2))


def _plans(
    session: Session,
    gen: Any,
    ids: dict[str, int],
    active: Sequence[Any],
    *,
    today: dt.date,
    residents: int,
    sds_fte: Decimal,
) -> int:
    """Issue 13: three scenarios a head would ask about in autumn, and a few planned training events for
    the rest of the year (one of which goes past its person's compensable cap). Returns the events added."""
    import math

    from swdesk import planning
    from swdesk.rules import scenario as sc

    deadline = dt.date(max(2027, today.year + 1), 1, 1)
    short = max(1, math.ceil(residents / 1000 - float(sds_fte)))
    for spec in (
        sc.ScenarioSpec(f"Norma 1:1000 (+{short} soc. darbinieki)", deadline, (
            sc.Change(sc.ADD_POSITION, position_code="SD", count=short, fte=Decimal(1), salary=Decimal(1250)),)),
        sc.ScenarioSpec("Pārtikas pakas — atbalsta personālam", deadline, (
            sc.Change(sc.MOVE_DUTIES, category_code="NS_PARTIKA", share=Decimal(1)),
            sc.Change(sc.ADD_POSITION, position_code="ATB", count=1, fte=Decimal("0.5"), salary=Decimal(900)),
        )),
        sc.ScenarioSpec("Algas līdz skalas minimumam", deadline, (sc.Change(sc.RAISE_TO_MINIMUM),)),
    ):
        planning.save_scenario(session, spec)
    day = today + dt.timedelta(days=14)
    if day.year != today.year:
        return 0
    workers = [p for p in active if p.slot.position in ("SD", "SD_VEC", "SD_JAUN")][:3]
    for i, person in enumerate(workers):
        hours = 24 if i == 0 else 8  # a three-day course: more than the first one's cap has left
        session.add(m.TrainingEvent(
            staff_id=ids[person.tabeles_nr], date=day + dt.timedelta(days=i), kind="training", form="in_person",
            minutes=hours * 60, duration=Decimal(hours), duration_unit="hours", topic="Gadījuma vadīšana",
            provider="Sociālā darba mācību centrs", cost=Decimal(15 * hours), invoice=None, planned=True,
        ))
    session.flush()
    return len(workers)


def _populations(
    profile: _Profile, rng: random.Random, *, first_year: int, last_year: int
) -> list[dict[str, int]]:
    """Residents at the start of each year: the 2021 figure (DOMAIN §1.1) moved by the local trend."""
    base = next(
        row["population_2021"] for row in shipped()["municipalities"] if row["name"] == profile.municipality
    )
    return [
        {
            "year": year,
            "residents": round(
                base * (1 + profile.yearly_change) ** (year - 2021) * rng.uniform(0.998, 1.002)
            ),
        }
        for year in range(first_year, last_year + 1)
    ]


# Rīga's territorial centres stand under one parent unit (issue 14): choosing it shows all of them together.
TERRITORIAL_PARENT = "Teritoriālie centri"
UNIT_HEADS = ("NOD_VAD", "VAD", "VAD_V", "SD_VEC", "SD")  # who heads a unit: its department head, else the first


def _add_units(session: Session, people: list[_Person]) -> None:
    """The structural units of the demo (issue 14): every unit its people are in, each with a head — the
    unit's department head in post (else the service's head or deputy, else a social worker of it) — and Rīga's territorial centres
    under :data:`TERRITORIAL_PARENT`."""
    names = sorted({p.slot.unit for p in people if p.slot.unit})
    heads: dict[str, str] = {}
    for position in UNIT_HEADS:
        for person in people:
            if person.slot.position == position and person.end is None and person.slot.unit not in heads:
                heads[person.slot.unit] = f"{person.first_name} {person.last_name}"
    for person in people:  # a unit of carers or psychologists only: its first person in post
        if person.end is None and person.slot.unit not in heads:
            heads[person.slot.unit] = f"{person.first_name} {person.last_name}"
    territorial = [n for n in names if n in RIGA_UNITS]
    parent_id = None
    if territorial:
        session.execute(insert(m.StructuralUnit).values(name=TERRITORIAL_PARENT,
                                                        head_name=heads.get("Administrācija")))
        parent_id = session.scalar(select(m.StructuralUnit.id).where(m.StructuralUnit.name == TERRITORIAL_PARENT))
    session.execute(insert(m.StructuralUnit), [
        {"name": name, "head_name": heads.get(name), "parent_id": parent_id if name in RIGA_UNITS else None}
        for name in names
    ])


def _staff_row(person: _Person) -> dict[str, Any]:
    return {
        "tabeles_nr": person.tabeles_nr,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "personal_code": person.personal_code,
        "position_code": person.slot.position,
        "fte": person.fte,
        "start": person.start,
        "end": person.end,
        "education_code": person.education,
        "salary": person.salary,
        "unit_name": person.slot.unit,
        "specialization": person.specialization,
    }
