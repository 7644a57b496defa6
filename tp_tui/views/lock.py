"""After a while without use an encrypted database's app locks: nothing personal is shown until
the passphrase is given again. Whatever was being typed stays underneath, unsaved but not lost."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tp_tui.i18n import t
from tp_tui.views.base import TpModalScreen


class LockScreen(TpModalScreen[None]):
    DEFAULT_CSS = """
    LockScreen { background: $background; }
    LockScreen > Vertical { width: 60; height: auto; border: thick $primary; padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("lock.title"), markup=False)
            yield Input(password=True, id="passphrase", compact=True)
            yield Static("", id="lock-message", classes="message", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from tp_tui.services.encryption import passphrase_opens

        path = self.tp.db_path
        if path is not None and passphrase_opens(path, event.value):
            self.tp.unlocked()
            self.dismiss()
            return
        event.input.value = ""
        self.query_one("#lock-message", Static).update(t("lock.wrong"))
