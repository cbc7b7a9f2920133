"""The registry and the Pano on PostgreSQL at 100,000 firms, right after a bulk fill.

Runs only when a server is named: ``KAYSERI_BENCH_PG_URL`` or the tests'
``KAYSERI_TEST_PG_URL`` (its public schema is dropped and made anew). The demo fills
the database with the app's ANALYZE after bulk writes switched off and autovacuum
off for its tables, so the first figures are taken on tables the planner knows
nothing about (as after a big import, before autovacuum came by); then ANALYZE runs
and the same figures are taken again:

    pg_registry_<n>_first_screen_ms        the registry's first page (FirmIndex, limit)
    pg_registry_<n>_full_index_ready_ms    the whole index (the worker's load)
    pg_dashboard_full_refresh_<n>_ms       every Pano section counted and drawn
    ... and each again with the suffix ``_analyzed_ms`` after ANALYZE.

--quick uses 2,400 firms.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from unittest import mock

TODAY = dt.date(2026, 11, 25)


def _url() -> str | None:
    return os.environ.get("KAYSERI_BENCH_PG_URL") or os.environ.get("KAYSERI_TEST_PG_URL")


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def _fill(url: str, firms: int) -> None:
    from sqlalchemy import create_engine, text

    from kayseri_desktop.data import planner_stats
    from kayseri_desktop.services import demo
    from kayseri_desktop.services.context import open_context

    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
    ctx = open_context(url)
    try:
        with ctx.db.engine.begin() as conn:
            tables = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
            for table in list(tables):
                conn.execute(text(f'ALTER TABLE "{table}" SET (autovacuum_enabled = false)'))
        with mock.patch.object(planner_stats, "after_bulk_write", lambda _engine: False):
            demo.generate(ctx.db, firms=firms, today=TODAY)
    finally:
        ctx.close()


def _measure(url: str, tag: str) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kayseri_desktop.gui.dashboard_tab import DashboardTab
    from kayseri_desktop.gui.firms_tab import FIRST_PAGE
    from kayseri_desktop.services.context import open_context
    from kayseri_desktop.services.firm_index import FirmIndex

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out: dict[str, float] = {}
    ctx = open_context(url)
    try:
        started = time.perf_counter()
        FirmIndex.load(ctx.db, limit=FIRST_PAGE)
        out[f"pg_registry_{tag}_first_screen_ms"] = _ms(started)
        started = time.perf_counter()
        FirmIndex.load(ctx.db)
        out[f"pg_registry_{tag}_full_index_ready_ms"] = _ms(started)
        tab = DashboardTab(ctx.db, today=lambda: TODAY)
        tab.resize(1366, 700)
        tab.show()
        app.processEvents()
        tab.ensure_charts()
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            tab.reload()
            app.processEvents()
            runs.append(_ms(started))
        out[f"pg_dashboard_full_refresh_{tag}_ms"] = min(runs)
        tab.close()
        tab.deleteLater()
        app.processEvents()
    finally:
        ctx.close()
    return out


def figures(quick: bool) -> dict[str, float]:
    url = _url()
    if not url:
        return {}
    from sqlalchemy import create_engine

    firms = 2400 if quick else 100_000
    tag = "2400" if quick else "100k"
    _fill(url, firms)
    out = _measure(url, tag)  # before any ANALYZE
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        engine.dispose()
    after = _measure(url, tag)
    out |= {name.replace("_ms", "_analyzed_ms"): value for name, value in after.items()}
    return out


if __name__ == "__main__":
    for name, value in figures("--quick" in sys.argv).items():
        print(f"{name:<48} {value:>10.1f}")
