"""Toplantılar: committee meetings with their agenda and decisions, and open action items.

The first page lists meetings (latest first); the chosen one's agenda (carried-over
decisions marked) and decisions are shown below it. The second page lists every
open action item across meetings, filterable by owner institution, late ones in red.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import DECISION_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.coordination.common import LateTable
from kayseri_desktop.gui.coordination.decision_list import ActionItemList
from kayseri_desktop.gui.coordination.meeting_dialog import MeetingDialog
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column, TableModel
from kayseri_desktop.services import meetings as mt
from kayseri_desktop.services.meetings import DecisionRow, MeetingRow

DATE, PLACE, DECISIONS, OPEN_DECISIONS, ATTENDEES, CARRIED = range(6)


class MeetingsTab(DataTab):
    pack_requested = Signal(object)  # the selected meeting's id, or None
    entities = frozenset({"meeting", "decision", "institution", "project"})

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(db, parent)
        self.setObjectName("meetingsTab")
        self._today = today
        self.dialog: MeetingDialog | None = None
        lang = current_language()
        columns = [
            Column(
                self.tr("Tarih"),
                lambda r: formatting.date(r.held_on),
                lambda r: r.held_on.isoformat(),
            ),
            Column(
                self.tr("Yer"),
                lambda r: r.place or "",
                lambda r: collation_key(r.place),
                stretch=True,
            ),
            Column(
                self.tr("Karar"),
                lambda r: formatting.number(r.decisions),
                lambda r: r.decisions,
                align=RIGHT,
            ),
            Column(
                self.tr("Açık karar"),
                lambda r: formatting.number(r.open_decisions),
                lambda r: r.open_decisions,
                align=RIGHT,
            ),
            Column(
                self.tr("Katılımcı"),
                lambda r: formatting.number(r.attendees),
                lambda r: r.attendees,
                align=RIGHT,
            ),
            Column(
                self.tr("Devreden madde"),
                lambda r: formatting.number(r.carried),
                lambda r: r.carried,
                align=RIGHT,
            ),
        ]
        decision_columns = [
            Column(self.tr("Karar metni"), lambda r: r.text, stretch=True),
            Column(self.tr("Sorumlu"), lambda r: r.owner, lambda r: collation_key(r.owner)),
            Column(
                self.tr("Son tarih"),
                lambda r: formatting.date(r.due_date),
                lambda r: r.due_date.isoformat() if r.due_date else "9999",
            ),
            Column(
                self.tr("Durum"),
                lambda r: self._status_text(r, lang),
                lambda r: collation_key(self._status_text(r, lang)),
            ),
            Column(self.tr("Proje"), lambda r: r.project),
        ]
        agenda_columns = [
            Column(self.tr("Sıra"), lambda r: str(r.position), lambda r: r.position, align=RIGHT),
            Column(self.tr("Gündem maddesi"), lambda r: r.text, stretch=True),
            Column(
                self.tr("Kaynak"),
                lambda r: self.tr("Devreden karar") if r.carried else self.tr("Yeni"),
            ),
        ]
        self.summary = plain_label(parent=self, name="meetingsSummary")
        self.table = DataTable(columns, self, sort_column=DATE, order=Qt.SortOrder.DescendingOrder)
        self.table.setObjectName("meetingsTable")
        self.table.setSelectionMode(DataTable.SelectionMode.SingleSelection)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected_meeting())
        self.new_button = QPushButton(self.tr("Yeni toplantı…"), self)
        self.new_button.setObjectName("newMeetingButton")
        self.new_button.clicked.connect(lambda: self.open_meeting(None))
        self.edit_button = QPushButton(self.tr("Toplantıyı aç…"), self)
        self.edit_button.setObjectName("editMeetingButton")
        self.edit_button.clicked.connect(self.edit_selected_meeting)
        self.pack_button = QPushButton(self.tr("Toplantı paketi…"), self)
        self.pack_button.setObjectName("meetingPackButton")
        self.pack_button.setToolTip(self.tr("Seçili toplantı için Excel ya da PDF paketi hazırla"))
        self.pack_button.clicked.connect(self._request_pack)
        self.decisions_label = plain_label(parent=self, name="decisionsLabel")
        self.decisions_table = LateTable(decision_columns, self)
        self.decisions_table.setObjectName("decisionsTable")
        self.agenda_table = LateTable(agenda_columns, self, flag="carried")
        self.agenda_table.setObjectName("agendaTable")
        self.details = QTabWidget(self)
        self.details.setObjectName("meetingDetails")
        self.details.addTab(self.decisions_table, self.tr("Kararlar"))
        self.details.addTab(self.agenda_table, self.tr("Gündem"))

        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.pack_button)
        buttons.addStretch(1)
        upper_layout.addLayout(buttons)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.decisions_label)
        lower_layout.addWidget(self.details)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("meetingsSplitter")
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        meetings_page = QWidget(self)
        page_layout = QVBoxLayout(meetings_page)
        page_layout.addWidget(self.summary)
        page_layout.addWidget(self.splitter)

        self.action_items = ActionItemList(db, self, today=today)
        self.action_items.meetingActivated.connect(self.show_meeting)
        self.sections = QTabWidget(self)
        self.sections.setObjectName("meetingSections")
        self.sections.addTab(meetings_page, self.tr("Toplantılar"))
        self.sections.addTab(self.action_items, self.tr("Açık eylem maddeleri"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.sections)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.reload()

    @property
    def model(self) -> TableModel:
        return self.table.source

    def _status_text(self, row: DecisionRow, lang: str) -> str:
        if row.late:
            return self.tr("Süresi geçti")
        return DECISION_STATUSES.label(row.status, lang)

    def _request_pack(self) -> None:
        row = self.selected_meeting()
        self.pack_requested.emit(row.id if row else None)

    def selected_meeting(self) -> MeetingRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.table.proxy.mapToSource(rows[0]).row())

    def set_database(self, db: Database) -> None:
        self.action_items.set_database(db)
        super().set_database(db)

    def reload(self) -> None:
        selected = self.selected_meeting()
        rows = mt.meetings(self.db)
        self.table.set_rows(rows)
        open_total = sum(r.open_decisions for r in rows)
        self.summary.setText(
            formatting.fill(
                self.tr("%1 toplantı, %2 açık karar"),
                formatting.number(len(rows)),
                formatting.number(open_total),
            )
        )
        # Keep the chosen meeting chosen across reloads; else the latest with decisions.
        target = 0
        ids = [r.id for r in self.table.visible_rows()]
        if selected is not None and selected.id in ids:
            target = ids.index(selected.id)
        else:
            with_decisions = [i for i, r in enumerate(self.table.visible_rows()) if r.decisions]
            target = with_decisions[0] if with_decisions else 0
        if rows:
            self.table.selectRow(target)
        self._show_decisions()
        self.action_items.reload()

    def select_meeting(self, ident: int) -> None:
        ids = [r.id for r in self.table.visible_rows()]
        if ident in ids:
            self.table.selectRow(ids.index(ident))

    def show_meeting(self, ident: int) -> None:
        """Bring a meeting forward: the meetings page, that meeting chosen."""
        self.sections.setCurrentIndex(0)
        self.select_meeting(ident)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_decisions()

    def _show_decisions(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            self.decisions_table.set_rows([])
            self.agenda_table.set_rows([])
            self.decisions_label.setText(self.tr("Toplantı seçilmedi."))
            return
        decisions = mt.meeting_decisions(self.db, meeting.id, self._today())
        agenda = mt.meeting_agenda(self.db, meeting.id)
        self.decisions_table.set_rows(decisions)
        self.agenda_table.set_rows(agenda)
        self.decisions_label.setText(
            formatting.fill(
                self.tr("%1 tarihli toplantı: %2 karar, %3 gündem maddesi (%4 devreden)"),
                formatting.date(meeting.held_on),
                formatting.number(len(decisions)),
                formatting.number(len(agenda)),
                formatting.number(sum(a.carried for a in agenda)),
            )
        )

    def open_meeting(self, ident: int | None) -> MeetingDialog:
        """Open the meeting dialog (window-modal; it saves itself on OK)."""
        dialog = MeetingDialog(self.db, ident, self, today=self._today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected_meeting(self) -> MeetingDialog | None:
        meeting = self.selected_meeting()
        return self.open_meeting(meeting.id) if meeting is not None else None
