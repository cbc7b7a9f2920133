"""The visit schedule of a date range as an .xlsx (same writer and rules as the registry)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from kayseri_desktop.core.catalogues import DISTRICTS, EVALUATION_THEMES, OSBS, VISIT_STATUSES
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of
from kayseri_desktop.exchange.xlsx import Column, new_workbook, save_atomic, write_sheet
from kayseri_desktop.services.visits import team_names


@dataclass(frozen=True)
class ScheduleRow:
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    firm_title: str
    district: str
    osb: str
    address: str
    team: list[str]
    team_emails: list[tuple[str, str]]
    status: str
    purpose: str
    reason: str
    findings: str
    version: int


def findings_summary(scores: dict[str, int], needs: str | None) -> str:
    """ "Dijitalleşme 4, İhracata Hazırlık 2; İhtiyaçlar: ..." in the catalogue's theme order."""
    parts = [f"{t.tr} {scores[t.code]}" for t in EVALUATION_THEMES if t.code in scores]
    text = ", ".join(parts)
    if needs:
        text = f"{text}; İhtiyaçlar: {needs}" if text else f"İhtiyaçlar: {needs}"
    return text


def schedule(
    db: Database, first: dt.date | None, last: dt.date | None, *, staff_id: int | None = None
) -> list[ScheduleRow]:
    """Visits from ``first`` to ``last`` inclusive (either open), earliest first."""
    stmt = (
        select(m.Visit, m.Firm)
        .join(m.Firm, m.Firm.id == m.Visit.firm_id)
        .where(m.Firm.deleted_at.is_(None))
        .order_by(m.Visit.starts_at, m.Visit.id)
    )
    if first is not None:
        stmt = stmt.where(m.Visit.starts_at >= dt.datetime.combine(first, dt.time.min))
    if last is not None and last < dt.date.max:  # the last day allowed: no upper bound
        stmt = stmt.where(
            m.Visit.starts_at < dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min)
        )
    if staff_id is not None:
        stmt = stmt.where(
            m.Visit.id.in_(select(m.VisitStaff.visit_id).where(m.VisitStaff.staff_id == staff_id))
        )
    with db.read() as s:
        pairs = s.execute(stmt).all()
        ids = [v.id for v, _ in pairs]
        teams = team_names(s, ids)
        emails: dict[int, list[tuple[str, str]]] = {}
        scores: dict[int | None, dict[str, int]] = {}  # by visit (the column is nullable)
        people = (
            select(m.VisitStaff.visit_id, m.Staff.name, m.Staff.email)
            .join(m.Staff, m.Staff.id == m.VisitStaff.staff_id)
            .where(one_of(m.VisitStaff.visit_id, ids, db.backend))
            .order_by(m.Staff.name)
        )
        for vid, name, email in s.execute(people):
            emails.setdefault(vid, []).append((name, email or ""))
        found = (
            select(m.Evaluation.visit_id, m.EvaluationScore.theme, m.EvaluationScore.score)
            .join(m.EvaluationScore, m.EvaluationScore.evaluation_id == m.Evaluation.id)
            .where(one_of(m.Evaluation.visit_id, ids, db.backend))
        )
        for visit, theme, score in s.execute(found):
            scores.setdefault(visit, {})[theme] = score
        return [
            ScheduleRow(
                id=v.id,
                starts_at=v.starts_at,
                ends_at=v.ends_at,
                firm_title=f.title,
                district=DISTRICTS.label(f.district) if f.district else "",
                osb=OSBS.label(f.osb) if f.osb else "",
                address=f.address or "",
                team=teams.get(v.id, []),
                team_emails=emails.get(v.id, []),
                status=v.status,
                purpose=v.purpose or "",
                reason=v.status_reason or "",
                findings=findings_summary(scores.get(v.id, {}), v.needs)
                if v.status == "done"
                else "",
                version=v.version,
            )
            for v, f in pairs
        ]


COLUMNS = (
    Column("Tarih"),
    Column("Başlangıç"),
    Column("Bitiş"),
    Column("Firma"),
    Column("İlçe"),
    Column("OSB"),
    Column("Saha ekibi"),
    Column("Durum"),
    Column("Amaç"),
    Column("Bulgular özeti", width=60),
    Column("Erteleme/iptal gerekçesi"),
)


def export_visits(
    db: Database, target: Path, first: dt.date | None = None, last: dt.date | None = None
) -> int:
    """Write the schedule of the range to ``target`` (atomically); returns the row count."""
    rows = [
        (
            r.starts_at.date(),
            r.starts_at.strftime("%H:%M"),
            r.ends_at.strftime("%H:%M"),
            r.firm_title,
            r.district,
            r.osb,
            ", ".join(r.team),
            VISIT_STATUSES.label(r.status),
            r.purpose,
            r.findings,
            r.reason,
        )
        for r in schedule(db, first, last)
    ]
    wb = new_workbook()
    n = write_sheet(wb, "Ziyaret Takvimi", COLUMNS, rows)
    save_atomic(wb, Path(target))
    return n
