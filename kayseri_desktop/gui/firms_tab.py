"""Firmalar: the firm registry as a read-only table in Turkish alphabetical order."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kayseri_desktop.core.catalogues import DISTRICTS, SECTORS
from kayseri_desktop.core.turkish import collation_key
from kayseri_desktop.data.engine import Database
from kayseri_desktop.gui import formatting, queries
from kayseri_desktop.gui.data_table import DataTab, DataTable, plain_label
from kayseri_desktop.gui.i18n import current_language
from kayseri_desktop.gui.queries import FirmRow
from kayseri_desktop.gui.table_model import RIGHT, Column, TableModel

TITLE, TAX_NO, SECTOR, DISTRICT, EMPLOYEES = range(5)


class FirmsTab(DataTab):
    entities = frozenset({"firm"})

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.setObjectName("firmsTab")
        lang = current_language()
        columns = [
            Column(self.tr("Unvan"), lambda r: r.title, lambda r: r.title_sort, stretch=True),
            Column(self.tr("VKN"), lambda r: r.tax_no),
            Column(
                self.tr("Sektör"),
                lambda r: SECTORS.label(r.sector, lang),
                lambda r: collation_key(SECTORS.label(r.sector, lang)),
            ),
            Column(
                self.tr("İlçe"),
                lambda r: DISTRICTS.label(r.district, lang),
                lambda r: collation_key(DISTRICTS.label(r.district, lang)),
            ),
            Column(
                self.tr("Çalışan"),
                lambda r: formatting.number(r.employees),
                lambda r: -1 if r.employees is None else r.employees,
                align=RIGHT,
            ),
        ]
        self.summary = plain_label(parent=self, name="firmsSummary")
        self.table = DataTable(columns, self)
        self.table.setObjectName("firmsTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.reload()

    @property
    def model(self) -> TableModel:
        """The source model (rows in database order, Turkish alphabetical)."""
        return self.table.source

    def reload(self) -> None:
        rows: list[FirmRow] = queries.firms(self.db)
        self.table.set_rows(rows)
        self.summary.setText(
            formatting.fill(self.tr("Kayıtlı firma: %1"), formatting.number(len(rows)))
        )
