"""The database layer. This package's own module is light (no SQLAlchemy): what it holds is needed before
the database is opened — the program's log is set up at every start, and the window paints before
SQLAlchemy loads (issue 14)."""

from __future__ import annotations

from pathlib import Path


def data_folder() -> Path:
    """The user's data folder of swdesk (e.g. %LOCALAPPDATA%\\swdesk on Windows): the default database and
    the log live there."""
    from platformdirs import user_data_path

    return user_data_path("swdesk", appauthor=False)
