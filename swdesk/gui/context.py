"""What every view shares: the open database and a signal that the data changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from swdesk.db.database import Database


class AppContext(QObject):
    """Views call :meth:`changed` after a write; every view then reloads when it is next shown."""

    data_changed = Signal()

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database

    def changed(self) -> None:
        self.data_changed.emit()
