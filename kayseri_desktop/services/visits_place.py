"""Planning by place: firms not yet visited, grouped by district and OSB, and a day of
visits one after another with travel gaps between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kayseri_desktop.core.catalogues import DISTRICTS, OSBS
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.services.visits import VisitDraft, VisitError

NO_OSB = ""
"""Group key of firms outside any industrial zone."""


@dataclass(frozen=True)
class PlaceFirm:
    id: int
    title: str
    title_sort: str
    district: str
    osb: str
    address: str
    sector: str | None


@dataclass(frozen=True)
class PlaceGroup:
    district: str
    """District code ('' when the firm has none)."""
    osb: str
    """OSB code, or NO_OSB."""
    firms: tuple[PlaceFirm, ...]

    @property
    def label(self) -> str:
        district = DISTRICTS.label(self.district) if self.district else "İlçesi belirsiz"
        osb = OSBS.label(self.osb) if self.osb else "OSB dışı"
        return f"{district} — {osb}"


def unvisited_firms(db: Database) -> list[PlaceGroup]:
    """Live firms with no visit done or planned, grouped by district then OSB.

    Districts in Turkish alphabetical order; within a district, firms outside an OSB
    come after the zones; firms by title.
    """
    taken = select(m.Visit.firm_id).where(m.Visit.status.in_(("done", "planned", "postponed")))
    stmt = (
        select(
            m.Firm.id,
            m.Firm.title,
            m.Firm.title_sort,
            m.Firm.district,
            m.Firm.osb,
            m.Firm.address,
            m.Firm.sector,
        )
        .where(m.Firm.deleted_at.is_(None), m.Firm.id.not_in(taken))
        .order_by(m.Firm.title_sort, m.Firm.id)
    )
    groups: dict[tuple[str, str], list[PlaceFirm]] = {}
    with db.read() as s:
        for fid, title, sort, district, osb, address, sector in s.execute(stmt):
            firm = PlaceFirm(fid, title, sort, district or "", osb or NO_OSB, address or "", sector)
            groups.setdefault((firm.district, firm.osb), []).append(firm)

    def order(key: tuple[str, str]) -> tuple[bool, str, bool, str]:
        district, osb = key
        return (
            district == "",
            collation_key(DISTRICTS.label(district)),
            osb == NO_OSB,
            collation_key(OSBS.label(osb)),
        )

    return [PlaceGroup(d, o, tuple(groups[(d, o)])) for d, o in sorted(groups, key=order)]


def day_plan(
    firm_ids: Sequence[int],
    day: dt.date,
    first_start: dt.time,
    minutes: int,
    travel_minutes: int,
    staff_ids: Sequence[int],
    purpose: str = "",
) -> list[VisitDraft]:
    """Visits one after another from ``first_start``, ``travel_minutes`` apart."""
    if not firm_ids:
        raise VisitError("Firma seçilmedi: aynı güne planlanacak firmaları seçin.")
    if minutes <= 0:
        raise VisitError("Süre: ziyaretin süresi en az 1 dakika olmalı.")
    if travel_minutes < 0:
        raise VisitError("Yol süresi: eksi olamaz.")
    start = dt.datetime.combine(day, first_start)
    drafts = []
    for fid in firm_ids:
        draft = VisitDraft(fid, start, minutes, tuple(staff_ids), purpose)
        if draft.ends_at.date() != day:
            raise VisitError(
                f"{len(firm_ids)} ziyaret {first_start:%H:%M}'ten başlayarak aynı güne sığmıyor."
            )
        drafts.append(draft)
        start = draft.ends_at + dt.timedelta(minutes=travel_minutes)
    return drafts


@dataclass(frozen=True)
class FirmChoice:
    id: int
    title: str
    district: str
    search: str
    """Folded title, short name and tax number (core.turkish.fold), for the firm picker."""


def firm_choices(db: Database) -> list[FirmChoice]:
    """Live firms in Turkish order, for picking the firm of a visit."""
    stmt = (
        select(m.Firm.id, m.Firm.title, m.Firm.district, m.Firm.short_name, m.Firm.tax_no)
        .where(m.Firm.deleted_at.is_(None))
        .order_by(m.Firm.title_sort, m.Firm.id)
    )
    with db.read() as s:
        return [
            FirmChoice(
                fid,
                title,
                DISTRICTS.label(district) if district else "",
                fold(f"{title} {short or ''} {tax_no}"),
            )
            for fid, title, district, short, tax_no in s.execute(stmt)
        ]


def filter_firms(choices: Sequence[FirmChoice], query: str, limit: int = 200) -> list[FirmChoice]:
    """Firms whose folded title holds every word of the query ("cagri mob" → ÇAĞRI MOBİLYA)."""
    words = fold(query).split()
    out = []
    for choice in choices:
        if all(w in choice.search for w in words):
            out.append(choice)
            if len(out) >= limit:
                break
    return out
