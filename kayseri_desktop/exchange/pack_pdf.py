"""The meeting pack as a printable PDF: title page, the four parts, the charts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt

from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.pack_xlsx import COMMITTEE
from kayseri_desktop.exchange.pdf_layout import ACCENT, MUTED, PdfDocument, TableColumn
from kayseri_desktop.services.meeting_pack import PackData

_TR = QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey)
RIGHT = Qt.AlignmentFlag.AlignRight


def number(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return _TR.toString(float(value), "f", decimals)


def percent(value: float | None) -> str:
    return "—" if value is None else f"%{_TR.toString(value * 100, 'f', 0)}"


def date(value) -> str:
    return value.strftime("%d.%m.%Y") if value else "—"


def _title_page(doc: PdfDocument, pack: PackData) -> None:
    doc.space(18)
    doc.text(COMMITTEE, 13, color=MUTED)
    doc.text("Toplantı Paketi", 28, bold=True, gap_mm=4)
    doc.text(f"Toplantı tarihi: {date(pack.held_on)}", 13)
    if pack.place:
        doc.text(f"Yer: {pack.place}", 13)
    doc.text(f"Dönem: {pack.period_text}", 13, gap_mm=6)
    doc.text("Gündem", 13, bold=True)
    for n, (item, carried) in enumerate(pack.agenda, start=1):
        doc.text(f"{n}. {item}" + ("  (önceki toplantıdan devreden)" if carried else ""), 10.5)
    if pack.attendees:
        doc.space(3)
        doc.text("Katılımcılar", 13, bold=True)
        doc.text(", ".join(pack.attendees), 10)


def _summary(doc: PdfDocument, pack: PackData) -> None:
    doc.heading("1. Özet: hedeflere göre durum")
    cols = [
        TableColumn("Gösterge", 3.2),
        TableColumn("Bu toplantı", 1.2, RIGHT),
        TableColumn("Önceki toplantı", 1.3, RIGHT),
        TableColumn("Değişim", 1.0, RIGHT),
        TableColumn("Hedef", 1.0, RIGHT),
        TableColumn("Hedefe göre", 1.1, RIGHT),
    ]
    decimals = [1 if r.unit else 0 for r in pack.summary]
    rows = []
    for r, d in zip(pack.summary, decimals, strict=True):
        change = r.change
        sign = "+" if change and change > 0 else ""
        label = f"{r.label} ({r.unit})" if r.unit else r.label
        rows.append(
            [
                label,
                number(r.now, d),
                number(r.previous, d),
                "—" if change is None else sign + number(change, d),
                number(r.target, d),
                percent(r.percent_of_target),
            ]
        )
    doc.table(cols, rows, size=10)
    doc.text(
        "Proje sayıları bugünkü durumdur (durum geçmişi tutulmaz); diğer göstergeler "
        "toplantı tarihindeki durumu gösterir.",
        8,
        color=MUTED,
    )


def _visits(doc: PdfDocument, pack: PackData) -> None:
    doc.new_page()
    doc.heading(f"2. Ziyaretler ({pack.period_text})")
    doc.text(f"Dönemde yapılan yerinde ziyaret: {number(len(pack.visits))}", 10.5, bold=True)
    by = [TableColumn("İlçe", 2), TableColumn("Ziyaret", 1, RIGHT)]
    doc.table(by, [[k, number(v)] for k, v in pack.visits_by_district], size=9, fraction=0.4)
    by = [TableColumn("Sektör", 2), TableColumn("Ziyaret", 1, RIGHT)]
    doc.table(by, [[k, number(v)] for k, v in pack.visits_by_sector], size=9, fraction=0.4)
    cols = [
        TableColumn("Tarih", 1.1),
        TableColumn("Firma", 3.2),
        TableColumn("İlçe", 1.1),
        TableColumn("Sektör", 1.6),
        TableColumn("Puan", 0.6, RIGHT),
        TableColumn("Tespit edilen ihtiyaçlar", 3.6),
    ]
    rows = [
        [
            date(v.day),
            v.firm,
            v.district,
            v.sector,
            number(v.average_score, 2) if v.average_score is not None else "—",
            v.needs or "—",
        ]
        for v in pack.visits
    ]
    doc.table(cols, rows)


def _projects(doc: PdfDocument, pack: PackData) -> None:
    doc.new_page()
    doc.heading("3. Yürüyen projeler (geciken kilometre taşları önce)")
    cols = [
        TableColumn("Kod", 1.3),
        TableColumn("Proje", 2.9),
        TableColumn("Yürütücü", 0.9),
        TableColumn("Ortaklar", 2.0),
        TableColumn("İlerleme", 0.8, RIGHT),
        TableColumn("Bütçe kullanımı", 1.3, RIGHT),
        TableColumn("Geciken kilometre taşları", 3.0),
    ]
    rows, late = [], []
    for p in pack.projects:
        budget = (
            f"{number(p.spent_try)} / {number(p.budget_try)} TL ({percent(p.budget_use)})"
            if p.budget_try
            else "—"
        )
        rows.append(
            [
                p.code,
                p.title,
                p.lead,
                p.partners or "—",
                f"%{p.progress}",
                budget,
                "; ".join(f"{t} ({date(d)})" for t, d in p.late_milestones) or "—",
            ]
        )
        late.append(bool(p.late_milestones))
    doc.table(cols, rows, highlight=late)


def _decisions(doc: PdfDocument, pack: PackData) -> None:
    doc.new_page()
    doc.heading("4. Açık kararlar (sorumlu kuruma göre)")
    cols = [
        TableColumn("Sorumlu", 1.1),
        TableColumn("Karar", 5.0),
        TableColumn("Karar tarihi", 1.1),
        TableColumn("Son tarih", 1.0),
        TableColumn("Durum", 1.5),
        TableColumn("Proje", 1.0),
    ]
    rows = [
        [
            d.owner,
            d.text,
            date(d.decided_on),
            date(d.due_date),
            ("SÜRESİ GEÇTİ" if d.late else "Açık") + (" · devreden" if d.carried_over else ""),
            d.project or "—",
        ]
        for d in pack.decisions
    ]
    doc.table(cols, rows, highlight=[d.late for d in pack.decisions])
    doc.text("Kırmızı satırların son tarihi toplantı gününden önce geçmiştir.", 8, color=ACCENT)


def _charts(doc: PdfDocument, pack: PackData) -> None:
    doc.new_page()
    doc.heading("5. Grafikler")
    targeted = [(r.label, r.percent_of_target) for r in pack.summary if r.target]
    doc.bar_chart(
        "Hedefe göre gerçekleşme",
        targeted,
        percent,
        max_value=max(1.0, *(v for _, v in targeted)) if targeted else None,
    )
    doc.bar_chart("Dönemde ilçelere göre ziyaret", pack.visits_by_district, number)
    doc.bar_chart("Dönemde sektörlere göre ziyaret", pack.visits_by_sector, number)
    doc.bar_chart(
        "Temalara göre ortalama değerlendirme puanı (1-5)",
        pack.theme_scores,
        lambda v: number(v, 2),
        max_value=5,
    )


def write_pack_pdf(pack: PackData, target: Path) -> int:
    """Write the pack to ``target`` completely or not at all; returns the page count."""

    def draw(d: PdfDocument) -> None:
        _title_page(d, pack)
        d.new_page()
        _summary(d, pack)
        _visits(d, pack)
        _projects(d, pack)
        _decisions(d, pack)
        _charts(d, pack)

    with atomic_target(target) as tmp:
        doc = PdfDocument(
            str(tmp),
            title=f"Üst Kurul toplantı paketi {date(pack.held_on)}",
            footer_left=f"{COMMITTEE} · Toplantı {date(pack.held_on)}",
        )
        return doc.render(draw)
