"""Ziyaret Takvimi: the month, week and agenda views of the visits, planning by place,
the field team, and the progress toward the 450 visits.

Navigation: the arrow buttons, Left/Right or PageUp/PageDown in a view, Home (or
"Bugün") for today. Double-click an empty slot to plan a visit there, a visit to open
it; drag a visit in the week view to reschedule it. The tab reloads itself when the
change bus announces visits, firms, staff, closed days or settings changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core import calendar_tr as cal
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.data_table import DataTab, plain_label
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.table_model import TableModel
from kayseri_desktop.gui.visits import common as c
from kayseri_desktop.gui.visits.agenda import DEFAULT_DAYS, AgendaView
from kayseri_desktop.gui.visits.closed_days import ClosedDaysDialog
from kayseri_desktop.gui.visits.confirm import confirm_conflicts
from kayseri_desktop.gui.visits.exports import export_schedule_ics, export_schedule_xlsx
from kayseri_desktop.gui.visits.month_view import MonthView
from kayseri_desktop.gui.visits.place_page import PlacePage
from kayseri_desktop.gui.visits.plan_dialog import PlanVisitDialog
from kayseri_desktop.gui.visits.progress_panel import FieldEndDialog, ProgressPanel
from kayseri_desktop.gui.visits.record_dialog import RecordVisitDialog
from kayseri_desktop.gui.visits.staff_page import StaffPage
from kayseri_desktop.gui.visits.undo import MoveVisitCommand
from kayseri_desktop.gui.visits.week_view import WeekView
from kayseri_desktop.services import visits as sv
from kayseri_desktop.services import visits_conflicts as vc
from kayseri_desktop.services import visits_progress, visits_staff

MONTH, WEEK, AGENDA = range(3)


class VisitsTab(DataTab):
    entities = frozenset({"visit", "firm", "staff", "closed_day", "setting", "target"})

    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(db, parent)
        self.setObjectName("visitsTab")
        self._today = today
        self.anchor = today()
        self.mode = WEEK
        self.selected_visit = 0
        self.staff_filter: int | None = None

        self.month_view = MonthView(self)
        self.week_view = WeekView(self)
        self.agenda = AgendaView(self)
        self.stack = QStackedWidget(self)
        for view in (self.month_view, self.week_view, self.agenda):
            self.stack.addWidget(view)
        self.progress = ProgressPanel(self)

        self.prev_button = self._tool("‹", self.tr("Önceki (Sol ok, PageUp)"), "prevButton")
        self.today_button = QPushButton(self.tr("Bugün"), self)
        self.today_button.setObjectName("todayButton")
        self.today_button.setToolTip(self.tr("Bugüne git (Home)"))
        self.next_button = self._tool("›", self.tr("Sonraki (Sağ ok, PageDown)"), "nextButton")
        self.period_label = plain_label(parent=self, name="periodLabel")
        self.period_label.setStyleSheet("font-weight: bold; font-size: 13pt;")
        self.period_label.setMinimumWidth(60)
        self.period_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        modes.setSpacing(0)
        for i, (text, name) in enumerate(
            (
                (self.tr("Ay"), "monthButton"),
                (self.tr("Hafta"), "weekButton"),
                (self.tr("Ajanda"), "agendaButton"),
            )
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setCheckable(True)
            self.mode_buttons.addButton(button, i)
            modes.addWidget(button)
        self.staff_combo = QComboBox(self)
        self.staff_combo.setObjectName("staffFilter")
        self.staff_combo.setMinimumWidth(120)
        self.staff_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.staff_combo.setMinimumContentsLength(12)
        self.plan_button = QPushButton(self.tr("Ziyaret planla…"), self)
        self.plan_button.setObjectName("planButton")
        self.edit_button = QPushButton(self.tr("Düzenle…"), self)
        self.edit_button.setObjectName("editButton")
        self.record_button = QPushButton(self.tr("Sonucu kaydet…"), self)
        self.record_button.setObjectName("recordButton")
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("moreButton")
        self.more_button.setText(self.tr("Dışa aktar ve diğer"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        more = QMenu(self.more_button)
        self.xlsx_action = more.addAction(self.tr("Excel'e aktar (görünen aralık)…"))
        self.ics_action = more.addAction(self.tr("iCalendar (.ics) olarak aktar…"))
        more.addSeparator()
        self.closed_action = more.addAction(self.tr("Ofisin kapalı günleri…"))
        self.more_button.setMenu(more)

        bar = QHBoxLayout()
        bar.addWidget(self.prev_button)
        bar.addWidget(self.today_button)
        bar.addWidget(self.next_button)
        bar.addSpacing(8)
        bar.addWidget(self.period_label, 1)
        bar.addLayout(modes)
        side = QVBoxLayout()
        side.addWidget(self.staff_combo)
        side.addWidget(self.plan_button)
        side.addWidget(self.edit_button)
        side.addWidget(self.record_button)
        side.addWidget(self.more_button)
        side.addWidget(self.progress, 1)
        calendar_page = QWidget(self)
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addLayout(side)
        page_layout = QVBoxLayout(calendar_page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        page_layout.addLayout(bar)
        page_layout.addLayout(body, 1)

        self.place_page = PlacePage(db, self, today=today)
        self.staff_page = StaffPage(db, self, today=today)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("visitPages")
        self.pages.addTab(calendar_page, self.tr("Takvim"))
        self.pages.addTab(self.place_page, self.tr("Yere göre planla"))
        self.pages.addTab(self.staff_page, self.tr("Saha ekibi"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 6)
        layout.addWidget(self.pages)

        self.prev_button.clicked.connect(lambda: self.navigate(-1))
        self.next_button.clicked.connect(lambda: self.navigate(1))
        self.today_button.clicked.connect(lambda: self.navigate(0))
        self.mode_buttons.idClicked.connect(self.set_mode)
        self.staff_combo.activated.connect(self._staff_chosen)
        self.plan_button.clicked.connect(lambda: self.open_plan_dialog())
        self.edit_button.clicked.connect(lambda: self.open_edit_dialog(self.selected_visit))
        self.record_button.clicked.connect(lambda: self.open_record_dialog(self.selected_visit))
        self.xlsx_action.triggered.connect(self.export_xlsx)
        self.ics_action.triggered.connect(self.export_ics)
        self.closed_action.triggered.connect(self.open_closed_days)
        self.progress.end_button.clicked.connect(self.open_field_end)
        for view in (self.month_view, self.week_view, self.agenda):
            view.visit_selected.connect(self._select)
            view.visit_opened.connect(self.open_visit)
        for view in (self.month_view, self.week_view):
            view.navigate.connect(self.navigate)
            view.slot_requested.connect(lambda when: self.open_plan_dialog(start=when))
            view.visit_context.connect(self._context_menu)
        self.week_view.visit_moved.connect(self.move_visit)
        self.month_view.day_requested.connect(self.show_week_of)
        self.agenda.range_changed.connect(self._load_view)
        self.pages.currentChanged.connect(lambda _: self._reload_page())
        self.agenda.set_range(self.anchor, self.anchor + dt.timedelta(days=DEFAULT_DAYS - 1))
        self.mode_buttons.button(WEEK).setChecked(True)
        self.stack.setCurrentIndex(WEEK)
        self._select(0)
        self.reload()

    def _tool(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setObjectName(name)
        return button

    @property
    def model(self) -> TableModel:
        """The agenda's list (visits of the chosen range)."""
        return self.agenda.table.source

    # -- loading ------------------------------------------------------------------------

    def set_database(self, db: Database) -> None:
        self.place_page.db = db
        self.staff_page.db = db
        super().set_database(db)

    def reload(self) -> None:
        self._fill_staff_combo()
        self._load_view()
        if self.mode != AGENDA:  # the agenda's list stays current too (window.visits_tab.model)
            first, last = self.agenda.range()
            self.agenda.set_rows(
                sv.visits_between(self.db, first, last, staff_id=self.staff_filter)
            )
        self.progress.show_progress(visits_progress.progress(self.db, self._today()))
        self._reload_page()

    def _reload_page(self) -> None:
        page = self.pages.currentWidget()
        if page is self.place_page:
            self.place_page.reload()
        elif page is self.staff_page:
            self.staff_page.reload()
        else:
            self.place_page.dirty = self.staff_page.dirty = True

    def _fill_staff_combo(self) -> None:
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        # 0, not None: PySide6 itemData() returning None corrupts None's refcount.
        self.staff_combo.addItem(self.tr("Tüm ekip"), 0)
        for row in visits_staff.list_staff(self.db, self._today()):
            self.staff_combo.addItem(row.name, row.id)
        index = self.staff_combo.findData(self.staff_filter or 0)
        self.staff_combo.setCurrentIndex(max(0, index))
        if index < 0:
            self.staff_filter = None
        self.staff_combo.blockSignals(False)

    def _staff_chosen(self, index: int) -> None:
        self.staff_filter = self.staff_combo.itemData(index) or None
        self._load_view()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        if self.mode == MONTH:
            first = cal.month_grid_start(self.anchor)
            return first, first + dt.timedelta(days=41)
        if self.mode == WEEK:
            first = cal.week_start(self.anchor)
            return first, first + dt.timedelta(days=6)
        return self.agenda.range()

    def _load_view(self) -> None:
        first, last = self.visible_range()
        blocks = sv.visits_between(self.db, first, last, staff_id=self.staff_filter)
        today = self._today()
        if self.mode == AGENDA:
            self.agenda.set_rows(blocks)
            self.period_label.setText(fill("%1 – %2", f"{first:%d.%m.%Y}", f"{last:%d.%m.%Y}"))
            return
        with self.db.read() as s:
            closed = vc.closed_days(s, first, last)
        data = c.CalendarData(
            first, (last - first).days + 1, blocks, cal.holidays_between(first, last), closed, today
        )
        if self.mode == MONTH:
            self.month_view.set_data(data, self.anchor.month)
            self.period_label.setText(c.month_title(self.anchor))
        else:
            self.week_view.set_data(data)
            self.period_label.setText(
                fill(self.tr("%1 · %2. hafta"), c.week_title(first), cal.iso_week(first))
            )

    # -- navigation ---------------------------------------------------------------------

    def set_mode(self, mode: int) -> None:
        self.mode = mode
        self.mode_buttons.button(mode).setChecked(True)
        self.stack.setCurrentIndex(mode)
        self.prev_button.setEnabled(mode != AGENDA)
        self.next_button.setEnabled(mode != AGENDA)
        self.today_button.setEnabled(mode != AGENDA)
        self._load_view()

    def navigate(self, step: int) -> None:
        """-1 / +1: previous / next week or month; 0: today."""
        if step == 0:
            self.anchor = self._today()
        elif self.mode == MONTH:
            self.anchor = cal.add_months(self.anchor, step)
        else:
            self.anchor += dt.timedelta(days=7 * step)
        self._load_view()

    def show_week_of(self, day: dt.date) -> None:
        self.anchor = day
        self.set_mode(WEEK)

    def _select(self, visit_id: int) -> None:
        self.selected_visit = visit_id
        self.edit_button.setEnabled(bool(visit_id))
        self.record_button.setEnabled(bool(visit_id))

    # -- acting on visits ---------------------------------------------------------------

    def open_plan_dialog(
        self, *, firm_id: int | None = None, start: dt.datetime | None = None
    ) -> PlanVisitDialog:
        dialog = PlanVisitDialog(self.db, self, firm_id=firm_id, start=start, today=self._today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._planned(dialog.visit_id))
        dialog.open()
        return dialog

    def _planned(self, visit_id: int | None) -> None:
        if not visit_id:
            return
        detail = sv.visit_detail(self.db, visit_id)
        self.anchor = detail.starts_at.date()
        self._select(visit_id)
        self.week_view.selected = self.month_view.selected = visit_id
        self._load_view()

    def open_edit_dialog(self, visit_id: int) -> PlanVisitDialog | None:
        if not visit_id:
            return None
        dialog = PlanVisitDialog(self.db, self, visit_id=visit_id, today=self._today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._planned(visit_id))
        dialog.open()
        return dialog

    def open_record_dialog(self, visit_id: int) -> RecordVisitDialog | None:
        if not visit_id:
            return None
        dialog = RecordVisitDialog(self.db, visit_id, self, today=self._today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_visit(self, visit_id: int) -> QDialog | None:
        """Future planned/postponed visits open for editing; others for their outcome."""
        if not visit_id:
            return None
        detail = sv.visit_detail(self.db, visit_id)
        today = dt.datetime.combine(self._today(), dt.time.min)
        if detail.status in ("planned", "postponed") and detail.starts_at >= today:
            return self.open_edit_dialog(visit_id)
        return self.open_record_dialog(visit_id)

    def _context_menu(self, visit_id: int, where: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Düzenle…"), lambda: self.open_edit_dialog(visit_id))
        menu.addAction(self.tr("Sonucu kaydet…"), lambda: self.open_record_dialog(visit_id))
        menu.exec(where)

    def move_visit(self, visit_id: int, start: dt.datetime) -> bool:
        """Reschedule a dragged visit, asking first when the new time clashes."""
        if self.db.readonly:
            messages.warning(
                self,
                self.tr("Ziyaret taşınamadı"),
                self.tr("Veritabanı salt okunur açıldı; değişiklik kaydedilemez."),
            )
            self._load_view()
            return False
        try:
            draft = sv.moved_draft(self.db, visit_id, start, today=self._today())
            if not confirm_conflicts(
                self, vc.find_conflicts(self.db, draft, ignore_visit_id=visit_id)
            ):
                self._load_view()
                return False
            sv.validate(draft)
        except sv.VisitError as exc:
            messages.warning(self, self.tr("Ziyaret taşınamadı"), str(exc))
            self._load_view()
            return False
        title = sv.visit_detail(self.db, visit_id).firm_title
        command = MoveVisitCommand(
            self.db,
            visit_id,
            sv.draft_of(self.db, visit_id),
            draft,
            fill(self.tr("%1 ziyaretini taşı"), title),
        )
        stack = getattr(self.window(), "undo_stack", None)
        if isinstance(stack, QUndoStack):
            stack.push(command)  # pushing runs it; Düzen > Geri al puts the visit back
        else:
            command.redo()
        self.anchor = start.date()
        self._load_view()
        return True

    # -- other ---------------------------------------------------------------------------

    def export_xlsx(self) -> Path | None:
        first, last = self.visible_range()
        return export_schedule_xlsx(self, self.db, first, last)

    def export_ics(self) -> Path | None:
        """The shown range; only the chosen person's visits when the team filter is set."""
        first, last = self.visible_range()
        return export_schedule_ics(self, self.db, first, last, self.staff_filter)

    def open_closed_days(self) -> ClosedDaysDialog:
        dialog = ClosedDaysDialog(self.db, self, today=self._today())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_field_end(self) -> FieldEndDialog:
        dialog = FieldEndDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
