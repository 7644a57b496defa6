from __future__ import annotations

import pytest
from hypothesis import given
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
        ("22-33-44-55", "+4722334455"),
        ("(+47) 22.33.44.55", "+4722334455"),
        ("+46 70 123 45 67", "+46701234567"),
        ("0046701234567", "+46701234567"),
        ("", None),
        ("   ", None),
    ],
)
def test_numbers_as_people_type_them(typed: str, stored: str | None) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("91a34567", "phone.error.characters"),
        ("ring meg", "phone.error.characters"),
        ("912+34567", "phone.error.characters"),
        ("٩١٢٣٤٥٦٧", "phone.error.characters"),
        ("912 34", "phone.error.length"),
        ("+47 912 34 5678", "phone.error.length"),
        ("+123", "phone.error.length"),
    ],
)
def test_wrong_numbers_get_a_clear_key(typed: str, key: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalize_phone(typed)
    assert caught.value.key == key


def test_format_and_search_digits() -> None:
    assert format_phone("+4791234567") == "912 34 567"
    assert format_phone("+4722334455") == "22 33 44 55"
    assert format_phone("+46701234567") == "+46701234567"
    assert format_phone(None) == ""
    assert phone_digits("+4791234567") == "91234567"
    assert phone_digits("+46701234567") == "46701234567"


@given(st.text(max_size=25))
def test_never_raises_anything_but_phone_error(text: str) -> None:
    try:
        stored = normalize_phone(text)
    except PhoneError:
        return
    assert stored is None or normalize_phone(format_phone(stored)) == stored
