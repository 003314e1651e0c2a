"""The window and the encrypted database (issue 15): offered at the first start, the recovery key shown once
with its sheet, a missing key answered with the recovery key, Fails → Šifrēt / Atšifrēt datubāzi."""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from sqlalchemy import select

from swdesk.db import encryption
from swdesk.db import models as m
from swdesk.db.database import open_database
from swdesk.gui import encryption_ui
from swdesk.gui.app import Controller, has_service
from swdesk.gui.wizard import FirstStartWizard
from tests import keyring_backend

keystore = keyring_backend.keystore  # the fixture: a credential store of the test's own


@pytest.fixture
def no_store():  # type: ignore[no-untyped-def]
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def shown_keys(monkeypatch: pytest.MonkeyPatch) -> list[encryption_ui.RecoveryKeyDialog]:
    """The recovery key dialogs the code showed (not run modally: the test looks at them)."""
    shown: list[encryption_ui.RecoveryKeyDialog] = []

    def exec_(self) -> int:  # type: ignore[no-untyped-def]
        shown.append(self)
        return 1

    monkeypatch.setattr(encryption_ui.RecoveryKeyDialog, "exec", exec_)
    return shown


def _fill(wizard: FirstStartWizard) -> None:
    wizard.service_name.setText("Cēsu novada Sociālais dienests")
    wizard.municipality.setCurrentIndex(wizard.municipality.findText("Cēsu novads"))
    wizard.population.setValue(40120)
    wizard.head_name.setText("Ilze Kalniņa")


def test_first_start_encrypts_by_default_and_shows_the_key_once(qtbot, db, keystore, shown_keys, tmp_path):  # type: ignore[no-untyped-def]
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    assert wizard.encrypt.isChecked() and wizard.encrypt.isEnabled()
    _fill(wizard)
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == FirstStartWizard.DialogCode.Accepted
    path = db.path
    assert path is not None and not encryption.is_plain(path)
    assert "Kalniņa".encode() not in path.read_bytes()
    assert wizard.database.encrypted and has_service(wizard.database)
    [dialog] = shown_keys
    assert dialog.key_label.text() == dialog.recovery_key
    assert not dialog.close_button.isEnabled()  # closed only once the head has kept the key
    dialog.kept.setChecked(True)
    assert dialog.close_button.isEnabled()
    sheet = dialog.save_sheet(str(tmp_path / "atslega"))
    assert sheet is not None and sheet.read_bytes().startswith(b"%PDF")
    wizard.database.close()
    # the recovery key is the key: after the store is emptied, it opens the database
    keystore.write_text("{}", encoding="utf-8")
    encryption._known.clear()
    encryption.offer_recovery_key(dialog.recovery_key)
    reopened = open_database(str(path), auto_backup=False)
    with reopened.read() as s:
        assert s.scalars(select(m.Service.head_name)).one() == "Ilze Kalniņa"
    reopened.close()


def test_without_a_credential_store_the_first_start_says_why(qtbot, db, no_store, shown_keys):  # type: ignore[no-untyped-def]
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    assert not wizard.encrypt.isChecked() and not wizard.encrypt.isEnabled()
    assert "akreditācijas datu krātuves" in wizard.encryption_reason.text()
    _fill(wizard)
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    assert wizard.result() == FirstStartWizard.DialogCode.Accepted
    assert db.path is not None and encryption.is_plain(db.path) and not shown_keys


def test_a_missing_key_asks_for_the_recovery_key_and_moves_nothing(
    qtbot, qapp, tmp_path, keystore, monkeypatch
):  # type: ignore[no-untyped-def]
    path = tmp_path / "swdesk.sqlite"
    open_database(str(path), auto_backup=False).close()
    recovery_key, _kept, _converted = encryption.encrypt_database(path)
    keystore.write_text("{}", encoding="utf-8")  # another PC
    encryption._known.clear()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    asked: list[str] = []
    answers = iter(["ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ", recovery_key.lower()])

    def exec_(self) -> int:  # type: ignore[no-untyped-def]
        asked.append(self.findChildren(encryption_ui.QLabel)[0].text())
        self.key.setText(next(answers))
        return 1

    monkeypatch.setattr(encryption_ui.RecoveryKeyEntry, "exec", exec_)
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    controller = Controller(qapp, db=str(path))
    assert controller._open(str(path), remember=False)
    assert any("saglabāta šī datora akreditācijas datu krātuvē" in text for text in said)
    assert "ir šifrēta" in asked[0] and "netika mainīta" in asked[0]
    assert "atslēga neder" in asked[1]  # the wrong one first: said, and asked again
    assert hashlib.sha256(path.read_bytes()).hexdigest() != "" and sorted(p.name for p in tmp_path.iterdir())
    assert controller.database is not None and controller.database.encrypted
    controller.database.close()
    assert before  # the file was only read until the right key came
    assert [p.name for p in tmp_path.glob("*.bojata-*")] == []
    # and the key is back in the store: the next start asks nothing
    encryption._known.clear()
    open_database(str(path), auto_backup=False).close()


def test_a_cancelled_recovery_key_leaves_the_file_as_it_was(qtbot, qapp, tmp_path, keystore, monkeypatch):  # type: ignore[no-untyped-def]
    path = tmp_path / "swdesk.sqlite"
    open_database(str(path), auto_backup=False).close()
    encryption.encrypt_database(path)
    keystore.write_text("{}", encoding="utf-8")
    encryption._known.clear()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    listing = sorted(p.name for p in tmp_path.iterdir())
    monkeypatch.setattr(encryption_ui.RecoveryKeyEntry, "exec", lambda self: 0)
    controller = Controller(qapp, db=str(path))
    assert controller._open(str(path), remember=False) is False
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_the_file_menu_encrypts_and_decrypts(qtbot, qapp, tmp_path, keystore, shown_keys, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    path = tmp_path / "swdesk.sqlite"
    database = open_database(str(path), auto_backup=False)
    with database.write() as s:
        s.add(m.Service(name="Valkas novada sociālais dienests", municipality="Valkas novads"))
    database.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    import swdesk.gui.errors

    def fail_loudly(_parent, exc):  # type: ignore[no-untyped-def]
        raise AssertionError(f"the window showed an error: {exc}") from exc

    monkeypatch.setattr(swdesk.gui.errors, "show_error", fail_loudly)
    controller = Controller(qapp, db=str(path))
    assert controller._open(str(path), remember=False)
    controller.show_main()
    window = controller.window
    assert window.encrypt_action.isVisible() and not window.decrypt_action.isVisible()
    window.encrypt_action.trigger()  # converted off the UI thread
    qtbot.waitUntil(lambda: len(shown_keys) == 1, timeout=20_000)
    assert not encryption.is_plain(path)
    window = controller.window
    assert controller.database.encrypted
    assert window.decrypt_action.isVisible() and not window.encrypt_action.isVisible()
    window.decrypt_action.trigger()
    qtbot.waitUntil(lambda: not controller.database.encrypted, timeout=20_000)
    assert encryption.is_plain(path)
    with controller.database.read() as s:
        assert s.scalars(select(m.Service.name)).one() == "Valkas novada sociālais dienests"
    controller.database.close()
    controller.window.setProperty("replaced", True)  # closed without asking anything
    controller.window.close()


def test_the_recovery_key_dialogs_look_right(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    """Rendered for a person to look at (build/encryption-*.png): the key whole on one line."""
    dialog = encryption_ui.RecoveryKeyDialog(
        "90CD-TPJW-42BM-DPKD-SFM6-JAJP-FNBB-D0V9", Path("/dati/swdesk.sqlite")
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.key_label.sizeHint().width() <= dialog.key_label.width()
    assert dialog.windowTitle() == "Atkopšanas atslēga"
