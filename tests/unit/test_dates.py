"""The date parser: what people type, summer/winter time, year and week boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tp_tui.clock import OSLO
from tp_tui.dates import (
    MAX_YEAR,
    MIN_YEAR,
    DateParseError,
    iso_week,
    parse_date,
    parse_datetime,
    parse_when,
    week_bounds,
)

MONDAY = datetime(2026, 11, 23, 15, 30, tzinfo=OSLO)  # week 48


@pytest.mark.parametrize(
    ("text", "prefer", "expected"),
    [
        ("i dag", "past", datetime(2026, 11, 23, 15, 30)),
        ("idag", "past", datetime(2026, 11, 23, 15, 30)),
        ("today", "past", datetime(2026, 11, 23, 15, 30)),
        ("I GÅR", "past", datetime(2026, 11, 22, 12, 0)),
        ("yesterday 9", "past", datetime(2026, 11, 22, 9, 0)),
        ("i morgen kl 10", "future", datetime(2026, 11, 24, 10, 0)),
        ("i forgårs", "past", datetime(2026, 11, 21, 12, 0)),
        ("tor 14", "past", datetime(2026, 11, 19, 14, 0)),
        ("tor 14", "future", datetime(2026, 11, 26, 14, 0)),
        ("tor 14", "nearest", datetime(2026, 11, 26, 14, 0)),
        ("ti 10:30", "past", datetime(2026, 11, 17, 10, 30)),
        ("thu 14", "future", datetime(2026, 11, 26, 14, 0)),
        ("mandag", "past", datetime(2026, 11, 23, 15, 30)),
        ("man", "future", datetime(2026, 11, 23, 15, 30)),
        ("søndag 20", "nearest", datetime(2026, 11, 29, 20, 0)),
        ("25.11", "nearest", datetime(2026, 11, 25, 12, 0)),
        ("25.11.", "nearest", datetime(2026, 11, 25, 12, 0)),
        ("25/11", "nearest", datetime(2026, 11, 25, 12, 0)),
        ("25.11.2026 09:30", "nearest", datetime(2026, 11, 25, 9, 30)),
        ("25.11.26 0930", "nearest", datetime(2026, 11, 25, 9, 30)),
        ("25.11 kl. 9.30", "nearest", datetime(2026, 11, 25, 9, 30)),
        ("2026-11-25", "nearest", datetime(2026, 11, 25, 12, 0)),
        ("1.2", "nearest", datetime(2027, 2, 1, 12, 0)),
        ("+2", "nearest", datetime(2026, 11, 25, 12, 0)),
        ("-1", "nearest", datetime(2026, 11, 22, 12, 0)),
        ("+ 3", "nearest", datetime(2026, 11, 26, 12, 0)),
        ("+2u", "nearest", datetime(2026, 12, 7, 12, 0)),
        ("14:30", "nearest", datetime(2026, 11, 23, 14, 30)),
        ("14.00", "nearest", datetime(2026, 11, 23, 14, 0)),
        ("9.30", "nearest", datetime(2026, 11, 23, 9, 30)),
        ("kl 9", "nearest", datetime(2026, 11, 23, 9, 0)),
        ("  nå ", "nearest", datetime(2026, 11, 23, 15, 30)),
    ],
)
def test_what_people_type(text: str, prefer: str, expected: datetime) -> None:
    assert parse_datetime(text, MONDAY, prefer) == expected.replace(tzinfo=OSLO)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("", "date.error.empty"),
        ("   ", "date.error.empty"),
        ("31.02", "date.error.no_such_date"),
        ("29.02.2027", "date.error.no_such_date"),
        ("00.11", "date.error.no_such_date"),
        ("32.13", "date.error.no_such_date"),
        ("25.11.1999", "date.error.year_range"),
        ("25.11.2100", "date.error.year_range"),
        ("24:00", "date.error.no_such_time"),
        ("tor 25:61", "date.error.no_such_time"),
        ("+9999", "date.error.out_of_range"),
        ("neste uke", "date.error.unknown"),
        ("i dag kanskje", "date.error.unknown"),
    ],
)
def test_bad_input_gives_a_clear_key(text: str, key: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime(text, MONDAY)
    assert caught.value.key == key


def test_leap_day_is_fine_in_a_leap_year() -> None:
    assert parse_date("29.02.2028", MONDAY.date()) == date(2028, 2, 29)


def test_date_field_refuses_a_time() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("25.11 14:00", MONDAY.date())
    assert caught.value.key == "date.error.no_time_here"


def test_default_time_is_used_when_none_is_typed() -> None:
    assert parse_datetime("+1", MONDAY, default_time=time(15, 30)).time() == time(15, 30)


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [
        (datetime(2026, 12, 30, 12, 0, tzinfo=OSLO), "2.1", date(2027, 1, 2)),
        (datetime(2027, 1, 2, 12, 0, tzinfo=OSLO), "30.12", date(2026, 12, 30)),
        (datetime(2026, 12, 31, 23, 59, tzinfo=OSLO), "+1", date(2027, 1, 1)),
        (datetime(2027, 1, 1, 0, 1, tzinfo=OSLO), "i går", date(2026, 12, 31)),
    ],
)
def test_year_boundaries(now: datetime, text: str, expected: date) -> None:
    assert parse_when(text, now).day == expected


def test_iso_weeks_at_the_year_boundary() -> None:
    assert iso_week(date(2026, 12, 31)) == (2026, 53)
    assert iso_week(date(2027, 1, 1)) == (2026, 53)
    assert iso_week(date(2027, 1, 4)) == (2027, 1)
    assert week_bounds(date(2026, 11, 26)) == (date(2026, 11, 23), date(2026, 11, 29))


def test_summer_and_winter_time() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime("29.03.2026 02:30", MONDAY)
    assert caught.value.key == "date.error.no_such_time"
    autumn = parse_datetime("25.10.2026 02:30", MONDAY)
    assert autumn.fold == 0 and autumn.utcoffset() == timedelta(hours=2)
    assert parse_datetime("30.03.2026 12:00", MONDAY).utcoffset() == timedelta(hours=2)
    assert parse_datetime("23.11.2026 12:00", MONDAY).utcoffset() == timedelta(hours=1)


def test_now_in_another_zone_is_read_as_oslo_time() -> None:
    utc_evening = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # already 00:30 in Oslo
    assert parse_when("i dag", utc_evening).day == date(2026, 11, 24)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=30))
def test_any_text_parses_or_gives_a_clear_message(text: str) -> None:
    try:
        moment = parse_datetime(text, MONDAY)
    except DateParseError as error:
        assert error.key.startswith("date.error.")
        return
    assert MIN_YEAR <= moment.year <= MAX_YEAR
    assert moment.tzinfo is not None


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(
        r"[+\-]?\s?\d{1,25}([./:]\d{1,25}){0,2}( (kl\.? )?\d{1,6}([:.]\d{1,4})?)?", fullmatch=True
    )
)
def test_number_shaped_text_never_crashes(text: str) -> None:
    try:
        parse_datetime(text, MONDAY, "past")
    except DateParseError:
        pass
