"""The window's one door to writing (issue 17 point 1): a transaction that can only add, change and delete
records through the records layer, every change filed under the form or grid it came through.

The GUI never holds a writing session (tests/test_architecture.py proves it): a form's save is

    with transaction(ctx.database, "forma:Vakances") as records:
        vacancy = records.add("vacancy", {...})        # RecordError: nothing is written

so each value is checked by the same rules, with the same Latvian messages, as the import's and the command
line's, and lands in the change history with who and through what. A core function that writes several
records of its own (``swdesk.scale.copy_scale``, ``swdesk.planning``…) runs inside the same transaction and
source through :meth:`Writer.run`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from swdesk import records as _records

if TYPE_CHECKING:
    from swdesk.db.database import Database

T = TypeVar("T")


class Writer:
    """One transaction's writes: add, change and delete records of the records layer's kinds, nothing else."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, kind: str, values: Mapping[str, Any]) -> Any:
        """A new record (flushed, with its id); :class:`~swdesk.records.RecordError` if refused."""
        return _records.add(self._session, kind, values)

    def change(self, kind: str, key: Any, values: Mapping[str, Any], *, valid_from: dt.date | None = None) -> Any:
        return _records.change(self._session, kind, key, values, valid_from=valid_from)

    def delete(self, kind: str, key: Any) -> None:
        _records.delete(self._session, kind, key)

    def put(self, kind: str, key: Any, values: Mapping[str, Any]) -> Any:
        """Change the record ``key`` if it is there, else add it (``values`` then hold its key's fields too):
        a setting from a date, a year's salary scale."""
        if key is not None and _records.get(self._session, kind, key) is not None:
            return self.change(kind, key, values)
        return self.add(kind, values)

    def get(self, kind: str, key: Any) -> Any:
        return _records.get(self._session, kind, key)

    def find(self, kind: str, **where: Any) -> Any:
        """The one record of ``kind`` whose fields equal ``where`` (a caseload cell by person, month and work
        type), or None."""
        model = _records.KINDS[kind].model
        stmt = select(model).where(*(getattr(model, name) == value for name, value in where.items()))
        return self._session.scalars(stmt).first()

    def validate(self, kind: str, values: Mapping[str, Any], *, key: Any = None) -> list[_records.Problem]:
        return _records.validate(self._session, kind, values, key=key)

    def run(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Call a core function that writes with a session — ``function(session, *args, **kwargs)`` — in
        this transaction, its changes filed under this transaction's source."""
        return function(self._session, *args, **kwargs)

    def undo_import(self, import_id: int) -> int:
        """Revert import ``import_id`` (``swdesk.records.imports.undo``); UndoRefused names later changes."""
        from swdesk.records.imports import undo

        return undo(self._session, import_id)


@contextmanager
def transaction(database: Database, through: str) -> Iterator[Writer]:
    """One transaction of ``database`` whose changes are attributed to ``through`` (``"forma:Vakances"``,
    ``"režģis:Lietas"``); committed when the block ends, rolled back whole if it raises."""
    with database.write() as session, _records.source(session, through):
        yield Writer(session)
