"""``SWDESK_STARTUP_PROBE=FILE``: for the start-up benchmark only (``make bench``, tests/bench/run.py).

Off unless the variable is set. When it is, the program writes to FILE the ``time.monotonic()`` moments of
its main window's first paint and of the dashboard filled with its data (``painted 123.4`` and
``dashboard 123.9``, one a line), then quits. The benchmark compares them with the moment it launched the
process, so that a timing is the whole wait a person sees, imports and the database included.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

VARIABLE = "SWDESK_STARTUP_PROBE"


def install(app: QApplication, window: QWidget | None) -> None:
    """Watch ``window`` (the main window just shown) when :data:`VARIABLE` names a file."""
    target = os.environ.get(VARIABLE)
    if not target or window is None or not hasattr(window, "after_first_paint"):
        return
    marks: dict[str, float] = {}

    def mark(name: str, when: float | None = None) -> None:
        marks.setdefault(name, when or time.monotonic())
        if len(marks) == 2:
            Path(target).write_text("".join(f"{k} {v!r}\n" for k, v in marks.items()), encoding="utf-8")
            app.quit()

    # the moment of the paint itself (what else waited for it, the database's opening, has run by now)
    window.after_first_paint(lambda: mark("painted", window.painted_at))  # type: ignore[attr-defined]
    # the window is filled after its first paint (Controller.start_shown); the dashboard's data after that
    window.attached.connect(  # type: ignore[attr-defined]
        lambda: window.view("dashboard").loaded.connect(lambda: mark("dashboard"))  # type: ignore[attr-defined]
    )
