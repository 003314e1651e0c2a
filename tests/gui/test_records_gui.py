"""The window writes through the records layer (issue 17): the same refusal as the import's, each save in the
change history under its form, the history view on a large history, and undoing an import from its log."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, insert, select

from swdesk import records
from swdesk.db import models as m
from swdesk.gui.context import AppContext
from swdesk.records.history import find


def _person(database, nr: str = "1") -> int:
    with database.write() as session:
        return records.add(session, "staff", {
            "tabeles_nr": nr, "first_name": "Anna", "last_name": "Avotiņa", "position_code": "SD",
            "fte": Decimal(1), "start": dt.date(2020, 1, 1), "education_code": "E1", "salary": Decimal(1500),
        }).id


def _sources(database, kind: str) -> list[tuple[str, str]]:
    with database.read() as session:
        return [(e.through, e.op) for e in find(session, kind=kind)]


@pytest.fixture
def ctx(service_db):  # type: ignore[no-untyped-def]
    return AppContext(service_db)


# --- one rule, one message ------------------------------------------------------------------------------


def test_an_fte_above_the_limit_gets_the_imports_words_in_the_vacancy_form(qtbot, ctx):
    from swdesk.gui.views.vacancies import VacancyDialog
    from swdesk.importer import sheets

    dialog = VacancyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.fte.setText("2")
    dialog.announced.set_date(dt.date(2026, 1, 5))
    dialog.save()
    with ctx.database.read() as session:
        problems = records.validate(session, "vacancy", {"position_code": "SD", "fte": "2",
                                                         "announced": dt.date(2026, 1, 5)})
        assert session.scalar(select(m.Vacancy.id)) is None  # nothing written
    with pytest.raises(Exception) as imported:  # the import's own reading of the Slodze column
        sheets.sheet_by_name("Vakances").column("fte").parse("2", None)
    assert dialog.error.text() == problems[0].message == str(imported.value)
    assert "1,5" in dialog.error.text()


def test_a_count_the_grid_refuses_has_the_words_of_the_records_layer_and_the_import(qtbot, ctx):
    from swdesk.gui.views.caseloads import parse_count
    from swdesk.importer import sheets

    staff_id = _person(ctx.database)
    _value, grid_reason = parse_count("-3", "cases")
    with ctx.database.read() as session:
        problems = records.validate(session, "caseload", {"staff_id": staff_id, "month": dt.date(2026, 1, 1),
                                                          "work_type_code": "GAD", "cases": "-3"})
    with pytest.raises(Exception) as imported:
        sheets.sheet_by_name("Lietas").column("cases").parse("-3", None)
    assert grid_reason == problems[0].message == str(imported.value)


def test_the_staff_form_refuses_what_the_import_refuses_in_the_same_words(qtbot, ctx):
    from swdesk.gui.views.staff import StaffDialog
    from swdesk.importer import sheets

    _person(ctx.database, "7")
    dialog = StaffDialog(ctx)
    qtbot.addWidget(dialog)
    for edit, text in ((dialog.tabeles_nr, "8"), (dialog.first_name, "Jānis"), (dialog.last_name, "Ozols"),
                       (dialog.fte, "15"), (dialog.salary, "1400")):
        edit.setText(text)
    dialog.start.set_date(dt.date(2024, 1, 1))
    dialog.save()
    with pytest.raises(Exception) as imported:
        sheets.sheet_by_name("Darbinieki").column("fte").parse("15", None)
    assert dialog.error.text() == str(imported.value)
    assert dialog.fte.hasFocus() or not dialog.isVisible()  # the cursor goes to the field named
    dialog.fte.setText("1")
    dialog.tabeles_nr.setText("7")  # Anna Avotiņa's number
    dialog.save()
    assert dialog.error.text() == "Darbinieks ar tabeles nr. «7» jau ir (Anna Avotiņa)."
    dialog.tabeles_nr.setText("8")
    dialog.save()
    assert dialog.saved_id is not None
    assert _sources(ctx.database, "staff")[0] == ("forma:Darbinieki", "add")


def test_the_salary_scale_form_and_swdesk_scale_set_refuse_in_the_same_words(qtbot, ctx, capsys):
    from swdesk.cli import main
    from swdesk.gui.views.criteria import ScaleDialog

    dialog = ScaleDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.group.setValue(9)
    dialog.year.setValue(2026)
    for edit, text in ((dialog.low, "2000"), (dialog.mid, "1500"), (dialog.high, "2500")):
        edit.setText(text)
    dialog.save()
    with ctx.database.read() as session:
        problems = records.validate(session, "scale", {"group": 9, "year": 2026, "min": Decimal(2000),
                                                       "mid": Decimal(1500), "max": Decimal(2500)})
    assert dialog.error.text() == problems[0].message
    path = str(ctx.database.engine.url.database)
    assert main(["--db", path, "scale", "set", "9", "2026", "2000", "1500", "2500"]) == 2
    assert capsys.readouterr().err.strip() == f"Kļūda: {dialog.error.text()}"


# --- each save in the history with its source -------------------------------------------------------------


def test_a_vacancy_saved_edited_and_deleted_is_in_the_history_under_its_form(qtbot, ctx):
    from swdesk.gui.views.vacancies import VacancyDialog, VacancyView

    dialog = VacancyDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.fte.setText("0,5")
    dialog.announced.set_date(dt.date(2026, 1, 5))
    dialog.save()
    assert dialog.saved_id is not None
    view = VacancyView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    with ctx.database.read() as session:
        vacancy = session.get(m.Vacancy, dialog.saved_id)
        session.expunge(vacancy)
    edit = VacancyDialog(ctx, vacancy)
    qtbot.addWidget(edit)
    edit.fte.setText("1")
    edit.save()
    assert _sources(ctx.database, "vacancy") == [("forma:Vakances", "change"), ("forma:Vakances", "add")]
    with ctx.database.read() as session:
        change = find(session, kind="vacancy", key=dialog.saved_id)[0]
    assert (change.field, change.old, change.new) == ("fte", "0.5", "1")


def test_the_grid_the_criterion_duty_training_and_population_forms_name_their_source(qtbot, ctx):
    from swdesk.gui.views.caseloads import CaseloadGridModel
    from swdesk.gui.views.criteria import CriterionDialog
    from swdesk.gui.views.duties import DutyDialog
    from swdesk.gui.views.service import PopulationDialog
    from swdesk.gui.views.training import EventDialog

    staff_id = _person(ctx.database)
    grid = CaseloadGridModel(ctx.database)
    grid.write_values(dt.date(2026, 1, 1), [((staff_id, "GAD", "LIETAS"), 12)])
    grid.write_values(dt.date(2026, 1, 1), [((staff_id, "GAD", "LIETAS"), None)])
    assert _sources(ctx.database, "caseload") == [("režģis:Lietas", "delete"), ("režģis:Lietas", "add")]

    criterion = CriterionDialog(ctx)
    qtbot.addWidget(criterion)
    criterion.max_per_fte.setText("40")
    criterion.save()
    assert criterion.saved_id is not None
    assert _sources(ctx.database, "criterion") == [("forma:Kritēriji", "add")]

    duty = DutyDialog(ctx, 2026)
    qtbot.addWidget(duty)
    duty.date.set_date(dt.date(2026, 1, 7))
    duty.staff.set_staff_id(staff_id)
    duty.hours.setText("2,5")
    duty.save()
    assert duty.saved_id is not None, duty.error.text()
    assert _sources(ctx.database, "duty") == [("forma:Pienākumi", "add")]

    event = EventDialog(ctx, 2026)
    qtbot.addWidget(event)
    event.date.set_date(dt.date(2026, 1, 8))
    event.staff.set_staff_ids([staff_id])
    event.duration.setText("2")
    event.save()
    assert event.saved_ids, event.error.text()
    assert _sources(ctx.database, "training") == [("forma:Apmācības", "add")]

    population = PopulationDialog(ctx)
    qtbot.addWidget(population)
    population.year.setValue(2031)
    population.residents.setValue(4800)
    population.save()
    assert _sources(ctx.database, "population")[0] == ("forma:Dienests", "add")  # the fixture's own come before


def test_an_edit_forms_history_button_lists_that_records_changes_in_latvian(qtbot, ctx):
    from swdesk.gui.views.history import RecordHistoryDialog
    from swdesk.gui.views.vacancies import VacancyDialog

    with ctx.database.write() as session, records.source(session, "forma:Vakances"):
        vacancy = records.add(session, "vacancy", {"position_code": "SD", "fte": Decimal("0.5"),
                                                   "announced": dt.date(2026, 1, 5)})
        records.change(session, "vacancy", vacancy.id, {"filled": dt.date(2026, 2, 16), "fte": Decimal("0.75")})
        vacancy_id = vacancy.id
    with ctx.database.read() as session:
        vacancy = session.get(m.Vacancy, vacancy_id)
        session.expunge(vacancy)
    dialog = VacancyDialog(ctx, vacancy)
    qtbot.addWidget(dialog)
    assert dialog.history_button.isEnabled()
    history = RecordHistoryDialog(ctx, "vacancy", vacancy_id, "x")
    qtbot.addWidget(history)
    rows = [history.model.texts(e) for e in history.model.entries]
    by_field = {row[4]: row for row in rows}
    assert by_field["Slodze"][5:] == ["0,5", "0,75"]
    assert by_field["Aizpildīta"][5:] == ["", "16.02.2026"]
    assert all(row[2] == "forma «Vakances»" for row in rows)
    new = VacancyDialog(ctx)
    qtbot.addWidget(new)
    assert not new.history_button.isEnabled()  # a new record has no history yet


# --- the history view on 100 000 changes ------------------------------------------------------------------


def test_the_history_view_opens_on_100_000_changes_at_once(qtbot, ctx):
    from swdesk.gui.views.history import HistoryView

    at = dt.datetime(2026, 1, 1, 8, 0)
    with ctx.database.write() as session:  # 1 000 imports of 100 changes each, after the fixture's own
        first = (session.scalar(select(func.max(m.ChangeSet.id))) or 0) + 1
        session.execute(insert(m.ChangeSet), [
            {"id": first + i, "at": at + dt.timedelta(minutes=i), "os_user": "anna", "through": "imports"}
            for i in range(1000)
        ])
        session.execute(insert(m.Change), [
            {"change_set_id": first + i // 100, "record_kind": "caseload", "record_key": str(i), "field": "cases",
             "op": "change", "old": str(i % 50), "new": str(i % 50 + 1)}
            for i in range(100_000)
        ])
    view = HistoryView(ctx)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    started = time.perf_counter()
    view.refresh()
    qtbot.waitExposed(view)
    elapsed = time.perf_counter() - started
    print(f"history view on 100 000 changes: {elapsed:.3f} s")
    assert view.model.rowCount() >= 100
    assert view.model.texts(view.model.entries[0])[:3] == ["02.01.2026 00:39", "anna", "imports"]
    assert elapsed < 1.0
    assert view.model.rowCount() == 200 and view.model.canFetchMore()
    view.table.scrollToBottom()  # the next page is read when the list reaches its end
    qtbot.waitUntil(lambda: view.model.rowCount() == 400)
    assert view.model.entries[200].id == view.model.entries[199].id - 1
    view.person.setText("")
    view.source.setCurrentIndex(view.source.findData("forma:"))
    view.refresh()
    assert view.model.rowCount() == 0  # no form made any of them


# --- undoing an import --------------------------------------------------------------------------------------


def _import_staff(database, path):
    from swdesk.importer.importer import import_workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Darbinieki"
    ws.append(["Tabeles nr.", "Vārds", "Uzvārds", "Amats", "Slodze", "Darba sākums", "Izglītība", "Mēnešalga"])
    ws.append(["77", "Ilze", "Kalniņa", "SD", "1", "01.02.2020", "E1", "1500"])
    wb.save(path)
    return import_workbook(database, [path])


def test_an_import_is_undone_from_its_log_after_a_question(qtbot, ctx, tmp_path, monkeypatch):
    from swdesk.gui.views.importing import ImportView

    _import_staff(ctx.database, tmp_path / "dati.xlsx")
    view = ImportView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    assert view.log.rowCount() == 1
    assert view.log.rows[0].file_name == "dati.xlsx"
    view.log_table.selectRow(0)
    assert view.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.undo_selected()
    with ctx.database.read() as session:
        assert session.scalar(select(m.Staff.id).where(m.Staff.tabeles_nr == "77")) is None
    assert view.log.rows[0].undone_at is not None
    view.log_table.selectRow(0)
    assert not view.undo_button.isEnabled()


def test_an_undo_refused_lists_the_later_change_in_the_way(qtbot, ctx, tmp_path, monkeypatch):
    from swdesk.gui.views import importing

    _import_staff(ctx.database, tmp_path / "dati.xlsx")
    with ctx.database.write() as session, records.source(session, "forma:Darbinieki"):
        staff_id = session.scalar(select(m.Staff.id).where(m.Staff.tabeles_nr == "77"))
        records.change(session, "staff", staff_id, {"first_name": "Ilze Anna"})
    view = importing.ImportView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    view.log_table.selectRow(0)
    shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(importing.UndoRefusedDialog, "exec", lambda self: shown.append(self) or 0)
    view.undo_selected()
    assert len(shown) == 1
    refusal = shown[0]
    assert "nevar atsaukt" in refusal.message.text()
    lines = [refusal.conflicts.item(i).text() for i in range(refusal.conflicts.count())]
    assert len(lines) == 1 and "forma:Darbinieki" in lines[0]
    with ctx.database.read() as session:
        assert session.get(m.Staff, staff_id).first_name == "Ilze Anna"  # nothing undone
