"""Migrations: up, down and up again; models match; failures change nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kayseri_desktop.data import migrations
from kayseri_desktop.data.backup import integrity_ok
from kayseri_desktop.data.engine import make_engine
from kayseri_desktop.data.models import Base
from kayseri_desktop.services.context import open_context


def _url(path: Path) -> str:
    return f"sqlite:///{path}"


def _schema(path: Path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()
        version = con.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        con.close()
    return [*rows, ("version", tuple(version))]


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()


def _scripts_with(tmp_path: Path, body: str, rev: str = "9999") -> Path:
    """A copy of db/ with one more migration on top of head."""
    target = tmp_path / "db"
    shutil.copytree(migrations.scripts_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrations.head_revision()
    (target / "versions" / f"{rev}_extra.py").write_text(
        f'"""extra"""\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
        f"revision = {rev!r}\ndown_revision = {head!r}\nbranch_labels = None\n"
        f"depends_on = None\n\n\ndef upgrade():\n{body}\n\n\ndef downgrade():\n"
        f"    op.drop_table('extra_table')\n",
        encoding="utf-8",
    )
    return target


def test_upgrade_from_empty_then_down_and_up_again(tmp_path):
    db = tmp_path / "m.sqlite"
    migrations.upgrade(_url(db))
    expected = set(Base.metadata.tables) | {"alembic_version"}
    assert _tables(db) == expected
    migrations.downgrade(_url(db), "base")
    assert _tables(db) == {"alembic_version"}
    migrations.upgrade(_url(db))
    assert _tables(db) == expected
    assert migrations.current_revision(make_engine(_url(db))) == migrations.head_revision()


def test_models_match_migrations(tmp_path):
    db = tmp_path / "m.sqlite"
    migrations.upgrade(_url(db))
    engine = make_engine(_url(db))
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_failing_migration_leaves_schema_and_version_as_before(tmp_path):
    db = tmp_path / "m.sqlite"
    migrations.upgrade(_url(db))
    before = _schema(db)
    scripts = _scripts_with(
        tmp_path,
        "    op.create_table('extra_table', sa.Column('id', sa.Integer, primary_key=True))\n"
        "    with op.batch_alter_table('firms') as b:\n"
        "        b.add_column(sa.Column('extra', sa.Integer))\n"
        "    op.execute('DROP TABLE staff_not_there')\n",
    )
    with pytest.raises(migrations.MigrationFailed) as err:
        migrations.upgrade(_url(db), script_location=scripts, backup_dir=tmp_path / "bk")
    assert "Hiçbir değişiklik yapılmadı" in str(err.value)
    assert _schema(db) == before
    assert integrity_ok(db)[0]


def test_existing_database_is_backed_up_and_verified_before_migrating(tmp_path):
    db = tmp_path / "m.sqlite"
    migrations.upgrade(_url(db))
    scripts = _scripts_with(
        tmp_path,
        "    op.create_table('extra_table', sa.Column('id', sa.Integer, primary_key=True))\n",
    )
    backup = migrations.upgrade(_url(db), script_location=scripts, backup_dir=tmp_path / "bk")
    assert backup is not None and backup.exists()
    assert integrity_ok(backup) == (True, "ok")
    assert "extra_table" not in _tables(backup)
    assert "extra_table" in _tables(db)
    assert not list((tmp_path / "bk").glob("*.tmp"))


def test_fresh_database_is_not_backed_up(tmp_path):
    assert migrations.upgrade(_url(tmp_path / "new.sqlite"), backup_dir=tmp_path / "bk") is None
    assert not (tmp_path / "bk").exists()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_database_from_a_newer_app_is_refused_untouched(tmp_path):
    db = tmp_path / "new.sqlite"
    migrations.upgrade(_url(db))
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = 'ffff'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    digest = _digest(db)
    with pytest.raises(migrations.SchemaTooNewError, match="daha yeni"):
        open_context(db, backup_dir=tmp_path / "bk")
    assert _digest(db) == digest
    assert not (tmp_path / "bk").exists()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    bogus = tmp_path / "firms.sqlite"
    bogus.write_bytes(b"PK\x03\x04 this is really a zip file" * 100)
    digest = _digest(bogus)
    with pytest.raises(migrations.SchemaError, match="SQLite veritabanı değil"):
        open_context(bogus)
    assert _digest(bogus) == digest


def test_someone_elses_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.close()
    with pytest.raises(migrations.SchemaError, match="bu uygulamanın veritabanı değil"):
        open_context(other)
