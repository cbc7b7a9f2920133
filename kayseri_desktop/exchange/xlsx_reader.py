"""The one reader of imported lists: hostile files refused first, then cells read by calamine.

``XlsxFile(path)`` opens any list a person is sent, whatever its name says: it looks at
the content and reads an Excel workbook (.xlsx, .xlsm), an Excel binary workbook
(.xlsb), an old Excel 97-2003 workbook (.xls), a LibreOffice/OpenDocument sheet (.ods)
or a CSV/TSV text file (exchange/csv_reader.py), and hands back the same rows for each.

Cells are read by python-calamine (Rust), an order of magnitude faster than
openpyxl's read-only mode. Calamine only ever sees a file that passed the checks
below, all done here on its bytes before it is opened; refused, with a Turkish message
(FileRefused) and never a traceback:
- a file that is no spreadsheet at all (a picture, a web page saved as .xls), an empty
  file, a password-protected workbook (an encrypted .xlsx or .xls);
- a damaged zip or compound file, or one without a workbook;
- an absurdly large file, or one whose parts inflate far beyond their size (zip bomb);
  each part is inflated in chunks and never beyond the size its header declares;
- a DOCTYPE or entity declaration anywhere in any XML part (no "billion laughs",
  no external entities), or an XML part not in UTF-8 (Excel and LibreOffice write
  UTF-8 only; a UTF-16 part would hide its markup from these checks);
- a part whose cells span more than MAX_ROWS rows, MAX_COLUMNS columns or MAX_CELLS
  cells in all (calamine allocates the whole rectangle the cells span, empty cells
  included; see exchange/xlsx_extent.py, and the .ods/.xlsb/.xls walks);
- text that would inflate in the reader: a cell far longer than Excel's 32,767
  characters, or shared strings whose length times their uses is too much (see
  exchange/workbook_checks.py and exchange/xls_checks.py).
Every part of a zip is checked, whatever its name. Calamine then reads the very
bytes that were checked (an in-memory copy of the parts, stored uncompressed), not the
file again: a file replaced between the check and the read cannot slip through, and
nothing is inflated twice.

Values come back as Python values: text, int (whole numbers), float, bool, dates
(date or datetime, in the workbook's 1900 or 1904 date system); empty and error
cells are None. A CSV's values are its text. Formula cells without a cached value
(files written by scripts) are refused by cell, not read as empty.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError

import python_calamine
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from openpyxl.utils.cell import get_column_letter

from kayseri_desktop.core.gc_pause import gc_paused
from kayseri_desktop.core.turkish import thousands
from kayseri_desktop.exchange import csv_reader
from kayseri_desktop.exchange.workbook_checks import (
    MAX_TEXT_CHARS,
    Refusal,
    SharedStrings,
    formula_refusal,
    inflate,
    ods_content,
    sheet_cells,
    too_much_text,
    xlsb_sheet,
)
from kayseri_desktop.exchange.workbook_checks import xlsb_strings as xlsb_string_lengths
from kayseri_desktop.exchange.xls_checks import PASSWORD, check_xls
from kayseri_desktop.exchange.xlsx_extent import cell_extent

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 200 * 1024 * 1024  # one XML part, inflated (a 200,000-row list: ~100 MB)
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # all parts, inflated (they are held while reading)
MAX_RATIO = 200  # inflated / compressed of a whole file beyond this is a zip bomb
MAX_ROWS = 200_000
MAX_COLUMNS = 300
MAX_CELLS = 5_000_000  # rows x columns of the rectangle the cells span

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_STRICT = "{http://purl.oclc.org/ooxml/spreadsheetml/main}"  # Excel's "Strict Open XML"
EPOCH = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)  # workbooks saved with the 1904 date system (old Mac)
_FORBIDDEN = (b"<!DOCTYPE", b"<!ENTITY")
_WIDE_STARTS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16/32 byte-order marks
_ODD = frozenset({float, dt.time, dt.timedelta})
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: .xls, encrypted .xlsx
_LABELS = {
    "xlsx": "Excel (.xlsx)",
    "xlsb": "Excel İkili Çalışma Kitabı (.xlsb)",
    "ods": "OpenDocument hesap tablosu (.ods)",
    "xls": "Excel 97-2003 (.xls)",
    "csv": "CSV",
}
_XLSB_OTHER = frozenset({"workbook.bin", "styles.bin", "vbaProject.bin", "vbaProjectSignature.bin"})


class FileRefused(ValueError):
    """The file cannot be read as a spreadsheet; str() says why, in Turkish."""


@dataclass(frozen=True)
class SheetRows:
    name: str
    rows: list[tuple[int, list[object]]]  # (1-based row number, values by column)


def _refuse(path: Path, reason: str) -> FileRefused:
    return FileRefused(f"“{path.name}” okunamadı: {reason}")


class XlsxFile:
    """An opened, checked spreadsheet of any kind: sheet names, then one sheet's rows."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileRefused(f"Dosya bulunamadı: {self.path}")
        size = self.path.stat().st_size
        if size == 0:
            raise _refuse(self.path, "dosya boş.")
        if size > MAX_FILE_BYTES:
            raise _refuse(
                self.path,
                f"dosya çok büyük ({size // (1024 * 1024)} MB; en çok "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB).",
            )
        self.epoch = EPOCH
        self.kind = "xlsx"  # xlsx (also .xlsm), xlsb, ods, xls or csv: what the content is
        self.encoding: str | None = None  # a CSV's encoding and separator, as detected
        self.separator: str | None = None
        self._table: SheetRows | None = None  # a CSV's one sheet, read whole
        self.sheets: dict[str, bool] = {}  # name -> visible
        self.first_sheet = ""
        self._formulas: dict[str, list[str]] = {}  # sheet -> formula cells without a value
        try:
            data = self.path.read_bytes()[: MAX_FILE_BYTES + 1]
            if data[:2] == b"PK":
                if not zipfile.is_zipfile(io.BytesIO(data)):
                    raise Refusal(
                        "dosya bozuk (sıkıştırılmış paket okunamıyor; yarım inmiş olabilir)."
                    )
                with zipfile.ZipFile(io.BytesIO(data)) as zf:
                    self._check_parts(zf, len(data))
            elif data[:8] == _OLE_MAGIC:
                self._check_ole(data)
            else:
                self._table = self._read_text(data)
        except FileRefused:
            raise
        except Refusal as exc:
            raise _refuse(self.path, str(exc)) from None
        except DefusedXmlException:
            raise _refuse(
                self.path, "dosyadaki XML izin verilmeyen tanımlar (entity) içeriyor."
            ) from None
        except (ParseError, KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise _refuse(self.path, f"dosya bozuk ({type(exc).__name__}: {exc}).") from None
        table = self._table
        if table is not None:
            self.sheets = {table.name: True}
            self.first_sheet = table.name
            return
        # Only now, with every part checked, does calamine open them.
        label = _LABELS[self.kind]
        try:
            self.book = python_calamine.CalamineWorkbook.from_filelike(self._checked)
            worksheet = python_calamine.SheetTypeEnum.WorkSheet
            visible = python_calamine.SheetVisibleEnum.Visible
            shown = {s.name: s.visible == visible for s in self.book.sheets_metadata
                     if s.typ == worksheet}  # fmt: skip
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            raise _refuse(self.path, f"{label} dosyası bozuk ({exc}).") from None
        finally:
            del self._checked  # calamine holds its own copy from here on
        if not shown:
            self.book.close()
            raise _refuse(self.path, f"{label} dosyasında okunabilir sayfa yok.")
        self.sheets = shown  # name -> visible (a hidden sheet can still be chosen by name)
        # What a person sees first when the file opens in Excel: the first visible sheet
        # (lists exported from other programs often start with a hidden lookup sheet).
        self.first_sheet = next((n for n, v in shown.items() if v), next(iter(shown)))

    def _check_parts(self, zf: zipfile.ZipFile, size: int) -> None:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if (
            any(i.file_size > MAX_PART_BYTES for i in infos)
            or total > max(size, 1) * MAX_RATIO
            or total > MAX_TOTAL_BYTES
        ):
            raise _refuse(
                self.path, "dosya açıldığında olağan dışı büyüyor (zip bombası olabilir)."
            )
        names = {i.filename for i in infos}
        if "xl/workbook.bin" in names:
            self.kind = "xlsb"
        elif "mimetype" in names and "content.xml" in names:
            if b"spreadsheet" not in inflate(zf, zf.getinfo("mimetype")):
                raise _refuse(
                    self.path, "bu bir OpenDocument belgesi ama hesap tablosu (.ods) değil."
                )
            self.kind = "ods"
        elif "xl/workbook.xml" not in names:
            raise _refuse(
                self.path, "içinde Excel çalışma kitabı yok (dosya bozuk ya da başka biçimde)."
            )
        strings = SharedStrings()
        formulas: dict[str, list[str]] = {}  # part -> formula cells without a value
        binary_sheets: list[bytes] = []
        xlsb_strings: list[int] = []
        workbook = rels = b""
        # Every part, whatever its name: calamine follows the workbook's relationships
        # to any part name, so a sheet need not end in .xml. The checked bytes are what
        # calamine reads: copied into an uncompressed in-memory zip as they pass.
        self._checked = io.BytesIO()
        with zipfile.ZipFile(self._checked, "w", zipfile.ZIP_STORED) as checked:
            for info in infos:
                data = inflate(zf, info)
                head = data[:64]
                if head.startswith(_WIDE_STARTS) or b"<\x00" in head or b"\x00<" in head:
                    raise _refuse(
                        self.path,
                        f"dosyadaki XML ({info.filename}) UTF-8 değil; bu kodlama desteklenmiyor.",
                    )
                # "!" first: a one-byte search (memchr), and most parts have none at all.
                if b"!" in data and b"<!" in data and any(m in data for m in _FORBIDDEN):
                    raise _refuse(
                        self.path,
                        f"dosyadaki XML ({info.filename}) izin verilmeyen DOCTYPE/ENTITY tanımı "
                        "içeriyor.",
                    )
                name = info.filename
                if self.kind == "xlsx":
                    self._check_extent(data)
                    if b"sst" in data:  # the shared-strings table's root (<sst>, <x:sst>)
                        strings.add_table(data)
                    if b"c" in data:
                        strings.add_sheet(data)
                        found = sheet_cells(data)
                        if found:
                            formulas[name] = found
                    if name == "xl/workbook.xml":
                        workbook = data
                        self.epoch = _epoch(data)
                    elif name == "xl/_rels/workbook.xml.rels":
                        rels = data
                elif self.kind == "ods":
                    if name == "content.xml":
                        self._check_ods(data)
                elif name.endswith(".bin") and name.startswith("xl/"):
                    base = name.rpartition("/")[2]
                    if base == "sharedStrings.bin":
                        xlsb_strings = xlsb_string_lengths(data)
                    elif base not in _XLSB_OTHER and not base.startswith("printerSettings"):
                        binary_sheets.append(data)
                elif head.lstrip()[:1] == b"<":
                    self._check_extent(data)
                checked.writestr(info.filename, data)
        self._checked.seek(0)
        strings.check()
        text = 0
        for data in binary_sheets:
            rows, columns, chars = xlsb_sheet(data, xlsb_strings, MAX_ROWS)
            self._check_size(rows, columns)
            text += chars
            if text > MAX_TEXT_CHARS:
                raise too_much_text(text)
        if formulas:
            for sheet, part in _sheet_parts(workbook, rels).items():
                if part in formulas:
                    self._formulas[sheet] = formulas[part]

    def _check_ods(self, data: bytes) -> None:
        sheets = ods_content(data, MAX_ROWS, MAX_COLUMNS)
        for name, sheet in sheets.items():
            self._check_size(sheet.rows, sheet.columns)
            if sheet.formulas:
                self._formulas[name] = sheet.formulas

    def _check_ole(self, data: bytes) -> None:
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise Refusal(PASSWORD)  # an encrypted .xlsx: its package inside a compound file
        self.kind = "xls"
        facts = check_xls(data, MAX_ROWS, MAX_COLUMNS)
        for sheet in facts.sheets:
            self._check_size(sheet.rows, sheet.columns)
        self._checked = io.BytesIO(data)

    @gc_paused()
    def _read_text(self, data: bytes) -> SheetRows:
        """A CSV or tab-separated list, read whole here (it holds no more than its text)."""
        text, self.encoding = csv_reader.decode(data)
        start = text.lstrip()[:200].lower()
        if start.startswith("<") and ("<html" in start or "<table" in start or "<?xml" in start):
            raise Refusal(
                "bu bir web sayfası ya da XML dosyası; uzantısı .xls olsa da Excel çalışma "
                "kitabı değil (bazı sistemler “Excel'e aktar” deyip böyle dosya verir). Excel'de "
                "açıp “Excel Çalışma Kitabı (.xlsx)” olarak kaydedip yeniden deneyin."
            )
        self.kind = "csv"
        said, text = csv_reader.separator_line(text)  # Excel's own "sep=;" first line
        self.separator = said or csv_reader.separator(text)
        rows = csv_reader.read_rows(text, self.separator, MAX_ROWS, MAX_COLUMNS)
        return SheetRows(self.path.stem or self.path.name, rows)

    def _check_extent(self, data: bytes) -> None:
        rows, columns = cell_extent(data, MAX_ROWS, MAX_COLUMNS)
        self._check_size(rows, columns)

    def _check_size(self, rows: int, columns: int) -> None:
        if rows > MAX_ROWS:
            reason = (
                f"sayfada {thousands(MAX_ROWS)} satırdan çok satır var (en az {thousands(rows)})"
            )
        elif columns > MAX_COLUMNS:
            reason = f"sayfada {MAX_COLUMNS} sütundan çok sütun var (en az {thousands(columns)})"
        elif rows * columns > MAX_CELLS:
            reason = (
                f"sayfanın hücreleri {thousands(rows)} satır × {thousands(columns)} sütunluk "
                f"bir alana yayılıyor ({thousands(rows * columns)} hücre; en çok "
                f"{MAX_CELLS // 1_000_000} milyon)"
            )
        else:
            return
        raise _refuse(
            self.path,
            f"{reason}. Dosyayı Excel'de açıp yalnızca firma listesini yeni bir çalışma "
            "kitabına kopyalayarak yeniden deneyin.",
        )

    def close(self) -> None:
        if self._table is None:
            self.book.close()

    def __enter__(self) -> XlsxFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @gc_paused()
    def read(self, sheet: str | None = None) -> SheetRows:
        name = sheet if sheet is not None else self.first_sheet
        if name not in self.sheets:
            raise FileRefused(f"“{self.path.name}” içinde “{name}” adlı sayfa yok.")
        if self._table is not None:
            return self._table
        if name in self._formulas:
            raise _refuse(self.path, formula_refusal(name, self._formulas[name]))
        try:
            data = self.book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            raise _refuse(self.path, f"sayfa okunamadı, dosya bozuk ({exc}).") from None
        epoch = self.epoch
        rows: list[tuple[int, list[object]]] = []
        append = rows.append
        for number, row in enumerate(data, 1):
            cells = [None if v == "" else (_odd(v, epoch) if type(v) in _ODD else v) for v in row]
            while cells and cells[-1] is None:
                cells.pop()
            if cells:
                append((number, cells))
        return SheetRows(name, rows)


def _epoch(workbook: bytes) -> dt.datetime:
    """The workbook's date system: 1900, or 1904 (old Mac workbooks)."""
    root = fromstring(workbook, forbid_dtd=True)
    props = next(  # either namespace: Transitional or Strict Open XML
        (e for e in root if e.tag in (f"{NS}workbookPr", f"{NS_STRICT}workbookPr")), None
    )
    date1904 = props is not None and props.get("date1904") in ("1", "true")
    return EPOCH_1904 if date1904 else EPOCH


def _sheet_parts(workbook: bytes, rels: bytes) -> dict[str, str]:
    """Sheet name -> its part in the zip ("xl/worksheets/sheet1.xml")."""
    if not workbook or not rels:
        return {}
    targets: dict[str, str] = {}
    for rel in fromstring(rels, forbid_dtd=True):
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
        targets[rel.get("Id", "")] = part
    out: dict[str, str] = {}
    for element in fromstring(workbook, forbid_dtd=True).iter():
        if element.tag in (f"{NS}sheet", f"{NS_STRICT}sheet"):
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")
            if rid in targets:
                out[element.get("name", "")] = targets[rid]
    return out


def _odd(value: object, epoch: dt.datetime) -> object:
    """Whole floats as int; times and durations (date cells below 1) as dates from the epoch."""
    if type(value) is float:
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if type(value) is dt.time:
        return dt.datetime.combine(epoch.date(), value)
    if type(value) is dt.timedelta:
        return epoch + value
    return value


def column_letter(index: int) -> str:
    """0-based column index to its letters (0 -> A, 27 -> AB)."""
    return get_column_letter(index + 1)
