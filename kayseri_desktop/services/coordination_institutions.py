"""Institutions as the coordination office sees them: what each leads, partners in,
and still owes (open milestones and decisions), and how much of it is late.

Built on the project and milestone listings of services/coordination_lists.py so
"late" means the same thing everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.coordination_lists import (
    MilestoneRow,
    ProjectRow,
    milestones,
    projects,
)

if TYPE_CHECKING:
    from sqlalchemy import Row

    # An open decision: id, text, owner institution id, due date, the meeting's date.
    _OpenDecisionRow = Row[int, str, int | None, dt.date | None, dt.date]


@dataclass(frozen=True)
class InstitutionRow:
    id: int
    name: str
    name_sort: str
    short_name: str | None
    kind: str
    projects_led: int
    projects_partnered: int = 0
    milestones_open: int = 0
    decisions_open: int = 0
    late: int = 0
    contact_name: str | None = None


def _open_decisions(db: Database, today: dt.date) -> Sequence[_OpenDecisionRow]:
    stmt = (
        select(
            m.Decision.id,
            m.Decision.text,
            m.Decision.owner_institution_id,
            m.Decision.due_date,
            m.Meeting.held_on,
        )
        .join(m.Meeting, m.Meeting.id == m.Decision.meeting_id)
        .where(m.Decision.status == "open")
        .order_by(m.Decision.due_date, m.Decision.id)
    )
    with db.read() as s:
        return s.execute(stmt).all()


@dataclass(frozen=True)
class _Gathered:
    projects: list[ProjectRow]
    milestones: list[MilestoneRow]
    decisions: Sequence[_OpenDecisionRow]


def _gather(db: Database, today: dt.date) -> _Gathered:
    return _Gathered(
        projects(db, today), milestones(db, today, open_only=True), _open_decisions(db, today)
    )


def institutions(
    db: Database, today: dt.date, gathered: _Gathered | None = None
) -> list[InstitutionRow]:
    """Institutions in Turkish order with what they run, owe and how much of it is late."""
    gathered = gathered or _gather(db, today)
    project_rows = gathered.projects
    led: dict[int, int] = defaultdict(int)
    partnered: dict[int, int] = defaultdict(int)
    late: dict[int, int] = defaultdict(int)
    for p in project_rows:
        led[p.lead_id] += 1
        if p.late:
            late[p.lead_id] += 1
        for iid in p.partner_ids:
            partnered[iid] += 1
    ms_open: dict[int, int] = defaultdict(int)
    for ms in gathered.milestones:
        if ms.responsible_id is not None:
            ms_open[ms.responsible_id] += 1
            late[ms.responsible_id] += ms.late
    dec_open: dict[int, int] = defaultdict(int)
    for _, _, owner, due, _ in gathered.decisions:
        if owner is not None:
            dec_open[owner] += 1
            late[owner] += due is not None and due < today
    stmt = select(
        m.Institution.id,
        m.Institution.name,
        m.Institution.name_sort,
        m.Institution.short_name,
        m.Institution.kind,
        m.Institution.contact_name,
    ).order_by(m.Institution.name_sort, m.Institution.name)
    with db.read() as s:
        rows = s.execute(stmt).all()
    return [
        InstitutionRow(
            i,
            name,
            sort,
            short,
            kind,
            led[i],
            partnered[i],
            ms_open[i],
            dec_open[i],
            late[i],
            contact,
        )
        for i, name, sort, short, kind, contact in rows
    ]


@dataclass(frozen=True)
class OpenDecision:
    id: int
    text: str
    due_date: dt.date | None
    held_on: dt.date
    late: bool


@dataclass
class InstitutionPage:
    institution: InstitutionRow
    contact_email: str | None
    contact_phone: str | None
    led: list[ProjectRow] = field(default_factory=list)
    partnered: list[tuple[ProjectRow, str]] = field(default_factory=list)
    milestones: list[MilestoneRow] = field(default_factory=list)
    decisions: list[OpenDecision] = field(default_factory=list)

    @property
    def late_projects(self) -> int:
        return sum(p.late for p in self.led)

    @property
    def late_milestones(self) -> int:
        return sum(ms.late for ms in self.milestones)

    @property
    def late_decisions(self) -> int:
        return sum(d.late for d in self.decisions)


def institution_page(db: Database, ident: int, today: dt.date) -> InstitutionPage | None:
    """What one institution leads, partners in, and still owes (open milestones, decisions)."""
    gathered = _gather(db, today)
    row = next((r for r in institutions(db, today, gathered) if r.id == ident), None)
    if row is None:
        return None
    with db.read() as s:
        inst = s.get(m.Institution, ident)
        if inst is None:  # deleted by someone else since the listing above
            return None
        email, phone = inst.contact_email, inst.contact_phone
        roles = dict(
            s.execute(
                select(m.ProjectPartner.project_id, m.ProjectPartner.role).where(
                    m.ProjectPartner.institution_id == ident
                )
            ).all()
        )
    page = InstitutionPage(row, email, phone)
    for p in gathered.projects:
        if p.lead_id == ident:
            page.led.append(p)
        elif p.id in roles:
            page.partnered.append((p, roles[p.id]))
    page.milestones = [ms for ms in gathered.milestones if ms.responsible_id == ident]
    page.decisions = [
        OpenDecision(did, text, due, held, due is not None and due < today)
        for did, text, owner, due, held in gathered.decisions
        if owner == ident
    ]
    return page
