"""The shipped catalogues (SPEC §1) and the 43 municipalities, loaded into a new database.

The defaults live in ``swdesk/data/catalogues.json``. They are inserted only where a row is missing, so a
head's edits to a catalogue are never overwritten by a new program version.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache
from importlib.resources import files
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk.db import models as m

# Settings of SPEC §1.6 apply from this date unless the head stores a later value.
SETTINGS_EPOCH = dt.date(2000, 1, 1)


@cache
def shipped() -> dict[str, Any]:
    return json.loads(files("swdesk").joinpath("data/catalogues.json").read_text(encoding="utf-8"))


def municipalities() -> list[str]:
    return [row["name"] for row in shipped()["municipalities"]]


def missing_rows(session: Session) -> list[m.Base]:
    """The shipped catalogue rows the database lacks (read only: opening a database takes no write lock
    unless something is missing)."""
    cat = shipped()
    rows: list[m.Base] = []

    # one query per catalogue for the keys it holds, not one per shipped row: every start opens the database
    # and asked 50 times before the dashboard could load
    positions = set(session.scalars(select(m.Position.code)))
    scale = {(group, year) for group, year in session.execute(select(m.SalaryScale.group, m.SalaryScale.year))}
    for p in cat["positions"]:
        if p["code"] not in positions:
            rows.append(
                m.Position(
                    code=p["code"],
                    name=p["name"],
                    salary_group=p["salary_group"],
                    is_sds=p["is_sds"],
                    training_hours=p["training_hours"],
                    supervision_norm=p["supervision_norm"],
                    claim_eligible=p["claim_eligible"],
                    education_allowed=" ".join(p["education_allowed"]),
                )
            )
    for row in cat["salary_scale"]:
        if (row["group"], row["year"]) not in scale:
            rows.append(
                m.SalaryScale(
                    group=row["group"],
                    year=row["year"],
                    min=Decimal(row["min"]),
                    mid=Decimal(row["mid"]),
                    max=Decimal(row["max"]),
                )
            )
    for model, entries in (
        (m.Education, cat["education"]),
        (m.WorkType, cat["work_types"]),
        (m.Unit, cat["units"]),
        (m.DutyCategory, cat["duty_categories"]),
    ):
        codes = set(session.scalars(select(model.code)))
        for row in entries:
            if row["code"] not in codes:
                rows.append(model(code=row["code"], name=row["name"]))
    known = set(session.scalars(select(m.Setting.key)))
    for row in cat["settings"]:
        if row["key"] not in known:
            rows.append(m.Setting(key=row["key"], valid_from=SETTINGS_EPOCH, value=row["value"]))
    return rows


def ensure_catalogues(session: Session) -> None:
    """Add the shipped rows the database lacks (in the caller's write transaction)."""
    session.add_all(missing_rows(session))
    session.flush()
