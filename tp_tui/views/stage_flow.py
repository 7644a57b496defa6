"""A participant's stage: move them on (confirming an early close), or reopen a closed one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tp_tui.domain import Stage
from tp_tui.i18n import t
from tp_tui.services.validation import ValidationFailed
from tp_tui.views.refresh import refresh
from tp_tui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from tp_tui.app import TpApp


def change_stage(app: TpApp, participant_id: int) -> None:
    """Ask for the new stage; explain what is wrong and keep what was typed; confirm early close."""
    from tp_tui.services import process
    from tp_tui.services.participants import get_participant
    from tp_tui.views.stage_form import StageChange, StageFormScreen

    participant = get_participant(participant_id)
    if participant is None:  # gone since the page was drawn (erased elsewhere)
        return
    current = process.current_record(participant_id)
    current_stage = Stage(current.stage) if current else None

    def save(change: StageChange, confirmed: bool = False) -> None:
        try:
            process.change_stage(
                participant_id,
                change.stage,
                change.on,
                change.reason,
                app.clock,
                change.closing_reason,
                confirm_early=confirmed,
            )
        except process.EarlyClose as early:
            question = t("stage_form.early_close", days=early.days)

            def answered(yes: bool | None) -> None:
                if yes:
                    save(change, True)
                else:  # not closing after all: back to the form as it was typed
                    app.push_screen(
                        StageFormScreen(participant.name, current_stage, typed=change), chosen
                    )

            app.push_screen(ConfirmScreen(question), answered)
            return
        except ValidationFailed as failed:
            errors = {f: t(e.key, **e.params) for f, e in failed.errors.items()}
            app.push_screen(
                StageFormScreen(participant.name, current_stage, errors, change), chosen
            )
            return
        app.notify(t("stage_form.saved", stage=t(change.stage.label_key)), markup=False)
        refresh(app)

    def chosen(change: StageChange | None) -> None:
        if change is not None:
            save(change)

    app.push_screen(StageFormScreen(participant.name, current_stage), chosen)


def reopen(app: TpApp, participant_id: int) -> None:
    from tp_tui.services import process

    def answer(yes: bool | None) -> None:
        if not yes:
            return
        try:
            process.reopen(participant_id, "", "", app.clock)
        except ValidationFailed as failed:
            error = next(iter(failed.errors.values()))
            app.notify(t(error.key, **error.params), markup=False, severity="warning")
            return
        app.notify(t("process.reopened"), markup=False)
        refresh(app)

    app.push_screen(ConfirmScreen(t("process.reopen_question")), answer)
