"""The firm scorecard (Firma Karnesi) as a one- or two-page A4 PDF, and a folder of
them with file names safe on Windows."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt

from kayseri_desktop.core.catalogues import (
    DISTRICTS,
    EVALUATION_THEMES,
    NEED_PRIORITIES,
    NEEDS,
    OSBS,
    SECTORS,
    SIZE_CLASSES,
)
from kayseri_desktop.core.turkish import fold, thousands
from kayseri_desktop.exchange import charts
from kayseri_desktop.exchange.atomic import atomic_target
from kayseri_desktop.exchange.pdf_layout import ACCENT, MUTED, TableColumn, mm
from kayseri_desktop.exchange.plan_content import COMMITTEE
from kayseri_desktop.exchange.plan_pdf import FlowPdf
from kayseri_desktop.services.scorecard import Scorecard

LEFT, RIGHT = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
NAME_LIMIT = 80  # characters of a file name's stem (Windows paths stay short)
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))} | {
    f"LPT{i}" for i in range(1, 10)
}


def safe_filename(title: str, taken: set[str], *, suffix: str = ".pdf") -> str:
    """A Windows-safe, unique file name from a firm's title.

    Forbidden characters (<>:"/\\|?* and control characters) become "_", runs of
    spaces one space; no trailing dot or space; a reserved device name (CON, PRN, AUX,
    NUL, COM1-9, LPT1-9) gets a "_" in front; at most NAME_LIMIT characters; and
    unique even compared without case and Turkish accents (stricter than Windows,
    which ignores case only: " (2)", " (3)"... added). ``taken`` holds the keys of the
    names given so far and is updated.
    """
    text = unicodedata.normalize("NFC", title)
    text = _FORBIDDEN.sub("_", text)
    text = " ".join(text.split())
    text = text[:NAME_LIMIT].rstrip(" .")
    if not text.strip("_"):
        text = "firma"
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    name, n = text, 1
    while fold(name + suffix) in taken:
        n += 1
        tail = f" ({n})"
        name = text[: NAME_LIMIT - len(tail)].rstrip(" .") + tail
    taken.add(fold(name + suffix))
    return name + suffix


def _date(value: object) -> str:
    return value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else "—"


def _profile(card: Scorecard) -> list[list[str]]:
    place = DISTRICTS.label(card.district) if card.district else "—"
    if card.osb:
        place += f" · {OSBS.label(card.osb)}"
    size = SIZE_CLASSES.label(card.size) if card.size else "—"
    if card.employees is not None:
        size += f" ({thousands(card.employees)} çalışan)"
    exports = "; ".join(f"{y}: {thousands(usd)} USD" for y, usd in card.exports[-3:]) or "yok"
    visit = "Henüz yerinde ziyaret edilmedi."
    if card.visit_day:
        visit = _date(card.visit_day)
        if card.team:
            visit += " · " + ", ".join(card.team)
    left = [
        ("Vergi no", card.tax_no),
        ("Sektör", SECTORS.label(card.sector) if card.sector else "—"),
        ("İlçe / OSB", place),
        ("Ölçek", size),
        ("Kuruluş yılı", str(card.founded_year) if card.founded_year else "—"),
    ]
    right = [
        ("İhracat", exports),
        ("Pazarlar", ", ".join(card.markets) or "—"),
        ("Ürünler", card.products or "—"),
        ("Belgeler", card.certifications or "—"),
        ("Ziyaret", visit),
    ]
    return [[a, b, c, d] for (a, b), (c, d) in zip(left, right, strict=True)]


def _chart(card: Scorecard) -> charts.Paint:
    themes = EVALUATION_THEMES.codes()
    sector = SECTORS.label(card.sector) if card.sector else "Sektör"
    return charts.grouped_scores(
        [EVALUATION_THEMES.label(t) for t in themes],
        [
            ("Firma", [float(card.scores[t]) if t in card.scores else None for t in themes]),
            (
                f"{sector} ort. ({card.sector_firms} firma)",
                [card.sector_average.get(t) for t in themes],
            ),
            (
                f"Kayseri ort. ({card.province_firms} firma)",
                [card.province_average.get(t) for t in themes],
            ),
        ],
    )


def _section(doc: FlowPdf, title: str) -> None:
    """A compact section title (the card must fit one page when it can)."""
    doc.ensure(mm(16))
    doc.space(1.5)
    doc.text(title, 11, bold=True, color=ACCENT, gap_mm=1)


def _needs_text(card: Scorecard) -> str:
    groups: dict[int, list[str]] = {}
    for n in card.needs:
        label = NEEDS.label(n.need) + (f" ({n.note})" if n.note else "")
        groups.setdefault(n.priority, []).append(label)
    return " · ".join(
        f"{NEED_PRIORITIES.label(str(p))} öncelik: {', '.join(v)}"
        for p, v in sorted(groups.items())
    )


def draw(doc: FlowPdf, card: Scorecard) -> None:
    doc.text(f"{COMMITTEE} · Kayseri İhracatta Dönüşüm", 8.5, color=MUTED, gap_mm=0.5)
    doc.text("Firma Karnesi", 18, bold=True, gap_mm=0.5)
    doc.text(card.title, 12.5, bold=True, gap_mm=1)
    if card.contacts_left_out and not card.contacts:
        doc.text(
            "Bu karne kişisel veri içermez: firma yetkililerinin bilgileri yazılmadı (KVKK).",
            7.5,
            color=MUTED,
            gap_mm=2,
        )
    col = [
        TableColumn("", 0.8, LEFT, True),
        TableColumn("Firma", 2.0),
        TableColumn("", 0.8, LEFT, True),
        TableColumn("Dış ticaret ve ziyaret", 2.6),
    ]
    doc.table(col, _profile(card), size=8)
    _section(doc, "Tema puanları")
    if card.scores:
        kind = "saha" if card.evaluation_kind == "field" else "masa başı"
        doc.text(
            f"Puanlar 1 (zayıf) – 5 (güçlü); {_date(card.evaluated_on)} tarihli {kind} "
            "değerlendirmesi, sektör ve il ortalamalarıyla.",
            8,
            color=MUTED,
        )
        doc.figure(_chart(card), 180, 42)
        weakest = sorted(card.scores.items(), key=lambda kv: (kv[1], kv[0]))[:2]
        doc.text(
            "Gelişime en açık alanlar: "
            + ", ".join(f"{EVALUATION_THEMES.label(t)} ({s})" for t, s in weakest)
            + ".",
            9,
        )
    else:
        doc.text("Firma henüz değerlendirilmedi.", 9, color=MUTED)
    _section(doc, "Bulgular ve ihtiyaçlar")
    if card.needs:
        doc.text(_needs_text(card), 9.5, bold=True)
    if card.needs_text:
        doc.text(f"Ziyarette not edilen ihtiyaçlar: {card.needs_text}", 9)
    if card.notes:
        doc.text(f"Gözlemler: {card.notes}", 9)
    if not (card.needs or card.needs_text or card.notes):
        doc.text("Kayıtlı bulgu yok.", 9, color=MUTED)
    _section(doc, "Takip işleri")
    if card.follow_ups:
        doc.table(
            [
                TableColumn("İş", 3.0),
                TableColumn("Sorumlu", 1.2),
                TableColumn("Tarih", 0.8, LEFT, True),
                TableColumn("Durum", 0.8, LEFT, True),
            ],
            [
                [
                    f.action,
                    f.owner or "—",
                    _date(f.due_date),
                    f"Yapıldı {_date(f.done_on)}" if f.done_on else "Açık",
                ]
                for f in card.follow_ups
            ],
            size=8.5,
        )
    else:
        doc.text("Kararlaştırılmış takip işi yok.", 9, color=MUTED)
    _section(doc, "İhtiyaçlara uygun destekler")
    if card.instruments:
        doc.table(
            [
                TableColumn("Destek", 2.2),
                TableColumn("Kurum", 1.1),
                TableColumn("Karşıladığı ihtiyaç", 1.4),
                TableColumn("Koşul", 2.3),
            ],
            [
                [
                    m.instrument.name,
                    m.instrument.institution,
                    ", ".join(NEEDS.label(n) for n in m.needs),
                    m.instrument.eligibility,
                ]
                for m in card.instruments
            ],
            size=7.5,
        )
        doc.text(
            f"Destek kataloğu {_date(card.catalogue_as_of)} tarihli; oranlar, üst sınırlar ve "
            "çağrı tarihleri değişir: başvurudan önce kurumun güncel duyurusuna bakın.",
            7.5,
            color=MUTED,
        )
    else:
        doc.text(
            "Kayıtlı ihtiyaçlara ve firmanın ölçeğine uyan destek katalogda yok.", 9, color=MUTED
        )
    if card.contacts:
        _section(doc, "Yetkililer")
        doc.table(
            [
                TableColumn("Ad", 1.4),
                TableColumn("Unvan", 1.2),
                TableColumn("Telefon", 1.0),
                TableColumn("E-posta", 1.6),
            ],
            [[c.name, c.title or "—", c.phone or "—", c.email or "—"] for c in card.contacts],
            size=8,
        )
    notes = []
    if card.contacts_left_out and card.contacts:
        notes.append(
            f"KVKK: {card.contacts_left_out} yetkilinin kişisel verisi bu karneye alınmadı."
        )
    if card.masked:
        notes.append(f"Serbest metinde {card.masked} e-posta/telefon gizlendi (KVKK).")
    if notes:
        doc.text(" ".join(notes), 7.5, color=MUTED)


def write_scorecard(card: Scorecard, target: Path, *, date_text: str) -> int:
    """Write one scorecard completely or not at all; returns its page count."""
    with atomic_target(target) as tmp:
        doc = FlowPdf(
            str(tmp),
            title=f"Firma Karnesi — {card.title}",
            footer_left=f"Firma Karnesi · {card.tax_no} · {date_text}",
            landscape=False,
        )
        return doc.render(lambda _same: draw(doc, card))


def write_scorecards(
    cards: Sequence[Scorecard],
    folder: Path,
    *,
    date_text: str,
    progress: Callable[[int, int], None] | None = None,
) -> list[Path]:
    """One PDF per card in ``folder`` (made if missing), named safely from the titles."""
    taken: set[str] = set()
    written: list[Path] = []
    for i, card in enumerate(cards, 1):
        path = folder / safe_filename(card.title, taken)
        write_scorecard(card, path, date_text=date_text)
        written.append(path)
        if progress is not None:
            progress(i, len(cards))
    return written
