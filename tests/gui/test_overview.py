"""Pārskats does not contradict itself: a card's word, its figures and what its click opens agree, and the
1:1000 cards say how many FTE the norm lacks (measured by the rules, not by the window)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from swdesk.db import models as m
from swdesk.gui.models import ROW_ROLE

THIS_YEAR = dt.date.today().year


def _specialist(session, nr: str = "1", fte: str = "1") -> m.Staff:
    person = m.Staff(
        tabeles_nr=nr,
        first_name="Anna",
        last_name="Liepa",
        position_code="SD",
        fte=Decimal(fte),
        start=dt.date(2020, 1, 1),
        education_code="E1",
        salary=Decimal("1600"),
    )
    session.add(person)
    session.flush()
    return person


def _dashboard(qtbot, window):
    view = window.view("dashboard")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.show_view("dashboard")
        view.refresh()
    return view


def _open(qtbot, window, dashboard, key: str):
    findings = window.view("findings")
    with qtbot.waitSignal(findings.loaded, timeout=15_000):
        dashboard.cards[key].clicked.emit(key)
    return [findings.proxy.index(r, 0).data(ROW_ROLE) for r in range(findings.proxy.rowCount())]


def test_without_specialists_the_effective_card_is_not_in_order_and_opens_why(qtbot, main_window):
    dashboard = _dashboard(qtbot, main_window)
    card = dashboard.cards["effective"]
    assert card.status.text() == "Nav izpildīta"  # was "Kārtībā" on a new service
    assert "Nav speciālistu" in card.value.text()
    assert "Līdz normai trūkst 5,00 slodzes" in card.value.text()  # 5000 residents, nobody
    shown = _open(qtbot, main_window, dashboard, "effective")
    assert [f.rule for f in shown] == ["staffing.ratio"]  # the click shows the finding behind the word


def test_the_cards_say_how_many_fte_the_norm_lacks(qtbot, main_window):
    with main_window.database.write() as session:
        _specialist(session, "1", "1")
    dashboard = _dashboard(qtbot, main_window)
    ratio = dashboard.cards["ratio"].value.text()
    assert "5\u00a0000,0 iedzīvotāji uz speciālistu" in ratio
    assert "Līdz normai trūkst 4,00 slodzes" in ratio  # 5000 / 1000 − 1
    # the same figure as the finding's own sentence
    (finding,) = [f for f in dashboard.data.findings if f.rule == "staffing.ratio"]
    assert "trūkst 4,00 slodzes" in finding.message

    with main_window.database.write() as session:
        for nr in "2345":
            _specialist(session, nr, "1")
    main_window.ctx.changed()
    dashboard = _dashboard(qtbot, main_window)
    assert dashboard.cards["ratio"].status.text() == "Kārtībā"
    assert "trūkst" not in dashboard.cards["ratio"].value.text()  # 5 FTE for 5000: nothing lacks


def test_a_card_with_only_a_note_says_so_and_its_click_shows_it(qtbot, main_window):
    with main_window.database.write() as session:
        person = _specialist(session)
        # cases in a work type without any criterion: R5, an informational finding
        session.add(m.Caseload(staff_id=person.id, month=dt.date(THIS_YEAR, 1, 1), work_type_code="GAD", cases=30))
    dashboard = _dashboard(qtbot, main_window)
    card = dashboard.cards["caseload"]
    assert card.value.text() == "Piezīmes: 1"  # not "Nav konstatējumu"
    assert card.status.text() == "Piezīme"
    shown = _open(qtbot, main_window, dashboard, "caseload")
    assert [(f.rule, f.severity) for f in shown] == [("caseload.no_criterion", "info")]
    # the card's three rules under the card's name, whole in the rule filter (it was cut to "… + Svērtā")
    rule = main_window.view("findings").rule
    assert rule.currentText() == "Kartīte «Lietas»"
    assert rule.width() >= rule.fontMetrics().horizontalAdvance(rule.currentText())


def test_a_long_chart_title_wraps_instead_of_losing_its_end(qtbot, main_window):
    dashboard = _dashboard(qtbot, main_window)
    chart = dashboard.duties_chart
    assert chart.title.endswith(str(THIS_YEAR))
    one_line = chart.title_rect().height()
    chart.resize(260, 240)  # a narrow window: the title no longer fits on one line
    assert chart.title_rect().height() >= 2 * one_line - 2
    metrics = chart.fontMetrics()
    assert chart.title_rect().width() < metrics.horizontalAdvance(chart.title)


def test_in_the_narrowest_window_every_card_is_inside_it(qtbot, main_window):
    dashboard = _dashboard(qtbot, main_window)
    main_window.resize(main_window.minimumSize())  # 1000 px: five cards a row would run past the edge
    qtbot.waitUntil(lambda: dashboard.card_columns < 5)
    qtbot.wait(50)
    right = dashboard.mapToGlobal(dashboard.rect().topRight()).x()
    for card in dashboard.cards.values():
        assert card.mapToGlobal(card.rect().topRight()).x() <= right, card.title.text()
    main_window.resize(1366, 768)
    qtbot.waitUntil(lambda: dashboard.card_columns == 5)


def test_a_duty_of_three_and_a_half_hours_shows_as_entered(qtbot, main_window):
    with main_window.database.write() as session:
        person = _specialist(session)
        session.add(m.Duty(staff_id=person.id, date=dt.date(THIS_YEAR, 1, 5), category_code="NS_TRANSP",
                           hours=Decimal("3.5")))
    chart = _dashboard(qtbot, main_window).duties_chart
    assert chart.values == [3.5]
    assert chart.fmt(chart.values[0]) == "3,5\u00a0h"  # not "4 h"
