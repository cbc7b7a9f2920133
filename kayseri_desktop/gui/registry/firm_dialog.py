"""Add or edit a firm: the Designer form ui/firm_dialog.ui with validation beside each field.

The form is loaded with QUiLoader (gui/forms.py); this controller fills it, collects
what was typed, asks services/registry.py to validate and save, and shows each
Turkish reason in the error label next to its field. A save that finds the firm
changed since the form opened offers to reload the current version instead of
overwriting it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from kayseri_desktop.core.catalogues import DISTRICTS, OSBS, SECTORS, Catalogue
from kayseri_desktop.core.firm_validation import country_name
from kayseri_desktop.core.turkish import sort_turkish
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.forms import Children, load_form
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services import registry

LINE_EDITS = {
    "title": "titleEdit",
    "short_name": "shortNameEdit",
    "tax_no": "taxNoEdit",
    "trade_registry_no": "tradeRegistryEdit",
    "kto_member_no": "ktoMemberEdit",
    "nace_code": "naceEdit",
    "address": "addressEdit",
    "phone": "phoneEdit",
    "email": "emailEdit",
    "web": "webEdit",
    "founded_year": "foundedEdit",
    "employees": "employeesEdit",
}
TEXT_EDITS = {
    "products": "productsEdit",
    "certifications": "certificationsEdit",
    "notes": "notesEdit",
}
COMBOS = {
    "sector": ("sectorCombo", SECTORS),
    "district": ("districtCombo", DISTRICTS),
    "osb": ("osbCombo", OSBS),
}
ERROR_LABELS = {
    "title": "titleError",
    "short_name": "shortNameError",
    "tax_no": "taxNoError",
    "trade_registry_no": "tradeRegistryError",
    "kto_member_no": "ktoMemberError",
    "nace_code": "naceError",
    "sector": "sectorError",
    "district": "districtError",
    "osb": "osbError",
    "address": "addressError",
    "phone": "phoneError",
    "email": "emailError",
    "web": "webError",
    "founded_year": "foundedError",
    "employees": "employeesError",
    "contacts": "contactsError",
    "exports": "exportsError",
    "markets": "marketsError",
    "tags": "tagsError",
    "products": "productsError",
    "certifications": "certificationsError",
    "notes": "notesError",
}
PAGE_OF = {
    "contacts": 1,
    "exports": 2,
    "markets": 2,
    "tags": 3,
    "products": 3,
    "certifications": 3,
    "notes": 3,
}
NAME, TITLE, PHONE, EMAIL, CONSENT, CONSENT_DATE = range(6)
ERROR_STYLE = 'QLabel[role="error"] { color: #b3202a; }'


class FirmDialog(QObject):
    """Controller of one firm form; ``dialog`` is the QDialog built from the .ui file."""

    def __init__(self, db: Database, firm_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.firm_id = firm_id
        self.saved_id: int | None = None
        self.version: int | None = None
        dialog = load_form("firm_dialog", parent)
        assert isinstance(dialog, QDialog)  # ui/firm_dialog.ui's top widget
        self.dialog = dialog
        self.dialog.setStyleSheet(ERROR_STYLE)
        self.dialog.setWindowTitle(
            self.tr("Yeni firma") if firm_id is None else self.tr("Firmayı düzenle")
        )
        find = Children(self.dialog)
        self.edits = {k: find(QLineEdit, n) for k, n in LINE_EDITS.items()}
        self.texts = {k: find(QPlainTextEdit, n) for k, n in TEXT_EDITS.items()}
        self.combos = {k: find(QComboBox, n) for k, (n, _) in COMBOS.items()}
        self.errors = {k: find(QLabel, n) for k, n in ERROR_LABELS.items()}
        self.summary = find(QLabel, "summaryError")
        self.pages = find(QTabWidget, "pages")
        self.markets = find(QLineEdit, "marketsEdit")
        self.tags = find(QLineEdit, "tagsEdit")
        self.contacts = find(QTableWidget, "contactsTable")
        self.exports = find(QTableWidget, "exportsTable")
        self.buttons = find(QDialogButtonBox, "buttons")
        lang = current_language()
        for key, (_, catalogue) in COMBOS.items():
            self._fill_combo(self.combos[key], catalogue, lang)
        for table in (self.contacts, self.exports):
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.verticalHeader().hide()
        find(QPushButton, "addContactButton").clicked.connect(lambda: self.add_contact())
        find(QPushButton, "removeContactButton").clicked.connect(
            lambda: self._remove_row(self.contacts)
        )
        find(QPushButton, "addExportButton").clicked.connect(lambda: self.add_export())
        find(QPushButton, "removeExportButton").clicked.connect(
            lambda: self._remove_row(self.exports)
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.dialog.reject)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Kaydet"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Vazgeç"))
        self.clear_errors()
        if firm_id is not None:
            self.load(registry.load(db, firm_id))

    @classmethod
    def edit(
        cls, db: Database, firm_id: int | None, parent: QWidget | None = None
    ) -> tuple[int | None, bool]:
        """Show the form modally; return (saved firm id, True) or (None, False)."""
        form = cls(db, firm_id, parent)
        ok = form.dialog.exec() == QDialog.DialogCode.Accepted
        form.dialog.deleteLater()
        return form.saved_id, ok

    # -- filling ------------------------------------------------------------------------

    def _fill_combo(self, combo: QComboBox, catalogue: Catalogue, lang: str) -> None:
        combo.addItem(self.tr("— seçilmedi —"), None)
        for entry in sort_turkish(catalogue, key=lambda e: e.label(lang)):
            combo.addItem(entry.label(lang), entry.code)

    def load(self, data: registry.FirmRecord) -> None:
        self.version = data.get("version")
        for key, edit in self.edits.items():
            value = data.get(key)
            edit.setText("" if value is None else str(value))
        for key, text_edit in self.texts.items():
            text_edit.setPlainText(str(data.get(key) or ""))
        for key, combo in self.combos.items():
            combo.setCurrentIndex(max(0, combo.findData(data.get(key))))
        self.markets.setText(", ".join(country_name(c) for c in data.get("markets", [])))
        self.tags.setText(", ".join(data.get("tags", [])))
        self.contacts.setRowCount(0)
        for contact in data.get("contacts", []):
            self.add_contact(contact)
        self.exports.setRowCount(0)
        for year, usd in data.get("exports", []):
            self.add_export(year, usd)
        self.clear_errors()

    def add_contact(self, contact: registry.ContactRecord | None = None) -> int:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        values = (
            [contact["name"], contact["title"], contact["phone"], contact["email"]]
            if contact
            else [None, None, None, None]
        )
        for col, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if col == NAME:
                item.setData(Qt.ItemDataRole.UserRole, contact["id"] if contact else None)
            self.contacts.setItem(row, col, item)
        consent = QTableWidgetItem()
        consent.setFlags(consent.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        consent.setFlags(consent.flags() & ~Qt.ItemFlag.ItemIsEditable)
        checked = bool(contact and contact["kvkk_consent"])
        consent.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.contacts.setItem(row, CONSENT, consent)
        when = contact["kvkk_consent_date"] if contact else None
        self.contacts.setItem(row, CONSENT_DATE, QTableWidgetItem(formatting.date(when)))
        return row

    def add_export(self, year: int | None = None, usd: int | None = None) -> int:
        row = self.exports.rowCount()
        self.exports.insertRow(row)
        if year is None:
            year = dt.date.today().year - 1
        self.exports.setItem(row, 0, QTableWidgetItem(str(year)))
        self.exports.setItem(row, 1, QTableWidgetItem(formatting.number(usd)))
        return row

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row < 0:
            row = table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)

    # -- collecting and saving ------------------------------------------------------------

    def values(self) -> dict[str, object]:
        raw: dict[str, object] = {k: e.text() for k, e in self.edits.items()}
        raw.update({k: e.toPlainText() for k, e in self.texts.items()})
        raw.update({k: c.currentData() for k, c in self.combos.items()})
        raw["markets"] = self.markets.text()
        raw["tags"] = self.tags.text()
        raw["version"] = self.version
        raw["exports"] = [
            (self._cell(self.exports, r, 0), self._cell(self.exports, r, 1))
            for r in range(self.exports.rowCount())
            if self._cell(self.exports, r, 0) or self._cell(self.exports, r, 1)
        ]
        contacts = []
        for r in range(self.contacts.rowCount()):
            name_item = self.contacts.item(r, NAME)
            texts = [self._cell(self.contacts, r, c) for c in (NAME, TITLE, PHONE, EMAIL)]
            consent_item = self.contacts.item(r, CONSENT)
            consent = (
                consent_item is not None and consent_item.checkState() == Qt.CheckState.Checked
            )
            if not any(texts) and not consent:
                continue
            contacts.append(
                {
                    "id": name_item.data(Qt.ItemDataRole.UserRole) if name_item else None,
                    "name": texts[0],
                    "title": texts[1],
                    "phone": texts[2],
                    "email": texts[3],
                    "kvkk_consent": consent,
                    "kvkk_consent_date": self._cell(self.contacts, r, CONSENT_DATE),
                }
            )
        raw["contacts"] = contacts
        return raw

    @staticmethod
    def _cell(table: QTableWidget, row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text().strip() if item is not None else ""

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.setVisible(False)
        self.summary.clear()
        self.summary.setVisible(False)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        for key, text in errors.items():
            label = self.errors.get(key)
            if label is not None:
                label.setText(text)
                label.setVisible(True)
        first = next(iter(errors))
        self.pages.setCurrentIndex(PAGE_OF.get(first, 0))
        widget = self.edits.get(first) or self.combos.get(first)
        if widget is not None:
            widget.setFocus()
        self.summary.setText(
            formatting.fill(self.tr("Kaydedilmedi: %1 alanda düzeltme gerekiyor."), len(errors))
        )
        self.summary.setVisible(True)

    def save(self) -> bool:
        try:
            values = registry.validate(self.values())
            self.saved_id = registry.save(self.db, values, self.firm_id)
        except registry.ValidationFailed as exc:
            self.show_errors(exc.errors)
            return False
        except registry.ConcurrentEditError as exc:
            self._offer_reload(str(exc))
            return False
        except registry.FirmNotFound as exc:
            messages.warning(self.dialog, self.tr("Kaydedilemedi"), str(exc))
            return False
        self.dialog.accept()
        return True

    def _offer_reload(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Firma başka biri tarafından değiştirildi"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.dialog,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Güncel hâlini yükle"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Düzenlemeye dön"))
        reload = box.exec() == int(QMessageBox.StandardButton.Yes.value)
        if reload and self.firm_id is not None:
            self.load(registry.load(self.db, self.firm_id))
