"""Lietas: type a month into the grid like a spreadsheet; a cell over the criterion is highlighted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.views.caseloads import FIXED


def _setup(database):
    with database.write() as session:
        for nr, last, fte in (("1", "Avotiņa", Decimal("1")), ("2", "Bērziņa", Decimal("0.5"))):
            session.add(
                m.Staff(
                    tabeles_nr=nr,
                    first_name="Anna",
                    last_name=last,
                    position_code="SD",
                    fte=fte,
                    start=dt.date(2020, 1, 1),
                    education_code="E1",
                    salary=Decimal("1500"),
                )
            )
        session.add(
            m.Criterion(
                position_code="*", work_type_code="GAD", unit_code="LIETAS", max_per_fte=Decimal("25")
            )
        )


def _type(qtbot, grid, text):
    """Keys as a person types them: the first opens the editor, the rest go to the editor that has focus."""
    qtbot.keyClick(grid, text[0])
    qtbot.keyClicks(grid.focusWidget(), text[1:])


def test_type_a_month_and_see_the_cell_over_the_criterion(qtbot, main_window):
    _setup(main_window.database)
    view = main_window.show_view("caseloads")
    view.set_month(dt.date(2025, 3, 1))
    model, grid = view.model, view.grid
    assert model.rowCount() == 2
    column = FIXED + model.pairs.index(("GAD", "LIETAS"))
    assert "Sociālais darbs ar gadījumu" in model.headerData(
        column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )

    grid.setFocus()
    grid.setCurrentIndex(model.index(0, column))
    _type(qtbot, grid, "20")  # typing overwrites the cell …
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)  # … Enter writes it and moves down
    qtbot.waitUntil(lambda: grid.currentIndex().row() == 1)  # the delegate closes its editor queued
    _type(qtbot, grid, "15")
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(1, column).data() == "15")

    assert model.index(0, column).data() == "20"
    assert not model.is_over(0, column)  # 20 per FTE ≤ 25
    assert model.is_over(1, column)  # 15 on 0,5 FTE = 30 per FTE > 25
    assert model.index(1, column).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "30,00" in model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)
    with main_window.database.read() as session:
        stored = sorted(session.execute(select(m.Caseload.month, m.Caseload.cases)).all(), key=lambda r: r[1])
    assert stored == [(dt.date(2025, 3, 1), 15), (dt.date(2025, 3, 1), 20)]


def test_paste_a_block_and_clear_a_cell(qtbot, main_window):
    _setup(main_window.database)
    view = main_window.show_view("caseloads")
    view.set_month(dt.date(2025, 4, 1))
    model, grid = view.model, view.grid
    column = FIXED + model.pairs.index(("GAD", "LIETAS"))
    grid.setCurrentIndex(model.index(0, column))
    assert grid.paste("26\n7\n")  # two rows of one column, as Excel copies them
    assert model.is_over(0, column) and not model.is_over(1, column)
    assert model.setData(model.index(0, column), "")  # an emptied cell deletes the value
    assert not model.setData(model.index(1, column), "abc")  # not a count: refused
    with main_window.database.read() as session:
        assert session.scalars(select(m.Caseload.cases)).all() == [7]


def test_grid_model(qtmodeltester, main_window):
    _setup(main_window.database)
    view = main_window.show_view("caseloads")
    qtmodeltester.check(view.model, force_py=True)
