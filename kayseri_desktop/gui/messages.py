"""Message boxes that always show their text as plain text.

QMessageBox's static helpers guess whether text is HTML; an error message quoting a
file name or a firm title with '<' in it would be mangled. Tests fake these by
monkeypatching QMessageBox.exec in a fixture; nothing here knows about tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kayseri_desktop.core import os_errors
from kayseri_desktop.exchange.atomic import TargetLocked, TargetRefused


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor while the window works on something a person waits for (reading a
    large spreadsheet, importing it); never around a message box."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def show_message(
    parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, details: str = ""
) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    box.exec()


def critical(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    show_message(parent, QMessageBox.Icon.Critical, title, text, details)


def warning(parent: QWidget | None, title: str, text: str) -> None:
    show_message(parent, QMessageBox.Icon.Warning, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    show_message(parent, QMessageBox.Icon.Information, title, text)


def write_failed(parent: QWidget | None, title: str, path: Path, exc: OSError) -> None:
    """A file the person chose could not be written: the atomic writer's own Turkish reason
    when it refused the target, else the file and the operating system's reason."""
    if isinstance(exc, TargetLocked | TargetRefused):
        text = str(exc)  # already Turkish, naming the file
    else:
        text = (
            QCoreApplication.translate("Messages", "%1 yazılamadı (%2); hiçbir şey yazılmadı.")
            .replace("%1", str(path))
            .replace("%2", os_errors.reason(exc))
        )
    critical(parent, title, text)
