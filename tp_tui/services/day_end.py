"""Closing the day: what is still open before the trust person goes home."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tp_tui.services.callbacks import CallbackLine, due_callbacks, returned_today
from tp_tui.services.today import RoundStatus, contacts_today, week_rounds


@dataclass(frozen=True)
class DayEnd:
    callbacks_open: tuple[CallbackLine, ...]
    rounds_missing: tuple[RoundStatus, ...]
    contacts_logged: int
    callbacks_returned: int

    @property
    def all_done(self) -> bool:
        return not self.callbacks_open and not self.rounds_missing


def day_end(now: datetime, mine: int | None = None) -> DayEnd:
    """Calls owed by today and not returned, and rounds whose day has come but are not logged;
    with ``mine``, the calls and contacts of that trust person only, as Today shows them."""
    missing = tuple(
        status
        for status in week_rounds(now)
        if not status.visited and status.planned_on <= now.date() and status.missing_after_planned
    )
    return DayEnd(
        callbacks_open=due_callbacks(now, mine=mine),
        rounds_missing=missing,
        contacts_logged=len(contacts_today(now, mine=mine)),
        callbacks_returned=returned_today(now, mine),
    )
