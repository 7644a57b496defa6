"""The translation layer: every user-facing string goes through :func:`t`.

Norwegian bokmål or nynorsk on a Norwegian locale, English otherwise; ``--lang`` or the config
file decides when given. The catalogues are gettext ``.po`` files in tp_tui/locale (see README,
Translating), keyed by ``msgctxt``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tp_tui import po

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
_catalogues: dict[str, _Catalogue] = {}


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


# One gettext catalogue per language, tp_tui/locale/{language}.po: msgctxt is the key, msgstr the
# text (msgstr[n] for the plural forms). Read once, at the first message of a language.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"


@dataclass(frozen=True)
class _Catalogue:
    messages: dict[str, str]  # the text, or a plural entry's first form
    plurals: dict[str, tuple[str, ...]]  # every form of each plural entry
    plural: Callable[[int], int]  # which form a count takes (from the Plural-Forms header)


def _english_plural(count: int) -> int:
    return int(count != 1)


def _load(language: str) -> _Catalogue:
    text = (LOCALE_DIR / f"{language}.po").read_text(encoding="utf-8")
    messages, plurals, rule = po.messages(text)
    expression = rule.partition("plural=")[2].strip().rstrip(";").strip()
    if expression in ("", "(n != 1)", "n != 1"):
        return _Catalogue(messages, plurals, _english_plural)
    from gettext import c2py  # only a language with other plural rules pays for the import

    return _Catalogue(messages, plurals, c2py(expression))


def _catalogue(language: str) -> _Catalogue:
    found = _catalogues.get(language)
    if found is None:
        found = _catalogues[language] = _load(language)
    return found


def catalogue(language: str) -> Mapping[str, str]:
    """Every message of ``language`` by key (a plural message by its first form)."""
    return _catalogue(language).messages


def plural_forms(language: str) -> Mapping[str, tuple[str, ...]]:
    """The plural messages of ``language``: key -> every form, in the catalogue's order."""
    return _catalogue(language).plurals


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

    A plural message (one with msgid_plural) takes the form its ``count`` asks for: "1 deltaker",
    "3 deltakere". A key missing from the catalogue falls back (nynorsk to bokmål) to English,
    then to the key itself, so a gap never stops the app (a test makes sure there are none).
    """
    found = _catalogue(_language)
    text = found.messages.get(key)
    if text is None:
        for language in _FALLBACKS.get(_language, ("en",))[1:]:
            found = _catalogue(language)
            text = found.messages.get(key)
            if text is not None:
                break
        else:
            text = key
    if params:
        count = params.get("count")
        if isinstance(count, int) and key in found.plurals:
            forms = found.plurals[key]
            text = forms[min(found.plural(count), len(forms) - 1)]
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
