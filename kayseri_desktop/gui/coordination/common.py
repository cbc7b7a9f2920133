"""Small pieces the coordination widgets share: late-aware tables, dates, pickers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QWidget

from kayseri_desktop.core.catalogues import Catalogue
from kayseri_desktop.gui.data_table import DataTable
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.table_model import Column, TableModel
from kayseri_desktop.services.coordination import Choice

LATE_BACKGROUND = QColor("#fde2e1")
LATE_FOREGROUND = QColor("#9b1c1c")
NO_DATE = QDate(2000, 1, 1)
"""A date edit at this minimum shows "—" and means "no date"."""


class LateModel(TableModel):
    """A TableModel whose late rows (``row.<flag>`` true) stand out in red and bold."""

    def __init__(
        self,
        columns: Sequence[Column],
        parent=None,
        *,
        flag: str | Callable[[Any], bool] = "late",
    ) -> None:
        super().__init__(columns, parent)
        self.flag = flag

    def is_late(self, row: Any) -> bool:
        if callable(self.flag):
            return bool(self.flag(row))
        return bool(getattr(row, self.flag, False))

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            if not self.is_late(self.row_at(index.row())):
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(LATE_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(LATE_FOREGROUND)
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class LateTable(DataTable):
    """DataTable over a LateModel."""

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None, **kwargs) -> None:
        flag = kwargs.pop("flag", "late")
        super().__init__(columns, parent, **kwargs)
        self.source = LateModel(columns, self, flag=flag)
        self.proxy.setSourceModel(self.source)

    def selected_rows(self) -> list[Any]:
        return [
            self.source.row_at(self.proxy.mapToSource(i).row())
            for i in self.selectionModel().selectedRows()
        ]

    def current_row(self) -> Any | None:
        rows = self.selected_rows()
        return rows[0] if rows else None


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """The coordination dialogs' "Kaydet" / "Vazgeç" buttons, wired to accept/reject."""
    save, cancel = QDialogButtonBox.StandardButton.Save, QDialogButtonBox.StandardButton.Cancel
    buttons = QDialogButtonBox(save | cancel, dialog)
    buttons.button(save).setText(QCoreApplication.translate("CoordinationDialog", "Kaydet"))
    buttons.button(cancel).setText(QCoreApplication.translate("CoordinationDialog", "Vazgeç"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def date_key(value: dt.date | None) -> str:
    """Sort key of an optional date: no date sorts last."""
    return value.isoformat() if value else "9999"


def setup_date_edit(edit: QDateEdit, *, optional: bool = True) -> None:
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText("—")
        edit.setDate(NO_DATE)


def get_date(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    if value == edit.minimumDate() and edit.specialValueText():
        return None
    return dt.date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else edit.minimumDate())


def parse_date(text: str) -> dt.date | None:
    """dd.mm.yyyy (also d.m.yyyy and yyyy-mm-dd) → date; "" → None; ValueError otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    if "-" in text:
        return dt.date.fromisoformat(text)
    day, month, year = (int(part) for part in text.split("."))
    if year < 1900:
        raise ValueError(text)
    return dt.date(year, month, day)


def fill_catalogue(combo: QComboBox, catalogue: Catalogue, *, everything: str = "") -> None:
    """Catalogue labels in the interface language, codes as item data; optional "all" first."""
    combo.clear()
    if everything:
        combo.addItem(everything, None)
    lang = current_language()
    for entry in catalogue:
        combo.addItem(entry.label(lang), entry.code)


def fill_choices(combo: QComboBox, choices: Sequence[Choice], *, empty: str | None = None) -> None:
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for choice in choices:
        combo.addItem(choice.label, choice.id)


def select_data(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else 0)


def choice_combo(
    choices: Sequence[Choice], value: Any = None, *, empty: str | None = None, parent=None
) -> QComboBox:
    combo = QComboBox(parent)
    fill_choices(combo, choices, empty=empty)
    select_data(combo, value)
    return combo


def catalogue_combo(catalogue: Catalogue, value: Any = None, parent=None) -> QComboBox:
    combo = QComboBox(parent)
    fill_catalogue(combo, catalogue)
    select_data(combo, value)
    return combo
