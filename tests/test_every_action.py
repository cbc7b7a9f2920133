"""Every button and every menu or context action of the main window, pressed by a test.

The probe walks the real window's widget tree (nothing here names a button of the app):
it shows every tab and inner tab once, counts every QAbstractButton, QAction, context
menu, combo box, sortable header, double-clickable list and drawn chart or calendar
(clicked all over) first, then brings each
one's page to the front, selects a row in each table and list on the way, and presses
it. Menus opened by a press (QMenu.exec or popup, QToolButton menus, CustomContextMenu
requests, contextMenuEvent overrides, pyqtgraph view-box menus) are replayed once per
entry, each entry chosen in turn.

Nothing may block: file dialogs answer with paths under tmp_path, message boxes answer
Cancel / No (or their only button), and every other dialog is shown, its own buttons
pressed (two levels deep, closing buttons last), then closed. An exception in any slot
fails the test, naming the press that raised it. The test lists what it skipped and
why, and fails if it pressed fewer actions than it counted. It runs four times: a
300-firm demo database with rows selected, the same without a selection, read-only,
and an empty database.
"""

from __future__ import annotations

import itertools
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyqtgraph as pg
import pytest
import shiboken6
from conftest import TODAY
from PySide6.QtCore import SIGNAL, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
    QWidgetAction,
    QWizard,
)

from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context

INTERNAL_NAMES = ("qt_", "_q_", "ScrollLeftButton", "ScrollRightButton")
"""Parts Qt builds inside its own widgets (tab-bar arrows, calendar navigation, the
line-edit clear button, tool-bar overflow): not the app's actions."""

CONTAINERS = ("qt_tabwidget_stackedwidget", "qt_scrollarea_viewport")
"""Qt's own names for the pages holding the app's widgets (not internal themselves)."""

CLOSE_ROLES = {
    QDialogButtonBox.ButtonRole.AcceptRole,
    QDialogButtonBox.ButtonRole.YesRole,
    QDialogButtonBox.ButtonRole.RejectRole,
    QDialogButtonBox.ButtonRole.NoRole,
    QDialogButtonBox.ButtonRole.DestructiveRole,
}
SAFE_ANSWERS = (
    QMessageBox.StandardButton.Cancel,
    QMessageBox.StandardButton.No,
    QMessageBox.StandardButton.Abort,
    QMessageBox.StandardButton.Close,
    QMessageBox.StandardButton.Ignore,
)
SAFE_ROLES = (QMessageBox.ButtonRole.RejectRole, QMessageBox.ButtonRole.NoRole)
ALLOWED_REASONS = (": disabled", ": no point of it opens a menu", ": no row to open")
OPENING_SIGNALS = ("doubleClicked", "activated")
CANVAS_GRID = 7
"""A drawn chart or calendar is clicked at the inner points of a 7 x 7 grid."""
COMBO_LIMIT = 6
"""Entries chosen in each combo box (filters, pickers) at most."""
"""Why a counted action may stay unpressed (listed in the report): a button disabled in
every state the probe reached, or a drawn view with nothing under any point right now."""
INNER_LIMIT = 40
"""Buttons pressed inside one dialog at most (a dialog with a long generated list)."""


def is_internal(obj) -> bool:
    """Made by Qt (or pyqtgraph) inside a standard widget, or a child of such a part."""
    if isinstance(obj, QToolButton) and isinstance(obj.parent(), QLineEdit):
        return True  # a line edit's clear button
    while obj is not None:
        name = obj.objectName()
        if name.startswith(INTERNAL_NAMES) and name not in CONTAINERS:
            return True
        obj = obj.parent()
    return False


def path_of(obj) -> str:
    """A stable name for a widget or action: object names (or classes) up the tree."""
    parts = []
    while obj is not None:
        parent = obj.parent()
        name = obj.objectName() or type(obj).__name__
        if parent is not None and not obj.objectName():
            same = [c for c in parent.children() if type(c) is type(obj) and not c.objectName()]
            if len(same) > 1:
                name += f"[{same.index(obj)}]"
        parts.append(name)
        obj = parent
    return "/".join(reversed(parts))


def text_of(obj) -> str:
    text = obj.text() if hasattr(obj, "text") else ""
    return (text or obj.objectName() or type(obj).__name__).replace("&", "")


def leaf_actions(menu: QMenu) -> list[QAction]:
    out: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            out.extend(leaf_actions(action.menu()))
        else:
            out.append(action)
    return out


@dataclass
class Probe:
    window: MainWindow
    tmp: Path
    pressed: list[str] = field(default_factory=list)
    pressed_keys: set[str] = field(default_factory=set)
    skipped: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    current: str = "(setup)"
    depth: int = 0
    menus: list[list[str]] = field(default_factory=list)
    choice: int | None = None
    chosen: str = ""
    serial: int = 0
    watcher: QObject | None = None
    select: bool = True
    on_dialog: Callable[[QDialog], None] | None = None
    """Called with every dialog and message box shown (a test's extra checks)."""
    inner: list[str] = field(default_factory=list)

    # -- answers to everything that would wait for a person -------------------------------

    def _file(self, directory: str, filters: str, *, create: bool) -> str:
        self.serial += 1
        suggested = Path(directory).name if directory else ""
        if not Path(suggested).suffix:
            pattern = filters.split("(", 1)[1].split(")", 1)[0] if "(" in filters else "*"
            suffix = pattern.split()[0].lstrip("*") if pattern.split() else ""
            suggested = "dosya" + (suffix if suffix.startswith(".") else "")
        folder = self.tmp / "files" / str(self.serial)
        folder.mkdir(parents=True)
        path = folder / suggested
        if create:
            path.write_bytes(b"")
        self.files.append(f"{self.current}: {path.name}")
        return str(path)

    def save_name(self, parent=None, caption="", directory="", filters="", *a, **k):
        return self._file(directory, filters, create=False), ""

    def open_name(self, parent=None, caption="", directory="", filters="", *a, **k):
        return self._file(directory, filters, create=True), ""

    def open_names(self, parent=None, caption="", directory="", filters="", *a, **k):
        return [self._file(directory, filters, create=True)], ""

    def folder(self, *a, **k):
        self.serial += 1
        folder = self.tmp / "folders" / str(self.serial)
        folder.mkdir(parents=True)
        return str(folder)

    def answer_box(self, box: QMessageBox) -> int:
        self.boxes.append(f"{self.current}: [{box.icon().name}] {box.text()[:120]}")
        buttons = box.buttons()
        chosen = None
        for standard in SAFE_ANSWERS:
            chosen = chosen or box.button(standard)
        for button in buttons:
            if chosen is None and box.buttonRole(button) in SAFE_ROLES:
                chosen = button
        chosen = chosen or (buttons[0] if buttons else None)
        if chosen is None:
            box.done(0)
            return 0
        chosen.click()  # sets clickedButton() as a person's click would
        standard = box.standardButton(chosen)
        return int(standard.value) if standard != QMessageBox.StandardButton.NoButton else 0

    def static_box(self, *args, **kwargs):
        return QMessageBox.StandardButton.Cancel

    def run_dialog(self, dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            if self.on_dialog is not None:
                self.on_dialog(dialog)
            return self.answer_box(dialog)
        self.depth += 1
        try:
            self.dialogs.append(f"{'  ' * self.depth}{self.current}: {type(dialog).__name__}")
            if isinstance(dialog, QFileDialog):
                dialog.reject()
                return int(QDialog.DialogCode.Rejected.value)
            if self.depth <= 2:
                dialog.show()
                if self.on_dialog is not None:
                    self.on_dialog(dialog)
                self.press_inside(dialog)
            if shiboken6.isValid(dialog) and dialog.isVisible():
                dialog.reject()
            return QDialog.result(dialog) if shiboken6.isValid(dialog) else 0
        finally:
            self.depth -= 1

    def press_inside(self, dialog: QDialog) -> None:
        """The dialog's own buttons: the others first, then accepting, then rejecting."""
        box_buttons = {b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
        wizard_closers: set[QAbstractButton] = set()
        if isinstance(dialog, QWizard):
            for which in (QWizard.WizardButton.CancelButton, QWizard.WizardButton.FinishButton):
                wizard_closers.add(dialog.button(which))

        def role(button) -> QDialogButtonBox.ButtonRole | None:
            for box in dialog.findChildren(QDialogButtonBox):
                if button in box.buttons():
                    return box.buttonRole(button)
            return None

        pressed = 0
        done: set[str] = set()
        for stage in ("other", "accept", "reject"):
            if not shiboken6.isValid(dialog):
                return
            if stage == "accept":
                fill_form(dialog)  # so that saving gets past "… boş olamaz"
            for button in list(dialog.findChildren(QAbstractButton)):
                if not shiboken6.isValid(dialog) or not dialog.isVisible():
                    return
                if pressed >= INNER_LIMIT:
                    return
                if not shiboken6.isValid(button) or is_internal(button):
                    continue
                r = role(button)
                closer = button in wizard_closers or (button in box_buttons and r in CLOSE_ROLES)
                accepting = r in (
                    QDialogButtonBox.ButtonRole.AcceptRole,
                    QDialogButtonBox.ButtonRole.YesRole,
                ) or (button in wizard_closers and "Finish" in str(button.objectName()))
                kind = "accept" if closer and accepting else "reject" if closer else "other"
                if kind != stage or path_of(button) in done:
                    continue
                if not button.isVisibleTo(dialog) or not button.isEnabled():
                    continue
                if button.menu() is not None if hasattr(button, "menu") else False:
                    for action in leaf_actions(button.menu()):
                        if action.isEnabled():
                            self._trigger_inner(
                                action.trigger, f"{text_of(button)} › {text_of(action)}"
                            )
                    done.add(path_of(button))
                    continue
                done.add(path_of(button))
                if self.select:
                    select_rows(dialog)
                pressed += 1
                self.inner.append(f"{self.current} › {text_of(button)}")
                self._trigger_inner(button.click, text_of(button))

    def _trigger_inner(self, press: Callable[[], None], label: str) -> None:
        outer = self.current
        self.current = f"{outer} › {label}"
        try:
            press()
            QApplication.processEvents()
        finally:
            self.current = outer

    def run_menu(self, menu: QMenu) -> QAction | None:
        """A menu the probe opens itself (a button's menu, a view box's menu)."""
        actions = [a for a in leaf_actions(menu) if a.isEnabled()]
        if self.choice is None:
            self.menus.append([text_of(a) for a in actions])
            return None
        if self.choice < len(actions):
            action = actions[self.choice]
            self.chosen = text_of(action)
            self.choice = len(actions) + 1000  # one choice per replay
            action.trigger()
            return action
        return None

    def menu_shown(self, menu: QMenu) -> None:
        """A menu the app opened (QMenu.exec or popup): note its entries or choose one."""
        if not shiboken6.isValid(menu) or not menu.isVisible():
            return
        actions = [a for a in leaf_actions(menu) if a.isEnabled()]
        if self.choice is None or self.choice >= len(actions):
            if self.choice is None:
                self.menus.append([text_of(a) for a in actions])
            menu.close()
            return
        action = actions[self.choice]
        self.chosen = text_of(action)
        self.choice = len(actions) + 1000
        if action in menu.actions():  # chosen as a person would: highlighted, Enter
            menu.setActiveAction(action)
            QApplication.sendEvent(
                menu,
                QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
            )
        else:
            action.trigger()
        if shiboken6.isValid(menu) and menu.isVisible():
            menu.close()

    def install(self, monkeypatch) -> None:
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self.save_name)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self.open_name)
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", self.open_names)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", self.folder)
        for name in ("question", "warning", "information", "critical", "about", "aboutQt"):
            monkeypatch.setattr(QMessageBox, name, self.static_box)
        for name in ("getText", "getMultiLineText", "getItem", "getInt", "getDouble"):
            monkeypatch.setattr(QInputDialog, name, lambda *a, **k: (None, False))
        run = self.run_dialog
        monkeypatch.setattr(QDialog, "exec", lambda d, *a: run(d))
        for cls in (QDialog, QMessageBox, QFileDialog, QInputDialog):
            monkeypatch.setattr(cls, "open", lambda d, *a: run(d) and None)
        # QMenu.exec cannot be patched (PySide6 resolves its static and member overloads
        # itself): a shown menu is answered from inside its own event loop instead.
        self.watcher = MenuWatcher(self)
        QApplication.instance().installEventFilter(self.watcher)

        def hook(kind, value, tb) -> None:
            text = "".join(traceback.format_exception(kind, value, tb))
            self.errors.append(f"{self.current}:\n{text}")

        monkeypatch.setattr(sys, "excepthook", hook)

    # -- pressing -------------------------------------------------------------------------

    def press(self, key: str, label: str, press: Callable[[], None]) -> None:
        """Press once; if a menu opened, press again once per menu entry, choosing it."""
        self.current = label
        self.menus.clear()
        self.choice = None
        press()
        settle(self.window)
        self.pressed.append(label)
        self.pressed_keys.add(key)
        opened = [m for m in self.menus if m]
        self.menus.clear()
        if not opened:
            return
        for i in range(len(opened[0])):
            self.choice = i
            self.chosen = ""
            self.current = f"{label} › {opened[0][i]}"
            press()
            settle(self.window)
            if self.chosen:
                self.pressed.append(self.current)
                self.pressed_keys.add(f"{key}#menu:{self.chosen}")
        self.choice = None
        self.menus.clear()


TYPED = (
    ("mail", "deneme@example.com"),
    ("phone", "0352 222 12 34"),
    ("web", "https://example.com"),
)
"""What is typed into a field whose object name says what it holds; others get words."""


def fill_form(dialog: QDialog) -> None:
    """What a person types before saving: every empty line edit and plain text field
    gets words, every combo box still on its first ("— seçilmedi —") entry its next."""

    def editable(widget) -> bool:
        return widget.isVisibleTo(dialog) and widget.isEnabled() and not is_internal(widget)

    for edit in dialog.findChildren(QLineEdit):
        if editable(edit) and not edit.isReadOnly() and not edit.text() and not edit.inputMask():
            name = edit.objectName().lower()
            edit.setText(next((text for key, text in TYPED if key in name), "Deneme 1"))
    for text in dialog.findChildren(QPlainTextEdit):
        if editable(text) and not text.isReadOnly() and not text.toPlainText():
            text.setPlainText("Deneme notu")
    for combo in dialog.findChildren(QComboBox):
        if editable(combo) and combo.count() > 1 and combo.currentIndex() <= 0:
            combo.setCurrentIndex(1)
    QApplication.processEvents()


def settle(window: QWidget) -> None:
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():
        if widget is window or not widget.isVisible() or isinstance(widget, QMenu):
            continue
        if isinstance(widget, QDialog):
            widget.reject()
        elif widget.isWindow() and widget.windowType() not in (
            Qt.WindowType.ToolTip,
            Qt.WindowType.Popup,
        ):
            widget.close()


def bring_forward(widget: QWidget) -> None:
    """Make the pages holding ``widget`` current: outer and inner tabs, stacked pages."""
    chain = []
    w = widget
    while w is not None:
        chain.append(w)
        w = w.parentWidget()
    for child, parent in itertools.pairwise(chain):
        if isinstance(parent, QStackedWidget) and parent.indexOf(child) >= 0:
            tabs = parent.parentWidget()
            if isinstance(tabs, QTabWidget) and tabs.indexOf(child) >= 0:
                tabs.setCurrentWidget(child)
            else:
                parent.setCurrentWidget(child)
    QApplication.processEvents()


def select_rows(root: QWidget) -> None:
    """A row selected in every shown table and list (actions that need one get one)."""
    for view in root.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or is_internal(view) or not view.isVisible():
            continue
        if view.window() is not root.window():  # a combo box's popup list
            continue
        model = view.model()
        selection = view.selectionModel()
        if model is None or selection is None or model.rowCount() == 0:
            continue
        if selection.hasSelection():
            continue
        if view.selectionMode() == QAbstractItemView.SelectionMode.NoSelection:
            continue
        view.setCurrentIndex(model.index(0, 0))


class MenuWatcher(QObject):
    def __init__(self, probe: Probe) -> None:
        super().__init__()
        self.probe = probe

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(obj, QMenu):
            QTimer.singleShot(0, lambda: self.probe.menu_shown(obj))
        return False


@dataclass
class Target:
    key: str
    label: str
    obj: object
    kind: str  # "button", "action", "context", "events", "viewbox"


def in_window(obj, window: QWidget) -> bool:
    """Part of the main window itself (not of a dialog it opened earlier)."""
    w = obj
    while w is not None and not isinstance(w, QWidget):
        w = w.parent()
    if isinstance(w, QMenu):
        return True  # the menu bar's menus are windows of their own
    return w is not None and w.window() is window


def tab_title(window: MainWindow, obj) -> str:
    w = obj if isinstance(obj, QWidget) else obj.parent()
    while w is not None and not isinstance(w, QWidget):
        w = w.parent()
    while w is not None:
        index = window.tabs.indexOf(w)
        if index >= 0:
            return window.tabs.tabText(index)
        w = w.parentWidget()
    return "Pencere"


def overrides(widget: QWidget, method: str) -> bool:
    """The widget's own (Python) class redefines a Qt event handler."""
    for cls in type(widget).__mro__:
        if cls.__module__.startswith(("PySide6", "shiboken6", "builtins")):
            return False
        if method in cls.__dict__ and cls.__module__.startswith("kayseri_desktop"):
            return True
    return False


def show_every_page(window: QWidget) -> None:
    """Every tab and inner tab shown once, so pages built on first show exist."""
    done: set[int] = set()
    while True:
        tab_widgets = [t for t in window.findChildren(QTabWidget) if id(t) not in done]
        if not tab_widgets:
            return
        for tabs in tab_widgets:
            done.add(id(tabs))
            current = tabs.currentIndex()
            for i in range(tabs.count()):
                bring_forward(tabs)
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
            tabs.setCurrentIndex(current)


def discover(window: MainWindow, skip: dict[int, str]) -> tuple[list[Target], dict[str, str]]:
    """Every button and action the window offers now, and what is not the app's own."""
    show_every_page(window)
    targets: list[Target] = []
    ignored: dict[str, str] = {}
    seen: set[int] = set()

    def add(obj, kind: str) -> None:
        if id(obj) in seen or not in_window(obj, window):
            return
        seen.add(id(obj))
        key = f"{kind}:{path_of(obj)}:{text_of(obj)}"
        label = f"{tab_title(window, obj)} › {text_of(obj)}"
        if id(obj) in skip:
            ignored[key] = f"{label}: {skip[id(obj)]}"
            return
        targets.append(Target(key, label, obj, kind))

    for button in window.findChildren(QAbstractButton):
        if is_internal(button):
            continue
        if isinstance(button, QHeaderView) or type(button) is QAbstractButton:
            continue  # a table's corner "select all" button is internal
        add(button, "button")
    actions: list[QAction] = []
    menubar_menus = window.menuBar().findChildren(QMenu)
    for menu in menubar_menus:
        actions.extend(leaf_actions(menu))
    actions.extend(window.findChildren(QAction))
    for widget in window.findChildren(QWidget):
        actions.extend(widget.actions())
    for action in actions:
        if action.isSeparator() or action.menu() is not None or isinstance(action, QWidgetAction):
            continue
        if is_internal(action):
            continue
        if isinstance(action.parent(), QToolBar) and action is action.parent().toggleViewAction():
            continue  # a tool bar's own show/hide switch (no menu offers it here)
        if isinstance(action.parent(), pg.GraphicsScene):
            continue  # pyqtgraph's own scene menu: reached through the view-box menus
        if isinstance(action.parent(), QMenu) and action.parent() not in menubar_menus:
            continue  # a popup menu's entry: chosen when the press that opens it is replayed
        if not action.isVisible():
            continue
        add(action, "action")
    for widget in window.findChildren(QWidget):
        if is_internal(widget):
            continue
        policy = widget.contextMenuPolicy()
        if policy == Qt.ContextMenuPolicy.CustomContextMenu:
            add(widget, "context")
        elif policy == Qt.ContextMenuPolicy.DefaultContextMenu and overrides(
            widget, "contextMenuEvent"
        ):
            add(widget, "events")
    for view in window.findChildren(QAbstractItemView):
        if isinstance(view, QHeaderView) or is_internal(view) or not in_window(view, window):
            continue
        if any(view.receivers(SIGNAL(f"{name}(QModelIndex)")) for name in OPENING_SIGNALS):
            add(view, "open")  # a double click opens the row
        header = view.horizontalHeader() if isinstance(view, QTableView | QTreeView) else None
        if header is not None and view.isSortingEnabled() and header.sectionsClickable():
            targets.append(
                Target(f"sort:{path_of(view)}", f"{tab_title(window, view)} › "
                       f"{view.objectName() or type(view).__name__} (sütun başlıkları)",
                       view, "sort")
            )  # fmt: skip
    for combo in window.findChildren(QComboBox):
        if not is_internal(combo) and in_window(combo, window):
            add(combo, "combo")
    for view in window.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.ViewBox) and item.menuEnabled():
                label = f"{tab_title(window, view)} › {view.objectName()} (sağ tık menüsü)"
                targets.append(Target(f"viewbox:{path_of(view)}", label, item, "viewbox"))
    for widget in window.findChildren(QWidget):
        if is_internal(widget) or not in_window(widget, window):
            continue
        clickable = isinstance(widget, pg.GraphicsView) or any(
            overrides(widget, name) for name in ("mousePressEvent", "mouseDoubleClickEvent")
        )
        if clickable:
            add(widget, "canvas")  # a drawn chart or calendar: clicked all over
    return targets, ignored


def click(widget: QWidget, point: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def press_target(probe: Probe, target: Target) -> str | None:
    """Press one target; None when pressed, else why not."""
    window = probe.window
    obj = target.obj
    if not shiboken6.isValid(obj):
        return "no longer exists (rebuilt by a reload)"
    if target.kind == "viewbox":
        view = obj.getViewWidget()
        bring_forward(view)
        menu = obj.getMenu(None)
        scene_actions = list(getattr(view.scene(), "contextMenu", []) or [])
        probe.press(target.key, target.label, lambda: probe.run_menu(menu))
        for action in scene_actions:
            label = f"{target.label} › {text_of(action)}"
            probe.press(f"{target.key}:{text_of(action)}", label, action.trigger)
        return None
    widget = obj if isinstance(obj, QWidget) else None
    if target.kind == "action":
        owners = [w for w in obj.associatedObjects() if isinstance(w, QWidget)]
        widget = next((w for w in owners if not isinstance(w, QMenu)), None)
    if widget is not None:
        bring_forward(widget)
        if probe.select:
            select_rows(window)
        if not widget.isEnabled():
            return "disabled"
        if not widget.isVisible() and not isinstance(obj, QAction):
            return "hidden on every page"
    elif probe.select:
        select_rows(window)
    if target.kind == "button":
        if not obj.isEnabled():
            return "disabled"
        if hasattr(obj, "menu") and obj.menu() is not None:
            menu = obj.menu()
            probe.press(target.key, target.label, lambda: probe.run_menu(menu))
            return None
        probe.press(target.key, target.label, obj.click)
        return None
    if target.kind == "action":
        if not obj.isEnabled():
            return "disabled"
        probe.press(target.key, target.label, obj.trigger)
        return None
    if target.kind == "context":
        if not obj.isVisible():
            return "hidden on every page"
        center = obj.rect().center()
        probe.press(target.key, target.label, lambda: obj.customContextMenuRequested.emit(center))
        return None
    if target.kind == "canvas":
        if not obj.isVisible():
            return "hidden on every page"
        surface = obj.viewport() if isinstance(obj, pg.GraphicsView) else obj
        rect = surface.rect()

        def click_all() -> None:
            for fy in range(1, CANVAS_GRID):
                for fx in range(1, CANVAS_GRID):
                    if not shiboken6.isValid(surface) or not surface.isVisible():
                        return
                    point = QPoint(rect.width() * fx // CANVAS_GRID,
                                   rect.height() * fy // CANVAS_GRID)  # fmt: skip
                    click(surface, point)
                    if not isinstance(obj, pg.GraphicsView):
                        QTest.mouseDClick(surface, Qt.MouseButton.LeftButton,
                                          Qt.KeyboardModifier.NoModifier, point)  # fmt: skip
                    settle(window)
                    bring_forward(obj)

        probe.press(target.key, target.label + " (tıklamalar)", click_all)
        return None
    if target.kind == "events":
        if not obj.isVisible():
            return "hidden on every page"
        rect = obj.rect()

        def right_click(point: QPoint) -> None:
            event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, obj.mapToGlobal(point))
            QApplication.sendEvent(obj, event)

        for fy in range(1, 48):
            for fx in range(1, 16):
                point = QPoint(rect.width() * fx // 16, rect.height() * fy // 48)
                probe.menus.clear()
                probe.choice = None
                right_click(point)
                if any(probe.menus):
                    probe.menus.clear()
                    probe.press(target.key, target.label, lambda p=point: right_click(p))
                    return None
        return "no point of it opens a menu"
    if target.kind == "open":
        model = obj.model()
        if model is None or model.rowCount() == 0:
            return "no row to open"
        if not obj.isVisible() or not obj.isEnabled():
            return "hidden on every page" if not obj.isVisible() else "disabled"
        index = model.index(0, 0)
        obj.scrollTo(index)
        center = obj.visualRect(index).center()
        probe.press(target.key, target.label + " (çift tık)",
                    lambda: QTest.mouseDClick(obj.viewport(), Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier, center))  # fmt: skip
        return None
    if target.kind == "sort":
        header = obj.horizontalHeader()
        if not header.isVisible():
            return "hidden on every page"
        for section in range(header.count()):
            if header.isSectionHidden(section) or not shiboken6.isValid(header):
                continue
            x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
            point = QPoint(x, header.height() // 2)
            for _ in range(2):  # ascending, then descending
                probe.press(f"{target.key}:{section}", f"{target.label} {section}",
                            lambda p=point: click(header.viewport(), p))  # fmt: skip
        probe.pressed_keys.add(target.key)
        return None
    if target.kind == "combo":
        if not obj.isVisible():
            return "hidden on every page"
        if not obj.isEnabled():
            return "disabled"
        original = obj.currentIndex()
        for i in range(min(obj.count(), COMBO_LIMIT)):
            probe.press(f"{target.key}:{i}", f"{target.label} = {obj.itemText(i)}",
                        lambda i=i: obj.setCurrentIndex(i))  # fmt: skip
        if shiboken6.isValid(obj):
            obj.setCurrentIndex(original)
            settle(window)
        probe.pressed_keys.add(target.key)
        return None
    return f"unknown kind {target.kind}"


MODES = {
    "demo": "300 demo firms, a row selected in every table",
    "unselected": "300 demo firms, nothing selected",
    "readonly": "300 demo firms opened read-only, a row selected in every table",
    "empty": "an empty database",
}


@pytest.fixture(params=list(MODES))
def probed_window(request, qtbot, ctx, tmp_path):
    mode = request.param
    context = ctx
    if mode != "empty":
        demo.generate(ctx.db, firms=300, today=TODAY)
    if mode == "readonly":
        context = open_context(ctx.db.path, readonly=True)
        request.addfinalizer(context.close)
    window = MainWindow(context, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, mode


def never_pressed(window: MainWindow) -> dict[int, str]:
    """Actions the probe leaves alone, and why: they end or replace the session."""
    return {
        id(window.quit_action): "quits the application",
        id(window.open_action): "switches to another database",
        id(window.safety.restore_action): "replaces the open database from a backup",
        id(window.safety.server_action): "switches to a database server",
    }


@dataclass
class Run:
    counted: set[str]
    kinds: dict[str, str]
    why: dict[str, str]
    ignored: dict[str, str]


def press_everything(probe: Probe, only: set[str] | None = None) -> Run:
    """Count, then press every target (of the ``only`` kinds, if given); later passes
    press what earlier ones enabled."""
    window = probe.window
    never = never_pressed(window)
    targets, ignored = discover(window, never)
    if only is not None:
        targets = [t for t in targets if t.kind in only]
    counted = {t.key for t in targets}
    kinds = {t.key: t.kind for t in targets}
    pending = list(targets)
    why: dict[str, str] = {}
    for _ in range(3):  # a later pass presses what an earlier press enabled (undo, redo)
        retry = []
        for target in pending:
            reason = press_target(probe, target)
            if reason is None:
                why.pop(target.key, None)
            else:
                why[target.key] = f"{target.label}: {reason}"
                retry.append(target)
        pending = retry
        if not pending:
            break
        fresh, _ = discover(window, never)  # widgets rebuilt by reloads: the new ones
        known = {t.key for t in pending} | probe.pressed_keys
        by_key = {t.key: t for t in fresh}
        pending = [by_key.get(t.key, t) for t in pending] + [
            t
            for t in fresh
            if t.key not in known and t.key not in counted and (only is None or t.kind in only)
        ]
    return Run(counted, kinds, why, ignored)


def test_every_button_and_action_of_the_window(
    probed_window, tmp_path, monkeypatch, capsys, request
):
    window, mode = probed_window
    probe = Probe(window, tmp_path, select=mode != "unselected")
    probe.install(monkeypatch)
    request.addfinalizer(lambda: QApplication.instance().removeEventFilter(probe.watcher))
    run = press_everything(probe)
    counted, kinds, why, ignored = run.counted, run.kinds, run.why, run.ignored
    assert len(counted) >= 50, "the probe found too little to press"

    report = [
        f"{MODES[mode]}:",
        "counted: " + ", ".join(f"{n} {kind}" for kind, n in Counter(kinds.values()).items()),
        f"pressed {len(probe.pressed)} actions ({len(counted)} counted before pressing) "
        f"and {len(probe.inner)} buttons inside the dialogs they opened",
        *(f"  skipped (never pressed): {why[k]}" for k in sorted(why)),
        *(f"  skipped on purpose: {text}" for text in ignored.values()),
        f"dialogs opened: {len(probe.dialogs)}; message boxes answered: {len(probe.boxes)}",
        *(f"  box {text}" for text in probe.boxes),
        *(f"  dialog {text}" for text in probe.dialogs),
    ]
    with capsys.disabled():
        print("\n" + "\n".join(report))
    assert not probe.errors, "\n\n".join(probe.errors)
    assert {"quits the application", "switches to another database"} <= {
        text.rsplit(": ", 1)[1] for text in ignored.values()
    }
    not_pressed = counted - probe.pressed_keys
    allowed = {k for k in not_pressed if k in why and why[k].endswith(ALLOWED_REASONS)}
    assert not_pressed - allowed == set(), [why.get(k, k) for k in not_pressed - allowed]
    if mode == "demo":  # with data and a selection, (almost) everything can be pressed
        assert len(allowed) <= 3, [why[k] for k in allowed]
    assert len(probe.pressed) >= len(counted) - len(allowed)
