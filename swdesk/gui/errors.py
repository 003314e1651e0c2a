"""Errors shown as readable messages, never as a traceback on the screen."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("swdesk.gui")


def _user_error_types() -> tuple[type[BaseException], ...]:
    """Exceptions whose message is written for the user (in the core's current language)."""
    from swdesk.cli import UsageError
    from swdesk.db.backup import BackupError
    from swdesk.db.database import DatabaseError
    from swdesk.settings import SettingError

    types: list[type[BaseException]] = [DatabaseError, BackupError, UsageError, SettingError]
    try:
        from swdesk.rules.periods import PeriodError

        types.append(PeriodError)
    except ImportError:
        pass
    return tuple(types)


def readable_message(exc: BaseException) -> str:
    if isinstance(exc, _user_error_types()):
        return str(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate("errors", "The file could not be used: %1").replace(
            "%1", exc.strerror or str(exc)
        ) + (f" ({exc.filename})" if exc.filename else "")
    detail = str(exc) or type(exc).__name__
    return QCoreApplication.translate(
        "errors",
        "Something went wrong that the program did not expect: %1\n\nThe details are in the log file.",
    ).replace("%1", detail)


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    if not isinstance(exc, _user_error_types()):
        trace = getattr(exc, "__swdesk_traceback__", None) or "".join(
            traceback.format_exception(type(exc), exc, exc.__traceback__)
        )
        log.error("unexpected error\n%s", trace)
    QMessageBox.critical(
        parent,
        title or QCoreApplication.translate("errors", "swdesk — error"),
        readable_message(exc),
    )


def install_excepthook() -> None:
    """Any exception that reaches the event loop becomes a dialog and a log entry."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught exception\n%s", "".join(traceback.format_exception(kind, exc, tb)))
        if QApplication.instance() is not None:
            try:
                show_error(QApplication.activeWindow(), exc)
            except Exception:  # noqa: BLE001 - the hook itself must never raise
                sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
