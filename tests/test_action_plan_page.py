"""The Eylem Planı page of Kurumlar ve Projeler: the actions as the action_plan service
derives them, the needs no action answers, and the plan document written from a button."""

from __future__ import annotations

from pathlib import Path

import docx
from conftest import TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from kayseri_desktop.data import models as m
from kayseri_desktop.gui.coordination.action_plan_page import YEAR, year_text
from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.gui.plain import plain_tooltip
from kayseri_desktop.services import action_plan


def open_page(qtbot, ctx):
    win = MainWindow(ctx, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.tabs.setCurrentWidget(win.projects_tab)
    page = win.projects_tab.action_plan
    win.projects_tab.views.setCurrentWidget(page)
    return win, page


def cell(page, row: int, column: int) -> str:
    model = page.table.model()
    return model.data(model.index(row, column))


def test_page_lists_the_plans_actions_by_year_then_code_and_the_uncovered_needs(qtbot, demo_ctx):
    _win, page = open_page(qtbot, demo_ctx)
    plan = action_plan.plan(demo_ctx.db, today=TODAY)
    assert len(plan.actions) > 0
    assert page.table.model().rowCount() == len(plan.actions)
    assert [a.code for a in page.rows()] == [
        a.code for a in sorted(plan.actions, key=lambda a: (a.year, a.code))
    ]
    first = plan.actions[0]
    assert cell(page, 0, 0) == first.code
    assert cell(page, 0, YEAR) == year_text(first.year, "tr")
    assert year_text(1, "tr") == "1 · Dönüşüm"
    late = [a for a in plan.actions if a.derived.late_projects]
    if late:
        row = [a.code for a in page.rows()].index(late[0].code)
        assert cell(page, row, 8) == str(len(late[0].derived.late_projects))
    assert plan.uncovered
    assert page.uncovered.count() == len(plan.uncovered) > 0
    assert page.uncovered.item(0).text().startswith(plan.uncovered[0].label)
    # The title, which may be cut short, shows whole on hover as plain text.
    model = page.table.model()
    tip = model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert tip == plain_tooltip(cell(page, 0, 1))


def test_page_follows_an_action_removed_elsewhere(qtbot, demo_ctx):
    win, page = open_page(qtbot, demo_ctx)
    before = page.table.model().rowCount()
    with demo_ctx.db.write() as s:
        action = s.scalars(select(m.Action).order_by(m.Action.code)).first()
        s.delete(action)
    win.bridge.flush_now()
    assert page.table.model().rowCount() == before - 1


def test_uncovered_needs_follow_the_visits_findings(qtbot, demo_ctx):
    win, page = open_page(qtbot, demo_ctx)
    gap = action_plan.plan(demo_ctx.db, today=TODAY).uncovered[0]
    assert gap.firms > 0
    with demo_ctx.db.write() as s:
        for need in s.scalars(select(m.VisitNeed).where(m.VisitNeed.need == gap.need)):
            s.delete(need)
    win.bridge.flush_now()
    texts = [page.uncovered.item(i).text() for i in range(page.uncovered.count())]
    assert f"{gap.label} — 0 ziyaret edilen firma" in texts


def test_write_button_writes_a_word_document(qtbot, demo_ctx, tmp_path, monkeypatch, message_boxes):
    _win, page = open_page(qtbot, demo_ctx)
    out = tmp_path / "plan"  # no suffix: the chosen filter (Word) gives it
    filters: list[str] = []

    def fake(parent, caption, directory, file_filter, *args, **kwargs):
        filters.append(file_filter)
        return str(out), "Word belgesi (*.docx)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    qtbot.mouseClick(page.write_button, Qt.MouseButton.LeftButton)

    assert filters == ["Word belgesi (*.docx);;PDF (*.pdf)"]
    written = Path(f"{out}.docx")
    document = docx.Document(str(written))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings
    assert document.tables
    codes = {a.code for a in action_plan.plan(demo_ctx.db, today=TODAY).actions}
    in_tables = {c.text for t in document.tables for r in t.rows for c in r.cells}
    assert codes & in_tables
    assert [icon for icon, _, _ in message_boxes.shown] == [QMessageBox.Icon.Information]
    assert "Eylem planı yazıldı" in message_boxes.texts()[0]


def test_write_button_into_an_unwritable_place_says_so_in_turkish(
    qtbot, demo_ctx, tmp_path, monkeypatch, message_boxes
):
    _win, page = open_page(qtbot, demo_ctx)
    blocker = tmp_path / "dosya"
    blocker.write_text("klasör değil")
    out = blocker / "plan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)"))
    qtbot.mouseClick(page.write_button, Qt.MouseButton.LeftButton)
    assert not out.exists()
    assert [icon for icon, _, _ in message_boxes.shown] == [QMessageBox.Icon.Critical]
    assert "yazılamadı" in message_boxes.texts()[0]
