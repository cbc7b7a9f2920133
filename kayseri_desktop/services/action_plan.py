"""The Strategy Action Plan as an object: actions by roadmap year and theme, with the
evidence behind them, KPI progress, the projects that carry them out and what is late.

An action's status and progress are derived, never stored (``derive``):

* no project linked: ``proje_yok``; every linked project cancelled: ``iptal``;
* every live (not cancelled) project done: ``tamamlandi``;
* any live project late: ``gecikmede``. A project is late when it is not done or
  cancelled and its end date has passed, or one of its milestones is past due and
  not done;
* any live project running or done: ``yurutuluyor``; otherwise ``planlandi``.

Progress is the mean of the live projects' progress (a done project counts 100).
Evidence of a need: how many visited firms (done visits of live firms) reported it.
"Kapsanmayan ihtiyaçlar": catalogue needs that no action answers, with their evidence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kayseri_desktop.core.catalogues import ACTION_STATUSES, ACTION_THEMES, NEEDS
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database


@dataclass(frozen=True)
class ProjectState:
    id: int
    code: str
    title: str
    status: str
    progress: int
    end_date: dt.date | None
    milestones_done: int
    milestones_total: int
    overdue_milestones: int  # past due on ``today`` and not done

    def late(self, today: dt.date) -> bool:
        if self.status in ("done", "cancelled"):
            return False
        ended = self.end_date is not None and self.end_date < today
        return ended or self.overdue_milestones > 0

    def late_reason(self, today: dt.date) -> str:
        """Turkish: why the project counts as late ('' when it does not)."""
        if not self.late(today):
            return ""
        parts = []
        if self.end_date is not None and self.end_date < today:
            parts.append(f"bitiş tarihi {self.end_date:%d.%m.%Y} geçti")
        if self.overdue_milestones:
            parts.append(f"{self.overdue_milestones} kilometre taşı gecikmede")
        return "; ".join(parts)


@dataclass(frozen=True)
class Derived:
    status: str  # an ACTION_STATUSES code
    progress: int | None  # 0-100; None when no live project
    late_projects: tuple[ProjectState, ...]

    @property
    def label(self) -> str:
        return ACTION_STATUSES.label(self.status)


def derive(projects: Sequence[ProjectState], today: dt.date) -> Derived:
    """An action's status and progress from its projects (see the module's rules)."""
    if not projects:
        return Derived("proje_yok", None, ())
    live = [p for p in projects if p.status != "cancelled"]
    if not live:
        return Derived("iptal", None, ())
    progress = round(sum(100 if p.status == "done" else p.progress for p in live) / len(live))
    late = tuple(p for p in live if p.late(today))
    if all(p.status == "done" for p in live):
        status = "tamamlandi"
    elif late:
        status = "gecikmede"
    elif any(p.status in ("running", "done") for p in live):
        status = "yurutuluyor"
    else:
        status = "planlandi"
    return Derived(status, progress, late)


@dataclass(frozen=True)
class Kpi:
    name: str
    unit: str
    baseline: float | None
    target: float | None
    current: float | None
    measured_on: dt.date | None

    @property
    def progress(self) -> float | None:
        """Share of the way from baseline to target (0..1); None when not measurable."""
        if self.current is None or self.target is None:
            return None
        base = self.baseline or 0.0
        if self.target == base:
            return None
        return max(0.0, min(1.0, (self.current - base) / (self.target - base)))


@dataclass(frozen=True)
class ActionRow:
    id: int
    code: str
    title: str
    theme: str
    year: int
    lead: str  # the institution's short name (or name)
    partners: tuple[str, ...]
    needs: tuple[str, ...]
    evidence: dict[str, int]  # need -> visited firms that reported it
    evidence_firms: int  # visited firms reporting any of its needs
    kpi: Kpi
    budget_try: float | None
    projects: tuple[ProjectState, ...]
    derived: Derived

    @property
    def theme_label(self) -> str:
        return ACTION_THEMES.label(self.theme)


@dataclass(frozen=True)
class NeedGap:
    need: str
    firms: int  # visited firms that reported it

    @property
    def label(self) -> str:
        return NEEDS.label(self.need)


@dataclass(frozen=True)
class GroupProgress:
    """Plan progress of a roadmap year or a theme (for the Pano)."""

    key: str
    actions: int
    by_status: dict[str, int]
    progress: int | None  # mean of the actions' derived progress, where they have one


@dataclass(frozen=True)
class Plan:
    today: dt.date
    actions: tuple[ActionRow, ...]  # by year, then code
    by_year: tuple[GroupProgress, ...]
    by_theme: tuple[GroupProgress, ...]
    uncovered: tuple[NeedGap, ...]  # most reported first
    late_projects: tuple[ProjectState, ...]
    visited_firms: int

    def of_year(self, year: int) -> tuple[ActionRow, ...]:
        return tuple(a for a in self.actions if a.year == year)


def _group(key: str, rows: Sequence[ActionRow]) -> GroupProgress:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        counts[r.derived.status] += 1
    values = [r.derived.progress for r in rows if r.derived.progress is not None]
    mean = round(sum(values) / len(values)) if values else None
    return GroupProgress(key, len(rows), dict(counts), mean)


def need_evidence(db: Database) -> tuple[dict[str, set[int]], int]:
    """Need -> visited live firms that reported it; and how many firms were visited."""
    with db.read() as s:
        rows = s.execute(
            select(m.VisitNeed.need, m.Visit.firm_id)
            .join(m.Visit, m.Visit.id == m.VisitNeed.visit_id)
            .join(m.Firm, m.Firm.id == m.Visit.firm_id)
            .where(m.Visit.status == "done", m.Firm.deleted_at.is_(None))
        ).all()
        visited = s.execute(
            select(m.Visit.firm_id)
            .join(m.Firm, m.Firm.id == m.Visit.firm_id)
            .where(m.Visit.status == "done", m.Firm.deleted_at.is_(None))
            .distinct()
        ).all()
    out: dict[str, set[int]] = defaultdict(set)
    for need, fid in rows:
        out[need].add(fid)
    return dict(out), len(visited)


def _projects(db: Database, today: dt.date) -> dict[int, ProjectState]:
    with db.read() as s:
        stones: dict[int, list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
        for pid, due, done in s.execute(
            select(m.Milestone.project_id, m.Milestone.due_date, m.Milestone.done_on)
        ):
            stones[pid].append((due, done))
        out = {}
        for p in s.execute(
            select(
                m.Project.id,
                m.Project.code,
                m.Project.title,
                m.Project.status,
                m.Project.progress,
                m.Project.end_date,
            )
        ):
            ms = stones.get(p.id, [])
            out[p.id] = ProjectState(
                p.id,
                p.code,
                p.title,
                p.status,
                p.progress,
                p.end_date,
                sum(1 for _, done in ms if done is not None),
                len(ms),
                sum(1 for due, done in ms if done is None and due < today),
            )
    return out


def _need_rank(order: list[str], need: str) -> tuple[int, str]:
    return (order.index(need) if need in order else len(order), need)


def plan(db: Database, *, today: dt.date | None = None) -> Plan:
    """The whole plan as of ``today`` (default: the computer's date)."""
    today = today or dt.date.today()
    evidence, visited = need_evidence(db)
    projects = _projects(db, today)
    with db.read() as s:
        names = {
            i: (short or name)
            for i, name, short in s.execute(
                select(m.Institution.id, m.Institution.name, m.Institution.short_name)
            )
        }
        needs: dict[int, list[str]] = defaultdict(list)
        for aid, need in s.execute(
            select(m.ActionNeed.action_id, m.ActionNeed.need).order_by(m.ActionNeed.need)
        ):
            needs[aid].append(need)
        partners: dict[int, list[str]] = defaultdict(list)
        helpers = select(m.ActionPartner.action_id, m.ActionPartner.institution_id)
        for aid, iid in s.execute(helpers):
            partners[aid].append(names.get(iid, "?"))
        links: dict[int, list[int]] = defaultdict(list)
        for aid, pid in s.execute(
            select(m.ActionProject.action_id, m.ActionProject.project_id).order_by(
                m.ActionProject.project_id
            )
        ):
            links[aid].append(pid)
        ordered = select(m.Action).order_by(m.Action.roadmap_year, m.Action.code)
        actions = s.scalars(ordered).all()
        order = NEEDS.codes()
        rows = []
        for a in actions:
            mine = tuple(sorted(needs.get(a.id, []), key=lambda n: _need_rank(order, n)))
            reporters: set[int] = set()
            for n in mine:
                reporters |= evidence.get(n, set())
            linked = tuple(projects[p] for p in links.get(a.id, []) if p in projects)
            rows.append(
                ActionRow(
                    id=a.id,
                    code=a.code,
                    title=a.title,
                    theme=a.theme,
                    year=a.roadmap_year,
                    lead=names.get(a.lead_institution_id, "?"),
                    partners=tuple(sorted(partners.get(a.id, []))),
                    needs=mine,
                    evidence={n: len(evidence.get(n, ())) for n in mine},
                    evidence_firms=len(reporters),
                    kpi=Kpi(
                        a.kpi_name or "",
                        a.kpi_unit or "",
                        a.kpi_baseline,
                        a.kpi_target,
                        a.kpi_current,
                        a.kpi_measured_on,
                    ),
                    budget_try=a.budget_try,
                    projects=linked,
                    derived=derive(linked, today),
                )
            )
    covered = {n for r in rows for n in r.needs}
    gaps = sorted(
        (NeedGap(n, len(evidence.get(n, ()))) for n in order if n not in covered),
        key=lambda g: (-g.firms, order.index(g.need)),
    )
    late: dict[int, ProjectState] = {}
    for r in rows:
        for p in r.derived.late_projects:
            late[p.id] = p
    themes = ACTION_THEMES.codes()
    return Plan(
        today=today,
        actions=tuple(rows),
        by_year=tuple(_group(str(y), [r for r in rows if r.year == y]) for y in (1, 2, 3)),
        by_theme=tuple(
            _group(t, [r for r in rows if r.theme == t])
            for t in themes
            if any(r.theme == t for r in rows)
        ),
        uncovered=tuple(gaps),
        late_projects=tuple(sorted(late.values(), key=lambda p: p.code)),
        visited_firms=visited,
    )
