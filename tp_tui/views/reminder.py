"""The reminder before the day ends, in the open app: which calls are still owed today, with
the terminal bell and, where the terminal shows them, a desktop notification (a count only)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tp_tui.i18n import t
from tp_tui.services.reminder import notification_sequence, reminder_due, still_owed_today
from tp_tui.services.team import is_single_user, my_id
from tp_tui.text import one_line

if TYPE_CHECKING:
    from tp_tui.app import TpApp

# The names in the app's message; more are counted.
NAMED = 5


def remind_if_due(app: TpApp) -> None:
    """Called every minute; gives the day's reminder once, when its time has come."""
    now = app.clock.now()
    if app.locked or not reminder_due(now, app.settings, app.reminded_on):
        return  # locked: nothing is shown over the lock screen; it comes after unlocking
    app.reminded_on = now.date()
    owed = still_owed_today(now, None if is_single_user() else my_id())
    if not owed:
        return
    names = ", ".join(one_line(line.name) for line in owed[:NAMED])
    if len(owed) > NAMED:
        names += " " + t("reminder.more", count=len(owed) - NAMED)
    app.notify(
        t("reminder.message", count=len(owed), names=names, end=app.settings.workday_end),
        title=t("reminder.title"),
        markup=False,
        severity="warning",
        timeout=60,
    )
    app.bell()
    sequence = notification_sequence(t("reminder.desktop", count=len(owed)), os.environ)
    if sequence is not None:
        app.send_to_terminal(sequence)
