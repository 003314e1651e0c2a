"""Where the shipped resources (fonts, icons, translations) are, from a source tree or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds ``resources/`` and ``translations/``.

    In a PyInstaller bundle that is the bundle's data folder; from a source checkout, the repository.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def translations_dir() -> Path:
    return root() / "translations"
