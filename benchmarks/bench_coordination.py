"""Coordination figures: saving projects and meetings through the services, listing,
an institution's page, carry-over and the Excel export, on the demo database plus
extra synthetic projects and meetings (so the lists are not trivially short)."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from kayseri_desktop.exchange.projects_xlsx import export_projects
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import coordination_institutions as insts
from kayseri_desktop.services import coordination_lists as lists
from kayseri_desktop.services import demo
from kayseri_desktop.services import meetings as mt
from kayseri_desktop.services.context import open_context

TODAY = dt.date(2026, 11, 25)


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def figures(quick: bool) -> dict[str, float]:
    extra_projects = 120 if quick else 600
    extra_meetings = 10 if quick else 40
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_context(Path(tmp) / "bench.sqlite")
        try:
            demo.generate(ctx.db, firms=2400, today=TODAY)
            choices = co.institution_choices(ctx.db)
            firms = [c.id for c in co.find_firms(ctx.db, "", limit=400)]
            started = time.perf_counter()
            for i in range(extra_projects):
                lead = choices[i % len(choices)].id
                partner = choices[(i + 3) % len(choices)].id
                start = dt.date(2025, 10, 1) + dt.timedelta(days=i % 700)
                co.save_project(
                    ctx.db,
                    co.ProjectData(
                        f"B-{i:04d}", f"Deneme projesi {i}", "dijital", 1 + i % 3, lead,
                        status="running", start_date=start,
                        end_date=start + dt.timedelta(days=300),
                        partners=[(partner, "partner")],
                        firm_ids=firms[i % 300 : i % 300 + 20],
                        milestones=[
                            co.MilestoneData(f"Aşama {j}", start + dt.timedelta(days=60 * j), lead)
                            for j in range(1, 5)
                        ],
                    ),
                )  # fmt: skip
            out["coordination_save_project_ms"] = round(_ms(started) / extra_projects, 2)
            started = time.perf_counter()
            for i in range(extra_meetings):
                held_on = dt.date(2027, 1, 1) + dt.timedelta(days=7 * i)
                mt.save_meeting(
                    ctx.db,
                    mt.MeetingData(
                        held_on,
                        decisions=[
                            mt.DecisionData(f"Karar {i}-{j}", choices[j].id, held_on)
                            for j in range(5)
                        ],
                    ),
                    today=TODAY,
                )
            out["coordination_save_meeting_with_carry_over_ms"] = round(
                _ms(started) / extra_meetings, 2
            )
            started = time.perf_counter()
            rows = lists.projects(ctx.db, TODAY)
            out["coordination_list_projects_ms"] = _ms(started)
            out["coordination_projects_count"] = len(rows)
            started = time.perf_counter()
            out["coordination_milestones_count"] = len(lists.milestones(ctx.db, TODAY))
            out["coordination_list_milestones_ms"] = _ms(started)
            started = time.perf_counter()
            institution_rows = insts.institutions(ctx.db, TODAY)
            out["coordination_list_institutions_ms"] = _ms(started)
            started = time.perf_counter()
            insts.institution_page(ctx.db, institution_rows[0].id, TODAY)
            out["coordination_institution_page_ms"] = _ms(started)
            started = time.perf_counter()
            out["coordination_open_action_items_count"] = len(mt.open_action_items(ctx.db, TODAY))
            out["coordination_list_action_items_ms"] = _ms(started)
            started = time.perf_counter()
            carried = mt.carried_items(ctx.db, dt.date(2030, 1, 1))
            out["coordination_carried_items_count"] = len(carried)
            out["coordination_carried_items_ms"] = _ms(started)
            started = time.perf_counter()
            export_projects(ctx.db, Path(tmp) / "projeler.xlsx", today=TODAY)
            out["coordination_export_xlsx_ms"] = _ms(started)
        finally:
            ctx.close()
    return out
