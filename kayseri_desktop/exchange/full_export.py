"""The whole database in one workbook, a sheet per kind of record, for archiving.

Contacts (personal data under KVKK) are written only when asked for, and then only
those services/privacy.py lets out (recorded consent); the result says how many were
left out and why. Deleted
firms (in the recycle bin) are left out. Codes are written as their Turkish labels.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Executable, func, select
from sqlalchemy.orm import Session, aliased

from kayseri_desktop.core import catalogues as cat
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange.xlsx import (
    FMT_DATE,
    FMT_DATETIME,
    FMT_MONEY,
    CellValue,
    Column,
    new_workbook,
    save_atomic,
    write_sheet,
)
from kayseri_desktop.services import privacy

# A sheet's rows, read in the export's one read session.
Rows = Callable[[Session], Iterable[Sequence[CellValue]]]


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Rows


def _label(catalogue: cat.Catalogue) -> Callable[[str | None], str]:
    return lambda code: catalogue.label(code) if code else ""


def _firms(s: Session) -> Iterator[tuple[CellValue, ...]]:
    markets = (
        select(m.FirmMarket.firm_id, func.group_concat(m.FirmMarket.country, ", ").label("c"))
        .group_by(m.FirmMarket.firm_id)
        .subquery()
        if s.get_bind().dialect.name == "sqlite"
        else select(m.FirmMarket.firm_id, func.string_agg(m.FirmMarket.country, ", ").label("c"))
        .group_by(m.FirmMarket.firm_id)
        .subquery()
    )
    q = (
        select(m.Firm, markets.c.c)
        .outerjoin(markets, markets.c.firm_id == m.Firm.id)
        .where(m.Firm.deleted_at.is_(None))
        .order_by(m.Firm.title_sort)
    )
    sector, district, osb, size = (
        _label(cat.SECTORS),
        _label(cat.DISTRICTS),
        _label(cat.OSBS),
        _label(cat.SIZE_CLASSES),
    )
    for f, mk in s.execute(q.execution_options(yield_per=2000)):
        yield (
            f.id, f.title, f.short_name, f.tax_no, f.trade_registry_no, f.kto_member_no,
            f.nace_code, sector(f.sector), district(f.district), osb(f.osb), f.address,
            f.phone, f.email, f.web, f.founded_year, f.employees, size(f.size_class),
            f.products, f.certifications, mk or "", f.notes,
        )  # fmt: skip


FIRM_COLUMNS = [
    Column("No"), Column("Unvan", 50), Column("Kısa ad"), Column("Vergi No"),
    Column("Ticaret sicil no"), Column("KTO üye no"), Column("NACE"), Column("Sektör"),
    Column("İlçe"), Column("OSB"), Column("Adres", 40), Column("Telefon"), Column("E-posta"),
    Column("Web"), Column("Kuruluş yılı", number_format="0"), Column("Çalışan"),
    Column("Ölçek"), Column("Ürünler", 40), Column("Belgeler"), Column("İhracat pazarları"),
    Column("Notlar", 40),
]  # fmt: skip


CONTACT_COLUMNS = [
    Column("Firma", 50), Column("Ad soyad"), Column("Unvan"), Column("Telefon"),
    Column("E-posta"), Column("KVKK onay tarihi", None, FMT_DATE),
]  # fmt: skip


def _contacts(left_out: list[int]) -> Rows:
    """Contacts of live firms that privacy.release lets out; appends how many it left out."""

    def rows(s: Session) -> Iterator[tuple[CellValue, ...]]:
        q = (
            select(m.Firm.title.label("firm"), m.Contact.name, m.Contact.title.label("role"),
                   m.Contact.phone, m.Contact.email, *privacy.CONSENT)
            .select_from(m.Contact).join(m.Firm, m.Firm.id == m.Contact.firm_id)
            .where(m.Firm.deleted_at.is_(None)).order_by(m.Firm.title_sort, m.Contact.name)
        )  # fmt: skip
        released = privacy.release(s.execute(q))
        left_out.append(released.left_out)
        for r in released.kept:
            yield (r.firm, r.name, r.role, r.phone, r.email, r.kvkk_consent_date)

    return rows


def _simple(query: Executable, convert: Callable[..., Sequence[CellValue]]) -> Rows:
    def rows(s: Session) -> Iterator[Sequence[CellValue]]:
        for row in s.execute(query):
            yield convert(*row)

    return rows


def _sheets(with_contacts: bool, left_out: list[int]) -> list[Sheet]:
    live = m.Firm.deleted_at.is_(None)
    lead = aliased(m.Institution)
    owner = aliased(m.Institution)
    status_v, status_p, status_d = (
        _label(cat.VISIT_STATUSES),
        _label(cat.PROJECT_STATUSES),
        _label(cat.DECISION_STATUSES),
    )
    sheets = [Sheet("Firmalar", FIRM_COLUMNS, _firms)]
    if with_contacts:
        sheets.append(Sheet("Yetkililer", CONTACT_COLUMNS, _contacts(left_out)))
    sheets += [
        Sheet(
            "Değerlendirmeler",
            [Column("Firma", 50), Column("Tarih", None, FMT_DATE), Column("Tür"),
             Column("Değerlendiren"), Column("Ortalama puan", None, "0.00"), Column("Notlar", 40)],
            _simple(
                select(m.Firm.title, m.Evaluation.evaluated_on, m.Evaluation.kind,
                       m.Evaluation.evaluator, func.avg(m.EvaluationScore.score),
                       m.Evaluation.notes)
                .join(m.Firm, m.Firm.id == m.Evaluation.firm_id)
                .outerjoin(m.EvaluationScore)
                .where(live).group_by(m.Evaluation.id, m.Firm.title, m.Firm.title_sort)
                .order_by(m.Firm.title_sort, m.Evaluation.evaluated_on),
                lambda t, d, k, e, a, n: (t, d, cat.EVALUATION_KINDS.label(k), e,
                                          None if a is None else round(float(a), 2), n),
            ),
        ),
        Sheet(
            "Ziyaretler",
            [Column("Başlangıç", None, FMT_DATETIME), Column("Bitiş", None, FMT_DATETIME),
             Column("Firma", 50), Column("Durum"), Column("Amaç", 30),
             Column("Tespit edilen ihtiyaçlar", 40), Column("Durum gerekçesi", 30)],
            _simple(
                select(m.Visit.starts_at, m.Visit.ends_at, m.Firm.title, m.Visit.status,
                       m.Visit.purpose, m.Visit.needs, m.Visit.status_reason)
                .join(m.Firm, m.Firm.id == m.Visit.firm_id).where(live)
                .order_by(m.Visit.starts_at),
                lambda a, b, t, st, p, n, r: (a, b, t, status_v(st), p, n, r),
            ),
        ),
        Sheet(
            "Kurumlar",
            [Column("Kurum", 50), Column("Kısa ad"), Column("Tür")],
            _simple(
                select(m.Institution.name, m.Institution.short_name, m.Institution.kind)
                .order_by(m.Institution.name_sort),
                lambda n, sn, k: (n, sn, cat.INSTITUTION_KINDS.label(k)),
            ),
        ),
        Sheet(
            "Projeler",
            [Column("Kod"), Column("Proje", 50), Column("Tema"), Column("Yol haritası yılı"),
             Column("Yürütücü"), Column("Durum"), Column("Başlangıç", None, FMT_DATE),
             Column("Bitiş", None, FMT_DATE), Column("Bütçe (TL)", None, FMT_MONEY),
             Column("Harcanan (TL)", None, FMT_MONEY), Column("İlerleme (%)")],
            _simple(
                select(m.Project.code, m.Project.title, m.Project.theme, m.Project.roadmap_year,
                       lead.name, m.Project.status, m.Project.start_date, m.Project.end_date,
                       m.Project.budget_try, m.Project.spent_try, m.Project.progress)
                .join(lead, lead.id == m.Project.lead_institution_id).order_by(m.Project.code),
                lambda c, t, th, y, ld, st, a, b, bu, sp, pr: (
                    c, t, cat.ACTION_THEMES.label(th), cat.ROADMAP_YEARS.label(str(y)), ld,
                    status_p(st), a, b, bu, sp, pr),
            ),
        ),
        Sheet(
            "Kilometre Taşları",
            [Column("Proje"), Column("Kilometre taşı", 50), Column("Son tarih", None, FMT_DATE),
             Column("Sorumlu"), Column("Tamamlandı", None, FMT_DATE)],
            _simple(
                select(m.Project.code, m.Milestone.title, m.Milestone.due_date, owner.name,
                       m.Milestone.done_on)
                .select_from(m.Milestone)
                .join(m.Project, m.Project.id == m.Milestone.project_id)
                .outerjoin(owner, owner.id == m.Milestone.responsible_institution_id)
                .order_by(m.Project.code, m.Milestone.due_date),
                lambda *r: r,
            ),
        ),
        Sheet(
            "Toplantılar",
            [Column("Tarih", None, FMT_DATE), Column("Yer", 40), Column("Notlar", 50)],
            _simple(
                select(m.Meeting.held_on, m.Meeting.place, m.Meeting.notes)
                .order_by(m.Meeting.held_on),
                lambda *r: r,
            ),
        ),
        Sheet(
            "Kararlar",
            [Column("Toplantı", None, FMT_DATE), Column("Karar", 60), Column("Sorumlu kurum"),
             Column("Son tarih", None, FMT_DATE), Column("Durum"),
             Column("Kapanış", None, FMT_DATE)],
            _simple(
                select(m.Meeting.held_on, m.Decision.text, owner.name, m.Decision.due_date,
                       m.Decision.status, m.Decision.closed_on)
                .join(m.Meeting, m.Meeting.id == m.Decision.meeting_id)
                .outerjoin(owner, owner.id == m.Decision.owner_institution_id)
                .order_by(m.Meeting.held_on, m.Decision.id),
                lambda h, t, o, d, st, c: (h, t, o, d, status_d(st), c),
            ),
        ),
    ]  # fmt: skip
    return sheets


class ExportCounts(dict[str, int]):
    """Rows written per sheet title; ``contacts_left_out`` is None when no contacts were
    asked for, else how many privacy.release kept out of the file."""

    contacts_left_out: int | None = None
    masked: int = 0  # withheld contacts' e-mails/phones masked in free text

    @property
    def note(self) -> str:
        """Turkish: what privacy kept out of the file and why ("" when nothing to say)."""
        n = self.contacts_left_out
        notes = [] if n is None else [privacy.left_out_note(n)]
        if self.masked:
            notes.append(privacy.masked_note(self.masked))
        return " ".join(notes)


# Columns a user types freely into: a withheld contact's e-mail or phone typed there is
# masked (privacy.Withheld). The firm's own phone, e-mail and numbers are its business data.
FREE_TEXT = {
    "Firmalar": {"Adres", "Ürünler", "Belgeler", "Notlar"},
    "Değerlendirmeler": {"Notlar"},
    "Ziyaretler": {"Amaç", "Tespit edilen ihtiyaçlar", "Durum gerekçesi"},
    "Projeler": {"Proje"},
    "Kilometre Taşları": {"Kilometre taşı"},
    "Toplantılar": {"Yer", "Notlar"},
    "Kararlar": {"Karar"},
}


def _scrubbed(
    rows: Iterable[Sequence[CellValue]], sheet: Sheet, withheld: privacy.Withheld
) -> Iterator[Sequence[CellValue]]:
    free = [i for i, c in enumerate(sheet.columns) if c.header in FREE_TEXT.get(sheet.title, ())]
    if not free or not withheld:
        yield from rows
        return
    scrub = withheld.scrub
    for row in rows:
        cells = list(row)
        for i in free:
            cells[i] = scrub(cells[i])
        yield cells


def export_all(db: Database, target: Path, *, with_contacts: bool = False) -> ExportCounts:
    """Write every sheet; returns rows written per sheet title."""
    wb = new_workbook()
    counts = ExportCounts()
    left_out: list[int] = []
    with db.read() as s:
        withheld = privacy.Withheld.load(s)
        for sheet in _sheets(with_contacts, left_out):
            rows = _scrubbed(sheet.rows(s), sheet, withheld)
            counts[sheet.title] = write_sheet(wb, sheet.title, sheet.columns, rows)
    if with_contacts:
        counts.contacts_left_out = sum(left_out)
    counts.masked = withheld.masked
    save_atomic(wb, target)
    return counts
