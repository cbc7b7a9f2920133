"""The meeting pack as a printable PDF: title page, the four parts, the charts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, Qt

from kayseri_desktop.exchange import pack_tables as tables
from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.pack_tables import NUMERIC, PackTable
from kayseri_desktop.exchange.pack_xlsx import COMMITTEE
from kayseri_desktop.exchange.pdf_layout import ACCENT, MUTED, PdfDocument, TableColumn
from kayseri_desktop.exchange.xlsx import CellValue
from kayseri_desktop.services.meeting_pack import PackData

_TR = QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)
RIGHT = Qt.AlignmentFlag.AlignRight
LEFT = Qt.AlignmentFlag.AlignLeft


def number(value: float | Decimal | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return _TR.toString(float(value), "f", decimals)


def percent(value: float | Decimal | None) -> str:
    return "—" if value is None else f"%{_TR.toString(float(value) * 100, 'f', 0)}"


def date(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


def _title_page(doc: PdfDocument, pack: PackData) -> None:
    doc.space(18)
    doc.text(COMMITTEE, 13, color=MUTED)
    doc.text("Toplantı Paketi", 28, bold=True, gap_mm=4)
    doc.text(f"Toplantı tarihi: {date(pack.held_on)}", 13)
    if pack.place:
        doc.text(f"Yer: {pack.place}", 13)
    doc.text(f"Dönem: {pack.period_text}", 13, gap_mm=6)
    doc.text("Gündem", 13, bold=True)
    for n, (item, carried) in enumerate(pack.agenda, start=1):
        doc.text(f"{n}. {item}" + ("  (önceki toplantıdan devreden)" if carried else ""), 10.5)
    if pack.attendees:
        doc.space(3)
        doc.text("Katılımcılar", 13, bold=True)
        doc.text(", ".join(pack.attendees), 10)


def cell_text(kind: str, value: CellValue) -> str:
    """A raw table value as Turkish text for the PDF (Excel gets the raw value)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        if kind in ("int", "money"):  # whole liras read better on paper; Excel keeps the kuruş
            return number(value)
        if kind == "dec1":
            return number(value, 1)
        if kind == "dec2":
            return number(value, 2)
        if kind == "percent":
            return percent(value)
    if isinstance(value, dt.date) and kind in ("date", "datetime"):
        return value.strftime("%d.%m.%Y %H:%M" if kind == "datetime" else "%d.%m.%Y")
    return str(value)


def _table(doc: PdfDocument, table: PackTable, *, size: float = 8.5, fraction: float = 1.0) -> None:
    columns = [
        TableColumn(c.header, c.weight, RIGHT if c.kind in NUMERIC else LEFT, c.kind != "text")
        for c in table.columns
    ]
    rows = [
        [cell_text(table.kind(i, c), v) for c, v in zip(table.columns, row, strict=True)]
        for i, row in enumerate(table.rows)
    ]
    doc.table(columns, rows, highlight=table.late or None, size=size, fraction=fraction)


def _parts(doc: PdfDocument, pack: PackData) -> None:
    doc.heading(tables.summary(pack).title)
    _table(doc, tables.summary(pack), size=10)
    doc.text(
        "Proje sayıları bugünkü durumdur (durum geçmişi tutulmaz); diğer göstergeler "
        "toplantı tarihindeki durumu gösterir.",
        8,
        color=MUTED,
    )
    visits = tables.visits(pack)
    doc.new_page()
    doc.heading(visits.title)
    doc.text(f"Dönemde yapılan yerinde ziyaret: {number(len(pack.visits))}", 10.5, bold=True)
    for label, counts in (("İlçe", pack.visits_by_district), ("Sektör", pack.visits_by_sector)):
        _table(doc, tables.visit_counts(label, label, counts), size=9, fraction=0.4)
    _table(doc, visits)
    for make in (tables.projects, tables.decisions):
        table = make(pack)
        doc.new_page()
        doc.heading(table.title)
        _table(doc, table)
    doc.text(
        "Kırmızı satırlar süresi geçmiş kilometre taşı ya da kararları gösterir.", 8, color=ACCENT
    )


def _charts(doc: PdfDocument, pack: PackData) -> None:
    doc.new_page()
    doc.heading("5. Grafikler")
    targeted = [(r.label, p) for r in pack.summary if (p := r.percent_of_target) is not None]
    top = max([1.0, *(v for _, v in targeted)])
    doc.bar_chart("Hedefe göre gerçekleşme", targeted, percent, max_value=top)
    for title, _unit, data, kind in tables.chart_series(pack):
        scale = 5.0 if kind == "dec2" else None  # scores are out of 5
        doc.bar_chart(title, data, partial(cell_text, kind), max_value=scale)


def write_pack_pdf(pack: PackData, target: Path) -> int:
    """Write the pack to ``target`` completely or not at all; returns the page count."""

    def draw(d: PdfDocument) -> None:
        _title_page(d, pack)
        d.new_page()
        _parts(d, pack)
        _charts(d, pack)

    with atomic_target(target) as tmp:
        doc = PdfDocument(
            str(tmp),
            title=f"Üst Kurul toplantı paketi {date(pack.held_on)}",
            footer_left=f"{COMMITTEE} · Toplantı {date(pack.held_on)}",
        )
        return doc.render(draw)
