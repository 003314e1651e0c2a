"""File names that say what a document is and when: ``Kompensacija_Adazu_novads_2025-H1.xlsx``.

Names are ASCII only: they travel as e-mail attachments to the Ministry and through municipal document
systems, some of which still mangle ā or š in attachment names.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

# Letters NFKD does not split into a base letter and a mark.
_EXTRA_FOLDS = str.maketrans(
    {
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Œ": "OE",
        "œ": "oe",
        "Ł": "L",
        "ł": "l",
        "Đ": "D",
        "đ": "d",
    }
)


def ascii_fold(text: str) -> str:
    """``Ādažu novads`` → ``Adazu_novads``: letters without diacritics, spaces as ``_``, nothing unsafe.

    Only letters, digits, ``_``, ``-`` and ``.`` remain, so the name is valid on Windows
    (none of ``\\ / : * ? " < > |``).
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = re.sub(r"\s+", "_", plain.strip())
    plain = re.sub(r"[^A-Za-z0-9_.-]", "", plain)
    plain = re.sub(r"_+", "_", plain).strip("._-")
    return plain


def _name(prefix: str, municipality: str, when: str, extension: str) -> str:
    place = ascii_fold(municipality)
    parts = [prefix] + ([place] if place else []) + [when]
    return "_".join(parts) + "." + extension.lstrip(".").lower()


def claim_file_name(*, municipality: str, period: str, extension: str) -> str:
    """``Kompensacija_<pašvaldība>_<periods>.xlsx``, period as SPEC §3 writes it (``2025-H1``)."""
    return _name("Kompensacija", municipality, ascii_fold(period), extension)


def survey_file_name(*, municipality: str, date: dt.date, extension: str) -> str:
    """``Aptauja_<pašvaldība>_2026-02-01.pdf`` (ISO date: sorts in the right order in a folder)."""
    return _name("Aptauja", municipality, date.isoformat(), extension)


def report_file_name(*, municipality: str, year: int, extension: str = "pdf", named: bool = False) -> str:
    """``Atskaite_domei_<pašvaldība>_2025.pdf``; the variant with names ends ``_ar_vardiem`` so that the
    file's name alone warns before it is attached to council papers (issue 15)."""
    return _name("Atskaite_domei", municipality, f"{year}_ar_vardiem" if named else str(year), extension)


def person_file_name(*, tabeles_nr: str, extension: str) -> str:
    """``Personas_dati_<tabeles nr.>.pdf``: one staff member's own copy of their data (issue 15)."""
    return (
        "_".join(["Personas_dati", ascii_fold(tabeles_nr) or "darbinieks"])
        + "."
        + extension.lstrip(".").lower()
    )


def free_path(path: Path) -> Path:
    """``path`` if nothing is there, else the first of ``name_2.ext``, ``name_3.ext``… that is free.

    For the GUI, which must never overwrite a file silently: it proposes this name instead.
    """
    if not path.exists():
        return path
    n = 2
    while True:
        candidate = path.with_name(f"{path.stem}_{n}{path.suffix}")
        if not candidate.exists():
            return candidate
        n += 1
