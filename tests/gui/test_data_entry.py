"""No value dropped or invented in silence (issue 18, point 2): dates typed from a click, a date field left
empty, the caseload grid refusing what is not a count, Delete undone with Ctrl+Z, Esc and × asking before
typed changes are lost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QVBoxLayout, QWidget
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.context import AppContext
from swdesk.gui.views.caseloads import FIXED
from swdesk.gui.views.staff import StaffDialog
from swdesk.gui.widgets import DateEdit
from tests.gui.helpers import when_modal


def _person(database, *, nr: str = "1", first: str = "Anna", last: str = "Avotiņa", fte: str = "1") -> int:
    with database.write() as session:
        person = m.Staff(
            tabeles_nr=nr,
            first_name=first,
            last_name=last,
            position_code="SD",
            fte=Decimal(fte),
            start=dt.date(2020, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        session.add(person)
        session.flush()
        return person.id


# --- dates -------------------------------------------------------------------------------------------------


def _activate(qtbot, widget) -> None:
    """Show the widget in an active window: a click gives the keyboard focus only there."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


def _click_and_type(qtbot, field: DateEdit, text: str) -> None:
    """As a person does it: one click somewhere in the field, then the keys."""
    line = field.edit
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(line.width() // 3, line.height() // 2))
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def _form_with(qtbot, field: DateEdit) -> QWidget:
    """The field in a form beside another field that has the focus first, as in a dialog."""
    form = QWidget()
    layout = QVBoxLayout(form)
    layout.addWidget(QLineEdit())
    layout.addWidget(field)
    qtbot.addWidget(form)
    _activate(qtbot, form)
    return form


def test_a_whole_date_typed_from_a_click_is_that_date(qtbot):
    field = DateEdit(dt.date(2026, 11, 28))
    form = _form_with(qtbot, field)  # noqa: F841 - kept alive while the test types

    _click_and_type(qtbot, field, "15.12.2030")
    assert field.date_value() == dt.date(2030, 12, 15)  # not 28.12.2030: the old day is not kept
    assert field.text() == "15.12.2030"

    _click_and_type(qtbot, field, "01022031")  # without dots
    assert field.date_value() == dt.date(2031, 2, 1)
    assert field.text() == "01.02.2031"  # written back as it is shown everywhere

    # the cursor at the end of a complete date: a new date typed after it replaces it
    field.edit.setFocus()
    field.edit.end(False)
    qtbot.keyClicks(field.edit, "3.4.2032")
    assert field.date_value() == dt.date(2032, 4, 3)


def test_text_that_is_not_a_date_is_said_and_kept_as_typed(qtbot):
    field = DateEdit()
    form = _form_with(qtbot, field)  # noqa: F841 - kept alive while the test types
    _click_and_type(qtbot, field, "31.02.2030")
    assert field.date_value() is None
    assert field.text() == "31.02.2030"  # not turned into another day
    assert "nav datums" in field.problem()


def test_a_new_record_has_no_date_until_one_is_given(qtbot, service_db):
    dialog = StaffDialog(AppContext(service_db))
    qtbot.addWidget(dialog)
    assert dialog.start.date_value() is None and dialog.start.text() == ""  # not today
    dialog.tabeles_nr.setText("11")
    dialog.first_name.setText("Ilze")
    dialog.last_name.setText("Kalna")
    dialog.salary.setText("1300")
    dialog.save()
    assert dialog.result() != StaffDialog.DialogCode.Accepted
    assert dialog.error.isVisible() or not dialog.error.isHidden()
    assert dialog.error.text() == "Ievadiet darba attiecību sākuma datumu (dd.mm.gggg)."
    with service_db.read() as session:
        assert session.scalars(select(m.Staff)).all() == []

    dialog.start.edit.setText("15122030x")
    dialog.save()
    assert "«15122030x» nav datums" in dialog.error.text()

    dialog.start.edit.setText("15122030")
    dialog.save()
    assert dialog.result() == StaffDialog.DialogCode.Accepted
    with service_db.read() as session:
        assert session.scalars(select(m.Staff.start)).one() == dt.date(2030, 12, 15)


# --- the caseload grid -------------------------------------------------------------------------------------


def _grid(main_window):
    _person(main_window.database, nr="1", last="Avotiņa")
    _person(main_window.database, nr="2", first="Jānis", last="Ķēniņš")
    _person(main_window.database, nr="3", first="Zane", last="Zariņa")
    with main_window.database.write() as session:
        session.add(m.Criterion(position_code="*", work_type_code="GAD", unit_code="LIETAS", max_per_fte=25))
        session.add(m.Criterion(position_code="*", work_type_code="GVAD", unit_code="LIETAS", max_per_fte=25))
    view = main_window.show_view("caseloads")
    view.set_month(dt.date(2025, 3, 1))
    return view


def _stored(database) -> dict[tuple[int, str], int | None]:
    with database.read() as session:
        return {(c.staff_id, c.work_type_code): c.cases for c in session.scalars(select(m.Caseload))}


def test_the_grid_sorts_names_in_latvian_order(main_window):
    view = _grid(main_window)
    names = [view.model.index(row, 0).data() for row in range(view.model.rowCount())]
    assert names == ["Anna Avotiņa", "Jānis Ķēniņš", "Zane Zariņa"]  # ķ is the letter after k, not after z
    # … as the staff list sorts them
    staff = main_window.show_view("staff")
    staff.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [staff.proxy.index(r, 1).data() for r in range(staff.proxy.rowCount())] == names


def test_abc_and_enter_is_refused_with_a_message_and_the_old_value_stays(qtbot, main_window):
    view = _grid(main_window)
    model, grid = view.model, view.grid
    column = FIXED + model.pairs.index(("GAD", "LIETAS"))
    assert model.set_block([(0, column, 20)])
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, column))
    qtbot.keyClick(grid, "a")
    qtbot.keyClicks(grid.focusWidget(), "bc")
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.message.isVisible())
    text = view.message.text()
    assert "Anna Avotiņa, Sociālais darbs ar gadījumu (lietu skaits)" in text  # the cell, by name
    assert "«abc» nav skaitlis." in text  # the reason, in the import's own words
    assert "šūnā paliek 20" in text
    assert model.index(0, column).data() == "20"
    assert grid.currentIndex().row() == 0  # the cursor stays on the refused cell
    assert list(_stored(main_window.database).values()) == [20]


def test_a_pasted_block_with_invalid_cells_is_refused_whole(qtbot, main_window):
    view = _grid(main_window)
    model, grid = view.model, view.grid
    gad = FIXED + model.pairs.index(("GAD", "LIETAS"))
    assert model.set_block([(0, gad, 7), (1, gad, 8)])
    before = _stored(main_window.database)
    grid.setCurrentIndex(model.index(0, gad))

    assert not grid.paste("12\tx\n-3\t4\n2,5\t6\n")
    assert view.message.isVisible()
    text = view.message.text()
    assert text.startswith("Nekas netika ielīmēts: 3 no 6 nokopētajām šūnām nav derīgi skaiti.")
    assert "Anna Avotiņa, Gadījuma vadīšana (lietu skaits): «x» nav skaitlis." in text
    assert "Jānis Ķēniņš, Sociālais darbs ar gadījumu (lietu skaits): Vērtībai jābūt vismaz 0; ir -3." in text
    assert "Zane Zariņa, Sociālais darbs ar gadījumu (lietu skaits): «2,5» nav vesels skaitlis." in text
    assert _stored(main_window.database) == before  # nothing of it was written, the valid cells neither
    assert model.index(0, gad).data() == "7" and model.index(1, gad).data() == "8"

    # a block that does not fit from this cell is refused too, not cut
    grid.setCurrentIndex(model.index(2, gad))
    assert not grid.paste("1\n2\n3\n")
    assert "nekas netika ielīmēts" in view.message.text()

    # a sound block is pasted whole
    grid.setCurrentIndex(model.index(0, gad))
    assert grid.paste("12\t1\n13\t\n14\t3\n")
    assert [model.index(r, gad).data() for r in range(3)] == ["12", "13", "14"]


def test_delete_clears_cells_and_ctrl_z_brings_them_back(qtbot, main_window):
    view = _grid(main_window)
    model, grid = view.model, view.grid
    gad = FIXED + model.pairs.index(("GAD", "LIETAS"))
    assert model.set_block([(0, gad, 20), (1, gad, 15)])
    saved = _stored(main_window.database)
    grid.setFocus()
    grid.setCurrentIndex(model.index(0, gad))
    grid.selectionModel().select(
        grid.model().index(1, gad), grid.selectionModel().SelectionFlag.Select
    )
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert model.index(0, gad).data() == "" and model.index(1, gad).data() == ""
    assert _stored(main_window.database) == {}
    assert "Notīrītas vērtības: 2. Ar Ctrl+Z tās var atjaunot." == view.message.text()

    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.index(0, gad).data() == "20" and model.index(1, gad).data() == "15"
    assert _stored(main_window.database) == saved  # back in the database, not only on the screen

    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)  # and redone
    assert _stored(main_window.database) == {}
    view.undo_button.click()
    assert _stored(main_window.database) == saved


def test_an_undo_of_another_month_shows_that_month(main_window):
    view = _grid(main_window)
    model = view.model
    gad = FIXED + model.pairs.index(("GAD", "LIETAS"))
    assert model.set_block([(0, gad, 20)])
    view.set_month(dt.date(2025, 4, 1))
    view.undo_stack.undo()
    assert view.selected_month() == dt.date(2025, 3, 1)
    assert model.index(0, gad).data() == ""
    assert _stored(main_window.database) == {}


# --- Esc and × with typed changes ------------------------------------------------------------------------------


def _answer(button: QMessageBox.StandardButton, asked: list[str]):
    def press(box):
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(button).click()

    return press


def _edit_dialog(main_window) -> StaffDialog:
    _person(main_window.database, nr="5", first="Ieva", last="Kalna")
    with main_window.database.read() as session:
        staff = session.scalars(select(m.Staff)).one()
        session.expunge(staff)
    return StaffDialog(main_window.ctx, staff, parent=main_window)


def _first_name(database) -> str:
    with database.read() as session:
        return session.scalars(select(m.Staff.first_name)).one()


def test_esc_with_typed_changes_asks_and_cancel_returns_to_the_form(qtbot, main_window):
    dialog = _edit_dialog(main_window)
    asked: list[str] = []
    outcome: list[bool] = []

    def type_then_escape(form):
        form.first_name.selectAll()
        qtbot.keyClicks(form.first_name, "Inese")
        when_modal(_answer(QMessageBox.StandardButton.Cancel, asked))
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        outcome.append(form.isVisible())  # Cancel: back in the form, nothing lost
        assert form.first_name.text() == "Inese"
        when_modal(_answer(QMessageBox.StandardButton.Discard, asked))
        qtbot.keyClick(form, Qt.Key.Key_Escape)

    when_modal(type_then_escape)
    assert not dialog.exec()
    assert asked == ["Saglabāt izmaiņas?", "Saglabāt izmaiņas?"] and outcome == [True]
    assert _first_name(main_window.database) == "Ieva"  # discarded


def test_the_windows_x_with_changes_asks_and_save_saves(qtbot, main_window):
    dialog = _edit_dialog(main_window)
    asked: list[str] = []

    def type_then_close(form):
        form.first_name.setText("Inese")
        when_modal(_answer(QMessageBox.StandardButton.Save, asked))
        form.close()  # the window's ×

    when_modal(type_then_close)
    assert dialog.exec()
    assert asked == ["Saglabāt izmaiņas?"]
    assert _first_name(main_window.database) == "Inese"


def test_esc_without_changes_closes_at_once(qtbot, main_window):
    dialog = _edit_dialog(main_window)

    def escape(form):
        qtbot.keyClick(form, Qt.Key.Key_Escape)
        assert not isinstance(QApplication.activeModalWidget(), QMessageBox)

    when_modal(escape)
    assert not dialog.exec()
