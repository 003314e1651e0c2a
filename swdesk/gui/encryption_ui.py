"""The window's side of the encrypted database (issue 15): the recovery key shown once (and its PDF sheet),
the "Enter the recovery key" dialog, and Fails → Šifrēt / Atšifrēt datubāzi.

Everything that touches the files is core code (``swdesk.db.encryption``); here only questions and answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from swdesk.db.database import Database


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown this once: big, with what it is for, a button that saves the sheet to print,
    and Close only after the head says it is written down or saved."""

    def __init__(self, recovery_key: str, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.database = database
        self.sheet: Path | None = None
        self.setWindowTitle(self.tr("Recovery key"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "The database is encrypted. Its key is kept in this computer's credential store, so nothing "
                "needs typing at start. The recovery key below is the only other way to open the database "
                "(on a new computer, for another Windows user, after a reinstall). It is shown only now: "
                "print it and keep it in a safe, apart from the computer."
            )
        )
        intro.setWordWrap(True)
        key = QLabel(recovery_key)
        font = QFont(key.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        key.setFont(font)
        key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key.setStyleSheet("border: 1px solid #555; padding: 10px;")
        self.key_label = key
        self.save_button = QPushButton(self.tr("Save the sheet to print (PDF)…"))
        self.save_button.clicked.connect(self.save_sheet)
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.kept.toggled.connect(self.close_button.setEnabled)
        buttons.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(key)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addWidget(self.kept)
        layout.addWidget(buttons)

    def reject(self) -> None:  # Esc does not close it before the key is kept
        if self.kept.isChecked():
            super().reject()

    def save_sheet(self, target: str | None = None) -> Path | None:
        """Write the sheet "Atkopšanas atslēga" to a file the head chooses (``target`` for tests)."""
        from swdesk.export.recovery_sheet import write_recovery_sheet

        if target is None:
            suggested = str(Path.home() / "atkopsanas-atslega.pdf")
            target, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the recovery key sheet"), suggested, self.tr("PDF document (*.pdf)")
            )
            if not target:
                return None
        path = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
        try:
            self.sheet = write_recovery_sheet(path, recovery_key=self.recovery_key, database=self.database)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Recovery key"), str(exc))
            return None
        self.status.setText(
            self.tr(
                "Saved: %1. Print it, then delete the file: a copy on this computer helps a thief."
            ).replace("%1", str(self.sheet))
        )
        return self.sheet


class RecoveryKeyEntry(QDialog):
    """Ievadīt atkopšanas atslēgu: the key as typed (any case, with or without dashes); checked for its form
    here, for fitting the database when it is opened."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter the recovery key"))
        self.setMinimumWidth(560)
        text = QLabel(message)
        text.setWordWrap(True)
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr('Recovery key (from the printed sheet "Atkopšanas atslēga"):')))
        layout.addWidget(self.key)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def check(self) -> None:
        from swdesk.db.encryption import normalise_recovery_key

        try:
            normalise_recovery_key(self.key.text())
        except ValueError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


def open_with_recovery_key(parent: QWidget | None, problem: Exception, open_again: Any) -> Database | None:
    """The database's key is missing or wrong: say so (nothing was moved or changed) and ask for the
    recovery key until one opens it or the head cancels. ``open_again()`` opens the database again."""
    from swdesk.db import encryption

    message = str(problem)
    while True:
        entry = RecoveryKeyEntry(message, parent)
        if not entry.exec():
            return None
        encryption.offer_recovery_key(entry.key.text())
        try:
            database = open_again()
        except encryption.KeyMissingError as again:
            encryption.forget_recovery_keys()
            message = str(again)
            continue
        encryption.forget_recovery_keys()
        return database  # type: ignore[no-any-return]


def encryption_offer(parent: QWidget | None = None) -> tuple[bool, str]:
    """Whether a new database can be encrypted here, and the sentence for the first-start screen."""
    from swdesk.db.encryption import unavailable_reason

    reason = unavailable_reason()
    if reason is None:
        return True, ""
    return False, reason


def ask_encrypt(window: QWidget, database: Database) -> bool:
    """Fails → Šifrēt datubāzi: whether it can be done here and the head wants it (nothing is changed)."""
    from swdesk.db import encryption

    title = QCoreApplication.translate("EncryptionUi", "Encrypt the database")
    if database.path is None:
        QMessageBox.information(window, title, _core("encrypt.only_sqlite"))
        return False
    if database.encrypted:
        QMessageBox.information(window, title, _core("crypt.already", path=database.path))
        return False
    reason = encryption.unavailable_reason()
    if reason is not None:
        QMessageBox.warning(window, title, _core("crypt.unavailable", reason=reason))
        return False
    answer = QMessageBox.question(
        window,
        title,
        QCoreApplication.translate(
            "EncryptionUi",
            "Encrypt %1 and its backups? The key is kept in this computer's credential store; a recovery key "
            "is shown once, to print and keep in a safe. The database is converted through a verified copy; "
            "close any other swdesk window first.",
        ).replace("%1", str(database.path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_decrypt(window: QWidget, database: Database) -> bool:
    """Fails → Atšifrēt datubāzi: asked, with what it means."""
    title = QCoreApplication.translate("EncryptionUi", "Decrypt the database")
    if database.path is None or not database.encrypted:
        QMessageBox.information(window, title, _core("crypt.not_encrypted", path=database.display_location))
        return False
    answer = QMessageBox.question(
        window,
        title,
        QCoreApplication.translate(
            "EncryptionUi",
            "Decrypt %1 and its backups? Anyone who has the file will then be able to read the staff's data.",
        ).replace("%1", str(database.path)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _core(key: str, **values: Any) -> str:
    from swdesk.i18n import tr

    return tr(key, **values)
