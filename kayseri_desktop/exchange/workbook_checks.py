"""What a workbook's parts would cost once read, found before the reader (calamine) runs.

Each function looks at bytes already checked for size (exchange/xlsx_reader.py) and
raises Refusal with a Turkish reason when reading them would take far more memory than
the file is worth:

- ``inflate``: one zip part, inflated in chunks and never beyond the size its header
  declares (zipfile checks the CRC there; a part that goes on is refused, not inflated
  to gigabytes first), refusing as soon as a run of text longer than any cell can be
  appears (a 380 MB cell compresses to a few MB);
- ``SharedStrings``: .xlsx shared strings, whose one copy each cell that uses it gets
  again (a 1 MB string used by 2,000 cells is 2 GB): every string's length times its
  uses, per cell and in total;
- ``sheet_cells``: an .xlsx sheet's long cells (rich text split into runs), and formula
  cells without a cached value (files written by scripts: calamine reads them as empty);
- ``ods_content``: an .ods sheet's repeated rows and cells (``number-rows-repeated``,
  ``number-columns-repeated`` and ``<text:s text:c>`` are each expanded by the reader);
- ``xlsb_records``: the same for the binary records of an .xlsb.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from openpyxl.utils.cell import column_index_from_string, get_column_letter

from kayseri_desktop.core.turkish import thousands

EXCEL_CELL_CHARS = 32_767  # what Excel itself holds in one cell
MAX_CELL_CHARS = 100_000  # beyond this a cell is refused (3 x Excel's own limit)
MAX_TEXT_CHARS = 100_000_000  # all text the reader would hold, every use counted
RUN_BYTES = 10 * MAX_CELL_CHARS  # bytes without a tag: more than any cell's text (entities)
CHUNK = 4 * 1024 * 1024
SHOWN_CELLS = 5  # cells named in a refusal, then "and N more"

_RUN = re.compile(rb"<[^<]{%d}" % RUN_BYTES)


class Refusal(ValueError):
    """The workbook would cost too much (or is damaged); str() is the Turkish reason."""


def cell_too_long(chars: int, where: str = "") -> Refusal:
    place = f" ({where})" if where else ""
    return Refusal(
        f"bir hücrede{place} en az {thousands(chars)} karakterlik metin var; Excel bir hücrede "
        f"en çok {thousands(EXCEL_CELL_CHARS)} karakter tutar. Dosya bozuk ya da kasıtlı "
        "olarak şişirilmiş."
    )


def too_much_text(chars: int) -> Refusal:
    return Refusal(
        f"hücrelerdeki metin açıldığında {thousands(chars)} karakteri buluyor (en çok "
        f"{thousands(MAX_TEXT_CHARS)}); aynı uzun metin çok sayıda hücrede tekrarlanıyor. "
        "Dosya kasıtlı olarak şişirilmiş olabilir."
    )


def inflate(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes, inflated chunk by chunk up to its declared size at most."""
    chunks: list[bytes] = []
    got = run = 0  # run: bytes since the last "<" (carried across chunks)
    xml: bool | None = None
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(CHUNK):
                got += len(chunk)
                if got > info.file_size:
                    raise _lying(info)
                if xml is None:  # a picture or macro project is no XML: no text runs
                    xml = chunk.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"
                if xml:
                    first = chunk.find(b"<")
                    run += len(chunk) if first < 0 else first
                    if run > RUN_BYTES or _long_run(chunk):
                        raise cell_too_long(MAX_CELL_CHARS, info.filename)
                    if first >= 0:
                        run = len(chunk) - chunk.rfind(b"<") - 1
                chunks.append(chunk)
    except zipfile.BadZipFile as exc:
        if "CRC" in str(exc):
            raise _lying(info) from None
        raise
    return b"".join(chunks)


def _long_run(chunk: bytes) -> bool:
    """Whether the chunk holds more than RUN_BYTES without a "<". Such a run covers a
    whole window of RUN_BYTES / 2: one memchr per window rules it out (XML has a tag
    within a few bytes); only a window without any is searched exactly."""
    if len(chunk) <= RUN_BYTES:
        return False
    window = RUN_BYTES // 2
    for start in range(0, len(chunk), window):
        if chunk.find(b"<", start, start + window) < 0:
            return _RUN.search(chunk) is not None
    return False


_SPACES = (b" ", b"\t", b"\n", b"\r")


def has_tag(data: bytes, tag: bytes) -> bool:
    """Whether the XML has an element named tag, with or without a namespace prefix
    (a plain substring search; a stray match only costs the caller an exact look)."""
    for lead in (b"<", b":"):
        needle = lead + tag
        size = len(needle)
        at = data.find(needle)
        while at >= 0:
            if data[at + size : at + size + 1] in (b">", b"/", *_SPACES):
                return True
            at = data.find(needle, at + size)
    return False


def _lying(info: zipfile.ZipInfo) -> Refusal:
    return Refusal(
        f"dosyanın içindeki “{info.filename}” parçası bildirdiği boyutu "
        f"({thousands(info.file_size)} bayt) ya da sağlama değerini (CRC) tutmuyor; açma orada "
        "durduruldu. Dosya bozuk ya da kasıtlı olarak bozulmuş."
    )


# -- .xlsx ----------------------------------------------------------------------------

_SI = re.compile(rb"<(?:[\w.-]+:)?si[\s>/]")
_SST_END = re.compile(rb"</(?:[\w.-]+:)?sst\s*>")
_S_CELL = re.compile(rb"""\st\s*=\s*["']s["']""")
_S_VALUE = re.compile(
    rb"""<(?:[\w.-]+:)?c\s[^>]*?\bt\s*=\s*["']s["'][^>]*>\s*<(?:[\w.-]+:)?v>\s*(\d{1,10})\s*<"""
)
_TAG = re.compile(rb"<[^>]*>")
_ENTITY = re.compile(r"&[#\w]{1,12};")
_CELL_START = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]")
_FORMULA = re.compile(rb"<(?:[\w.-]+:)?f[\s>/]")
_CELL = re.compile(rb"<(?:[\w.-]+:)?c(\s[^>]*)?(?:/>|>(.*?)</(?:[\w.-]+:)?c\s*>)", re.DOTALL)
_REF_ATTR = re.compile(rb"""\br\s*=\s*["']([A-Za-z]{1,3}\d{1,7})["']""")
_VALUE = re.compile(rb"<(?:[\w.-]+:)?v\s*>\s*[^<\s]")
_INLINE = re.compile(rb"<(?:[\w.-]+:)?is[\s>]")
_STR_TYPE = re.compile(rb"""\bt\s*=\s*["']str["']""")
_V_ELEMENT = re.compile(rb"<(?:[\w.-]+:)?v[\s>/]")


def text_chars(fragment: bytes) -> int:
    """Characters of text in an XML fragment (tags left out, each entity one character)."""
    text = _TAG.sub(b"", fragment).decode("utf-8", "replace")
    return len(_ENTITY.sub("&", text))


@dataclass
class SharedStrings:
    """Shared-string lengths (an upper bound each) and how often sheets use them."""

    lengths: list[int] = field(default_factory=list)
    sheets: list[bytes] = field(default_factory=list)  # parts that may hold cells

    def add_table(self, data: bytes) -> None:
        """A shared-string table: each string's span (bytes >= characters) as its bound;
        a span beyond a cell's limit is measured exactly and refused if it is one."""
        starts = [m.start() for m in _SI.finditer(data)]
        if not starts:
            return
        end = _SST_END.search(data, starts[-1])
        bounds = [*starts[1:], end.start() if end else len(data)]
        lengths = []
        for start, stop in zip(starts, bounds, strict=True):
            span = stop - start
            if span > MAX_CELL_CHARS:
                span = text_chars(data[start:stop])
                if span > MAX_CELL_CHARS:
                    raise cell_too_long(span, "paylaşılan metin")
            lengths.append(span)
        # Two tables (a hostile file): each index as long as the longer of the two.
        old = self.lengths
        self.lengths = [max(a, b) for a, b in zip(old, lengths, strict=False)]
        self.lengths += old[len(lengths) :] + lengths[len(old) :]

    def add_sheet(self, data: bytes) -> None:
        """A part that may hold cells; counted only if the workbook has shared strings."""
        self.sheets.append(data)

    def check(self) -> None:
        """Refuse when the text the reader would hold, every use counted, is too much."""
        if not self.lengths:  # no shared strings (openpyxl writes text into its cells)
            return
        longest = max(self.lengths)
        # A shared-string cell holds its index in a <v>: at most one use per "v>" (which
        # counts both tags of each value, so twice as many as there are).
        bound = sum(data.count(b"v>") for data in self.sheets)
        if longest * bound <= MAX_TEXT_CHARS:
            return  # the usual file: even the longest string in every cell is little
        total = 0
        lengths, top = self.lengths, len(self.lengths)
        for data in self.sheets:
            found = _S_VALUE.findall(data)
            for index in found:
                i = int(index)
                total += lengths[i] if i < top else 0
            # cells of type "s" the pattern did not read (odd markup): the longest string
            total += (_s_cells(data) - len(found)) * longest
            if total > MAX_TEXT_CHARS:
                raise too_much_text(total)


def _s_cells(data: bytes) -> int:
    """Cells of type "s" (shared string), however their attributes are spaced."""
    return len(_S_CELL.findall(data))


def _gap_free(data: bytes, needle: bytes, gap: int) -> bool:
    """Whether needle occurs in every window of ``gap`` bytes (one search per window,
    ending at the first match): then no two are more than 2 x gap apart."""
    return all(
        data.find(needle, at, at + gap + len(needle)) >= 0 for at in range(0, len(data), gap)
    )


def sheet_cells(data: bytes) -> list[str]:
    """Refuse a cell whose text is too long even when split into runs; return the
    references of formula cells without a cached value ("B7"), which calamine would
    read as empty."""
    if not _gap_free(data, b"<c", MAX_CELL_CHARS // 2):
        # Somewhere two cells are far apart: a cell's text may be long there, even split
        # into rich-text runs, CDATA sections or around comments. Measure each cell.
        starts = [m.start() for m in _CELL_START.finditer(data)]
        for start, stop in zip(starts, [*starts[1:], len(data)][: len(starts)], strict=True):
            if stop - start > MAX_CELL_CHARS:
                chars = text_chars(data[start:stop])
                if chars > MAX_CELL_CHARS:
                    ref = _REF_ATTR.search(data, start, start + 200)
                    raise cell_too_long(chars, ref.group(1).decode() if ref else "")
    if not has_tag(data, b"f"):
        return []
    refs: list[str] = []
    column, row = 0, 0
    for m in _CELL.finditer(data):
        attrs, body = m.group(1) or b"", m.group(2) or b""
        ref = _REF_ATTR.search(attrs)
        if ref is not None:
            text = ref.group(1).decode()
            letters = text.rstrip("0123456789")
            column, row = column_index_from_string(letters.upper()), int(text[len(letters) :])
        else:
            column += 1
        if (
            _FORMULA.search(body) is not None
            and _VALUE.search(body) is None
            and _INLINE.search(body) is None
            # Excel's empty text result (=EĞER(A2="";"";A2)): t="str" and an empty <v>
            and not (_STR_TYPE.search(attrs) and _V_ELEMENT.search(body))
        ):
            refs.append(f"{get_column_letter(column)}{row}")
    return refs


def formula_refusal(sheet: str, refs: list[str]) -> str:
    shown = ", ".join(refs[:SHOWN_CELLS])
    more = f" ve {thousands(len(refs) - SHOWN_CELLS)} hücre daha" if len(refs) > SHOWN_CELLS else ""
    return (
        f"“{sheet}” sayfasında formülün hesaplanmış değeri olmayan hücreler var: {shown}{more}. "
        "Dosya bir programla yazılmış ve hiç Excel'de açılıp kaydedilmemiş; boş okunursa veri "
        "kaybolur. Dosyayı Excel'de açıp kaydedin (formüller hesaplanır) ve yeniden deneyin."
    )


# -- .ods -----------------------------------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_VALUE_ATTRS = tuple(
    f"{_OFFICE} {a}" for a in ("value", "date-value", "time-value", "boolean-value", "string-value")
)


class _Enough(Exception):
    pass


@dataclass
class OdsSheet:
    rows: int = 0  # rows up to the last one with a value (repeats expanded)
    columns: int = 0
    text: int = 0  # characters, every repeat counted
    formulas: list[str] = field(default_factory=list)


def ods_content(data: bytes, limit_rows: int, limit_columns: int) -> dict[str, OdsSheet]:
    """Each table of an .ods content.xml as the reader would expand it; stops once a
    limit is passed (the sheet's figures then exceed it). The caller has refused any
    DOCTYPE or entity declaration."""
    sheets: dict[str, OdsSheet] = {}
    st = {"row": 0, "col": 0, "rrep": 1, "crep": 1, "chars": 0, "depth": 0, "cell": 0}
    row_state = {"text": 0, "last": 0}
    pending: dict[str, object] = {}
    current: list[OdsSheet] = []
    total = [0]

    def number(value: str | None) -> int:
        if value is None or not value.isdigit() or len(value) > 9:
            return 1
        return max(int(value), 1)

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == f"{_TABLE} table":
            st["depth"] += 1
            if st["depth"] == 1:
                sheet = OdsSheet()
                sheets[attrs.get(f"{_TABLE} name", str(len(sheets) + 1))] = sheet
                current[:] = [sheet]
                st["row"] = 0
            return
        if st["depth"] != 1 or not current:
            if name == f"{_TEXT} s" and st["cell"]:
                st["chars"] += number(attrs.get(f"{_TEXT} c"))
            return
        if name == f"{_TABLE} table-row":
            st["rrep"] = number(attrs.get(f"{_TABLE} number-rows-repeated"))
            st["col"] = 0
            row_state["text"] = row_state["last"] = 0
        elif name in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"):
            st["crep"] = number(attrs.get(f"{_TABLE} number-columns-repeated"))
            st["cell"], st["chars"] = 1, 0
            pending.clear()
            pending["value"] = any(a in attrs for a in _VALUE_ATTRS)
            # a formula with a result has its value type (an empty text result too)
            pending["formula"] = (
                f"{_TABLE} formula" in attrs and f"{_OFFICE} value-type" not in attrs
            )
            for a in _VALUE_ATTRS:
                st["chars"] += len(attrs.get(a, "")) if a.endswith("string-value") else 0
        elif name == f"{_TEXT} s" and st["cell"]:
            st["chars"] += number(attrs.get(f"{_TEXT} c"))

    def end(name: str) -> None:
        if name == f"{_TABLE} table":
            st["depth"] -= 1
            return
        if st["depth"] != 1 or not current:
            return
        sheet = current[0]
        if name in (f"{_TABLE} table-cell", f"{_TABLE} covered-table-cell"):
            chars, crep = st["chars"], st["crep"]
            if chars > MAX_CELL_CHARS:
                raise cell_too_long(chars, f"{get_column_letter(st['col'] + 1)}{st['row'] + 1}")
            filled = chars > 0 or bool(pending.get("value"))
            if pending.get("formula") and not pending.get("value") and chars == 0:
                sheet.formulas.append(f"{get_column_letter(st['col'] + 1)}{st['row'] + 1}")
            st["col"] += crep
            if filled:
                row_state["last"] = st["col"]
                row_state["text"] += chars * crep
                if st["col"] > limit_columns:
                    sheet.columns = st["col"]
                    raise _Enough
            st["cell"] = 0
        elif name == f"{_TABLE} table-row":
            rrep = st["rrep"]
            st["row"] += rrep
            if row_state["last"]:
                sheet.rows = st["row"]
                sheet.columns = max(sheet.columns, row_state["last"])
                sheet.text += row_state["text"] * rrep
                total[0] += row_state["text"] * rrep
                if total[0] > MAX_TEXT_CHARS:
                    raise too_much_text(total[0])
                if sheet.rows > limit_rows:
                    raise _Enough

    def chars(text: str) -> None:
        if st["cell"]:
            st["chars"] += len(text)
            if st["chars"] > MAX_CELL_CHARS:
                raise cell_too_long(st["chars"])

    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _Enough:
        pass
    except expat.ExpatError as exc:
        raise Refusal(f"OpenDocument hesap tablosu (.ods) bozuk (content.xml: {exc}).") from None
    return sheets


# -- .xlsb ----------------------------------------------------------------------------

XLSB_DAMAGED = "Excel İkili Çalışma Kitabı (.xlsb) dosyası bozuk"
_XLSB_CELLS = frozenset(range(1, 12))  # BrtCellBlank .. BrtFmlaError
_BRT_ROW, _BRT_SST_ITEM, _BRT_CELL_ST, _BRT_CELL_ISST = 0, 19, 6, 7


def _records(data: bytes) -> list[tuple[int, int, int]]:
    """(type, start of body, size) of each record of an .xlsb part."""
    out: list[tuple[int, int, int]] = []
    pos, end = 0, len(data)
    while pos < end:
        kind = data[pos]
        pos += 1
        if kind & 0x80:
            if pos >= end:
                raise Refusal(XLSB_DAMAGED + " (kayıt yarım).")
            kind = (kind & 0x7F) | ((data[pos] & 0x7F) << 7)
            pos += 1
        size = shift = 0
        for _ in range(4):
            if pos >= end:
                raise Refusal(XLSB_DAMAGED + " (kayıt yarım).")
            byte = data[pos]
            pos += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
        if pos + size > end:
            raise Refusal(XLSB_DAMAGED + " (kayıt dosyanın sonunu aşıyor).")
        out.append((kind, pos, size))
        pos += size
    return out


def xlsb_strings(data: bytes) -> list[int]:
    """Lengths (characters) of the strings of xl/sharedStrings.bin."""
    lengths = []
    for kind, start, size in _records(data):
        if kind == _BRT_SST_ITEM and size >= 5:
            chars = int.from_bytes(data[start + 1 : start + 5], "little")
            if chars > MAX_CELL_CHARS:
                raise cell_too_long(chars, "paylaşılan metin")
            lengths.append(chars)
    return lengths


def xlsb_sheet(data: bytes, strings: list[int], limit_rows: int) -> tuple[int, int, int]:
    """(rows, columns, text characters) of an .xlsb sheet part, as calamine places them."""
    rows = columns = text = 0
    row = 0
    longest = max(strings, default=0)
    for kind, start, size in _records(data):
        if kind == _BRT_ROW and size >= 4:
            row = int.from_bytes(data[start : start + 4], "little")
        elif kind in _XLSB_CELLS and size >= 4:
            column = int.from_bytes(data[start : start + 4], "little")
            rows, columns = max(rows, row + 1), max(columns, column + 1)
            if kind == _BRT_CELL_ISST and size >= 12:
                i = int.from_bytes(data[start + 8 : start + 12], "little")
                text += strings[i] if i < len(strings) else longest
            elif kind == _BRT_CELL_ST and size >= 12:
                chars = int.from_bytes(data[start + 8 : start + 12], "little")
                if chars > MAX_CELL_CHARS:
                    raise cell_too_long(chars)
                text += chars
            if text > MAX_TEXT_CHARS:
                raise too_much_text(text)
            if rows > limit_rows:
                break
    return rows, columns, text
