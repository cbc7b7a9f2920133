"""Demo generation time at the programme's scale and at 100,000 firms."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context


def generate_seconds(firms: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(Path(tmp) / "bench.sqlite")
        try:
            started = time.perf_counter()
            demo.generate(ctx.db, firms=firms, today=dt.date(2026, 11, 25))
            return time.perf_counter() - started
        finally:
            ctx.close()


def figures(quick: bool) -> dict[str, float]:
    out = {"demo_generate_2400_firms_s": generate_seconds(2400)}
    if not quick:
        out["demo_generate_100k_firms_s"] = generate_seconds(100_000)
    return out
