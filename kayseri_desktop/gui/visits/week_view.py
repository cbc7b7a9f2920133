"""The week view: seven days Monday to Sunday on a time grid, visits as coloured blocks.

Painted with QPainter (no item per visit), so moving between weeks with thousands of
visits in the database costs one query and one paint. Drag a planned or postponed
block to another slot to reschedule it (15-minute steps); double-click an empty slot
to plan a visit there; double-click a block to open it.
"""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.core.catalogues import VISIT_STATUSES
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.visits import common as c
from kayseri_desktop.gui.visits.calendar_view import CalendarView
from kayseri_desktop.services.visits import VisitBlock

MOVABLE = ("planned", "postponed")


def lanes(blocks: list[VisitBlock]) -> dict[int, tuple[int, int]]:
    """Side-by-side placement of overlapping visits of one day: id -> (lane, lanes)."""
    out: dict[int, tuple[int, int]] = {}
    group: list[tuple[VisitBlock, int]] = []
    group_end: dt.datetime | None = None
    ends: list[dt.datetime] = []

    def close_group() -> None:
        width = max((lane for _, lane in group), default=-1) + 1
        for b, lane in group:
            out[b.id] = (lane, width)

    for b in sorted(blocks, key=lambda b: (b.starts_at, b.id)):
        if group_end is not None and b.starts_at >= group_end:
            close_group()
            group, ends, group_end = [], [], None
        lane = next((i for i, end in enumerate(ends) if end <= b.starts_at), len(ends))
        if lane == len(ends):
            ends.append(b.ends_at)
        else:
            ends[lane] = b.ends_at
        group.append((b, lane))
        group_end = b.ends_at if group_end is None else max(group_end, b.ends_at)
    close_group()
    return out


class WeekView(CalendarView):
    visit_moved = Signal(int, object)
    """(visit id, new start datetime) after a block was dragged to another slot."""

    FIRST_HOUR, LAST_HOUR = 7, 20
    GUTTER = 52
    HEADER = 46
    SNAP = 15

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(300, 300)
        self.data = c.CalendarData(cal.week_start(dt.date.today()), 7)
        self.selected = 0
        self._lanes: dict[int, tuple[int, int]] = {}
        self._drag: tuple[VisitBlock, float, QPointF] | None = None
        self.ghost: dt.datetime | None = None
        self.first_hour, self.last_hour = self.FIRST_HOUR, self.LAST_HOUR

    # -- data ---------------------------------------------------------------------------

    def set_data(self, data: c.CalendarData) -> None:
        self.data = data
        # The grid shows 07-20, widened when a visit lies outside it.
        self.first_hour = min([self.FIRST_HOUR, *(b.starts_at.hour for b in data.blocks)])
        self.last_hour = max(
            [
                self.LAST_HOUR,
                *(min(24, b.ends_at.hour + (b.ends_at.minute > 0)) for b in data.blocks),
            ]
        )
        self._lanes = {}
        for day_blocks in data.by_day().values():
            self._lanes.update(lanes(day_blocks))
        if self.selected and all(b.id != self.selected for b in data.blocks):
            self.selected = 0
        self.update()

    def block(self, visit_id: int) -> VisitBlock | None:
        return next((b for b in self.data.blocks if b.id == visit_id), None)

    # -- geometry -----------------------------------------------------------------------

    def _col_width(self) -> float:
        return (self.width() - self.GUTTER) / 7

    def _hour_height(self) -> float:
        return max(18.0, (self.height() - self.HEADER) / (self.last_hour - self.first_hour))

    def _y(self, t: dt.time | dt.datetime) -> float:
        minutes = t.hour * 60 + t.minute - self.first_hour * 60
        return self.HEADER + minutes / 60 * self._hour_height()

    def block_rect(self, visit_id: int) -> QRectF:
        b = self.block(visit_id)
        if b is None:
            return QRectF()
        return self._rect(b, b.starts_at, b.ends_at)

    def _rect(self, b: VisitBlock, start: dt.datetime, end: dt.datetime) -> QRectF:
        col = (start.date() - self.data.first).days
        lane, width = self._lanes.get(b.id, (0, 1))
        if self._drag is not None and self._drag[0].id == b.id and start != b.starts_at:
            lane, width = 0, 1
        cw = self._col_width()
        lane_w = (cw - 6) / width
        x = self.GUTTER + col * cw + 2 + lane * lane_w
        top = self._y(start)
        return QRectF(x, top, lane_w - 2, max(14.0, self._y(end) - top - 1))

    def pos_for(self, when: dt.datetime) -> QPoint:
        """A point inside the slot where ``when`` begins (for tests and keyboard use)."""
        col = (when.date() - self.data.first).days
        x = self.GUTTER + (col + 0.5) * self._col_width()
        return QPoint(round(x), round(self._y(when) + 2))

    def time_at(self, pos: QPointF | QPoint, snap: int | None = None) -> dt.datetime | None:
        snap = snap or self.SNAP
        if pos.x() < self.GUTTER or pos.y() < self.HEADER:
            return None
        col = int((pos.x() - self.GUTTER) // self._col_width())
        if not 0 <= col < 7:
            return None
        minutes = (pos.y() - self.HEADER) / self._hour_height() * 60 + self.first_hour * 60
        minutes = int(minutes // snap * snap)
        minutes = max(0, min(minutes, 24 * 60 - snap))
        day = self.data.first + dt.timedelta(days=col)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))

    def visit_at(self, pos: QPointF) -> int:
        block = self.block_at(pos)
        return block.id if block is not None else 0

    def block_at(self, pos: QPointF | QPoint) -> VisitBlock | None:
        point = QPointF(pos)
        for b in reversed(self.data.blocks):
            if self._rect(b, b.starts_at, b.ends_at).contains(point):
                return b
        return None

    # -- painting -----------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        cw, hh = self._col_width(), self._hour_height()
        bottom = self.HEADER + (self.last_hour - self.first_hour) * hh
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        bold = QFont(self.font())
        bold.setBold(True)
        for i in range(7):
            day = self.data.first + dt.timedelta(days=i)
            x = self.GUTTER + i * cw
            column = QRectF(x, self.HEADER, cw, bottom - self.HEADER)
            shade = self.data.day_shade(day)
            if shade is not None:
                p.fillRect(column, shade)
            else:
                end = cal.day_end(day)
                p.fillRect(
                    QRectF(x, self.HEADER, cw, self._y(cal.WORK_START) - self.HEADER), c.OFF_HOURS
                )
                half = c.HOLIDAY if end == cal.HALF_DAY_END else c.OFF_HOURS
                p.fillRect(QRectF(x, self._y(end), cw, bottom - self._y(end)), half)
            header = QRectF(x, 0, cw, self.HEADER)
            if day == self.data.today:
                p.fillRect(header, c.TODAY)
            p.setPen(c.TEXT)
            p.setFont(bold)
            p.drawText(
                header.adjusted(4, 3, -4, -self.HEADER / 2),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{c.day_abbr(day)} {day:%d.%m}",
            )
            note = self.data.day_note(day)
            if note:
                p.setFont(small)
                p.setPen(c.ACCENT)
                p.drawText(
                    header.adjusted(4, self.HEADER / 2, -4, -2),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    p.fontMetrics().elidedText(note, Qt.TextElideMode.ElideRight, int(cw - 8)),
                )
        p.setFont(small)
        for hour in range(self.first_hour, self.last_hour + 1):
            y = self._y(dt.time(hour % 24, 0)) if hour < 24 else bottom
            p.setPen(QPen(c.GRID, 1))
            p.drawLine(QPointF(self.GUTTER, y), QPointF(self.width(), y))
            if hour < self.last_hour:
                p.setPen(c.MUTED)
                p.drawText(
                    QRectF(0, y, self.GUTTER - 6, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                    f"{hour:02d}:00",
                )
        p.setPen(QPen(c.GRID, 1))
        for i in range(8):
            x = self.GUTTER + i * cw
            p.drawLine(QPointF(x, 0), QPointF(x, bottom))
        p.drawLine(QPointF(0, self.HEADER), QPointF(self.width(), self.HEADER))
        for b in self.data.blocks:
            if self._drag is not None and self._drag[0].id == b.id and self.ghost is not None:
                continue
            self._paint_block(p, b, b.starts_at, b.ends_at, small)
        if self._drag is not None and self.ghost is not None:
            b = self._drag[0]
            p.setOpacity(0.75)
            self._paint_block(p, b, self.ghost, self.ghost + (b.ends_at - b.starts_at), small)
            p.setOpacity(1.0)
        p.end()

    def _paint_block(
        self, p: QPainter, b: VisitBlock, start: dt.datetime, end: dt.datetime, font: QFont
    ) -> None:
        if not 0 <= (start.date() - self.data.first).days < 7:
            return
        rect = self._rect(b, start, end)
        fill, border = c.STATUS_COLORS.get(b.status, c.STATUS_COLORS["planned"])
        pen = QPen(c.ACCENT if b.id == self.selected else border, 2 if b.id == self.selected else 1)
        if b.status == "cancelled":
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, 3, 3)
        p.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), border)
        p.setFont(font)
        p.setPen(c.TEXT)
        lines = [f"{start:%H:%M}–{end:%H:%M}", b.firm_title, b.team]
        metrics = p.fontMetrics()
        width = int(rect.width() - 8)
        text = "\n".join(metrics.elidedText(s, Qt.TextElideMode.ElideRight, width) for s in lines)
        p.save()
        p.setClipRect(rect)
        p.drawText(
            rect.adjusted(5, 1, -2, -1),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )
        p.restore()

    # -- interaction --------------------------------------------------------------------

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            b = self.block_at(e.pos())
            if b is None:
                QToolTip.hideText()
            else:
                status = VISIT_STATUSES.label(b.status, current_language())
                lines = [
                    f"{b.starts_at:%d.%m.%Y %H:%M}–{b.ends_at:%H:%M} · {status}",
                    b.firm_title,
                    b.team,
                    b.purpose or "",
                ]
                body = "<br>".join(html.escape(s) for s in lines if s)
                QToolTip.showText(e.globalPos(), f"<p style='white-space:pre'>{body}</p>", self)
            return True
        return super().event(e)

    def mousePressEvent(self, e: QMouseEvent) -> None:
        self.setFocus()
        if e.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(e)
        b = self.block_at(e.position())
        self.selected = b.id if b else 0
        self.visit_selected.emit(self.selected)
        if b is not None and b.status in MOVABLE:
            grab = self.time_at(e.position(), 1)
            offset = (grab - b.starts_at).total_seconds() / 60 if grab else 0.0
            self._drag = (b, offset, e.position())
        self.update()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self._drag is None:
            return
        b, offset, origin = self._drag
        if (e.position() - origin).manhattanLength() < 4:
            return
        at = self.time_at(e.position(), 1)
        if at is None:
            return
        minutes = (at.hour * 60 + at.minute) - offset
        minutes = int(round(minutes / self.SNAP) * self.SNAP)
        length = (b.ends_at - b.starts_at).total_seconds() / 60
        minutes = max(0, min(minutes, int(24 * 60 - length)))
        self.ghost = dt.datetime.combine(at.date(), dt.time(minutes // 60, minutes % 60))
        self.update()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        drag, ghost = self._drag, self.ghost
        self._drag, self.ghost = None, None
        self.update()
        if drag is not None and ghost is not None and ghost != drag[0].starts_at:
            self.visit_moved.emit(drag[0].id, ghost)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        self._drag, self.ghost = None, None
        b = self.block_at(e.position())
        if b is not None:
            self.visit_opened.emit(b.id)
            return
        at = self.time_at(e.position(), 30)
        if at is not None:
            self.slot_requested.emit(at)
