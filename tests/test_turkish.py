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
