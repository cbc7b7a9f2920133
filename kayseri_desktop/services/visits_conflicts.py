"""Conflicts of a planned visit: the calendar (weekend, public holiday, half day, the
office's closed days, working hours), the team's time and the firm's open visits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.core.catalogues import VISIT_STATUSES
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.visits import (
    BUSY_STATUSES,
    OPEN_STATUSES,
    Conflict,
    VisitDraft,
    span,
)


def closed_days(s: Session, first: dt.date, last: dt.date) -> dict[dt.date, str]:
    stmt = select(m.ClosedDay.day, m.ClosedDay.reason).where(
        m.ClosedDay.day >= first, m.ClosedDay.day <= last
    )
    return {k: v for k, v in s.execute(stmt)}


def calendar_conflicts(
    start: dt.datetime, end: dt.datetime, closed: dict[dt.date, str]
) -> list[Conflict]:
    """What the calendar says about a time: weekend, holiday, half day, closed, hours."""
    day = start.date()
    when = f"{day:%d.%m.%Y} {cal.DAY_NAMES[day.weekday()]}"
    out: list[Conflict] = []
    if cal.is_weekend(day):
        out.append(Conflict("weekend", f"{when}: hafta sonu."))
    h = cal.holiday(day)
    if h is not None and not h.half_day:
        out.append(Conflict("holiday", f"{when}: resmî tatil ({h.name})."))
    elif h is not None and end.time() > cal.HALF_DAY_END:
        out.append(
            Conflict(
                "half_day",
                f"{when}: yarım gün ({h.name}); mesai {cal.HALF_DAY_END:%H:%M}'te biter.",
            )
        )
    if day in closed:
        out.append(Conflict("closed", f"{when}: ofis kapalı ({closed[day]})."))
    if start.time() < cal.WORK_START or end.time() > cal.WORK_END or end.date() != day:
        out.append(
            Conflict(
                "hours",
                f"{span(start, end)}: mesai saatleri "
                f"({cal.WORK_START:%H:%M}–{cal.WORK_END:%H:%M}) dışında.",
            )
        )
    return out


def _conflicts(s: Session, draft: VisitDraft, ignore: Iterable[int]) -> list[Conflict]:
    ignore = [i for i in ignore if i]
    start, end = draft.starts_at, draft.ends_at
    out = calendar_conflicts(start, end, closed_days(s, start.date(), end.date()))
    if draft.staff_ids:
        stmt = (
            select(m.Staff.name, m.Firm.title, m.Visit.starts_at, m.Visit.ends_at)
            .select_from(m.VisitStaff)
            .join(m.Visit, m.Visit.id == m.VisitStaff.visit_id)
            .join(m.Staff, m.Staff.id == m.VisitStaff.staff_id)
            .join(m.Firm, m.Firm.id == m.Visit.firm_id)
            .where(
                m.VisitStaff.staff_id.in_(draft.staff_ids),
                m.Visit.status.in_(BUSY_STATUSES),
                m.Visit.starts_at < end,
                m.Visit.ends_at > start,
                m.Visit.id.not_in(ignore),
            )
            .order_by(m.Staff.name, m.Visit.starts_at)
        )
        for name, title, a, b in s.execute(stmt):
            out.append(
                Conflict("staff", f"{name} aynı saatte başka bir ziyarette: {title}, {span(a, b)}.")
            )
        retired = s.scalars(
            select(m.Staff.name).where(m.Staff.id.in_(draft.staff_ids), m.Staff.active.is_(False))
        )
        for name in retired:
            out.append(Conflict("retired", f"{name} artık saha ekibinde değil (pasif)."))
    open_visits = (
        select(m.Visit.starts_at, m.Visit.ends_at, m.Visit.status)
        .where(
            m.Visit.firm_id == draft.firm_id,
            m.Visit.status.in_(OPEN_STATUSES),
            m.Visit.id.not_in(ignore),
        )
        .order_by(m.Visit.starts_at)
    )
    for a, b, status in s.execute(open_visits):
        out.append(
            Conflict(
                "firm",
                f"Firmanın zaten açık bir ziyareti var: {span(a, b)} "
                f"({VISIT_STATUSES.label(status)}).",
            )
        )
    return out


def find_conflicts(
    db: Database, draft: VisitDraft, *, ignore_visit_id: int | None = None
) -> list[Conflict]:
    """Every clash of a planned visit with the calendar, the team's time and the firm."""
    with db.read() as s:
        return _conflicts(s, draft, [ignore_visit_id] if ignore_visit_id else [])


def batch_conflicts(db: Database, drafts: Sequence[VisitDraft]) -> list[Conflict]:
    """Conflicts of several new visits: with the database and with one another."""
    out: list[Conflict] = []
    with db.read() as s:
        stmt = select(m.Firm.id, m.Firm.title).where(m.Firm.id.in_({d.firm_id for d in drafts}))
        titles: dict[int, str] = {fid: title for fid, title in s.execute(stmt)}
        for d in drafts:
            for c in _conflicts(s, d, []):
                out.append(Conflict(c.kind, f"{titles.get(d.firm_id, '')}: {c.message}"))
    for i, a in enumerate(drafts):
        for b in drafts[i + 1 :]:
            if a.firm_id == b.firm_id:
                out.append(Conflict("batch", f"{titles.get(a.firm_id, '')} listede iki kez var."))
            elif (
                set(a.staff_ids) & set(b.staff_ids)
                and a.starts_at < b.ends_at
                and b.starts_at < a.ends_at
            ):
                out.append(
                    Conflict(
                        "batch",
                        f"{titles.get(a.firm_id, '')} ile {titles.get(b.firm_id, '')} "
                        "aynı ekiple aynı saatte.",
                    )
                )
    return out
