"""One institution's page: what it leads, partners in, and still owes; late ones in red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import INSTITUTION_KINDS, PARTNER_ROLES, PROJECT_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.coordination.common import LateTable, date_key
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import Column
from kayseri_desktop.services.coordination_institutions import InstitutionPage, institution_page


class InstitutionPageView(QWidget):
    """Shows InstitutionPage for the chosen institution; double-click opens a project."""

    projectActivated = Signal(int)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("institutionPage")
        self.db = db
        self._today = today
        self.ident: int | None = None
        self.page: InstitutionPage | None = None
        lang = current_language()
        self.heading = plain_label(parent=self, name="institutionHeading")
        self.heading.setProperty("role", "heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.details = plain_label(parent=self, name="institutionDetails")
        self.details.setWordWrap(True)
        self.late_label = plain_label(parent=self, name="institutionLate")

        def project_columns(role: bool):
            columns = [
                Column(self.tr("Kod"), lambda r: self._project(r).code),
                Column(
                    self.tr("Proje"),
                    lambda r: self._project(r).title,
                    lambda r: collation_key(self._project(r).title),
                    stretch=True,
                ),
                Column(
                    self.tr("Durum"),
                    lambda r: self._status(self._project(r), lang),
                    lambda r: self._status(self._project(r), lang),
                ),
                Column(
                    self.tr("Bitiş"),
                    lambda r: formatting.date(self._project(r).end_date),
                    lambda r: date_key(self._project(r).end_date),
                ),
            ]
            if role:
                role_column = Column(self.tr("Rolü"), lambda r: PARTNER_ROLES.label(r[1], lang))
                columns.insert(2, role_column)
            return columns

        self.led_table = LateTable(project_columns(False), self, flag="behind")
        self.led_table.setObjectName("ledProjectsTable")
        self.partnered_table = LateTable(project_columns(True), self, flag=lambda r: r[0].behind)
        self.partnered_table.setObjectName("partneredProjectsTable")
        self.milestones_table = LateTable(
            [
                Column(self.tr("Kilometre taşı"), lambda r: r.title, stretch=True),
                Column(self.tr("Proje"), lambda r: r.project_code),
                Column(
                    self.tr("Son tarih"),
                    lambda r: formatting.date(r.due_date),
                    lambda r: r.due_date.isoformat(),
                ),
                Column(self.tr("Durum"), lambda r: self._late_text(r.late)),
            ],
            self,
            sort_column=2,
        )
        self.milestones_table.setObjectName("institutionMilestonesTable")
        self.milestones_table.doubleClicked.connect(lambda _i: self._open_milestone())
        self.decisions_table = LateTable(
            [
                Column(self.tr("Karar"), lambda r: r.text, stretch=True),
                Column(
                    self.tr("Toplantı"),
                    lambda r: formatting.date(r.held_on),
                    lambda r: r.held_on.isoformat(),
                ),
                Column(
                    self.tr("Son tarih"),
                    lambda r: formatting.date(r.due_date),
                    lambda r: date_key(r.due_date),
                ),
                Column(self.tr("Durum"), lambda r: self._late_text(r.late)),
            ],
            self,
            sort_column=2,
        )
        self.decisions_table.setObjectName("institutionDecisionsTable")
        self.sections = QTabWidget(self)
        self.sections.setObjectName("institutionSections")
        for table in (self.led_table, self.partnered_table):
            table.doubleClicked.connect(lambda _i, t=table: self._open(t))
        self.sections.addTab(self.led_table, "")
        self.sections.addTab(self.partnered_table, "")
        self.sections.addTab(self.milestones_table, "")
        self.sections.addTab(self.decisions_table, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.late_label)
        layout.addWidget(self.sections, 1)
        self.show_institution(None)

    @staticmethod
    def _project(row):
        return row[0] if isinstance(row, tuple) else row

    def _status(self, project, lang: str) -> str:
        text = PROJECT_STATUSES.label(project.status, lang)
        return formatting.fill(self.tr("%1 (gecikti)"), text) if project.late else text

    def _late_text(self, late: bool) -> str:
        return self.tr("Gecikti") if late else self.tr("Açık")

    def _open(self, table: LateTable) -> None:
        row = table.current_row()
        if row is not None:
            self.projectActivated.emit(self._project(row).id)

    def _open_milestone(self) -> None:
        row = self.milestones_table.current_row()
        if row is not None:
            self.projectActivated.emit(row.project_id)

    def set_database(self, db: Database) -> None:
        self.db = db
        self.show_institution(None)

    def show_institution(self, ident: int | None) -> None:
        self.ident = ident
        self.page = institution_page(self.db, ident, self._today()) if ident is not None else None
        page = self.page
        if page is None:
            self.heading.setText(self.tr("Kurum seçilmedi"))
            self.details.setText(self.tr("Soldaki listeden bir kurum seçin."))
            self.late_label.setText("")
            for table in (
                self.led_table,
                self.partnered_table,
                self.milestones_table,
                self.decisions_table,
            ):
                table.set_rows([])
            self._titles()
            return
        inst = page.institution
        lang = current_language()
        self.heading.setText(inst.name)
        parts = [INSTITUTION_KINDS.label(inst.kind, lang)]
        if inst.short_name:
            parts.insert(0, inst.short_name)
        contact = " · ".join(
            x for x in (inst.contact_name, page.contact_email, page.contact_phone) if x
        )
        if contact:
            parts.append(formatting.fill(self.tr("İrtibat: %1"), contact))
        self.details.setText(" — ".join(parts))
        self.late_label.setText(
            formatting.fill(
                self.tr("Geciken: %1 proje, %2 kilometre taşı, %3 karar"),
                formatting.number(page.late_projects),
                formatting.number(page.late_milestones),
                formatting.number(page.late_decisions),
            )
        )
        alert = page.late_projects + page.late_milestones + page.late_decisions > 0
        self.late_label.setProperty("alert", alert)
        self.late_label.setStyleSheet("color: #9b1c1c; font-weight: bold;" if alert else "")
        self.led_table.set_rows(page.led)
        self.partnered_table.set_rows(page.partnered)
        self.milestones_table.set_rows(page.milestones)
        self.decisions_table.set_rows(page.decisions)
        self._titles()

    def _titles(self) -> None:
        page = self.page
        counts = (
            (len(page.led), len(page.partnered), len(page.milestones), len(page.decisions))
            if page
            else (0, 0, 0, 0)
        )
        titles = (
            self.tr("Yürüttüğü projeler (%1)"),
            self.tr("Ortak olduğu projeler (%1)"),
            self.tr("Açık kilometre taşları (%1)"),
            self.tr("Açık kararlar (%1)"),
        )
        for i, (title, n) in enumerate(zip(titles, counts, strict=True)):
            self.sections.setTabText(i, formatting.fill(title, formatting.number(n)))
