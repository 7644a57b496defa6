"""How long a goal in the participant's own words may be, and how a long one is shown folded."""

from __future__ import annotations

from tp_tui.text import one_line

GOAL_MAX_CHARS = 500
"""Room for a goal said in a few sentences; a pasted page is refused with a message (the
field keeps it, so nothing typed is lost)."""

GOAL_FOLD_CHARS = 120
"""On the page and in lists a longer goal shows its beginning; the goal form shows it whole."""


def folded_goal(text: str, limit: int = GOAL_FOLD_CHARS) -> tuple[str, bool]:
    """The goal on one line, cut at a word before ``limit`` characters with "…"; and whether it
    was cut."""
    line = one_line(text)
    if len(line) <= limit:
        return line, False
    cut = line[:limit]
    if " " in cut[limit // 2 :]:  # end at a word when one ends in the second half
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip() + "…", True
