"""One source of "now" for the app and the services, so tests can freeze time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

OSLO = ZoneInfo("Europe/Oslo")


class Clock:
    """The real clock, in Europe/Oslo time."""

    def now(self) -> datetime:
        return datetime.now(OSLO)

    def today(self) -> date:
        return self.now().date()


@dataclass
class FrozenClock(Clock):
    """A clock that always says the same time (tests, snapshots, screenshots)."""

    frozen: datetime

    def __post_init__(self) -> None:
        if self.frozen.tzinfo is None:
            self.frozen = self.frozen.replace(tzinfo=OSLO)
        self.frozen = self.frozen.astimezone(OSLO)

    def now(self) -> datetime:
        return self.frozen


def clock_from_env(value: str | None) -> Clock:
    """A frozen clock from an ISO timestamp (``TP_TUI_NOW``), else the real one.

    Used to take screenshots and demos on a fixed date; a value that does not parse is ignored
    rather than stopping the app.
    """
    if value:
        try:
            return FrozenClock(datetime.fromisoformat(value))
        except ValueError:
            pass
    return Clock()
