"""Every parser and form check: any input gives a value or a message, never an exception."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tp_tui.clock import OSLO
from tp_tui.dates import DateParseError, time_of_day, weekday_number
from tp_tui.services.callback_list import parse_week
from tp_tui.services.contacts import parse_duration
from tp_tui.services.participants import ParticipantInput, validate
from tp_tui.services.validation import ValidationFailed
from tp_tui.text import clean as safe_text

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
typed = st.text(max_size=40)


@settings(max_examples=300, deadline=None)
@given(typed)
def test_duration(text: str) -> None:
    try:
        minutes = parse_duration(text)
    except ValueError:
        return
    assert minutes is None or 0 < minutes <= 24 * 60


@settings(max_examples=300, deadline=None)
@given(typed)
def test_time_of_day_and_weekday(text: str) -> None:
    moment = time_of_day(text)
    assert moment is None or (0 <= moment.hour <= 23)
    number = weekday_number(text)
    assert number is None or 0 <= number <= 6


@settings(max_examples=300, deadline=None)
@given(typed)
def test_week(text: str) -> None:
    try:
        year, week = parse_week(text, NOW.date())
    except DateParseError as error:
        assert error.key
        return
    assert 2000 <= year <= 2099 and 1 <= week <= 53
    assert date.fromisocalendar(year, week, 1)


@settings(max_examples=300, deadline=None)
@given(typed, typed, typed, typed)
def test_participant_form(name: str, phone: str, intake: str, first: str) -> None:
    try:
        clean = validate(
            ParticipantInput(name=name, phone=phone, intake=intake, first_contact=first), NOW.date()
        )
    except ValidationFailed as failed:
        assert failed.errors and all(error.key for error in failed.errors.values())
        return
    # The name as typed, less any terminal control (never stored).
    assert clean.name == safe_text(name).strip() and clean.name
