"""The same firm list in every form it arrives in gives the same firms (issue 15).

The corpus is made here, each file by the library that writes that format: .xlsx by
openpyxl, .ods by odfpy, .xls by xlwt, CSV/TSV by the csv module in each encoding and
separator Turkish offices use. Each is imported through the command line
(``kayseri import firms``) into a fresh database and the firms are read back.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from kayseri_desktop.cli import main as cli_main
from kayseri_desktop.core.taxid import tckn_with_check_digits, vkn_with_check_digit
from kayseri_desktop.data import models as m
from kayseri_desktop.exchange.xlsx import keep_returns
from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile
from kayseri_desktop.services.context import open_context

V0 = vkn_with_check_digit("012345678")  # a leading zero that a number cell would lose
V1 = vkn_with_check_digit("123456789")
TC = tckn_with_check_digits("345678912")
HEADERS = ["Firma Unvanı", "Vergi No", "İlçe", "Sektör", "Çalışan Sayısı", "İhracat",
           "Kuruluş Tarihi", "Notlar"]  # fmt: skip
FIRMS: list[list[object]] = [
    ["ÇAĞRI MOBİLYA A.Ş.", V0, "Melikgazi", "Mobilya", 120, 1_250_000.5,
     dt.date(1990, 6, 15), "Birinci satır\nİkinci satır"],
    ["Şişli Gıda Ltd. Şti.", V1, "Talas", "Gıda", 12, 50_000, dt.date(2001, 3, 4), None],
    ['Ahmet Usta; Virgül, ve "Tırnak"', TC, "Kocasinan", "Metal ve Makine", 3, None,
     dt.date(1999, 1, 1), "Iğdır ışık öğün ÜĞİŞÇÖ"],
]  # fmt: skip
EXPECTED = {
    V0: ("ÇAĞRI MOBİLYA A.Ş.", "Melikgazi", 120, 1990, "Birinci satır\nİkinci satır", 1_250_000),
    V1: ("Şişli Gıda Ltd. Şti.", "Talas", 12, 2001, None, 50_000),
    TC: ('Ahmet Usta; Virgül, ve "Tırnak"', "Kocasinan", 3, 1999, "Iğdır ışık öğün ÜĞİŞÇÖ", None),
}


def _turkish(value: object) -> str:
    """A cell as Turkish Excel writes it into a CSV: 1.250.000,5 and 15.06.1990."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float):
        whole, _, frac = f"{value:.2f}".partition(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value)


def write_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Firmalar"
    ws.append(HEADERS)
    for row in FIRMS:
        ws.append([keep_returns(v) if isinstance(v, str) else v for v in row])
    for cell in ws["G"][1:]:
        cell.number_format = "DD.MM.YYYY"
    wb.save(path)
    return path


def write_ods(path: Path) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Firmalar")
    for row in [HEADERS, *FIRMS]:
        tr = TableRow()
        for value in row:
            if value is None:
                cell = TableCell()
            elif isinstance(value, dt.date):
                cell = TableCell(valuetype="date", datevalue=value.isoformat())
                cell.addElement(P(text=value.strftime("%d.%m.%Y")))
            elif isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for line in str(value).split("\n"):  # a paragraph per line, as LibreOffice
                    cell.addElement(P(text=line))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_xls(path: Path) -> Path:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Firmalar")
    date_style = xlwt.easyxf(num_format_str="DD.MM.YYYY")
    for r, row in enumerate([HEADERS, *FIRMS]):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write(r, c, dt.datetime.combine(value, dt.time()), date_style)
            elif value is not None:
                ws.write(r, c, value)
    wb.save(str(path))
    return path


def write_xlsb(path: Path) -> Path:
    """No Python library writes .xlsb: tests/hostile_files.xlsb makes the few records
    calamine reads (without styles, so dates go in as the text a person sees)."""
    from hostile_files import xlsb

    rows: list[tuple[int, list[object]]] = [(0, list(range(len(HEADERS))))]
    for r, row in enumerate(FIRMS, 1):
        values = [
            v.strftime("%d.%m.%Y") if isinstance(v, dt.date)
            else float(v) if isinstance(v, int | float) else v
            for v in row
        ]  # fmt: skip
        rows.append((r, values))
    return xlsb(path, rows, HEADERS)


def write_csv(path: Path, encoding: str, sep: str) -> Path:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")  # as Excel ends lines
    writer.writerow(HEADERS)
    for row in FIRMS:
        writer.writerow([_turkish(v) for v in row])
    path.write_bytes(out.getvalue().encode(encoding))
    return path


FORMS = {
    "openpyxl.xlsx": write_xlsx,
    "odfpy.ods": write_ods,
    "xlwt.xls": write_xls,
    "records.xlsb": write_xlsb,
    "excel-utf8-bom.csv": lambda p: write_csv(p, "utf-8-sig", ";"),
    "utf8-comma.csv": lambda p: write_csv(p, "utf-8", ","),
    "windows-1254.csv": lambda p: write_csv(p, "cp1254", ";"),
    "excel-unicode-text.txt": lambda p: write_csv(p, "utf-16", "\t"),
    "utf8.tsv": lambda p: write_csv(p, "utf-8", "\t"),
}


def imported(tmp_path: Path, path: Path) -> dict[str, tuple[object, ...]]:
    """Import through the command line into a new database; its firms by tax number."""
    db = tmp_path / f"{path.name}.sqlite"
    open_context(db).close()
    assert cli_main(["import", "firms", str(path), "--db", str(db)]) == 0
    ctx = open_context(db)
    try:
        with ctx.db.read() as s:
            exports = dict(s.execute(select(m.FirmExport.firm_id, m.FirmExport.usd)).all())
            firms = s.execute(
                select(m.Firm.id, m.Firm.tax_no, m.Firm.title, m.Firm.district,
                       m.Firm.employees, m.Firm.founded_year, m.Firm.notes, m.Firm.sector)
            ).all()  # fmt: skip
    finally:
        ctx.close()
    return {f.tax_no: (f.title, f.district, f.employees, f.founded_year, f.notes,
                       exports.get(f.id), f.sector) for f in firms}  # fmt: skip


@pytest.mark.parametrize("name", list(FORMS))
def test_the_same_list_in_every_form_gives_the_same_firms(tmp_path, name, capsys):
    path = FORMS[name](tmp_path / f"firmalar-{name}")
    firms = imported(tmp_path, path)
    districts = {"Melikgazi": "melikgazi", "Talas": "talas", "Kocasinan": "kocasinan"}
    assert {tax: (t, districts.get(str(d), d), e, y, n, usd)
            for tax, (t, d, e, y, n, usd, _) in firms.items()} == {
        tax: (t, districts[str(d)], e, y, n, usd) for tax, (t, d, e, y, n, usd) in EXPECTED.items()
    }  # fmt: skip
    assert len({sector for *_, sector in firms.values()}) == 3  # three different clusters
    assert "Aktarıldı: 3 yeni firma" in capsys.readouterr().out


def test_a_csv_is_known_by_its_content_and_says_what_it_found(tmp_path):
    path = write_csv(tmp_path / "liste.xlsx", "cp1254", ";")  # a CSV under the wrong name
    with XlsxFile(path) as book:
        assert (book.kind, book.encoding, book.separator) == ("csv", "Windows-1254", ";")
        rows = book.read().rows
    first = ["ÇAĞRI MOBİLYA A.Ş.", V0, "Melikgazi", "Mobilya", "120", "1.250.000,50",
             "15.06.1990", "Birinci satır\nİkinci satır"]  # fmt: skip
    assert rows[1] == (2, first)
    unicode_text = write_csv(tmp_path / "unicode.txt", "utf-16", "\t")
    with XlsxFile(unicode_text) as book:
        assert (book.encoding, book.separator) == ("UTF-16", "\t")
        assert book.read().rows[3][1][0] == 'Ahmet Usta; Virgül, ve "Tırnak"'


def test_excels_sep_line_names_the_separator(tmp_path):
    path = tmp_path / "sep.csv"
    path.write_text("sep=,\r\nFirma Unvanı,Vergi No,Notlar\r\nA;B Ltd.,0123,x;y\r\n", "utf-8")
    with XlsxFile(path) as book:
        assert book.separator == ","
        assert book.read().rows == [
            (1, ["Firma Unvanı", "Vergi No", "Notlar"]),
            (2, ["A;B Ltd.", "0123", "x;y"]),
        ]


def test_web_pages_and_pictures_named_xls_are_refused_with_what_to_do(tmp_path):
    page = tmp_path / "rapor.xls"
    page.write_text("<html><body><table><tr><td>Firma</td></tr></table></body></html>")
    with pytest.raises(FileRefused, match="web sayfası ya da XML dosyası"):
        XlsxFile(page)
    one_column = tmp_path / "notlar.csv"
    one_column.write_text("Firma\nA\nB\n", encoding="utf-8")
    with pytest.raises(FileRefused, match="sütunları ayrılmış bir CSV listesi değil"):
        XlsxFile(one_column)


def test_a_carriage_return_survives_import_and_export(tmp_path):
    """An address with "\r\n" and a lone "\r" from a CSV and from an Excel file (which
    writes "\r" as _x000D_) is stored as written and comes back so from the export."""
    from kayseri_desktop.exchange import firms_export
    from kayseri_desktop.services.firm_index import FirmIndex

    address = "OSB 5. Cadde No: 12\r\nMelikgazi\rKAYSERİ"
    rows = [["Firma Unvanı", "Vergi No", "Adres"], ["CR Deneme A.Ş.", V1, address]]
    csv_path = tmp_path / "adres.csv"
    csv_path.write_bytes("\r\n".join(";".join(f'"{v}"' for v in r) for r in rows).encode())
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append([keep_returns(v) for v in row])
    wb.save(tmp_path / "adres.xlsx")
    for source in (csv_path, tmp_path / "adres.xlsx"):
        db = tmp_path / f"{source.suffix[1:]}.sqlite"
        open_context(db).close()
        assert cli_main(["import", "firms", str(source), "--db", str(db)]) == 0
        ctx = open_context(db)
        try:
            with ctx.db.read() as s:
                assert s.scalar(select(m.Firm.address)) == address
            out = tmp_path / f"disari-{source.suffix[1:]}.xlsx"
            firms_export.export(ctx.db, out, FirmIndex.load(ctx.db), with_details=True)
        finally:
            ctx.close()
        with XlsxFile(out) as book:
            assert address in book.read().rows[1][1]


@pytest.mark.parametrize("name", ["odfpy.ods", "windows-1254.csv"])
def test_the_wizard_imports_an_ods_and_a_turkish_csv(qtbot, ctx, tmp_path, name, message_boxes):
    """A person picks the file in the wizard (not only the command line): the sheet is
    offered, the columns found, and the firms imported."""
    from PySide6.QtWidgets import QWizard

    from kayseri_desktop.gui.registry.import_wizard import ImportWizard
    from kayseri_desktop.services.firm_index import FirmIndex

    path = FORMS[name](tmp_path / f"firmalar-{name}")
    wizard = ImportWizard(ctx.db, ctx.bus)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.path_edit.setText(str(path))
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page, wizard.file_error.text()
    assert wizard.header_spin.value() == 1
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert message_boxes.texts()[-1] == "3 yeni firma eklendi, 0 firma güncellendi."
    index = FirmIndex.load(ctx.db)
    assert len(index) == 3
