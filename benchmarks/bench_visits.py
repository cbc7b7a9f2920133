"""Visit calendar: moving to another week or month with 5,000 visits in the database.

The demo (2,400 firms, 450 visits) is topped up with generated visits to 5,000 spread
over the field-study period; the figure is the time from "next week" (or month) to the
view painted again: the query, the layout and a synchronous repaint.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, insert, select

from kayseri_desktop.data import models as m
from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context

TODAY = dt.date(2026, 11, 25)
VISITS = 5000
STEPS = 16


def top_up(db, total: int) -> None:
    rng = random.Random(5000)
    with db.write() as s:
        firms = s.scalars(select(m.Firm.id)).all()
        staff = s.scalars(select(m.Staff.id).where(m.Staff.active)).all()
        have = s.scalar(select(func.count(m.Visit.id)))
        first = s.scalar(select(func.max(m.Visit.id))) or 0
        start = dt.date(2025, 10, 1)
        days = [start + dt.timedelta(days=k) for k in range(456)]
        days = [d for d in days if d.weekday() < 5]
        visits, teams = [], []
        for i in range(total - have):
            vid = first + i + 1
            begin = dt.datetime.combine(
                rng.choice(days), dt.time(rng.randint(9, 15), rng.choice((0, 30)))
            )
            status = "done" if begin.date() < TODAY else "planned"
            if rng.random() < 0.1:
                status = rng.choice(("postponed", "cancelled"))
            visits.append(
                {
                    "id": vid,
                    "firm_id": rng.choice(firms),
                    "starts_at": begin,
                    "ends_at": begin + dt.timedelta(minutes=rng.choice((60, 90, 120))),
                    "status": status,
                    "purpose": "Saha değerlendirme ziyareti",
                    "version": 1,
                }
            )
            for sid in rng.sample(staff, rng.randint(1, 3)):
                teams.append({"visit_id": vid, "staff_id": sid})
        s.execute(insert(m.Visit), visits)
        s.execute(insert(m.VisitStaff), teams)


def redraw_ms(tab, view, steps: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    out = []
    for i in range(steps):
        step = 1 if i < steps // 2 else -1
        started = time.perf_counter()
        tab.navigate(step)
        view.repaint()
        QApplication.processEvents()
        out.append((time.perf_counter() - started) * 1000)
    return out


def figures(quick: bool) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kayseri_desktop.gui.visits_tab import MONTH, WEEK, VisitsTab

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(Path(tmp) / "bench.sqlite")
        try:
            demo.generate(ctx.db, firms=2400, today=TODAY)
            top_up(ctx.db, VISITS)
            tab = VisitsTab(ctx.db, today=lambda: TODAY)
            tab.resize(1366, 700)
            tab.show()
            app.processEvents()
            tab.anchor = dt.date(2026, 3, 2)
            tab.set_mode(WEEK)
            week = redraw_ms(tab, tab.week_view, STEPS)
            tab.set_mode(MONTH)
            month = redraw_ms(tab, tab.month_view, STEPS)
            busiest = max(len(tab.week_view.data.blocks), 0)
            tab.close()
            tab.deleteLater()
            app.processEvents()
        finally:
            ctx.close()
    return {
        "visits_week_redraw_median_ms": round(statistics.median(week), 1),
        "visits_week_redraw_max_ms": round(max(week), 1),
        "visits_month_redraw_median_ms": round(statistics.median(month), 1),
        "visits_month_redraw_max_ms": round(max(month), 1),
        "visits_in_last_week_shown": busiest,
    }


if __name__ == "__main__":
    for name, value in figures(quick=True).items():
        print(f"{name:<36} {value}")
