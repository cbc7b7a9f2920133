"""İçe aktar: pick a file and sheet, check the header row and column mapping, preview, import.

The wizard only drives exchange/firms_import.py: the same preview and the same
all-or-nothing write as ``kayseri import firms``. The column mapping is remembered
(by header text) for the next file with the same headers.

Words of the list that the vocabulary does not know (or that fit several values) are
asked once each on the values page, with how many rows carry them and ranked
suggestions; the answers are remembered as synonyms in the database (services/synonyms)
for everyone's next import. The preview lists every translated word, every update as
field: old → new, and lets a person untick updates; a row whose tax number belongs to a
firm of another title waits for confirmation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kayseri_desktop.core.vocabulary import FIELDS as VOCABULARY
from kayseri_desktop.core.vocabulary import vocabulary
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange import firms_import as fi
from kayseri_desktop.exchange import firms_import_write as fw
from kayseri_desktop.exchange.firms_mapping import FIELDS, auto_mapping, detect_header, remember
from kayseri_desktop.exchange.xlsx_reader import FileRefused, SheetRows, XlsxFile, column_letter
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.plain import plain_tooltip
from kayseri_desktop.services import synonyms
from kayseri_desktop.services.bus import ChangeBus

MAPPING_KEY = "registry/import_mapping"
FOLDER_KEY = "registry/import_folder"
PREVIEW_LIMIT = 2000


def _table(headers: list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ImportWizard(QWizard):
    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today  # None: the real date (export figures default to last year)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Firma listesini içe aktar"))
        self.resize(1000, 640)
        self.db, self.bus = db, bus
        self.book: XlsxFile | None = None
        self.sheet: SheetRows | None = None
        self.plan: fi.ImportPlan | None = None
        # What the import did (created, updated, skipped); not QDialog.result(), kept intact.
        self.outcome: dict[str, int] | None = None
        self.choices: dict[tuple[str, str], str] = {}  # this import's answers
        self.questions: list[fi.Question] = []
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("İleri >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Geri"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("İçe aktar"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Vazgeç"))
        self.file_page = self._file_page()
        self.mapping_page = self._mapping_page()
        self.values_page = self._values_page()
        self.preview_page = self._preview_page()
        for page in (self.file_page, self.mapping_page, self.values_page, self.preview_page):
            self.addPage(page)
        self.mapping_page.next_page = lambda: (
            self.values_page if self.questions else self.preview_page
        )
        self.finished.connect(lambda _r: self.book.close() if self.book else None)

    # -- page 1: file and sheet ---------------------------------------------------------

    def _file_page(self) -> _Page:
        page = _Page(self._check_file)
        page.setTitle(self.tr("Dosya ve sayfa"))
        page.setSubTitle(
            self.tr(
                "Firma listesini (Excel, OpenDocument ya da CSV) ve firmaların bulunduğu "
                "sayfayı seçin."
            )
        )
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("importPath")
        self.path_edit.editingFinished.connect(self.open_file)
        browse = QPushButton(self.tr("Gözat…"), page)
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self.browse)
        self.sheet_combo = QComboBox(page)
        self.sheet_combo.setObjectName("importSheet")
        self.file_error = plain_label(parent=page, name="importFileError")
        self.file_error.setWordWrap(True)
        self.file_error.setStyleSheet("color: #b3202a;")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(plain_label(self.tr("Sayfa:"), page))
        layout.addWidget(self.sheet_combo)
        layout.addWidget(self.file_error)
        layout.addStretch(1)
        return page

    def browse(self) -> None:
        folder = str(QSettings().value(FOLDER_KEY, str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Firma listesi"),
            folder,
            self.tr(
                "Firma listeleri (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt);;"
                "Excel çalışma kitabı (*.xlsx *.xlsm *.xlsb *.xls);;"
                "OpenDocument hesap tablosu (*.ods);;"
                "CSV / sekmeyle ayrılmış metin (*.csv *.tsv *.txt);;"
                "Tüm dosyalar (*)"
            ),
        )
        if path:
            QSettings().setValue(FOLDER_KEY, str(Path(path).parent))
            self.path_edit.setText(path)
            self.open_file()

    def open_file(self) -> bool:
        if self.book is not None:
            self.book.close()
            self.book = None
        self.sheet_combo.clear()
        self.file_error.clear()
        path = self.path_edit.text().strip()
        if not path:
            return False
        try:
            with messages.busy():
                self.book = XlsxFile(path)
        except FileRefused as exc:
            self.file_error.setText(str(exc))
            return False
        for name, visible in self.book.sheets.items():
            label = name if visible else formatting.fill(self.tr("%1 (gizli sayfa)"), name)
            self.sheet_combo.addItem(label, name)
        self.sheet_combo.setCurrentIndex(self.sheet_combo.findData(self.book.first_sheet))
        return True

    def _check_file(self) -> bool:
        if self.book is None and not self.open_file():
            if not self.file_error.text():
                self.file_error.setText(self.tr("Önce bir firma listesi dosyası seçin."))
            return False
        book = self.book
        assert book is not None  # open_file() succeeded or a book was already open
        try:
            with messages.busy():
                self.sheet = book.read(self.sheet_combo.currentData())
        except FileRefused as exc:
            self.file_error.setText(str(exc))
            return False
        if not self.sheet.rows:
            self.file_error.setText(self.tr("Seçilen sayfa boş."))
            return False
        self._fill_mapping(detect_header(self.sheet.rows))
        return True

    # -- page 2: header row and columns -------------------------------------------------

    def _mapping_page(self) -> _Page:
        page = _Page(self._check_mapping)
        page.setTitle(self.tr("Başlık satırı ve sütunlar"))
        page.setSubTitle(self.tr("Başlık satırı ve sütun eşleşmeleri bulundu; gerekirse düzeltin."))
        self.header_spin = QSpinBox(page)
        self.header_spin.setObjectName("importHeaderRow")
        self.header_spin.setMinimum(1)
        self.header_spin.valueChanged.connect(self._header_changed)
        self.mapping_table = _table(
            [self.tr("Sütun"), self.tr("Başlık"), self.tr("Örnek"), self.tr("Alan")], page
        )
        self.mapping_table.setObjectName("importMapping")
        self.mapping_error = plain_label(parent=page, name="importMappingError")
        self.mapping_error.setStyleSheet("color: #b3202a;")
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Başlık satırı:"), page))
        row.addWidget(self.header_spin)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.mapping_error)
        return page

    def _header_changed(self, number: int) -> None:
        if self.sheet is None:
            return
        for i, (row, _) in enumerate(self.sheet.rows):
            if row >= number:
                self._fill_mapping(i, keep_spin=True)
                return

    def _fill_mapping(self, header_index: int, *, keep_spin: bool = False) -> None:
        assert self.sheet is not None
        self.header_index = header_index
        number, headers = self.sheet.rows[header_index]
        if not keep_spin:
            self.header_spin.blockSignals(True)
            self.header_spin.setMaximum(self.sheet.rows[-1][0])
            self.header_spin.setValue(number)
            self.header_spin.blockSignals(False)
        saved = json.loads(str(QSettings().value(MAPPING_KEY, "{}") or "{}"))
        mapping = auto_mapping(headers, saved)
        sample = (
            self.sheet.rows[header_index + 1][1] if header_index + 1 < len(self.sheet.rows) else []
        )
        width = max(len(headers), len(sample))
        self.mapping_table.setRowCount(width)
        self.field_combos: list[QComboBox] = []
        for col in range(width):
            header = headers[col] if col < len(headers) else None
            example = sample[col] if col < len(sample) else None
            for c, text in enumerate((column_letter(col), header, example)):
                self.mapping_table.setItem(
                    col, c, QTableWidgetItem("" if text is None else str(text))
                )
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("— aktarma —"), None)
            for key, name in FIELDS.items():
                combo.addItem(name, key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(col))))
            self.mapping_table.setCellWidget(col, 3, combo)
            self.field_combos.append(combo)
        self.mapping_table.resizeColumnsToContents()

    def mapping(self) -> dict[int, str]:
        return {i: c.currentData() for i, c in enumerate(self.field_combos) if c.currentData()}

    def _check_mapping(self) -> bool:
        mapping = self.mapping()
        fields = list(mapping.values())
        twice = sorted({FIELDS[f] for f in fields if fields.count(f) > 1})
        if twice:
            self.mapping_error.setText(
                formatting.fill(
                    self.tr("Aynı alan birden çok sütuna eşlenmiş: %1"), ", ".join(twice)
                )
            )
            return False
        assert self.sheet is not None
        self.choices = {}
        try:
            with messages.busy():
                self.plan = fi.preview(
                    self.db, self.sheet, self.header_index, mapping, today=self.today
                )
        except fi.ImportRefused as exc:
            self.mapping_error.setText(str(exc))
            return False
        self.mapping_error.clear()
        QSettings().setValue(
            MAPPING_KEY, json.dumps(remember(self.sheet.rows[self.header_index][1], mapping))
        )
        self.questions = list(self.plan.questions)
        if self.questions:
            self._fill_values()
        else:
            self._fill_preview()
        return True

    # -- page 3: the list's own words, each asked once ----------------------------------

    def _values_page(self) -> _Page:
        page = _Page(self._check_values)
        page.setTitle(self.tr("Tanınmayan değerler"))
        page.setSubTitle(
            self.tr(
                "Bu değerler tanınmadı ya da birden çok seçeneğe uyuyor. Her biri için bir kez "
                "seçin: seçimler eş anlamlı olarak veritabanına kaydedilir ve sonraki "
                "aktarımlarda (iş arkadaşlarınızınkiler dahil) tanınır."
            )
        )
        self.values_table = _table(
            [
                self.tr("Alan"),
                self.tr("Değer"),
                self.tr("Satır sayısı"),
                self.tr("Seçim"),
                self.tr("Hatırla"),
                self.tr("Neden"),
            ],
            page,
        )
        self.values_table.setObjectName("importValues")
        self.values_error = plain_label(parent=page, name="importValuesError")
        self.values_error.setWordWrap(True)
        self.values_error.setStyleSheet("color: #b3202a;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.values_table, 1)
        layout.addWidget(self.values_error)
        return page

    def _fill_values(self) -> None:
        self.values_table.setRowCount(len(self.questions))
        self.value_combos: list[QComboBox] = []
        self.remember_boxes: list[QCheckBox] = []
        names = {"sector": self.tr("Sektör"), "osb": self.tr("OSB"), "size_class": self.tr("Ölçek")}
        for i, q in enumerate(self.questions):
            for c, text in enumerate((names[q.field], q.value, formatting.number(q.rows))):
                self.values_table.setItem(i, c, QTableWidgetItem(text))
            reason = QTableWidgetItem(q.reason())
            reason.setToolTip(plain_tooltip(q.reason()) or "")
            self.values_table.setItem(i, 5, reason)
            catalogue = VOCABULARY[q.field]
            combo = QComboBox(self.values_table)
            combo.addItem(self.tr("— seçin —"), None)
            for code in q.suggestions:
                combo.addItem(formatting.fill(self.tr("%1 (öneri)"), catalogue.label(code)), code)
            combo.insertSeparator(combo.count())
            for entry in catalogue:
                combo.addItem(entry.tr, entry.code)
            combo.insertSeparator(combo.count())
            combo.addItem(self.tr("boş bırak"), fi.LEAVE_EMPTY)
            combo.addItem(self.tr("bu satırları reddet"), fi.REFUSE)
            self.values_table.setCellWidget(i, 3, combo)
            self.value_combos.append(combo)
            box = QCheckBox(self.values_table)
            # An answer for a word that fits several values holds for this list only.
            box.setChecked(not vocabulary(q.field).ambiguous(q.value))
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, b=box: b.setEnabled(c.currentData() != fi.REFUSE)
            )
            self.values_table.setCellWidget(i, 4, box)
            self.remember_boxes.append(box)
        self.values_table.resizeColumnsToContents()
        self.values_error.clear()

    def _check_values(self) -> bool:
        open_ = [q.value for q, c in zip(self.questions, self.value_combos, strict=True)
                 if c.currentData() is None]  # fmt: skip
        if open_:
            self.values_error.setText(
                formatting.fill(
                    self.tr(
                        "Şu değerler için seçim yapılmadı: %1. Bir seçenek, “boş bırak” ya da "
                        "“bu satırları reddet” seçin."
                    ),
                    ", ".join(f"“{v}”" for v in open_),
                )
            )
            return False
        self.choices = {}
        keep: list[tuple[str, str, str | None]] = []
        for q, combo, box in zip(
            self.questions, self.value_combos, self.remember_boxes, strict=True
        ):
            choice = combo.currentData()
            self.choices[(q.field, q.key)] = choice
            if choice != fi.REFUSE and box.isChecked():
                keep.append((q.field, q.value, None if choice == fi.LEAVE_EMPTY else choice))
        assert self.sheet is not None
        try:
            with messages.busy():
                synonyms.save(self.db, self.bus, keep, user=_user())
                self.plan = fi.preview(
                    self.db, self.sheet, self.header_index, self.mapping(),
                    today=self.today, choices=self.choices,
                )  # fmt: skip
        except (synonyms.SynonymRefused, fi.ImportRefused, PermissionError) as exc:
            self.values_error.setText(str(exc))
            return False
        self.values_error.clear()
        self._fill_preview()
        return True

    # -- page 3: preview and import -----------------------------------------------------

    def _preview_page(self) -> _Page:
        page = _Page(self._do_import)
        page.setTitle(self.tr("Önizleme"))
        page.setSubTitle(
            self.tr(
                "Aktarım tek işlemdir: ya hepsi yazılır ya hiçbiri. Reddedilen satırları "
                "düzeltip yeniden aktarabilirsiniz."
            )
        )
        self.counts_label = plain_label(parent=page, name="importCounts")
        self.preview_table = _table(
            [
                self.tr("Satır"),
                self.tr("Durum"),
                self.tr("Sütun"),
                self.tr("Değer"),
                self.tr("Neden / değişiklik"),
            ],
            page,
        )
        self.preview_table.setObjectName("importPreview")
        self.preview_table.itemChanged.connect(self._row_ticked)
        self.translations_table = _table(
            [
                self.tr("Alan"),
                self.tr("Dosyadaki değer"),
                self.tr("Anlamı"),
                self.tr("Kaynak"),
                self.tr("Satır sayısı"),
            ],
            page,
        )
        self.translations_table.setObjectName("importTranslations")
        self.confirm_all = QPushButton(self.tr("Bekleyenlerin tümünü onayla"), page)
        self.confirm_all.setObjectName("importConfirmAll")
        self.confirm_all.clicked.connect(self.confirm_all_held)
        self.skip_invalid = QCheckBox(
            self.tr("Reddedilen satırları atla, yalnızca geçerli satırları aktar"), page
        )
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.save_refused_button = QPushButton(self.tr("Reddedilenleri Excel'e kaydet…"), page)
        self.save_refused_button.setObjectName("importSaveRefused")
        self.save_refused_button.clicked.connect(self.save_refused)
        row = QHBoxLayout()
        row.addWidget(self.skip_invalid)
        row.addStretch(1)
        row.addWidget(self.confirm_all)
        row.addWidget(self.save_refused_button)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.preview_table)
        split.addWidget(self.translations_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.counts_label)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        return page

    def _fill_preview(self) -> None:
        assert self.plan is not None
        counts = self.plan.counts()
        self.counts_label.setText(
            formatting.fill(
                self.tr("Yeni: %1   Güncellenecek: %2   Değişmeyecek: %3   Reddedilen: %4"),
                *(
                    formatting.number(counts[k])
                    for k in (fi.NEW, fi.UPDATE, fi.UNCHANGED, fi.REFUSED)
                ),
            )
        )
        if counts[fi.HELD]:
            self.counts_label.setText(
                self.counts_label.text()
                + "\n"
                + formatting.fill(
                    self.tr(
                        "Onay bekleyen: %1 (vergi numarası başka bir firmaya ait; "
                        "işaretlemediğiniz satırlar aktarılmaz)"
                    ),
                    formatting.number(counts[fi.HELD]),
                )
            )
        if "exports" in self.plan.mapping.values():
            self.counts_label.setText(
                self.counts_label.text()
                + "\n"
                + formatting.fill(
                    self.tr("İhracat tutarları %1 yılına yazılır."), self.plan.export_year
                )
            )
        status = {
            fi.NEW: self.tr("Yeni"),
            fi.UPDATE: self.tr("Güncellenecek"),
            fi.HELD: self.tr("Onay bekliyor"),
            fi.UNCHANGED: self.tr("Değişmeyecek"),
            fi.REFUSED: self.tr("Reddedildi"),
        }
        order = {fi.REFUSED: 0, fi.HELD: 1, fi.UPDATE: 2, fi.NEW: 3, fi.UNCHANGED: 4}
        lines: list[tuple[int, int, tuple[str, ...], fi.RowPlan | None]] = []
        for r in self.plan.rows:
            title = str(r.fields.get("title") or "")
            if r.status == fi.REFUSED:
                lines += [
                    (0, r.row, (str(p.row), status[r.status], p.column, p.value, p.reason), None)
                    for p in r.problems
                ]
                continue
            text = "; ".join(fi.change_text(k, *change) for k, change in r.changes.items())
            if r.status == fi.HELD:
                text = f"{r.held} {text}"
            tickable = r if r.status in (fi.UPDATE, fi.HELD) else None
            lines.append(
                (order[r.status], r.row, (str(r.row), status[r.status], "", title, text), tickable)
            )
        lines.sort(key=lambda t: (t[0], t[1]))
        shown = lines[:PREVIEW_LIMIT]
        self.preview_rows: list[fi.RowPlan | None] = [t[3] for t in shown]
        self.preview_table.blockSignals(True)
        self.preview_table.setRowCount(len(shown))
        for i, (_o, _n, line, rp) in enumerate(shown):
            for c, text in enumerate(line):
                item = QTableWidgetItem(text)
                if c == 4 and text:
                    item.setToolTip(plain_tooltip(text) or "")
                if c == 0 and rp is not None:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    checked = Qt.CheckState.Checked if rp.selected else Qt.CheckState.Unchecked
                    item.setCheckState(checked)
                self.preview_table.setItem(i, c, item)
        self.preview_table.blockSignals(False)
        self.preview_table.resizeColumnsToContents()
        self._fill_translations()
        self.save_refused_button.setEnabled(counts[fi.REFUSED] > 0)
        self.skip_invalid.setEnabled(counts[fi.REFUSED] > 0)
        self.confirm_all.setEnabled(counts[fi.HELD] > 0)

    def _fill_translations(self) -> None:
        assert self.plan is not None
        names = {"sector": self.tr("Sektör"), "osb": self.tr("OSB"), "size_class": self.tr("Ölçek")}
        rows = self.plan.translations
        self.translations_table.setRowCount(len(rows))
        for i, t in enumerate(rows):
            meaning = VOCABULARY[t.field].label(t.code) if t.code else self.tr("boş bırakılır")
            for c, text in enumerate(
                (names[t.field], t.value, meaning, t.source, formatting.number(t.rows))
            ):
                self.translations_table.setItem(i, c, QTableWidgetItem(text))
        self.translations_table.resizeColumnsToContents()
        self.translations_table.setVisible(bool(rows))

    def _row_ticked(self, item: QTableWidgetItem) -> None:
        if item.column() != 0 or item.row() >= len(self.preview_rows):
            return
        rp = self.preview_rows[item.row()]
        if rp is not None:
            rp.selected = item.checkState() == Qt.CheckState.Checked

    def confirm_all_held(self) -> None:
        """Tick every row waiting for confirmation (tax number of a firm of another title)."""
        assert self.plan is not None
        self.plan.confirm_held()
        self._fill_preview()

    def save_refused(self) -> Path | None:
        if self.plan is None:
            return None
        start = Path(self.path_edit.text()).with_name(
            Path(self.path_edit.text()).stem + "-reddedilen.xlsx"
        )
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Reddedilen satırlar"),
            str(start),
            self.tr("Excel çalışma kitabı (*.xlsx)"),
        )
        if not path:
            return None
        try:
            return fw.save_refused(self.plan, path)
        except OSError as exc:
            messages.critical(self, self.tr("Kaydedilemedi"), str(exc))
            return None

    def _do_import(self) -> bool:
        assert self.plan is not None
        try:
            with messages.busy():
                outcome = self.outcome = fw.apply(
                    self.db,
                    self.bus,
                    self.plan,
                    user=_user(),
                    skip_invalid=self.skip_invalid.isChecked(),
                )
        except fi.ImportRefused as exc:
            messages.warning(self, self.tr("Aktarılmadı"), str(exc))
            return False
        text = formatting.fill(
            self.tr("%1 yeni firma eklendi, %2 firma güncellendi."),
            formatting.number(outcome["created"]),
            formatting.number(outcome["updated"]),
        )
        if outcome.get("skipped"):
            text += " " + formatting.fill(
                self.tr("%1 satır işaretlenmediği için aktarılmadı."),
                formatting.number(outcome["skipped"]),
            )
        messages.information(self, self.tr("Aktarıldı"), text)
        return True


def _user() -> str:
    from kayseri_desktop.services.context import current_user

    return current_user()


class _Page(QWizardPage):
    """A wizard page whose Next/Finish runs a check (and stays when it fails); a page
    with ``next_page`` set goes on to the page it names (the values page is skipped when
    nothing needs asking)."""

    def __init__(self, check) -> None:
        super().__init__()
        self._check = check
        self.next_page: Callable[[], QWizardPage] | None = None

    def validatePage(self) -> bool:
        return bool(self._check())

    def nextId(self) -> int:
        if self.next_page is None:
            return super().nextId()
        wizard = self.wizard()
        target = self.next_page()
        return next(i for i in wizard.pageIds() if wizard.page(i) is target)
