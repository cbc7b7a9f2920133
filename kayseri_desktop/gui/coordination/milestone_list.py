"""The Kilometre taşları page: every milestone of the shown projects, late ones in red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.coordination.common import LateTable, date_key
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.table_model import Column
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services.coordination_lists import MilestoneRow


class MilestoneList(QWidget):
    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("milestoneList")
        self.db = db
        self._today = today
        self.table = LateTable(
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
                    lambda r: date_key(r.done_on),
                ),
                Column(self.tr("Durum"), self._state),
            ],
            self,
            sort_column=3,
        )
        self.table.setObjectName("milestonesTable")
        self.summary = plain_label(parent=self, name="milestonesSummary")
        self.done_button = QPushButton(self.tr("Tamamlandı olarak işaretle"), self)
        self.done_button.setObjectName("milestoneDoneButton")
        self.done_button.clicked.connect(lambda: self.set_selected_done(self._today()))
        self.undo_button = QPushButton(self.tr("Tamamlanmadı olarak işaretle"), self)
        self.undo_button.setObjectName("milestoneUndoneButton")
        self.undo_button.clicked.connect(lambda: self.set_selected_done(None))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _state(self, row: MilestoneRow) -> str:
        if row.done_on:
            return self.tr("Tamamlandı")
        return self.tr("Gecikti") if row.late else self.tr("Açık")

    def set_database(self, db: Database) -> None:
        self.db = db

    def set_rows(self, rows: Sequence[MilestoneRow]) -> None:
        self.table.set_rows(rows)
        self.summary.setText(
            formatting.fill(
                self.tr("%1 kilometre taşı, %2 açık, %3 gecikmiş"),
                formatting.number(len(rows)),
                formatting.number(sum(1 for ms in rows if not ms.done_on)),
                formatting.number(sum(1 for ms in rows if ms.late)),
            )
        )

    def set_selected_done(self, day: dt.date | None) -> None:
        """Mark the chosen milestones done on a day (None: not done after all)."""
        try:
            for row in self.table.selected_rows():
                co.set_milestone_done(self.db, row.id, day)
        except (co.ValidationError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Kilometre taşı güncellenemedi"), str(exc))
