"""Schema versions through Alembic, run from code (no alembic.ini needed by users).

The schema version of a database is its Alembic revision. A revision the program does not know means the
database was written by a newer program, which is refused before anything is written.

Alembic itself (about 0,15 s of imports) is loaded only when a migration is due or the answer needs it: the
usual start — a database already at the head — reads ``alembic_version`` with plain SQL and the revision ids
from the version files' ``revision``/``down_revision`` lines (issue 14: a start that feels instant).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

from swdesk.i18n import tr

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^revision\s*(?::[^=\n]*)?=\s*['"]([^'"\n]+)['"]\s*$""", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"""^down_revision\s*(?::[^=\n]*)?=\s*(?:None|['"]([^'"\n]+)['"])\s*$""", re.MULTILINE
)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@lru_cache(maxsize=1)
def _revisions_from_files() -> tuple[frozenset[str], str] | None:
    """(every revision id, the one head) read from the version files without Alembic; None when a file is
    not in the simple one-parent form (a merge, a revision without its source), so that Alembic answers."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.findall(source), _DOWN_REVISION.findall(source)
        if len(revision) != 1 or len(down) != 1:
            return None
        revisions.add(revision[0])
        if down[0]:
            parents.add(down[0])
    heads = revisions - parents
    if len(heads) != 1 or not parents <= revisions:
        return None
    return frozenset(revisions), heads.pop()


def head_revision() -> str:
    quick = _revisions_from_files()
    if quick is not None:
        return quick[1]
    head = _scripts().get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in _scripts().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The database's revision, as Alembic's ``MigrationContext.get_current_revision`` reads it (the table
    ``alembic_version``; none without it); a table with several rows is left to Alembic's own error."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if len(rows) > 1:
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()
    return rows[0] if rows else None


def refuse_newer(current: str | None) -> None:
    from swdesk.db.database import SchemaTooNewError

    quick = _revisions_from_files()
    if current is None or (quick is not None and current in quick[0]):
        return
    if current not in known_revisions():
        raise SchemaTooNewError(tr("db.too_new", found=current, known=head_revision()))


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
