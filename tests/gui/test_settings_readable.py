"""Settings a head can read (issue 18, point 5): Latvian words instead of codes, numbers with their units,
and shares as percentages the same way in the settings, Pārbaudes, Pienākumi and Pārskats."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from swdesk.formats import fmt_share
from swdesk.gui.models import FindingsModel
from swdesk.gui.views.criteria import SettingDialog
from swdesk.rules.findings import Finding
from swdesk.settings import raw_value
from tests.gui.helpers import when_modal

CODES = re.compile(r"\b(fte|headcount|any|all)\b")


def _shown(view) -> dict[str, str]:
    return {row[0]: view.settings.index(i, 1).data() for i, row in enumerate(view.settings.rows)}


def test_every_setting_reads_in_words_and_units(main_window):
    view = main_window.show_view("criteria")
    shown = _shown(view)
    assert not [text for text in shown.values() if CODES.search(text)]
    assert shown["ratio.basis"] == "pēc slodzēm (slodžu summa)"
    assert shown["supervision.rule"] == "izpildīta individuālās vai grupas supervīzijas norma"
    assert shown["ratio.limit"] == "1\u00a0000 iedzīvotāju uz speciālistu"
    assert shown["duties.threshold"] == "10\u00a0%" and shown["claim.rate"] == "50\u00a0%"
    assert shown["vacancy.days"] == "90 dienas"
    assert shown["supervision.individual_hours"] == "9 h gadā"
    assert shown["hours.academic_minutes"] == "45 min"
    assert shown["claim.cap.group"] == "22 EUR par 180 min"
    labels = [view.settings.index(i, 0).data() for i in range(view.settings.rowCount())]
    assert not [label for label in labels if CODES.search(label)]


def test_a_choice_is_chosen_in_words_and_stored_as_its_code(qtbot, main_window):
    view = main_window.show_view("criteria")
    row = next(i for i, r in enumerate(view.settings.rows) if r[0] == "ratio.basis")
    view.settings_table.selectRow(row)

    def choose(dialog):
        assert isinstance(dialog, SettingDialog)
        words = [dialog.choice.itemText(i) for i in range(dialog.choice.count())]
        assert words == ["pēc slodzēm (slodžu summa)", "pēc darbinieku skaita"]
        dialog.choice.setCurrentIndex(1)
        dialog.valid_from.set_date(dt.date(2024, 1, 1))
        dialog.save()

    when_modal(choose)
    view.change_setting()
    with main_window.database.read() as session:
        assert raw_value(session, "ratio.basis", dt.date(2024, 6, 1)) == "headcount"
    assert _shown(view)["ratio.basis"] == "pēc darbinieku skaita"


def test_a_cost_cap_is_an_amount_per_minutes(qtbot, main_window):
    view = main_window.show_view("criteria")
    row = next(i for i, r in enumerate(view.settings.rows) if r[0] == "claim.cap.individual_remote")
    view.settings_table.selectRow(row)

    def change(dialog):
        assert dialog.number.text() == "25" and dialog.minutes.value() == 60
        dialog.number.setText("27,50")
        dialog.save()

    when_modal(change)
    view.change_setting()
    with main_window.database.read() as session:
        assert raw_value(session, "claim.cap.individual_remote", dt.date.today()) == "27.5 / 60"
    assert _shown(view)["claim.cap.individual_remote"] == "27,5 EUR par 60 min"


def test_shares_read_the_same_in_checks_duties_and_the_overview(main_window):
    finding = Finding("duties.share", "warning", "staff:1", Decimal("0.112"), Decimal("0.10"), "…")
    model = FindingsModel()
    model.set_rows([finding])
    assert (model.index(0, 3).data(), model.index(0, 4).data()) == ("11,2\u00a0%", "10\u00a0%")  # not 0,112 / 0,10
    assert fmt_share(Decimal("0.139")) == "13,9\u00a0%"
    dashboard = main_window.view("dashboard")
    assert dashboard is not None
    from swdesk.gui.views.duties import DutyTotal, DutyTotalsModel

    totals = DutyTotalsModel()
    totals.set_rows([DutyTotal("Anna", Decimal(12), Decimal("0.112"), True)])
    assert totals.index(0, 2).data() == "11,2\u00a0%"
