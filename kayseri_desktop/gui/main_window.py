"""The main window: five tabs over one database, menus, status bar, saved layout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QTabWidget, QWidget

from kayseri_desktop.data.migrations import SchemaError
from kayseri_desktop.gui import i18n, messages
from kayseri_desktop.gui.bus_bridge import BusBridge
from kayseri_desktop.gui.dashboard.poller import ExternalChangePoller
from kayseri_desktop.gui.data_table import DataTab, plain_label
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.safety.actions import SafetyActions
from kayseri_desktop.gui.safety.startup import display_target, open_safely
from kayseri_desktop.services.context import AppContext

# The tabs, in order: (attribute, object name). Only the one shown first is built (and
# its module imported) at start-up; the others on first show or first use, so the
# window paints before the registry, the calendar, Excel or iCalendar are loaded.
TAB_NAMES = (
    ("dashboard_tab", "dashboardTab"),
    ("firms_tab", "firmsTab"),
    ("visits_tab", "visitsTab"),
    ("projects_tab", "projectsTab"),
    ("meetings_tab", "meetingsTab"),
)

DATABASE_KEY = "database/url"
GEOMETRY_KEY = "mainwindow/geometry"
STATE_KEY = "mainwindow/state"
TAB_KEY = "mainwindow/tab"


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._ctx = ctx
        self._owned: list[AppContext] = []  # contexts this window opened and must close
        self.undo_stack = QUndoStack(self)

        self._today = today
        self._built: dict[str, DataTab] = {}
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        titles = [
            self.tr("Pano"),
            self.tr("Firmalar"),
            self.tr("Ziyaret Takvimi"),
            self.tr("Kurumlar ve Projeler"),
            self.tr("Toplantılar"),
        ]
        self._titles = dict(zip((attr for attr, _ in TAB_NAMES), titles, strict=True))
        first = self._saved_tab_index()
        for i, (attr, name) in enumerate(TAB_NAMES):
            if i == first:
                page: QWidget = self._create_tab(attr)
            else:
                page = QWidget(self.tabs)  # stands in until the tab is first shown
                page.setObjectName(f"{name}Placeholder")
            self.tabs.addTab(page, self._titles[attr])
        self.tabs.setCurrentIndex(first)
        self.tabs.currentChanged.connect(self._ensure_current_tab)
        self.setCentralWidget(self.tabs)

        self.bridge = BusBridge(ctx.bus, self)
        self.bridge.changed.connect(self._on_changed)
        self.external_poller = ExternalChangePoller(ctx, self)  # other copies' commits

        self._build_menus()
        self._build_status_bar()
        self._show_context()
        self.restore_layout()

    # -- structure -------------------------------------------------------------------

    @property
    def ctx(self) -> AppContext:
        return self._ctx

    @property
    def data_tabs(self) -> list[DataTab]:
        """Every tab, built now if it was not yet (the self-test and probes walk them all)."""
        return [self._tab(attr) for attr, _ in TAB_NAMES]

    @property
    def built_tabs(self) -> list[DataTab]:
        """The tabs built so far; the others read everything fresh when first shown."""
        return [self._built[attr] for attr, _ in TAB_NAMES if attr in self._built]

    @property
    def dashboard_tab(self):
        return self._tab("dashboard_tab")

    @property
    def firms_tab(self):
        return self._tab("firms_tab")

    @property
    def visits_tab(self):
        return self._tab("visits_tab")

    @property
    def projects_tab(self):
        return self._tab("projects_tab")

    @property
    def meetings_tab(self):
        return self._tab("meetings_tab")

    def _create_tab(self, attr: str) -> DataTab:
        """Import and build one tab over the current database, wired to the window."""
        db, today = self._ctx.db, self._today
        tab: DataTab
        if attr == "dashboard_tab":
            from kayseri_desktop.gui.dashboard_tab import DashboardTab

            dashboard = DashboardTab(db, today=today)
            dashboard.firmsRequested.connect(lambda kw: self.show_firms(**kw))
            dashboard.projectsRequested.connect(lambda kw: self.show_projects(**kw))
            tab = dashboard
        elif attr == "firms_tab":
            from kayseri_desktop.gui.firms_tab import FirmsTab

            firms = FirmsTab(db, undo_stack=self.undo_stack, bus=lambda: self._ctx.bus)
            firms.plan_visit_requested.connect(self.plan_visit_for_firm)
            tab = firms
        elif attr == "visits_tab":
            from kayseri_desktop.gui.visits_tab import VisitsTab

            tab = VisitsTab(db, today=today)
        elif attr == "projects_tab":
            from kayseri_desktop.gui.projects_tab import ProjectsTab

            tab = ProjectsTab(db, today=today)
        elif attr == "meetings_tab":
            from kayseri_desktop.gui.meetings_tab import MeetingsTab

            meetings = MeetingsTab(db, today=today)
            meetings.pack_requested.connect(self.open_meeting_pack)
            tab = meetings
        else:
            raise KeyError(attr)
        self._built[attr] = tab
        return tab

    def _tab(self, attr: str) -> DataTab:
        """The tab, built and put in place of its placeholder on first use."""
        tab = self._built.get(attr)
        if tab is not None:
            return tab
        tab = self._create_tab(attr)
        index = [a for a, _ in TAB_NAMES].index(attr)
        placeholder = self.tabs.widget(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # the swap is not a change of tab
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, self._titles[attr])
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()
        return tab

    def _ensure_current_tab(self, index: int) -> None:
        if 0 <= index < len(TAB_NAMES):
            self._tab(TAB_NAMES[index][0])

    def _saved_tab_index(self) -> int:
        name = QSettings().value(TAB_KEY)
        for i, (_, object_name) in enumerate(TAB_NAMES):
            if object_name == name:
                return i
        return 0

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Dosya"))
        file_menu.setObjectName("fileMenu")
        self.open_action = file_menu.addAction(self.tr("Veritabanı &aç…"))
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_database)
        file_menu.addSeparator()
        self.pack_action = file_menu.addAction(self.tr("Toplantı &paketi hazırla…"))
        self.pack_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pack_action.triggered.connect(lambda: self.open_meeting_pack())
        self.export_all_action = file_menu.addAction(self.tr("Tüm veriyi &Excel'e aktar…"))
        self.export_all_action.triggered.connect(self.open_full_export)
        file_menu.addSeparator()
        self.safety = SafetyActions(self, file_menu)  # backup, restore, backup settings
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("Çı&kış"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

        edit_menu = bar.addMenu(self.tr("Dü&zen"))
        edit_menu.setObjectName("editMenu")
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Geri al"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Yinele"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.synonyms_action = edit_menu.addAction(self.tr("İçe aktarma &eş anlamlıları…"))
        self.synonyms_action.triggered.connect(self.open_synonyms)

        view_menu = bar.addMenu(self.tr("&Görünüm"))
        view_menu.setObjectName("viewMenu")
        self.tab_actions: list[QAction] = []
        tab_group = QActionGroup(self)
        for i in range(self.tabs.count()):
            action = view_menu.addAction(self.tabs.tabText(i))
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.tabs.setCurrentIndex(i))
            tab_group.addAction(action)
            self.tab_actions.append(action)
        self.tabs.currentChanged.connect(self._sync_tab_actions)
        self._sync_tab_actions(self.tabs.currentIndex())
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(self.tr("&Dil"))
        self.language_menu.setObjectName("languageMenu")
        language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        saved = i18n.saved_language()
        for code, name in (("tr", "Türkçe"), ("en", "English")):  # each in its own language
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.triggered.connect(lambda _=False, code=code: self.choose_language(code))
            language_group.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Yardım"))
        help_menu.setObjectName("helpMenu")
        self.about_action = help_menu.addAction(self.tr("&Hakkında"))
        self.about_action.triggered.connect(self.show_about)

    def _build_status_bar(self) -> None:
        self.database_label = plain_label(parent=self, name="databaseLabel")
        self.mode_label = plain_label(parent=self, name="modeLabel")
        status = self.statusBar()
        status.addWidget(self.database_label, 1)
        status.addPermanentWidget(self.mode_label)

    def _sync_tab_actions(self, index: int) -> None:
        if 0 <= index < len(self.tab_actions):
            self.tab_actions[index].setChecked(True)

    def _show_context(self) -> None:
        db = self._ctx.db
        name = db.path.name if db.path is not None else db.display_name()
        self.setWindowTitle(fill(self.tr("Kayseri İhracat Koordinasyon Masası — %1"), name))
        self.database_label.setText(fill(self.tr("Veritabanı: %1"), db.display_name()))
        self.mode_label.setText(self.tr("Salt okunur") if db.readonly else self.tr("Yazılabilir"))

    # -- behaviour -------------------------------------------------------------------

    def _on_changed(self, entities: set[str]) -> None:
        for tab in self.built_tabs:
            tab.on_entities_changed(entities)

    def plan_visit_for_firm(self, firm_id: int):
        """ "Ziyaret planla" for a firm (e.g. from the registry): the calendar's plan dialog."""
        self.tabs.setCurrentWidget(self.visits_tab)
        return self.visits_tab.open_plan_dialog(firm_id=firm_id)

    def set_context(self, ctx: AppContext, *, owned: bool = True) -> None:
        """Show another database: new bus bridge, every tab reloaded, undo history cleared."""
        self.bridge.close()
        self.bridge.deleteLater()
        old = self._ctx
        self._ctx = ctx
        if owned:
            self._owned.append(ctx)
        self.bridge = BusBridge(ctx.bus, self)
        self.bridge.changed.connect(self._on_changed)
        self.external_poller.close()
        self.external_poller = ExternalChangePoller(ctx, self)
        self.undo_stack.clear()  # commands refer to rows of the old database
        for tab in self.built_tabs:  # the others open on ctx when first shown
            tab.set_database(ctx.db)
        self._show_context()
        self.safety.context_changed(ctx)
        if old in self._owned:  # the one app.py opened is closed by app.py
            self._owned.remove(old)
            old.close()

    def open_meeting_pack(self, meeting_id: int | None = None) -> None:
        from kayseri_desktop.gui.pack_dialog import MeetingPackDialog

        MeetingPackDialog(self._ctx, self, meeting_id).exec()

    def open_synonyms(self) -> None:
        from kayseri_desktop.gui.registry.synonyms_dialog import SynonymsDialog

        SynonymsDialog(self._ctx.db, self._ctx.bus, self).exec()

    def open_full_export(self) -> None:
        from kayseri_desktop.gui.pack_dialog import FullExportDialog

        FullExportDialog(self._ctx, self).exec()

    def show_firms(self, **filters) -> None:
        """Open the Firmalar tab filtered (sector=..., district=...): chart click-through."""
        self.tabs.setCurrentWidget(self.firms_tab)
        self.firms_tab.apply_filter(**filters)

    def show_projects(self, **filters) -> None:
        """Open the projects tab filtered (institution_id=..., role=..., status=...)."""
        self.tabs.setCurrentWidget(self.projects_tab)
        self.projects_tab.show_filtered(**filters)

    def choose_database(self) -> None:
        current = self._ctx.db.path
        start = str(current.parent) if current is not None else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Veritabanı aç"),
            start,
            self.tr("SQLite veritabanları (*.sqlite *.db);;Tüm dosyalar (*)"),
        )
        if path:
            self.open_database(path)

    def open_database(self, path: str) -> bool:
        """Open (and migrate) another SQLite file; remember it for the next start."""
        if self.safety.is_current(path):
            return True  # already open here (and locked by this window)
        try:
            ctx = open_safely(self, path)  # damage check, backup, one-writer lock
            if ctx is None:
                return False
        except SchemaError as exc:
            messages.critical(self, self.tr("Veritabanı açılamadı"), str(exc))
            return False
        except Exception as exc:  # a locked, unreadable or non-SQLite file
            messages.critical(
                self,
                self.tr("Veritabanı açılamadı"),
                fill(self.tr("%1 açılamadı."), display_target(path)),
                details=f"{type(exc).__name__}: {exc}",
            )
            return False
        QSettings().setValue(DATABASE_KEY, path)
        self.set_context(ctx)
        return True

    def choose_language(self, language: str) -> None:
        i18n.save_language(language)
        if language != i18n.current_language():
            messages.information(
                self,
                self.tr("Dil"),
                self.tr("Dil değişikliği uygulama yeniden başlatıldığında geçerli olur."),
            )

    def show_about(self) -> None:
        from kayseri_desktop.gui.about_dialog import create_about_dialog

        dialog = create_about_dialog(self._ctx.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- layout persistence ----------------------------------------------------------

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 760)
        state = settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)
        self.tabs.setCurrentIndex(self._saved_tab_index())

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.setValue(TAB_KEY, self.tabs.currentWidget().objectName())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.safety.on_close()
        self.bridge.close()
        self.external_poller.close()
        while self._owned:
            self._owned.pop().close()
        super().closeEvent(event)
