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
    view.settings_table.selectRow(row)

    def bad_then_good(dialog):
        assert isinstance(dialog, SettingDialog)
        dialog.value.setText("1,5")
        dialog.save()
        assert "0 līdz 1" in dialog.error.text()  # the core's message, in Latvian
        dialog.value.setText("0,15")
        dialog.valid_from.set_date(dt.date(2025, 1, 1))
        dialog.save()

    when_modal(bad_then_good)
    view.change_setting()
    with main_window.database.read() as session:
        assert history(session, "duties.threshold")[-1] == (dt.date(2025, 1, 1), "0.15")
    assert view.settings.rows[row][1] == "0.15"
    assert view.settings.index(row, 1).data() == "0,15"


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
