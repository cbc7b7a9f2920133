"""Kurumlar ve Projeler: the action plan's projects, their timeline, the institutions.

A filter bar (institution, theme, roadmap year, status, late only) drives the project
list, the Gantt timeline and the Excel export alike. The Kurumlar page lists the
member institutions beside the chosen one's page; the Kilometre taşları page lists
every milestone, late ones in red, and marks them done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import (
    ACTION_THEMES,
    INSTITUTION_KINDS,
    PROJECT_STATUSES,
    ROADMAP_YEARS,
)
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange.projects_xlsx import export_projects
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.coordination.common import (
    LateTable,
    fill_catalogue,
    fill_choices,
    select_data,
)
from kayseri_desktop.gui.coordination.gantt import GanttView
from kayseri_desktop.gui.coordination.institution_dialog import InstitutionDialog
from kayseri_desktop.gui.coordination.institution_page import InstitutionPageView
from kayseri_desktop.gui.coordination.project_dialog import ProjectDialog
from kayseri_desktop.gui.data_table import DataTab, plain_label
from kayseri_desktop.gui.delegates import ProgressDelegate
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column, TableModel, order_of
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import coordination_lists as lists

CODE, TITLE, LEAD, STATUS, PROGRESS, END, THEME, YEAR, PARTNERS, LATE_MS = range(10)


def _date_key(value: dt.date | None) -> str:
    return value.isoformat() if value else "9999"


class ProjectsTab(DataTab):
    entities = frozenset({"project", "institution", "milestone", "decision", "setting"})

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(db, parent)
        self.setObjectName("projectsTab")
        self._today = today
        self.dialog: ProjectDialog | InstitutionDialog | None = None
        self.projects: list[lists.ProjectRow] = []
        lang = current_language()

        # -- filters and actions ---------------------------------------------------
        self.institution_filter = QComboBox(self)
        self.institution_filter.setObjectName("institutionFilter")
        self.theme_filter = QComboBox(self)
        self.theme_filter.setObjectName("themeFilter")
        fill_catalogue(self.theme_filter, ACTION_THEMES, everything=self.tr("Tüm temalar"))
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("yearFilter")
        fill_catalogue(self.year_filter, ROADMAP_YEARS, everything=self.tr("Tüm yıllar"))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        fill_catalogue(self.status_filter, PROJECT_STATUSES, everything=self.tr("Tüm durumlar"))
        self.late_filter = QCheckBox(self.tr("Yalnız gecikenler"), self)
        self.late_filter.setObjectName("lateFilter")
        for combo in (self.institution_filter, self.theme_filter, self.year_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.late_filter.toggled.connect(self.apply_filter)
        self.new_project_button = QPushButton(self.tr("Yeni proje…"), self)
        self.new_project_button.setObjectName("newProjectButton")
        self.new_project_button.clicked.connect(lambda: self.open_project(None))
        self.edit_project_button = QPushButton(self.tr("Projeyi aç…"), self)
        self.edit_project_button.setObjectName("editProjectButton")
        self.edit_project_button.clicked.connect(self.open_selected_project)
        self.export_button = QPushButton(self.tr("Excel'e aktar…"), self)
        self.export_button.setObjectName("exportProjectsButton")
        self.export_button.clicked.connect(self.choose_export)
        filters = QHBoxLayout()
        for w in (
            self.institution_filter,
            self.theme_filter,
            self.year_filter,
            self.status_filter,
            self.late_filter,
        ):
            filters.addWidget(w)
        for combo in (
            self.institution_filter,
            self.theme_filter,
            self.year_filter,
            self.status_filter,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
        filters.addStretch(1)
        filters.addWidget(self.export_button)

        # -- project list ----------------------------------------------------------
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
                lambda r: _date_key(r.end_date),
            ),
            Column(
                self.tr("Tema"),
                lambda r: ACTION_THEMES.label(r.theme, lang),
                lambda r: collation_key(ACTION_THEMES.label(r.theme, lang)),
            ),
            Column(self.tr("Yıl"), lambda r: str(r.roadmap_year), lambda r: r.roadmap_year),
            Column(
                self.tr("Ortaklar"),
                lambda r: r.partners,
                lambda r: collation_key(r.partners),
                max_width=220,
            ),
            Column(
                self.tr("Gecikme"),
                self._late_text,
                lambda r: (2 if r.late else 0) + (1 if r.milestones_late else 0),
            ),
        ]
        self.projects_summary = plain_label(parent=self, name="projectsSummary")
        self.projects_table = LateTable(project_columns, self, flag="behind")
        self.projects_table.setObjectName("projectsTable")
        self.projects_table.setSelectionMode(LateTable.SelectionMode.SingleSelection)
        self.projects_table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self))
        self.projects_table.doubleClicked.connect(lambda _i: self.open_selected_project())
        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.addWidget(self.projects_summary)
        list_layout.addWidget(self.projects_table)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_project_button)
        list_buttons.addWidget(self.edit_project_button)
        list_buttons.addStretch(1)
        list_layout.addLayout(list_buttons)

        # -- timeline --------------------------------------------------------------
        self.gantt = GanttView(self, today=today)
        self.gantt.projectActivated.connect(self.open_project)

        # -- institutions ----------------------------------------------------------
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
            Column(
                self.tr("Ortak"),
                lambda r: formatting.number(r.projects_partnered),
                lambda r: r.projects_partnered,
                align=RIGHT,
            ),
            Column(
                self.tr("Geciken"),
                lambda r: formatting.number(r.late),
                lambda r: r.late,
                align=RIGHT,
            ),
        ]
        self.institutions_summary = plain_label(parent=self, name="institutionsSummary")
        self.institutions_table = LateTable(institution_columns, self, flag=lambda r: r.late > 0)
        self.institutions_table.setObjectName("institutionsTable")
        self.institutions_table.setSelectionMode(LateTable.SelectionMode.SingleSelection)
        self.institutions_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_institution()
        )
        self.institutions_table.doubleClicked.connect(lambda _i: self.edit_selected_institution())
        self.new_institution_button = QPushButton(self.tr("Yeni kurum…"), self)
        self.new_institution_button.setObjectName("newInstitutionButton")
        self.new_institution_button.clicked.connect(lambda: self.open_institution(None))
        self.edit_institution_button = QPushButton(self.tr("Kurumu düzenle…"), self)
        self.edit_institution_button.setObjectName("editInstitutionButton")
        self.edit_institution_button.clicked.connect(self.edit_selected_institution)
        self.institution_page = InstitutionPageView(db, self, today=today)
        self.institution_page.projectActivated.connect(self.open_project)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.institutions_summary)
        left_layout.addWidget(self.institutions_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_institution_button)
        buttons.addWidget(self.edit_institution_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("projectsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.institution_page)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        # -- milestones ------------------------------------------------------------
        self.milestones_table = LateTable(
            [
                Column(self.tr("Kilometre taşı"), lambda r: r.title, stretch=True),
                Column(self.tr("Proje"), lambda r: r.project_code),
                Column(
                    self.tr("Sorumlu"),
                    lambda r: r.responsible,
                    lambda r: collation_key(r.responsible),
                ),
                Column(
                    self.tr("Son tarih"),
                    lambda r: formatting.date(r.due_date),
                    lambda r: r.due_date.isoformat(),
                ),
                Column(
                    self.tr("Tamamlanma"),
                    lambda r: formatting.date(r.done_on),
                    lambda r: _date_key(r.done_on),
                ),
                Column(self.tr("Durum"), self._milestone_state),
            ],
            self,
            sort_column=3,
        )
        self.milestones_table.setObjectName("milestonesTable")
        self.milestones_summary = plain_label(parent=self, name="milestonesSummary")
        self.milestone_done_button = QPushButton(self.tr("Tamamlandı olarak işaretle"), self)
        self.milestone_done_button.setObjectName("milestoneDoneButton")
        self.milestone_done_button.clicked.connect(
            lambda: self.set_selected_milestones_done(self._today())
        )
        self.milestone_undo_button = QPushButton(self.tr("Tamamlanmadı olarak işaretle"), self)
        self.milestone_undo_button.setObjectName("milestoneUndoneButton")
        self.milestone_undo_button.clicked.connect(lambda: self.set_selected_milestones_done(None))
        milestone_page = QWidget(self)
        ms_layout = QVBoxLayout(milestone_page)
        ms_layout.addWidget(self.milestones_summary)
        ms_layout.addWidget(self.milestones_table)
        ms_buttons = QHBoxLayout()
        ms_buttons.addWidget(self.milestone_done_button)
        ms_buttons.addWidget(self.milestone_undo_button)
        ms_buttons.addStretch(1)
        ms_layout.addLayout(ms_buttons)

        self.views = QTabWidget(self)
        self.views.setObjectName("projectViews")
        self.views.addTab(list_page, self.tr("Proje listesi"))
        self.views.addTab(self.gantt, self.tr("Zaman çizelgesi"))
        self.views.addTab(self.splitter, self.tr("Kurumlar"))
        self.views.addTab(milestone_page, self.tr("Kilometre taşları"))
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.views, 1)
        self.reload()

    # -- presentation ----------------------------------------------------------------

    @property
    def model(self) -> TableModel:
        return self.projects_table.source

    def _late_text(self, row: lists.ProjectRow) -> str:
        parts = []
        if row.late:
            parts.append(self.tr("Proje gecikti"))
        if row.milestones_late:
            parts.append(formatting.fill(self.tr("%1 kilometre taşı gecikti"), row.milestones_late))
        return "; ".join(parts)

    def _milestone_state(self, row: lists.MilestoneRow) -> str:
        if row.done_on:
            return self.tr("Tamamlandı")
        return self.tr("Gecikti") if row.late else self.tr("Açık")

    def current_filter(self) -> lists.ProjectFilter:
        year = self.year_filter.currentData()
        return lists.ProjectFilter(
            institution_id=self.institution_filter.currentData(),
            theme=self.theme_filter.currentData(),
            roadmap_year=int(year) if year else None,
            status=self.status_filter.currentData(),
            late_only=self.late_filter.isChecked(),
        )

    # -- loading ---------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.institution_page.set_database(db)
        super().set_database(db)

    def reload(self) -> None:
        today = self._today()
        chosen = self.institution_filter.currentData()
        self.institution_filter.blockSignals(True)
        fill_choices(
            self.institution_filter,
            co.institution_choices(self.db),
            empty=self.tr("Tüm kurumlar"),
        )
        select_data(self.institution_filter, chosen)
        self.institution_filter.blockSignals(False)
        self.projects = lists.projects(self.db, today)
        self.milestones = lists.milestones(self.db, today)
        self.bands = lists.roadmap_bands(self.db)
        selected_inst = self.institutions_table.current_row()
        institutions = lists.institutions(self.db, today)
        self.institutions_table.set_rows(institutions)
        self.institutions_summary.setText(
            formatting.fill(self.tr("Üye kurumlar: %1"), formatting.number(len(institutions)))
        )
        ids = [r.id for r in self.institutions_table.visible_rows()]
        if selected_inst is not None and selected_inst.id in ids:
            self.institutions_table.selectRow(ids.index(selected_inst.id))
        self._show_institution()
        self.apply_filter()

    def apply_filter(self) -> None:
        filt = self.current_filter()
        shown = [p for p in self.projects if filt.accepts(p)]
        self.projects_table.set_rows(shown)
        ids = {p.id for p in shown}
        milestones = [ms for ms in self.milestones if ms.project_id in ids]
        self.milestones_table.set_rows(milestones)
        self.gantt.set_data(shown, milestones, self.bands)
        running = sum(1 for p in shown if p.status == "running")
        late = sum(1 for p in shown if p.behind)
        self.projects_summary.setText(
            formatting.fill(
                self.tr("Eylem planı projeleri: %1 (%2 yürüyor, %3 gecikmede)"),
                formatting.number(len(shown)),
                formatting.number(running),
                formatting.number(late),
            )
        )
        self.milestones_summary.setText(
            formatting.fill(
                self.tr("%1 kilometre taşı, %2 açık, %3 gecikmiş"),
                formatting.number(len(milestones)),
                formatting.number(sum(1 for ms in milestones if not ms.done_on)),
                formatting.number(sum(1 for ms in milestones if ms.late)),
            )
        )

    def _show_institution(self) -> None:
        row = self.institutions_table.current_row()
        self.institution_page.show_institution(row.id if row is not None else None)

    def select_institution(self, ident: int) -> None:
        ids = [r.id for r in self.institutions_table.visible_rows()]
        if ident in ids:
            self.institutions_table.selectRow(ids.index(ident))

    # -- actions ---------------------------------------------------------------------

    def open_project(self, ident: int | None) -> ProjectDialog:
        """Open the project dialog (window-modal; it saves itself on OK)."""
        dialog = ProjectDialog(self.db, ident, self, today=self._today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_selected_project(self) -> ProjectDialog | None:
        row = self.projects_table.current_row()
        return self.open_project(row.id) if row is not None else None

    def open_institution(self, ident: int | None) -> InstitutionDialog:
        dialog = InstitutionDialog(self.db, ident, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected_institution(self) -> InstitutionDialog | None:
        row = self.institutions_table.current_row()
        return self.open_institution(row.id) if row is not None else None

    def set_selected_milestones_done(self, day: dt.date | None) -> None:
        """Mark the chosen milestones done on a day (None: not done)."""
        for row in self.milestones_table.selected_rows():
            co.set_milestone_done(self.db, row.id, day)

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Projeleri Excel'e aktar"),
            str(Path.home() / "projeler.xlsx"),
            self.tr("Excel çalışma kitabı (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        try:
            result = export_projects(
                self.db, path, today=self._today(), project_filter=self.current_filter()
            )
        except OSError as exc:
            messages.critical(
                self,
                self.tr("Dışa aktarılamadı"),
                formatting.fill(self.tr("%1 yazılamadı."), str(path)),
                details=str(exc),
            )
            return
        messages.information(
            self,
            self.tr("Dışa aktarıldı"),
            formatting.fill(
                self.tr("%1 yazıldı: %2 proje, %3 kilometre taşı, %4 açık karar."),
                str(result.path),
                formatting.number(result.projects),
                formatting.number(result.milestones),
                formatting.number(result.decisions),
            ),
        )
