"""Institutions, action-plan projects and their milestones: validation, saving, listings.

Pure SQLAlchemy, no Qt. Every write goes through ``db.write()`` so the tracker audits
it and announces it on the change bus. Validation errors are Turkish sentences that
name the field (and the row, for partners and milestones) and the reason; a project
that fails validation changes nothing.

"Late" everywhere: a milestone is late when its due date has passed and it is not
done (and its project is not cancelled); a project is late when it is planned or
running and its end date has passed (the dashboard's definition, services/statistics.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from kayseri_desktop.core import catalogues as cat
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data import models as m
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.value_lists import one_of

if TYPE_CHECKING:  # coordination_lists imports this module
    from kayseri_desktop.services.coordination_lists import FirmProject

ACTIVE_STATUSES = ("planned", "running")


class ValidationError(ValueError):
    """Input that cannot be saved; ``errors`` holds one Turkish sentence per problem."""

    def __init__(self, errors: Iterable[str]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@contextmanager
def writing(db: Database) -> Iterator[Session]:
    """db.write() whose refusals come back as ValidationError with a Turkish message.

    A read-only database and a row that breaks a rule of the schema (a code saved by
    someone else a moment ago, a check constraint) roll back and say why.
    """
    try:
        with db.write() as session:
            yield session
    except PermissionError as exc:
        raise ValidationError([str(exc)]) from exc
    except IntegrityError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        raise ValidationError(
            [f"Kayıt veritabanının kurallarına uymadığı için kaydedilmedi ({detail})."]
        ) from exc


def _d(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def money(value: float) -> str:
    """Turkish money text for messages: 1250000.5 → "1.250.000,50"."""
    return f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def milestone_late(due: dt.date | None, done_on: dt.date | None, today: dt.date) -> bool:
    return done_on is None and due is not None and due < today


def project_late(status: str, end: dt.date | None, today: dt.date) -> bool:
    return status in ACTIVE_STATUSES and end is not None and end < today


# -- institutions ----------------------------------------------------------------------


@dataclass
class InstitutionData:
    name: str
    kind: str
    short_name: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def validate_institution(
    db: Database, data: InstitutionData, ident: int | None = None
) -> list[str]:
    errors: list[str] = []
    name = _clean(data.name)
    if not name:
        errors.append("Kurum adı boş olamaz.")
    elif len(name) > 300:
        errors.append("Kurum adı en çok 300 karakter olabilir.")
    if cat.INSTITUTION_KINDS.get(data.kind) is None:
        errors.append(f"Kurum türü geçersiz: '{data.kind}'.")
    if data.short_name and len(data.short_name.strip()) > 60:
        errors.append("Kısa ad en çok 60 karakter olabilir.")
    email = _clean(data.contact_email)
    if email and ("@" not in email or " " in email):
        errors.append(f"E-posta adresi geçersiz: '{email}'.")
    if name:
        with db.read() as s:
            for other_id, other in s.execute(select(m.Institution.id, m.Institution.name)):
                if other_id != ident and fold(other) == fold(name):
                    errors.append(f"'{other}' adında bir kurum zaten var.")
    return errors


def save_institution(db: Database, data: InstitutionData, ident: int | None = None) -> int:
    """Create (ident None) or update an institution; returns its id."""
    errors = validate_institution(db, data, ident)
    if errors:
        raise ValidationError(errors)
    name = _clean(data.name) or ""
    with writing(db) as s:
        inst = m.Institution() if ident is None else s.get(m.Institution, ident)
        if inst is None:
            raise ValidationError(["Kurum bulunamadı (başka biri silmiş olabilir)."])
        inst.name = name
        inst.name_sort = collation_key(name)
        inst.kind = data.kind
        inst.short_name = _clean(data.short_name)
        inst.contact_name = _clean(data.contact_name)
        inst.contact_email = _clean(data.contact_email)
        inst.contact_phone = _clean(data.contact_phone)
        s.add(inst)
        s.flush()
        return inst.id


def load_institution(db: Database, ident: int) -> InstitutionData:
    with db.read() as s:
        inst = s.get(m.Institution, ident)
        if inst is None:
            raise ValidationError(["Kurum bulunamadı."])
        return InstitutionData(
            inst.name,
            inst.kind,
            inst.short_name,
            inst.contact_name,
            inst.contact_email,
            inst.contact_phone,
        )


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def institution_choices(db: Database) -> list[Choice]:
    """Institutions for pickers, in Turkish alphabetical order ("KTO — Kayseri Ticaret...")."""
    stmt = select(m.Institution.id, m.Institution.name, m.Institution.short_name).order_by(
        m.Institution.name_sort, m.Institution.name
    )
    with db.read() as s:
        return [
            Choice(i, f"{short} — {name}" if short else name) for i, name, short in s.execute(stmt)
        ]


def project_choices(db: Database) -> list[Choice]:
    stmt = select(m.Project.id, m.Project.code, m.Project.title).order_by(m.Project.code)
    with db.read() as s:
        return [Choice(i, f"{code} — {title}") for i, code, title in s.execute(stmt)]


def find_firms(db: Database, text: str, limit: int = 50) -> list[Choice]:
    """Live firms whose title (folded, so "cagri" finds "ÇAĞRI") or VKN contains text."""
    key = fold(text or "")
    stmt = select(m.Firm.id, m.Firm.title).where(m.Firm.deleted_at.is_(None))
    if key:
        stmt = stmt.where(
            m.Firm.search_text.contains(key, autoescape=True)
            | m.Firm.tax_no.startswith(key, autoescape=True)
        )
    stmt = stmt.order_by(m.Firm.title_sort, m.Firm.id).limit(limit)
    with db.read() as s:
        return [Choice(i, title) for i, title in s.execute(stmt)]


def firm_labels(db: Database, ids: Iterable[int]) -> list[Choice]:
    stmt = (
        select(m.Firm.id, m.Firm.title)
        .where(one_of(m.Firm.id, ids, db.backend))
        .order_by(m.Firm.title_sort, m.Firm.id)
    )
    with db.read() as s:
        return [Choice(i, t) for i, t in s.execute(stmt)]


# -- projects --------------------------------------------------------------------------


@dataclass
class MilestoneData:
    title: str
    due_date: dt.date | None
    responsible_id: int | None = None
    done_on: dt.date | None = None
    id: int | None = None


@dataclass
class ProjectData:
    code: str
    title: str
    theme: str
    roadmap_year: int
    lead_id: int | None
    mode: str = "joint"
    status: str = "planned"
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    budget_try: float | None = None
    spent_try: float = 0.0
    progress: int = 0
    description: str | None = None
    notes: str | None = None
    partners: list[tuple[int | None, str]] = field(default_factory=list)  # None: not chosen
    firm_ids: list[int] = field(default_factory=list)
    milestones: list[MilestoneData] = field(default_factory=list)
    version: int | None = None
    """The version loaded for editing; saving refuses if someone saved in between."""


def validate_project(db: Database, data: ProjectData, ident: int | None = None) -> list[str]:
    errors: list[str] = []
    code = (data.code or "").strip()
    if not code:
        errors.append("Proje kodu boş olamaz.")
    elif len(code) > 30:
        errors.append("Proje kodu en çok 30 karakter olabilir.")
    if not (data.title or "").strip():
        errors.append("Proje adı boş olamaz.")
    if cat.ACTION_THEMES.get(data.theme) is None:
        errors.append(f"Eylem planı teması geçersiz: '{data.theme}'.")
    if data.roadmap_year not in (1, 2, 3):
        errors.append("Yol haritası yılı 1, 2 ya da 3 olmalı.")
    if cat.PROJECT_STATUSES.get(data.status) is None:
        errors.append(f"Proje durumu geçersiz: '{data.status}'.")
    if data.mode not in ("joint", "separate"):
        errors.append("Yürütme biçimi 'ortak' ya da 'ayrı' olmalı.")
    if data.lead_id is None:
        errors.append("Yürütücü kurum seçilmeli.")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors.append(
            f"Bitiş tarihi ({_d(data.end_date)}) başlangıçtan ({_d(data.start_date)}) önce olamaz."
        )
    if data.budget_try is not None and data.budget_try < 0:
        errors.append("Bütçe eksi olamaz.")
    if data.spent_try is None or data.spent_try < 0:
        errors.append("Harcama eksi olamaz.")
    elif data.budget_try is not None and data.spent_try > data.budget_try:
        errors.append(
            f"Harcama ({money(data.spent_try)} TL) bütçeyi ({money(data.budget_try)} TL) aşamaz."
        )
    if not 0 <= (data.progress if data.progress is not None else -1) <= 100:
        errors.append("İlerleme %0 ile %100 arasında olmalı.")
    seen: set[int] = set()
    for n, (inst_id, role) in enumerate(data.partners, 1):
        if inst_id is None:
            errors.append(f"Ortak {n}: kurum seçilmeli.")
            continue
        if inst_id == data.lead_id:
            errors.append(f"Ortak {n}: yürütücü kurum aynı projede ortak olarak da yer alamaz.")
        if inst_id in seen:
            errors.append(f"Ortak {n}: bu kurum listede birden çok kez var.")
        seen.add(inst_id)
        if cat.PARTNER_ROLES.get(role) is None:
            errors.append(f"Ortak {n}: rol geçersiz ('{role}').")
    for n, ms in enumerate(data.milestones, 1):
        if not (ms.title or "").strip():
            errors.append(f"Kilometre taşı {n}, Başlık: boş olamaz.")
        if ms.due_date is None:
            errors.append(f"Kilometre taşı {n}, Son tarih: girilmeli.")
    if code and not errors:
        with db.read() as s:
            other = s.scalar(select(m.Project.id).where(m.Project.code == code))
        if other is not None and other != ident:
            errors.append(f"'{code}' kodlu bir proje zaten var.")
    return errors


def save_project(db: Database, data: ProjectData, ident: int | None = None) -> int:
    """Create (ident None) or update a project with partners, target firms and milestones."""
    errors = validate_project(db, data, ident)
    lead_id = data.lead_id
    if errors or lead_id is None:  # validate_project names a missing lead institution
        raise ValidationError(errors)
    with writing(db) as s:
        p = m.Project() if ident is None else s.get(m.Project, ident)
        if p is None:
            raise ValidationError(["Proje bulunamadı (başka biri silmiş olabilir)."])
        if data.version is not None and p.version != data.version:
            raise ValidationError(
                [
                    "Proje siz düzenlerken başka biri tarafından değiştirildi; "
                    "değişiklikleriniz kaydedilmedi. Projeyi kapatıp yeniden açın."
                ]
            )
        p.code = data.code.strip()
        p.title = data.title.strip()
        p.description = _clean(data.description)
        p.theme = data.theme
        p.roadmap_year = data.roadmap_year
        p.lead_institution_id = lead_id
        p.mode = data.mode
        p.status = data.status
        p.start_date = data.start_date
        p.end_date = data.end_date
        p.budget_try = data.budget_try
        p.spent_try = data.spent_try
        p.progress = data.progress
        p.notes = _clean(data.notes)
        if ident is not None:
            flag_modified(p, "title")  # the version moves even when only children changed
        s.add(p)
        s.flush()
        wanted = dict(data.partners)
        for partner in list(p.partners):
            if partner.institution_id not in wanted:
                p.partners.remove(partner)
            elif partner.role != wanted[partner.institution_id]:
                partner.role = wanted.pop(partner.institution_id)
            else:
                wanted.pop(partner.institution_id)
        for inst_id, role in wanted.items():
            p.partners.append(m.ProjectPartner(institution_id=inst_id, role=role))
        firms = set(data.firm_ids)
        have = {f.id for f in p.target_firms}
        if firms != have:
            p.target_firms = list(
                s.scalars(select(m.Firm).where(m.Firm.id.in_(firms))) if firms else []
            )
        keep = {ms.id for ms in data.milestones if ms.id is not None}
        for old in list(p.milestones):
            if old.id not in keep:
                s.delete(old)
        for ms in data.milestones:
            row = s.get(m.Milestone, ms.id) if ms.id is not None else None
            if row is None or row.project_id != p.id:
                row = m.Milestone(project_id=p.id)
            row.title = ms.title.strip()
            assert ms.due_date is not None  # validate_project refused a milestone without one
            row.due_date = ms.due_date
            row.responsible_institution_id = ms.responsible_id
            row.done_on = ms.done_on
            s.add(row)
        return p.id


def load_project(db: Database, ident: int) -> ProjectData:
    with db.read() as s:
        p = s.get(m.Project, ident)
        if p is None:
            raise ValidationError(["Proje bulunamadı."])
        return ProjectData(
            code=p.code,
            title=p.title,
            theme=p.theme,
            roadmap_year=p.roadmap_year,
            lead_id=p.lead_institution_id,
            mode=p.mode,
            status=p.status,
            start_date=p.start_date,
            end_date=p.end_date,
            budget_try=p.budget_try,
            spent_try=p.spent_try or 0.0,
            progress=p.progress,
            description=p.description,
            notes=p.notes,
            partners=[(pp.institution_id, pp.role) for pp in p.partners],
            firm_ids=[f.id for f in p.target_firms],
            milestones=[
                MilestoneData(
                    ms.title, ms.due_date, ms.responsible_institution_id, ms.done_on, ms.id
                )
                for ms in p.milestones
            ],
            version=p.version,
        )


def set_milestone_done(db: Database, milestone_id: int, done_on: dt.date | None) -> None:
    """Mark a milestone done on a day (None: not done after all)."""
    with writing(db) as s:
        ms = s.get(m.Milestone, milestone_id)
        if ms is None:
            raise ValidationError(["Kilometre taşı bulunamadı."])
        ms.done_on = done_on
        flag_modified(ms.project, "title")  # an open project dialog must not overwrite it


def projects_for_firm(db: Database, firm_id: int) -> list[FirmProject]:
    """The projects that target a firm, for the firm's detail (see coordination_lists)."""
    from kayseri_desktop.services.coordination_lists import projects_for_firm as listing

    return listing(db, firm_id)
