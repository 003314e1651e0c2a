"""What the workbooks and PDFs share: visible texts of the export toolkit and number-to-text formatting.

Numbers in a PDF are text, written the Latvian way (decimal comma, non-breaking space between
thousands) by :func:`swdesk.commands.format_number`; in a workbook they stay numbers (see ``xlsx.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from swdesk.commands import format_date, format_number
from swdesk.i18n import define, tr

define(
    {
        "export.page_of": ("{page}. lapa no {pages}", "Page {page} of {pages}"),
        "export.prepared": ("Sagatavots {date} ar swdesk", "Prepared {date} with swdesk"),
        "export.signature": ("paraksts", "signature"),
        "export.date": ("datums", "date"),
        "export.yes": ("jā", "yes"),
        "export.no": ("nē", "no"),
    }
)

Number = Decimal | int | float


@contextmanager
def atomic_output(path: str | os.PathLike[str], *, overwrite: bool, suffix: str) -> Iterator[Path]:
    """A temporary file beside ``path`` to write the document into; it becomes ``path`` only when whole.

    A failure never leaves half a document under the real name. ``overwrite=False`` refuses an existing
    file (the GUI must never replace a file silently; the command line may overwrite what it is told to).
    """
    target = Path(path)
    if not overwrite and target.exists():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".swdesk-", suffix=suffix, dir=target.parent)
    os.close(handle)
    os.chmod(temporary, 0o644)  # mkstemp makes it private; a document to mail is an ordinary file
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def money_text(value: Number | None) -> str:
    """EUR amount as Latvian text, 2 decimals: ``1 234,50``; None is a dash."""
    return format_number(value, 2)


def hours_text(value: Number | None) -> str:
    return format_number(value, 2)


def fte_text(value: Number | None) -> str:
    return format_number(value, 2)


def share_text(value: Number | None, places: int = 1) -> str:
    """A share 0–1 as a percentage with a decimal comma: ``0.125`` → ``12,5 %``."""
    if value is None:
        return format_number(None)
    return f"{format_number(float(value) * 100, places)}\u00a0%"


def integer_text(value: int | None) -> str:
    return format_number(value, 0)


def date_text(value: dt.date | None) -> str:
    return format_date(value)


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return tr("export.yes") if value else tr("export.no")


def minutes_to_hours(minutes: int | None) -> Decimal | None:
    """Whole minutes as hours with 2 decimals (exact to the cent of an hour, as SPEC §3 counts time)."""
    if minutes is None:
        return None
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
