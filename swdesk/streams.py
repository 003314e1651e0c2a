"""Standard output and error that can carry Latvian letters wherever they go (issue 20, 3c).

On Windows, Python writes a redirected stream (``swdesk claim … > x.txt``, a pipe, a CI log) in the ANSI
code page: cp1252 on an English Windows has no "ā", "ē", "ļ", so the first Latvian sentence would end the
program with ``UnicodeEncodeError``. The frozen program sets UTF-8 mode (``-X utf8`` in the spec); an
unbundled run (``python -m swdesk``, a pip-installed ``swdesk.exe``) gets the same from :func:`utf8_streams`
at start, without relying on ``PYTHONUTF8`` being set. A console already takes Unicode (PEP 528).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO


def utf8_streams() -> None:
    """Write stdout and stderr as UTF-8, or — where the user chose an encoding with ``PYTHONIOENCODING`` or
    the stream is a terminal in another encoding — in that encoding with unknown letters replaced."""
    chosen = os.environ.get("PYTHONIOENCODING", "")
    for stream in (sys.stdout, sys.stderr):
        _reconfigure(stream, keep_encoding=bool(chosen.split(":")[0]))


def _reconfigure(stream: TextIO | None, *, keep_encoding: bool) -> None:
    if stream is None:  # the windowed swdesk.exe has no streams
        return
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    if reconfigure is None or encoding == "utf8":
        return
    try:
        if keep_encoding or stream.isatty():
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8", errors="replace")
    except (OSError, ValueError):  # a closed or detached stream: nothing to print to anyway
        pass
