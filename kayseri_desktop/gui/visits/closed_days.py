"""The office's own closed days (on top of public holidays): list, add, remove."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.qdates import to_date
from kayseri_desktop.gui.visits.plan_dialog import date_edit
from kayseri_desktop.services import visits_progress as vp
from kayseri_desktop.services.visits import VisitError

DAY_ROLE = Qt.ItemDataRole.UserRole


class ClosedDaysDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, *, today: dt.date) -> None:
        super().__init__(parent)
        self.setObjectName("closedDaysDialog")
        self.setWindowTitle(self.tr("Ofisin kapalı günleri"))
        self.db = db
        self.list = QListWidget(self)
        self.list.setObjectName("closedDaysList")
        self.day = date_edit(self, "closedDay")
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("closedReason")
        self.reason.setPlaceholderText(self.tr("Gerekçe (ör. yıllık izin, taşınma)"))
        add = QPushButton(self.tr("Ekle"), self)
        add.setObjectName("addClosedDay")
        remove = QPushButton(self.tr("Seçileni kaldır"), self)
        remove.setObjectName("removeClosedDay")
        add.clicked.connect(self.add)
        remove.clicked.connect(self.remove)
        row = QHBoxLayout()
        row.addWidget(self.day)
        row.addWidget(self.reason, 1)
        row.addWidget(add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Resmî tatiller (bayramlar dahil) takvimde kendiliğinden görünür; "
                    "burada yalnız ofisin ayrıca kapalı olduğu günleri girin."
                ),
                self,
            )
        )
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(remove)
        layout.addWidget(buttons)
        self.resize(520, 420)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for day, reason in vp.list_closed_days(self.db):
            item = QListWidgetItem(f"{day:%d.%m.%Y} {cal.DAY_NAMES[day.weekday()]} — {reason}")
            item.setData(DAY_ROLE, day)
            self.list.addItem(item)

    def add(self) -> None:
        try:
            vp.add_closed_day(self.db, to_date(self.day.date()), self.reason.text())
        except (VisitError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Kapalı gün eklenemedi"), str(exc))
            return
        self.reason.clear()
        self.reload()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            vp.remove_closed_day(self.db, item.data(DAY_ROLE))
            self.reload()
