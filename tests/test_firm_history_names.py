"""The change history names what the user typed or picked, never the stored codes
("Kocasinan → Melikgazi", not "kocasinan → melikgazi"): the Firmalar tab driven by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QPushButton

from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.gui.firms_tab import FirmsTab
from kayseri_desktop.gui.registry.firm_detail import FirmDetailDialog
from kayseri_desktop.services import firm_history, registry


@pytest.fixture
def tab(qtbot, ctx):
    registry.save(
        ctx.db,
        registry.validate(
            {
                "title": "Işık Metal Ltd. Şti.",
                "tax_no": vkn_with_check_digit("000000002"),
                "sector": "metal",
                "district": "kocasinan",
                "osb": "kayseri_osb",
                "employees": "8",
                "markets": "Irak",
            }
        ),
    )
    widget = FirmsTab(ctx.db, bus=lambda: ctx.bus)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pick(combo: QComboBox, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_history_names_districts_sectors_osbs_sizes_and_countries(qtbot, tab):
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)

    def edit() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog) and dialog.windowTitle() == "Firmayı düzenle"
        pick(dialog.findChild(QComboBox, "districtCombo"), "Melikgazi")
        pick(dialog.findChild(QComboBox, "sectorCombo"), "Gıda")
        pick(dialog.findChild(QComboBox, "osbCombo"), "Mimarsinan OSB")
        staff = dialog.findChild(QLineEdit, "employeesEdit")
        staff.clear()
        qtbot.keyClicks(staff, "60")
        markets = dialog.findChild(QLineEdit, "marketsEdit")
        markets.clear()
        qtbot.keyClicks(markets, "Irak, Almanya")
        [save] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Kaydet"]
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, edit)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)

    rows: list[list[str]] = []

    def read() -> None:
        detail = QApplication.activeModalWidget()
        assert isinstance(detail, FirmDetailDialog)
        table = detail.audit
        rows.extend([table.item(r, c).text() for c in range(2, 7)] for r in range(table.rowCount()))
        detail.accept()

    QTimer.singleShot(0, read)
    qtbot.mouseClick(tab.detail_button, Qt.MouseButton.LeftButton)
    changed = [r for r in rows if r[1] == "değiştirildi"]
    assert ["Firma", "değiştirildi", "İlçe", "Kocasinan", "Melikgazi"] in changed
    assert ["Firma", "değiştirildi", "Sektör", "Metal ve Makine", "Gıda"] in changed
    assert ["Firma", "değiştirildi", "OSB", "Kayseri OSB", "Mimarsinan OSB"] in changed
    assert ["Firma", "değiştirildi", "Ölçek", "Mikro", "Orta"] in changed
    assert ["Firma", "değiştirildi", "Pazarlar", "", "Almanya"] in changed
    codes = {
        "kocasinan",
        "melikgazi",
        "metal",
        "gida",
        "kayseri_osb",
        "mimarsinan_osb",
        "mikro",
        "kucuk",
        "DE",
    }
    assert not codes & {cell for row in rows for cell in row}


def test_history_values_in_english_and_dates_as_typed():
    shown = firm_history.shown_value
    assert shown("firm", "district", "kocasinan", "en") == "Kocasinan"
    assert shown("firm", "size_class", "kucuk", "en") == "Small"
    assert shown("firm", "firm_markets", "DE", "en") == "Germany"
    assert shown("firm", "firm_exports", "2025, 1250000") == "2025: 1.250.000 USD"
    assert shown("contact", "kvkk_consent", "1") == "Evet"
    assert shown("contact", "kvkk_consent_date", "2026-03-05") == "05.03.2026"
    assert shown("firm", "district", "eski_ilce") == "eski_ilce"  # no longer listed: as stored
    assert shown("firm", "employees", "305") == "305"
