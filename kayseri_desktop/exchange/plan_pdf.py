"""The plan document as PDF: the same blocks as the .docx (exchange/plan_content.py)
through the app's PDF layout (exchange/pdf_layout.py), charts drawn as vectors and
Turkish letters in embedded fonts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt

from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.charts import Paint
from kayseri_desktop.exchange.pdf_layout import INK, MUTED, PdfDocument, TableColumn, mm
from kayseri_desktop.exchange.plan_content import (
    Figure,
    Heading,
    PageBreak,
    Para,
    PlanDocument,
    Table,
)

HEADING_SIZES = {1: 16.0, 2: 12.5, 3: 10.5}


class FlowPdf(PdfDocument):
    """PdfDocument with painted figures (shared by the plan and the scorecards)."""

    def figure(self, paint: Paint, width_mm: float, height_mm: float, caption: str = "") -> None:
        height = mm(height_mm)
        width = min(self.width, mm(width_mm))
        self.ensure(height + (mm(6) if caption else 0.0))
        if not self.dry:
            left = self.left + (self.width - width) / 2
            self.painter.save()
            try:
                paint(
                    self.painter,
                    QRectF(left, self.y, width, height),
                    float(self.writer.resolution()),
                )
            finally:
                self.painter.restore()
        self.y += height + mm(1.5)
        if caption:
            self.text(caption, 8, color=MUTED, gap_mm=3)


def _columns(table: Table) -> list[TableColumn]:
    right, left = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
    return [
        TableColumn(c.header, c.weight, right if c.numeric else left, c.fit) for c in table.columns
    ]


def draw_blocks(doc: FlowPdf, content: PlanDocument) -> None:
    doc.space(30)
    doc.text(content.subtitle, 13, color=MUTED)
    doc.text(content.title, 24, bold=True, gap_mm=4)
    doc.text(content.date_text, 12, gap_mm=8)
    blocks = content.blocks
    for i, block in enumerate(blocks):
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(block, Heading) and isinstance(after, Figure):
            doc.ensure(mm(after.height_mm + 22))  # a heading stays with its figure
        if isinstance(block, Heading):
            if block.level == 3:
                doc.ensure(mm(20))
                doc.text(block.text, HEADING_SIZES[3], bold=True, gap_mm=1.5)
            else:
                doc.heading(block.text, HEADING_SIZES[block.level])
        elif isinstance(block, Para):
            text = f"•  {block.text}" if block.bullet else block.text
            doc.text(text, 8.5 if block.muted else 10, color=MUTED if block.muted else INK)
        elif isinstance(block, Table):
            rows = [list(r) for r in block.rows]
            doc.table(
                _columns(block),
                rows,
                highlight=list(block.highlight) or None,
                size=7.5 if len(block.columns) >= 6 else 8.5,
            )
        elif isinstance(block, Figure):
            doc.figure(block.paint, block.width_mm, block.height_mm, block.caption)
        elif isinstance(block, PageBreak):
            doc.new_page()


def write_plan_pdf(content: PlanDocument, target: Path) -> int:
    """Write ``target`` completely or not at all; returns the page count."""
    with atomic_target(target) as tmp:
        doc = FlowPdf(
            str(tmp),
            title=content.title,
            footer_left=f"{content.subtitle} · {content.title} · {content.date_text}",
            landscape=False,
        )
        return doc.render(lambda _same: draw_blocks(doc, content))
