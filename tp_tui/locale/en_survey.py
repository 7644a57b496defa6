"""English: the participant survey and the partner survey (anonymous answers)."""

MESSAGES: dict[str, str] = {
    "survey.section.participant": "Participant survey",
    "survey.section.partner": "Partner survey",
    "survey.choice.participant": "Participant",
    "survey.choice.partner": "Service partner",
    "survey.command": "Enter a survey answer",
    "survey.command.help": "Participant or partner survey; answers are stored anonymously",
    "survey.stats.responses": "Responses recorded for {months}",
    "survey.stats.hidden": "Means and distribution",
    "survey.stats.hidden_value": "not shown under {n} responses",
    "survey.stats.mean": "{question}: mean (1–{top})",
    "survey.stats.answered": "{question}: number who gave a score",
    "survey.stats.score": "{question}: {score} {label}",
    "survey.stats.dont_know": "{question}: {label}",
    "survey.error.survey": "Choose the participant survey or the partner survey.",
    "survey.error.month_format": "The month must be written YYYY-MM, e.g. 2026-11.",
    "survey.error.month_future": "That month has not come yet.",
    "survey.error.month_empty": "Type the month, e.g. 11.2026, nov or last month.",
    "survey.error.month_unknown": "Could not read \u201c{text}\u201d as a month. Try 11.2026, nov "
    "or last month.",
    "survey.error.no_such_month": "There is no month {month}.",
    "survey.error.question": "Unknown question: {code}.",
    "survey.error.missing": "Choose an answer: 1–{top}, or 0 for \u201cdon't know\u201d.",
    "survey.error.score": "The answer must be 1–{top}, or 0 for \u201cdon't know\u201d.",
    "survey_form.title": "Enter a survey answer",
    "survey_form.anonymous": "Stored anonymously: only the survey, the month and the answers. "
    "No name, date or comments.",
    "survey_form.survey": "Survey",
    "survey_form.month": "Month",
    "survey_form.month_understood": "→ {month} {year}",
    "survey_form.hint": "Press 1–{top} for each question, or 0 for \u201cdon't know\u201d.",
    "survey_form.save_another": "Save + another",
    "survey_form.save_another.tooltip": "Save, and enter another form for the same survey and "
    "month",
    "survey_form.another_button": "Save + another (ctrl+t)",
    "survey_form.saved": "Answer saved (anonymous).",
}
