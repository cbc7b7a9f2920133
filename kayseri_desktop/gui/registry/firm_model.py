"""The firm table's item model: a view over the in-memory FirmIndex.

It holds no copies of the data, only the list of index positions currently shown
(filtered and sorted by FirmIndex.select). ``data()`` formats just the cells the
view paints, so 100,000 firms cost one list of ints here. Sorting is the model's
own ``sort()`` (header clicks), not a QSortFilterProxyModel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.plain import plain_tooltip
from kayseri_desktop.services.firm_index import COLUMN_KEYS, NUMERIC, Filters, FirmIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 10
LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
Index = QModelIndex | QPersistentModelIndex
DEFAULT_WIDTHS = {  # pixels, until people size the columns themselves (then remembered)
    "title": 300,
    "tax_no": 100,
    "sector": 150,
    "district": 95,
    "osb": 130,
    "size": 70,
    "employees": 75,
    "exports": 175,
    "markets": 220,
    "score": 60,
    "visit": 85,
    "tags": 160,
}


class FirmTableModel(QAbstractTableModel):
    about_to_sort = Signal()
    sorted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.index_data = FirmIndex(export_year=0)
        self.rows: list[int] = []
        self.total = 0
        self.query = ""
        self.filters = Filters()
        self.sort_key = "title"
        self.descending = False
        self._lang = current_language()
        self._titles = self._column_titles()

    def _column_titles(self) -> dict[str, str]:
        year = self.index_data.export_year
        return {
            "title": self.tr("Unvan"),
            "tax_no": self.tr("VKN/TCKN"),
            "sector": self.tr("Sektör"),
            "district": self.tr("İlçe"),
            "osb": self.tr("OSB"),
            "size": self.tr("Ölçek"),
            "employees": self.tr("Çalışan"),
            "exports": formatting.fill(self.tr("İhracat %1 (USD)"), year)
            if year
            else self.tr("İhracat (USD)"),
            "markets": self.tr("Pazarlar"),
            "score": self.tr("Puan"),
            "visit": self.tr("Ziyaret"),
            "tags": self.tr("Etiketler"),
        }

    @property
    def columns(self) -> tuple[str, ...]:
        """Column keys in model order (services/firm_index.COLUMN_KEYS)."""
        return COLUMN_KEYS

    def column_title(self, key: str) -> str:
        return self._titles[key]

    # -- contents -----------------------------------------------------------------------

    def set_index(self, index: FirmIndex, total: int | None = None) -> None:
        """Show a freshly loaded index (the current search, filters and sort kept)."""
        self.beginResetModel()
        self.index_data = index
        self.total = len(index) if total is None else total
        self._titles = self._column_titles()
        self.rows = index.select(
            self.query, self.filters, sort_key=self.sort_key, descending=self.descending
        )
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMN_KEYS) - 1)

    def apply(self, query: str | None = None, filters: Filters | None = None) -> None:
        if query is not None:
            self.query = query
        if filters is not None:
            self.filters = filters
        self._refresh()

    def _refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.index_data.select(
            self.query, self.filters, sort_key=self.sort_key, descending=self.descending
        )
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Show the rows in a column's order (a ready permutation from the index).

        A model reset, not layoutChanged: Qt walks every row on a layout change (about
        100 ms at 100,000 rows), a reset costs nothing; the tab keeps the selection by
        firm id across it (about_to_sort / sorted).
        """
        if not 0 <= column < len(COLUMN_KEYS):
            return
        self.about_to_sort.emit()
        self.beginResetModel()
        self.sort_key = COLUMN_KEYS[column]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.rows = self.index_data.select(
            self.query, self.filters, sort_key=self.sort_key, descending=self.descending
        )
        self.endResetModel()
        self.sorted.emit()

    def firm_id(self, row: int) -> int:
        return self.index_data.ids[self.rows[row]]

    def row_of(self, firm_id: int) -> int | None:
        pos = self.index_data.position_of(firm_id)
        if pos is None:
            return None
        try:
            return self.rows.index(pos)
        except ValueError:
            return None

    def shown_ids(self) -> list[int]:
        ids = self.index_data.ids
        return [ids[p] for p in self.rows]

    # -- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_KEYS)

    def cell_text(self, key: str, pos: int) -> str:
        idx = self.index_data
        if key == "employees":
            return formatting.number(idx.employees[pos])
        if key == "exports":
            return formatting.number(idx.exports[pos])
        if key == "score":
            return formatting.decimal(idx.score[pos], 1)
        return idx.text(key, pos, self._lang)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        pos = self.rows[index.row()]
        key = COLUMN_KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(key, pos)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in NUMERIC else LEFT
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "markets", "tags"):
            return plain_tooltip(self.cell_text(key, pos))
        if role == ID_ROLE:
            return self.index_data.ids[pos]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMN_KEYS):
            return None
        key = COLUMN_KEYS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[key]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if key in NUMERIC else LEFT
        return None
