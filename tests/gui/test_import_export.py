"""Imports (preview, then confirm; nothing written before) and Eksports (a claim to a temporary folder)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from swdesk.db import models as m

HEADER = [
    "Tabeles nr.",
    "Vārds",
    "Uzvārds",
    "Personas kods",
    "Amats",
    "Slodze",
    "Darba sākums",
    "Izglītība",
    "Mēnešalga",
]


def _workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "Darbinieki"
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _staff_count(db):
    with db.read() as session:
        return session.scalar(select(func.count(m.Staff.id)))


def test_import_preview_then_confirm(qtbot, main_window, tmp_path):
    view = main_window.show_view("import")
    bad = _workbook(
        tmp_path / "bad.xlsx",
        [
            ["1", "Anna", "Liepa", "010190-12345", "SD", "1", "01.02.2020", "E1", "1500"],
            ["2", "Jānis", "Ozols", "", "SD", "0,5", "01.03.2021", "E3", "1400"],
        ],
    )
    with qtbot.waitSignal(view.previewed, timeout=20_000):
        view.load(bad)
    assert view.problems.rowCount() >= 1
    problem = view.problems.rows[0]
    assert (problem.sheet, problem.row, problem.column) == ("Darbinieki", 2, "Personas kods")
    assert not view.import_button.isEnabled()
    assert _staff_count(main_window.database) == 0

    good = _workbook(
        tmp_path / "good.xlsx",
        [
            ["1", "Anna", "Liepa", "", "SD", "1", "01.02.2020", "E1", "1500"],
            ["2", "Jānis", "Ozols", "", "SD", "0,5", "01.03.2021", "E3", "1400"],
        ],
    )
    with qtbot.waitSignal(view.previewed, timeout=20_000):
        view.load(good)
    assert view.problems.rowCount() == 0
    assert view.counts.rows[0][0] == "Darbinieki" and view.counts.rows[0][1].added == 2
    assert view.import_button.isEnabled()
    assert _staff_count(main_window.database) == 0  # a preview writes nothing

    with qtbot.waitSignal(view.imported, timeout=20_000):
        qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    assert _staff_count(main_window.database) == 2
    staff = main_window.show_view("staff")
    assert staff.model.rowCount() == 2  # the other views see the new data


def test_the_empty_template_is_written(qtbot, main_window, tmp_path):
    view = main_window.show_view("import")
    target = tmp_path / "veidne.xlsx"
    with qtbot.waitSignal(view.template_written, timeout=20_000):
        view.write_template_to(target)
    assert "Darbinieki" in load_workbook(target).sheetnames


def test_export_a_claim_to_a_temporary_folder(qtbot, main_window, tmp_path):
    database = main_window.database
    with database.write() as session:
        person = m.Staff(
            tabeles_nr="3",
            first_name="Ieva",
            last_name="Kalna",
            position_code="SD",
            fte=1,
            start=dt.date(2020, 1, 1),
            education_code="E1",
            salary=Decimal("1500"),
        )
        session.add(person)
        session.flush()
        session.add(
            m.TrainingEvent(
                staff_id=person.id,
                date=dt.date(2025, 3, 10),
                kind="training",
                minutes=480,
                duration=Decimal(8),
                duration_unit="hours",
                cost=Decimal("120"),
                invoice="R-1",
            )
        )
    view = main_window.show_view("export")
    view.claim_year.setValue(2025)
    view.claim_part.setCurrentIndex(view.claim_part.findData("-H1"))
    assert view.claim_period() == "2025-H1"
    target = tmp_path / "claim.xlsx"
    with qtbot.waitSignal(view.written, timeout=20_000):
        view.export_claim_to(target, view.claim_period(), "xlsx")
    assert target.exists() and load_workbook(target).sheetnames
    assert view.open_file_button.isEnabled() and view.open_folder_button.isEnabled()
    assert str(target) in view.result_label.text()
