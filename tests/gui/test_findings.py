"""Pārbaudes: findings of a year, filters, and a double-click that lands on the record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from swdesk.db import models as m
from swdesk.gui.views.staff import StaffDialog
from tests.gui.helpers import when_modal


def _findings_view(qtbot, window, **kwargs):
    view = window.view("findings")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        window.open_findings(year=dt.date.today().year, **kwargs)
    return view


def test_double_click_opens_the_staff_record(qtbot, main_window):
    window = main_window
    with window.database.write() as session:
        # an SDS without the required education: an education.compliance error for staff:42
        session.add(
            m.Staff(
                tabeles_nr="42",
                first_name="Līga",
                last_name="Egle",
                position_code="SD",
                fte=Decimal("1"),
                start=dt.date(2020, 1, 1),
                education_code="E5",
                salary=Decimal("1600"),
            )
        )
    view = _findings_view(qtbot, window, rules=("education.compliance",))
    assert view.proxy.rowCount() == 1
    index = view.proxy.index(0, 2)
    assert index.data() == "Līga Egle (42)"

    opened = when_modal(lambda dialog: dialog.reject())
    view.open_record(index)
    assert opened and isinstance(opened[0], StaffDialog)
    assert opened[0].tabeles_nr.text() == "42"
    assert window.current_view_key() == "staff"
    assert window.view("staff").selected().tabeles_nr == "42"


def test_filters_by_severity_and_rule(qtbot, main_window):
    view = _findings_view(qtbot, main_window)
    total = view.model.rowCount()
    assert total >= 1  # no specialists at all: the 1:1000 norm is not met
    view.severity.setCurrentIndex(view.severity.findData("error"))
    assert all(view.proxy.index(r, 0).data() == "Kļūda" for r in range(view.proxy.rowCount()))
    view.severity.setCurrentIndex(0)
    view.rule.setCurrentIndex(view.rule.findData("vacancy.long_open"))
    assert view.proxy.rowCount() == 0


def test_a_dashboard_card_opens_its_findings(qtbot, main_window):
    window = main_window
    dashboard = window.view("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    findings = window.view("findings")
    with qtbot.waitSignal(findings.loaded, timeout=15_000):
        dashboard.cards["ratio"].clicked.emit("ratio")
    assert window.current_view_key() == "findings"
    assert set(findings.rule.currentData().split(",")) == {"staffing.ratio", "population.stale"}
    assert findings.proxy.rowCount() == 1
