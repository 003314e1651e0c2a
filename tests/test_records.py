"""The records layer (issue 17 point 1): one set of rules for every door, with the same Latvian messages.

The import puts its sheet, row and column in front of the records layer's message; the command line says
it after "Kļūda:". (The form and the grid join these tests when the GUI calls the layer.)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from swdesk import records
from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import Database
from swdesk.importer.importer import import_workbook
from tests.test_import_support import (
    HEADERS,
    db,  # noqa: F401 - the fast `db` fixture
    migrated_database_file,  # noqa: F401
    write_xlsx,
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
@pytest.fixture
def database(db: Database) -> Database:  # noqa: F811 - the import tests' fast `db`
    return db


STAFF_ROW = ["1001", "Anna", "Bērziņa", None, "SD", 1, "01.01.2024", None, "E1", 1400, None, None]


def _import_problems(database: Database, tmp_path: Path, sheets: dict[str, list[list[object]]]) -> list[str]:
    result = import_workbook(database, write_xlsx(tmp_path / "dati.xlsx", sheets))
    assert not result.written
    return [p.message for p in result.problems]


def _refused(database: Database, kind: str, values: dict[str, object], key: object = None) -> list[str]:
    with database.read() as s:
        return [p.message for p in records.validate(s, kind, values, key=key)]


def test_a_bad_fte_gets_the_same_message_from_the_records_layer_and_the_import(database, tmp_path: Path) -> None:
    by_records = _refused(database, "staff", {**ANNA, "fte": Decimal(2)})
    assert by_records == [
        "Vērtība nedrīkst pārsniegt 1,5; ir 2. Slodzi raksta kā daļu no pilnas slodzes: 1 vai 0,5 (ne procentos), "
        "ne vairāk kā 1,5."
    ]
    row = list(STAFF_ROW)
    row[5] = 2
    assert _import_problems(database, tmp_path, {"Darbinieki": [HEADERS["Darbinieki"], row]}) == by_records


def test_row_rules_give_the_same_message_from_the_records_layer_and_the_import(database, tmp_path: Path) -> None:
    ended_early = _refused(database, "staff", {**ANNA, "end": dt.date(2023, 12, 31)})
    assert ended_early == ["Darba beigas (31.12.2023) ir pirms darba sākuma (01.01.2024)."]
    row = list(STAFF_ROW)
    row[7] = "31.12.2023"
    assert _import_problems(database, tmp_path, {"Darbinieki": [HEADERS["Darbinieki"], row]}) == ended_early

    filled_early = _refused(
        database, "vacancy",
        {"position_code": "SD", "fte": Decimal(1), "announced": dt.date(2025, 2, 1), "filled": dt.date(2025, 1, 1)},
    )
    assert filled_early == ["Vakance aizpildīta (01.01.2025) pirms izsludināšanas (01.02.2025)."]
    sheet = [HEADERS["Vakances"], ["SD", 1, "01.02.2025", "01.01.2025", None]]
    assert _import_problems(database, tmp_path, {"Vakances": sheet}) == filled_early


def test_training_and_duty_rules_are_the_imports(database, tmp_path: Path) -> None:
    with database.write() as s:
        anna = records.add(s, "staff", ANNA)
    event = {"staff_id": anna.id, "date": dt.date(2025, 3, 1), "kind": "training", "duration": Decimal("0.01"),
             "duration_unit": "hours"}
    not_whole = _refused(database, "training", event)
    assert not_whole == ["Ilgums 0,01 (astronomiskās stundas) ir 0,6 minūtes; ilgumam jābūt veselās minūtēs."]
    sheet = [HEADERS["Apmācības"], ["1001", "01.03.2025", "Apmācības", None, "0,01", "astronomiskās stundas",
                                    None, None, None, None, None]]
    assert _import_problems(database, tmp_path, {"Apmācības": sheet}) == not_whole

    duty = {"staff_id": anna.id, "date": dt.date(2025, 2, 5), "category_code": "NS_ADMIN", "hours": Decimal(170)}
    over = _refused(database, "duty", duty)
    assert len(over) == 1 and "160" in over[0] and "170" in over[0]
    sheet = [HEADERS["Pienākumi"], ["1001", "05.02.2025", "NS_ADMIN", 170, None]]
    assert _import_problems(database, tmp_path, {"Pienākumi": sheet}) == over


def test_the_command_line_says_the_records_layers_message(
    database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database.close()
    too_many = records.check_value("population", "residents", 20_000_000)
    assert too_many == "Vērtība nedrīkst pārsniegt 10000000; ir 20000000."
    assert main(["--db", str(db_path), "init", "--population", "20000000"]) == 2
    assert capsys.readouterr().err.strip() == f"Kļūda: {too_many}"

    with database.read() as s:
        bad_setting = [p.message for p in records.validate(
            s, "setting", {"key": "duties.threshold", "valid_from": dt.date(2025, 1, 1), "value": "7"})]
    assert bad_setting == ["Iestatījumam «duties.threshold» vērtība «7» nav derīga: jābūt daļai no 0 līdz 1, "
                           "piem. 0,10."]
    assert main(["--db", str(db_path), "settings", "set", "duties.threshold", "7"]) == 2
    assert capsys.readouterr().err.strip() == f"Kļūda: {bad_setting[0]}"

    with database.read() as s:
        bad_scale = [p.message for p in records.validate(
            s, "scale", {"group": 9, "year": 2026, "min": Decimal(2000), "mid": Decimal(1500), "max": Decimal(2500)})]
    assert bad_scale == ["Jābūt min ≤ vidējā ≤ max; ievadīts min 2000,00, vidējā 1500,00, max 2500,00."]
    assert main(["--db", str(db_path), "scale", "set", "9", "2026", "2000", "1500", "2500"]) == 2
    assert capsys.readouterr().err.strip() == f"Kļūda: {bad_scale[0]}"


def test_every_problem_of_a_record_is_listed_at_once_and_nothing_is_written(database) -> None:
    with pytest.raises(records.RecordError) as refused, database.write() as s:
        records.add(s, "staff", {**ANNA, "first_name": " ", "position_code": "NAV", "salary": Decimal("-5")})
    by_field = {p.field: p.message for p in refused.value.problems}
    assert by_field == {
        "first_name": "Obligāta vērtība nav aizpildīta.",
        "position_code": by_field["position_code"],
        "salary": "Vērtībai jābūt lielākai par 0; ir -5.",
    }
    assert by_field["position_code"].startswith("«NAV» nav amatu katalogā")
    with database.read() as s:
        assert s.scalars(select(m.Staff)).all() == []


def test_add_change_and_delete_each_kind_of_record(database) -> None:
    with database.write() as s:
        anna = records.add(s, "staff", {**ANNA, "first_name": "  Anna ", "unit_name": ""})
        assert (anna.id, anna.first_name, anna.unit_name) == (anna.id, "Anna", None)  # stripped, empty = none
        caseload = records.add(s, "caseload", {"staff_id": anna.id, "month": dt.date(2025, 3, 17),
                                               "work_type_code": "GAD", "cases": 12})
        assert caseload.month == dt.date(2025, 3, 1)  # a month is its first day
        event = records.add(s, "training", {"staff_id": anna.id, "date": dt.date(2025, 3, 1), "kind": "training",
                                            "duration": Decimal(2), "duration_unit": "academic_hours"})
        assert (event.minutes, event.form, event.planned) == (90, "in_person", False)
        records.change(s, "training", event.id, {"duration": Decimal(4)})
        assert event.minutes == 180  # derived again
        records.add(s, "population", {"year": 2025, "residents": 7000})
        records.add(s, "setting", {"key": "duties.threshold", "valid_from": dt.date(2025, 1, 1), "value": "0,2"})
        records.add(s, "scale", {"group": 9, "year": 2026, "min": Decimal(1300), "mid": Decimal(1700),
                                 "max": Decimal(2200)})
        records.add(s, "criterion", {"position_code": "*", "work_type_code": "GAD", "unit_code": "LIETAS",
                                     "max_per_fte": Decimal(25)})
        vacancy = records.add(s, "vacancy", {"position_code": "SD", "fte": Decimal("0.5"),
                                             "announced": dt.date(2025, 1, 10)})
        records.add(s, "scenario", {"name": "Plāns", "valid_from": dt.date(2026, 1, 1)})
    with database.write() as s:
        records.change(s, "staff", anna.id, {"fte": Decimal("0.5")})
        records.change(s, "population", 2025, {"residents": 7100})
        records.change(s, "setting", ("duties.threshold", dt.date(2025, 1, 1)), {"value": "0,25"})
        records.change(s, "scale", (9, 2026), {"max": Decimal(2300)})
        records.delete(s, "vacancy", vacancy.id)
        with pytest.raises(records.RecordError, match="Kritērijs šim amatam"):
            records.add(s, "criterion", {"position_code": "*", "work_type_code": "GAD", "unit_code": "LIETAS",
                                         "max_per_fte": Decimal(30)})
    with database.read() as s:
        assert s.get(m.Staff, anna.id).fte == Decimal("0.5")  # type: ignore[union-attr]
        assert s.get(m.Population, 2025).residents == 7100  # type: ignore[union-attr]
        assert s.get(m.Setting, ("duties.threshold", dt.date(2025, 1, 1))).value == "0.25"  # type: ignore[union-attr]
        assert s.get(m.SalaryScale, (9, 2026)).max == Decimal(2300)  # type: ignore[union-attr]
        assert s.get(m.Vacancy, vacancy.id) is None
    with database.write() as s:  # a staff member goes with their caseloads and training
        records.delete(s, "staff", anna.id)
    with database.read() as s:
        assert s.scalars(select(m.Caseload)).all() == [] and s.scalars(select(m.TrainingEvent)).all() == []


def test_unknown_kinds_fields_and_records_are_refused_in_latvian(database) -> None:
    with database.write() as s:
        with pytest.raises(records.RecordError, match="Nezināms ieraksta veids «darbinieks»"):
            records.add(s, "darbinieks", {})
        with pytest.raises(records.RecordError, match="nav vietas"):
            records.add(s, "population", {"year": 2025, "residents": 1, "men": 3})
        with pytest.raises(records.RecordError, match="Ieraksts nav atrasts"):
            records.change(s, "duty", 404, {"hours": Decimal(1)})
        with pytest.raises(records.RecordError, match="tabeles nr. «1001» jau ir"):
            records.add(s, "staff", ANNA)
            records.add(s, "staff", ANNA)
