"""Kurumlar ve Projeler: member institutions beside the action plan's projects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import INSTITUTION_KINDS, PROJECT_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, queries
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.delegates import ProgressDelegate
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column, TableModel, order_of

CODE, TITLE, LEAD, STATUS, PROGRESS, END = range(6)


class ProjectsTab(DataTab):
    entities = frozenset({"project", "institution", "milestone"})

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.setObjectName("projectsTab")
        lang = current_language()
        project_columns = [
            Column(self.tr("Kod"), lambda r: r.code),
            Column(
                self.tr("Proje"), lambda r: r.title, lambda r: collation_key(r.title), stretch=True
            ),
            Column(self.tr("Yürütücü"), lambda r: r.lead, lambda r: collation_key(r.lead)),
            Column(
                self.tr("Durum"),
                lambda r: PROJECT_STATUSES.label(r.status, lang),
                order_of(PROJECT_STATUSES.codes(), "status"),
            ),
            Column(
                self.tr("İlerleme"),
                lambda r: formatting.percent(r.progress),
                lambda r: int(r.progress),
                align=RIGHT,
                min_width=120,
            ),
            Column(
                self.tr("Bitiş"),
                lambda r: formatting.date(r.end_date),
                lambda r: r.end_date.isoformat() if r.end_date else "9999",
            ),
        ]
        institution_columns = [
            Column(
                self.tr("Kurum"),
                lambda r: r.name,
                lambda r: r.name_sort or collation_key(r.name),
                stretch=True,
            ),
            Column(
                self.tr("Türü"),
                lambda r: INSTITUTION_KINDS.label(r.kind, lang),
                lambda r: collation_key(INSTITUTION_KINDS.label(r.kind, lang)),
            ),
            Column(
                self.tr("Yürüttüğü"),
                lambda r: formatting.number(r.projects_led),
                lambda r: r.projects_led,
                align=RIGHT,
            ),
        ]
        self.projects_summary = plain_label(parent=self, name="projectsSummary")
        self.projects_table = DataTable(project_columns, self)
        self.projects_table.setObjectName("projectsTable")
        self.projects_table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self))
        self.institutions_summary = plain_label(parent=self, name="institutionsSummary")
        self.institutions_table = DataTable(institution_columns, self)
        self.institutions_table.setObjectName("institutionsTable")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.institutions_summary)
        left_layout.addWidget(self.institutions_table)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.projects_summary)
        right_layout.addWidget(self.projects_table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("projectsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.reload()

    @property
    def model(self) -> TableModel:
        return self.projects_table.source

    def reload(self) -> None:
        projects = queries.projects(self.db)
        institutions = queries.institutions(self.db)
        self.projects_table.set_rows(projects)
        self.institutions_table.set_rows(institutions)
        running = sum(1 for p in projects if p.status == "running")
        self.projects_summary.setText(
            formatting.fill(
                self.tr("Eylem planı projeleri: %1 (%2 yürüyor)"),
                formatting.number(len(projects)),
                formatting.number(running),
            )
        )
        self.institutions_summary.setText(
            formatting.fill(self.tr("Üye kurumlar: %1"), formatting.number(len(institutions)))
        )
