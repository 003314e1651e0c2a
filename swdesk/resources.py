"""Where the shipped files (fonts, icons, compiled translations) are: ``swdesk/assets`` inside the package.

One lookup for every way the program is delivered — a wheel installed with pip, an editable checkout, the
PyInstaller bundle — through :func:`importlib.resources.files`, never a path relative to the source tree.
``installer/assets.py`` fills the folder from ``resources/`` and ``translations/*.ts`` when a wheel or the
bundle is built, and ``make`` does it for a checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def assets_dir() -> Path:
    """The ``assets`` folder of the installed ``swdesk`` package (a real folder: Qt and reportlab open files
    by name, so the package must not be run from a zip archive)."""
    return Path(str(files("swdesk").joinpath("assets")))


def resource(*parts: str) -> Path:
    """A shipped file, e.g. ``resource("fonts", "DejaVuSans.ttf")``."""
    return assets_dir().joinpath(*parts)


def translations_dir() -> Path:
    """The folder of swdesk's compiled translations (``swdesk_lv.qm``)."""
    return assets_dir() / "translations"
