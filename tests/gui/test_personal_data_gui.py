"""Issue 15 in the window: the council report is anonymous unless "with names" is ticked for that one save."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from swdesk.demo import generate_demo

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _text(path: Path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.replace("\u00a0", " ").split())


def test_report_is_anonymous_unless_names_are_ticked(qtbot, db, tmp_path, monkeypatch) -> None:
    from swdesk.gui.context import AppContext
    from swdesk.gui.views.exporting import ExportView

    generate_demo(db, size="small", today=dt.date(2026, 3, 15))
    view = ExportView(AppContext(db))
    qtbot.addWidget(view)
    view.report_year.setValue(2025)
    assert not view.report_named.isChecked()
    chosen: list[str] = []

    def save_as(_parent, _caption, suggested, _pattern):  # type: ignore[no-untyped-def]
        chosen.append(Path(suggested).name)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(view.written, timeout=30_000) as anonymous:
        view.report_button.click()
    text = _text(Path(anonymous.args[0]))
    assert "tabeles nr." not in text and "iekšējai lietošanai" not in text

    view.report_named.setChecked(True)
    with qtbot.waitSignal(view.written, timeout=30_000) as named:
        view.report_button.click()
    assert chosen[-1].endswith("_ar_vardiem.pdf")
    text = _text(Path(named.args[0]))
    assert "tabeles nr." in text and "ar vārdiem — iekšējai lietošanai" in text
    # the choice is not kept: the next report is anonymous again
    assert not view.report_named.isChecked()


def _former(db, nr: str, last: str, end: dt.date):  # type: ignore[no-untyped-def]
    from decimal import Decimal

    from swdesk.db import models as m

    with db.write() as session:
        person = m.Staff(
            tabeles_nr=nr,
            first_name="Anna",
            last_name=last,
            personal_code="010190-12345",
            position_code="SD",
            fte=Decimal(1),
            start=dt.date(2005, 1, 1),
            end=end,
            education_code="E1",
            salary=Decimal("1200"),
        )
        session.add(person)
        session.flush()
        session.add(m.Caseload(staff_id=person.id, month=dt.date(2009, 1, 1), work_type_code="GAD", cases=20))


def test_personal_data_dialog_copies_erases_and_anonymises(qtbot, service_db, tmp_path) -> None:
    from sqlalchemy import select

    from swdesk.db import models as m
    from swdesk.gui.context import AppContext
    from swdesk.gui.views.personal_data import PersonalDataDialog

    today = dt.date.today()
    _former(service_db, "E1", "Ozola", today.replace(year=today.year - 12))
    _former(service_db, "E2", "Liepiņa", today.replace(year=today.year - 1))
    dialog = PersonalDataDialog(AppContext(service_db), "E1")
    qtbot.addWidget(dialog)
    # E1 left twelve years ago: due for anonymisation and, with no training records, erasable
    assert dialog.erase_button.isEnabled()
    assert [d.tabeles_nr for d in dialog.due] == ["E1"]

    with qtbot.waitSignal(dialog.written, timeout=20_000) as written:
        dialog.save_copy_to(tmp_path / "dati.pdf", "pdf")
    assert "Ozola" in _text(Path(written.args[0]))

    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        dialog.erase_confirmed()
    with service_db.read() as session:
        assert session.scalar(select(m.Staff).where(m.Staff.tabeles_nr == "E1")) is None
        assert session.scalar(select(m.Caseload).where(m.Caseload.month == dt.date(2009, 1, 1))) is not None
    assert not dialog.pdf_button.isEnabled() and dialog.due == []

    # a shorter retention: E2 becomes due, and is anonymised after a backup
    from swdesk.settings import set_value

    with service_db.write() as session:
        set_value(session, "retention.former_staff_years", "1", dt.date(2000, 1, 1))
    dialog.refresh()
    assert [d.tabeles_nr for d in dialog.due] == ["E2"]
    with qtbot.waitSignal(dialog.changed, timeout=20_000):
        dialog.anonymise_confirmed()
    qtbot.waitUntil(lambda: dialog.due == [])
    with service_db.read() as session:
        names = [(s.first_name, s.last_name, s.personal_code) for s in session.scalars(select(m.Staff))]
    assert names == [("Anonimizēts", "darbinieks", None)]
    assert list((service_db.path.parent / "backups").glob("pirms-anonimizesanas-*"))
