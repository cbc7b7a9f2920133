"""Dışa aktar: the current view (shown rows and columns, in their order) or the whole registry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.services.firm_index import COLUMN_KEYS

FOLDER_KEY = "registry/export_folder"
translate = QCoreApplication.translate


class ExportDialog(QDialog):
    def __init__(self, shown: int, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Firmaları Excel'e aktar"))
        self.view_choice = QRadioButton(
            formatting.fill(
                self.tr("Görünen satırlar ve sütunlar (%1 firma)"), formatting.number(shown)
            ),
            self,
        )
        self.view_choice.setObjectName("exportView")
        self.all_choice = QRadioButton(
            formatting.fill(self.tr("Tüm sicil, tüm alanlar (%1 firma)"), formatting.number(total)),
            self,
        )
        self.all_choice.setObjectName("exportAll")
        self.view_choice.setChecked(True)
        self.contacts = QCheckBox(self.tr("Yetkili kişileri de ekle"), self)
        self.contacts.setObjectName("exportContacts")
        note = plain_label(
            self.tr(
                "Yetkililer kişisel veridir (KVKK): yalnızca açık rıza vermiş olanlar, "
                "ayrı bir sayfaya yazılır."
            ),
            self,
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Dosya seç ve aktar…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Vazgeç"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.view_choice, self.all_choice, self.contacts, note, buttons):
            layout.addWidget(widget)


def run_export(tab) -> Path | None:
    """Ask what to export and where, then write it; returns the file written (or None)."""
    from kayseri_desktop.exchange import firms_export

    model = tab.model
    dialog = ExportDialog(model.rowCount(), model.total, tab)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings = QSettings()
    folder = str(settings.value(FOLDER_KEY, str(Path.home())))
    path, _ = QFileDialog.getSaveFileName(
        tab,
        translate("ExportDialog", "Excel dosyası"),
        str(Path(folder) / "firmalar.xlsx"),
        translate("ExportDialog", "Excel çalışma kitabı (*.xlsx)"),
    )
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    settings.setValue(FOLDER_KEY, str(Path(path).parent))
    keys: tuple[str, ...]
    if dialog.all_choice.isChecked():
        rows, keys = None, COLUMN_KEYS
    else:
        header = tab.table.horizontalHeader()
        visual = [header.logicalIndex(v) for v in range(header.count())]
        keys = tuple(COLUMN_KEYS[i] for i in visual if not header.isSectionHidden(i))
        rows = model.rows
    with messages.busy():  # 100,000 firms take several seconds
        result = firms_export.export(
            tab.db,
            path,
            model.index_data,
            rows,
            keys,
            with_contacts=dialog.contacts.isChecked(),
            with_details=dialog.all_choice.isChecked(),
        )
    text = formatting.fill(
        translate("ExportDialog", "%1 firma %2 dosyasına yazıldı."),
        formatting.number(result.firms),
        result.path,
    )
    if dialog.contacts.isChecked():
        text += " " + formatting.fill(
            translate("ExportDialog", "Yetkili: %1 (KVKK onayı olmayan %2 kişi yazılmadı)."),
            formatting.number(result.contacts),
            formatting.number(result.contacts_left_out),
        )
    messages.information(tab, translate("ExportDialog", "Dışa aktarıldı"), text)
    return result.path
