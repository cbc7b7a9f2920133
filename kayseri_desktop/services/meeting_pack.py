"""What goes into a committee meeting pack: figures, visits, projects, decisions.

Pure data (no Qt, no file formats): exchange/pack_xlsx.py and exchange/pack_pdf.py
lay the same PackData out as a workbook and as a printable PDF. The period of a
pack runs from the day after the previous meeting to the meeting's own date.

Personal data of firms' contact persons never enters a pack: nothing here reads
the contacts' rows or an institution's contact fields, and free text a user typed
(visit needs, decisions, agenda, titles) goes through services/privacy.Withheld, which
masks a non-consenting contact's e-mail or phone written there.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, selectinload

from kayseri_desktop.core import catalogues as cat
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services import privacy
from kayseri_desktop.services.statistics import BASELINE_EXPORT_YEAR, programme_targets


class PackError(ValueError):
    """No pack can be made (unknown meeting, no meeting on that date); str() is Turkish."""


@dataclass(frozen=True)
class SummaryRow:
    """One figure of the summary: a count (``decimals`` 0, shown "2.041") unless the
    row says otherwise (a sum in millions, shown "3.813,6")."""

    label: str
    now: float
    previous: float | None
    target: float | None = None
    unit: str = ""
    decimals: int = 0

    @property
    def change(self) -> float | None:
        return None if self.previous is None else self.now - self.previous

    @property
    def percent_of_target(self) -> float | None:
        return self.now / self.target if self.target else None


@dataclass(frozen=True)
class VisitRow:
    day: dt.datetime
    firm: str
    district: str
    sector: str
    team: str
    average_score: float | None
    needs: str


@dataclass(frozen=True)
class ProjectRow:
    code: str
    title: str
    lead: str
    partners: str
    progress: int
    budget_try: float | None
    spent_try: float
    end_date: dt.date | None
    late_milestones: tuple[tuple[str, dt.date], ...]

    @property
    def budget_use(self) -> float | None:
        return self.spent_try / self.budget_try if self.budget_try else None


@dataclass(frozen=True)
class DecisionRow:
    owner: str
    text: str
    decided_on: dt.date
    due_date: dt.date | None
    carried_over: bool
    late: bool
    project: str


@dataclass
class PackData:
    meeting_id: int
    held_on: dt.date
    place: str
    agenda: list[tuple[str, bool]]  # (text, carried over)
    attendees: list[str]
    period_start: dt.date | None  # the previous meeting's date (exclusive)
    summary: list[SummaryRow]
    visits: list[VisitRow]
    visits_by_district: list[tuple[str, int]]
    visits_by_sector: list[tuple[str, int]]
    projects: list[ProjectRow]
    decisions: list[DecisionRow]
    theme_scores: list[tuple[str, float]] = field(default_factory=list)
    masked: int = 0  # non-consenting contacts' e-mails/phones masked in free text

    @property
    def privacy_note(self) -> str:
        """Turkish: what was masked and why ("" when nothing was)."""
        return privacy.masked_note(self.masked) if self.masked else ""

    @property
    def period_text(self) -> str:
        end = self.held_on.strftime("%d.%m.%Y")
        if self.period_start is None:
            return f"Programın başından {end} tarihine kadar"
        start = (self.period_start + dt.timedelta(days=1)).strftime("%d.%m.%Y")
        return f"{start} – {end}"


def find_meeting(db: Database, *, meeting_id: int | None = None, on: dt.date | None = None) -> int:
    with db.read() as s:
        if meeting_id is not None:
            if s.get(m.Meeting, meeting_id) is None:
                raise PackError(f"{meeting_id} numaralı toplantı bulunamadı.")
            return meeting_id
        if on is None:
            raise PackError("Toplantı numarası ya da tarihi verilmeli.")
        found = s.scalar(select(m.Meeting.id).where(m.Meeting.held_on == on).order_by(m.Meeting.id))
        if found is None:
            raise PackError(f"{on:%d.%m.%Y} tarihinde bir toplantı yok.")
        return found


def _end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time())


def figures_as_of(s: Session, day: dt.date) -> dict[str, float]:
    """Programme figures as they stood at the end of ``day`` (aggregate queries only).

    Visits and evaluations are dated, so they are counted as of the day; decisions
    count as open on the day when decided by then and not closed before it. Projects
    keep no status history: their figures are today's and are not compared.
    """
    live = m.Firm.deleted_at.is_(None)
    # Per live firm, one seek in ix_evaluations_firm_latest (not a date-index scan
    # with a DISTINCT sort: 0.4 s on 100,000 firms).
    evaluated = s.scalar(
        select(func.count())
        .select_from(m.Firm)
        .where(
            live,
            select(m.Evaluation.id)
            .where(m.Evaluation.firm_id == m.Firm.id, m.Evaluation.evaluated_on <= day)
            .exists(),
        )
    )
    visits_done = s.scalar(
        select(func.count())
        .select_from(m.Visit)
        .join(m.Firm, m.Firm.id == m.Visit.firm_id)
        .where(live, m.Visit.status == "done", m.Visit.starts_at < _end_of(day))
    )
    open_on_day = and_(
        m.Meeting.held_on <= day,
        or_(
            m.Decision.status == "open",
            and_(m.Decision.closed_on.is_not(None), m.Decision.closed_on > day),
        ),
    )
    decisions = select(func.count()).select_from(m.Decision).join(m.Meeting)
    decisions_open = s.scalar(decisions.where(open_on_day))
    decisions_late = s.scalar(decisions.where(open_on_day, m.Decision.due_date < day))
    return {
        "firms_evaluated": evaluated or 0,
        "visits_done": visits_done or 0,
        "decisions_open": decisions_open or 0,
        "decisions_late": decisions_late or 0,
    }


def _summary(
    s: Session, db: Database, held_on: dt.date, previous: dt.date | None
) -> list[SummaryRow]:
    targets = programme_targets(db)
    now = figures_as_of(s, held_on)
    before = figures_as_of(s, previous) if previous else None
    running, done = (
        s.scalar(select(func.count()).select_from(m.Project).where(m.Project.status == st))
        for st in ("running", "done")
    )
    late_milestones = s.scalar(
        select(func.count())
        .select_from(m.Milestone)
        .where(m.Milestone.done_on.is_(None), m.Milestone.due_date < held_on)
    )
    exports = s.scalar(
        select(func.coalesce(func.sum(m.FirmExport.usd), 0))
        .join(m.Firm, m.Firm.id == m.FirmExport.firm_id)
        .where(m.Firm.deleted_at.is_(None), m.FirmExport.year == BASELINE_EXPORT_YEAR)
    )

    def prev(key: str) -> float | None:
        return before[key] if before else None

    return [
        SummaryRow(
            "Değerlendirilen firma",
            now["firms_evaluated"],
            prev("firms_evaluated"),
            targets.get("firms_evaluated"),
        ),
        SummaryRow(
            "Yerinde ziyaret (yapılan)",
            now["visits_done"],
            prev("visits_done"),
            targets.get("visits_done"),
        ),
        SummaryRow("Yürüyen proje", running or 0, None),
        SummaryRow("Tamamlanan proje", done or 0, None),
        SummaryRow("Süresi geçen kilometre taşı", late_milestones or 0, None),
        SummaryRow("Açık karar", now["decisions_open"], prev("decisions_open")),
        SummaryRow("Süresi geçen karar", now["decisions_late"], prev("decisions_late")),
        SummaryRow(
            f"Kayıtlı firmaların {BASELINE_EXPORT_YEAR} ihracatı",
            float(exports or 0) / 1e6,
            None,
            targets.get("exports_baseline_usd", 0) / 1e6 or None,
            "milyon USD",
            decimals=1,
        ),
    ]


def _visits(
    s: Session, start: dt.date | None, end: dt.date, scrub: Callable[[str], str]
) -> list[VisitRow]:
    q = (
        select(m.Visit)
        .join(m.Firm, m.Firm.id == m.Visit.firm_id)
        .where(m.Firm.deleted_at.is_(None), m.Visit.status == "done")
        .where(m.Visit.starts_at < _end_of(end))
        .options(
            selectinload(m.Visit.firm),
            selectinload(m.Visit.staff),
            selectinload(m.Visit.evaluation).selectinload(m.Evaluation.scores),
        )
        .order_by(m.Visit.starts_at)
    )
    if start is not None:
        q = q.where(m.Visit.starts_at >= _end_of(start))
    rows = []
    for v in s.scalars(q):
        scores = [sc.score for sc in v.evaluation.scores] if v.evaluation else []
        rows.append(
            VisitRow(
                day=v.starts_at,
                firm=v.firm.title,
                district=cat.DISTRICTS.label(v.firm.district),
                sector=cat.SECTORS.label(v.firm.sector),
                team=", ".join(sorted((st.name for st in v.staff), key=collation_key)),
                average_score=round(sum(scores) / len(scores), 2) if scores else None,
                needs=scrub((v.needs or "").strip()),
            )
        )
    return rows


def _projects(s: Session, held_on: dt.date, scrub: Callable[[str], str]) -> list[ProjectRow]:
    q = (
        select(m.Project)
        .where(m.Project.status == "running")
        .options(
            selectinload(m.Project.lead),
            selectinload(m.Project.partners).selectinload(m.ProjectPartner.institution),
            selectinload(m.Project.milestones),
        )
    )
    rows = []
    for p in s.scalars(q):
        late = tuple(
            (scrub(ms.title), ms.due_date)
            for ms in sorted(p.milestones, key=lambda x: x.due_date)
            if ms.done_on is None and ms.due_date < held_on
        )
        partners = sorted(
            (
                f"{pp.institution.short_name or pp.institution.name} "
                f"({cat.PARTNER_ROLES.label(pp.role).lower()})"
            )
            for pp in p.partners
        )
        rows.append(
            ProjectRow(
                code=p.code,
                title=scrub(p.title),
                lead=p.lead.short_name or p.lead.name,
                partners=", ".join(sorted(partners, key=collation_key)),
                progress=p.progress,
                budget_try=p.budget_try,
                spent_try=p.spent_try or 0.0,
                end_date=p.end_date,
                late_milestones=late,
            )
        )
    # Late milestones first (most late first), then by code.
    rows.sort(key=lambda r: (not r.late_milestones, -len(r.late_milestones), r.code))
    return rows


def _decisions(s: Session, meeting: m.Meeting, scrub: Callable[[str], str]) -> list[DecisionRow]:
    day = meeting.held_on
    q = (
        select(m.Decision, m.Meeting.held_on)
        .join(m.Meeting, m.Meeting.id == m.Decision.meeting_id)
        .where(
            m.Meeting.held_on <= day,
            or_(
                m.Decision.status == "open",
                and_(m.Decision.closed_on.is_not(None), m.Decision.closed_on > day),
            ),
        )
        .options(selectinload(m.Decision.owner), selectinload(m.Decision.project))
    )
    rows = []
    for d, decided_on in s.execute(q):
        owner = (d.owner.short_name or d.owner.name) if d.owner else "Sorumlu atanmamış"
        rows.append(
            DecisionRow(
                owner=owner,
                text=scrub(d.text),
                decided_on=decided_on,
                due_date=d.due_date,
                carried_over=d.meeting_id != meeting.id,
                late=d.due_date is not None and d.due_date < day,
                project=d.project.code if d.project else "",
            )
        )
    rows.sort(key=lambda r: (collation_key(r.owner), not r.late, r.due_date or dt.date.max))
    return rows


def _theme_scores(s: Session, start: dt.date | None, end: dt.date) -> list[tuple[str, float]]:
    q = (
        select(m.EvaluationScore.theme, func.avg(m.EvaluationScore.score))
        .join(m.Evaluation, m.Evaluation.id == m.EvaluationScore.evaluation_id)
        .where(m.Evaluation.evaluated_on <= end)
        .group_by(m.EvaluationScore.theme)
    )
    got = {theme: float(average) for theme, average in s.execute(q)}
    return [(e.tr, round(got[e.code], 2)) for e in cat.EVALUATION_THEMES if e.code in got]


def build(db: Database, meeting_id: int) -> PackData:
    """Everything a pack shows for one meeting, read in one read transaction."""
    with db.read() as s:
        meeting = s.get(
            m.Meeting,
            meeting_id,
            options=[
                selectinload(m.Meeting.agenda),
                selectinload(m.Meeting.attendees).selectinload(m.MeetingAttendee.institution),
            ],
        )
        if meeting is None:
            raise PackError(f"{meeting_id} numaralı toplantı bulunamadı.")
        previous = s.scalar(
            select(func.max(m.Meeting.held_on)).where(m.Meeting.held_on < meeting.held_on)
        )
        withheld = privacy.Withheld.load(s)
        scrub = withheld.scrub
        visits = _visits(s, previous, meeting.held_on, scrub)
        attendees = []
        for a in meeting.attendees:
            if a.institution is not None:
                attendees.append(a.institution.name)
            elif a.person:
                attendees.append(scrub(a.person))
        return PackData(
            meeting_id=meeting.id,
            held_on=meeting.held_on,
            place=scrub(meeting.place or ""),
            agenda=[(scrub(a.text), a.carried_decision_id is not None) for a in meeting.agenda],
            attendees=sorted(attendees, key=collation_key),
            period_start=previous,
            summary=_summary(s, db, meeting.held_on, previous),
            visits=visits,
            visits_by_district=_count_by(v.district for v in visits),
            visits_by_sector=_count_by(v.sector for v in visits),
            projects=_projects(s, meeting.held_on, scrub),
            decisions=_decisions(s, meeting, scrub),
            theme_scores=_theme_scores(s, previous, meeting.held_on),
            masked=withheld.masked,
        )


def _count_by(labels: Iterable[str]) -> list[tuple[str, int]]:
    counts = Counter(labels)
    return sorted(counts.items(), key=lambda kv: (-kv[1], collation_key(kv[0])))
