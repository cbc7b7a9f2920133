"""Toplantılar: committee meetings, latest first, and the decisions of the chosen one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import DECISION_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, queries
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.queries import DecisionRow, MeetingRow
from kayseri_desktop.gui.table_model import RIGHT, Column, TableModel

DATE, PLACE, DECISIONS, OPEN_DECISIONS = range(4)


class MeetingsTab(DataTab):
    entities = frozenset({"meeting", "decision", "institution"})

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
        ]
        self.summary = plain_label(parent=self, name="meetingsSummary")
        self.table = DataTable(columns, self, sort_column=DATE, order=Qt.SortOrder.DescendingOrder)
        self.table.setObjectName("meetingsTable")
        self.table.setSelectionMode(DataTable.SelectionMode.SingleSelection)
        self.decisions_label = plain_label(parent=self, name="decisionsLabel")
        self.decisions_table = DataTable(decision_columns, self)
        self.decisions_table.setObjectName("decisionsTable")

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.decisions_label)
        lower_layout.addWidget(self.decisions_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("meetingsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.reload()

    @property
    def model(self) -> TableModel:
        return self.table.source

    def _status_text(self, row: DecisionRow, lang: str) -> str:
        if row.status == "open" and row.due_date is not None and row.due_date < self._today():
            return self.tr("Süresi geçti")
        return DECISION_STATUSES.label(row.status, lang)

    def selected_meeting(self) -> MeetingRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.table.proxy.mapToSource(rows[0]).row())

    def reload(self) -> None:
        selected = self.selected_meeting()
        rows = queries.meetings(self.db)
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

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_decisions()

    def _show_decisions(self) -> None:
        meeting = self.selected_meeting()
        if meeting is None:
            self.decisions_table.set_rows([])
            self.decisions_label.setText(self.tr("Toplantı seçilmedi."))
            return
        decisions = queries.meeting_decisions(self.db, meeting.id)
        self.decisions_table.set_rows(decisions)
        self.decisions_label.setText(
            formatting.fill(
                self.tr("%1 tarihli toplantının kararları: %2"),
                formatting.date(meeting.held_on),
                formatting.number(len(decisions)),
            )
        )
