"""Ziyaret Takvimi: visits from today on, earliest first, with their field teams."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import VISIT_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, queries
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.queries import VisitRow
from kayseri_desktop.gui.table_model import Column, TableModel, order_of

WHEN, FIRM, TEAM, STATUS = range(4)


class VisitsTab(DataTab):
    entities = frozenset({"visit", "firm", "staff"})

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(db, parent)
        self.setObjectName("visitsTab")
        self._today = today
        lang = current_language()
        columns = [
            Column(
                self.tr("Tarih"),
                lambda r: formatting.date_time(r.starts_at),
                lambda r: r.starts_at.isoformat(),
            ),
            Column(self.tr("Firma"), lambda r: r.firm_title, lambda r: r.firm_sort, stretch=True),
            Column(self.tr("Saha ekibi"), lambda r: r.team, lambda r: collation_key(r.team)),
            Column(
                self.tr("Durum"),
                lambda r: VISIT_STATUSES.label(r.status, lang),
                order_of(VISIT_STATUSES.codes(), "status"),
            ),
        ]
        self.summary = plain_label(parent=self, name="visitsSummary")
        self.table = DataTable(columns, self)
        self.table.setObjectName("visitsTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.reload()

    @property
    def model(self) -> TableModel:
        return self.table.source

    def reload(self) -> None:
        today = self._today()
        rows: list[VisitRow] = queries.upcoming_visits(
            self.db, dt.datetime.combine(today, dt.time.min)
        )
        self.table.set_rows(rows)
        planned = sum(1 for r in rows if r.status == "planned")
        self.summary.setText(
            formatting.fill(
                self.tr("%1 tarihinden itibaren %2 ziyaret (%3 planlı)"),
                formatting.date(today),
                formatting.number(len(rows)),
                formatting.number(planned),
            )
        )
