"""Kurumlar ve Projeler: the action plan's projects, their timeline, the institutions.

A filter bar (institution, theme, roadmap year, status, late only) drives the project
list, the Gantt timeline and the Excel export alike. The Kurumlar page lists the
member institutions beside the chosen one's page; the Kilometre taşları page lists
every milestone, late ones in red, and marks them done (gui/coordination/).
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
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import (
    ACTION_THEMES,
    PROJECT_STATUSES,
    ROADMAP_YEARS,
)
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange.projects_xlsx import export_projects
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.coordination.action_plan_page import ActionPlanPage
from kayseri_desktop.gui.coordination.common import (
    LateTable,
    date_key,
    fill_catalogue,
    fill_choices,
    select_data,
)
from kayseri_desktop.gui.coordination.gantt import GanttView
from kayseri_desktop.gui.coordination.institution_dialog import InstitutionDialog
from kayseri_desktop.gui.coordination.institutions_view import InstitutionsView
from kayseri_desktop.gui.coordination.milestone_list import MilestoneList
from kayseri_desktop.gui.coordination.project_dialog import ProjectDialog
from kayseri_desktop.gui.data_table import DataTab, plain_label
from kayseri_desktop.gui.delegates import ProgressDelegate
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column, TableModel, order_of
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import coordination_lists as lists
from kayseri_desktop.services.coordination_institutions import institutions as institutions_of

CODE, TITLE, LEAD, STATUS, PROGRESS, END, THEME, YEAR, PARTNERS, LATE_MS = range(10)


class ProjectsTab(DataTab):
    entities = frozenset({"project", "institution", "milestone", "decision", "setting", "action"})
    evidence_entities = frozenset({"visit", "firm"})
    """Changes that only move the Eylem Planı page's evidence (visits' needs, firms)."""

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
        self.role_filter = QComboBox(self)
        self.role_filter.setObjectName("roleFilter")
        self.role_filter.setToolTip(self.tr("Seçilen kurumun projedeki rolü"))
        for text, role in (
            (self.tr("Lider ya da ortak"), None),
            (self.tr("Lider (yürütücü)"), "lead"),
            (self.tr("Ortak"), "partner"),
        ):
            self.role_filter.addItem(text, role)
        self.role_filter.setEnabled(False)
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
        for combo in (
            self.institution_filter,
            self.role_filter,
            self.theme_filter,
            self.year_filter,
        ):
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
            self.role_filter,
            self.theme_filter,
            self.year_filter,
            self.status_filter,
            self.late_filter,
        ):
            filters.addWidget(w)
        for combo in (
            self.institution_filter,
            self.role_filter,
            self.theme_filter,
            self.year_filter,
            self.status_filter,
        ):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(3 if combo is self.role_filter else 6)
            # Narrow windows shrink them; wide ones let them show whole labels.
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            widest = {self.institution_filter: 480, self.role_filter: 180}.get(combo, 220)
            combo.setMaximumWidth(widest)
            filters.setStretchFactor(
                combo, {self.institution_filter: 4, self.role_filter: 1}.get(combo, 2)
            )
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
                lambda r: date_key(r.end_date),
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
                max_width=200,
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

        # -- institutions and milestones -------------------------------------------
        self.institutions = InstitutionsView(db, self, today=today)
        self.institutions.newRequested.connect(lambda: self.open_institution(None))
        self.institutions.editRequested.connect(self.open_institution)
        self.institutions.projectActivated.connect(self.open_project)
        self.institutions_table = self.institutions.table
        self.institution_page = self.institutions.page
        self.milestone_list = MilestoneList(db, self, today=today)
        self.milestones_table = self.milestone_list.table
        self.action_plan = ActionPlanPage(db, self, today=today)

        self.views = QTabWidget(self)
        self.views.setObjectName("projectViews")
        self.views.addTab(list_page, self.tr("Proje listesi"))
        self.views.addTab(self.gantt, self.tr("Zaman çizelgesi"))
        self.views.addTab(self.institutions, self.tr("Kurumlar"))
        self.views.addTab(self.milestone_list, self.tr("Kilometre taşları"))
        self.views.addTab(self.action_plan, self.tr("Eylem Planı"))
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

    def current_filter(self) -> lists.ProjectFilter:
        year = self.year_filter.currentData()
        institution = self.institution_filter.currentData()
        return lists.ProjectFilter(
            institution_id=institution,
            role=self.role_filter.currentData() if institution is not None else None,
            theme=self.theme_filter.currentData(),
            roadmap_year=int(year) if year else None,
            status=self.status_filter.currentData(),
            late_only=self.late_filter.isChecked(),
        )

    # -- loading ---------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.institutions.set_database(db)
        self.milestone_list.set_database(db)
        self.action_plan.db = db
        super().set_database(db)

    def on_entities_changed(self, entities: set[str]) -> None:
        if self.entities & entities:
            self.reload()
        elif self.evidence_entities & entities:
            self.action_plan.reload()

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
        self.institutions.set_rows(institutions_of(self.db, today))
        self.action_plan.reload()
        self.apply_filter()

    def apply_filter(self) -> None:
        filt = self.current_filter()
        self.role_filter.setEnabled(filt.institution_id is not None)
        self.institution_filter.setToolTip(self.institution_filter.currentText())
        if filt.institution_id is not None:  # the Kurumlar page shows the one filtered by
            self.institutions.select_institution(filt.institution_id)
            page = self.institution_page
            role_table = {"lead": page.led_table, "partner": page.partnered_table}
            if filt.role in role_table:
                page.sections.setCurrentWidget(role_table[filt.role])
        shown = [p for p in self.projects if filt.accepts(p)]
        self.projects_table.set_rows(shown)
        ids = {p.id for p in shown}
        milestones = [ms for ms in self.milestones if ms.project_id in ids]
        self.milestone_list.set_rows(milestones)
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

    def show_filtered(
        self,
        *,
        institution_id: int | None = None,
        role: str | None = None,
        status: str | None = None,
        **_other,
    ) -> None:
        """Show the project list of one institution (in one role) and/or status: exactly
        the projects a Pano bar counted. The Kurumlar page shows that institution."""
        choices = (
            (self.institution_filter, institution_id),
            (self.role_filter, role),
            (self.status_filter, status),
            (self.theme_filter, None),
            (self.year_filter, None),
        )
        widgets = [combo for combo, _ in choices] + [self.late_filter]
        for widget in widgets:  # one filtering below, not one per combo
            widget.blockSignals(True)
        try:
            for combo, value in choices:
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.late_filter.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.views.setCurrentIndex(0)
        self.apply_filter()

    def select_institution(self, ident: int) -> None:
        self.institutions.select_institution(ident)

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
        ident = self.institutions.current_id()
        return self.open_institution(ident) if ident is not None else None

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
            with messages.busy():
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
