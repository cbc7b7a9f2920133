"""The Kurumlar page: member institutions beside the chosen one's page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import INSTITUTION_KINDS
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.coordination.common import LateTable
from kayseri_desktop.gui.coordination.institution_page import InstitutionPageView
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column
from kayseri_desktop.services.coordination_institutions import InstitutionRow


class InstitutionsView(QSplitter):
    """Institutions (those with anything late in red) and the chosen one's page."""

    newRequested = Signal()
    editRequested = Signal(int)
    projectActivated = Signal(int)

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("projectsSplitter")
        lang = current_language()
        columns = [
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
        self.summary = plain_label(parent=self, name="institutionsSummary")
        self.table = LateTable(columns, self, flag=lambda r: r.late > 0)
        self.table.setObjectName("institutionsTable")
        self.table.setSelectionMode(LateTable.SelectionMode.SingleSelection)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _i: self._edit_current())
        self.new_button = QPushButton(self.tr("Yeni kurum…"), self)
        self.new_button.setObjectName("newInstitutionButton")
        self.new_button.clicked.connect(self.newRequested)
        self.edit_button = QPushButton(self.tr("Kurumu düzenle…"), self)
        self.edit_button.setObjectName("editInstitutionButton")
        self.edit_button.clicked.connect(self._edit_current)
        self.page = InstitutionPageView(db, self, today=today)
        self.page.projectActivated.connect(self.projectActivated)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.summary)
        left_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.addWidget(left)
        self.addWidget(self.page)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)

    def set_database(self, db: Database) -> None:
        self.page.set_database(db)

    def set_rows(self, rows: Sequence[InstitutionRow]) -> None:
        """New rows; the chosen institution stays chosen (and its page is refreshed)."""
        chosen = self.current_id()
        self.table.set_rows(rows)
        self.summary.setText(
            formatting.fill(self.tr("Üye kurumlar: %1"), formatting.number(len(rows)))
        )
        if chosen is not None:
            self.select_institution(chosen)
        self._show_current()

    def current_id(self) -> int | None:
        row = self.table.current_row()
        return row.id if row is not None else None

    def select_institution(self, ident: int) -> None:
        ids = [r.id for r in self.table.visible_rows()]
        if ident in ids:
            self.table.selectRow(ids.index(ident))

    def _show_current(self) -> None:
        self.page.show_institution(self.current_id())

    def _edit_current(self) -> None:
        ident = self.current_id()
        if ident is not None:
            self.editRequested.emit(ident)
