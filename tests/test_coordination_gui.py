"""Kurumlar ve Projeler driven as a person would: institutions, a joint project, the
timeline, each institution's page, a late milestone marked done; every change reaches
the dashboard through the change bus (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY, make_firm
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton

from kayseri_desktop.gui.coordination.common import LATE_BACKGROUND
from kayseri_desktop.gui.coordination.project_dialog import MS_DONE, MS_DUE, MS_TITLE
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.services import coordination_lists as lists


def open_window(qtbot, ctx) -> MainWindow:
    win = MainWindow(ctx, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.projects_tab)
    return win


@pytest.fixture
def window(qtbot, ctx):
    with ctx.db.write() as s:
        s.add_all(
            [
                make_firm("Çağrı Mobilya A.Ş.", 300000001),
                make_firm("Işık Metal Ltd.", 300000002),
                make_firm("Dede Gıda", 300000003),
            ]
        )
    return open_window(qtbot, ctx)


def settle(window: MainWindow) -> None:
    """Deliver what the bus collected now instead of after the bridge's timer."""
    window.bridge.flush_now()


def figure(window: MainWindow, key: str) -> str:
    return window.findChild(QLabel, f"figure_{key}").text()


def dashboard_shows(qtbot, window: MainWindow, key: str, expected: str) -> None:
    """The Pano redraws what changed when it is shown (its queries run off the GUI thread)."""
    current = window.tabs.currentWidget()
    window.tabs.setCurrentWidget(window.dashboard_tab)
    qtbot.waitUntil(lambda: figure(window, key) == expected, timeout=5000)
    window.tabs.setCurrentWidget(current)


def type_text(widget, text: str) -> None:
    """Type like a keyboard, Turkish letters included (QTest.keyClicks is ASCII-only)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def double_click(qtbot, view, index) -> None:
    """A person's double click: Qt 6's QTest sends only the second press by itself."""
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=where)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)


def add_institution(qtbot, window, name, short, kind_label) -> None:
    dialog = window.projects_tab.open_institution(None)
    type_text(dialog.name, name)
    type_text(dialog.short_name, short)
    dialog.kind.setCurrentText(kind_label)
    save(qtbot, dialog)
    assert not dialog.isVisible()


def institution_id(window, short: str) -> int:
    rows = window.projects_tab.institutions_table.source.rows
    return next(r.id for r in rows if r.short_name == short)


def test_institutions_and_a_joint_project_through_the_dialogs(qtbot, window, message_boxes):
    tab = window.projects_tab
    add_institution(qtbot, window, "Kayseri Ticaret Odası", "KTO", "Oda")
    add_institution(qtbot, window, "Erciyes Üniversitesi", "ERÜ", "Üniversite")
    add_institution(qtbot, window, "Kayseri Ticaret Borsası", "KTB", "Borsa")
    settle(window)
    assert [r.name for r in tab.institutions_table.visible_rows()] == [
        "Erciyes Üniversitesi",
        "Kayseri Ticaret Borsası",
        "Kayseri Ticaret Odası",
    ]
    # The same name again (in capitals) is refused with a Turkish message; dialog stays.
    dialog = tab.open_institution(None)
    type_text(dialog.name, "KAYSERİ TİCARET ODASI")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert message_boxes.shown[-1][0] == QMessageBox.Icon.Warning
    assert "zaten var" in message_boxes.texts()[-1]
    dialog.reject()

    kto, erü, ktb = (institution_id(window, s) for s in ("KTO", "ERÜ", "KTB"))
    dialog = tab.open_project(None)
    type_text(dialog.code, "P-07")
    type_text(dialog.title_edit, "Ortak Dijital İhracat Akademisi")
    dialog.theme.setCurrentText("Dijitalleşme")
    dialog.year.setCurrentIndex(dialog.year.findData("1"))
    dialog.lead.setCurrentIndex(dialog.lead.findData(kto))
    dialog.status.setCurrentText("Yürüyor")
    dialog.start.setDate(QDate(2026, 1, 5))
    dialog.end.setDate(QDate(2026, 12, 31))
    dialog.budget.setValue(1_500_000)
    dialog.spent.setValue(400_000.5)
    dialog.progress.setValue(40)
    # Partners: KTO (the lead) by mistake, then ERÜ.
    dialog.tabs.setCurrentIndex(1)
    add_partner = dialog.form.findChild(QPushButton, "addPartnerButton")
    qtbot.mouseClick(add_partner, Qt.LeftButton)
    qtbot.mouseClick(add_partner, Qt.LeftButton)
    dialog.partner_combo(0, 0).setCurrentIndex(dialog.partner_combo(0, 0).findData(kto))
    dialog.partner_combo(1, 0).setCurrentIndex(dialog.partner_combo(1, 0).findData(ktb))
    dialog.partner_combo(1, 1).setCurrentText("Finansör")
    # Target firms picked from the registry: "cagri" finds "Çağrı".
    dialog.tabs.setCurrentIndex(2)
    type_text(dialog.firm_search, "cagri")
    assert [dialog.firm_results.item(i).text() for i in range(dialog.firm_results.count())] == [
        "Çağrı Mobilya A.Ş."
    ]
    dialog.firm_results.item(0).setSelected(True)
    dialog.add_selected_firms()
    assert dialog.chosen_firms.item(0).text() == "Çağrı Mobilya A.Ş."
    # Milestones: one already late on TODAY, one ahead; a badly typed date first.
    dialog.tabs.setCurrentIndex(3)
    for title, due, responsible in (
        ("Eğitim programı açıldı", "31.02.2026", erü),
        ("Kapanış raporu", "15.12.2026", kto),
    ):
        row = dialog.add_milestone()
        dialog.set_milestone_cell(row, MS_TITLE, title)
        dialog.set_milestone_cell(row, MS_DUE, due)
        combo = dialog.milestones.cellWidget(row, 2)
        combo.setCurrentIndex(combo.findData(responsible))
    save(qtbot, dialog)
    assert dialog.isVisible()
    problems = message_boxes.texts()[-1].splitlines()
    assert problems == [
        "Kilometre taşı 1, Son tarih: '31.02.2026' geçerli bir tarih değil (gg.aa.yyyy)."
    ]
    dialog.set_milestone_cell(0, MS_DUE, "01.03.2026")
    assert dialog.milestones.item(0, MS_TITLE).background().color() == LATE_BACKGROUND
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert message_boxes.texts()[-1] == (
        "Ortak 1: yürütücü kurum aynı projede ortak olarak da yer alamaz."
    )
    dialog.partner_combo(0, 0).setCurrentIndex(dialog.partner_combo(0, 0).findData(erü))
    save(qtbot, dialog)
    assert not dialog.isVisible()
    settle(window)

    # The project table: one row, behind (a late milestone) and drawn in red.
    model = tab.model
    assert model.rowCount() == 1
    (project,) = model.rows
    assert (project.code, project.lead, project.partners) == ("P-07", "KTO", "ERÜ, KTB")
    assert project.milestones_late == 1 and not project.late
    assert model.data(model.index(0, 9)) == "1 kilometre taşı gecikti"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == LATE_BACKGROUND
    dashboard_shows(qtbot, window, "projects_running", "1")

    # The timeline has its bar; clicking it opens the project.
    tab.views.setCurrentWidget(tab.gantt)
    qtbot.waitExposed(tab.gantt.plot)
    bar = tab.gantt.bar_of(project.id)
    assert bar is not None and [ms.title for _, ms in tab.gantt.markers] == [
        "Eğitim programı açıldı",
        "Kapanış raporu",
    ]
    tab.dialog = None
    point = tab.gantt.plot.mapFromScene(tab.gantt.scene_point_of(project.id))
    qtbot.mouseClick(tab.gantt.plot.viewport(), Qt.LeftButton, pos=point)
    assert tab.dialog is not None and tab.dialog.ident == project.id
    assert tab.dialog.code.text() == "P-07"
    assert tab.dialog.chosen_firm_ids() != []
    tab.dialog.reject()
    # Hovering the bar tells what it is (as plain text, whatever the title holds).
    tab.gantt._on_move(tab.gantt.scene_point_of(project.id))
    assert "P-07 — Ortak Dijital İhracat Akademisi<br>Yürütücü: KTO" in tab.gantt.plot.toolTip()

    # Each institution's page sees the project from its side, with the late count.
    tab.views.setCurrentWidget(tab.institutions)
    tab.select_institution(erü)
    page = tab.institution_page
    assert page.heading.text() == "Erciyes Üniversitesi"
    assert [p.code for p, _ in page.partnered_table.source.rows] == ["P-07"]
    assert page.partnered_table.source.data(page.partnered_table.source.index(0, 2)) == "Ortak"
    assert [ms.title for ms in page.milestones_table.source.rows] == ["Eğitim programı açıldı"]
    assert page.late_label.text() == "Geciken: 0 proje, 1 kilometre taşı, 0 karar"
    # Double-clicking the milestone on the page opens its project.
    page.sections.setCurrentWidget(page.milestones_table)
    tab.dialog = None
    double_click(qtbot, page.milestones_table, page.milestones_table.model().index(0, 0))
    assert tab.dialog is not None and tab.dialog.ident == project.id
    tab.dialog.reject()
    tab.select_institution(kto)
    assert [p.code for p in page.led_table.source.rows] == ["P-07"]
    tab.select_institution(ktb)
    assert page.partnered_table.source.data(page.partnered_table.source.index(0, 2)) == "Finansör"

    # Mark the late milestone done on the milestones page.
    tab.views.setCurrentIndex(3)
    late_row = next(i for i, r in enumerate(tab.milestones_table.visible_rows()) if r.late)
    tab.milestones_table.selectRow(late_row)
    qtbot.mouseClick(tab.milestone_list.done_button, Qt.LeftButton)
    settle(window)
    assert [r.late for r in tab.milestones_table.visible_rows()] == [False, False]
    assert tab.model.rows[0].milestones_late == 0
    tab.select_institution(erü)
    assert page.late_label.text() == "Geciken: 0 proje, 0 kilometre taşı, 0 karar"

    # The project's end passes: the project itself is late, on the dashboard too.
    data_before = figure(window, "projects_late")
    dialog = tab.open_project(project.id)
    dialog.end.setDate(QDate(2026, 11, 1))
    dialog.start.setDate(QDate(2026, 11, 2))
    save(qtbot, dialog)
    assert (
        "Bitiş tarihi (01.11.2026) başlangıçtan (02.11.2026) önce olamaz."
        in (message_boxes.texts()[-1])
    )
    dialog.start.setDate(QDate(2026, 1, 5))
    save(qtbot, dialog)
    settle(window)
    assert data_before == "0"
    dashboard_shows(qtbot, window, "projects_late", "1")
    assert tab.model.rows[0].late


def test_project_filters_narrow_table_and_timeline(qtbot, ctx):
    from kayseri_desktop.services import demo

    demo.generate(ctx.db, firms=60, today=TODAY)
    window = open_window(qtbot, ctx)
    tab = window.projects_tab
    total = tab.model.rowCount()
    assert total == len(lists.projects(window.ctx.db, TODAY)) > 0
    tab.late_filter.setChecked(True)
    behind = [r for r in lists.projects(window.ctx.db, TODAY) if r.behind]
    assert tab.model.rowCount() == len(behind) > 0
    assert {b.project_id for b in tab.gantt.bars} <= {p.id for p in behind}
    tab.late_filter.setChecked(False)
    tab.theme_filter.setCurrentIndex(tab.theme_filter.findData("yesil"))
    assert {r.theme for r in tab.model.rows} == {"yesil"}
    tab.theme_filter.setCurrentIndex(0)
    tab.year_filter.setCurrentIndex(tab.year_filter.findData("2"))
    assert {r.roadmap_year for r in tab.model.rows} == {2}
    tab.year_filter.setCurrentIndex(0)
    inst = tab.institution_filter.itemData(1)
    tab.institution_filter.setCurrentIndex(1)
    assert all(r.involves(inst) for r in tab.model.rows)
    tab.institution_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("done"))
    assert {r.status for r in tab.model.rows} == {"done"}
    assert tab.projects_summary.text().startswith("Eylem planı projeleri: ")


def test_project_dialog_keeps_milestone_ids_on_edit(qtbot, window):
    from kayseri_desktop.services import coordination as co

    kto = co.save_institution(window.ctx.db, co.InstitutionData("KTO", "oda"))
    pid = co.save_project(
        window.ctx.db,
        co.ProjectData(
            "P-1",
            "Deneme",
            "dijital",
            1,
            kto,
            milestones=[co.MilestoneData("İlk", dt.date(2027, 1, 1))],
        ),
    )
    settle(window)
    dialog = window.projects_tab.open_project(pid)
    dialog.tabs.setCurrentIndex(3)
    dialog.milestones.setCurrentCell(0, MS_TITLE)
    qtbot.mouseClick(
        dialog.form.findChild(QPushButton, "milestoneDoneButton"),
        Qt.LeftButton,
    )
    assert dialog.milestones.item(0, MS_DONE).text() == "25.11.2026"
    save(qtbot, dialog)
    (ms,) = lists.milestones(window.ctx.db, TODAY, project_id=pid)
    assert ms.done_on == TODAY
    assert co.load_project(window.ctx.db, pid).milestones[0].id == ms.id
