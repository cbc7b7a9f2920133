"""Charts for the plan document and the firm scorecard, painted with QPainter.

Each chart is a function ``paint(painter, rect, dpi)`` that draws into ``rect`` (device
pixels) with sizes given in millimetres and points, so the same drawing goes onto a
PDF page (as vectors, exchange/pdf_layout.py) and into a PNG for Word
(``to_png``: a QImage painted offscreen, no display and no matplotlib).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QImageWriter, QPainter, QPen

from kayseri_desktop.exchange.pdf_layout import ensure_gui_app

INK = QColor("#1f2933")
MUTED = QColor("#7b8794")
GRID = QColor("#d9e2ec")
SERIES = (QColor("#9b1c2c"), QColor("#2f6690"), QColor("#9fb3c8"))  # firm, sector, province
BAR = QColor("#2f6690")
TOO_FEW = QColor("#e4e7eb")

Paint = Callable[[QPainter, QRectF, float], None]


def px(mm_value: float, dpi: float) -> float:
    return mm_value * dpi / 25.4


def _font(points: float, *, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(points)
    f.setBold(bold)
    f.setFeature(QFont.Tag("liga"), 0)
    return f


def score_colour(value: float) -> QColor:
    """1 (weak) red through 3 amber to 5 (strong) green."""
    stops = ((1.0, (198, 40, 40)), (3.0, (240, 180, 60)), (5.0, (46, 125, 50)))
    value = max(1.0, min(5.0, value))
    for (a, ca), (b, cb) in itertools.pairwise(stops):
        if value <= b:
            t = (value - a) / (b - a)
            r, g, bl = (round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))
            return QColor(r, g, bl)
    return QColor(*stops[-1][1])


@dataclass(frozen=True)
class HeatCell:
    mean: float | None
    n: int
    too_few: bool


def heat_map(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: Sequence[Sequence[HeatCell]],
    *,
    note: str = "",
) -> Paint:
    """Rows x columns of coloured cells: the average and, below it, n=firms. Cells with
    too few firms are grey with the figure in muted ink."""

    def paint(p: QPainter, rect: QRectF, dpi: float) -> None:
        label_font, cell_font, small = _font(7), _font(7, bold=True), _font(5.5)
        fm = QFontMetricsF(label_font, p.device())
        label_w = min(rect.width() * 0.28, max(fm.horizontalAdvance(r) for r in rows) + px(3, dpi))
        # Column labels slant up to the right at 40 degrees: room above for the longest,
        # and room on the right for the last columns' labels to end inside the chart.
        cos, sin = 0.766, 0.643
        widths = [fm.horizontalAdvance(c) for c in columns] or [0.0]
        head_h = min(rect.height() * 0.45, max(widths) * sin + px(4, dpi))
        n = max(1, len(columns))
        cw = (rect.width() - label_w) / n
        ascent = fm.ascent() * sin  # the slanted glyphs' tops lean right too
        right = max(0.0, *(w * cos + ascent - (n - j - 0.5) * cw for j, w in enumerate(widths)))
        cw = (rect.width() - label_w - right) / n
        foot = px(5, dpi) if note else 0.0
        ch = (rect.height() - head_h - foot) / max(1, len(rows))
        p.setPen(INK)
        for j, col in enumerate(columns):  # column labels, turned 45 degrees
            p.save()
            x = rect.left() + label_w + (j + 0.5) * cw
            p.translate(x, rect.top() + head_h - px(1, dpi))
            p.rotate(-40)
            p.setFont(label_font)
            p.drawText(QPointF(0, 0), col)
            p.restore()
        for i, row in enumerate(rows):
            y = rect.top() + head_h + i * ch
            p.setFont(label_font)
            p.setPen(INK)
            p.drawText(
                QRectF(rect.left(), y, label_w - px(2, dpi), ch),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                row,
            )
            for j, cell in enumerate(cells[i]):
                box = QRectF(rect.left() + label_w + j * cw, y, cw, ch).adjusted(1, 1, -1, -1)
                if cell.mean is None:
                    p.fillRect(box, QColor("#ffffff"))
                    p.setPen(QPen(GRID, 1))
                    p.drawRect(box)
                    continue
                p.fillRect(box, TOO_FEW if cell.too_few else score_colour(cell.mean))
                p.setPen(MUTED if cell.too_few else QColor("#ffffff"))
                p.setFont(cell_font)
                top = QRectF(box.left(), box.top(), box.width(), box.height() * 0.6)
                p.drawText(
                    top,
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                    f"{cell.mean:.1f}".replace(".", ","),
                )
                p.setFont(small)
                bottom = QRectF(box.left(), top.bottom(), box.width(), box.height() * 0.4)
                p.drawText(
                    bottom,
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    f"n={cell.n}",
                )
        if note:
            p.setFont(small)
            p.setPen(MUTED)
            p.drawText(
                QRectF(rect.left(), rect.bottom() - foot, rect.width(), foot),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                note,
            )

    return paint


def bars(
    data: Sequence[tuple[str, float]],
    fmt: Callable[[float], str],
    *,
    max_value: float | None = None,
    colour: QColor = BAR,
) -> Paint:
    """Horizontal bars with labels on the left and values at the bar ends."""

    def paint(p: QPainter, rect: QRectF, dpi: float) -> None:
        if not data:
            return
        font, bold = _font(7.5), _font(7.5, bold=True)
        fm = QFontMetricsF(font, p.device())
        label_w = min(
            rect.width() * 0.4, max(fm.horizontalAdvance(k) for k, _ in data) + px(3, dpi)
        )
        value_w = px(18, dpi)
        row_h = rect.height() / len(data)
        top = max_value or max(v for _, v in data) or 1.0
        span = rect.width() - label_w - value_w
        for i, (label, value) in enumerate(data):
            y = rect.top() + i * row_h
            p.setFont(font)
            p.setPen(INK)
            p.drawText(
                QRectF(rect.left(), y, label_w - px(2, dpi), row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            w = span * max(0.0, value) / top
            bar = QRectF(rect.left() + label_w, y + row_h * 0.18, w, row_h * 0.64)
            p.fillRect(bar, colour)
            p.setFont(bold)
            p.drawText(
                QRectF(bar.right() + px(1.5, dpi), y, value_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                fmt(value),
            )

    return paint


def grouped_scores(
    themes: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
) -> Paint:
    """Vertical bars per theme, one per series (firm, sector, province), on a 0-5 axis,
    with a legend on top."""

    def paint(p: QPainter, rect: QRectF, dpi: float) -> None:
        font, small = _font(7), _font(6.5)
        legend_h, label_h, axis_w = px(6, dpi), px(11, dpi), px(6, dpi)
        plot = QRectF(
            rect.left() + axis_w,
            rect.top() + legend_h,
            rect.width() - axis_w,
            rect.height() - legend_h - label_h,
        )
        x = rect.left() + axis_w
        p.setFont(font)
        fm = QFontMetricsF(font, p.device())
        for k, (name, _values) in enumerate(series):  # legend
            box = QRectF(x, rect.top() + px(1, dpi), px(3, dpi), px(3, dpi))
            p.fillRect(box, SERIES[k % len(SERIES)])
            p.setPen(INK)
            p.drawText(QPointF(box.right() + px(1.2, dpi), box.bottom() - px(0.3, dpi)), name)
            x = box.right() + px(1.2, dpi) + fm.horizontalAdvance(name) + px(5, dpi)
        p.setFont(small)
        for level in range(0, 6):  # grid and axis labels 0..5
            y = plot.bottom() - plot.height() * level / 5
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(MUTED)
            p.drawText(
                QRectF(rect.left(), y - px(2, dpi), axis_w - px(1, dpi), px(4, dpi)),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(level),
            )
        group_w = plot.width() / max(1, len(themes))
        bar_w = group_w * 0.7 / max(1, len(series))
        for i, theme in enumerate(themes):
            gx = plot.left() + i * group_w + group_w * 0.15
            for k, (_name, values) in enumerate(series):
                value = values[i]
                if value is None:
                    continue
                h = plot.height() * max(0.0, min(5.0, value)) / 5
                p.fillRect(
                    QRectF(gx + k * bar_w, plot.bottom() - h, bar_w * 0.92, h),
                    SERIES[k % len(SERIES)],
                )
            p.setPen(INK)
            p.setFont(small)
            p.drawText(
                QRectF(plot.left() + i * group_w, plot.bottom() + px(1, dpi), group_w, label_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                theme,
            )

    return paint


def to_png(paint: Paint, width_mm: float, height_mm: float, dpi: float = 200) -> bytes:
    """The chart as PNG bytes on white, ``dpi`` dots per inch (fonts sized to match)."""
    ensure_gui_app()
    image = QImage(round(px(width_mm, dpi)), round(px(height_mm, dpi)), QImage.Format.Format_RGB32)
    per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(per_metre)
    image.setDotsPerMeterY(per_metre)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        paint(painter, QRectF(0, 0, image.width(), image.height()), dpi)
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    buffer.close()
    return bytes(data.data())
