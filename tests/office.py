"""Opening the documents as their readers do: LibreOffice (headless) turning a workbook into PDF or CSV."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-calc-nogui)"
)

# LibreOffice's CSV filter: ";" separated, '"' quoted, UTF-8, from row 1, raw values (not as shown), every
# sheet into a file of its own (the last token, -1; LibreOffice 7.2 and later)
_CSV_FILTER = "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1"


def convert(path: Path, target: str, out: Path) -> list[Path]:
    """``path`` converted by LibreOffice to ``target`` ("pdf" or "csv") in ``out``; the files it wrote.

    Each call has a profile of its own, so that conversions run side by side do not wait for one another.
    """
    assert SOFFICE is not None
    out.mkdir(parents=True, exist_ok=True)
    profile = out / ".lo-profile"
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            _CSV_FILTER if target == "csv" else target,
            "--outdir",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    written = sorted(p for p in out.glob(f"{path.stem}*.{target}"))
    assert written, result.stdout + result.stderr
    return written


def sheets_as_csv(path: Path, out: Path) -> dict[str, list[list[str]]]:
    """Every sheet of a workbook as LibreOffice reads it: sheet name → rows of cell texts."""
    sheets = {}
    for file in convert(path, "csv", out):
        name = file.stem[len(path.stem) + 1 :] if file.stem != path.stem else ""
        with file.open(encoding="utf-8", newline="") as handle:
            sheets[name] = list(csv.reader(handle, delimiter=";"))
    return sheets


def number(text: str) -> float:
    """A raw number of LibreOffice's CSV (decimal point, no grouping)."""
    return float(text) if text.strip() else 0.0
