"""Phone numbers as people type them: with or without +47, spaces, dashes or dots.

Stored as E.164 ("+4791234567"); shown in the Norwegian grouping ("912 34 567").
"""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-.()/]")


class PhoneError(ValueError):
    """A number that cannot be right; ``key`` is a translation key."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def normalize_phone(text: str) -> str | None:
    """E.164 form of a typed number, or None when nothing was typed."""
    compact = _SEPARATORS.sub("", text or "")
    if not compact:
        return None
    if compact.startswith("+"):
        international, digits = True, compact[1:]
    elif compact.startswith("00"):
        international, digits = True, compact[2:]
    else:
        international, digits = False, compact
    if not digits.isascii() or not digits.isdigit():
        raise PhoneError("phone.error.characters")
    if international and not digits.startswith("47"):
        if not 7 <= len(digits) <= 15:
            raise PhoneError("phone.error.length", digits=len(digits))
        return "+" + digits
    national = digits[2:] if international else digits
    if len(national) != 8:
        raise PhoneError("phone.error.length", digits=len(national))
    return "+47" + national


def format_phone(e164: str | None) -> str:
    """Norwegian numbers grouped as people write them; foreign ones as "+" and digits."""
    if not e164:
        return ""
    if e164.startswith("+47") and len(e164) == 11:
        national = e164[3:]
        if national[0] in "49":
            return f"{national[:3]} {national[3:5]} {national[5:]}"
        return " ".join(national[i : i + 2] for i in range(0, 8, 2))
    return e164


def phone_digits(e164: str | None) -> str:
    """The digits people search by: the national number for Norway, all digits otherwise."""
    if not e164:
        return ""
    if e164.startswith("+47") and len(e164) == 11:
        return e164[3:]
    return e164.lstrip("+")
