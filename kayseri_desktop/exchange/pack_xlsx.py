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
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from kayseri_desktop.exchange import pack_tables as tables
from kayseri_desktop.exchange.pack_tables import EXCEL_FORMATS, PackTable, excel_format
from kayseri_desktop.exchange.xlsx import Column, fill_sheet, save_atomic
from kayseri_desktop.services.meeting_pack import PackData

COMMITTEE = "İl İhracatı Geliştirme Üst Kurulu"
LATE_FONT = Font(bold=True, color="9B1C2C")


def _print_setup(ws: Worksheet, pack: PackData, part: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    fit = ws.sheet_properties.pageSetUpPr
    if fit is None:
        fit = ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    fit.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    header, footer = ws.oddHeader, ws.oddFooter
    assert header is not None and footer is not None  # openpyxl makes both with the sheet
    header.left.text = COMMITTEE
    header.right.text = f"Toplantı: {pack.held_on:%d.%m.%Y} — {part}"
    footer.left.text = pack.period_text
    footer.right.text = "Sayfa &P / &N"


def _columns(table: PackTable) -> list[Column]:
    return [Column(c.header, c.width, EXCEL_FORMATS.get(c.kind)) for c in table.columns]


def _table_sheet(wb: Workbook, pack: PackData, table: PackTable) -> Worksheet:
    ws: Worksheet = wb.create_sheet(table.sheet)
    fill_sheet(ws, _columns(table), table.rows)
    for j, column in enumerate(table.columns, start=1):
        if column.kind == "figure":  # each row its own format: counts whole, sums decimal
            for i in range(len(table.rows)):
                ws.cell(row=i + 2, column=j).number_format = excel_format(table.kind(i, column))
    for i, late in enumerate(table.late, start=2):
        if late:
            for cell in ws[i]:
                cell.font = LATE_FONT
    _print_setup(ws, pack, table.sheet)
    return ws


def _target_chart(ws: Worksheet, pack: PackData) -> None:
    """Achievement against target, fed by a live helper table of formulas into the summary."""
    targeted = [i for i, r in enumerate(pack.summary) if r.target]
    if not targeted:
        return
    ws["I1"], ws["J1"] = "Hedefli gösterge", "Hedefe göre"
    for n, i in enumerate(targeted, start=2):
        ws.cell(row=n, column=9, value=f"=A{i + 2}")
        ws.cell(row=n, column=10, value=f"=F{i + 2}").number_format = excel_format("percent")
    ws.column_dimensions["I"].width = 34
    last = 1 + len(targeted)
    chart = _bar_chart("Hedefe göre gerçekleşme", "", ws, 9, 10, last)
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    ws.add_chart(chart, f"I{last + 2}")


def _bar_chart(
    title: str, unit: str, ws: Worksheet, label_col: int, value_col: int, last: int
) -> BarChart:
    """A horizontal bar chart over labels and values in rows 2..last of the sheet itself."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    if unit:
        chart.y_axis.title = unit
    chart.add_data(Reference(ws, min_col=value_col, min_row=1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=label_col, min_row=2, max_row=last))
    chart.height = max(7.5, 0.55 * (last - 1) + 3)
    chart.width = 24
    return chart


def _charts_sheet(wb: Workbook, pack: PackData) -> None:
    """Small data tables side by side; their charts stacked beneath, one under another."""
    ws: Worksheet = wb.create_sheet("Grafikler")
    series = tables.chart_series(pack)
    anchor_row = 2 + max((len(data) for _, _, data, _ in series), default=0) + 2
    for i, (title, unit, data, kind) in enumerate(series):
        c0 = 1 + i * 3
        ws.cell(row=1, column=c0, value=title).font = Font(bold=True)
        ws.cell(row=1, column=c0 + 1, value=unit).font = Font(bold=True)
        for r, (label, value) in enumerate(data, start=2):
            ws.cell(row=r, column=c0, value=label)
            ws.cell(row=r, column=c0 + 1, value=value).number_format = excel_format(kind)
        ws.column_dimensions[get_column_letter(c0)].width = 34
        if data:
            chart = _bar_chart(title, unit, ws, c0, c0 + 1, 1 + len(data))
            ws.add_chart(chart, f"A{anchor_row}")
            anchor_row += int(chart.height / 0.5) + 2  # default rows are 0.53 cm tall
    ws.freeze_panes = "A2"
    _print_setup(ws, pack, "Grafikler")


def write_pack_xlsx(pack: PackData, target: Path) -> Path:
    wb = Workbook()
    first = wb.active  # the empty sheet a new workbook starts with
    if first is not None:
        wb.remove(first)
    _target_chart(_table_sheet(wb, pack, tables.summary(pack)), pack)
    for make in (tables.visits, tables.projects, tables.decisions):
        _table_sheet(wb, pack, make(pack))
    _charts_sheet(wb, pack)
    wb.properties.title = f"Üst Kurul toplantı paketi {pack.held_on:%d.%m.%Y}"
    wb.properties.creator = "Kayseri İhracat Koordinasyon Masası"
    return save_atomic(wb, target)
