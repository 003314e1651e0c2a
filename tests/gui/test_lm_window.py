"""Issue 12: the "LM kopsavilkums" window, reached from Fails and from the first-start screen, reads a folder
of mailed files through the core and shows every file's verdict, the municipalities or the differences."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from swdesk.gui.lm_window import LmWindow
from swdesk.gui.operations import wait_all
from swdesk.gui.wizard import FirstStartWizard
from tests.lm_corpus import shared_corpus


def _folder(tmp_path: Path, tmp_path_factory, kind: str, count: int) -> Path:
    corpus = shared_corpus(tmp_path_factory)
    folder = tmp_path / kind
    folder.mkdir()
    for path in sorted((corpus.folder / kind).glob("*.xlsx"))[:count]:
        shutil.copy(path, folder / path.name)
    (folder / "bojats.zip").write_bytes(b"PK\x03\x04 cut short")
    return folder


def _run(qtbot, window: LmWindow) -> None:
    qtbot.mouseClick(window.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.result is not None and window.run_button.isEnabled(), timeout=30_000)
    wait_all()


def test_the_window_consolidates_surveys_and_saves_the_workbook(qtbot, tmp_path, tmp_path_factory, monkeypatch):
    folder = _folder(tmp_path, tmp_path_factory, "aptaujas", 5)
    window = LmWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.windowTitle() == "LM kopsavilkums — swdesk"
    window.folder.setText(str(folder))
    window.survey_date.setText("01.02.2026")
    _run(qtbot, window)
    assert window.files.rowCount() == 6
    assert window.files.item(0, 2).text().startswith("bojāts zip arhīvs")  # refused files come first
    assert "Faili: 6, pieņemti: 5; aptaujas no 5 no 43 pašvaldībām" in window.summary.text()
    assert window.details.rowCount() == 5 and window.results.tabText(1) == "Pašvaldības"
    target = tmp_path / "kopsavilkums.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(window.save_xlsx, Qt.MouseButton.LeftButton)
    assert openpyxl.load_workbook(target)["Pasvaldibas"].max_row == 6
    assert "Saglabāts:" in window.summary.text()


def test_the_window_verifies_claims(qtbot, tmp_path, tmp_path_factory):
    folder = _folder(tmp_path, tmp_path_factory, "pieprasijumi", 2)
    shutil.copy(next(folder.glob("*.xlsx")), folder / "atkartoti.xlsx")
    window = LmWindow()
    qtbot.addWidget(window)
    window.folder.setText(str(folder))
    window.modes.setCurrentIndex(1)
    window.period.setText("2025-H2")
    _run(qtbot, window)
    assert window.results.tabText(1) == "Atšķirības"
    assert "rindas ar atšķirībām: 0" in window.summary.text()
    lines = [window.details.item(r, 0).text() for r in range(window.details.rowCount())]
    assert lines and all(line.startswith("tas pats ") for line in lines)


def test_a_wrong_folder_or_date_is_said_and_nothing_runs(qtbot, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(LmWindow, "_problem", lambda self, text: said.append(text))
    window = LmWindow()
    qtbot.addWidget(window)
    window.folder.setText(str(tmp_path / "nav"))
    window.run()
    window.folder.setText(str(tmp_path))
    window.survey_date.setText("31.02.2026")
    window.run()
    assert said[0] == "Izvēlieties mapi, kas eksistē." and "nav datums" in said[1]
    assert window.result is None


def test_the_first_start_asks_whose_pc_it_is(qtbot, db):
    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.for_service.isChecked() and wizard.form_widget.isVisible() and not wizard.lm_button.isVisible()
    wizard.for_lm.setChecked(True)
    assert not wizard.form_widget.isVisible() and not wizard.create_button.isVisible()
    qtbot.mouseClick(wizard.lm_button, Qt.MouseButton.LeftButton)
    assert wizard.chose_lm and wizard.result() == FirstStartWizard.DialogCode.Accepted


def test_the_file_menu_opens_the_lm_window(qtbot, main_window):
    assert main_window.lm_action.text() == "&LM kopsavilkums…"
    main_window.lm_action.trigger()
    qtbot.addWidget(main_window.lm_window)
    assert isinstance(main_window.lm_window, LmWindow) and main_window.lm_window.isVisible()


def test_a_pc_answered_as_lms_opens_the_lm_window_at_every_start_until_told_otherwise(qtbot, qapp, db, request):
    from PySide6.QtCore import QSettings

    from swdesk.gui.app import KEY_LM_PC, Controller
    from tests.gui.helpers import when_modal

    request.addfinalizer(lambda: QSettings().remove(KEY_LM_PC))  # a failure must not make other tests LM's

    def choose_lm(wizard) -> None:
        wizard.for_lm.setChecked(True)
        wizard.lm_button.click()

    controller = Controller(qapp, db=db.url)
    assert when_modal(choose_lm) is not None and controller.start()
    qtbot.addWidget(controller.lm_window)
    assert controller.lm_window.isVisible() and QSettings().value(KEY_LM_PC) == "lm"
    controller.database.close()

    again = Controller(qapp, db=db.url)
    asked = when_modal(lambda dialog: dialog.reject())
    assert again.start()  # no first-start question this time: straight to the LM window
    qtbot.addWidget(again.lm_window)
    qtbot.wait(50)
    assert asked == [] and again.lm_window.isVisible() and again.window is None

    def create(wizard) -> None:
        wizard.service_name.setText("Testa dienests")
        wizard.population.setValue(2500)
        wizard.create_button.click()

    opened = when_modal(create)
    again.lm_window.service_mode_action.trigger()  # "this PC belongs to a social service"
    qtbot.addWidget(again.window)
    assert opened and QSettings().value(KEY_LM_PC) is None
    assert again.window.isVisible() and not again.lm_window.isVisible()
    wait_all()
    again.database.close()
