"""A firm's past: evaluations with theme scores, visits, projects, and its change history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from kayseri_desktop.core.catalogues import DISTRICTS, OSBS, SECTORS, SIZE_CLASSES, Catalogue
from kayseri_desktop.core.firm_validation import country_name
from kayseri_desktop.data.engine import Database
from kayseri_desktop.data.models import (
    AuditEntry,
    Contact,
    Evaluation,
    Project,
    ProjectFirm,
    Visit,
)


@dataclass(frozen=True)
class EvaluationRow:
    evaluated_on: dt.date
    kind: str
    evaluator: str | None
    scores: dict[str, int]


@dataclass(frozen=True)
class AuditRow:
    """One change; ``old`` and ``new`` as people read them (names, not stored codes)."""

    at: dt.datetime
    user: str
    entity: str
    action: str
    field: str | None
    old: str | None
    new: str | None


CODED: dict[str, Catalogue] = {
    "sector": SECTORS,
    "district": DISTRICTS,
    "osb": OSBS,
    "size_class": SIZE_CLASSES,
}
"""Firm fields stored as catalogue codes ("kocasinan"), shown by their names ("Kocasinan")."""
YES_NO = {"tr": ("Evet", "Hayır"), "en": ("Yes", "No")}


def _whole(text: str, lang: str) -> str:
    """A stored integer with thousands marks as the interface writes them."""
    try:
        n = int(text)
    except ValueError:
        return text
    return f"{n:,}".replace(",", "." if lang == "tr" else ",")


def shown_value(entity: str, field: str | None, value: str | None, lang: str = "tr") -> str | None:
    """A stored audit value as the user typed or picked it: a district's, sector's, OSB's
    or size class's name, a country's name, a date as dd.mm.yyyy, Evet/Hayır."""
    if value is None or field is None:
        return value
    if entity == "firm" and field in CODED:
        return CODED[field].label(value, lang)
    if field == "firm_markets":
        return country_name(value, lang)
    if field == "firm_exports":  # "year, usd" (services/tracking.py describes the row)
        year, _, usd = value.partition(", ")
        return f"{year}: {_whole(usd, lang)} USD" if usd else value
    if field == "kvkk_consent":
        yes, no = YES_NO.get(lang, YES_NO["tr"])
        return {"1": yes, "0": no}.get(value, value)
    if field.endswith("_date"):
        try:
            return f"{dt.date.fromisoformat(value):%d.%m.%Y}"
        except ValueError:
            return value
    return value


@dataclass
class FirmHistory:
    evaluations: list[EvaluationRow]
    visits: list[tuple[dt.datetime, str, str | None]]
    projects: list[tuple[str, str, str]]
    audit: list[AuditRow]


def history(db: Database, firm_id: int, lang: str = "tr") -> FirmHistory:
    """Evaluations with theme scores, visits, projects, and the change history (its
    values named in the interface language ``lang``)."""
    with db.read() as s:
        evals = s.scalars(
            select(Evaluation)
            .where(Evaluation.firm_id == firm_id)
            .options(selectinload(Evaluation.scores))
            .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc())
        ).all()
        evaluations = [
            EvaluationRow(
                e.evaluated_on, e.kind, e.evaluator, {sc.theme: sc.score for sc in e.scores}
            )
            for e in evals
        ]
        visits = [
            (starts_at, status, purpose)
            for starts_at, status, purpose in s.execute(
                select(Visit.starts_at, Visit.status, Visit.purpose)
                .where(Visit.firm_id == firm_id)
                .order_by(Visit.starts_at.desc())
            )
        ]
        projects = [
            (code, title, status)
            for code, title, status in s.execute(
                select(Project.code, Project.title, Project.status)
                .join(ProjectFirm, ProjectFirm.project_id == Project.id)
                .where(ProjectFirm.firm_id == firm_id)
                .order_by(Project.code)
            )
        ]
        contact_ids = list(s.scalars(select(Contact.id).where(Contact.firm_id == firm_id)))
        cond = (AuditEntry.entity == "firm") & (AuditEntry.entity_id == firm_id)
        if contact_ids:
            cond = cond | ((AuditEntry.entity == "contact") & AuditEntry.entity_id.in_(contact_ids))
        audit = [
            AuditRow(
                at,
                user,
                entity,
                action,
                field,
                shown_value(entity, field, old, lang),
                shown_value(entity, field, new, lang),
            )
            for at, user, entity, action, field, old, new in s.execute(
                select(
                    AuditEntry.at,
                    AuditEntry.user,
                    AuditEntry.entity,
                    AuditEntry.action,
                    AuditEntry.field,
                    AuditEntry.old_value,
                    AuditEntry.new_value,
                )
                .where(cond)
                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            )
        ]
    return FirmHistory(evaluations, visits, projects, audit)
