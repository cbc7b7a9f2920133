"""Committee meetings: attendees, agenda, decisions as action items, and carry-over.

Pure SQLAlchemy, no Qt; writes go through ``db.write()`` (audited, announced).

Carry-over: every decision still open from a meeting held before a new meeting's date
goes onto the new meeting's agenda automatically, as an item whose
``carried_decision_id`` points at the decision ("Devreden karar: ..."). Saving a
meeting always makes sure those items are there, so it cannot be forgotten; they are
not duplicated when the meeting is saved again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.sql.elements import ColumnElement

from kayseri_desktop.core import catalogues as cat
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.coordination import ValidationError, writing

CARRIED_PREFIX = "Devreden karar: "


@dataclass
class AttendeeData:
    institution_id: int | None = None
    person: str | None = None


@dataclass
class AgendaData:
    text: str
    carried_decision_id: int | None = None


@dataclass
class DecisionData:
    text: str
    owner_id: int | None = None
    due_date: dt.date | None = None
    status: str = "open"
    project_id: int | None = None
    closed_on: dt.date | None = None
    id: int | None = None


@dataclass
class MeetingData:
    held_on: dt.date | None
    place: str | None = None
    notes: str | None = None
    attendees: list[AttendeeData] = field(default_factory=list)
    agenda: list[AgendaData] = field(default_factory=list)
    decisions: list[DecisionData] = field(default_factory=list)


def validate_meeting(data: MeetingData) -> list[str]:
    errors = []
    if data.held_on is None:
        errors.append("Toplantı tarihi girilmeli.")
    for n, a in enumerate(data.attendees, 1):
        if a.institution_id is None and not (a.person or "").strip():
            errors.append(f"Katılımcı {n}: kurum ya da kişi adı girilmeli.")
    for n, item in enumerate(data.agenda, 1):
        if not (item.text or "").strip():
            errors.append(f"Gündem maddesi {n}: metin boş olamaz.")
    for n, d in enumerate(data.decisions, 1):
        if not (d.text or "").strip():
            errors.append(f"Karar {n}, Karar metni: boş olamaz.")
        if cat.DECISION_STATUSES.get(d.status) is None:
            errors.append(f"Karar {n}, Durum: geçersiz ('{d.status}').")
        if d.due_date and data.held_on and d.due_date < data.held_on:
            errors.append(f"Karar {n}, Son tarih: toplantı tarihinden önce olamaz.")
    return errors


def carried_items(
    db: Database, held_on: dt.date, *, exclude_meeting: int | None = None
) -> list[AgendaData]:
    """Agenda items for every decision still open from meetings held before ``held_on``."""
    stmt = (
        select(m.Decision.id, m.Decision.text, m.Meeting.held_on)
        .join(m.Meeting, m.Meeting.id == m.Decision.meeting_id)
        .where(m.Decision.status == "open", m.Meeting.held_on < held_on)
        .order_by(m.Meeting.held_on, m.Decision.id)
    )
    if exclude_meeting is not None:
        stmt = stmt.where(m.Decision.meeting_id != exclude_meeting)
    with db.read() as s:
        return [
            AgendaData(f"{CARRIED_PREFIX}{text} ({held:%d.%m.%Y})", did)
            for did, text, held in s.execute(stmt)
        ]


def _with_carried(db: Database, data: MeetingData, ident: int | None) -> list[AgendaData]:
    have = {a.carried_decision_id for a in data.agenda if a.carried_decision_id}
    assert data.held_on is not None
    missing = [
        a
        for a in carried_items(db, data.held_on, exclude_meeting=ident)
        if a.carried_decision_id not in have
    ]
    carried = [a for a in data.agenda if a.carried_decision_id]
    own = [a for a in data.agenda if not a.carried_decision_id]
    return carried + missing + own


def save_meeting(
    db: Database, data: MeetingData, ident: int | None = None, *, today: dt.date | None = None
) -> int:
    """Create or update a meeting; open decisions of earlier meetings are carried in."""
    errors = validate_meeting(data)
    held_on = data.held_on
    if errors or held_on is None:  # validate_meeting names a missing date
        raise ValidationError(errors)
    today = today or dt.date.today()
    agenda = _with_carried(db, data, ident)
    with writing(db) as s:
        meeting = m.Meeting() if ident is None else s.get(m.Meeting, ident)
        if meeting is None:
            raise ValidationError(["Toplantı bulunamadı (başka biri silmiş olabilir)."])
        meeting.held_on = held_on
        meeting.place = (data.place or "").strip() or None
        meeting.notes = (data.notes or "").strip() or None
        s.add(meeting)
        s.flush()
        meeting.attendees = [
            m.MeetingAttendee(
                institution_id=a.institution_id, person=(a.person or "").strip() or None
            )
            for a in data.attendees
        ]
        meeting.agenda = [
            m.AgendaItem(position=i, text=a.text.strip(), carried_decision_id=a.carried_decision_id)
            for i, a in enumerate(agenda, 1)
        ]
        keep = {d.id for d in data.decisions if d.id is not None}
        for old in list(meeting.decisions):
            if old.id not in keep:
                meeting.decisions.remove(old)
        for d in data.decisions:
            row = s.get(m.Decision, d.id) if d.id is not None else None
            if row is None or row.meeting_id != meeting.id:
                row = m.Decision()
                meeting.decisions.append(row)
            row.text = d.text.strip()
            row.owner_institution_id = d.owner_id
            row.due_date = d.due_date
            row.project_id = d.project_id
            _set_status(row, d.status, d.closed_on or today)
        return meeting.id


def _set_status(row: m.Decision, status: str, on: dt.date) -> None:
    if status == "open":
        row.closed_on = None
    elif row.status != status or row.closed_on is None:
        row.closed_on = on
    row.status = status


def set_decision_status(db: Database, decision_id: int, status: str, on: dt.date) -> None:
    """Close (done/cancelled, on a day) or reopen an action item."""
    if cat.DECISION_STATUSES.get(status) is None:
        raise ValidationError([f"Karar durumu geçersiz: '{status}'."])
    with writing(db) as s:
        row = s.get(m.Decision, decision_id)
        if row is None:
            raise ValidationError(["Karar bulunamadı."])
        _set_status(row, status, on)


def load_meeting(db: Database, ident: int) -> MeetingData:
    with db.read() as s:
        mt = s.get(m.Meeting, ident)
        if mt is None:
            raise ValidationError(["Toplantı bulunamadı."])
        return MeetingData(
            mt.held_on,
            mt.place,
            mt.notes,
            [AttendeeData(a.institution_id, a.person) for a in mt.attendees],
            [AgendaData(a.text, a.carried_decision_id) for a in mt.agenda],
            [
                DecisionData(
                    d.text,
                    d.owner_institution_id,
                    d.due_date,
                    d.status,
                    d.project_id,
                    d.closed_on,
                    d.id,
                )
                for d in sorted(mt.decisions, key=lambda d: d.id)
            ],
        )


# -- listings --------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingRow:
    id: int
    held_on: dt.date
    place: str | None
    decisions: int
    open_decisions: int
    attendees: int = 0
    carried: int = 0


def meetings(db: Database) -> list[MeetingRow]:
    """Meetings, latest first, with decision totals, open ones, attendees and carried items."""
    counts = (
        select(
            m.Decision.meeting_id.label("mid"),
            func.count().label("total"),
            func.sum(case((m.Decision.status == "open", 1), else_=0)).label("open"),
        )
        .group_by(m.Decision.meeting_id)
        .subquery()
    )
    people = (
        select(m.MeetingAttendee.meeting_id.label("mid"), func.count().label("n"))
        .group_by(m.MeetingAttendee.meeting_id)
        .subquery()
    )
    carried = (
        select(m.AgendaItem.meeting_id.label("mid"), func.count().label("n"))
        .where(m.AgendaItem.carried_decision_id.is_not(None))
        .group_by(m.AgendaItem.meeting_id)
        .subquery()
    )
    stmt = (
        select(
            m.Meeting.id,
            m.Meeting.held_on,
            m.Meeting.place,
            func.coalesce(counts.c.total, 0),
            func.coalesce(counts.c.open, 0),
            func.coalesce(people.c.n, 0),
            func.coalesce(carried.c.n, 0),
        )
        .outerjoin(counts, counts.c.mid == m.Meeting.id)
        .outerjoin(people, people.c.mid == m.Meeting.id)
        .outerjoin(carried, carried.c.mid == m.Meeting.id)
        .order_by(m.Meeting.held_on.desc(), m.Meeting.id.desc())
    )
    with db.read() as s:
        return [MeetingRow(*row) for row in s.execute(stmt)]


@dataclass(frozen=True)
class DecisionRow:
    id: int
    text: str
    owner: str
    due_date: dt.date | None
    status: str
    owner_id: int | None = None
    project: str = ""
    held_on: dt.date | None = None
    meeting_id: int | None = None
    late: bool = False
    closed_on: dt.date | None = None


def _decisions(db: Database, today: dt.date, *conditions: ColumnElement[bool]) -> list[DecisionRow]:
    stmt = (
        select(
            m.Decision.id,
            m.Decision.text,
            m.Institution.name,
            m.Institution.short_name,
            m.Decision.due_date,
            m.Decision.status,
            m.Decision.owner_institution_id,
            m.Project.code,
            m.Meeting.held_on,
            m.Decision.meeting_id,
            m.Decision.closed_on,
        )
        .join(m.Meeting, m.Meeting.id == m.Decision.meeting_id)
        .outerjoin(m.Institution, m.Institution.id == m.Decision.owner_institution_id)
        .outerjoin(m.Project, m.Project.id == m.Decision.project_id)
        .where(*conditions)
        .order_by(m.Decision.id)
    )
    with db.read() as s:
        return [
            DecisionRow(
                did,
                text,
                short or name or "",
                due,
                status,
                owner,
                code or "",
                held,
                mid,
                status == "open" and due is not None and due < today,
                closed,
            )
            for did, text, name, short, due, status, owner, code, held, mid, closed in s.execute(
                stmt
            )
        ]


def meeting_decisions(db: Database, meeting_id: int, today: dt.date) -> list[DecisionRow]:
    """One meeting's decisions in the order they were taken."""
    return _decisions(db, today, m.Decision.meeting_id == meeting_id)


def open_action_items(
    db: Database, today: dt.date, *, owner_id: int | None = None
) -> list[DecisionRow]:
    """Open decisions of every meeting (one owner's, when given), most urgent first."""
    conditions = [m.Decision.status == "open"]
    if owner_id is not None:
        conditions.append(m.Decision.owner_institution_id == owner_id)
    rows = _decisions(db, today, *conditions)
    return sorted(rows, key=lambda r: (r.due_date or dt.date.max, r.id))


@dataclass(frozen=True)
class AgendaRow:
    position: int
    text: str
    carried: bool


def meeting_agenda(db: Database, meeting_id: int) -> list[AgendaRow]:
    stmt = (
        select(m.AgendaItem.position, m.AgendaItem.text, m.AgendaItem.carried_decision_id)
        .where(m.AgendaItem.meeting_id == meeting_id)
        .order_by(m.AgendaItem.position, m.AgendaItem.id)
    )
    with db.read() as s:
        return [AgendaRow(p, t, c is not None) for p, t, c in s.execute(stmt)]
