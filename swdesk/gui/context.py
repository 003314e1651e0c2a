"""What every view shares: the open database, a signal that the data changed, and the structural unit chosen."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from swdesk.db.database import Database


class AppContext(QObject):
    """Views call :meth:`changed` after a write; every view then reloads when it is next shown.

    ``unit_id`` is the structural unit chosen in the main window's toolbar (issue 14), None for the whole
    service; every view reads it when it loads, and :attr:`unit_changed` makes them reload. The people it
    stands for come from the core (:meth:`unit_staff`), never from hiding rows."""

    data_changed = Signal()
    unit_changed = Signal()

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.unit_id: int | None = None

    def changed(self) -> None:
        self.data_changed.emit()

    def set_unit(self, unit_id: int | None) -> None:
        if unit_id != self.unit_id:
            self.unit_id = unit_id
            self.unit_changed.emit()


def unit_staff(database: Database, unit_id: int | None, first: dt.date, last: dt.date) -> frozenset[int] | None:
    """The staff ids of the unit during [first, last] (``swdesk.units.staff_in_unit``); None: everybody.
    For a view's loader, which runs off the UI thread with the unit it was asked for."""
    if unit_id is None:
        return None
    from swdesk import units

    with database.read() as session:
        return units.staff_in_unit(session, unit_id, first, last)


def year_staff(database: Database, unit_id: int | None, year: int) -> frozenset[int] | None:
    """The unit's people during calendar year ``year``; None: everybody."""
    return unit_staff(database, unit_id, dt.date(year, 1, 1), dt.date(year, 12, 31))
