"""The firm scorecard (Firma Karnesi): what a visited firm gets back from the programme.

A scorecard holds the firm's profile, its theme scores against its sector's and the
province's averages (services/findings.py's score source for every firm), the needs
and findings of its latest done visit, the follow-ups agreed (owner, date), and the
support instruments that fit its needs, size and export status.

KVKK: no contact person's personal data unless asked (``with_contacts``), and then
only consenting contacts (services/privacy.release). E-mail addresses and phone numbers
of contacts typed into free text (needs, notes, follow-ups) are masked: every
contact's when contacts are not asked for, the non-consenting ones' otherwise.

``build`` reads everything for many firms in a few queries, so a batch of 450 cards
costs little more than their drawing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kayseri_desktop.core.taxid import is_valid
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of
from kayseri_desktop.services import findings, privacy, support_instruments
from kayseri_desktop.services.support_instruments import Match
from kayseri_desktop.services.visit_needs import NeedItem

MAX_INSTRUMENTS = 5
"""Support instruments on a card: those answering the most urgent needs first."""


class ScorecardError(ValueError):
    """A scorecard that cannot be made (Turkish, naming the firm)."""


@dataclass(frozen=True)
class FollowUpLine:
    action: str
    owner: str
    due_date: dt.date | None
    done_on: dt.date | None


@dataclass(frozen=True)
class ContactLine:
    name: str
    title: str
    phone: str
    email: str


@dataclass(frozen=True)
class Scorecard:
    firm_id: int
    title: str
    tax_no: str
    sector: str
    district: str
    osb: str
    size: str
    employees: int | None
    founded_year: int | None
    products: str
    certifications: str
    exports: tuple[tuple[int, int], ...]  # (year, USD), latest last
    markets: tuple[str, ...]
    visit_day: dt.date | None
    team: tuple[str, ...]
    evaluated_on: dt.date | None
    evaluation_kind: str | None  # field | desk | None (not evaluated)
    scores: dict[str, int]
    sector_average: dict[str, float]
    province_average: dict[str, float]
    sector_firms: int
    province_firms: int
    needs: tuple[NeedItem, ...]  # most urgent first
    needs_text: str
    notes: str
    follow_ups: tuple[FollowUpLine, ...]
    instruments: tuple[Match, ...]
    catalogue_as_of: dt.date | None
    contacts: tuple[ContactLine, ...]
    contacts_left_out: int
    masked: int  # e-mails/phones masked in free text

    @property
    def exporter(self) -> bool:
        return any(usd > 0 for _, usd in self.exports)


def _phone_key(text: str) -> str | None:
    """The last ten digits, as services/privacy.Withheld compares phone numbers."""
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[-10:] if len(digits) >= 10 else None


def find_firm(db: Database, tax_no: str) -> int:
    """The live firm with this VKN (or TCKN); ScorecardError in Turkish otherwise."""
    tax_no = tax_no.strip()
    if not is_valid(tax_no):
        raise ScorecardError(
            f"“{tax_no}” geçerli bir vergi numarası (VKN, 10 hane) ya da TC kimlik "
            "numarası (11 hane) değil; kontrol hanesini denetleyin."
        )
    with db.read() as s:
        row = s.execute(select(m.Firm.id, m.Firm.deleted_at).where(m.Firm.tax_no == tax_no)).first()
    if row is None:
        raise ScorecardError(f"{tax_no} vergi numaralı firma kayıtlı değil.")
    if row.deleted_at is not None:
        raise ScorecardError(f"{tax_no} vergi numaralı firma silinmiş; karnesi yapılmaz.")
    return int(row.id)


def visited_firm_ids(db: Database) -> list[int]:
    """Live firms with at least one done visit, by title."""
    with db.read() as s:
        return list(
            s.scalars(
                select(m.Firm.id)
                .where(
                    m.Firm.deleted_at.is_(None),
                    m.Firm.id.in_(select(m.Visit.firm_id).where(m.Visit.status == "done")),
                )
                .order_by(m.Firm.title_sort, m.Firm.id)
            )
        )


def _averages(firms: Sequence[findings.FirmScores]) -> dict[str, float]:
    sums: dict[str, list[int]] = defaultdict(list)
    for f in firms:
        for theme, score in f.scores.items():
            sums[theme].append(score)
    return {t: sum(v) / len(v) for t, v in sums.items()}


def build(db: Database, firm_ids: Sequence[int], *, with_contacts: bool = False) -> list[Scorecard]:
    """Scorecards of ``firm_ids`` (in that order)."""
    data = findings.load(db)
    by_id = data.by_id()
    province = _averages(data.firms)
    by_sector: dict[str, list[findings.FirmScores]] = defaultdict(list)
    for f in data.firms:
        by_sector[f.sector].append(f)
    sector_avg = {k: _averages(v) for k, v in by_sector.items()}
    ids = list(dict.fromkeys(firm_ids))
    with db.read() as s:
        dialect = s.get_bind().dialect.name
        firms = {
            f.id: f
            for f in s.scalars(
                select(m.Firm)
                .where(one_of(m.Firm.id, ids, dialect))
                .options(
                    selectinload(m.Firm.exports),
                    selectinload(m.Firm.markets),
                    selectinload(m.Firm.contacts),
                )
            )
        }
        latest: dict[int, m.Visit] = {}
        for v in s.scalars(
            select(m.Visit)
            .where(one_of(m.Visit.firm_id, ids, dialect), m.Visit.status == "done")
            .order_by(m.Visit.starts_at, m.Visit.id)
            .options(selectinload(m.Visit.follow_ups), selectinload(m.Visit.staff))
        ):
            latest[v.firm_id] = v
        visit_ids = [v.id for v in latest.values()]
        needs: dict[int, list[NeedItem]] = defaultdict(list)
        for vid, need, priority, note in s.execute(
            select(m.VisitNeed.visit_id, m.VisitNeed.need, m.VisitNeed.priority, m.VisitNeed.note)
            .where(one_of(m.VisitNeed.visit_id, visit_ids, dialect))
            .order_by(m.VisitNeed.visit_id, m.VisitNeed.priority, m.VisitNeed.need)
        ):
            needs[vid].append(NeedItem(need, priority, note or ""))
        instruments = support_instruments.catalogue(s)
        withheld = privacy.Withheld.load(s)
        cards = []
        for fid in ids:
            firm = firms.get(fid)
            if firm is None or firm.deleted_at is not None:
                raise ScorecardError(f"{fid} numaralı firma bulunamadı ya da silinmiş.")
            cards.append(
                _card(
                    firm,
                    latest.get(fid),
                    needs,
                    by_id.get(fid),
                    sector_avg,
                    province,
                    by_sector,
                    len(data.firms),
                    instruments,
                    withheld,
                    with_contacts,
                )
            )
    return cards


def _card(
    firm: m.Firm,
    visit: m.Visit | None,
    needs: dict[int, list[NeedItem]],
    scored: findings.FirmScores | None,
    sector_avg: dict[str, dict[str, float]],
    province: dict[str, float],
    by_sector: dict[str, list[findings.FirmScores]],
    scored_firms: int,
    instruments: Sequence[support_instruments.Instrument],
    withheld: privacy.Withheld,
    with_contacts: bool,
) -> Scorecard:
    released = privacy.release(firm.contacts)
    if with_contacts:
        mask = privacy.Withheld(withheld.emails, withheld.phones)
    else:  # nobody's address or number leaves on this card
        emails = {c.email.strip().casefold() for c in firm.contacts if c.email}
        phones = {k for k in (_phone_key(c.phone or "") for c in firm.contacts) if k}
        mask = privacy.Withheld(withheld.emails | emails, withheld.phones | phones)
    items = tuple(needs.get(visit.id, ())) if visit else ()
    exports = tuple((e.year, e.usd) for e in firm.exports)
    sector = firm.sector or findings.UNSET
    matches = support_instruments.matching(
        instruments,
        [i.need for i in items],
        size=firm.size_class,
        exports=any(usd > 0 for _, usd in exports),
        limit=MAX_INSTRUMENTS,
    )
    as_of = max((i.as_of for i in instruments if i.as_of), default=None)
    follow_ups = (
        tuple(
            FollowUpLine(mask.scrub(f.action), mask.scrub(f.owner or ""), f.due_date, f.done_on)
            for f in sorted(visit.follow_ups, key=lambda f: (f.due_date or dt.date.max, f.id))
        )
        if visit
        else ()
    )
    contacts = (
        tuple(
            ContactLine(c.name, c.title or "", c.phone or "", c.email or "") for c in released.kept
        )
        if with_contacts
        else ()
    )
    return Scorecard(
        firm_id=firm.id,
        title=firm.title,
        tax_no=firm.tax_no,
        sector=sector,
        district=firm.district or "",
        osb=firm.osb or "",
        size=firm.size_class or "",
        employees=firm.employees,
        founded_year=firm.founded_year,
        products=firm.products or "",
        certifications=firm.certifications or "",
        exports=exports,
        markets=tuple(sorted(mk.country for mk in firm.markets)),
        visit_day=visit.starts_at.date() if visit else None,
        team=tuple(p.name for p in visit.staff) if visit else (),
        evaluated_on=scored.evaluated_on if scored else None,
        evaluation_kind=("field" if scored.visited else "desk") if scored else None,
        scores=dict(scored.scores) if scored else {},
        sector_average=sector_avg.get(sector, {}),
        province_average=province,
        sector_firms=len(by_sector.get(sector, ())),
        province_firms=scored_firms,
        needs=items,
        needs_text=mask.scrub(visit.needs or "") if visit else "",
        notes=mask.scrub(visit.notes or "") if visit else "",
        follow_ups=follow_ups,
        instruments=tuple(matches),
        catalogue_as_of=as_of,
        contacts=contacts,
        contacts_left_out=(released.left_out if with_contacts else len(firm.contacts)),
        masked=mask.masked,
    )
