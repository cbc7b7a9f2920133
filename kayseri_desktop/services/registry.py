"""Firm registry use cases: validate and save a firm, soft delete and restore, details.

Every write goes through ``db.write()``, so the tracker audits each changed field and
announces the change on the bus. A firm carries a version number (SQLAlchemy's
version_id_col): a save names the version its form was opened on, and if someone
else saved the firm meanwhile it raises ConcurrentEditError instead of overwriting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypedDict, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from kayseri_desktop.core import firm_validation as fv
from kayseri_desktop.core.catalogues import OSB_DISTRICT, size_class
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    Base,
    Contact,
    Firm,
    FirmExport,
    FirmMarket,
    FirmTag,
)

TEXT_FIELDS = {  # field -> (length limit, Turkish name)
    "title": (300, "Unvan"),
    "short_name": (120, "Kısa ad"),
    "trade_registry_no": (40, "Ticaret sicil no"),
    "kto_member_no": (40, "KTO üye no"),
    "nace_code": (12, "NACE kodu"),
    "address": (None, "Adres"),
    "web": (200, "Web adresi"),
    "products": (None, "Ürünler"),
    "certifications": (None, "Belgeler"),
    "notes": (None, "Notlar"),
}
PARSERS = {
    "tax_no": fv.parse_tax_no,
    "sector": fv.parse_sector,
    "district": fv.parse_district,
    "osb": fv.parse_osb,
    "phone": fv.parse_phone,
    "email": fv.parse_email,
    "employees": fv.parse_employees,
}
FIRM_FIELDS = (*TEXT_FIELDS, *PARSERS, "founded_year")


class ValidationFailed(ValueError):
    """Field -> Turkish reason; the form shows each next to its field."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("\n".join(self.errors.values()))


class ConcurrentEditError(RuntimeError):
    """The firm changed (another window or user) since the form was opened."""


class FirmNotFound(LookupError):
    pass


@dataclass
class ContactValues:
    name: str
    id: int | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    kvkk_consent: bool = False
    kvkk_consent_date: dt.date | None = None


@dataclass
class FirmValues:
    """A firm as the form (or an import row) gives it, after validation."""

    fields: dict[str, object]
    contacts: list[ContactValues] = field(default_factory=list)
    exports: dict[int, int] = field(default_factory=dict)
    markets: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    version: int | None = None  # the version the form was opened on


SEARCH_FIELDS = ("title", "short_name", "tax_no", "products")  # and the contact names


def search_text(fields: Mapping[str, object], contact_names: Iterable[str] = ()) -> str:
    """Pre-folded search key: title, short name, tax number, products, contact names."""
    parts = [*map(fields.get, SEARCH_FIELDS), *contact_names]
    return fold(" ".join([p if p.__class__ is str else str(p) for p in parts if p]))


def validate(raw: Mapping[str, object], *, today: dt.date | None = None) -> FirmValues:
    """Check every field of a firm; raise ValidationFailed naming each bad field."""
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    for key, (limit, name) in TEXT_FIELDS.items():
        try:
            values[key] = fv.clean_text(raw.get(key), limit, name)
        except fv.FieldError as exc:
            errors[key] = str(exc)
    for key, parse in PARSERS.items():
        try:
            values[key] = parse(raw.get(key))
        except fv.FieldError as exc:
            errors[key] = str(exc)
    try:
        values["founded_year"] = fv.parse_year(raw.get("founded_year"), today)
    except fv.FieldError as exc:
        errors["founded_year"] = str(exc)
    if not values.get("title") and "title" not in errors:
        errors["title"] = "Unvan boş olamaz."
    if not values.get("tax_no") and "tax_no" not in errors:
        errors["tax_no"] = "Vergi numarası (VKN ya da TCKN) boş olamaz."
    osb, district = values.get("osb"), values.get("district")
    if osb and district and OSB_DISTRICT.get(str(osb)) not in (None, district):
        errors["osb"] = "Seçilen OSB bu ilçede değil."
    result = FirmValues(values, version=_int_or_none(raw.get("version")))
    try:
        result.markets = _codes(raw.get("markets"))
    except fv.FieldError as exc:
        errors["markets"] = str(exc)
    try:
        tags = raw.get("tags") or []
        result.tags = fv.parse_tags(tags if isinstance(tags, str) else ",".join(_listed(tags)))
    except fv.FieldError as exc:
        errors["tags"] = str(exc)
    _validate_exports(raw.get("exports") or [], result, errors, today)
    _validate_contacts(raw.get("contacts") or [], result, errors)
    if errors:
        raise ValidationFailed(errors)
    return result


def _int_or_none(value: object) -> int | None:
    """The version a form was opened on: an int, or None (or "") for a new firm."""
    return None if value is None or value == "" else int(str(value))


def _listed(raw: object) -> list[Any]:
    """A field the form gives as a list (markets, tags, export rows, contacts)."""
    if isinstance(raw, Iterable):
        return list(raw)
    raise TypeError(f"liste bekleniyordu: {raw!r}")


def _codes(raw: object) -> list[str]:
    if raw is None or isinstance(raw, str):
        return fv.parse_countries(raw)
    out: list[str] = []
    for item in _listed(raw):
        code = fv.parse_country(item)
        if code not in out:
            out.append(code)
    return out


def _validate_exports(
    rows: object, result: FirmValues, errors: dict[str, str], today: dt.date | None
) -> None:
    latest = (today or dt.date.today()).year
    for n, (year_raw, usd_raw) in enumerate(_listed(rows), 1):
        try:
            year = fv.parse_int(year_raw, "Yıl")
            usd = fv.parse_usd(usd_raw)
            if year is None or usd is None:
                raise fv.FieldError("yıl ve tutar birlikte girilmeli.")
            if not fv.EXPORT_YEAR_MIN <= year <= latest:
                raise fv.FieldError(f"yıl {fv.EXPORT_YEAR_MIN}-{latest} arasında olmalı ({year}).")
            if year in result.exports:
                raise fv.FieldError(f"{year} yılı iki kez girilmiş.")
            result.exports[year] = usd
        except fv.FieldError as exc:
            errors.setdefault("exports", f"İhracat satırı {n}: {exc}")


def _validate_contacts(rows: object, result: FirmValues, errors: dict[str, str]) -> None:
    for n, row in enumerate(_listed(rows), 1):
        c = row if isinstance(row, Mapping) else row.__dict__
        try:
            name = fv.clean_text(c.get("name"), 200, "Ad soyad")
            if not name:
                raise fv.FieldError("ad soyad boş olamaz.")
            consent = bool(c.get("kvkk_consent"))
            when = fv.parse_date(c.get("kvkk_consent_date")) if consent else None
            if consent and when is None:
                raise fv.FieldError("KVKK onayı işaretliyse onay tarihi girilmeli.")
            result.contacts.append(
                ContactValues(
                    name=name,
                    id=c.get("id"),
                    title=fv.clean_text(c.get("title"), 120, "Görev"),
                    phone=fv.parse_phone(c.get("phone")),
                    email=fv.parse_email(c.get("email")),
                    kvkk_consent=consent,
                    kvkk_consent_date=when,
                )
            )
        except fv.FieldError as exc:
            errors.setdefault("contacts", f"Yetkili satırı {n}: {exc}")


def tax_owner(s: Session, tax_no: str, exclude_id: int | None = None) -> str | None:
    """A Turkish sentence naming the firm that already has this tax number, if any."""
    row = s.execute(
        select(Firm.id, Firm.title, Firm.deleted_at).where(Firm.tax_no == tax_no)
    ).first()
    if row is None or row.id == exclude_id:
        return None
    where = " (çöp kutusunda)" if row.deleted_at is not None else ""
    return f"Bu vergi numarası zaten “{row.title}” firmasına kayıtlı{where}."


def save(db: Database, values: FirmValues, firm_id: int | None = None) -> int:
    """Create (firm_id None) or update a firm; return its id.

    Raises ValidationFailed (duplicate tax number), ConcurrentEditError (changed since
    ``values.version``) or FirmNotFound; nothing is written then.
    """
    try:
        with db.write() as s:
            owner = tax_owner(s, str(values.fields["tax_no"]), firm_id)
            if owner:
                raise ValidationFailed({"tax_no": owner})
            if firm_id is None:
                firm = Firm()
                s.add(firm)
            else:
                found = s.get(Firm, firm_id, options=[selectinload(Firm.contacts)])
                if found is None or found.deleted_at is not None:
                    raise FirmNotFound("Firma bulunamadı (silinmiş olabilir).")
                if values.version is not None and found.version != values.version:
                    raise ConcurrentEditError(_stale_message(found.title))
                firm = found
            _apply(s, firm, values)
            s.flush()
            return firm.id
    except StaleDataError:
        raise ConcurrentEditError(_stale_message(str(values.fields.get("title")))) from None


def _stale_message(title: str) -> str:
    return (
        f"“{title}” siz formu açtıktan sonra başka bir pencerede ya da başka bir kullanıcı "
        "tarafından değiştirildi. Üzerine yazılmadı; güncel hâlini yükleyip yeniden deneyin."
    )


def _apply(s: Session, firm: Firm, values: FirmValues) -> None:
    for key in FIRM_FIELDS:
        if getattr(firm, key) != values.fields.get(key):
            setattr(firm, key, values.fields.get(key))
    firm.size_class = size_class(firm.employees)
    names = [c.name for c in values.contacts]
    firm.search_text = search_text(values.fields, names)
    firm.title_sort = collation_key(firm.title)
    firm.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # always bumps version
    # Children: change only what differs, so the audit shows real changes.
    have_exports = {e.year: e for e in firm.exports}
    for year, export in have_exports.items():
        if year not in values.exports:
            firm.exports.remove(export)
        elif export.usd != values.exports[year]:
            export.usd = values.exports[year]
    for year, usd in values.exports.items():
        if year not in have_exports:
            firm.exports.append(FirmExport(year=year, usd=usd))
    _sync(firm.markets, values.markets, "country", FirmMarket)
    _sync(firm.tags, values.tags, "tag", FirmTag)
    by_id = {c.id: c for c in firm.contacts}
    keep = {c.id for c in values.contacts if c.id is not None}
    for contact in list(firm.contacts):
        if contact.id not in keep:
            firm.contacts.remove(contact)
            s.delete(contact)
    for cv in values.contacts:
        target = by_id.get(cv.id) if cv.id is not None else None
        if target is None:
            target = Contact()
            firm.contacts.append(target)
        for key in ("name", "title", "phone", "email", "kvkk_consent", "kvkk_consent_date"):
            if getattr(target, key) != getattr(cv, key):
                setattr(target, key, getattr(cv, key))


_Child = TypeVar("_Child", bound=Base)


def _sync(children: list[_Child], wanted: list[str], attr: str, cls: type[_Child]) -> None:
    have = {getattr(c, attr): c for c in children}
    for value, child in have.items():
        if value not in wanted:
            children.remove(child)
    for value in wanted:
        if value not in have:
            children.append(cls(**{attr: value}))


# -- soft delete -------------------------------------------------------------------------


def soft_delete(db: Database, ids: Iterable[int]) -> list[int]:
    """Move firms to the recycle bin; return the ids actually moved."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.write() as s:
        firms = s.scalars(select(Firm).where(Firm.id.in_(list(ids)), Firm.deleted_at.is_(None)))
        moved = []
        for firm in firms:
            firm.deleted_at = now
            moved.append(firm.id)
    return moved


def restore(db: Database, ids: Iterable[int]) -> list[int]:
    """Bring firms back from the recycle bin; return the ids restored."""
    with db.write() as s:
        firms = s.scalars(select(Firm).where(Firm.id.in_(list(ids)), Firm.deleted_at.is_not(None)))
        back = []
        for firm in firms:
            firm.deleted_at = None
            back.append(firm.id)
    return back


@dataclass(frozen=True)
class BinRow:
    id: int
    title: str
    tax_no: str
    deleted_at: dt.datetime


def recycle_bin(db: Database) -> list[BinRow]:
    stmt = (
        select(Firm.id, Firm.title, Firm.tax_no, Firm.deleted_at)
        .where(Firm.deleted_at.is_not(None))
        .order_by(Firm.deleted_at.desc(), Firm.title_sort)
    )
    with db.read() as s:
        return [
            BinRow(i, title, tax, at) for i, title, tax, at in s.execute(stmt) if at is not None
        ]


# -- reading -------------------------------------------------------------------------------


class ContactRecord(TypedDict):
    id: int
    name: str
    title: str | None
    phone: str | None
    email: str | None
    kvkk_consent: bool
    kvkk_consent_date: dt.date | None


class FirmRecord(TypedDict):
    """A firm as load() gives it to the form and the detail view."""

    id: int
    version: int
    deleted_at: dt.datetime | None
    title: str
    short_name: str | None
    tax_no: str
    trade_registry_no: str | None
    kto_member_no: str | None
    nace_code: str | None
    sector: str | None
    district: str | None
    osb: str | None
    address: str | None
    phone: str | None
    email: str | None
    web: str | None
    founded_year: int | None
    employees: int | None
    size_class: str | None
    products: str | None
    certifications: str | None
    notes: str | None
    exports: list[tuple[int, int]]
    markets: list[str]
    tags: list[str]
    contacts: list[ContactRecord]


def load(db: Database, firm_id: int) -> FirmRecord:
    """A firm as the form edits it (plain values, with its current version)."""
    with db.read() as s:
        firm = s.get(
            Firm,
            firm_id,
            options=[
                selectinload(Firm.contacts),
                selectinload(Firm.exports),
                selectinload(Firm.markets),
                selectinload(Firm.tags),
            ],
        )
        if firm is None:
            raise FirmNotFound("Firma bulunamadı.")
        return FirmRecord(
            id=firm.id,
            version=firm.version,
            deleted_at=firm.deleted_at,
            title=firm.title,
            short_name=firm.short_name,
            tax_no=firm.tax_no,
            trade_registry_no=firm.trade_registry_no,
            kto_member_no=firm.kto_member_no,
            nace_code=firm.nace_code,
            sector=firm.sector,
            district=firm.district,
            osb=firm.osb,
            address=firm.address,
            phone=firm.phone,
            email=firm.email,
            web=firm.web,
            founded_year=firm.founded_year,
            employees=firm.employees,
            size_class=firm.size_class,
            products=firm.products,
            certifications=firm.certifications,
            notes=firm.notes,
            exports=[(e.year, e.usd) for e in firm.exports],
            markets=sorted((mk.country for mk in firm.markets), key=fv.country_name),
            tags=[t.tag for t in firm.tags],
            contacts=[
                ContactRecord(
                    id=c.id,
                    name=c.name,
                    title=c.title,
                    phone=c.phone,
                    email=c.email,
                    kvkk_consent=c.kvkk_consent,
                    kvkk_consent_date=c.kvkk_consent_date,
                )
                for c in sorted(firm.contacts, key=lambda c: c.id)
            ],
        )
