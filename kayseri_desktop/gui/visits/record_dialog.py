"""Record how a visit went: done with its findings, or postponed / cancelled with a reason.

A done visit's theme scores become the firm's field evaluation (linked to the
visit); needs, follow-up actions (owner, due date) and notes are kept with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import EVALUATION_THEMES, SCORE_MAX, SCORE_MIN, VISIT_STATUSES
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services import visits as sv

ACTION, OWNER, DUE = range(3)


class RecordVisitDialog(QDialog):
    def __init__(
        self,
        db: Database,
        visit_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recordVisitDialog")
        self.setWindowTitle(self.tr("Ziyaret sonucunu kaydet"))
        self.db, self.visit_id, self._today = db, visit_id, today
        d = sv.visit_detail(db, visit_id)
        lang = current_language()
        header = plain_label(
            f"{d.firm_title}\n{sv.span(d.starts_at, d.ends_at)} · "
            f"{VISIT_STATUSES.label(d.status, lang)}",
            self,
            name="visitHeader",
        )
        header.setWordWrap(True)
        # A visit is done only on or after its day (services/visits.py refuses otherwise):
        # say so before anyone fills in findings for a visit still ahead.
        self.ahead_note = plain_label(parent=self, name="aheadNote")
        self.ahead_note.setWordWrap(True)
        self.ahead_note.setStyleSheet("color: #9a5b00;")
        if d.starts_at.date() > today():
            self.ahead_note.setText(
                fill(
                    self.tr(
                        "Bu ziyaretin tarihi %1: o gün gelmeden “Yapıldı” olarak "
                        "kaydedilemez. Şimdilik ertelendi ya da iptal edildi olarak "
                        "kaydedebilirsiniz."
                    ),
                    f"{d.starts_at:%d.%m.%Y}",
                )
            )
        self.ahead_note.setVisible(bool(self.ahead_note.text()))

        self.done_radio = QRadioButton(self.tr("Yapıldı"), self)
        self.done_radio.setObjectName("doneRadio")
        self.postponed_radio = QRadioButton(self.tr("Ertelendi"), self)
        self.postponed_radio.setObjectName("postponedRadio")
        self.cancelled_radio = QRadioButton(self.tr("İptal edildi"), self)
        self.cancelled_radio.setObjectName("cancelledRadio")
        group = QButtonGroup(self)
        outcome = QHBoxLayout()
        for i, radio in enumerate((self.done_radio, self.postponed_radio, self.cancelled_radio)):
            group.addButton(radio, i)
            outcome.addWidget(radio)
        outcome.addStretch(1)

        # done: findings
        done_page = QWidget(self)
        scores_box = QGroupBox(self.tr("Tema puanları (1–5; boş: puanlanmadı)"), done_page)
        scores_form = QFormLayout(scores_box)
        self.scores: dict[str, QComboBox] = {}
        for theme in EVALUATION_THEMES:
            combo = QComboBox(scores_box)
            combo.setObjectName(f"score_{theme.code}")
            combo.addItem("—", 0)
            for v in range(SCORE_MIN, SCORE_MAX + 1):
                combo.addItem(str(v), v)
            combo.setCurrentIndex(max(0, combo.findData(d.scores.get(theme.code, 0))))
            scores_form.addRow(theme.label(lang).replace("&", "&&"), combo)  # "R&D" is no mnemonic
            self.scores[theme.code] = combo
        self.needs = QPlainTextEdit(d.needs, done_page)
        self.needs.setObjectName("needsEdit")
        self.needs.setPlaceholderText(self.tr("Tespit edilen ihtiyaçlar"))
        self.follow_ups = QTableWidget(0, 3, done_page)
        self.follow_ups.setObjectName("followUpsTable")
        self.follow_ups.setHorizontalHeaderLabels(
            [self.tr("İş"), self.tr("Sorumlu"), self.tr("Termin (gg.aa.yyyy)")]
        )
        self.follow_ups.horizontalHeader().setSectionResizeMode(
            ACTION, QHeaderView.ResizeMode.Stretch
        )
        for col in (OWNER, DUE):
            self.follow_ups.horizontalHeader().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        self.follow_ups.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for f in d.follow_ups:
            self.add_follow_up(
                f.action, f.owner, f.due_date.strftime("%d.%m.%Y") if f.due_date else ""
            )
        add = QPushButton(self.tr("Takip işi ekle"), done_page)
        add.setObjectName("addFollowUp")
        add.clicked.connect(lambda: self.add_follow_up())
        remove = QPushButton(self.tr("Seçileni sil"), done_page)
        remove.setObjectName("removeFollowUp")
        remove.clicked.connect(self._remove_follow_up)
        self.notes = QPlainTextEdit(d.notes, done_page)
        self.notes.setObjectName("findingsNotes")
        self.notes.setPlaceholderText(self.tr("Notlar"))
        fu_buttons = QHBoxLayout()
        fu_buttons.addWidget(add)
        fu_buttons.addWidget(remove)
        fu_buttons.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(plain_label(self.tr("İhtiyaçlar"), done_page))
        right.addWidget(self.needs)
        right.addWidget(plain_label(self.tr("Takip işleri"), done_page))
        right.addWidget(self.follow_ups)
        right.addLayout(fu_buttons)
        right.addWidget(plain_label(self.tr("Notlar"), done_page))
        right.addWidget(self.notes)
        done_layout = QHBoxLayout(done_page)
        done_layout.setContentsMargins(0, 0, 0, 0)
        done_layout.addWidget(scores_box)
        done_layout.addLayout(right, 1)

        # postponed / cancelled: a reason
        reason_page = QWidget(self)
        self.reason = QPlainTextEdit(d.status_reason, reason_page)
        self.reason.setObjectName("reasonEdit")
        reason_layout = QVBoxLayout(reason_page)
        reason_layout.setContentsMargins(0, 0, 0, 0)
        reason_layout.addWidget(plain_label(self.tr("Gerekçe"), reason_page))
        reason_layout.addWidget(self.reason)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(done_page)
        self.pages.addWidget(reason_page)
        group.idClicked.connect(lambda i: self.pages.setCurrentIndex(0 if i == 0 else 1))
        {"postponed": self.postponed_radio, "cancelled": self.cancelled_radio}.get(
            d.status, self.done_radio
        ).setChecked(True)
        self.pages.setCurrentIndex(0 if self.done_radio.isChecked() else 1)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(self.ahead_note)
        layout.addLayout(outcome)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)

    def add_follow_up(self, action: str = "", owner: str = "", due: str = "") -> None:
        row = self.follow_ups.rowCount()
        self.follow_ups.insertRow(row)
        for col, text in enumerate((action, owner, due)):
            self.follow_ups.setItem(row, col, QTableWidgetItem(text))

    def _remove_follow_up(self) -> None:
        rows = sorted({i.row() for i in self.follow_ups.selectedIndexes()}, reverse=True)
        for row in rows:
            self.follow_ups.removeRow(row)

    def _cell(self, row: int, col: int) -> str:
        item = self.follow_ups.item(row, col)
        return item.text().strip() if item is not None else ""

    def follow_up_drafts(self) -> tuple[sv.FollowUpDraft, ...]:
        """The table's rows; raises VisitError naming the row and column of a bad date."""
        out = []
        for row in range(self.follow_ups.rowCount()):
            action, owner, due = (self._cell(row, c) for c in (ACTION, OWNER, DUE))
            if not (action or owner or due):
                continue
            day = None
            if due:
                try:
                    day = dt.datetime.strptime(due, "%d.%m.%Y").date()
                except ValueError:
                    raise sv.VisitError(
                        fill(
                            self.tr(
                                "Takip işleri, satır %1, Termin: “%2” bir tarih değil (gg.aa.yyyy)."
                            ),
                            row + 1,
                            due,
                        )
                    ) from None
            out.append(sv.FollowUpDraft(action, owner, day))
        return tuple(out)

    def findings(self) -> sv.Findings:
        return sv.Findings(
            scores={code: combo.currentData() for code, combo in self.scores.items()},
            needs=self.needs.toPlainText(),
            notes=self.notes.toPlainText(),
            follow_ups=self.follow_up_drafts(),
        )

    def accept(self) -> None:
        try:
            if self.done_radio.isChecked():
                sv.record_done(self.db, self.visit_id, self.findings(), today=self._today())
            else:
                status = "postponed" if self.postponed_radio.isChecked() else "cancelled"
                sv.set_outcome(self.db, self.visit_id, status, self.reason.toPlainText())
        except (sv.VisitError, PermissionError) as exc:  # PermissionError: read-only
            messages.warning(self, self.tr("Sonuç kaydedilemedi"), str(exc))
            return
        super().accept()
