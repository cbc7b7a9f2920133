"""The field team: add, edit, retire members; see each one's upcoming visits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import STAFF_KINDS, VISIT_STATUSES
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import RIGHT, Column
from kayseri_desktop.services import visits as sv
from kayseri_desktop.services import visits_staff as vs


class StaffDialog(QDialog):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, row: vs.StaffRow | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Kişiyi düzenle") if row else self.tr("Saha ekibine kişi ekle"))
        self.db, self.staff_id = db, row.id if row else None
        self.name = QLineEdit(row.name if row else "", self)
        self.name.setObjectName("staffName")
        self.kind = QComboBox(self)
        self.kind.setObjectName("staffKind")
        for entry in STAFF_KINDS:
            self.kind.addItem(entry.label(current_language()), entry.code)
        if row:
            self.kind.setCurrentIndex(self.kind.findData(row.kind))
        self.title = QLineEdit(row.title if row else "", self)
        self.title.setObjectName("staffTitle")
        self.email = QLineEdit(row.email if row else "", self)
        self.email.setObjectName("staffEmail")
        self.phone = QLineEdit(row.phone if row else "", self)
        self.phone.setObjectName("staffPhone")
        form = QFormLayout()
        form.addRow(self.tr("Ad soyad"), self.name)
        form.addRow(self.tr("Tür"), self.kind)
        form.addRow(self.tr("Unvan"), self.title)
        form.addRow(self.tr("E-posta"), self.email)
        form.addRow(self.tr("Telefon"), self.phone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        draft = vs.StaffDraft(
            self.name.text(),
            self.kind.currentData(),
            self.title.text(),
            self.email.text(),
            self.phone.text(),
        )
        try:
            if self.staff_id:
                vs.edit_staff(self.db, self.staff_id, draft)
            else:
                self.staff_id = vs.add_staff(self.db, draft)
        except (sv.VisitError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Kaydedilemedi"), str(exc))
            return
        super().accept()


class StaffPage(QWidget):
    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: Callable[[], dt.date]
    ) -> None:
        super().__init__(parent)
        self.setObjectName("staffPage")
        self.db, self._today = db, today
        self.dirty = True
        self._want: int | None = None  # a person just added: selected once the list reloads
        lang = current_language()
        self.table = DataTable(
            [
                Column(
                    self.tr("Ad soyad"),
                    lambda r: r.name,
                    lambda r: collation_key(r.name),
                    stretch=True,
                ),
                Column(self.tr("Tür"), lambda r: STAFF_KINDS.label(r.kind, lang)),
                Column(self.tr("Unvan"), lambda r: r.title),
                Column(self.tr("E-posta"), lambda r: r.email),
                Column(self.tr("Telefon"), lambda r: r.phone),
                Column(
                    self.tr("Durum"),
                    lambda r: self.tr("Etkin") if r.active else self.tr("Pasif"),
                    lambda r: 0 if r.active else 1,
                ),
                Column(
                    self.tr("Yaklaşan ziyaret"),
                    lambda r: formatting.number(r.upcoming),
                    lambda r: r.upcoming,
                    RIGHT,
                ),
            ],
            self,
        )
        self.table.setObjectName("staffTable")
        self.visits = DataTable(
            [
                Column(
                    self.tr("Tarih"),
                    lambda b: formatting.date_time(b.starts_at),
                    lambda b: b.starts_at.isoformat(),
                ),
                Column(
                    self.tr("Firma"),
                    lambda b: b.firm_title,
                    lambda b: collation_key(b.firm_title),
                    stretch=True,
                ),
                Column(self.tr("Saha ekibi"), lambda b: b.team),
                Column(self.tr("Durum"), lambda b: VISIT_STATUSES.label(b.status, lang)),
            ],
            self,
        )
        self.visits.setObjectName("staffVisitsTable")
        self.visits_title = plain_label(parent=self, name="staffVisitsTitle")
        self.add_button = QPushButton(self.tr("Kişi ekle…"), self)
        self.add_button.setObjectName("addStaffButton")
        self.edit_button = QPushButton(self.tr("Düzenle…"), self)
        self.edit_button.setObjectName("editStaffButton")
        self.retire_button = QPushButton(self.tr("Pasife al"), self)
        self.retire_button.setObjectName("retireStaffButton")
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.retire_button):
            bar.addWidget(b)
        bar.addStretch(1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.visits_title)
        lower_layout.addWidget(self.visits)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(lambda: self.open_dialog(self.current()))
        self.retire_button.clicked.connect(self.toggle_active)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_person())

    def current(self) -> vs.StaffRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.table.source.row_at(self.table.proxy.mapToSource(index).row())

    def reload(self) -> None:
        self.dirty = False
        current = self.current()
        keep = self._want or (current.id if current else None)
        self._want = None
        rows = vs.list_staff(self.db, self._today())
        self.table.set_rows(rows)
        if keep is not None:
            self.select(keep)
        self._show_person()

    def showEvent(self, event) -> None:
        if self.dirty:
            self.reload()
        super().showEvent(event)

    def select(self, staff_id: int) -> None:
        for r in range(self.table.proxy.rowCount()):
            row = self.table.source.row_at(
                self.table.proxy.mapToSource(self.table.proxy.index(r, 0)).row()
            )
            if row.id == staff_id:
                self.table.setCurrentIndex(self.table.proxy.index(r, 0))
                return

    def _show_person(self) -> None:
        row = self.current()
        self.edit_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        if row is None:
            self.visits_title.setText(self.tr("Yaklaşan ziyaretlerini görmek için bir kişi seçin."))
            self.visits.set_rows([])
            return
        self.retire_button.setText(
            self.tr("Pasife al") if row.active else self.tr("Yeniden etkinleştir")
        )
        today = self._today()
        upcoming = [
            b
            for b in sv.visits_between(
                self.db, today, today + dt.timedelta(days=365 * 3), staff_id=row.id
            )
            if b.status in ("planned", "postponed")
        ]
        self.visits_title.setText(formatting.fill(self.tr("%1: yaklaşan ziyaretler"), row.name))
        self.visits.set_rows(upcoming)

    def open_dialog(self, row: vs.StaffRow | None) -> StaffDialog:
        dialog = StaffDialog(self.db, self, row=row)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: setattr(self, "_want", dialog.staff_id))
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            vs.set_active(self.db, row.id, not row.active)
        except (sv.VisitError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Kaydedilemedi"), str(exc))
            return
