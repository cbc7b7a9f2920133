"""Saving a chart as PNG or SVG, laid out for a presentation slide.

The chart on screen may be a small tile of the Pano; a screenshot of it scaled up
looks blurred and cramped. Instead a copy of the chart is drawn again from the same
figures, off screen, at a 16:9 slide size (SLIDE_SIZE, in points-like logical
pixels), and rendered: into a PNG of SLIDE_WIDTH pixels across (1920×1080), or into
an SVG through Qt's SVG generator (vector; pyqtgraph's own SVGExporter fails on the
paths Qt 6.12 writes for bar items, and its ImageExporter scales text unevenly).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

if TYPE_CHECKING:
    from kayseri_desktop.gui.dashboard.chart import Chart

SLIDE_SIZE = QSize(1280, 720)
SLIDE_WIDTH = 1920
"""Pixels across a PNG export: a full-HD slide."""

FORMATS = ("png", "svg")


def export_chart(chart: Chart, path: str | os.PathLike, fmt: str | None = None) -> Path:
    """Write the chart (title, axes, legend included) to ``path``; return the final path.

    The file is written beside the target under a temporary name and renamed into
    place, so a failed export never leaves half a file where the old one was. The
    format follows ``fmt`` or the file's suffix (png/svg); a missing suffix is added.
    """
    target = Path(path)
    fmt = (fmt or target.suffix.lstrip(".") or "png").lower()
    if fmt not in FORMATS:
        raise ValueError(f"Desteklenmeyen biçim: {fmt}")
    if target.suffix.lower() != f".{fmt}":
        target = target.with_name(target.name + f".{fmt}")
    partial = target.with_name(f".{target.stem}.kaydediliyor.{fmt}")
    copy = chart.slide_copy(SLIDE_SIZE)
    try:
        if fmt == "png":
            _write_png(copy, partial)
        else:
            _write_svg(copy, partial)
        if not partial.exists() or partial.stat().st_size == 0:
            raise OSError(f"{target} yazılamadı.")
        os.replace(partial, target)
    finally:
        copy.close()
        copy.deleteLater()
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
    return target


def _paint(copy: Chart, painter: QPainter) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    target = QRectF(0, 0, SLIDE_SIZE.width(), SLIDE_SIZE.height())
    painter.fillRect(target, QColor("white"))
    copy.scene().render(painter, target, copy.plotItem.sceneBoundingRect())


def _write_png(copy: Chart, path: Path) -> None:
    scale = SLIDE_WIDTH / SLIDE_SIZE.width()
    image = QImage(
        SLIDE_WIDTH, round(SLIDE_SIZE.height() * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        _paint(copy, painter)
    finally:
        painter.end()
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]  # stubs: bytes; Qt: str
        raise OSError(f"{path} yazılamadı.")


def _write_svg(copy: Chart, path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(SLIDE_SIZE)
    generator.setResolution(copy.logicalDpiX())  # text measured as on screen, not at 72 dpi
    generator.setViewBox(QRect(0, 0, SLIDE_SIZE.width(), SLIDE_SIZE.height()))
    generator.setTitle(copy.title())
    generator.setDescription(QCoreApplication.applicationName())
    painter = QPainter(generator)
    try:
        _paint(copy, painter)
    finally:
        painter.end()


def prepare_offscreen(widget, size: QSize) -> None:
    """Lay a widget out at ``size`` without ever showing it on screen."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(size)
    widget.show()
    QCoreApplication.sendPostedEvents()
