"""The one helper that makes stored text safe to show.

Stored text is never markup: a note containing ``[bold]`` or an escape sequence is shown literally.
Every view turns stored text into a display object here; nothing else builds widgets from it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Imported where used: the command line needs clean() and one_line() but not Rich's Text.
    from rich.text import Text

# C0 controls except tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and
# isolates that can make a line read differently from what is stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])")


def clean(text: str | None) -> str:
    """Stored text with terminal escape sequences and control characters removed.

    Whole escape sequences go first, so ``ESC [2J`` leaves nothing behind instead of ``[2J``.
    """
    if not text:
        return ""
    return _UNSAFE.sub("", _ESCAPE_SEQUENCE.sub("", text))


def one_line(text: str | None) -> str:
    """Clean text folded to a single line, for table cells and headings."""
    return " ".join(clean(text).split())


def literal(text: str | None, style: str = "") -> Text:
    """A Rich ``Text`` that shows the stored text exactly, never parsed as markup or emoji."""
    from rich.text import Text

    return Text(clean(text), style=style, no_wrap=False)


def cell(text: str | None, style: str = "") -> Text:
    """A one-line literal text for a ``DataTable`` cell."""
    from rich.text import Text

    return Text(one_line(text), style=style, no_wrap=True, overflow="ellipsis")
