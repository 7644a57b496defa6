"""The translation layer: every user-facing string goes through :func:`t`.

Norwegian bokmål on a Norwegian locale, English otherwise; ``--lang`` or the config file decides
when given. Catalogues are plain dictionaries in :mod:`tp_tui.locale`, keyed by message id.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime
from importlib import import_module

LANGUAGES = ("nb", "en")
_NORWEGIAN_PREFIXES = ("nb", "nn", "no")

_language = "en"
_catalogues: dict[str, Mapping[str, str]] = {}


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the user's locale asks for: "nb" for Norwegian locales, else "en"."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "")
        if value:
            return "nb" if value.lower().startswith(_NORWEGIAN_PREFIXES) else "en"
    return "en"


# Each language's catalogue is split by area so parts of the app can be worked on apart:
# tp_tui/locale/nb.py, nb_export.py, … all merge into one.
CATALOGUE_PARTS = (
    "",
    "_export",
    "_import",
    "_summary",
    "_privacy",
    "_backup",
    "_crypto",
    "_stats",
    "_report",
    "_survey",
    "_search",
    "_team",
    "_postgres",
    "_team_admin",
    "_conflicts",
    "_server_erasure",
    "_mine",
    "_undo",
    "_calls_owed",
    "_figures",
    "_pdf",
    "_layout",
    "_process",
    "_erasure_files",
    "_consent",
    "_plandoc",
    "_meetings",
    # Last: Textual's and argparse's texts, and English texts it corrects.
    "_textual",
)


def catalogue(language: str) -> Mapping[str, str]:
    if language not in _catalogues:
        merged: dict[str, str] = {}
        for part in CATALOGUE_PARTS:
            try:
                module = import_module(f"tp_tui.locale.{language}{part}")
            except ModuleNotFoundError as error:
                if error.name != f"tp_tui.locale.{language}{part}" or not part:
                    raise
                continue
            merged.update(module.MESSAGES)
        _catalogues[language] = merged
    return _catalogues[language]


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def get_language() -> str:
    return _language


def t(key: str, **params: object) -> str:
    """The message ``key`` in the current language, with ``{name}`` fields filled in.

    A key missing from the catalogue falls back to English, then to the key itself, so a gap
    never stops the app (a test makes sure there are none).
    """
    text = catalogue(_language).get(key)
    if text is None:
        text = catalogue("en").get(key, key)
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text


def weekday_name(day: date) -> str:
    return t(f"weekday.{day.weekday()}")


def format_date(day: date | None) -> str:
    """Norwegian form, whatever the language: 26.11.2026."""
    return day.strftime("%d.%m.%Y") if day else ""


def format_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def format_datetime(moment: datetime | None) -> str:
    return moment.strftime("%d.%m.%Y %H:%M") if moment else ""


def short_datetime(moment: datetime, now: datetime) -> str:
    """``23.11 15:30`` within the year of ``now``, else as format_datetime: for narrow columns."""
    if moment.year != now.year:
        return format_datetime(moment)
    return f"{moment:%d.%m} {format_time(moment)}"


def long_day(day: date) -> str:
    """ "torsdag 26.11.2026 · uke 48" """
    week = day.isocalendar().week
    return t("date.long_day", weekday=weekday_name(day), date=format_date(day), week=week)


def describe_moment(moment: datetime) -> str:
    """ "torsdag 26.11.2026 14:00", for showing what a date field understood."""
    return f"{weekday_name(moment.date())} {format_datetime(moment)}"
