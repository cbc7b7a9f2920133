"""Excel export of the registry: the current view (rows and columns as shown) or everything.

Written through exchange/xlsx.py (bold frozen header, autofilter, formula-safe text,
atomic replace). Numbers stay numbers (employees, USD, score), markets are Turkish
country names. Contact persons (personal data under KVKK) go to a second sheet only
when asked for, and then only those services/privacy.py lets out (recorded KVKK
consent); ``ExportResult.note`` says how many were left out and why.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from kayseri_desktop.core.catalogues import DISTRICTS, OSBS, SECTORS, SIZE_CLASSES, VISIT_STATUSES
from kayseri_desktop.core.firm_validation import country_name
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of
from kayseri_desktop.exchange import xlsx
from kayseri_desktop.services import privacy
from kayseri_desktop.services.firm_index import COLUMN_KEYS, SEP, FirmIndex


def headers(export_year: int) -> dict[str, xlsx.Column]:
    return {
        "title": xlsx.Column("Firma Unvanı", 50),
        "tax_no": xlsx.Column("Vergi No", 13),
        "sector": xlsx.Column("Sektör", 24),
        "district": xlsx.Column("İlçe", 13),
        "osb": xlsx.Column("OSB", 20),
        "size": xlsx.Column("Ölçek", 9),
        "employees": xlsx.Column("Çalışan Sayısı", 15, xlsx.FMT_INT),
        "exports": xlsx.Column(f"İhracat {export_year} (USD)", 20, xlsx.FMT_INT),
        "markets": xlsx.Column("İhracat Ülkeleri", 40),
        "score": xlsx.Column("Değerlendirme Puanı", 12, "0.0"),
        "visit": xlsx.Column("Ziyaret Durumu", 15),
        "tags": xlsx.Column("Etiketler", 30),
    }


_CODED = {
    "sector": SECTORS,
    "district": DISTRICTS,
    "osb": OSBS,
    "size": SIZE_CLASSES,
    "visit": VISIT_STATUSES,
}


def _column(index: FirmIndex, key: str, rows: Sequence[int]) -> list[xlsx.CellValue]:
    """One column's cell values for the given rows, built as a whole list at once."""
    if key in _CODED:
        labels: dict[str | None, str | None] = {e.code: e.tr for e in _CODED[key]}
        codes: list[str | None] = getattr(index, key)
        return [labels.get(codes[p], codes[p]) for p in rows]
    if key == "markets":
        names: dict[str, str | None] = {"": None}  # firms share market lists: join each once
        markets = index.markets
        out: list[xlsx.CellValue] = []
        for p in rows:
            raw = markets[p]
            text = names.get(raw)
            if text is None and raw not in names:
                text = names[raw] = ", ".join(country_name(c) for c in index.market_codes(p))
            out.append(text)
        return out
    if key == "tags":
        tags = index.tags
        return [tags[p].replace(SEP, ", ") or None for p in rows]
    if key == "score":
        score = index.score
        return [None if (v := score[p]) is None else round(v, 2) for p in rows]
    values: list[xlsx.CellValue] = getattr(index, key)
    return [values[p] for p in rows]


def _cells(
    index: FirmIndex, keys: Sequence[str], rows: Sequence[int]
) -> Iterator[tuple[xlsx.CellValue, ...]]:
    """Row values for the chosen columns, straight from the index's lists."""
    return zip(*(_column(index, key, rows) for key in keys), strict=True)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    firms: int
    contacts: int
    contacts_left_out: int
    masked: int = 0  # withheld contacts' e-mails/phones masked in free text

    @property
    def note(self) -> str:
        """Turkish: how many contacts were left out and why (when contacts were asked for),
        and what was masked in free text."""
        note = privacy.left_out_note(self.contacts_left_out)
        return f"{note} {privacy.masked_note(self.masked)}" if self.masked else note


def export(
    db: Database,
    target: str | Path,
    index: FirmIndex,
    rows: Sequence[int] | None = None,
    keys: Sequence[str] = COLUMN_KEYS,
    *,
    with_contacts: bool = False,
    with_details: bool = False,
) -> ExportResult:
    """Write ``rows`` (index positions, in this order; None: all) with columns ``keys``.

    ``with_details`` adds the firm record's other fields (short name, phone, e-mail,
    web, address, founding year, NACE, registry numbers, products, certifications):
    the firm's own business data, not personal data.
    """
    positions = list(range(len(index))) if rows is None else list(rows)
    cols = headers(index.export_year)
    wb = xlsx.new_workbook()
    columns = [cols[k] for k in keys]
    cells = _cells(index, keys, positions)
    masked = 0
    if with_details:
        details, masked = _details(
            db, [index.ids[p] for p in positions], len(positions) > len(index) // 2
        )
        columns += [xlsx.Column(title, width, fmt) for _, title, width, fmt in DETAILS]
        cells = (
            (*row, *details.get(fid, ()))
            for row, fid in zip(cells, (index.ids[p] for p in positions), strict=True)
        )
    count = xlsx.write_sheet(wb, "Firmalar", columns, cells)
    contacts = left_out = 0
    if with_contacts:
        contact_rows, left_out = _contacts(db, [index.ids[p] for p in positions], index)
        contacts = xlsx.write_sheet(
            wb,
            "Yetkililer",
            [
                xlsx.Column("Firma Unvanı", 50),
                xlsx.Column("Vergi No", 13),
                xlsx.Column("Ad Soyad", 25),
                xlsx.Column("Görev", 20),
                xlsx.Column("Telefon", 18),
                xlsx.Column("E-posta", 30),
                xlsx.Column("KVKK Onay Tarihi", 16, xlsx.FMT_DATE),
            ],
            contact_rows,
        )
    path = xlsx.save_atomic(wb, Path(target))
    return ExportResult(path, count, contacts, left_out, masked)


DETAILS = (  # (field, header, width, number format)
    ("short_name", "Kısa Ad", 20, None),
    ("phone", "Telefon", 18, None),
    ("email", "E-posta", 28, None),
    ("web", "Web", 24, None),
    ("address", "Adres", 40, None),
    ("founded_year", "Kuruluş Yılı", 12, "0"),
    ("nace_code", "NACE", 9, None),
    ("trade_registry_no", "Ticaret Sicil No", 15, None),
    ("kto_member_no", "KTO Üye No", 12, None),
    ("products", "Ürünler", 40, None),
    ("certifications", "Belgeler", 30, None),
)


# Typed freely: a withheld contact's e-mail or phone written there is masked
# (privacy.Withheld); the firm's own phone and e-mail are its business data.
FREE_TEXT = ("address", "products", "certifications")


def _details(
    db: Database, ids: list[int], scan: bool
) -> tuple[dict[int, tuple[xlsx.CellValue, ...]], int]:
    """The detail fields per firm id, and how many withheld e-mails/phones were masked."""
    cols = [m.Firm.id, *(getattr(m.Firm, f) for f, *_ in DETAILS)]
    free = [i for i, (f, *_) in enumerate(DETAILS) if f in FREE_TEXT]
    out: dict[int, tuple[xlsx.CellValue, ...]] = {}
    with db.read() as s:
        withheld = privacy.Withheld.load(s)
        if scan:
            result = s.execute(select(*cols).where(m.Firm.deleted_at.is_(None))).all()
        else:
            result = s.execute(select(*cols).where(one_of(m.Firm.id, ids, db.backend))).all()
    for fid, *values in result:
        if withheld:
            for i in free:
                values[i] = withheld.scrub(values[i])
        out[fid] = tuple(values)
    return out, withheld.masked


def _contacts(
    db: Database, ids: list[int], index: FirmIndex
) -> tuple[list[list[xlsx.CellValue]], int]:
    """Contacts of the exported firms that privacy.release lets out, in the firms' order;
    and how many it left out."""
    where = {fid: i for i, fid in enumerate(ids)}
    pos = {fid: p for p, fid in enumerate(index.ids)}
    cols = (
        m.Contact.id,
        m.Contact.firm_id,
        m.Contact.name,
        m.Contact.title,
        m.Contact.phone,
        m.Contact.email,
        *privacy.CONSENT,
    )
    with db.read() as s:
        if len(ids) > len(index) // 2:  # most of the registry: one scan beats many IN lists
            result = s.execute(select(*cols)).all()
        else:
            result = s.execute(
                select(*cols).where(one_of(m.Contact.firm_id, ids, db.backend))
            ).all()
    released = privacy.release(r for r in result if r.firm_id in where)
    found: list[tuple[int, int, list[xlsx.CellValue]]] = []
    for r in released.kept:
        p = pos[r.firm_id]
        found.append(
            (
                where[r.firm_id],
                r.id,
                [index.title[p], index.tax_no[p], r.name, r.title, r.phone, r.email,
                 r.kvkk_consent_date],
            )
        )  # fmt: skip
    found.sort(key=lambda t: (t[0], t[1]))
    return [row for _, _, row in found], released.left_out
