"""Settings from ``config.toml`` in the user's config folder; every field has a sensible default.

Example file::

    language = "nb"            # "nb", "nn" or "en"; empty: follow the locale
    not_heard_days = 14        # "do not let go": flag participants not heard from in this many days
    workday_end = "15:30"      # callbacks are due by this time the same day
    remind_before_minutes = 60 # the open app names the calls still owed this long before (0: off)
    stalled_days = 30          # no stage change and no contact this long: stalled
    consent_warning_days = 30  # a consent ending within this many days shows on Today
    backup_every_hours = 4     # automatic backups; kept: daily for a week, weekly for 5 weeks
    cursor_blink = true        # false: a steady text cursor

    [[survey.participant]]     # survey questions and scale: see tp_tui.survey_config
    code = "availability"
    nb = "Jeg fikk tak i tillitspersonen når jeg trengte det"
    en = "I could reach the trust person when I needed to"
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import time
from pathlib import Path
from typing import Any

from tp_tui.survey_config import DEFAULT_SURVEY_CONFIG, SurveyConfig, survey_config_from


@dataclass(frozen=True)
class Settings:
    language: str = ""
    """ "nb" (bokmål), "nn" (nynorsk) or "en"; empty means follow the locale."""
    not_heard_days: int = 14
    """Days without contact before a participant shows under "do not let go"."""
    workday_end: str = "15:30"
    """End of the working day: when a same-day callback is due."""
    remind_before_minutes: int = 60
    """Minutes before ``workday_end`` when the open app names the calls still owed today
    (0: no reminder)."""
    stalled_days: int = 30
    """Days with no stage change and no contact before a participant counts as stalled."""
    consent_warning_days: int = 30
    """Days before a consent ends when Today shows it, so it is renewed in time."""
    expected_mapping_days: int = 14
    """Days from intake within which needs should be mapped."""
    expected_group_days: int = 42
    """Days from intake within which the responsibility group should be in place."""
    backup_every_hours: int = 4
    """Hours of use between automatic backups (one is also made on start when due)."""
    backup_keep_daily_days: int = 7
    """Days for which the newest backup of each day is kept (today counts)."""
    backup_keep_weekly_weeks: int = 5
    """ISO weeks for which the newest backup of each week is kept (this week counts)."""
    lock_after_minutes: int = 10
    """Minutes without use before an encrypted database's app locks (0: never)."""
    retention_months: int = 24
    """Months after closing before a participant is offered for erasure (retention limit)."""
    csv_delimiter: str = ";"
    """Cell separator in statistics CSV: ";" for a Norwegian spreadsheet, or ","."""
    cursor_blink: bool = True
    """False for a steady text cursor in every field."""
    survey: SurveyConfig = DEFAULT_SURVEY_CONFIG
    """Questions and scale of the participant and partner surveys (the ``[survey]`` table)."""

    @property
    def workday_end_time(self) -> time:
        try:
            return time.fromisoformat(self.workday_end)
        except ValueError:
            return time(15, 30)


def load_settings(path: Path) -> Settings:
    """Read settings; a missing or unreadable file gives the defaults, unknown keys are ignored."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Settings()
    # Imported only when there is a file to parse: the app never writes one, so most people
    # have none, and every `tp` command starts a little sooner without the TOML parser.
    import tomllib

    try:
        raw: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return Settings()
    defaults = Settings()
    values: dict[str, Any] = {}
    for field in fields(Settings):
        value = raw.get(field.name)
        if value is not None and isinstance(value, type(getattr(defaults, field.name))):
            values[field.name] = value
    values["survey"] = survey_config_from(raw.get("survey"))
    return Settings(**values)
