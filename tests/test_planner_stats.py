"""SQLite planner statistics are gathered on opening when missing or out of date."""

from __future__ import annotations

import datetime as dt

from conftest import sqlite_scalar

from kayseri_desktop.data import planner_stats
from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context


def _stat_rows(path) -> int:
    return sqlite_scalar(path, "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'firms'")


def test_statistics_gathered_once_then_again_when_the_registry_doubles(tmp_path):
    path = tmp_path / "kayit.sqlite"
    ctx = open_context(path)
    try:
        demo.generate(ctx.db, firms=120, today=dt.date(2026, 11, 25))
        with ctx.db.engine.connect() as conn:
            assert planner_stats.stale(conn)  # filled after the statistics were taken
    finally:
        ctx.close()
    ctx = open_context(path)  # opening gathers them
    try:
        assert _stat_rows(path) > 0
        assert planner_stats.refresh(ctx.db.engine) is False  # up to date: nothing to do
        with ctx.db.engine.begin() as conn:  # the registry more than doubles
            conn.exec_driver_sql(
                "INSERT INTO firms (title, tax_no, search_text, title_sort, version, "
                "created_at, updated_at) SELECT f.title || ' ' || k.n, "
                "printf('%010d', 5000000000 + k.n * 100000 + f.id), f.search_text, "
                "f.title_sort, 1, f.created_at, f.updated_at FROM firms f, "
                "(SELECT 1 AS n UNION ALL SELECT 2) k"
            )
        assert planner_stats.refresh(ctx.db.engine) is True
        assert planner_stats.refresh(ctx.db.engine) is False
    finally:
        ctx.close()


def test_a_new_empty_database_is_not_analysed_again_and_again(tmp_path):
    path = tmp_path / "bos.sqlite"
    open_context(path).close()
    ctx = open_context(path)
    try:
        assert planner_stats.refresh(ctx.db.engine) is False
    finally:
        ctx.close()
