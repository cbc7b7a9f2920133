"""Read-only row listings behind the main window's tables (SQLAlchemy only, no Qt).

Each function returns plain frozen dataclasses so the item models never hold ORM
objects (no lazy loads, no detached-instance surprises after the session closes).
These are simple projections; when the registry/visit/coordination services grow
their own listing calls, the tabs should switch to those and this module can go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    Decision,
    Firm,
    Institution,
    Staff,
    Visit,
    VisitStaff,
)


@dataclass(frozen=True)
class VisitRow:
    id: int
    starts_at: dt.datetime
    firm_title: str
    firm_sort: str
    team: str
    status: str


@dataclass(frozen=True)
class DecisionRow:
    id: int
    text: str
    owner: str
    due_date: dt.date | None
    status: str


def upcoming_visits(
    db: Database, since: dt.datetime, until: dt.datetime | None = None
) -> list[VisitRow]:
    """Visits starting in [since, until), earliest first, with their field team."""
    stmt = (
        select(Visit.id, Visit.starts_at, Firm.title, Firm.title_sort, Visit.status)
        .join(Firm, Firm.id == Visit.firm_id)
        .where(Visit.starts_at >= since, Firm.deleted_at.is_(None))
        .order_by(Visit.starts_at, Visit.id)
    )
    if until is not None:
        stmt = stmt.where(Visit.starts_at < until)
    with db.read() as s:
        rows = s.execute(stmt).all()
        teams: dict[int, list[str]] = {}
        ids = [r[0] for r in rows]
        # Chunked so a long calendar stays under SQLite's bound-parameter limit.
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            team_stmt = (
                select(VisitStaff.visit_id, Staff.name)
                .join(Staff, Staff.id == VisitStaff.staff_id)
                .where(VisitStaff.visit_id.in_(chunk))
                .order_by(VisitStaff.visit_id, Staff.name)
            )
            for visit_id, name in s.execute(team_stmt):
                teams.setdefault(visit_id, []).append(name)
    return [
        VisitRow(vid, starts, title, sort, ", ".join(teams.get(vid, [])), status)
        for vid, starts, title, sort, status in rows
    ]


def overdue_decisions(db: Database, today: dt.date) -> list[DecisionRow]:
    """Open decisions whose due date has passed, most overdue first."""
    stmt = (
        select(
            Decision.id,
            Decision.text,
            func.coalesce(Institution.short_name, Institution.name, ""),
            Decision.due_date,
            Decision.status,
        )
        .outerjoin(Institution, Institution.id == Decision.owner_institution_id)
        .where(
            Decision.status == "open",
            Decision.due_date.is_not(None),
            Decision.due_date < today,
        )
        .order_by(Decision.due_date, Decision.id)
    )
    with db.read() as s:
        return [DecisionRow(*row) for row in s.execute(stmt)]
