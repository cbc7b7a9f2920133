"""The refusal of a concurrent edit, with the offer to reload and re-apply.

An edit form catches services.concurrency.ConcurrentEditError and calls
offer_reload(); True means: call concurrency.reapply() with the same changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kayseri_desktop.gui.safety.choices import choose
from kayseri_desktop.services.concurrency import ConcurrentEditError


def offer_reload(parent: QWidget | None, error: ConcurrentEditError) -> bool:
    """Show the Turkish refusal; True when the person wants to reload and re-apply."""
    details = "\n".join(f"{field}: {value}" for field, value in error.theirs.items())
    if error.deleted:
        choose(
            parent,
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("ConcurrentEdit", "Kayıt silinmiş"),
            str(error),
            [
                (
                    QCoreApplication.translate("ConcurrentEdit", "Tamam"),
                    QMessageBox.ButtonRole.AcceptRole,
                )
            ],
            name="conflictBox",
        )
        return False
    answer = choose(
        parent,
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ConcurrentEdit", "Kayıt başka biri tarafından değiştirildi"),
        str(error),
        [
            (
                QCoreApplication.translate(
                    "ConcurrentEdit", "Yeniden yükle ve değişikliğimi uygula"
                ),
                QMessageBox.ButtonRole.AcceptRole,
            ),
            (
                QCoreApplication.translate("ConcurrentEdit", "Değişikliğimden vazgeç"),
                QMessageBox.ButtonRole.RejectRole,
            ),
        ],
        details=(
            QCoreApplication.translate("ConcurrentEdit", "Diğer kullanıcının kaydettiği değerler:")
            + "\n"
            + details
        )
        if details
        else "",
        name="conflictBox",
    )
    return answer == 0
