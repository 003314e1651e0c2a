"""Build step that pyproject.toml cannot declare: the shipped files go into the package (installer/assets.py).

Everything else about the package is in pyproject.toml. ``build_py`` puts ``swdesk/assets/`` (fonts, icons,
compiled ``.qm`` translations) into the wheel's build folder, or, for an editable install, into the
checkout's ``swdesk/assets``; the program finds them with ``importlib.resources`` either way.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


def _assets():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("swdesk_build_assets", HERE / "installer" / "assets.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithAssets(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            target = HERE / "swdesk" / "assets"
        else:
            target = Path(self.build_lib) / "swdesk" / "assets"
        written = _assets().stage(target)
        self.announce(f"staged {len(written)} asset files into {target}", level=2)


setup(cmdclass={"build_py": BuildWithAssets})
