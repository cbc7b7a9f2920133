"""The read-only sortable table every list tab uses, and the tabs' common base."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui.table_model import SORT_ROLE, Column, TableModel


class DataTable(QTableView):
    """A QTableView over a TableModel through a proxy that sorts by SORT_ROLE."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QWidget | None = None,
        *,
        sort_column: int = 0,
        order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    ) -> None:
        super().__init__(parent)
        self.source = TableModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.source)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for i, column in enumerate(columns):
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        self.sortByColumn(sort_column, order)
        self._sized = False

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.source.set_rows(rows)
        if rows and not self._sized:
            # Size the columns once, to the first real data; afterwards people's own
            # widths survive reloads.
            self._sized = True
            self.resizeColumnsToContents()
            for i, column in enumerate(self.source.columns):
                if column.min_width and self.columnWidth(i) < column.min_width:
                    self.setColumnWidth(i, column.min_width)
                if column.max_width and self.columnWidth(i) > column.max_width:
                    self.setColumnWidth(i, column.max_width)

    def visible_rows(self) -> list[Any]:
        """Rows in the order the view shows them (after sorting)."""
        return [
            self.source.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]


def plain_label(text: str = "", parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A QLabel that never interprets its text as HTML (data may contain '<')."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if name:
        label.setObjectName(name)
    return label


class DataTab(QWidget):
    """A tab that shows data from the database and reloads on bus announcements.

    ``entities`` names the kinds of change (bus ``Change.entity``) the tab depends
    on; None means any change.
    """

    entities: frozenset[str] | None = frozenset()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db

    @property
    def db(self) -> Database:
        return self._db

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def on_entities_changed(self, entities: set[str]) -> None:
        if self.entities is None or self.entities & entities:
            self.reload()

    def reload(self) -> None:  # pragma: no cover - every tab overrides it
        raise NotImplementedError
