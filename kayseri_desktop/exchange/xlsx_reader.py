"""A strict .xlsx reader for imports: hostile files refused first, then cells read by calamine.

Cells are read by python-calamine (Rust), an order of magnitude faster than
openpyxl's read-only mode. Calamine only ever sees a file that passed the checks
below, all done here on the zip and its XML parts before it is opened; refused,
with a Turkish message (FileRefused) and never a traceback:
- a file that is not a zip (a CSV renamed .xlsx, an empty file), named for what staff
  meet most: an old .xls or a password-protected workbook (both OLE compound files);
- a damaged zip or a zip without a workbook (an .xlsb and an .ods are named as such);
- an absurdly large file, or one whose parts inflate far beyond their size (zip bomb);
- a DOCTYPE or entity declaration anywhere in any XML part (no "billion laughs",
  no external entities), or an XML part not in UTF-8 (Excel and LibreOffice write
  UTF-8 only; a UTF-16 part would hide its markup from these checks);
- a part whose cells span more than MAX_ROWS rows, MAX_COLUMNS columns or MAX_CELLS
  cells in all (calamine allocates the whole rectangle the cells span, empty cells
  included; see exchange/xlsx_extent.py).
Every part of the zip is checked, whatever its name. Calamine then reads the very
bytes that were checked (an in-memory copy of the parts, stored uncompressed), not the
file again: a file replaced between the check and the read cannot slip through, and
nothing is inflated twice.

Values come back as Python values: text, int (whole numbers), float, bool, dates
(date or datetime, in the workbook's 1900 or 1904 date system); empty and error
cells are None.
"""

from __future__ import annotations

import datetime as dt
import io
import os
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
from kayseri_desktop.exchange.xlsx_extent import cell_extent

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 400 * 1024 * 1024  # one XML part, inflated
MAX_TOTAL_BYTES = 600 * 1024 * 1024  # all parts, inflated (they are held while reading)
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
SAVE_AS = "Excel'de “Excel Çalışma Kitabı (.xlsx)” olarak kaydedip yeniden deneyin."


class FileRefused(ValueError):
    """The file cannot be read as a spreadsheet; str() says why, in Turkish."""


@dataclass(frozen=True)
class SheetRows:
    name: str
    rows: list[tuple[int, list[object]]]  # (1-based row number, values by column)


def _refuse(path: Path, reason: str) -> FileRefused:
    return FileRefused(f"“{path.name}” okunamadı: {reason}")


class XlsxFile:
    """An opened, checked workbook: sheet names, then one sheet's rows on request."""

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
        if not zipfile.is_zipfile(self.path):
            raise _refuse(self.path, _not_a_zip(self.path))
        try:
            with zipfile.ZipFile(self.path) as zf:
                self._check_parts(zf, size)
        except FileRefused:
            raise
        except DefusedXmlException:
            raise _refuse(
                self.path, "dosyadaki XML izin verilmeyen tanımlar (entity) içeriyor."
            ) from None
        except (ParseError, KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise _refuse(self.path, f"dosya bozuk ({type(exc).__name__}: {exc}).") from None
        # Only now, with every part checked, does calamine open them.
        try:
            self.book = python_calamine.CalamineWorkbook.from_filelike(self._checked)
            worksheet = python_calamine.SheetTypeEnum.WorkSheet
            visible = python_calamine.SheetVisibleEnum.Visible
            shown = {s.name: s.visible == visible for s in self.book.sheets_metadata
                     if s.typ == worksheet}  # fmt: skip
        except (python_calamine.CalamineError, OSError, ValueError) as exc:
            raise _refuse(self.path, f"dosya bozuk ({exc}).") from None
        finally:
            del self._checked  # calamine holds its own copy from here on
        if not shown:
            self.book.close()
            raise _refuse(self.path, "çalışma kitabında okunabilir sayfa yok.")
        self.sheets = shown  # name -> visible (a hidden sheet can still be chosen by name)
        # What a person sees first when the file opens in Excel: the first visible sheet
        # (lists exported from other programs often start with a hidden lookup sheet).
        self.first_sheet = next((n for n, v in shown.items() if v), next(iter(shown)))

    def _check_parts(self, zf: zipfile.ZipFile, size: int) -> None:
        infos = zf.infolist()
        self.epoch = EPOCH
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
            raise _refuse(self.path, "bu bir Excel İkili Çalışma Kitabı (.xlsb). " + SAVE_AS)
        if "mimetype" in names and "content.xml" in names:
            raise _refuse(
                self.path,
                "bu bir OpenDocument hesap tablosu (.ods). LibreOffice'te “Farklı Kaydet” ile "
                "“Excel 2007-365 (.xlsx)” biçiminde kaydedip yeniden deneyin.",
            )
        if "xl/workbook.xml" not in names:
            raise _refuse(
                self.path, "içinde Excel çalışma kitabı yok (dosya bozuk ya da başka biçimde)."
            )
        # Every part, whatever its name: calamine follows the workbook's relationships
        # to any part name, so a sheet need not end in .xml. The checked bytes are what
        # calamine reads: copied into an uncompressed in-memory zip as they pass.
        self._checked = io.BytesIO()
        with zipfile.ZipFile(self._checked, "w", zipfile.ZIP_STORED) as checked:
            for info in infos:
                data = zf.read(info)
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
                self._check_extent(data)
                if info.filename == "xl/workbook.xml":
                    root = fromstring(data, forbid_dtd=True)
                    props = next(  # either namespace: Transitional or Strict Open XML
                        (e for e in root if e.tag in (f"{NS}workbookPr", f"{NS_STRICT}workbookPr")),
                        None,
                    )
                    date1904 = props is not None and props.get("date1904") in ("1", "true")
                    self.epoch = EPOCH_1904 if date1904 else EPOCH
                checked.writestr(info.filename, data)
        self._checked.seek(0)

    def _check_extent(self, data: bytes) -> None:
        rows, columns = cell_extent(data, MAX_ROWS, MAX_COLUMNS)
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


def _not_a_zip(path: Path) -> str:
    """Why a file that is not a zip is no .xlsx, for what staff meet most."""
    with path.open("rb") as fh:
        if fh.read(8) != _OLE_MAGIC:
            return "bu bir Excel (.xlsx) dosyası değil. Eski .xls ya da CSV ise " + SAVE_AS
        data = fh.read()  # an OLE2 compound file: an old .xls, or an encrypted .xlsx
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (
            "dosya parola korumalı. Excel'de açıp “Dosya > Bilgi > Çalışma Kitabını Koru”dan "
            "parolayı kaldırın, kaydedip yeniden deneyin."
        )
    return "bu eski bir Excel 97-2003 (.xls) dosyası. " + SAVE_AS


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
