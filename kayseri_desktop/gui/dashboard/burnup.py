"""Visits burn-up: cumulative visits done against the planned pace to the target.

Three lines on a date axis (days as ordinals): visits done so far (solid), the pace
from the field study's first day to the target on its last day (dashed grey), and,
shown apart, the visits planned from today on (dotted), stacked on what is done.
A horizontal line marks the target and a vertical one today.
"""

from __future__ import annotations

import bisect
import datetime as dt
from itertools import accumulate

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.dashboard.axes import DateAxis, NumberAxis
from kayseri_desktop.gui.dashboard.chart import FOREGROUND, GRID_ALPHA, Chart
from kayseri_desktop.services.dashboard_stats import BurnUp

DONE_COLOR = "#b3202a"
PLANNED_COLOR = "#2f6db5"
PACE_COLOR = "#8a9099"


class BurnUpChart(Chart):
    def __init__(self, name: str = "visitsBurnUp", parent: QWidget | None = None) -> None:
        super().__init__(name, parent, bottom=DateAxis("bottom"), left=NumberAxis("left"))
        self.plotItem.showGrid(x=True, y=True, alpha=GRID_ALPHA)
        self.use_legend(3)
        self.data: BurnUp | None = None
        self.curves: dict[str, pg.PlotDataItem] = {}

    def set_burnup(self, data: BurnUp) -> None:
        self.clear_plot()
        self.data = data
        self.set_title(
            formatting.fill(
                self.tr("Saha ziyaretleri: %1 / %2"),
                formatting.number(data.done_total),
                formatting.number(data.target),
            )
        )
        start, end, target = data.start, data.end, data.target
        done_days = [d.toordinal() for d, _ in data.done]
        done_cum = list(accumulate(n for _, n in data.done))
        x0 = min([start.toordinal(), *done_days[:1]])
        done_x = [x0, *done_days, max([data.today.toordinal(), *done_days[-1:]])]
        done_y = [0, *done_cum, done_cum[-1] if done_cum else 0]
        planned_x = [data.today.toordinal(), *(d.toordinal() for d, _ in data.planned)]
        planned_y = [
            data.done_total,
            *(data.done_total + c for c in accumulate(n for _, n in data.planned)),
        ]
        pace = pg.PlotDataItem(
            [start.toordinal(), end.toordinal()],
            [0, target],
            pen=pg.mkPen(PACE_COLOR, width=2, style=Qt.PenStyle.DashLine),
            name=self.tr("Plan temposu"),
        )
        done = pg.PlotDataItem(
            done_x, done_y, pen=pg.mkPen(DONE_COLOR, width=3), stepMode=None,
            name=self.tr("Yapılan"),
        )  # fmt: skip
        planned = pg.PlotDataItem(
            planned_x,
            planned_y,
            pen=pg.mkPen(PLANNED_COLOR, width=2, style=Qt.PenStyle.DotLine),
            name=self.tr("Planlanan"),
        )
        for key, item in (("pace", pace), ("done", done), ("planned", planned)):
            self.addItem(item)
            self.curves[key] = item
        self.target_line = pg.InfiniteLine(
            target,
            angle=0,
            pen=pg.mkPen(DONE_COLOR, width=1, style=Qt.PenStyle.DashDotLine),
            label=formatting.fill(self.tr("Hedef %1"), formatting.number(target)),
            labelOpts={"position": 0.5, "color": DONE_COLOR, "anchors": [(0.5, 0), (0.5, 0)]},
        )
        self.today_line = pg.InfiniteLine(
            data.today.toordinal(),
            angle=90,
            pen=pg.mkPen(FOREGROUND, width=1, style=Qt.PenStyle.DotLine),
            label=self.tr("Bugün"),
            labelOpts={"position": 0.1, "color": FOREGROUND, "anchors": [(1, 1), (1, 1)]},
        )
        self.addItem(self.target_line)
        self.addItem(self.today_line)
        top = max(target, planned_y[-1] if planned_y else 0, done_y[-1]) * 1.08
        left = min(x0, start.toordinal())
        right = max(end.toordinal(), planned_x[-1])
        self.plotItem.getViewBox().setRange(xRange=(left, right), yRange=(0, top), padding=0.02)

    # -- reading it back (hover and tests) ----------------------------------------------

    def done_by(self, day: dt.date) -> int:
        """Visits done up to and including ``day``."""
        if self.data is None:
            return 0
        days = [d for d, _ in self.data.done]
        cum = list(accumulate(n for _, n in self.data.done))
        i = bisect.bisect_right(days, day)
        return cum[i - 1] if i else 0

    def pace_on(self, day: dt.date) -> float:
        data = self.data
        if data is None:
            return 0.0
        span = (data.end - data.start).days
        part = min(max((day - data.start).days / span, 0.0), 1.0)
        return data.target * part

    def planned_by(self, day: dt.date) -> int:
        """Visits planned from today up to and including ``day``."""
        if self.data is None:
            return 0
        return sum(n for d, n in self.data.planned if d <= day)

    def text_at(self, x: float, y: float) -> str:
        data = self.data
        if data is None:
            return ""
        try:
            day = dt.date.fromordinal(round(x))
        except (ValueError, OverflowError):
            return ""
        if not (min(data.start, data.today) <= day <= max(data.end, data.today)):
            return ""
        n = formatting.number
        lines = [
            formatting.date(day),
            formatting.fill(
                self.tr("Yapılan ziyaret (toplam): %1"), n(self.done_by(min(day, data.today)))
            ),
            formatting.fill(self.tr("Plan temposu: %1"), n(self.pace_on(day))),
        ]
        if day >= data.today:
            lines.append(
                formatting.fill(self.tr("O güne kadar planlanan: %1"), n(self.planned_by(day)))
            )
        return "\n".join(lines)
