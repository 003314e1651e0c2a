"""Findings of the norm checks (SPEC §2) and how they are written for people and for JSON (SPEC §6)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)

# Rule ids in the order of the SPEC §2 table (R1 … R12); findings are listed in this order.
STAFFING_RATIO = "staffing.ratio"
STAFFING_EFFECTIVE_RATIO = "staffing.effective_ratio"
CASELOAD_OVER_CRITERION = "caseload.over_criterion"
CASELOAD_WEIGHTED = "caseload.weighted_over_capacity"
CASELOAD_NO_CRITERION = "caseload.no_criterion"
DUTIES_SHARE = "duties.share"
TRAINING_HOURS = "training.hours"
SUPERVISION_HOURS = "supervision.hours"
EDUCATION_COMPLIANCE = "education.compliance"
SALARY_BELOW_SCALE = "salary.below_scale"
VACANCY_LONG_OPEN = "vacancy.long_open"
POPULATION_STALE = "population.stale"
RULE_IDS = (
    STAFFING_RATIO,
    STAFFING_EFFECTIVE_RATIO,
    CASELOAD_OVER_CRITERION,
    CASELOAD_WEIGHTED,
    CASELOAD_NO_CRITERION,
    DUTIES_SHARE,
    TRAINING_HOURS,
    SUPERVISION_HOURS,
    EDUCATION_COMPLIANCE,
    SALARY_BELOW_SCALE,
    VACANCY_LONG_OPEN,
    POPULATION_STALE,
)
RULE_LABELS = {rule: f"R{i}" for i, rule in enumerate(RULE_IDS, start=1)}

Number = Decimal | int


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of a norm check.

    ``subject`` is ``service``, ``staff:<tabeles nr.>``, ``staff:<nr>:<work type>`` (R3),
    ``vacancy:<position code>:<announced ISO>`` or ``worktype:<code>``. ``value`` and ``limit`` are already
    rounded as SPEC §2 says, or None where the table says none.
    """

    rule: str
    severity: str
    subject: str
    value: Number | None
    limit: Number | None
    message: str

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "subject": self.subject,
            "value": json_number(self.value),
            "limit": json_number(self.limit),
            "message": self.message,
        }


@dataclass(frozen=True)
class CheckResult:
    """All findings of the checks for year ``year`` as of ``as_of``, period [period_start, period_end]."""

    year: int
    as_of: dt.date
    period_start: dt.date
    period_end: dt.date
    findings: tuple[Finding, ...]

    def by_severity(self) -> dict[str, list[Finding]]:
        groups: dict[str, list[Finding]] = {s: [] for s in SEVERITIES}
        for finding in self.findings:
            groups[finding.severity].append(finding)
        return groups

    def for_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]

    def to_json(self) -> dict[str, Any]:
        """SPEC §6: ``{"year", "as_of", "findings": [...]}``, dates ISO, numbers as numbers."""
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "findings": [f.to_json() for f in self.findings],
        }


# --- numbers and words --------------------------------------------------------------------------------


def json_number(value: Number | float | None) -> int | float | None:
    """A Decimal as a JSON number: whole numbers without a fraction stay integers, others become floats.

    A quantized value like ``Decimal("1000.0")`` stays ``1000.0`` so that JSON shows the rounding.
    """
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value
    if value == value.to_integral_value() and value.as_tuple().exponent >= 0:  # type: ignore[operator]
        return int(value)
    return float(value)


def join_list(items: Iterable[str]) -> str:
    return ", ".join(items)
