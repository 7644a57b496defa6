"""argparse's own texts ("usage:", "options:", its error messages) in the user's language.

argparse asks gettext for every text it prints through two names of its module, ``_`` and
``ngettext`` (the standard library's way to let a programme translate it). tp-tui's messages
live in its own catalogues, so :func:`install` points those two names at a translation that
looks argparse's English up there: help and errors alike, with no copy of argparse's code.
A text argparse has that is not listed here stays English (those left out are errors in
how a programme sets up its parser, which no user of tp meets).
"""

from __future__ import annotations

import argparse
import gettext

from tp_tui.i18n import t

# argparse's English -> message key (Python 3.11–3.13 texts; the %-fields are argparse's).
ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "argparse.unknown_parser",
    'argument "-" with mode %r': "argparse.dash_mode",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_required",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "unexpected option string: %s": "argparse.unexpected_option",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
}
# Texts with a count: the singular's message and the plural's (argparse picks by the count).
ARGPARSE_COUNTED: dict[str, tuple[str, str]] = {
    "expected %s argument": ("argparse.expected_count", "argparse.expected_count.many"),
}


class ArgparseTranslation(gettext.NullTranslations):
    """argparse's texts from tp-tui's catalogues, in the language of the moment."""

    def gettext(self, message: str) -> str:
        found = ARGPARSE_WORDS.get(message)
        return t(found) if found else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = ARGPARSE_COUNTED.get(msgid1)
        if found is None:
            return msgid1 if n == 1 else msgid2
        return t(found[0] if n == 1 else found[1])


def install() -> None:
    """Translate argparse from now on (before parsers are built: they take their group titles
    when made)."""
    translation = ArgparseTranslation()
    # The module's own gettext hooks (`from gettext import gettext as _, ngettext`).
    argparse._ = translation.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translation.ngettext  # type: ignore[attr-defined]
