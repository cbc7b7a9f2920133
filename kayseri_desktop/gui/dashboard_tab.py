"""Pano: the programme's headline figures and what needs attention this week.

Refreshed on every change announced on the bus: nearly every figure depends on
several entity kinds, and the queries are aggregates that take milliseconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QGridLayout, QGroupBox, QHBoxLayout, QVBoxLayout, QWidget

from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, queries
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.figure_card import FigureCard
from kayseri_desktop.gui.table_model import Column
from kayseri_desktop.services import statistics

UPCOMING_DAYS = 7


class DashboardTab(DataTab):
    entities = None

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(db, parent)
        self.setObjectName("dashboardTab")
        self._today = today
        self._now = now
        self.cards: dict[str, FigureCard] = {}
        self.figures: dict[str, int] = {}

        self.heading = plain_label(self.tr("Program özeti"), self, name="dashboardHeading")
        self.heading.setProperty("role", "heading")
        self.updated = plain_label(parent=self, name="dashboardUpdated")
        self.updated.setProperty("role", "detail")
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.updated)

        # (title, cards, row, column, column span)
        groups = [
            (
                self.tr("Firmalar"),
                [
                    ("firms_total", self.tr("Kayıtlı firma")),
                    ("firms_evaluated", self.tr("Değerlendirilen")),
                ],
                0, 0, 1,
            ),
            (
                self.tr("Saha ziyaretleri"),
                [("visits_done", self.tr("Yapılan")), ("visits_planned", self.tr("Planlanan"))],
                0, 1, 1,
            ),
            (
                self.tr("İhracat"),
                [("exports_usd", self.tr("Kayıtlı firmalar, milyon USD"))],
                0, 2, 1,
            ),
            (
                self.tr("Eylem planı projeleri"),
                [
                    ("projects_running", self.tr("Yürüyen")),
                    ("projects_done", self.tr("Tamamlanan")),
                    ("projects_late", self.tr("Süresi geçen")),
                ],
                1, 0, 2,
            ),
            (
                self.tr("Üst Kurul kararları"),
                [("decisions_open", self.tr("Açık")), ("decisions_late", self.tr("Süresi geçen"))],
                1, 2, 1,
            ),
        ]  # fmt: skip
        grid = QGridLayout()
        grid.setSpacing(12)
        for title, cards, row, column, span in groups:
            box = QGroupBox(title, self)
            box_layout = QHBoxLayout(box)
            for key, caption in cards:
                self.cards[key] = FigureCard(key, caption, box)
                box_layout.addWidget(self.cards[key])
            grid.addWidget(box, row, column, 1, span)
        for column in range(3):
            grid.setColumnStretch(column, 1)

        self.week_box = QGroupBox(self)
        self.week_table = DataTable(
            [
                Column(
                    self.tr("Tarih"),
                    lambda r: formatting.date_time(r.starts_at),
                    lambda r: r.starts_at.isoformat(),
                ),
                Column(
                    self.tr("Firma"), lambda r: r.firm_title, lambda r: r.firm_sort, stretch=True
                ),
                Column(self.tr("Saha ekibi"), lambda r: r.team, max_width=240),
            ],
            self.week_box,
        )
        self.week_table.setObjectName("weekVisitsTable")
        QVBoxLayout(self.week_box).addWidget(self.week_table)
        self.overdue_box = QGroupBox(self.tr("Süresi geçen kararlar"), self)
        self.overdue_table = DataTable(
            [
                Column(
                    self.tr("Son tarih"),
                    lambda r: formatting.date(r.due_date),
                    lambda r: r.due_date.isoformat(),
                ),
                Column(self.tr("Karar"), lambda r: r.text, stretch=True),
                Column(self.tr("Sorumlu"), lambda r: r.owner, max_width=160),
            ],
            self.overdue_box,
        )
        self.overdue_table.setObjectName("overdueDecisionsTable")
        QVBoxLayout(self.overdue_box).addWidget(self.overdue_table)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(self.week_box, 1)
        bottom.addWidget(self.overdue_box, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(bottom, 1)
        self.reload()

    def reload(self) -> None:
        today = self._today()
        figures = statistics.headline(self.db, today=today)
        targets = statistics.programme_targets(self.db)
        self.figures = figures
        n = formatting.number
        for key in statistics.HEADLINE_KEYS:
            if key != "exports_usd":
                alert = key.endswith("_late") and figures[key] > 0
                self.cards[key].show_value(n(figures[key]), alert=alert)
        for key in ("firms_evaluated", "visits_done"):
            self.cards[key].show_value(
                n(figures[key]), detail=self._target_text(figures[key], targets.get(key))
            )
        exports = figures["exports_usd"]
        baseline = targets.get("exports_baseline_usd")
        detail = formatting.fill(self.tr("%1 yılı"), figures["export_year"])
        tooltip = ""
        if baseline:
            detail = formatting.fill(
                self.tr("%1 yılı · il payı %2"),
                figures["export_year"],
                formatting.percent(100 * exports / baseline, 1),
            )
            tooltip = formatting.fill(
                self.tr("Kayseri'nin %1 ihracatı: %2 milyon USD"),
                figures["export_year"],
                n(baseline / 1e6),
            )
        self.cards["exports_usd"].setToolTip(tooltip)
        self.cards["exports_usd"].show_value(formatting.decimal(exports / 1e6, 1), detail=detail)

        start = dt.datetime.combine(today, dt.time.min)
        week = queries.upcoming_visits(self.db, start, start + dt.timedelta(days=UPCOMING_DAYS))
        self.week_table.set_rows(week)
        self.week_box.setTitle(
            formatting.fill(self.tr("Önümüzdeki %1 gün: %2 ziyaret"), UPCOMING_DAYS, n(len(week)))
        )
        overdue = queries.overdue_decisions(self.db, today)
        self.overdue_table.set_rows(overdue)
        self.overdue_box.setTitle(
            formatting.fill(self.tr("Süresi geçen kararlar: %1"), n(len(overdue)))
        )
        self.updated.setText(
            formatting.fill(self.tr("Güncellendi: %1"), formatting.date_time(self._now()))
        )

    def _target_text(self, value: int, target: float | None) -> str:
        if not target:
            return ""
        return formatting.fill(
            self.tr("Hedef %1 · %2"),
            formatting.number(target),
            formatting.percent(100 * value / target, 1),
        )
