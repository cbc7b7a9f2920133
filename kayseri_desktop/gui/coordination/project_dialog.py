"""The project dialog: ui/project_form.ui with partners, target firms and milestones.

It saves through services.coordination on OK. Anything wrong (a date typed the wrong
way in the milestones table, a lead that is also a partner, spending over budget) is
listed in one Turkish message naming the row and column, the dialog stays open and
nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import (
    ACTION_THEMES,
    PARTNER_ROLES,
    PROJECT_STATUSES,
    ROADMAP_YEARS,
)
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.coordination.common import (
    LATE_BACKGROUND,
    LATE_FOREGROUND,
    catalogue_combo,
    choice_combo,
    fill_catalogue,
    fill_choices,
    get_date,
    parse_date,
    save_cancel_buttons,
    select_data,
    set_date,
    setup_date_edit,
)
from kayseri_desktop.gui.formatting import TURKISH
from kayseri_desktop.gui.forms import Children, cell_combo, load_form, table_item
from kayseri_desktop.services import coordination as co

MS_TITLE, MS_DUE, MS_RESPONSIBLE, MS_DONE = range(4)
MILESTONE_ID = Qt.ItemDataRole.UserRole + 10


class ProjectDialog(QDialog):
    def __init__(
        self,
        db: Database,
        ident: int | None = None,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectDialog")
        self.db = db
        self.ident = ident
        self.saved_id: int | None = None
        self.version: int | None = None
        self._today = today
        self.form = load_form("project_form", self)
        self.setWindowTitle(self.tr("Yeni proje") if ident is None else self.tr("Projeyi düzenle"))
        find = Children(self.form)
        self.tabs = find(QTabWidget, "projectTabs")
        self.code = find(QLineEdit, "codeEdit")
        self.title_edit = find(QLineEdit, "titleEdit")
        self.theme = find(QComboBox, "themeCombo")
        self.year = find(QComboBox, "yearCombo")
        self.lead = find(QComboBox, "leadCombo")
        self.mode = find(QComboBox, "modeCombo")
        self.status = find(QComboBox, "statusCombo")
        self.start = find(QDateEdit, "startDate")
        self.end = find(QDateEdit, "endDate")
        self.budget = find(QDoubleSpinBox, "budgetSpin")
        self.spent = find(QDoubleSpinBox, "spentSpin")
        self.progress = find(QSpinBox, "progressSpin")
        self.description = find(QPlainTextEdit, "descriptionEdit")
        self.notes = find(QPlainTextEdit, "notesEdit")
        self.partners = find(QTableWidget, "partnersTable")
        self.firm_search = find(QLineEdit, "firmSearchEdit")
        self.firm_results = find(QListWidget, "firmResultsList")
        self.chosen_firms = find(QListWidget, "chosenFirmsList")
        self.milestones = find(QTableWidget, "milestonesTable")
        self.milestones_hint = find(QLabel, "milestonesHint")
        self.milestones_hint.setTextFormat(Qt.TextFormat.PlainText)

        self.institutions = co.institution_choices(db)
        fill_catalogue(self.theme, ACTION_THEMES)
        fill_catalogue(self.year, ROADMAP_YEARS)
        fill_choices(self.lead, self.institutions, empty=self.tr("— seçiniz —"))
        self.mode.addItem(self.tr("Ortak yürütülen"), "joint")
        self.mode.addItem(self.tr("Ayrı yürütülen"), "separate")
        fill_catalogue(self.status, PROJECT_STATUSES)
        select_data(self.status, "planned")
        for edit in (self.start, self.end):
            setup_date_edit(edit)
        for spin in (self.budget, self.spent):
            spin.setLocale(TURKISH)
            spin.setGroupSeparatorShown(True)
            spin.setDecimals(2)
            spin.setMaximum(999_999_999_999.0)
            spin.setSuffix(" TL")
        self.budget.setSpecialValueText(self.tr("— (belirtilmedi)"))
        for table in (self.partners, self.milestones):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            table.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
        self.milestones.setColumnWidth(MS_DUE, 110)
        self.milestones.setColumnWidth(MS_RESPONSIBLE, 280)
        self.milestones.setColumnWidth(MS_DONE, 110)
        self.partners.setColumnWidth(1, 180)
        self.milestones.itemChanged.connect(self._mark_late_milestones)
        self.firm_results.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.chosen_firms.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)

        find(QPushButton, "addPartnerButton").clicked.connect(
            lambda: self.partners.setCurrentCell(self.add_partner(), 0)
        )
        find(QPushButton, "removePartnerButton").clicked.connect(self.remove_partner)
        find(QPushButton, "addFirmButton").clicked.connect(self.add_selected_firms)
        find(QPushButton, "removeFirmButton").clicked.connect(self.remove_selected_firms)
        find(QPushButton, "addMilestoneButton").clicked.connect(self._new_milestone)
        find(QPushButton, "removeMilestoneButton").clicked.connect(self.remove_milestone)
        find(QPushButton, "milestoneDoneButton").clicked.connect(self.mark_milestone_done)
        self.firm_search.textChanged.connect(self.search_firms)
        self.firm_results.itemDoubleClicked.connect(lambda _item: self.add_selected_firms())

        self.buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.resize(820, 660)
        if ident is not None:
            self.load(co.load_project(db, ident))
        self.search_firms("")

    # -- partners --------------------------------------------------------------------

    def add_partner(self, institution_id: int | None = None, role: str = "partner") -> int:
        row = self.partners.rowCount()
        self.partners.insertRow(row)
        self.partners.setCellWidget(
            row, 0, choice_combo(self.institutions, institution_id, empty=self.tr("— seçiniz —"))
        )
        self.partners.setCellWidget(row, 1, catalogue_combo(PARTNER_ROLES, role))
        return row

    def remove_partner(self) -> None:
        row = self.partners.currentRow()
        if row >= 0:
            self.partners.removeRow(row)

    def partner_combo(self, row: int, column: int) -> QComboBox:
        return cell_combo(self.partners, row, column)

    # -- target firms ----------------------------------------------------------------

    def search_firms(self, text: str) -> None:
        chosen = self.chosen_firm_ids()
        self.firm_results.clear()
        for choice in co.find_firms(self.db, text):
            if choice.id not in chosen:
                item = QListWidgetItem(choice.label)
                item.setData(Qt.ItemDataRole.UserRole, choice.id)
                self.firm_results.addItem(item)

    def chosen_firm_ids(self) -> list[int]:
        return [
            self.chosen_firms.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.chosen_firms.count())
        ]

    def _add_chosen(self, choices: list[co.Choice]) -> None:
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            self.chosen_firms.addItem(item)

    def add_selected_firms(self) -> None:
        picked = [
            co.Choice(item.data(Qt.ItemDataRole.UserRole), item.text())
            for item in self.firm_results.selectedItems()
        ]
        self._add_chosen(picked)
        self.search_firms(self.firm_search.text())

    def remove_selected_firms(self) -> None:
        for item in self.chosen_firms.selectedItems():
            self.chosen_firms.takeItem(self.chosen_firms.row(item))
        self.search_firms(self.firm_search.text())

    # -- milestones ------------------------------------------------------------------

    def add_milestone(self, ms: co.MilestoneData | None = None) -> int:
        ms = ms or co.MilestoneData("", None)
        row = self.milestones.rowCount()
        self.milestones.blockSignals(True)
        self.milestones.insertRow(row)
        title = QTableWidgetItem(ms.title)
        title.setData(MILESTONE_ID, ms.id)
        self.milestones.setItem(row, MS_TITLE, title)
        self.milestones.setItem(row, MS_DUE, QTableWidgetItem(formatting.date(ms.due_date)))
        self.milestones.setCellWidget(
            row,
            MS_RESPONSIBLE,
            choice_combo(self.institutions, ms.responsible_id, empty=self.tr("—")),
        )
        self.milestones.setItem(row, MS_DONE, QTableWidgetItem(formatting.date(ms.done_on)))
        self.milestones.blockSignals(False)
        self._mark_late_milestones()
        return row

    def _new_milestone(self) -> None:
        row = self.add_milestone()
        self.milestones.setCurrentCell(row, MS_TITLE)
        self.milestones.editItem(table_item(self.milestones, row, MS_TITLE))

    def remove_milestone(self) -> None:
        row = self.milestones.currentRow()
        if row >= 0:
            self.milestones.removeRow(row)

    def mark_milestone_done(self) -> None:
        row = self.milestones.currentRow()
        if row >= 0:
            table_item(self.milestones, row, MS_DONE).setText(formatting.date(self._today()))

    def set_milestone_cell(self, row: int, column: int, text: str) -> None:
        table_item(self.milestones, row, column).setText(text)

    def milestone_late(self, row: int) -> bool:
        try:
            due = parse_date(table_item(self.milestones, row, MS_DUE).text())
            done = parse_date(table_item(self.milestones, row, MS_DONE).text())
        except (ValueError, AttributeError):
            return False
        return co.milestone_late(due, done, self._today())

    def _mark_late_milestones(self, *_args) -> None:
        self.milestones.blockSignals(True)
        for row in range(self.milestones.rowCount()):
            late = self.milestone_late(row)
            for column in (MS_TITLE, MS_DUE, MS_DONE):
                item = table_item(self.milestones, row, column)
                if item is None:
                    continue
                item.setBackground(QBrush(LATE_BACKGROUND) if late else QBrush())
                item.setForeground(QBrush(LATE_FOREGROUND) if late else QBrush())
                item.setToolTip(self.tr("Gecikti: son tarih geçti, tamamlanmadı.") if late else "")
        self.milestones.blockSignals(False)

    # -- whole project ---------------------------------------------------------------

    def load(self, data: co.ProjectData) -> None:
        self.version = data.version
        self.code.setText(data.code)
        self.title_edit.setText(data.title)
        select_data(self.theme, data.theme)
        select_data(self.year, str(data.roadmap_year))
        select_data(self.lead, data.lead_id)
        select_data(self.mode, data.mode)
        select_data(self.status, data.status)
        set_date(self.start, data.start_date)
        set_date(self.end, data.end_date)
        self.budget.setValue(data.budget_try or 0.0)
        self.spent.setValue(data.spent_try or 0.0)
        self.progress.setValue(data.progress)
        self.description.setPlainText(data.description or "")
        self.notes.setPlainText(data.notes or "")
        for inst_id, role in data.partners:
            self.add_partner(inst_id, role)
        self._add_chosen(co.firm_labels(self.db, data.firm_ids))
        for ms in data.milestones:
            self.add_milestone(ms)

    def collect(self) -> tuple[co.ProjectData, list[str]]:
        """What the dialog holds, and the problems found reading the milestone table."""
        problems: list[str] = []
        milestones = []
        for row in range(self.milestones.rowCount()):
            title_item = table_item(self.milestones, row, MS_TITLE)
            dates = {}
            for column, name in ((MS_DUE, self.tr("Son tarih")), (MS_DONE, self.tr("Tamamlanma"))):
                text = table_item(self.milestones, row, column).text()
                try:
                    dates[column] = parse_date(text)
                except ValueError:
                    dates[column] = None
                    problems.append(
                        formatting.fill(
                            self.tr(
                                "Kilometre taşı %1, %2: '%3' geçerli bir tarih değil (gg.aa.yyyy)."
                            ),
                            row + 1,
                            name,
                            text,
                        )
                    )
            milestones.append(
                co.MilestoneData(
                    title_item.text(),
                    dates[MS_DUE],
                    cell_combo(self.milestones, row, MS_RESPONSIBLE).currentData(),
                    dates[MS_DONE],
                    title_item.data(MILESTONE_ID),
                )
            )
        budget = self.budget.value()
        data = co.ProjectData(
            code=self.code.text(),
            title=self.title_edit.text(),
            theme=self.theme.currentData(),
            roadmap_year=int(self.year.currentData()),
            lead_id=self.lead.currentData(),
            mode=self.mode.currentData(),
            status=self.status.currentData(),
            start_date=get_date(self.start),
            end_date=get_date(self.end),
            budget_try=budget if budget > 0 else None,
            spent_try=self.spent.value(),
            progress=self.progress.value(),
            description=self.description.toPlainText(),
            notes=self.notes.toPlainText(),
            partners=[
                (self.partner_combo(r, 0).currentData(), self.partner_combo(r, 1).currentData())
                for r in range(self.partners.rowCount())
            ],
            firm_ids=self.chosen_firm_ids(),
            milestones=milestones,
            version=self.version,
        )
        return data, problems

    def accept(self) -> None:
        data, problems = self.collect()
        if not problems:
            try:
                self.saved_id = co.save_project(self.db, data, self.ident)
            except co.ValidationError as exc:
                problems = exc.errors
            except PermissionError as exc:  # opened read-only
                problems = [str(exc)]
        if problems:
            messages.warning(self, self.tr("Proje kaydedilemedi"), "\n".join(problems))
            return
        super().accept()
