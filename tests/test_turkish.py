import pytest

from kayseri_desktop.core.turkish import (
    collation_key,
    fold,
    matches,
    sort_turkish,
    tr_lower,
    tr_title,
    tr_upper,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("İSTANBUL", "istanbul"),
        ("ılık", "ILIK"),
        ("ÇAĞRI", "cagri"),
        ("Işık", "ISIK"),
        ("KAYSERİ", "kayseri"),
        ("Kâğıt", "KAGIT"),
        ("ÖZVATAN  ŞÜKRÜ", "ozvatan sukru"),
    ],
)
def test_folding_makes_turkish_variants_equal(a, b):
    assert fold(a) == fold(b)


def test_case_mapping_follows_turkish_rules():
    assert tr_upper("istanbul ılık") == "İSTANBUL ILIK"
    assert tr_lower("İSTANBUL ILIK") == "istanbul ılık"
    assert tr_title("ılık işık") == "Ilık İşık"


def test_search_matches_every_word_in_any_field():
    assert matches("cagri mob", "ÇAĞRI MOBİLYA A.Ş.")
    assert matches("kayseri", "Kocasinan", "KAYSERİ")
    assert not matches("cagri metal", "ÇAĞRI MOBİLYA A.Ş.")


def test_collation_orders_the_turkish_alphabet():
    words = [
        "Dede",
        "Çağrı",
        "Cam",
        "İnci",
        "Işık",
        "Zeytin",
        "Üzüm",
        "Şeker",
        "Sabun",
        "Oya",
        "Ördek",
    ]
    assert sort_turkish(words) == [
        "Cam",
        "Çağrı",
        "Dede",
        "Işık",
        "İnci",
        "Oya",
        "Ördek",
        "Sabun",
        "Şeker",
        "Üzüm",
        "Zeytin",
    ]


def test_collation_specific_pairs():
    assert collation_key("Cam") < collation_key("Çağrı") < collation_key("Dede")
    assert collation_key("Işık") < collation_key("İnci")
    assert collation_key("gaz") < collation_key("ğ") < collation_key("h")
    assert collation_key("ılık") == collation_key("ILIK")
    assert collation_key("A Yapı") < collation_key("AB Yapı")  # space before letters
    assert collation_key("3M") < collation_key("Acar")  # digits before letters


def test_collation_key_word_by_word_equals_keying_every_character(monkeypatch):
    """The key is built from remembered word keys; it must be what keying each character
    of the whole (whitespace-collapsed, Turkish lower-cased) text gives, also after the
    word memory is cleared."""
    from kayseri_desktop.core import turkish

    def by_character(text: str) -> str:
        return "".join(turkish._key_char(ch) for ch in tr_lower(" ".join(text.split())))

    texts = [
        "ÖRNEK 12 MOBİLYA SAN. TİC. A.Ş.",
        "  ılık\tIŞIK\u00a0işık  ",  # tab, no-break space, padding
        "ΟΔΟΣ ΑΣ Σ",  # Greek final sigma depends on word ends
        "Cafe\u0301 Ünlü–Özel ½ ﬁrma",  # combining accent, dash, fraction, ligature
        "",
        "   ",
    ]
    monkeypatch.setattr(turkish, "_WORD_KEYS_MAX", 3)
    for _ in range(2):  # the second round finds the words remembered (or just forgotten)
        for text in texts:
            assert collation_key(text) == by_character(text), text
    longest = max(len(t.split()) for t in texts)
    assert len(turkish._WORD_KEYS) <= 3 + longest  # bounded: cleared before a call beyond 3
