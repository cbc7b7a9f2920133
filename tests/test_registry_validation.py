"""Field validation of firms (core/firm_validation.py): pure functions, Turkish reasons."""

from __future__ import annotations

import datetime as dt

import pytest

from kayseri_desktop.core import firm_validation as fv
from kayseri_desktop.core.taxid import tckn_with_check_digits, vkn_with_check_digit

VKN = vkn_with_check_digit("123456789")
VKN_ZERO = vkn_with_check_digit("012345678")  # starts with 0
TCKN = tckn_with_check_digits("123456789")


def test_tax_numbers_are_cleaned_and_checked():
    assert fv.parse_tax_no(f" {VKN[:3]} {VKN[3:6]} {VKN[6:]} ") == VKN
    assert fv.parse_tax_no(TCKN) == TCKN
    assert fv.parse_tax_no("") is None
    with pytest.raises(fv.FieldError, match="kontrol basamağı"):
        fv.parse_tax_no(VKN[:-1] + str((int(VKN[-1]) + 1) % 10))
    with pytest.raises(fv.FieldError, match="VKN 10, TCKN 11"):
        fv.parse_tax_no("12345")


def test_a_vkn_that_lost_its_leading_zero_in_a_number_cell_is_restored():
    assert fv.parse_tax_no(int(VKN_ZERO)) == VKN_ZERO
    assert fv.parse_tax_no(float(VKN_ZERO)) == VKN_ZERO
    with pytest.raises(fv.FieldError):  # typed as text, nine digits stay an error
        fv.parse_tax_no(VKN_ZERO[1:])


def test_a_tax_number_written_beside_its_tax_office_is_found():
    """Lists often keep "Vergi Dairesi / No" in one column."""
    spaced = f"{VKN[:3]} {VKN[3:6]} {VKN[6:]}"
    for text in (f"Kocasinan VD - {spaced}", f"VKN: {VKN}", f"Erciyes V.D. {VKN}", f"{TCKN} TC"):
        assert fv.parse_tax_no(text) in (VKN, TCKN), text
    for ambiguous in (f"Talas 38 VD {VKN}", f"{VKN} / {TCKN}"):  # two numbers: which one?
        with pytest.raises(fv.FieldError):
            fv.parse_tax_no(ambiguous)
    with pytest.raises(fv.FieldError, match="kontrol basamağı"):  # still checksum-checked
        fv.parse_tax_no(f"Talas VD {VKN[:-1]}{(int(VKN[-1]) + 1) % 10}")


def test_phones_are_normalised_to_plus_90():
    assert fv.parse_phone("0352 222 12 34") == "+90 352 222 12 34"
    assert fv.parse_phone("(0532) 123 45 67") == "+90 532 123 45 67"
    assert fv.parse_phone("+905321234567") == "+90 532 123 45 67"
    assert fv.parse_phone(3522221234) == "+90 352 222 12 34"  # a number cell lost its 0
    assert fv.parse_phone(" ") is None
    with pytest.raises(fv.FieldError, match="Telefon numarası geçersiz"):
        fv.parse_phone("0352 12")
    with pytest.raises(fv.FieldError, match="anlaşılamadı"):
        fv.parse_phone("telefon yok")


@pytest.mark.parametrize("bad", ["info", "info@", "@firma.com", "a b@firma.com", "x@y", "a@@b.com"])
def test_bad_emails_are_refused_with_a_reason(bad):
    with pytest.raises(fv.FieldError, match="E-posta adresi geçersiz"):
        fv.parse_email(bad)


def test_emails_keep_the_local_part_and_lower_the_domain():
    assert fv.parse_email(" Ihracat@Firma.COM.TR ") == "Ihracat@firma.com.tr"


def test_district_must_be_one_of_the_16():
    assert fv.parse_district("MELİKGAZİ") == "melikgazi"
    assert fv.parse_district("  incesu ") == "incesu"
    assert fv.parse_district("Pınarbaşı") == "pinarbasi"
    with pytest.raises(fv.FieldError, match="16 ilçesinden") as err:
        fv.parse_district("Çankaya")
    assert "Melikgazi" in str(err.value)


def test_a_district_written_with_its_province_is_found():
    written = {
        "Kocasinan / KAYSERİ": "kocasinan",
        "Kayseri-Talas": "talas",
        "MELİKGAZİ,Kayseri": "melikgazi",
        "İncesu – Kayseri – Türkiye": "incesu",
    }
    for text, code in written.items():
        assert fv.parse_district(text) == code, text
    for text in ("Kocasinan/Talas", "Çankaya/Ankara", "Kayseri", "Merkez"):  # none, or two
        with pytest.raises(fv.FieldError, match="16 ilçesinden"):
            fv.parse_district(text)


def test_founding_year_in_range_and_from_dates():
    today = dt.date(2026, 11, 25)
    assert fv.parse_year("1998", today) == 1998
    assert fv.parse_year(dt.datetime(1975, 3, 1), today) == 1975
    assert fv.parse_year("15.06.1990", today) == 1990
    for bad in ("1700", "2030"):
        with pytest.raises(fv.FieldError, match="1800 ile 2026"):
            fv.parse_year(bad, today)
    for written in ("5.6.1990", "15/06/1990", "1990-06-15", "15-06-1990", "Haziran 1990",
                    "12 Haziran 1990", "1990 yılı"):  # fmt: skip
        assert fv.parse_year(written, today) == 1990, written
    with pytest.raises(fv.FieldError, match="bir sayı olmalı"):  # two years: which one?
        fv.parse_year("1990-1995", today)


def test_numbers_with_turkish_separators():
    assert fv.parse_int("1.250.000") == 1_250_000
    assert fv.parse_int("1.250.000,50") == 1_250_000
    assert fv.parse_int("12.500") == 12_500
    assert fv.parse_int(" 42 ") == 42
    assert fv.parse_int(3.0) == 3
    with pytest.raises(fv.FieldError, match="bir sayı olmalı"):
        fv.parse_int("çok")
    with pytest.raises(fv.FieldError, match="eksi olamaz"):
        fv.parse_usd("-5")


def test_export_figures_with_dollar_marks_and_other_currencies_refused():
    for text, value in (("1.250.000 $", 1_250_000), ("USD 2.500.000", 2_500_000),
                        ("US$ 1.000", 1_000), ("1.000.000 Dolar", 1_000_000),
                        (" 75.000 usd ", 75_000), ("82.292.000", 82_292_000)):  # fmt: skip
        assert fv.parse_usd(text) == value, text
    for text in ("750.000 TL", "₺ 1.000", "1.000 €", "EUR 5.000"):
        with pytest.raises(fv.FieldError, match=r"ABD doları olmalı.*başka bir para birimi"):
            fv.parse_usd(text)
    with pytest.raises(fv.FieldError, match="bir sayı olmalı"):
        fv.parse_usd("12abc")


def test_dates_as_text_or_real_dates():
    assert fv.parse_date("01.02.2024") == dt.date(2024, 2, 1)
    assert fv.parse_date(dt.datetime(2024, 2, 1, 0, 0)) == dt.date(2024, 2, 1)
    with pytest.raises(fv.FieldError, match=r"gg\.aa\.yyyy"):
        fv.parse_date("2024/31/31")


def test_countries_by_turkish_name_or_iso_code():
    assert fv.parse_countries("Almanya, Irak; ABD") == ["DE", "IQ", "US"]
    assert fv.parse_countries("de;fr, Birleşik Krallık") == ["DE", "FR", "GB"]
    assert fv.parse_countries("ALMANYA, almanya") == ["DE"]
    assert fv.parse_countries("") == []
    assert fv.country_name("DE") == "Almanya"
    assert fv.country_name("US") == "Amerika Birleşik Devletleri"
    with pytest.raises(fv.FieldError, match="Ülke tanınmadı: “Narnia”"):
        fv.parse_countries("Almanya, Narnia")


def test_tags_are_trimmed_and_unique():
    assert fv.parse_tags(" ihracatçı, UR-GE ,İHRACATÇI,, ") == ["ihracatçı", "UR-GE"]


def test_fast_turkish_phone_path_agrees_with_the_library():
    """The import's shortcut for national numbers gives exactly phonenumbers' own result."""
    import random

    import phonenumbers

    rng = random.Random(3)
    for _ in range(1500):
        d = str(rng.choice([2, 3, 4, 5])) + "".join(str(rng.randint(0, 9)) for _ in range(9))
        raw = rng.choice(["0" + d, "+90 " + d, f"0 ({d[:3]}) {d[3:6]}-{d[6:8]}-{d[8:]}"])
        parsed = phonenumbers.parse(raw, "TR")
        expected = (
            phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
            if phonenumbers.is_valid_number(parsed)
            else None
        )
        try:
            ours = fv.parse_phone(raw)
        except fv.FieldError:
            ours = None
        assert ours == expected, raw


def test_phone_extensions_are_kept_in_one_form():
    want = "+90 352 222 12 34 (dahili 105)"
    for text in ("0352 222 12 34 Dahili 105", "(0352) 222 12 34 DAHİLİ: 105",
                 "0352 222 12 34 / 105", "0352 222 12 34 ext. 105", want):  # fmt: skip
        assert fv.parse_phone(text) == want, text
    assert fv.parse_phone("+49 30 1234567 dahili 12") == "+49 30 1234567 (dahili 12)"
    for text in ("0352 222 12 34/35", "0532 123 45 67 / 0352 222 12 34", "dahili 105"):
        with pytest.raises(fv.FieldError, match="Telefon numarası"):  # two lines, two numbers
            fv.parse_phone(text)


def test_addresses_copied_from_mail_programs_and_web_pages():
    assert fv.parse_email("mailto:Info@Firma.COM.TR") == "Info@firma.com.tr"
    assert fv.parse_email("Ali Veli <ali@firma.com.tr>") == "ali@firma.com.tr"
    with pytest.raises(fv.FieldError, match="birden çok"):
        fv.parse_email("a@b.com; c@d.com")


def test_head_counts_written_with_a_word():
    for text, value in (("120 kişi", 120), ("45 Personel", 45), ("1.250 KİŞİ", 1250)):
        assert fv.parse_employees(text) == value, text
    for text in ("50-100", "çok kişi", "12 kişi 5 stajyer"):
        with pytest.raises(fv.FieldError, match=f"bir sayı olmalı: “{text}”"):
            fv.parse_employees(text)


def test_an_unknown_sector_is_refused_with_the_sectors_to_choose_from():
    """A list's own wording is not guessed at ("Tarım Makineleri" is machinery, not farming)."""
    assert fv.parse_sector("mobilya") == "mobilya" and fv.parse_sector("Furniture") == "mobilya"
    with pytest.raises(fv.FieldError) as err:
        fv.parse_sector("Mobilya İmalatı")
    assert str(err.value).startswith("Sektör tanınmadı: “Mobilya İmalatı”. Şunlardan biri olmalı:")
    assert "Metal ve Makine" in str(err.value) and "Kâğıt ve Ambalaj" in str(err.value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "31.02.2020",
            "“31.02.2020”: 31 Şubat diye bir gün yok (2020 yılında Şubat 29 gün çeker).",
        ),
        ("29.02.2021", "29 Şubat diye bir gün yok (2021 yılında Şubat 28 gün çeker)."),
        ("31/04/2024", "31 Nisan diye bir gün yok (2024 yılında Nisan 30 gün çeker)."),
        ("2024-06-31", "31 Haziran diye bir gün yok"),
        ("15.13.2020", "13. ay diye bir ay yok; ay 1 ile 12 arasında olur"),
        ("00.05.2020", "ayın 0. günü diye bir gün yok"),
    ],
)
def test_a_date_that_does_not_exist_says_so(text, reason):
    """Not "must be gg.aa.yyyy": the form is right, the day is not."""
    with pytest.raises(fv.FieldError) as refused:
        fv.parse_date(text)
    assert reason in str(refused.value) and "gg.aa.yyyy" not in str(refused.value)
    with pytest.raises(fv.FieldError, match="diye bir"):  # a founding date says it too
        fv.parse_year(text, dt.date(2026, 11, 25))


def test_numbers_in_reasons_are_grouped_the_turkish_way():
    with pytest.raises(fv.FieldError) as refused:
        fv.parse_employees("2500000")
    assert str(refused.value) == "Çalışan sayısı 0 ile 1.000.000 arasında olmalı (2.500.000)."
    with pytest.raises(fv.FieldError) as refused:
        fv.parse_usd("-1.250.000")
    assert str(refused.value) == "İhracat tutarı eksi olamaz (-1.250.000)."
    with pytest.raises(fv.FieldError) as refused:
        fv.clean_text("x" * 12_345, 1_000, "Unvan")
    assert str(refused.value) == "Unvan en çok 1.000 karakter olabilir (12.345 karakter)."


def test_free_text_keeps_its_line_breaks_carriage_returns_too():
    """An address, products or notes (no length limit) keep their lines as written;
    a one-line field (a title) is still one line."""
    assert fv.clean_text("  OSB  5. Cadde \r\n Melikgazi\rKAYSERİ \n") == (
        "OSB 5. Cadde\r\nMelikgazi\rKAYSERİ"
    )
    assert fv.clean_text("ÇAĞRI\r\nMOBİLYA", 300, "Unvan") == "ÇAĞRI MOBİLYA"
