"""The Firmalar tab driven as a person would: search, filters, sort, columns, delete/undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.gui import firms_tab as firms_tab_module
from kayseri_desktop.gui.firms_tab import FirmsTab
from kayseri_desktop.gui.registry.firm_detail import FirmDetailDialog
from kayseri_desktop.gui.registry.firm_dialog import FirmDialog
from kayseri_desktop.gui.registry.recycle_bin import RecycleBinDialog
from kayseri_desktop.services import registry
from kayseri_desktop.services.firm_index import COLUMN_KEYS


def vkn(serial: int) -> str:
    return vkn_with_check_digit(f"{serial:09d}")


def add(db, title: str, serial: int, **extra) -> int:
    return registry.save(db, registry.validate({"title": title, "tax_no": vkn(serial), **extra}))


@pytest.fixture
def registry_ctx(ctx):
    add(ctx.db, "ÇAĞRI MOBİLYA A.Ş.", 1, sector="mobilya", district="melikgazi", employees="120",
        markets="Almanya, Irak", tags="ihracatçı")  # fmt: skip
    add(ctx.db, "Işık Metal Ltd. Şti.", 2, sector="metal", district="kocasinan", employees="8",
        contacts=[{"name": "Ömer Çelik"}])  # fmt: skip
    add(ctx.db, "KAYSERİ GIDA SAN.", 3, sector="gida", district="talas", markets="Irak")
    add(ctx.db, "Cam Ambalaj", 4, sector="ambalaj", employees="300")
    add(ctx.db, "<b>Acme</b> Makine", 5, sector="metal", tags="<i>etiket</i>")
    return ctx


@pytest.fixture
def tab(qtbot, registry_ctx):
    widget = FirmsTab(registry_ctx.db, bus=lambda: registry_ctx.bus)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def shown(tab: FirmsTab) -> list[str]:
    model = tab.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_search_as_you_type_is_turkish(qtbot, tab):
    assert tab.count_label.text() == "Gösterilen: 5 / 5 firma"
    qtbot.keyClicks(tab.search, "cagri")
    assert shown(tab) == ["ÇAĞRI MOBİLYA A.Ş."]
    assert tab.count_label.text() == "Gösterilen: 1 / 5 firma"
    for query, title in (("ISIK", "Işık Metal Ltd. Şti."), ("kayseri", "KAYSERİ GIDA SAN."),
                         ("omer cel", "Işık Metal Ltd. Şti.")):  # fmt: skip
        tab.search.clear()
        qtbot.keyClicks(tab.search, query)
        assert shown(tab) == [title], query
    tab.search.clear()
    assert len(shown(tab)) == 5


def test_filters_combine_and_clear_in_one_click(qtbot, tab):
    panel = tab.filter_panel
    assert not panel.clear_button.isEnabled()
    panel.select(panel.sector, "metal")
    assert shown(tab) == ["<b>Acme</b> Makine", "Işık Metal Ltd. Şti."]
    panel.select(panel.district, "kocasinan")
    assert shown(tab) == ["Işık Metal Ltd. Şti."]
    assert tab.count_label.text() == "Gösterilen: 1 / 5 firma"
    panel.select(panel.district, None)
    panel.select(panel.sector, None)
    panel.select(panel.market, "IQ")
    assert shown(tab) == ["ÇAĞRI MOBİLYA A.Ş.", "KAYSERİ GIDA SAN."]
    assert panel.market.currentText() == "Irak"
    panel.select(panel.tag, "ihracatçı")
    assert shown(tab) == ["ÇAĞRI MOBİLYA A.Ş."]
    qtbot.mouseClick(panel.clear_button, Qt.MouseButton.LeftButton)
    assert len(shown(tab)) == 5
    assert panel.market.currentIndex() == 0 and not panel.clear_button.isEnabled()


def test_sorting_any_column(tab):
    assert shown(tab) == ["<b>Acme</b> Makine", "Cam Ambalaj", "ÇAĞRI MOBİLYA A.Ş.",
                          "Işık Metal Ltd. Şti.", "KAYSERİ GIDA SAN."]  # fmt: skip
    chosen = tab.model.firm_id(shown(tab).index("Işık Metal Ltd. Şti."))
    tab.select_firm(chosen)
    tab.table.sortByColumn(COLUMN_KEYS.index("employees"), Qt.SortOrder.DescendingOrder)
    assert tab.selected_ids() == [chosen] and tab.current_id() == chosen  # kept by firm
    assert shown(tab)[:3] == ["Cam Ambalaj", "ÇAĞRI MOBİLYA A.Ş.", "Işık Metal Ltd. Şti."]
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(tab)[0] == "KAYSERİ GIDA SAN."
    model = tab.model
    row = shown(tab).index("ÇAĞRI MOBİLYA A.Ş.")
    assert model.data(model.index(row, COLUMN_KEYS.index("markets"))) == "Almanya, Irak"
    assert model.data(model.index(row, COLUMN_KEYS.index("sector"))) == "Mobilya"


def test_chosen_columns_and_order_are_remembered(qtbot, registry_ctx, tab):
    header = tab.table.horizontalHeader()
    markets = COLUMN_KEYS.index("markets")
    assert not header.isSectionHidden(markets)
    menu = tab.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Pazarlar")
    action.toggle()
    assert header.isSectionHidden(markets)
    header.moveSection(header.visualIndex(COLUMN_KEYS.index("tax_no")), 5)
    assert QSettings().value("registry/header") is not None
    again = FirmsTab(registry_ctx.db)
    qtbot.addWidget(again)
    other = again.table.horizontalHeader()
    assert other.isSectionHidden(markets)
    assert other.visualIndex(COLUMN_KEYS.index("tax_no")) == 5
    title_action = next(a for a in again.column_menu().actions() if a.text() == "Unvan")
    assert not title_action.isEnabled()  # the title always stays


def test_delete_goes_to_the_bin_and_ctrl_z_brings_it_back(qtbot, tab):
    assert tab.select_firm(
        tab.model.index_data.ids[tab.model.index_data.title.index("Cam Ambalaj")]
    )
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert "Cam Ambalaj" not in shown(tab)
    assert tab.count_label.text() == "Gösterilen: 4 / 4 firma"
    assert "çöp kutusuna taşındı" in tab.status_label.text()
    assert [r.title for r in registry.recycle_bin(tab.db)] == ["Cam Ambalaj"]
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Cam Ambalaj" in shown(tab)
    assert registry.recycle_bin(tab.db) == []


def test_recycle_bin_restores(qtbot, tab):
    ids = tab.model.index_data.ids[:2]
    registry.soft_delete(tab.db, ids)
    dialog = RecycleBinDialog(tab.db)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    dialog.select_ids(ids[:1])
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.restored == ids[:1]
    assert dialog.table.rowCount() == 1


def test_user_text_is_plain_everywhere(qtbot, tab):
    row = shown(tab).index("<b>Acme</b> Makine")
    tip = tab.model.data(tab.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Acme&lt;/b&gt;" in tip  # shown literally, never as bold
    firm_id = tab.model.firm_id(row)
    detail = FirmDetailDialog(tab.db, firm_id)
    qtbot.addWidget(detail)
    assert detail.title_label.text() == "<b>Acme</b> Makine"
    assert detail.title_label.textFormat() == Qt.TextFormat.PlainText
    assert detail.fact_labels["Etiketler"].text() == "<i>etiket</i>"
    assert detail.fact_labels["Etiketler"].textFormat() == Qt.TextFormat.PlainText


def test_detail_shows_the_change_history(qtbot, tab):
    firm_id = tab.model.index_data.ids[shown(tab).index("Işık Metal Ltd. Şti.")]
    data = registry.load(tab.db, firm_id)
    data["employees"] = "12"
    registry.save(tab.db, registry.validate(data), firm_id)
    detail = FirmDetailDialog(tab.db, firm_id)
    qtbot.addWidget(detail)
    rows = [
        [detail.audit.item(r, c).text() for c in range(7)] for r in range(detail.audit.rowCount())
    ]
    assert ["Firma", "değiştirildi", "Çalışan sayısı", "8", "12"] in [r[2:] for r in rows]
    assert ["Firma", "değiştirildi", "Ölçek", "Mikro", "Küçük"] in [r[2:] for r in rows]
    assert rows[-1][3] == "oluşturuldu"
    assert detail.tabs.tabText(3) == f"Değişiklik geçmişi ({detail.audit.rowCount()})"


def test_firm_form_explains_each_error_next_to_its_field(qtbot, tab):
    form = FirmDialog(tab.db, None)
    qtbot.addWidget(form.dialog)
    form.edits["title"].setText("Yeni Halı A.Ş.")
    form.edits["tax_no"].setText(vkn(1))  # ÇAĞRI's number
    form.edits["email"].setText("satis@")
    form.edits["phone"].setText("0352 22")
    form.edits["founded_year"].setText("2099")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved_id is None
    assert form.errors["email"].text().startswith("E-posta adresi geçersiz")
    assert form.errors["phone"].text().startswith("Telefon numarası geçersiz")
    assert "Kuruluş yılı" in form.errors["founded_year"].text()
    assert (
        form.errors["tax_no"].text() == ""
    )  # field errors first; the duplicate is checked on save
    form.edits["email"].setText("satis@yenihali.com.tr")
    form.edits["phone"].setText("0352 222 12 34")
    form.edits["founded_year"].setText("1998")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert (
        form.errors["tax_no"].text()
        == "Bu vergi numarası zaten “ÇAĞRI MOBİLYA A.Ş.” firmasına kayıtlı."
    )
    assert form.errors["tax_no"].isVisibleTo(form.dialog)
    form.edits["tax_no"].setText(vkn(77))
    form.combos["district"].setCurrentIndex(form.combos["district"].findData("talas"))
    form.markets.setText("Almanya; fr")
    row = form.add_contact()
    form.contacts.item(row, 0).setText("Zeynep Kaya")
    form.contacts.item(row, 4).setCheckState(Qt.CheckState.Checked)
    form.contacts.item(row, 5).setText("01.03.2025")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved_id is not None
    saved = registry.load(tab.db, form.saved_id)
    assert saved["phone"] == "+90 352 222 12 34"
    assert saved["markets"] == ["DE", "FR"]
    assert saved["contacts"][0]["name"] == "Zeynep Kaya"
    assert saved["contacts"][0]["kvkk_consent"] is True


def test_new_firm_from_the_tab(qtbot, tab):
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.findChild(QLineEdit, "titleEdit").setText("Talas Un Fabrikası")
        dialog.findChild(QLineEdit, "taxNoEdit").setText(vkn(55))
        dialog.findChild(QLineEdit, "employeesEdit").setText("45")
        assert dialog.windowTitle() == "Yeni firma"
        from PySide6.QtWidgets import QDialogButtonBox

        box = dialog.findChild(QDialogButtonBox, "buttons")
        box.button(QDialogButtonBox.StandardButton.Save).click()

    QTimer.singleShot(0, fill)
    tab.new_firm()
    assert "Talas Un Fabrikası" in shown(tab)
    assert tab.count_label.text() == "Gösterilen: 6 / 6 firma"
    assert tab.model.firm_id(tab.table.currentIndex().row()) == tab.selected_ids()[0]


def test_a_stale_form_offers_reload(qtbot, tab, monkeypatch):
    firm_id = tab.model.index_data.ids[shown(tab).index("Cam Ambalaj")]
    form = FirmDialog(tab.db, firm_id)
    qtbot.addWidget(form.dialog)
    other = registry.load(tab.db, firm_id)
    other["title"] = "Cam Ambalaj (başka kullanıcı)"
    registry.save(tab.db, registry.validate(other), firm_id)
    asked = []

    def answer(box: QMessageBox) -> int:
        asked.append((box.windowTitle(), box.text(), box.textFormat()))
        return int(QMessageBox.StandardButton.Yes.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    form.edits["employees"].setText("999")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.saved_id is None
    assert asked[0][0] == "Firma başka biri tarafından değiştirildi"
    assert asked[0][2] == Qt.TextFormat.PlainText
    assert form.edits["title"].text() == "Cam Ambalaj (başka kullanıcı)"  # reloaded
    assert form.edits["employees"].text() == "300"
    assert registry.load(tab.db, firm_id)["employees"] == 300  # nothing overwritten


def test_large_registry_shows_a_first_page_then_loads_the_rest(qtbot, registry_ctx, monkeypatch):
    monkeypatch.setattr(firms_tab_module, "SYNC_LIMIT", 2)
    monkeypatch.setattr(firms_tab_module, "FIRST_PAGE", 2)
    tab = FirmsTab(registry_ctx.db)
    qtbot.addWidget(tab)
    if tab.loading:
        assert tab.model.rowCount() == 2
        assert "yükleniyor" in tab.count_label.text()
    tab.wait_loaded()
    qtbot.waitUntil(lambda: not tab.loading)
    assert tab.model.rowCount() == 5
    assert tab.count_label.text() == "Gösterilen: 5 / 5 firma"


def test_in_the_main_window_edit_undo_deletes_and_the_bus_keeps_the_tab_fresh(qtbot, registry_ctx):
    from kayseri_desktop.gui.main_window import MainWindow

    window = MainWindow(registry_ctx)
    qtbot.addWidget(window)
    tab = window.firms_tab
    assert tab.undo_stack is window.undo_stack
    tab.select_firm(tab.model.index_data.ids[0])
    tab.delete_selected()
    assert len(shown(tab)) == 4
    window.bridge.flush_now()  # the echo of our own delete changes nothing
    assert len(shown(tab)) == 4
    window.undo_action.trigger()  # Düzen > Geri al
    assert len(shown(tab)) == 5
    window.bridge.flush_now()
    registry.soft_delete(registry_ctx.db, [tab.model.index_data.ids[1]])  # someone else
    window.bridge.flush_now()
    qtbot.waitUntil(lambda: len(shown(tab)) == 4)


def test_export_button_writes_the_shown_firms(qtbot, tab, tmp_path, monkeypatch, message_boxes):
    """The "Dışa aktar…" button itself (it once raised TypeError: wrong run_export call)."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QDialog, QFileDialog

    out = tmp_path / "firmalar.xlsx"
    monkeypatch.setattr(QDialog, "exec", lambda self: int(QDialog.DialogCode.Accepted.value))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.keyClicks(tab.search, "cagri")
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert message_boxes.texts() == [f"1 firma {out} dosyasına yazıldı."]
    sheet = load_workbook(out).worksheets[0]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "ÇAĞRI MOBİLYA A.Ş."
    ]
