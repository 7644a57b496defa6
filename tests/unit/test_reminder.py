"""The reminder before the day ends: when it is due, which calls it names, what reaches the
terminal (a count only, and only where a notification is shown)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.services.callbacks import CallbackInput, complete_callback, register_callback
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.reminder import (
    notification_sequence,
    reminder_due,
    reminder_time,
    still_owed_today,
)
from tp_tui.settings import Settings

DAY = date(2026, 11, 26)


def at(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, datetime.min.time(), OSLO).replace(hour=hour, minute=minute)


@pytest.mark.parametrize(
    ("now", "reminded_on", "due"),
    [
        (at(14, 29), None, False),  # before 15:30 less an hour
        (at(14, 30), None, True),
        (at(15, 29), None, True),
        (at(15, 30), None, False),  # the working day is over: an app opened now does not ring
        (at(14, 45), DAY, False),  # once a day
        (at(14, 45), date(2026, 11, 25), True),
    ],
)
def test_the_reminder_is_due_once_in_the_last_hour(
    now: datetime, reminded_on: date | None, due: bool
) -> None:
    assert reminder_due(now, Settings(), reminded_on) is due


def test_the_time_follows_the_settings_and_zero_turns_it_off() -> None:
    settings = Settings(workday_end="16:00", remind_before_minutes=30)
    assert reminder_time(DAY, settings) == at(15, 30)
    assert reminder_time(DAY, Settings(remind_before_minutes=0)) is None
    assert not reminder_due(at(15, 0), Settings(remind_before_minutes=0), None)


def test_it_names_the_calls_still_owed_today_not_the_returned(
    db_path: Path, clock: FrozenClock
) -> None:
    kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
    ola = add_participant(ParticipantInput(name="Ola Nordmann"), clock)
    settings = Settings()
    register_callback(CallbackInput(kari.id, "Om husleia"), clock, settings)
    done = register_callback(CallbackInput(ola.id, "Om NAV"), clock, settings)
    register_callback(CallbackInput(ola.id, "Neste uke", "03.12.2026 10:00"), clock, settings)
    complete_callback(done.id, "reached", clock)
    assert [line.name for line in still_owed_today(at(14, 30), None)] == ["Kari Nordmann"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"TERM_PROGRAM": "iTerm.app"}, "\x1b]9;2 owed\x07"),
        ({"WT_SESSION": "x"}, "\x1b]9;2 owed\x07"),
        ({"VTE_VERSION": "7200"}, "\x1b]777;notify;tp-tui;2 owed\x07"),
        ({"TERM": "foot"}, "\x1b]777;notify;tp-tui;2 owed\x07"),
        ({"TERM": "xterm-256color"}, None),  # not known to show one: nothing is written
        ({"TERM_PROGRAM": "iTerm.app", "TMUX": "/tmp/tmux"}, None),
    ],
)
def test_the_desktop_notification_only_where_the_terminal_shows_one(
    env: dict[str, str], expected: str | None
) -> None:
    assert notification_sequence("2 owed", env) == expected


def test_the_notification_text_cannot_end_the_sequence() -> None:
    assert notification_sequence("2\x07 owed\x1b]0;x", {"TERM_PROGRAM": "WezTerm"}) == (
        "\x1b]9;2 owed]0x\x07"
    )
