"""The Pano tab: charts read back from their pyqtgraph items, live redraws, clicks, export."""

from __future__ import annotations

import datetime as dt
import sqlite3
import xml.etree.ElementTree as ET

import pytest
from conftest import TODAY, make_firm
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt, QTimer
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel
from sqlalchemy import select

from kayseri_desktop.core.catalogues import SECTORS
from kayseri_desktop.data import models as m
from kayseri_desktop.gui.dashboard.export import SLIDE_WIDTH
from kayseri_desktop.gui.dashboard.sections import ALWAYS_LIVE, sections_for
from kayseri_desktop.gui.dashboard.targets_dialog import TargetsDialog
from kayseri_desktop.gui.dashboard_tab import DashboardTab
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.services import meeting_pack
from kayseri_desktop.services.context import open_context


@pytest.fixture
def make_window(qtbot):
    def make(context) -> MainWindow:
        window = MainWindow(context, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        # The charts are built right after the first paint (tiles first): wait for them.
        qtbot.waitUntil(lambda: window.dashboard_tab.charts_filled, timeout=5000)
        return window

    return make


def bars(chart, series: str) -> dict[str, float]:
    """Category label -> plotted value, read from the chart's BarGraphItem."""
    rows = chart.rows(series)
    return {
        chart.labels[round(y - offset)]: v
        for y, v in zip(rows, chart.values(series), strict=True)
        for offset in [y - round(y)]
    }


def figure(window, key: str) -> str:
    return window.findChild(QLabel, f"figure_{key}").text()


def add_firm(db, title: str, serial: int, **values) -> int:
    with db.write() as s:
        firm = make_firm(title, serial, **values)
        s.add(firm)
        s.flush()
        return firm.id


# -- what the charts show ----------------------------------------------------------------


def test_sector_and_district_bars_are_the_registry_counts(make_window, sample_ctx):
    tab = make_window(sample_ctx).dashboard_tab
    sectors = bars(tab.sector_chart, "firms")
    assert sectors["Mobilya"] == 5
    assert sum(sectors.values()) == 5
    assert tab.sector_chart.labels[0] == "Mobilya"  # largest first
    assert len(tab.sector_chart.labels) == len(SECTORS)
    assert bars(tab.district_chart, "firms")["Melikgazi"] == 5
    assert tab.sector_chart.title() == "Firmalar — sektörlere göre"


def test_exports_chart_is_in_million_usd_with_exact_turkish_tooltips(make_window, sample_ctx):
    tab = make_window(sample_ctx).dashboard_tab
    assert tab.export_year.currentText() == "2024"
    chart = tab.exports_chart
    assert bars(chart, "exports")["Mobilya"] == pytest.approx(3.75)
    assert chart.text_at(1.0, 0) == "Mobilya, 2024: 3.750.000 USD (%100,0)"
    assert chart.value_axis.tickStrings([1000, 2500], 1, 500) == ["1.000", "2.500"]
    assert chart.value_axis.tickStrings([0.5, 1.5], 1, 0.5) == ["0,5", "1,5"]


def test_theme_chart_compares_all_firms_with_the_chosen_sector(make_window, qtbot, ctx):
    wood = add_firm(ctx.db, "Ahşap", 800000001, sector="mobilya")
    metal = add_firm(ctx.db, "Döküm", 800000002, sector="metal")
    with ctx.db.write() as s:
        for firm, score in ((wood, 4), (metal, 2)):
            ev = m.Evaluation(firm_id=firm, evaluated_on=TODAY, kind="desk")
            ev.scores = [m.EvaluationScore(theme="dijital", score=score)]
            s.add(ev)
    tab = make_window(ctx).dashboard_tab
    assert tab.theme_sector.currentData() == "mobilya"
    chart = tab.themes_chart
    assert bars(chart, "all") == {"Dijitalleşme": 3.0}
    assert bars(chart, "sector") == {"Dijitalleşme": 4.0}
    assert "Mobilya" in chart.title()
    tab.theme_sector.setCurrentIndex(tab.theme_sector.findData("metal"))
    qtbot.waitUntil(lambda: bars(chart, "sector") == {"Dijitalleşme": 2.0}, timeout=1000)
    assert chart.text_at(2.0, 0.2) == "Dijitalleşme — Metal ve Makine: ortalama 2,00 (1 firma)"
    tab.theme_sector.setCurrentIndex(0)  # all firms only
    qtbot.waitUntil(lambda: "sector" not in chart.series, timeout=1000)
    assert QSettings().value("dashboard/theme_sector") == ""


def test_projects_chart_stacks_status_and_tells_lead_from_partner(make_window, sample_ctx):
    with sample_ctx.db.write() as s:
        kto = s.scalar(select(m.Institution).where(m.Institution.short_name == "KTO"))
        done = s.scalar(select(m.Project).where(m.Project.code == "P-02"))
        done.partners.append(m.ProjectPartner(institution_id=kto.id, role="partner"))
    chart = make_window(sample_ctx).dashboard_tab.projects_chart
    assert chart.labels == ["KTO", "ERÜ"]
    assert bars(chart, "lead:running") == {"KTO": 1}
    assert bars(chart, "partner:done") == {"KTO": 1}
    assert chart.starts("partner:done") == [1.0]  # after KTO's own lead project
    assert bars(chart, "lead:done") == {"ERÜ": 1}
    assert chart.text_at(1.5, 0) == "KTO — ortak, Tamamlandı: 1 proje"
    assert chart.text_at(0.5, 0) == "KTO — lider, Yürüyor: 1 proje"


def test_burnup_shows_done_pace_and_planned_apart(make_window, sample_ctx):
    chart = make_window(sample_ctx).dashboard_tab.burnup_chart
    xs, ys = chart.curves["done"].getData()
    assert list(ys) == [0, 1, 1]
    assert xs[-1] == TODAY.toordinal()
    xs, ys = chart.curves["planned"].getData()
    assert list(ys) == [1, 2]  # from today's total, the visit planned in two days on top
    assert xs[-1] == (TODAY + dt.timedelta(days=2)).toordinal()
    xs, ys = chart.curves["pace"].getData()
    assert list(ys) == [0, 450]
    text = chart.text_at(TODAY.toordinal() + 3, 0)
    assert text.splitlines()[0] == (TODAY + dt.timedelta(days=3)).strftime("%d.%m.%Y")
    assert "Yapılan ziyaret (toplam): 1" in text
    assert "O güne kadar planlanan: 1" in text
    assert chart.title() == "Saha ziyaretleri: 1 / 450"


def test_export_year_chooser_redraws_that_year(make_window, qtbot, sample_ctx):
    with sample_ctx.db.write() as s:
        cam = s.scalar(select(m.Firm).where(m.Firm.title == "Cam"))
        cam.exports.append(m.FirmExport(year=2025, usd=2_000_000))
    tab = make_window(sample_ctx).dashboard_tab
    assert [tab.export_year.itemText(i) for i in range(tab.export_year.count())] == ["2025", "2024"]
    assert bars(tab.exports_chart, "exports")["Mobilya"] == pytest.approx(2.0)
    tab.export_year.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.exports_chart.title() == "İhracat 2024 — sektörlere göre")
    assert bars(tab.exports_chart, "exports")["Mobilya"] == pytest.approx(3.75)


def test_empty_database_draws_empty_charts_without_errors(make_window, ctx):
    tab = make_window(ctx).dashboard_tab
    assert sum(tab.sector_chart.values("firms")) == 0
    assert tab.exports_chart.title() == "İhracat — sektörlere göre (kayıt yok)"
    assert tab.projects_chart.labels == []
    assert tab.burnup_chart.title() == "Saha ziyaretleri: 0 / 450"


# -- live --------------------------------------------------------------------------------


def test_a_saved_firm_redraws_the_charts_through_the_bus(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    before = len(tab.redraws)
    add_firm(sample_ctx.db, "Talas Gıda", 810000001, sector="gida", district="talas")
    qtbot.waitUntil(lambda: len(tab.redraws) == before + 1, timeout=1000)
    assert bars(tab.sector_chart, "firms")["Gıda"] == 1
    assert bars(tab.district_chart, "firms")["Talas"] == 1
    assert figure(window, "firms_total") == "6"
    assert "projects" not in tab.redraws[-1]  # a firm does not touch the projects chart


def test_a_burst_of_changes_redraws_once(make_window, qtbot, sample_ctx):
    tab = make_window(sample_ctx).dashboard_tab
    before = len(tab.redraws)
    with sample_ctx.db.write() as s:
        s.add_all(make_firm(f"Firma {i}", 820000001 + i, sector="metal") for i in range(300))
    for i in range(1000):
        sample_ctx.bus.publish("visit" if i % 2 else "firm", [i])
    qtbot.waitUntil(lambda: len(tab.redraws) > before, timeout=1000)
    qtbot.wait(250)
    assert len(tab.redraws) == before + 1
    assert bars(tab.sector_chart, "firms")["Metal ve Makine"] == 300


def test_a_visit_marked_done_moves_the_burnup(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    chart = window.dashboard_tab.burnup_chart
    with sample_ctx.db.write() as s:
        late = s.scalar(select(m.Visit).where(m.Visit.status == "planned").order_by(m.Visit.id))
        late.status = "done"
    qtbot.waitUntil(lambda: list(chart.curves["done"].getData()[1])[-1] == 2, timeout=1000)
    qtbot.waitUntil(lambda: figure(window, "visits_done") == "2", timeout=1000)


def test_a_visit_marked_done_ahead_of_its_day_is_never_counted(make_window, qtbot, sample_ctx):
    """An old record (before the rule in services/visits.py) or a hand edit: the headline,
    the burn-up's curve and its title all leave it out; the day it comes, it counts."""
    window = make_window(sample_ctx)
    chart = window.dashboard_tab.burnup_chart
    with sample_ctx.db.write() as s:
        ahead = s.scalar(select(m.Visit).where(m.Visit.starts_at > dt.datetime(2026, 11, 26)))
        ahead.status = "done"
    redraws = len(window.dashboard_tab.redraws)
    qtbot.waitUntil(lambda: len(window.dashboard_tab.redraws) > redraws, timeout=3000)
    assert figure(window, "visits_done") == "1"
    assert chart.title() == "Saha ziyaretleri: 1 / 450"
    assert list(chart.curves["done"].getData()[1])[-1] == 1
    later = DashboardTab(sample_ctx.db, today=lambda: TODAY + dt.timedelta(days=10))
    qtbot.addWidget(later)
    assert later.figures["visits_done"] == 2
    assert later.burnup_chart.title() == "Saha ziyaretleri: 2 / 450"


def test_changes_behind_another_tab_wait_until_the_pano_is_shown(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    window.tabs.setCurrentWidget(window.firms_tab)
    before = len(tab.redraws)
    add_firm(sample_ctx.db, "Develi Un", 840000001, sector="gida")
    qtbot.waitUntil(lambda: window.firms_tab.model.rowCount() == 6, timeout=1000)
    qtbot.wait(100)
    # A hidden Pano queries only its headline figures; the charts wait until shown.
    assert all(redraw <= ALWAYS_LIVE for redraw in tab.redraws[before:])
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bars(tab.sector_chart, "firms").get("Gıda") == 1, timeout=1000)


def test_sections_follow_what_changed():
    assert sections_for({"project"}) == {"figures", "projects"}
    assert sections_for({"evaluation"}) == {"figures", "themes"}
    assert sections_for({"*"}) == sections_for({"firm", "project", "setting", "staff"})
    assert sections_for({"closed_day"}) == set()


def test_a_commit_by_another_connection_shows_within_two_seconds(make_window, qtbot, sample_ctx):
    tab = make_window(sample_ctx).dashboard_tab
    with sqlite3.connect(sample_ctx.db.path) as conn:  # not our engine, not our bus
        conn.execute("UPDATE firms SET sector = 'gida' WHERE title = 'Cam'")
    qtbot.waitUntil(lambda: bars(tab.sector_chart, "firms").get("Gıda") == 1, timeout=2000)
    assert bars(tab.sector_chart, "firms")["Mobilya"] == 4


def test_another_copy_of_the_app_is_followed(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    heard = []
    sample_ctx.bus.subscribe(heard.append)
    other = open_context(sample_ctx.db.path)
    try:
        with other.db.write() as s:
            s.add(make_firm("Uzak Savunma", 830000001, sector="savunma"))
    finally:
        other.close()
    tab = window.dashboard_tab
    qtbot.waitUntil(
        lambda: bars(tab.sector_chart, "firms").get("Savunma ve Havacılık") == 1, timeout=2000
    )
    assert [(c.entity, c.origin) for c in heard] == [("firm", "external")]


# -- hover, click-through, export ----------------------------------------------------------


def move_mouse(qtbot, chart, view_point: QPointF) -> None:
    """A real mouse-move event over the chart (QTest's mouseMove sends none offscreen).

    pyqtgraph drops moves that come faster than its rate limit: wait a little first.
    """
    qtbot.wait(40)
    pos = QPointF(chart.widget_point(view_point))
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        pos,
        QPointF(chart.viewport().mapToGlobal(pos.toPoint())),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(chart.viewport(), event)


def test_hovering_a_bar_shows_its_exact_value(make_window, qtbot, sample_ctx):
    chart = make_window(sample_ctx).dashboard_tab.sector_chart
    move_mouse(qtbot, chart, chart.hits[0].center)
    assert chart.hover_text == "Mobilya: 5 firma (%100,0)"
    move_mouse(qtbot, chart, QPointF(chart.values("firms")[0] * 0.5, 8))  # a sector with no firm
    assert chart.hover_text == ""
    move_mouse(qtbot, chart, QPointF(chart.values("firms")[0] * 0.5, 0.1))
    assert chart.hover_text == "Mobilya: 5 firma (%100,0)"


def test_clicking_the_mobilya_bar_opens_the_firms_filtered(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    applied = []
    window.firms_tab.apply_filter = lambda **kw: applied.append(kw)
    chart = window.dashboard_tab.sector_chart
    assert chart.labels[0] == "Mobilya"
    with qtbot.waitSignal(window.dashboard_tab.firmsRequested) as signal:
        qtbot.mouseClick(
            chart.viewport(),
            Qt.MouseButton.LeftButton,
            pos=chart.widget_point(chart.hits[0].center),
        )
    assert signal.args == [{"sector": "mobilya"}]
    assert window.tabs.currentWidget() is window.firms_tab
    assert applied == [{"sector": "mobilya"}]


def test_clicking_a_district_or_project_bar_asks_for_its_filter(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    with qtbot.waitSignal(tab.firmsRequested) as signal:
        hit = tab.district_chart.hits[0]
        qtbot.mouseClick(
            tab.district_chart.viewport(),
            Qt.MouseButton.LeftButton,
            pos=tab.district_chart.widget_point(hit.center),
        )
    assert signal.args == [{"district": "melikgazi"}]
    window.tabs.setCurrentWidget(tab)
    with qtbot.waitSignal(tab.projectsRequested) as signal:
        chart = tab.projects_chart
        qtbot.mouseClick(
            chart.viewport(),
            Qt.MouseButton.LeftButton,
            pos=chart.widget_point(chart.hits[0].center),
        )
    assert signal.args[0]["role"] == "lead"
    assert window.tabs.currentWidget() is window.projects_tab
    chosen = window.projects_tab.institution_filter.currentData()
    assert chosen == signal.args[0]["institution_id"]
    shown = window.projects_tab.model.rows
    assert shown and all(p.involves(chosen) for p in shown)


def test_every_sector_and_district_bar_opens_exactly_the_firms_it_counted(make_window, qtbot, ctx):
    for i, (sector, district) in enumerate(
        [("mobilya", "talas")] * 3
        + [("metal", "talas")] * 2
        + [("gida", "kocasinan"), (None, "kocasinan"), ("metal", None)]
    ):
        add_firm(ctx.db, f"Firma {i}", 870000001 + i, sector=sector, district=district)
    with ctx.db.write() as s:
        s.add(make_firm("Silinmiş Metal", 870000099, sector="metal", deleted_at=dt.datetime.now()))
    window = make_window(ctx)
    tab, firms = window.dashboard_tab, window.firms_tab
    clicked = 0
    for chart in (tab.sector_chart, tab.district_chart):
        for payload in [h.payload for h in chart.hits if h.payload and h.x1 > h.x0]:
            window.tabs.setCurrentWidget(tab)
            hit = next(h for h in chart.hits if h.payload == payload)
            qtbot.mouseClick(
                chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.widget_point(hit.center)
            )
            assert window.tabs.currentWidget() is firms
            counted = round(hit.x1 - hit.x0)
            qtbot.waitUntil(lambda n=counted: firms.model.rowCount() == n, timeout=3000)
            clicked += 1
    assert clicked == 3 + 2  # three sectors, two districts with firms


def test_every_project_bar_opens_exactly_the_projects_it_counted(make_window, qtbot, sample_ctx):
    """KTO leads two running projects and is a partner in a third: its "lider, Yürüyor"
    bar is 2, and clicking it lists those 2 (not all 4 it takes part in), with KTO on
    the Kurumlar page too; the same for every other bar of the chart."""
    with sample_ctx.db.write() as s:
        kto = s.scalar(select(m.Institution).where(m.Institution.short_name == "KTO"))
        eru = s.scalar(select(m.Institution).where(m.Institution.short_name == "ERÜ"))
        done = s.scalar(select(m.Project).where(m.Project.code == "P-02"))
        done.partners.append(m.ProjectPartner(institution_id=kto.id, role="partner"))
        for code, lead, partner in (("P-03", kto, eru), ("P-04", eru, kto)):
            project = m.Project(
                code=code,
                title=f"Proje {code}",
                theme="dijital",
                roadmap_year=1,
                lead_institution_id=lead.id,
                status="running",
                progress=10,
            )
            project.partners.append(m.ProjectPartner(institution_id=partner.id, role="funder"))
            s.add(project)
        names = {kto.id: ("KTO", kto.name), eru.id: ("ERÜ", eru.name)}
    window = make_window(sample_ctx)
    tab, projects = window.dashboard_tab, window.projects_tab
    projects.views.setCurrentWidget(projects.institutions)  # the tour was on Kurumlar
    projects.institutions.select_institution(eru.id)
    chart = tab.projects_chart
    qtbot.waitUntil(lambda: len(chart.hits) == 6, timeout=3000)
    assert chart.text_at(0.5, 0) == "KTO — lider, Yürüyor: 2 proje"
    payloads = [hit.payload for hit in chart.hits]
    for payload in payloads:
        window.tabs.setCurrentWidget(tab)
        hit = next(h for h in chart.hits if h.payload == payload)
        counted = round(hit.x1 - hit.x0)
        qtbot.mouseClick(
            chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.widget_point(hit.center)
        )
        assert window.tabs.currentWidget() is projects
        short, name = names[payload["institution_id"]]
        assert hit.tooltip.startswith(f"{short} — ")
        assert projects.institution_filter.currentData() == payload["institution_id"]
        assert projects.role_filter.currentData() == payload["role"]
        assert projects.role_filter.isEnabled()
        assert projects.status_filter.currentData() == payload["status"]
        assert projects.views.currentIndex() == 0  # the project list
        shown = projects.model.rows
        assert len(shown) == counted, (hit.tooltip, [p.code for p in shown])
        assert projects.projects_summary.text().startswith(f"Eylem planı projeleri: {counted} ")
        assert projects.institutions.current_id() == payload["institution_id"]
        assert projects.institution_page.heading.text() == name
        page = projects.institution_page
        role_table = page.led_table if payload["role"] == "lead" else page.partnered_table
        assert page.sections.currentWidget() is role_table
    kto_lead_running = {"institution_id": kto.id, "role": "lead", "status": "running"}
    assert kto_lead_running in payloads
    window.tabs.setCurrentWidget(tab)
    hit = next(h for h in chart.hits if h.payload == kto_lead_running)
    qtbot.mouseClick(
        chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.widget_point(hit.center)
    )
    assert [p.code for p in projects.model.rows] == ["P-01", "P-03"]
    # widening the role by hand shows all KTO's running projects
    projects.role_filter.setCurrentIndex(projects.role_filter.findData(None))
    assert [p.code for p in projects.model.rows] == ["P-01", "P-03", "P-04"]


def test_next_seven_days_lists_only_visits_still_to_be_made(qtbot, sample_ctx):
    """Sample visits: -10 done, -3 planned, +2 planned, +5 postponed. Added: today 09:00
    planned (its hour passed at 13:00), today 11:00 done, today 16:00 planned, +3
    cancelled, +6 planned (the 7th day), +7 planned (the 8th)."""
    with sample_ctx.db.write() as s:
        firm = s.scalar(select(m.Firm).where(m.Firm.deleted_at.is_(None)).order_by(m.Firm.id))
        for days, hour, status in (
            (0, 9, "planned"),
            (0, 11, "done"),
            (0, 16, "planned"),
            (3, 10, "cancelled"),
            (6, 10, "planned"),
            (7, 10, "planned"),
        ):
            start = dt.datetime.combine(TODAY + dt.timedelta(days=days), dt.time(hour))
            s.add(
                m.Visit(
                    firm_id=firm.id,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=1),
                    status=status,
                )
            )
    tab = DashboardTab(
        sample_ctx.db,
        today=lambda: TODAY,
        now=lambda: dt.datetime.combine(TODAY, dt.time(13, 0)),
    )
    qtbot.addWidget(tab)
    tab.resize(1366, 700)
    tab.show()
    qtbot.waitExposed(tab)
    bar = tab.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tab.pages.currentIndex() == 1
    model = tab.week_table.model()
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == ["25.11.2026 16:00", "27.11.2026 10:00", "01.12.2026 10:00"]
    assert tab.week_box.title() == "Önümüzdeki 7 gün: 3 planlı ziyaret"
    assert "Yalnız yapılacak ziyaretler" in tab.week_box.toolTip()


def test_the_pano_says_what_the_next_meetings_pack_will_print(make_window, qtbot, sample_ctx):
    """Sample: a meeting on 15.09.2026 with decisions due 01.10.2026 (late today) and
    01.02.2027 (late by a meeting on 01.03.2027). Added: that meeting and a milestone due
    10.12.2026 (not late today, late by then)."""
    with sample_ctx.db.write() as s:
        project = s.scalar(select(m.Project).where(m.Project.code == "P-01"))
        project.milestones.append(m.Milestone(title="Ara rapor", due_date=dt.date(2026, 12, 10)))
        ahead = m.Meeting(held_on=dt.date(2027, 3, 1), place="KTO Meclis Salonu")
        s.add(ahead)
        s.flush()
        ahead_id = ahead.id
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    assert figure(window, "decisions_late") == "1"  # today
    detail = window.findChild(QLabel, "detail_decisions_late")
    assert detail.isVisible() and detail.text() == "Paket 01.03: 2"
    assert window.findChild(QLabel, "detail_decisions_open").text() == "Paket 01.03: 2"
    bar = tab.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tab.pack_note.isVisible()
    assert tab.pack_note.text() == (
        "Sonraki toplantı 01.03.2027: paketi o günün durumunu yazacak — 2 açık karar, "
        "2 süresi geçen karar (bugün 1), 1 süresi geçen kilometre taşı (bugün 0)."
    )
    # the very figures the pack prints for that meeting
    summary = {row.label: row.now for row in meeting_pack.build(sample_ctx.db, ahead_id).summary}
    assert summary["Açık karar"] == 2
    assert summary["Süresi geçen karar"] == 2
    assert summary["Süresi geçen kilometre taşı"] == 1
    # the meeting moved to today: no meeting ahead, nothing to explain
    with sample_ctx.db.write() as s:
        s.get(m.Meeting, ahead_id).held_on = TODAY
    qtbot.waitUntil(lambda: not tab.pack_note.isVisible(), timeout=3000)
    assert not detail.isVisible()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_context_menu_saves_the_chart_for_a_slide(
    make_window, sample_ctx, tmp_path, monkeypatch, fmt
):
    chart = make_window(sample_ctx).dashboard_tab.sector_chart
    folder = tmp_path / "slaytlar"
    folder.mkdir()
    target = folder / "sektörler"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    menu = chart.context_menu()
    assert [a.text() for a in menu.actions()] == ["PNG olarak kaydet…", "SVG olarak kaydet…"]
    (chart.png_action if fmt == "png" else chart.svg_action).trigger()
    saved = folder / f"sektörler.{fmt}"
    assert sorted(p.name for p in folder.iterdir()) == [saved.name]  # no temporary left
    if fmt == "png":
        image = QImage(str(saved))
        assert (image.width(), image.height()) == (SLIDE_WIDTH, 1080)
    else:
        root = ET.parse(saved).getroot()
        assert root.tag.endswith("svg")
        assert "Mobilya" in saved.read_text(encoding="utf-8")


def test_pyqtgraph_english_menus_are_gone(make_window, sample_ctx):
    chart = make_window(sample_ctx).dashboard_tab.sector_chart
    assert chart.scene().contextMenu == []
    assert chart.plotItem.getContextMenus(None) is None
    assert chart.plotItem.getViewBox().getMenu(None) is chart.context_menu()


# -- targets -----------------------------------------------------------------------------


def test_targets_dialog_changes_the_headline_target(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    assert window.findChild(QLabel, "detail_visits_done").text() == "Hedef 450 · %0,2"

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TargetsDialog)
        dialog.visits.clear()
        qtbot.keyClicks(dialog.visits, "500")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qtbot.mouseClick(tab.targets_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.findChild(QLabel, "detail_visits_done").text() == "Hedef 500 · %0,2",
        timeout=1000,
    )
    qtbot.waitUntil(lambda: tab.burnup_chart.title() == "Saha ziyaretleri: 1 / 500", timeout=1000)
    assert list(tab.burnup_chart.curves["pace"].getData()[1]) == [0, 500]
    with sample_ctx.db.read() as s:
        assert s.scalar(select(m.Target.value).where(m.Target.key == "visits_done")) == 500


def test_targets_dialog_cancel_changes_nothing(make_window, qtbot, sample_ctx):
    tab = make_window(sample_ctx).dashboard_tab

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.visits.setValue(999)
        dialog.restore_defaults()
        assert dialog.values()["visits_done"] == 450
        dialog.visits.setValue(999)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    tab.edit_targets()
    with sample_ctx.db.read() as s:
        assert s.scalar(select(m.Target).where(m.Target.key == "visits_done")) is None


def test_read_only_database_does_not_open_the_targets_dialog(qtbot, sample_ctx, message_boxes):
    readonly = open_context(sample_ctx.db.path, readonly=True)
    try:
        tab = DashboardTab(readonly.db, today=lambda: TODAY)
        qtbot.addWidget(tab)
        tab.edit_targets()
        assert "salt okunur" in message_boxes.texts()[0]
    finally:
        readonly.close()


def test_sector_bar_opens_the_registry_filtered_to_that_sector(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    firms = window.firms_tab
    firms.search.setText("zzz")  # an old search must not hide the clicked sector's firms
    qtbot.waitUntil(lambda: bool(tab.sector_chart.hits), timeout=3000)
    hit = next(h for h in tab.sector_chart.hits if h.payload == {"sector": "mobilya"})
    qtbot.mouseClick(
        tab.sector_chart.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tab.sector_chart.widget_point(hit.center),
    )
    assert window.tabs.currentWidget() is firms
    assert firms.search.text() == "" and firms.filter_panel.sector.currentData() == "mobilya"
    qtbot.waitUntil(lambda: firms.model.rowCount() == 5, timeout=3000)


def test_plan_visit_from_the_registry_opens_the_calendar_dialog(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    firms = window.firms_tab
    window.tabs.setCurrentWidget(firms)
    qtbot.waitUntil(lambda: firms.model.rowCount() > 0, timeout=3000)
    firms.table.selectRow(0)
    chosen = firms.current_id()
    opened = []
    window.visits_tab.open_plan_dialog = lambda firm_id=None: opened.append(firm_id)
    qtbot.mouseClick(firms.plan_button, Qt.MouseButton.LeftButton)
    assert opened == [chosen] and window.tabs.currentWidget() is window.visits_tab
