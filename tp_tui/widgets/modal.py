"""The one rule every dialog and form shares: it sits in the middle of the terminal."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class CentredModal(ModalScreen[ResultT]):
    """A modal screen with its content centred (the screens under it stay visible around it).

    A type selector matches subclasses too, so each dialog's own CSS says only what differs.
    """

    DEFAULT_CSS = "CentredModal { align: center middle; }"
