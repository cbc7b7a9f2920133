"""The project timeline (Gantt) drawn with pyqtgraph.

x is time (seconds since the epoch, shown by a date axis), y is one row per project
(top to bottom in code order). Behind the bars, the three roadmap years are shaded
bands; each project is a bar coloured by its status, late projects outlined in red;
milestones are diamonds on the bar (red when late, green when done); today is a
dashed vertical line. Clicking a bar emits ``projectActivated(project_id)``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import PROJECT_STATUSES, ROADMAP_YEARS
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.formatting import date, fill, number, percent
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services.coordination_lists import MilestoneRow, ProjectRow

STATUS_COLOURS = {
    "idea": "#b8c2cc",
    "planned": "#8fb3d9",
    "running": "#4f8fcf",
    "done": "#5fae6e",
    "cancelled": "#d0a36a",
}
BAND_COLOURS = ("#eef3f8", "#f6f1e8", "#eef6ee")
LATE = "#c62828"
DONE = "#2e7d32"
OPEN = "#37474f"
BAR_HEIGHT = 0.6
DAY = 86400.0


def seconds(day: dt.date) -> float:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()


@dataclass(frozen=True)
class Bar:
    project_id: int
    row: int
    x0: float
    x1: float

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and abs(y - self.row) <= BAR_HEIGHT / 2


class GanttView(QWidget):
    projectActivated = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], dt.date] = dt.date.today
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ganttView")
        self._today = today
        self.bars: list[Bar] = []
        self.markers: list[tuple[int, MilestoneRow]] = []
        self.undated: list[ProjectRow] = []
        pg.setConfigOptions(antialias=True)
        self.axis = pg.AxisItem("left")
        self.axis.setWidth(96)
        self.plot = pg.PlotWidget(
            parent=self,
            background="w",
            axisItems={"bottom": pg.DateAxisItem(orientation="bottom"), "left": self.axis},
        )
        self.plot.setObjectName("ganttPlot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.2)
        self.plot.getViewBox().invertY(True)
        self.plot.getViewBox().setMouseEnabled(x=True, y=True)
        self.plot.scene().sigMouseClicked.connect(self._on_click)
        self.plot.scene().sigMouseMoved.connect(self._on_move)
        self._rows_by_id: dict[int, ProjectRow] = {}
        # Items are made once and updated in place: removing pyqtgraph items from a
        # plot (plot.clear()) crashes PySide6 6.12 at interpreter exit.
        lang = current_language()
        self.legend = self.plot.addLegend(offset=(-10, 30), labelTextColor="#1d2127")
        self.legend.setBrush(QBrush(QColor(255, 255, 255, 220)))
        self.shading = pg.BarGraphItem(x0=[], width=[], y=[], height=1)
        self.shading.setZValue(-20)
        self.plot.addItem(self.shading)
        self.band_labels = []
        for year in ROADMAP_YEARS.codes():
            text = pg.TextItem(ROADMAP_YEARS.label(year, lang), color="#4a5561", anchor=(0, 0))
            text.setVisible(False)
            self.plot.addItem(text)
            self.band_labels.append(text)
        self.status_bars: dict[str, pg.BarGraphItem] = {}
        for status in PROJECT_STATUSES.codes():
            item = pg.BarGraphItem(
                x0=[],
                width=[],
                y=[],
                height=BAR_HEIGHT,
                brush=QColor(STATUS_COLOURS[status]),
                name=PROJECT_STATUSES.label(status, lang),
            )
            self.plot.addItem(item)
            self.status_bars[status] = item
        self.scatter = pg.ScatterPlotItem()
        self.scatter.setZValue(10)
        self.plot.addItem(self.scatter)
        self.today_line = pg.InfiniteLine(
            angle=90,
            pen=pg.mkPen(LATE, width=1.5, style=Qt.PenStyle.DashLine),
            label=self.tr("Bugün"),
            labelOpts={"position": 0.97, "color": LATE},
        )
        self.today_line.setZValue(20)
        self.plot.addItem(self.today_line)
        self.caption = plain_label(parent=self, name="ganttCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.plot, 1)

    def set_data(
        self,
        projects: Sequence[ProjectRow],
        milestones: Sequence[MilestoneRow],
        bands: Sequence[tuple[int, dt.date, dt.date]],
    ) -> None:
        self.bars, self.markers = [], []
        dated = [p for p in projects if p.start_date and p.end_date]
        spans = {p.id: (p.start_date, p.end_date) for p in projects if p.start_date and p.end_date}
        self._rows_by_id = {p.id: p for p in dated}
        self.undated = [p for p in projects if not (p.start_date and p.end_date)]
        self.axis.setTicks([[(float(i), p.code) for i, p in enumerate(dated)], []])
        top, bottom = -1.6, max(len(dated), 1)
        self.shading.setOpts(
            x0=[seconds(first) for _, first, _ in bands],
            width=[seconds(after) - seconds(first) for _, first, after in bands],
            y=[(top + bottom) / 2] * len(bands),
            height=bottom - top + 2,
            brushes=[QColor(c) for c in BAND_COLOURS[: len(bands)]],
            pen=pg.mkPen(QColor("#c9d3dd")),
        )
        for text, band in zip(self.band_labels, [*bands, None, None, None], strict=False):
            text.setVisible(band is not None)
            if band is not None:
                text.setPos(seconds(band[1]) + 3 * DAY, top + 0.05)
        rows = {p.id: i for i, p in enumerate(dated)}
        for status, item in self.status_bars.items():
            group = [p for p in dated if p.status == status]
            x0 = [seconds(spans[p.id][0]) for p in group]
            widths = [
                max(DAY, seconds(spans[p.id][1]) + DAY - x) for p, x in zip(group, x0, strict=True)
            ]
            item.setOpts(
                x0=x0,
                width=widths,
                y=[rows[p.id] for p in group],
                # pyqtgraph 0.14 fails on an empty pens list: None means "use pen".
                pens=[pg.mkPen(LATE, width=2.5) if p.late else pg.mkPen("#5a6672") for p in group]
                or None,
            )
            item.setVisible(bool(group))
            for p, x, w in zip(group, x0, widths, strict=True):
                self.bars.append(Bar(p.id, rows[p.id], x, x + w))
        spots = []
        for ms in milestones:
            if ms.project_id not in rows:
                continue
            colour = DONE if ms.done_on else LATE if ms.late else OPEN
            spots.append(
                {
                    "pos": (seconds(ms.due_date) + DAY / 2, rows[ms.project_id]),
                    "brush": pg.mkBrush(colour),
                    "pen": pg.mkPen("w", width=1),
                    "size": 11,
                    "symbol": "d",
                    "data": ms.id,
                }
            )
            self.markers.append((rows[ms.project_id], ms))
        self.scatter.setData(spots)
        self.today_line.setPos(seconds(self._today()) + DAY / 2)
        starts = [seconds(b[1]) for b in bands] + [b.x0 for b in self.bars]
        ends = [seconds(b[2]) for b in bands] + [b.x1 for b in self.bars]
        if starts:
            self.plot.setXRange(min(starts), max(ends), padding=0.02)
        self.plot.setYRange(top, bottom, padding=0.02)
        caption = fill(
            self.tr(
                "%1 proje çizelgede. Çubuk rengi durumu, kırmızı çerçeve geciken projeyi; "
                "baklava kilometre taşını gösterir (kırmızı: gecikmiş, yeşil: tamamlanmış)."
            ),
            number(len(dated)),
        )
        if self.undated:
            caption += " " + fill(
                self.tr("%1 projenin başlangıç ya da bitiş tarihi yok, çizelgede gösterilmiyor."),
                number(len(self.undated)),
            )
        self.caption.setText(caption)

    def bar_of(self, project_id: int) -> Bar | None:
        return next((b for b in self.bars if b.project_id == project_id), None)

    def project_at(self, x: float, y: float) -> int | None:
        for bar in self.bars:
            if bar.contains(x, y):
                return bar.project_id
        return None

    def scene_point_of(self, project_id: int) -> QPointF | None:
        """Where the middle of a project's bar is on the plot's scene (for clicks, tests)."""
        bar = self.bar_of(project_id)
        if bar is None:
            return None
        return self.plot.getViewBox().mapViewToScene(QPointF((bar.x0 + bar.x1) / 2, bar.row))

    def tooltip_for(self, project_id: int) -> str:
        p = self._rows_by_id[project_id]
        lang = current_language()
        text = fill(
            self.tr("%1 — %2\nYürütücü: %3\n%4 – %5 · %6 · ilerleme %7"),
            p.code,
            p.title,
            p.lead,
            date(p.start_date),
            date(p.end_date),
            PROJECT_STATUSES.label(p.status, lang),
            percent(p.progress),
        )
        if p.behind:
            text += "\n" + self.tr("Gecikmede: proje ya da bir kilometre taşı süresini aştı.")
        return text

    def _on_move(self, scene_pos) -> None:
        box = self.plot.getViewBox()
        point = box.mapSceneToView(scene_pos)
        project_id = self.project_at(point.x(), point.y())
        if project_id is None:
            self.plot.setToolTip("")
            return
        # Tooltips guess rich text; escape so a title with "<" shows as typed.
        text = html.escape(self.tooltip_for(project_id)).replace("\n", "<br>")
        self.plot.setToolTip(f"<qt>{text}</qt>")

    def _on_click(self, event) -> None:
        box = self.plot.getViewBox()
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        point = box.mapSceneToView(event.scenePos())
        project_id = self.project_at(point.x(), point.y())
        if project_id is not None:
            event.accept()
            self.projectActivated.emit(project_id)
