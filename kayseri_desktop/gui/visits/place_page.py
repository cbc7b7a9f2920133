"""Plan by place: firms not yet visited, grouped by district and OSB; tick several and
schedule them on one day, one after another with travel time between them."""

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
    QTimeEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import SECTORS
from kayseri_desktop.core.turkish import fold
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.formatting import fill, number
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.visits.confirm import confirm_conflicts
from kayseri_desktop.gui.visits.plan_dialog import checked_ids, date_edit, team_list
from kayseri_desktop.services import visits as sv
from kayseri_desktop.services import visits_place

ID_ROLE = Qt.ItemDataRole.UserRole


class PlacePage(QWidget):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: Callable[[], dt.date]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("placePage")
        self.db = db
        self._today = today
        self.dirty = True
        self.filter = QLineEdit(self)
        self.filter.setObjectName("placeFilter")
        self.filter.setPlaceholderText(self.tr("Firma, ilçe ya da OSB ara…"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("placeTree")
        self.tree.setHeaderLabels([self.tr("Firma"), self.tr("Sektör"), self.tr("Adres")])
        self.tree.setColumnWidth(0, 340)
        self.tree.setColumnWidth(1, 160)
        self.summary = plain_label(parent=self, name="placeSummary")

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
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.tree, 1)
        left.addWidget(self.summary)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(side, 2)

        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemChanged.connect(lambda *_: self._update_preview())
        for signal in (
            self.day.dateChanged,
            self.start.timeChanged,
            self.minutes.valueChanged,
            self.travel.valueChanged,
        ):
            signal.connect(self._update_preview)
        self.schedule_button.clicked.connect(self.schedule)

    def reload(self) -> None:
        self.dirty = False
        lang = current_language()
        groups = visits_place.unvisited_firms(self.db)
        self.tree.blockSignals(True)
        self.tree.clear()
        total = 0
        for g in groups:
            top = QTreeWidgetItem([fill("%1 (%2)", g.label, number(len(g.firms)))])
            top.setFirstColumnSpanned(False)
            top.setData(0, ID_ROLE, 0)
            top.setData(1, ID_ROLE, fold(g.label))
            for f in g.firms:
                child = QTreeWidgetItem([f.title, SECTORS.label(f.sector, lang), f.address])
                child.setData(0, ID_ROLE, f.id)
                child.setData(1, ID_ROLE, fold(f"{f.title} {g.label}"))
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(child)
            total += len(g.firms)
            self.tree.addTopLevelItem(top)
        self.tree.blockSignals(False)
        self.summary.setText(
            fill(self.tr("Ziyaret edilmemiş ve planlanmamış %1 firma"), number(total))
        )
        self._apply_filter(self.filter.text())
        self._update_preview()

    def showEvent(self, event) -> None:
        if self.dirty:
            self.reload()
        super().showEvent(event)

    def _apply_filter(self, text: str) -> None:
        words = fold(text).split()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            shown = 0
            for k in range(top.childCount()):
                child = top.child(k)
                hit = all(w in child.data(1, ID_ROLE) for w in words)
                child.setHidden(not hit)
                shown += hit
            top.setHidden(shown == 0)
            top.setExpanded(bool(words) and shown > 0)

    def group_item(self, label_start: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.text(0).startswith(label_start):
                return top
        return None

    def checked_firms(self) -> list[int]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for k in range(top.childCount()):
                if top.child(k).checkState(0) == Qt.CheckState.Checked:
                    out.append(top.child(k).data(0, ID_ROLE))
        return out

    def drafts(self) -> list[sv.VisitDraft]:
        t = self.start.time()
        return visits_place.day_plan(
            self.checked_firms(),
            self.day.date().toPython(),
            dt.time(t.hour(), t.minute()),
            self.minutes.value(),
            self.travel.value(),
            checked_ids(self.team),
            self.purpose.text(),
        )

    def _update_preview(self) -> None:
        if not self.checked_firms():
            self.preview.setText(self.tr("Listeden aynı güne planlanacak firmaları işaretleyin."))
            return
        try:
            drafts = self.drafts()
        except sv.VisitError as exc:
            self.preview.setText(str(exc))
            return
        self.preview.setText("\n".join(f"{d.starts_at:%H:%M}–{d.ends_at:%H:%M}" for d in drafts))

    def schedule(self) -> list[int]:
        try:
            drafts = self.drafts()
            for d in drafts:
                sv.validate(d)
        except sv.VisitError as exc:
            messages.warning(self, self.tr("Planlanamadı"), str(exc))
            return []
        if not confirm_conflicts(self, sv.batch_conflicts(self.db, drafts)):
            return []
        try:
            ids = sv.plan_visits(self.db, drafts)
        except sv.VisitError as exc:
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
