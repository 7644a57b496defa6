"""Survey answers for the demo: enough paper forms over the year for the summary to show means.

Anonymous like real answers: a month and the scores, nothing else.
"""

from __future__ import annotations

import random
from datetime import date

from tp_tui.services.surveys import month_of, record_response
from tp_tui.survey_config import DEFAULT_SURVEY_CONFIG

# Forms typed in per survey; the partner survey is sent once a year, so fewer answers come back.
FORMS = {"participant": 14, "partner": 7}


def _months_back(today: date, count: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - count, 12)
    return date(year, month + 1, 1)


def fill_demo_surveys(today: date, seed: int = 48) -> None:
    rng = random.Random(seed)
    for survey, forms in FORMS.items():
        questions = DEFAULT_SURVEY_CONFIG.questions(survey)
        for _ in range(forms):
            month = month_of(_months_back(today, rng.randint(0, 9)))
            # Mostly agree, now and then a "don't know": what a real stack of forms looks like.
            answers = {
                q.code: None if rng.random() < 0.08 else rng.choice((3, 4, 4, 5, 5, 5))
                for q in questions
            }
            record_response(survey, month, answers)
