"""Çöp kutusu: soft-deleted firms, restorable one by one or all together."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.services import registry


class RecycleBinDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycleBin")
        self.setWindowTitle(self.tr("Çöp kutusu"))
        self.resize(760, 440)
        self.db = db
        self.restored: list[int] = []
        self.info = plain_label(parent=self, name="binInfo")
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("binTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Unvan"), self.tr("VKN/TCKN"), self.tr("Silinme zamanı")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = buttons.addButton(
            self.tr("Seçilenleri geri al"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(not db.readonly)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.rows = registry.recycle_bin(self.db)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            # deleted_at is stored in UTC; shown as recorded (the audit log uses the same clock)
            for c, text in enumerate((row.title, row.tax_no, formatting.date_time(row.deleted_at))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.info.setText(
            formatting.fill(
                self.tr("Çöp kutusunda %1 firma var. Geri alınan firma sicile döner."),
                formatting.number(len(self.rows)),
            )
        )

    def select_ids(self, ids: list[int]) -> None:
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r, row in enumerate(self.rows):
            if row.id in ids:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def restore_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.rows[r].id for r in rows]
        if ids:
            self.restored += registry.restore(self.db, ids)
            self.refresh()
