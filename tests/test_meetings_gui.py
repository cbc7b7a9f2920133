"""Toplantılar driven as a person would: a meeting with decisions, the open decision
carried into the next meeting, the open action-item list by owner, the dashboard kept
in step through the change bus (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from conftest import TODAY
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton

from kayseri_desktop.gui.coordination.common import LATE_BACKGROUND
from kayseri_desktop.gui.coordination.meeting_dialog import D_DUE, D_OWNER, D_STATUS, D_TEXT
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.services import coordination as co


def type_text(widget, text: str) -> None:
    """Type like a keyboard, Turkish letters included (QTest.keyClicks is ASCII-only)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@pytest.fixture
def setup(qtbot, ctx):
    kto = co.save_institution(ctx.db, co.InstitutionData("Kayseri Ticaret Odası", "oda", "KTO"))
    erü = co.save_institution(ctx.db, co.InstitutionData("Erciyes Üniversitesi", "universite"))
    window = MainWindow(ctx, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.meetings_tab)
    return window, kto, erü


def settle(window: MainWindow) -> None:
    window.bridge.flush_now()


def figure(window: MainWindow, key: str) -> str:
    return window.findChild(QLabel, f"figure_{key}").text()


def double_click(qtbot, view, index) -> None:
    """A person's double click: Qt 6's QTest sends only the second press by itself."""
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=where)
    qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=where)


def button(dialog, name: str) -> QPushButton:
    return dialog.form.findChild(QPushButton, name)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)


def fill_decision(dialog, row, text, owner, due, status="Açık") -> None:
    dialog.decisions.item(row, D_TEXT).setText(text)
    combo = dialog.decision_widget(row, D_OWNER)
    combo.setCurrentIndex(combo.findData(owner))
    dialog.decisions.item(row, D_DUE).setText(due)
    dialog.decision_widget(row, D_STATUS).setCurrentText(status)


def test_a_meeting_its_decisions_and_the_carry_over(qtbot, setup, message_boxes):
    window, kto, erü = setup
    tab = window.meetings_tab
    assert tab.model.rowCount() == 0

    dialog = tab.open_meeting(None)
    dialog.held_on.setDate(QDate(2026, 9, 10))
    type_text(dialog.place, "KTO Meclis Salonu")
    assert dialog.agenda.rowCount() == 0  # nothing open from earlier meetings yet
    qtbot.mouseClick(button(dialog, "addAttendeeButton"), Qt.LeftButton)
    who = dialog.attendees.cellWidget(0, 0)
    who.setCurrentIndex(who.findData(kto))
    qtbot.mouseClick(button(dialog, "addAttendeeButton"), Qt.LeftButton)
    dialog.attendees.item(1, 1).setText("Ayşe Yılmaz (raportör)")
    qtbot.mouseClick(button(dialog, "addAgendaButton"), Qt.LeftButton)
    dialog.agenda.item(0, 0).setText("Açılış ve yoklama")
    for _ in range(3):
        qtbot.mouseClick(button(dialog, "addDecisionButton"), Qt.LeftButton)
    fill_decision(dialog, 0, "Fuar raporu hazırlansın", kto, "1.10.2026")
    fill_decision(dialog, 1, "Anket uygulansın", erü, "15.01.2027")
    fill_decision(dialog, 2, "Basın bülteni yayımlansın", kto, "30.9.2026", "Tamamlandı")
    dialog.decisions.item(1, D_DUE).setText("15.13.2027")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert message_boxes.shown[-1][0] == QMessageBox.Icon.Warning
    assert message_boxes.texts()[-1] == (
        "Karar 2, Son tarih: '15.13.2027' geçerli bir tarih değil (gg.aa.yyyy)."
    )
    dialog.decisions.item(1, D_DUE).setText("15.01.2027")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    settle(window)

    # The meeting, its decisions (the late one says so), the dashboard.
    assert tab.model.rowCount() == 1
    first = tab.model.rows[0]
    assert (first.decisions, first.open_decisions, first.attendees) == (3, 2, 2)
    decisions = tab.decisions_table.source
    assert [decisions.data(decisions.index(r, 3)) for r in range(3)] == [
        "Süresi geçti",
        "Açık",
        "Tamamlandı",
    ]
    assert decisions.data(decisions.index(0, 0), Qt.ItemDataRole.BackgroundRole).color() == (
        LATE_BACKGROUND
    )
    qtbot.waitUntil(
        lambda: (figure(window, "decisions_open"), figure(window, "decisions_late")) == ("2", "1")
    )

    # The open action items across meetings, by owner, late ones first and in red.
    items = tab.action_items
    assert [r.text for r in items.table.visible_rows()] == [
        "Fuar raporu hazırlansın",
        "Anket uygulansın",
    ]
    assert items.table.source.data(items.table.source.index(0, 5)) == "Gecikti (55 gün)"
    items.choose_owner(erü)
    assert [r.text for r in items.table.visible_rows()] == ["Anket uygulansın"]
    items.choose_owner(None)
    # Double-clicking an item brings its meeting forward.
    tab.sections.setCurrentWidget(items)
    qtbot.waitExposed(items.table)
    index = items.table.model().index(0, 0)
    double_click(qtbot, items.table, index)
    assert tab.sections.currentIndex() == 0 and tab.selected_meeting().id == first.id

    # The next meeting: both open decisions are already on its agenda, carried over.
    dialog = tab.open_meeting(None)
    dialog.held_on.setDate(QDate(2026, 12, 10))
    carried = [dialog.agenda.item(r, 0).text() for r in dialog.carried_rows()]
    assert carried == [
        "Devreden karar: Fuar raporu hazırlansın (10.09.2026)",
        "Devreden karar: Anket uygulansın (10.09.2026)",
    ]
    assert dialog.agenda.item(0, 1).text() == "Devreden karar"
    dialog.agenda.setCurrentCell(0, 0)
    qtbot.mouseClick(button(dialog, "removeAgendaButton"), Qt.LeftButton)
    assert "çıkarılamaz" in message_boxes.texts()[-1]
    assert len(dialog.carried_rows()) == 2
    qtbot.mouseClick(button(dialog, "addAgendaButton"), Qt.LeftButton)
    dialog.agenda.item(2, 0).setText("Dilek ve temenniler")
    # Moved before the first meeting, nothing would be carried; back again, they return.
    dialog.held_on.setDate(QDate(2026, 9, 1))
    assert dialog.carried_rows() == []
    dialog.held_on.setDate(QDate(2026, 12, 10))
    assert len(dialog.carried_rows()) == 2
    assert dialog.agenda.item(2, 0).text() == "Dilek ve temenniler"
    save(qtbot, dialog)
    assert not dialog.isVisible()
    settle(window)
    assert [r.held_on.isoformat() for r in tab.table.visible_rows()] == [
        "2026-12-10",
        "2026-09-10",
    ]
    tab.select_meeting(tab.table.visible_rows()[0].id)
    tab.details.setCurrentWidget(tab.agenda_table)
    agenda = [(a.text, a.carried) for a in tab.agenda_table.source.rows]
    assert agenda == [
        ("Devreden karar: Fuar raporu hazırlansın (10.09.2026)", True),
        ("Devreden karar: Anket uygulansın (10.09.2026)", True),
        ("Dilek ve temenniler", False),
    ]
    assert tab.model.rows[0].carried == 2

    # Closing an action item in the list reaches the dashboard.
    tab.sections.setCurrentWidget(items)
    items.table.selectRow(0)
    qtbot.mouseClick(items.done_button, Qt.LeftButton)
    settle(window)
    assert [r.text for r in items.table.visible_rows()] == ["Anket uygulansın"]
    qtbot.waitUntil(
        lambda: (figure(window, "decisions_open"), figure(window, "decisions_late")) == ("1", "0")
    )


def test_editing_a_meeting_keeps_its_decisions_and_agenda(qtbot, setup):
    window, kto, _ = setup
    tab = window.meetings_tab
    dialog = tab.open_meeting(None)
    dialog.held_on.setDate(QDate(2026, 10, 1))
    qtbot.mouseClick(button(dialog, "addDecisionButton"), Qt.LeftButton)
    fill_decision(dialog, 0, "Rapor", kto, "01.12.2026")
    save(qtbot, dialog)
    settle(window)
    dialog = tab.edit_selected_meeting()
    assert dialog is not None and dialog.decisions.rowCount() == 1
    dialog.decision_widget(0, D_STATUS).setCurrentText("Tamamlandı")
    save(qtbot, dialog)
    settle(window)
    (row,) = tab.decisions_table.source.rows
    assert (row.status, row.closed_on) == ("done", TODAY)
    assert tab.action_items.table.source.rowCount() == 0
