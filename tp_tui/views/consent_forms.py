"""The consent register of one participant: the list (Enter records a new one, x withdraws the
one marked) and the form that records a consent, from the participant page or stage 1's
checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.widgets import Input

from tp_tui.consent_words import line_label, recipient_label
from tp_tui.domain import ConsentHow, ConsentScope
from tp_tui.i18n import t
from tp_tui.services import consent
from tp_tui.services.conflicts import ChangedSince
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.errors import not_saved_message
from tp_tui.views.plan_forms import PickScreen, PlanForm
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys

if TYPE_CHECKING:
    from tp_tui.app import TpApp


class ConsentForm(PlanForm):
    """Record one consent: what may be shared, with whom, from and until when, how given."""

    title_key = "consent.form_title"

    def __init__(self, participant_id: int, renew: consent.ConsentLine | None = None) -> None:
        super().__init__(participant_id)
        self.renew = renew
        """A consent from the register to renew: the new one starts with its purpose and
        recipient; the old row stays as it is."""

    def fields(self) -> ComposeResult:
        scopes = [Option(s.value, t(s.label_key), str(n)) for n, s in enumerate(ConsentScope, 1)]
        hows = with_hotkeys([(h.value, t(h.label_key)) for h in ConsentHow])
        old = self.renew
        to = "" if old is None or old.recipient == consent.GROUP else old.recipient
        scope = KeyChoice(scopes, old.scope if old else None, advance=True, id="scope")
        yield from self._row("scope", "consent.field.scope", scope)
        yield from self._row(
            "recipient",
            "consent.field.recipient",
            Input(to, id="recipient", compact=True, placeholder=t("consent.recipient_placeholder")),
        )
        today = t("consent.given_placeholder")
        yield from self._row(
            "given_on",
            "consent.field.given_on",
            Input("", id="given_on", compact=True, placeholder=today),
        )
        yield from self._row(
            "expires_on",
            "consent.field.expires_on",
            Input("", id="expires_on", compact=True, placeholder=t("consent.until_placeholder")),
        )
        how = KeyChoice(hows, id="given_how")
        yield from self._row("given_how", "consent.field.given_how", how)
        yield from self._row("note", "consent.field.note", Input("", id="note", compact=True))

    def on_mount(self) -> None:
        super().on_mount()
        self._initial = self.typed()

    def typed(self) -> consent.ConsentInput:
        return consent.ConsentInput(
            scope=self.query_one("#scope", KeyChoice).value or "",
            recipient=self.query_one("#recipient", Input).value,
            given_on=self.query_one("#given_on", Input).value,
            expires_on=self.query_one("#expires_on", Input).value,
            given_how=self.query_one("#given_how", KeyChoice).value or "",
            note=self.query_one("#note", Input).value,
        )

    def store(self) -> None:
        grant = consent.record_consent(self.participant_id, self.typed(), self.tp.clock)
        self.notify(
            t(
                "consent.saved",
                scope=t(f"consent.{grant.scope}"),
                recipient=recipient_label(grant.recipient),
            ),  # fmt: skip
            markup=False,
        )


def withdraw_safely(app: TpApp, line: consent.ConsentLine) -> bool:
    """Withdraw the consent as the list showed it (a consent changed since is not touched)."""
    if line.state != "in_force":
        app.notify(t("consent.cannot_withdraw"), markup=False, severity="warning")
        return False
    try:
        consent.withdraw_consent(line.id, app.clock, expected_version=line.version)
    except ChangedSince:  # a colleague saved it after the list was read: theirs stands
        app.notify(t("consent.changed_since"), markup=False, severity="warning")
        return False
    except ValidationFailed:
        app.notify(t("consent.cannot_withdraw"), markup=False, severity="warning")
        return False
    except Exception as error:  # never a traceback
        app.notify(not_saved_message(error), markup=False, severity="error")
        return False
    app.notify(
        t(
            "consent.withdrawn_done",
            scope=t(f"consent.{line.scope}"),
            recipient=recipient_label(line.recipient),
        ),  # fmt: skip
        markup=False,
    )
    return True


def open_register(app: TpApp, participant_id: int, after: Callable[[], None]) -> None:
    """The register as a list; a new consent and a withdrawal both come back to it."""
    lines = consent.consent_register(participant_id, app.clock.today())
    by_id = {str(line.id): line for line in lines}
    items = [(str(line.id), line_label(line)) for line in lines]

    def picked(choice: str | None) -> None:
        if choice is None:
            after()
            return
        if choice.startswith("remove:"):
            line = by_id.get(choice.split(":")[1])
            if line is not None:
                withdraw_safely(app, line)
            after()
            open_register(app, participant_id, after)
            return

        def saved(_: bool | None) -> None:
            after()
            open_register(app, participant_id, after)

        # A row of the register is renewed: a new consent beside it, the old row kept.
        app.push_screen(ConsentForm(participant_id, by_id.get(choice)), saved)

    title = t("consent.title") + " · " + t("consent.pick_help")
    app.push_screen(PickScreen(title, items, removable=True), picked)
