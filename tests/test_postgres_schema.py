"""The same migrations, models and service tests on a real PostgreSQL server.

The test bodies of test_tracking.py and test_engine.py that are not SQLite-specific
run here unchanged against the PostgreSQL context, so both stores pass the same tests.
"""

from __future__ import annotations

import datetime as dt

import pytest
import test_engine
import test_tracking
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from conftest import SAMPLE_ORDER, SAMPLE_TITLES, add_sample_rows, make_firm
from pg_support import fresh_url, requires_pg
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import IntegrityError

from kayseri_desktop.data import migrations
from kayseri_desktop.data import models as m
from kayseri_desktop.data.inspection import check
from kayseri_desktop.services.context import open_context

pytestmark = requires_pg


@pytest.fixture
def pg_url(monkeypatch):
    return fresh_url(monkeypatch)


@pytest.fixture
def pg_ctx(pg_url):
    ctx = open_context(pg_url)
    yield ctx
    ctx.close()


def test_migrations_run_and_models_match_on_postgresql(pg_ctx):
    assert pg_ctx.db.backend == "postgresql"
    assert migrations.current_revision(pg_ctx.db.engine) == migrations.head_revision()
    with pg_ctx.db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), m.Base.metadata)
    assert diff == []


def test_down_and_up_again_on_postgresql(pg_url):
    ctx = open_context(pg_url)
    add_sample_rows(ctx.db)
    ctx.close()
    migrations.downgrade(pg_url, "base")
    engine = create_engine(pg_url)
    try:
        assert migrations.current_revision(engine) is None
        assert not migrations.has_tables(engine)
        open_context(pg_url).close()
        assert migrations.current_revision(engine) == migrations.head_revision()
        assert migrations.has_tables(engine)
    finally:
        engine.dispose()


def test_sample_rows_booleans_and_turkish_order(pg_ctx):
    add_sample_rows(pg_ctx.db)
    with pg_ctx.db.read() as s:
        titles = s.scalars(
            select(m.Firm.title).where(m.Firm.deleted_at.is_(None)).order_by(m.Firm.title_sort)
        ).all()
        active = s.scalars(select(m.Staff.active)).all()
        collation = s.execute(
            text(
                "SELECT collation_name FROM information_schema.columns "
                "WHERE table_name='firms' AND column_name='title_sort'"
            )
        ).scalar()
    assert sorted(SAMPLE_TITLES) != SAMPLE_ORDER
    assert titles == SAMPLE_ORDER
    assert active == [True, True]
    assert collation == "C"
    assert check(pg_ctx.db).ok


@pytest.mark.parametrize(
    ("column", "value"), [("employees", -1), ("founded_year", 1700), ("size_class", "dev")]
)
def test_check_constraints_hold_on_postgresql(pg_ctx, column, value):
    with pytest.raises(IntegrityError), pg_ctx.db.write() as s:
        s.add(make_firm("Kural A.Ş.", 100000777, **{column: value}))


def test_unique_tax_number_rolls_back_everything(pg_ctx):
    test_engine.test_schema_enforces_unique_tax_number_and_rolls_back_whole_transaction(pg_ctx)


def test_foreign_keys_on_postgresql(pg_ctx):
    test_engine.test_foreign_keys_are_enforced(pg_ctx)


def test_audit_records_the_signed_in_user_on_postgresql(pg_ctx):
    test_tracking.test_every_write_is_audited_with_user_field_old_and_new(pg_ctx)


def test_announcements_on_postgresql(pg_ctx):
    test_tracking.test_changes_are_announced_once_per_commit_and_never_on_rollback(pg_ctx)
    test_tracking.test_rows_without_an_integer_id_are_audited_and_announced(pg_ctx)


def test_demo_generator_on_postgresql(pg_ctx):
    from kayseri_desktop.services import demo

    demo.generate(pg_ctx.db, firms=120, today=dt.date(2026, 11, 25))
    report = check(pg_ctx.db)
    assert report.ok and report.counts["firms"] == 120


def test_readonly_open_on_postgresql(pg_url):
    open_context(pg_url).close()
    ro = open_context(pg_url, readonly=True)
    try:
        with pytest.raises(PermissionError), ro.db.write():
            pass
    finally:
        ro.close()


def test_readme_server_recipe_an_owner_role_without_superuser_rights(pg_url):
    """README "Ofis sunucusu": a login role that owns its database runs the migrations."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("DROP DATABASE IF EXISTS kayseri_recipe"))
        conn.execute(text("DROP ROLE IF EXISTS kayseri_recipe"))
        conn.execute(text("CREATE ROLE kayseri_recipe LOGIN PASSWORD 'gizli-parola'"))
        conn.execute(text("CREATE DATABASE kayseri_recipe OWNER kayseri_recipe"))
    try:
        url = (
            make_url(pg_url)
            .set(username="kayseri_recipe", password="gizli-parola", database="kayseri_recipe")
            .render_as_string(hide_password=False)
        )
        ctx = open_context(url)
        try:
            add_sample_rows(ctx.db)
            assert check(ctx.db).ok
        finally:
            ctx.close()
    finally:
        with admin.connect() as conn:
            conn.execute(text("DROP DATABASE IF EXISTS kayseri_recipe WITH (FORCE)"))
            conn.execute(text("DROP ROLE IF EXISTS kayseri_recipe"))
        admin.dispose()


def test_excel_import_writes_new_and_changed_firms_on_postgresql(pg_ctx, tmp_path):
    """The bulk import's PostgreSQL path (ids by RETURNING, timestamps as datetimes)."""
    import test_registry_import as ti

    from kayseri_desktop.exchange import firms_import, firms_import_write
    from kayseri_desktop.exchange.firms_mapping import auto_mapping, detect_header
    from kayseri_desktop.exchange.xlsx_reader import XlsxFile
    from kayseri_desktop.services.firm_index import FirmIndex

    def run(path):
        with XlsxFile(path) as book:
            sheet = book.read()
        header = detect_header(sheet.rows)
        mapping = auto_mapping(sheet.rows[header][1])
        plan = firms_import.preview(pg_ctx.db, sheet, header, mapping, today=ti.TODAY)
        return firms_import_write.apply(pg_ctx.db, pg_ctx.bus, plan, user="t", skip_invalid=True)

    first = run(ti.build(tmp_path / "a.xlsx"))
    assert first["created"] > 0 and first["refused"] > 0
    again = run(ti.build(tmp_path / "b.xlsx"))
    assert again["created"] == 0 and again["unchanged"] == first["created"]
    index = FirmIndex.load(pg_ctx.db, export_year=ti.TODAY.year - 1)
    assert len(index) == first["created"]
    with pg_ctx.db.read() as s:
        created = s.scalars(select(m.AuditEntry.entity_id).where(m.AuditEntry.action == "create"))
        assert sorted(created) == sorted(index.ids)
        stamps = s.scalars(select(m.Firm.created_at)).all()
    assert all(isinstance(t, dt.datetime) for t in stamps)
