"""A message box with named choices, plain text only (see gui/messages.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def choose(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    choices: list[tuple[str, QMessageBox.ButtonRole]],
    *,
    details: str = "",
    name: str = "",
) -> int:
    """Show the box; index of the chosen button, or -1 when closed otherwise."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setDetailedText(details)
    buttons = []
    for label, role in choices:
        buttons.append(box.addButton(label, role))
    box.setDefaultButton(buttons[0])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else -1
