"""The registry's filter bar: one combo per criterion, combined with AND, cleared at once."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QWidget

from kayseri_desktop.core.catalogues import DISTRICTS, OSBS, SECTORS, SIZE_CLASSES, Catalogue
from kayseri_desktop.core.firm_validation import country_name
from kayseri_desktop.core.turkish import sort_turkish
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.services.firm_index import Filters


class FilterPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firmFilters")
        lang = current_language()
        self.sector = self._catalogue_combo("filterSector", self.tr("Tüm sektörler"), SECTORS, lang)
        self.district = self._catalogue_combo(
            "filterDistrict", self.tr("Tüm ilçeler"), DISTRICTS, lang
        )
        self.osb = self._catalogue_combo("filterOsb", self.tr("Tüm OSB'ler"), OSBS, lang)
        self.size_combo = self._catalogue_combo(
            "filterSize", self.tr("Tüm ölçekler"), SIZE_CLASSES, lang
        )
        self.evaluated = self._combo(
            "filterEvaluated",
            [
                (self.tr("Değerlendirme: tümü"), None),
                (self.tr("Değerlendirildi"), True),
                (self.tr("Değerlendirilmedi"), False),
            ],
        )
        self.visited = self._combo(
            "filterVisited",
            [
                (self.tr("Ziyaret: tümü"), None),
                (self.tr("Ziyaret edildi"), True),
                (self.tr("Ziyaret edilmedi"), False),
            ],
        )
        self.market = self._combo("filterMarket", [(self.tr("Tüm pazarlar"), None)])
        self.tag = self._combo("filterTag", [(self.tr("Tüm etiketler"), None)])
        for combo in (self.evaluated, self.visited):  # short texts: shown whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.clear_button = QPushButton(self.tr("Filtreleri temizle"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for combo in self.combos():
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self._update_clear()

    def combos(self) -> list[QComboBox]:
        return [
            self.sector,
            self.district,
            self.osb,
            self.size_combo,
            self.evaluated,
            self.visited,
            self.market,
            self.tag,
        ]

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        # Narrow combos (the longest sector name would push the bar off screen); the
        # drop-down list still shows whole names.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(self._emit)
        return combo

    def _catalogue_combo(self, name: str, everything: str, cat: Catalogue, lang: str) -> QComboBox:
        entries = sort_turkish(cat, key=lambda e: e.label(lang))
        return self._combo(name, [(everything, None), *((e.label(lang), e.code) for e in entries)])

    def set_choices(self, markets: list[str], tags: list[str]) -> None:
        """Offer the markets and tags that occur in the registry (keeps the current pick)."""
        for combo, values, label in (
            (self.market, markets, lambda code: country_name(code, current_language())),
            (self.tag, tags, str),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(label(value), value)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, found))
            combo.blockSignals(False)

    def filters(self) -> Filters:
        def one(combo: QComboBox) -> frozenset[str]:
            value = combo.currentData()
            return frozenset() if value is None else frozenset({value})

        return Filters(
            sectors=one(self.sector),
            districts=one(self.district),
            osbs=one(self.osb),
            sizes=one(self.size_combo),
            evaluated=self.evaluated.currentData(),
            visited=self.visited.currentData(),
            market=self.market.currentData(),
            tag=self.tag.currentData(),
        )

    def select(self, combo: QComboBox, value: object) -> None:
        """Pick the entry holding ``value`` (used by the command line and tests alike)."""
        combo.setCurrentIndex(max(0, combo.findData(value)))

    def clear(self) -> None:
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._emit()

    def show_only(self, *, sector: str | None = None, district: str | None = None) -> None:
        """Clear every filter, then pick the given catalogue codes; one change signal."""
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
        for combo, code in ((self.sector, sector), (self.district, district)):
            if code is not None:
                combo.setCurrentIndex(max(0, combo.findData(code)))
        for combo in self.combos():
            combo.blockSignals(False)
        self._emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.filters().active())

    def _emit(self) -> None:
        self._update_clear()
        self.changed.emit()
