"""Meeting pack and full-export dialogs (Dosya menu; the Toplantılar tab can open them too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from kayseri_desktop.data import models as m
from kayseri_desktop.exchange.full_export import export_all
from kayseri_desktop.exchange.pack_files import write_pack
from kayseri_desktop.gui import formatting
from kayseri_desktop.gui.messages import busy, critical, information
from kayseri_desktop.services import meeting_pack, privacy
from kayseri_desktop.services.context import AppContext


def _masked_text(masked: int) -> str:
    """What privacy masked in free text, for the closing message ("" when nothing)."""
    if not masked:
        return ""
    return "\n" + formatting.fill(
        QCoreApplication.translate(
            "PackDialogs",
            "Serbest metinde geçen %1 e-posta/telefon, KVKK onayı olmayan yetkililere ait "
            "olduğu için gizlendi.",
        ),
        formatting.number(masked),
    )


def _meetings(ctx: AppContext) -> list[tuple[int, str]]:
    with ctx.db.read() as s:
        rows = s.execute(
            select(m.Meeting.id, m.Meeting.held_on, m.Meeting.place).order_by(
                m.Meeting.held_on.desc()
            )
        ).all()
    return [(mid, f"{held:%d.%m.%Y} — {place or ''}".rstrip(" —")) for mid, held, place in rows]


class MeetingPackDialog(QDialog):
    """Pick a meeting and a format; the file name is asked for when the user confirms."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, meeting_id=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Toplantı paketi hazırla"))
        self.meeting = QComboBox()
        for mid, text in _meetings(ctx):
            self.meeting.addItem(text, mid)
        if meeting_id is not None:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(meeting_id)))
        self.as_pdf = QRadioButton(self.tr("PDF (yazdırmak ve e-postayla göndermek için)"))
        self.as_xlsx = QRadioButton(self.tr("Excel (.xlsx, canlı grafiklerle)"))
        self.as_pdf.setChecked(True)
        note = QLabel(
            self.tr(
                "Paket, bir önceki toplantıdan bu toplantıya kadarki dönemi kapsar. "
                "Firma yetkililerinin kişisel verileri pakete girmez."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Toplantı:"), self.meeting)
        form.addRow(self.tr("Biçim:"), self.as_pdf)
        form.addRow("", self.as_xlsx)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Oluştur…"))
        buttons.accepted.connect(self.create_pack)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.meeting.count() > 0)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def create_pack(self) -> None:
        mid = self.meeting.currentData()
        suffix = ".pdf" if self.as_pdf.isChecked() else ".xlsx"
        label = self.meeting.currentText().split(" — ")[0].replace(".", "-")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Paketi kaydet"),
            str(Path.home() / f"ust-kurul-paketi-{label}{suffix}"),
            self.tr("PDF (*.pdf)")
            if suffix == ".pdf"
            else self.tr("Excel çalışma kitabı (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != suffix:
            target = target.with_suffix(suffix)
        try:
            pack = meeting_pack.build(self.ctx.db, mid)
            write_pack(pack, target)
        except (OSError, meeting_pack.PackError) as exc:
            critical(self, self.tr("Paket hazırlanamadı"), str(exc))
            return
        self.written = target
        text = self.tr("Kaydedildi: {0}").format(target) + _masked_text(pack.masked)
        information(self, self.tr("Paket hazır"), text)
        self.accept()


class FullExportDialog(QDialog):
    """Whole database to one workbook; contacts (personal data) only when ticked."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.written: Path | None = None
        self.setWindowTitle(self.tr("Tüm veriyi Excel'e aktar"))
        self.with_contacts = QCheckBox(
            self.tr("Firma yetkililerini de ekle (kişisel veri: KVKK kapsamında paylaşın)")
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Aktar…"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        info = QLabel(
            self.tr(
                "Firmalar, değerlendirmeler, ziyaretler, kurumlar, projeler, kilometre taşları, "
                "toplantılar ve kararlar birer sayfa olarak tek dosyaya yazılır."
            )
        )
        info.setWordWrap(True)
        with ctx.db.read() as s:
            withheld = privacy.count_withheld(s)
        self.kvkk_note = QLabel(
            formatting.fill(
                self.tr(
                    "Yalnızca KVKK onayı kayıtlı yetkililer yazılır; onayı olmayan %1 yetkili "
                    "hangi seçenek işaretlenirse işaretlensin dışarıda kalır."
                ),
                formatting.number(withheld),
            )
        )
        self.kvkk_note.setWordWrap(True)
        layout.addWidget(info)
        layout.addWidget(self.with_contacts)
        layout.addWidget(self.kvkk_note)
        layout.addWidget(buttons)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Dışa aktarılacak dosya"),
            str(Path.home() / "kayseri-ihracat-arsiv.xlsx"),
            self.tr("Excel çalışma kitabı (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path).with_suffix(".xlsx")
        try:
            with busy():
                counts = export_all(
                    self.ctx.db, target, with_contacts=self.with_contacts.isChecked()
                )
        except OSError as exc:
            critical(self, self.tr("Dışa aktarılamadı"), str(exc))
            return
        self.written = target
        text = self.tr("Kaydedildi: {0}").format(target)
        if counts.contacts_left_out is not None:
            text += "\n" + formatting.fill(
                self.tr(
                    "Yazılan yetkili: %1. KVKK onayı olmayan %2 yetkili dışarıda bırakıldı "
                    "(kayıtlı açık rıza olmadan kişisel veri uygulamadan çıkmaz)."
                ),
                formatting.number(counts.get("Yetkililer", 0)),
                formatting.number(counts.contacts_left_out),
            )
        information(self, self.tr("Dışa aktarıldı"), text + _masked_text(counts.masked))
        self.accept()
