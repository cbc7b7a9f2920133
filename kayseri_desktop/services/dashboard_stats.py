"""Figures behind the Pano charts: aggregate SQL only, no Qt, no row-by-row Python.

Every function runs GROUP BY queries and returns small frozen dataclasses (a row per
sector, district, theme, day or institution), so a 100,000-firm registry costs the
same Python work as a 300-firm one. Soft-deleted firms are left out everywhere, as in
services/statistics.py.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import ScalarSelect

from kayseri_desktop.core.catalogues import (
    DEFAULT_TARGETS,
    DISTRICTS,
    EVALUATION_THEMES,
    SECTORS,
    Catalogue,
)
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    AuditEntry,
    Evaluation,
    EvaluationScore,
    Firm,
    FirmExport,
    Institution,
    Meeting,
    Milestone,
    Project,
    ProjectPartner,
    Setting,
    Target,
    Visit,
)
from kayseri_desktop.services.meeting_pack import figures_as_of
from kayseri_desktop.services.statistics import programme_targets
from kayseri_desktop.services.visits import VisitBlock, visits_between

TARGET_KEYS = ("firms_evaluated", "visits_done", "exports_baseline_usd")
"""The programme targets the settings dialog edits (whole programme: year NULL)."""

FIELD_START_KEY = "field_study_start"
FIELD_END_KEY = "field_study_end"


@dataclass(frozen=True)
class Count:
    """One bar: a catalogue code (None: not recorded) and its value."""

    code: str | None
    value: float


@dataclass(frozen=True)
class ThemeScore:
    theme: str
    average: float | None
    firms: int


@dataclass(frozen=True)
class BurnUp:
    """Visits over the field study: done per day so far, planned per day from today."""

    start: dt.date
    end: dt.date
    target: float
    today: dt.date
    done: tuple[tuple[dt.date, int], ...]
    planned: tuple[tuple[dt.date, int], ...]

    @property
    def done_total(self) -> int:
        return sum(n for _, n in self.done)

    @property
    def planned_total(self) -> int:
        return sum(n for _, n in self.planned)


@dataclass(frozen=True)
class InstitutionProjects:
    """Projects an institution leads and takes part in, counted by status."""

    id: int
    name: str
    lead: dict[str, int] = field(default_factory=dict)
    partner: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.lead.values()) + sum(self.partner.values())


_LIVE = Firm.deleted_at.is_(None)


def _in_catalogue_order(
    rows: Iterable[tuple[str | None, float | None]], catalogue: Catalogue
) -> list[Count]:
    """Every catalogue code (zero when absent), then firms with no code, if any."""
    found = {code: value for code, value in rows}
    out = [Count(code, float(found.pop(code, 0) or 0)) for code in catalogue.codes()]
    rest = sum(float(v or 0) for v in found.values())  # None or codes no longer listed
    if rest:
        out.append(Count(None, rest))
    return out


def firms_by_sector(db: Database) -> list[Count]:
    stmt = select(Firm.sector, func.count()).where(_LIVE).group_by(Firm.sector)
    with db.read() as s:
        return _in_catalogue_order(s.execute(stmt).all(), SECTORS)


def firms_by_district(db: Database) -> list[Count]:
    stmt = select(Firm.district, func.count()).where(_LIVE).group_by(Firm.district)
    with db.read() as s:
        return _in_catalogue_order(s.execute(stmt).all(), DISTRICTS)


def export_years(db: Database) -> list[int]:
    """Years with export figures, latest first."""
    with db.read() as s:
        stmt = select(FirmExport.year).distinct().order_by(FirmExport.year.desc())
        return list(s.scalars(stmt))


def exports_by_sector(db: Database, year: int) -> list[Count]:
    """Total USD exported in ``year`` by the live firms of each sector."""
    stmt = (
        select(Firm.sector, func.sum(FirmExport.usd))
        .join(Firm, Firm.id == FirmExport.firm_id)
        .where(_LIVE, FirmExport.year == year)
        .group_by(Firm.sector)
    )
    with db.read() as s:
        return _in_catalogue_order(s.execute(stmt).all(), SECTORS)


@dataclass(frozen=True)
class ThemeTotals:
    """Score sums and counts per (sector, theme) over each firm's latest evaluation."""

    cells: dict[tuple[str | None, str], tuple[float, int]] = field(default_factory=dict)

    def scores(self, sector: str | None = None) -> list[ThemeScore]:
        """Average per theme, in catalogue order: all firms (None) or one sector."""
        out = []
        for theme in EVALUATION_THEMES.codes():
            total, firms = 0.0, 0
            for (cell_sector, cell_theme), (value, n) in self.cells.items():
                if cell_theme == theme and (sector is None or cell_sector == sector):
                    total, firms = total + value, firms + n
            out.append(ThemeScore(theme, total / firms if firms else None, firms))
        return out


def _latest_evaluation_id() -> ScalarSelect[int]:
    """Each firm's latest evaluation: a correlated scalar subquery."""
    return (
        select(Evaluation.id)
        .where(Evaluation.firm_id == Firm.id)
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc())
        .limit(1)
        .correlate(Firm)
        .scalar_subquery()
    )


def _count_theme_cells(s: Session) -> dict[tuple[str | None, str], tuple[float, int]]:
    # Live firms in sector order (ix_firms_live_sector), each firm's latest evaluation by
    # one seek (ix_evaluations_firm_latest), its scores from ix_evaluation_scores_cover:
    # indexes only, no window sort over every evaluation.
    stmt = (
        select(Firm.sector, EvaluationScore.theme, func.sum(EvaluationScore.score), func.count())
        .select_from(Firm)
        .join(EvaluationScore, EvaluationScore.evaluation_id == _latest_evaluation_id())
        .where(_LIVE)
        .group_by(Firm.sector, EvaluationScore.theme)
    )
    return {(sector, theme): (float(total), int(n)) for sector, theme, total, n in s.execute(stmt)}


def theme_totals(db: Database) -> ThemeTotals:
    """One pass over the scores, grouped by sector and theme.

    "Latest" is the evaluation with the highest (date, id) per firm, so a field visit's
    scores replace the desk estimate they followed. Any sector's or all firms' averages
    then come from these sums without another query (the sector chooser is instant).
    """
    with db.read() as s:
        return ThemeTotals(_count_theme_cells(s))


# -- theme totals kept current -----------------------------------------------------------
#
# Counting the theme sums afresh reads every live firm's latest scores: about half a
# second on 100,000 firms. After the first count the Pano keeps them current from the
# audit log instead (every ORM write records each changed field, in the same
# transaction as the change): a firm moved to another sector, deleted or restored
# moves its latest scores between the sums, read for that firm alone. A change of an
# evaluation or its scores, a purge, more than MAX_INCREMENTAL entries, or evaluations
# changed without an audit entry (another program writing to the file) count afresh.

MAX_INCREMENTAL = 500
"""Audit entries caught up one by one; beyond this a fresh count is cheaper."""


@dataclass(frozen=True)
class _ThemeState:
    totals: ThemeTotals
    audit_id: int  # the last audit entry the totals include
    evaluations: tuple[int, int]  # (count, max id) of evaluations then


_states: weakref.WeakKeyDictionary[Database, _ThemeState] = weakref.WeakKeyDictionary()
_states_lock = threading.Lock()
_UNKNOWN = object()


def _snapshot(s: Session) -> None:
    """Every statement of this read sees the same committed state (SQLite's read
    transaction does so already; PostgreSQL needs REPEATABLE READ for it)."""
    if s.get_bind().dialect.name == "postgresql":
        s.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _evaluations_mark(s: Session) -> tuple[int, int]:
    count, top = s.execute(select(func.count(), func.max(Evaluation.id))).one()
    return int(count or 0), int(top or 0)


def _full_state(db: Database) -> _ThemeState:
    with db.read() as s:
        _snapshot(s)
        audit_id = int(s.scalar(select(func.max(AuditEntry.id))) or 0)
        mark = _evaluations_mark(s)
        return _ThemeState(ThemeTotals(_count_theme_cells(s)), audit_id, mark)


def _caught_up(db: Database, state: _ThemeState) -> _ThemeState | None:
    """The state moved on by the audit entries since; None when a fresh count is needed."""
    with db.read() as s:
        _snapshot(s)
        entries = s.execute(
            select(
                AuditEntry.id,
                AuditEntry.entity,
                AuditEntry.entity_id,
                AuditEntry.action,
                AuditEntry.field,
                AuditEntry.old_value,
            )
            .where(AuditEntry.id > state.audit_id)
            .order_by(AuditEntry.id)
            .limit(MAX_INCREMENTAL + 1)
        ).all()
        if len(entries) > MAX_INCREMENTAL:
            return None
        mark = _evaluations_mark(s)
        # Per firm touched: was it live, and in which sector, when the totals were counted.
        before: dict[int, list[object]] = {}
        for _, entity, firm_id, action, field_name, old in entries:
            if entity == "evaluation" or action == "purge":
                return None
            if entity != "firm":
                continue
            if action == "update" and field_name != "sector":
                continue  # a name, a phone, exports...: no theme moves
            was = before.setdefault(firm_id, [_UNKNOWN, _UNKNOWN])
            if action in ("create", "restore") and was[0] is _UNKNOWN:
                was[0] = False
            elif action == "delete" and was[0] is _UNKNOWN:
                was[0] = True
            elif action == "update" and was[1] is _UNKNOWN:
                was[1] = old
        if mark != state.evaluations:
            return None  # evaluations changed behind the audit log's back
        audit_id = entries[-1][0] if entries else state.audit_id
        if not before:
            return _ThemeState(state.totals, audit_id, mark)
        ids = list(before)
        now = {
            fid: (sector, deleted is None)
            for fid, sector, deleted in s.execute(
                select(Firm.id, Firm.sector, Firm.deleted_at).where(Firm.id.in_(ids))
            )
        }
        scores: dict[int, list[tuple[str, float]]] = {}
        for fid, theme, score in s.execute(
            select(Firm.id, EvaluationScore.theme, EvaluationScore.score)
            .select_from(Firm)
            .join(EvaluationScore, EvaluationScore.evaluation_id == _latest_evaluation_id())
            .where(Firm.id.in_(ids))
        ):
            scores.setdefault(fid, []).append((theme, float(score)))
    cells = dict(state.totals.cells)

    def move(sector: str | None, theme: str, score: float, sign: int) -> None:
        total, n = cells.get((sector, theme), (0.0, 0))
        total, n = total + sign * score, n + sign
        if n:
            cells[(sector, theme)] = (total, n)
        else:
            cells.pop((sector, theme), None)

    for fid, (was_live, old_sector) in before.items():
        if fid not in now:
            return None  # gone without a purge entry: count afresh
        sector, live = now[fid]
        if was_live is _UNKNOWN:
            was_live = live
        if old_sector is _UNKNOWN:
            old_sector = sector
        for theme, score_ in scores.get(fid, ()):
            if was_live:
                move(old_sector if isinstance(old_sector, str) else None, theme, score_, -1)
            if live:
                move(sector, theme, score_, +1)
    return _ThemeState(ThemeTotals(cells), audit_id, mark)


def current_theme_totals(db: Database) -> ThemeTotals:
    """theme_totals(db), kept current from the audit log after the first count."""
    with _states_lock:  # one caller at a time: each catch-up starts where the last ended
        state = _states.get(db)
        updated = _caught_up(db, state) if state is not None else None
        if updated is None:
            updated = _full_state(db)
        _states[db] = updated
        return updated.totals


def theme_scores(db: Database, sector: str | None = None) -> list[ThemeScore]:
    """Average score per theme over each firm's latest evaluation (all firms or one sector)."""
    return theme_totals(db).scores(sector)


def _setting_date(s: Session, key: str) -> dt.date | None:
    value = s.scalar(select(Setting.value).where(Setting.key == key))
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def visit_burnup(db: Database, today: dt.date) -> BurnUp:
    """Done visits per day (up to today: never a day ahead, even if a visit there is
    marked done) and planned visits per day (from today on).

    The pace runs from the field study's start to its end (settings
    ``field_study_start``/``field_study_end``); without them, from the first to the
    last visit on record (or today).
    """
    day = func.date(Visit.starts_at)
    base = select(day, func.count()).join(Firm, Firm.id == Visit.firm_id).where(_LIVE)
    tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time())
    # Done only on or after its day: the curve never counts a day still ahead.
    done_stmt = (
        base.where(Visit.status == "done", Visit.starts_at < tomorrow).group_by(day).order_by(day)
    )
    planned_stmt = (
        base.where(
            Visit.status == "planned", Visit.starts_at >= dt.datetime.combine(today, dt.time())
        )
        .group_by(day)
        .order_by(day)
    )
    with db.read() as s:
        done = tuple((_as_date(d), int(n)) for d, n in s.execute(done_stmt))
        planned = tuple((_as_date(d), int(n)) for d, n in s.execute(planned_stmt))
        start = _setting_date(s, FIELD_START_KEY)
        end = _setting_date(s, FIELD_END_KEY)
        if start is None or end is None:
            first, last = s.execute(
                select(func.min(Visit.starts_at), func.max(Visit.starts_at))
            ).one()
            start = start or (_as_date(first) if first else today)
            end = end or (_as_date(last) if last else today)
    if end <= start:
        end = start + dt.timedelta(days=1)
    target = programme_targets(db).get("visits_done", DEFAULT_TARGETS["visits_done"])
    return BurnUp(start, end, float(target), today, done, planned)


def _as_date(value: object) -> dt.date:
    """SQLite returns date() as text, PostgreSQL as a date; datetimes come from min()/max()."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def upcoming_visits(db: Database, since: dt.datetime, days: int) -> list[VisitBlock]:
    """Visits still to be made: planned ones from ``since`` to the end of the ``days``-th
    day (today counts as the first). Done, postponed and cancelled visits, and planned
    ones whose hour has passed, are not upcoming."""
    last = since.date() + dt.timedelta(days=days - 1)
    return [
        v
        for v in visits_between(db, since.date(), last)
        if v.status == "planned" and v.starts_at >= since
    ]


def projects_by_institution(db: Database) -> list[InstitutionProjects]:
    """Per institution, projects it leads and those it is a partner (any role) in, by status.

    Institutions with no project are left out; the busiest come first.
    """
    lead_stmt = select(Project.lead_institution_id, Project.status, func.count()).group_by(
        Project.lead_institution_id, Project.status
    )
    partner_stmt = (
        select(ProjectPartner.institution_id, Project.status, func.count())
        .join(Project, Project.id == ProjectPartner.project_id)
        .group_by(ProjectPartner.institution_id, Project.status)
    )
    names_stmt = select(
        Institution.id,
        func.coalesce(Institution.short_name, Institution.name),
        Institution.name_sort,
    )
    with db.read() as s:
        names = {iid: (name, sort) for iid, name, sort in s.execute(names_stmt)}
        lead: dict[int, dict[str, int]] = {}
        partner: dict[int, dict[str, int]] = {}
        for iid, status, n in s.execute(lead_stmt):
            lead.setdefault(iid, {})[status] = int(n)
        for iid, status, n in s.execute(partner_stmt):
            partner.setdefault(iid, {})[status] = int(n)
    rows = [
        InstitutionProjects(iid, names[iid][0], lead.get(iid, {}), partner.get(iid, {}))
        for iid in set(lead) | set(partner)
        if iid in names
    ]
    rows.sort(key=lambda r: (-r.total, names[r.id][1] or r.name))
    return rows


@dataclass(frozen=True)
class PackOutlook:
    """What the next meeting's pack will print: its figures stand as of the meeting's
    day (services/meeting_pack.py), so for a meeting ahead they differ from today's."""

    held_on: dt.date
    decisions_open: int
    decisions_late: int
    milestones_late: int
    milestones_late_today: int


def _milestones_late(s: Session, day: dt.date) -> int:
    """Open milestones due before ``day``: the pack's "Süresi geçen kilometre taşı"."""
    stmt = (
        select(func.count())
        .select_from(Milestone)
        .where(Milestone.done_on.is_(None), Milestone.due_date < day)
    )
    return int(s.scalar(stmt) or 0)


def pack_outlook(db: Database, today: dt.date) -> PackOutlook | None:
    """The next meeting after today and what its pack will say; None when none is set."""
    with db.read() as s:
        held_on = s.scalar(select(func.min(Meeting.held_on)).where(Meeting.held_on > today))
        if held_on is None:
            return None
        figures = figures_as_of(s, held_on)
        return PackOutlook(
            held_on,
            int(figures["decisions_open"]),
            int(figures["decisions_late"]),
            _milestones_late(s, held_on),
            _milestones_late(s, today),
        )


def load_targets(db: Database) -> dict[str, float]:
    """The editable programme targets: saved values or the seed's defaults."""
    targets = programme_targets(db)
    return {key: targets.get(key, float(DEFAULT_TARGETS[key])) for key in TARGET_KEYS}


def save_targets(db: Database, values: dict[str, float]) -> None:
    """Store whole-programme targets (one write, audited and announced as "target").

    Raises ValueError with a Turkish message for a key not in TARGET_KEYS or a value
    that is not positive; nothing is written then.
    """
    for key, value in values.items():
        if key not in TARGET_KEYS:
            raise ValueError(f"Bilinmeyen hedef: {key}")
        if not value or value <= 0:
            raise ValueError(f"Hedef sıfırdan büyük olmalı: {key}")
    with db.write() as s:
        rows = {
            t.key: t
            for t in s.scalars(select(Target).where(Target.year.is_(None), Target.key.in_(values)))
        }
        for key, value in values.items():
            if key in rows:
                if float(rows[key].value) != float(value):
                    rows[key].value = float(value)
            else:
                s.add(Target(key=key, year=None, value=float(value)))
