"""The plan document as .docx for the secretary to edit in Word (python-docx).

Real Heading 1-3 styles (Word's navigation pane and table of contents work), tables
in the "Table Grid" style with the header row repeated on every page, charts as PNG
images (exchange/charts.py) with captions. Written through exchange/atomic.py.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Row

from kayseri_desktop.exchange import charts
from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.plan_content import (
    Figure,
    Heading,
    PageBreak,
    Para,
    PlanDocument,
    Table,
)

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 18.0
TEXT_W = PAGE_W - 2 * MARGIN
MUTED = RGBColor(0x52, 0x60, 0x6D)
LATE = RGBColor(0x9B, 0x1C, 0x2C)


def _repeat_header(row: _Row) -> None:
    """Mark a table row as the header Word repeats at the top of each page."""
    props = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    props.append(flag)


def _table(doc: DocxDocument, table: Table) -> None:
    cols = table.columns
    t = doc.add_table(rows=1, cols=len(cols))
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    fitted = {i: 14.0 for i, c in enumerate(cols) if c.fit}
    rest = TEXT_W - sum(fitted.values())
    weights = sum(c.weight for i, c in enumerate(cols) if i not in fitted) or 1.0
    widths = [fitted.get(i, rest * c.weight / weights) for i, c in enumerate(cols)]
    size = Pt(8 if len(cols) >= 6 else 9)

    def fill(cells: tuple[str, ...], row: _Row, *, bold: bool, colour: RGBColor | None) -> None:
        for i, (cell, text) in enumerate(zip(row.cells, cells, strict=False)):
            cell.width = Mm(widths[i])
            p = cell.paragraphs[0]
            if cols[i].numeric:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for k, line in enumerate(text.split("\n")):
                run = p.add_run(line)
                run.font.size = size
                run.bold = bold or (k == 0 and len(text.split("\n")) > 1 and i == 1)
                if colour is not None:
                    run.font.color.rgb = colour
                if k < len(text.split("\n")) - 1:
                    run.add_break()

    header = t.rows[0]
    _repeat_header(header)
    fill(tuple(c.header for c in cols), header, bold=True, colour=None)
    for n, cells in enumerate(table.rows):
        late = bool(table.highlight) and table.highlight[n]
        fill(cells, t.add_row(), bold=False, colour=LATE if late else None)
    doc.add_paragraph()


def build(content: PlanDocument) -> DocxDocument:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN))
    props = doc.core_properties
    props.title = content.title
    props.subject = content.subtitle
    props.author = "Kayseri Ticaret Odası"
    props.language = "tr-TR"
    doc.add_paragraph(content.subtitle, style="Subtitle")
    doc.add_paragraph(content.title, style="Title")
    doc.add_paragraph(content.date_text)
    figure_no = 0
    for block in content.blocks:
        if isinstance(block, Heading):
            doc.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            p = doc.add_paragraph(block.text, style="List Bullet" if block.bullet else None)
            if block.muted:
                for run in p.runs:
                    run.font.color.rgb = MUTED
                    run.font.size = Pt(9)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Figure):
            figure_no += 1
            png = charts.to_png(block.paint, block.width_mm, block.height_mm)
            doc.add_picture(io.BytesIO(png), width=Mm(min(block.width_mm, TEXT_W)))
            doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            doc.add_paragraph(block.caption, style="Caption")
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    return doc


def write_plan_docx(content: PlanDocument, target: Path) -> None:
    """Write ``target`` completely or not at all."""
    doc = build(content)
    with atomic_target(target) as tmp:
        doc.save(str(tmp))
