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
    ParsedWhen,
    Prefer,
    iso_week,
    parse_date,
    parse_datetime,
    parse_when,
    week_bounds,
)

MONDAY = datetime(2026, 11, 23, 15, 30, tzinfo=OSLO)  # ISO week 48
THURSDAY = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


def at(day: int, month: int, hour: int = 12, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relative words; without a typed time today takes now's time, other days noon
        ("i dag", at(23, 11, 15, 30)),
        ("idag", at(23, 11, 15, 30)),
        ("today", at(23, 11, 15, 30)),
        ("Today.", at(23, 11, 15, 30)),
        ("I GÅR", at(22, 11)),
        ("igår", at(22, 11)),
        ("i gar", at(22, 11)),
        ("igar", at(22, 11)),
        ("yesterday", at(22, 11)),
        ("i forgårs", at(21, 11)),
        ("iforgårs", at(21, 11)),
        ("i forgars", at(21, 11)),
        ("i morgen", at(24, 11)),
        ("imorgen", at(24, 11)),
        ("tomorrow", at(24, 11)),
        ("i overmorgen", at(25, 11)),
        ("overmorgen", at(25, 11)),
        ("  i    morgen  ", at(24, 11)),
        ("i\u00a0dag", at(23, 11, 15, 30)),
        ("i ga\u030ar", at(22, 11)),  # decomposed å, as macOS types it
        ("nå", at(23, 11, 15, 30)),
        ("na", at(23, 11, 15, 30)),
        ("NOW", at(23, 11, 15, 30)),
        # offsets
        ("+2", at(25, 11)),
        ("-1", at(22, 11)),
        ("+ 3", at(26, 11)),
        ("- 3", at(20, 11)),
        ("+2u", at(7, 12)),
        ("+2w", at(7, 12)),
        ("-1u", at(16, 11)),
        ("+0", at(23, 11, 15, 30)),
        ("+3660", at(30, 11, year=2036)),  # 3653 days (three leap days) + 7
        ("+1 9:15", at(24, 11, 9, 15)),
        # numeric dates
        ("25.11", at(25, 11)),
        ("25.11.", at(25, 11)),
        ("25.11.26", at(25, 11)),
        ("25.11.2026", at(25, 11)),
        ("25/11", at(25, 11)),
        ("25/11/2026", at(25, 11)),
        ("2026-11-25", at(25, 11)),
        ("1.2", at(1, 2, year=2027)),
        ("1.1", at(1, 1, year=2027)),
        ("30.6", at(30, 6)),
        ("23.11", at(23, 11, 15, 30)),
        ("1.2.27", at(1, 2, year=2027)),
        # dates with a time
        ("25.11.2026 09:30", at(25, 11, 9, 30)),
        ("25.11.26 0930", at(25, 11, 9, 30)),
        ("25.11 kl. 9.30", at(25, 11, 9, 30)),
        ("25.11. kl 14", at(25, 11, 14, 0)),
        ("25/11 14.00", at(25, 11, 14, 0)),
        ("2026-11-25 14:00", at(25, 11, 14, 0)),
        ("i morgen kl 10", at(24, 11, 10, 0)),
        ("i går kl.9", at(22, 11, 9, 0)),
        ("yesterday 9", at(22, 11, 9, 0)),
        ("i dag 0", at(23, 11, 0, 0)),
        ("+2 23:59", at(25, 11, 23, 59)),
        ("tor. 14", at(26, 11, 14, 0)),
        # a time alone is today
        ("14", at(23, 11, 14, 0)),
        ("14:30", at(23, 11, 14, 30)),
        ("14.00", at(23, 11, 14, 0)),
        ("14.00.", at(23, 11, 14, 0)),
        ("1400", at(23, 11, 14, 0)),
        ("9:30", at(23, 11, 9, 30)),
        ("9.30", at(23, 11, 9, 30)),
        ("0930", at(23, 11, 9, 30)),
        ("930", at(23, 11, 9, 30)),
        ("14.13", at(23, 11, 14, 13)),
        ("kl 9", at(23, 11, 9, 0)),
        ("KL. 9.30", at(23, 11, 9, 30)),
        ("kl14", at(23, 11, 14, 0)),
    ],
)
def test_what_people_type(text: str, expected: datetime) -> None:
    assert parse_datetime(text, MONDAY) == expected


WEEKDAY_NAMES = [
    ("mandag man ma monday mon mo", 0),
    ("tirsdag tir ti tuesday tue tu", 1),
    ("onsdag ons on wednesday wed we", 2),
    ("torsdag tor to thursday thu th", 3),
    ("fredag fre fr friday fri", 4),
    ("lørdag lør lø lordag lor saturday sat sa", 5),
    ("søndag søn sø sondag son sunday sun su", 6),
]


@pytest.mark.parametrize(
    ("name", "number"),
    [(name, number) for names, number in WEEKDAY_NAMES for name in names.split()],
)
def test_every_weekday_name(name: str, number: int) -> None:
    # Monday 23.11: nearest is this ISO week, future includes today, past is back to 17.11.
    assert parse_date(name, MONDAY.date()) == date(2026, 11, 23 + number)
    assert parse_date(name.upper(), MONDAY.date(), "future") == date(2026, 11, 23 + number)
    past = date(2026, 11, 23) if number == 0 else date(2026, 11, 16 + number)
    assert parse_date(name, MONDAY.date(), "past") == past


@pytest.mark.parametrize(
    ("text", "prefer", "expected"),
    [
        ("tor 14", "past", at(26, 11, 14)),  # today is Thursday: today in every mode
        ("tor 14", "future", at(26, 11, 14)),
        ("tor 14", "nearest", at(26, 11, 14)),
        ("torsdag", "past", at(26, 11, 10)),
        ("ons", "past", at(25, 11)),
        ("ons", "future", at(2, 12)),
        ("ons", "nearest", at(25, 11)),
        ("fre", "past", at(20, 11)),
        ("fre", "future", at(27, 11)),
        ("fre", "nearest", at(27, 11)),
        ("man 8", "nearest", at(23, 11, 8)),
        ("søn 20:15", "nearest", at(29, 11, 20, 15)),
        ("sunday", "past", at(22, 11)),
    ],
)
def test_weekdays_follow_the_preference(text: str, prefer: Prefer, expected: datetime) -> None:
    assert parse_datetime(text, THURSDAY, prefer) == expected


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        ("", "date.error.empty", {}),
        ("   ", "date.error.empty", {}),
        (".", "date.error.empty", {}),
        ("31.02", "date.error.no_such_date", {"day": 31, "month": 2}),
        ("29.02", "date.error.no_such_date", {"day": 29, "month": 2}),
        ("00.11", "date.error.no_such_date", {"day": 0, "month": 11}),
        ("25.13", "date.error.no_such_date", {"day": 25, "month": 13}),
        ("14/00", "date.error.no_such_date", {"day": 14, "month": 0}),
        ("29.02.2027", "date.error.no_such_date", {"day": 29, "month": 2, "year": 2027}),
        ("31.04.26", "date.error.no_such_date", {"day": 31, "month": 4, "year": 2026}),
        ("2026-13-01", "date.error.no_such_date", {"day": 1, "month": 13, "year": 2026}),
        ("25.11.1999", "date.error.year_range", {"min": 2000, "max": 2099}),
        ("25.11.2100", "date.error.year_range", {"min": 2000, "max": 2099}),
        ("1999-01-01", "date.error.year_range", {"min": 2000, "max": 2099}),
        ("1.2.3", "date.error.year_range", {"min": 2000, "max": 2099}),
        ("1.2.99999999999", "date.error.year_range", {"min": 2000, "max": 2099}),
        ("24:00", "date.error.no_such_time", {}),
        ("9:60", "date.error.no_such_time", {}),
        ("2460", "date.error.no_such_time", {}),
        ("tor 25:61", "date.error.no_such_time", {}),
        ("25.11 kl 24", "date.error.no_such_time", {}),
        ("+3661", "date.error.out_of_range", {}),
        ("-3661", "date.error.out_of_range", {}),
        ("+523u", "date.error.out_of_range", {}),
        ("+99999999999999999999", "date.error.out_of_range", {}),
        ("neste uke", "date.error.unknown", {"text": "neste uke"}),
        ("  i dag kanskje ", "date.error.unknown", {"text": "i dag kanskje"}),
        ("99999999999.1", "date.error.unknown", {"text": "99999999999.1"}),
        ("kl", "date.error.unknown", {"text": "kl"}),
        ("٢٥.١١", "date.error.unknown", {"text": "٢٥.١١"}),  # Arabic-Indic digits
        ("25.11/2026", "date.error.unknown", {"text": "25.11/2026"}),
    ],
)
def test_bad_input_gives_a_key_and_params(text: str, key: str, params: dict[str, object]) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime(text, MONDAY)
    assert caught.value.key == key
    assert caught.value.params == params
    assert str(caught.value) == key


def test_leap_day_is_fine_in_a_leap_year() -> None:
    assert parse_date("29.02.2028", MONDAY.date()) == date(2028, 2, 29)
    assert parse_date("29.02", date(2027, 11, 1)) == date(2028, 2, 29)


def test_parse_when_keeps_the_time_apart() -> None:
    assert parse_when("25.11", MONDAY) == ParsedWhen(date(2026, 11, 25), None)
    assert parse_when("25.11 14", MONDAY) == ParsedWhen(date(2026, 11, 25), time(14, 0))
    assert parse_when("now", MONDAY) == ParsedWhen(date(2026, 11, 23), time(15, 30))


def test_date_field_refuses_a_time() -> None:
    assert parse_date("25.11", MONDAY.date()) == date(2026, 11, 25)
    assert parse_date("nå", MONDAY.date()) == date(2026, 11, 23)
    for text in ("25.11 14:00", "14:00", "i dag kl 9"):
        with pytest.raises(DateParseError) as caught:
            parse_date(text, MONDAY.date())
        assert caught.value.key == "date.error.no_time_here"


def test_time_when_none_is_typed() -> None:
    assert parse_datetime("+1", MONDAY, default_time=time(8, 15)) == at(24, 11, 8, 15)
    assert parse_datetime("i dag", MONDAY, default_time=time(8, 15)) == at(23, 11, 8, 15)
    assert parse_datetime("i dag 9", MONDAY, default_time=time(8, 15)) == at(23, 11, 9, 0)
    seconds = datetime(2026, 11, 23, 15, 30, 59, 999, tzinfo=OSLO)
    assert parse_datetime("i dag", seconds) == at(23, 11, 15, 30)


@pytest.mark.parametrize(
    ("now", "text", "prefer", "expected"),
    [
        (at(30, 12), "2.1", "nearest", date(2027, 1, 2)),
        (at(2, 1, year=2027), "30.12", "nearest", date(2026, 12, 30)),
        (at(31, 12, 23, 59), "+1", "nearest", date(2027, 1, 1)),
        (at(1, 1, 0, 1, year=2027), "i går", "nearest", date(2026, 12, 31)),
        (at(31, 12), "fre", "nearest", date(2027, 1, 1)),  # same ISO week
        (at(1, 1, year=2027), "man", "nearest", date(2026, 12, 28)),
        (at(2, 7), "1.1", "future", date(2026, 1, 1)),  # 182 days back, 183 ahead
        (at(3, 7), "1.1", "past", date(2027, 1, 1)),  # 183 days back, 182 ahead
        # 02.07.2028 is 183 days from both 01.01.2028 and 01.01.2029: the preference decides
        (at(2, 7, year=2028), "1.1", "past", date(2028, 1, 1)),
        (at(2, 7, year=2028), "1.1", "future", date(2029, 1, 1)),
        (at(2, 7, year=2028), "1.1", "nearest", date(2029, 1, 1)),
    ],
)
def test_year_boundaries(now: datetime, text: str, prefer: Prefer, expected: date) -> None:
    assert parse_when(text, now, prefer).day == expected


def test_dates_are_kept_within_the_supported_years() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when("2.1", at(30, 12, year=2099))
    assert caught.value.key == "date.error.year_range"
    with pytest.raises(DateParseError) as caught:
        parse_when("søn", at(31, 12, year=2099))  # Sunday of that week is 03.01.2100
    assert caught.value.key == "date.error.year_range"


def test_iso_weeks_at_the_year_boundary() -> None:
    assert iso_week(date(2026, 11, 23)) == (2026, 48)
    assert iso_week(date(2026, 12, 31)) == (2026, 53)
    assert iso_week(date(2027, 1, 1)) == (2026, 53)
    assert iso_week(date(2027, 1, 3)) == (2026, 53)
    assert iso_week(date(2027, 1, 4)) == (2027, 1)
    assert week_bounds(date(2026, 11, 26)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_bounds(date(2026, 11, 23)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_bounds(date(2027, 1, 1)) == (date(2026, 12, 28), date(2027, 1, 3))


def test_summer_and_winter_time() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime("29.03.2026 02:30", MONDAY)
    assert caught.value.key == "date.error.no_such_time"
    autumn = parse_datetime("25.10.2026 02:30", MONDAY)
    assert autumn.fold == 0 and autumn.utcoffset() == timedelta(hours=2)
    assert autumn.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert parse_datetime("30.03.2026 12:00", MONDAY).utcoffset() == timedelta(hours=2)
    assert parse_datetime("23.11.2026 12:00", MONDAY).utcoffset() == timedelta(hours=1)
    assert parse_datetime("29.03.2026 03:00", MONDAY).utcoffset() == timedelta(hours=2)


def test_now_in_the_second_autumn_hour_stays_now() -> None:
    second = datetime(2026, 10, 25, 1, 40, tzinfo=UTC)  # 02:40 Oslo, the second time round
    assert parse_datetime("nå", second) == second.astimezone(OSLO)
    assert parse_datetime("i dag", second).astimezone(UTC) == second


def test_now_in_another_zone_is_read_as_oslo_time() -> None:
    utc_evening = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # already 00:30 in Oslo
    assert parse_when("i dag", utc_evening).day == date(2026, 11, 24)
    assert parse_datetime("nå", utc_evening) == at(24, 11, 0, 30)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_any_text_parses_or_gives_a_key(text: str) -> None:
    try:
        moment = parse_datetime(text, MONDAY)
    except DateParseError as error:
        assert error.key.startswith("date.error.")
        return
    assert MIN_YEAR <= moment.year <= MAX_YEAR
    assert moment.tzinfo is OSLO


@settings(max_examples=300, deadline=None)
@given(
    st.from_regex(
        r"[+\-]?\s?\d{1,25}([./:-]\d{1,25}){0,2}\.?( (kl\.? )?\d{1,6}([:.]\d{1,4})?)?[uw]?",
        fullmatch=True,
    ),
    st.sampled_from(["past", "future", "nearest"]),
)
def test_number_shaped_text_never_crashes(text: str, prefer: Prefer) -> None:
    try:
        day = parse_date(text.split(" ")[0], MONDAY.date(), prefer)
        moment = parse_datetime(text, MONDAY, prefer)
    except DateParseError as error:
        assert error.key.startswith("date.error.")
        return
    assert MIN_YEAR <= day.year <= MAX_YEAR
    assert MIN_YEAR <= moment.year <= MAX_YEAR
