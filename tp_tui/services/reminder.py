"""Before the day ends, a reminder of the calls still owed: the programme's promise is that
every call is returned the same day, and the end of the working day is when it is broken.

Plain rules, for the app's timer and for tests: when the reminder is due (once a day, from
``remind_before_minutes`` before ``workday_end`` until the end of the day), and which calls it
names (mine on a team's database, as Today shows them).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from tp_tui.clock import OSLO
from tp_tui.services.callbacks import CallbackLine, due_callbacks
from tp_tui.settings import Settings


def reminder_time(day: date, settings: Settings) -> datetime | None:
    """When the reminder for ``day`` is due; None when reminders are off (0 minutes)."""
    if settings.remind_before_minutes <= 0:
        return None
    end = datetime.combine(day, settings.workday_end_time, OSLO)
    return end - timedelta(minutes=settings.remind_before_minutes)


def reminder_due(now: datetime, settings: Settings, reminded_on: date | None) -> bool:
    """The reminder should be given now: its time today has come, it was not given today, and
    the working day is not over (an app opened in the evening does not ring)."""
    local = now.astimezone(OSLO)
    due = reminder_time(local.date(), settings)
    if due is None or reminded_on == local.date():
        return False
    end = datetime.combine(local.date(), settings.workday_end_time, OSLO)
    return due <= local < end


def still_owed_today(now: datetime, mine: int | None) -> tuple[CallbackLine, ...]:
    """The calls owed by the end of today (overdue too), not yet returned."""
    return due_callbacks(now, mine=mine)


def notification_sequence(count_text: str, env: Mapping[str, str]) -> str | None:
    """The escape sequence that shows a desktop notification in this terminal, or None where
    the terminal is not known to show one (nothing is written there).

    Only a count goes in: notifications show on lock screens. OSC 9 is iTerm2's (also WezTerm,
    Ghostty, Windows Terminal); OSC 777 is the notify extension of VTE terminals, foot and
    urxvt. Inside tmux or screen neither reaches the terminal, so nothing is sent.
    """
    if env.get("TMUX") or env.get("STY"):
        return None
    text = "".join(ch for ch in count_text if ch.isprintable() and ch not in "\x1b\x07;")
    program = env.get("TERM_PROGRAM", "")
    if program in ("iTerm.app", "WezTerm", "ghostty") or env.get("WT_SESSION"):
        return f"\x1b]9;{text}\x07"
    term = env.get("TERM", "")
    if env.get("VTE_VERSION") or term.startswith(("foot", "rxvt-unicode")):
        return f"\x1b]777;notify;tp-tui;{text}\x07"
    return None
