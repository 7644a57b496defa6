"""Type in one paper survey form: which survey, the month, then one key per question.

Nothing here names a participant: the form asks for no one, and what is saved is the survey,
the month and the scores (see :mod:`tp_tui.services.surveys`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from tp_tui.clock import Clock
from tp_tui.dates import DateParseError
from tp_tui.i18n import t
from tp_tui.keys import key
from tp_tui.services.surveys import (
    DONT_KNOW,
    month_first_day,
    month_of,
    parse_month,
    question_field,
    record_response,
    validate_response,
)
from tp_tui.services.validation import FieldError, ValidationFailed
from tp_tui.settings import Settings
from tp_tui.survey_config import DEFAULT_SURVEY_CONFIG, SURVEYS, SurveyConfig
from tp_tui.text import one_line
from tp_tui.views.form_base import FormScreen
from tp_tui.widgets.choice import KeyChoice, Option, with_hotkeys
from tp_tui.widgets.field_message import FieldMessage
from tp_tui.widgets.key_footer import KeyFooter


@dataclass(frozen=True)
class SurveySaved:
    """What the form saved, and whether the user wants to enter another form right away."""

    response_id: int
    survey: str
    month: str
    """ "YYYY-MM"."""
    another: bool


def month_text(month: str) -> str:
    """ "2026-11" as the month field shows it: 11.2026."""
    return month_first_day(month).strftime("%m.%Y")


class SurveyFormScreen(FormScreen[SurveySaved | None]):
    """One anonymous survey form; dismisses with :class:`SurveySaved`, or None when cancelled."""

    CSS_PATH = ["forms.tcss", "survey_form.tcss"]
    BINDINGS = [
        key("ctrl+s", "save(False)", "form.save", "survey_form.save", priority=True),
        key(
            "ctrl+t",
            "save(True)",
            "survey_form.save_another",
            "survey_form.save_another",
            priority=True,
        ),
        key("escape", "cancel", "form.cancel", "survey_form.cancel"),
    ]

    def __init__(
        self,
        config: SurveyConfig | None = None,
        survey: str = SURVEYS[0],
        month: str = "",
        to_answers: bool = False,
    ) -> None:
        """
        Args:
            config: Questions and scale; default: the app's settings.
            survey: The survey chosen when the form opens.
            month: The month field's text; default: this month.
            to_answers: Start on the first question (the survey and month are already right).
        """
        super().__init__()
        self._config = config
        self.survey = survey if survey in SURVEYS else SURVEYS[0]
        self.month = month
        self.to_answers = to_answers

    @property
    def config(self) -> SurveyConfig:
        if self._config is None:
            settings = getattr(self.app, "settings", None)
            self._config = (
                settings.survey if isinstance(settings, Settings) else DEFAULT_SURVEY_CONFIG
            )
        return self._config

    def _today(self) -> date:
        clock = getattr(self.app, "clock", None)
        return (clock if isinstance(clock, Clock) else Clock()).today()

    def _scores(self) -> list[Option]:
        config = self.config
        steps = [
            Option(str(score), one_line(label.text()), str(score))
            for score, label in enumerate(config.scale, start=1)
        ]
        dont_know = str(DONT_KNOW)
        return [*steps, Option(dont_know, one_line(config.dont_know.text()), dont_know)]

    def compose(self) -> ComposeResult:
        surveys = with_hotkeys([(code, t(f"survey.choice.{code}")) for code in SURVEYS])
        with VerticalScroll(classes="form"):
            yield Static(t("survey_form.title"), classes="form-title", markup=False)
            yield Static(t("survey_form.anonymous"), classes="survey-note", markup=False)
            yield from self._row(
                "survey",
                "survey_form.survey",
                KeyChoice(surveys, self.survey, advance=True, id="survey"),
            )
            month = self.month or month_text(month_of(self._today()))
            yield from self._row_beside(
                "month",
                "survey_form.month",
                Input(month, id="month", compact=True, select_on_focus=True),
            )
            yield Static(
                t("survey_form.hint", top=self.config.top), classes="survey-note", markup=False
            )
            for survey in SURVEYS:
                with Vertical(id=f"questions-{survey}", classes="questions"):
                    for number, question in enumerate(self.config.questions(survey), start=1):
                        field = f"q-{survey}-{question.code}"
                        yield Label(
                            f"{number}. {one_line(question.text())}",
                            markup=False,
                            classes="question",
                        )
                        yield KeyChoice(self._scores(), advance=True, id=field)
                        yield FieldMessage(id=f"{field}-message", classes="message answer-message",
                        )  # fmt: skip
            yield FieldMessage(id="form-message", classes="message form-message")
            yield from self._buttons(t("survey_form.another_button"))
        yield KeyFooter()

    def on_mount(self) -> None:
        self._show_questions()
        self._understood()
        self._initial = self.typed()
        if self.to_answers:
            self._answer_choices(self.chosen_survey)[0].focus()
        else:
            self.query_one("#survey", KeyChoice).focus()

    @property
    def chosen_survey(self) -> str:
        return self.query_one("#survey", KeyChoice).value or SURVEYS[0]

    def _answer_choices(self, survey: str) -> list[KeyChoice]:
        return [
            self.query_one(f"#q-{survey}-{question.code}", KeyChoice)
            for question in self.config.questions(survey)
        ]

    def typed(self) -> tuple[str, tuple[str | None, ...]]:
        """The month field and every answer chosen (in both surveys): what Escape would lose."""
        answers = tuple(
            choice.value for survey in SURVEYS for choice in self._answer_choices(survey)
        )
        return self.query_one("#month", Input).value, answers

    @on(KeyChoice.Changed, "#survey")
    def _show_questions(self) -> None:
        chosen = self.chosen_survey
        for survey in SURVEYS:
            self.query_one(f"#questions-{survey}").display = survey == chosen

    @on(Input.Changed, "#month")
    def _understood(self) -> None:
        message = self.query_one("#month-message", Static)
        try:
            month = month_first_day(
                parse_month(self.query_one("#month", Input).value, self._today())
            )
        except DateParseError as error:
            message.update(t(error.key, **error.params))
            message.set_class(True, "error")
            return
        if month > self._today():
            message.update(t("survey.error.month_future"))
            message.set_class(True, "error")
            return
        message.update(
            t("survey_form.month_understood", month=t(f"month.{month.month}"), year=month.year)
        )
        message.set_class(False, "error")

    @on(KeyChoice.Changed)
    def _answered(self, event: KeyChoice.Changed) -> None:
        """A question just answered no longer needs its message."""
        if (event.choice.id or "").startswith("q-"):
            message = self.query_one(f"#{event.choice.id}-message", Static)
            message.update("")
            message.set_class(False, "error")

    @on(Input.Submitted, "#month")
    def _month_done(self) -> None:
        self.focus_next()

    def save_pressed(self, another: bool) -> None:
        self.action_save(another)

    def _answers(self, survey: str) -> dict[str, int | None]:
        """Chosen answers by question code; 0 ("don't know") becomes None, unchosen is left out."""
        answers: dict[str, int | None] = {}
        for question, choice in zip(
            self.config.questions(survey), self._answer_choices(survey), strict=True
        ):
            if choice.value is not None:
                answers[question.code] = (
                    None if choice.value == str(DONT_KNOW) else int(choice.value)
                )
        return answers

    def _field_id(self, survey: str, field: str) -> str:
        prefix = question_field("")
        if field.startswith(prefix):
            return f"q-{survey}-{field.removeprefix(prefix)}"
        return field

    def _show_errors(self, survey: str, errors: dict[str, FieldError]) -> None:
        for name, error in errors.items():
            target = self._field_id(survey, name)
            messages = self.query(f"#{target}-message")
            if messages:
                message = messages.first(Static)
                message.update(t(error.key, **error.params))
                message.set_class(True, "error")
        self._form_message(t("form.fix_errors"))
        first = self._field_id(survey, next(iter(errors)))
        if self.query(f"#{first}"):
            self.query_one(f"#{first}").focus()

    def _clear_messages(self) -> None:
        for message in self.query(".answer-message").results(Static):
            message.update("")
            message.set_class(False, "error")
        self.query_one("#survey-message", Static).update("")

    def action_save(self, another: bool) -> None:
        survey = self.chosen_survey
        today = self._today()
        answers = self._answers(survey)
        self._clear_messages()
        errors: dict[str, FieldError] = {}
        try:
            month = parse_month(self.query_one("#month", Input).value, today)
        except DateParseError as error:
            errors["month"] = FieldError(error.key, dict(error.params))
            month = month_of(today)  # so the answers are checked too
        try:
            validate_response(survey, month, answers, self.config, today)
        except ValidationFailed as failed:
            errors = {**errors, **failed.errors}  # the form's order: month, then questions
        if errors:
            self._show_errors(survey, errors)
            return
        save = partial(record_response, survey, month, answers, config=self.config, today=today)
        response_id = self.guarded_save(
            save,
            {},
            show_errors=lambda failed: self._show_errors(survey, failed.errors),
            fix_message=False,
        )
        if response_id is None:
            return
        self.dismiss(SurveySaved(response_id, survey, month, another))


def open_survey_form(
    app: App[Any],
    survey: str = SURVEYS[0],
    month: str = "",
    after: Callable[[], None] | None = None,
) -> None:
    """Open the form; after a save, say so and call ``after`` (default: the current screen's
    ``load``, if it has one); with "save + another" open it again for the same survey and month,
    ready for the first answer."""

    def saved(result: SurveySaved | None) -> None:
        if result is None:
            return
        app.notify(t("survey_form.saved"), markup=False)
        reload = after or getattr(app.screen, "load", None)
        if callable(reload):
            reload()
        if result.another:
            app.push_screen(
                SurveyFormScreen(
                    survey=result.survey, month=month_text(result.month), to_answers=True
                ),
                saved,
            )

    app.push_screen(SurveyFormScreen(survey=survey, month=month), saved)
