"""Designer forms from ui/, loaded at run time with QUiLoader.

Chosen over compiled modules (DESIGN.md asks to pick one): QUiLoader is part of
PySide6 and works inside a PyInstaller bundle as long as ui/ is shipped beside it
(project_root() finds it there), and there is no generated code to keep in sync.
QUiLoader translates the forms' strings with the form's class name as context,
so kayseri_en.ts carries one context per form (e.g. "AboutDialog").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

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
