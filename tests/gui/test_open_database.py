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


def _set_aside_with_backup(folder: Path) -> Path:
    from swdesk.db import models as m
    from swdesk.db.database import DamagedDatabaseError

    path = folder / "swdesk.sqlite"
    database = open_database(str(path))  # the daily backup
    with database.write() as s:
        s.add(m.Service(name="Valkas novada sociālais dienests", municipality="Valkas novads", head_name="A"))
    database.close()
    from swdesk.db import backup

    backup.backup_file(path, backup.backup_dir(path), prefix="rokas")
    path.write_bytes(path.read_bytes()[:5000])  # cut short
    with pytest.raises(DamagedDatabaseError):
        open_database(str(path))
    assert not path.exists()
    return path


@pytest.mark.parametrize("choice", ["Atjaunot dublējumu", "Sākt jaunu, tukšu datubāzi", "Cancel"])
def test_after_a_database_was_set_aside_the_window_asks(qtbot, qapp, tmp_path, choice):
    from sqlalchemy import select

    from swdesk.db import models as m

    path = _set_aside_with_backup(tmp_path)
    controller = Controller(qapp, db=str(path))
    texts: list[str] = []

    def answer(box: QMessageBox) -> None:
        texts.append(box.text())
        buttons = {b.text().replace("&", ""): b for b in box.buttons()}
        target = buttons.get(choice) or box.button(QMessageBox.StandardButton.Cancel)
        target.click()

    when_modal(answer)
    opened = controller._open(str(path), remember=False)
    assert texts and "bija bojāta un tika nemainīta nolikta malā" in texts[0]
    assert ("Jaunākais pārbaudītais šīs datubāzes dublējums ir no" in texts[0]) and "swdesk --db" not in texts[0]
    if choice == "Cancel":
        assert opened is False and not path.exists()  # nothing made in its place
        return
    assert opened is True and path.exists()
    with controller.database.read() as s:
        names = s.scalars(select(m.Service.name)).all()
    assert names == (["Valkas novada sociālais dienests"] if choice == "Atjaunot dublējumu" else [])
    controller.database.close()


def test_a_server_password_is_never_stored(qapp, monkeypatch):
    from PySide6.QtCore import QSettings

    from swdesk.gui import app as app_module

    class FakeDatabase:
        path = None
        url = "postgresql+psycopg://swdesk:Slepena-Parole@serveris:5432/swdesk"
        display_location = "postgresql+psycopg://swdesk:***@serveris:5432/swdesk"

        class report:  # noqa: N801
            warnings: list[str] = []

        def close(self) -> None:
            pass

    monkeypatch.setattr(app_module, "open_database", lambda target, **kwargs: FakeDatabase())
    controller = Controller(qapp)
    assert controller._open(FakeDatabase.url, remember=True)
    stored = QSettings().value(app_module.KEY_LAST_DB)
    assert stored == "postgresql+psycopg://swdesk@serveris:5432/swdesk"
