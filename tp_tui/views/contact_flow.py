"""Log a contact (and close the call it answered), or correct one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tp_tui.domain import CONTACT_OUTCOME, CallbackOutcome, ContactKind, ContactOutcome
from tp_tui.i18n import format_datetime, t
from tp_tui.services.callbacks import complete_callback, open_callbacks_for
from tp_tui.text import one_line
from tp_tui.views.contact_form import ContactFormScreen, ContactSaved
from tp_tui.views.refresh import refresh
from tp_tui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from tp_tui.app import TpApp

# A contact that reached the person answers the call owed; a message left answers it too.
ANSWERS = {
    ContactOutcome.REACHED.value: CallbackOutcome.REACHED.value,
    ContactOutcome.LEFT_MESSAGE.value: CallbackOutcome.LEFT_MESSAGE.value,
}
CALLBACK_OUTCOME = {contact: callback for callback, contact in CONTACT_OUTCOME.items()}


def log_contact(
    app: TpApp,
    participant_id: int | None = None,
    when: str = "",
    kind: str = ContactKind.CONVERSATION.value,
    outcome: str = ContactOutcome.REACHED.value,
    answering: int | None = None,
    round_visit_id: int | None = None,
    answering_version: int | None = None,
) -> None:
    """Open the contact form; after saving, offer to close a call it answered.

    With ``answering`` (a callback being marked returned) that call is closed either way,
    linked to the contact when one was saved, unless someone else changed it since
    ``answering_version`` (then the contact stays saved and the app says what they did).
    """

    def saved(result: ContactSaved | None) -> None:
        if answering is not None:
            logged = result.outcome if result else outcome
            how = CALLBACK_OUTCOME.get(logged, CallbackOutcome.NO_ANSWER.value)
            contact_id = result.contact_id if result else None
            if close_call(app, answering, how, contact_id, answering_version):
                app.notify(t("callbacks.closed"), markup=False)
            refresh(app)
        if result is None:
            return
        app.notify(t("contact_form.saved"), markup=False)
        refresh(app)
        answer = ANSWERS.get(result.outcome) if answering is None else None
        owed = open_callbacks_for(result.participant_id, app.clock.now()) if answer else ()
        if owed and answer:
            callback = owed[0]

            def close(yes: bool | None) -> None:
                if yes:
                    complete_callback(callback.id, answer, app.clock, result.contact_id)
                    app.notify(t("callbacks.closed"), markup=False)
                    refresh(app)
                if result.another:
                    log_contact(app, result.participant_id, when=result.when)

            question = t(
                "contact_form.close_callback",
                reason=one_line(callback.reason),
                due=format_datetime(callback.due_at),
            )
            app.push_screen(ConfirmScreen(question), close)
        elif result.another:
            log_contact(app, result.participant_id, when=result.when)

    app.push_screen(
        ContactFormScreen(
            participant_id,
            when=when,
            kind=kind,
            outcome=outcome,
            round_visit_id=round_visit_id,
            start_at="note" if answering is not None else "",
        ),
        saved,
    )


def edit_contact(app: TpApp, contact_id: int) -> None:
    def saved(result: ContactSaved | None) -> None:
        if result is not None:
            app.notify(t("contact_form.saved"), markup=False)
            refresh(app)

    app.push_screen(ContactFormScreen(contact_id=contact_id), saved)


def close_call(
    app: TpApp, callback_id: int, how: str, contact_id: int | None, version: int | None
) -> bool:
    """Mark a call returned as it was when picked; False (and the app says why) when someone
    else returned, handed over or changed it first."""
    from tp_tui.services.conflicts import ChangedSince
    from tp_tui.views.conflict import done_conflict_message

    try:
        complete_callback(callback_id, how, app.clock, contact_id, expected_version=version)
    except ChangedSince as changed:
        app.notify(done_conflict_message(changed), markup=False, severity="warning", timeout=12)
        return False
    return True
