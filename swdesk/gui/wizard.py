"""First start: whose PC this is — a social service's (create the service: name, municipality, population,
head; or open the demonstration data) or the Ministry of Welfare's (LM: the summary of the services' surveys
and claims, issue 12, which needs no service)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from swdesk.db.catalogues import municipalities
from swdesk.db.database import Database


class FirstStartWizard(QDialog):
    """Shown when the database has no service yet. Saves through ``swdesk.commands.init.save_service``."""

    def __init__(
        self, database: Database, *, demo_available: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.chose_demo = False
        self.chose_lm = False
        self.setWindowTitle(self.tr("swdesk — first start"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Welcome! Describe your social service to begin. "
                "The number of residents is needed for the 1:1000 norm. "
                "Everything can be changed later."
            )
        )
        intro.setWordWrap(True)

        question = QLabel(self.tr("Whose computer is this?"))
        self.for_service = QRadioButton(self.tr("A municipal social service's"))
        self.for_lm = QRadioButton(
            self.tr("The Ministry of Welfare's (LM): summarise the surveys and claims the services send")
        )
        self.for_service.setChecked(True)
        self.for_lm.toggled.connect(self._mode_changed)

        self.service_name = QLineEdit()
        self.service_name.setPlaceholderText(self.tr("e.g. Valmieras novada Sociālais dienests"))
        self.municipality = QComboBox()
        from swdesk.gui.models import collation_key

        self.municipality.addItems(sorted(municipalities(), key=collation_key))  # found by its name
        self.population = QSpinBox()
        self.population.setRange(0, 10_000_000)
        self.population.setGroupSeparatorShown(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.head_name = QLineEdit()

        form = QFormLayout()
        form.addRow(self.tr("Name of the social service:"), self.service_name)
        form.addRow(self.tr("Municipality:"), self.municipality)
        form.addRow(self.tr("Number of residents:"), self.population)
        form.addRow(self.tr("Year of that number:"), self.year)
        form.addRow(self.tr("Head of the service:"), self.head_name)
        self.encrypt = self._encryption_choice(form)

        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()

        buttons = QDialogButtonBox()
        self.create_button = buttons.addButton(
            self.tr("Create the service"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.demo_button = QPushButton(self.tr("Open the demonstration data"))
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.demo_button.setEnabled(demo_available)
        self.demo_available = demo_available
        self.lm_button = QPushButton(self.tr("Open the LM summary"))
        buttons.addButton(self.lm_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.lm_button.clicked.connect(self.open_lm)
        self.lm_button.hide()
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_service)
        self.demo_button.clicked.connect(self.open_demo)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.for_service)
        layout.addWidget(self.for_lm)
        layout.addWidget(intro)
        self.intro = intro
        self.form_widget = QWidget()
        self.form_widget.setLayout(form)
        layout.addWidget(self.form_widget)
        layout.addWidget(self.error)
        layout.addStretch(1)  # with the service's form hidden (LM), the question stays at the top
        layout.addWidget(buttons)
        self.service_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def _encryption_choice(self, form: QFormLayout) -> QCheckBox:
        """Encrypt the new database (issue 15): ticked when SQLCipher and a credential store are here; else
        unticked, disabled, and the reason said under it. Not shown for a PostgreSQL database."""
        from swdesk.gui.encryption_ui import encryption_offer

        box = QCheckBox(QCoreApplication.translate("EncryptionUi", "Encrypt the database (recommended)"))
        possible, reason = encryption_offer()
        if self.database.path is None or self.database.encrypted:
            box.setChecked(False)
            box.hide()
            return box
        box.setChecked(possible)
        box.setEnabled(possible)
        form.addRow("", box)
        if possible:
            note = QLabel(
                QCoreApplication.translate(
                    "EncryptionUi",
                    "The key is kept in this computer's credential store; a recovery key to print is shown once.",
                )
            )
            note.setWordWrap(True)
            note.setStyleSheet("color: #555;")
            form.addRow("", note)
        else:
            why = QLabel(
                QCoreApplication.translate("EncryptionUi", "Encryption is not available: %1.").replace("%1", reason)
            )
            why.setWordWrap(True)
            form.addRow("", why)
            self.encryption_reason = why
        return box

    def _encrypt_first(self) -> bool:
        """The database encrypted before anything of the service is written to it; the recovery key shown."""
        from swdesk.db import encryption
        from swdesk.db.database import DatabaseError, open_database
        from swdesk.gui.encryption_ui import RecoveryKeyDialog

        path = self.database.path
        assert path is not None
        self.database.close()
        try:
            recovery_key, _kept, _converted = encryption.encrypt_database(path)
        except DatabaseError as exc:
            self.database = open_database(str(path), auto_backup=False)
            self._show_error(str(exc))
            return False
        self.database = open_database(str(path), auto_backup=False)
        RecoveryKeyDialog(recovery_key, path, self).exec()
        return True

    def _mode_changed(self) -> None:
        """LM needs no service: the service's form and buttons give way to the LM summary's."""
        lm = self.for_lm.isChecked()
        self.form_widget.setVisible(not lm)
        self.intro.setVisible(not lm)
        self.create_button.setVisible(not lm)
        self.demo_button.setVisible(not lm)
        self.lm_button.setVisible(lm)
        self.lm_button.setDefault(lm)
        self.create_button.setDefault(not lm)
        self.error.hide()
        self.adjustSize()  # the window shrinks to what is shown, and grows back for the service's form

    def open_lm(self) -> None:
        self.chose_lm = True
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def create_service(self) -> None:
        from swdesk.cli import UsageError
        from swdesk.commands.init import save_service

        if not self.service_name.text().strip():
            self._show_error(self.tr("Enter the name of the service."))
            self.service_name.setFocus()
            return
        if self.population.value() <= 0:
            self._show_error(self.tr("Enter the number of residents (a whole number above zero)."))
            self.population.setFocus()
            return
        head = self.head_name.text().strip() or None
        if self.encrypt.isChecked() and not self.database.encrypted and not self._encrypt_first():
            return
        from swdesk.records import RecordError
        from swdesk.records.transaction import transaction

        try:
            with transaction(self.database, "forma:Pirmais sākums") as records:
                records.run(
                    save_service,
                    service=self.service_name.text(),
                    municipality=self.municipality.currentText(),
                    head=head,
                )
                year = self.year.value()
                records.put("population", year, {"year": year, "residents": self.population.value()})
        except (UsageError, RecordError) as exc:
            self._show_error(str(exc))
            return
        self.accept()

    def open_demo(self) -> None:
        self.chose_demo = True
        self.accept()
