"""Fails → Saglabāt sarakstu kā Excel… (Ctrl+Shift+S): the list as shown — filtered, sorted, its visible
columns — in an .xlsx whose rows are exactly those on the screen, typed (issue 14)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from swdesk.db import models as m
from swdesk.gui.operations import wait_all

PEOPLE = (
    ("0008", "Anna", "Avotiņa", "1", "1500", dt.date(2019, 3, 1)),
    ("12", "Jānis", "Bērziņš", "0.5", "1320.5", dt.date(2021, 9, 15)),
    ("7", "Līga", "Bērziņa", "0.75", "1710", dt.date(2020, 1, 1)),
    ("=1+2", "Ēriks", "Šķēle", "1", "1200", dt.date(2022, 5, 2)),
)


def _people(database) -> None:
    with database.write() as session:
        for nr, first, last, fte, salary, start in PEOPLE:
            session.add(
                m.Staff(
                    tabeles_nr=nr,
                    first_name=first,
                    last_name=last,
                    position_code="SD",
                    fte=Decimal(fte),
                    start=start,
                    education_code="E1",
                    salary=Decimal(salary),
                )
            )


def _save_with_keys(qtbot, window, monkeypatch, path) -> list[list]:
    """Ctrl+Shift+S as a person presses it, the file dialog answered with ``path``; the sheet's table."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(
        window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(path.exists)
    wait_all()
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    header = next(i for i, r in enumerate(rows) if r[0] and r[1] and all(isinstance(v, str) for v in r if v))
    return rows[header:]


def test_the_staff_list_as_shown_filtered_and_sorted(qtbot, main_window, monkeypatch, tmp_path):
    _people(main_window.database)
    view = main_window.show_view("staff")
    view.filter.setText("berz")  # Bērziņš and Bērziņa only
    view.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)  # by salary, highest first
    view.table.setColumnHidden(6, True)  # education hidden by the person
    shown = [
        [view.proxy.index(r, c).data() for c in range(view.proxy.columnCount()) if c != 6]
        for r in range(view.proxy.rowCount())
    ]
    assert [row[1] for row in shown] == ["Līga Bērziņa", "Jānis Bērziņš"]

    table = _save_with_keys(qtbot, main_window, monkeypatch, tmp_path / "darbinieki.xlsx")
    header, *rows = table
    assert header == [
        view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(view.proxy.columnCount()) if c != 6
    ]
    assert len(rows) == 2  # exactly the shown rows …
    assert [r[1] for r in rows] == ["Līga Bērziņa", "Jānis Bērziņš"]  # … in the shown order
    lina, janis = rows
    assert lina[0] == "7" and isinstance(lina[0], str)  # an employee number stays text
    assert lina[3] == 0.75 and janis[3] == 0.5  # FTE a number
    assert lina[4] == dt.datetime(2020, 1, 1) and janis[4] == dt.datetime(2021, 9, 15)  # dates are dates
    assert janis[6] == 1320.5  # the salary a number (Education, hidden, is not there)


def test_a_formula_like_text_stays_text_and_the_sheet_says_what_it_shows(qtbot, main_window, monkeypatch, tmp_path):
    _people(main_window.database)
    view = main_window.show_view("staff")
    view.filter.setText("sk")  # Šķēle, typed without Latvian letters
    path = tmp_path / "saraksts.xlsx"
    table = _save_with_keys(qtbot, main_window, monkeypatch, path)
    assert table[1][0] == "=1+2" and table[1][1] == "Ēriks Šķēle"
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "Darbinieki"
    above = [str(r[0]) for r in sheet.iter_rows(max_row=5, values_only=True) if r[0]]
    assert "Darbinieki" in above[0]
    assert any("Filtrs" in line and "sk" in line for line in above)
    assert any("1 no 4" in line for line in above)
    assert sheet.freeze_panes is not None
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "=1+2")
    assert cell.data_type == "s"  # stored as text: no spreadsheet evaluates it


def test_the_findings_list_filtered_by_severity(qtbot, main_window, monkeypatch, tmp_path):
    _people(main_window.database)
    view = main_window.show_view("findings")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=10000)
    wait_all()
    QApplication.processEvents()
    view.severity.setCurrentIndex(view.severity.findData("warning"))
    shown = [
        [view.proxy.index(r, c).data() for c in (0, 1, 2, 5)] for r in range(view.proxy.rowCount())
    ]
    assert shown and len(shown) < view.model.rowCount()
    table = _save_with_keys(qtbot, main_window, monkeypatch, tmp_path / "parbaudes.xlsx")
    rows = table[1:]
    assert [[r[0], r[1], r[2], r[5]] for r in rows] == shown


def test_shown_values_are_read_back_as_the_kind_they_show():
    from swdesk.gui.list_export import column_values

    assert column_values(["1\u00a0320,50 EUR", "", "980,00 EUR"], True) == (
        [Decimal("1320.50"), None, Decimal("980.00")],
        "money",
    )
    assert column_values(["3,5\u00a0h", "40\u00a0h"], True) == ([Decimal("3.5"), Decimal("40")], "hours")
    assert column_values(["11,2\u00a0%", "—"], True) == ([Decimal("0.112"), None], "share")
    assert column_values(["1,0", "0,75", "0,125"], True)[1] == "number"  # as many places as shown
    assert column_values(["12,0 / 24,0", "3"], True) == (["12,0 / 24,0", "3"], "text")  # not all numbers
    assert column_values(["0008", "12"], False) == (["0008", "12"], "text")  # a code column stays text
