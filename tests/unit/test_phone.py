"""Phone numbers: what people type, what is stored, how it is shown and searched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tp_tui.phone import PhoneError, format_phone, normalize_phone, phone_digits


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("912 34 567", "+4791234567"),
        ("91234567", "+4791234567"),
        ("+47 912 34 567", "+4791234567"),
        ("0047 91234567", "+4791234567"),
        ("+4791234567", "+4791234567"),
        ("  912-34-567 ", "+4791234567"),
        ("912.34.567", "+4791234567"),
        ("912\u00a034\u2013567", "+4791234567"),  # pasted: no-break space and en dash
        ("(+47) 912 34 567", "+4791234567"),
        ("22-33-44-55", "+4722334455"),
        ("(+47) 22.33.44.55", "+4722334455"),
        ("+46 70 123 45 67", "+46701234567"),
        ("0046701234567", "+46701234567"),
        ("0046 (0)70 123", "+46070123"),  # 8 digits: short, but within E.164
        ("+1 (212) 555-0100", "+12125550100"),
        ("+358 40 1234567", "+358401234567"),
        ("+123456789012345", "+123456789012345"),
        ("", None),
        ("   ", None),
        (" - ( ) . ", None),
    ],
)
def test_numbers_as_people_type_them(typed: str, stored: str | None) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key", "params"),
    [
        ("91a34567", "phone.error.characters", {}),
        ("ring meg", "phone.error.characters", {}),
        ("912+34567", "phone.error.characters", {}),
        ("++4791234567", "phone.error.characters", {}),
        ("912/34/567", "phone.error.characters", {}),
        ("٩١٢٣٤٥٦٧", "phone.error.characters", {}),  # Arabic-Indic digits
        ("９１２３４５６７", "phone.error.characters", {}),  # full-width digits
        ("912 34", "phone.error.length", {"digits": 5}),
        ("912345678", "phone.error.length", {"digits": 9}),
        ("4791234567", "phone.error.length", {"digits": 10}),
        ("+47 912 34 5678", "phone.error.length", {"digits": 9}),
        ("0047 912", "phone.error.length", {"digits": 3}),
        ("+47", "phone.error.length", {"digits": 0}),
        ("+", "phone.error.length", {"digits": 0}),
        ("+123", "phone.error.length", {"digits": 3}),
        ("+46 1234", "phone.error.length", {"digits": 6}),
        ("+1234567890123456", "phone.error.length", {"digits": 16}),
    ],
)
def test_wrong_numbers_get_a_key(typed: str, key: str, params: dict[str, object]) -> None:
    with pytest.raises(PhoneError) as caught:
        normalize_phone(typed)
    assert caught.value.key == key
    assert caught.value.params == params
    assert str(caught.value) == key


@pytest.mark.parametrize(
    ("stored", "shown", "digits"),
    [
        ("+4791234567", "912 34 567", "91234567"),
        ("+4741234567", "412 34 567", "41234567"),
        ("+4722334455", "22 33 44 55", "22334455"),
        ("+4780012345", "80 01 23 45", "80012345"),
        ("+4700234567", "+47 00234567", "00234567"),
        ("+46701234567", "+46 701234567", "46701234567"),
        ("+12125550100", "+1 2125550100", "12125550100"),
        ("+79161234567", "+7 9161234567", "79161234567"),
        ("+358401234567", "+358 401234567", "358401234567"),
        ("+470123456", "+47 0123456", "470123456"),  # 7 digits after 47: not Norwegian
        (None, "", ""),
        ("", "", ""),
        ("not a number", "not a number", "not a number"),
    ],
)
def test_format_and_search_digits(stored: str | None, shown: str, digits: str) -> None:
    assert format_phone(stored) == shown
    assert phone_digits(stored) == digits


_PHONE_ALPHABET = st.sampled_from(list("0123456789+ -.()/a\u00a0\u2013٣"))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=25), st.text(_PHONE_ALPHABET, max_size=25)))
def test_never_raises_anything_but_phone_error(text: str) -> None:
    try:
        stored = normalize_phone(text)
    except PhoneError as error:
        assert error.key in ("phone.error.characters", "phone.error.length")
        return
    if stored is not None:
        assert normalize_phone(format_phone(stored)) == stored
        assert phone_digits(stored).isdigit()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "+47", "0047", "+", "00"]), st.text("0123456789 ", max_size=18))
def test_valid_numbers_survive_display_and_back(prefix: str, rest: str) -> None:
    try:
        stored = normalize_phone(prefix + rest)
    except PhoneError:
        return
    if stored is not None:
        assert normalize_phone(format_phone(stored)) == stored
