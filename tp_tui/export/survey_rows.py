"""The surveys' figures as (section, figure, value) rows, translated, for the statistics output.

Same shape as :func:`tp_tui.export.statistics.rows`. With fewer than 5 responses to a survey in
the period the count shows as "< 5" and no means or distributions are shown: a mean of two or
three forms comes close to telling what each one said. The same holds for a question fewer than
5 people gave a score to (the others said "don't know").
"""

from __future__ import annotations

from tp_tui.i18n import is_norwegian, t
from tp_tui.services.statistics import SMALL_GROUP, shown
from tp_tui.services.surveys import QuestionSummary, SurveyFigures, SurveySummary, month_first_day
from tp_tui.text import one_line

Row = tuple[str, str, str]


def _decimal(value: float | None) -> str:
    """One decimal, with a decimal comma in Norwegian; "–" for no value."""
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if is_norwegian() else text


def _month(month: str) -> str:
    """ "2026-11" as people write it: 11.2026."""
    return month_first_day(month).strftime("%m.%Y")


def _question_rows(summary: SurveySummary, figures: QuestionSummary) -> list[tuple[str, str]]:
    question = one_line(figures.question.text())
    answered = (t("survey.stats.answered", question=question), shown(figures.answered))
    dont_know = one_line(summary.dont_know.text())
    dont_know_row = (
        t("survey.stats.dont_know", question=question, label=dont_know),
        str(figures.dont_know),
    )
    if figures.answered < SMALL_GROUP:
        return [answered, dont_know_row]
    top = len(summary.scale)
    scores = [
        (
            t(
                "survey.stats.score",
                question=question,
                score=score,
                label=one_line(summary.scale[score - 1].text()) if score <= top else "",
            ),
            str(count),
        )
        for score, count in figures.counts.items()
    ]
    mean = (t("survey.stats.mean", question=question, top=top), _decimal(figures.mean))
    return [mean, answered, *scores, dont_know_row]


def _survey_rows(summary: SurveySummary, figures: SurveyFigures) -> list[Row]:
    section = t(f"survey.section.{figures.survey}")
    first, last = _month(summary.first_month), _month(summary.last_month)
    count = t("survey.stats.responses", months=first if first == last else f"{first}–{last}")
    items = [(count, shown(figures.responses))]
    if 0 < figures.responses < SMALL_GROUP:
        items.append((t("survey.stats.hidden"), t("survey.stats.hidden_value", n=SMALL_GROUP)))
    elif figures.responses:
        for question in figures.questions:
            items += _question_rows(summary, question)
    return [(section, figure, value) for figure, value in items]


def survey_rows(summary: SurveySummary) -> list[Row]:
    """(section, figure, value) for both surveys, participant survey first."""
    return [row for figures in summary.surveys for row in _survey_rows(summary, figures)]
