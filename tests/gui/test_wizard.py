"""First start: the wizard creates the service through the same function as `swdesk init`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import select

from swdesk.db import models as m
from swdesk.gui.app import has_service
from swdesk.gui.wizard import FirstStartWizard


def test_wizard_creates_the_service(qtbot, db):
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    assert not has_service(db)
    wizard.service_name.setText("Cēsu novada Sociālais dienests")
    wizard.municipality.setCurrentIndex(wizard.municipality.findText("Cēsu novads"))
    wizard.population.setValue(40120)
    wizard.year.setValue(2025)
    wizard.head_name.setText("Ilze Kalniņa")
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)

    assert wizard.result() == FirstStartWizard.DialogCode.Accepted
    with db.read() as session:
        service = session.scalars(select(m.Service)).one()
        population = session.get(m.Population, 2025)
        assert (service.name, service.municipality, service.head_name) == (
            "Cēsu novada Sociālais dienests",
            "Cēsu novads",
            "Ilze Kalniņa",
        )
        assert population is not None and population.residents == 40120


def test_wizard_refuses_an_empty_name_and_writes_nothing(qtbot, db):
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    wizard.population.setValue(1000)
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    assert wizard.result() != FirstStartWizard.DialogCode.Accepted
    assert wizard.error.text() == "Ievadiet dienesta nosaukumu."
    assert not has_service(db)


def test_wizard_lists_the_43_municipalities_and_this_year(qtbot, db):
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    assert wizard.municipality.count() == 43
    assert wizard.year.value() == dt.date.today().year
