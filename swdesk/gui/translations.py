"""Which Qt translation files the Latvian GUI loads, and how: used by the application and by the self-test.

Only QtCore is imported here, so ``swdesk selftest`` can check the files without creating any window.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QObject, QTranslator

from swdesk.resources import translations_dir


def latvian_files() -> list[tuple[str, str]]:
    """(name, folder) of each ``.qm`` file, in installation order: Qt's own ``qtbase_lv`` (standard buttons)
    from inside PySide6 (also in a bundle), then swdesk's."""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return [("qtbase_lv", qt_dir), ("swdesk_lv", str(translations_dir()))]


def load(name: str, folder: str, parent: QObject | None = None) -> QTranslator | None:
    """The loaded translator, or None when the file is missing, empty or corrupt."""
    translator = QTranslator(parent)
    if translator.load(name, folder) and not translator.isEmpty():
        return translator
    return None
