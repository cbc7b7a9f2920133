"""The open action items sorted by their 'Durum' column put the late ones first
(the sort key used to be a tuple, which Qt's proxy model cannot order: a click on
the header left the rows as they were)."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY
from PySide6.QtCore import QPoint, Qt

from kayseri_desktop.gui.main_window import MainWindow
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import meetings as mt


def test_clicking_durum_puts_the_late_decisions_first(qtbot, ctx):
    kto = co.save_institution(ctx.db, co.InstitutionData("Kayseri Ticaret Odası", "oda", "KTO"))
    later, late = TODAY + dt.timedelta(days=30), TODAY - dt.timedelta(days=10)
    mt.save_meeting(
        ctx.db,
        mt.MeetingData(
            TODAY - dt.timedelta(days=60),
            decisions=[
                mt.DecisionData("A) fuar katılımı", kto, later),
                mt.DecisionData("B) eğitim programı", kto, late),
                mt.DecisionData("C) heyet ziyareti", kto, later),
                mt.DecisionData("D) rapor hazırlığı", kto, late),
            ],
        ),
        today=TODAY,
    )
    window = MainWindow(ctx, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.meetings_tab)
    table = window.meetings_tab.action_items.table
    header = table.horizontalHeader()
    durum = next(
        i
        for i in range(table.model().columnCount())
        if table.model().headerData(i, Qt.Orientation.Horizontal) == "Durum"
    )

    def click(column: int) -> list[str]:
        where = QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
        assert header.sortIndicatorSection() == column
        return [table.model().index(r, 0).data() for r in range(table.model().rowCount())]

    by_text = click(0)  # first by the decision's text: A, B, C, D
    assert [t[0] for t in by_text] == ["A", "B", "C", "D"]
    by_state = click(durum)  # then by 'Durum': the late ones (B, D) first
    assert [t[0] for t in by_state] == ["B", "D", "A", "C"]
