"""Writing .xlsx files the same safe way everywhere (registry, visits, projects, packs).

- Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab, CR
  or LF) is written as a text cell with Excel's "quote prefix" style: the value is
  kept exactly (a phone "+90 352 ..." stays itself) but Excel never evaluates it,
  not even after the cell is edited.
- Numbers and dates stay real numbers and dates with Turkish-style number formats.
- Header row bold, frozen, with an autofilter; column widths fitted to content.
- The workbook is written to a temporary file beside the target and renamed into
  place: a failure never leaves half a file, and an existing file is replaced only
  by a complete one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from copy import copy
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from kayseri_desktop.exchange.atomic import atomic_target

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")

# What a row may hold: plain values (a bool is written "Evet"/"Hayır"), None for empty.
CellValue = str | int | float | Decimal | dt.date | dt.datetime | dt.time | dt.timedelta | None
Sheet = Worksheet | WriteOnlyWorksheet

# Turkish-looking formats; Excel renders separators from the user's locale.
FMT_INT = "#,##0"
FMT_MONEY = "#,##0.00"
FMT_DATE = "DD.MM.YYYY"
FMT_DATETIME = "DD.MM.YYYY HH:MM"
FMT_PERCENT = "0%"
WIDTH_SAMPLE = 500  # first rows that fit the column widths

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")


# A carriage return written raw into the sheet's XML comes back as a line feed (XML
# parsers normalise line ends): Excel writes it as "_x000D_", and a text that itself
# reads like such an escape gets its underscore escaped ("_x005F_").
_ESCAPES = re.compile(r"_(x[0-9A-Fa-f]{4}_)|\r")


def keep_returns(text: str) -> str:
    """Text as Excel stores it, so that every character, "\r" included, reads back."""
    if "\r" not in text and "_x" not in text:
        return text
    return _ESCAPES.sub(lambda m: "_x005F_" + m.group(1) if m.group(1) else "_x000D_", text)


def looks_like_formula(value: str) -> bool:
    return bool(value) and value.startswith(FORMULA_TRIGGERS)


def make_cell(ws: Sheet, value: CellValue, number_format: str | None = None) -> Cell:
    """A write-only cell holding value safely: formula-like text stays inert text."""
    if isinstance(value, bool):
        value = "Evet" if value else "Hayır"
    cell = WriteOnlyCell(ws)
    cell.value = keep_returns(value) if isinstance(value, str) else value
    if isinstance(value, str) and looks_like_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    elif number_format:
        cell.number_format = number_format
    return cell


@dataclass(frozen=True)
class Column:
    header: str
    width: int | None = None  # characters; None: fitted to content
    number_format: str | None = None


def _format_for(value: object, column: Column) -> str | None:
    if column.number_format:
        return column.number_format
    if isinstance(value, dt.datetime):
        return FMT_DATETIME
    if isinstance(value, dt.date):
        return FMT_DATE
    if isinstance(value, int) and not isinstance(value, bool):
        return FMT_INT
    if isinstance(value, float):
        return FMT_MONEY
    return None


def write_sheet(
    wb: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence[CellValue]]
) -> int:
    """Append a sheet with a styled, frozen, filterable header; returns the row count."""
    return fill_sheet(wb.create_sheet(title=title[:31]), columns, rows)


def fill_sheet(ws: Sheet, columns: Sequence[Column], rows: Iterable[Sequence[CellValue]]) -> int:
    """Write header and rows into an empty sheet (write-only or normal); returns row count.

    Rows are streamed: only the first ``WIDTH_SAMPLE`` are held to fit the column
    widths (which a write-only sheet needs before its first row); the autofilter's
    extent is set after the last row (openpyxl writes it after the rows).
    """
    widths = [len(c.header) + 2 for c in columns]
    ws.freeze_panes = "A2"
    header = []
    for col in columns:
        title = make_cell(ws, col.header)
        title.font = _HEADER_FONT
        title.fill = _HEADER_FILL
        title.alignment = Alignment(vertical="center")
        header.append(title)
    rest = iter(rows)
    sample = [list(r) for r in islice(rest, WIDTH_SAMPLE)]
    for first in sample:
        for i, value in enumerate(first[: len(widths)]):
            if value is not None:
                widths[i] = max(widths[i], min(60, len(str(value)) + 2))
    dims = ws.column_dimensions  # type: ignore[union-attr]  # absent from write-only stubs
    for i, col in enumerate(columns):
        dims[get_column_letter(i + 1)].width = col.width or widths[i]
    if isinstance(ws, WriteOnlyWorksheet):
        _stream_rows(ws)
    ws.append(header)
    # Plain text and unformatted values go in as they are; a number or date gets a
    # styled cell made once per column and format and reused row after row (a
    # write-only sheet writes each appended row out before the next).
    styled: dict[tuple[int, str], Cell] = {}
    reuse = isinstance(ws, WriteOnlyWorksheet)  # a normal sheet keeps every cell object
    fixed = [c.number_format for c in columns]
    triggers = frozenset(FORMULA_TRIGGERS)
    append = ws.append
    width = len(columns)
    count = 0
    for values in chain(sample, rest):
        row: list[CellValue | Cell] = list(values)  # our own copy: changed in place
        count += 1
        if len(row) > width:
            del row[width:]
        for i, value in zip(range(width), values, strict=False):  # the first `width` values
            if value is None:
                continue
            if isinstance(value, str):
                if value and value[0] in triggers:
                    row[i] = make_cell(ws, value)
                elif "\r" in value or "_x" in value:
                    row[i] = keep_returns(value)
                continue
            if value.__class__ is bool:
                row[i] = "Evet" if value else "Hayır"
                continue
            fmt = fixed[i] or _format_for(value, columns[i])
            if fmt is None:
                continue
            cell = styled.get((i, fmt)) if reuse else None
            if cell is None:
                cell = make_cell(ws, value, fmt)
                if reuse:
                    cell = styled[(i, fmt)] = _FixedStyleCell.of(cell)
            else:
                cell.value = value
            row[i] = cell
        append(row)
    ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    ws.auto_filter.ref = ref  # type: ignore[union-attr]  # absent from write-only stubs
    return count


class _FixedStyleCell(Cell):
    """A reused write-only cell whose style never changes: its style id is looked up
    once, not on every row it is written in (openpyxl hashes the style each time)."""

    __slots__ = ("_style_id",)
    _style_id: int

    @classmethod
    def of(cls, cell: Cell) -> _FixedStyleCell:
        fixed = cls(cell.parent, row=1, column=1, value=cell.value)
        fixed._style = copy(cell._style)  # type: ignore[attr-defined]  # stubs omit this slot
        fixed.data_type = cell.data_type
        fixed._style_id = cell.style_id  # the same style: the same id
        return fixed

    @property
    def style_id(self) -> int:
        return self._style_id


def _stream_rows(ws: WriteOnlyWorksheet) -> None:
    """Give a write-only sheet a row converter that takes ready cells as they are.

    openpyxl's own converter tries every value as a plain value first and only takes
    a ready cell after that attempt raises, then makes a fresh cell for the rest of
    the row; with a styled number in most rows that costs about a fifth of the whole
    export. Same output: cells in column order, empty values skipped.
    """
    plain = Cell(ws, row=1, column=1)

    def values_to_row(values: Iterable[CellValue | Cell], row_idx: int) -> Iterator[Cell]:
        for col_idx, value in enumerate(values, 1):
            if value is None:
                continue
            if isinstance(value, Cell):
                cell = value
            else:
                cell = plain
                cell.value = value
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    ws._values_to_row = values_to_row  # type: ignore[attr-defined]  # private hook the stubs omit


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save_atomic(wb: Workbook, target: Path) -> Path:
    """Save completely or not at all (see exchange/atomic.py)."""
    try:
        with atomic_target(target) as tmp:
            wb.save(tmp)
    except BaseException:
        discard(wb)
        raise
    return Path(target)


def discard(wb: Workbook) -> None:
    """Close a write-only workbook that will not be saved and remove its sheets'
    temporary files now (left open, each sheet prints a traceback at exit)."""
    for ws in getattr(wb, "worksheets", ()):
        with suppress(Exception):  # a sheet the failed save had closed already
            if isinstance(ws, WriteOnlyWorksheet) and not ws.closed:
                ws.close()
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            with suppress(OSError, ValueError):  # removed already
                writer.cleanup()
