"""Adding or editing a member institution."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import INSTITUTION_KINDS
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.coordination.common import fill_catalogue, save_cancel_buttons, select_data
from kayseri_desktop.services import coordination as co


class InstitutionDialog(QDialog):
    """Saves through services.coordination on OK; stays open and explains what is wrong."""

    def __init__(self, db: Database, ident: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("institutionDialog")
        self.db = db
        self.ident = ident
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Yeni kurum") if ident is None else self.tr("Kurumu düzenle"))
        self.name = QLineEdit(self)
        self.name.setObjectName("nameEdit")
        self.name.setMaxLength(300)
        self.short_name = QLineEdit(self)
        self.short_name.setObjectName("shortNameEdit")
        self.short_name.setMaxLength(60)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kindCombo")
        fill_catalogue(self.kind, INSTITUTION_KINDS)
        self.contact_name = QLineEdit(self)
        self.contact_name.setObjectName("contactNameEdit")
        self.contact_email = QLineEdit(self)
        self.contact_email.setObjectName("contactEmailEdit")
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setObjectName("contactPhoneEdit")
        form = QFormLayout()
        form.addRow(self.tr("Kurum adı:"), self.name)
        form.addRow(self.tr("Kısa ad:"), self.short_name)
        form.addRow(self.tr("Türü:"), self.kind)
        form.addRow(self.tr("İrtibat kişisi:"), self.contact_name)
        form.addRow(self.tr("E-posta:"), self.contact_email)
        form.addRow(self.tr("Telefon:"), self.contact_phone)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())
        if ident is not None:
            data = co.load_institution(db, ident)
            self.name.setText(data.name)
            self.short_name.setText(data.short_name or "")
            select_data(self.kind, data.kind)
            self.contact_name.setText(data.contact_name or "")
            self.contact_email.setText(data.contact_email or "")
            self.contact_phone.setText(data.contact_phone or "")

    def data(self) -> co.InstitutionData:
        return co.InstitutionData(
            self.name.text(),
            self.kind.currentData(),
            self.short_name.text(),
            self.contact_name.text(),
            self.contact_email.text(),
            self.contact_phone.text(),
        )

    def accept(self) -> None:
        try:
            self.saved_id = co.save_institution(self.db, self.data(), self.ident)
        except (co.ValidationError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Kurum kaydedilemedi"), str(exc))
            return
        super().accept()
