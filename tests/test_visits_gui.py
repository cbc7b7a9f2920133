"""The Ziyaret Takvimi tab driven as a person would (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)
from sqlalchemy import select
from test_visits_services import at, office  # noqa: F401  (the office fixture)

from kayseri_desktop.data import models as m
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.gui.visits.closed_days import ClosedDaysDialog
from kayseri_desktop.gui.visits.plan_dialog import PlanVisitDialog
from kayseri_desktop.gui.visits.progress_panel import FieldEndDialog
from kayseri_desktop.gui.visits.record_dialog import RecordVisitDialog
from kayseri_desktop.gui.visits.staff_page import StaffDialog
from kayseri_desktop.gui.visits_tab import AGENDA, MONTH, WEEK
from kayseri_desktop.services import visits as sv

THU = dt.date(2026, 11, 26)


@pytest.fixture
def window(qtbot, office):  # noqa: F811
    win = MainWindow(office, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.visits_tab)
    return win


def save(qtbot, dialog) -> None:
    box = dialog.findChild(QDialogButtonBox, "buttons")
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def fill_plan(
    dialog: PlanVisitDialog, qtbot, search: str, when: dt.datetime, minutes=60, team=(0,)
):
    dialog.firm_search.clear()
    qtbot.keyClicks(dialog.firm_search, search)
    dialog.firm_list.setCurrentRow(0)
    dialog.date.setDate(QDate(when.year, when.month, when.day))
    dialog.time.setTime(QTime(when.hour, when.minute))
    dialog.minutes.setValue(minutes)
    for i in team:
        dialog.team.item(i).setCheckState(Qt.CheckState.Checked)


def count_visits(db) -> int:
    with db.read() as s:
        return len(s.scalars(select(m.Visit.id)).all())


def send_mouse(widget, kind: QEvent.Type, pos, buttons) -> None:
    point = QPointF(pos)
    event = QMouseEvent(
        kind,
        point,
        widget.mapToGlobal(point),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def test_plan_a_visit_in_the_dialog_and_see_it_on_week_and_month(window, qtbot, message_boxes):
    tab = window.visits_tab
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(PlanVisitDialog)
    assert dialog.isVisible() and dialog.windowTitle() == "Ziyaret planla"
    qtbot.keyClicks(dialog.firm_search, "cagri")
    assert dialog.firm_list.count() == 1
    fill_plan(dialog, qtbot, "cagri", at(THU, 10), 120, team=(0, 1))
    assert dialog.firm_label.text() == "Çağrı Mobilya A.Ş."
    dialog.purpose.setText("Tanışma ziyareti")
    assert dialog.conflicts.text() == ""
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and message_boxes.shown == []
    [block] = tab.week_view.data.blocks
    assert (block.firm_title, block.starts_at, block.team) == (
        "Çağrı Mobilya A.Ş.",
        at(THU, 10),
        "Ayşe Yılmaz, Ömer Çelik",
    )
    rect = tab.week_view.block_rect(block.id)
    assert rect.contains(QPointF(tab.week_view.pos_for(at(THU, 11))))
    assert tab.period_label.text() == "23 – 29 Kasım 2026 · 48. hafta"
    qtbot.mouseClick(tab.mode_buttons.button(MONTH), Qt.MouseButton.LeftButton)
    assert tab.period_label.text() == "Kasım 2026"
    assert not tab.month_view.chip_rect(block.id).isEmpty()
    assert tab.month_view.cell_rect(THU).contains(tab.month_view.chip_rect(block.id))


@pytest.mark.parametrize(
    ("setup", "when", "team", "words"),
    [
        ("staff", at(THU, 11), (0,), "Ayşe Yılmaz aynı saatte başka bir ziyarette: Işık Metal"),
        ("firm", at(THU, 14), (1,), "Firmanın zaten açık bir ziyareti var"),
        (None, at(dt.date(2026, 11, 29), 10), (0,), "hafta sonu"),
        (None, at(THU, 18), (0,), "mesai saatleri (09:00–18:00) dışında"),
        (None, at(dt.date(2027, 3, 10), 10), (0,), "resmî tatil (Ramazan Bayramı)"),
        (None, at(dt.date(2027, 5, 17), 10), (0,), "resmî tatil (Kurban Bayramı)"),
        ("closed", at(THU, 10), (0,), "ofis kapalı (Genel kurul)"),
    ],
)
def test_each_kind_of_conflict_is_named_and_asked_about(
    window, qtbot, message_boxes, setup, when, team, words
):
    db = window.ctx.db
    if setup == "staff":
        sv.plan_visit(db, sv.VisitDraft(2, at(THU, 10, 30), 90, (1,)))
    elif setup == "firm":
        sv.plan_visit(db, sv.VisitDraft(1, at(THU, 9), 60, (2,)))
    elif setup == "closed":
        dialog = window.visits_tab.open_closed_days()
        assert isinstance(dialog, ClosedDaysDialog)
        dialog.day.setDate(QDate(THU.year, THU.month, THU.day))
        qtbot.keyClicks(dialog.reason, "Genel kurul")
        qtbot.mouseClick(dialog.findChild(QPushButton, "addClosedDay"), Qt.MouseButton.LeftButton)
        assert dialog.list.count() == 1
        dialog.close()
    before = count_visits(db)
    dialog = window.visits_tab.open_plan_dialog()
    fill_plan(dialog, qtbot, "cagri", when, 60, team)
    assert words in dialog.conflicts.text()
    save(qtbot, dialog)
    [(icon, title, text)] = message_boxes.shown
    assert icon == QMessageBox.Icon.Warning and title == "Çakışma var" and words in text
    assert count_visits(db) == before + 1  # "Yine de kaydet"


def test_declining_the_conflict_warning_saves_nothing(window, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda box: asked.append(box.text()) or int(QMessageBox.StandardButton.Cancel.value),
    )
    dialog = window.visits_tab.open_plan_dialog()
    fill_plan(dialog, qtbot, "dede", at(dt.date(2026, 11, 28), 10))
    save(qtbot, dialog)
    assert len(asked) == 1 and "hafta sonu" in asked[0]
    assert dialog.isVisible() and count_visits(window.ctx.db) == 0


def test_missing_team_is_refused_with_a_message(window, qtbot, message_boxes):
    dialog = window.visits_tab.open_plan_dialog()
    fill_plan(dialog, qtbot, "dede", at(THU, 10), team=())
    save(qtbot, dialog)
    assert message_boxes.texts() == ["Saha ekibi: en az bir kişi seçin."]
    assert count_visits(window.ctx.db) == 0


def test_double_click_a_slot_plans_there_and_drag_reschedules(window, qtbot, message_boxes):
    tab = window.visits_tab
    view = tab.week_view
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=view.pos_for(at(THU, 11)))
    dialog = tab.findChild(PlanVisitDialog)
    assert dialog.date.date() == QDate(2026, 11, 26) and dialog.time.time() == QTime(11, 0)
    fill_plan(dialog, qtbot, "inci", at(THU, 11), 60)
    save(qtbot, dialog)
    [block] = view.data.blocks
    rect = view.block_rect(block.id)
    start = rect.topLeft().toPoint() + QPoint(10, 3)
    target = view.pos_for(at(dt.date(2026, 11, 27), 14))
    send_mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    send_mouse(view, QEvent.Type.MouseMove, target, Qt.MouseButton.LeftButton)
    assert view.ghost == at(dt.date(2026, 11, 27), 14)
    send_mouse(view, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    detail = sv.visit_detail(window.ctx.db, block.id)
    assert (detail.starts_at, detail.ends_at) == (
        at(dt.date(2026, 11, 27), 14),
        at(dt.date(2026, 11, 27), 15),
    )
    assert message_boxes.shown == []
    assert (
        window.undo_action.text() == "Geri al Inci Halı ziyaretini taşı"
        or window.undo_stack.count() == 1
    )
    window.undo_action.trigger()
    assert sv.visit_detail(window.ctx.db, block.id).starts_at == at(THU, 11)
    window.redo_action.trigger()
    assert sv.visit_detail(window.ctx.db, block.id).starts_at == at(dt.date(2026, 11, 27), 14)
    qtbot.waitUntil(lambda: view.block(block.id).starts_at == at(dt.date(2026, 11, 27), 14))
    # dragging onto Saturday asks first
    rect = view.block_rect(block.id)
    start = rect.topLeft().toPoint() + QPoint(10, 3)
    target = view.pos_for(at(dt.date(2026, 11, 28), 10))
    send_mouse(view, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    send_mouse(view, QEvent.Type.MouseMove, target, Qt.MouseButton.LeftButton)
    send_mouse(view, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    assert any("hafta sonu" in t for t in message_boxes.texts())
    assert sv.visit_detail(window.ctx.db, block.id).starts_at == at(dt.date(2026, 11, 28), 10)


def test_record_findings_changes_the_firms_evaluation_and_reaches_other_tabs(
    window, qtbot, message_boxes, monkeypatch
):
    db = window.ctx.db
    reached = []
    original = window.firms_tab.on_entities_changed
    monkeypatch.setattr(
        window.firms_tab, "on_entities_changed", lambda e: reached.append(set(e)) or original(e)
    )
    vid = sv.plan_visit(db, sv.VisitDraft(2, at(dt.date(2026, 11, 24), 10), 60, (2,)))
    tab = window.visits_tab
    qtbot.waitUntil(lambda: len(tab.week_view.data.blocks) == 1)
    qtbot.waitUntil(lambda: window.findChild(QLabel, "figure_visits_planned").text() == "1")
    rect = tab.week_view.block_rect(vid)
    qtbot.mouseDClick(tab.week_view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    dialog = tab.findChild(RecordVisitDialog)
    assert dialog is not None and dialog.done_radio.isChecked()
    dialog.scores["dijital"].setCurrentIndex(4)
    dialog.scores["ihracat"].setCurrentIndex(2)
    dialog.needs.setPlainText("Dış ticaret eğitimi")
    qtbot.mouseClick(dialog.findChild(QPushButton, "addFollowUp"), Qt.MouseButton.LeftButton)
    dialog.follow_ups.item(0, 0).setText("Eğitim takvimini gönder")
    dialog.follow_ups.item(0, 1).setText("KTO")
    dialog.follow_ups.item(0, 2).setText("31.02.2026")
    save(qtbot, dialog)
    assert message_boxes.texts() == [
        "Takip işleri, satır 1, Termin: “31.02.2026” bir tarih değil (gg.aa.yyyy)."
    ]
    assert sv.visit_detail(db, vid).status == "planned"
    dialog.follow_ups.item(0, 2).setText("15.12.2026")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    with db.read() as s:
        latest = s.scalars(
            select(m.Evaluation)
            .where(m.Evaluation.firm_id == 2, m.Evaluation.kind == "field")
            .order_by(m.Evaluation.evaluated_on.desc())
        ).first()
        assert latest.visit_id == vid
        assert {sc.theme: sc.score for sc in latest.scores} == {"dijital": 4, "ihracat": 2}
    qtbot.waitUntil(lambda: window.findChild(QLabel, "figure_visits_done").text() == "1")
    assert any({"visit", "evaluation"} <= e for e in reached)
    assert window.visits_tab.progress.headline.text() == "1 / 450"


def test_postpone_with_a_reason(window, qtbot, message_boxes):
    db = window.ctx.db
    vid = sv.plan_visit(db, sv.VisitDraft(3, at(THU, 10), 60, (1,)))
    dialog = window.visits_tab.open_record_dialog(vid)
    qtbot.mouseClick(dialog.postponed_radio, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1
    save(qtbot, dialog)
    assert message_boxes.texts() == [
        "Gerekçe: ertelenen ya da iptal edilen ziyaret için gerekçe yazın."
    ]
    dialog.reason.setPlainText("Firma yetkilisi fuarda")
    save(qtbot, dialog)
    d = sv.visit_detail(db, vid)
    assert (d.status, d.status_reason) == ("postponed", "Firma yetkilisi fuarda")


def test_batch_plan_a_district_by_place(window, qtbot, message_boxes):
    tab = window.visits_tab
    tab.pages.setCurrentWidget(tab.place_page)
    page = tab.place_page
    assert [g.label for g in page.groups.visible_rows()] == [
        "Kocasinan — Kayseri OSB",
        "Melikgazi — OSB dışı",
        "Talas — OSB dışı",
    ]
    assert page.choose_group("Kocasinan — Kayseri OSB")
    assert [f.title for f in page.firms.visible_rows()] == ["Çağrı Mobilya A.Ş.", "Işık Metal Ltd."]
    page.firms.selectAll()
    page.day.setDate(QDate(2026, 12, 1))
    page.team.item(0).setCheckState(Qt.CheckState.Checked)
    assert page.preview.text() == "09:30–11:00 Çağrı Mobilya A.Ş.\n11:30–13:00 Işık Metal Ltd."
    qtbot.mouseClick(page.schedule_button, Qt.MouseButton.LeftButton)
    assert message_boxes.texts() == ["2 ziyaret 01.12.2026 gününe planlandı."]
    blocks = sv.visits_between(window.ctx.db, dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    assert [(b.firm_title, b.starts_at.time()) for b in blocks] == [
        ("Çağrı Mobilya A.Ş.", dt.time(9, 30)),
        ("Işık Metal Ltd.", dt.time(11, 30)),
    ]
    qtbot.waitUntil(lambda: len(page.groups.source.rows) == 2)
    assert "Kocasinan" not in " ".join(g.label for g in page.groups.source.rows)
    page.filter.setText("dede")
    assert [f.title for f in page.firms.visible_rows()] == ["Dede Gıda"]


def test_staff_page_adds_and_retires_people(window, qtbot, message_boxes):
    tab = window.visits_tab
    tab.pages.setCurrentWidget(tab.staff_page)
    page = tab.staff_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(StaffDialog)
    dialog.name.setText("Zeynep Şahin")  # QTest types Latin-1 only
    qtbot.keyClicks(dialog.email, "zeynep@")
    save(qtbot, dialog)
    assert message_boxes.texts() == ["E-posta: “zeynep@” geçerli bir adres değil."]
    dialog.email.setText("zeynep@kto.org.tr")
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: any(r.name == "Zeynep Şahin" for r in page.table.source.rows))
    assert page.current().name == "Zeynep Şahin"
    qtbot.mouseClick(page.retire_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.current().active)
    assert page.retire_button.text() == "Yeniden etkinleştir"
    plan = tab.open_plan_dialog()
    assert "Zeynep Şahin" not in [plan.team.item(i).text() for i in range(plan.team.count())]
    plan.reject()


def test_keyboard_navigation_and_holidays_in_the_header(window, qtbot):
    tab = window.visits_tab
    view = tab.week_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert tab.period_label.text() == "30 Kasım – 6 Aralık 2026 · 49. hafta"
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert tab.period_label.text() == "23 – 29 Kasım 2026 · 48. hafta"
    tab.anchor = dt.date(2027, 3, 2)
    tab.navigate(1)
    assert view.data.day_note(dt.date(2027, 3, 10)) == "Ramazan Bayramı"
    qtbot.mouseClick(tab.mode_buttons.button(MONTH), Qt.MouseButton.LeftButton)
    tab.month_view.setFocus()
    qtbot.keyClick(tab.month_view, Qt.Key.Key_PageDown)
    assert tab.period_label.text() == "Nisan 2027"
    qtbot.mouseClick(tab.today_button, Qt.MouseButton.LeftButton)
    assert tab.period_label.text() == "Kasım 2026" and tab.mode == MONTH
    tab.set_mode(WEEK)


def test_plan_visit_for_firm_from_the_main_window(window, qtbot):
    window.tabs.setCurrentIndex(1)
    dialog = window.plan_visit_for_firm(3)
    assert window.tabs.currentWidget() is window.visits_tab
    assert dialog.firm_label.text() == "Dede Gıda"
    dialog.reject()


def test_exports_from_the_tab(window, qtbot, message_boxes, monkeypatch, tmp_path):
    sv.plan_visit(window.ctx.db, sv.VisitDraft(3, at(THU, 10), 60, (1,)))
    window.visits_tab.reload()
    out = tmp_path / "hafta.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.visits_tab.xlsx_action.trigger()
    assert out.exists() and message_boxes.texts() == [f"1 ziyaret {out} dosyasına yazıldı."]
    ics = tmp_path / "hafta.ics"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(ics), ""))
    window.visits_tab.ics_action.trigger()
    assert b"BEGIN:VEVENT" in ics.read_bytes()


def test_agenda_range_and_month_shortcuts(window, qtbot):
    db = window.ctx.db
    first = sv.plan_visit(db, sv.VisitDraft(1, at(THU, 10), 60, (1,)))
    for i, firm in enumerate((2, 3, 4)):
        sv.plan_visit(db, sv.VisitDraft(firm, at(dt.date(2026, 12, 2), 9 + 2 * i), 60, (2,)))
    tab = window.visits_tab
    qtbot.mouseClick(tab.mode_buttons.button(AGENDA), Qt.MouseButton.LeftButton)
    tab.agenda.set_range(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [r.id for r in tab.agenda.table.visible_rows()] == [first]
    assert tab.agenda.summary.text() == "1 ziyaret (1 planlı)"
    assert tab.period_label.text() == "01.11.2026 – 30.11.2026"
    tab.agenda.table.selectRow(0)
    assert tab.selected_visit == first and tab.edit_button.isEnabled()
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(PlanVisitDialog)
    assert (
        dialog.windowTitle() == "Ziyareti düzenle"
        and dialog.firm_label.text() == "Çağrı Mobilya A.Ş."
    )
    dialog.reject()
    # the month: a small window shows "+N daha" for the busy day; it opens that week
    qtbot.mouseClick(tab.mode_buttons.button(MONTH), Qt.MouseButton.LeftButton)
    month = tab.month_view
    window.resize(700, 420)
    qtbot.waitUntil(lambda: month.more_rect(dt.date(2026, 12, 2)) is not None)
    qtbot.mouseClick(
        month,
        Qt.MouseButton.LeftButton,
        pos=month.more_rect(dt.date(2026, 12, 2)).center().toPoint(),
    )
    assert tab.mode == WEEK and tab.period_label.text().startswith("30 Kasım – 6 Aralık 2026")
    # double-click an empty day of the month plans a visit on it at 10:00
    tab.set_mode(MONTH)
    cell = month.cell_rect(dt.date(2026, 12, 3))
    qtbot.mouseDClick(month, Qt.MouseButton.LeftButton, pos=cell.center().toPoint())
    [dialog] = [d for d in tab.findChildren(PlanVisitDialog) if d.isVisible()]
    assert dialog.date.date() == QDate(2026, 12, 3) and dialog.time.time() == QTime(10, 0)
    dialog.reject()


def test_field_end_date_changes_the_pace_needed(window, qtbot):
    tab = window.visits_tab
    assert tab.progress.lines["end"].text() == "Saha çalışması bitiş tarihi girilmemiş."
    qtbot.mouseClick(tab.progress.end_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(FieldEndDialog)
    dialog.date.setDate(QDate(2027, 1, 5))
    dialog.accept()
    qtbot.waitUntil(lambda: tab.progress.lines["end"].text().startswith("Bitiş: 05.01.2027"))
    assert tab.progress.lines["required"].text() == "Gereken hız: haftada 75,0 ziyaret"


def test_week_grid_widens_for_a_late_visit(window):
    sv.plan_visit(window.ctx.db, sv.VisitDraft(1, at(THU, 20), 90, (1,)))
    window.visits_tab.reload()
    view = window.visits_tab.week_view
    assert (view.first_hour, view.last_hour) == (7, 22)
    [block] = view.data.blocks
    assert view.block_rect(block.id).bottom() <= view.height()
