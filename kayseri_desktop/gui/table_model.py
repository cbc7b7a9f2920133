"""One read-only table model for every list in the window.

A model is a list of column definitions over a list of row objects (frozen
dataclasses from the services). Each column says how to show a row and what to
sort it by (SORT_ROLE), so a QSortFilterProxyModel sorts Turkish titles by their
collation key and numbers as numbers, not as their formatted text. Modelled on
Vorta's archive table model; testable without any widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from kayseri_desktop.gui.plain import plain_tooltip

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role whose value orders the column: a str, int or float, never None."""
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
"""Role returning the whole row object (for delegates and detail views)."""

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """A column: its (already translated) title, how to show a row, how to sort it."""

    title: str
    display: Callable[[Any], str]
    sort: Callable[[Any], str | int | float] | None = None
    align: Qt.AlignmentFlag = LEFT
    stretch: bool = False
    min_width: int = 0
    """Pixels the column gets at least when first sized (e.g. room for a progress bar)."""
    max_width: int = 0
    """Pixels the column gets at most when first sized (long lists of names); 0: no cap."""

    def sort_value(self, row: Any) -> str | int | float:
        return self.sort(row) if self.sort is not None else self.display(row)


def order_of(codes: Sequence[str], attribute: str) -> Callable[[Any], int]:
    """Sort key for a coded column: the code's place in its catalogue, unknown codes last.

    Statuses sort in workflow order (planned, done, ...), not alphabetically.
    """
    rank = {code: i for i, code in enumerate(codes)}
    return lambda row: rank.get(getattr(row, attribute), len(rank))


class TableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Any] = []

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace all rows (a reload); views keep their sort order and column widths."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and (column.stretch or column.max_width):
            # The columns that may elide show it all on hover, as typed: Qt would draw
            # user text that looks like HTML as rich text (and fetch its images).
            return plain_tooltip(column.display(row))
        if role == ROW_ROLE:
            return row
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self._columns[section].align.value)
        return None
