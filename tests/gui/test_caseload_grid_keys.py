"""Lietas as a spreadsheet (issue 14): the names stay in view while scrolling right, Ctrl+C copies the chosen
block for Excel, and a month starts from the previous month's figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from swdesk.db import models as m
from swdesk.gui.views.caseloads import FIXED

MONTH = dt.date(2025, 3, 1)


def _staff(database, people=(("1", "Anna", "Avotiņa", "1"), ("2", "Jānis", "Bērziņš", "0.5"), ("3", "Līga", "Ceļmala", "0.75"))):
    with database.write() as session:
        ids = []
        for nr, first, last, fte in people:
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
            ids.append(person.id)
        codes = session.scalars(select(m.WorkType.code)).all()
        for code in codes:  # a column for every work type and unit: wider than the window
            for unit in ("LIETAS", "IESN", "PERS"):
                session.add(
                    m.Criterion(position_code="*", work_type_code=code, unit_code=unit, max_per_fte=Decimal("40"))
                )
        return ids


def _select_block(grid, top, left, bottom, right):
    model = grid.model()
    selection = QItemSelection(model.index(top, left), model.index(bottom, right))
    grid.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    grid.selectionModel().setCurrentIndex(model.index(top, left), QItemSelectionModel.SelectionFlag.NoUpdate)


def test_ctrl_c_copies_the_chosen_block_tab_separated_with_decimal_commas(qtbot, main_window):
    _staff(main_window.database)
    view = main_window.show_view("caseloads")
    view.set_month(MONTH)
    grid, model = view.grid, view.model
    first = FIXED
    grid.setCurrentIndex(model.index(0, first))
    assert grid.paste("12\t3\n7\t\n25\t4")
    _select_block(grid, 0, 0, 2, first + 1)  # names, FTE and two work types of three people
    QApplication.clipboard().setText("before")
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == (
        "Anna Avotiņa\t1,0\t12\t3\n"
        "Jānis Bērziņš\t0,5\t7\t\n"
        "Līga Ceļmala\t0,75\t25\t4"
    )


def test_the_names_stay_in_view_when_the_grid_is_scrolled_right(qtbot, main_window):
    _staff(main_window.database)
    view = main_window.show_view("caseloads")
    view.set_month(MONTH)
    grid = view.grid
    qtbot.waitUntil(lambda: grid.horizontalScrollBar().maximum() > 0)  # more columns than fit
    bar = grid.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    # the grid's own name column has scrolled away …
    assert grid.columnViewportPosition(0) + grid.columnWidth(0) <= 0
    frozen = view.frozen
    # … and the frozen view over it still shows the names, where the name column was
    assert frozen.isVisible() and frozen.model() is view.model
    assert frozen.geometry().left() <= grid.frameWidth() and frozen.width() >= grid.columnWidth(0)
    assert not frozen.isColumnHidden(0) and all(frozen.isColumnHidden(c) for c in range(FIXED, view.model.columnCount()))
    assert frozen.columnViewportPosition(0) == 0
    names = [frozen.model().index(r, 0).data() for r in range(frozen.model().rowCount())]
    assert names == ["Anna Avotiņa", "Jānis Bērziņš", "Līga Ceļmala"]
    # and the same rows: scrolling down moves both
    assert frozen.rowViewportPosition(2) == grid.rowViewportPosition(2)
    assert frozen.selectionModel() is grid.selectionModel()


def test_a_month_starts_from_the_previous_months_figures_through_the_records_layer(qtbot, main_window):
    database = main_window.database
    anna, janis, liga = _staff(database)
    with database.write() as session:
        session.get(m.Staff, liga).end = dt.date(2025, 2, 28)  # left at the end of February
        february = dt.date(2025, 2, 1)
        for staff_id, work_type, cases, persons in ((anna, "GAD", 21, 3), (janis, "GAD", 9, None), (liga, "GAD", 30, 1)):
            session.add(
                m.Caseload(staff_id=staff_id, month=february, work_type_code=work_type, cases=cases, persons=persons)
            )
    view = main_window.show_view("caseloads")
    view.set_month(MONTH)
    assert view.prefill_button.isEnabled()  # March is empty
    qtbot.mouseClick(view.prefill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(view.model.values))  # written off the UI thread, then shown

    with database.read() as session:
        march = sorted(
            session.execute(
                select(m.Caseload.staff_id, m.Caseload.work_type_code, m.Caseload.cases, m.Caseload.persons).where(
                    m.Caseload.month == MONTH
                )
            ).all()
        )
        through = session.scalars(select(m.ChangeSet.through).order_by(m.ChangeSet.id.desc())).first()
        added = session.scalar(
            select(func.count()).select_from(m.Change).where(m.Change.record_kind == "caseload", m.Change.op == "add")
        )
    # February's figures of those still employed in March; Līga, who left, is not carried over
    assert march == [(anna, "GAD", 21, 3), (janis, "GAD", 9, None)]
    assert through == "režģis:Lietas" and added >= 2  # written through the records layer, in the history
    column = FIXED + view.model.pairs.index(("GAD", "LIETAS"))
    assert [view.model.index(r, column).data() for r in range(view.model.rowCount())] == ["21", "9"]
    assert not view.prefill_button.isEnabled()  # a month with figures is never overwritten

    view.grid.setFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # takes them back
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Caseload).where(m.Caseload.month == MONTH)) == 0
    assert view.prefill_button.isEnabled()


def test_a_month_with_figures_is_refused_whole(main_window):
    from swdesk.caseload_months import PrefillRefused, start_from_previous

    database = main_window.database
    anna, janis, _liga = _staff(database)
    with database.write() as session:
        for month, staff_id in ((dt.date(2025, 2, 1), anna), (dt.date(2025, 2, 1), janis), (MONTH, janis)):
            session.add(m.Caseload(staff_id=staff_id, month=month, work_type_code="GAD", cases=5))
    try:
        with database.write() as session:
            start_from_previous(session, MONTH)
    except PrefillRefused as refusal:
        assert "2025. gada marts" in str(refusal) and "Nekas netika mainīts" in str(refusal)
    else:
        raise AssertionError("a month with a figure was filled")
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Caseload).where(m.Caseload.month == MONTH)) == 1


def test_ctrl_f_in_the_grid_finds_a_person_and_down_goes_to_their_row(qtbot, main_window):
    _staff(main_window.database)
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Lietas
    view = main_window.view("caseloads")
    view.set_month(MONTH)
    assert view.grid.hasFocus()
    qtbot.keyClick(view.grid, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.filter.hasFocus()
    qtbot.keyClicks(view.filter, "celm")  # Ceļmala, typed without Latvian letters
    assert view.grid.currentIndex().row() == 2 and view.grid.currentIndex().column() == FIXED
    assert view.model.rowCount() == 3  # found, not filtered: every row stays for pasting
    qtbot.keyClick(view.filter, Qt.Key.Key_Down)
    assert view.grid.hasFocus() and view.grid.currentIndex().row() == 2
    view.filter.setText("nav tāda")
    assert "b00020" in view.filter.styleSheet()  # nobody matches: said in red
