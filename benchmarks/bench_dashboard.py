"""The Pano on a 100,000-firm database: full refresh, and saved edit -> redrawn chart.

The 100,000-firm database is generated once into the system's temporary folder
(services.demo.generate, about half a minute) and reused; each run works on a copy
(migrated to the current schema, its pre-migration backup kept in the run's
temporary folder), so edits never pile up. Every run measures the 2,400-firm demo
size; without ``quick`` the 100,000-firm database as well.

Figures:
- ``dashboard_full_refresh_<n>_ms``: every section queried and drawn on the GUI thread
  (what opening the tab or switching databases costs), best of three;
- ``dashboard_section_<name>_<n>_ms``: each section's queries alone (worker thread side);
- ``dashboard_edit_to_chart_<n>_ms``: a firm's sector saved through the ORM ->
  bus -> bridge (next event-loop turn after a quiet spell) -> worker queries -> the
  sector chart shows it, median of five;
- ``dashboard_edit_to_all_charts_<n>_ms``: the same until every dependent chart is
  redrawn (the batch finished);
- ``dashboard_external_commit_to_chart_<n>_ms``: a second sqlite3 connection commits
  -> the watcher's poll (500 ms timer) -> the chart shows it.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import statistics as pystats
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

TODAY = dt.date(2026, 11, 25)
CACHE = Path(tempfile.gettempdir()) / "kayseri_dashboard_{n}.sqlite"


def _database(firms: int) -> Path:
    from kayseri_desktop.services import demo
    from kayseri_desktop.services.context import open_context

    path = Path(str(CACHE).format(n=firms))
    if not path.exists():
        partial = path.with_suffix(".building")
        partial.unlink(missing_ok=True)
        ctx = open_context(partial)
        try:
            demo.generate(ctx.db, firms=firms, today=TODAY)
        finally:
            ctx.close()
        with sqlite3.connect(partial) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        os.replace(partial, path)
    return path


def _wait(app, condition, timeout: float = 30.0) -> None:
    """Process events until condition() holds."""
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the dashboard did not follow the change")
        time.sleep(0.0005)


def _bars(chart) -> dict[str, float]:
    return dict(zip(chart.labels, chart.values("firms"), strict=False))


def figures(quick: bool) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out: dict[str, float] = {}
    sizes = [(2400, "2400")] if quick else [(2400, "2400"), (100_000, "100k")]
    for firms, tag in sizes:
        out |= _measure(app, firms, tag)
    return out


def _measure(app, firms: int, tag: str) -> dict[str, float]:
    from kayseri_desktop.data import models as m
    from kayseri_desktop.gui.bus_bridge import BusBridge
    from kayseri_desktop.gui.dashboard.poller import ExternalChangePoller
    from kayseri_desktop.gui.dashboard.sections import ORDER, compute
    from kayseri_desktop.gui.dashboard_tab import DashboardTab
    from kayseri_desktop.services.context import open_context

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pano.sqlite"
        shutil.copyfile(_database(firms), path)
        ctx = open_context(path, backup_dir=Path(tmp) / "yedek")
        tab = DashboardTab(ctx.db, today=lambda: TODAY)
        tab.resize(1366, 700)
        tab.show()
        app.processEvents()
        tab.ensure_charts()  # drawn right after the first paint; here at once
        bridge = BusBridge(ctx.bus)
        bridge.changed.connect(tab.on_entities_changed)
        poller = ExternalChangePoller(ctx)
        try:
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                tab.reload()
                app.processEvents()
                runs.append((time.perf_counter() - started) * 1000)
            out[f"dashboard_full_refresh_{tag}_ms"] = min(runs)
            params = tab.params()
            for section in ORDER:
                started = time.perf_counter()
                compute(section, params)
                out[f"dashboard_section_{section}_{tag}_ms"] = (
                    time.perf_counter() - started
                ) * 1000

            with ctx.db.read() as s:
                ids = list(s.scalars(select(m.Firm.id).where(m.Firm.sector == "tarim").limit(5)))
            to_chart, to_all = [], []
            for fid in ids:
                before = _bars(tab.sector_chart).get("Savunma ve Havacılık", 0)
                batches = len(tab.redraws)
                started = time.perf_counter()
                with ctx.db.write() as s:
                    s.get(m.Firm, fid).sector = "savunma"
                _wait(
                    app,
                    lambda b=before: _bars(tab.sector_chart).get("Savunma ve Havacılık") == b + 1,
                )
                to_chart.append((time.perf_counter() - started) * 1000)
                _wait(app, lambda n=batches: len(tab.redraws) > n and not tab.loader.busy)
                to_all.append((time.perf_counter() - started) * 1000)
            out[f"dashboard_edit_to_chart_{tag}_ms"] = pystats.median(to_chart)
            out[f"dashboard_edit_to_all_charts_{tag}_ms"] = pystats.median(to_all)

            before = _bars(tab.sector_chart).get("Savunma ve Havacılık", 0)
            started = time.perf_counter()
            with sqlite3.connect(path) as conn:
                conn.execute(
                    "UPDATE firms SET sector = 'savunma' WHERE id = "
                    "(SELECT min(id) FROM firms WHERE sector = 'gida')"
                )
            _wait(app, lambda: _bars(tab.sector_chart).get("Savunma ve Havacılık") == before + 1)
            out[f"dashboard_external_commit_to_chart_{tag}_ms"] = (
                time.perf_counter() - started
            ) * 1000
        finally:
            _wait(app, lambda: not tab.loader.busy)
            poller.close()
            bridge.close()
            tab.close()
            tab.deleteLater()
            app.processEvents()
            ctx.close()
    return out


if __name__ == "__main__":
    for name, value in figures("--quick" in sys.argv).items():
        print(f"{name:<48} {value:>10.1f}")
