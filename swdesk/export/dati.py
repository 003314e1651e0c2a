"""The machine-readable sheet ``Dati`` of the survey and claim workbooks (issue 12 item 1).

A person reads the visible sheets; the Ministry of Welfare (LM) reads ``Dati`` — with swdesk (``swdesk lm``)
or with its own tools (pandas, Excel, R) and no swdesk at all. This module is the one place of its format:
the columns, the canonical serialisation and the checksum. ``swdesk.lm.workbook`` reads it back.

The sheet is one tidy table: one header row (machine names, the JSON keys of SPEC §6 where there is one),
one value per cell, numbers as numbers (never a number as text), dates as ISO text ``YYYY-MM-DD`` (a text,
not an Excel date: it reads the same in every program and every locale), codes rather than names. Every row
carries the identity of the document in its first columns (format, format version, program version,
municipality, service, date or period), so that the ``Dati`` sheets of 43 workbooks stacked one under
another (``pandas.concat``) still say where each row came from.

* survey (``format`` = ``swdesk.aptauja``): a row per position × measure and per service figure (long form):
  ``section`` (``positions``, ``service``, ``previous_year``), ``position`` (a position code, empty for the
  service), ``measure`` (a JSON key of SPEC §6, or ``education_E1``…``E6``, ``population_year``,
  ``year``, ``top_nonsw_category_1``…``3``), ``value`` (a number) or ``text`` (a code). Every position of
  the catalogue has its rows, also with nobody in it. Like the survey, no name, personal code or employee
  number.
* claim (``format`` = ``swdesk.pieprasijums``): a row per claim row, with every field of the claim's JSON
  (``staff`` … ``excluded``) and what a verifier needs to recompute it (``position``, ``form``,
  ``invoice``, ``certified_supervisor`` 1/0, the person's yearly cap ``cap_minutes`` and what the events of
  the same year before the period used of it ``cap_used_before``, the supervision cost cap). A claim with no
  events has one row whose row fields are empty.

``checksum`` (the last column, the same in every row) is the SHA-256 of the canonical serialisation of the
table without that column: each row, the header first, as a JSON array of its cells in column order, where
an empty cell is ``null``, a text is itself and a number is its shortest decimal text (``5``, ``1234.5``,
``0.125``: no exponent, no trailing zeros, ``-0`` is ``0``); the rows' arrays (``json.dumps`` with
``ensure_ascii=False`` and ``separators=(",", ":")``) joined by ``\\n``, encoded as UTF-8. A changed cell, a
row added, removed or moved all change it. It is a seal against edits by mistake, not a signature: whoever
edits on purpose can compute it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook

from swdesk.export import xlsx

SHEET = "Dati"
FORMAT_VERSION = 1
SURVEY_FORMAT = "swdesk.aptauja"
CLAIM_FORMAT = "swdesk.pieprasijums"

# the columns every row starts with: which document the row belongs to
IDENTITY_COLUMNS = ("format", "format_version", "program_version", "municipality", "atvk", "service")
SURVEY_COLUMNS = (
    *IDENTITY_COLUMNS,
    "date",
    "prepared",
    "section",
    "position",
    "measure",
    "value",
    "text",
    "checksum",
)
CLAIM_COLUMNS = (
    *IDENTITY_COLUMNS,
    "registration_number",
    "period",
    "period_from",
    "period_to",
    "prepared",
    "rate",
    "row",
    "staff",
    "position",
    "date",
    "kind",
    "form",
    "minutes",
    "compensable_minutes",
    "cost",
    "eligible_cost",
    "compensation",
    "excluded",
    "invoice",
    "certified_supervisor",
    "cap_minutes",
    "cap_used_before",
    "cost_cap_eur",
    "cost_cap_minutes",
    "checksum",
)
CHECKSUM_COLUMN = "checksum"

# the survey's measures per position, in the order of SPEC §6, then the staff by education level
POSITION_MEASURES = (
    "headcount",
    "fte",
    "vacancies",
    "vacancy_fte",
    "salary_min",
    "salary_mean",
    "salary_max",
    "below_scale",
    "education_noncompliant",
)
EDUCATION_LEVELS = ("E1", "E2", "E3", "E4", "E5", "E6")
SERVICE_MEASURES = (
    "population",
    "population_year",
    "sds_headcount",
    "sds_fte",
    "residents_per_sds",
    "effective_residents_per_sds",
    "hires",
    "leavers",
    "vacancies_long_open",
)
PREVIOUS_YEAR_MEASURES = (
    "year",
    "training_met_share",
    "supervision_met_share",
    "median_cases_social_workers",
    "median_cases_spo",
    "nonsw_hours",
    "nonsw_share",
)
TOP_CATEGORIES = 3

Cell = str | int | float | Decimal | None


def program_version() -> str:
    from swdesk import __version__

    return __version__


@dataclass(frozen=True)
class DataTable:
    """The ``Dati`` sheet before it is written: its columns (with ``checksum`` last) and rows without it."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    @property
    def checksum(self) -> str:
        return checksum(self.columns[:-1], self.rows)


def canonical_cell(value: Any) -> str | None:
    """A cell as the checksum sees it: None, the text itself, or a number's shortest decimal text.

    A number reads back from a workbook as an int or a float whatever Decimal was written (``5.000`` comes
    back as ``5.0``), so the form must not depend on it: 5, 5.0 and Decimal("5.000") are all ``"5"``.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float | Decimal):
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        text = format(exact.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def checksum(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """SHA-256 (hex) of the canonical serialisation of a table (module docstring)."""
    digest = hashlib.sha256()
    lines = [list(columns), *([canonical_cell(v) for v in row] for row in rows)]
    for index, line in enumerate(lines):
        if index:
            digest.update(b"\n")
        digest.update(json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return digest.hexdigest()


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


# --- the survey ---------------------------------------------------------------------------------------------


def survey_table(
    survey: Any,
    *,
    municipality: str | None,
    atvk: str | None,
    service_name: str | None,
    prepared: dt.date,
) -> DataTable:
    """The survey's data rows (``survey`` a :class:`swdesk.rules.survey.Survey`)."""
    identity = (
        SURVEY_FORMAT,
        FORMAT_VERSION,
        program_version(),
        municipality,
        atvk,
        service_name,
        survey.date.isoformat(),
        prepared.isoformat(),
    )
    rows: list[tuple[Cell, ...]] = []

    def add(
        section: str, position: str | None, measure: str, value: Cell = None, text: str | None = None
    ) -> None:
        rows.append((*identity, section, position, measure, value, text))

    for code, figures in (survey.position_rows or survey.positions).items():
        for measure in POSITION_MEASURES:
            add("positions", code, measure, getattr(figures, measure))
        for level in EDUCATION_LEVELS:
            add("positions", code, f"education_{level}", figures.education.get(level, 0))
    s = survey.service
    for measure in SERVICE_MEASURES:
        add("service", None, measure, getattr(s, measure))
    p = survey.previous_year
    for measure in PREVIOUS_YEAR_MEASURES:
        add("previous_year", None, measure, getattr(p, measure))
    for n in range(1, TOP_CATEGORIES + 1):
        code = p.top_nonsw_categories[n - 1] if n <= len(p.top_nonsw_categories) else None
        add("previous_year", None, f"top_nonsw_category_{n}", None, code)
    return DataTable(SURVEY_COLUMNS, tuple(rows))


# --- the claim ----------------------------------------------------------------------------------------------


def claim_table(claim: Any, *, prepared: dt.date) -> DataTable:
    """The claim's data rows (``claim`` a :class:`swdesk.rules.claim.Claim`)."""
    from swdesk.rules.claim import cost_cap

    service = claim.service
    identity = (
        CLAIM_FORMAT,
        FORMAT_VERSION,
        program_version(),
        service.municipality if service else claim.municipality,
        service.atvk if service else None,
        service.name if service else claim.service_name,
        (service.details.registration_number if service else None) or None,
        claim.period.label,
        claim.period.start.isoformat(),
        claim.period.end.isoformat(),
        prepared.isoformat(),
        claim.rate,
    )
    caps = {(u.tabeles_nr, u.kind): u for u in claim.cap_usage}
    rows: list[tuple[Cell, ...]] = []
    for number, r in enumerate(claim.rows, start=1):
        usage = caps.get((r.tabeles_nr, r.kind))
        cap = cost_cap(r, claim.settings) if r.kind.startswith("supervision") else None
        rows.append(
            (
                *identity,
                number,
                r.tabeles_nr,
                r.position_code,
                r.date.isoformat(),
                r.kind,
                r.form,
                r.minutes,
                r.compensable_minutes,
                r.cost,
                r.eligible_cost,
                r.compensation,
                r.excluded,
                r.invoice,
                None if r.certified_supervisor is None else int(r.certified_supervisor),
                usage.cap_minutes if usage else None,
                usage.used_before if usage else None,
                cap.eur if cap else None,
                cap.minutes if cap else None,
            )
        )
    if not rows:
        rows.append((*identity, *([None] * (len(CLAIM_COLUMNS) - len(identity) - 1))))
    return DataTable(CLAIM_COLUMNS, tuple(rows))


# --- writing ------------------------------------------------------------------------------------------------

_TEXT_COLUMNS = frozenset(
    {
        "format",
        "program_version",
        "municipality",
        "atvk",
        "service",
        "date",
        "prepared",
        "section",
        "position",
        "measure",
        "text",
        "checksum",
        "registration_number",
        "period",
        "period_from",
        "period_to",
        "staff",
        "kind",
        "form",
        "excluded",
        "invoice",
    }
)


def write_data_sheet(workbook: Workbook, table: DataTable) -> None:
    """Add the ``Dati`` sheet as the workbook's last sheet (an ordinary or a write-only workbook alike).

    Numbers are written as they are (a Decimal with its places), in the General format: the sheet is for
    reading by programs, and a shown rounding would hide what the JSON holds.
    """
    columns = [xlsx.Column(name, "text" if name in _TEXT_COLUMNS else "number") for name in table.columns]
    sheet = xlsx.StreamedSheet(workbook, SHEET)
    sheet.header(columns)
    # the texts as the cells will hold them (safe_text drops what XML cannot hold), so that the seal is
    # that of what a reader finds
    rows = [tuple(xlsx.safe_text(v) if isinstance(v, str) else v for v in row) for row in table.rows]
    seal = checksum(table.columns[:-1], rows)
    for row in rows:
        sheet.row(columns, [*row, seal])
    sheet.write(columns=columns, max_width=30)
    xlsx.freeze_below(sheet.ws, 1)
