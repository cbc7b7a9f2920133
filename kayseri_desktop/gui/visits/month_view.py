"""The month view: six weeks from the Monday before the 1st, visits as coloured chips.

Double-click a chip to open the visit, an empty part of a day to plan a visit on it
(10:00); click "+N daha" to see that week in the week view.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kayseri_desktop.core.catalogues import VISIT_STATUSES
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.visits import common as c
from kayseri_desktop.gui.visits.calendar_view import CalendarView

ROWS, COLS = 6, 7
CHIP_H = 17


class MonthView(CalendarView):
    day_requested = Signal(object)
    """A date whose week should be shown ("+N daha")."""

    HEADER = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 300)
        self.data = c.CalendarData(dt.date.today().replace(day=1), ROWS * COLS)
        self.month = dt.date.today().month
        self.selected = 0
        self._chips: list[tuple[QRectF, int]] = []
        self._more: list[tuple[QRectF, dt.date, int]] = []
        self._size = QSize()

    def set_data(self, data: c.CalendarData, month: int) -> None:
        self.data, self.month = data, month
        self._size = QSize()
        self.update()

    # -- geometry -----------------------------------------------------------------------

    def cell_rect(self, day: dt.date) -> QRectF:
        i = (day - self.data.first).days
        w = self.width() / COLS
        h = (self.height() - self.HEADER) / ROWS
        return QRectF((i % COLS) * w, self.HEADER + (i // COLS) * h, w, h)

    def _layout(self) -> None:
        if self._size == self.size():
            return
        self._size = self.size()
        self._chips, self._more = [], []
        by_day = self.data.by_day()
        for i in range(ROWS * COLS):
            day = self.data.first + dt.timedelta(days=i)
            cell = self.cell_rect(day)
            blocks = by_day.get(day, [])
            room = max(0, int((cell.height() - 20) // CHIP_H))
            shown = blocks if len(blocks) <= room else blocks[: max(0, room - 1)]
            for k, b in enumerate(shown):
                rect = QRectF(
                    cell.left() + 3, cell.top() + 19 + k * CHIP_H, cell.width() - 6, CHIP_H - 2
                )
                self._chips.append((rect, b.id))
            if len(shown) < len(blocks):
                top = cell.top() + 19 + len(shown) * CHIP_H
                rect = QRectF(cell.left() + 3, top, cell.width() - 6, CHIP_H - 2)
                self._more.append((rect, day, len(blocks) - len(shown)))

    def chip_rect(self, visit_id: int) -> QRectF:
        self._layout()
        return next((r for r, vid in self._chips if vid == visit_id), QRectF())

    def more_rect(self, day: dt.date) -> QRectF | None:
        """Where "+N daha" is drawn for ``day``; None when all its visits fit."""
        self._layout()
        return next((r for r, d, _ in self._more if d == day), None)

    def visit_at(self, pos: QPointF) -> int:
        return self.chip_at(pos)

    def chip_at(self, pos: QPointF) -> int:
        self._layout()
        return next((vid for r, vid in self._chips if r.contains(pos)), 0)

    def day_at(self, pos: QPointF) -> dt.date | None:
        if pos.y() < self.HEADER:
            return None
        col = int(pos.x() // (self.width() / COLS))
        row = int((pos.y() - self.HEADER) // ((self.height() - self.HEADER) / ROWS))
        if not (0 <= col < COLS and 0 <= row < ROWS):
            return None
        return self.data.first + dt.timedelta(days=row * COLS + col)

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._layout()
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        bold = QFont(self.font())
        bold.setBold(True)
        w = self.width() / COLS
        p.setFont(bold)
        p.setPen(c.MUTED)
        for col in range(COLS):
            day = self.data.first + dt.timedelta(days=col)
            p.drawText(
                QRectF(col * w, 0, w, self.HEADER), Qt.AlignmentFlag.AlignCenter, c.day_abbr(day)
            )
        by_id = {b.id: b for b in self.data.blocks}
        for i in range(ROWS * COLS):
            day = self.data.first + dt.timedelta(days=i)
            cell = self.cell_rect(day)
            shade = c.TODAY if day == self.data.today else self.data.day_shade(day)
            if shade is not None:
                p.fillRect(cell, shade)
            p.setPen(QPen(c.GRID, 1))
            p.drawRect(cell)
            p.setFont(bold if day == self.data.today else self.font())
            p.setPen(c.TEXT if day.month == self.month else c.MUTED)
            p.drawText(cell.adjusted(4, 2, -4, 0), Qt.AlignmentFlag.AlignLeft, str(day.day))
            note = self.data.day_note(day)
            if note:
                p.setFont(small)
                p.setPen(c.ACCENT)
                text = p.fontMetrics().elidedText(
                    note, Qt.TextElideMode.ElideRight, int(cell.width() - 30)
                )
                p.drawText(cell.adjusted(24, 3, -4, 0), Qt.AlignmentFlag.AlignRight, text)
        p.setFont(small)
        metrics = p.fontMetrics()
        for rect, vid in self._chips:
            b = by_id[vid]
            fill_color, border = c.STATUS_COLORS.get(b.status, c.STATUS_COLORS["planned"])
            p.fillRect(rect, fill_color)
            p.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), border)
            if vid == self.selected:
                p.setPen(QPen(c.ACCENT, 2))
                p.drawRect(rect)
            p.setPen(c.TEXT)
            text = metrics.elidedText(
                f"{b.starts_at:%H:%M} {b.firm_title}",
                Qt.TextElideMode.ElideRight,
                int(rect.width() - 8),
            )
            p.drawText(rect.adjusted(5, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, text)
        p.setPen(c.ACCENT)
        for rect, _, n in self._more:
            p.drawText(
                rect.adjusted(5, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter,
                fill(self.tr("+%1 daha"), n),
            )
        p.end()

    # -- interaction --------------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            vid = self.chip_at(QPointF(e.pos()))
            b = next((b for b in self.data.blocks if b.id == vid), None)
            if b is None:
                QToolTip.hideText()
            else:
                status = VISIT_STATUSES.label(b.status, current_language())
                lines = [
                    f"{b.starts_at:%d.%m.%Y %H:%M}–{b.ends_at:%H:%M} · {status}",
                    b.firm_title,
                    b.team,
                ]
                body = "<br>".join(html.escape(s) for s in lines if s)
                QToolTip.showText(e.globalPos(), f"<p style='white-space:pre'>{body}</p>", self)
            return True
        return super().event(e)

    def resizeEvent(self, e) -> None:
        self._size = QSize()
        super().resizeEvent(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.setFocus()
        if e.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(e)
        self._layout()
        for rect, day, _ in self._more:
            if rect.contains(e.position()):
                self.day_requested.emit(day)
                return
        self.selected = self.chip_at(e.position())
        self.visit_selected.emit(self.selected)
        self.update()

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        vid = self.chip_at(e.position())
        if vid:
            self.visit_opened.emit(vid)
            return
        day = self.day_at(e.position())
        if day is not None:
            self.slot_requested.emit(dt.datetime.combine(day, dt.time(10, 0)))
