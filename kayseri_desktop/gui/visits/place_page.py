"""Plan by place: firms not yet visited, grouped by district and OSB; select several and
schedule them on one day, one after another with travel time between them.

Two table views over Python models (not a QTreeWidget with an item per firm): every
call of a void Qt method from Python costs one reference to None under PySide6 6.12
on Python 3.11, so per-firm widget items would wear it down by thousands a reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import SECTORS
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.data_table import DataTable, plain_label
from kayseri_desktop.gui.formatting import fill, number
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.qdates import to_date
from kayseri_desktop.gui.table_model import RIGHT, Column
from kayseri_desktop.gui.visits.confirm import confirm_conflicts
from kayseri_desktop.gui.visits.plan_dialog import checked_ids, date_edit, fill_team, team_list
from kayseri_desktop.services import visits as sv
from kayseri_desktop.services import visits_conflicts as vc
from kayseri_desktop.services import visits_place


class PlacePage(QWidget):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: Callable[[], dt.date]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("placePage")
        self.db = db
        self._today = today
        self.dirty = True
        self._groups: list[visits_place.PlaceGroup] = []
        lang = current_language()
        self.filter = QLineEdit(self)
        self.filter.setObjectName("placeFilter")
        self.filter.setPlaceholderText(self.tr("Firma ara…"))
        self.filter.setClearButtonEnabled(True)
        self.groups = DataTable(
            [
                Column(self.tr("İlçe — OSB"), lambda g: g.label, stretch=True),
                Column(
                    self.tr("Firma"), lambda g: number(len(g.firms)), lambda g: len(g.firms), RIGHT
                ),
            ],
            self,
            sort_column=-1,
        )
        self.groups.setObjectName("placeGroups")
        self.groups.setSelectionMode(DataTable.SelectionMode.SingleSelection)
        self.firms = DataTable(
            [
                Column(self.tr("Firma"), lambda f: f.title, lambda f: f.title_sort, stretch=True),
                Column(
                    self.tr("Sektör"), lambda f: SECTORS.label(f.sector, lang) if f.sector else ""
                ),
                Column(
                    self.tr("Adres"),
                    lambda f: f.address,
                    lambda f: collation_key(f.address),
                    max_width=320,
                ),
            ],
            self,
        )
        self.firms.setObjectName("placeFirms")
        self.summary = plain_label(parent=self, name="placeSummary")
        self.summary.setWordWrap(True)

        first = today() + dt.timedelta(days=1)
        self.day = date_edit(self, "placeDay")
        self.day.setDate(QDate(first.year, first.month, first.day))
        self.start = QTimeEdit(QTime(9, 30), self)
        self.start.setObjectName("placeStart")
        self.start.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("placeMinutes")
        self.minutes.setRange(15, sv.MAX_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(90)
        self.minutes.setSuffix(self.tr(" dk"))
        self.travel = QSpinBox(self)
        self.travel.setObjectName("placeTravel")
        self.travel.setRange(0, 240)
        self.travel.setSingleStep(5)
        self.travel.setValue(30)
        self.travel.setSuffix(self.tr(" dk"))
        self.team = team_list(db, self, today(), [])
        self.purpose = QLineEdit(self.tr("Saha değerlendirme ziyareti"), self)
        self.purpose.setObjectName("placePurpose")
        self.preview = plain_label(parent=self, name="placePreview")
        self.preview.setWordWrap(True)
        self.schedule_button = QPushButton(self.tr("Seçilenleri bu güne planla"), self)
        self.schedule_button.setObjectName("scheduleButton")

        form = QFormLayout()
        form.addRow(self.tr("Gün"), self.day)
        form.addRow(self.tr("İlk ziyaret"), self.start)
        form.addRow(self.tr("Ziyaret süresi"), self.minutes)
        form.addRow(self.tr("Yol payı"), self.travel)
        form.addRow(self.tr("Saha ekibi"), self.team)
        form.addRow(self.tr("Amaç"), self.purpose)
        side = QVBoxLayout()
        side.addLayout(form)
        side.addWidget(self.preview)
        side.addWidget(self.schedule_button)
        side.addStretch(1)
        lists = QSplitter(Qt.Orientation.Horizontal, self)
        lists.addWidget(self.groups)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.filter)
        right_layout.addWidget(self.firms, 1)
        right_layout.addWidget(self.summary)
        lists.addWidget(right)
        lists.setSizes([260, 520])
        layout = QHBoxLayout(self)
        layout.addWidget(lists, 3)
        layout.addLayout(side, 1)

        self.filter.textChanged.connect(lambda _: self._show_firms())
        self.groups.selectionModel().currentRowChanged.connect(lambda *_: self._show_firms())
        self.firms.selectionModel().selectionChanged.connect(lambda *_: self._update_preview())
        for signal in (
            self.day.dateChanged,
            self.start.timeChanged,
            self.minutes.valueChanged,
            self.travel.valueChanged,
            self.team.itemChanged,
        ):
            signal.connect(self._update_preview)
        self.schedule_button.clicked.connect(self.schedule)

    def reload(self) -> None:
        self.dirty = False
        fill_team(self.team, self.db, self._today(), checked_ids(self.team))
        current = self.current_group()
        self._groups = visits_place.unvisited_firms(self.db)
        self.groups.set_rows(self._groups)
        total = sum(len(g.firms) for g in self._groups)
        self.summary.setText(
            fill(self.tr("Ziyaret edilmemiş ve planlanmamış %1 firma"), number(total))
        )
        if current is not None:
            self.choose_group(current.label)
        self._show_firms()

    def showEvent(self, event) -> None:
        if self.dirty:
            self.reload()
        super().showEvent(event)

    def current_group(self) -> visits_place.PlaceGroup | None:
        index = self.groups.currentIndex()
        if not index.isValid():
            return None
        return self.groups.source.row_at(self.groups.proxy.mapToSource(index).row())

    def choose_group(self, label: str) -> bool:
        """Show the firms of the group whose label starts with ``label``."""
        for r, g in enumerate(self.groups.visible_rows()):
            if g.label.startswith(label):
                self.groups.setCurrentIndex(self.groups.proxy.index(r, 0))
                return True
        return False

    def _show_firms(self) -> None:
        group = self.current_group()
        words = fold(self.filter.text()).split()
        if words:  # searching looks through every group
            firms = [
                f
                for g in self._groups
                for f in g.firms
                if all(w in fold(f"{f.title} {g.label}") for w in words)
            ]
        else:
            firms = list(group.firms) if group is not None else []
        self.firms.set_rows(firms)
        self._update_preview()

    def checked_firms(self) -> list[int]:
        """Selected firms, in the order the list shows them (the order of the day)."""
        rows = sorted({i.row() for i in self.firms.selectionModel().selectedRows()})
        return [
            self.firms.source.row_at(
                self.firms.proxy.mapToSource(self.firms.proxy.index(r, 0)).row()
            ).id
            for r in rows
        ]

    def drafts(self) -> list[sv.VisitDraft]:
        t = self.start.time()
        return visits_place.day_plan(
            self.checked_firms(),
            to_date(self.day.date()),
            dt.time(t.hour(), t.minute()),
            self.minutes.value(),
            self.travel.value(),
            checked_ids(self.team),
            self.purpose.text(),
        )

    def _update_preview(self) -> None:
        if not self.checked_firms():
            self.preview.setText(
                self.tr("Aynı güne planlanacak firmaları seçin (Ctrl ya da Shift ile birden çok).")
            )
            return
        try:
            drafts = self.drafts()
        except sv.VisitError as exc:
            self.preview.setText(str(exc))
            return
        titles = {f.id: f.title for f in self.firms.source.rows}
        self.preview.setText(
            "\n".join(
                f"{d.starts_at:%H:%M}–{d.ends_at:%H:%M} {titles.get(d.firm_id, '')}" for d in drafts
            )
        )

    def schedule(self) -> list[int]:
        try:
            drafts = self.drafts()
            for d in drafts:
                sv.validate(d)
        except sv.VisitError as exc:
            messages.warning(self, self.tr("Planlanamadı"), str(exc))
            return []
        if not confirm_conflicts(self, vc.batch_conflicts(self.db, drafts)):
            return []
        try:
            ids = sv.plan_visits(self.db, drafts)
        except (sv.VisitError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Planlanamadı"), str(exc))
            return []
        messages.information(
            self,
            self.tr("Planlandı"),
            fill(
                self.tr("%1 ziyaret %2 gününe planlandı."),
                number(len(ids)),
                f"{drafts[0].starts_at:%d.%m.%Y}",
            ),
        )
        return ids
