"""`swdesk init` and `swdesk settings`: what a head types first."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from swdesk import settings as st
from swdesk.cli import main
from swdesk.db import models as m
from swdesk.db.database import open_database


def test_init_creates_then_renames_the_service(db_path, capsys) -> None:
    args = ["--db", str(db_path), "init", "--service", "Valkas novada sociālais dienests",
            "--municipality", "  valkas NOVADS ", "--population", "7596", "--year", "2025"]
    assert main(args) == 0
    assert main(["init", "--db", str(db_path), "--service", "Valkas SD", "--municipality", "Valkas novads"]) == 0
    out = capsys.readouterr().out
    assert "Izveidots dienests «Valkas novada sociālais dienests» (Valkas novads)" in out
    assert "Dienests tagad saucas «Valkas SD»" in out
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        services = s.query(m.Service).all()
        assert [(x.name, x.municipality) for x in services] == [("Valkas SD", "Valkas novads")]
        assert s.get(m.Population, 2025).residents == 7596


def test_init_refuses_an_unknown_municipality_and_writes_nothing(db_path, capsys) -> None:
    assert main(["--db", str(db_path), "init", "--service", "X", "--municipality", "Atlantīda"]) == 2
    assert "nav starp 43 Latvijas pašvaldībām" in capsys.readouterr().err
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        assert s.query(m.Service).count() == 0


def test_messages_in_english_with_lang_en(db_path, capsys) -> None:
    assert main(["--db", str(db_path), "--lang", "en", "init", "--service", "X", "--municipality", "Nowhere"]) == 2
    assert "is not one of Latvia's 43 municipalities" in capsys.readouterr().err


def test_a_setting_applies_from_its_date(db_path, capsys) -> None:
    assert main(["--db", str(db_path), "settings", "set", "claim.rate", "0,70", "--from", "01.10.2016"]) == 0
    assert main(["--db", str(db_path), "settings", "get", "claim.rate", "--on", "30.09.2016"]) == 0
    assert main(["--db", str(db_path), "settings", "get", "claim.rate", "--on", "2016-10-01"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "«claim.rate» = 0.70 no 01.10.2016."
    assert out[1:] == ["0.50", "0.70"]
    database = open_database(str(db_path), auto_backup=False)
    with database.read() as s:
        assert st.Settings.load(s, dt.date(2017, 1, 1)).claim_rate == Decimal("0.70")
        assert st.Settings.load(s, dt.date(2016, 1, 1)).claim_rate == Decimal("0.50")


def test_bad_setting_values_are_refused_with_what_is_expected(db_path, capsys) -> None:
    for key, value in [("claim.rate", "1,5"), ("supervision.rule", "some"), ("claim.cap.group", "22"),
                       ("vacancy.days", "-3"), ("nav.tads", "1"), ("hours.academic_minutes", "0")]:
        assert main(["--db", str(db_path), "settings", "set", key, value]) == 2, key
    err = capsys.readouterr().err
    assert "jābūt daļai no 0 līdz 1" in err and "any, all" in err and "«EUR / minūtes»" in err
    assert "Nezināms iestatījums «nav.tads»" in err


def test_cost_caps_parse_as_eur_per_minutes() -> None:
    assert st.parse_value("claim.cap.group", "22 / 180") == st.CostCap(Decimal("22"), 180)
    assert st.Settings.defaults().cap_individual_remote == st.CostCap(Decimal("25"), 60)


def test_usage_errors_exit_2(capsys) -> None:
    import pytest

    with pytest.raises(SystemExit) as exc:
        main(["nav-tadas-komandas"])
    assert exc.value.code == 2
    assert main(["settings", "get", "ratio.limit", "--on", "31.02.2025", "--db", "/nonexistent/x/y.sqlite"]) in (2, 3)
