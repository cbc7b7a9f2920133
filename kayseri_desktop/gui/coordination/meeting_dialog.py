"""The meeting dialog: ui/meeting_form.ui with attendees, agenda and decisions.

A new meeting's agenda starts with the decisions still open from earlier meetings,
marked "Devreden karar" (carried over); they follow the meeting date and cannot be
removed here (services.meetings adds them on save anyway). Decisions are action
items: text, owner institution, due date, status, linked project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import DECISION_STATUSES
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.coordination.common import (
    catalogue_combo,
    choice_combo,
    get_date,
    parse_date,
    save_cancel_buttons,
    set_date,
    setup_date_edit,
)
from kayseri_desktop.gui.forms import Children, cell_combo, load_form, table_item
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import meetings as mt

CARRIED_ROLE = Qt.ItemDataRole.UserRole + 20
DECISION_ID = Qt.ItemDataRole.UserRole + 21
D_TEXT, D_OWNER, D_DUE, D_STATUS, D_PROJECT = range(5)


class MeetingDialog(QDialog):
    def __init__(
        self,
        db: Database,
        ident: int | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.db = db
        self.ident = ident
        self.saved_id: int | None = None
        self._today = today
        self.form = load_form("meeting_form", self)
        self.setWindowTitle(
            self.tr("Yeni toplantı") if ident is None else self.tr("Toplantıyı düzenle")
        )
        find = Children(self.form)
        self.tabs = find(QTabWidget, "meetingTabs")
        self.held_on = find(QDateEdit, "heldOnDate")
        self.place = find(QLineEdit, "placeEdit")
        self.notes = find(QPlainTextEdit, "notesEdit")
        self.attendees = find(QTableWidget, "attendeesTable")
        self.agenda = find(QTableWidget, "agendaTable")
        self.decisions = find(QTableWidget, "decisionsTable")
        setup_date_edit(self.held_on, optional=False)
        set_date(self.held_on, today())
        self.institutions = co.institution_choices(db)
        self.projects = co.project_choices(db)
        for table in (self.attendees, self.agenda, self.decisions):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
        self.attendees.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.agenda.setColumnWidth(1, 150)
        self.decisions.setColumnWidth(D_OWNER, 200)
        self.decisions.setColumnWidth(D_DUE, 100)
        self.decisions.setColumnWidth(D_STATUS, 120)
        self.decisions.setColumnWidth(D_PROJECT, 170)
        find(QPushButton, "addAttendeeButton").clicked.connect(lambda: self.add_attendee())
        find(QPushButton, "removeAttendeeButton").clicked.connect(self.remove_attendee)
        find(QPushButton, "addAgendaButton").clicked.connect(self._new_agenda_item)
        find(QPushButton, "removeAgendaButton").clicked.connect(self.remove_agenda_item)
        find(QPushButton, "addDecisionButton").clicked.connect(self._new_decision)
        find(QPushButton, "removeDecisionButton").clicked.connect(self.remove_decision)
        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(940, 640)
        if ident is not None:
            self.load(mt.load_meeting(db, ident))
        else:
            self.held_on.dateChanged.connect(lambda _d: self.refresh_carried())
            self.refresh_carried()

    # -- attendees -------------------------------------------------------------------

    def add_attendee(self, institution_id: int | None = None, person: str | None = None) -> int:
        row = self.attendees.rowCount()
        self.attendees.insertRow(row)
        self.attendees.setCellWidget(
            row, 0, choice_combo(self.institutions, institution_id, empty=self.tr("—"))
        )
        self.attendees.setItem(row, 1, QTableWidgetItem(person or ""))
        return row

    def remove_attendee(self) -> None:
        row = self.attendees.currentRow()
        if row >= 0:
            self.attendees.removeRow(row)

    # -- agenda ----------------------------------------------------------------------

    def add_agenda_item(self, text: str = "", carried: int | None = None) -> int:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        item = QTableWidgetItem(text)
        item.setData(CARRIED_ROLE, carried)
        source = QTableWidgetItem(self.tr("Devreden karar") if carried else self.tr("Yeni"))
        source.setFlags(source.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if carried:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            font = QFont()
            font.setItalic(True)
            for cell in (item, source):
                cell.setFont(font)
                cell.setBackground(QBrush(QColor("#fff4d6")))
                cell.setToolTip(self.tr("Önceki bir toplantıdan açık kalan karar"))
        self.agenda.setItem(row, 0, item)
        self.agenda.setItem(row, 1, source)
        return row

    def _new_agenda_item(self) -> None:
        row = self.add_agenda_item()
        self.agenda.setCurrentCell(row, 0)
        self.agenda.editItem(table_item(self.agenda, row, 0))

    def remove_agenda_item(self) -> None:
        row = self.agenda.currentRow()
        if row < 0:
            return
        if table_item(self.agenda, row, 0).data(CARRIED_ROLE):
            messages.information(
                self,
                self.tr("Devreden karar"),
                self.tr(
                    "Önceki toplantılardan açık kalan kararlar gündemden çıkarılamaz; "
                    "kararı kapatmak için durumunu değiştirin."
                ),
            )
            return
        self.agenda.removeRow(row)

    def carried_rows(self) -> list[int]:
        return [
            r
            for r in range(self.agenda.rowCount())
            if table_item(self.agenda, r, 0).data(CARRIED_ROLE)
        ]

    def refresh_carried(self) -> None:
        """New meeting: the carried-over items follow the date chosen."""
        held_on = get_date(self.held_on)
        own = [
            table_item(self.agenda, r, 0).text()
            for r in range(self.agenda.rowCount())
            if not table_item(self.agenda, r, 0).data(CARRIED_ROLE)
        ]
        self.agenda.setRowCount(0)
        for item in mt.carried_items(self.db, held_on) if held_on else []:
            self.add_agenda_item(item.text, item.carried_decision_id)
        for text in own:
            self.add_agenda_item(text)

    # -- decisions -------------------------------------------------------------------

    def add_decision(self, d: mt.DecisionData | None = None) -> int:
        d = d or mt.DecisionData("")
        row = self.decisions.rowCount()
        self.decisions.insertRow(row)
        text = QTableWidgetItem(d.text)
        text.setData(DECISION_ID, d.id)
        self.decisions.setItem(row, D_TEXT, text)
        self.decisions.setCellWidget(
            row, D_OWNER, choice_combo(self.institutions, d.owner_id, empty=self.tr("—"))
        )
        self.decisions.setItem(row, D_DUE, QTableWidgetItem(formatting.date(d.due_date)))
        self.decisions.setCellWidget(row, D_STATUS, catalogue_combo(DECISION_STATUSES, d.status))
        self.decisions.setCellWidget(
            row, D_PROJECT, choice_combo(self.projects, d.project_id, empty=self.tr("—"))
        )
        return row

    def _new_decision(self) -> None:
        row = self.add_decision()
        self.decisions.setCurrentCell(row, D_TEXT)
        self.decisions.editItem(table_item(self.decisions, row, D_TEXT))

    def remove_decision(self) -> None:
        row = self.decisions.currentRow()
        if row >= 0:
            self.decisions.removeRow(row)

    def decision_widget(self, row: int, column: int) -> QComboBox:
        return cell_combo(self.decisions, row, column)

    # -- whole meeting ---------------------------------------------------------------

    def load(self, data: mt.MeetingData) -> None:
        set_date(self.held_on, data.held_on)
        self.place.setText(data.place or "")
        self.notes.setPlainText(data.notes or "")
        for a in data.attendees:
            self.add_attendee(a.institution_id, a.person)
        for item in data.agenda:
            self.add_agenda_item(item.text, item.carried_decision_id)
        for d in data.decisions:
            self.add_decision(d)

    def collect(self) -> tuple[mt.MeetingData, list[str]]:
        problems: list[str] = []
        decisions = []
        for row in range(self.decisions.rowCount()):
            due_text = table_item(self.decisions, row, D_DUE).text()
            try:
                due = parse_date(due_text)
            except ValueError:
                due = None
                problems.append(
                    formatting.fill(
                        self.tr("Karar %1, Son tarih: '%2' geçerli bir tarih değil (gg.aa.yyyy)."),
                        row + 1,
                        due_text,
                    )
                )
            item = table_item(self.decisions, row, D_TEXT)
            decisions.append(
                mt.DecisionData(
                    item.text(),
                    self.decision_widget(row, D_OWNER).currentData(),
                    due,
                    self.decision_widget(row, D_STATUS).currentData(),
                    self.decision_widget(row, D_PROJECT).currentData(),
                    None,
                    item.data(DECISION_ID),
                )
            )
        data = mt.MeetingData(
            get_date(self.held_on),
            self.place.text(),
            self.notes.toPlainText(),
            attendees=[
                mt.AttendeeData(
                    cell_combo(self.attendees, r, 0).currentData(),
                    table_item(self.attendees, r, 1).text(),
                )
                for r in range(self.attendees.rowCount())
            ],
            agenda=[
                mt.AgendaData(
                    table_item(self.agenda, r, 0).text(),
                    table_item(self.agenda, r, 0).data(CARRIED_ROLE),
                )
                for r in range(self.agenda.rowCount())
            ],
            decisions=decisions,
        )
        return data, problems

    def accept(self) -> None:
        data, problems = self.collect()
        if not problems:
            try:
                self.saved_id = mt.save_meeting(self.db, data, self.ident, today=self._today())
            except co.ValidationError as exc:
                problems = exc.errors
            except PermissionError as exc:  # opened read-only
                problems = [str(exc)]
        if problems:
            messages.warning(self, self.tr("Toplantı kaydedilemedi"), "\n".join(problems))
            return
        super().accept()
