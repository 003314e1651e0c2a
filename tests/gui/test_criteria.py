"""Kritēriji un iestatījumi: a setting changed from a date, a criterion added; the models pass the tester."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.criteria import CriterionDialog, SettingDialog
from swdesk.settings import history
from tests.gui.helpers import when_modal


def test_change_a_setting_from_a_date(qtbot, main_window):
    view = main_window.show_view("criteria")
    row = next(i for i, r in enumerate(view.settings.rows) if r[0] == "duties.threshold")
    assert view.settings.index(row, 1).data() == "10\u00a0%"
    view.settings_table.selectRow(row)

    def bad_then_good(dialog):
        assert isinstance(dialog, SettingDialog)
        assert dialog.number.text() == "10"  # a percentage, as the head thinks of it
        dialog.number.setText("150")
        dialog.save()
        assert dialog.error.text() == "Ievadiet procentus no 0 līdz 100, piemēram, 10."  # no codes, no 0–1
        dialog.number.setText("15")
        dialog.valid_from.set_date(dt.date(2025, 1, 1))
        dialog.save()

    when_modal(bad_then_good)
    view.change_setting()
    with main_window.database.read() as session:
        assert history(session, "duties.threshold")[-1] == (dt.date(2025, 1, 1), "0.15")
    assert view.settings.rows[row][1] == "0.15"
    assert view.settings.index(row, 1).data() == "15\u00a0%"


def test_add_a_criterion(qtbot, main_window):
    view = main_window.show_view("criteria")

    def fill(dialog):
        assert isinstance(dialog, CriterionDialog)
        dialog.position.setCurrentIndex(dialog.position.findData("SD"))
        dialog.work_type.setCurrentIndex(dialog.work_type.findData("GAD"))
        dialog.unit.setCurrentIndex(dialog.unit.findData("LIETAS"))
        dialog.max_per_fte.setText("25")
        dialog.weight.setText("1,5")
        dialog.save()

    when_modal(fill)
    view.add_criterion()
    with main_window.database.read() as session:
        criterion = session.scalars(select(m.Criterion)).one()
        assert (criterion.position_code, criterion.max_per_fte, criterion.weight) == (
            "SD",
            25,
            Decimal("1.5"),
        )
    assert view.criteria.rowCount() == 1
    assert view.criteria.index(0, 3).data() == "25,00"


def test_criteria_models(qtmodeltester, main_window):
    view = main_window.show_view("criteria")
    qtmodeltester.check(view.settings, force_py=True)
    qtmodeltester.check(view.criteria, force_py=True)
    qtmodeltester.check(view.criteria_proxy, force_py=True)
    qtmodeltester.check(view.scale, force_py=True)
    qtmodeltester.check(view.scale_proxy, force_py=True)


def test_start_a_new_years_salary_scale_and_raise_a_minimum(qtbot, main_window, monkeypatch):
    """The new minimum of group 9 (SD) applies from its year: pay above the old minimum is now below scale."""
    from PySide6.QtWidgets import QInputDialog

    from swdesk.gui.views.criteria import ScaleDialog
    from swdesk.rules.checks import check_year

    with main_window.database.write() as session:
        session.add(
            m.Staff(
                tabeles_nr="5", first_name="Anna", last_name="Liepa", position_code="SD", fte=Decimal(1),
                start=dt.date(2024, 1, 1), education_code="E1", salary=Decimal("1200"),
            )
        )
    view = main_window.show_view("criteria")
    view.tabs.setCurrentIndex(2)
    assert view.tabs.tabText(2) == "Mēnešalgu skala"
    assert {e.year for e in view.scale.rows} == {2023}
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (2026, True))
    view.copy_scale()
    assert sorted(e.group for e in view.scale.rows if e.year == 2026) == [6, 8, 9, 10]

    row = next(i for i, e in enumerate(view.scale.rows) if (e.year, e.group) == (2026, 9))
    view.scale_table.selectRow(view.scale_proxy.mapFromSource(view.scale.index(row, 0)).row())

    def raise_minimum(dialog):
        assert isinstance(dialog, ScaleDialog) and not dialog.year.isEnabled()
        assert dialog.low.text() == "1157,00"
        dialog.low.setText("1800")  # above the mid: refused with the core's message
        dialog.save()
        assert "min ≤ vidējā ≤ max" in dialog.error.text()
        dialog.low.setText("1250")
        dialog.save()

    when_modal(raise_minimum)
    view.edit_scale()
    with main_window.database.read() as session:
        assert session.get(m.SalaryScale, (9, 2026)).min == Decimal("1250")
        assert session.get(m.SalaryScale, (9, 2023)).min == Decimal("1157")  # the old year is kept
        below = {y: [f.subject for f in check_year(session, year=y, as_of=dt.date(y, 6, 30)).findings
                     if f.rule == "salary.below_scale"] for y in (2025, 2026)}
    assert below == {2025: [], 2026: ["staff:5"]}
    assert view.scale.index(row, 2).data() == "1\u00a0250,00 EUR"
