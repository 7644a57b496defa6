"""Phone numbers as people type them: with or without +47/0047, spaces, dashes, dots, brackets.

Stored as E.164 ("+4791234567"); shown the way Norwegians write them ("912 34 567").
"""

from __future__ import annotations

import re

# Hyphen, non-breaking hyphen, en/em dash and minus too: numbers are often pasted from documents.
_SEPARATORS = re.compile(r"[\s\-.()\u2010-\u2015\u2212]")
_E164 = re.compile(r"\+[0-9]{1,15}", re.ASCII)
_NORWAY = "47"
_NATIONAL_LENGTH = 8
_MIN_DIGITS, _MAX_DIGITS = 7, 15

# ITU country codes are prefix-free: 1 and 7 have one digit, these have two, the rest three.
_TWO_DIGIT_CODES = frozenset(
    "20 27 30 31 32 33 34 36 39 40 41 43 44 45 46 47 48 49 51 52 53 54 55 56 57 58 "
    "60 61 62 63 64 65 66 81 82 84 86 90 91 92 93 94 95 98".split()
)


class PhoneError(ValueError):
    """A number that cannot be right; ``key`` is a translation key, ``params`` its values."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def normalize_phone(text: str) -> str | None:
    """The E.164 form of a typed number, or None when nothing was typed.

    Without a country code the number is Norwegian and must have 8 digits; ``+47``/``0047``
    is optional. Other countries need ``+`` or ``00`` and 7-15 digits in all.

    Raises:
        PhoneError: ``phone.error.characters`` or ``phone.error.length`` (with ``digits``).
    """
    compact = _SEPARATORS.sub("", text or "")
    if not compact:
        return None
    if compact.startswith("+"):
        international, digits = True, compact[1:]
    elif compact.startswith("00"):
        international, digits = True, compact[2:]
    else:
        international, digits = False, compact
    # isdecimal() alone would let Arabic-Indic or full-width digits through.
    if digits and not (digits.isascii() and digits.isdecimal()):
        raise PhoneError("phone.error.characters")
    if international and not digits.startswith(_NORWAY):
        if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
            raise PhoneError("phone.error.length", digits=len(digits))
        return "+" + digits
    national = digits[len(_NORWAY) :] if international else digits
    if len(national) != _NATIONAL_LENGTH:
        raise PhoneError("phone.error.length", digits=len(national))
    return "+" + _NORWAY + national


def _country_code_length(digits: str) -> int:
    if digits[:1] in ("1", "7"):
        return 1
    return 2 if digits[:2] in _TWO_DIGIT_CODES else 3


def format_phone(e164: str | None) -> str:
    """A stored number for display.

    Norwegian mobiles (first digit 4 or 9) as ``912 34 567``, other Norwegian numbers in pairs
    (``22 33 44 55``). Foreign numbers as ``+`` country code, a space, and the rest unbroken
    (``+46 701234567``): grouping differs by country and is not worth a table. Anything that is
    not E.164 is shown as it is.
    """
    if not e164:
        return ""
    if not _E164.fullmatch(e164):
        return e164
    digits = e164[1:]
    national = digits[len(_NORWAY) :]
    if digits.startswith(_NORWAY) and len(national) == _NATIONAL_LENGTH:
        if national[0] in "49":
            return f"{national[:3]} {national[3:5]} {national[5:]}"
        if national[0] != "0":
            return " ".join(national[i : i + 2] for i in range(0, _NATIONAL_LENGTH, 2))
        # Typed without +47, "00 ..." would be read back as an international prefix.
        return f"+{_NORWAY} {national}"
    cut = _country_code_length(digits)
    if digits[:1] == "0" or cut >= len(digits):
        return e164
    return f"+{digits[:cut]} {digits[cut:]}"


def phone_digits(e164: str | None) -> str:
    """The digits people search by: the national number for Norway, all digits otherwise."""
    if not e164:
        return ""
    digits = e164.lstrip("+")
    if e164.startswith("+" + _NORWAY) and len(digits) == len(_NORWAY) + _NATIONAL_LENGTH:
        return digits[len(_NORWAY) :]
    return digits
