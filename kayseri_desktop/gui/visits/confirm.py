"""Asking before a visit that clashes is saved anyway."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kayseri_desktop.services.visits import Conflict


def confirm_conflicts(parent: QWidget | None, conflicts: Sequence[Conflict]) -> bool:
    """True when there is nothing to ask about, or the person chose "Yine de kaydet"."""
    if not conflicts:
        return True
    lines = "\n".join(f"• {c.message}" for c in conflicts)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("VisitConflicts", "Çakışma var"),
        QCoreApplication.translate("VisitConflicts", "Bu ziyaret şunlarla çakışıyor:")
        + "\n"
        + lines,
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.button(QMessageBox.StandardButton.Ok).setText(
        QCoreApplication.translate("VisitConflicts", "Yine de kaydet")
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == int(QMessageBox.StandardButton.Ok.value)
