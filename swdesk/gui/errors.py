"""Errors shown as readable messages, never as a traceback on the screen.

An error the program expects (a damaged file, a wrong setting) is a message box with the core's message.
Any other is the crash dialog: one readable sentence, where the log file is, and a button that copies the
newest part of the log — the traceback included — for whoever helps the person.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from swdesk import logs

log = logging.getLogger("swdesk.gui")


def _user_error_types() -> tuple[type[BaseException], ...]:
    """Exceptions whose message is written for the user (in the core's current language)."""
    from swdesk.cli import UsageError
    from swdesk.db.backup import BackupError
    from swdesk.db.database import DatabaseError
    from swdesk.records import RecordError
    from swdesk.settings import SettingError

    types: list[type[BaseException]] = [DatabaseError, BackupError, UsageError, SettingError, RecordError]
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


def traceback_text(exc: BaseException) -> str:
    """The traceback of ``exc``; a worker's (swdesk.gui.operations keeps it) when it came from one."""
    return getattr(exc, "__swdesk_traceback__", None) or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )


class CrashDialog(QDialog):
    """An error the program did not expect: a sentence for the person, the log for whoever helps them."""

    def __init__(self, parent: QWidget | None, *, title: str, message: str, trace: str) -> None:
        super().__init__(parent)
        self.trace = trace
        self.setWindowTitle(title)
        self.log_file = logs.active_log_path()

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.log_file is not None:
            where = self.tr("Log file: %1").replace("%1", str(self.log_file))
        else:
            where = self.tr("This time no log file is kept: the copy holds this error's details.")
        self.where = QLabel(where)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copied = QLabel()
        self.copied.setWordWrap(True)
        self.copied.setContentsMargins(0, 6, 0, 0)
        self.copied.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = buttons.addButton(self.tr("Copy log"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_log)
        self.folder_button = buttons.addButton(
            self.tr("Open log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.folder_button.clicked.connect(self.open_folder)
        self.folder_button.setVisible(self.log_file is not None)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addSpacing(6)
        text.addWidget(self.where)
        text.addWidget(self.copied)
        text.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(12)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def log_text(self) -> str:
        """What "Copy log" puts on the clipboard: the system, the newest part of the log, the traceback."""
        recent = logs.recent_text()
        if self.trace.strip() not in recent:  # no log file, or the log could not be written
            recent = f"{recent}\n{self.trace}" if recent else self.trace
        return f"{logs.describe_system()}\n\n{recent.strip()}\n"

    def copy_log(self) -> None:
        QGuiApplication.clipboard().setText(self.log_text())
        self.copied.setText(
            self.tr(
                "The log was copied. Paste it (Ctrl+V) into a message to whoever helps you with the program."
            )
        )
        self.copied.show()
        self.adjustSize()

    def open_folder(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(self.log_file).parent)))


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    title = title or QCoreApplication.translate("errors", "swdesk — error")
    if isinstance(exc, _user_error_types()):
        log.warning("shown to the user: %s", exc)
        QMessageBox.critical(parent, title, readable_message(exc))
        return
    trace = traceback_text(exc)
    log.error("unexpected error\n%s", trace)
    CrashDialog(parent, title=title, message=readable_message(exc), trace=trace).exec()


def install_excepthook() -> None:
    """Any exception that reaches the event loop becomes a dialog and a log entry."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if QApplication.instance() is None:
            log.error("uncaught exception\n%s", "".join(traceback.format_exception(kind, exc, tb)))
            return
        try:
            show_error(QApplication.activeWindow(), exc)  # logs it with its traceback
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception(
                "the error dialog failed for\n%s", "".join(traceback.format_exception(kind, exc, tb))
            )
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
