"""The base of every Pano chart: a pyqtgraph plot with hover, click and a Turkish menu.

- Hovering a bar (or a day on a line chart) shows its exact figures in a tooltip.
- Clicking a bar emits ``barClicked`` with the bar's payload (what to open).
- The right-click menu offers "PNG olarak kaydet…" and "SVG olarak kaydet…" instead of
  pyqtgraph's English menus; pan and zoom are off (a dashboard is read, not explored).
- The title is drawn inside the plot so an exported image carries it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics
from PySide6.QtWidgets import QFileDialog, QMenu, QToolTip, QWidget

from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.dashboard.export import export_chart, prepare_offscreen

FOREGROUND = "#30353c"
GRID_ALPHA = 0.25
TITLE_POINTS, LEGEND_POINTS = 10.5, 8.0
SLIDE_TITLE_POINTS, SLIDE_LEGEND_POINTS = 14.0, 10.0  # an exported chart fills a slide


@dataclass(frozen=True)
class Hit:
    """A bar's rectangle in view coordinates, what hovering it says and what clicking opens."""

    x0: float
    y0: float
    x1: float
    y1: float
    tooltip: str
    payload: Any = None

    def contains(self, x: float, y: float) -> bool:
        return min(self.x0, self.x1) <= x <= max(self.x0, self.x1) and min(
            self.y0, self.y1
        ) <= y <= max(self.y0, self.y1)

    @property
    def center(self) -> QPointF:
        return QPointF((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)


class _MenuViewBox(pg.ViewBox):
    """A ViewBox whose right-click menu is the chart's own."""

    def __init__(self, chart: Chart) -> None:
        super().__init__(enableMenu=True)
        self._chart = chart

    def getMenu(self, ev):
        return self._chart.context_menu()


class Chart(pg.PlotWidget):
    barClicked = Signal(object)
    """Emitted with the payload of the clicked bar (a dict of filter values)."""

    def __init__(self, name: str, parent: QWidget | None = None, **axes) -> None:
        super().__init__(parent, background="w", viewBox=_MenuViewBox(self), axisItems=axes)
        self.setObjectName(name)
        self.setMinimumSize(260, 180)
        item = self.plotItem
        item.setMenuEnabled(False, enableViewBoxMenu=None)  # no "Plot Options"
        item.hideButtons()
        item.getViewBox().setMouseEnabled(False, False)
        self.scene().contextMenu = []  # no English "Export..."
        title = item.titleLabel
        original_update_min = title.updateMin

        def update_min() -> None:  # a long title may be clipped, never widen the plot
            original_update_min()
            title.setMinimumWidth(0)
            title._sizeHint[Qt.SizeHint.MinimumSize] = (
                0,
                title._sizeHint[Qt.SizeHint.MinimumSize][1],
            )

        title.updateMin = update_min
        # The title spans the whole chart (over the axis too): more room before eliding.
        item.layout.removeItem(title)
        item.layout.addItem(title, 0, 0, 1, 3)
        for axis in ("left", "bottom"):
            item.getAxis(axis).setTextPen(FOREGROUND)
            item.getAxis(axis).setPen(QColor("#9aa0a8"))
        self.hits: list[Hit] = []
        self.title_points, self.legend_points = TITLE_POINTS, LEGEND_POINTS
        self.hover_text = ""
        self._title = ""
        self._menu: QMenu | None = None
        self._paint: Callable[[Chart], None] | None = None
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)

    # -- title and content -------------------------------------------------------------

    def draw(self, paint: Callable[[Chart], None]) -> None:
        """Draw the chart with ``paint`` (kept, so an export can draw a copy the same way)."""
        self._paint = paint
        paint(self)

    def slide_copy(self, size: QSize) -> Chart:
        """A hidden copy of this chart, drawn from the same figures at ``size``."""
        copy = type(self)(self.objectName())
        copy.title_points, copy.legend_points = SLIDE_TITLE_POINTS, SLIDE_LEGEND_POINTS
        prepare_offscreen(copy, size)
        if self._paint is not None:
            copy.draw(self._paint)
        # pyqtgraph widens an axis for its labels only when it paints: paint twice
        # off screen, letting the layout follow, before the real rendering.
        for _ in range(2):
            copy.grab()
            copy.plotItem.layout.activate()
            QCoreApplication.sendPostedEvents()
        if copy.title():
            copy._show_title()
        return copy

    def set_title(self, text: str) -> None:
        self._title = text
        self._show_title()

    def _show_title(self) -> None:
        """The title, elided to the plot's width (a long one would widen the plot)."""
        font = QFont(self.font())
        font.setPointSizeF(self.title_points)
        font.setBold(True)
        label = self.plotItem.titleLabel
        room = max(60.0, self.width() - 16.0)
        for _ in range(3):  # the label's HTML font measures a little wider than QFontMetrics
            shown = QFontMetrics(font).elidedText(
                self._title, Qt.TextElideMode.ElideRight, int(room)
            )
            self.plotItem.setTitle(
                html.escape(shown), color=FOREGROUND, size=f"{self.title_points}pt", bold=True
            )
            drawn = label.itemRect().width()
            if drawn <= room + 1 or shown == "…":
                break
            room *= room / drawn
        self.plotItem.layout.setRowFixedHeight(0, round(self.title_points * 2.3))

    def use_legend(self, columns: int) -> pg.LegendItem:
        """A legend under the plot (inside the exported image, never over the bars)."""
        if self.plotItem.legend is None:
            legend = pg.LegendItem(
                colCount=columns,
                labelTextColor=FOREGROUND,
                labelTextSize=f"{self.legend_points}pt",
                verSpacing=-5,
            )
            self.plotItem.layout.addItem(legend, 4, 1)
            self.plotItem.legend = legend
        return self.plotItem.legend

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_title", "") and self.plotItem is not None:
            self._show_title()

    def title(self) -> str:
        return self._title

    def clear_plot(self) -> None:
        self.plotItem.clear()
        self.hits = []
        legend = self.plotItem.legend
        if legend is not None:
            legend.clear()

    # -- hover and click ---------------------------------------------------------------

    def hit_at(self, x: float, y: float) -> Hit | None:
        for hit in reversed(self.hits):  # the last drawn is on top
            if hit.contains(x, y):
                return hit
        return None

    def text_at(self, x: float, y: float) -> str:
        """What hovering the view point (x, y) says; "" over empty space."""
        hit = self.hit_at(x, y)
        return hit.tooltip if hit else ""

    def view_point(self, scene_pos: QPointF) -> QPointF | None:
        vb = self.plotItem.getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos):
            return None
        return vb.mapSceneToView(scene_pos)

    def widget_point(self, view_pos: QPointF):
        """Where a view point is on this widget (for tests driving the mouse)."""
        scene = self.plotItem.getViewBox().mapViewToScene(view_pos)
        return self.mapFromScene(scene)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        point = self.view_point(scene_pos)
        text = self.text_at(point.x(), point.y()) if point is not None else ""
        if text == self.hover_text:
            return
        self.hover_text = text
        if text:
            # Rich text with everything escaped: data (names with "<") shows as written.
            shown = "<p style='white-space:pre'>" + html.escape(text) + "</p>"
            QToolTip.showText(QCursor.pos(), shown, self)
        else:
            QToolTip.hideText()

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.view_point(event.scenePos())
        if point is None:
            return
        hit = self.hit_at(point.x(), point.y())
        if hit is not None and hit.payload is not None:
            event.accept()
            self.barClicked.emit(hit.payload)

    # -- context menu and export -------------------------------------------------------

    def context_menu(self) -> QMenu:
        if self._menu is None:
            self._menu = QMenu(self)
            self._menu.setObjectName("chartMenu")
            self.png_action = self._menu.addAction(
                QCoreApplication.translate("Chart", "PNG olarak kaydet…")
            )
            self.png_action.triggered.connect(lambda: self.save_as("png"))
            self.svg_action = self._menu.addAction(
                QCoreApplication.translate("Chart", "SVG olarak kaydet…")
            )
            self.svg_action.triggered.connect(lambda: self.save_as("svg"))
        return self._menu

    def default_file_name(self, fmt: str) -> str:
        return f"{self.objectName()}.{fmt}"

    def save_as(self, fmt: str) -> None:
        filters = {
            "png": QCoreApplication.translate("Chart", "PNG resmi (*.png)"),
            "svg": QCoreApplication.translate("Chart", "SVG çizimi (*.svg)"),
        }
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Chart", "Grafiği kaydet"),
            self.default_file_name(fmt),
            filters[fmt],
        )
        if not path:
            return
        try:
            export_chart(self, path, fmt)
        except OSError as exc:
            messages.critical(
                self,
                QCoreApplication.translate("Chart", "Grafik kaydedilemedi"),
                formatting.fill(QCoreApplication.translate("Chart", "%1 yazılamadı."), path),
                details=str(exc),
            )
