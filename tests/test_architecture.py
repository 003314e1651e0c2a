"""The core (rules, database, import, export, command line) never imports Qt."""

from __future__ import annotations

import ast
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


# --- the window writes only through the records layer (issue 17) ----------------------------------------------

GUI_DIR = os.path.join(os.path.dirname(swdesk.__file__), "gui")
# a session's reads (execute(select(…)), scalars, get) are the GUI's to do; its writes are not
SESSION_WRITES = {"add", "add_all", "delete", "merge", "flush", "bulk_save_objects", "bulk_insert_mappings",
                  "bulk_update_mappings"}
SQL_WRITES = ("insert", "update", "delete")


def _column_names() -> set[str]:
    from sqlalchemy import inspect

    from swdesk.db import models as m

    names: set[str] = set()
    for mapper in m.Base.registry.mappers:
        names.update(c.key for c in inspect(mapper.class_).column_attrs)
    return names


def _receiver(node: ast.expr) -> str:
    return ast.unparse(node).rsplit(".", 1)[-1]


def gui_direct_writes(source: str, filename: str, columns: set[str]) -> list[str]:
    """Every place in one module's source that writes to the database without the records layer: a session's
    add/delete/merge/flush, Database.write(), SQL insert/update/delete, setattr or an assignment to a
    column of an ORM object (any ``x.column = …`` but ``self.…``)."""
    found: list[str] = []
    tree = ast.parse(source, filename)
    for node in ast.walk(tree):
        where = f"{filename}:{getattr(node, 'lineno', '?')}"
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [f"{where}: imports {a.name}" for a in node.names if a.name in SQL_WRITES]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, owner = node.func.attr, _receiver(node.func.value)
            if name == "write" and not node.args and not node.keywords:
                found.append(f"{where}: {ast.unparse(node.func)}() opens a writing session")
            if name in SESSION_WRITES and "session" in owner.lower():
                found.append(f"{where}: {ast.unparse(node.func)}()")
            if name in SQL_WRITES and owner in ("sa", "sqlalchemy"):
                found.append(f"{where}: {ast.unparse(node.func)}()")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr":
            if node.args and not (isinstance(node.args[0], ast.Name) and node.args[0].id == "self"):
                found.append(f"{where}: setattr on {ast.unparse(node.args[0])}")
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        for target in targets:
            for item in target.elts if isinstance(target, ast.Tuple) else [target]:
                if (
                    isinstance(item, ast.Attribute)
                    and item.attr in columns
                    and not (isinstance(item.value, ast.Name) and item.value.id in ("self", "cls"))
                ):
                    found.append(f"{where}: {ast.unparse(item)} = … on a record")
    return found


def test_no_gui_module_writes_to_the_database_itself() -> None:
    """Every write of the window goes through swdesk.records (swdesk.records.transaction): checked by the
    same rules as the import's and in the change history. The GUI may read with a session."""
    columns = _column_names()
    found: list[str] = []
    for folder, _dirs, files in os.walk(GUI_DIR):
        for name in sorted(files):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as handle:
                    found += gui_direct_writes(handle.read(), os.path.relpath(path, GUI_DIR), columns)
    assert found == []


def test_the_scan_finds_each_kind_of_direct_write() -> None:
    columns = _column_names()
    source = textwrap.dedent(
        """
        from sqlalchemy import delete, select
        def save(self, staff, row):
            with self.ctx.database.write() as session:
                session.add(staff)
                session.execute(delete(m.Vacancy))
                session.execute(select(m.Vacancy))
                staff.fte = 1
                row.position_code, row.weight = "SD", None
                setattr(staff, "salary", 1)
            self.fte = 1
            records.add("vacancy", {})
        """
    )
    found = gui_direct_writes(source, "x.py", columns)
    assert sorted(line.split(": ", 1)[1] for line in found) == sorted([
        "imports delete",
        "self.ctx.database.write() opens a writing session",
        "session.add()",
        "staff.fte = … on a record",
        "row.position_code = … on a record",
        "row.weight = … on a record",
        "setattr on staff",
    ])
