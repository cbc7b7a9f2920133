"""The Pano's five bar charts, each filled from one services.dashboard_stats result.

Each ``show_*`` function turns figures into Series (values, Turkish tooltips, what a
click opens) and hands them to a BarChart. Click payloads are filter keywords for
MainWindow.show_firms() / show_projects().
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from kayseri_desktop.core.catalogues import DISTRICTS, EVALUATION_THEMES, PROJECT_STATUSES, SECTORS
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.dashboard.bars import BarChart, Bars, BarSample, Segment, Series
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services.dashboard_stats import Count, InstitutionProjects, ThemeScore

BAR_COLOR = "#b3202a"
SECOND_COLOR = "#2f6db5"
STATUS_COLORS = {
    "idea": "#b8bec6",
    "planned": "#6d9bd1",
    "running": "#e0a030",
    "done": "#5b9a68",
    "cancelled": "#8a6d6d",
}
PARTNER_ALPHA = 90
PROJECT_INSTITUTIONS = 10
"""The busiest institutions shown in the projects chart (the rest named in the tooltip)."""


def _label(catalogue, code: str | None) -> str:
    return (
        catalogue.label(code, current_language())
        if code
        else QCoreApplication.translate("DashboardCharts", "Belirtilmemiş")
    )


def _share(value: float, total: float) -> str:
    return formatting.percent(100 * value / total, 1) if total else formatting.percent(0)


def show_counts(chart: BarChart, rows: list[Count], catalogue, filter_key: str, title: str) -> None:
    """Firms per sector or district, largest first; click opens the registry filtered."""
    rows = sorted(rows, key=lambda r: (-r.value, _label(catalogue, r.code)))
    total = sum(r.value for r in rows)
    segments = [
        Segment(
            r.value,
            formatting.fill(
                QCoreApplication.translate("DashboardCharts", "%1: %2 firma (%3)"),
                _label(catalogue, r.code),
                formatting.number(r.value),
                _share(r.value, total),
            ),
            {filter_key: r.code} if r.code else None,
        )
        for r in rows
    ]
    chart.set_title(title)
    chart.set_bars(
        [_label(catalogue, r.code) for r in rows],
        [Series("firms", segments, BAR_COLOR)],
        axis_label=QCoreApplication.translate("DashboardCharts", "firma"),
    )


def show_sectors(chart: BarChart, rows: list[Count]) -> None:
    show_counts(
        chart,
        rows,
        SECTORS,
        "sector",
        QCoreApplication.translate("DashboardCharts", "Firmalar — sektörlere göre"),
    )


def show_districts(chart: BarChart, rows: list[Count]) -> None:
    show_counts(
        chart,
        rows,
        DISTRICTS,
        "district",
        QCoreApplication.translate("DashboardCharts", "Firmalar — ilçelere göre"),
    )


def show_exports(chart: BarChart, rows: list[Count], year: int | None) -> None:
    """Exports per sector in million USD (tooltips give the exact dollars)."""
    rows = sorted(rows, key=lambda r: (-r.value, _label(SECTORS, r.code)))
    total = sum(r.value for r in rows)
    segments = [
        Segment(
            r.value / 1e6,
            formatting.fill(
                QCoreApplication.translate("DashboardCharts", "%1, %2: %3 USD (%4)"),
                _label(SECTORS, r.code),
                year or "",
                formatting.number(r.value),
                _share(r.value, total),
            ),
            {"sector": r.code} if r.code else None,
        )
        for r in rows
    ]
    title = (
        formatting.fill(
            QCoreApplication.translate("DashboardCharts", "İhracat %1 — sektörlere göre"), year
        )
        if year
        else QCoreApplication.translate("DashboardCharts", "İhracat — sektörlere göre (kayıt yok)")
    )
    chart.set_title(title)
    chart.set_bars(
        [_label(SECTORS, r.code) for r in rows],
        [Series("exports", segments, SECOND_COLOR)],
        axis_label=QCoreApplication.translate("DashboardCharts", "milyon USD"),
    )


def show_themes(
    chart: BarChart, everyone: list[ThemeScore], sector: str | None, chosen: list[ThemeScore]
) -> None:
    """Average score (1-5) per theme: all evaluated firms, and the chosen sector beside it."""
    labels = [EVALUATION_THEMES.label(t.theme, current_language()) for t in everyone]

    def segments(scores: list[ThemeScore], who: str, payload) -> list[Segment | None]:
        out: list[Segment | None] = []
        for label, t in zip(labels, scores, strict=True):
            if t.average is None:
                out.append(None)
                continue
            text = formatting.fill(
                QCoreApplication.translate("DashboardCharts", "%1 — %2: ortalama %3 (%4 firma)"),
                label,
                who,
                formatting.decimal(t.average, 2),
                formatting.number(t.firms),
            )
            out.append(Segment(t.average, text, payload))
        return out

    series = [
        Series(
            "all",
            segments(everyone, QCoreApplication.translate("DashboardCharts", "tüm firmalar"), None),
            BAR_COLOR,
            legend=QCoreApplication.translate("DashboardCharts", "Tüm firmalar"),
        )
    ]
    if sector is not None:
        name = _label(SECTORS, sector)
        series[0] = Series(
            "all",
            series[0].segments,
            BAR_COLOR,
            offset=-0.2,
            height=0.38,
            legend=QCoreApplication.translate("DashboardCharts", "Tüm firmalar"),
        )
        series.append(
            Series(
                "sector",
                segments(chosen, name, {"sector": sector}),
                SECOND_COLOR,
                offset=0.2,
                height=0.38,
                legend=name,
            )
        )
        title = formatting.fill(
            QCoreApplication.translate("DashboardCharts", "Tema puanları — ortalama, %1"),
            name,
        )
    else:
        title = QCoreApplication.translate("DashboardCharts", "Tema puanları — ortalama")
    chart.set_title(title)
    chart.set_bars(
        labels,
        series,
        x_max=5.0,
        axis_label=QCoreApplication.translate("DashboardCharts", "puan (1–5)"),
    )


def show_projects(chart: BarChart, rows: list[InstitutionProjects]) -> None:
    """Projects per institution stacked by status: led (solid) then partnered (light)."""
    shown = rows[:PROJECT_INSTITUTIONS]
    series: list[Series] = []
    statuses = PROJECT_STATUSES.codes()
    lead_end = [0.0] * len(shown)
    for role in ("lead", "partner"):
        role_text = (
            QCoreApplication.translate("DashboardCharts", "lider")
            if role == "lead"
            else QCoreApplication.translate("DashboardCharts", "ortak")
        )
        for status in statuses:
            segments: list[Segment | None] = []
            for i, row in enumerate(shown):
                counts = row.lead if role == "lead" else row.partner
                n = counts.get(status, 0)
                if not n:
                    segments.append(None)
                    continue
                start = lead_end[i]
                lead_end[i] += n
                text = formatting.fill(
                    QCoreApplication.translate("DashboardCharts", "%1 — %2, %3: %4 proje"),
                    row.name,
                    role_text,
                    PROJECT_STATUSES.label(status, current_language()),
                    formatting.number(n),
                )
                payload = {"institution_id": row.id, "role": role, "status": status}
                segments.append(Segment(float(n), text, payload, start))
            color = STATUS_COLORS[status]
            if role == "partner":
                color = _lighter(color)
            legend = PROJECT_STATUSES.label(status, current_language()) if role == "lead" else ""
            series.append(
                Series(
                    f"{role}:{status}",
                    segments,
                    color,
                    legend=legend,
                    outline=STATUS_COLORS[status],
                )
            )
    title = QCoreApplication.translate("DashboardCharts", "Projeler — kurumlara göre")
    if len(rows) > len(shown):
        title = formatting.fill(
            QCoreApplication.translate("DashboardCharts", "Projeler — ilk %1 kurum"),
            len(shown),
        )
    chart.legend_columns = 3
    chart.set_title(title)
    chart.set_bars(
        [r.name for r in shown],
        series,
        axis_label=QCoreApplication.translate("DashboardCharts", "proje"),
    )
    legend = chart.plotItem.legend
    if legend is not None:  # how roles look, beside the status colours
        lead = QCoreApplication.translate("DashboardCharts", "Koyu: lider")
        partner = QCoreApplication.translate("DashboardCharts", "Açık: ortak")
        outline = pg.mkPen(STATUS_COLORS["running"])
        for color, text in (
            (STATUS_COLORS["running"], lead),
            (_lighter(STATUS_COLORS["running"]), partner),
        ):
            sample = Bars(x0=[], y=[], width=[], height=1, brush=pg.mkBrush(color), pen=outline)
            legend.addItem(BarSample(sample), text)


def _lighter(color: str) -> str:
    """The status colour washed towards white, for partner roles."""
    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    mix = PARTNER_ALPHA / 255
    return "#" + "".join(f"{round(c * mix + 255 * (1 - mix)):02x}" for c in (r, g, b))
