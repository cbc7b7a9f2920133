"""A small flowing page layout on Qt's own PDF writer (QtGui only, no widgets).

Headings, paragraphs, tables that break across pages with their header repeated,
and vector bar charts. Pages are laid out twice: once to count them, once to draw
with "Sayfa n / N" in the footer. Qt embeds the fonts it uses (subsets), so
Turkish letters come out right in any PDF reader and text can be extracted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

DPI = 300
INK = QColor("#1f2933")
MUTED = QColor("#52606d")
ACCENT = QColor("#9b1c2c")  # KTO red, used for late items
RULE = QColor("#cbd2d9")
HEADER_BG = QColor("#e4ebf2")
BAR = QColor("#2f6690")


def ensure_gui_app() -> QGuiApplication:
    """Fonts need a QGuiApplication; the command line has none, so make an offscreen one."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return QGuiApplication([])
    if not isinstance(app, QGuiApplication):  # a QCoreApplication has no fonts
        raise RuntimeError(
            "PDF yazmak için yazı tipleri gerekir; uygulama grafik arayüzsüz açılmış."
        )
    return app


def mm(value: float) -> float:
    return value * DPI / 25.4


@dataclass(frozen=True)
class TableColumn:
    header: str
    weight: float
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    fit: bool = False  # as wide as its widest cell (numbers, dates, codes never wrap)


class PdfDocument:
    """Flowing layout over one QPdfWriter; call ``render(draw)`` with a drawing function."""

    # Set by _begin() for each pass (the counting one and the drawing one).
    dry: bool
    writer: QPdfWriter
    painter: QPainter
    _buffer: QBuffer
    left: float
    top: float
    width: float
    height: float
    right: float
    bottom: float
    y: float
    page: int
    total: int

    def __init__(self, path: str, *, title: str, footer_left: str, landscape: bool = True) -> None:
        ensure_gui_app()
        self.landscape = landscape
        self.path = path
        self.title = title
        self.footer_left = footer_left
        self.family = QFont().defaultFamily() or "Sans Serif"

    # -- public API used by the drawing function -------------------------------------

    def render(self, draw: Callable[[PdfDocument], None]) -> int:
        self.total = 0
        for dry in (True, False):
            self._begin(dry=dry)
            try:
                draw(self)
            finally:
                self._end()
            self.total = self.page
        return self.total

    def font(self, size: float, *, bold: bool = False) -> QFont:
        f = QFont(self.family)
        f.setPointSizeF(size)
        f.setBold(bold)
        # No "fi"/"fl" ligatures: copied or searched text must read "firma", not "ﬁrma".
        f.setFeature(QFont.Tag("liga"), 0)
        return f

    def new_page(self) -> None:
        self._footer()
        if not self.dry:
            self.writer.newPage()
        self.page += 1
        self.y = self.top

    def space(self, height_mm: float) -> None:
        self.y += mm(height_mm)

    def ensure(self, height: float) -> None:
        if self.y + height > self.bottom:
            self.new_page()

    def text(
        self,
        text: str,
        size: float = 10,
        *,
        bold: bool = False,
        color: QColor = INK,
        gap_mm: float = 1.5,
    ) -> None:
        font = self.font(size, bold=bold)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        rect = QRectF(self.left, self.y, self.width, 10 * self.height)
        needed = QFontMetricsF(font, self.writer).boundingRect(rect, int(flags), text).height()
        self.ensure(needed)
        if not self.dry:
            self.painter.setFont(font)
            self.painter.setPen(color)
            self.painter.drawText(QRectF(self.left, self.y, self.width, needed), int(flags), text)
        self.y += needed + mm(gap_mm)

    def heading(self, text: str, size: float = 15) -> None:
        self.ensure(mm(30))  # never leave a heading alone at the foot of a page
        self.text(text, size, bold=True, gap_mm=1)
        if not self.dry:
            self.painter.setPen(QPen(ACCENT, mm(0.5)))
            self.painter.drawLine(QPointF(self.left, self.y), QPointF(self.right, self.y))
        self.y += mm(3)

    def table(
        self,
        columns: Sequence[TableColumn],
        rows: Sequence[Sequence[str]],
        *,
        highlight: Sequence[bool] | None = None,
        size: float = 8.5,
        fraction: float = 1.0,
    ) -> None:
        """A table with wrapped cells; rows never split; header repeated on new pages.

        ``fraction`` of the page width is used (small two-column tables stay narrow).
        """
        table_width = self.width * fraction
        pad = mm(1.2)
        body, head = self.font(size), self.font(size, bold=True)
        metrics = {False: QFontMetricsF(body, self.writer), True: QFontMetricsF(head, self.writer)}
        widths = self._column_widths(columns, rows, table_width, pad, metrics[True])

        def row_height(cells: Sequence[str], font: QFont) -> float:
            fm = metrics[font.bold()]
            tallest = 0.0
            for text, w in zip(cells, widths, strict=False):
                r = QRectF(0, 0, w - 2 * pad, 10 * self.height)
                flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
                tallest = max(tallest, fm.boundingRect(r, flags, text).height())
            return tallest + 2 * pad

        def draw_row(
            cells: Sequence[str], font: QFont, fill: QColor | None = None, color: QColor = INK
        ) -> None:
            h = row_height(cells, font)
            if not self.dry:
                if fill is not None:
                    self.painter.fillRect(QRectF(self.left, self.y, table_width, h), fill)
                self.painter.setFont(font)
                self.painter.setPen(color)
                x = self.left
                for text, w, col in zip(cells, widths, columns, strict=False):
                    flags = int(col.align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
                    self.painter.drawText(
                        QRectF(x + pad, self.y + pad, w - 2 * pad, h), flags, text
                    )
                    x += w
                self.painter.setPen(QPen(RULE, mm(0.2)))
                self.painter.drawLine(
                    QPointF(self.left, self.y + h), QPointF(self.left + table_width, self.y + h)
                )
            self.y += h

        headers = [c.header for c in columns]
        header_h = row_height(headers, head)
        first = row_height(rows[0], body) if rows else 0.0
        self.ensure(header_h + first)
        draw_row(headers, head, HEADER_BG)
        for i, cells in enumerate(rows):
            h = row_height(cells, body)
            if self.y + h > self.bottom:
                self.new_page()
                draw_row(headers, head, HEADER_BG)
            late = bool(highlight and highlight[i])
            draw_row(cells, head if late else body, None, ACCENT if late else INK)
        self.y += mm(4)

    @staticmethod
    def _column_widths(
        columns: Sequence[TableColumn],
        rows: Sequence[Sequence[str]],
        table_width: float,
        pad: float,
        fm: QFontMetricsF,
    ) -> list[float]:
        """Fitted columns take their widest cell (bold, header words); the rest share by weight."""
        fitted: dict[int, float] = {}
        for i, col in enumerate(columns):
            if col.fit:
                words = [fm.horizontalAdvance(w) for w in col.header.split()]
                cells = [fm.horizontalAdvance(row[i]) for row in rows]
                fitted[i] = max([*words, *cells, 0.0]) + 2 * pad
        rest = max(table_width * 0.3, table_width - sum(fitted.values()))
        weights = sum(c.weight for i, c in enumerate(columns) if i not in fitted) or 1.0
        return [
            fitted[i] if i in fitted else rest * c.weight / weights for i, c in enumerate(columns)
        ]

    def bar_chart(
        self,
        title: str,
        data: Sequence[tuple[str, float]],
        fmt: Callable[[float], str],
        *,
        max_value: float | None = None,
    ) -> None:
        """Horizontal bars, drawn as vectors; labels left, exact values at the bar ends."""
        if not data:
            return
        bar_h, gap = mm(5), mm(1.8)
        label_font, value_font = self.font(8.5), self.font(8.5, bold=True)
        fm = QFontMetricsF(label_font, self.writer)
        label_w = min(self.width * 0.35, max(fm.horizontalAdvance(lbl) for lbl, _ in data) + mm(3))
        chart_h = len(data) * (bar_h + gap) + mm(12)
        self.ensure(chart_h)
        self.text(title, 11, bold=True, gap_mm=2)
        top = max_value or max(v for _, v in data) or 1.0
        span = self.width - label_w - mm(28)
        for label, value in data:
            if not self.dry:
                p = self.painter
                p.setFont(label_font)
                p.setPen(INK)
                p.drawText(
                    QRectF(self.left, self.y, label_w - mm(2), bar_h),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    label,
                )
                w = span * max(0.0, value) / top
                p.fillRect(QRectF(self.left + label_w, self.y, w, bar_h), BAR)
                p.setFont(value_font)
                p.drawText(
                    QRectF(self.left + label_w + w + mm(1.5), self.y, mm(30), bar_h),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    fmt(value),
                )
            self.y += bar_h + gap
        self.y += mm(5)

    # -- internals ------------------------------------------------------------------

    def _begin(self, *, dry: bool) -> None:
        self.dry = dry
        if dry:  # the counting pass writes into memory and is thrown away
            self._buffer = QBuffer()
            self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            self.writer = QPdfWriter(self._buffer)
        else:
            self.writer = QPdfWriter(self.path)
        self.writer.setResolution(DPI)
        self.writer.setTitle(self.title)
        self.writer.setCreator("Kayseri İhracat Koordinasyon Masası")
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape
            if self.landscape
            else QPageLayout.Orientation.Portrait,
            QMarginsF(15, 14, 15, 16),
            QPageLayout.Unit.Millimeter,
        )
        self.writer.setPageLayout(layout)
        self.painter = QPainter(self.writer)
        paint = layout.paintRectPixels(DPI)
        self.left, self.top = 0.0, 0.0
        self.width, self.height = float(paint.width()), float(paint.height())
        self.right = self.width
        self.bottom = self.height - mm(8)  # footer band
        self.y = self.top
        self.page = 1

    def _footer(self) -> None:
        if self.dry:
            return
        p = self.painter
        p.setFont(self.font(7.5))
        p.setPen(MUTED)
        band = QRectF(self.left, self.height - mm(5), self.width, mm(5))
        p.drawText(
            band, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.footer_left
        )
        p.drawText(
            band,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"Sayfa {self.page} / {self.total}",
        )

    def _end(self) -> None:
        self._footer()
        self.painter.end()
