"""İçe aktarma eş anlamlıları: the words people mapped once in imports, to read and edit.

Each row is a word of some list ("Talaşlı İmalat") and what it means here (a sector,
OSB or size class, or "boş bırak"). A changed meaning or a deleted word is saved
through services/synonyms (audited, shared by everyone on the database); a deleted
word is asked again by the next import that meets it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.vocabulary import FIELDS as VOCABULARY
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.services import synonyms
from kayseri_desktop.services.bus import ChangeBus

EMPTY = "<boş>"  # the combo's data for "leave empty"


class SynonymsDialog(QDialog):
    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.bus = db, bus
        self.setObjectName("synonymsDialog")
        self.setWindowTitle(self.tr("İçe aktarma eş anlamlıları"))
        self.resize(820, 480)
        self.names = {
            "sector": self.tr("Sektör"),
            "osb": self.tr("OSB"),
            "size_class": self.tr("Ölçek"),
        }
        intro = plain_label(
            self.tr(
                "Firma listelerindeki kelimelerin uygulamadaki karşılıkları. İçe aktarırken "
                "bir kez seçilir, herkesin sonraki aktarımlarında kullanılır. Silinen bir "
                "kelime bir sonraki aktarımda yeniden sorulur."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("synonymsTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Alan"),
                self.tr("Listedeki kelime"),
                self.tr("Anlamı"),
                self.tr("Kaydeden"),
                self.tr("Tarih"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Adding a word by hand.
        self.new_field = QComboBox(self)
        self.new_field.setObjectName("synonymsNewField")
        for field, name in self.names.items():
            self.new_field.addItem(name, field)
        self.new_word = QLineEdit(self)
        self.new_word.setObjectName("synonymsNewWord")
        self.new_word.setPlaceholderText(self.tr("Listedeki kelime"))
        self.new_meaning = QComboBox(self)
        self.new_meaning.setObjectName("synonymsNewMeaning")
        self.new_field.currentIndexChanged.connect(
            lambda _i: self._fill_meanings(self.new_meaning, self.new_field.currentData(), None)
        )
        self._fill_meanings(self.new_meaning, "sector", None)
        add = QPushButton(self.tr("Ekle"), self)
        add.setObjectName("synonymsAdd")
        add.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("Seçileni sil"), self)
        self.delete_button.setObjectName("synonymsDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.save_button = QPushButton(self.tr("Değişiklikleri kaydet"), self)
        self.save_button.setObjectName("synonymsSave")
        self.save_button.clicked.connect(self.save_changes)
        self.error = plain_label(parent=self, name="synonymsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3202a;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Kapat"))
        buttons.rejected.connect(self.reject)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_field)
        new_row.addWidget(self.new_word, 1)
        new_row.addWidget(self.new_meaning)
        new_row.addWidget(add)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.delete_button)
        edit_row.addStretch(1)
        edit_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addLayout(new_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.reload()

    def _fill_meanings(self, combo: QComboBox, field: str, code: str | None) -> None:
        combo.clear()
        for entry in VOCABULARY[field]:
            combo.addItem(entry.tr, entry.code)
        combo.addItem(self.tr("boş bırak"), EMPTY)
        combo.setCurrentIndex(max(0, combo.findData(EMPTY if code is None else code)))

    def reload(self) -> None:
        self.rows = synonyms.all_synonyms(self.db)
        self.table.setRowCount(len(self.rows))
        self.meaning_combos: list[QComboBox] = []
        for i, syn in enumerate(self.rows):
            texts = (
                self.names.get(syn.field, syn.field),
                syn.value,
                "",
                syn.created_by,
                formatting.fill("%1", f"{syn.created_at:%d.%m.%Y %H:%M}"),
            )
            for c, text in enumerate(texts):
                self.table.setItem(i, c, QTableWidgetItem(text))
            combo = QComboBox(self.table)
            self._fill_meanings(combo, syn.field, syn.code)
            self.table.setCellWidget(i, 2, combo)
            self.meaning_combos.append(combo)
        self.table.resizeColumnsToContents()
        self.delete_button.setEnabled(bool(self.rows))
        self.save_button.setEnabled(bool(self.rows))

    def _save(self, items: list[tuple[str, str, str | None]]) -> bool:
        try:
            synonyms.save(self.db, self.bus, items, user=_user())
        except (synonyms.SynonymRefused, PermissionError) as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.reload()
        return True

    def save_changes(self) -> bool:
        items: list[tuple[str, str, str | None]] = []
        for syn, combo in zip(self.rows, self.meaning_combos, strict=True):
            code = combo.currentData()
            code = None if code == EMPTY else code
            if code != syn.code:
                items.append((syn.field, syn.value, code))
        return self._save(items)

    def add(self) -> bool:
        word = self.new_word.text().strip()
        if not word:
            self.error.setText(self.tr("Önce listedeki kelimeyi yazın."))
            return False
        code = self.new_meaning.currentData()
        if self._save([(self.new_field.currentData(), word, None if code == EMPTY else code)]):
            self.new_word.clear()
            return True
        return False

    def delete_selected(self) -> int:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            self.error.setText(self.tr("Silmek için bir satır seçin."))
            return 0
        try:
            gone = synonyms.delete(self.db, self.bus, [self.rows[r].id for r in rows], user=_user())
        except PermissionError as exc:
            messages.warning(self, self.tr("Silinemedi"), str(exc))
            return 0
        self.error.clear()
        self.reload()
        return gone


def _user() -> str:
    from kayseri_desktop.services.context import current_user

    return current_user()
