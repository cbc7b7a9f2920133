"""Turkish tax numbers: VKN (10 digits, companies) and TCKN (11 digits, sole proprietors).

The checksums come from python-stdnum (``stdnum.tr.vkn``, ``stdnum.tr.tckimlik``);
this module only normalises input and turns stdnum's exceptions into Turkish
messages a person can act on.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdnum import exceptions as stdnum_exc
from stdnum.tr import tckimlik, vkn


class TaxIdError(ValueError):
    """A tax number that cannot be accepted; str() is a Turkish explanation."""


@dataclass(frozen=True)
class TaxId:
    number: str
    kind: str  # "VKN" or "TCKN"


def clean(raw: object) -> str:
    """Digits only: spaces, dots, dashes dropped; a float from Excel (1234567890.0) handled."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = str(raw).strip()
    for sep in (" ", ".", "-", "/", "\u00a0"):
        text = text.replace(sep, "")
    return text


def validate(raw: object) -> TaxId:
    """Return the normalised number and its kind, or raise TaxIdError in Turkish."""
    number = clean(raw)
    if not number:
        raise TaxIdError("Vergi numarası boş.")
    if not number.isdigit():
        raise TaxIdError(f"Vergi numarası yalnızca rakamlardan oluşmalı: “{number}”.")
    if len(number) == 10:
        try:
            return TaxId(vkn.validate(number), "VKN")
        except stdnum_exc.InvalidChecksum:
            raise TaxIdError(
                f"VKN {number} geçersiz: kontrol basamağı tutmuyor (yanlış yazılmış olabilir)."
            ) from None
        except stdnum_exc.ValidationError as exc:
            raise TaxIdError(f"VKN {number} geçersiz ({exc}).") from None
    if len(number) == 11:
        if number[0] == "0":
            raise TaxIdError(f"TCKN {number} geçersiz: 0 ile başlayamaz.")
        try:
            return TaxId(tckimlik.validate(number), "TCKN")
        except stdnum_exc.InvalidChecksum:
            raise TaxIdError(
                f"TCKN {number} geçersiz: kontrol basamakları tutmuyor (yanlış yazılmış olabilir)."
            ) from None
        except stdnum_exc.ValidationError as exc:
            raise TaxIdError(f"TCKN {number} geçersiz ({exc}).") from None
    raise TaxIdError(
        f"Vergi numarası {len(number)} haneli: VKN 10, TCKN 11 haneli olmalı (“{number}”)."
    )


def is_valid(raw: object) -> bool:
    try:
        validate(raw)
    except TaxIdError:
        return False
    return True


def vkn_with_check_digit(first_nine: str) -> str:
    """Complete nine digits to a valid VKN (used by the demo generator)."""
    return first_nine + vkn.calc_check_digit(first_nine)


def tckn_with_check_digits(first_nine: str) -> str:
    """Complete nine digits (not starting with 0) to a valid TCKN."""
    return first_nine + tckimlik.calc_check_digits(first_nine)
