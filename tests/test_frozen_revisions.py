"""Frozen example databases, one per released schema revision, each migrated to head.

tests/data/schema_<REV>.sqlite was made once by scripts/make_frozen_database.py when
that revision was current. Upgrading a copy to head must keep every row and end in
exactly the schema a new database gets; an edit to an old migration breaks one of
the two (a database already past that revision never runs the edited script again).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from kayseri_desktop.data import migrations
from kayseri_desktop.data.backup import integrity_ok
from kayseri_desktop.services.context import open_context

DATA = Path(__file__).parent / "data"


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    return [rev.revision for rev in script.walk_revisions()]


def _schema(path: Path) -> dict[str, set[tuple]]:
    """Tables with their columns, and indexes with their columns: what the app relies on."""
    con = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        shape: dict[str, set[tuple]] = {}
        for table in tables:
            shape[table] = {
                ("column", name, kind.upper(), notnull, pk)
                for _, name, kind, notnull, _default, pk in con.execute(
                    f'PRAGMA table_info("{table}")'
                )
            }
            for _, index, unique, *_ in con.execute(f'PRAGMA index_list("{table}")'):
                cols = tuple(row[2] for row in con.execute(f'PRAGMA index_info("{index}")'))
                shape[table].add(("index", index, unique, cols))
        return shape
    finally:
        con.close()


def _counts(path: Path) -> dict[str, int]:
    con = sqlite3.connect(path)
    try:
        names = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version'"
            )
        ]
        return {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        con.close()


def test_every_released_revision_has_a_frozen_database():
    missing = [rev for rev in _revisions() if not (DATA / f"schema_{rev}.sqlite").is_file()]
    assert not missing, (
        f"no frozen example database for {missing}: run scripts/make_frozen_database.py REV "
        "while REV is the head, and commit the file"
    )


@pytest.mark.parametrize(
    "revision", sorted(p.stem[len("schema_") :] for p in DATA.glob("schema_*.sqlite"))
)
def test_frozen_database_migrates_to_head_keeping_every_row(revision, tmp_path):
    frozen = DATA / f"schema_{revision}.sqlite"
    path = tmp_path / f"eski {revision}.sqlite"
    shutil.copyfile(frozen, path)
    before = _counts(path)
    assert before["firms"] > 0, "a frozen database holds data, or it proves little"

    ctx = open_context(path, backup_dir=tmp_path / "yedekler")
    try:
        assert migrations.current_revision(ctx.db.engine) == migrations.head_revision()
    finally:
        ctx.close()

    assert integrity_ok(path) == (True, "ok")
    after = _counts(path)
    assert {k: v for k, v in after.items() if k in before} == before
    fresh = tmp_path / "yeni.sqlite"
    open_context(fresh).close()
    assert _schema(path) == _schema(fresh)
