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
