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
