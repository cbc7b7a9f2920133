"""Excel export of the coordination area: projects, milestones, open decisions.

One workbook, a sheet each, through exchange/xlsx.py (frozen bold header, autofilter,
formula-safe text, real dates and numbers, atomic write). Labels are Turkish, the
same as the interface. The project sheet can be limited to a filter (what the tab
shows); milestones then follow the same projects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from kayseri_desktop.core.catalogues import (
    ACTION_THEMES,
    DECISION_STATUSES,
    PROJECT_STATUSES,
    ROADMAP_YEARS,
)
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange.xlsx import FMT_INT, FMT_MONEY, Column, new_workbook, save_atomic
from kayseri_desktop.exchange.xlsx import write_sheet as _write
from kayseri_desktop.services import coordination_lists as lists
from kayseri_desktop.services.meetings import open_action_items

PROJECT_SHEET = "Projeler"
MILESTONE_SHEET = "Kilometre Taşları"
DECISION_SHEET = "Açık Kararlar"

PROJECT_COLUMNS = (
    Column("Kod"),
    Column("Proje", width=50),
    Column("Tema"),
    Column("Yol haritası yılı"),
    Column("Yürütücü kurum"),
    Column("Ortaklar", width=40),
    Column("Yürütme"),
    Column("Durum"),
    Column("Başlangıç"),
    Column("Bitiş"),
    Column("Bütçe (TL)", number_format=FMT_MONEY),
    Column("Harcama (TL)", number_format=FMT_MONEY),
    Column("İlerleme (%)", number_format=FMT_INT),
    Column("Hedef firma", number_format=FMT_INT),
    Column("Açık kilometre taşı", number_format=FMT_INT),
    Column("Geciken kilometre taşı", number_format=FMT_INT),
    Column("Gecikti"),
    Column("Açıklama", width=50),
    Column("Notlar", width=40),
)
MILESTONE_COLUMNS = (
    Column("Proje kodu"),
    Column("Proje", width=40),
    Column("Kilometre taşı", width=40),
    Column("Son tarih"),
    Column("Sorumlu kurum"),
    Column("Tamamlanma"),
    Column("Gecikti"),
)
DECISION_COLUMNS = (
    Column("Toplantı tarihi"),
    Column("Karar", width=60),
    Column("Sorumlu kurum"),
    Column("Son tarih"),
    Column("Durum"),
    Column("Proje kodu"),
    Column("Gecikti"),
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    projects: int
    milestones: int
    decisions: int


def export_projects(
    db: Database,
    target: Path,
    *,
    today: dt.date | None = None,
    project_filter: lists.ProjectFilter | None = None,
) -> ExportResult:
    today = today or dt.date.today()
    projects = lists.projects(db, today, project_filter)
    chosen = {p.id for p in projects}
    milestones = [ms for ms in lists.milestones(db, today) if ms.project_id in chosen]
    decisions = open_action_items(db, today)
    wb = new_workbook()
    n_projects = _write(
        wb,
        PROJECT_SHEET,
        PROJECT_COLUMNS,
        (
            (
                p.code,
                p.title,
                ACTION_THEMES.label(p.theme),
                ROADMAP_YEARS.label(str(p.roadmap_year)),
                p.lead,
                p.partners,
                "Ortak" if p.mode == "joint" else "Ayrı",
                PROJECT_STATUSES.label(p.status),
                p.start_date,
                p.end_date,
                p.budget_try,
                p.spent_try,
                p.progress,
                p.firms,
                p.milestones_open,
                p.milestones_late,
                p.late,
                p.description,
                p.notes,
            )
            for p in projects
        ),
    )
    n_milestones = _write(
        wb,
        MILESTONE_SHEET,
        MILESTONE_COLUMNS,
        (
            (
                ms.project_code,
                ms.project_title,
                ms.title,
                ms.due_date,
                ms.responsible,
                ms.done_on,
                ms.late,
            )
            for ms in milestones
        ),
    )
    n_decisions = _write(
        wb,
        DECISION_SHEET,
        DECISION_COLUMNS,
        (
            (
                d.held_on,
                d.text,
                d.owner,
                d.due_date,
                DECISION_STATUSES.label(d.status),
                d.project,
                d.late,
            )
            for d in decisions
        ),
    )
    path = save_atomic(wb, Path(target))
    return ExportResult(path, n_projects, n_milestones, n_decisions)
