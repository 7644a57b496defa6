"""A guest at a meeting place asks for help: register them under a nickname they choose."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.rounds import register_guest
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.key_footer import KeyFooter


class GuestFormScreen(FormScreen[int | None]):
    """Dismisses with the new (prospective) participant's id, or None."""

    CSS_PATH = ["forms.tcss"]
    BINDINGS = [
        key("ctrl+s", "save", "form.save", "guest_form.save", priority=True),
        key("escape", "cancel", "form.cancel", "guest_form.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Static(t("guest_form.title"), classes="form-title", markup=False)
            yield Static(t("guest_form.help"), classes="message form-message", markup=False)
            yield from self._row(
                "name",
                "guest_form.nickname",
                Input(
                    id="nickname", compact=True, placeholder=t("guest_form.nickname_placeholder")
                ),
            )
            yield from self._row(
                "phone",
                "participant.field.phone",
                Input(id="phone", compact=True, placeholder="912 34 567"),
            )
            yield from self._row(
                "reason",
                "guest_form.follow_up",
                Input(id="reason", compact=True, placeholder=t("guest_form.follow_up_placeholder")),
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self._initial = self.typed()  # Esc asks before throwing away what was typed
        self.query_one("#nickname", Input).focus()

    def typed(self) -> tuple[str, ...]:
        return tuple(
            self.query_one(f"#{name}", Input).value for name in ("nickname", "phone", "reason")
        )

    def on_input_submitted(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        try:
            guest_id, callback_id = register_guest(
                self.query_one("#nickname", Input).value,
                self.query_one("#phone", Input).value,
                self.query_one("#reason", Input).value,
                self.tp.clock,
                self.tp.settings,
            )
        except ValidationFailed as failed:
            for field, error in failed.errors.items():
                found = self.query(f"#{field}-message")
                if found:
                    message = found.first(Static)
                    message.update(t(error.key, **error.params))
                    message.set_class(True, "error")
            return
        key_ = "guest_form.saved_callback" if callback_id else "guest_form.saved"
        self.notify(t(key_), markup=False)
        self.dismiss(guest_id)
