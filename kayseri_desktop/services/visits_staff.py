"""The field team: KTO staff, university members and experts who make the visits."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select

from kayseri_desktop.core.catalogues import STAFF_KINDS
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.visits import VisitError

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    kind: str
    title: str
    email: str
    phone: str
    active: bool
    upcoming: int
    """Planned visits from today on."""


@dataclass(frozen=True)
class StaffDraft:
    name: str
    kind: str
    title: str = ""
    email: str = ""
    phone: str = ""


def list_staff(db: Database, today: dt.date, *, active_only: bool = False) -> list[StaffRow]:
    """Everyone (or the active), in Turkish alphabetical order, with upcoming visit counts."""
    since = dt.datetime.combine(today, dt.time.min)
    upcoming = (
        select(m.VisitStaff.staff_id.label("sid"), func.count().label("n"))
        .join(m.Visit, m.Visit.id == m.VisitStaff.visit_id)
        .where(m.Visit.status == "planned", m.Visit.starts_at >= since)
        .group_by(m.VisitStaff.staff_id)
        .subquery()
    )
    stmt = select(
        m.Staff.id,
        m.Staff.name,
        m.Staff.kind,
        m.Staff.title,
        m.Staff.email,
        m.Staff.phone,
        m.Staff.active,
        func.coalesce(upcoming.c.n, 0),
    ).outerjoin(upcoming, upcoming.c.sid == m.Staff.id)
    if active_only:
        stmt = stmt.where(m.Staff.active.is_(True))
    with db.read() as s:
        rows = [
            StaffRow(i, n, k, t or "", e or "", p or "", bool(a), int(c))
            for i, n, k, t, e, p, a, c in s.execute(stmt)
        ]
    return sorted(rows, key=lambda r: (collation_key(r.name), r.id))


def _validated(draft: StaffDraft) -> StaffDraft:
    name = " ".join(draft.name.split())
    if not name:
        raise VisitError("Ad soyad: boş olamaz.")
    if STAFF_KINDS.get(draft.kind) is None:
        raise VisitError(f"Tür: “{draft.kind}” tanınmıyor.")
    email = draft.email.strip()
    if email and not EMAIL.match(email):
        raise VisitError(f"E-posta: “{email}” geçerli bir adres değil.")
    return StaffDraft(name, draft.kind, draft.title.strip(), email, draft.phone.strip())


def add_staff(db: Database, draft: StaffDraft) -> int:
    d = _validated(draft)
    with db.write() as s:
        person = m.Staff(
            name=d.name,
            kind=d.kind,
            title=d.title or None,
            email=d.email or None,
            phone=d.phone or None,
            active=True,
        )
        s.add(person)
        s.flush()
        return person.id


def edit_staff(db: Database, staff_id: int, draft: StaffDraft) -> None:
    d = _validated(draft)
    with db.write() as s:
        person = s.get(m.Staff, staff_id)
        if person is None:
            raise VisitError("Kişi bulunamadı.")
        person.name, person.kind = d.name, d.kind
        person.title, person.email, person.phone = d.title or None, d.email or None, d.phone or None


def set_active(db: Database, staff_id: int, active: bool) -> None:
    """Retire (active False) or bring back a field-team member; their past visits stay."""
    with db.write() as s:
        person = s.get(m.Staff, staff_id)
        if person is None:
            raise VisitError("Kişi bulunamadı.")
        person.active = active
