"""The questions and the scale of the participant survey and the partner survey.

Both are settings: a ``[survey]`` table in ``config.toml`` replaces the defaults below, which are
drawn from the programme's goals (availability, being listened to, help to the right service at
the right time, coordination, the participant's own influence). Example::

    [[survey.participant]]
    code = "availability"     # a short code: lower-case letters, digits, "_"; stored with answers
    nb = "Jeg fikk tak i tillitspersonen når jeg trengte det"
    en = "I could reach the trust person when I needed to"
    nn = "Eg fekk tak i tillitspersonen når eg trong det"   # optional: else nynorsk shows nb

    [[survey.partner]]
    code = "cooperation"
    nb = "Samarbeidet med oss fungerte godt"
    en = "Cooperation with us worked well"

    [[survey.scale]]          # the answers 1, 2, … in order: 2 to 9 steps
    nb = "Helt uenig"
    en = "Strongly disagree"

    [survey.dont_know]        # the answer 0, stored as "no score"
    nb = "Vet ikke / ikke aktuelt"
    en = "Don't know / not relevant"

Each part is read on its own: a list that is missing or wrong in any way (an entry without a code
or text, a repeated code, too many or too few steps) gives that part's defaults, never an error,
so a typing mistake in the file cannot stop the app. A text given in one language only is used
for both. Changing a question's wording keeps its code; a new code starts a new question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from tp_tui.i18n import get_language

SURVEYS = ("participant", "partner")
MAX_QUESTIONS = 30
MIN_STEPS, MAX_STEPS = 2, 9  # the answers are typed with one digit; 0 is "don't know"
_CODE = re.compile(r"[a-z0-9_]{1,40}", re.ASCII)


@dataclass(frozen=True)
class Wording:
    """A text in Norwegian bokmål and in English, and perhaps in nynorsk."""

    nb: str
    en: str
    nn: str = ""
    """Empty: nynorsk shows the bokmål text, which a nynorsk reader reads with ease."""

    def text(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the interface's)."""
        language = language or get_language()
        if language == "nn":
            return self.nn or self.nb
        return self.nb if language == "nb" else self.en


@dataclass(frozen=True)
class Question:
    code: str
    """Stored with each answer; the wording may change, the code stays."""
    wording: Wording

    def text(self, language: str | None = None) -> str:
        return self.wording.text(language)


@dataclass(frozen=True)
class SurveyConfig:
    participant: tuple[Question, ...]
    partner: tuple[Question, ...]
    scale: tuple[Wording, ...]
    """Labels of the scores 1, 2, … in order."""
    dont_know: Wording
    """Label of "no score" (typed as 0, stored as NULL)."""

    def questions(self, survey: str) -> tuple[Question, ...]:
        """The questions of ``survey`` ("participant" or "partner"), in order."""
        if survey not in SURVEYS:
            raise ValueError(survey)
        return self.participant if survey == "participant" else self.partner

    @property
    def top(self) -> int:
        """The highest score on the scale."""
        return len(self.scale)


def _q(code: str, nb: str, en: str, nn: str) -> Question:
    return Question(code, Wording(nb, en, nn))


DEFAULT_PARTICIPANT = (
    _q(
        "availability",
        "Jeg fikk tak i tillitspersonen når jeg trengte det",
        "I could reach the trust person when I needed to",
        "Eg fekk tak i tillitspersonen når eg trong det",
    ),
    _q(
        "listened_to",
        "Tillitspersonen lyttet til meg og tok meg på alvor",
        "The trust person listened to me and took me seriously",
        "Tillitspersonen lytta til meg og tok meg på alvor",
    ),
    _q(
        "right_help",
        "Jeg fikk hjelp til riktig tjeneste til riktig tid",
        "I got help to the right service at the right time",
        "Eg fekk hjelp til rett teneste til rett tid",
    ),
    _q(
        "coordination",
        "Tjenestene rundt meg samarbeidet godt",
        "The services around me worked well together",
        "Tenestene rundt meg samarbeidde godt",
    ),
    _q(
        "own_influence",
        "Jeg fikk være med på å bestemme i oppfølgingen min",
        "I had a say in my own follow-up",
        "Eg fekk vere med på å bestemme i oppfølginga mi",
    ),
)

DEFAULT_PARTNER = (
    _q(
        "availability",
        "Tillitspersonen var lett å få tak i",
        "The trust person was easy to reach",
        "Tillitspersonen var lett å få tak i",
    ),
    _q(
        "cooperation",
        "Samarbeidet med oss fungerte godt",
        "Cooperation with us worked well",
        "Samarbeidet med oss fungerte godt",
    ),
    _q(
        "right_help",
        "Deltakeren fikk riktig hjelp til riktig tid",
        "The participant got the right help at the right time",
        "Deltakaren fekk rett hjelp til rett tid",
    ),
    _q(
        "coordination",
        "Tjenestene var godt samordnet",
        "The services were well coordinated",
        "Tenestene var godt samordna",
    ),
    _q(
        "own_influence",
        "Deltakerens egne ønsker ble hørt",
        "The participant's own wishes were heard",
        "Dei eigne ønska til deltakaren vart høyrde",
    ),
)

DEFAULT_SCALE = (
    Wording("Helt uenig", "Strongly disagree", "Heilt ueinig"),
    Wording("Litt uenig", "Somewhat disagree", "Litt ueinig"),
    Wording("Verken enig eller uenig", "Neither agree nor disagree", "Verken einig eller ueinig"),
    Wording("Litt enig", "Somewhat agree", "Litt einig"),
    Wording("Helt enig", "Strongly agree", "Heilt einig"),
)

DEFAULT_DONT_KNOW = Wording(
    "Vet ikke / ikke aktuelt", "Don't know / not relevant", "Veit ikkje / ikkje aktuelt"
)

DEFAULT_SURVEY_CONFIG = SurveyConfig(
    DEFAULT_PARTICIPANT, DEFAULT_PARTNER, DEFAULT_SCALE, DEFAULT_DONT_KNOW
)


def _wording(raw: Any) -> Wording | None:
    """Both languages from a table with ``nb`` and/or ``en`` (``nn`` optional); None if neither."""
    if not isinstance(raw, dict):
        return None
    # Text from a file is shown in the interface and in reports: one clean line. Imported here,
    # so reading settings does not load Rich for the command line when there is no [survey].
    from tp_tui.text import one_line

    nb, en = (
        one_line(raw[lang]) if isinstance(raw.get(lang), str) else "" for lang in ("nb", "en")
    )
    if not nb and not en:
        return None
    nn = one_line(raw["nn"]) if isinstance(raw.get("nn"), str) else ""
    return Wording(nb or en, en or nb, nn)


def _questions(raw: Any) -> tuple[Question, ...] | None:
    if not isinstance(raw, list) or not 0 < len(raw) <= MAX_QUESTIONS:
        return None
    result: list[Question] = []
    for entry in raw:
        wording = _wording(entry)
        code = entry.get("code") if isinstance(entry, dict) else None
        if wording is None or not isinstance(code, str) or not _CODE.fullmatch(code):
            return None
        result.append(Question(code, wording))
    if len({question.code for question in result}) != len(result):
        return None
    return tuple(result)


def _scale(raw: Any) -> tuple[Wording, ...] | None:
    if not isinstance(raw, list) or not MIN_STEPS <= len(raw) <= MAX_STEPS:
        return None
    steps = [_wording(entry) for entry in raw]
    return None if any(step is None for step in steps) else tuple(s for s in steps if s)


def survey_config_from(raw: Any) -> SurveyConfig:
    """The survey settings from the ``[survey]`` table of config.toml (already parsed).

    Anything missing or wrong gives the default for that part; this never raises.
    """
    table = raw if isinstance(raw, dict) else {}
    defaults = DEFAULT_SURVEY_CONFIG
    return SurveyConfig(
        participant=_questions(table.get("participant")) or defaults.participant,
        partner=_questions(table.get("partner")) or defaults.partner,
        scale=_scale(table.get("scale")) or defaults.scale,
        dont_know=_wording(table.get("dont_know")) or defaults.dont_know,
    )
