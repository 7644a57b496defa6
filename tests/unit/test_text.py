"""Stored text is shown literally: no markup, no escape codes, no bidi tricks."""

from __future__ import annotations

import pytest
from rich.console import Console

from tp_tui.text import cell, clean, literal, one_line

HOSTILE = [
    "[bold red]Kari[/]",
    "Per [/",
    "[ @click=app.quit]Ring",
    "[$primary]x",
    ":warning: Ola",
    "Ola\x1b[2JNordmann",
    "Ola\x1b]0;pwned\x07Nordmann",
    "Ola\x1b]52;c;ZXZpbA==\x07Nordmann",
    "Kari\u202eannamdroN",
    "Tab\there\x00nul\x7fdel\x9bcsi",
]


def test_escape_sequences_are_removed_whole() -> None:
    assert clean("Ola\x1b[2JNordmann") == "OlaNordmann"
    assert clean("Ola\x1b]0;title\x07Nordmann") == "OlaNordmann"
    assert clean("Ola\x1b[31mrød\x1b[0m") == "Olarød"


def test_controls_and_bidi_go_but_newline_and_tab_stay() -> None:
    assert clean("a\tb\nc\x00d\x07e\u202ef\u2066g") == "a\tb\ncdefg"


def test_one_line_folds_whitespace() -> None:
    assert one_line("  Kari \n Nordmann\t") == "Kari Nordmann"


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_renders_exactly_the_cleaned_text(text: str) -> None:
    console = Console(record=True, width=200, color_system=None)
    console.print(literal(text))
    console.print(cell(text))
    output = console.export_text()
    squeezed = "".join(output.split())
    assert "".join(clean(text).split()) in squeezed
    assert "\x1b" not in output
    if "[" in clean(text):
        assert "[" in output  # brackets shown, not eaten as markup
    if ":warning:" in text:
        assert ":warning:" in output  # not turned into an emoji
