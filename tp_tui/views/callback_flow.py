"""Calls owed: note one, and mark one returned (how did it go?)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tp_tui.domain import CONTACT_OUTCOME, CallbackOutcome, ContactKind
from tp_tui.i18n import t
from tp_tui.services.callbacks import CallbackLine, reschedule_callback
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.contact_flow import close_call, log_contact
from tp_tui.views.refresh import refresh

if TYPE_CHECKING:
    from tp_tui.app import TpApp


def register_callback(app: TpApp, participant_id: int | None = None) -> None:
    """Note a call owed (due today by default)."""
    from tp_tui.views.callback_form import CallbackFormScreen

    def saved(callback_id: int | None) -> None:
        if callback_id is not None:
            app.notify(t("callbacks.registered"), markup=False)
            refresh(app)

    app.push_screen(CallbackFormScreen(participant_id), saved)


def callback_done(app: TpApp, line: CallbackLine) -> None:
    """Returned: how did it go? Reached offers the contact form, filled in; no answer retries."""
    from tp_tui.services.callbacks import callback_version
    from tp_tui.services.conflicts import ChangedSince
    from tp_tui.views.callback_done import CallbackDone, CallbackDoneScreen
    from tp_tui.views.conflict import done_conflict_message

    # The call as it is when picked: if a colleague returns it while this one asks how it
    # went, theirs stands and this says so.
    version = callback_version(line.id)

    def answered(result: CallbackDone | None) -> None:
        if result is None:
            return
        if result.outcome == CallbackOutcome.NO_ANSWER.value and result.retry.strip():
            try:
                reschedule_callback(line.id, result.retry, app.clock, app.settings, version)
            except ValidationFailed as failed:
                error = next(iter(failed.errors.values()))
                app.notify(t(error.key, **error.params), markup=False, severity="error")
                return
            except ChangedSince as changed:
                app.notify(
                    done_conflict_message(changed), markup=False, severity="warning", timeout=12
                )
                refresh(app)
                return
            app.notify(t("callbacks.rescheduled"), markup=False)
        elif line.participant_id is not None and result.outcome != "no_answer":
            contact_outcome = CONTACT_OUTCOME[result.outcome]
            log_contact(
                app,
                line.participant_id,
                kind=ContactKind.PHONE.value,
                outcome=contact_outcome,
                answering=line.id,
                answering_version=version,
            )
            return
        elif close_call(app, line.id, result.outcome, None, version):
            app.notify(t("callbacks.closed"), markup=False)
        refresh(app)

    app.push_screen(CallbackDoneScreen(line.name, line.reason), answered)
