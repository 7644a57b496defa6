"""The summary's 'since': a day typed by the user, never later than today (CLI and dialog)."""

from __future__ import annotations

from datetime import date

import pytest

from tp_tui.cli import run
from tp_tui.dates import DateParseError
from tp_tui.services.summary_since import parse_since

TODAY = date(2026, 11, 26)


def test_nothing_typed_means_since_the_last_group_meeting() -> None:
    assert parse_since("  ", TODAY) is None


def test_a_day_that_has_been_and_today_are_taken() -> None:
    assert parse_since("05.11.2026", TODAY) == date(2026, 11, 5)
    assert parse_since("26.11.2026", TODAY) == TODAY


def test_a_day_later_than_today_is_refused() -> None:
    with pytest.raises(DateParseError) as refused:
        parse_since("20.11.2027", TODAY)
    assert refused.value.key == "summary_since.error.future"
    with pytest.raises(DateParseError):
        parse_since("27.11.2026", TODAY)


def test_the_cli_refuses_a_future_since_and_says_why(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")
    assert run(["--demo", "export", "summary", "Kari", "--since", "20.11.2027"]) == 2
    assert "--since: 'Since' cannot be later than today." in capsys.readouterr().err
    assert run(["--demo", "export", "summary", "Kari", "--since", "05.11.2026"]) == 0
    assert "05.11.2026" in capsys.readouterr().out
