"""Undo my newest change wherever it was made (ctrl+z), or make again what I undid (ctrl+r)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tp_tui.i18n import catalogue, t
from tp_tui.services.undo import undo_last
from tp_tui.text import one_line
from tp_tui.views.refresh import refresh

if TYPE_CHECKING:
    from tp_tui.app import TpApp


def _change_text(kind: str, name: str) -> str:
    """What a change was, for whom, in the user's words ("moving Kari Nordmann to a new stage")."""
    key = f"change.{kind}"
    return t(key if key in catalogue("en") else "change.other", name=one_line(name))


def undo(app: TpApp, redo: bool = False) -> None:
    """Undo my newest change, wherever it was made; with ``redo``, make again what I undid."""
    from tp_tui.services.undo import NotUndoable, UndoBlocked, redo_last

    try:
        done = redo_last(app.clock) if redo else undo_last(app.clock)
    except UndoBlocked:
        blocked = "redo.blocked" if redo else "undo.blocked"
        app.notify(t(blocked), markup=False, severity="warning", timeout=10)
        return
    except NotUndoable as refused:
        change = _change_text(refused.kind, refused.name)
        app.notify(
            t(f"undo.{refused.reason}", change=change), markup=False, severity="warning", timeout=10
        )
        return
    if done is None:
        app.notify(t("redo.nothing" if redo else "undo.nothing"), markup=False, severity="warning")
        return
    change = _change_text(done.kind, done.name)
    app.notify(t("redo.done" if redo else "undo.done", change=change), markup=False)
    refresh(app)
