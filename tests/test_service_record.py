"""The service record's header fields (issue 16 item 2): one validation, `swdesk init`, the schema (0002)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.catalogues import shipped
from swdesk.db.database import Database, open_database
from swdesk.service_record import (
    ServiceDetailsError,
    format_iban,
    load_service_record,
    save_service_details,
    validate_details,
)

GOOD = {
    "registration_number": "900 000 12345",
    "address": "  Rīgas iela 22,\n Valka,  LV-4701 ",
    "contact_name": " Ilze Kalniņa ",
    "contact_phone": "+371  64722222",
    "contact_email": "ilze.kalnina@valka.lv",
    "agreement_number": "4.3.5.4/1/24/I/001",
    "bank_account": "lv80 bank 0000 4351 9500 1",
}


def test_good_values_are_stored_in_one_shape() -> None:
    assert validate_details(GOOD) == {
        "registration_number": "90000012345",
        "address": "Rīgas iela 22, Valka, LV-4701",
        "contact_name": "Ilze Kalniņa",
        "contact_phone": "+371 64722222",
        "contact_email": "ilze.kalnina@valka.lv",
        "agreement_number": "4.3.5.4/1/24/I/001",
        "bank_account": "LV80BANK0000435195001",
    }
    assert format_iban("LV80BANK0000435195001") == "LV80 BANK 0000 4351 9500 1"
    assert validate_details({"contact_email": "", "address": None}) == {
        "contact_email": None,
        "address": None,
    }


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("bank_account", "LV80BANK0000435195002", "kontrolcipari nesakrīt"),  # one digit mistyped
        ("bank_account", "LV08BANK0000435195001", "kontrolcipari nesakrīt"),  # check digits swapped
        ("bank_account", "LV80BANK000043519500", "Latvijā 21 zīme"),  # one character short
        ("bank_account", "80BANK0000435195001LV", "nav IBAN"),
        ("contact_email", "ilze.kalnina@valka", "nav e-pasta adrese"),
        ("contact_email", "ilze kalnina@valka.lv", "nav e-pasta adrese"),
        ("contact_email", "ilze@@valka.lv", "nav e-pasta adrese"),
        ("contact_phone", "6472", "nav tālruņa numurs"),
        ("contact_phone", "tel. 64722222", "nav tālruņa numurs"),
        ("registration_number", "9000001234", "11 cipariem"),
        ("registration_number", "LV90000012345", "11 cipariem"),
        ("address", "x" * 301, "ne garāks par 300 zīmēm"),
    ],
)
def test_bad_values_are_refused_in_latvian(field: str, value: str, words: str) -> None:
    with pytest.raises(ServiceDetailsError) as refused:
        validate_details({field: value})
    assert [name for name, _text in refused.value.problems] == [field]
    assert words in str(refused.value)


def test_every_bad_field_is_named_at_once() -> None:
    with pytest.raises(ServiceDetailsError) as refused:
        validate_details({**GOOD, "bank_account": "LV00", "contact_email": "nav", "contact_phone": "1"})
    assert [name for name, _t in refused.value.problems] == ["contact_phone", "contact_email", "bank_account"]
    message = str(refused.value)
    assert "Bankas konts (IBAN):" in message and "E-pasts:" in message and "Tālrunis:" in message


def test_save_changes_only_the_fields_named_and_refuses_all_or_nothing(db: Database) -> None:
    with db.write() as s:
        s.add(m.Service(name="Valkas SD", municipality="Valkas novads", head_name="Anna Bērziņa"))
    with db.write() as s:
        save_service_details(s, **GOOD)
    with db.write() as s:
        record = save_service_details(s, contact_email="anna@valka.lv", address="")
    assert record.details.contact_email == "anna@valka.lv"
    assert record.details.address is None
    assert record.details.bank_account == "LV80BANK0000435195001"
    with pytest.raises(ServiceDetailsError), db.write() as s:
        save_service_details(s, contact_name="Cita Persona", bank_account="LV80BANK0000435195009")
    with db.read() as s:
        record = load_service_record(s)
    assert record is not None and record.details.contact_name == "Ilze Kalniņa"


def test_save_without_a_service_says_what_to_do_first(db: Database) -> None:
    with pytest.raises(LookupError, match="swdesk init"), db.write() as s:
        save_service_details(s, contact_email="anna@valka.lv")


def test_init_fills_in_the_details_and_refuses_a_bad_one_writing_nothing(db_path: Path, capsys) -> None:
    base = ["--db", str(db_path), "init"]
    assert main([*base, "--iban", "LV80BANK0000435195001"]) == 2  # no service yet: name it first
    assert "norādiet --service" in capsys.readouterr().err
    assert (
        main([*base, "--service", "Valkas SD", "--municipality", "Valkas novads", "--reg-nr", "90000012345"])
        == 0
    )
    assert main([*base, "--iban", "LV80 BANK 0000 4351 9500 1", "--email", "ilze@valka.lv"]) == 0
    out = capsys.readouterr().out
    assert "Bankas konts (IBAN)" in out and "LV80 BANK 0000 4351 9500 1" in out
    assert main([*base, "--service", "Cits nosaukums", "--iban", "LV80BANK0000435195002"]) == 2
    assert "kontrolcipari nesakrīt" in capsys.readouterr().err
    assert main([*base, "--email", ""]) == 0
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        record = load_service_record(s)
    database.close()
    assert record is not None
    assert record.name == "Valkas SD"  # the refused command renamed nothing
    assert record.details.registration_number == "90000012345"
    assert record.details.bank_account == "LV80BANK0000435195001"
    assert record.details.contact_email is None


def test_the_migrated_schema_is_the_models_schema(any_db: Database) -> None:
    """Revision 0002, written by hand, adds exactly the columns the models declare (SQLite and PostgreSQL)."""
    with any_db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), m.Base.metadata)
    assert differences == []
    with any_db.write() as s:
        s.add(m.Service(name="X", municipality="Rīga", bank_account="LV80BANK0000435195001"))
    with any_db.read() as s:
        record = load_service_record(s)
    assert record is not None and record.details.bank_account == "LV80BANK0000435195001"


def test_the_catalogue_has_an_atvk_place_for_each_municipality_and_documents_use_it(monkeypatch) -> None:
    rows = shipped()["municipalities"]
    assert len(rows) == 43 and all("atvk" in row for row in rows)
    # None of ../shared names an ATVK code, so none is filled in (issue 16: not invented); one added from a
    # source is the 7-digit code of the classification.
    assert all(row["atvk"] is None or re.fullmatch(r"[0-9]{7}", row["atvk"]) for row in rows)
    from swdesk import service_record

    patched = {**shipped(), "municipalities": [{**row, "atvk": "0940200"} for row in rows]}
    monkeypatch.setattr("swdesk.db.catalogues.shipped", lambda: patched)
    assert service_record.municipality_atvk(" valkas NOVADS") == "0940200"
    assert service_record.municipality_atvk("Atlantīda") is None
