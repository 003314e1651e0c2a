"""Put the shipped files into the package: ``swdesk/assets/`` (fonts, icons, compiled translations).

The sources stay at the top of the repository: ``resources/fonts``, ``resources/icons`` and
``translations/*.ts`` (the ``.qm`` files are build products, never committed). Every way the program is
delivered gets the same folder inside the ``swdesk`` package, and the program finds it with one lookup,
``importlib.resources.files("swdesk") / "assets"`` (:mod:`swdesk.resources`):

* the wheel and the sdist: ``setup.py``'s ``build_py`` calls :func:`stage` on its build folder, so
  ``pip install .`` (or a wheel built from the sdist) carries the fonts, icons and ``.qm`` files;
* an editable checkout (``pip install -e .``, ``make``): :func:`stage` on ``swdesk/assets`` in the tree,
  which is ignored by git and made again by ``make`` whenever a source is newer;
* the PyInstaller bundle: ``installer/build.sh`` stages into the tree, and ``swdesk.spec`` packs
  ``swdesk/assets`` as the data folder ``swdesk/assets``.

``lrelease`` is the binary inside the PySide6 wheel (a build requirement in ``pyproject.toml``), used
directly rather than the ``pyside6-lrelease`` wrapper, which lives in ``bin/`` or ``Scripts\\`` depending on
the platform. A build without the Latvian translation fails: a program that opens in English is broken.

    python installer/assets.py            # stage into swdesk/assets of this checkout
    python installer/assets.py TARGET     # stage into TARGET
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
TRANSLATIONS = ROOT / "translations"
PACKAGE_ASSETS = ROOT / "swdesk" / "assets"

# (source folder under resources/, patterns): explicit, so editor backups and the like never ship
SHIPPED = {
    "fonts": ("*.ttf", "LICENSE*.txt"),
    "icons": ("*.png", "*.ico"),
}


def sources() -> list[Path]:
    """Every file :func:`stage` reads: for ``make`` to tell whether the staged folder is out of date."""
    found = [path for folder, patterns in SHIPPED.items() for p in patterns for path in (RESOURCES / folder).glob(p)]
    return sorted(found) + sorted(TRANSLATIONS.glob("*.ts"))


def lrelease_binary() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease.exe", "lrelease"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"lrelease is not in {folder}")


def compile_all(folder: Path = TRANSLATIONS, out: Path | None = None) -> list[Path]:
    """Compile each ``.ts`` of ``folder`` into ``out`` (default: beside it); the ``.qm`` files written."""
    ts_files = sorted(folder.glob("*.ts"))
    if not ts_files:
        raise FileNotFoundError(f"no .ts files in {folder}")
    out = folder if out is None else out
    out.mkdir(parents=True, exist_ok=True)
    tool = lrelease_binary()
    written = []
    for ts in ts_files:
        qm = out / ts.with_suffix(".qm").name
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
        if not qm.is_file() or qm.stat().st_size == 0:
            raise FileNotFoundError(f"lrelease wrote no {qm}")
        written.append(qm)
    return written


def stage(target: Path = PACKAGE_ASSETS) -> list[Path]:
    """Fill ``target`` with ``fonts/``, ``icons/`` and ``translations/*.qm``; the files written.

    The folder is made afresh in a sibling and then swapped in, so a failed build never leaves a half
    folder that a later lookup would take for a whole one.
    """
    target = Path(target)
    staging = target.with_name(target.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    written: list[Path] = []
    for folder, patterns in SHIPPED.items():
        files = sorted({path for pattern in patterns for path in (RESOURCES / folder).glob(pattern)})
        if not files:
            raise FileNotFoundError(f"nothing to ship in {RESOURCES / folder}")
        (staging / folder).mkdir(parents=True)
        for path in files:
            shutil.copyfile(path, staging / folder / path.name)
            written.append(target / folder / path.name)
    written += [target / "translations" / qm.name for qm in compile_all(TRANSLATIONS, staging / "translations")]
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return written


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else PACKAGE_ASSETS
    try:
        written = stage(target)
    except (FileNotFoundError, subprocess.CalledProcessError, ImportError) as exc:
        print(f"assets: {exc}", file=sys.stderr)
        return 1
    print(f"assets: {len(written)} files in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
