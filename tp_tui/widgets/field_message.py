"""The line under a field (or a whole form) that says what is wrong or what was understood.

It takes a row only while it says something: an empty line under every field is what made the
contact form taller than 24 rows. When a message comes, the form grows by that line, and the save
moves the cursor to the first field with one.
"""

from __future__ import annotations

from typing import Any

from textual.visual import VisualType
from textual.widgets import Static


class FieldMessage(Static):
    DEFAULT_CSS = """
    FieldMessage.-quiet { display: none; }
    """

    keep_in_view = False
    """Scroll into view whenever laid out at a new size (the form's message under its last
    field): the line it appears on is not known until the layout after the update."""

    def __init__(self, content: VisualType = "", **kwargs: Any) -> None:
        kwargs.setdefault("markup", False)  # a message may quote what was typed
        super().__init__(content, **kwargs)
        self.set_class(_empty(content), "-quiet")

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        super().update(content, layout=layout)
        self.set_class(_empty(content), "-quiet")

    def on_resize(self) -> None:
        if self.keep_in_view and not self.has_class("-quiet"):
            self.scroll_visible(animate=False)


def _empty(content: VisualType) -> bool:
    return not str(getattr(content, "plain", content)).strip()
