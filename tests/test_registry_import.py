"""Excel import of firm lists: messy real-world files, hostile files, the wizard, the CLI."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard

from kayseri_desktop.cli import main as cli_main
from kayseri_desktop.core.taxid import tckn_with_check_digits, vkn_with_check_digit
from kayseri_desktop.data import models as m
from kayseri_desktop.exchange import bulk_insert, xlsx_reader
from kayseri_desktop.exchange import firms_import as fi
from kayseri_desktop.exchange import firms_import_write as fw
from kayseri_desktop.exchange.firms_mapping import auto_mapping, detect_header
from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile
from kayseri_desktop.gui.registry.import_wizard import ImportWizard
from kayseri_desktop.services import firm_history, registry
from kayseri_desktop.services.firm_index import FirmIndex

TODAY = dt.date(2026, 11, 25)
V1 = vkn_with_check_digit("123456789")
V0 = vkn_with_check_digit("012345678")  # leading zero, stored as a number in the sheet
V2 = vkn_with_check_digit("223456789")
V3 = vkn_with_check_digit("323456789")
TC = tckn_with_check_digits("345678912")
HEADERS = ["Firma Unvanı", "Vergi No", "İlçe", "Sektör", "Çalışan Sayısı", "İhracat",
           "Telefon", "E-posta", "Yetkili", "İhracat Ülkeleri", "Kuruluş Tarihi"]  # fmt: skip


def messy_rows() -> list[list[object]]:
    return [
        [
            "  ÇAĞRI MOBİLYA A.Ş.  ",
            f"{V1[:3]} {V1[3:6]} {V1[6:]}",
            "MELİKGAZİ",
            "mobilya",
            "120",
            "1.250.000",
            "0352 222 12 34",
            "info@cagri.com.tr",
            "Ali Veli",
            "Almanya; ABD, Irak",
            "15.06.1990",
        ],
        [
            "Sıfırlı Vergi Ltd.",
            int(V0),
            "Talas",
            "Gıda",
            12,
            50000,
            None,
            None,
            None,
            "de, FR",
            dt.datetime(2001, 3, 4),
        ],
        [None] * 11,  # a blank row in the middle
        [
            "Ahmet Usta (şahıs)",
            TC,
            "Kocasinan",
            "Metal ve Makine",
            3,
            None,
            "05321234567",
            None,
            None,
            None,
            "1999",
        ],
        [
            "Hatalı Telefon A.Ş.",
            V2,
            "Çankaya",
            "mobilya",
            "abc",
            None,
            "0352 12",
            "x@",
            None,
            "Narnia",
            "31.02.2020",
        ],
        ["İkinci Kez Aynı VKN", V1, "Talas", None, None, None, None, None, None, None, None],
    ]


def build(path: Path, rows=None, *, sheet="Firmalar", title=True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append(["KTO Üye Firmalar Listesi (Ekim 2025)"])
        ws.append([])
    ws.append(HEADERS)
    for row in messy_rows() if rows is None else rows:
        ws.append(row)
    wb.save(path)
    return path


def plan_for(db, path: Path, **kw) -> fi.ImportPlan:
    with XlsxFile(path) as book:
        sheet = book.read()
    header = detect_header(sheet.rows)
    return fi.preview(db, sheet, header, auto_mapping(sheet.rows[header][1]), today=TODAY, **kw)


def test_header_row_found_after_title_and_blank_rows(tmp_path):
    with XlsxFile(build(tmp_path / "a.xlsx")) as book:
        assert list(book.sheets) == ["Firmalar"]
        sheet = book.read()
    header = detect_header(sheet.rows)
    assert sheet.rows[header][0] == 3  # Excel row number
    mapping = auto_mapping(sheet.rows[header][1])
    assert [mapping[i] for i in range(11)] == [
        "title", "tax_no", "district", "sector", "employees", "exports", "phone", "email",
        "contact", "markets", "founded_year",
    ]  # fmt: skip


def test_preview_classifies_and_explains_each_refused_row(ctx, tmp_path):
    plan = plan_for(ctx.db, build(tmp_path / "a.xlsx"), export_year=2025)
    assert plan.counts() == {"new": 2, "update": 0, "held": 0, "unchanged": 0, "refused": 3}
    by_row = {r.row: r for r in plan.rows}
    cagri = by_row[4]
    assert cagri.status == "refused"  # same VKN as row 9: both refused, naming both rows
    assert any("satır 4 ve 9" in p.reason for p in cagri.problems)
    assert any("satır 4 ve 9" in p.reason for p in by_row[9].problems)
    zero = by_row[5]
    assert zero.status == "new" and zero.fields["tax_no"] == V0
    assert zero.markets == ["DE", "FR"] and zero.fields["founded_year"] == 2001
    sole = by_row[7]
    assert sole.status == "new" and sole.fields["tax_no"] == TC
    assert sole.fields["phone"] == "+90 532 123 45 67"
    bad = {(p.column, p.value): p.reason for p in by_row[8].problems}
    assert bad[("C (İlçe)", "Çankaya")].startswith("İlçe Kayseri'nin 16 ilçesinden biri olmalı")
    assert bad[("E (Çalışan Sayısı)", "abc")] == "Çalışan sayısı bir sayı olmalı: “abc”."
    assert "Telefon numarası geçersiz" in bad[("G (Telefon)", "0352 12")]
    assert "E-posta adresi geçersiz" in bad[("H (E-posta)", "x@")]
    assert "Narnia" in bad[("J (İhracat Ülkeleri)", "Narnia")]
    assert "31 Şubat diye bir gün yok" in bad[("K (Kuruluş Tarihi)", "31.02.2020")]
    assert by_row[8].problems[0].text().startswith("Satır 8, sütun C (İlçe) “Çankaya”: ")


def test_refused_rows_mean_nothing_is_written_unless_skipped(ctx, tmp_path):
    plan = plan_for(ctx.db, build(tmp_path / "a.xlsx"), export_year=2025)
    seen = []
    ctx.bus.subscribe(seen.append)
    with pytest.raises(fi.ImportRefused, match="3 satır reddedildi; hiçbir firma aktarılmadı"):
        fw.apply(ctx.db, ctx.bus, plan, user="test")
    assert len(FirmIndex.load(ctx.db)) == 0 and seen == []
    done = fw.apply(ctx.db, ctx.bus, plan, user="test", skip_invalid=True)
    assert done["created"] == 2
    assert [(c.entity, len(c.ids)) for c in seen] == [("firm", 2)]  # one announcement
    index = FirmIndex.load(ctx.db, export_year=2025)
    assert index.title == ["Ahmet Usta (şahıs)", "Sıfırlı Vergi Ltd."]
    assert index.exports[1] == 50_000 and index.size[1] == "kucuk"
    history = firm_history.history(ctx.db, index.ids[0]).audit
    assert [(a.user, a.action) for a in history] == [("test", "create")]


def test_reimport_updates_changed_firms_and_leaves_the_rest(ctx, tmp_path):
    rows = [r for r in messy_rows() if r[0] and "Hatalı" not in r[0] and "İkinci" not in r[0]]
    fw.apply(ctx.db, ctx.bus, plan_for(ctx.db, build(tmp_path / "a.xlsx", rows)), user="t")
    rows[0][4] = "130"  # ÇAĞRI: more staff
    rows[0][8] = "Ayşe Kara"  # and a second contact
    plan = plan_for(ctx.db, build(tmp_path / "b.xlsx", rows))
    assert plan.counts() == {"new": 0, "update": 1, "held": 0, "unchanged": 2, "refused": 0}
    update = next(r for r in plan.rows if r.status == "update")
    assert update.changes["employees"] == (120, 130)
    fw.apply(ctx.db, ctx.bus, plan, user="t")
    data = registry.load(ctx.db, update.firm_id)
    assert data["employees"] == 130 and data["version"] == 2
    assert sorted(c["name"] for c in data["contacts"]) == ["Ali Veli", "Ayşe Kara"]
    assert plan_for(ctx.db, build(tmp_path / "c.xlsx", rows)).counts()["unchanged"] == 3


def test_a_long_list_lands_whole_with_each_firm_keeping_its_own_values(ctx, tmp_path, monkeypatch):
    """Rows go in many to a statement, the remainder one by one, firms in batches: with 60
    rows to a statement and 100 firms to a batch, 250 firms cross all of them, and every
    firm still gets its own contact, export figure, markets and audit entry."""
    monkeypatch.setattr(bulk_insert, "ROWS_PER_STATEMENT", 60)
    monkeypatch.setattr(fw, "FIRMS_PER_BATCH", 100)
    rows = [
        [f"Firma {i:03d}", vkn_with_check_digit(f"{500000000 + i:09d}"), "Talas", "Gıda",
         i + 1, (i + 1) * 1000, None, None, f"Yetkili {i}", "Almanya, Irak" if i % 2 else "FR",
         None]
        for i in range(250)
    ]  # fmt: skip
    plan = plan_for(ctx.db, build(tmp_path / "uzun.xlsx", rows), export_year=2025)
    assert fw.apply(ctx.db, ctx.bus, plan, user="t")["created"] == 250
    index = FirmIndex.load(ctx.db, export_year=2025)
    assert sorted(index.title) == [f"Firma {i:03d}" for i in range(250)]
    for fid in index.ids:
        data = registry.load(ctx.db, fid)
        i = int(str(data["title"]).split()[1])
        assert data["tax_no"] == rows[i][1] and data["employees"] == i + 1
        assert data["exports"] == [(2025, (i + 1) * 1000)]
        assert data["markets"] == (["DE", "IQ"] if i % 2 else ["FR"])
        assert [c["name"] for c in data["contacts"]] == [f"Yetkili {i}"]
        audit = firm_history.history(ctx.db, fid).audit
        assert [(a.user, a.action) for a in audit] == [("t", "create")]
        with ctx.db.read() as s:  # the entry's time is the firm's, read back as a datetime
            assert audit[0].at == s.get(m.Firm, fid).created_at


def test_equal_looking_cells_of_different_types_are_parsed_each_on_their_own(ctx, tmp_path):
    """Head counts are parsed once per distinct cell, but 1, 1.0 and TRUE (equal in
    Python) are different cells: TRUE is refused, 1 and 1.0 are one employee."""
    values = [1, True, 1.0, "1", True, 1]
    rows = [
        [f"Firma {i}", vkn_with_check_digit(f"{600000000 + i:09d}"), "Talas", None, v]
        for i, v in enumerate(values)
    ]
    plan = plan_for(ctx.db, build(tmp_path / "tipler.xlsx", rows))
    got = [(r.status, r.fields.get("employees")) for r in plan.rows]
    assert got == [("new", 1), ("refused", None), ("new", 1), ("new", 1), ("refused", None),
                   ("new", 1)]  # fmt: skip
    assert plan.rows[1].problems[0].reason == "Çalışan sayısı bir sayı olmalı."
    assert plan.rows[1].problems[0].value == "DOĞRU"  # as a Turkish spreadsheet shows it


def test_a_refusal_quotes_a_huge_cell_cut_short_and_names_its_length(ctx, tmp_path):
    title = "Çok Uzun Unvan " * 2000
    plan = plan_for(ctx.db, build(tmp_path / "uzun.xlsx", [[title, V1], ["Kısa", V2]]))
    problem = plan.problems()[0]
    assert problem.column == "A (Firma Unvanı)" and len(problem.value) == fi.SHOWN_MAX
    assert problem.value == title[: fi.SHOWN_MAX - 1] + "…"
    assert problem.reason == "Unvan en çok 300 karakter olabilir (29.999 karakter)."  # grouped
    assert plan.counts()["new"] == 1 and plan.rows[0].values[0] == title  # the row keeps it whole
    assert [fi._show(v) for v in (12.5, False, dt.date(2024, 3, 1))] == ["12,5", "YANLIŞ",
                                                                         "01.03.2024"]  # fmt: skip


def test_a_firm_in_the_recycle_bin_is_not_silently_revived(ctx, tmp_path):
    fid = registry.save(ctx.db, registry.validate({"title": "Eski", "tax_no": V3}))
    registry.soft_delete(ctx.db, [fid])
    plan = plan_for(ctx.db, build(tmp_path / "a.xlsx", [["Eski", V3]]))
    assert "çöp kutusundaki “Eski”" in plan.problems()[0].reason


def test_refused_rows_are_saved_to_fix_and_reimport(ctx, tmp_path):
    plan = plan_for(ctx.db, build(tmp_path / "a.xlsx"))
    out = fw.save_refused(plan, tmp_path / "reddedilen.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert [c.value for c in ws[1]][:3] == ["Satır", "Firma Unvanı", "Vergi No"]
    assert [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)] == [4, 8, 9]
    assert "İlçe Kayseri'nin 16" in ws.cell(3, ws.max_column).value


# -- hostile and broken files -------------------------------------------------------------


def test_not_a_spreadsheet_is_refused_clearly(tmp_path):
    """A list is read by its content, not its name (a CSV named .xlsx is a CSV); what is
    no list at all is refused."""
    csv = tmp_path / "liste.xlsx"
    csv.write_text("Firma;Vergi No\nA;1\n", encoding="utf-8")
    with XlsxFile(csv) as book:
        assert book.read().rows == [(1, ["Firma", "Vergi No"]), (2, ["A", "1"])]
    picture = tmp_path / "logo.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(FileRefused, match="hesap tablosu değil"):
        XlsxFile(picture)
    empty = tmp_path / "bos.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(FileRefused, match="dosya boş"):
        XlsxFile(empty)


def test_files_of_other_spreadsheet_kinds_are_named_with_what_to_do(tmp_path):
    """What staff are sent instead of an .xlsx: a password-protected workbook and an old
    .xls (both OLE compound files), a binary .xlsb and a LibreOffice .ods."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    kinds = {
        "parolali.xlsx": (ole + "EncryptedPackage".encode("utf-16-le"), "parola korumalı"),
        "eski.xls": (ole + "Workbook".encode("utf-16-le"), r"Excel 97-2003 \(\.xls\)"),
    }
    for name, (data, reason) in kinds.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(FileRefused, match=reason):
            XlsxFile(tmp_path / name)
    for name, parts, reason in (
        ("ikili.xlsb", {"xl/workbook.bin": b"\x83\x01"}, r"İkili Çalışma Kitabı \(\.xlsb\)"),
        ("liste.ods", {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                       "content.xml": b"<office:document-content/>"}, r"OpenDocument.*\.ods"),
    ):  # fmt: skip
        with zipfile.ZipFile(tmp_path / name, "w") as z:
            for part, data in parts.items():
                z.writestr(part, data)
        with pytest.raises(FileRefused, match=reason):
            XlsxFile(tmp_path / name)


def test_damaged_and_absurd_files_are_refused(tmp_path, monkeypatch):
    good = build(tmp_path / "iyi.xlsx")
    cut = tmp_path / "kesik.xlsx"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(FileRefused, match="okunamadı"):
        XlsxFile(cut).read()
    other = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    with pytest.raises(FileRefused, match="çalışma kitabı yok"):
        XlsxFile(other)
    monkeypatch.setattr(xlsx_reader, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FileRefused, match="dosya çok büyük"):
        XlsxFile(good)


def test_zip_bombs_are_refused(tmp_path):
    bomb = tmp_path / "bomba.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", " " * 50_000_000)
    with pytest.raises(FileRefused, match="zip bombası"):
        XlsxFile(bomb)


def _with_part(good: Path, target: Path, part: str, data: bytes) -> Path:
    """A copy of the workbook with one part replaced (or added)."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(target, "w") as dst:
        for item in src.infolist():
            if item.filename != part:
                dst.writestr(item, src.read(item.filename))
        dst.writestr(part, data)
    return target


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>
"""


def test_xml_entity_tricks_are_refused(tmp_path):
    good = build(tmp_path / "iyi.xlsx")
    evil = _with_part(good, tmp_path / "kotu.xlsx", "xl/sharedStrings.xml", LAUGHS)
    with pytest.raises(FileRefused, match=r"DOCTYPE/ENTITY|entity"):
        XlsxFile(evil)
    sheet = (
        b'<?xml version="1.0"?>'
        + b"<!-- "
        + b"x" * 8000
        + b" -->"
        + (
            b'<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
            b"</sheetData></worksheet>"
        )
    )
    evil2 = _with_part(good, tmp_path / "kotu2.xlsx", "xl/worksheets/sheet1.xml", sheet)
    with pytest.raises(FileRefused, match="DOCTYPE/ENTITY"):
        XlsxFile(evil2).read()


def test_xml_parts_not_in_utf8_are_refused(tmp_path):
    """UTF-16 markup would hide a DOCTYPE or far reference from byte-level checks."""
    good = build(tmp_path / "iyi.xlsx")
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    for i, data in enumerate(
        (sheet.encode("utf-16"), sheet.encode("utf-16-le"), sheet.encode("utf-16-be"))
    ):
        wide = _with_part(good, tmp_path / f"genis{i}.xlsx", "xl/worksheets/sheet1.xml", data)
        with pytest.raises(FileRefused, match="UTF-8 değil"):
            XlsxFile(wide)


def test_what_is_read_is_what_was_checked_even_if_the_file_changes(tmp_path, monkeypatch):
    """The file is swapped for a hostile one right after the checks passed (a sync
    folder, another program): calamine still reads only the checked bytes."""
    path = build(tmp_path / "liste.xlsx")
    far = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>'
    )
    swapped = _with_part(path, tmp_path / "baska.xlsx", "xl/worksheets/sheet1.xml", far)
    checks = XlsxFile._check_parts

    def check_then_swap(self, zf, size):
        checks(self, zf, size)
        swapped.replace(path)

    monkeypatch.setattr(XlsxFile, "_check_parts", check_then_swap)
    with XlsxFile(path) as book:
        rows = book.read().rows
    assert not swapped.exists() and zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml") == far
    assert rows[0][1][0] == "KTO Üye Firmalar Listesi (Ekim 2025)"
    assert [number for number, _ in rows][:2] == [1, 3]  # title, then the header row


def test_sheets_reaching_absurdly_far_are_refused_before_reading(tmp_path):
    """Calamine allocates the rectangle the cell references span: far references are refused."""
    good = build(tmp_path / "iyi.xlsx")
    for i, ref in enumerate(("ZZ1", "A5000000", "KO2")):
        sheet = (
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
            b'<row r="2"><c r="' + ref.encode() + b'"><v>2</v></c></row></sheetData></worksheet>'
        )
        far = _with_part(good, tmp_path / f"uzak{i}.xlsx", "xl/worksheets/sheet1.xml", sheet)
        with pytest.raises(FileRefused, match="yeni bir çalışma kitabına kopyalayarak"):
            XlsxFile(far)
    # A sheet part under any name (calamine follows the relationships) is checked too.
    with zipfile.ZipFile(good) as z:
        rels = z.read("xl/_rels/workbook.xml.rels").replace(b"sheet1.xml", b"sheet1.dat")
    hidden = _with_part(good, tmp_path / "r.xlsx", "xl/_rels/workbook.xml.rels", rels)
    hidden = _with_part(hidden, tmp_path / "gizli.xlsx", "xl/worksheets/sheet1.dat", sheet)
    with pytest.raises(FileRefused, match="yeni bir çalışma kitabına kopyalayarak"):
        XlsxFile(hidden)
    near = b'<row r="2"><c r="KN2"><v>2</v></c></row>'
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + near + b"</sheetData></worksheet>"
    )
    path = _with_part(good, tmp_path / "yakin.xlsx", "xl/worksheets/sheet1.xml", sheet)
    with XlsxFile(path) as book:
        assert book.read().rows == [(2, [None] * 299 + [2])]


# -- the wizard, as a person uses it --------------------------------------------------------


def test_wizard_imports_a_messy_file(qtbot, ctx, tmp_path, monkeypatch, message_boxes):
    path = build(tmp_path / "liste.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard = ImportWizard(ctx.db, ctx.bus, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.findChild(type(wizard.button(QWizard.WizardButton.NextButton)),
                                      "importBrowse"), Qt.MouseButton.LeftButton)  # fmt: skip
    assert wizard.sheet_combo.currentText() == "Firmalar"
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.header_spin.value() == 3
    assert wizard.field_combos[1].currentData() == "tax_no"
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    assert "Reddedilen: 3" in wizard.counts_label.text()
    assert "İhracat tutarları 2025 yılına yazılır." in wizard.counts_label.text()
    assert wizard.preview_table.item(0, 1).text() == "Reddedildi"
    refused_out = tmp_path / "reddedilen.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(refused_out), ""))
    qtbot.mouseClick(wizard.save_refused_button, Qt.MouseButton.LeftButton)
    assert refused_out.exists()
    wizard.button(QWizard.WizardButton.FinishButton).click()  # refused rows: nothing written
    assert "hiçbir firma aktarılmadı" in message_boxes.texts()[-1]
    assert len(FirmIndex.load(ctx.db)) == 0
    wizard.skip_invalid.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert message_boxes.texts()[-1] == "2 yeni firma eklendi, 0 firma güncellendi."
    assert len(FirmIndex.load(ctx.db)) == 2


def test_wizard_shows_a_wait_cursor_while_it_reads_checks_and_imports(
    qtbot, ctx, tmp_path, monkeypatch, message_boxes
):
    from PySide6.QtWidgets import QApplication

    def cursor() -> object:
        shown = QApplication.overrideCursor()
        return None if shown is None else shown.shape()

    seen: dict[str, object] = {}
    for module, name in ((xlsx_reader.XlsxFile, "read"), (fi, "preview"), (fw, "apply")):
        original = getattr(module, name)

        def spy(*args, _original=original, _name=name, **kwargs):
            seen[_name] = cursor()
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    path = build(tmp_path / "liste.xlsx")
    wizard = ImportWizard(ctx.db, ctx.bus, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.next()
    wizard.next()
    wizard.skip_invalid.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert seen == dict.fromkeys(("read", "preview", "apply"), Qt.CursorShape.WaitCursor)
    assert cursor() is None  # restored afterwards
    assert message_boxes.texts()[-1] == "2 yeni firma eklendi, 0 firma güncellendi."


def test_wizard_refuses_a_broken_file_on_the_first_page(qtbot, ctx, tmp_path):
    bad = tmp_path / "bozuk.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    wizard = ImportWizard(ctx.db, ctx.bus)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(bad))
    wizard.next()
    assert wizard.currentPage() is wizard.file_page
    assert "okunamadı" in wizard.file_error.text()


def test_wizard_remembers_a_changed_mapping(qtbot, ctx, tmp_path):
    path = build(tmp_path / "liste.xlsx", [["A Firması", V1, "Talas", "x"]])
    for _ in range(2):
        wizard = ImportWizard(ctx.db, ctx.bus)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.path_edit.setText(str(path))
        wizard.next()
        combo = wizard.field_combos[3]
        if combo.currentData() == "sector":  # first time: map Sektör to notes instead
            combo.setCurrentIndex(combo.findData("notes"))
            wizard.next()
        else:
            assert combo.currentData() == "notes"


# -- command line ---------------------------------------------------------------------------


def test_cli_import_counts_refusals_and_exit_codes(ctx, tmp_path, capsys):
    db = str(ctx.db.path)
    path = build(tmp_path / "liste.xlsx")
    assert cli_main(["import", "firms", str(path), "--db", db]) == 1
    out = capsys.readouterr()
    assert "Reddedildi" in out.out and "REDDEDİLDİ Satır 8, sütun C (İlçe)" in out.out
    assert "hiçbir firma aktarılmadı" in out.err
    assert cli_main(["import", "firms", str(path), "--db", db, "--dry-run", "--skip-invalid"]) == 0
    assert len(FirmIndex.load(ctx.db)) == 0
    assert cli_main(["import", "firms", str(path), "--db", db, "--skip-invalid"]) == 0
    assert "Aktarıldı: 2 yeni firma" in capsys.readouterr().out
    assert len(FirmIndex.load(ctx.db)) == 2
    bad = tmp_path / "bozuk.xlsx"
    bad.write_text("değil")
    assert cli_main(["import", "firms", str(bad), "--db", db]) == 2
    assert "Excel dosyası ya da sütunları ayrılmış bir CSV listesi değil" in capsys.readouterr().err


def test_shared_strings_and_the_1904_date_system(tmp_path):
    """Files from Excel and LibreOffice keep text in sharedStrings.xml; old Macs count from 1904."""
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        b'<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>0</v></c></row>'
        b"</sheetData></worksheet>"
    )
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>Firma Unvan\xc4\xb1</t></si><si><t>Kurulu\xc5\x9f Tarihi</t></si>"
        b"<si><r><t>&lt;b&gt;Acme</t></r>"
        b"<r><t xml:space='preserve'> &amp; O\xc4\x9fullar\xc4\xb1</t></r></si></sst>"
    )
    styles = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
    )
    good = build(tmp_path / "iyi.xlsx")
    path = _with_part(good, tmp_path / "a.xlsx", "xl/worksheets/sheet1.xml", sheet)
    path = _with_part(path, tmp_path / "b.xlsx", "xl/sharedStrings.xml", strings)
    path = _with_part(path, tmp_path / "c.xlsx", "xl/styles.xml", styles)
    with zipfile.ZipFile(path) as z:
        book = z.read("xl/workbook.xml").replace(b"<workbookPr />", b"<workbookPr/>")
        book = book.replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')  # lxml or not
    assert b'date1904="1"' in book
    path = _with_part(path, tmp_path / "d.xlsx", "xl/workbook.xml", book)
    with XlsxFile(path) as f:
        rows = f.read().rows
    assert rows == [
        (1, ["Firma Unvanı", "Kuruluş Tarihi"]),
        (2, ["<b>Acme & Oğulları", dt.datetime(1904, 1, 1)]),
    ]


def test_a_hidden_first_sheet_is_listed_but_the_first_visible_one_is_read(
    qtbot, ctx, tmp_path, monkeypatch
):
    """Lists exported from other programs often start with a hidden lookup sheet."""
    wb = openpyxl.Workbook()
    codes = wb.active
    codes.title = "Kodlar"
    codes.append(["Kod", "Açıklama"])
    codes.sheet_state = "hidden"
    firms = wb.create_sheet("Firmalar")
    firms.append(HEADERS)
    firms.append(["Görünür Sayfa A.Ş.", V1])
    wb.active = 1
    path = tmp_path / "gizli.xlsx"
    wb.save(path)
    with XlsxFile(path) as book:
        assert book.sheets == {"Kodlar": False, "Firmalar": True}
        assert book.first_sheet == "Firmalar" and book.read().name == "Firmalar"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard = ImportWizard(ctx.db, ctx.bus, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.findChild(type(wizard.button(QWizard.WizardButton.NextButton)), "importBrowse").click()
    combo = wizard.sheet_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Kodlar (gizli sayfa)", "Firmalar"]
    assert combo.currentData() == "Firmalar"
    wizard.next()
    assert wizard.field_combos[1].currentData() == "tax_no"  # the visible sheet's headers


def test_strict_open_xml_files_are_read_with_their_date_system(tmp_path):
    """Excel's "Strict Open XML Spreadsheet" uses other namespaces; a 1904 one still counts
    its dates (and times of day) from 1904."""
    good = build(tmp_path / "iyi.xlsx")
    strict = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(good) as z, zipfile.ZipFile(strict, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info).replace(b"<workbookPr />", b"<workbookPr/>")
            data = data.replace(b"<workbookPr/>", b'<workbookPr date1904="1"/>')  # lxml or not
            for old, new in (
                (b"schemas.openxmlformats.org/spreadsheetml/2006/main",
                 b"purl.oclc.org/ooxml/spreadsheetml/main"),
                (b"schemas.openxmlformats.org/officeDocument/2006/relationships",
                 b"purl.oclc.org/ooxml/officeDocument/relationships"),
            ):  # fmt: skip
                data = data.replace(old, new)
            out.writestr(info.filename, data)
    with XlsxFile(strict) as book:
        assert book.epoch == xlsx_reader.EPOCH_1904
        rows = dict(book.read().rows)
    assert rows[5][10] == dt.date(2005, 3, 5)  # 2001-03-04's serial, counted from 1904
    assert rows[4][0] == "  ÇAĞRI MOBİLYA A.Ş.  "
