"""Every bokmål part catalogue has a nynorsk twin with the same keys and the same placeholders.

A missing key would show bokmål (or English) to a nynorsk user, and a placeholder that differs
would leave a raw ``{count}`` on screen or drop a figure, so both fail here, part by part.
"""

from __future__ import annotations

from importlib import import_module
from string import Formatter

import pytest

from tp_tui.i18n import CATALOGUE_PARTS

PARTS = [part for part in CATALOGUE_PARTS if part]


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def forms(value: object) -> tuple[str, ...]:
    """A message is a string, or (singular, plural) where a count is shown."""
    if isinstance(value, str):
        return (value,)
    assert isinstance(value, tuple) and len(value) == 2, value
    assert all(isinstance(form, str) and form for form in value), value
    return value


@pytest.mark.parametrize("part", PARTS)
def test_nynorsk_part_has_every_bokmal_key_with_its_placeholders(part: str) -> None:
    bokmal = import_module(f"tp_tui.locale.nb{part}").MESSAGES
    nynorsk = import_module(f"tp_tui.locale.nn{part}").MESSAGES
    assert sorted(set(bokmal) - set(nynorsk)) == [], "missing in nynorsk"
    assert sorted(set(nynorsk) - set(bokmal)) == [], "not in bokmål"
    for key, text in bokmal.items():
        (wanted,) = {frozenset(placeholders(form)) for form in forms(text)}
        for form in forms(nynorsk[key]):
            assert placeholders(form) == wanted, key


def test_placeholders_are_read_with_format_specs_and_braces() -> None:
    assert placeholders("{name:>10} har {count}, {{ikkje}}") == {"name", "count"}
    assert placeholders("deltakarar") == set()
