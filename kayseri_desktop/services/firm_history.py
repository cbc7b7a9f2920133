"""A firm's past: evaluations with theme scores, visits, projects, and its change history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

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
    at: dt.datetime
    user: str
    entity: str
    action: str
    field: str | None
    old: str | None
    new: str | None


@dataclass
class FirmHistory:
    evaluations: list[EvaluationRow]
    visits: list[tuple[dt.datetime, str, str | None]]
    projects: list[tuple[str, str, str]]
    audit: list[AuditRow]


def history(db: Database, firm_id: int) -> FirmHistory:
    """Evaluations with theme scores, visits, projects, and the change history."""
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
            tuple(r)
            for r in s.execute(
                select(Visit.starts_at, Visit.status, Visit.purpose)
                .where(Visit.firm_id == firm_id)
                .order_by(Visit.starts_at.desc())
            )
        ]
        projects = [
            tuple(r)
            for r in s.execute(
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
            AuditRow(*r)
            for r in s.execute(
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
    return FirmHistory(evaluations, visits, projects, audit)  # type: ignore[arg-type]
