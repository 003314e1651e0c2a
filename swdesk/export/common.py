"""What the workbooks and PDFs share: visible texts of the export toolkit and number-to-text formatting.

Numbers in a PDF are text, written the Latvian way (decimal comma, non-breaking space between
thousands) by :mod:`swdesk.formats`; in a workbook they stay numbers (see ``xlsx.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from swdesk.formats import fmt_date, fmt_number, fmt_share
from swdesk.i18n import define, language, set_language, tr

define(
    {
        "export.page_of": ("{page}. lapa no {pages}", "Page {page} of {pages}"),
        "export.prepared": ("Sagatavots {date} ar swdesk", "Prepared {date} with swdesk"),
        "export.signature": ("paraksts", "signature"),
        "export.date": ("datums", "date"),
        "export.yes": ("jā", "yes"),
        "export.no": ("nē", "no"),
        "export.onto_database": (
            "{path} ir datubāze (vai tās žurnāla fails), nevis dokuments; dokuments netika saglabāts, un "
            "datubāze netika mainīta. Norādiet citu faila nosaukumu.",
            "{path} is a database (or its log file), not a document; the document was not written and the "
            "database was not changed. Give another file name.",
        ),
    }
)

Number = Decimal | int | float

# What goes to the Ministry or the council is Latvian whatever the window's language (issue 16 item 6);
# an English copy is written only when asked for explicitly.
OFFICIAL_LANGUAGE = "lv"

# A figure of fewer people than this tells what a person earns or lacks (GDPR art. 5(1)(c), issue 15): a
# document that may leave the office shows such a group as "< 3" and withholds its pay and per-rule counts.
SMALL_GROUP = 3


def english_copy_path(path: str | os.PathLike[str]) -> Path:
    """Where the English copy of a document goes: beside it, ``Kompensacija_….en.pdf``."""
    target = Path(path)
    return target.with_name(f"{target.stem}.en{target.suffix}")


@contextmanager
def document_language(lang: str = OFFICIAL_LANGUAGE) -> Iterator[None]:
    """Write a document in ``lang``: its texts, its numbers (decimal comma) and dates, then restore the
    language the program was in."""
    previous = language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


@contextmanager
def atomic_output(path: str | os.PathLike[str], *, overwrite: bool, suffix: str) -> Iterator[Path]:
    """A temporary file beside ``path`` to write the document into; it becomes ``path`` only when whole.

    A failure never leaves half a document under the real name. ``overwrite=False`` refuses an existing
    file (the GUI must never replace a file silently; the command line may overwrite what it is told to).
    """
    target = Path(path)
    refuse_database_target(target)
    if not overwrite and target.exists():
        raise FileExistsError(str(target))
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".swdesk-", suffix=suffix, dir=target.parent)
    os.close(handle)
    # mkstemp makes it private; a document to mail is an ordinary file, as private as the user's umask says
    os.chmod(temporary, 0o666 & ~_umask())
    try:
        yield Path(temporary)
        _replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


class DatabaseTargetError(ValueError):
    """A document was to be written over a database, its log or a backup; nothing was written."""


define(
    {
        "export.file_in_use": (
            "Failu {path} nevar aizstāt: tas ir atvērts citā programmā (piemēram, Excel vai PDF skatītājā) vai "
            "to neļauj mainīt piekļuves tiesības. Dokuments netika saglabāts. Aizveriet failu un mēģiniet vēlreiz "
            "vai norādiet citu faila nosaukumu.",
            "{path} cannot be replaced: it is open in another program (Excel or a PDF viewer, for example) or "
            "you may not change it. The document was not saved. Close the file and try again, or give another "
            "file name.",
        ),
    }
)


class DocumentInUseError(DatabaseTargetError, PermissionError):
    """The document could not be put in place of ``path``: on Windows, another program holds it open.

    A :class:`DatabaseTargetError` (a document that cannot go where it was aimed), so the command line says
    it with exit status 2; a PermissionError, so whatever handles file errors still does. The temporary file
    is removed by :func:`atomic_output`.
    """


def _replace(temporary: str, target: Path) -> None:
    """``os.replace``, where a target held open elsewhere becomes a sentence instead of ``[WinError 5]``.

    Excel keeps an open workbook locked against replacing; a virus scanner or the search indexer does so for
    a moment after a file is written, so a few short retries come first.
    """
    for attempt in range(4):
        try:
            os.replace(temporary, target)
            return
        except PermissionError as exc:
            if attempt == 3:
                raise DocumentInUseError(tr("export.file_in_use", path=target)) from exc
            time.sleep(0.25)


def refuse_database_target(target: Path) -> None:
    """Never write a document over a database: an SQLite file (the live one or a backup), or the log files
    (-wal, -shm, -journal) beside one. Raises :class:`DatabaseTargetError` with a Latvian sentence."""
    from swdesk.db.database import SQLITE_HEADER
    from swdesk.i18n import tr

    candidates = [target]
    for suffix in ("-wal", "-shm", "-journal"):
        if target.name.endswith(suffix):
            candidates.append(target.with_name(target.name[: -len(suffix)]))
    for candidate in candidates:
        try:
            with open(candidate, "rb") as fh:
                is_database = fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
        except OSError:
            continue
        if is_database:
            raise DatabaseTargetError(tr("export.onto_database", path=target))


def money_text(value: Number | None) -> str:
    """EUR amount as Latvian text, 2 decimals: ``1 234,50``; None is a dash."""
    return fmt_number(value, 2)


def hours_text(value: Number | None) -> str:
    return fmt_number(value, 2)


def fte_text(value: Number | None) -> str:
    return fmt_number(value, 2)


def share_text(value: Number | None, places: int = 1) -> str:
    """A share 0–1 as a percentage with a decimal comma: ``0.125`` → ``12,5 %``."""
    return fmt_share(value, places, trim=False)


def integer_text(value: int | None) -> str:
    return fmt_number(value, 0)


def date_text(value: dt.date | None) -> str:
    return fmt_date(value)


def yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return tr("export.yes") if value else tr("export.no")


def exact_hours(minutes: int) -> float:
    """Whole minutes as hours for a workbook cell, unrounded (50 min = 0.8333…): the rows of a column then
    add up to the total of the minutes, which a cell rounded to 0,83 would not."""
    return minutes / 60


def minutes_to_hours(minutes: int | None) -> Decimal | None:
    """Whole minutes as hours with 2 decimals (exact to the cent of an hour, as SPEC §3 counts time)."""
    if minutes is None:
        return None
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
