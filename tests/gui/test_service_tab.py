"""Kritēriji un iestatījumi → Dienests (issue 18, point 3): what the first-start wizard says can be changed
later — the name, municipality, head and residents by year — can be, and the window title names the service."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.service import PopulationDialog, ServiceDialog
from swdesk.gui.widgets import select_row_of
from tests.gui.helpers import when_modal

THIS_YEAR = dt.date.today().year


def _page(main_window):
    view = main_window.show_view("criteria")
    view.tabs.setCurrentWidget(view.service_page)
    return view.service_page


def test_the_window_title_names_the_service(main_window):
    assert main_window.windowTitle() == "Testa sociālais dienests — swdesk"


def test_edit_the_name_municipality_and_head(qtbot, main_window):
    page = _page(main_window)
    assert page.record_labels["name"].text() == "Testa sociālais dienests"
    assert page.record_labels["head"].text() == "Anna Bērziņa"
    seen = []

    def edit(dialog):
        assert isinstance(dialog, ServiceDialog)
        dialog.name.setText("Valkas novada Sociālais dienests")
        dialog.municipality.setCurrentIndex(dialog.municipality.findText("Valkas novads"))
        dialog.head.setText("Ilze Kalna")
        dialog.details["bank_account"].setText("LV80 BANK 0000 4351 9500 2")  # a typing error
        dialog.save()
        seen.append(dialog.error.text())
        assert dialog.isVisible()
        dialog.details["bank_account"].setText("LV80 BANK 0000 4351 9500 1")
        dialog.save()

    when_modal(edit)
    page.edit_service_button.click()
    assert "kontrolcipari nesakrīt" in seen[0]  # the core's own check and words
    with main_window.database.read() as session:
        service = session.scalars(select(m.Service)).one()
        assert (service.name, service.municipality, service.head_name, service.bank_account) == (
            "Valkas novada Sociālais dienests",
            "Valkas novads",
            "Ilze Kalna",
            "LV80BANK0000435195001",
        )
    assert page.record_labels["name"].text() == "Valkas novada Sociālais dienests"
    assert page.record_labels["bank_account"].text() == "LV80 BANK 0000 4351 9500 1"
    assert main_window.windowTitle() == "Valkas novada Sociālais dienests — swdesk"


def test_the_municipality_is_one_of_the_catalogue_in_latvian_order(qtbot, main_window):
    dialog = ServiceDialog(main_window.ctx, parent=main_window)
    qtbot.addWidget(dialog)
    names = [dialog.municipality.itemText(i) for i in range(dialog.municipality.count())]
    assert len(names) == 43
    assert names.index("Kuldīgas novads") < names.index("Ķekavas novads") < names.index("Liepāja")
    assert names[0] == "Aizkraukles novads" and names[1] == "Alūksnes novads"


def test_residents_by_year_added_edited_deleted_with_the_staleness_shown(qtbot, main_window):
    page = _page(main_window)
    assert page.stale.isHidden()  # the fixture has every year to 2030

    def answer_yes(box):
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    select_row_of(page.table, lambda r: r.year == THIS_YEAR)
    when_modal(answer_yes)
    page.delete_selected()
    assert not page.stale.isHidden()
    assert page.stale.text() == (
        f"{THIS_YEAR}. gadam iedzīvotāju skaits nav ievadīts: {THIS_YEAR}. gada pārbaudēs izmanto "
        f"{THIS_YEAR - 1}. gada skaitu (5\u00a0000). Pievienojiet {THIS_YEAR}. gada skaitu."
    )
    row = next(r for r in page.model.rows if r.year == THIS_YEAR - 1)
    assert page.model.used_for(row) == f"{THIS_YEAR - 1}.–{THIS_YEAR}. gadam (pēc {THIS_YEAR - 1}. gada savs skaits nav ievadīts)"

    def add(dialog):
        assert isinstance(dialog, PopulationDialog)
        dialog.year.setValue(THIS_YEAR - 1)  # a year that has its number: said, not overwritten
        dialog.residents.setValue(5100)
        dialog.save()
        assert "jau ir ievadīts" in dialog.error.text()
        dialog.year.setValue(THIS_YEAR)
        dialog.save()

    when_modal(add)
    page.add()
    assert page.stale.isHidden()
    assert page.selected().year == THIS_YEAR  # the new row is selected
    with main_window.database.read() as session:
        assert session.get(m.Population, THIS_YEAR).residents == 5100
        assert session.get(m.Population, THIS_YEAR - 1).residents == 5000

    def edit(dialog):
        assert not dialog.year.isEnabled()
        dialog.residents.setValue(5210)
        dialog.save()

    when_modal(edit)
    page.edit_selected()
    with main_window.database.read() as session:
        assert session.get(m.Population, THIS_YEAR).residents == 5210


def test_edit_and_delete_need_a_chosen_year(main_window):
    page = _page(main_window)
    page.table.clearSelection()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()
    page.table.selectRow(0)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
