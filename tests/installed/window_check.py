"""Open the real main window from an installed swdesk and check that it is Latvian (run by check.sh).

Run with the installed environment's Python in isolated mode (``python -I``) from a folder outside the
source tree, so that nothing of the checkout can be imported. Arguments: the environment's folder, the
database (a demo database made by ``swdesk demo``), and where to save a screenshot for a person to look at.
Exit status 0 when the window came up in Latvian with its fonts and translations from the installed package.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def fail(message: str) -> None:
    print(f"window_check: {message}", file=sys.stderr)
    sys.exit(1)


def main(prefix: Path, db: str, screenshot: Path) -> None:
    import swdesk
    from swdesk.resources import assets_dir

    package = Path(swdesk.__file__).resolve().parent
    if not package.is_relative_to(prefix.resolve()):
        fail(f"swdesk was imported from {package}, not from the environment {prefix}")
    if not assets_dir().is_relative_to(package):
        fail(f"the assets are looked up in {assets_dir()}, outside the package {package}")

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from swdesk.gui.app import Controller, SwdeskApp

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    settings_dir = tempfile.mkdtemp(prefix="swdesk-settings-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = SwdeskApp([])
    app.install_language(SwdeskApp.saved_language())  # a new user: the default language
    if app.language != "lv" or len(app._translators) != 2:
        fail(f"language {app.language!r} with {len(app._translators)} of 2 translators loaded")
    controller = Controller(app, db=db)
    if not controller.start() or controller.window is None:
        fail(f"the main window did not open on {db}")
    window = controller.window
    window.resize(1366, 768)
    # the dashboard loads off the UI thread: run the program's own event loop for a few seconds
    QTimer.singleShot(4000, app.quit)
    app.exec()
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    views = [window.nav.item(row).text() for row in range(window.nav.count())]
    print("menus:", ", ".join(menus))
    print("views:", ", ".join(views))
    if "Fails" not in menus or "Pārskats" not in views or "Darbinieki" not in views:
        fail("the window is not in Latvian")
    families = QApplication.font().family()
    if sys.platform.startswith("linux") and "DejaVu" not in families:
        fail(f"the shipped DejaVu font was not loaded (the window uses {families!r})")
    screenshot.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(screenshot)):
        fail(f"cannot save {screenshot}")
    print(f"window: {window.windowTitle()} — screenshot {screenshot}")
    from swdesk.gui.operations import wait_all

    wait_all(10_000)
    window.close()
    controller.database.close()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        fail("usage: window_check.py ENV_PREFIX DATABASE SCREENSHOT.png")
    main(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
