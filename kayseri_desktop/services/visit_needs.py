"""A visit's needs as catalogue items with a priority (core/catalogues.NEEDS), beside
the free text the visit has always had (visits.needs, kept and shown as it is).

The findings form (GUI) and imports call ``set_needs``; views read ``needs_of``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kayseri_desktop.core.catalogues import NEED_PRIORITIES, NEEDS
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database


class NeedError(ValueError):
    """Needs that cannot be saved as given (Turkish, naming the item)."""


@dataclass(frozen=True)
class NeedItem:
    need: str  # a NEEDS code
    priority: int = 2  # 1 high, 2 medium, 3 low
    note: str = ""

    @property
    def label(self) -> str:
        return NEEDS.label(self.need)

    @property
    def priority_label(self) -> str:
        return NEED_PRIORITIES.label(str(self.priority))


@dataclass(frozen=True)
class VisitNeeds:
    visit_id: int
    items: tuple[NeedItem, ...]  # most urgent first
    free_text: str  # what was typed before needs were structured (or beside them)


def validate(items: Sequence[NeedItem]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        if NEEDS.get(item.need) is None:
            raise NeedError(f"İhtiyaçlar, satır {i}: bilinmeyen ihtiyaç “{item.need}”.")
        if NEED_PRIORITIES.get(str(item.priority)) is None:
            raise NeedError(
                f"İhtiyaçlar, satır {i} ({NEEDS.label(item.need)}): öncelik 1 (yüksek), "
                f"2 (orta) ya da 3 (düşük) olmalı; {item.priority} verildi."
            )
        if item.need in seen:
            raise NeedError(
                f"İhtiyaçlar, satır {i}: “{NEEDS.label(item.need)}” iki kez seçildi; "
                "her ihtiyaç bir kez, bir öncelikle yazılır."
            )
        seen.add(item.need)


def set_needs(db: Database, visit_id: int, items: Sequence[NeedItem]) -> None:
    """Replace a visit's structured needs (one transaction, audited); free text untouched."""
    validate(items)
    with db.write() as s:
        if s.get(m.Visit, visit_id) is None:
            raise NeedError("Ziyaret bulunamadı (başka biri silmiş olabilir).")
        mine = select(m.VisitNeed).where(m.VisitNeed.visit_id == visit_id)
        old = {r.need: r for r in s.scalars(mine)}
        wanted = {i.need: i for i in items}
        for code, row in old.items():
            if code not in wanted:
                s.delete(row)
        for code, item in wanted.items():
            note = item.note.strip() or None
            have = old.get(code)
            if have is None:
                s.add(m.VisitNeed(visit_id=visit_id, need=code, priority=item.priority, note=note))
            else:
                have.priority, have.note = item.priority, note


def needs_of(db: Database, visit_id: int) -> VisitNeeds:
    with db.read() as s:
        visit = s.get(m.Visit, visit_id)
        if visit is None:
            raise NeedError("Ziyaret bulunamadı (başka biri silmiş olabilir).")
        rows = s.scalars(
            select(m.VisitNeed)
            .where(m.VisitNeed.visit_id == visit_id)
            .order_by(m.VisitNeed.priority, m.VisitNeed.need)
        ).all()
        items = tuple(NeedItem(r.need, r.priority, r.note or "") for r in rows)
        return VisitNeeds(visit_id, items, visit.needs or "")
