"""Issue 14, a start that feels instant: the window is on screen before the database is opened, the
dashboard's data comes after the first paint, and the start loads none of the heavy libraries.

Timings live only in the benchmark (`make bench`: startup_window_painted, startup_dashboard_filled)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from swdesk.gui.app import Controller
from swdesk.gui.operations import wait_all

HEAVY = ("reportlab", "openpyxl", "pandas", "alembic", "swdesk.export", "swdesk.importer")


def test_the_window_is_painted_before_the_database_opens_and_the_dashboard_loads_after(
    qtbot, qapp, service_db, monkeypatch
):
    import swdesk.gui.app as app_module
    import swdesk.gui.views.dashboard as dashboard_module

    events: list[str] = []
    real_open, real_load = app_module.open_database, dashboard_module.load_dashboard

    def opening(target, **kwargs):  # type: ignore[no-untyped-def]
        events.append("open, painted" if controller.window.painted else "open, not painted")
        return real_open(target, **kwargs)

    def loading(database, year, **kwargs):  # type: ignore[no-untyped-def]
        events.append("load")
        return real_load(database, year, **kwargs)

    monkeypatch.setattr(app_module, "open_database", opening)
    monkeypatch.setattr(dashboard_module, "load_dashboard", loading)
    controller = Controller(qapp, db=str(service_db.path))
    controller.start_shown()
    window = controller.window
    qtbot.addWidget(window)
    # shown at once, empty: its navigation is there, no database is opened yet and no data is loading
    assert window.isVisible() and window.database is None and events == []
    from swdesk.gui.mainwindow import VIEW_KEYS

    assert window.nav.count() == len(VIEW_KEYS) and window.windowTitle() == "swdesk"

    qtbot.waitUntil(lambda: window.database is not None, timeout=15_000)
    dashboard = window.view("dashboard")
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=15_000)
    assert events == ["open, painted", "load"]
    assert controller.window is window  # the same window filled, not a second one
    assert window.windowTitle() == "Testa sociālais dienests — swdesk"
    assert window.location_label.text().endswith(str(service_db.path))
    assert dashboard.as_of.text().startswith("Pārbaudīts uz ")
    assert not controller.start_failed
    wait_all()
    controller.database.close()


def test_a_database_that_cannot_be_opened_closes_the_empty_window(qtbot, qapp, tmp_path, monkeypatch):
    import swdesk.gui.app as app_module

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 10)
    said: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "critical", lambda _parent, _title, text: said.append(text))
    monkeypatch.setattr(qapp, "quit", lambda: said.append("quit"))
    controller = Controller(qapp, db=str(broken))
    controller.start_shown()
    window = controller.window
    assert window.isVisible()
    with qtbot.waitSignal(window.destroyed, timeout=15_000):  # closed, then deleted
        pass
    assert controller.start_failed and controller.window is None
    assert len(said) == 2 and "nav swdesk datubāze" in said[0] and said[1] == "quit"


def _modules_after(code: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return set(done.stdout.split())


def test_the_window_paints_before_the_database_layer_loads():
    """What `swdesk --db X` imports before its window is painted: Qt and the window, not SQLAlchemy."""
    loaded = _modules_after(
        "import swdesk.cli as cli, swdesk.logs as logs\n"
        "logs.masked(['--db', 'dati.sqlite'])\n"
        "assert cli.window_arguments(['--db', 'dati.sqlite'], 'lv') is not None\n"
        "import swdesk.commands.gui, swdesk.gui.app, swdesk.gui.mainwindow, swdesk.gui.startup_probe"
    )
    assert "PySide6.QtWidgets" in loaded
    assert not {name for name in loaded if name.split(".")[0] in ("sqlalchemy", *HEAVY)}


def test_opening_the_window_and_its_dashboard_loads_no_exporter_importer_or_alembic(db):
    """The whole start up to a filled dashboard, on a database at the newest schema (no migration due)."""
    loaded = _modules_after(
        "import swdesk.gui.app, swdesk.gui.mainwindow, swdesk.gui.views.dashboard as d\n"
        f"database = swdesk.gui.app.open_database({str(db.path)!r})\n"
        "d.load_dashboard(database, 2026)"
    )
    assert "swdesk.rules.checks" in loaded and "sqlalchemy" in loaded
    assert not {name for name in loaded if name.startswith(HEAVY)}


@pytest.mark.parametrize(
    "argv",
    [[], ["--db", "a.sqlite"], ["--db=a.sqlite", "--lang", "en"], ["--demo"], ["--lang=lv", "--db", "x y.sqlite"]],
)
def test_the_window_start_reads_its_arguments_as_argparse_does(argv):
    from swdesk.cli import build_parser, window_arguments

    quick = window_arguments(argv, "lv")
    assert quick is not None
    full = build_parser().parse_args(argv)
    assert (quick.command, quick.db, quick.lang, quick.demo) == (full.command, full.db, full.lang, full.demo)


@pytest.mark.parametrize(
    "argv", [["--help"], ["--version"], ["check"], ["--db"], ["--lang", "de"], ["--d", "a"], ["gui", "--demo"]]
)
def test_anything_else_is_left_to_argparse(argv):
    from swdesk.cli import window_arguments

    assert window_arguments(argv, "lv") is None
