"""The period a statistics view covers: presets and a typed from–to."""

from __future__ import annotations

from datetime import date

import pytest

from tp_tui.services.stats_period import parse_period, preset, which_preset
from tp_tui.services.validation import ValidationFailed

TODAY = date(2026, 11, 26)


def test_presets() -> None:
    assert preset("month", TODAY) == (date(2026, 11, 1), TODAY)
    assert preset("year", TODAY) == (date(2026, 1, 1), TODAY)
    assert preset("last_year", TODAY) == (date(2025, 1, 1), date(2025, 12, 31))
    assert which_preset(date(2025, 1, 1), date(2025, 12, 31), TODAY) == "last_year"
    assert which_preset(date(2025, 1, 2), date(2025, 12, 31), TODAY) is None


def test_typed_period_the_way_dates_are_typed() -> None:
    assert parse_period("1.1", "30.6", TODAY) == (date(2026, 1, 1), date(2026, 6, 30))
    assert parse_period("1.1.2025", "", TODAY) == (date(2025, 1, 1), TODAY)
    assert parse_period("1.3", "i dag", TODAY) == (date(2026, 3, 1), TODAY)


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        ("", "30.6", "start", "period.error.start_needed"),
        ("30.6", "1.1", "end", "period.error.order"),
        ("1.1.2000", "1.1.2026", "start", "period.error.too_long"),
        ("fredag 13.", "", "start", None),
        ("1.1", "32.13", "end", None),
    ],
)
def test_bad_periods_say_which_field(start: str, end: str, field: str, message: str | None) -> None:
    with pytest.raises(ValidationFailed) as failed:
        parse_period(start, end, TODAY)
    assert field in failed.value.errors
    if message:
        assert failed.value.errors[field].key == message
