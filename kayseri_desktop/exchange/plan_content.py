"""The Strategy Action Plan document's content, once, as a list of blocks (headings,
paragraphs, tables, figures) that exchange/plan_docx.py writes to Word and
exchange/plan_pdf.py lays out as a PDF: the two files say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from kayseri_desktop.core.catalogues import (
    ACTION_STATUSES,
    ACTION_THEMES,
    EVALUATION_THEMES,
    NEEDS,
    ROADMAP_YEARS,
    SECTORS,
)
from kayseri_desktop.core.turkish import thousands
from kayseri_desktop.data.engine import Database
from kayseri_desktop.exchange import charts
from kayseri_desktop.services import action_plan, findings, statistics
from kayseri_desktop.services.action_plan import ActionRow, Plan
from kayseri_desktop.services.findings import Findings, HeatMap

COMMITTEE = "Kayseri İl İhracatı Geliştirme Üst Kurulu"
TITLE = "Kayseri Üretim ve İhracat Strateji Eylem Planı"


@dataclass(frozen=True)
class Heading:
    level: int  # 1-3
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    muted: bool = False
    bullet: bool = False


@dataclass(frozen=True)
class Column:
    header: str
    weight: float = 1.0
    numeric: bool = False
    fit: bool = False  # as wide as its widest cell (codes, figures)


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    highlight: tuple[bool, ...] = ()  # rows to stand out (late)


@dataclass(frozen=True)
class Figure:
    caption: str
    paint: charts.Paint
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Table | Figure | PageBreak


@dataclass
class PlanDocument:
    title: str
    subtitle: str
    date_text: str
    blocks: list[Block] = field(default_factory=list)


def decimal(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}".replace(".", ",")


def number(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return thousands(int(value))
    whole = thousands(int(value))
    return whole + "," + f"{abs(value) % 1:.2f}"[2:]


def million_usd(value: int) -> str:
    return f"{thousands(round(value / 1_000_000))} milyon USD"


def percent(value: float | None) -> str:
    return "—" if value is None else f"%{round(value * 100)}"


def _theme_list(scores: Sequence[findings.ThemeScore], k: int = 3) -> str:
    return ", ".join(f"{t.label} ({decimal(t.mean)})" for t in scores[:k])


def _kpi_text(a: ActionRow) -> str:
    k = a.kpi
    if not k.name:
        return "—"
    unit = f" {k.unit}" if k.unit else ""
    text = f"{k.name}: {number(k.baseline)} → {number(k.target)}{unit}"
    if k.current is not None:
        text += f" (güncel {number(k.current)}, {percent(k.progress)})"
    return text


def _status_text(a: ActionRow) -> str:
    d = a.derived
    text = d.label
    if d.progress is not None:
        text += f" (%{d.progress})"
    return text


def action_table(rows: Sequence[ActionRow], today: dt.date) -> Table:
    out = []
    for a in rows:
        evidence = "; ".join(f"{NEEDS.label(n)} ({a.evidence.get(n, 0)} firma)" for n in a.needs)
        title = f"{a.title}\nTema: {a.theme_label}"
        if evidence:
            title += f"\nKanıt: {evidence}"
        projects = "\n".join(
            f"{p.code} {p.title}" + (" — gecikmede" if p.late(today) else "") for p in a.projects
        )
        out.append(
            (
                a.code,
                title,
                a.lead,
                ", ".join(a.partners) or "—",
                _kpi_text(a),
                projects or "—",
                _status_text(a),
            )
        )
    return Table(
        (
            Column("Kod", fit=True),
            Column("Eylem", 3.2),
            Column("Öncü kurum", 1.1),
            Column("Destekçi kurumlar", 1.4),
            Column("KPI: başlangıç → hedef", 1.9),
            Column("Bağlı projeler", 2.0),
            Column("Durum", fit=True),
        ),
        tuple(out),
        tuple(a.derived.status == "gecikmede" for a in rows),
    )


def _heat(hm: HeatMap, *, keep: Sequence[str] | None = None) -> charts.Paint:
    keys = [k for k in hm.keys if keep is None or k in keep]
    cells = [
        [charts.HeatCell(c.mean, c.n, c.too_few) for c in (hm.cell(theme, key) for key in keys)]
        for theme in hm.themes
    ]
    return charts.heat_map(
        [EVALUATION_THEMES.label(t) for t in hm.themes],
        [hm.label(k) for k in keys],
        cells,
        note=(
            f"Hücrede ortalama puan (1–5) ve firma sayısı (n). Gri hücreler {findings.MIN_FIRMS}"
            "'ten az firmaya dayanır: kesin sonuç gibi okunmamalı."
        ),
    )


def build(db: Database, *, today: dt.date | None = None) -> PlanDocument:
    """Read the findings and the plan and lay out the document's content."""
    today = today or dt.date.today()
    found = findings.findings(db)
    plan = action_plan.plan(db, today=today)
    head = statistics.headline(db, today=today, export_year=statistics.BASELINE_EXPORT_YEAR)
    targets = statistics.programme_targets(db)
    return compose(found, plan, head, targets, today)


def compose(
    found: Findings,
    plan: Plan,
    head: dict[str, int],
    targets: dict[str, float],
    today: dt.date,
) -> PlanDocument:
    doc = PlanDocument(TITLE, COMMITTEE, f"Taslak — {today:%d.%m.%Y}")
    b = doc.blocks
    _summary(b, found, plan, head, targets)
    b.append(PageBreak())
    _evidence(b, found)
    b.append(PageBreak())
    _actions(b, plan)
    return doc


def _summary(
    b: list[Block], found: Findings, plan: Plan, head: dict[str, int], targets: dict[str, float]
) -> None:
    b.append(Heading(1, "1. Yönetici özeti"))
    b.append(
        Para(
            "Bu eylem planı, “Kayseri İhracatta Dönüşüm” programının saha çalışmasının "
            "bulgularından hazırlanmıştır: masa başında değerlendirilen ve yerinde ziyaret "
            "edilen firmaların tema puanları ve ziyaretlerde dile getirilen ihtiyaçlar, "
            "üç yıllık yol haritasının (Dönüşüm, Gelişim, Kazanım) eylemlerine bağlanır."
        )
    )
    year = head.get("export_year", statistics.BASELINE_EXPORT_YEAR)
    rows = (
        (
            "Değerlendirilen firma",
            thousands(found.evaluated),
            thousands(round(targets.get("firms_evaluated", 0))),
        ),
        (
            "Yerinde ziyaret edilen firma",
            thousands(found.visited),
            thousands(round(targets.get("visits_done", 0))),
        ),
        ("Kayıtlı firma", thousands(found.live_firms), "—"),
        (
            f"Kayıtlı firmaların {year} ihracatı",
            million_usd(head.get("exports_usd", 0)),
            million_usd(round(targets.get("exports_baseline_usd", 0))) + " (il geneli)",
        ),
        ("Eylem", thousands(len(plan.actions)), "—"),
        ("Gecikmedeki proje", thousands(len(plan.late_projects)), "—"),
    )
    b.append(
        Table(
            (Column("Gösterge", 2.5), Column("Değer", 1.2, True), Column("Hedef / referans", 1.6)),
            rows,
        )
    )
    if found.weakest:
        b.append(Para("En zayıf temalar: " + _theme_list(found.weakest) + ".", bullet=True))
    if found.needs:
        top = ", ".join(f"{n.label} ({n.firms} firma)" for n in found.needs[:3])
        b.append(Para(f"Ziyaretlerde en sık dile getirilen ihtiyaçlar: {top}.", bullet=True))
    if plan.uncovered:
        gaps = ", ".join(f"{g.label} ({g.firms} firma)" for g in plan.uncovered[:3])
        b.append(Para(f"Henüz hiçbir eylemin karşılamadığı ihtiyaçlar: {gaps}.", bullet=True))
    b.append(
        Para(
            f"Potansiyel ihracatçı: {thousands(len(found.potential_exporters))} firma "
            f"({findings.POTENTIAL_EXPORTER_RULE})",
            bullet=True,
        )
    )
    for g in plan.by_year:
        done = g.by_status.get("tamamlandi", 0)
        late = g.by_status.get("gecikmede", 0)
        progress = "—" if g.progress is None else f"%{g.progress}"
        b.append(
            Para(
                f"{ROADMAP_YEARS.label(g.key)}: {g.actions} eylem, {done} tamamlandı, "
                f"{late} gecikmede; ortalama ilerleme {progress}.",
                bullet=True,
            )
        )


def _evidence(b: list[Block], found: Findings) -> None:
    rows: tuple[tuple[str, ...], ...]
    b.append(Heading(1, "2. Saha bulguları"))
    b.append(
        Para(
            f"Her firma için {findings.SCORE_SOURCE} esas alınmıştır. "
            f"{thousands(found.evaluated)} firma değerlendirildi; "
            f"{thousands(found.visited)} firma yerinde ziyaret edildi.",
            muted=True,
        )
    )
    b.append(Heading(2, "2.1 Temalara göre puanlar"))
    b.append(
        Figure(
            "Şekil 1. Tema ortalamaları (1–5), en zayıftan güçlüye",
            charts.bars([(t.label, t.mean) for t in found.weakest], decimal, max_value=5.0),
            160,
            8 + 7 * len(found.weakest),
        )
    )
    compare = []
    for c in found.visited_vs_desk:
        compare.append(
            (
                EVALUATION_THEMES.label(c.theme),
                decimal(c.visited.mean if c.visited else None, 2),
                thousands(c.visited.n if c.visited else 0),
                decimal(c.desk.mean if c.desk else None, 2),
                thousands(c.desk.n if c.desk else 0),
                decimal(c.difference, 2),
            )
        )
    b.append(Heading(3, "Yerinde ziyaret edilen ve yalnız masa başı değerlendirilen firmalar"))
    b.append(
        Table(
            (
                Column("Tema", 2.0),
                Column("Ziyaret edilen ort.", 1.0, True),
                Column("Firma", 0.7, True),
                Column("Masa başı ort.", 1.0, True),
                Column("Firma", 0.7, True),
                Column("Fark", 0.7, True),
            ),
            tuple(compare),
        )
    )
    maps = found.heat_maps
    sections = (
        ("2.2 Tema × sektör", "sector", None, "Şekil 2. Sektörlere göre tema ortalamaları"),
        ("2.3 Tema × ilçe", "district", None, "Şekil 3. İlçelere göre tema ortalamaları"),
        ("2.4 Tema × OSB", "osb", None, "Şekil 4. OSB'lere göre tema ortalamaları"),
        ("2.5 Tema × ölçek", "size", None, "Şekil 5. Ölçeğe göre tema ortalamaları"),
    )
    for title, dim, keep, caption in sections:
        hm = maps[dim]
        b.append(Heading(2, title))
        b.append(Figure(caption, _heat(hm, keep=keep), 170, 32 + 8 * len(hm.themes)))
    if found.weakest_by_sector:
        rows = tuple(
            (
                SECTORS.label(k) if k else "Belirtilmemiş",
                thousands(max((t.n for t in v), default=0)),
                _theme_list(v, 2),
            )
            for k, v in found.weakest_by_sector.items()
        )
        b.append(Heading(3, "Sektörlerin en zayıf iki teması"))
        b.append(
            Table(
                (
                    Column("Sektör", 1.5),
                    Column("Firma", 0.6, True),
                    Column("En zayıf temalar", 3.0),
                ),
                rows,
            )
        )
    b.append(Heading(2, "2.6 İhtiyaçlar"))
    if found.needs:
        b.append(
            Figure(
                "Şekil 6. İhtiyacı dile getiren ziyaret edilmiş firma sayısı",
                charts.bars(
                    [(n.label, float(n.firms)) for n in found.needs], lambda v: thousands(round(v))
                ),
                160,
                8 + 7 * len(found.needs),
            )
        )
        rows = tuple(
            (
                SECTORS.label(k) if k else "Belirtilmemiş",
                *[f"{v[i].label} ({v[i].firms})" if i < len(v) else "—" for i in range(3)],
            )
            for k, v in found.needs_by_sector.items()
        )
        b.append(Heading(3, "Sektörlere göre en sık üç ihtiyaç (firma sayısı)"))
        b.append(
            Table(
                (Column("Sektör", 1.3), Column("1.", 1.5), Column("2.", 1.5), Column("3.", 1.5)),
                rows,
            )
        )
    else:
        b.append(Para("Ziyaretlerde katalogdan ihtiyaç kaydedilmemiş.", muted=True))
    if found.free_text_only:
        b.append(
            Para(
                f"{thousands(len(found.free_text_only))} ziyaretin ihtiyaçları yalnızca serbest "
                "metin olarak kayıtlı; sayımlara girmedi, ziyaret kayıtlarında okunabilir.",
                muted=True,
            )
        )
    b.append(Heading(2, "2.7 Potansiyel ihracatçılar"))
    b.append(Para(f"Kural: {findings.POTENTIAL_EXPORTER_RULE}", muted=True))
    if found.potential_exporters:
        rows = tuple(
            (
                f.title,
                SECTORS.label(f.sector) if f.sector else "—",
                decimal(f.average),
                str(f.scores.get("ihracat", "—")),
                "yok" if f.export_usd is None else f"{thousands(f.export_usd)} USD",
                "Saha" if f.visited else "Masa başı",
            )
            for f in found.potential_exporters[:40]
        )
        b.append(
            Table(
                (
                    Column("Firma", 3.0),
                    Column("Sektör", 1.4),
                    Column("Ort.", 0.5, True),
                    Column("İhracata hazırlık", 0.8, True),
                    Column("Son ihracat", 1.2, True),
                    Column("Değerlendirme", fit=True),
                ),
                rows,
            )
        )
        if len(found.potential_exporters) > 40:
            more = len(found.potential_exporters) - 40
            b.append(Para(f"… ve {thousands(more)} firma daha (uygulamadaki listede).", muted=True))
    else:
        b.append(Para("Kurala uyan firma yok.", muted=True))


def _actions(b: list[Block], plan: Plan) -> None:
    b.append(Heading(1, "3. Eylemler"))
    b.append(
        Para(
            "Eylemlerin durumu ve ilerlemesi bağlı projelerden ve kilometre taşlarından "
            "hesaplanır (ayrıca girilmez). Kanıt: ihtiyacı dile getiren ziyaret edilmiş firma "
            f"sayısı ({thousands(plan.visited_firms)} ziyaret edilmiş firma içinden).",
            muted=True,
        )
    )
    b.append(Heading(2, "3.1 Yıllara ve temalara göre ilerleme"))
    statuses = [s for s in ACTION_STATUSES.codes()]
    rows = []
    for label, groups in (
        ("Yıl", [(ROADMAP_YEARS.label(g.key), g) for g in plan.by_year]),
        ("Tema", [(ACTION_THEMES.label(g.key), g) for g in plan.by_theme]),
    ):
        del label
        for name, g in groups:
            rows.append(
                (
                    name,
                    thousands(g.actions),
                    *[thousands(g.by_status.get(s, 0)) for s in statuses],
                    "—" if g.progress is None else f"%{g.progress}",
                )
            )
    b.append(
        Table(
            (
                Column("Yıl / tema", 2.2),
                Column("Eylem", 0.6, True),
                *[Column(ACTION_STATUSES.label(s), 0.8, True, True) for s in statuses],
                Column("İlerleme", 0.7, True, True),
            ),
            tuple(rows),
        )
    )
    for n, year in enumerate((1, 2, 3), 2):
        rows_of_year = plan.of_year(year)
        b.append(Heading(2, f"3.{n} {ROADMAP_YEARS.label(str(year))}"))
        if rows_of_year:
            b.append(action_table(rows_of_year, plan.today))
        else:
            b.append(Para("Bu yıl için eylem yok.", muted=True))
    b.append(Heading(2, "3.5 Kapsanmayan ihtiyaçlar"))
    if plan.uncovered:
        b.append(
            Table(
                (Column("İhtiyaç", 2.5), Column("Dile getiren firma", 1.0, True)),
                tuple((g.label, thousands(g.firms)) for g in plan.uncovered),
            )
        )
    else:
        b.append(Para("Katalogdaki her ihtiyacı en az bir eylem karşılıyor.", muted=True))
    b.append(Heading(2, "3.6 Gecikmedeki projeler"))
    if plan.late_projects:
        b.append(
            Table(
                (Column("Kod", fit=True), Column("Proje", 3.0), Column("Neden", 2.0)),
                tuple((p.code, p.title, p.late_reason(plan.today)) for p in plan.late_projects),
                tuple(True for _ in plan.late_projects),
            )
        )
    else:
        b.append(Para("Gecikmedeki proje yok.", muted=True))
