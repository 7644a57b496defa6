"""Small helpers for driving the app like a person does."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable

KEY_NAMES = {
    " ": "space",
    "/": "slash",
    ".": "full_stop",
    "+": "plus",
    "-": "minus",
    ":": "colon",
    "[": "left_square_bracket",
    "]": "right_square_bracket",
}


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Press one key per character, as a person typing."""
    await pilot.press(*[KEY_NAMES.get(char, char) for char in text])


def column(table: DataTable[object], index: int = 0) -> list[str]:
    """The plain text of one column of a table, top to bottom."""
    return [str(getattr(cell, "plain", cell)) for cell in table.get_column_at(index)]


def notifications(app: App[object]) -> str:
    """Every message the app has shown in a toast so far, in one string."""
    return " ".join(str(n.message) for n in app._notifications)  # noqa: SLF001
