"""Latvian all the way (issue 18, point 6): Qt's file dialog, the command line's help and errors, one Latvian
alphabetical order in every list, and searches that ignore diacritics."""

from __future__ import annotations

import argparse
import datetime as dt
import gettext
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QFileDialog, QLabel
from sqlalchemy import select

from swdesk.cli import main
from swdesk.db import models as m

ENGLISH = ("Look in", "Files of type", "File name", "Open", "Cancel", "Save", "Back", "Forward", "Detail View")


def test_the_file_dialog_speaks_latvian(qtbot):
    dialog = QFileDialog(None, "Atvērt datubāzi", "/tmp", "swdesk datubāze (*.sqlite);;Visi faili (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own dialog, as on a bare Linux
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() or button.toolTip() for button in dialog.findChildren(QAbstractButton)]
    assert "&Skatīt mapē:" in texts and "Datņu &tips:" in texts
    left = [text for text in texts if any(word in text.replace("&", "") for word in ENGLISH)]
    assert not left, left
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert "&Saglabāt" in [b.text() for b in dialog.findChildren(QAbstractButton)]


def test_the_help_of_the_command_line_is_latvian(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("lietošana: swdesk")
    assert "\nopcijas:\n" in text and "komandas un argumenti:" in text
    assert "parādīt šo palīdzību un beigt" in text and "parādīt programmas versiju un beigt" in text
    for english in ("usage:", "positional arguments", "options:", "show this help message and exit"):
        assert english not in text
    assert argparse._ is gettext.gettext  # argparse's own words are back for anyone else in the process


def test_a_command_help_and_a_usage_error_are_latvian(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    text = capsys.readouterr().out
    assert "--year GADS" in text and "--as-of DATUMS" in text and "--db DATUBĀZE" in text
    with pytest.raises(SystemExit) as done:
        main(["check"])
    assert done.value.code == 2
    error = capsys.readouterr().err
    assert "lietošana: swdesk check" in error
    assert "trūkst obligāto argumentu: --year" in error
    with pytest.raises(SystemExit):
        main(["check", "--year", "2025", "--bogus"])
    assert "neatpazīti argumenti: --bogus" in capsys.readouterr().err


def test_english_stays_english(capsys):
    with pytest.raises(SystemExit):
        main(["--lang", "en", "--help"])
    text = capsys.readouterr().out
    assert text.startswith("usage: swdesk") and "positional arguments" in text and "options:" in text
    with pytest.raises(SystemExit):
        main(["--lang", "en", "check"])
    assert "the following arguments are required: --year" in capsys.readouterr().err


# --- one Latvian order, searches without diacritics --------------------------------------------------------------


def _staff(database) -> None:
    with database.write() as session:
        for nr, first, last in (
            ("1", "Zane", "Zariņa"), ("2", "Jānis", "Ķēniņš"), ("3", "Ēriks", "Kalns"), ("4", "Anna", "Šķēle"),
        ):
            session.add(
                m.Staff(
                    tabeles_nr=nr, first_name=first, last_name=last, position_code="SD", fte=Decimal(1),
                    start=dt.date(2020, 1, 1), education_code="E1", salary=Decimal(1500),
                )
            )


def test_every_list_of_people_is_in_latvian_order(main_window):
    _staff(main_window.database)
    latvian = ["Ēriks Kalns", "Jānis Ķēniņš", "Anna Šķēle", "Zane Zariņa"]  # k ķ … s š … z
    staff = main_window.show_view("staff")
    staff.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [staff.proxy.index(r, 1).data() for r in range(staff.proxy.rowCount())] == latvian
    grid = main_window.show_view("caseloads")
    grid.set_month(dt.date(2025, 3, 1))
    assert [grid.model.index(r, 0).data() for r in range(grid.model.rowCount())] == latvian
    from swdesk.gui.views.duties import DutyDialog

    dialog = DutyDialog(main_window.ctx, 2025, parent=main_window)
    picker = [dialog.staff.itemText(i).split(" (")[0] for i in range(dialog.staff.count())]
    assert picker == latvian
    dialog.discard()


def test_catalogue_choices_are_in_latvian_order(qtbot, main_window):
    from swdesk.gui.views.criteria import CriterionDialog
    from swdesk.gui.views.staff import StaffDialog

    for dialog in (StaffDialog(main_window.ctx, parent=main_window), CriterionDialog(main_window.ctx, parent=main_window)):
        qtbot.addWidget(dialog)
        names = [dialog.position.itemText(i) for i in range(dialog.position.count())]
        assert names.index("Ģimenes asistents / sociālais mentors") < names.index("Jaunākais sociālais darbinieks")
        assert names.index("Sociālā dienesta vadītājs") < names.index("Vecākais sociālais darbinieks")
        dialog.discard()


@pytest.mark.parametrize("typed", ["kenins", "KĒNIŅŠ", "ķēn", "jan ken"])
def test_the_staff_filter_ignores_diacritics_and_case(main_window, typed):
    _staff(main_window.database)
    staff = main_window.show_view("staff")
    staff.filter.setText(typed)
    assert [staff.proxy.index(r, 1).data() for r in range(staff.proxy.rowCount())] == ["Jānis Ķēniņš"]


def test_every_view_filter_ignores_diacritics(qtbot, main_window):
    _staff(main_window.database)
    with main_window.database.write() as session:
        person = session.scalars(select(m.Staff).where(m.Staff.tabeles_nr == "4")).one()
        session.add(m.Duty(staff_id=person.id, date=dt.date.today(), category_code="NS_PARTIKA", hours=2))
    duties = main_window.view("duties")
    with qtbot.waitSignal(duties.loaded, timeout=15_000):
        main_window.show_view("duties")
    duties.filter.setText("skele partikas")  # Šķēle, Pārtikas paku izdale
    assert duties.proxy.rowCount() == 1
    duties.filter.setText("skele transport")
    assert duties.proxy.rowCount() == 0


def test_the_first_start_wizard_lists_municipalities_alphabetically(qtbot, db):
    from swdesk.gui.wizard import FirstStartWizard

    wizard = FirstStartWizard(db)
    qtbot.addWidget(wizard)
    combo: QComboBox = wizard.municipality
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[:3] == ["Aizkraukles novads", "Alūksnes novads", "Augšdaugavas novads"]
    assert names.index("Ādažu novads") == 3  # ā is the letter after a
    assert names.index("Ķekavas novads") == names.index("Kuldīgas novads") + 1
    assert names.index("Rīga") < names.index("Ropažu novads") < names.index("Saldus novads")


def test_file_sizes_in_qts_file_dialog_are_latvian(qtbot):
    """Qt's own file dialog wrote "1 bytes" beside Latvian labels (QLocale's word, not in qtbase_lv)."""
    from PySide6.QtCore import QLocale

    assert QLocale(QLocale.Language.Latvian).formattedDataSize(1) == "1 baiti"
