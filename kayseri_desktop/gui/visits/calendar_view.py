"""What the week and month views share: their signals, the selected visit, the keys."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class CalendarView(QWidget):
    """Base of WeekView and MonthView; each says which visit is drawn where (visit_at)."""

    visit_selected = Signal(int)
    visit_opened = Signal(int)
    visit_context = Signal(int, QPoint)
    slot_requested = Signal(object)
    """A datetime: double-click on an empty slot (week) or day (month)."""
    navigate = Signal(int)
    """-1 previous, +1 next, 0 the current week or month (Left/Right/PageUp/PageDown/Home)."""

    selected = 0  # the selected visit's id, 0 for none

    def visit_at(self, pos: QPointF) -> int:
        """The id of the visit drawn at pos, 0 for none."""
        raise NotImplementedError

    def contextMenuEvent(self, e) -> None:
        vid = self.visit_at(QPointF(e.pos()))
        if vid:
            self.selected = vid
            self.visit_selected.emit(vid)
            self.update()
            self.visit_context.emit(vid, e.globalPos())

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.navigate.emit(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Home:
            self.navigate.emit(0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.visit_opened.emit(self.selected)
        else:
            super().keyPressEvent(e)
