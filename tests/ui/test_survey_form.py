"""Typing in a paper survey form: one key per answer, saved anonymously, nothing lost."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.i18n import set_language
from tp_tui.models import SurveyAnswer, SurveyResponse
from tp_tui.views.survey_form import SurveyFormScreen, open_survey_form

from .helpers import notifications, type_text


def stored() -> list[tuple[str, str, dict[str, int | None]]]:
    return [
        (
            r.survey,
            r.answered_month,
            {
                a.question: a.score
                for a in SurveyAnswer.select().where(SurveyAnswer.response == r.id)
            },
        )
        for r in SurveyResponse.select().order_by(SurveyResponse.id)
    ]


async def test_keys_fill_and_save_a_partner_form(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        open_survey_form(app)
        await pilot.pause()
        assert isinstance(app.screen, SurveyFormScreen)
        assert app.screen.query_one("#month", Input).value == "11.2026"
        # "s": service partner; the month stays; then one key per question, 0 = don't know
        await pilot.press("s", "enter", "5", "4", "0", "3", "2")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SurveyFormScreen)
        assert stored() == [
            (
                "partner",
                "2026-11",
                {
                    "availability": 5,
                    "cooperation": 4,
                    "right_help": None,
                    "coordination": 3,
                    "own_influence": 2,
                },
            )
        ]
        assert "Answer saved (anonymous)" in notifications(app)


async def test_save_and_another_keeps_survey_and_month(db_path: Path, clock: FrozenClock) -> None:
    set_language("nb")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        open_survey_form(app)
        await pilot.pause()
        await pilot.press("d")  # the participant survey; the month field is selected on focus
        await type_text(pilot, "okt")
        await pilot.pause()
        assert str(app.screen.query_one("#month-message", Static).render()) == "→ oktober 2026"
        await pilot.press("enter", "1", "2", "3", "4", "5", "ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, SurveyFormScreen)  # a fresh form, ready for answers
        assert app.screen.query_one("#month", Input).value == "10.2026"
        await pilot.press("5", "5", "5", "5", "5", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SurveyFormScreen)
        assert [(survey, month) for survey, month, _ in stored()] == [
            ("participant", "2026-10"),
            ("participant", "2026-10"),
        ]
        assert "Svaret er lagret (anonymt)." in notifications(app)


async def test_missing_answers_and_a_bad_month_are_explained(
    db_path: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        open_survey_form(app)
        await pilot.pause()
        await pilot.press("p")
        await type_text(pilot, "12.2026")
        await pilot.press("enter", "4", "4")  # three questions left unanswered
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SurveyFormScreen)

        def message(field: str) -> str:
            return str(screen.query_one(f"#{field}-message", Static).render())

        assert message("month") == "That month has not come yet."
        assert message("q-participant-right_help").startswith("Choose an answer: 1–5, or 0")
        assert message("q-participant-availability") == ""
        assert SurveyResponse.select().count() == 0
        # Nothing typed is lost: fix the month, answer the rest, save.
        screen.query_one("#month", Input).focus()
        await type_text(pilot, "11.2026")
        await pilot.press("enter", "tab", "tab", "3", "0", "5", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SurveyFormScreen)
        assert stored()[0][2] == {
            "availability": 4,
            "listened_to": 4,
            "right_help": 3,
            "coordination": None,
            "own_influence": 5,
        }


async def test_escape_asks_before_throwing_away_answers(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        open_survey_form(app)
        await pilot.pause()
        await pilot.press("p", "enter", "5", "4")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")  # no, keep them
        await pilot.pause()
        assert isinstance(app.screen, SurveyFormScreen)
        assert app.screen.query_one("#q-participant-listened_to").value == "4"  # type: ignore[attr-defined]
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, SurveyFormScreen)
        assert SurveyAnswer.select().count() == 0


async def test_escape_on_an_untouched_form_just_closes(db_path: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        open_survey_form(app)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SurveyFormScreen)
