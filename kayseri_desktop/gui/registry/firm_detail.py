"""Firm detail: the record, evaluations with theme scores, visits, projects, change history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kayseri_desktop.core.catalogues import (
    DISTRICTS,
    EVALUATION_KINDS,
    EVALUATION_THEMES,
    OSBS,
    PROJECT_STATUSES,
    SECTORS,
    SIZE_CLASSES,
    VISIT_STATUSES,
)
from kayseri_desktop.core.firm_validation import country_name
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, messages
from kayseri_desktop.gui.data_table import plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services import firm_history, registry, scorecard


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))  # items never interpret HTML
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class FirmDetailDialog(QDialog):
    edit_requested = Signal()

    def __init__(self, db: Database, firm_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.firm_id = firm_id
        self.setObjectName("firmDetail")
        self.resize(980, 640)
        lang = current_language()
        data = registry.load(db, firm_id)
        past = firm_history.history(db, firm_id, lang)
        self.firm_title = str(data["title"])
        self.setWindowTitle(formatting.fill(self.tr("Firma: %1"), data["title"]))

        facts = QFormLayout()
        self.title_label = plain_label(str(data["title"]), self, name="detailTitle")
        self.title_label.setProperty("role", "heading")
        exports = ", ".join(f"{year}: {formatting.number(usd)}" for year, usd in data["exports"])
        rows = [
            (self.tr("Kısa ad"), data.get("short_name")),
            (self.tr("VKN/TCKN"), data.get("tax_no")),
            (self.tr("Sektör"), SECTORS.label(data.get("sector"), lang)),
            (self.tr("İlçe"), DISTRICTS.label(data.get("district"), lang)),
            (self.tr("OSB"), OSBS.label(data.get("osb"), lang)),
            (self.tr("Ölçek"), SIZE_CLASSES.label(data.get("size_class"), lang)),
            (self.tr("Çalışan"), formatting.number(data.get("employees"))),
            (self.tr("Telefon"), data.get("phone")),
            (self.tr("E-posta"), data.get("email")),
            (self.tr("İhracat (USD)"), exports),
            (
                self.tr("Pazarlar"),
                ", ".join(country_name(c, lang) for c in data["markets"]),
            ),
            (self.tr("Etiketler"), ", ".join(data["tags"])),
            (self.tr("Ürünler"), data.get("products")),
        ]
        self.fact_labels = {}
        for caption, value in rows:
            label = plain_label("" if value is None else str(value), self)
            label.setWordWrap(True)
            facts.addRow(plain_label(caption, self), label)
            self.fact_labels[caption] = label

        themes = EVALUATION_THEMES.codes()
        self.tabs = QTabWidget(self)
        self.evaluations = _table(
            [self.tr("Tarih"), self.tr("Tür"), self.tr("Değerlendiren")]
            + [EVALUATION_THEMES.label(t, lang) for t in themes],
            [
                [
                    formatting.date(e.evaluated_on),
                    EVALUATION_KINDS.label(e.kind, lang),
                    e.evaluator or "",
                    *(str(e.scores.get(t, "")) for t in themes),
                ]
                for e in past.evaluations
            ],
            self,
        )
        self.visits = _table(
            [self.tr("Başlangıç"), self.tr("Durum"), self.tr("Amaç")],
            [
                [formatting.date_time(start), VISIT_STATUSES.label(status, lang), purpose or ""]
                for start, status, purpose in past.visits
            ],
            self,
        )
        self.projects = _table(
            [self.tr("Kod"), self.tr("Proje"), self.tr("Durum")],
            [
                [code, title, PROJECT_STATUSES.label(status, lang)]
                for code, title, status in past.projects
            ],
            self,
        )
        actions = {
            "create": self.tr("oluşturuldu"),
            "update": self.tr("değiştirildi"),
            "delete": self.tr("çöp kutusuna taşındı"),
            "restore": self.tr("geri alındı"),
            "purge": self.tr("kalıcı silindi"),
        }
        entities = {"firm": self.tr("Firma"), "contact": self.tr("Yetkili")}
        fields = {
            "title": self.tr("Unvan"),
            "short_name": self.tr("Kısa ad"),
            "tax_no": self.tr("VKN/TCKN"),
            "trade_registry_no": self.tr("Ticaret sicil no"),
            "kto_member_no": self.tr("KTO üye no"),
            "nace_code": self.tr("NACE kodu"),
            "sector": self.tr("Sektör"),
            "district": self.tr("İlçe"),
            "osb": self.tr("OSB"),
            "address": self.tr("Adres"),
            "phone": self.tr("Telefon"),
            "email": self.tr("E-posta"),
            "web": self.tr("Web"),
            "founded_year": self.tr("Kuruluş yılı"),
            "employees": self.tr("Çalışan sayısı"),
            "size_class": self.tr("Ölçek"),
            "products": self.tr("Ürünler"),
            "certifications": self.tr("Belgeler"),
            "notes": self.tr("Notlar"),
            "firm_exports": self.tr("İhracat (USD)"),
            "firm_markets": self.tr("Pazarlar"),
            "firm_tags": self.tr("Etiketler"),
            "exports": self.tr("İhracat (USD)"),
            "markets": self.tr("Pazarlar"),
            "tags": self.tr("Etiketler"),
            "contact": self.tr("Yetkili"),
            "name": self.tr("Ad soyad"),
            "kvkk_consent": self.tr("KVKK onayı"),
            "kvkk_consent_date": self.tr("Onay tarihi"),
        }
        self.audit = _table(
            [
                self.tr("Zaman"),
                self.tr("Kullanıcı"),
                self.tr("Kayıt"),
                self.tr("İşlem"),
                self.tr("Alan"),
                self.tr("Eski değer"),
                self.tr("Yeni değer"),
            ],
            [
                [
                    formatting.date_time(a.at),
                    a.user,
                    entities.get(a.entity, a.entity),
                    actions.get(a.action, a.action),
                    fields.get(a.field, a.field) if a.field else "",
                    a.old or "",
                    a.new or "",
                ]
                for a in past.audit
            ],
            self,
        )
        self.tabs.addTab(
            self.evaluations,
            formatting.fill(self.tr("Değerlendirmeler (%1)"), len(past.evaluations)),
        )
        self.tabs.addTab(self.visits, formatting.fill(self.tr("Ziyaretler (%1)"), len(past.visits)))
        self.tabs.addTab(
            self.projects, formatting.fill(self.tr("Projeler (%1)"), len(past.projects))
        )
        self.tabs.addTab(
            self.audit, formatting.fill(self.tr("Değişiklik geçmişi (%1)"), len(past.audit))
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        edit = buttons.addButton(self.tr("Düzenle"), QDialogButtonBox.ButtonRole.ActionRole)
        edit.setEnabled(not db.readonly)
        edit.clicked.connect(self._edit)
        self.scorecard_button = buttons.addButton(
            self.tr("Karne oluştur…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.scorecard_button.setObjectName("scorecardButton")
        self.scorecard_button.setToolTip(
            self.tr(
                "Firma Karnesi'ni (.pdf) yazar: profil, tema puanları, bulgular, "
                "izlemeler ve uygun destekler. Yetkililerin kişisel verileri yazılmaz (KVKK)."
            )
        )
        self.scorecard_button.clicked.connect(self.choose_scorecard)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(facts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _edit(self) -> None:
        self.accept()
        self.edit_requested.emit()

    def choose_scorecard(self) -> None:
        """Ask where to write the firm's scorecard, then write it."""
        from kayseri_desktop.exchange.scorecard_pdf import safe_filename

        suggested = safe_filename(self.firm_title, set())
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Firma karnesini kaydet"),
            str(Path.home() / suggested),
            self.tr("PDF belgesi (*.pdf)"),
        )
        if path:
            self.write_scorecard(Path(path))

    def write_scorecard(self, path: Path) -> None:
        """The scorecard PDF, written completely or not at all; no contact's personal data."""
        from kayseri_desktop.exchange.scorecard_pdf import write_scorecard

        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        title = self.tr("Karne yazılamadı")
        try:
            with messages.busy():
                card = scorecard.build(self.db, [self.firm_id], with_contacts=False)[0]
                pages = write_scorecard(card, path, date_text=f"{dt.date.today():%d.%m.%Y}")
        except scorecard.ScorecardError as exc:
            messages.critical(self, title, str(exc))
            return
        except OSError as exc:
            messages.write_failed(self, title, path, exc)
            return
        messages.information(
            self,
            self.tr("Karne yazıldı"),
            formatting.fill(
                self.tr(
                    "Firma karnesi yazıldı: %1 (%2 sayfa). "
                    "Yetkililerin kişisel verileri yazılmadı (KVKK)."
                ),
                str(path),
                formatting.number(pages),
            ),
        )
