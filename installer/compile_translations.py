"""Compile ``translations/*.ts`` into ``translations/*.qm`` with the ``lrelease`` that ships in PySide6.

``.ts`` files are kept in git and ``.qm`` files are build products (STYLE.md, Translations), so every
build makes them afresh. The ``lrelease`` binary inside the PySide6 wheel is used directly rather than the
``pyside6-lrelease`` wrapper script, because the wrapper lives in ``bin/`` or ``Scripts\\`` depending on
the platform and the environment, while the binary is always next to PySide6 itself.

Exit status 1 when there is no ``.ts`` file: a bundle without its Latvian translation must not be built.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"


def lrelease_binary() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for name in ("lrelease.exe", "lrelease"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"lrelease is not in {folder}")


def compile_all(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile each ``.ts`` of ``folder``; the ``.qm`` files written."""
    sources = sorted(folder.glob("*.ts"))
    if not sources:
        raise FileNotFoundError(f"no .ts files in {folder}")
    tool = lrelease_binary()
    written = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main() -> int:
    try:
        for qm in compile_all():
            print(f"{qm.relative_to(ROOT)}: {qm.stat().st_size} bytes")
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        print(f"compile_translations: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
