"""The program's log file: what support needs afterwards, and nothing on the screen.

One rotating file, ``swdesk.log``, in the user's data folder beside the default database (e.g.
``~/.local/share/swdesk/swdesk.log``, ``%LOCALAPPDATA%\\swdesk\\swdesk.log``): INFO and above from swdesk
and Alembic, Python's warnings, WARNING and above from everything else, and every unexpected error with its
traceback. When the folder cannot be written the program runs without a log rather than fail; either way
nothing is printed to the terminal (a logging handler is always installed, so Python's last-resort
handler never writes records to stderr).

The window and every command of the command line log here (:func:`run_logged`); tests and the self-test
that call :func:`swdesk.cli.main` with their own arguments do not.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

LOG_NAME = "swdesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3  # swdesk.log.1 … swdesk.log.3 beside it
RECENT_BYTES = 64_000  # what "Kopēt žurnālu" puts on the clipboard: the newest part of the file

FORMAT = "%(asctime)s [%(process)d] %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("swdesk")

_LEVELS = {
    "swdesk": logging.INFO,
    "alembic": logging.INFO,
    # Alembic names each of its autogenerate plugins at INFO whenever it loads: noise on every start
    "alembic.runtime.plugins": logging.WARNING,
}

_handler: logging.Handler | None = None
_path: Path | None = None
_levels_before: dict[str, int] = {}


def log_path() -> Path:
    """Where the log is written: the file in use, else the default one beside the default database."""
    if _path is not None:
        return _path
    from swdesk.db import data_folder  # the default database's folder, without SQLAlchemy at every start

    return data_folder() / LOG_NAME


def active_log_path() -> Path | None:
    """The file this process writes to, or None when it keeps no log (not set up, or not writable)."""
    return _path


class _LogFile(logging.handlers.RotatingFileHandler):
    """A rotating file that never complains on the terminal.

    Logging's default reaction to a failed write is a traceback on stderr; a log that cannot be written
    must not disturb the person using the program. Rotation renames the file, which Windows refuses while
    a second swdesk has it open: then this process keeps appending to the current file.
    """

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        try:
            super().doRollover()
        except OSError:
            if self.stream is None:
                self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        pass


def setup_logging(path: Path | None = None) -> Path | None:
    """Send the program's log to ``path`` (default :func:`log_path`); the file, or None without one.

    Called once per process; later calls return what the first one set up.
    """
    global _handler, _path
    if _handler is not None:
        return _path
    target = path or log_path()
    handler: logging.Handler
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _LogFile(target, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError:
        handler, target = logging.NullHandler(), None  # type: ignore[assignment]
    handler.setFormatter(logging.Formatter(FORMAT))
    logging.getLogger().addHandler(handler)
    for name, level in _LEVELS.items():
        _levels_before[name] = logging.getLogger(name).level
        logging.getLogger(name).setLevel(level)
    logging.captureWarnings(True)
    _handler, _path = handler, target
    return target


def stop_logging() -> None:
    """Close the log file and undo :func:`setup_logging` (tests; a process may set it up again)."""
    global _handler, _path
    if _handler is None:
        return
    logging.getLogger().removeHandler(_handler)
    _handler.close()
    for name, level in _levels_before.items():
        logging.getLogger(name).setLevel(level)
    logging.captureWarnings(False)
    _handler, _path = None, None


def recent_text(limit: int = RECENT_BYTES) -> str:
    """The newest part of the log (whole lines, at most ``limit`` bytes); empty without a log file."""
    if _path is None:
        return ""
    if _handler is not None:
        _handler.flush()
    try:
        with _path.open("rb") as f:
            size = f.seek(0, 2)
            f.seek(max(0, size - limit))
            data = f.read()
    except OSError:
        return ""
    if size > limit:
        data = data.partition(b"\n")[2]  # the first line was cut in the middle
    # the log is written in text mode: its lines end in \r\n on Windows, as no traceback in memory does
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n")


def describe_system() -> str:
    """One line for the log and for support: the program, Python and the operating system."""
    from swdesk import __version__

    return f"swdesk {__version__}, Python {platform.python_version()}, {platform.platform()}"


def masked(argv: Sequence[str]) -> str:
    """The command line as it goes into the log: every form of a database URL's password replaced by ***."""
    if not any("://" in arg or "=" in arg for arg in argv):
        # neither form of a password mask_url knows (user:…@ after a scheme, ?password=…) can be there: the
        # database layer (SQLAlchemy) is not loaded for nothing at every start (issue 14)
        return " ".join(argv)
    from swdesk.db.database import mask_url  # the one place that knows where passwords hide in a URL

    return " ".join(mask_url(arg, arg) for arg in argv)


class _StderrCopy:
    """sys.stderr that also keeps what was written, so that an error message reaches the log too."""

    def __init__(self, target: TextIO) -> None:
        self.target = target
        self.parts: list[str] = []
        self.kept = 0

    def write(self, text: str) -> int:
        if self.kept < RECENT_BYTES:
            self.parts.append(text)
            self.kept += len(text)
        return self.target.write(text)

    def flush(self) -> None:
        self.target.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.target, name)


def run_logged(main: Callable[[list[str]], int], argv: list[str]) -> int:
    """Run ``main(argv)`` (the command line) with the log set up.

    The log gets the command, its exit status and, when it failed, what it told the person on stderr;
    an unexpected exception with its traceback. The terminal gets nothing more than before.
    """
    setup_logging()
    cli_log = logging.getLogger("swdesk.cli")
    cli_log.info("start: swdesk %s (%s)", masked(argv) or "(window)", describe_system())
    # no stderr at all (the windowed program on Windows): nothing is said, and sys.stderr stays None
    copy = _StderrCopy(sys.stderr) if sys.stderr is not None else None
    if copy is not None:
        sys.stderr = copy  # type: ignore[assignment]
    unexpected = False
    status: object = None
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse: --help, --version, a usage error
        status = exc.code
        raise
    except BaseException:
        unexpected = True
        cli_log.exception("unexpected error")
        raise
    finally:
        if copy is not None:
            sys.stderr = copy.target
        said = "".join(copy.parts).strip() if copy is not None else ""
        if unexpected:
            pass
        elif status not in (0, None) and said:
            cli_log.warning("exit status %s: %s", status, said)
        else:
            cli_log.info("exit status %s", status or 0)
    return status  # type: ignore[return-value]
