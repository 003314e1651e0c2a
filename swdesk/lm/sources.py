"""The workbooks of a folder of mailed files: every ``.xlsx`` in it and in its ``.zip`` files (issue 12 item 2).

Mail attachments are often zipped, and an attachment is hostile until proven otherwise. So:

* the folder is only read: no file in it is changed, moved or renamed; a workbook is read where it is;
* a ``.zip`` is opened by its directory, and a member is taken only when it is an ``.xlsx`` of at most
  :data:`MAX_MEMBER_BYTES` unpacked, compressed at most :data:`MAX_RATIO` : 1 (beyond
  :data:`RATIO_MIN_BYTES`), not encrypted, in an archive of at most :data:`MAX_MEMBERS` members and
  :data:`MAX_ZIP_BYTES` unpacked in all; a zip inside a zip is not opened;
* a member is copied, counting bytes, into a private temporary folder (made by :mod:`tempfile`, readable
  only by this user, removed afterwards) under a name swdesk makes (``1.xlsx``, ``2.xlsx`` …): the member's
  own name is only shown, never used as a path, so ``../../x.xlsx`` cannot write anywhere;
* each workbook then goes through the import's hostile-file reader (:mod:`swdesk.lm.workbook`).

Each refusal is a :class:`Source` with a Latvian reason; the other files go on.
"""

from __future__ import annotations

import os
import stat
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from swdesk.i18n import define, tr

define(
    {
        "lm.source.no_folder": ("Mape {path} nav atrasta.", "The folder {path} does not exist."),
        "lm.source.not_regular": (
            "nav parasts fails (saite, ierīce vai mape): netika lasīts",
            "not a regular file (a link, a device or a folder): not read",
        ),
        "lm.source.bad_zip": ("bojāts zip arhīvs: {detail}", "damaged zip archive: {detail}"),
        "lm.source.too_many": (
            "zip arhīvā ir {count} faili, vairāk nekā atļautie {limit}: netika atvērts",
            "the zip archive holds {count} files, more than the {limit} allowed: not opened",
        ),
        "lm.source.zip_too_large": (
            "zip arhīvs atspiests būtu {size} MB, vairāk nekā atļautie {limit} MB: netika atvērts",
            "the zip archive would unpack to {size} MB, more than the {limit} MB allowed: not opened",
        ),
        "lm.source.member_too_large": (
            "atspiests būtu {size} MB, vairāk nekā atļautie {limit} MB: netika atvērts",
            "would unpack to {size} MB, more than the {limit} MB allowed: not opened",
        ),
        "lm.source.ratio": (
            "saspiests {ratio} : 1 (zip bumba?), vairāk nekā atļautie {limit} : 1: netika atvērts",
            "compressed {ratio} : 1 (a zip bomb?), more than the {limit} : 1 allowed: not opened",
        ),
        "lm.source.encrypted": (
            "aizsargāts ar paroli: netika atvērts",
            "protected by a password: not opened",
        ),
        "lm.source.nested_zip": (
            "zip arhīvs zip arhīvā netiek atvērts: izpakojiet to mapē",
            "a zip inside a zip is not opened: unpack it into the folder",
        ),
        "lm.source.member_damaged": (
            "bojāts fails arhīvā: {detail}",
            "a damaged file in the archive: {detail}",
        ),
        "lm.source.empty_zip": ("zip arhīvā nav neviena .xlsx faila", "the zip archive holds no .xlsx file"),
    }
)

MB = 1024 * 1024
MAX_MEMBERS = 1000
MAX_MEMBER_BYTES = 50 * MB
MAX_ZIP_BYTES = 500 * MB
MAX_RATIO = 100
RATIO_MIN_BYTES = 1 * MB
WORKBOOK_SUFFIX = ".xlsx"
ZIP_SUFFIX = ".zip"


@dataclass(frozen=True)
class Source:
    """One workbook found: ``name`` as a person finds it (``pasts.zip › Valka.xlsx``), ``path`` to read
    (None when it was refused before reading, with ``refusal`` the reason), ``modified`` its time."""

    name: str
    path: Path | None
    refusal: str | None = None
    modified: float = 0.0


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


@contextmanager
def workbook_sources(folder: Path) -> Iterator[list[Source]]:
    """The workbooks of ``folder`` and of its zip files, in name order; the zip members are readable while
    the context lasts (they live in a private temporary folder removed at its end)."""
    if not folder.is_dir():
        raise FileNotFoundError(tr("lm.source.no_folder", path=folder))
    with tempfile.TemporaryDirectory(prefix="swdesk-lm-") as private:
        sources: list[Source] = []
        counter = [0]
        for entry in sorted(folder.iterdir(), key=lambda p: p.name.casefold()):
            suffix = entry.suffix.lower()
            if suffix not in (WORKBOOK_SUFFIX, ZIP_SUFFIX) or entry.name.startswith("~$"):
                continue  # Excel's lock file "~$name.xlsx" is no workbook
            if not _regular(entry):
                sources.append(Source(entry.name, None, tr("lm.source.not_regular")))
                continue
            modified = entry.stat().st_mtime
            if suffix == WORKBOOK_SUFFIX:
                sources.append(Source(entry.name, entry, modified=modified))
            else:
                sources.extend(_zip_members(entry, Path(private), counter, modified))
        yield sources


def _zip_members(archive_path: Path, private: Path, counter: list[int], modified: float) -> list[Source]:
    found: list[Source] = []
    try:
        with zipfile.ZipFile(archive_path) as archive:
            entries = [e for e in archive.infolist() if not e.is_dir()]
            if len(entries) > MAX_MEMBERS:
                return [
                    Source(
                        archive_path.name,
                        None,
                        tr("lm.source.too_many", count=len(entries), limit=MAX_MEMBERS),
                    )
                ]
            total = sum(e.file_size for e in entries)
            if total > MAX_ZIP_BYTES:
                return [
                    Source(
                        archive_path.name,
                        None,
                        tr("lm.source.zip_too_large", size=-(-total // MB), limit=MAX_ZIP_BYTES // MB),
                    )
                ]
            for entry in sorted(entries, key=lambda e: e.filename.casefold()):
                shown = PurePosixPath(entry.filename.replace("\\", "/")).name or entry.filename
                name = f"{archive_path.name} › {shown}"
                lower = shown.lower()
                if lower.endswith(ZIP_SUFFIX):
                    found.append(Source(name, None, tr("lm.source.nested_zip"), modified))
                    continue
                if not lower.endswith(WORKBOOK_SUFFIX) or shown.startswith("~$"):
                    continue
                refusal = _member_refusal(entry)
                if refusal:
                    found.append(Source(name, None, refusal, modified))
                    continue
                counter[0] += 1
                target = private / f"{counter[0]}{WORKBOOK_SUFFIX}"
                try:
                    _copy_member(archive, entry, target)
                except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as exc:
                    found.append(
                        Source(name, None, tr("lm.source.member_damaged", detail=_detail(exc)), modified)
                    )
                    continue
                found.append(Source(name, target, modified=modified))
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError) as exc:
        return [Source(archive_path.name, None, tr("lm.source.bad_zip", detail=_detail(exc)))]
    if not found:
        return [Source(archive_path.name, None, tr("lm.source.empty_zip"))]
    return found


def _member_refusal(entry: zipfile.ZipInfo) -> str | None:
    if entry.flag_bits & 0x1:
        return tr("lm.source.encrypted")
    if entry.file_size > MAX_MEMBER_BYTES:
        return tr("lm.source.member_too_large", size=-(-entry.file_size // MB), limit=MAX_MEMBER_BYTES // MB)
    if entry.file_size >= RATIO_MIN_BYTES:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > MAX_RATIO:
            return tr("lm.source.ratio", ratio=int(ratio), limit=MAX_RATIO)
    return None


def _copy_member(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, target: Path) -> None:
    """Copy a member, never more than it declares (zipfile stops there too, and checks its CRC)."""
    left = entry.file_size
    # O_EXCL: the private folder is ours, and no name in it is ever reused
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(descriptor, "wb") as out, archive.open(entry) as stream:
        while left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            out.write(chunk)
            left -= len(chunk)


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    return text[:120] if text else type(exc).__name__
