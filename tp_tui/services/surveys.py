"""The participant survey and the partner survey: record a paper form, sum up a period.

Answers are anonymous by construction: a response keeps the survey and the month, never a
participant, a day or a comment, and nothing about it goes to the revision history, the audit
trail or the search index. Summaries give true counts; hiding small groups ("< 5") is a rule of
presentation, see :mod:`tp_tui.export.survey_rows`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import cast

from peewee import fn

from tp_tui.dates import MAX_YEAR, MIN_YEAR, DateParseError, parse_date
from tp_tui.db import write
from tp_tui.models import SurveyAnswer, SurveyResponse
from tp_tui.services.history import remember_unkept
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings
from tp_tui.survey_config import (
    DEFAULT_SURVEY_CONFIG,
    SURVEYS,
    Question,
    SurveyConfig,
    Wording,
)

DONT_KNOW = 0
"""The key typed for "don't know / not relevant"; stored as NULL."""

_MONTH = re.compile(r"(\d{4})-(\d{2})", re.ASCII)


def _config(settings_or_config: Settings | SurveyConfig | None) -> SurveyConfig:
    if isinstance(settings_or_config, Settings):
        return settings_or_config.survey
    return settings_or_config or DEFAULT_SURVEY_CONFIG


def questions(
    settings_or_config: Settings | SurveyConfig | None, survey: str
) -> tuple[Question, ...]:
    """The questions of ``survey`` as configured (the defaults when given None)."""
    return _config(settings_or_config).questions(survey)


def question_field(code: str) -> str:
    """The name under which a question's error is reported in :class:`ValidationFailed`."""
    return f"question.{code}"


# --- months ---------------------------------------------------------------------------------


def month_of(day: date) -> str:
    """The stored form of a month: "2026-11"."""
    return f"{day.year:04d}-{day.month:02d}"


def month_first_day(month: str) -> date:
    """The first day of a stored month, or ValueError."""
    match = _MONTH.fullmatch(month)
    if match is None:
        raise ValueError(month)
    return date(int(match.group(1)), int(match.group(2)), 1)


_MONTH_NAMES = (
    "januar februar mars april mai juni juli august september oktober november desember",
    "january february march april may june july august september october november december",
)
# Bokmål, nynorsk ("denne månaden", "førre månad") and English, in every interface language.
_THIS_MONTH = frozenset({"denne måneden", "denne mnd", "denne månaden", "this month"})
_LAST_MONTH = frozenset(
    {"forrige måned", "forrige mnd", "førre månad", "førre mnd", "sist månad", "last month"}
)
_NUMBER_YEAR = re.compile(r"(\d{1,2})[./-](\d{4})", re.ASCII)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})", re.ASCII)
_NAME_YEAR = re.compile(r"([^\W\d_]{3,})\.?(?:\s+(\d{4}))?")


def _month_number(word: str) -> int | None:
    for names in _MONTH_NAMES:
        for number, name in enumerate(names.split(), start=1):
            if name.startswith(word):
                return number
    return None


def _checked(year: int, month: int) -> str:
    if not 1 <= month <= 12:
        raise DateParseError("survey.error.no_such_month", month=month)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateParseError("date.error.year_range", min=MIN_YEAR, max=MAX_YEAR)
    return f"{year:04d}-{month:02d}"


def _latest(month: int, today: date) -> str:
    """A month typed without a year: the latest one up to this month."""
    return _checked(today.year if month <= today.month else today.year - 1, month)


def parse_month(text: str, today: date) -> str:
    """A month from what was typed: "11.2026", "11/2026", "2026-11", "11", "nov", "november
    2026", "denne måneden", "forrige måned", or any date the date fields read ("i dag", "25.11").

    Returns the stored form "2026-11". Raises DateParseError with a translation key.
    """
    # NFC: macOS types "å" as a + ring
    cleaned = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    if not cleaned:
        raise DateParseError("survey.error.month_empty")
    if cleaned in _THIS_MONTH:
        return month_of(today)
    if cleaned in _LAST_MONTH:
        return month_of(today.replace(day=1) - timedelta(days=1))
    if match := _NUMBER_YEAR.fullmatch(cleaned):
        return _checked(int(match.group(2)), int(match.group(1)))
    if match := _ISO_MONTH.fullmatch(cleaned):
        return _checked(int(match.group(1)), int(match.group(2)))
    if cleaned.isascii() and cleaned.isdigit() and len(cleaned) <= 2:
        return _latest(int(cleaned), today)
    if (match := _NAME_YEAR.fullmatch(cleaned)) and (number := _month_number(match.group(1))):
        year = match.group(2)
        return _checked(int(year), number) if year else _latest(number, today)
    try:
        return month_of(parse_date(text, today, "past"))
    except DateParseError as error:
        if error.key in ("date.error.year_range", "date.error.no_such_date"):
            raise
        raise DateParseError("survey.error.month_unknown", text=text.strip()) from None


# --- recording ------------------------------------------------------------------------------


def _month_error(month: str, today: date | None) -> FieldError | None:
    try:
        first = month_first_day(month)
    except ValueError:
        return FieldError("survey.error.month_format", {"value": month})
    if not MIN_YEAR <= first.year <= MAX_YEAR:
        return FieldError("date.error.year_range", {"min": MIN_YEAR, "max": MAX_YEAR})
    if today is not None and first > today:
        return FieldError("survey.error.month_future")
    return None


def validate_response(
    survey: str,
    month: str,
    answers: Mapping[str, int | None],
    config: SurveyConfig,
    today: date | None = None,
) -> dict[str, int | None]:
    """Check everything at once; the answers to store, by question code, in the survey's order.

    Every question of the survey needs an answer: a score on the scale, or None ("don't know").

    Raises:
        ValidationFailed: field by field ("survey", "month", ``question_field(code)``).
    """
    errors: dict[str, FieldError] = {}
    if survey not in SURVEYS:
        errors["survey"] = FieldError("survey.error.survey", {"value": survey})
    month_error = _month_error(month, today)
    if month_error is not None:
        errors["month"] = month_error
    if errors.get("survey"):
        raise ValidationFailed(errors)
    asked = config.questions(survey)
    known = {question.code for question in asked}
    for code in answers:
        if code not in known:
            errors[question_field(code)] = FieldError("survey.error.question", {"code": code})
    for question in asked:
        if question.code not in answers:
            errors[question_field(question.code)] = FieldError(
                "survey.error.missing", {"top": config.top}
            )
            continue
        score = answers[question.code]
        # bool is an int to Python, but True is not an answer anyone gave
        if score is not None and (
            isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= config.top
        ):
            errors[question_field(question.code)] = FieldError(
                "survey.error.score", {"top": config.top}
            )
    if errors:
        raise ValidationFailed(errors)
    return {question.code: answers[question.code] for question in asked}


def record_response(
    survey: str,
    month: str,
    answers: Mapping[str, int | None],
    *,
    config: Settings | SurveyConfig | None = None,
    today: date | None = None,
) -> int:
    """Store one filled-in form in one committed transaction; the new response's id.

    Args:
        survey: "participant" or "partner".
        month: The month it was answered, "YYYY-MM" (see :func:`parse_month`).
        answers: A score for every question of the survey, None for "don't know".
        config: The questions and scale (settings or survey config; default: the defaults).
        today: When given, a month after this day's month is refused.

    Raises:
        ValidationFailed: nothing is written.
    """
    clean = validate_response(survey, month, answers, _config(config), today)
    with write():
        response = SurveyResponse.create(survey=survey, answered_month=month)
        SurveyAnswer.insert_many(
            [{"response": response.id, "question": code, "score": s} for code, s in clean.items()]
        ).execute()
    # No revision: one would tell who typed the form and, by its place among the others, next
    # to whose contact. Undo knows of it while this app runs, and only here.
    remember_unkept("survey_response", int(response.id))
    return int(response.id)


# --- summing up -----------------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSummary:
    question: Question
    answered: int
    """Answers with a score."""
    dont_know: int
    """Answers "don't know / not relevant"."""
    mean: float | None
    """Mean score, one decimal; None when no one gave a score."""
    counts: dict[int, int]
    """Answers per score, every step of the scale from 1 up (zeros included)."""


@dataclass(frozen=True)
class SurveyFigures:
    survey: str
    responses: int
    """Forms answered in the months of the period."""
    questions: tuple[QuestionSummary, ...]


@dataclass(frozen=True)
class SurveySummary:
    start: date
    end: date
    first_month: str
    last_month: str
    """The months counted: every month the period touches, both included."""
    scale: tuple[Wording, ...]
    dont_know: Wording
    surveys: tuple[SurveyFigures, ...]
    """One per survey, participant first."""


def _one_decimal(total: int, count: int) -> float:
    """total / count rounded half up, as people round (Python's round(1.25, 1) gives 1.2)."""
    return float((Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), ROUND_HALF_UP))


def _figures(survey: str, first: str, last: str, config: SurveyConfig) -> SurveyFigures:
    in_period = (
        (SurveyResponse.survey == survey)
        & (SurveyResponse.answered_month >= first)
        & (SurveyResponse.answered_month <= last)
    )
    responses = SurveyResponse.select().where(in_period).count()
    rows = cast(
        Iterable[tuple[str, int | None, int]],
        SurveyAnswer.select(SurveyAnswer.question, SurveyAnswer.score, fn.COUNT(SurveyAnswer.id))
        .join(SurveyResponse)
        .where(in_period)
        .group_by(SurveyAnswer.question, SurveyAnswer.score)
        .tuples(),
    )
    counts: dict[str, dict[int | None, int]] = {}
    for code, score, number in rows:
        counts.setdefault(code, {})[score] = number
    # Questions as configured, then any no longer asked but answered in the period.
    asked = list(config.questions(survey))
    known = {question.code for question in asked}
    asked += [Question(code, Wording(code, code)) for code in sorted(counts) if code not in known]
    summaries = []
    for question in asked:
        by_score = counts.get(question.code, {})
        scored = {score: n for score, n in by_score.items() if score is not None}
        answered = sum(scored.values())
        total = sum(score * n for score, n in scored.items())
        steps = range(1, max([config.top, *scored]) + 1)
        summaries.append(
            QuestionSummary(
                question=question,
                answered=answered,
                dont_know=by_score.get(None, 0),
                mean=_one_decimal(total, answered) if answered else None,
                counts={step: scored.get(step, 0) for step in steps},
            )
        )
    return SurveyFigures(survey, responses, tuple(summaries))


def survey_summary(
    start: date, end: date, config: Settings | SurveyConfig | None = None
) -> SurveySummary:
    """Both surveys over the months that ``start``..``end`` (both included) touches."""
    chosen = _config(config)
    first, last = month_of(start), month_of(end)
    return SurveySummary(
        start=start,
        end=end,
        first_month=first,
        last_month=last,
        scale=chosen.scale,
        dont_know=chosen.dont_know,
        surveys=tuple(_figures(survey, first, last, chosen) for survey in SURVEYS),
    )
