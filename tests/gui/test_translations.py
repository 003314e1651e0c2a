"""Every visible string of the GUI has a finished Latvian translation that keeps its placeholders."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "translations" / "swdesk_lv.ts"
PLACEHOLDER = re.compile(r"%\d+|\{[a-z_]*\}")


def _messages(path: Path) -> list[tuple[str, str, ET.Element | None]]:
    tree = ET.parse(path)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found.append((name, message.findtext("source", ""), message.find("translation")))
    return found


def test_every_message_is_translated_and_keeps_its_placeholders():
    problems = []
    for context, source, translation in _messages(TS_FILE):
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("vanished", "obsolete"):
            continue
        text = (translation.text or "") if translation is not None else ""
        if kind == "unfinished" or not text.strip():
            problems.append(f"{context}: untranslated: {source!r}")
            continue
        missing = sorted(set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text)))
        if missing:
            problems.append(f"{context}: {source!r} → {text!r} drops {missing}")
    assert not problems, "\n".join(problems)


def test_the_ts_file_has_every_string_of_the_source(tmp_path):
    """lupdate on the GUI sources finds nothing that the .ts in git does not translate."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "swdesk" / "gui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(fresh)], check=True, cwd=ROOT)
    known = {(c, s) for c, s, t in _messages(TS_FILE) if t is not None and t.get("type") is None and t.text}
    missing = [f"{c}: {s!r}" for c, s, _ in _messages(fresh) if (c, s) not in known]
    assert not missing, "run lupdate and translate:\n" + "\n".join(missing)


def _visible_texts(widget):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit

    texts = []
    for child in [widget, *widget.findChildren(QWidget_())]:
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        if isinstance(child, QGroupBox):
            texts.append(child.title())
        if isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        if isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    return texts


def QWidget_():  # noqa: N802 - the class, imported late so that collecting this file needs no Qt
    from PySide6.QtWidgets import QWidget

    return QWidget


def test_no_view_shows_an_english_string_in_latvian(qtbot, main_window):
    """At run time, with the Latvian translators installed, every view shows only translated text.

    This catches what a .ts check cannot: a string whose context at run time differs from the one
    lupdate wrote (PySide's ``self.tr`` takes the context from the class it is called in).
    """
    from swdesk.gui.mainwindow import VIEW_KEYS
    from swdesk.gui.operations import wait_all

    english = {
        source for _c, source, t in _messages(TS_FILE) if t is not None and t.text and t.text != source
    }
    shown = []
    for key in VIEW_KEYS:
        main_window.show_view(key)
        wait_all()
        qtbot.wait(20)
        shown += _visible_texts(main_window.view(key))
    shown += [main_window.nav.item(i).text() for i in range(main_window.nav.count())]
    shown += [a.text() for a in main_window.menuBar().actions()]
    left = sorted({text for text in shown if text in english})
    assert not left, f"English text in the Latvian GUI: {left}"
