"""The meeting pack as an Excel workbook: one sheet per part, native live charts.

Every chart is an openpyxl chart whose series point at cells of the sheet it
sits on, so editing a figure in Excel redraws the chart. Each sheet prints on A4
landscape, fitted to the page width, with the header row repeated and the
meeting's date and page numbers in the header and footer.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from kayseri_desktop.exchange.xlsx import (
    FMT_DATE,
    FMT_DATETIME,
    FMT_INT,
    FMT_MONEY,
    FMT_PERCENT,
    Column,
    fill_sheet,
    save_atomic,
)
from kayseri_desktop.services.meeting_pack import PackData

COMMITTEE = "İl İhracatı Geliştirme Üst Kurulu"
FMT_ONE_DECIMAL = "#,##0.0"


def _print_setup(ws: Worksheet, pack: PackData, part: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.oddHeader.left.text = COMMITTEE
    ws.oddHeader.right.text = f"Toplantı: {pack.held_on:%d.%m.%Y} — {part}"
    ws.oddFooter.left.text = pack.period_text
    ws.oddFooter.right.text = "Sayfa &P / &N"


def _summary_sheet(wb: Workbook, pack: PackData) -> None:
    ws = wb.create_sheet("Özet")
    cols = [
        Column("Gösterge", 34),
        Column("Bu toplantı", 14, FMT_ONE_DECIMAL),
        Column("Önceki toplantı", 16, FMT_ONE_DECIMAL),
        Column("Değişim", 12, FMT_ONE_DECIMAL),
        Column("Hedef", 12, FMT_ONE_DECIMAL),
        Column("Hedefe göre", 13, FMT_PERCENT),
        Column("Birim", 12),
    ]
    rows = [
        (r.label, r.now, r.previous, r.change, r.target, r.percent_of_target, r.unit)
        for r in pack.summary
    ]
    fill_sheet(ws, cols, rows)
    targeted = [i for i, r in enumerate(pack.summary) if r.target]
    if targeted:
        # A live helper table (formulas into the table above) feeds the chart.
        ws["I1"], ws["J1"] = "Hedefli gösterge", "Hedefe göre"
        for n, i in enumerate(targeted, start=2):
            ws.cell(row=n, column=9, value=f"=A{i + 2}")
            ws.cell(row=n, column=10, value=f"=F{i + 2}").number_format = FMT_PERCENT
        ws.column_dimensions["I"].width = 34
        chart = BarChart()
        chart.type = "bar"
        chart.title = "Hedefe göre gerçekleşme"
        chart.legend = None
        chart.y_axis.number_format = "0%"
        chart.y_axis.scaling.min = 0
        last = 1 + len(targeted)
        chart.add_data(Reference(ws, min_col=10, min_row=1, max_row=last), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=9, min_row=2, max_row=last))
        chart.height, chart.width = 7.5, 16
        ws.add_chart(chart, f"I{last + 2}")
    _print_setup(ws, pack, "Özet")


def _visits_sheet(wb: Workbook, pack: PackData) -> None:
    ws = wb.create_sheet("Ziyaretler")
    cols = [
        Column("Tarih", 17, FMT_DATETIME),
        Column("Firma", 48),
        Column("İlçe", 14),
        Column("Sektör", 26),
        Column("Saha ekibi", 36),
        Column("Ortalama puan (1-5)", 12, "0.00"),
        Column("Tespit edilen ihtiyaçlar", 60),
    ]
    fill_sheet(
        ws,
        cols,
        [
            (v.day, v.firm, v.district, v.sector, v.team, v.average_score, v.needs)
            for v in pack.visits
        ],
    )
    _print_setup(ws, pack, "Ziyaretler")


def _projects_sheet(wb: Workbook, pack: PackData) -> None:
    ws = wb.create_sheet("Projeler")
    cols = [
        Column("Kod", 13),
        Column("Proje", 46),
        Column("Yürütücü", 14),
        Column("Ortaklar", 36),
        Column("İlerleme", 10, FMT_PERCENT),
        Column("Bütçe (TL)", 15, FMT_MONEY),
        Column("Harcanan (TL)", 15, FMT_MONEY),
        Column("Bütçe kullanımı", 12, FMT_PERCENT),
        Column("Bitiş", 12, FMT_DATE),
        Column("Geciken kilometre taşları", 60),
    ]
    rows = [
        (
            p.code,
            p.title,
            p.lead,
            p.partners,
            p.progress / 100,
            p.budget_try,
            p.spent_try,
            p.budget_use,
            p.end_date,
            "; ".join(f"{t} ({d:%d.%m.%Y})" for t, d in p.late_milestones),
        )
        for p in pack.projects
    ]
    fill_sheet(ws, cols, rows)
    _print_setup(ws, pack, "Projeler")


def _decisions_sheet(wb: Workbook, pack: PackData) -> None:
    ws = wb.create_sheet("Kararlar")
    cols = [
        Column("Sorumlu kurum", 16),
        Column("Karar", 70),
        Column("Karar tarihi", 12, FMT_DATE),
        Column("Son tarih", 12, FMT_DATE),
        Column("Durum", 16),
        Column("Proje", 13),
    ]
    rows = [
        (
            d.owner,
            d.text,
            d.decided_on,
            d.due_date,
            ("SÜRESİ GEÇTİ" if d.late else "Açık") + (" · devreden" if d.carried_over else ""),
            d.project,
        )
        for d in pack.decisions
    ]
    fill_sheet(ws, cols, rows)
    _print_setup(ws, pack, "Kararlar")


def _charts_sheet(wb: Workbook, pack: PackData) -> None:
    """Small data tables side by side; their charts stacked beneath, one under another."""
    ws = wb.create_sheet("Grafikler")
    blocks = [
        ("İlçelere göre ziyaret", "Ziyaret", pack.visits_by_district, FMT_INT),
        ("Sektörlere göre ziyaret", "Ziyaret", pack.visits_by_sector, FMT_INT),
        ("Temalara göre ortalama puan", "Puan (1-5)", pack.theme_scores, "0.00"),
    ]
    # Each block: label column + value column, separated by an empty column.
    anchor_row = 2 + max((len(b[2]) for b in blocks), default=0) + 2
    for i, (title, unit, data, fmt) in enumerate(blocks):
        c0 = 1 + i * 3
        ws.cell(row=1, column=c0, value=title).font = Font(bold=True)
        ws.cell(row=1, column=c0 + 1, value=unit).font = Font(bold=True)
        for r, (label, value) in enumerate(data, start=2):
            ws.cell(row=r, column=c0, value=label)
            ws.cell(row=r, column=c0 + 1, value=value).number_format = fmt
        letter = ws.cell(row=1, column=c0).column_letter
        ws.column_dimensions[letter].width = 28
        if not data:
            continue
        chart = BarChart()
        chart.type = "bar"
        chart.title = title
        chart.legend = None
        chart.y_axis.title = unit
        chart.add_data(
            Reference(ws, min_col=c0 + 1, min_row=1, max_row=1 + len(data)), titles_from_data=True
        )
        chart.set_categories(Reference(ws, min_col=c0, min_row=2, max_row=1 + len(data)))
        chart.height = max(7.5, 0.55 * len(data) + 3)
        chart.width = 24
        ws.add_chart(chart, f"A{anchor_row}")
        anchor_row += int(chart.height / 0.5) + 2  # default rows are 0.53 cm tall
    ws.freeze_panes = "A2"
    _print_setup(ws, pack, "Grafikler")


def write_pack_xlsx(pack: PackData, target: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    _summary_sheet(wb, pack)
    _visits_sheet(wb, pack)
    _projects_sheet(wb, pack)
    _decisions_sheet(wb, pack)
    _charts_sheet(wb, pack)
    wb.properties.title = f"Üst Kurul toplantı paketi {pack.held_on:%d.%m.%Y}"
    wb.properties.creator = "Kayseri İhracat Koordinasyon Masası"
    return save_atomic(wb, target)
