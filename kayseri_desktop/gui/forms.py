"""Designer forms from ui/, loaded at run time with QUiLoader.

Chosen over compiled modules (DESIGN.md asks to pick one): QUiLoader is part of
PySide6 and works inside a PyInstaller bundle as long as ui/ is shipped beside it
(project_root() finds it there), and there is no generated code to keep in sync.
QUiLoader translates the forms' strings with the form's class name as context,
so kayseri_en.ts carries one context per form (e.g. "AboutDialog").
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem, QWidget

from kayseri_desktop import project_root


class FormError(RuntimeError):
    pass


def forms_dir() -> Path:
    return project_root() / "ui"


def form_names() -> list[str]:
    return sorted(p.stem for p in forms_dir().glob("*.ui"))


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget described by ui/<name>.ui; children keep their objectNames."""
    path = forms_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"Form dosyası açılamadı: {path}")
    try:
        loader = QUiLoader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"Form yüklenemedi: {path} ({loader.errorString()})")
    return widget


_Child = TypeVar("_Child", bound=QObject)


class Children:
    """``find = Children(form)``, then ``find(QComboBox, "leadCombo")``: a form's named
    child of that class, never None (a missing one is a mistake in the .ui file)."""

    def __init__(self, form: QObject) -> None:
        self.form = form

    def __call__(self, kind: type[_Child], name: str) -> _Child:
        child = self.form.findChild(kind, name)
        if child is None:
            raise FormError(f"Formda {kind.__name__} '{name}' yok: {self.form.objectName()}")
        return child


def table_item(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item a dialog put in this cell when it added the row (every cell has one)."""
    item = table.item(row, column)
    if item is None:
        raise FormError(f"{table.objectName()}: satır {row + 1}, sütun {column + 1} boş")
    return item


def cell_combo(table: QTableWidget, row: int, column: int) -> QComboBox:
    """The combo box a dialog put in this cell when it added the row."""
    widget = table.cellWidget(row, column)
    if not isinstance(widget, QComboBox):
        raise FormError(f"{table.objectName()}: satır {row + 1}, sütun {column + 1} seçim değil")
    return widget
