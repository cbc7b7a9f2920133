"""The tables of a meeting pack, defined once for both the workbook and the PDF.

Each table is a list of columns (header, kind of value, Excel width, PDF share of
the page width) and rows of raw values. pack_xlsx.py writes the raw values with
an Excel number format per kind, so figures stay numbers; pack_pdf.py renders
them as Turkish text (1.250.000, %45, 15.10.2026).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kayseri_desktop.exchange.xlsx import CellValue
from kayseri_desktop.services.meeting_pack import PackData

# Kinds of value: how Excel formats them, and whether the PDF aligns them right.
EXCEL_FORMATS: dict[str, str | None] = {
    "text": None,
    "code": None,  # short text that must never wrap (project codes, short names)
    "int": "#,##0",
    "dec1": "#,##0.0",
    "dec2": "0.00",
    "money": "#,##0.00",
    "percent": "0%",
    "date": "DD.MM.YYYY",
    "datetime": "DD.MM.YYYY HH:MM",
}
NUMERIC = {"int", "dec1", "dec2", "money", "percent", "figure"}
# "figure": a column whose rows differ (counts beside sums); PackTable.row_kinds says
# which kind each row's value is. Counts are whole numbers everywhere.


def excel_format(kind: str) -> str:
    """The Excel number format of a kind of value ("General", Excel's own, for text)."""
    return EXCEL_FORMATS.get(kind) or "General"


@dataclass(frozen=True)
class PackColumn:
    header: str
    kind: str = "text"
    width: int = 14  # Excel, in characters
    weight: float = 1.0  # PDF, share of the table width


@dataclass
class PackTable:
    sheet: str  # Excel sheet name
    title: str  # heading in the PDF
    columns: Sequence[PackColumn]
    rows: Sequence[Sequence[CellValue]]
    late: list[bool] = field(default_factory=list)  # rows to mark (late items)
    row_kinds: list[str] = field(default_factory=list)  # kind of each row's "figure" cells

    def kind(self, row: int, column: PackColumn) -> str:
        """The kind of value in one cell: the column's, or the row's for a "figure" column."""
        return self.row_kinds[row] if column.kind == "figure" else column.kind


def _status(late: bool, carried: bool) -> str:
    return ("SÜRESİ GEÇTİ" if late else "Açık") + (" · devreden" if carried else "")


def summary(pack: PackData) -> PackTable:
    columns = [
        PackColumn("Gösterge", "text", 34, 3.0),
        PackColumn("Bu toplantı", "figure", 14, 1.1),
        PackColumn("Önceki toplantı", "figure", 16, 1.2),
        PackColumn("Değişim", "figure", 12, 1.0),
        PackColumn("Hedef", "figure", 12, 1.0),
        PackColumn("Hedefe göre", "percent", 13, 1.0),
        PackColumn("Birim", "text", 12, 1.0),
    ]
    rows = [
        (r.label, r.now, r.previous, r.change, r.target, r.percent_of_target, r.unit)
        for r in pack.summary
    ]
    kinds = ["int" if r.decimals == 0 else f"dec{r.decimals}" for r in pack.summary]
    return PackTable("Özet", "1. Özet: hedeflere göre durum", columns, rows, row_kinds=kinds)


def visits(pack: PackData) -> PackTable:
    columns = [
        PackColumn("Tarih", "datetime", 17, 1.2),
        PackColumn("Firma", "text", 48, 3.0),
        PackColumn("İlçe", "text", 14, 1.0),
        PackColumn("Sektör", "text", 26, 1.5),
        PackColumn("Saha ekibi", "text", 36, 2.0),
        PackColumn("Ortalama puan (1-5)", "dec2", 12, 0.8),
        PackColumn("Tespit edilen ihtiyaçlar", "text", 60, 3.0),
    ]
    rows = [
        (v.day, v.firm, v.district, v.sector, v.team, v.average_score, v.needs) for v in pack.visits
    ]
    return PackTable("Ziyaretler", f"2. Ziyaretler ({pack.period_text})", columns, rows)


def visit_counts(title: str, label: str, counts: list[tuple[str, int]]) -> PackTable:
    columns = [PackColumn(label, "text", 28, 2.0), PackColumn("Ziyaret", "int", 10, 1.0)]
    return PackTable(title, title, columns, list(counts))


def projects(pack: PackData) -> PackTable:
    columns = [
        PackColumn("Kod", "code", 13, 1.2),
        PackColumn("Proje", "text", 46, 2.6),
        PackColumn("Yürütücü", "code", 14, 0.9),
        PackColumn("Ortaklar", "text", 36, 2.0),
        PackColumn("İlerleme", "percent", 10, 0.8),
        PackColumn("Bütçe (TL)", "money", 15, 1.2),
        PackColumn("Harcanan (TL)", "money", 15, 1.2),
        PackColumn("Bütçe kullanımı", "percent", 12, 0.9),
        PackColumn("Bitiş", "date", 12, 0.9),
        PackColumn("Geciken kilometre taşları", "text", 60, 2.6),
    ]
    rows = [
        (
            p.code, p.title, p.lead, p.partners, p.progress / 100, p.budget_try, p.spent_try,
            p.budget_use, p.end_date,
            "; ".join(f"{t} ({d:%d.%m.%Y})" for t, d in p.late_milestones),
        )
        for p in pack.projects
    ]  # fmt: skip
    return PackTable(
        "Projeler",
        "3. Yürüyen projeler (geciken kilometre taşları önce)",
        columns,
        rows,
        [bool(p.late_milestones) for p in pack.projects],
    )


def decisions(pack: PackData) -> PackTable:
    columns = [
        PackColumn("Sorumlu kurum", "text", 16, 1.1),
        PackColumn("Karar", "text", 70, 5.0),
        PackColumn("Karar tarihi", "date", 12, 1.1),
        PackColumn("Son tarih", "date", 12, 1.0),
        PackColumn("Durum", "text", 16, 1.5),
        PackColumn("Proje", "code", 13, 1.1),
    ]
    rows = [
        (d.owner, d.text, d.decided_on, d.due_date, _status(d.late, d.carried_over), d.project)
        for d in pack.decisions
    ]
    return PackTable(
        "Kararlar",
        "4. Açık kararlar (sorumlu kuruma göre)",
        columns,
        rows,
        [d.late for d in pack.decisions],
    )


def chart_series(pack: PackData) -> list[tuple[str, str, Sequence[tuple[str, float]], str]]:
    """(title, unit, data, kind) of each chart on the Grafikler part."""
    return [
        ("Dönemde ilçelere göre ziyaret", "Ziyaret", pack.visits_by_district, "int"),
        ("Dönemde sektörlere göre ziyaret", "Ziyaret", pack.visits_by_sector, "int"),
        ("Temalara göre ortalama puan (1-5)", "Puan", pack.theme_scores, "dec2"),
    ]
