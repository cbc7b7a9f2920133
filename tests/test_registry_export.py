"""Excel export of the registry, read back: view or all, real numbers, KVKK, formulas inert."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from kayseri_desktop.cli import main as cli_main
from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.exchange import firms_export
from kayseri_desktop.gui.firms_tab import FirmsTab
from kayseri_desktop.gui.registry import export_dialog
from kayseri_desktop.services import registry
from kayseri_desktop.services.firm_index import COLUMN_KEYS, Filters, FirmIndex


def vkn(serial: int) -> str:
    return vkn_with_check_digit(f"{serial:09d}")


@pytest.fixture
def reg(ctx):
    def add(title, serial, **extra):
        registry.save(ctx.db, registry.validate({"title": title, "tax_no": vkn(serial), **extra}))

    add("=HYPERLINK(\"http://x\")", 1, sector="metal", employees="40", tags="+tehlikeli",
        contacts=[{"name": "Onaylı Kişi", "kvkk_consent": True, "kvkk_consent_date": "01.02.2025",
                   "phone": "0532 123 45 67"}, {"name": "Onaysız Kişi"}])  # fmt: skip
    add("Çağrı Mobilya", 2, sector="mobilya", district="talas", employees="120",
        markets="Almanya, Irak", exports=[(2025, "1.250.000")])  # fmt: skip
    add("Işık Gıda", 3, sector="gida")
    return ctx


def read(path):
    wb = openpyxl.load_workbook(path)
    return wb, wb["Firmalar"]


def test_export_all_with_real_numbers_and_inert_formulas(reg, tmp_path):
    index = FirmIndex.load(reg.db, export_year=2025)
    result = firms_export.export(reg.db, tmp_path / "f.xlsx", index)
    assert result.firms == 3 and result.contacts == 0
    wb, ws = read(result.path)
    assert wb.sheetnames == ["Firmalar"]  # no personal data unless asked
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Firma Unvanı", "Vergi No", "Sektör"] and "İhracat 2025 (USD)" in header
    assert ws["A1"].font.bold and ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    cagri = rows["Çağrı Mobilya"]
    assert cagri[header.index("Çalışan Sayısı")] == 120  # a number, not "120"
    assert cagri[header.index("İhracat 2025 (USD)")] == 1_250_000
    assert cagri[header.index("İhracat Ülkeleri")] == "Almanya, Irak"
    assert cagri[header.index("Vergi No")] == vkn(2)  # text: leading zeros kept
    cell = next(c for c in ws["A"] if c.value == '=HYPERLINK("http://x")')
    assert cell.data_type == "s" and cell.quotePrefix  # text, never run as a formula
    assert list(rows) == ['=HYPERLINK("http://x")', "Çağrı Mobilya", "Işık Gıda"]
    staff = header.index("Çalışan Sayısı")
    assert [r[staff] for r in rows.values()] == [40, 120, None]  # styled cells reused per row
    number_cells = [ws.cell(r, staff + 1) for r in (2, 3)]
    assert all(c.number_format == "#,##0" and c.data_type == "n" for c in number_cells)


def test_contacts_only_when_ticked_and_only_with_consent(reg, tmp_path):
    index = FirmIndex.load(reg.db)
    result = firms_export.export(reg.db, tmp_path / "f.xlsx", index, with_contacts=True)
    assert (result.contacts, result.contacts_left_out) == (1, 1)
    wb = openpyxl.load_workbook(result.path)
    contacts = list(wb["Yetkililer"].iter_rows(min_row=2, values_only=True))
    assert contacts[0][2] == "Onaylı Kişi" and contacts[0][4] == "+90 532 123 45 67"
    assert contacts[0][6] == dt.datetime(2025, 2, 1)  # a real date
    assert contacts[0][4] == "+90 532 123 45 67"


def test_export_current_view_from_the_tab(qtbot, reg, tmp_path, monkeypatch, message_boxes):
    tab = FirmsTab(reg.db)
    qtbot.addWidget(tab)
    tab.filter_panel.select(tab.filter_panel.sector, "mobilya")
    header = tab.table.horizontalHeader()
    header.setSectionHidden(COLUMN_KEYS.index("tax_no"), True)
    header.moveSection(header.visualIndex(COLUMN_KEYS.index("employees")), 1)
    out = tmp_path / "gorunum.xlsx"
    monkeypatch.setattr(QDialog, "exec", lambda self: int(QDialog.DialogCode.Accepted.value))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    cursors = []
    write = firms_export.export

    def spy(*args, **kwargs):  # a wait cursor while the file is written
        cursors.append(QApplication.overrideCursor().shape())
        return write(*args, **kwargs)

    monkeypatch.setattr(firms_export, "export", spy)
    assert export_dialog.run_export(tab) == out
    assert cursors == [Qt.CursorShape.WaitCursor] and QApplication.overrideCursor() is None
    _, ws = read(out)
    header_row = [c.value for c in ws[1]]
    assert header_row[:2] == ["Firma Unvanı", "Çalışan Sayısı"] and "Vergi No" not in header_row
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == ["Çağrı Mobilya"]
    assert message_boxes.texts()[-1].startswith("1 firma ")


def test_export_dialog_choices(qtbot):
    dialog = export_dialog.ExportDialog(12, 3400)
    qtbot.addWidget(dialog)
    assert dialog.view_choice.isChecked() and not dialog.contacts.isChecked()
    assert dialog.all_choice.text() == "Tüm sicil, tüm alanlar (3.400 firma)"
    qtbot.mouseClick(dialog.contacts, Qt.MouseButton.LeftButton)
    assert dialog.contacts.isChecked()


def test_cli_export_with_search_and_filters(reg, tmp_path, capsys):
    out = tmp_path / "cli.xlsx"
    db = str(reg.db.path)
    assert cli_main(["export", "firms", str(out), "--db", db, "--sector", "Mobilya"]) == 0
    assert "1 firma yazıldı" in capsys.readouterr().out
    _, ws = read(out)
    assert [r[0] for r in ws.iter_rows(min_row=2, values_only=True)] == ["Çağrı Mobilya"]
    header = [c.value for c in ws[1]]
    assert header[-11:-9] == ["Kısa Ad", "Telefon"] and header[-1] == "Belgeler"  # whole record
    assert cli_main(["export", "firms", str(out), "--db", db, "--search", "ISIK",
                     "--with-contacts"]) == 0  # fmt: skip
    wb = openpyxl.load_workbook(out)
    assert [r[0] for r in wb["Firmalar"].iter_rows(min_row=2, values_only=True)] == ["Işık Gıda"]
    assert cli_main(["export", "firms", str(out), "--db", db, "--district", "Çankaya"]) == 2
    assert "16 ilçesinden" in capsys.readouterr().err


def test_export_follows_index_selection(reg):
    index = FirmIndex.load(reg.db)
    rows = index.select("", Filters(sectors=frozenset({"gida"})))
    assert [index.title[p] for p in rows] == ["Işık Gıda"]
