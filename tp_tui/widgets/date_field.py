"""A field for a moment typed in words or digits ("i morgen 10", "26.11 14:00"), which says on
its message line what it understood, as it is typed: "→ fredag 27.11.2026 kl. 10:00", or why
it cannot read it. The form still checks it on save; the line only spares a surprise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual import on
from textual.widgets import Input, Static

from tp_tui.dates import DateParseError
from tp_tui.i18n import describe_moment, t
from tp_tui.text import literal


class DateField(Input):
    """An Input whose message line is ``#<its id>-message`` (form_base.FormScreen._row).

    ``understand`` reads the text as the form will on save (past or future, the default when
    empty); it raises DateParseError for what cannot be read.
    """

    def __init__(
        self, value: str = "", *, understand: Callable[[str], datetime], **kwargs: Any
    ) -> None:
        super().__init__(value, **kwargs)
        self.understand = understand

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if event.input is self:
            self.show_understood()

    def show_understood(self) -> None:
        message = self.screen.query_one(f"#{self.id}-message", Static)
        try:
            moment = self.understand(self.value)
        except DateParseError as error:
            message.update(t(error.key, **error.params))
            message.set_class(True, "error")
            return
        message.update(literal(f"→ {describe_moment(moment)}"))
        message.set_class(False, "error")
