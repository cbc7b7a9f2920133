"""Progress toward the visit target: done, planned, remaining, and the weekly pace
needed to finish by the field-study end date against the pace so far."""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.formatting import fill
from kayseri_desktop.gui.qdates import to_date, to_qdate
from kayseri_desktop.services import visits_progress as vp


class ProgressPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setMinimumWidth(200)
        self.setMaximumWidth(270)
        self.title = plain_label(self.tr("Saha çalışması ilerlemesi"), self, name="progressTitle")
        self.title.setProperty("role", "caption")
        self.headline = plain_label(parent=self, name="progressDone")
        self.headline.setProperty("role", "figure")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progressBar")
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.lines = {
            key: plain_label(parent=self, name=f"progress_{key}")
            for key in ("planned", "overdue", "unplanned", "end", "required", "pace", "verdict")
        }
        for label in self.lines.values():
            label.setWordWrap(True)
        self.end_button = QPushButton(self.tr("Bitiş tarihini değiştir…"), self)
        self.end_button.setObjectName("fieldEndButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.headline)
        layout.addWidget(self.bar)
        for label in self.lines.values():
            layout.addWidget(label)
        layout.addWidget(self.end_button)
        layout.addStretch(1)

    def show_progress(self, p: vp.Progress) -> None:
        self.headline.setText(
            fill("%1 / %2", formatting.number(p.done), formatting.number(p.target))
        )
        self.bar.setRange(0, max(1, p.target))
        self.bar.setValue(min(p.done, p.target))
        self.lines["planned"].setText(
            fill(
                self.tr("Yapılan %1 · ileride planlı %2"),
                formatting.number(p.done),
                formatting.number(p.planned),
            )
        )
        self.lines["overdue"].setText(
            fill(self.tr("Tarihi geçmiş, sonucu girilmemiş: %1"), formatting.number(p.overdue))
        )
        self.lines["unplanned"].setText(
            fill(
                self.tr("Kalan %1, bunun %2 tanesi henüz planlanmadı"),
                formatting.number(p.remaining),
                formatting.number(p.unplanned),
            )
        )
        if p.end is None:
            self.lines["end"].setText(self.tr("Saha çalışması bitiş tarihi girilmemiş."))
        else:
            self.lines["end"].setText(
                fill(
                    self.tr("Bitiş: %1 (%2 hafta kaldı)"),
                    formatting.date(p.end),
                    formatting.decimal(p.weeks_left or 0.0),
                )
            )
        required = p.required_per_week
        if required is None:
            self.lines["required"].setText("")
        elif math.isinf(required):
            self.lines["required"].setText(self.tr("Bitiş tarihi geçti; hedefe ulaşılamadı."))
        else:
            self.lines["required"].setText(
                fill(self.tr("Gereken hız: haftada %1 ziyaret"), formatting.decimal(required))
            )
        self.lines["pace"].setText(
            ""
            if p.pace_per_week is None
            else fill(
                self.tr("Şimdiye kadarki hız: haftada %1 ziyaret"),
                formatting.decimal(p.pace_per_week),
            )
        )
        verdict = p.on_track
        self.lines["verdict"].setText(
            ""
            if verdict is None
            else self.tr("Hedefe yetişiyor.")
            if verdict
            else self.tr("Bu hızla hedefe yetişmiyor.")
        )
        self.lines["verdict"].setStyleSheet(
            "" if verdict is None else "color: #2f8a47;" if verdict else "color: #b3202a;"
        )


class FieldEndDialog(QDialog):
    """Change the field-study end date (the programme setting the pace is measured to)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        from kayseri_desktop.gui.visits.plan_dialog import date_edit

        super().__init__(parent)
        self.setObjectName("fieldEndDialog")
        self.setWindowTitle(self.tr("Saha çalışması bitiş tarihi"))
        self.db = db
        self.date = date_edit(self, "fieldEndDate")
        current = vp.setting_date(db, vp.FIELD_END_KEY) or dt.date.today()
        self.date.setDate(to_qdate(current))
        form = QFormLayout()
        form.addRow(self.tr("Bitiş tarihi"), self.date)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            vp.set_setting_date(self.db, vp.FIELD_END_KEY, to_date(self.date.date()))
        except PermissionError as exc:  # opened read-only
            messages.warning(self, self.tr("Kaydedilemedi"), str(exc))
            return
        super().accept()
