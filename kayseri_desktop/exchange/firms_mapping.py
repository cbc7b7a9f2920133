"""Which spreadsheet column holds which firm field: header row detection and auto-mapping.

Hand-made firm lists start with a title, blank rows and then a header row whose
wording varies ("Firma Unvanı", "Vergi No", "VKN/TCKN", "E-posta", "Yetkili"...).
Headers are compared folded (core/turkish.fold), so case, Turkish letters and
padding do not matter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kayseri_desktop.core.turkish import fold

# Field key -> Turkish name shown in the wizard and in refusal reasons.
FIELDS: dict[str, str] = {
    "title": "Firma unvanı",
    "short_name": "Kısa ad",
    "tax_no": "Vergi no (VKN/TCKN)",
    "sector": "Sektör",
    "district": "İlçe",
    "osb": "OSB",
    "address": "Adres",
    "phone": "Telefon",
    "email": "E-posta",
    "web": "Web",
    "employees": "Çalışan sayısı",
    "size_class": "Ölçek (KOBİ sınıfı)",
    "exports": "İhracat (USD)",
    "markets": "İhracat ülkeleri",
    "contact": "Yetkili",
    "founded_year": "Kuruluş tarihi/yılı",
    "products": "Ürünler",
    "nace_code": "NACE kodu",
    "trade_registry_no": "Ticaret sicil no",
    "kto_member_no": "KTO üye no",
    "tags": "Etiketler",
    "notes": "Notlar",
}

ALIASES: dict[str, tuple[str, ...]] = {
    "title": (
        "firma unvani",
        "unvan",
        "unvani",
        "firma adi",
        "firma",
        "sirket unvani",
        "ticari unvan",
        "firma ismi",
        "sirket adi",
    ),
    "short_name": ("kisa ad", "kisa adi", "marka"),
    "tax_no": (
        "vergi no",
        "vergi numarasi",
        "vkn",
        "vergi kimlik no",
        "vergi kimlik numarasi",
        "tckn",
        "vkn/tckn",
        "vkn / tckn",
        "vergi no / tckn",
        "vergi no/tckn",
        "tc kimlik no",
    ),
    "sector": ("sektor", "sektoru", "faaliyet alani"),
    "district": ("ilce", "ilcesi"),
    "osb": ("osb", "organize sanayi bolgesi", "sanayi bolgesi"),
    "address": ("adres", "adresi", "firma adresi"),
    "phone": ("telefon", "tel", "telefon no", "tel no", "telefon numarasi"),
    "email": ("e-posta", "eposta", "e posta", "email", "e-mail", "mail", "e-posta adresi"),
    "web": ("web", "web sitesi", "web adresi", "internet sitesi"),
    "employees": ("calisan sayisi", "calisan", "personel sayisi", "istihdam", "isci sayisi"),
    "size_class": (
        "olcek",
        "isletme olcegi",
        "olcek sinifi",
        "kobi sinifi",
        "kobi durumu",
        "isletme buyuklugu",
        "firma olcegi",
        "buyukluk",
    ),
    "exports": (
        "ihracat",
        "ihracat (usd)",
        "ihracat tutari",
        "yillik ihracat",
        "ihracat usd",
        "ihracat ($)",
        "ihracat tutari (usd)",
    ),
    "markets": (
        "ihracat ulkeleri",
        "ihracat pazarlari",
        "pazarlar",
        "ulkeler",
        "ihracat yapilan ulkeler",
        "hedef pazarlar",
    ),
    "contact": (
        "yetkili",
        "yetkili kisi",
        "yetkili adi",
        "irtibat kisisi",
        "yetkili adi soyadi",
        "ilgili kisi",
    ),
    "founded_year": ("kurulus tarihi", "kurulus yili", "kurulus"),
    "products": ("urunler", "ana urunler", "urun", "urunleri"),
    "nace_code": ("nace", "nace kodu"),
    "trade_registry_no": ("ticaret sicil no", "sicil no", "ticaret sicil numarasi"),
    "kto_member_no": ("kto uye no", "uye no", "oda sicil no"),
    "tags": ("etiketler", "etiket"),
    "notes": ("notlar", "not", "aciklama"),
}
_LOOKUP = {fold(alias): key for key, aliases in ALIASES.items() for alias in aliases}
_PREFIXES = tuple(alias for alias in _LOOKUP if len(alias) >= 3)
_YEAR = re.compile(r"(19|20)\d\d")
HEADER_SCAN = 30


def _clean(header: object) -> str:
    text = fold(str(header or ""))
    return text.strip(" :*.")


def field_for(header: object) -> str | None:
    """The field a header names, or None ("İhracat 2024 (USD)" -> "exports")."""
    text = _clean(header)
    if not text:
        return None
    if text in _LOOKUP:
        return _LOOKUP[text]
    without_year = _clean(_YEAR.sub("", text).replace("()", ""))
    if without_year in _LOOKUP:
        return _LOOKUP[without_year]
    # Longest alias the header starts with ("vergi no (vkn)" -> tax_no); most cells of
    # the rows scanned for the header start with none (one C-level test says so).
    if not text.startswith(_PREFIXES):
        return None
    return _LOOKUP[max((a for a in _PREFIXES if text.startswith(a)), key=len)]


def header_year(header: object) -> int | None:
    """A year written in an exports header ("2024 İhracat (USD)" -> 2024)."""
    match = _YEAR.search(str(header or ""))
    return int(match.group(0)) if match else None


def detect_header(rows: Sequence[tuple[int, list[object]]]) -> int:
    """Index (in ``rows``) of the header row: the first rows' best match to known headers.

    Falls back to the first row with at least two text cells when nothing matches.
    """
    best, best_hits = None, 1
    for i, (_, values) in enumerate(rows[:HEADER_SCAN]):
        hits = len({field_for(v) for v in values if isinstance(v, str)} - {None})
        if hits > best_hits:
            best, best_hits = i, hits
    if best is not None:
        return best
    for i, (_, values) in enumerate(rows[:HEADER_SCAN]):
        if sum(isinstance(v, str) and v.strip() != "" for v in values) >= 2:
            return i
    return 0


def auto_mapping(
    headers: Sequence[object], remembered: dict[str, str] | None = None
) -> dict[int, str]:
    """Column index -> field, from remembered choices (by folded header) then aliases.

    Each field is taken by one column at most (the first that names it).
    """
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for i, header in enumerate(headers):
        key = _clean(header)
        field = (remembered or {}).get(key) or field_for(header)
        if field and field in FIELDS and field not in taken:
            mapping[i] = field
            taken.add(field)
    return mapping


def remember(headers: Sequence[object], mapping: dict[int, str]) -> dict[str, str]:
    """The mapping keyed by folded header text, for the next file with the same headers."""
    return {
        _clean(headers[i]): field
        for i, field in mapping.items()
        if i < len(headers) and _clean(headers[i])
    }
