"""Fixed catalogues of the programme: districts, industrial zones, sectors, themes.

Codes are what the database stores; labels are what people read. Each entry has
a Turkish label (the interface's first language) and an English one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Self

from kayseri_desktop.core.turkish import fold


@dataclass(frozen=True)
class Entry:
    code: str
    tr: str
    en: str

    def label(self, lang: str = "tr") -> str:
        return self.en if lang == "en" else self.tr


class Catalogue(tuple[Entry, ...]):
    """An ordered tuple of entries with lookup by code and by (folded) label."""

    def __new__(cls, entries: Iterable[Entry]) -> Self:
        return super().__new__(cls, entries)

    def codes(self) -> list[str]:
        return [e.code for e in self]

    def get(self, code: str | None) -> Entry | None:
        for e in self:
            if e.code == code:
                return e
        return None

    def label(self, code: str | None, lang: str = "tr") -> str:
        entry = self.get(code)
        return entry.label(lang) if entry else (code or "")

    def find(self, text: str | None) -> Entry | None:
        """Match a code or a label written any way ("MELİKGAZİ", "melikgazi", "Melikgazi")."""
        key = fold(text or "")
        if not key:
            return None
        for e in self:
            if key in (fold(e.code), fold(e.tr), fold(e.en)):
                return e
        return None


def _cat(*rows: tuple[str, str, str]) -> Catalogue:
    return Catalogue(Entry(*r) for r in rows)


# Kayseri's 16 districts (ilçe).
DISTRICTS = _cat(
    ("akkisla", "Akkışla", "Akkışla"),
    ("bunyan", "Bünyan", "Bünyan"),
    ("develi", "Develi", "Develi"),
    ("felahiye", "Felahiye", "Felahiye"),
    ("hacilar", "Hacılar", "Hacılar"),
    ("incesu", "İncesu", "İncesu"),
    ("kocasinan", "Kocasinan", "Kocasinan"),
    ("melikgazi", "Melikgazi", "Melikgazi"),
    ("ozvatan", "Özvatan", "Özvatan"),
    ("pinarbasi", "Pınarbaşı", "Pınarbaşı"),
    ("sarioglan", "Sarıoğlan", "Sarıoğlan"),
    ("sariz", "Sarız", "Sarız"),
    ("talas", "Talas", "Talas"),
    ("tomarza", "Tomarza", "Tomarza"),
    ("yahyali", "Yahyalı", "Yahyalı"),
    ("yesilhisar", "Yeşilhisar", "Yeşilhisar"),
)

# Organised industrial zones and the free zone, with the district each lies in.
OSBS = _cat(
    ("kayseri_osb", "Kayseri OSB", "Kayseri OIZ"),
    ("mimarsinan_osb", "Mimarsinan OSB", "Mimarsinan OIZ"),
    ("incesu_osb", "İncesu OSB", "İncesu OIZ"),
    ("develi_osb", "Develi OSB", "Develi OIZ"),
    ("yahyali_osb", "Yahyalı OSB", "Yahyalı OIZ"),
    ("pinarbasi_osb", "Pınarbaşı OSB", "Pınarbaşı OIZ"),
    ("serbest_bolge", "Kayseri Serbest Bölgesi", "Kayseri Free Zone"),
)
OSB_DISTRICT = {
    "kayseri_osb": "kocasinan",
    "mimarsinan_osb": "melikgazi",
    "incesu_osb": "incesu",
    "develi_osb": "develi",
    "yahyali_osb": "yahyali",
    "pinarbasi_osb": "pinarbasi",
    "serbest_bolge": "kocasinan",
}

# Sector clusters of Kayseri's producers.
SECTORS = _cat(
    ("mobilya", "Mobilya", "Furniture"),
    ("metal", "Metal ve Makine", "Metal and Machinery"),
    ("tekstil", "Tekstil ve Hazır Giyim", "Textiles and Apparel"),
    ("ev_tekstili", "Halı ve Ev Tekstili", "Carpets and Home Textiles"),
    ("gida", "Gıda", "Food"),
    ("elektrik", "Elektrik ve Elektronik", "Electrical and Electronics"),
    ("otomotiv", "Otomotiv Yan Sanayi", "Automotive Supply"),
    ("kimya", "Kimya ve Plastik", "Chemicals and Plastics"),
    ("insaat", "İnşaat Malzemeleri", "Construction Materials"),
    ("ambalaj", "Kâğıt ve Ambalaj", "Paper and Packaging"),
    ("madencilik", "Madencilik ve Doğal Taş", "Mining and Natural Stone"),
    ("savunma", "Savunma ve Havacılık", "Defence and Aerospace"),
    ("tarim", "Tarım ve Hayvancılık Ürünleri", "Agricultural Products"),
)

# KOBİ size classes by employees (KOBİ regulation: <10, <50, <250).
SIZE_CLASSES = _cat(
    ("mikro", "Mikro", "Micro"),
    ("kucuk", "Küçük", "Small"),
    ("orta", "Orta", "Medium"),
    ("buyuk", "Büyük", "Large"),
)


def size_class(employees: int | None) -> str | None:
    """KOBİ size class code from the number of employees; None when unknown."""
    if employees is None:
        return None
    if employees < 10:
        return "mikro"
    if employees < 50:
        return "kucuk"
    if employees < 250:
        return "orta"
    return "buyuk"


# Themes firms are scored on in an evaluation (desk or field).
EVALUATION_THEMES = _cat(
    ("dijital", "Dijitalleşme", "Digitalisation"),
    ("yesil", "Yeşil Dönüşüm", "Green Transformation"),
    ("arge", "Ar-Ge ve İnovasyon", "R&D and Innovation"),
    ("kurumsal", "Kurumsallaşma", "Institutionalisation"),
    ("verimlilik", "Verimlilik", "Productivity"),
    ("isbirligi", "İş Birliği ve Kümelenme", "Cooperation and Clustering"),
    ("ihracat", "İhracata Hazırlık", "Export Readiness"),
)
SCORE_MIN, SCORE_MAX = 1, 5

# Themes of the Production and Export Strategy Action Plan's projects.
ACTION_THEMES = _cat(
    ("dijital", "Dijitalleşme", "Digitalisation"),
    ("yesil", "Yeşil Dönüşüm", "Green Transformation"),
    ("katma_deger", "Yüksek Katma Değer", "High Value Added"),
    ("kurumsal", "Kurumsallaşma", "Institutionalisation"),
    ("arge", "Ar-Ge ve İnovasyon", "R&D and Innovation"),
    ("kumelenme", "Kümelenme ve İş Birliği", "Clustering and Cooperation"),
    ("ihracat", "İhracat Kapasitesi", "Export Capacity"),
)

ROADMAP_YEARS = _cat(
    ("1", "1. Yıl — Dönüşüm", "Year 1 — Transformation"),
    ("2", "2. Yıl — Gelişim", "Year 2 — Development"),
    ("3", "3. Yıl — Kazanım", "Year 3 — Attainment"),
)

INSTITUTION_KINDS = _cat(
    ("bakanlik", "Bakanlık", "Ministry"),
    ("belediye", "Belediye", "Municipality"),
    ("oda", "Oda", "Chamber"),
    ("borsa", "Borsa", "Commodity Exchange"),
    ("universite", "Üniversite", "University"),
    ("dernek", "İş Dünyası Derneği", "Business Association"),
    ("kamu", "Kamu Kurumu", "Public Agency"),
    ("osb", "OSB Müdürlüğü", "OIZ Directorate"),
)

VISIT_STATUSES = _cat(
    ("planned", "Planlandı", "Planned"),
    ("done", "Yapıldı", "Done"),
    ("postponed", "Ertelendi", "Postponed"),
    ("cancelled", "İptal", "Cancelled"),
)

STAFF_KINDS = _cat(
    ("kto", "KTO Personeli", "KTO Staff"),
    ("universite", "Üniversite Üyesi", "University Member"),
    ("uzman", "Uzman", "Expert"),
)

PROJECT_STATUSES = _cat(
    ("idea", "Fikir", "Idea"),
    ("planned", "Planlandı", "Planned"),
    ("running", "Yürüyor", "Running"),
    ("done", "Tamamlandı", "Done"),
    ("cancelled", "İptal", "Cancelled"),
)

PARTNER_ROLES = _cat(
    ("partner", "Ortak", "Partner"),
    ("funder", "Finansör", "Funder"),
    ("supporter", "Destekçi", "Supporter"),
)

DECISION_STATUSES = _cat(
    ("open", "Açık", "Open"),
    ("done", "Tamamlandı", "Done"),
    ("cancelled", "İptal", "Cancelled"),
)

EVALUATION_KINDS = _cat(
    ("desk", "Masa başı", "Desk"),
    ("field", "Saha", "Field"),
)

# Programme targets (seed announcement): 2,000 firms evaluated, 450 visited,
# exports measured against 2024's USD 3,751 M.
DEFAULT_TARGETS = {
    "firms_evaluated": 2000,
    "visits_done": 450,
    "exports_baseline_usd": 3_751_000_000,
}

# Needs a field visit finds (issue 19): several per visit, each with a priority. The
# Strategy Action Plan's actions answer them; support instruments are matched by them.
NEEDS = _cat(
    ("e_ihracat", "Dijital pazarlama ve e-ihracat", "Digital marketing and e-export"),
    ("belgelendirme", "Belgelendirme, CE ve standartlar", "Certification, CE and standards"),
    ("yesil_skdm", "Yeşil dönüşüm ve SKDM karbon raporu", "Green transformation, CBAM reporting"),
    ("nitelikli_personel", "Nitelikli personel", "Skilled staff"),
    ("finansman", "Finansman ve ihracat kredi sigortası", "Finance and credit insurance"),
    ("fuar_heyet", "Fuar ve ticaret heyetleri", "Fairs and trade delegations"),
    ("tasarim_marka", "Tasarım ve markalaşma", "Design and branding"),
    ("arge_urun", "Ar-Ge ve ürün geliştirme", "R&D and product development"),
    ("kurumsallasma", "Kurumsallaşma", "Institutionalisation"),
    ("lojistik", "Lojistik", "Logistics"),
    ("pazar_arastirma", "Pazar araştırması ve yeni pazarlar", "Market research, new markets"),
    ("dijital_uretim", "Dijital üretim ve ERP", "Digital production and ERP"),
)

# Priority of a need found on a visit (1 is the most urgent).
NEED_PRIORITIES = _cat(
    ("1", "Yüksek", "High"),
    ("2", "Orta", "Medium"),
    ("3", "Düşük", "Low"),
)

# An action's status, derived from its projects and their milestones (never stored).
ACTION_STATUSES = _cat(
    ("proje_yok", "Proje bağlanmadı", "No project linked"),
    ("planlandi", "Planlandı", "Planned"),
    ("yurutuluyor", "Yürütülüyor", "Under way"),
    ("gecikmede", "Gecikmede", "Late"),
    ("tamamlandi", "Tamamlandı", "Done"),
    ("iptal", "İptal", "Cancelled"),
)
