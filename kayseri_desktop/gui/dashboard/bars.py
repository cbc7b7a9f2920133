"""Horizontal bar charts: categories down the left, Turkish numbers along the bottom.

Categories run top to bottom in the order given (the y axis is inverted), so long
Turkish labels ("Tekstil ve Hazır Giyim") read without rotation. Each bar series is
one BarGraphItem kept in ``series`` by name, which is what the tests read back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QWidget

from kayseri_desktop.gui.dashboard.axes import CategoryAxis, NumberAxis
from kayseri_desktop.gui.dashboard.chart import FOREGROUND, GRID_ALPHA, Chart, Hit

BAR_HEIGHT = 0.72
MIN_POINTS, MAX_POINTS = 6.5, 9.5


@dataclass(frozen=True)
class Segment:
    """One piece of a bar: its value, where it starts, and what hover and click give."""

    value: float
    tooltip: str
    payload: Any = None
    start: float = 0.0


@dataclass(frozen=True)
class Series:
    """Bars of one colour, one per category (None: no bar there)."""

    name: str
    segments: Sequence[Segment | None]
    color: str
    offset: float = 0.0  # from the category's centre line, in category units
    height: float = BAR_HEIGHT
    legend: str = ""
    outline: str | None = None


class Bars(pg.GraphicsObject):
    """Horizontal bars: one rectangle per (x0, y, width), all of one brush and pen.

    pyqtgraph's BarGraphItem keeps its rectangles in a shiboken primitive array; under
    PySide6 6.12 that corrupts reference counts and the interpreter aborts at a later
    garbage collection. A dashboard draws at most a few hundred bars, so plain
    QRectF values painted one by one cost nothing noticeable. ``opts`` holds what
    was plotted, in BarGraphItem's names, for reading back.
    """

    def __init__(self, *, x0, y, width, height: float, brush: QBrush, pen: QPen) -> None:
        super().__init__()
        self.opts: dict[str, Any] = {
            "x0": list(x0),
            "y": list(y),
            "width": list(width),
            "height": height,
            "brush": brush,
            "pen": pen,
        }
        self._rects = [
            QRectF(a, b - height / 2, w, height)
            for a, b, w in zip(self.opts["x0"], self.opts["y"], self.opts["width"], strict=True)
        ]
        bounds = QRectF()
        for rect in self._rects:
            bounds = bounds.united(rect.normalized())
        self._bounds = bounds

    def boundingRect(self) -> QRectF:
        return self._bounds

    def dataBounds(self, ax: int, frac: float = 1.0, orthoRange=None):
        if self._bounds.isNull():
            return None, None
        if ax == 0:
            return self._bounds.left(), self._bounds.right()
        return self._bounds.top(), self._bounds.bottom()

    def paint(self, p, *args) -> None:
        p.setPen(self.opts["pen"])
        p.setBrush(self.opts["brush"])
        for rect in self._rects:
            p.drawRect(rect)


class BarSample(ItemSample):
    """A legend swatch for Bars: a filled square in the bars' colours."""

    def paint(self, p, *args) -> None:
        p.setPen(self.item.opts["pen"])
        p.setBrush(self.item.opts["brush"])
        p.drawRect(QRectF(2, 2, 16, 16))


class BarChart(Chart):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        self.category_axis = CategoryAxis("left")
        self.value_axis = NumberAxis("bottom")
        super().__init__(name, parent, left=self.category_axis, bottom=self.value_axis)
        self.series: dict[str, Bars] = {}
        self.legend_columns = 2
        self.labels: list[str] = []
        vb = self.plotItem.getViewBox()
        vb.invertY(True)
        self.plotItem.showGrid(x=True, y=False, alpha=GRID_ALPHA)
        self.category_axis.setStyle(tickLength=0)

    def set_bars(
        self,
        labels: Sequence[str],
        series: Sequence[Series],
        *,
        x_max: float | None = None,
        axis_label: str = "",
        tick_labels: Sequence[tuple[float, str]] | None = None,
    ) -> None:
        """Redraw: one row per label, each series a BarGraphItem across the rows."""
        self.clear_plot()
        self.series = {}
        self.labels = list(labels)
        legend_needed = any(s.legend for s in series)
        if legend_needed:
            self.use_legend(self.legend_columns)
        top = 0.0
        for s in series:
            rows = [(i, seg) for i, seg in enumerate(s.segments) if seg is not None]
            color = QColor(s.color)
            pen = pg.mkPen(s.outline or color.darker(115), width=1)
            item = Bars(
                x0=[seg.start for _, seg in rows],
                y=[i + s.offset for i, _ in rows],
                width=[seg.value for _, seg in rows],
                height=s.height,
                brush=pg.mkBrush(color),
                pen=pen,
            )
            self.addItem(item)
            self.series[s.name] = item
            if s.legend and self.plotItem.legend is not None:
                self.plotItem.legend.addItem(BarSample(item), s.legend)
            for i, seg in rows:
                y = i + s.offset
                self.hits.append(
                    Hit(
                        seg.start,
                        y - s.height / 2,
                        seg.start + seg.value,
                        y + s.height / 2,
                        seg.tooltip,
                        seg.payload,
                    )
                )
                top = max(top, seg.start + seg.value)
        ticks = tick_labels if tick_labels is not None else list(enumerate(self.labels))
        self.category_axis.set_categories(list(ticks))
        self.value_axis.setLabel(axis_label, color=FOREGROUND)
        vb = self.plotItem.getViewBox()
        right = x_max * 1.03 if x_max is not None else (top * 1.08 or 1.0)
        vb.setRange(xRange=(0, right), yRange=(-0.6, max(len(self.labels), 1) - 0.4), padding=0)
        self._fit_font()
        if self.title():
            self._show_title()

    def _fit_font(self) -> None:
        """Category labels as large as the rows allow (16 districts in a small chart)."""
        rows = max(len(self.labels), 1)
        height = self.plotItem.getViewBox().height() or self.height() * 0.7
        points = max(MIN_POINTS, min(MAX_POINTS, 0.62 * height / rows))
        font = QFont(self.font())
        font.setPointSizeF(points)
        self.category_axis.setTickFont(font)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "labels", None) is not None and self.plotItem is not None:
            self._fit_font()

    def values(self, name: str) -> list[float]:
        """The widths (values) plotted by one series, read back from its item."""
        return [float(w) for w in self.series[name].opts["width"]]

    def starts(self, name: str) -> list[float]:
        return [float(x) for x in self.series[name].opts["x0"]]

    def rows(self, name: str) -> list[float]:
        return [float(y) for y in self.series[name].opts["y"]]
