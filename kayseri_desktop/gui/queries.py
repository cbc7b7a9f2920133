"""Read-only row listings behind the main window's tables (SQLAlchemy only, no Qt).

Each function returns plain frozen dataclasses so the item models never hold ORM
objects (no lazy loads, no detached-instance surprises after the session closes).
These are simple projections; when the registry/visit/coordination services grow
their own listing calls, the tabs should switch to those and this module can go.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select

from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    Decision,
    Firm,
    Institution,
    Meeting,
    Project,
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
class ProjectRow:
    id: int
    code: str
    title: str
    lead: str
    status: str
    progress: int
    end_date: dt.date | None


@dataclass(frozen=True)
class InstitutionRow:
    id: int
    name: str
    name_sort: str
    short_name: str | None
    kind: str
    projects_led: int


@dataclass(frozen=True)
class DecisionRow:
    id: int
    text: str
    owner: str
    due_date: dt.date | None
    status: str


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: dt.date
    place: str | None
    decisions: int
    open_decisions: int


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


def projects(db: Database) -> list[ProjectRow]:
    stmt = (
        select(
            Project.id,
            Project.code,
            Project.title,
            func.coalesce(Institution.short_name, Institution.name),
            Project.status,
            Project.progress,
            Project.end_date,
        )
        .join(Institution, Institution.id == Project.lead_institution_id)
        .order_by(Project.code)
    )
    with db.read() as s:
        return [ProjectRow(*row) for row in s.execute(stmt)]


def institutions(db: Database) -> list[InstitutionRow]:
    led = (
        select(Project.lead_institution_id.label("iid"), func.count().label("n"))
        .group_by(Project.lead_institution_id)
        .subquery()
    )
    stmt = (
        select(
            Institution.id,
            Institution.name,
            Institution.name_sort,
            Institution.short_name,
            Institution.kind,
            func.coalesce(led.c.n, 0),
        )
        .outerjoin(led, led.c.iid == Institution.id)
        .order_by(Institution.name_sort, Institution.name)
    )
    with db.read() as s:
        return [InstitutionRow(*row) for row in s.execute(stmt)]


def meetings(db: Database) -> list[MeetingRow]:
    """Meetings, latest first, with their decision totals and how many are still open."""
    counts = (
        select(
            Decision.meeting_id.label("mid"),
            func.count().label("total"),
            func.sum(case((Decision.status == "open", 1), else_=0)).label("open"),
        )
        .group_by(Decision.meeting_id)
        .subquery()
    )
    stmt = (
        select(
            Meeting.id,
            Meeting.held_on,
            Meeting.place,
            func.coalesce(counts.c.total, 0),
            func.coalesce(counts.c.open, 0),
        )
        .outerjoin(counts, counts.c.mid == Meeting.id)
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
    )
    with db.read() as s:
        return [MeetingRow(*row) for row in s.execute(stmt)]


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


def meeting_decisions(db: Database, meeting_id: int) -> list[DecisionRow]:
    """One meeting's decisions in the order they were taken."""
    stmt = (
        select(
            Decision.id,
            Decision.text,
            func.coalesce(Institution.short_name, Institution.name, ""),
            Decision.due_date,
            Decision.status,
        )
        .outerjoin(Institution, Institution.id == Decision.owner_institution_id)
        .where(Decision.meeting_id == meeting_id)
        .order_by(Decision.id)
    )
    with db.read() as s:
        return [DecisionRow(*row) for row in s.execute(stmt)]
