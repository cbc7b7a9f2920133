"""The agenda: the visits of a chosen date range as a sortable list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import DISTRICTS, VISIT_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.data_table import DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.qdates import to_date
from kayseri_desktop.gui.table_model import Column, order_of
from kayseri_desktop.gui.visits.plan_dialog import date_edit
from kayseri_desktop.services.visits import VisitBlock

WHEN, FIRM, TEAM, STATUS, DISTRICT, PURPOSE = range(6)
DEFAULT_DAYS = 28


def district(row: VisitBlock) -> str:
    return DISTRICTS.label(row.district) if row.district else ""


class AgendaView(QWidget):
    range_changed = Signal()
    visit_selected = Signal(int)
    visit_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaView")
        lang = current_language()
        columns = [
            Column(
                self.tr("Tarih"),
                lambda r: formatting.date_time(r.starts_at),
                lambda r: r.starts_at.isoformat(),
            ),
            Column(
                self.tr("Firma"),
                lambda r: r.firm_title,
                lambda r: collation_key(r.firm_title),
                stretch=True,
            ),
            Column(
                self.tr("Saha ekibi"),
                lambda r: r.team,
                lambda r: collation_key(r.team),
                max_width=260,
            ),
            Column(
                self.tr("Durum"),
                lambda r: VISIT_STATUSES.label(r.status, lang),
                order_of(VISIT_STATUSES.codes(), "status"),
            ),
            Column(self.tr("İlçe"), district, lambda r: collation_key(district(r))),
            Column(self.tr("Amaç"), lambda r: r.purpose or "", max_width=260),
        ]
        self.table = DataTable(columns, self)
        self.table.setObjectName("agendaTable")
        self.first = date_edit(self, "agendaFrom")
        self.last = date_edit(self, "agendaTo")
        self.summary = plain_label(parent=self, name="agendaSummary")
        bar = QHBoxLayout()
        bar.addWidget(plain_label(self.tr("Başlangıç"), self))
        bar.addWidget(self.first)
        bar.addWidget(plain_label(self.tr("Bitiş"), self))
        bar.addWidget(self.last)
        bar.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.first.dateChanged.connect(self.range_changed)
        self.last.dateChanged.connect(self.range_changed)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.visit_selected.emit(self.current_id())
        )
        self.table.doubleClicked.connect(lambda *_: self.visit_opened.emit(self.current_id()))

    def current_id(self) -> int:
        index = self.table.currentIndex()
        if not index.isValid():
            return 0
        return self.table.source.row_at(self.table.proxy.mapToSource(index).row()).id

    def set_range(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.range_changed.emit()

    def range(self) -> tuple[dt.date, dt.date]:
        first, last = to_date(self.first.date()), to_date(self.last.date())
        return (first, last) if first <= last else (last, first)

    def set_rows(self, rows: list[VisitBlock]) -> None:
        self.table.set_rows(rows)
        planned = sum(1 for r in rows if r.status == "planned")
        self.summary.setText(
            formatting.fill(
                self.tr("%1 ziyaret (%2 planlı)"),
                formatting.number(len(rows)),
                formatting.number(planned),
            )
        )
