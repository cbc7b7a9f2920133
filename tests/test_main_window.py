"""The main window, its tabs, the bus bridge, the self-test (offscreen, pytest-qt)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from conftest import SAMPLE_ORDER, SAMPLE_TITLES, TODAY, add_sample_rows, make_firm
from PySide6.QtCore import QSettings, Qt, QThread
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QLabel

from kayseri_desktop import __version__
from kayseri_desktop.app import main
from kayseri_desktop.data import migrations
from kayseri_desktop.gui import i18n
from kayseri_desktop.gui.about_dialog import about_text
from kayseri_desktop.gui.bus_bridge import BusBridge
from kayseri_desktop.gui.firms_tab import FirmsTab
from kayseri_desktop.gui.forms import form_names, load_form
from kayseri_desktop.gui.main_window import DATABASE_KEY, MainWindow
from kayseri_desktop.gui.table_model import SORT_ROLE, Column, TableModel
from kayseri_desktop.services import statistics
from kayseri_desktop.services.context import open_context

TAB_TITLES = ["Pano", "Firmalar", "Ziyaret Takvimi", "Kurumlar ve Projeler", "Toplantılar"]
TAB_NAMES = ["dashboardTab", "firmsTab", "visitsTab", "projectsTab", "meetingsTab"]


@pytest.fixture
def make_window(qtbot):
    def make(context) -> MainWindow:
        window = MainWindow(context, today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # The Pano's charts follow its first paint (tiles first): wait for them.
        qtbot.waitUntil(
            lambda: window.tabs.currentIndex() != 0 or window.dashboard_tab.charts_filled,
            timeout=5000,
        )
        return window

    return make


def insert_firms(db, titles, first_serial=200000001) -> None:
    with db.write() as s:
        s.add_all(
            make_firm(title, first_serial + i, sector="gida", district="talas")
            for i, title in enumerate(titles)
        )


def figure(window: MainWindow, key: str) -> str:
    label = window.findChild(QLabel, f"figure_{key}")
    assert label is not None, key
    return label.text()


# -- the window -----------------------------------------------------------------------


def test_window_shows_five_turkish_tabs_with_data(make_window, demo_ctx):
    window = make_window(demo_ctx)
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == TAB_TITLES
    window.data_tabs  # noqa: B018  (tabs not shown yet are built on first use)
    assert [tabs.widget(i).objectName() for i in range(tabs.count())] == TAB_NAMES
    for name in TAB_NAMES:
        assert window.findChild(type(tabs.widget(TAB_NAMES.index(name))), name) is not None
    assert window.firms_tab.model.rowCount() > 0
    assert window.projects_tab.model.rowCount() > 0
    assert window.meetings_tab.model.rowCount() > 0
    assert int(figure(window, "firms_total").replace(".", "")) == window.firms_tab.model.rowCount()
    for i in range(tabs.count()):
        window.tab_actions[i].trigger()
        assert tabs.currentIndex() == i
        assert window.tab_actions[i].shortcut().toString() == f"Ctrl+{i + 1}"


def test_title_and_status_bar_name_the_database(make_window, ctx):
    window = make_window(ctx)
    assert window.windowTitle() == "Kayseri İhracat Koordinasyon Masası — t.sqlite"
    assert "t.sqlite" in window.database_label.text()
    assert window.database_label.text() == f"Veritabanı: {ctx.db.display_name()}"
    assert window.mode_label.text() == "Yazılabilir"


def test_status_bar_says_read_only(make_window, ctx, tmp_path):
    readonly = open_context(tmp_path / "t.sqlite", readonly=True)
    try:
        window = make_window(readonly)
        assert window.mode_label.text() == "Salt okunur"
    finally:
        readonly.close()


def test_empty_database_shows_zeros_not_placeholders(make_window, ctx):
    window = make_window(ctx)
    assert figure(window, "firms_total") == "0"
    assert figure(window, "exports_usd") == "0,0"
    assert window.firms_tab.count_label.text() == "Gösterilen: 0 / 0 firma"


def test_undo_and_redo_follow_the_window_stack(make_window, ctx):
    window = make_window(ctx)
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()
    window.undo_stack.push(QUndoCommand("Firma ekle"))
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "Geri al Firma ekle"
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()


# -- firms in Turkish order -----------------------------------------------------------


def test_firms_table_lists_firms_in_turkish_order(qtbot, ctx):
    insert_firms(ctx.db, SAMPLE_TITLES)
    tab = FirmsTab(ctx.db)
    qtbot.addWidget(tab)

    def titles() -> list[str]:
        return [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]

    assert titles() == SAMPLE_ORDER
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert titles() == SAMPLE_ORDER[::-1]
    assert tab.model.data(tab.model.index(0, 2)) == "Gıda"  # the sector's label, not its code
    assert tab.model.data(tab.model.index(0, 3)) == "Talas"


def test_table_model_without_widgets():
    columns = [
        Column("Ad", lambda r: r[0]),
        Column("Sayı", lambda r: f"{r[1]:,}".replace(",", "."), lambda r: r[1]),
    ]
    model = TableModel(columns)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.set_rows([("a", 1200), ("b", 3)])
    assert resets == [2]
    assert model.columnCount() == 2
    assert model.data(model.index(0, 1)) == "1.200"
    assert model.data(model.index(0, 1), SORT_ROLE) == 1200
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Sayı"
    assert model.headerData(0, Qt.Orientation.Vertical) is None


# -- the change bus -------------------------------------------------------------------


def test_publish_refreshes_firms_table_and_dashboard(make_window, qtbot, sample_ctx):
    window = make_window(sample_ctx)
    before = window.firms_tab.model.rowCount()
    assert figure(window, "firms_total") == str(before)
    insert_firms(sample_ctx.db, ["Abacı Mobilya"], first_serial=300000001)
    sample_ctx.bus.publish("firm", [999], "create")
    qtbot.waitUntil(lambda: window.firms_tab.model.rowCount() == before + 1)
    qtbot.waitUntil(lambda: figure(window, "firms_total") == str(before + 1))
    model = window.firms_tab.model
    assert model.data(model.index(0, 0)) == "Abacı Mobilya"


def test_a_burst_of_publishes_emits_once(qtbot, ctx):
    bridge = BusBridge(ctx.bus)
    emitted: list[set[str]] = []
    bridge.changed.connect(emitted.append)
    for i in range(1000):
        ctx.bus.publish("firm" if i % 2 else "visit", [i])
    qtbot.waitUntil(lambda: len(emitted) == 1)
    qtbot.wait(200)
    assert emitted == [{"firm", "visit"}]
    bridge.close()


def test_publishes_from_a_worker_thread_arrive_on_the_gui_thread(qtbot, ctx):
    bridge = BusBridge(ctx.bus)
    seen: list[tuple[set[str], bool]] = []
    gui_thread = QApplication.instance().thread()
    bridge.changed.connect(lambda e: seen.append((e, QThread.currentThread() is gui_thread)))

    def work() -> None:
        for i in range(1000):
            ctx.bus.publish("meeting", [i])

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) == 1)
    qtbot.wait(200)
    assert seen == [({"meeting"}, True)]
    bridge.close()


def test_closed_bridge_stops_listening(qtbot, ctx):
    bridge = BusBridge(ctx.bus)
    emitted: list[set[str]] = []
    bridge.changed.connect(emitted.append)
    bridge.close()
    ctx.bus.publish("firm")
    qtbot.wait(120)
    assert emitted == []


# -- settings -------------------------------------------------------------------------


def test_geometry_and_last_tab_survive_a_restart(qtbot, make_window, ctx):
    first = make_window(ctx)
    first.resize(760, 540)
    first.tabs.setCurrentIndex(3)
    first.close()
    second = make_window(ctx)
    assert (second.width(), second.height()) == (760, 540)
    assert second.tabs.currentWidget().objectName() == "projectsTab"
    assert second.tab_actions[3].isChecked()


def test_language_menu_saves_the_choice_and_says_it_needs_a_restart(
    make_window, ctx, message_boxes
):
    window = make_window(ctx)
    assert window.language_actions["tr"].isChecked()
    window.language_actions["en"].trigger()
    assert QSettings().value(i18n.LANGUAGE_KEY) == "en"
    assert len(message_boxes.shown) == 1
    assert "yeniden başlatıldığında" in message_boxes.texts()[0]


def test_open_database_switches_and_is_remembered(
    make_window, qtbot, ctx, tmp_path, monkeypatch, message_boxes
):
    other = tmp_path / "ikinci.sqlite"
    other_ctx = open_context(other)
    insert_firms(other_ctx.db, ["Erciyes Kablo", "Talas Un"])
    other_ctx.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    window = make_window(ctx)
    window.open_action.trigger()
    assert window.windowTitle().endswith("— ikinci.sqlite")
    assert "ikinci.sqlite" in window.database_label.text()
    assert window.firms_tab.model.rowCount() == 2
    assert QSettings().value(DATABASE_KEY) == str(other)
    assert message_boxes.shown == []
    insert_firms(window.ctx.db, ["Develi Gıda"], first_serial=400000001)
    window.ctx.bus.publish("firm")  # the new database's bus is the one listened to now
    qtbot.waitUntil(lambda: window.firms_tab.model.rowCount() == 3)


def test_open_database_from_a_newer_app_is_refused_with_a_message(
    make_window, ctx, tmp_path, monkeypatch, message_boxes
):
    newer = tmp_path / "yeni.sqlite"
    open_context(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(newer), ""))
    window = make_window(ctx)
    window.open_action.trigger()
    assert window.windowTitle().endswith("— t.sqlite")
    assert len(message_boxes.shown) == 1
    assert "daha yeni" in message_boxes.texts()[0]
    assert QSettings().value(DATABASE_KEY) is None


# -- about dialog and forms -----------------------------------------------------------


def test_about_dialog_shows_versions_and_schema(make_window, qtbot, ctx):
    window = make_window(ctx)
    window.about_action.trigger()
    dialog = window.findChild(QDialog, "AboutDialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = about_text(dialog)
    assert migrations.head_revision() in text
    assert __version__ in text
    assert ctx.db.display_name() in text
    for library in ("Python", "Qt", "PySide6", "SQLAlchemy", "pyqtgraph"):
        assert library in text
    buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "AboutDialog") is None)


def test_every_designer_form_loads(qtbot):
    names = form_names()
    assert "about_dialog" in names
    for name in names:
        widget = load_form(name)
        qtbot.addWidget(widget)
        assert widget.objectName()


# -- statistics -----------------------------------------------------------------------


def test_headline_figures_of_the_sample(ctx):
    add_sample_rows(ctx.db)
    figures = statistics.headline(ctx.db, today=TODAY)
    assert figures == {
        "firms_total": 5,
        "firms_evaluated": 1,
        "visits_done": 1,
        "visits_planned": 2,
        "projects_running": 1,
        "projects_done": 1,
        "projects_late": 1,
        "decisions_open": 2,
        "decisions_late": 1,
        "exports_usd": 3_750_000,
        "export_year": 2024,
    }


# -- the entry point ------------------------------------------------------------------


def test_self_test_passes_on_a_fresh_database(qapp, tmp_path, capsys):
    path = tmp_path / "yeni.sqlite"
    assert main(["--self-test", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "qtbase_tr" in out
    assert "Öz sınama başarılı." in out
    for title in TAB_TITLES:
        assert title in out
    assert QSettings().value("mainwindow/geometry") is None  # the layout was left alone


def test_self_test_refuses_a_database_from_a_newer_app(qapp, tmp_path, capsys):
    path = tmp_path / "gelecek.sqlite"
    open_context(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    assert main(["--self-test", "--db", str(path)]) != 0
    captured = capsys.readouterr()
    assert "daha yeni" in captured.err
    with sqlite3.connect(path) as conn:  # and it was not touched
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("ffff",)


def test_gui_entry_point_opens_the_window_on_the_given_database(qapp, tmp_path, monkeypatch):
    shown: list[str] = []

    def fake_exec() -> int:  # instead of the event loop: note the window, close it
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                shown.append(widget.windowTitle())
                widget.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    try:
        assert main(["--db", str(tmp_path / "giris.sqlite")]) == 0
    finally:
        i18n.remove_translators()
    assert shown == ["Kayseri İhracat Koordinasyon Masası — giris.sqlite"]
    assert QSettings().value("mainwindow/tab") == "dashboardTab"


def test_gui_entry_point_explains_a_database_it_cannot_open(qapp, tmp_path, message_boxes):
    path = tmp_path / "gelecek.sqlite"
    open_context(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff'")
    try:
        assert main(["--db", str(path)]) == 2
    finally:
        i18n.remove_translators()
    assert len(message_boxes.shown) == 1
    assert "daha yeni" in message_boxes.texts()[0]


# -- tab details ----------------------------------------------------------------------


def test_meetings_tab_shows_the_decisions_of_the_chosen_meeting(make_window, sample_ctx):
    window = make_window(sample_ctx)
    tab = window.meetings_tab
    assert tab.model.rowCount() == 1
    assert tab.model.data(tab.model.index(0, 3)) == "2"  # open decisions
    decisions = tab.decisions_table
    assert decisions.source.rowCount() == 3
    statuses = sorted(decisions.source.data(decisions.source.index(r, 3)) for r in range(3))
    assert statuses == ["Açık", "Süresi geçti", "Tamamlandı"]


def test_dashboard_lists_this_weeks_visits_in_time_order_and_overdue_decisions(
    make_window, sample_ctx
):
    window = make_window(sample_ctx)
    tab = window.dashboard_tab
    week = tab.week_table.visible_rows()
    assert [v.firm_title for v in week] == ["Cam"]  # İnci's visit is postponed: not upcoming
    assert [d.text for d in tab.overdue_table.visible_rows()] == ["Rapor hazırlansın"]
    assert figure(window, "decisions_late") == "1"
    assert window.findChild(QLabel, "figure_decisions_late").property("alert") is True
    assert figure(window, "exports_usd") == "3,8"


def test_visit_calendar_lists_visits_from_today_with_team_and_status(make_window, sample_ctx):
    window = make_window(sample_ctx)
    model = window.visits_tab.model
    assert model.rowCount() == 2
    assert [model.data(model.index(r, 0)) for r in range(2)] == [
        "27.11.2026 10:00",
        "30.11.2026 10:00",
    ]
    assert model.data(model.index(0, 2)) == "Ayşe Yılmaz, Ömer Çelik"
    assert [model.data(model.index(r, 3)) for r in range(2)] == ["Planlandı", "Ertelendi"]


def test_projects_tab_shows_lead_status_and_progress(make_window, sample_ctx):
    window = make_window(sample_ctx)
    model = window.projects_tab.model
    row = [model.data(model.index(0, c)) for c in range(6)]
    assert row == ["P-01", "Dijital İhracat Akademisi", "KTO", "Yürüyor", "%45", "31.10.2026"]
    assert window.projects_tab.institutions_table.source.rowCount() == 2
