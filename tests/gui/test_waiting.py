"""A write of the window that finds another program writing: a dialog says it waits, and Cancel stops it."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from sqlalchemy import func, select

from swdesk.db import database as db_module
from swdesk.db import models as m
from swdesk.gui.app import WaitingForWriter


@pytest.fixture
def waiting(qapp, monkeypatch):  # type: ignore[no-untyped-def]
    notice = WaitingForWriter(qapp)
    monkeypatch.setattr(db_module, "waiting_notice", notice)
    monkeypatch.setattr(db_module, "FIRST_WAIT_MS", 150)
    return notice


def _dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_cancel_stops_waiting_and_nothing_is_written(qtbot, db, waiting) -> None:
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program is writing
    seen: list[str] = []

    def press_cancel() -> None:
        for dialog in _dialogs():
            seen.append(dialog.labelText())
            dialog.cancel()

    QTimer.singleShot(600, press_cancel)
    started = time.monotonic()
    try:
        with pytest.raises(db_module.WriteCancelled, match="Gaidīšana atcelta"):
            with db.write() as s:
                s.add(m.Population(year=1999, residents=1))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - started < 5  # not the whole 15 s
    assert seen == ["Gaida, kamēr cita swdesk programma pabeidz rakstīt datubāzē…"]
    assert _dialogs() == []
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Population)) == 0


def test_the_write_goes_through_when_the_other_program_finishes(qtbot, db, waiting) -> None:
    holder = sqlite3.connect(db.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    shown: list[bool] = []

    def finish_other() -> None:
        shown.append(bool(_dialogs()))
        holder.execute("COMMIT")

    QTimer.singleShot(700, finish_other)
    with db.write() as s:
        s.add(m.Population(year=1999, residents=1))
    holder.close()
    assert shown == [True] and _dialogs() == []
    with db.read() as s:
        assert s.scalar(select(m.Population.residents).where(m.Population.year == 1999)) == 1
