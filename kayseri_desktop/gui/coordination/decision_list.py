"""Every open action item across meetings, filterable by owner, late ones in red."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.coordination.common import LateTable, date_key, fill_choices, select_data
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.table_model import Column
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import meetings as mt


class ActionItemList(QWidget):
    meetingActivated = Signal(int)
    """Double-click on an item: the meeting that took the decision."""

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actionItemList")
        self.db = db
        self._today = today
        self.owner_filter = QComboBox(self)
        self.owner_filter.setObjectName("ownerFilter")
        self.owner_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.owner_filter.setMinimumContentsLength(24)
        self.owner_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.summary = plain_label(parent=self, name="actionItemsSummary")
        self.table = LateTable(
            [
                Column(self.tr("Karar"), lambda r: r.text, stretch=True),
                Column(self.tr("Sorumlu"), lambda r: r.owner, lambda r: collation_key(r.owner)),
                Column(
                    self.tr("Toplantı"),
                    lambda r: formatting.date(r.held_on),
                    lambda r: date_key(r.held_on),
                ),
                Column(
                    self.tr("Son tarih"),
                    lambda r: formatting.date(r.due_date),
                    lambda r: date_key(r.due_date),
                ),
                Column(self.tr("Proje"), lambda r: r.project),
                # Late ones first, then by id. One number: Qt's sort compares no tuples.
                Column(self.tr("Durum"), self._state, lambda r: (not r.late) * 10**9 + r.id),
            ],
            self,
            sort_column=3,
        )
        self.table.setObjectName("actionItemsTable")
        self.table.doubleClicked.connect(lambda _i: self._open_meeting())
        self.done_button = QPushButton(self.tr("Tamamlandı"), self)
        self.done_button.setObjectName("actionDoneButton")
        self.done_button.clicked.connect(lambda: self.close_selected("done"))
        self.cancel_button = QPushButton(self.tr("İptal et"), self)
        self.cancel_button.setObjectName("actionCancelButton")
        self.cancel_button.clicked.connect(lambda: self.close_selected("cancelled"))
        top = QHBoxLayout()
        top.addWidget(plain_label(self.tr("Sorumlu kurum:"), self))
        top.addWidget(self.owner_filter)
        top.addStretch(1)
        top.addWidget(self.done_button)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def _state(self, row: mt.DecisionRow) -> str:
        if row.late and row.due_date is not None:  # late: past its due date
            days = (self._today() - row.due_date).days
            return formatting.fill(self.tr("Gecikti (%1 gün)"), formatting.number(days))
        return self.tr("Açık")

    def _open_meeting(self) -> None:
        row = self.table.current_row()
        if row is not None and row.meeting_id is not None:
            self.meetingActivated.emit(row.meeting_id)

    def set_database(self, db: Database) -> None:
        self.db = db

    def reload(self) -> None:
        owner = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        fill_choices(
            self.owner_filter, co.institution_choices(self.db), empty=self.tr("Tüm kurumlar")
        )
        select_data(self.owner_filter, owner)
        self.owner_filter.blockSignals(False)
        rows = mt.open_action_items(
            self.db, self._today(), owner_id=self.owner_filter.currentData()
        )
        self.table.set_rows(rows)
        self.summary.setText(
            formatting.fill(
                self.tr("%1 açık eylem maddesi, %2 gecikmiş"),
                formatting.number(len(rows)),
                formatting.number(sum(r.late for r in rows)),
            )
        )

    def choose_owner(self, institution_id: int | None) -> None:
        select_data(self.owner_filter, institution_id)

    def close_selected(self, status: str) -> None:
        try:
            for row in self.table.selected_rows():
                mt.set_decision_status(self.db, row.id, status, self._today())
        except (co.ValidationError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Karar güncellenemedi"), str(exc))
