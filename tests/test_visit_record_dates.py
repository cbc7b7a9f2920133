"""A visit is done only on or after its day: the calendar's "Sonucu kaydet…" driven as
a person would (select the visit in the week view, press the button, fill, save)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel
from sqlalchemy import func, select
from test_visits_services import at, office  # noqa: F401  (the office fixture)

from kayseri_desktop.data import models as m
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.gui.visits.plan_dialog import PlanVisitDialog
from kayseri_desktop.gui.visits.record_dialog import RecordVisitDialog
from kayseri_desktop.services import visits as sv

AHEAD = TODAY + dt.timedelta(days=6)  # Tuesday 01.12.2026, next week


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


def open_record_dialog_by_hand(window, qtbot, vid: int) -> RecordVisitDialog:
    """Go to the visit's week, click its block, press "Sonucu kaydet…"."""
    tab = window.visits_tab
    qtbot.waitUntil(lambda: any(b.id == vid for b in tab.week_view.data.blocks), timeout=2000)
    rect = tab.week_view.block_rect(vid)
    qtbot.mouseClick(tab.week_view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert tab.selected_visit == vid
    assert tab.record_button.text() == "Sonucu kaydet…"
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(RecordVisitDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_visit_six_days_ahead_is_not_saved_as_done_and_the_form_is_kept(
    window, qtbot, message_boxes
):
    db = window.ctx.db
    vid = sv.plan_visit(db, sv.VisitDraft(2, at(AHEAD, 10), 60, (1,)))
    tab = window.visits_tab
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    dialog = open_record_dialog_by_hand(window, qtbot, vid)
    note = dialog.findChild(QLabel, "aheadNote")
    assert note.isVisible()
    assert note.text().startswith("Bu ziyaretin tarihi 01.12.2026: o gün gelmeden “Yapıldı”")

    assert dialog.done_radio.isChecked()
    dialog.scores["dijital"].setCurrentIndex(dialog.scores["dijital"].findData(4))
    dialog.needs.setPlainText("Fuar desteği")
    save(qtbot, dialog)
    assert message_boxes.shown[-1][1] == "Sonuç kaydedilemedi"
    assert message_boxes.texts() == [
        "Bu ziyaretin tarihi 01.12.2026, bugün 25.11.2026: ziyaret tarihi gelmeden “Yapıldı” "
        "olarak kaydedilemez. Öne alınıp yapıldıysa önce tarihini düzeltin; yapılmayacaksa "
        "ertelendi ya da iptal edildi olarak kaydedin."
    ]
    # nothing written, nothing counted, the form as it was typed
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.scores["dijital"].currentData() == 4
    assert dialog.needs.toPlainText() == "Fuar desteği"
    assert sv.visit_detail(db, vid).status == "planned"
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(m.Evaluation)) == 0
    assert window.findChild(QLabel, "figure_visits_done").text() == "0"
    assert tab.progress.headline.text() == "0 / 450"

    # what the note offers still works: postpone it with a reason
    qtbot.mouseClick(dialog.postponed_radio, Qt.MouseButton.LeftButton)
    dialog.reason.setPlainText("Firma yetkilisi yurt dışında")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sv.visit_detail(db, vid).status == "postponed"


def test_a_visit_today_is_recorded_done_and_counted(window, qtbot, message_boxes):
    db = window.ctx.db
    vid = sv.plan_visit(db, sv.VisitDraft(2, at(TODAY, 16), 60, (1,)))
    dialog = open_record_dialog_by_hand(window, qtbot, vid)
    assert not dialog.findChild(QLabel, "aheadNote").isVisible()
    dialog.scores["dijital"].setCurrentIndex(dialog.scores["dijital"].findData(3))
    save(qtbot, dialog)
    assert message_boxes.texts() == []
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert sv.visit_detail(db, vid).status == "done"
    qtbot.waitUntil(lambda: window.visits_tab.progress.headline.text() == "1 / 450")


def test_editing_a_done_visit_to_a_later_day_is_refused_by_name(window, qtbot, message_boxes):
    db = window.ctx.db
    vid = sv.plan_visit(db, sv.VisitDraft(2, at(TODAY, 10), 60, (1,)))
    sv.record_done(db, vid, sv.Findings(scores={"arge": 3}), today=TODAY)
    tab = window.visits_tab
    qtbot.waitUntil(lambda: any(b.id == vid for b in tab.week_view.data.blocks), timeout=2000)
    rect = tab.week_view.block_rect(vid)
    qtbot.mouseClick(tab.week_view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(PlanVisitDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.date.setDate(QDate(2026, 11, 26))
    save(qtbot, dialog)
    assert message_boxes.texts()[-1] == (
        "Yapılmış bir ziyaret ileri bir tarihe (26.11.2026) taşınamaz; bugün 25.11.2026. "
        "Bir ziyaret ancak tarihinde ya da sonrasında yapılmış olabilir."
    )
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert sv.visit_detail(db, vid).starts_at == at(TODAY, 10)
