"""CSV and tab-separated lists as Turkish offices produce them.

- Encoding: UTF-8 with or without a byte-order mark, UTF-16 with its mark (Excel's
  "Unicode metin", tab-separated) or without one, else Windows-1254 (Turkish Excel's
  "CSV (virgülle ayrılmış)", which writes ş, ğ, ı, İ in that code page).
- Separator: the one a "sep=;" first line names (Excel's own hint), else whichever of
  ``;`` (Turkish Excel's own, since the comma is the decimal mark), tab, ``,`` and
  ``|`` splits the first lines most consistently into several columns.
- Values stay text, as written: "1.250.000,50", "0123456789" and "15.06.1990" are read
  by the same field rules as typed text (decimal commas and thousands dots included,
  a tax number keeps its leading zero); an empty field is None.
- A field far longer than any Excel cell is refused as soon as the csv module meets it,
  rows and columns beyond the reader's limits too (workbook_checks.Refusal).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager

from kayseri_desktop.core.turkish import thousands
from kayseri_desktop.exchange.workbook_checks import MAX_CELL_CHARS, Refusal, cell_too_long

SEPARATORS = (";", "\t", ",", "|")
SEPARATOR_NAMES = {";": "noktalı virgül", "\t": "sekme", ",": "virgül", "|": "dikey çizgi"}
SAMPLE_LINES = 50
_CONTROLS = frozenset(chr(c) for c in range(32)) - {"\t", "\r", "\n", "\x0c"}


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file; Refusal when it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "UTF-16"
    head = data[:4096]
    if len(head) >= 4 and head.count(0) >= len(head) // 4:  # UTF-16 without its mark
        odd_zeros = head[1::2].count(0)
        encoding = "utf-16-le" if odd_zeros >= head[0::2].count(0) else "utf-16-be"
        return _strict(data, encoding), "UTF-16"
    if 0 in head:
        raise Refusal(_NOT_A_LIST)
    try:
        return _plain(data.decode("utf-8")), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _strict(data, "cp1254"), "Windows-1254"


_NOT_A_LIST = (
    "bu bir hesap tablosu değil (Excel, LibreOffice ya da CSV dosyası bekleniyordu). "
    "Listeyi Excel'de açıp “Excel Çalışma Kitabı (.xlsx)” olarak kaydedip yeniden deneyin."
)


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise Refusal(
            f"dosyanın karakter kodlaması anlaşılamadı ({exc.start + 1}. baytta). Excel'de "
            "“CSV UTF-8 (virgülle ayrılmış)” ya da .xlsx olarak kaydedip yeniden deneyin."
        ) from None
    return _plain(text)


def _plain(text: str) -> str:
    """The text, unless control characters show it is no text at all."""
    if any(ch in _CONTROLS for ch in text[:4096]):
        raise Refusal(_NOT_A_LIST)
    return text


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    old = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(old)


def separator_line(text: str) -> tuple[str | None, str]:
    """A "sep=;" first line (Excel writes and reads it to name the separator): the
    separator it names and the text after it; else (None, the text)."""
    first, newline, rest = text.partition("\n")
    first = first.rstrip("\r")
    if len(first) == 5 and first[:4].lower() == "sep=" and newline:
        return first[4], rest
    return None, text


def separator(text: str) -> str:
    """The separator that splits the first lines into the most columns, the same number
    on most lines (a decimal comma in a ";" list varies from line to line)."""
    lines = text[: 256 * 1024].splitlines()[:SAMPLE_LINES]
    lines = [line for line in lines if line.strip()] or [""]
    best, best_score = "", (0.0, 0)
    with _field_limit(max(MAX_CELL_CHARS, 256 * 1024)):
        for sep in SEPARATORS:
            try:
                counts = [len(r) for r in csv.reader(lines, delimiter=sep)]
            except csv.Error:
                continue
            common = max(set(counts), key=counts.count)
            if common < 2:
                continue
            score = (counts.count(common) / len(counts), common)
            if score > best_score:
                best, best_score = sep, score
    if not best:
        raise Refusal(
            "bu bir Excel dosyası ya da sütunları ayrılmış bir CSV listesi değil (satırlarda "
            "noktalı virgül, virgül ya da sekmeyle ayrılmış sütun bulunamadı)."
        )
    return best


def read_rows(
    text: str, sep: str, limit_rows: int, limit_columns: int
) -> list[tuple[int, list[object]]]:
    """(1-based row number, values) of every non-empty row; empty fields are None."""
    rows: list[tuple[int, list[object]]] = []
    append = rows.append
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    number = 0
    with _field_limit(MAX_CELL_CHARS):
        try:
            for number, record in enumerate(reader, 1):
                if number > limit_rows:
                    raise Refusal(
                        f"dosyada {thousands(limit_rows)} satırdan çok satır var. Yalnızca "
                        "firma listesini ayrı bir dosyaya kaydedip yeniden deneyin."
                    )
                if len(record) > limit_columns:
                    raise Refusal(
                        f"{number}. satırda {limit_columns} sütundan çok sütun var "
                        f"({thousands(len(record))})."
                    )
                cells: list[object] = [v or None for v in record]  # "  " the rules empty
                while cells and cells[-1] is None:
                    cells.pop()
                if cells:
                    append((number, cells))
        except csv.Error as exc:
            if "field larger" in str(exc):
                raise cell_too_long(MAX_CELL_CHARS, f"{number + 1}. satır") from None
            raise Refusal(f"{number + 1}. satır okunamadı ({exc}).") from None
    return rows
