"""The core (rules, database, import, export, command line) never imports Qt."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
import textwrap

import swdesk

BLOCK_QT_AND_IMPORT_CORE = textwrap.dedent(
    """
    import importlib, sys

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError(f"the core imported {name}")
            return None

    sys.meta_path.insert(0, BlockQt())
    for name in sys.argv[1:]:
        importlib.import_module(name)
    from swdesk.cli import main
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0, exc.code
    print("ok", len(sys.argv) - 1)
    """
)


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(swdesk.__path__, prefix="swdesk."):
        if info.name.startswith(("swdesk.gui", "swdesk.db.migrations")) or info.name == "swdesk.__main__":
            continue
        names.append(info.name)
    return names


def test_every_core_module_imports_with_qt_blocked() -> None:
    modules = core_modules()
    assert "swdesk.db.database" in modules and "swdesk.cli" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_CORE, *modules],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # the Latvian help, on a cp1252 Windows stream too
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(f"ok {len(modules)}")
