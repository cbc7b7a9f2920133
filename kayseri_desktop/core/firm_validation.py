"""Field validation of a firm record, shared by the form, the Excel import and the CLI.

Pure Python (no Qt, no SQLAlchemy). Every ``parse_*`` function takes what a person
typed or what a spreadsheet cell held and returns the normalised value, or raises
FieldError whose str() is a Turkish sentence saying what is wrong. Empty input gives
None (the caller decides whether the field is required).

- tax numbers: VKN/TCKN checksums from core/taxid, a VKN that a spreadsheet stored as
  a number (and so lost its leading zero) is padded back to 10 digits;
- phones: the phonenumbers library (no regular expressions), Turkish numbers shown
  as "+90 352 222 12 34";
- countries: ISO 3166 codes or Turkish names from Babel's locale data ("Almanya" -> DE);
- numbers: Turkish separators ("1.250.000", "1.250.000,50"), real numbers from cells;
- dates: dd.mm.yyyy text or real dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TypeGuard

import phonenumbers
from babel import Locale
from stdnum.tr import tckimlik

from kayseri_desktop.core import taxid
from kayseri_desktop.core.catalogues import DISTRICTS, OSBS, SECTORS, Catalogue
from kayseri_desktop.core.turkish import fold, thousands

FOUNDED_MIN = 1800
_DIGIT_RUNS = re.compile(r"[0-9]+")
# An extension at the end of a phone number: "Dahili 105", "(dahili: 105)", "ext. 105",
# "x105", "/ 105" (the number itself is still read by the phonenumbers library).
# (A slash takes three digits or more: "222 12 34/35" is more likely two lines than an
# extension, and stays refused.)
_EXTENSION = re.compile(
    r"[\s,;-]*\(?\s*(?:(?:dah[iıİI]l[iıİI]|dah\.?|ext\.?|x)\s*:?\s*([0-9]{1,5})"
    r"|/\s*([0-9]{3,5}))\s*\)?$",
    re.IGNORECASE,
)
_PLACE_SEPARATORS = re.compile(r"\s*[/,\-–]\s*")
EMPLOYEES_MAX = 1_000_000
EXPORT_YEAR_MIN = 1990


class FieldError(ValueError):
    """One field's value cannot be accepted; str() is the Turkish reason."""


def _text(raw: object) -> str:
    """Trimmed, inner whitespace collapsed (no-break spaces too: split() takes every
    Unicode space); a whole float from a number cell without its ".0"."""
    if type(raw) is str:
        return " ".join(raw.split())
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return " ".join(str(raw).split())


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")


def clean_text(raw: object, limit: int | None = None, what: str = "Metin") -> str | None:
    """Trimmed text with inner whitespace collapsed; None when empty. Free text without
    a length limit (address, products, notes) keeps its line breaks as written, a
    carriage return too: only the spaces within each line are collapsed."""
    if limit is None and type(raw) is str and ("\n" in raw or "\r" in raw):
        pieces = _LINE_BREAK.split(raw)  # text, break, text, break, ..., text
        text = "".join(p if i % 2 else " ".join(p.split()) for i, p in enumerate(pieces))
        text = text.strip()
    else:
        text = _text(raw)
    if not text:
        return None
    if limit is not None and len(text) > limit:
        raise FieldError(
            f"{what} en çok {thousands(limit)} karakter olabilir ({thousands(len(text))} karakter)."
        )
    return text


def parse_tax_no(raw: object) -> str | None:
    """A valid VKN (10 digits) or TCKN (11 digits); restores a VKN's lost leading zero."""
    # The usual cell is already plain ASCII digits.
    number = raw if type(raw) is str and raw.isascii() and raw.isdigit() else taxid.clean(raw)
    if not number:
        return None
    if number.isdigit() and len(number) == 9 and isinstance(raw, int | float):
        number = "0" + number  # a spreadsheet number cell dropped the leading zero
    if number.isdigit():  # the usual case: stdnum's check digits straight away (imports)
        if len(number) == 10 and taxid.vkn_check_digit(number) == number[9]:
            return number
        if (
            len(number) == 11
            and number[0] != "0"
            and tckimlik.calc_check_digits(number[:9]) == number[9:]
        ):
            return number
    if not number.isdigit():
        runs = _DIGIT_RUNS.findall(number)
        if len(runs) == 1 and len(runs[0]) in (10, 11):
            number = runs[0]  # "Kocasinan VD - 123 456 7890": the number beside its office
    try:
        return taxid.validate(number).number
    except taxid.TaxIdError as exc:
        raise FieldError(str(exc)) from None


def parse_email(raw: object) -> str | None:
    """One address; "mailto:" and the name around "Ali Veli <ali@firma.com.tr>" dropped."""
    text = _text(raw)
    if not text:
        return None
    if text.endswith(">") and "<" in text:  # as a mail program copies it
        text = text[text.rindex("<") + 1 : -1].strip()
    if ":" in text and text[:7].lower() == "mailto:":  # as a web page links it
        text = text[7:].strip()
    local, at, domain = text.rpartition("@")
    problem = None
    if not at or not local or not domain:
        problem = "“@” işareti ve her iki yanında metin olmalı"
    elif " " in text or text.count("@") > 1:
        problem = "boşluk ya da birden çok “@” olamaz"
    elif "." not in domain or domain.startswith(".") or domain.endswith(".") or ".." in domain:
        problem = "alan adı eksik (ör. firma.com.tr)"
    if problem:
        raise FieldError(f"E-posta adresi geçersiz: “{text}” ({problem}).")
    return local + "@" + domain.lower()


def parse_phone(raw: object) -> str | None:
    """A Turkish (or international) number in "+90 352 222 12 34" form; an extension
    ("Dahili 105", "ext. 105", "/ 105") is kept as "+90 352 222 12 34 (dahili 105)"."""
    text = _text(raw)
    if not text:
        return None
    usual = _usual_turkish(text)
    if usual is not None:  # most cells: a Turkish number alone
        return usual
    extension = _EXTENSION.search(text)
    if extension is not None and extension.start() > 0:
        number = _phone_number(text[: extension.start()])
        return f"{number} (dahili {extension.group(1) or extension.group(2)})"
    return _phone_number(text)


def _usual_turkish(text: str) -> str | None:
    if text.isdigit() and len(text) == 10 and text[0] in "2345":
        text = "0" + text  # a number cell dropped the trunk prefix 0
    national = _turkish_national(text)
    return None if national is None else _turkish_formatted(national)


def _phone_number(text: str) -> str:
    usual = _usual_turkish(text)
    if usual is not None:
        return usual
    try:
        number = phonenumbers.parse(text, "TR")
    except phonenumbers.NumberParseException:
        raise FieldError(f"Telefon numarası anlaşılamadı: “{text}”.") from None
    if not phonenumbers.is_valid_number(number):
        raise FieldError(
            f"Telefon numarası geçersiz: “{text}” (ör. 0352 222 12 34 ya da +90 532 123 45 67)."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@lru_cache(maxsize=16)
def _catalogue_index(catalogue: Catalogue) -> dict[str, str]:
    """Folded code, Turkish and English label -> code (Catalogue.find, without refolding)."""
    index: dict[str, str] = {}
    for e in reversed(catalogue):
        for key in (e.en, e.tr, e.code):
            index[fold(key)] = e.code
    return index


def _turkish_national(text: str) -> str | None:
    """The 10 national digits of "0352 222 12 34" / "+90 (532) 123-45-67", else None."""
    digits = text
    for ch in " ()-./":
        digits = digits.replace(ch, "")
    if digits.startswith("+90"):
        digits = digits[3:]
    elif digits.startswith("0") and not digits.startswith("00"):
        digits = digits[1:]
    else:
        return None
    if len(digits) == 10 and digits.isdigit() and digits[0] in "2345":
        return digits
    return None


@lru_cache(maxsize=1)
def _turkish_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The library's own Turkish number patterns, compiled once: (general, any type)."""
    md = phonenumbers.PhoneMetadata.metadata_for_region("TR")
    # phonenumbers always carries Turkey's metadata and its general pattern.
    assert md is not None and md.general_desc is not None
    general = md.general_desc.national_number_pattern
    assert general is not None
    types = []
    for name in ("premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
                 "uan", "voicemail", "fixed_line", "mobile"):  # fmt: skip
        desc = getattr(md, name)
        if (
            desc is not None
            and desc.national_number_pattern
            and (not desc.possible_length or 10 in desc.possible_length)
        ):
            types.append(f"(?:{desc.national_number_pattern})")
    return re.compile(general), re.compile("|".join(types))


_TR_GROUPS: dict[str, tuple[int, ...]] = {}  # first three national digits -> digit groups


def _turkish_formatted(national: str) -> str | None:
    """ "+90 352 222 12 34" for 10 valid national digits, else None (the library decides).

    The same decision as phonenumbers.is_valid_number (the general pattern and one of
    the type patterns match in full) without its per-call overhead; the grouping is
    the library's format_number for the first number with the same first three digits
    (Turkish formatting rules look at no more than three leading digits).
    """
    general, types = _turkish_rules()
    if general.fullmatch(national) is None or types.fullmatch(national) is None:
        return None
    groups = _TR_GROUPS.get(national[:3])
    if groups is None:
        number = phonenumbers.PhoneNumber(country_code=90, national_number=int(national))
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        parts = formatted.split(" ")
        if parts[0] != "+90" or "".join(parts[1:]) != national:
            return formatted
        groups = _TR_GROUPS[national[:3]] = tuple(len(p) for p in parts[1:])
    out, start = ["+90"], 0
    for size in groups:
        out.append(national[start : start + size])
        start += size
    return " ".join(out)


def parse_district(raw: object) -> str | None:
    """One of Kayseri's 16 districts; also written with its province, as addresses give
    it ("Kocasinan / KAYSERİ", "Kayseri-Talas")."""
    try:
        return _catalogue_code(raw, DISTRICTS, "İlçe")
    except FieldError:
        index = _catalogue_index(DISTRICTS)
        parts = {fold(p) for p in _PLACE_SEPARATORS.split(_text(raw))} - {"", "kayseri", "turkiye"}
        found = {index[p] for p in parts if p in index}
        if len(found) == 1 and len(parts) == 1:
            return found.pop()
        names = ", ".join(e.tr for e in DISTRICTS)
        raise FieldError(
            f"İlçe Kayseri'nin 16 ilçesinden biri olmalı: “{_text(raw)}” ({names})."
        ) from None


def parse_sector(raw: object) -> str | None:
    return _catalogue_code(raw, SECTORS, "Sektör")


def parse_osb(raw: object) -> str | None:
    return _catalogue_code(raw, OSBS, "OSB")


def _catalogue_code(raw: object, catalogue: Catalogue, what: str) -> str | None:
    """A catalogue entry by code, Turkish or English name; a refusal lists the names (a
    list's own wording, "Mobilya İmalatı", is not guessed at: it could be filed wrong)."""
    text = _text(raw)
    if not text:
        return None
    code = _catalogue_index(catalogue).get(fold(text))
    if code is None:
        names = ", ".join(e.tr for e in catalogue)
        raise FieldError(f"{what} tanınmadı: “{text}”. Şunlardan biri olmalı: {names}.")
    return code


def parse_int(raw: object, what: str = "Sayı") -> int | None:
    """A whole number: real numbers from cells, or text with Turkish separators."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise FieldError(f"{what} bir sayı olmalı.")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise FieldError(f"{what} bir sayı olmalı.")
        return round(raw)
    text = _text(raw).replace(" ", "")
    if not text:
        return None
    if "," in text:  # Turkish decimal comma: "1.250.000,50"
        whole, _, frac = text.rpartition(",")
        text = whole.replace(".", "") + "." + frac
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.rpartition(".")[2]) == 3):
        text = text.replace(".", "")  # "1.250.000" or "12.500": thousands dots
    try:
        value = float(text)
    except ValueError:
        raise FieldError(f"{what} bir sayı olmalı: “{_text(raw)}”.") from None
    return round(value)


def parse_year(raw: object, today: dt.date | None = None) -> int | None:
    """Founding year between 1800 and this year; a founding date gives its year."""
    year: int | None
    if isinstance(raw, dt.date):
        year = raw.year
    else:
        text = _text(raw)
        if len(text) == 10 and text[2] == "." and text[5] == ".":
            digits = text[:2] + text[3:5] + text[6:]
            try:  # dd.mm.yyyy straight away (strptime is slow); parse_date explains errors
                if not (digits.isascii() and digits.isdigit()):
                    raise ValueError(text)
                year = dt.date(int(text[6:]), int(text[3:5]), int(text[:2])).year
            except ValueError:
                year = _date_year(text)
        elif sum(map(text.count, "./-")) >= 2:  # another date: 5.6.1990, 15/06/1990, 1990-06-15
            year = _date_year(text)
        else:
            year = _year_in_words(raw, text)
    if year is None:
        return None
    latest = (today or dt.date.today()).year
    if not FOUNDED_MIN <= year <= latest:
        raise FieldError(f"Kuruluş yılı {FOUNDED_MIN} ile {latest} arasında olmalı ({year}).")
    return year


def _date_year(text: str) -> int | None:
    day = parse_date(text)  # explains a date it cannot read
    return day.year if day else None


def _year_in_words(raw: object, text: str) -> int | None:
    """A year as a number, or the one four-digit number of "Haziran 1990", "1990 yılı"."""
    try:
        return parse_int(raw, "Kuruluş yılı")
    except FieldError:
        runs = _DIGIT_RUNS.findall(text)
        years = [r for r in runs if len(r) == 4]
        if len(years) == 1 and all(len(r) in (1, 2, 4) for r in runs):
            return int(years[0])
        raise


_HEAD_WORDS = frozenset({"kisi", "personel", "calisan", "isci"})  # "120 kişi", folded


def _more_than_a_number(raw: object) -> TypeGuard[str]:
    """Text with something besides digits, separators and spaces ("120 kişi", "1.000 $")."""
    return type(raw) is str and bool(raw.strip(" \u00a00123456789.,-"))


def parse_employees(raw: object) -> int | None:
    """A head count; "120 kişi", "45 personel" too."""
    if _more_than_a_number(raw):
        words = fold(raw).split()
        if len(words) == 2 and words[1] in _HEAD_WORDS and not words[0].strip("0123456789.,"):
            raw = words[0]
    value = parse_int(raw, "Çalışan sayısı")
    if value is not None and not 0 <= value <= EMPLOYEES_MAX:
        raise FieldError(
            f"Çalışan sayısı 0 ile {thousands(EMPLOYEES_MAX)} arasında olmalı ({_number(value)})."
        )
    return value


# Dollar marks a list may carry around an amount ("1.250.000 $", "USD 2.500.000"); other
# currencies are refused, never read as dollars.
_DOLLAR_MARKS = ("us$", "usd", "$", "dolar")
_OTHER_CURRENCIES = ("tl", "try", "₺", "eur", "€", "£", "gbp")


def parse_usd(raw: object) -> int | None:
    """An export figure in US dollars; "1.250.000 $" and "USD 2.500.000" too."""
    if _more_than_a_number(raw):
        raw = _without_dollar_mark(raw)
    value = parse_int(raw, "İhracat tutarı")
    if value is not None and value < 0:
        raise FieldError(f"İhracat tutarı eksi olamaz ({_number(value)}).")
    return value


def _without_dollar_mark(text: str) -> str:
    folded = _text(text).lower()
    for mark in _OTHER_CURRENCIES:
        if mark in folded.replace("dolar", ""):
            raise FieldError(
                f"İhracat tutarı ABD doları olmalı: “{_text(text)}” başka bir para "
                "biriminde (tutarı dolara çevirip yazın)."
            )
    for mark in _DOLLAR_MARKS:
        if folded.startswith(mark):
            return folded[len(mark) :]
        if folded.endswith(mark):
            return folded[: -len(mark)]
    return text


def parse_date(raw: object) -> dt.date | None:
    """A real date, or text written dd.mm.yyyy (also dd/mm/yyyy, yyyy-mm-dd, dd-mm-yyyy)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _text(raw)
    if not text:
        return None
    for pattern in ("%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y %H:%M",
                    "%Y-%m-%d %H:%M:%S"):  # fmt: skip
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise FieldError(_no_such_day(text) or f"Tarih gg.aa.yyyy biçiminde olmalı: “{text}”.")


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def _no_such_day(text: str) -> str | None:
    """Why a date written in the right form is still no date ("31 Şubat diye bir gün
    yok"), or None when its form is wrong."""
    found = _DAY_MONTH_YEAR.fullmatch(text.split(" ")[0])
    if found is not None:
        day, month, year = (int(g) for g in found.groups())
    else:
        found = _YEAR_MONTH_DAY.fullmatch(text.split(" ")[0])
        if found is None:
            return None
        year, month, day = (int(g) for g in found.groups())
    if not 1 <= month <= 12:
        return f"Tarih geçersiz: “{text}” ({month}. ay diye bir ay yok; ay 1 ile 12 arasında olur)."
    if year < 1:
        return f"Tarih geçersiz: “{text}” (yıl 0 olamaz)."
    from kayseri_desktop.core.calendar_tr import MONTH_NAMES

    name = MONTH_NAMES[month - 1]
    days = calendar.monthrange(year, month)[1]
    if day == 0:
        return f"Tarih geçersiz: “{text}” (ayın 0. günü diye bir gün yok)."
    if day > days:
        return (
            f"Tarih geçersiz: “{text}”: {day} {name} diye bir gün yok ({year} yılında {name} "
            f"{days} gün çeker)."
        )
    return None


def _number(value: int) -> str:
    """A whole number as Turkish text: 1.000.000, -2.500."""
    return "-" + thousands(-value) if value < 0 else thousands(value)


# -- countries ------------------------------------------------------------------------

# Names people write that Babel's Turkish list spells otherwise.
_ALIASES = {
    "abd": "US",
    "amerika": "US",
    "ingiltere": "GB",
    "bae": "AE",
    "dubai": "AE",
    "kktc": "CY",
    "hollanda": "NL",
    "rusya federasyonu": "RU",
    "kore": "KR",
    "guney kore": "KR",
    "cek cumhuriyeti": "CZ",
    "bosna hersek": "BA",
}


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO alpha-2 code -> Turkish name, from Babel's CLDR data (regions like 001 left out)."""
    names = Locale("tr").territories
    return {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}


@lru_cache(maxsize=1)
def _country_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for code, name in Locale("en").territories.items():
        if len(code) == 2 and code.isalpha():
            lookup[fold(name)] = code
    for code, name in country_names().items():
        lookup[fold(name)] = code
    for alias, code in _ALIASES.items():
        lookup[fold(alias)] = code
    return lookup


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    return {c: n for c, n in Locale("en").territories.items() if len(c) == 2 and c.isalpha()}


def country_name(code: str, lang: str = "tr") -> str:
    """A country's name in Turkish (or English for the English interface)."""
    names = _english_names() if lang == "en" else country_names()
    return names.get(code.upper(), code)


def parse_country(raw: object) -> str:
    text = _text(raw)
    code = _country_code(text)
    if code is None:
        raise FieldError(f"Ülke tanınmadı: “{text}” (Türkçe adı ya da iki harfli ISO kodu).")
    return code


@lru_cache(maxsize=4096)  # lists name the same few dozen countries over and over
def _country_code(text: str) -> str | None:
    if len(text) == 2 and text.upper() in country_names():
        return text.upper()
    return _country_lookup().get(fold(text))


def parse_countries(raw: object) -> list[str]:
    """Countries separated by commas, semicolons or new lines; duplicates dropped."""
    text = str(raw or "").replace(";", ",").replace("\n", ",")
    out: list[str] = []
    for part in text.split(","):
        if part.strip():
            code = parse_country(part)
            if code not in out:
                out.append(code)
    return out


def countries_text(codes: Iterable[str]) -> str:
    """Turkish names joined with commas, in Turkish alphabetical order of the codes given."""
    return ", ".join(country_name(c) for c in codes)


def parse_tags(raw: object) -> list[str]:
    out: list[str] = []
    for part in str(raw or "").replace(";", ",").split(","):
        tag = _text(part)
        if tag:
            if len(tag) > 60:
                raise FieldError(f"Etiket en çok 60 karakter olabilir: “{tag[:20]}…”.")
            if fold(tag) not in {fold(t) for t in out}:
                out.append(tag)
    return out
