"""At 80×24 every screen shows the keys that matter and what a trust person reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.services.process import process_board
from tp_tui.settings import Settings

from .helpers import screen_text, type_text, wait_until

ESSENTIAL = ("^l Log contact", "^r Call owed", "^z Undo", "f9 End of day", "? Keys", "^q Quit")


@pytest.mark.parametrize("screen_key", ["f2", "f3", "f4", "f5", "f6", "f7"])
async def test_the_footer_shows_the_keys_that_work_everywhere(
    demo_db: Path, clock: FrozenClock, screen_key: str
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(screen_key)
        await wait_until(
            pilot, lambda: "^q Quit" in screen_text(app).splitlines()[-1], "the footer's keys"
        )
        bottom = screen_text(app).splitlines()[-1]
        for shown in ESSENTIAL:
            assert shown in bottom, f"{shown!r} is not in the footer on {screen_key}: {bottom!r}"
        assert "f3f4" not in screen_text(app)


async def test_today_shows_the_whole_reason_for_the_row_under_the_cursor(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        calls = app.screen.query_one("#callbacks", DataTable)
        calls.focus()
        await pilot.pause()
        reason = str(calls.get_cell_at(Coordinate(calls.cursor_row, 3)).plain)
        detail = " ".join(screen_text(app).splitlines()[-4:-2])  # the two lines above the keys
        assert " ".join(reason.split()) in " ".join(detail.split())
        # The reason column gets the width the others leave: more than a few letters.
        assert calls.columns[calls.ordered_columns[3].key].width >= 18
        # The rounds are on the first screen, not below it.
        assert "This week's meeting-place rounds" in screen_text(app)


async def test_a_participant_just_moved_on_shows_the_days_from_the_start(
    demo_db: Path, clock: FrozenClock
) -> None:
    """The late mark counts from the start of the period: the card says so, with the days."""
    board = process_board(clock.now(), Settings())
    late = next(card for cards in board.values() for card in cards if card.late)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert f"{late.days_in_stage}d" in screen_text(app)
        assert f"!{late.days_since_start}d" in screen_text(app)


async def test_search_shows_the_whole_text_of_the_result_under_the_cursor(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "namsmann")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("enter", "down")
        await pilot.pause()
        hits = app.screen.query_one("#hits", DataTable)
        assert hits.has_focus
        text = str(hits.get_cell_at(Coordinate(hits.cursor_row, 3)).plain)
        shown = " ".join(line.strip(" █") for line in screen_text(app).splitlines())
        assert " ".join(text.split()) in " ".join(shown.split())
        assert hits.columns[hits.ordered_columns[3].key].width >= 20


async def test_the_participant_page_shows_the_whole_note_of_the_contact_under_the_cursor(
    demo_db: Path, clock: FrozenClock
) -> None:
    """At 80 columns the note column holds a dozen letters; the line under the lists, all."""
    from tp_tui.services.participants import find_participants

    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(find_participants("Roy-Arne")[0].id)
        await pilot.pause()
        contacts = app.screen.query_one("#detail-contacts", DataTable)
        contacts.focus()
        await pilot.press("down")
        await pilot.pause()
        note = str(contacts.get_cell_at(Coordinate(contacts.cursor_row, 4)).plain)
        assert len(note) > contacts.columns[contacts.ordered_columns[4].key].width
        detail = " ".join(screen_text(app).splitlines()[-4:-2])
        assert " ".join(note.split())[:120] in " ".join(detail.split())


async def test_statistics_shows_the_whole_words_of_the_figure_under_the_cursor(
    demo_db: Path, clock: FrozenClock
) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        figures = app.screen.query_one("#figures-table", DataTable)
        figures.focus()
        longest = max(
            range(figures.row_count),
            key=lambda row: len(str(figures.get_cell_at(Coordinate(row, 1)))),
        )
        figures.move_cursor(row=longest)
        await pilot.pause()
        words = str(figures.get_cell_at(Coordinate(longest, 1))).strip()
        assert words not in screen_text(app)  # cut in its column
        detail = " ".join(screen_text(app).splitlines()[-4:-2])
        assert " ".join(words.split()) in " ".join(detail.split())


async def test_a_footer_key_that_does_not_fit_is_left_out_whole(
    demo_db: Path, clock: FrozenClock
) -> None:
    """The participant page has more keys than 80 columns hold: none is cut mid-word, the
    palette key stays at the right edge with nothing after it, and a wider terminal shows more."""
    from tp_tui.services.participants import find_participants

    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(find_participants("Roy-Arne")[0].id)
        await wait_until(pilot, lambda: "palette" in screen_text(app), "the page's keys")
        keys_line = screen_text(app).splitlines()[-2]
        assert keys_line.rstrip().endswith("^p palette"), keys_line
        shown = keys_line.split("▏")[0].split()
        assert "s" not in shown  # "s Stage" does not fit: not even its key letter is drawn
        await pilot.resize_terminal(140, 30)
        await wait_until(
            pilot, lambda: "s Stage" in screen_text(app).splitlines()[-2], "more keys when wider"
        )


@pytest.mark.parametrize(
    ("language", "accompaniment", "labels"),
    [
        ("en", "a", ("Who", "When", "Kind", "Life areas", "Note", "Where", "Duration", "Outcome")),
        ("nb", "f", ("Hvem", "Når", "Type", "Livsområder", "Notat", "Hvor", "Varighet", "Utfall")),
    ],
)
async def test_the_contact_form_has_every_field_and_its_buttons_on_one_screen(
    demo_db: Path, clock: FrozenClock, language: str, accompaniment: str, labels: tuple[str, ...]
) -> None:
    """Logged from a participant's page at 80×24: every field from "who" to the outcome and the
    save button are on screen, nothing below the edge — also for an accompaniment, which adds
    where they went; a message appears in its field's place once there is one."""
    from textual.containers import VerticalScroll

    from tp_tui.i18n import set_language, t
    from tp_tui.services.participants import find_participants

    set_language(language)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_participant(find_participants("Kari Nordmann")[0].id)
        await pilot.pause()
        await pilot.press("l")
        await wait_until(pilot, lambda: app.screen.query("#note"), "the contact form")
        await pilot.press("enter", accompaniment)  # the time as it is, then the kind
        await pilot.pause()
        form = app.screen.query_one(VerticalScroll)
        assert form.max_scroll_y == 0
        shown = screen_text(app)
        for label in (*labels, t("contact.field.destination")):
            assert f" {label} " in shown, f"{label!r} is not on screen"
        assert t("form.save_button") in shown
        await pilot.press("ctrl+s")  # nowhere they went: not saved, and the form says so in view

        def read() -> str:
            return " ".join(
                " ".join(line.strip(" █▁▂▃▄▅▆▇") for line in screen_text(app).splitlines()).split()
            )

        await wait_until(pilot, lambda: t("form.fix_errors") in read(), "the whole message in view")
        assert app.screen.focused is app.screen.query_one("#destination")


async def test_the_line_under_the_participants_names_the_columns_beyond_the_edge(
    demo_db: Path, clock: FrozenClock
) -> None:
    """At 80 columns last contact and intake are past the edge: the line under the list gives
    them with their headings, not as two bare dates; where they are on screen, as they are."""
    from tp_tui.i18n import t

    last, intake = t("participant.column.last_contact"), t("participant.field.intake")
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: "·" in screen_text(app).splitlines()[-4], "the line")
        detail = " ".join(" ".join(screen_text(app).splitlines()[-5:-3]).split())
        assert f"{last} " in detail and f" · {intake} " in detail, detail
        await pilot.resize_terminal(140, 30)
        await pilot.press("down")
        await wait_until(pilot, lambda: "·" in screen_text(app).splitlines()[-4], "the line")
        detail = screen_text(app).splitlines()[-4]
        assert intake not in detail, detail
