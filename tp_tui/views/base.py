"""Base classes for tp-tui's screens: the running app, typed as TpApp, as ``self.tp``."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from tp_tui.widgets.modal import CentredModal

if TYPE_CHECKING:
    from tp_tui.app import TpApp

ResultT = TypeVar("ResultT")


class TpScreen(Screen[ResultT]):
    @property
    def tp(self) -> TpApp:
        return self.app  # type: ignore[return-value]


class TpModalScreen(CentredModal[ResultT]):
    @property
    def tp(self) -> TpApp:
        return self.app  # type: ignore[return-value]
