"""Helpers for driving modal dialogs from GUI tests."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(action: Callable[[QWidget], None], *, tries: int = 200) -> list[QWidget]:
    """Run ``action(dialog)`` as soon as a modal dialog is open (the caller then opens it with exec()).

    A dialog that ``action`` leaves open is rejected, so that a failing test fails instead of hanging;
    ``stuck`` then lists it.
    """
    seen: list[QWidget] = []
    stuck: list[QWidget] = []

    def poll(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            seen.append(dialog)
            try:
                action(dialog)
            finally:
                if dialog.isVisible():
                    stuck.append(dialog)
                    # an edit form would ask whether to save its changes: close it without asking
                    getattr(dialog, "discard", dialog.reject)()  # type: ignore[attr-defined]
        elif left > 0:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen
