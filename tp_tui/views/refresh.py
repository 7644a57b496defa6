"""After a change made in a form or a flow, the screen underneath shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tp_tui.app import TpApp


def refresh(app: TpApp) -> None:
    """Reload what the current screen shows after a change made elsewhere."""
    load = getattr(app.screen, "load", None)
    if callable(load):
        load()
