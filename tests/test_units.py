"""Structural units (issue 14 point 1): the service's list of units, who was in which unit when, and the
import that maps Darbinieki's Struktūrvienība column to the list."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from swdesk import records, units
from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database, open_database
from swdesk.importer.importer import import_workbook
from tests.test_import_support import (
    db,  # noqa: F401 - the fast `db` fixture
    migrated_database_file,  # noqa: F401
    valid_sheets,
    write_xlsx,
)

ANNA = {
    "tabeles_nr": "1001", "first_name": "Anna", "last_name": "Bērziņa", "position_code": "SD",
    "fte": Decimal(1), "start": dt.date(2024, 1, 1), "education_code": "E1", "salary": Decimal(1400),
}


def _problems(exc: pytest.ExceptionInfo[records.RecordError]) -> list[str]:
    return [p.message for p in exc.value.problems]


def test_a_unit_is_added_renamed_and_kept_free_of_cycles(db: Database) -> None:  # noqa: F811
    with db.write() as s:
        centres = records.add(s, "structural_unit", {"name": " Teritoriālie  centri ", "head_name": "Ilze Kalniņa"})
        imanta = records.add(s, "structural_unit", {"name": "TC «Imanta»", "parent_id": centres.id})
        anna = records.add(s, "staff", {**ANNA, "unit_name": "tc «imanta»"})  # the list's spelling is stored
        assert anna.unit_name == "TC «Imanta»"
        with pytest.raises(records.RecordError) as exc:
            records.add(s, "structural_unit", {"name": "teritoriālie centri"})
        assert _problems(exc) == ["Struktūrvienība «Teritoriālie  centri» jau ir sarakstā."]
        with pytest.raises(records.RecordError) as exc:  # under its own sub-unit
            records.change(s, "structural_unit", centres.id, {"parent_id": imanta.id})
        assert _problems(exc) == [
            "Struktūrvienība nevar būt pakļauta pati sev vai savai apakšvienībai «TC «Imanta»»."]
        with pytest.raises(records.RecordError) as exc:  # under itself
            records.change(s, "structural_unit", imanta.id, {"parent_id": imanta.id})
        assert len(_problems(exc)) == 1
        with pytest.raises(records.RecordError) as exc:
            records.add(s, "staff", {**ANNA, "tabeles_nr": "1002", "unit_name": "Pabalstu nodaļa"})
        assert _problems(exc) == [
            "Struktūrvienības «Pabalstu nodaļa» nav struktūrvienību sarakstā (Kritēriji un iestatījumi → "
            "Struktūrvienības)."]
        # a new name reaches every term that named the unit
        records.change(s, "structural_unit", imanta.id, {"name": "Teritoriālais centrs «Imanta»"})
        assert anna.unit_name == "Teritoriālais centrs «Imanta»"
        assert [t.unit_name for t in anna.terms] == ["Teritoriālais centrs «Imanta»"]


def test_a_unit_people_belong_to_or_with_sub_units_is_not_deleted(db: Database) -> None:  # noqa: F811
    with db.write() as s:
        parent = records.add(s, "structural_unit", {"name": "Teritoriālie centri"})
        child = records.add(s, "structural_unit", {"name": "Jugla", "parent_id": parent.id})
        other = records.add(s, "structural_unit", {"name": "Teika"})
        anna = records.add(s, "staff", {**ANNA, "unit_name": "Teika"})
        records.change(s, "staff", anna.id, {"unit_name": "Jugla"}, valid_from=dt.date(2025, 1, 1))
        with pytest.raises(records.RecordError) as exc:  # she was there in 2024: her past figures name it
            records.delete(s, "structural_unit", other.id)
        assert _problems(exc) == ["Struktūrvienību «Teika» nevar dzēst: tajā strādā vai ir strādājuši darbinieki (1). "
                                  "Vispirms pārceliet viņus uz citu struktūrvienību."]
        with pytest.raises(records.RecordError) as exc:
            records.delete(s, "structural_unit", parent.id)
        assert _problems(exc) == ["Struktūrvienību «Teritoriālie centri» nevar dzēst: tai ir apakšvienības (Jugla)."]
        empty = records.add(s, "structural_unit", {"name": "Tukša", "parent_id": child.id})
        records.delete(s, "structural_unit", empty.id)
        assert units.find(s, "tukša") is None


def test_the_people_of_a_unit_in_a_period_follow_their_dated_terms_and_child_units(db: Database) -> None:  # noqa: F811
    with db.write() as s:
        parent = records.add(s, "structural_unit", {"name": "Teritoriālie centri"})
        jugla = records.add(s, "structural_unit", {"name": "Jugla", "parent_id": parent.id})
        teika = records.add(s, "structural_unit", {"name": "Teika"})
        anna = records.add(s, "staff", {**ANNA, "unit_name": "Teika"})  # Teika, then Jugla from 1.7.2025
        records.change(s, "staff", anna.id, {"unit_name": "Jugla"}, valid_from=dt.date(2025, 7, 1))
        left = records.add(s, "staff", {**ANNA, "tabeles_nr": "1002", "unit_name": "Jugla",
                                        "end": dt.date(2024, 12, 31)})
        ids = anna.id, left.id
    with db.read() as s:
        year = lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31))  # noqa: E731
        assert units.staff_in_unit(s, teika.id, dt.date(2025, 1, 1), dt.date(2025, 6, 30)) == {ids[0]}
        assert units.staff_in_unit(s, teika.id, dt.date(2025, 7, 1), dt.date(2025, 12, 31)) == set()
        assert units.staff_in_unit(s, jugla.id, *year(2025)) == {ids[0]}
        assert units.staff_in_unit(s, jugla.id, *year(2024)) == {ids[1]}  # she left at the end of 2024
        assert units.staff_in_unit(s, parent.id, *year(2025)) == {ids[0]}  # the child unit's people count
        assert [(depth, u.name) for depth, u in units.tree_order(units.all_units(s))] == [
            (0, "Teika"), (0, "Teritoriālie centri"), (1, "Jugla")]


def test_unknown_units_are_listed_by_the_preview_and_created_only_when_confirmed(
    db: Database, tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]  # noqa: F811
) -> None:
    sheets = {"Darbinieki": valid_sheets()["Darbinieki"]}
    path = write_xlsx(tmp_path / "dati.xlsx", sheets)
    preview = import_workbook(db, path, dry_run=True)
    assert preview.new_units == ["Ģimenes nodaļa"] and preview.problems == []
    assert any("«Ģimenes nodaļa»" in w and "tiks izveidotas" in w for w in preview.warnings)
    with db.read() as s:
        assert units.all_units(s) == []  # a preview creates nothing
    db.close()
    # the command line refuses without --create-units, naming them, and writes nothing
    assert main(["--db", str(db_path), "import", str(path)]) == 2
    out = capsys.readouterr().out
    assert "Šīs struktūrvienības nav sarakstā: «Ģimenes nodaļa»" in out and "--create-units" in out
    assert main(["--db", str(db_path), "import", "--create-units", str(path)]) == 0
    assert "Izveidotas struktūrvienības: Ģimenes nodaļa." in capsys.readouterr().out
    again = open_database(str(db_path), auto_backup=False)
    with again.read() as s:
        assert [u.name for u in units.all_units(s)] == ["Ģimenes nodaļa"]
        people = s.scalars(select(m.Staff.unit_name).where(m.Staff.unit_name.is_not(None))).all()
        assert people and set(people) == {"Ģimenes nodaļa"}
    # the same name in another spelling is the list's unit, not a new one
    sheets["Darbinieki"][1][10] = "ĢIMENES  nodaļa"
    assert import_workbook(again, write_xlsx(tmp_path / "otrs.xlsx", sheets), create_units=False).new_units == []
    again.close()
