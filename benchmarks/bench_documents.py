"""The Strategy Action Plan document and the firm scorecards on the 2,400-firm demo.

Figures:
- ``plan_docx_demo_s`` / ``plan_pdf_demo_s``: content read and analysed, then the
  .docx (charts rendered to PNG) or the PDF written;
- ``scorecards_visited_demo_s`` and ``scorecards_visited_count``: one PDF per visited
  firm (the demo dated after the field study, so every visit that happened is done);
- ``scorecards_450_demo_s``: exactly 450 cards (the visited firms, then other evaluated
  firms), the programme's number of visits (goal: under 60 s).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from kayseri_desktop.data import models as m
from kayseri_desktop.exchange import plan_content
from kayseri_desktop.exchange.plan_docx import write_plan_docx
from kayseri_desktop.exchange.plan_pdf import write_plan_pdf
from kayseri_desktop.exchange.scorecard_pdf import write_scorecards
from kayseri_desktop.services import demo, scorecard
from kayseri_desktop.services.context import open_context

TODAY = dt.date(2027, 1, 15)  # after the field study: all visits that happened are done


def figures(quick: bool) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ctx = open_context(folder / "plan.sqlite")
        try:
            demo.generate(ctx.db, firms=2400, today=TODAY)
            for suffix, write in (("docx", write_plan_docx), ("pdf", write_plan_pdf)):
                started = time.perf_counter()
                content = plan_content.build(ctx.db, today=TODAY)
                write(content, folder / f"plan.{suffix}")
                out[f"plan_{suffix}_demo_s"] = time.perf_counter() - started
            started = time.perf_counter()
            visited = scorecard.visited_firm_ids(ctx.db)
            cards = scorecard.build(ctx.db, visited)
            write_scorecards(cards, folder / "visited", date_text="15.01.2027")
            out["scorecards_visited_demo_s"] = time.perf_counter() - started
            out["scorecards_visited_count"] = float(len(cards))
            with ctx.db.read() as s:
                others = [
                    fid
                    for fid in s.scalars(select(m.Evaluation.firm_id).distinct())
                    if fid not in set(visited)
                ]
            ids = (visited + sorted(others))[:450]
            started = time.perf_counter()
            cards = scorecard.build(ctx.db, ids)
            write_scorecards(cards, folder / "all450", date_text="15.01.2027")
            out["scorecards_450_demo_s"] = time.perf_counter() - started
        finally:
            ctx.close()
    return out


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name, value in figures("--quick" in sys.argv).items():
        print(f"{name:<40} {value:>14.3f}")
