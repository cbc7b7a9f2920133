"""A small, strict, streaming .xlsx reader for imports: safe against hostile files, fast.

Why not openpyxl here: its read-only mode spends most of its time in Python per
cell; an import must not take longer than openpyxl takes merely to read. This reader
walks the sheet XML with the C expat parser through defusedxml (DTDs and entity
declarations forbidden: no "billion laughs", no external entities) and keeps only
values.

Refused, with a Turkish message (FileRefused) and never a traceback:
- a file that is not a zip (a CSV or a .xls renamed .xlsx, an empty file);
- a damaged zip or a zip without a workbook;
- an absurdly large file, or one whose parts inflate far beyond their size (zip bomb);
- XML with a DOCTYPE or entity declarations.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError
from xml.parsers import expat

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 400 * 1024 * 1024  # one XML part, inflated
MAX_RATIO = 200  # inflated / compressed of a whole file beyond this is a zip bomb
MAX_ROWS = 200_000
MAX_COLUMNS = 300

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Built-in number formats that are dates (ECMA-376 18.8.30).
DATE_FORMAT_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57})
EPOCH = dt.datetime(1899, 12, 30)
EPOCH_1904 = dt.datetime(1904, 1, 1)  # workbooks saved with the 1904 date system (old Mac)


class FileRefused(ValueError):
    """The file cannot be read as a spreadsheet; str() says why, in Turkish."""


@dataclass(frozen=True)
class SheetRows:
    name: str
    rows: list[tuple[int, list[object]]]  # (1-based row number, values by column)


def _refuse(path: Path, reason: str) -> FileRefused:
    return FileRefused(f"“{path.name}” okunamadı: {reason}")


def _check_xml(data: bytes, path: Path, part: str) -> None:
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<\x00!\x00D\x00O\x00C" in head:
        raise _refuse(
            path, f"dosyadaki XML ({part}) izin verilmeyen DOCTYPE/ENTITY tanımı içeriyor."
        )


class XlsxFile:
    """An opened, checked workbook: sheet names, then one sheet's rows on request."""

    def __init__(self, path: str | os.PathLike) -> None:
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
            raise _refuse(
                self.path,
                "bu bir Excel (.xlsx) dosyası değil. Eski .xls ya da CSV ise Excel'de "
                "“Excel Çalışma Kitabı (.xlsx)” olarak kaydedip yeniden deneyin.",
            )
        try:
            self.zip = zipfile.ZipFile(self.path)
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise _refuse(self.path, f"dosya bozuk ({exc}).") from None
        total = sum(i.file_size for i in infos)
        if any(i.file_size > MAX_PART_BYTES for i in infos) or total > max(size, 1) * MAX_RATIO:
            raise _refuse(
                self.path, "dosya açıldığında olağan dışı büyüyor (zip bombası olabilir)."
            )
        self._names = {i.filename for i in infos}
        if "xl/workbook.xml" not in self._names:
            raise _refuse(
                self.path, "içinde Excel çalışma kitabı yok (dosya bozuk ya da başka biçimde)."
            )
        try:
            self.sheets = self._read_sheets()
            self.shared = self._read_shared_strings()
            self.date_styles = self._read_date_styles()
        except DefusedXmlException:
            raise _refuse(
                self.path, "dosyadaki XML izin verilmeyen tanımlar (entity) içeriyor."
            ) from None
        except (ParseError, KeyError, zipfile.BadZipFile, OSError, ValueError) as exc:
            raise _refuse(self.path, f"dosya bozuk ({type(exc).__name__}: {exc}).") from None

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> XlsxFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- parts -------------------------------------------------------------------------

    def _xml(self, part: str):
        data = self.zip.read(part)
        _check_xml(data, self.path, part)
        return fromstring(data, forbid_dtd=True)

    def _read_sheets(self) -> dict[str, str]:
        """Sheet name -> part name inside the zip, in workbook order."""
        book = self._xml("xl/workbook.xml")
        props = book.find(f"{NS}workbookPr")
        date1904 = props is not None and props.get("date1904") in ("1", "true")
        self.epoch = EPOCH_1904 if date1904 else EPOCH
        rels = {}
        if "xl/_rels/workbook.xml.rels" in self._names:
            for rel in self._xml("xl/_rels/workbook.xml.rels").iter(f"{PKG_REL_NS}Relationship"):
                target = rel.get("Target", "")
                target = target[1:] if target.startswith("/") else posixpath.join("xl", target)
                rels[rel.get("Id")] = posixpath.normpath(target)
        sheets = {}
        for sheet in book.iter(f"{NS}sheet"):
            part = rels.get(sheet.get(f"{REL_NS}id"))
            if part in self._names:
                sheets[sheet.get("name", "")] = part
        if not sheets:
            raise _refuse(self.path, "çalışma kitabında okunabilir sayfa yok.")
        return sheets

    def _read_shared_strings(self) -> list[str]:
        if "xl/sharedStrings.xml" not in self._names:
            return []
        root = self._xml("xl/sharedStrings.xml")
        t_tag, si_tag = f"{NS}t", f"{NS}si"
        return ["".join(t.text or "" for t in si.iter(t_tag)) for si in root.iter(si_tag)]

    def _read_date_styles(self) -> frozenset[int]:
        """Indexes of cell styles (the ``s`` attribute) whose number format is a date."""
        if "xl/styles.xml" not in self._names:
            return frozenset()
        root = self._xml("xl/styles.xml")
        custom_dates = set()
        for fmt in root.iter(f"{NS}numFmt"):
            code = (fmt.get("formatCode") or "").lower()
            stripped = "".join(part for i, part in enumerate(code.split('"')) if i % 2 == 0)
            if any(ch in stripped for ch in "dy") or ("m" in stripped and "0" not in stripped):
                custom_dates.add(int(fmt.get("numFmtId", "0")))
        xfs = root.find(f"{NS}cellXfs")
        out = set()
        if xfs is not None:
            for i, xf in enumerate(xfs.iter(f"{NS}xf")):
                fid = int(xf.get("numFmtId", "0"))
                if fid in DATE_FORMAT_IDS or fid in custom_dates:
                    out.add(i)
        return frozenset(out)

    # -- rows --------------------------------------------------------------------------

    def read(self, sheet: str | None = None) -> SheetRows:
        name = sheet if sheet is not None else next(iter(self.sheets))
        if name not in self.sheets:
            raise FileRefused(f"“{self.path.name}” içinde “{name}” adlı sayfa yok.")
        try:
            rows = list(self._rows(self.sheets[name]))
        except FileRefused:
            raise
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, IndexError) as exc:
            raise _refuse(self.path, f"sayfa okunamadı, dosya bozuk ({exc}).") from None
        return SheetRows(name, rows)

    def _rows(self, part: str) -> Iterator[tuple[int, list[object]]]:
        """Stream the sheet through expat with DTDs and entities refused (as defusedxml does)."""
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def forbidden(*_args) -> None:
            raise _refuse(self.path, "sayfa XML'i izin verilmeyen DOCTYPE/ENTITY tanımı içeriyor.")

        parser.StartDoctypeDeclHandler = forbidden
        parser.EntityDeclHandler = forbidden
        parser.UnparsedEntityDeclHandler = forbidden
        parser.ExternalEntityRefHandler = forbidden
        shared, dates, path, epoch = self.shared, self.date_styles, self.path, self.epoch
        out: list[tuple[int, list[object]]] = []
        values: dict[int, object] = {}
        state = {"col": 0, "kind": None, "style": None, "text": None, "row": 0}
        buf: list[str] = []
        grab = [False]

        def start(name: str, attrs: dict[str, str]) -> None:
            if ":" in name:
                name = name.rpartition(":")[2]
            if name == "c":
                ref = attrs.get("r")
                col = _column(ref) if ref else len(values)
                if col >= MAX_COLUMNS:
                    raise _refuse(path, f"sayfada {MAX_COLUMNS} sütundan fazlası var.")
                state["col"] = col
                state["kind"] = attrs.get("t")
                state["style"] = attrs.get("s")
                buf.clear()
            elif name == "v" or name == "t":
                grab[0] = True
            elif name == "row":
                r = attrs.get("r")
                state["row"] = int(r) if r else state["row"] + 1
                if len(out) >= MAX_ROWS:
                    limit = f"{MAX_ROWS:,}".replace(",", ".")
                    raise _refuse(path, f"sayfada {limit} satırdan fazlası var.")

        def end(name: str) -> None:
            if ":" in name:
                name = name.rpartition(":")[2]
            if name == "v" or name == "t":
                grab[0] = False
            elif name == "c":
                if buf:
                    value = _value(
                        "".join(buf), state["kind"], state["style"], shared, dates, epoch
                    )
                    if value is not None and value != "":
                        values[state["col"]] = value
            elif name == "row" and values:
                width = max(values) + 1
                out.append((state["row"], [values.get(i) for i in range(width)]))
                values.clear()

        def chars(data: str) -> None:
            if grab[0]:
                buf.append(data)

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = chars
        try:
            with self.zip.open(part) as fh:
                parser.ParseFile(fh)
        except expat.ExpatError as exc:
            raise _refuse(self.path, f"sayfa XML'i bozuk ({exc}).") from None
        return iter(out)


def _value(
    text: str, kind: str | None, style: str | None, shared: list[str], dates, epoch: dt.datetime
) -> object:
    if kind == "s":
        return shared[int(text)]
    if kind in ("inlineStr", "str"):
        return text
    if kind == "e":
        return None
    if kind == "b":
        return text == "1"
    number = float(text)
    if style is not None and int(style) in dates:
        return epoch + dt.timedelta(days=number)
    if number.is_integer() and "E" not in text and "e" not in text:
        return int(number)
    return number


def _column(ref: str) -> int:
    """0-based column index of a cell reference ("A1" -> 0, "AB12" -> 27)."""
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + (ord(ch) - 64)
        else:
            break
    return n - 1


def column_letter(index: int) -> str:
    """0-based column index to its letters (0 -> A, 27 -> AB)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters
