"""Erase a participant from the app: the name typed, then the older copies offered for purging."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from tp_tui.i18n import t
from tp_tui.views.background import run_slow
from tp_tui.views.refresh import refresh
from tp_tui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from tp_tui.app import TpApp

PURGING = "purge"  # the job: overwrite and remove the copies made before an erasure


def erase_participant(app: TpApp, participant_id: int) -> None:
    """Erase after the name is typed; then offer to purge backups made before."""
    from tp_tui.erasure_words import result_message
    from tp_tui.services.backup_purge import backups_older_than, current_server_url, purge_files
    from tp_tui.services.erasure import ErasureResult
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

            def purged(removed: int) -> None:
                app.notify(t("erase.backups_purged", count=removed), markup=False)

            def purging(busy: bool) -> None:
                if busy:
                    app.notify(t("erase.purging"), markup=False, timeout=3)

            def purge(yes: bool | None) -> None:
                if yes:  # every byte of each file overwritten: seconds for a big backup
                    work = partial(purge_files, participant_id, older, result.erased_at)
                    run_slow(app, PURGING, work, purged, busy=purging)

            app.push_screen(ConfirmScreen(t("erase.tui_purge", count=len(older))), purge)

    app.push_screen(EraseScreen(participant_id), done)
