"""Turkish tax numbers: VKN (10 digits, companies) and TCKN (11 digits, sole proprietors).

The checksums come from python-stdnum (``stdnum.tr.vkn``, ``stdnum.tr.tckimlik``);
this module only normalises input and turns stdnum's exceptions into Turkish
messages a person can act on. For bulk checks (an import of thousands of rows) the
VKN check digit is also read from a table made from stdnum's own function.
"""

from __future__ import annotations

import operator
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


def _vkn_shares() -> tuple[int, list[dict[str, int]]]:
    """stdnum's VKN check digit is (-Σ share(position, digit)) mod 10, one share per
    position, so probing it one digit at a time gives every share (relative to digit 0):
    check = (check of 000000000 - Σ shares) mod 10."""
    zero = int(vkn.calc_check_digit("000000000"))
    table = []
    for position in range(9):
        shares = {}
        for digit in "0123456789":
            probe = "0" * position + digit + "0" * (8 - position)
            shares[digit] = (zero - int(vkn.calc_check_digit(probe))) % 10
        table.append(shares)
    return zero, table


_VKN_ZERO, _VKN_SHARES = _vkn_shares()


def vkn_check_digit(digits: str) -> str:
    """stdnum's check digit for the first nine of ``digits`` (ASCII digits, nine or more),
    from the table: about a fifth of the time of calling stdnum for it."""
    return str((_VKN_ZERO - sum(map(operator.getitem, _VKN_SHARES, digits))) % 10)


def tckn_with_check_digits(first_nine: str) -> str:
    """Complete nine digits (not starting with 0) to a valid TCKN."""
    return first_nine + tckimlik.calc_check_digits(first_nine)
