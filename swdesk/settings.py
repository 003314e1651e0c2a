"""Settings of SPEC §1.6: typed values that apply from a date.

A value stored with ``valid_from`` applies on that date and after, until a later value; so when a
regulation changes, the head stores the new value with its date and past years keep being checked with
the old one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.db import models as m
from swdesk.i18n import define, tr

define(
    {
        "settings.unknown": (
            "Nezināms iestatījums «{key}». Zināmie: {known}.",
            "Unknown setting '{key}'. Known settings: {known}.",
        ),
        "settings.bad_value": (
            "Iestatījumam «{key}» vērtība «{value}» nav derīga: {expected}.",
            "The value '{value}' is not valid for '{key}': {expected}.",
        ),
        "settings.expect.positive": ("jābūt pozitīvam skaitlim", "must be a positive number"),
        "settings.expect.whole": ("jābūt veselam skaitlim, kas nav negatīvs", "must be a whole number, not negative"),
        "settings.expect.fraction": ("jābūt daļai no 0 līdz 1, piem. 0,10", "must be a fraction 0-1, e.g. 0.10"),
        "settings.expect.choice": ("jābūt vienam no: {choices}", "must be one of: {choices}"),
        "settings.expect.cap": (
            "jābūt formā «EUR / minūtes», piem. «30 / 60»",
            "must be of the form 'EUR / minutes', e.g. '30 / 60'",
        ),
    }
)


class SettingError(ValueError):
    """A setting key or value the program cannot accept; the message is for the user."""


@dataclass(frozen=True)
class CostCap:
    """Cost cap for supervision: ``eur`` per ``minutes`` (SPEC §1.6 claim.cap.*)."""

    eur: Decimal
    minutes: int


def _decimal(text: str) -> Decimal:
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError from exc
    if not value.is_finite():
        raise ValueError
    return value


def _positive(text: str) -> Decimal:
    value = _decimal(text)
    if value <= 0:
        raise ValueError
    return value


def _whole(text: str) -> int:
    value = _decimal(text)
    if value < 0 or value != value.to_integral_value():
        raise ValueError
    return int(value)


def _fraction(text: str) -> Decimal:
    value = _decimal(text)
    if not 0 <= value <= 1:
        raise ValueError
    return value


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = text.strip().lower()
        if value not in choices:
            raise ValueError
        return value

    parse.choices = choices  # type: ignore[attr-defined]
    return parse


def _cap(text: str) -> CostCap:
    eur, sep, minutes = text.partition("/")
    if not sep:
        raise ValueError
    cap = CostCap(eur=_decimal(eur), minutes=_whole(minutes))
    if cap.eur < 0 or cap.minutes <= 0:
        raise ValueError
    return cap


PARSERS: dict[str, tuple[Callable[[str], Any], str]] = {
    "ratio.limit": (_positive, "positive"),
    "ratio.basis": (_choice("fte", "headcount"), "choice"),
    "duties.threshold": (_fraction, "fraction"),
    "vacancy.days": (_whole, "whole"),
    # how long personal data is kept (issue 15, swdesk.personal_data): years after the end of employment
    # before former staff are offered for anonymisation, and years after a training event's year that the
    # records behind a compensation claim are kept
    "retention.former_staff_years": (_whole, "whole"),
    "retention.claim_years": (_whole, "whole"),
    "supervision.rule": (_choice("any", "all"), "choice"),
    "supervision.individual_hours": (_positive, "positive"),
    "supervision.group_hours": (_positive, "positive"),
    "hours.academic_minutes": (_whole, "whole"),
    "caseload.capacity_points": (_positive, "positive"),
    "claim.rate": (_fraction, "fraction"),
    "claim.cap.individual_in_person": (_cap, "cap"),
    "claim.cap.individual_remote": (_cap, "cap"),
    "claim.cap.group": (_cap, "cap"),
    "cost.social_insurance": (_fraction, "fraction"),
}
KEYS = tuple(PARSERS)


def parse_value(key: str, value: str) -> Any:
    """The typed value of ``value`` for ``key``, or :class:`SettingError` saying what is expected."""
    if key not in PARSERS:
        raise SettingError(tr("settings.unknown", key=key, known=", ".join(KEYS)))
    parser, expect = PARSERS[key]
    try:
        parsed = parser(value)
    except ValueError:
        choices = ", ".join(getattr(parser, "choices", ()))
        raise SettingError(
            tr("settings.bad_value", key=key, value=value, expected=tr(f"settings.expect.{expect}", choices=choices))
        ) from None
    if key == "hours.academic_minutes" and parsed == 0:
        raise SettingError(
            tr("settings.bad_value", key=key, value=value, expected=tr("settings.expect.positive"))
        )
    return parsed


def raw_value(session: Session, key: str, on: dt.date) -> str:
    """The stored text of ``key`` in force on ``on`` (the shipped default if none was stored before)."""
    if key not in PARSERS:
        raise SettingError(tr("settings.unknown", key=key, known=", ".join(KEYS)))
    stmt = (
        select(m.Setting.value)
        .where(m.Setting.key == key, m.Setting.valid_from <= on)
        .order_by(m.Setting.valid_from.desc())
        .limit(1)
    )
    value = session.scalar(stmt)
    if value is None:
        from swdesk.db.catalogues import shipped

        value = next(row["value"] for row in shipped()["settings"] if row["key"] == key)
    return value


def get(session: Session, key: str, on: dt.date) -> Any:
    return parse_value(key, raw_value(session, key, on))


def raw_value_for_display(value: str) -> str:
    """The spelling a value is stored and shown with: trimmed, decimal point."""
    return value.strip().replace(",", ".")


def set_value(session: Session, key: str, value: str, valid_from: dt.date) -> Any:
    """Store ``value`` for ``key`` from ``valid_from`` on (replacing a value stored for that same date)."""
    from swdesk import records  # the one door (issue 17): checked there, and in the change history

    parsed = parse_value(key, value)
    text = raw_value_for_display(value)  # one spelling in the database, whatever the keyboard
    if records.get(session, "setting", (key, valid_from)) is None:
        records.add(session, "setting", {"key": key, "valid_from": valid_from, "value": text})
    else:
        records.change(session, "setting", (key, valid_from), {"value": text})
    return parsed


def history(session: Session, key: str) -> list[tuple[dt.date, str]]:
    stmt = select(m.Setting.valid_from, m.Setting.value).where(m.Setting.key == key).order_by(m.Setting.valid_from)
    return [(row.valid_from, row.value) for row in session.execute(stmt)]


@dataclass(frozen=True)
class Settings:
    """All settings in force on one date, typed: what the rules take as input."""

    ratio_limit: Decimal
    ratio_basis: str
    duties_threshold: Decimal
    vacancy_days: int
    supervision_rule: str
    supervision_individual_hours: Decimal
    supervision_group_hours: Decimal
    academic_minutes: int
    capacity_points: Decimal
    claim_rate: Decimal
    cap_individual_in_person: CostCap
    cap_individual_remote: CostCap
    cap_group: CostCap
    # the employer's state social insurance contribution on salaries (planning's personnel cost, issue 13)
    social_insurance: Decimal

    @classmethod
    def defaults(cls) -> Settings:
        from swdesk.db.catalogues import shipped

        return cls.from_raw({row["key"]: row["value"] for row in shipped()["settings"]})

    @classmethod
    def load(cls, session: Session, on: dt.date) -> Settings:
        return cls.from_raw({key: raw_value(session, key, on) for key in KEYS})

    @classmethod
    def from_raw(cls, raw: dict[str, str]) -> Settings:
        v = {key: parse_value(key, raw[key]) for key in KEYS}
        return cls(
            ratio_limit=v["ratio.limit"],
            ratio_basis=v["ratio.basis"],
            duties_threshold=v["duties.threshold"],
            vacancy_days=v["vacancy.days"],
            supervision_rule=v["supervision.rule"],
            supervision_individual_hours=v["supervision.individual_hours"],
            supervision_group_hours=v["supervision.group_hours"],
            academic_minutes=v["hours.academic_minutes"],
            capacity_points=v["caseload.capacity_points"],
            claim_rate=v["claim.rate"],
            cap_individual_in_person=v["claim.cap.individual_in_person"],
            cap_individual_remote=v["claim.cap.individual_remote"],
            cap_group=v["claim.cap.group"],
            social_insurance=v["cost.social_insurance"],
        )
