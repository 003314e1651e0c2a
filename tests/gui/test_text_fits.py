"""Text that fits and buttons that mean something: a finding read in full below the list, Kritēriji's
Edit…/Delete only with a row chosen and a saved row shown, an export that shows it is working, a future month
in an import said before it is written."""

from __future__ import annotations

import datetime as dt
import html
import sys
import threading
import time
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QProgressDialog,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionHeader,
)

from swdesk.db import models as m
from swdesk.gui.operations import run_operation
from swdesk.gui.views.criteria import CriterionDialog, ScaleDialog
from tests.gui.helpers import when_modal


def _specialist(session, nr: str, education: str = "E5") -> None:
    session.add(
        m.Staff(
            tabeles_nr=nr,
            first_name="Līga",
            last_name="Egle",
            position_code="SD",
            fte=Decimal(1),
            start=dt.date(2020, 1, 1),
            education_code=education,
            salary=Decimal("1600"),
        )
    )


def test_the_chosen_finding_is_shown_in_full_below_the_list(qtbot, main_window):
    with main_window.database.write() as session:
        _specialist(session, "42")  # E5 for a social worker: an education finding with a long message
    view = main_window.view("findings")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        main_window.open_findings(year=dt.date.today().year)
    # the first finding is chosen at once, and its whole message is below the table
    first = view.selected()
    assert first is not None and html.escape(first.message) in view.detail.text()
    row = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 2).data() == "Līga Egle (42)")
    view.table.selectRow(row)
    finding = view.selected()
    assert finding.rule == "education.compliance"
    # the message column shows only its start; the detail shows all of it, with what it is about
    column = view.table.columnWidth(5)
    assert view.table.fontMetrics().horizontalAdvance(finding.message) > column
    assert html.escape(finding.message) in view.detail.text()
    assert "Kļūda · Izglītība · Līga Egle (42)" in view.detail.text()
    view.table.clearSelection()
    assert "Izvēlieties konstatējumu" in view.detail.text()


def test_criteria_edit_and_delete_wait_for_a_chosen_row_and_a_saved_row_is_chosen(qtbot, main_window):
    view = main_window.show_view("criteria")
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    assert not view.change_button.isEnabled()
    assert not view.scale_edit_button.isEnabled() and not view.scale_delete_button.isEnabled()
    view.settings_table.selectRow(0)
    assert view.change_button.isEnabled()

    def fill(dialog):
        assert isinstance(dialog, CriterionDialog)
        dialog.position.setCurrentIndex(dialog.position.findData("SD"))
        dialog.work_type.setCurrentIndex(dialog.work_type.findData("GAD"))
        dialog.unit.setCurrentIndex(dialog.unit.findData("LIETAS"))
        dialog.max_per_fte.setText("25")
        dialog.save()

    when_modal(fill)
    view.add_criterion()
    chosen = view._selected_criterion()  # the new criterion is chosen, so Edit… and Delete apply to it
    assert chosen is not None and (chosen.work_type_code, chosen.max_per_fte) == ("GAD", 25)
    assert view.edit_button.isEnabled() and view.delete_button.isEnabled()

    view.tabs.setCurrentIndex(2)

    def new_row(dialog):
        assert isinstance(dialog, ScaleDialog)
        dialog.group.setValue(14)
        dialog.year.setValue(2031)
        for edit, amount in ((dialog.low, "2000"), (dialog.mid, "2500"), (dialog.high, "3000")):
            edit.setText(amount)
        dialog.save()

    when_modal(new_row)
    view.add_scale()
    entry = view._selected_scale()
    assert entry is not None and (entry.group, entry.year) == (14, 2031)
    assert view.scale_edit_button.isEnabled()
    index = view.scale_table.selectionModel().selectedRows()[0]
    assert view.scale_table.visualRect(index).intersects(view.scale_table.viewport().rect())  # in view


def test_the_report_export_shows_it_is_working(qtbot, main_window, tmp_path, monkeypatch):
    view = main_window.show_view("export")
    target = tmp_path / "atskaite.pdf"
    monkeypatch.setattr(view, "_ask_path", lambda _name, _fmt: target)
    with qtbot.waitSignal(view.written, timeout=30_000):
        view.save_report()
        # at once, before the document is ready: what is being written, a moving bar, no second click
        assert view.busy() and view.result_label.text() == "Sagatavo atskaiti…"
        assert view.progress.isVisible() and view.progress.maximum() == 0
        assert not view.report_button.isEnabled() and not view.claim_button.isEnabled()
    assert not view.busy() and view.report_button.isEnabled()
    assert str(target) in view.result_label.text() and target.exists()


def test_a_slow_operation_shows_its_progress_window_within_a_second(qtbot, main_window):
    release = threading.Event()
    done = []
    run_operation(
        lambda _c: release.wait(10), parent=main_window, label="Sagatavo…", on_success=done.append
    )
    started = time.monotonic()

    def shown():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]

    try:
        qtbot.waitUntil(lambda: bool(shown()), timeout=1_500)  # Qt's default would wait 4 s
        assert time.monotonic() - started < 1.2
        assert shown()[0].labelText() == "Sagatavo…"
    finally:
        release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    qtbot.waitUntil(lambda: not shown(), timeout=2_000)


def test_an_import_preview_warns_about_a_month_in_the_future(qtbot, main_window, tmp_path):
    with main_window.database.write() as session:
        _specialist(session, "1", education="E1")
    year = dt.date.today().year + 36  # 2062 for 2026: a mistyped year
    wb = Workbook()
    ws = wb.active
    ws.title = "Lietas"
    ws.append(["Tabeles nr.", "Mēnesis", "Darba veids", "Lietu skaits"])
    ws.append(["1", f"03.{year}", "GAD", 20])
    path = Path(tmp_path / "lietas.xlsx")
    wb.save(path)
    view = main_window.show_view("import")
    with qtbot.waitSignal(view.previewed, timeout=20_000):
        view.load(path)
    assert f"Lapa «Lietas»: mēnesis ir nākotnē (03.{year}) — 2. rinda." in view.summary.text()
    assert view.import_button.isEnabled()  # a warning, not a refusal


# --- sort arrows and widths (seen cut or pointing the wrong way at 1366×768) -------------------------------


def _arrow(table, column: int):
    option = QStyleOptionHeader()
    table.horizontalHeader().initStyleOptionForIndex(option, column)
    return option.sortIndicator


def _person(session, nr: str, last: str, position: str, start: dt.date, unit: str | None = None) -> m.Staff:
    person = m.Staff(
        tabeles_nr=nr,
        first_name="Anna",
        last_name=last,
        position_code=position,
        fte=Decimal(1),
        start=start,
        education_code="E1",
        salary=Decimal("1500"),
        unit_name=unit,
    )
    session.add(person)
    session.flush()
    return person


def test_sort_arrows_point_the_way_the_rows_go_and_only_where_sorted(qtbot, main_window):
    year = dt.date.today().year
    with main_window.database.write() as session:
        person = _person(session, "1", "Liepa", "SD", dt.date(2020, 1, 1))
        for day, hours in ((5, 2), (20, 3)):
            session.add(
                m.Duty(staff_id=person.id, date=dt.date(year, 1, day), category_code="NS_TRANSP", hours=hours)
            )
    view = main_window.view("duties")
    with qtbot.waitSignal(view.loaded, timeout=15_000):
        main_window.show_view("duties")
    # Pienākumi: the newest first, so the date's arrow points down; the other columns have none
    assert view.model.rows[0].date > view.model.rows[-1].date
    assert _arrow(view.table, 0) == QStyleOptionHeader.SortIndicator.SortDown
    assert _arrow(view.table, 1) == QStyleOptionHeader.SortIndicator.None_
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert view.model.rows[0].date < view.model.rows[-1].date
    assert _arrow(view.table, 0) == QStyleOptionHeader.SortIndicator.SortUp
    # Kritēriji: rows in the order they were entered, so no arrow anywhere until a header is clicked
    criteria = main_window.show_view("criteria")
    for table in (criteria.criteria_table, criteria.settings_table, criteria.scale_table):
        model = table.model()
        assert all(_arrow(table, c) == QStyleOptionHeader.SortIndicator.None_ for c in range(model.columnCount()))


def test_columns_keep_their_width_when_a_filter_leaves_short_rows(qtbot, main_window):
    with main_window.database.write() as session:
        _person(session, "1", "Liepa", "SPO", dt.date(2020, 11, 1), unit="Teritoriālais centrs «Ziepniekkalns»")
        _person(session, "2", "Ozola", "APR", dt.date(2021, 1, 1))
    view = main_window.show_view("staff")
    metrics = view.table.fontMetrics()
    widths = [view.table.columnWidth(c) for c in range(view.model.columnCount())]
    view.filter.setText("Ozola")  # only the short row is left
    assert view.proxy.rowCount() == 1
    view.refresh()  # as after any change elsewhere, while the filter stays
    assert [view.table.columnWidth(c) for c in range(view.model.columnCount())] == widths
    for column, text in ((2, "Sociālās palīdzības organizators"), (4, "01.11.2020")):
        assert view.table.columnWidth(column) > metrics.horizontalAdvance(text)  # never "01.11.2…"
    # and every header with room for its sort arrow: "Daļa no darba laika" in Pienākumi's totals
    with main_window.database.write() as session:
        session.add(m.Duty(staff_id=1, date=dt.date.today(), category_code="NS_TRANSP", hours=1))
    duties = main_window.view("duties")
    with qtbot.waitSignal(duties.loaded, timeout=15_000):
        main_window.show_view("duties")
    header = duties.totals_table.horizontalHeader()
    title = duties.totals.headerData(2, Qt.Orientation.Horizontal)
    assert title == "Daļa no darba laika"
    assert header.sectionSize(2) >= header.fontMetrics().horizontalAdvance(title) + 12


def test_the_education_combo_shows_each_level_whole(qtbot, main_window):
    from swdesk.gui.views.staff import StaffDialog

    dialog = StaffDialog(main_window.ctx, parent=main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.education
    metrics = combo.fontMetrics()
    for index in range(combo.count()):
        combo.setCurrentIndex(index)
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        assert field.width() >= metrics.horizontalAdvance(combo.currentText()), combo.currentText()
    assert dialog.width() >= combo.x() + combo.width()  # the dialog holds the whole combo
    dialog.discard()


def test_a_new_record_is_chosen_and_scrolled_into_view_after_saving(qtbot, main_window):
    """Darbinieki, Vakances and Pienākumi with more rows than the table shows: the saved one is chosen and
    visible, wherever the sort puts it."""
    from swdesk.gui.views.duties import DutyDialog
    from swdesk.gui.views.staff import StaffDialog
    from swdesk.gui.views.vacancies import VacancyDialog

    year = dt.date.today().year
    with main_window.database.write() as session:
        people = [_person(session, str(i), f"Liepa{i:02d}", "SD", dt.date(2020, 1, 1)) for i in range(60)]
        for i, person in enumerate(people):
            session.add(m.Duty(staff_id=person.id, date=dt.date(year, 1, 2), category_code="NS_TRANSP", hours=1))
            announced = dt.date(2024, 1, 1) + dt.timedelta(days=i)
            session.add(m.Vacancy(position_code="SD", fte=Decimal(1), announced=announced))

    def visible(view) -> bool:
        rows = view.table.selectionModel().selectedRows()
        return bool(rows) and view.table.viewport().rect().intersects(view.table.visualRect(rows[0]))

    staff = main_window.show_view("staff")

    def new_person(dialog):
        assert isinstance(dialog, StaffDialog)
        dialog.tabeles_nr.setText("900")
        dialog.first_name.setText("Zane")
        dialog.last_name.setText("Žagata")  # last in Latvian order
        dialog.start.set_date(dt.date(2022, 1, 1))
        dialog.salary.setText("1500")
        dialog.save()

    when_modal(new_person)
    staff.add()
    assert staff.selected().tabeles_nr == "900" and visible(staff)

    vacancies = main_window.show_view("vacancies")  # loads at once
    vacancies.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # oldest first: the new one at the end

    def new_vacancy(dialog):
        assert isinstance(dialog, VacancyDialog)
        dialog.announced.set_date(dt.date(year, 1, 10))
        dialog.fte.setText("1")
        dialog.save()

    when_modal(new_vacancy)
    vacancies.add()
    qtbot.waitUntil(lambda: vacancies.selected() is not None, timeout=10_000)
    assert vacancies.selected().announced == dt.date(year, 1, 10) and visible(vacancies)

    duties = main_window.view("duties")
    with qtbot.waitSignal(duties.loaded, timeout=15_000):
        main_window.show_view("duties")
    duties.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the newest at the end

    def new_duty(dialog):
        assert isinstance(dialog, DutyDialog)
        dialog.date.set_date(dt.date(year, 1, 3))
        dialog.staff.set_staff_id(people[0].id)
        dialog.hours.setText("2")
        dialog.save()

    when_modal(new_duty)
    with qtbot.waitSignal(duties.loaded, timeout=15_000):
        duties.add()
    qtbot.waitUntil(lambda: duties.selected() is not None, timeout=10_000)
    assert (duties.selected().date, duties.selected().hours) == (dt.date(year, 1, 3), 2) and visible(duties)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows names a file's type itself, in its own language")
def test_qts_file_dialog_names_a_folder_in_latvian(tmp_path):
    """The Type column of Qt's own file dialog (bare Linux) said "Folder" beside Latvian headers."""
    from PySide6.QtCore import QFileInfo
    from PySide6.QtWidgets import QFileIconProvider

    assert QFileIconProvider().type(QFileInfo(str(tmp_path))) == "Mape"
