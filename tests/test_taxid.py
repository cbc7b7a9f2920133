from hypothesis import given
from hypothesis import strategies as st

from kayseri_desktop.core import taxid

nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)
nine_digits_tckn = st.from_regex(r"\A[1-9][0-9]{8}\Z")


@given(nine_digits)
def test_every_generated_vkn_is_valid(first):
    number = taxid.vkn_with_check_digit(first)
    assert taxid.validate(number) == taxid.TaxId(number, "VKN")


@given(nine_digits, st.integers(0, 9), st.integers(1, 9))
def test_every_single_digit_change_of_a_vkn_fails(first, pos, delta):
    number = taxid.vkn_with_check_digit(first)
    changed = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    assert not taxid.is_valid(changed)


@given(nine_digits_tckn)
def test_every_generated_tckn_is_valid(first):
    number = taxid.tckn_with_check_digits(first)
    assert taxid.validate(number).kind == "TCKN"


@given(nine_digits_tckn, st.integers(0, 10), st.integers(1, 9))
def test_every_single_digit_change_of_a_tckn_fails(first, pos, delta):
    number = taxid.tckn_with_check_digits(first)
    changed = number[:pos] + str((int(number[pos]) + delta) % 10) + number[pos + 1 :]
    assert not taxid.is_valid(changed)


def test_input_is_normalised_the_way_spreadsheets_write_it():
    number = taxid.vkn_with_check_digit("454053692")
    assert taxid.validate(f" {number[:3]} {number[3:6]} {number[6:]} ").number == number
    assert taxid.validate(float(number)).number == number  # Excel numeric cell
    assert taxid.validate(int(number)).number == number


def test_messages_are_turkish_and_name_the_problem():
    bad = taxid.vkn_with_check_digit("454053692")[:-1] + "9"
    cases = {
        "": "boş",
        "12345": "5 haneli",
        "12345abcde": "yalnızca rakam",
        bad: "kontrol basamağı",
        "01234567890": "0 ile başlayamaz",
    }
    for raw, expected in cases.items():
        try:
            taxid.validate(raw)
        except taxid.TaxIdError as exc:
            assert expected in str(exc), (raw, str(exc))
        else:  # pragma: no cover - the assertion is the point
            raise AssertionError(f"{raw!r} accepted")


def test_leading_zero_vkn_keeps_its_zero():
    number = taxid.vkn_with_check_digit("012345678")
    assert number.startswith("0")
    assert taxid.validate(number).number == number


@given(st.text(alphabet="0123456789", min_size=9, max_size=11))
def test_the_table_check_digit_is_stdnums(digits):
    from stdnum.tr import vkn

    assert taxid.vkn_check_digit(digits) == vkn.calc_check_digit(digits[:9])


def test_the_table_check_digit_for_every_digit_in_every_position():
    from stdnum.tr import vkn

    for position in range(9):
        for base in ("000000000", "123456789", "999999999", "505050505"):
            for digit in "0123456789":
                number = base[:position] + digit + base[position + 1 :]
                assert taxid.vkn_check_digit(number) == vkn.calc_check_digit(number)
