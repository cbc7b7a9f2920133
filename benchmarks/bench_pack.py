"""Meeting pack build time on the demo database (target: under 3 s), full export time."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from kayseri_desktop.data import models as m
from kayseri_desktop.exchange.full_export import export_all
from kayseri_desktop.exchange.pack_files import write_pack
from kayseri_desktop.services import demo, meeting_pack
from kayseri_desktop.services.context import open_context


def figures(quick: bool) -> dict[str, float]:
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(Path(tmp) / "pack.sqlite")
        try:
            demo.generate(ctx.db, firms=2400, today=dt.date(2026, 11, 25))
            with ctx.db.read() as s:
                mid = s.scalars(
                    select(m.Meeting.id)
                    .where(m.Meeting.held_on <= dt.date(2026, 11, 25))
                    .order_by(m.Meeting.held_on.desc())
                ).first()
            for suffix in ("xlsx", "pdf"):
                started = time.perf_counter()
                write_pack(meeting_pack.build(ctx.db, mid), Path(tmp) / f"paket.{suffix}")
                out[f"meeting_pack_{suffix}_demo_s"] = time.perf_counter() - started
            started = time.perf_counter()
            export_all(ctx.db, Path(tmp) / "hepsi.xlsx", with_contacts=True)
            out["export_all_demo_s"] = time.perf_counter() - started
        finally:
            ctx.close()
    return out
