"""Plan (or edit) a visit: firm, day and time, length, field team, purpose, notes.

Conflicts are shown live under the form while it is filled in and asked about once
more when saving ("Yine de kaydet"); a visit that cannot be saved (no firm, no team)
gets a message naming the field and nothing is written.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.visits.confirm import confirm_conflicts
from kayseri_desktop.services import visits as sv
from kayseri_desktop.services import visits_conflicts as vc
from kayseri_desktop.services import visits_place, visits_staff

ID_ROLE = Qt.ItemDataRole.UserRole


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)
    return edit


def team_list(db: Database, parent: QWidget, today: dt.date, keep) -> QListWidget:
    """Active staff (plus anyone already on the visit) as a checkable list."""
    box = QListWidget(parent)
    box.setObjectName("teamList")
    fill_team(box, db, today, keep)
    return box


def fill_team(box: QListWidget, db: Database, today: dt.date, keep) -> None:
    box.blockSignals(True)
    box.clear()
    retired = QCoreApplication.translate("PlanVisitDialog", "%1 (pasif)")
    for row in visits_staff.list_staff(db, today):
        if not row.active and row.id not in keep:
            continue
        item = QListWidgetItem(row.name if row.active else fill(retired, row.name))
        item.setData(ID_ROLE, row.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if row.id in keep else Qt.CheckState.Unchecked)
        box.addItem(item)
    box.blockSignals(False)


def checked_ids(box: QListWidget) -> tuple[int, ...]:
    return tuple(
        box.item(i).data(ID_ROLE)
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    )


def check_ids(box: QListWidget, ids) -> None:
    for i in range(box.count()):
        item = box.item(i)
        item.setCheckState(
            Qt.CheckState.Checked if item.data(ID_ROLE) in ids else Qt.CheckState.Unchecked
        )


class PlanVisitDialog(QDialog):
    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        visit_id: int | None = None,
        firm_id: int | None = None,
        start: dt.datetime | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planVisitDialog")
        self.db = db
        self.visit_id = visit_id
        today = self.today = today or dt.date.today()
        detail = sv.visit_detail(db, visit_id) if visit_id else None
        self.setWindowTitle(self.tr("Ziyareti düzenle") if detail else self.tr("Ziyaret planla"))
        self._choices = visits_place.firm_choices(db)
        self._titles = {c.id: c.title for c in self._choices}
        self.firm_id = detail.firm_id if detail else (firm_id or 0)

        self.firm_search = QLineEdit(self)
        self.firm_search.setObjectName("firmSearch")
        self.firm_search.setPlaceholderText(self.tr("Firma ara (unvan, kısa ad ya da VKN)…"))
        self.firm_search.setClearButtonEnabled(True)
        self.firm_list = QListWidget(self)
        self.firm_list.setObjectName("firmList")
        self.firm_list.setMaximumHeight(130)
        self.firm_label = plain_label(parent=self, name="firmLabel")
        self.firm_label.setWordWrap(True)
        self.firm_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        start = detail.starts_at if detail else start or dt.datetime.combine(today, dt.time(10))
        self.date = date_edit(self, "visitDate")
        self.date.setDate(QDate(start.year, start.month, start.day))
        self.time = QTimeEdit(self)
        self.time.setObjectName("visitTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(start.hour, start.minute))
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("visitMinutes")
        self.minutes.setRange(15, sv.MAX_MINUTES)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" dk"))
        self.minutes.setValue(
            int((detail.ends_at - detail.starts_at).total_seconds() // 60) if detail else 90
        )
        self.team = team_list(db, self, today, detail.staff_ids if detail else [])
        self.team.setMaximumHeight(120)
        self.purpose = QLineEdit(detail.purpose if detail else "", self)
        self.purpose.setObjectName("visitPurpose")
        self.notes = QPlainTextEdit(detail.notes if detail else "", self)
        self.notes.setObjectName("visitNotes")
        self.notes.setMaximumHeight(70)
        self.conflicts = plain_label(parent=self, name="conflictsLabel")
        self.conflicts.setWordWrap(True)
        self.conflicts.setStyleSheet("color: #b3202a;")

        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.time)
        when.addWidget(self.minutes)
        form = QFormLayout()
        form.addRow(self.tr("Firma"), self.firm_search)
        form.addRow("", self.firm_list)
        form.addRow(self.tr("Seçilen"), self.firm_label)
        form.addRow(self.tr("Tarih, saat, süre"), when)
        form.addRow(self.tr("Saha ekibi"), self.team)
        form.addRow(self.tr("Amaç"), self.purpose)
        form.addRow(self.tr("Notlar"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.conflicts)
        layout.addWidget(buttons)
        self.resize(560, 600)

        self.firm_search.textChanged.connect(self._filter)
        self.firm_list.currentItemChanged.connect(self._firm_picked)
        for signal in (
            self.date.dateChanged,
            self.time.timeChanged,
            self.minutes.valueChanged,
            self.team.itemChanged,
        ):
            signal.connect(self.refresh_conflicts)
        self._filter("")
        self._show_firm()

    # -- firm picker --------------------------------------------------------------------

    def _filter(self, text: str) -> None:
        self.firm_list.blockSignals(True)
        self.firm_list.clear()
        for choice in visits_place.filter_firms(self._choices, text):
            label = f"{choice.title} — {choice.district}" if choice.district else choice.title
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, choice.id)
            self.firm_list.addItem(item)
            if choice.id == self.firm_id:
                self.firm_list.setCurrentItem(item)
        self.firm_list.blockSignals(False)

    def _firm_picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.firm_id = item.data(ID_ROLE)
            self._show_firm()

    def choose_firm(self, firm_id: int) -> None:
        self.firm_id = firm_id
        self._show_firm()

    def _show_firm(self) -> None:
        title = self._titles.get(self.firm_id, "")
        self.firm_label.setText(title or self.tr("(firma seçilmedi)"))
        self.refresh_conflicts()

    # -- the visit ----------------------------------------------------------------------

    def draft(self) -> sv.VisitDraft:
        d, t = self.date.date(), self.time.time()
        start = dt.datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        return sv.VisitDraft(
            self.firm_id,
            start,
            self.minutes.value(),
            checked_ids(self.team),
            self.purpose.text(),
            self.notes.toPlainText(),
        )

    def current_conflicts(self) -> list[sv.Conflict]:
        draft = self.draft()
        if not draft.firm_id:
            return []
        return vc.find_conflicts(self.db, draft, ignore_visit_id=self.visit_id)

    def refresh_conflicts(self) -> None:
        found = self.current_conflicts()
        self.conflicts.setText("\n".join(f"⚠ {c.message}" for c in found))

    def accept(self) -> None:
        draft = self.draft()
        try:
            sv.validate(draft)
        except sv.VisitError as exc:
            messages.warning(self, self.tr("Ziyaret kaydedilemedi"), str(exc))
            return
        if not confirm_conflicts(self, self.current_conflicts()):
            return
        try:
            if self.visit_id:
                sv.update_visit(self.db, self.visit_id, draft, today=self.today)
            else:
                self.visit_id = sv.plan_visit(self.db, draft)
        except (sv.VisitError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Ziyaret kaydedilemedi"), str(exc))
            return
        super().accept()
