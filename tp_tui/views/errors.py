"""What a form says when saving fails for a reason outside the form."""

from __future__ import annotations

from tp_tui.i18n import t
from tp_tui.text import clean


def not_saved_message(error: Exception) -> str:
    """A calm sentence; the typed entry stays in the form whatever happened."""
    from tp_tui.db import StorageError, is_busy

    if isinstance(error, StorageError):  # refused before anything was written (read-only)
        return t(error.key, **error.params)
    if is_busy(error):
        return t("form.locked")
    return t("form.not_saved", reason=clean(type(error).__name__))
