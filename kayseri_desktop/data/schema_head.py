"""The schema revision this app expects, and a file's own, without importing Alembic.

Importing Alembic costs about a third of a second, and on nearly every start the
file is already at the head revision: start-up reads ``alembic_version`` with plain
SQL and compares it with the head read from the migration scripts' ``revision =`` /
``down_revision =`` lines (db/versions). Only when they differ does
data/migrations.py load Alembic to check and upgrade. tests/test_startup_imports.py
checks this head against Alembic's own.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from kayseri_desktop import project_root


def _assigned(source: str, name: str) -> object:
    """The literal value of a top-level ``name = ...`` / ``name: T = ...`` statement."""
    for node in ast.parse(source).body:
        target = None
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            target, value = node.target.id, node.value
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            target, value = node.targets[0].id, node.value
        if target == name and value is not None:
            return ast.literal_eval(value)
    raise LookupError(name)


def known_head(versions: Path | None = None) -> str | None:
    """The single head revision of the scripts in db/versions; None if it is unclear
    (no scripts, several heads, a script this reader cannot parse): Alembic decides then."""
    return _app_head() if versions is None else _head_of(versions)


@functools.cache
def _app_head() -> str | None:
    return _head_of(project_root() / "db" / "versions")


def _head_of(folder: Path) -> str | None:
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        for script in folder.glob("*.py"):
            source = script.read_text(encoding="utf-8")
            revision = _assigned(source, "revision")
            down = _assigned(source, "down_revision")
            if not isinstance(revision, str):
                return None
            revisions.add(revision)
            if isinstance(down, str):
                parents.add(down)
            elif isinstance(down, tuple | list):
                parents.update(str(d) for d in down)
    except (OSError, SyntaxError, ValueError, LookupError):
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The file's revision from ``alembic_version`` (None when the table is missing or
    empty). Raises sqlalchemy's DatabaseError for a damaged or unreadable file, as
    Alembic's own reading would."""
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError as exc:
            if "alembic_version" in str(exc.orig) and _missing_table(exc):
                return None
            raise
    return str(rows[0][0]) if len(rows) == 1 else None


def _missing_table(exc: DBAPIError) -> bool:
    message = str(exc.orig).lower()
    return "no such table" in message or "does not exist" in message


def is_current(engine: Engine) -> bool:
    """True when the file is at the head revision this app knows (no Alembic needed)."""
    head = known_head()
    return head is not None and stored_revision(engine) == head
