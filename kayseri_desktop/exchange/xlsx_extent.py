"""How large a rectangle a worksheet part makes calamine allocate, found before it reads.

Calamine fills the whole rectangle spanned by a sheet's cells (every empty cell in it
too), so two cells at A1 and KN199999 cost gigabytes while the file is a few hundred
bytes, and so does one long row of cells written without references (a cell without
an ``r`` attribute takes the next column). ``cell_extent`` returns an upper bound of
that rectangle as (rows, columns) for the caller to refuse what is absurd.

The usual file (Excel, LibreOffice, openpyxl and most libraries) is checked quickly:
every cell starts ``<c r="A1"``, the sheet declares its ``<dimension>``, and one
search proves that no cell lies beyond it. Anything else (cells without references,
namespace prefixes, no dimension, a dimension beyond the limits, a cell beyond the
declared dimension) is measured exactly by walking the XML, as calamine would place
the cells.
"""

from __future__ import annotations

import re
from xml.parsers import expat

# A1-style column letters to a 1-based number (A -> 1, AB -> 28).
from openpyxl.utils.cell import column_index_from_string as column_number

# A cell tag not written as <c r="A1"...: no reference, another attribute first, odd
# spacing or quoting, a malformed reference; and any namespace-prefixed cell tag.
# (Two searches: each starts with a literal, which the regex engine skips through.)
_ODD_CELL = re.compile(rb'<c(?:[>/\t\n\r]| (?!r="[A-Z]{1,3}\d{1,7}"))')
_PREFIXED_CELL = re.compile(rb":c[\s>/]")
_DIMENSION = re.compile(rb'<dimension\s+ref="(?:[A-Z]{1,3}\d{1,7}:)?([A-Z]{1,3})(\d{1,7})"')
_REF = re.compile(r"([A-Za-z]{1,3})(\d{1,7})")
_CELL_REF = re.compile(rb'<c r="([A-Z]+)(\d+)"')
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_WINDOW = 4 * 1024 * 1024  # bytes of XML whose cell references are listed at once
_DIGITS = "0123456789"


def _above(text: str, alphabet: str) -> str:
    """A pattern for strings over alphabet that sort after text: longer ones, or as long
    and greater at the first difference (the order of row numbers and column letters)."""
    cls = f"[{alphabet[0]}-{alphabet[-1]}]"
    options = [f"{cls}{{{len(text) + 1},}}"]
    for i, ch in enumerate(text):
        higher = alphabet[alphabet.index(ch) + 1 :]
        if higher:
            rest = len(text) - i - 1
            tail = f"{cls}{{{rest}}}" if rest else ""
            options.append(f"{re.escape(text[:i])}[{higher[0]}-{higher[-1]}]{tail}")
    return "|".join(options)


def cell_extent(data: bytes, limit_rows: int, limit_columns: int) -> tuple[int, int]:
    """(rows, columns) calamine's rectangle for this part can reach at most; (0, 0) when
    the part has no cells. Stops counting once a limit is passed (the result then
    exceeds it)."""
    if b"<c" not in data and b":c" not in data:
        return 0, 0
    if _ODD_CELL.search(data) is None and _PREFIXED_CELL.search(data) is None:
        if b'<c r="' not in data:  # no cell at all (styles, shared strings, themes)
            return 0, 0
        dim = _DIMENSION.search(data, 0, 4096)  # Excel writes it right after <sheetPr>
        if dim is not None:
            letters, digits = dim.group(1).decode(), dim.group(2).decode()
            rows, columns = int(digits), column_number(letters)
            if rows <= limit_rows and columns <= limit_columns:
                beyond = re.compile(
                    rf'<c r="(?:(?:{_above(letters, _LETTERS)})\d'
                    rf'|[A-Z]{{1,3}}(?:{_above(str(rows), _DIGITS)})")'.encode()
                )
                if beyond.search(data) is None:
                    return rows, columns
        # Every cell has its reference: the largest ones, without walking the XML, a
        # window at a time (all of a big sheet's references at once would take far
        # more memory than its XML).
        rows = columns = 0
        start, size = 0, len(data)
        while start < size and rows <= limit_rows and columns <= limit_columns:
            end = data.find(b'<c r="', min(start + _WINDOW, size))
            end = size if end < 0 else end
            refs = _CELL_REF.findall(data, start, end)
            if refs:
                rows = max(rows, max(int(digits) for _, digits in refs))
                letters = {c for c, _ in refs}
                columns = max(columns, max(column_number(c.decode()) for c in letters))
            start = end
        return rows, columns
    return _walk(data, limit_rows, limit_columns)


class _Enough(Exception):
    """A limit is passed: the walk stops there."""


def _walk(data: bytes, limit_rows: int, limit_columns: int) -> tuple[int, int]:
    """The exact extent, placing cells as calamine does (a cell without a reference goes
    one column right of the previous one, in its row's line). Expat without namespace
    handling, so a prefixed tag ("x:c") is seen as written; the caller has already
    refused any DOCTYPE or entity declaration."""
    state = {"rows": 0, "columns": 0, "row": 0, "column": 0}

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "row":
            r = attrs.get("r", "")
            state["row"] = int(r) if r.isdigit() and len(r) <= 9 else state["row"] + 1
            state["column"] = 0
        elif tag == "c":
            found = _REF.fullmatch(attrs.get("r", ""))
            if found:
                column, row = column_number(found.group(1)), int(found.group(2))
            else:
                column, row = state["column"] + 1, state["row"]
            state["column"] = column
            state["rows"] = max(state["rows"], row)
            state["columns"] = max(state["columns"], column)
            if state["rows"] > limit_rows or state["columns"] > limit_columns:
                raise _Enough

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _Enough:
        pass  # a limit is passed: enough is known
    except expat.ExpatError as exc:  # the reader reports it as a damaged file
        raise ValueError(f"XML bozuk: {exc}") from None
    return state["rows"], state["columns"]
