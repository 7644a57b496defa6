"""The translation layer: every user-facing string goes through :func:`t`.

Norwegian bokmål or nynorsk on a Norwegian locale, English otherwise; ``--lang`` or the config
file decides when given. Catalogues are plain dictionaries in :mod:`tp_tui.locale`, keyed by
message id; a value may be a (singular, plural) pair for a message with a ``{count}``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import date, datetime
from importlib import import_module

LANGUAGES = ("nb", "nn", "en")
NORWEGIAN = frozenset({"nb", "nn"})
# Where a message missing in a language is looked up next: a nynorsk reader understands bokmål
# better than English, so a gap in nn shows the bokmål text.
_FALLBACKS: dict[str, tuple[str, ...]] = {"nb": ("nb", "en"), "nn": ("nn", "nb", "en")}
# Old and odd spellings of Norwegian locales: "no_NO", "nb_NO.UTF-8", "nn_NO", "no_NO.nynorsk",
# "nn_NO@nynorsk", "Norwegian-Nynorsk" (Windows), "norwegian".
_BOKMAL_CODES = frozenset({"nb", "no", "norwegian", "bokmal", "bokmål"})
_NYNORSK_CODES = frozenset({"nn", "nynorsk"})

_language = "en"
_catalogues: dict[str, Mapping[str, str]] = {}
_plurals: dict[str, dict[str, tuple[str, str]]] = {}


def _language_of_locale(value: str) -> str:
    lowered = value.lower()
    code = re.split(r"[_.@-]", lowered, maxsplit=1)[0]
    if code in _NYNORSK_CODES or (code in _BOKMAL_CODES and "nynorsk" in lowered):
        return "nn"
    return "nb" if code in _BOKMAL_CODES else "en"


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the user's locale asks for: "nb" or "nn" for Norwegian locales, else "en".

    LANGUAGE may be a list ("nn:nb:en"); its first entry counts, as for gettext.
    """
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(variable, "").split(":")[0].strip()
        if value:
            return _language_of_locale(value)
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
    "_nncore",
)


def catalogue(language: str) -> Mapping[str, str]:
    """Every message of ``language``; a (singular, plural) pair shows here as its singular."""
    if language not in _catalogues:
        merged: dict[str, str] = {}
        plurals: dict[str, tuple[str, str]] = {}
        for part in CATALOGUE_PARTS:
            try:
                module = import_module(f"tp_tui.locale.{language}{part}")
            except ModuleNotFoundError as error:
                if error.name != f"tp_tui.locale.{language}{part}" or not part:
                    raise
                continue
            messages = module.MESSAGES
            merged.update(messages)  # in C: start-up pays for a Python loop only over the pairs
            if plurals:  # a later part may replace a pair by one text
                for key in plurals.keys() & messages.keys():
                    del plurals[key]
            pairs = {key: value for key, value in messages.items() if type(value) is tuple}
            plurals.update(pairs)
            merged.update({key: pair[0] for key, pair in pairs.items()})
        _plurals[language] = plurals
        _catalogues[language] = merged
    return _catalogues[language]


def _fallback(key: str) -> tuple[str, str]:
    """The language that has ``key`` after the current one, and its text; else English, the key."""
    for language in _FALLBACKS.get(_language, ("en",))[1:]:
        text = catalogue(language).get(key)
        if text is not None:
            return language, text
    return "en", key


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language


def get_language() -> str:
    return _language


def is_norwegian() -> bool:
    """Bokmål or nynorsk: decimal comma, and Norwegian texts where only bokmål is written."""
    return _language in NORWEGIAN


def t(key: str, **params: object) -> str:
    """The message ``key`` in the current language, with ``{name}`` fields filled in.

    A key missing from the catalogue falls back (nynorsk to bokmål) to English, then to the key
    itself, so a gap never stops the app (a test makes sure there are none).
    """
    language = _language
    text = catalogue(language).get(key)
    if text is None:
        language, text = _fallback(key)
    if params:
        if params.get("count", 1) != 1 and (pair := _plurals[language].get(key)):
            # Until the gettext catalogues bring each language's plural rule: Norwegian and
            # English both use the singular for exactly one, the plural otherwise (also 0).
            text = pair[1]
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
