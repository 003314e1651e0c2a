"""Structural units in the window (issue 14 point 1): the toolbar's "Struktūrvienība" selector narrows every
view to the unit's people (sub-units included) and stays chosen across views; Dienests → Struktūrvienības
adds, edits and deletes units through the records layer, with its Latvian refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QMessageBox

from swdesk import records
from swdesk.gui.models import ROW_ROLE
from tests.gui.helpers import when_modal

THIS_YEAR = dt.date.today().year


def _person(nr: str, last: str, unit: str) -> dict[str, object]:
    return {"tabeles_nr": nr, "first_name": "Anna", "last_name": last, "position_code": "SD", "fte": Decimal(1),
            "start": dt.date(THIS_YEAR - 3, 1, 1), "education_code": "E1", "salary": Decimal(900),
            "unit_name": unit}


def _units(window) -> dict[str, int]:
    with window.database.write() as s, records.source(s, "tests"):
        parent = records.add(s, "structural_unit", {"name": "Teritoriālie centri", "head_name": "Ilze Kalna"})
        jugla = records.add(s, "structural_unit", {"name": "Jugla", "parent_id": parent.id})
        teika = records.add(s, "structural_unit", {"name": "Teika"})
        records.add(s, "staff", _person("1", "Liepa", "Jugla"))
        records.add(s, "staff", _person("2", "Kalna", "Teika"))
        records.add(s, "staff", _person("3", "Ozola", "Teika"))
        return {"parent": parent.id, "jugla": jugla.id, "teika": teika.id}


def _choose(window, name: str) -> None:
    selector = window.unit_filter
    selector.reload()
    index = next(i for i in range(selector.count()) if selector.itemText(i).strip() == name)
    selector.setCurrentIndex(index)


def _staff_names(qtbot, window) -> list[str]:
    view = window.show_view("staff")
    return sorted(view.proxy.index(r, 0).data(ROW_ROLE).last_name for r in range(view.proxy.rowCount()))


def _findings(qtbot, window) -> list[str]:
    view = window.view("findings")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        window.show_view("findings")
        view.refresh()
    return sorted({view.proxy.index(r, 0).data(ROW_ROLE).subject for r in range(view.proxy.rowCount())
                   if view.proxy.index(r, 0).data(ROW_ROLE).subject.startswith("staff:")})


def test_the_chosen_unit_narrows_every_view_and_stays_chosen(qtbot, main_window):
    _units(main_window)
    assert main_window.unit_filter.currentText() == "Visas"
    assert _staff_names(qtbot, main_window) == ["Kalna", "Liepa", "Ozola"]
    _choose(main_window, "Teika")
    assert _staff_names(qtbot, main_window) == ["Kalna", "Ozola"]
    # the findings (a salary below the scale for everybody) are the unit's people's
    assert _findings(qtbot, main_window) == ["staff:2", "staff:3"]
    _choose(main_window, "Teritoriālie centri")  # the parent: its sub-unit's people
    assert _findings(qtbot, main_window) == ["staff:1"]
    assert _staff_names(qtbot, main_window) == ["Liepa"]
    dashboard = main_window.view("dashboard")
    with qtbot.waitSignal(dashboard.loaded, timeout=10_000):
        main_window.show_view("dashboard")
        dashboard.refresh()
    assert "Teritoriālie centri — darbinieku: 1, slodžu: 1,00" in dashboard.as_of.text()
    assert "(visa pašvaldība)" in dashboard.cards["ratio"].limit.text()
    _choose(main_window, "Visas")
    assert _staff_names(qtbot, main_window) == ["Kalna", "Liepa", "Ozola"]


def test_units_are_added_edited_and_a_unit_with_people_is_not_deleted(qtbot, main_window):
    ids = _units(main_window)
    view = main_window.show_view("criteria")
    view.tabs.setCurrentWidget(view.units_page)
    page = view.units_page
    page.refresh()
    assert [page.model.rows[i].name for i in range(len(page.model.rows))] == [
        "Teika", "Teritoriālie centri", "Jugla"]
    errors: list[str] = []

    def add(dialog):
        dialog.name.setText("teika")  # taken, letter case aside
        dialog.save()
        errors.append(dialog.error.text())
        dialog.name.setText("Imanta")
        dialog.head_name.setText("Daina Sproģe")
        dialog.parent_unit.setCurrentIndex(dialog.parent_unit.findData(ids["parent"]))
        dialog.save()

    when_modal(add)
    page.add_button.click()
    assert errors == ["Struktūrvienība «Teika» jau ir sarakstā."]
    assert [(r.name, r.parent, r.head_name) for r in page.model.rows if r.name == "Imanta"] == [
        ("Imanta", "Teritoriālie centri", "Daina Sproģe")]
    assert main_window.unit_filter.findText("    Imanta") > 0  # the toolbar's list follows

    warned: list[str] = []

    def answer(box):
        if isinstance(box, QMessageBox) and box.icon() == QMessageBox.Icon.Question:
            when_modal(lambda warning: (warned.append(warning.text()), warning.accept()))
            box.button(QMessageBox.StandardButton.Yes).click()

    row = next(i for i, r in enumerate(page.model.rows) if r.name == "Teika")
    page.table.selectRow(row)
    when_modal(answer)
    page.delete_selected()
    assert warned and "Struktūrvienību «Teika» nevar dzēst: tajā strādā vai ir strādājuši darbinieki (2)." in warned[0]
    assert any(r.name == "Teika" for r in page.model.rows)


def test_the_staff_form_offers_the_units_and_refuses_one_not_in_the_list(qtbot, main_window):
    from swdesk.gui.views.staff import StaffDialog
    from tests.gui.test_staff import _fill

    _units(main_window)
    dialog = StaffDialog(main_window.ctx)
    qtbot.addWidget(dialog)
    completer = dialog.unit_name.completer()
    completer.setCompletionPrefix("centri")  # any part of the name, letter case aside
    assert completer.currentCompletion() == "Teritoriālie centri"
    _fill(dialog, nr="9", first="Ilze", last="Kalna")
    dialog.unit_name.setText("Pabalstu nodaļa")
    dialog.save()
    assert "Struktūrvienības «Pabalstu nodaļa» nav struktūrvienību sarakstā" in dialog.error.text()
    dialog.unit_name.setText("jugla")
    dialog.save()
    assert dialog.result() == StaffDialog.DialogCode.Accepted
    with main_window.database.read() as s:
        assert records.get(s, "staff", dialog.saved_id).unit_name == "Jugla"  # the list's spelling
