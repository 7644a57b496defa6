"""What a user of one language must never see: another language's messages, Textual's English.

``foreign_in(text, language)`` lists the strings of ``text`` that belong to another language:
a message of another language's catalogue (each literal piece of it between its fields, longer
than four characters, left out when the same piece is in this language's catalogue too, as
"Kafé" or "PDF" are), or, for a language other than English, one of the English texts Textual
and argparse come with.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from functools import cache

from textual.command import CommandPalette

from tp_tui.argparse_words import ARGPARSE_COUNTED, ARGPARSE_WORDS
from tp_tui.i18n import LANGUAGES, catalogue, plural_forms
from tp_tui.textual_words import BINDING_WORDS

_OPTION = re.compile(r"(?<!\w)--?[\w-]+")
_FIELD = re.compile(r"\{[^}]*\}|%\([a-z_]+\)[rsd]|%[rsd]|\[/?b\]|\n")
# Textual's texts that are not binding descriptions: the palette and the ctrl+c notice
# (its system commands are read from the running app, see tests/ui/test_no_foreign_words.py).
TEXTUAL_TEXTS = (
    inspect.signature(CommandPalette).parameters["placeholder"].default,
    "No matches found",
    "Search for themes…",
    "Open the command palette",
    "to quit the app",
    "Do you want to quit?",
)


def _pieces(messages: Iterable[object]) -> Iterable[str]:
    for message in messages:
        forms = message if isinstance(message, tuple) else (message,)
        for form in forms:
            for piece in _FIELD.split(str(form)):
                yield piece.strip(" :·,.–-()«»\"'")


def _messages(language: str) -> list[object]:
    """Every text of the language's catalogue, each plural message with all its forms."""
    return [*catalogue(language).values(), *plural_forms(language).values()]


@cache
def _own_text(language: str) -> str:
    return "\n".join(_pieces(_messages(language)))


@cache
def foreign_strings(language: str, extra_english: frozenset[str] = frozenset()) -> frozenset[str]:
    own = _own_text(language)
    found = set(_catalogue_foreign(language))
    if language != "en":
        found |= {text for text in extra_english if len(text) >= 4 and text not in own}
    return frozenset(found)


@cache
def _catalogue_foreign(language: str) -> frozenset[str]:
    """The foreign strings every screen is checked for: the other languages' messages and,
    but for English, the English texts Textual and argparse come with."""
    own = _own_text(language)
    found = {
        piece
        for other in LANGUAGES
        if other != language
        for piece in _pieces(_messages(other))
        if len(piece) > 4 and re.search(r"[^\W\d_]", piece) and piece not in own
    }
    if language != "en":
        english = {*BINDING_WORDS, *TEXTUAL_TEXTS}
        english |= set(_pieces([*ARGPARSE_WORDS, *ARGPARSE_COUNTED]))
        found |= {text for text in english if len(text) >= 4 and text not in own}
    return frozenset(found)


@cache
def _pattern(pieces: frozenset[str]) -> re.Pattern[str]:
    """Any of ``pieces`` as whole words, the longest first (a regular expression of some
    thousand alternatives takes a good part of a second to compile: made once per set)."""
    ordered = sorted({" ".join(piece.split()) for piece in pieces}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def _patterns(language: str, extra_english: frozenset[str]) -> list[re.Pattern[str]]:
    """The patterns of ``foreign_strings(language, extra_english)``: one for the catalogues'
    strings, the same for every screen, and a small one for the extra English texts."""
    common = _catalogue_foreign(language)
    extra = foreign_strings(language, extra_english) - common
    return [_pattern(common), _pattern(extra)] if extra else [_pattern(common)]


def _findall(patterns: list[re.Pattern[str]], text: str) -> list[str]:
    """What one pattern of all the patterns' pieces would find: from left to right, at each
    place the longest piece there, going on after it (as ``re.findall`` does)."""
    if len(patterns) == 1:
        return patterns[0].findall(text)
    found = []
    at = 0
    while matches := [m for pattern in patterns if (m := pattern.search(text, at))]:
        first = min(matches, key=lambda m: (m.start(), -len(m.group())))
        found.append(first.group())
        at = first.end()
    return found


def foreign_in(
    text: str,
    language: str,
    extra_english: Iterable[str] = (),
    typed: Iterable[str] = (),
    data: str = "",
) -> list[str]:
    """The foreign strings shown in ``text`` (whitespace-insensitive, whole words only).

    Option names (--minutes) and the words in ``typed`` (codes a command accepts) are what a
    user types, not reads: they are taken out first. A string that is part of ``data`` (what
    users wrote: the demo's Norwegian notes) is no message of the interface.
    """
    flat = _OPTION.sub(" ", text)
    for word in sorted(typed, key=len, reverse=True):
        flat = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", " ", flat)
    flat = " ".join(flat.split())
    found = set(_findall(_patterns(language, frozenset(extra_english)), flat))
    return sorted(piece for piece in found if piece not in data)
