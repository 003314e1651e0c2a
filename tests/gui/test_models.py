"""Every table model passes pytest-qt's model tester, on its own and behind the filter proxy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.models import FindingsModel, StaffModel, TableFilterProxy, VacancyModel
from swdesk.rules.findings import Finding


@pytest.fixture
def staff_rows(service_db):
    with service_db.write() as session:
        for nr, pos, end in (("1", "SD", None), ("2", "SPO", dt.date(2022, 5, 31)), ("10", "VAD", None)):
            session.add(
                m.Staff(
                    tabeles_nr=nr,
                    first_name="Vārds" + nr,
                    last_name="Uzvārds",
                    position_code=pos,
                    fte=Decimal("0.75"),
                    start=dt.date(2020, 1, 1),
                    end=end,
                    education_code="E1",
                    salary=Decimal("1234.5"),
                )
            )
        session.add(m.Vacancy(position_code="SD", fte=1, announced=dt.date(2024, 2, 1)))
    with service_db.read() as session:
        staff = session.scalars(select(m.Staff)).unique().all()
        vacancies = session.scalars(select(m.Vacancy)).all()
        session.expunge_all()
    for v in vacancies:
        v.position_name = "Sociālais darbinieks"
    return staff, vacancies


def _check_with_proxy(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    proxy = TableFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0)
    proxy.setFilterFixedString("1")
    qtmodeltester.check(proxy, force_py=True)


def test_staff_model(qtmodeltester, staff_rows):
    model = StaffModel()
    model.set_rows(staff_rows[0])
    _check_with_proxy(qtmodeltester, model)
    assert model.index(0, 3).data() == "0,75"
    assert model.index(0, 7).data() == "1\u00a0234,50 EUR"


def test_vacancy_model(qtmodeltester, staff_rows):
    model = VacancyModel()
    model.set_rows(staff_rows[1])
    _check_with_proxy(qtmodeltester, model)
    assert model.index(0, 2).data() == "01.02.2024"


def test_findings_model(qtmodeltester):
    model = FindingsModel()
    model.set_rows(
        [
            Finding(
                "staffing.ratio",
                "error",
                "service",
                Decimal("1139.4"),
                Decimal("1000"),
                "Par maz speciālistu",
            ),
            Finding("supervision.hours", "warning", "staff:7", None, None, "Supervīzija"),
        ]
    )
    _check_with_proxy(qtmodeltester, model)
    assert model.index(0, 3).data() == "1\u00a0139,4"
    assert model.index(1, 0).data() == "Brīdinājums"


def test_empty_models(qtmodeltester):
    for model in (StaffModel(), VacancyModel(), FindingsModel()):
        qtmodeltester.check(model, force_py=True)


def test_import_models(qtmodeltester):
    from swdesk.gui.models import ImportCountsModel, ImportProblemsModel
    from swdesk.importer.importer import Problem, SheetCounts

    problems = ImportProblemsModel()
    problems.set_rows(
        [Problem("Darbinieki", 3, "Slodze", "Slodzei jābūt skaitlim"), Problem(None, None, None, "x")]
    )
    _check_with_proxy(qtmodeltester, problems)
    counts = ImportCountsModel()
    counts.set_rows([("Darbinieki", SheetCounts(added=2, updated=1, unchanged=0))])
    _check_with_proxy(qtmodeltester, counts)
    assert counts.index(0, 1).data() == "2"


def test_a_header_click_sorts_names_in_latvian_order_and_keeps_the_selection(qtbot):
    from types import SimpleNamespace

    from PySide6.QtCore import Qt

    from swdesk.gui.models import ROW_ROLE
    from swdesk.gui.widgets import make_table

    def person(number, first, last):
        return SimpleNamespace(
            tabeles_nr=number, first_name=first, last_name=last, full_name=f"{first} {last}",
            position=SimpleNamespace(name="Sociālais darbinieks"), fte=Decimal(1), start=dt.date(2020, 1, 1),
            end=None, education_code="E1", salary=Decimal(1000), unit_name=None,
        )

    model = StaffModel()
    proxy = TableFilterProxy()
    proxy.setSourceModel(model)
    table = make_table()
    qtbot.addWidget(table)
    table.setModel(proxy)
    names = [("1", "Zane", "Šmite"), ("2", "Anna", "Ābola"), ("3", "Rita", "Zariņa"), ("10", "Ilze", "Apine"),
             ("4", "Olga", "Čakste"), ("5", "Inga", "Caune"), ("6", "Līga", "Sīle")]
    model.set_rows([person(*n) for n in names])
    table.selectRow(proxy.mapFromSource(model.index(0, 0)).row())  # Zane Šmite

    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # Vārds, uzvārds: by surname, then name
    shown = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert shown == ["Ilze Apine", "Anna Ābola", "Inga Caune", "Olga Čakste", "Līga Sīle", "Zane Šmite",
                     "Rita Zariņa"]
    assert table.selectionModel().selectedRows()[0].data(ROW_ROLE).last_name == "Šmite"

    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # employee numbers as numbers: 10 above 6
    assert [proxy.index(r, 0).data() for r in range(3)] == ["10", "6", "5"]
    proxy.setFilterFixedString("ne")  # filtering keeps the sorted order
    assert [proxy.index(r, 1).data() for r in range(proxy.rowCount())] == ["Ilze Apine", "Inga Caune", "Zane Šmite"]
