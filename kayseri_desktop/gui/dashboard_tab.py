"""Pano: the programme against its targets, redrawn the moment data changes.

Headline cards over six pyqtgraph charts (visits burn-up; firms by sector and by
district; exports by sector; evaluation themes; projects by institution) and, on a
second page, this week's visits and the overdue decisions.

Live: the main window's bus bridge hands over the entity kinds that changed (a burst
arrives as one set); only the parts that depend on them are queried again, with
aggregate SQL (services/dashboard_stats.py), and redrawn. Clicking a bar asks the
main window to open the matching filtered view (``firmsRequested``/``projectsRequested``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEvent, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import SECTORS
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.dashboard.loader import SectionLoader
from kayseri_desktop.gui.dashboard.sections import (
    ALWAYS_LIVE,
    APART,
    ORDER,
    UPCOMING_DAYS,
    Params,
    compute,
    sections_for,
)
from kayseri_desktop.gui.dashboard.targets_dialog import TargetsDialog
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.figure_card import FigureCard
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import Column
from kayseri_desktop.services import dashboard_stats as stats
from kayseri_desktop.services import statistics

THEME_SECTOR_KEY = "dashboard/theme_sector"
FIRST_PAINT = ("figures", "agenda")
"""What the tab shows before it first paints: the headline tiles (a few aggregate counts)
and the agenda page's two short lists. The charts (and pyqtgraph, a good part of
start-up) follow right after that paint."""
CHART_SECTIONS = frozenset({"burnup", "sectors", "districts", "exports", "themes", "projects"})


class DashboardTab(DataTab):
    entities = None  # depends on nearly everything; on_entities_changed() narrows it down
    firmsRequested = Signal(dict)
    """A bar of firms was clicked: filter keywords (sector=..., district=...)."""
    projectsRequested = Signal(dict)
    """A project bar was clicked: institution_id=..., role=..., status=..."""
    refreshed = Signal(object)
    """Emitted after a redraw with the set of section names redrawn."""
    chartsFilled = Signal()
    """The charts were built and drawn for the first time (after the first paint)."""

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
        self.setStyleSheet('QLabel[role="figure"] { font-size: 17pt; }')
        self._today = today
        self._now = now
        self.cards: dict[str, FigureCard] = {}
        self.figures: dict[str, int] = {}
        self.targets: dict[str, float] = {}
        self.outlook: stats.PackOutlook | None = None
        self.redraws: list[set[str]] = []
        self._stale: set[str] = set()
        self.theme_totals = stats.ThemeTotals()
        self._charts: dict[str, Any] | None = None  # built after the first paint
        self._fill_scheduled = False
        self.loader = SectionLoader(compute, ORDER, self, apart=APART)
        self.loader.ready.connect(self._apply)
        self.loader.finished.connect(self._batch_done)

        # Scrolls only when the window is smaller than the charts can be drawn readably.
        self.content = QWidget(self)
        self.content.setObjectName("dashboardContent")
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(self._build_header())
        layout.addLayout(self._build_cards())
        self.pages = QTabWidget(self)
        self.pages.setObjectName("dashboardPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_chart_page(), self.tr("Grafikler"))
        self.pages.addTab(self._build_agenda(), self.tr("Bu hafta ve gecikenler"))
        layout.addWidget(self.pages, 1)
        self.reload()

    # -- building ------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        self.heading = plain_label(self.tr("Program özeti"), self, name="dashboardHeading")
        self.heading.setProperty("role", "heading")
        self.heading.installEventFilter(self)  # its first paint brings the charts
        self.updated = plain_label(parent=self, name="dashboardUpdated")
        self.updated.setProperty("role", "detail")
        self.theme_sector = QComboBox(self)
        self.theme_sector.setObjectName("themeSectorCombo")
        self.theme_sector.addItem(self.tr("Yalnız tüm firmalar"), None)
        for entry in SECTORS:
            self.theme_sector.addItem(entry.label(current_language()), entry.code)
        saved = QSettings().value(THEME_SECTOR_KEY, SECTORS[0].code)
        self.theme_sector.setCurrentIndex(max(0, self.theme_sector.findData(saved)))
        self.theme_sector.currentIndexChanged.connect(self._theme_sector_changed)
        self.export_year = QComboBox(self)
        self.export_year.setObjectName("exportYearCombo")
        self.export_year.currentIndexChanged.connect(
            lambda _: self.loader.request({"exports"}, self.params())
        )
        self.targets_button = QPushButton(self.tr("Hedefler…"), self)
        self.targets_button.setObjectName("targetsButton")
        self.targets_button.clicked.connect(self.edit_targets)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(12)
        top.addWidget(self.updated)
        top.addStretch(1)
        top.addWidget(plain_label(self.tr("Tema karşılaştırması:"), self))
        top.addWidget(self.theme_sector)
        top.addSpacing(8)
        top.addWidget(plain_label(self.tr("İhracat yılı:"), self))
        top.addWidget(self.export_year)
        top.addSpacing(8)
        top.addWidget(self.targets_button)
        return top

    def _build_cards(self) -> QHBoxLayout:
        groups = [
            (
                self.tr("Firmalar"),
                [
                    ("firms_total", self.tr("Kayıtlı firma")),
                    ("firms_evaluated", self.tr("Değerlendirilen")),
                ],
            ),
            (
                self.tr("Saha ziyaretleri"),
                [("visits_done", self.tr("Yapılan")), ("visits_planned", self.tr("Planlanan"))],
            ),
            (self.tr("İhracat"), [("exports_usd", self.tr("milyon USD"))]),
            (
                self.tr("Eylem planı projeleri"),
                [
                    ("projects_running", self.tr("Yürüyen")),
                    ("projects_done", self.tr("Tamamlanan")),
                    ("projects_late", self.tr("Süresi geçen")),
                ],
            ),
            (
                self.tr("Üst Kurul kararları"),
                [("decisions_open", self.tr("Açık")), ("decisions_late", self.tr("Süresi geçen"))],
            ),
        ]
        row = QHBoxLayout()
        row.setSpacing(8)
        for title, cards in groups:
            box = QGroupBox(title, self)
            box_layout = QHBoxLayout(box)
            box_layout.setContentsMargins(4, 4, 4, 2)
            for key, caption in cards:
                self.cards[key] = FigureCard(key, caption, box)
                self.cards[key].detail.setWordWrap(False)
                box_layout.addWidget(self.cards[key])
            row.addWidget(box, len(cards))
        return row

    def _build_chart_page(self) -> QWidget:
        self.chart_page = QWidget(self)
        self.chart_page.setObjectName("chartsPage")
        grid = QGridLayout(self.chart_page)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.setSpacing(8)
        for i in range(3):
            grid.setColumnStretch(i, 1)
        for i in range(2):
            grid.setRowStretch(i, 1)
        self.chart_grid = grid
        return self.chart_page

    def _build_charts(self) -> dict[str, Any]:
        """The six pyqtgraph charts (pyqtgraph is imported here, not at start-up)."""
        from kayseri_desktop.gui.dashboard.bars import BarChart
        from kayseri_desktop.gui.dashboard.burnup import BurnUpChart

        page, grid = self.chart_page, self.chart_grid
        built: dict[str, Any] = {
            "burnup": BurnUpChart("visitsBurnUp", page),
            "sectors": BarChart("firmsBySector", page),
            "districts": BarChart("firmsByDistrict", page),
            "exports": BarChart("exportsBySector", page),
            "themes": BarChart("themeScores", page),
            "projects": BarChart("projectsByInstitution", page),
        }
        for name in ("sectors", "districts", "exports", "themes"):
            built[name].barClicked.connect(self.firmsRequested.emit)
        built["projects"].barClicked.connect(self.projectsRequested.emit)
        for name, row, column in (
            ("burnup", 0, 0),
            ("sectors", 0, 1),
            ("districts", 0, 2),
            ("exports", 1, 0),
            ("themes", 1, 1),
            ("projects", 1, 2),
        ):
            grid.addWidget(built[name], row, column)
        # Shown and sized now, not on the next event-loop turn: a click lands at once.
        if page.isVisible():
            for chart in built.values():
                chart.show()
        grid.activate()
        return built

    @property
    def charts_filled(self) -> bool:
        return self._charts is not None

    def ensure_charts(self) -> dict[str, Any]:
        """Build and fill the charts now if they are not yet (first paint, or first use)."""
        if self._charts is None:
            self._charts = self._build_charts()
            self._fill(set(ORDER) - set(FIRST_PAINT))
            self.chartsFilled.emit()
        return self._charts

    @property
    def charts(self) -> dict[str, Any]:
        return dict(self.ensure_charts())

    @property
    def burnup_chart(self):
        return self.ensure_charts()["burnup"]

    @property
    def sector_chart(self):
        return self.ensure_charts()["sectors"]

    @property
    def district_chart(self):
        return self.ensure_charts()["districts"]

    @property
    def exports_chart(self):
        return self.ensure_charts()["exports"]

    @property
    def themes_chart(self):
        return self.ensure_charts()["themes"]

    @property
    def projects_chart(self):
        return self.ensure_charts()["projects"]

    def eventFilter(self, watched, event) -> bool:
        # The heading painted: the tiles are on screen, the charts come next.
        if (
            event.type() == QEvent.Type.Paint
            and watched is self.heading
            and self._charts is None
            and not self._fill_scheduled
        ):
            self._fill_scheduled = True
            QTimer.singleShot(0, self.ensure_charts)
        return super().eventFilter(watched, event)

    def _build_agenda(self) -> QWidget:
        page = QWidget(self)
        self.week_box = QGroupBox(page)
        self.week_table = DataTable(
            [
                Column(
                    self.tr("Tarih"),
                    lambda r: formatting.date_time(r.starts_at),
                    lambda r: r.starts_at.isoformat(),
                ),
                Column(
                    self.tr("Firma"),
                    lambda r: r.firm_title,
                    lambda r: collation_key(r.firm_title),
                    stretch=True,
                ),
                Column(self.tr("Saha ekibi"), lambda r: r.team, max_width=240),
            ],
            self.week_box,
        )
        self.week_table.setObjectName("weekVisitsTable")
        self.week_box.setToolTip(
            self.tr(
                "Yalnız yapılacak ziyaretler: planlanmış ve saati gelmemiş olanlar. "
                "Yapılan, ertelenen ve iptal edilenler Ziyaret Takvimi'nde."
            )
        )
        QVBoxLayout(self.week_box).addWidget(self.week_table)
        self.overdue_box = QGroupBox(self.tr("Süresi geçen kararlar"), page)
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
        # The next meeting's pack counts as of the meeting's day, not today: say what it
        # will print, so the Pano and the pack never seem to disagree.
        self.pack_note = plain_label(parent=page, name="packOutlook")
        self.pack_note.setWordWrap(True)
        self.pack_note.setStyleSheet("font-weight: bold; color: #8a5a00;")
        self.pack_note.hide()
        right = QVBoxLayout()
        right.addWidget(self.pack_note)
        right.addWidget(self.overdue_box, 1)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 6, 0, 0)
        row.addWidget(self.week_box, 1)
        row.addLayout(right, 1)
        return page

    # -- refreshing ----------------------------------------------------------------------

    def params(self) -> Params:
        return Params(self.db, self._today(), self.export_year.currentData(), self._now())

    def reload(self) -> None:
        """Redraw everything now, on this thread (first show, another database).

        Before the charts exist (the tab has not painted yet) only the headline tiles.
        """
        self.loader.restart()
        self._stale = set()
        if self._charts is not None:
            sections = set(ORDER)
        else:
            sections = set(FIRST_PAINT)
            years = stats.export_years(self.db)  # the header's year chooser, before the chart
            chosen = self.export_year.currentData()
            self._sync_export_years(years, chosen if chosen in years else next(iter(years), None))
        self._batch_done(self.loader.generation, self._fill(sections))

    def _fill(self, sections: set[str]) -> set[str]:
        """Count and draw these sections now; the heavy ones (APART) on a helper thread
        meanwhile."""
        params = self.params()
        generation = self.loader.generation
        done = set()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pano-reload") as pool:
            apart = {s: pool.submit(compute, s, params) for s in ORDER if s in APART & sections}
            for section in ORDER:
                if section not in sections:
                    continue
                result = apart[section].result() if section in apart else compute(section, params)
                self._apply(generation, section, result)
                done.add(section)
        return done

    def on_entities_changed(self, entities: set[str]) -> None:
        sections = sections_for(entities)
        if not sections:
            return
        if not self.isVisible():
            # Charts behind other tabs redraw when shown again; the headline figures (a few
            # aggregate counts) stay current, since other tabs' tests and people read them.
            live = sections & ALWAYS_LIVE
            self._stale |= sections - live
            if live:
                self.loader.request(live, self.params())
            return
        self.loader.request(sections, self.params())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            stale, self._stale = self._stale, set()
            self.loader.request(stale, self.params())

    def set_database(self, db: Database) -> None:
        self._db = db
        self.reload()

    def _apply(self, generation: int, section: str, data) -> None:
        if generation != self.loader.generation:
            return  # computed for a database no longer shown
        if section in CHART_SECTIONS:
            if self._charts is None:
                return  # the charts are drawn whole when first built
            from kayseri_desktop.gui.dashboard import charts
        if section == "figures":
            self.targets, figures, self.outlook = data
            self._show_figures(figures)
        elif section == "burnup":
            self.burnup_chart.draw(lambda c: c.set_burnup(data))
        elif section == "sectors":
            self.sector_chart.draw(lambda c: charts.show_sectors(c, data))
        elif section == "districts":
            self.district_chart.draw(lambda c: charts.show_districts(c, data))
        elif section == "exports":
            years, year, rows = data
            self._sync_export_years(years, year)
            self.exports_chart.draw(lambda c: charts.show_exports(c, rows, year))
        elif section == "themes":
            self.theme_totals = data
            self._show_themes()
        elif section == "projects":
            self.projects_chart.draw(lambda c: charts.show_projects(c, data))
        elif section == "agenda":
            self._show_agenda(*data)

    def _batch_done(self, generation: int, sections: Collection[str]) -> None:
        if generation != self.loader.generation or not sections:
            return
        self.updated.setText(
            formatting.fill(self.tr("Güncellendi: %1"), formatting.date_time(self._now()))
        )
        self.redraws.append(set(sections))
        self.refreshed.emit(set(sections))

    def _sync_export_years(self, years: list[int], year: int | None) -> None:
        """Refill the year chooser if the years on record changed; select ``year``."""
        current = [self.export_year.itemData(i) for i in range(self.export_year.count())]
        self.export_year.blockSignals(True)
        if current != years:
            self.export_year.clear()
            for value in years:
                self.export_year.addItem(str(value), value)
        self.export_year.setCurrentIndex(max(0, self.export_year.findData(year)))
        self.export_year.blockSignals(False)

    def _theme_sector_changed(self) -> None:
        QSettings().setValue(THEME_SECTOR_KEY, self.theme_sector.currentData() or "")
        self._show_themes()  # from the sums already counted: no query

    def _show_themes(self) -> None:
        if self._charts is None:
            return  # drawn with the others when the charts are built
        from kayseri_desktop.gui.dashboard import charts

        totals, sector = self.theme_totals, self.theme_sector.currentData()
        everyone = totals.scores()
        chosen = totals.scores(sector) if sector else []
        self.themes_chart.draw(lambda c: charts.show_themes(c, everyone, sector, chosen))

    def _show_figures(self, figures: dict[str, int]) -> None:
        self.figures = figures
        targets = self.targets
        n = formatting.number
        pack = self._pack_details(figures)
        for key in statistics.HEADLINE_KEYS:
            if key != "exports_usd":
                alert = key.endswith("_late") and figures[key] > 0
                self.cards[key].show_value(n(figures[key]), alert=alert, detail=pack.get(key, ""))
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
                self.tr("%1 · referansın %2"),
                figures["export_year"],
                formatting.percent(100 * exports / baseline, 1),
            )
            tooltip = formatting.fill(
                self.tr("Kayseri'nin %1 ihracatı (referans): %2 milyon USD"),
                figures["export_year"],
                n(baseline / 1e6),
            )
        self.cards["exports_usd"].setToolTip(tooltip)
        self.cards["exports_usd"].show_value(formatting.decimal(exports / 1e6, 1), detail=detail)

    def _pack_details(self, figures: dict[str, int]) -> dict[str, str]:
        """The next meeting's pack figures under the decision cards, and a sentence on
        the agenda page and in the cards' tooltips; nothing when no meeting is ahead."""
        o, n = self.outlook, formatting.number
        for key in ("decisions_open", "decisions_late"):
            self.cards[key].setToolTip("")
        if o is None:
            self.pack_note.hide()
            return {}
        sentence = formatting.fill(
            self.tr(
                "Sonraki toplantı %1: paketi o günün durumunu yazacak — %2 açık karar, "
                "%3 süresi geçen karar (bugün %4), %5 süresi geçen kilometre taşı (bugün %6)."
            ),
            formatting.date(o.held_on),
            n(o.decisions_open),
            n(o.decisions_late),
            n(figures["decisions_late"]),
            n(o.milestones_late),
            n(o.milestones_late_today),
        )
        self.pack_note.setText(sentence)
        self.pack_note.show()
        details = {}
        for key, value in (
            ("decisions_open", o.decisions_open),
            ("decisions_late", o.decisions_late),
        ):
            details[key] = formatting.fill(self.tr("Paket %1: %2"), f"{o.held_on:%d.%m}", n(value))
            self.cards[key].setToolTip(sentence)
        return details

    def _target_text(self, value: int, target: float | None) -> str:
        if not target:
            return ""
        return formatting.fill(
            self.tr("Hedef %1 · %2"),
            formatting.number(target),
            formatting.percent(100 * value / target, 1),
        )

    def _show_agenda(self, week, overdue) -> None:
        n = formatting.number
        self.week_table.set_rows(week)
        self.week_box.setTitle(
            formatting.fill(
                self.tr("Önümüzdeki %1 gün: %2 planlı ziyaret"), UPCOMING_DAYS, n(len(week))
            )
        )
        self.overdue_table.set_rows(overdue)
        self.overdue_box.setTitle(
            formatting.fill(self.tr("Süresi geçen kararlar: %1"), n(len(overdue)))
        )
        self.pages.setTabText(
            1, formatting.fill(self.tr("Bu hafta ve gecikenler (%1)"), n(len(week) + len(overdue)))
        )

    # -- targets -------------------------------------------------------------------------

    def edit_targets(self) -> None:
        if self.db.readonly:
            messages.information(
                self,
                self.tr("Program hedefleri"),
                self.tr("Veritabanı salt okunur açıldı; hedefler değiştirilemez."),
            )
            return
        values, ok = TargetsDialog.get_targets(stats.load_targets(self.db), self)
        if not ok:
            return
        try:
            stats.save_targets(self.db, values)
        except ValueError as exc:
            messages.warning(self, self.tr("Program hedefleri"), str(exc))
        # The write is announced on the bus; the bridge brings the redraw.
