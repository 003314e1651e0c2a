"""Fails → Atvērt datubāzi on a file that is not a swdesk database: refused, said, and left as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox

from swdesk.db.database import open_database
from swdesk.gui.app import Controller
from tests.gui.helpers import when_modal


def _snapshot(folder: Path) -> dict[str, str]:
    """The files of ``folder`` with their hashes; the open database's own log files come and go."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(("-wal", "-shm"))
    }


def _workbook(path: Path) -> None:
    book = Workbook()
    book.active.append(["Tabeles nr.", "Vārds", "Uzvārds"])
    book.active.append(["0016", "Ērika", "Šķēle"])
    book.save(path)


@pytest.mark.parametrize(
    ("name", "kind"), [("dati.xlsx", "Excel darbgrāmata (.xlsx)"), ("piezimes.txt", "teksta fails")]
)
def test_opening_a_workbook_from_the_menu_leaves_it_alone(qtbot, qapp, tmp_path, monkeypatch, name, kind):
    folder = tmp_path / "Dokumenti"
    folder.mkdir()
    current = folder / "swdesk.sqlite"
    database = open_database(str(current))
    database.close()
    target = folder / name
    if name.endswith(".xlsx"):
        _workbook(target)
    else:
        target.write_text("Ērika Šķēle — 12 lietas\n", encoding="utf-8")
    before = _snapshot(folder)

    controller = Controller(qapp, db=str(current))
    controller.database = open_database(str(current))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(target), ""))
    said: list[str] = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    controller.show_main()
    when_modal(read)
    controller.window.open_database()  # Fails → Atvērt datubāzi…, the file chosen in the dialog
    assert controller.database.path == current  # still the database that was open
    assert len(said) == 1 and kind in said[0] and "netika ne mainīts, ne pārvietots" in said[0]
    assert "restore" not in said[0]
    controller.window.close()
    controller.database.close()
    assert _snapshot(folder) == before
    assert not list(folder.glob("*bojata*"))
