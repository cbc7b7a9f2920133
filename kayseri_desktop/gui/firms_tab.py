"""Firmalar: the firm registry — search as you type, filters, sort, add/edit, delete/undo.

The table is a FirmTableModel over an in-memory FirmIndex (services/firm_index.py).
A large registry opens on its first screen (one page in title order, a LIMIT query)
and loads the full index on a worker thread; searching and sorting then scan
pre-folded keys in memory. Changes made anywhere reach the tab through the main
window's bus bridge (on_entities_changed) and reload the index.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import DataTab, plain_label
from kayseri_desktop.gui.registry.commands import DeleteFirmsCommand
from kayseri_desktop.gui.registry.filter_panel import FilterPanel
from kayseri_desktop.gui.registry.firm_model import DEFAULT_WIDTHS, FirmTableModel
from kayseri_desktop.services.bus import ChangeBus
from kayseri_desktop.services.firm_index import COLUMN_KEYS, FirmIndex

HEADER_KEY = "registry/header"
FIRST_PAGE = 80
SYNC_LIMIT = 20_000
"""Up to this many firms the index loads at once; above it, first page then a worker."""
DEFAULT_HIDDEN = ("osb", "tags")


class _Loader(QObject):
    loaded = Signal(int, object)  # generation, FirmIndex


class FirmsTab(DataTab):
    plan_visit_requested = Signal(int)  # firm id: "Ziyaret planla"

    entities = frozenset({"firm", "contact", "evaluation", "visit"})

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        bus: Callable[[], ChangeBus] | None = None,
    ) -> None:
        super().__init__(db, parent)
        self.setObjectName("firmsTab")
        self._bus = bus or (lambda: ChangeBus())
        self.undo_stack = undo_stack or QUndoStack(self)
        if undo_stack is None:  # standalone (tests, embedding): its own Ctrl+Z
            undo = self.undo_stack.createUndoAction(self, self.tr("Geri al"))
            undo.setShortcut(QKeySequence.StandardKey.Undo)
            undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(undo)
        self._generation = 0
        self._echo_expected = False
        self._loader = _Loader(self)
        self._loader.loaded.connect(self._on_loaded)
        self.loading = False

        self.search = QLineEdit(self)
        self.search.setObjectName("firmSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Ara: unvan, kısa ad, VKN, ürün, yetkili…"))
        self.search.textChanged.connect(self._on_search)
        self.new_button = self._button("newFirm", self.tr("Yeni firma"), self.new_firm)
        self.edit_button = self._button("editFirm", self.tr("Düzenle"), self.edit_current)
        self.detail_button = self._button("firmDetail", self.tr("Ayrıntılar"), self.show_detail)
        self.plan_button = self._button("planVisit", self.tr("Ziyaret planla"), self.plan_visit)
        self.delete_button = self._button("deleteFirm", self.tr("Sil"), self.delete_selected)
        self.bin_button = self._button("recycleBin", self.tr("Çöp kutusu"), self.show_bin)
        self.import_button = self._button("importFirms", self.tr("İçe aktar…"), self.import_file)
        self.export_button = self._button("exportFirms", self.tr("Dışa aktar…"), self.export_file)
        self.columns_button = QPushButton(self.tr("Sütunlar"), self)
        self.columns_button.setObjectName("chooseColumns")
        self.delete_action = QAction(self.tr("Sil"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        self.addAction(self.delete_action)

        self.filter_panel = FilterPanel(self)
        self.filter_panel.changed.connect(self._on_filters)
        self.count_label = plain_label(parent=self, name="firmCount")
        self.status_label = plain_label(parent=self, name="firmStatus")

        self.model = FirmTableModel(self)
        self._kept: tuple[list[int], int | None] = ([], None)
        self.model.about_to_sort.connect(self._keep_selection)
        self.model.sorted.connect(self._restore_selection)
        self.table = QTableView(self)
        self.table.setObjectName("firmsTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.doubleClicked.connect(lambda _index: self.show_detail())
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self.column_menu().exec(header.mapToGlobal(pos))
        )
        self.columns_button.clicked.connect(
            lambda: self.column_menu().exec(
                self.columns_button.mapToGlobal(self.columns_button.rect().bottomLeft())
            )
        )
        self._restore_header()
        header.sectionMoved.connect(lambda *_: self._save_header())
        header.sectionResized.connect(lambda *_: self._save_header())
        header.sortIndicatorChanged.connect(lambda *_: self._save_header())
        self.table.setSortingEnabled(True)

        # Buttons in a tool bar and filters in a scroll area: a narrow window keeps its
        # size (the bar folds into its overflow menu, the filters scroll sideways).
        toolbar = QToolBar(self)
        toolbar.setObjectName("firmActions")
        for button in (
            self.new_button,
            self.edit_button,
            self.detail_button,
            self.plan_button,
            self.delete_button,
            self.bin_button,
            self.import_button,
            self.export_button,
            self.columns_button,
        ):
            toolbar.addWidget(button)
        self.search.setMinimumWidth(160)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(toolbar, 3)
        filters = QScrollArea(self)
        filters.setObjectName("firmFiltersArea")
        filters.setWidget(self.filter_panel)
        filters.setWidgetResizable(True)
        filters.setFrameShape(QFrame.Shape.NoFrame)
        filters.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        filters.setFixedHeight(self.filter_panel.sizeHint().height() + 14)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False: slot())
        return button

    # -- loading ----------------------------------------------------------------------

    def on_entities_changed(self, entities: set[str]) -> None:
        # Our own write already reloaded the tab; skip the bus echo of that same write
        # (at 100,000 firms a reload is a full index load on the worker thread).
        if self._echo_expected and entities <= {"firm", "contact"}:
            self._echo_expected = False
            return
        self._echo_expected = False
        super().on_entities_changed(entities)

    def set_database(self, db: Database) -> None:
        self._echo_expected = False
        if self.undo_stack.parent() is self:  # our own stack: its commands name old rows
            self.undo_stack.clear()
        super().set_database(db)

    def _reload_after_own_write(self) -> None:
        self._echo_expected = True
        self.reload()

    def reload(self) -> None:
        """Reload the index; a large registry shows its first page while the rest loads."""
        self._generation += 1
        generation = self._generation
        total = FirmIndex.count(self.db)
        if total <= SYNC_LIMIT:
            self._show_index(FirmIndex.load(self.db), total)
            return
        self._show_index(FirmIndex.load(self.db, limit=FIRST_PAGE), total, partial=True)
        db, loader = self.db, self._loader

        def work() -> None:
            index = FirmIndex.load(db)
            index.prepare_orders()  # every column's order, for instant header clicks
            loader.loaded.emit(generation, index)

        threading.Thread(target=work, name="firm-index", daemon=True).start()

    def wait_loaded(self, timeout_ms: int = 30_000) -> None:
        """For callers that need the full index (benchmarks, tests): pump events until loaded."""
        if not self.loading:
            return
        loop = QEventLoop()
        self._loader.loaded.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self._loader.loaded.disconnect(loop.quit)

    def _on_loaded(self, generation: int, index: FirmIndex) -> None:
        if generation == self._generation:
            self._show_index(index, len(index))

    def _show_index(self, index: FirmIndex, total: int, *, partial: bool = False) -> None:
        selected = self.selected_ids()
        self.loading = partial
        self.model.set_index(index, total)
        if not partial:
            self.filter_panel.set_choices(index.all_markets(), index.all_tags())
        self._reselect(selected)
        self._update_count()
        self._update_buttons()

    def _keep_selection(self) -> None:
        self._kept = (self.selected_ids(), self.current_id())

    def _restore_selection(self) -> None:
        ids, current = self._kept
        self._reselect(ids)
        if current is not None:
            row = self.model.row_of(current)
            if row is not None:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0), self.table.selectionModel().SelectionFlag.NoUpdate
                )
                self.table.scrollTo(self.model.index(row, 0))

    def _reselect(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for firm_id in ids:
            row = self.model.row_of(firm_id)
            if row is not None:
                selection.select(
                    self.model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    # -- search, filters, count -------------------------------------------------------

    def _on_search(self, text: str) -> None:
        self.model.apply(query=text)
        self._update_count()

    def _on_filters(self) -> None:
        self.model.apply(filters=self.filter_panel.filters())
        self._update_count()

    def _update_count(self) -> None:
        shown = self.model.total if self.loading else self.model.rowCount()
        text = formatting.fill(
            self.tr("Gösterilen: %1 / %2 firma"),
            formatting.number(shown),
            formatting.number(self.model.total),
        )
        if self.loading:
            text += " " + self.tr("(yükleniyor…)")
        self.count_label.setText(text)

    # -- columns ----------------------------------------------------------------------

    def column_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("columnMenu")
        header = self.table.horizontalHeader()
        for i, key in enumerate(COLUMN_KEYS):
            action = menu.addAction(self.model.column_title(key))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(key != "title")
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        return menu

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self._save_header()

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        state = QSettings().value(HEADER_KEY)
        if state is not None and header.restoreState(state):
            return
        for key in DEFAULT_HIDDEN:
            header.setSectionHidden(COLUMN_KEYS.index(key), True)
        for i, key in enumerate(COLUMN_KEYS):
            header.resizeSection(i, DEFAULT_WIDTHS[key])
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    def _save_header(self) -> None:
        QSettings().setValue(HEADER_KEY, self.table.horizontalHeader().saveState())

    # -- selection and actions ----------------------------------------------------------

    def selected_ids(self) -> list[int]:
        if self.table.selectionModel() is None:
            return []
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.firm_id(r) for r in rows if r < self.model.rowCount()]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        if index.isValid():
            return self.model.firm_id(index.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_firm(self, firm_id: int) -> bool:
        row = self.model.row_of(firm_id)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        has = bool(self.selected_ids())
        readonly = self.db.readonly
        self.edit_button.setEnabled(has and not readonly)
        self.detail_button.setEnabled(has)
        self.delete_button.setEnabled(has and not readonly)
        for button in (self.new_button, self.import_button, self.bin_button):
            button.setEnabled(not readonly)

    def new_firm(self) -> None:
        from kayseri_desktop.gui.registry.firm_dialog import FirmDialog

        firm_id, ok = FirmDialog.edit(self.db, None, self)
        if ok and firm_id is not None:
            self._reload_after_own_write()
            self.select_firm(firm_id)

    def edit_current(self) -> None:
        from kayseri_desktop.gui.registry.firm_dialog import FirmDialog

        firm_id = self.current_id()
        if firm_id is None:
            return
        _, ok = FirmDialog.edit(self.db, firm_id, self)
        if ok:
            self._reload_after_own_write()
            self.select_firm(firm_id)

    def plan_visit(self) -> None:
        """Ask the window to open the calendar's plan dialog for the current firm."""
        firm_id = self.current_id()
        if firm_id is not None:
            self.plan_visit_requested.emit(firm_id)

    def apply_filter(self, *, sector: str | None = None, district: str | None = None) -> None:
        """Show only one sector and/or district (the Pano's bars link here): search and
        other filters are cleared so the count matches the bar that was clicked."""
        self.search.clear()
        self.filter_panel.show_only(sector=sector, district=district)

    def show_detail(self) -> None:
        from kayseri_desktop.gui.registry.firm_detail import FirmDetailDialog

        firm_id = self.current_id()
        if firm_id is not None:
            dialog = FirmDetailDialog(self.db, firm_id, self)
            dialog.edit_requested.connect(self.edit_current)
            dialog.exec()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.db.readonly:
            return
        text = formatting.fill(self.tr("%1 firmayı sil"), formatting.number(len(ids)))
        self.undo_stack.push(DeleteFirmsCommand(self.db, ids, text, self._reload_after_own_write))
        self.status_label.setText(
            formatting.fill(
                self.tr("%1 firma çöp kutusuna taşındı. Geri almak için Ctrl+Z."),
                formatting.number(len(ids)),
            )
        )

    def show_bin(self) -> None:
        from kayseri_desktop.gui.registry.recycle_bin import RecycleBinDialog

        dialog = RecycleBinDialog(self.db, self)
        dialog.exec()
        if dialog.restored:
            self._reload_after_own_write()

    def import_file(self) -> None:
        from kayseri_desktop.gui.registry.import_wizard import ImportWizard

        wizard = ImportWizard(self.db, self._bus(), self)
        if wizard.exec():
            self._reload_after_own_write()

    def export_file(self) -> None:
        from kayseri_desktop.gui.registry.export_dialog import run_export

        try:
            run_export(self)
        except OSError as exc:
            messages.critical(self, self.tr("Dışa aktarılamadı"), str(exc))

    def current_index(self) -> QModelIndex:
        return self.table.currentIndex()
