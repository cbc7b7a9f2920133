"""Item delegates shared by the tables."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kayseri_desktop.gui.table_model import SORT_ROLE

TRACK = QColor("#e6e8ec")
FILL = QColor("#a9d4b2")
FILL_DONE = QColor("#8cc79a")


class ProgressDelegate(QStyledItemDelegate):
    """Draws a 0-100 value (the column's SORT_ROLE) as a bar with its formatted text.

    Painted by hand rather than with the style's CE_ProgressBar: under a style sheet
    that control is drawn with the table's rules and comes out as a thin line.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        value = index.data(SORT_ROLE)
        if not isinstance(value, int):
            super().paint(painter, option, index)
            return
        # Selection and alternate-row background from the style, without the text.
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = background.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)

        rect = QRectF(background.rect).adjusted(6, 6, -6, -6)
        fraction = max(0, min(100, value)) / 100
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(rect, 3, 3)
        if fraction > 0:
            filled = QRectF(rect)
            filled.setWidth(max(rect.height() / 2, rect.width() * fraction))
            painter.setBrush(FILL_DONE if fraction >= 1 else FILL)
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(QPen(QColor("#1d2127")))
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
