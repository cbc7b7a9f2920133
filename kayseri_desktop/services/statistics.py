"""Headline figures of the programme: pure SQLAlchemy aggregates, no Qt.

The dashboard (gui/dashboard_tab.py), the meeting pack and the command line all read
the same numbers from here, so they never disagree. Soft-deleted firms (and their
visits, evaluations and exports) are left out of every figure.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, case, func, select
from sqlalchemy.sql.elements import ColumnElement

from kayseri_desktop.core.catalogues import DEFAULT_TARGETS
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    Decision,
    Evaluation,
    Firm,
    FirmExport,
    Project,
    Target,
    Visit,
)

BASELINE_EXPORT_YEAR = 2024
"""The year the programme measures exports against (seed: USD 3,751 M in 2024)."""

HEADLINE_KEYS = (
    "firms_total",
    "firms_evaluated",
    "visits_done",
    "visits_planned",
    "projects_running",
    "projects_done",
    "projects_late",
    "decisions_open",
    "decisions_late",
    "exports_usd",
)


def _day_after(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min)


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def headline(
    db: Database,
    *,
    today: dt.date | None = None,
    export_year: int = BASELINE_EXPORT_YEAR,
) -> dict[str, int]:
    """The dashboard's figures, keyed by HEADLINE_KEYS (plus ``export_year``).

    A project is late when it is planned or running and its end date has passed; a
    decision is late when it is open and its due date has passed.
    """
    today = today or dt.date.today()
    live = Firm.deleted_at.is_(None)
    with db.read() as s:
        firms_total = s.scalar(select(func.count()).select_from(Firm).where(live)) or 0
        firms_evaluated = (
            s.scalar(  # one seek per live firm in ix_evaluations_firm_latest
                select(func.count())
                .select_from(Firm)
                .where(live, select(Evaluation.id).where(Evaluation.firm_id == Firm.id).exists())
            )
            or 0
        )
        visits_done, visits_planned = s.execute(
            select(
                # done only on or after its day (services/visits.py): never one ahead
                _count_if(and_(Visit.status == "done", Visit.starts_at < _day_after(today))),
                _count_if(Visit.status == "planned"),
            )
            .join(Firm, Firm.id == Visit.firm_id)
            .where(live)
        ).one()
        projects_running, projects_done, projects_late = s.execute(
            select(
                _count_if(Project.status == "running"),
                _count_if(Project.status == "done"),
                _count_if(
                    and_(
                        Project.status.in_(("planned", "running")),
                        Project.end_date.is_not(None),
                        Project.end_date < today,
                    )
                ),
            )
        ).one()
        decisions_open, decisions_late = s.execute(
            select(
                _count_if(Decision.status == "open"),
                _count_if(
                    and_(
                        Decision.status == "open",
                        Decision.due_date.is_not(None),
                        Decision.due_date < today,
                    )
                ),
            )
        ).one()
        exports = s.scalar(
            select(func.coalesce(func.sum(FirmExport.usd), 0))
            .join(Firm, Firm.id == FirmExport.firm_id)
            .where(live, FirmExport.year == export_year)
        )
    return {
        "firms_total": int(firms_total),
        "firms_evaluated": int(firms_evaluated),
        "visits_done": int(visits_done),
        "visits_planned": int(visits_planned),
        "projects_running": int(projects_running),
        "projects_done": int(projects_done),
        "projects_late": int(projects_late),
        "decisions_open": int(decisions_open),
        "decisions_late": int(decisions_late),
        "exports_usd": int(exports or 0),
        "export_year": export_year,
    }


def programme_targets(db: Database) -> dict[str, float]:
    """Whole-programme targets (rows with no year), falling back to the seed's defaults."""
    targets: dict[str, float] = {k: float(v) for k, v in DEFAULT_TARGETS.items()}
    with db.read() as s:
        for key, value in s.execute(select(Target.key, Target.value).where(Target.year.is_(None))):
            targets[key] = float(value)
    return targets
