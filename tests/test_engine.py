import sqlite3

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.data.engine import ENV_DB, resolve_url
from kayseri_desktop.data.models import Firm, Project
from kayseri_desktop.services.context import open_context


@pytest.fixture
def ctx(tmp_path):
    c = open_context(tmp_path / "e.sqlite")
    yield c
    c.close()


def test_sqlite_connections_are_set_up_for_safety(ctx):
    with ctx.db.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_write_transaction_takes_the_lock_when_it_begins(ctx):
    other = sqlite3.connect(ctx.db.path, timeout=0, isolation_level=None)
    with ctx.db.write() as s:
        s.execute(text("SELECT 1"))  # no write yet: the lock is already ours
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")  # released on commit
    other.execute("ROLLBACK")
    other.close()


def test_read_session_does_not_block_writers(ctx):
    other = sqlite3.connect(ctx.db.path, timeout=0, isolation_level=None)
    with ctx.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM firms")).scalar() == 0
        other.execute("BEGIN IMMEDIATE")  # raises "database is locked" if the read blocked it
        other.execute("INSERT INTO staff (name, kind, active) VALUES ('Yazan', 'kto', 1)")
        other.execute("COMMIT")
    other.close()
    with ctx.db.read() as s:
        assert s.execute(text("SELECT name FROM staff")).scalars().all() == ["Yazan"]


def _firm(title: str, nine: str) -> Firm:
    return Firm(title=title, tax_no=vkn_with_check_digit(nine), search_text="", title_sort="")


def test_schema_enforces_unique_tax_number_and_rolls_back_whole_transaction(ctx):
    with ctx.db.write() as s:
        s.add(_firm("A", "123456789"))
    with pytest.raises(IntegrityError), ctx.db.write() as s:
        s.add(_firm("B", "223456789"))
        s.flush()
        s.add(_firm("C", "123456789"))
        s.flush()
    with ctx.db.read() as s:
        assert s.execute(text("SELECT title FROM firms")).scalars().all() == ["A"]


@pytest.mark.parametrize(
    ("column", "value"),
    [("employees", -1), ("founded_year", 1700), ("size_class", "dev")],
)
def test_schema_checks_ranges(ctx, column, value):
    firm = _firm("A", "123456789")
    setattr(firm, column, value)
    with pytest.raises(IntegrityError), ctx.db.write() as s:
        s.add(firm)


def test_foreign_keys_are_enforced(ctx):
    with pytest.raises(IntegrityError), ctx.db.write() as s:
        s.add(Project(code="X", title="X", theme="dijital", roadmap_year=1, lead_institution_id=99))


def test_database_location_resolution(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_DB, raising=False)
    assert resolve_url(tmp_path / "a.sqlite") == f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert resolve_url("postgresql+psycopg://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_url(None, configured=str(tmp_path / "s.sqlite")).endswith("s.sqlite")
    monkeypatch.setenv(ENV_DB, str(tmp_path / "env.sqlite"))
    assert resolve_url(None, configured=str(tmp_path / "s.sqlite")).endswith("env.sqlite")
    assert resolve_url(tmp_path / "arg.sqlite").endswith("arg.sqlite")
    monkeypatch.delenv(ENV_DB)
    assert resolve_url(None).endswith("kayseri.sqlite")


def test_readonly_context_refuses_writes(tmp_path):
    path = tmp_path / "r.sqlite"
    open_context(path).close()
    ro = open_context(path, readonly=True)
    try:
        with pytest.raises(PermissionError), ro.db.write():
            pass
        with ro.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM firms")).scalar() == 0
    finally:
        ro.close()
