"""The change history and undoing an import (issue 17 points 2 and 3).

Every door's writes are in the history with who and through what; ``swdesk history`` finds them; an undo
puts the database back exactly as it was before that import (compared table by table, the history tables
aside), and refuses, naming them, when a later change touched the same records.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from swdesk import records
from swdesk.cli import main
from swdesk.db import history as h
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.importer.importer import import_workbook
from swdesk.records import history as rh
from swdesk.records import imports
from tests.test_import_support import (
    HEADERS,
    LOG_TABLES,
    db,  # noqa: F401 - the fast `db` fixture
    dump,
    migrated_database_file,  # noqa: F401
    valid_sheets,
    write_xlsx,
)


@pytest.fixture
def database(db: Database) -> Database:  # noqa: F811 - the import tests' fast `db`
    return db


def data(database: Database) -> dict[str, list[Any]]:
    """Every table but the logs of what happened (import log, change sets, changes)."""
    return {name: rows for name, rows in dump(database).items() if name not in LOG_TABLES}


def _second_workbook(tmp_path: Path) -> Path:
    """Changes what the first one added (a salary, a population, a caseload) and adds new rows."""
    sheets = valid_sheets()
    sheets["Darbinieki"][1][9] = 1600  # Anna's salary 1450,50 → 1600
    sheets["Iedzīvotāji"][2][1] = 14_700  # 2025: 14 850 → 14 700
    sheets["Lietas"][1][3] = 22  # Anna's GAD in January: 20 → 22
    sheets["Lietas"].append(["1001", "2025-03", "GAD", 18, None, None])
    sheets["Darbinieki"].append(["1004", "Pēteris", "Kļaviņš", None, "SD", 1, "01.02.2025", None, "E1", 1500, None, None])
    return write_xlsx(tmp_path / "otrs.xlsx", sheets)


def test_every_door_is_recorded_with_who_and_through_what(database: Database, db_path: Path, tmp_path: Path) -> None:
    book = write_xlsx(tmp_path / "dati.xlsx", valid_sheets())
    assert import_workbook(database, book).written
    with database.write() as s, records.source(s, "forma:Darbinieki"):
        anna = s.scalars(select(m.Staff).where(m.Staff.tabeles_nr == "1001")).one()
        records.change(s, "staff", anna.id, {"fte": Decimal("0.75")})
    database.close()
    assert main(["--db", str(db_path), "settings", "set", "duties.threshold", "0,2", "--from", "01.01.2025"]) == 0

    with database.read() as s:
        sets = {cs.through: cs for cs in s.scalars(select(m.ChangeSet))}
        assert {"imports", "forma:Darbinieki", "komanda:settings set"} <= set(sets)
        assert sets["programma:katalogi"]  # the new database's catalogues: the program's, not a command's
        assert {through for through in sets if through.startswith("komanda:")} == {"komanda:settings set"}
        assert {cs.os_user for cs in sets.values()} == {getpass.getuser()}
        imported = sets["imports"]
        assert imported.file_name == "dati.xlsx"
        assert imported.file_sha256 == hashlib.sha256(book.read_bytes()).hexdigest()
        log = s.scalars(select(m.ImportLog)).one()
        assert (log.change_set_id, log.file_sha256, log.os_user) == (imported.id, imported.file_sha256,
                                                                      getpass.getuser())
        form = rh.find(s, through="forma:")
        # (staff_term: the values from a date that follow the staff row, issue 17 point 4)
        assert [(e.record_kind, e.field, e.old, e.new) for e in form if e.record_kind != "staff_term"] == [
            ("staff", "fte", "1", "0.75")
        ]
        setting = rh.find(s, kind="setting", key=("duties.threshold", dt.date(2025, 1, 1)))
        assert [(e.op, json.loads(e.new or "{}")["value"]) for e in setting] == [("add", "0.2")]
        # a change of the import: the staff row as it was added, every field in one canonical text
        added = rh.find(s, kind="staff", key=anna.id, through="imports")
        assert json.loads(added[0].new or "{}")["salary"] == "1450.5"


def test_history_is_found_by_person_record_dates_user_and_source(database: Database, tmp_path: Path) -> None:
    assert import_workbook(database, write_xlsx(tmp_path / "dati.xlsx", valid_sheets())).written
    with database.read() as s:
        anna = s.scalars(select(m.Staff).where(m.Staff.tabeles_nr == "1001")).one()
        anna_id = anna.id
        about_anna = rh.find(s, person="1001")
        # her staff record, two caseloads, a duty, two training events (and nothing of Jānis or Līga)
        assert sorted(e.record_kind for e in about_anna if e.record_kind != "staff_term") == ["caseload", "caseload", "duty", "staff", "training",
                                                            "training"]
        assert {e.staff_id for e in about_anna} == {anna_id}
        assert [e.id for e in about_anna] == sorted((e.id for e in about_anna), reverse=True)  # newest first
        assert len(rh.find(s, kind="caseload")) == 3
        today = dt.date.today()
        imported = rh.find(s, since=today, until=today, through="imports")
        assert len([e for e in imported if e.record_kind not in ("staff_term", "structural_unit")]) == 17
        assert rh.find(s, until=today - dt.timedelta(days=1)) == []
        assert rh.find(s, os_user="kāds cits") == []
        first_page = rh.find(s, limit=5)
        second_page = rh.find(s, limit=5, before_id=first_page[-1].id)
        assert len(first_page) == len(second_page) == 5 and first_page[-1].id > second_page[0].id
    with database.write() as s:  # a deleted person's history is still theirs
        records.delete(s, "staff", anna_id)
    with database.read() as s:
        assert {e.op for e in rh.find(s, person="1001")} == {"add", "delete"}


def test_swdesk_history_lists_in_latvian_and_as_json(
    database: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_workbook(database, write_xlsx(tmp_path / "dati.xlsx", valid_sheets())).written
    database.close()
    assert main(["--db", str(db_path), "settings", "set", "duties.threshold", "0,2", "--from", "01.01.2025"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "history", "--person", "1001", "--record", "caseload"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["Laiks", "Lietotājs", "Avots", "Ieraksts", "Izmaiņa"]
    assert len(lines) == 3 and all("Lietas" in line and "imports" in line and "pievienots" in line for line in lines[1:])
    assert main(["--db", str(db_path), "history", "--json", "--through", "komanda:"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["through"], e["record_kind"], e["record_key"], e["op"]) for e in entries] == [
        ("komanda:settings set", "setting", "duties.threshold|2025-01-01", "add")
    ]
    assert set(entries[0]) >= {"at", "os_user", "db_user", "file_name", "field", "old", "new", "staff_id"}
    assert main(["--db", str(db_path), "history", "--record", "darbinieks"]) == 2
    assert "Nezināms ieraksta veids «darbinieks»" in capsys.readouterr().err


def test_an_undo_restores_the_database_to_exactly_before_that_import(
    database: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_workbook(database, write_xlsx(tmp_path / "dati.xlsx", valid_sheets())).written
    with database.write() as s:  # a planned event that the second workbook reports done
        anna = s.scalars(select(m.Staff).where(m.Staff.tabeles_nr == "1001")).one()
        event = s.scalars(select(m.TrainingEvent).where(m.TrainingEvent.staff_id == anna.id)).first()
        assert event is not None
        event.planned = True
    before = data(database)
    second = import_workbook(database, _second_workbook(tmp_path))
    assert second.written and second.totals.added == 2 and second.totals.updated == 4
    assert data(database) != before
    database.close()

    assert main(["--db", str(db_path), "import", "--list"]) == 0
    listing = capsys.readouterr().out
    assert "Nr. 2" in listing and "otrs.xlsx: pievienoti 2, mainīti 4 — atsaucams (swdesk import --undo 2)" in listing
    assert main(["--db", str(db_path), "import", "--undo", "2"]) == 0
    assert "Imports Nr. 2 atsaukts" in capsys.readouterr().out
    assert data(database) == before  # every table, row by row

    with database.read() as s:
        undo_set = s.scalars(select(m.ChangeSet).where(m.ChangeSet.through == imports.UNDO_THROUGH)).one()
        log = s.get(m.ImportLog, 2)
        assert log is not None and s.get(m.ChangeSet, log.change_set_id).undone_by == undo_set.id  # type: ignore[union-attr]
        assert undo_set.undoes == log.change_set_id
        entry = next(e for e in imports.list_imports(s) if e.id == 2)
        assert entry.undone_at is not None and not entry.can_undo
    assert main(["--db", str(db_path), "import", "--undo", "2"]) == 2  # not twice
    assert "jau ir atsaukts" in capsys.readouterr().out
    # the first import: its training event was marked planned by hand afterwards, so it is not undone
    assert main(["--db", str(db_path), "import", "--undo", "1"]) == 2
    assert "Apmācības 1, lauks «planned»: mainīts" in capsys.readouterr().out  # (no column of the workbook)
    assert data(database) == before


def test_an_undo_that_conflicts_with_a_later_edit_is_refused_with_the_rows_named(
    database: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert import_workbook(database, write_xlsx(tmp_path / "dati.xlsx", valid_sheets())).written
    assert import_workbook(database, _second_workbook(tmp_path)).written
    with database.write() as s, records.source(s, "režģis:Lietas"):
        added = s.scalars(select(m.Caseload).where(m.Caseload.month == dt.date(2025, 3, 1))).one()
        records.change(s, "caseload", added.id, {"cases": 19})  # a record the second import added
        pop = s.get(m.Population, 2024)
        records.change(s, "population", 2024, {"residents": pop.residents + 1})  # type: ignore[union-attr]
    before = dump(database)

    with pytest.raises(imports.UndoRefused) as refused, database.write() as s:
        imports.undo(s, 2)
    conflicts = refused.value.conflicts
    assert [(c.record_kind, c.record_key, c.field, c.through) for c in conflicts] == [
        ("caseload", str(added.id), "cases", "režģis:Lietas")
    ]  # the population of 2024 is not the import's: no conflict
    assert dump(database) == before  # nothing written, the history neither
    database.close()
    assert main(["--db", str(db_path), "import", "--undo", "2"]) == 2
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Importu Nr. 2 (otrs.xlsx) nevar atsaukt: pēc tā mainīti tie paši ieraksti (1).")
    assert out[1].startswith(f"  Lietas {added.id}, lauks «Lietu skaits»: mainīts ")
    assert out[1].endswith(f"lietotājs {getpass.getuser()}, ar režģis:Lietas")

    with database.write() as s:  # the later edit undone by hand: the undo goes through
        records.change(s, "caseload", added.id, {"cases": 18})
    with pytest.raises(imports.UndoRefused):  # still a later change of that field: said, not guessed
        with database.write() as s:
            imports.undo(s, 2)


def test_an_import_from_before_the_history_cannot_be_undone(database: Database) -> None:
    with database.write() as s:
        s.add(m.ImportLog(file_name="vecs.xlsx", added=3, updated=0))
    with pytest.raises(records.RecordError, match="veikts pirms izmaiņu vēstures"), database.write() as s:
        imports.undo(s, 1)
    with pytest.raises(records.RecordError, match="Importa Nr. 9 nav žurnālā"), database.write() as s:
        imports.undo(s, 9)


def test_an_erased_or_anonymised_person_leaves_no_personal_data_in_the_history(
    database: Database, db_path: Path, tmp_path: Path
) -> None:
    from swdesk import personal_data

    assert import_workbook(database, write_xlsx(tmp_path / "dati.xlsx", valid_sheets())).written
    with database.write() as s:
        ids = {st.tabeles_nr: st.id for st in s.scalars(select(m.Staff))}
        records.change(s, "staff", ids["1001"], {"last_name": "Bērziņa-Liepa", "specialization": "pusaudži",
                                                 "end": dt.date(2021, 1, 1)})
        records.change(s, "staff", ids["1002"], {"end": dt.date(2019, 1, 1), "start": dt.date(2018, 1, 1)})

    def history_text() -> str:
        with database.read() as s:
            return " ".join(f"{e.old} {e.new}" for e in rh.find(s, limit=None))

    assert "Bērziņa" in history_text() and "Ozols" in history_text()
    personal_data.erase(database, "1001", today=dt.date(2040, 1, 1))
    personal_data.anonymise(database, [ids["1002"]], today=dt.date(2040, 1, 1))
    text = history_text()
    assert "Bērziņa" not in text and "Anna" not in text and "pusaudži" not in text
    assert "Ozols" not in text and "Jānis" not in text
    with database.read() as s:
        erased = rh.find(s, staff_id=ids["1001"])
        assert [(e.op, e.old) for e in erased] == [("delete", json.dumps({"id": str(ids["1001"])}))]
        # the anonymised person's figures are still in the history; the name fields without values
        kept = rh.find(s, staff_id=ids["1002"])
        assert any(e.field == "end" and e.new == "2019-01-01" for e in kept)
        assert all(e.old is None and e.new is None for e in kept if e.field in h.PERSONAL_FIELDS)


def test_values_are_kept_in_one_canonical_text_and_read_back_exactly() -> None:
    cases: list[tuple[type, str, Any]] = [
        (m.Staff, "fte", Decimal("0.750")),
        (m.Staff, "salary", Decimal("1450.50")),
        (m.Staff, "start", dt.date(2024, 2, 29)),
        (m.TrainingEvent, "planned", True),
        (m.Caseload, "cases", 0),
        (m.Staff, "first_name", "Līga"),
        (m.Staff, "end", None),
    ]
    for model, field, value in cases:
        text = h.to_text(value)
        assert h.from_text(model, field, text) == value
    assert h.to_text(Decimal("0.750")) == h.to_text(Decimal("0.75")) == "0.75"
    assert h.to_text(Decimal("1400.00")) == "1400"
    assert HEADERS  # (the import's headers are what the tests write)


def test_the_history_and_an_undo_on_sqlite_and_postgresql(any_db: Database, tmp_path: Path) -> None:
    """The same save, history and undo on a shared PostgreSQL database, where the role is kept too."""
    assert import_workbook(any_db, write_xlsx(tmp_path / "dati.xlsx", valid_sheets())).written
    before = data(any_db)
    assert import_workbook(any_db, _second_workbook(tmp_path)).written
    with any_db.write() as s:
        imports.undo(s, 2)
    assert data(any_db) == before
    with any_db.read() as s:
        roles = set(s.scalars(select(m.ChangeSet.db_user)))
        through = [e.through for e in rh.find(s, limit=1)]
    assert roles == ({None} if any_db.is_sqlite else {make_url(any_db.url).username})  # PostgreSQL's current_user
    assert through == [imports.UNDO_THROUGH]
