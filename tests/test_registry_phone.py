"""The fast path for Turkish phone numbers agrees with the phonenumbers library everywhere."""

from __future__ import annotations

import random

import phonenumbers
import pytest

from kayseri_desktop.core import firm_validation as fv


def _library(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, "TR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def test_every_turkish_prefix_formats_and_validates_as_the_library_does():
    rng = random.Random(5)
    fv._TR_GROUPS.clear()
    for prefix in range(200, 600):
        for _ in range(12):
            rest = f"{rng.randint(0, 999):03d} {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}"
            text = f"0{prefix} {rest}"
            expected = _library(text)
            if expected is None:
                with pytest.raises(fv.FieldError):
                    fv.parse_phone(text)
            else:
                assert fv.parse_phone(text) == expected, text
    assert fv._TR_GROUPS  # the cache was used, not bypassed


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("0352 222 12 34", "+90 352 222 12 34"),
        (3522221234, "+90 352 222 12 34"),
        ("+90 (532) 123-45-67", "+90 532 123 45 67"),
        ("0512 345 67 89", "+90 512 345 6789"),
        ("0850 222 12 34", "+90 850 222 1234"),
        ("+49 30 1234567", "+49 30 1234567"),
    ],
)
def test_common_forms(raw, shown):
    assert fv.parse_phone(raw) == shown
