"""Two imports of the same rows at once (two PCs on one PostgreSQL database): the second one validated
before the first committed, so the database refuses its keys. The workbook is fine: the import validates
again against what is there now, instead of telling the head to fix a workbook that has no error."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from swdesk.db import models as m
from swdesk.importer import importer
from swdesk.importer.importer import import_workbook
from tests.test_import_support import valid_sheets, write_xlsx


def test_a_refused_key_is_tried_again_not_blamed_on_the_workbook(db, tmp_path: Path, monkeypatch) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())
    real_apply = importer._apply
    calls = []

    def apply_after_a_rival(session, parsed, result):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:  # the first attempt meets the rival's committed row
            raise IntegrityError("INSERT INTO staff …", {}, Exception("duplicate key value (tabeles_nr)=(1)"))
        return real_apply(session, parsed, result)

    monkeypatch.setattr(importer, "_apply", apply_after_a_rival)
    result = import_workbook(db, path)
    assert result.ok and result.written and len(calls) == 2
    assert not result.problems


def test_a_conflict_that_does_not_go_away_is_a_sentence(db, tmp_path: Path, monkeypatch) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())

    def always_refused(session, parsed, result):  # type: ignore[no-untyped-def]
        raise IntegrityError("INSERT INTO staff (…) VALUES (…)", {"salary": 1234}, Exception("duplicate key"))

    monkeypatch.setattr(importer, "_apply", always_refused)
    result = import_workbook(db, path)
    assert not result.written
    [problem] = result.problems
    assert "Darbgrāmatā kļūdas nav" in problem.message and "1234" not in problem.message
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Staff)) == 0


@pytest.mark.postgres
def test_two_imports_at_once_on_postgresql(tmp_path: Path) -> None:
    from tests.conftest import PG_URL, _reset_postgres

    if not PG_URL:
        pytest.skip("SWDESK_TEST_PG_URL is not set: no PostgreSQL server for this run")
    from swdesk.db.database import open_database

    _reset_postgres(PG_URL)
    path = write_xlsx(tmp_path / "a.xlsx", valid_sheets())
    databases = [open_database(PG_URL, auto_backup=False) for _ in range(2)]
    results: list[object] = [None, None]
    start = threading.Barrier(2)

    def run(n: int) -> None:
        start.wait()
        results[n] = import_workbook(databases[n], path)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for result in results:
        assert result.ok and not result.problems, result.problems  # type: ignore[union-attr]
    with databases[0].read() as s:
        assert s.scalar(select(func.count()).select_from(m.Staff)) == len(valid_sheets()["Darbinieki"]) - 1
    for database in databases:
        database.close()
