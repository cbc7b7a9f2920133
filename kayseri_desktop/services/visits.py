"""Visit planning: plan, reschedule, record, and the conflicts a plan runs into.

Pure services (SQLAlchemy, no Qt) shared by the calendar tab and the command line.
Every write goes through ``db.write()``, so it is audited and announced on the
change bus by services/tracking.py. Messages are Turkish, for people to read.

Conflicts (services/visits_conflicts.py) are warnings, not refusals: the office may
knowingly plan a visit on a Saturday. The GUI shows them and asks before saving;
each names the clash (who, which firm, which holiday).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from kayseri_desktop.core.catalogues import EVALUATION_THEMES, SCORE_MAX, SCORE_MIN
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of

OPEN_STATUSES = ("planned", "postponed")
"""A visit still to be made: a firm should have at most one."""
BUSY_STATUSES = ("planned", "done")
"""Visits that take up the team's time (postponed and cancelled ones free it)."""
MAX_MINUTES = 10 * 60


class VisitError(ValueError):
    """A visit that cannot be saved as given; the message is Turkish and names the field."""


@dataclass(frozen=True)
class VisitDraft:
    firm_id: int
    starts_at: dt.datetime
    minutes: int
    staff_ids: tuple[int, ...] = ()
    purpose: str = ""
    notes: str = ""

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Conflict:
    kind: str
    """staff, firm, weekend, hours, holiday, half_day, closed, retired, batch"""
    message: str


@dataclass(frozen=True)
class FollowUpDraft:
    action: str
    owner: str = ""
    due_date: dt.date | None = None


@dataclass(frozen=True)
class Findings:
    scores: dict[str, int]
    needs: str = ""
    notes: str = ""
    follow_ups: tuple[FollowUpDraft, ...] = ()


@dataclass(frozen=True)
class VisitBlock:
    """One visit as the calendar views draw it."""

    id: int
    firm_id: int
    firm_title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: str
    team: str
    district: str | None
    purpose: str | None


@dataclass
class VisitDetail:
    id: int
    firm_id: int
    firm_title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    status: str
    staff_ids: list[int]
    purpose: str
    notes: str
    needs: str
    status_reason: str
    scores: dict[str, int] = field(default_factory=dict)
    follow_ups: list[FollowUpDraft] = field(default_factory=list)


def span(start: dt.datetime, end: dt.datetime) -> str:
    """ "27.11.2026 10:00–12:00"."""
    return f"{start:%d.%m.%Y %H:%M}–{end:%H:%M}"


# -- validation and conflicts ------------------------------------------------------------


def validate(draft: VisitDraft) -> None:
    if not draft.firm_id:
        raise VisitError("Firma seçilmedi: ziyaret edilecek firmayı seçin.")
    if draft.minutes <= 0:
        raise VisitError("Süre: ziyaretin süresi en az 1 dakika olmalı.")
    if draft.minutes > MAX_MINUTES:
        raise VisitError("Süre: bir ziyaret en çok 10 saat sürebilir.")
    if draft.ends_at.date() != draft.starts_at.date():
        raise VisitError("Süre: ziyaret başladığı gün bitmeli (gece yarısını aşıyor).")
    if not draft.staff_ids:
        raise VisitError("Saha ekibi: en az bir kişi seçin.")


# -- writing ----------------------------------------------------------------------------


def _staff(s: Session, ids: Iterable[int]) -> list[m.Staff]:
    ids = list(dict.fromkeys(ids))
    found = {p.id: p for p in s.scalars(select(m.Staff).where(m.Staff.id.in_(ids)))}
    missing = [i for i in ids if i not in found]
    if missing:
        raise VisitError(f"Saha ekibi: {missing[0]} numaralı kişi bulunamadı.")
    return [found[i] for i in ids]


def _live_firm(s: Session, firm_id: int) -> m.Firm:
    firm = s.get(m.Firm, firm_id)
    if firm is None or firm.deleted_at is not None:
        raise VisitError("Firma bulunamadı ya da silinmiş.")
    return firm


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def plan_visit(db: Database, draft: VisitDraft) -> int:
    """Save a new planned visit; returns its id. Conflicts are the caller's to show."""
    return plan_visits(db, [draft])[0]


def plan_visits(db: Database, drafts: Sequence[VisitDraft]) -> list[int]:
    """Save several new visits in one transaction: all of them or none."""
    for d in drafts:
        validate(d)
    with db.write() as s:
        visits = []
        for d in drafts:
            _live_firm(s, d.firm_id)
            visit = m.Visit(
                firm_id=d.firm_id,
                starts_at=d.starts_at,
                ends_at=d.ends_at,
                status="planned",
                purpose=_text(d.purpose),
                notes=_text(d.notes),
                staff=_staff(s, d.staff_ids),
            )
            s.add(visit)
            visits.append(visit)
        s.flush()
        return [v.id for v in visits]


def _visit(s: Session, visit_id: int) -> m.Visit:
    visit = s.get(m.Visit, visit_id)
    if visit is None:
        raise VisitError("Ziyaret bulunamadı (başka biri silmiş olabilir).")
    return visit


def _not_ahead(day: dt.date, today: dt.date | None, *, moving: bool = False) -> None:
    """A visit is done only on or after its day: refuse a done visit dated after today."""
    today = today or dt.date.today()
    if day <= today:
        return
    if moving:
        raise VisitError(
            f"Yapılmış bir ziyaret ileri bir tarihe ({day:%d.%m.%Y}) taşınamaz; bugün "
            f"{today:%d.%m.%Y}. Bir ziyaret ancak tarihinde ya da sonrasında yapılmış olabilir."
        )
    raise VisitError(
        f"Bu ziyaretin tarihi {day:%d.%m.%Y}, bugün {today:%d.%m.%Y}: ziyaret tarihi "
        f"gelmeden “Yapıldı” olarak kaydedilemez. Öne alınıp yapıldıysa önce tarihini "
        f"düzeltin; yapılmayacaksa ertelendi ya da iptal edildi olarak kaydedin."
    )


def update_visit(
    db: Database, visit_id: int, draft: VisitDraft, *, today: dt.date | None = None
) -> None:
    """Change a visit's firm, time, team, purpose, notes. A postponed visit given a new
    time is planned again; a done visit cannot be moved past ``today`` (default: the
    computer's date)."""
    validate(draft)
    with db.write() as s:
        visit = _visit(s, visit_id)
        if visit.status == "done" and visit.starts_at != draft.starts_at:
            _not_ahead(draft.starts_at.date(), today, moving=True)
        if visit.firm_id != draft.firm_id:
            _live_firm(s, draft.firm_id)
            visit.firm_id = draft.firm_id
        if visit.status == "postponed" and visit.starts_at != draft.starts_at:
            visit.status = "planned"
        visit.starts_at, visit.ends_at = draft.starts_at, draft.ends_at
        visit.purpose, visit.notes = _text(draft.purpose), _text(draft.notes)
        staff = _staff(s, draft.staff_ids)
        if {p.id for p in visit.staff} != {p.id for p in staff}:
            visit.staff = staff


def draft_of(db: Database, visit_id: int) -> VisitDraft:
    return _draft(visit_detail(db, visit_id))


def _draft(d: VisitDetail) -> VisitDraft:
    minutes = int((d.ends_at - d.starts_at).total_seconds() // 60)
    return VisitDraft(d.firm_id, d.starts_at, minutes, tuple(d.staff_ids), d.purpose, d.notes)


def moved_draft(
    db: Database, visit_id: int, starts_at: dt.datetime, *, today: dt.date | None = None
) -> VisitDraft:
    """The visit as it would be if it started at ``starts_at`` (same length and team).

    Raises VisitError when a done visit would move past ``today``."""
    detail = visit_detail(db, visit_id)
    if detail.status == "done" and starts_at != detail.starts_at:
        _not_ahead(starts_at.date(), today, moving=True)
    d = _draft(detail)
    return VisitDraft(d.firm_id, starts_at, d.minutes, d.staff_ids, d.purpose, d.notes)


def move_visit(db: Database, visit_id: int, starts_at: dt.datetime) -> None:
    """Reschedule keeping the length (the week view's drag and drop)."""
    update_visit(db, visit_id, moved_draft(db, visit_id, starts_at))


def record_done(
    db: Database,
    visit_id: int,
    findings: Findings,
    *,
    evaluator: str = "",
    today: dt.date | None = None,
) -> int:
    """Mark a visit done with its findings; they become the firm's field evaluation.

    A visit is done only on or after its day: one dated after ``today`` (default: the
    computer's date) is refused with a VisitError naming both dates, nothing written.
    Returns the evaluation's id (the same one when a done visit is recorded again).
    """
    scores = {k: v for k, v in findings.scores.items() if v}
    if not scores:
        raise VisitError("Puanlar: en az bir temaya puan verin.")
    for theme, score in scores.items():
        if EVALUATION_THEMES.get(theme) is None:
            raise VisitError(f"Puanlar: bilinmeyen tema “{theme}”.")
        if not SCORE_MIN <= score <= SCORE_MAX:
            raise VisitError(
                f"Puanlar: {EVALUATION_THEMES.label(theme)} puanı {SCORE_MIN}–{SCORE_MAX} "
                f"arasında olmalı ({score} verildi)."
            )
    for i, f in enumerate(findings.follow_ups, 1):
        if not f.action.strip():
            raise VisitError(f"Takip işleri, satır {i}, İş: boş olamaz.")
    with db.write() as s:
        visit = _visit(s, visit_id)
        if visit.status == "cancelled":
            raise VisitError("İptal edilmiş bir ziyaret yapıldı olarak işaretlenemez.")
        _not_ahead(visit.starts_at.date(), today)
        visit.status = "done"
        visit.status_reason = None
        visit.needs = _text(findings.needs)
        visit.notes = _text(findings.notes) or visit.notes
        if visit.done_at is None:
            visit.done_at = dt.datetime.now().replace(microsecond=0)
        visit.follow_ups = [
            m.FollowUp(action=f.action.strip(), owner=_text(f.owner), due_date=f.due_date)
            for f in findings.follow_ups
        ]
        evaluation = visit.evaluation
        if evaluation is None:
            evaluator = evaluator or (visit.staff[0].name if visit.staff else "")
            evaluation = m.Evaluation(
                firm_id=visit.firm_id, visit=visit, kind="field", evaluator=_text(evaluator)
            )
            s.add(evaluation)
        evaluation.evaluated_on = visit.starts_at.date()
        evaluation.notes = _text(findings.notes)
        evaluation.scores = [m.EvaluationScore(theme=t, score=v) for t, v in scores.items()]
        s.flush()
        return evaluation.id


def set_outcome(db: Database, visit_id: int, status: str, reason: str) -> None:
    """Postpone or cancel a visit; the reason is required."""
    if status not in ("postponed", "cancelled"):
        raise VisitError(f"Durum: {status} ertelenme ya da iptal değil.")
    if not reason.strip():
        raise VisitError("Gerekçe: ertelenen ya da iptal edilen ziyaret için gerekçe yazın.")
    with db.write() as s:
        visit = _visit(s, visit_id)
        if visit.status == "done":
            raise VisitError("Yapılmış bir ziyaret ertelenemez ya da iptal edilemez.")
        visit.status = status
        visit.status_reason = reason.strip()


# -- reading ----------------------------------------------------------------------------


def visit_detail(db: Database, visit_id: int) -> VisitDetail:
    with db.read() as s:
        v = _visit(s, visit_id)
        ev = v.evaluation
        return VisitDetail(
            id=v.id,
            firm_id=v.firm_id,
            firm_title=v.firm.title,
            starts_at=v.starts_at,
            ends_at=v.ends_at,
            status=v.status,
            staff_ids=[p.id for p in v.staff],
            purpose=v.purpose or "",
            notes=v.notes or "",
            needs=v.needs or "",
            status_reason=v.status_reason or "",
            scores={sc.theme: sc.score for sc in ev.scores} if ev else {},
            follow_ups=[FollowUpDraft(f.action, f.owner or "", f.due_date) for f in v.follow_ups],
        )


def visits_between(
    db: Database, first: dt.date, last: dt.date, *, staff_id: int | None = None
) -> list[VisitBlock]:
    """Visits starting on days ``first``..``last`` (inclusive), earliest first."""
    since = dt.datetime.combine(first, dt.time.min)
    until = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min)
    stmt = (
        select(
            m.Visit.id,
            m.Visit.firm_id,
            m.Firm.title,
            m.Visit.starts_at,
            m.Visit.ends_at,
            m.Visit.status,
            m.Firm.district,
            m.Visit.purpose,
        )
        .join(m.Firm, m.Firm.id == m.Visit.firm_id)
        .where(m.Visit.starts_at >= since, m.Visit.starts_at < until, m.Firm.deleted_at.is_(None))
        .order_by(m.Visit.starts_at, m.Visit.id)
    )
    if staff_id is not None:
        mine = select(m.VisitStaff.visit_id).where(m.VisitStaff.staff_id == staff_id)
        stmt = stmt.where(m.Visit.id.in_(mine))
    with db.read() as s:
        rows = s.execute(stmt).all()
        teams = team_names(s, [r[0] for r in rows])
    return [
        VisitBlock(vid, fid, title, a, b, status, ", ".join(teams.get(vid, [])), district, purpose)
        for vid, fid, title, a, b, status, district, purpose in rows
    ]


def team_names(s: Session, visit_ids: Sequence[int]) -> dict[int, list[str]]:
    teams: dict[int, list[str]] = {}
    stmt = (
        select(m.VisitStaff.visit_id, m.Staff.name)
        .join(m.Staff, m.Staff.id == m.VisitStaff.staff_id)
        .where(one_of(m.VisitStaff.visit_id, visit_ids, s.get_bind().dialect.name))
        .order_by(m.VisitStaff.visit_id, m.Staff.name)
    )
    for vid, name in s.execute(stmt):
        teams.setdefault(vid, []).append(name)
    return teams
