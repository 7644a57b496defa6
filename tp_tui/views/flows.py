"""The end-of-day flows that span screens: log a contact (and close the call it answered),
register a call owed, mark one returned, undo the last change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tp_tui.domain import CONTACT_OUTCOME, CallbackOutcome, ContactKind, ContactOutcome, Stage
from tp_tui.i18n import catalogue, format_datetime, t
from tp_tui.services.callbacks import (
    CallbackLine,
    complete_callback,
    open_callbacks_for,
    reschedule_callback,
)
from tp_tui.services.undo import undo_last
from tp_tui.services.validation import ValidationFailed
from tp_tui.text import one_line
from tp_tui.views.contact_form import ContactFormScreen, ContactSaved
from tp_tui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from tp_tui.app import TpApp
    from tp_tui.export.deliver import Delivered

# A contact that reached the person answers the call owed; a message left answers it too.
ANSWERS = {
    ContactOutcome.REACHED.value: CallbackOutcome.REACHED.value,
    ContactOutcome.LEFT_MESSAGE.value: CallbackOutcome.LEFT_MESSAGE.value,
}
CALLBACK_OUTCOME = {contact: callback for callback, contact in CONTACT_OUTCOME.items()}


def refresh(app: TpApp) -> None:
    """Reload what the current screen shows after a change made elsewhere."""
    load = getattr(app.screen, "load", None)
    if callable(load):
        load()


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
            if _close_call(app, answering, how, contact_id, answering_version):
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


def register_callback(app: TpApp, participant_id: int | None = None) -> None:
    """Note a call owed (due today by default)."""
    from tp_tui.views.callback_form import CallbackFormScreen

    def saved(callback_id: int | None) -> None:
        if callback_id is not None:
            app.notify(t("callbacks.registered"), markup=False)
            refresh(app)

    app.push_screen(CallbackFormScreen(participant_id), saved)


def _close_call(
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
        elif _close_call(app, line.id, result.outcome, None, version):
            app.notify(t("callbacks.closed"), markup=False)
        refresh(app)

    app.push_screen(CallbackDoneScreen(line.name, line.reason), answered)


def close_day(app: TpApp) -> None:
    """Show what is still open today; go to the callbacks from there with one key."""
    from tp_tui.services.day_end import day_end
    from tp_tui.views.close_day import CloseDayScreen

    def chosen(where: str | None) -> None:
        if where == "callbacks":
            app.switch_mode("callbacks")

    from tp_tui.services.team import my_id

    # What Today shows: mine, or the team's when Today was switched to the team (key t).
    mine = None if app.today_team else my_id()
    app.push_screen(CloseDayScreen(day_end(app.clock.now(), mine)), chosen)


def change_stage(app: TpApp, participant_id: int) -> None:
    """Ask for the new stage; explain what is wrong and keep what was typed; confirm early close."""
    from tp_tui.models import Participant
    from tp_tui.services import process
    from tp_tui.views.stage_form import StageChange, StageFormScreen

    participant = Participant.get_by_id(participant_id)
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


def deliver_export(
    app: TpApp,
    data: str | bytes,
    path: Path,
    to_printer: bool,
    done: Callable[[Delivered], None],
    force: bool = False,
) -> None:
    """Write (asking before overwriting) and print; say plainly where the file is. ``done``
    gets what really happened (the file, and whether the printer took it)."""
    from tp_tui.export.deliver import deliver
    from tp_tui.export.files import ExportExists

    try:
        delivered = deliver(data, path, force=force, to_printer=to_printer)
    except ExportExists:
        question = t("export.overwrite", path=str(path))
        app.push_screen(
            ConfirmScreen(question),
            lambda yes: deliver_export(app, data, path, to_printer, done, True) if yes else None,
        )
        return
    except OSError as error:
        app.notify(
            t("cli.error.cannot_write", path=str(path), reason=error.strerror or ""),
            markup=False,
            severity="error",
        )
        return
    app.notify(t("cli.written", path=str(delivered.path)), markup=False)
    if delivered.printed is not None:
        app.notify(
            delivered.printed.message(),
            markup=False,
            timeout=10,
            severity="information" if delivered.printed.ok else "warning",
        )
    done(delivered)


def export_callback_list(app: TpApp, team: bool = False) -> None:
    """The week's callback list: format, week, initials, file, printer; my calls unless
    ``team`` (the Callbacks screen passes what it shows)."""
    from tp_tui.dates import DateParseError
    from tp_tui.export import callback_list as render
    from tp_tui.export.deliver import exports_dir
    from tp_tui.services.callback_list import callback_week, list_owner, parse_week
    from tp_tui.views.export_dialog import ExportDialog, ExportRequest

    now = app.clock.now()
    year, week = now.isocalendar().year, now.isocalendar().week
    suffix = {"pdf": "pdf", "html": "html", "text": "txt", "ics": "ics"}
    paths = {
        fmt: str(exports_dir() / f"ringeliste-{year}-W{week:02d}.{ext}")
        for fmt, ext in suffix.items()
    }

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        try:
            iso_year, iso_week = parse_week(request.week or None, now.date())
        except DateParseError as error:
            app.notify(t(error.key, **error.params), markup=False, severity="error")
            return
        sheet = callback_week(
            iso_year,
            iso_week,
            now,
            initials="initials" in request.options,
            mine=list_owner(team),
        )
        renderers: dict[str, Callable[[Any], str | bytes]] = {
            "pdf": render.render_pdf,
            "html": render.render_html,
            "text": render.render_text,
            "ics": render.render_ics,
        }
        data = renderers[request.fmt](sheet)
        deliver_export(
            app, data, Path(request.path).expanduser(), "print" in request.options, lambda _: None
        )

    formats = [
        ("pdf", "PDF"),
        ("html", "HTML"),
        ("text", t("export.format_text")),
        ("ics", t("export.format_ics")),
    ]
    options = [("print", t("export.option_print")), ("initials", t("export.option_initials"))]
    app.push_screen(
        ExportDialog(t("export.callbacks_title"), formats, options, paths, with_week=True), chosen
    )


def export_summary(app: TpApp, participant_id: int) -> None:
    """The summary for a responsibility-group meeting; recorded on the participant."""
    from tp_tui.export import summary as render
    from tp_tui.export.deliver import exports_dir
    from tp_tui.services.summary import participant_summary, record_export, record_print
    from tp_tui.views.export_dialog import ExportDialog, ExportRequest

    now = app.clock.now()
    # No name in the file name: the file list of a shared folder says nothing about anyone.
    stem = f"utdrag-{participant_id}-{now.strftime('%Y%m%d')}"
    paths = {fmt: str(exports_dir() / f"{stem}.{fmt}") for fmt in ("pdf", "html", "md")}

    def chosen(request: ExportRequest | None) -> None:
        if request is None:
            return
        summary = participant_summary(
            participant_id, now, since=request.since, include_notes="notes" in request.options
        )
        if "notes" in request.options and not summary.include_notes:
            app.notify(t("consent.notes_left_out"), markup=False, severity="warning", timeout=10)
        renderers: dict[str, Callable[[Any], str | bytes]] = {
            "pdf": render.render_pdf,
            "html": render.render_html,
            "md": render.render_markdown,
        }
        data = renderers[request.fmt](summary)

        def recorded(delivered: Delivered) -> None:
            record_export(participant_id, "summary", request.fmt, app.clock)
            if delivered.printed is not None:
                record_print(participant_id, delivered.printed.ok, app.clock)
            refresh(app)

        deliver_export(
            app, data, Path(request.path).expanduser(), "print" in request.options, recorded
        )

    formats = [("pdf", "PDF"), ("html", "HTML"), ("md", "Markdown")]
    options = [("print", t("export.option_print")), ("notes", t("export.option_notes"))]
    dialog = ExportDialog(t("export.summary_title"), formats, options, paths, with_since=True)
    app.push_screen(dialog, chosen)


def erase_participant(app: TpApp, participant_id: int) -> None:
    """Erase after the name is typed; then offer to purge backups made before."""
    from tp_tui.services.erasure import (
        ErasureResult,
        backups_older_than,
        current_server_url,
        purge_files,
        result_message,
    )
    from tp_tui.views.erase_form import EraseScreen

    def done(result: ErasureResult | None) -> None:
        if result is None:
            app.notify(t("erase.cancelled"), markup=False)
            return
        total = sum(result.counts.values())
        app.notify(
            result_message(result, participant_id, total),
            markup=False,
            severity="information" if result.scrubbed else "warning",
            timeout=8 if result.scrubbed else 15,
        )

        def leave_page() -> None:
            from tp_tui.views.participant_detail import ParticipantDetailScreen

            if isinstance(app.screen, ParticipantDetailScreen):
                app.pop_screen()  # the erased participant's page has nothing left to show
            refresh(app)

        app.call_after_refresh(leave_page)
        # On a server, the pg_dump files tp made of it (app.db_path is None there).
        location = app.db_path or current_server_url()
        older = backups_older_than(location, result.erased_at) if location else []
        older += [path for path in result.files if path not in older]  # exports tp wrote
        if older:

            def purge(yes: bool | None) -> None:
                if yes:
                    removed = purge_files(participant_id, older, result.erased_at)
                    app.notify(t("erase.backups_purged", count=removed), markup=False)

            app.push_screen(ConfirmScreen(t("erase.tui_purge", count=len(older))), purge)

    app.push_screen(EraseScreen(participant_id), done)
