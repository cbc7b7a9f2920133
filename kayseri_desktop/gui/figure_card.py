"""A dashboard card: a big number, its caption and an optional detail line."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from kayseri_desktop.gui.data_table import plain_label


class FigureCard(QFrame):
    """Labels are named figure_<key>, caption_<key>, detail_<key> (tests find them)."""

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.value = plain_label("–", self, name=f"figure_{key}")
        self.value.setProperty("role", "figure")
        self.caption = plain_label(caption, self, name=f"caption_{key}")
        self.caption.setProperty("role", "caption")
        self.caption.setWordWrap(True)
        self.detail = plain_label("", self, name=f"detail_{key}")
        self.detail.setProperty("role", "detail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_value(self, text: str, *, alert: bool = False, detail: str = "") -> None:
        self.value.setText(text)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        if self.value.property("alert") != alert:
            self.value.setProperty("alert", alert)
            # Re-polish so the style sheet's [alert="true"] rule applies or stops applying.
            self.value.style().unpolish(self.value)
            self.value.style().polish(self.value)
