"""The records layer reads a catalogue once per transaction (issue 14 point 4), yet a record's check still sees
every catalogue entry as the database holds it at that moment: one added earlier in the same transaction
(flushed or not), and not one a rolled-back savepoint took back.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from swdesk import records
from swdesk.db import models as m
from swdesk.db.database import Database
from tests.test_import_support import (
    db,  # noqa: F401 - the fast `db` fixture
    migrated_database_file,  # noqa: F401
)

ANNA = {
    "tabeles_nr": "1001",
    "first_name": "Anna",
    "last_name": "Bērziņa",
    "position_code": "SD",
    "fte": Decimal(1),
    "start": dt.date(2024, 1, 1),
    "education_code": "E1",
    "salary": Decimal(1400),
}


def _caseload(staff_id: int, work_type: str, month: int) -> dict[str, object]:
    return {"staff_id": staff_id, "month": dt.date(2025, month, 1), "work_type_code": work_type, "cases": 3}


def _refusal(session, values) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(records.RecordError) as refused:
        records.add(session, "caseload", values)
    (problem,) = refused.value.problems
    assert problem.field == "work_type_code"
    return problem.message


def test_a_work_type_added_in_the_same_transaction_is_known_to_the_next_record(db: Database) -> None:  # noqa: F811
    with db.write() as s:
        anna = records.add(s, "staff", ANNA)
        records.add(s, "caseload", _caseload(anna.id, "GAD", 1))  # the catalogue is read (and kept) here
        assert _refusal(s, _caseload(anna.id, "JAUNS", 2)).startswith("«JAUNS» nav")
        s.add(m.WorkType(code="JAUNS", name="Jauns darba veids"))  # not flushed yet
        assert records.add(s, "caseload", _caseload(anna.id, "JAUNS", 2)).work_type_code == "JAUNS"
        s.add(m.WorkType(code="VEL", name="Vēl viens darba veids"))
        s.flush()
        assert records.add(s, "caseload", _caseload(anna.id, "Vēl viens darba veids", 3)).work_type_code == "VEL"


def test_a_work_type_taken_back_with_its_savepoint_is_unknown_again(db: Database) -> None:  # noqa: F811
    with db.write() as s:
        anna = records.add(s, "staff", ANNA)
        before = _refusal(s, _caseload(anna.id, "ATPAKAL", 1))
        savepoint = s.begin_nested()
        s.add(m.WorkType(code="ATPAKAL", name="Atpakaļ ņemts"))
        records.add(s, "caseload", _caseload(anna.id, "ATPAKAL", 1))
        savepoint.rollback()
        assert _refusal(s, _caseload(anna.id, "ATPAKAL", 1)) == before  # the same words as before it existed
    with db.write() as s:  # a new transaction reads the catalogue afresh
        s.add(m.WorkType(code="ATPAKAL", name="Atpakaļ ņemts"))
    with db.write() as s:
        assert records.add(s, "caseload", _caseload(anna.id, "ATPAKAL", 1)).work_type_code == "ATPAKAL"
