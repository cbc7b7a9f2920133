"""Read-only listings of the coordination area: projects, institutions, milestones.

Plain frozen dataclasses (no ORM objects leave the session), computed for a given
``today`` so that "late" is the same in the table, the timeline, an institution's
page and the Excel export.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select

from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.coordination import milestone_late, project_late


def _label(name: str | None, short: str | None) -> str:
    return short or name or ""


@dataclass(frozen=True)
class ProjectRow:
    id: int
    code: str
    title: str
    lead: str
    status: str
    progress: int
    end_date: dt.date | None
    start_date: dt.date | None
    theme: str
    roadmap_year: int
    mode: str
    lead_id: int
    budget_try: float | None
    spent_try: float
    partner_ids: frozenset[int]
    partners: str
    late: bool
    milestones_open: int
    milestones_late: int
    firms: int
    description: str | None = None
    notes: str | None = None

    @property
    def behind(self) -> bool:
        """Late itself or with a late milestone: what the "late" filter shows."""
        return self.late or self.milestones_late > 0

    def involves(self, institution_id: int, role: str | None = None) -> bool:
        """Led by it or with it as a partner; ``role`` "lead" or "partner" asks for one."""
        if role == "lead":
            return institution_id == self.lead_id
        if role == "partner":
            return institution_id in self.partner_ids
        return institution_id == self.lead_id or institution_id in self.partner_ids


@dataclass(frozen=True)
class ProjectFilter:
    institution_id: int | None = None
    theme: str | None = None
    roadmap_year: int | None = None
    status: str | None = None
    late_only: bool = False
    role: str | None = None
    """With an institution: "lead" (it runs the project), "partner" (any partner role)."""

    def accepts(self, row: ProjectRow) -> bool:
        return (
            (self.institution_id is None or row.involves(self.institution_id, self.role))
            and (self.theme is None or row.theme == self.theme)
            and (self.roadmap_year is None or row.roadmap_year == self.roadmap_year)
            and (self.status is None or row.status == self.status)
            and (not self.late_only or row.behind)
        )


@dataclass(frozen=True)
class MilestoneRow:
    id: int
    project_id: int
    project_code: str
    project_title: str
    title: str
    due_date: dt.date
    responsible_id: int | None
    responsible: str
    done_on: dt.date | None
    late: bool


def milestones(
    db: Database, today: dt.date, *, project_id: int | None = None, open_only: bool = False
) -> list[MilestoneRow]:
    stmt = (
        select(
            m.Milestone.id,
            m.Milestone.project_id,
            m.Project.code,
            m.Project.title,
            m.Milestone.title,
            m.Milestone.due_date,
            m.Milestone.responsible_institution_id,
            m.Institution.name,
            m.Institution.short_name,
            m.Milestone.done_on,
            m.Project.status,
        )
        .join(m.Project, m.Project.id == m.Milestone.project_id)
        .outerjoin(m.Institution, m.Institution.id == m.Milestone.responsible_institution_id)
        .order_by(m.Milestone.due_date, m.Project.code, m.Milestone.id)
    )
    if project_id is not None:
        stmt = stmt.where(m.Milestone.project_id == project_id)
    if open_only:
        stmt = stmt.where(m.Milestone.done_on.is_(None))
    with db.read() as s:
        return [
            MilestoneRow(
                mid,
                pid,
                code,
                ptitle,
                title,
                due,
                rid,
                _label(name, short),
                done,
                status != "cancelled" and milestone_late(due, done, today),
            )
            for mid, pid, code, ptitle, title, due, rid, name, short, done, status in s.execute(
                stmt
            )
        ]


def projects(db: Database, today: dt.date, filt: ProjectFilter | None = None) -> list[ProjectRow]:
    """Every project with lead, partners and milestone counts; filtered when asked."""
    lead = m.Institution
    stmt = (
        select(
            m.Project.id,
            m.Project.code,
            m.Project.title,
            lead.name,
            lead.short_name,
            m.Project.status,
            m.Project.progress,
            m.Project.end_date,
            m.Project.start_date,
            m.Project.theme,
            m.Project.roadmap_year,
            m.Project.mode,
            m.Project.lead_institution_id,
            m.Project.budget_try,
            m.Project.spent_try,
            m.Project.description,
            m.Project.notes,
        )
        .join(lead, lead.id == m.Project.lead_institution_id)
        .order_by(m.Project.code)
    )
    partners: dict[int, list[tuple[int, str]]] = defaultdict(list)
    opened: dict[int, int] = defaultdict(int)
    late: dict[int, int] = defaultdict(int)
    with db.read() as s:
        rows = s.execute(stmt).all()
        pstmt = (
            select(
                m.ProjectPartner.project_id,
                m.ProjectPartner.institution_id,
                m.Institution.name,
                m.Institution.short_name,
                m.Institution.name_sort,
            )
            .join(m.Institution, m.Institution.id == m.ProjectPartner.institution_id)
            .order_by(m.Institution.name_sort)
        )
        for pid, iid, name, short, _ in s.execute(pstmt):
            partners[pid].append((iid, _label(name, short)))
        mstmt = (
            select(m.Milestone.project_id, m.Milestone.due_date)
            .join(m.Project, m.Project.id == m.Milestone.project_id)
            .where(m.Milestone.done_on.is_(None), m.Project.status != "cancelled")
        )
        for pid, due in s.execute(mstmt):
            opened[pid] += 1
            if due < today:
                late[pid] += 1
        firm_counts = dict(
            s.execute(
                select(m.ProjectFirm.project_id, func.count())
                .join(m.Firm, m.Firm.id == m.ProjectFirm.firm_id)
                .where(m.Firm.deleted_at.is_(None))
                .group_by(m.ProjectFirm.project_id)
            ).all()
        )
    out = []
    for (pid, code, title, name, short, status, progress, end, start, theme, year, mode,
         lead_id, budget, spent, description, notes) in rows:  # fmt: skip
        out.append(
            ProjectRow(
                pid,
                code,
                title,
                _label(name, short),
                status,
                progress,
                end,
                start,
                theme,
                year,
                mode,
                lead_id,
                budget,
                spent or 0.0,
                frozenset(i for i, _ in partners[pid]),
                ", ".join(n for _, n in partners[pid]),
                project_late(status, end, today),
                opened[pid],
                late[pid],
                firm_counts.get(pid, 0),
                description,
                notes,
            )
        )
    return [p for p in out if filt is None or filt.accepts(p)]


@dataclass(frozen=True)
class FirmProject:
    id: int
    code: str
    title: str
    lead: str
    status: str
    end_date: dt.date | None


def projects_for_firm(db: Database, firm_id: int) -> list[FirmProject]:
    """The projects that target a firm (for the firm's detail), by code."""
    stmt = (
        select(
            m.Project.id,
            m.Project.code,
            m.Project.title,
            m.Institution.name,
            m.Institution.short_name,
            m.Project.status,
            m.Project.end_date,
        )
        .join(m.ProjectFirm, m.ProjectFirm.project_id == m.Project.id)
        .join(m.Institution, m.Institution.id == m.Project.lead_institution_id)
        .where(m.ProjectFirm.firm_id == firm_id)
        .order_by(m.Project.code)
    )
    with db.read() as s:
        return [
            FirmProject(pid, code, title, _label(name, short), status, end)
            for pid, code, title, name, short, status, end in s.execute(stmt)
        ]


def roadmap_bands(db: Database) -> list[tuple[int, dt.date, dt.date]]:
    """The three roadmap years as (year, first day, day after the last).

    From the ``programme_start`` setting; without it, from the earliest project start
    (or 1 October of this year), so the timeline always has its three bands.
    """
    with db.read() as s:
        value = s.scalar(select(m.Setting.value).where(m.Setting.key == "programme_start"))
        earliest = s.scalar(select(func.min(m.Project.start_date)))
    start = None
    if value:
        try:
            start = dt.date.fromisoformat(value)
        except ValueError:
            start = None
    if start is None:
        start = earliest or dt.date(dt.date.today().year, 10, 1)
    bands = []
    for year in (1, 2, 3):
        first = _add_years(start, year - 1)
        bands.append((year, first, _add_years(start, year)))
    return bands


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
