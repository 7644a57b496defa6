"""The note search screen: results come while typing, without holding up the keys."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.db import close_database, open_database
from tp_tui.i18n import set_language
from tp_tui.models import db
from tp_tui.services.contacts import ContactInput, log_contact
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.views.contact_form import ContactFormScreen
from tp_tui.views.search import SearchScreen

from .helpers import column, type_text


async def search_done(pilot: Pilot[Any]) -> None:
    """Wait until typing has paused long enough for the search to run, and its results show."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def search_for(pilot: Pilot[Any], typed: str) -> None:
    """Empty the search field, type ``typed`` and wait for its results."""
    assert isinstance(pilot.app.screen, SearchScreen), "the search screen has closed"
    pilot.app.screen.query_one("#query", Input).value = ""
    await type_text(pilot, typed)
    await search_done(pilot)


NEWEST_ONE = "1 found · newest first (ctrl+o: best match)"


def count_line(app: TpApp) -> str:
    return str(app.screen.query_one("#count", Static).render())


async def test_typing_a_word_shows_results_without_enter(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "namsmann")
        await search_done(pilot)
        assert app.screen.query_one("#query", Input).has_focus  # typing goes on in the field
        texts = column(app.screen.query_one("#hits", DataTable), 3)
        assert texts and all("namsmann" in text.lower() for text in texts)
        assert count_line(app) == f"{len(texts)} found · newest first (ctrl+o: best match)"


async def test_one_letter_asks_for_more(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "k")
        await search_done(pilot)
        assert count_line(app) == "Type a word of at least 2 characters to search."
        assert column(app.screen.query_one("#hits", DataTable)) == []
        await type_text(pilot, "affe")
        await search_done(pilot)
        assert any("Kaffe" in text for text in column(app.screen.query_one("#hits", DataTable), 3))
        # Back to one letter: the results go, and so does a search still under way.
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await search_done(pilot)
        assert column(app.screen.query_one("#hits", DataTable)) == []
        assert count_line(app) == "Type a word of at least 2 characters to search."
        await pilot.press("backspace")
        await search_done(pilot)
        assert count_line(app) == ""


async def test_the_last_words_typed_win(demo_db: Path, clock: FrozenClock) -> None:
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "namsmann")
        await pilot.press(*["backspace"] * 8)
        await type_text(pilot, "kaffe")
        await search_done(pilot)
        texts = column(app.screen.query_one("#hits", DataTable), 3)
        assert texts and all("kaffe" in text.lower() for text in texts)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.shown_text == "kaffe"


async def test_enter_searches_at_once_and_opens_the_contact(
    db_path: Path, clock: FrozenClock
) -> None:
    ola = add_participant(ParticipantInput(name="Ola Hansen"), clock)
    log_contact(ContactInput(ola.id, "i går", note="Brev fra namsmannen"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "nams")
        await pilot.press("enter")  # before typing has paused: no need to wait for the results
        await search_done(pilot)
        hits = app.screen.query_one("#hits", DataTable)
        assert hits.has_focus
        assert column(hits, 1) == ["Ola Hansen"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ContactFormScreen)
        assert app.screen.query_one("#note", TextArea).text == "Brev fra namsmannen"


async def test_hostile_text_is_searched_as_plain_words(db_path: Path, clock: FrozenClock) -> None:
    ola = add_participant(ParticipantInput(name="Ola Hansen"), clock)
    log_contact(ContactInput(ola.id, "i går", note='Skrev "nams" NEAR(a b) -x a:b *'), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        # Quotes, operators and stars are plain characters: the words around them are found.
        for typed in ('"nams', "NEAR(a", "nams*"):
            await search_for(pilot, typed)
            hits = app.screen.query_one("#hits", DataTable)
            assert (column(hits, 1), count_line(app)) == (["Ola Hansen"], NEWEST_ONE), (
                f"searching {typed!r} should list Ola Hansen's note, the screen shows "
                f"{column(hits, 1)} and {count_line(app)!r}"
            )
            assert 'Skrev "nams" NEAR(a b) -x a:b *' in column(hits, 3)[0]
        # Nothing but one-letter words and operators: asked for a word, not an error.
        for typed in ("-x", "a:b", "*", '"'):
            await search_for(pilot, typed)
            assert column(app.screen.query_one("#hits", DataTable)) == [], typed
            assert count_line(app) == "Type a word of at least 2 characters to search.", typed


async def test_norwegian_messages(demo_db: Path, clock: FrozenClock) -> None:
    set_language("nb")
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("slash")
        await type_text(pilot, "k")
        await search_done(pilot)
        assert count_line(app) == "Skriv et ord på minst 2 tegn for å søke."
        await type_text(pilot, "affe")
        await search_done(pilot)
        found = len(column(app.screen.query_one("#hits", DataTable)))
        assert found and count_line(app) == f"{found} treff · nyeste først (ctrl+o: beste treff)"


async def test_search_on_an_encrypted_file_and_the_thread_closes_its_connection(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search thread opens its own connection with the key, and closes it with the screen."""
    pytest.importorskip("sqlcipher3")
    from tp_tui.services import search_thread

    closed: list[tuple[str, bool]] = []
    close = search_thread.close_connection

    def recorded_close() -> None:
        close()
        closed.append((threading.current_thread().name, db.is_closed()))

    monkeypatch.setattr(search_thread, "close_connection", recorded_close)
    path = tmp_path / "secret.db"
    open_database(path, "korrekt hest batteri stift")
    try:
        kari = add_participant(ParticipantInput(name="Kari Nordmann"), clock)
        log_contact(ContactInput(kari.id, "i dag 08:00", note="Søknad om bostøtte"), clock)
        app = TpApp(clock=clock)
        async with app.run_test(size=(100, 34)) as pilot:
            await pilot.press("slash")
            screen = app.screen
            assert isinstance(screen, SearchScreen)
            await type_text(pilot, "bostøtte")
            await search_done(pilot)
            assert column(screen.query_one("#hits", DataTable), 1) == ["Kari Nordmann"]
            await pilot.press("escape")
            await pilot.pause()
            screen._thread._executor.shutdown(wait=True)  # the thread's last task: closing
        assert [(name.startswith("tp-search"), was_closed) for name, was_closed in closed] == [
            (True, True)
        ]
        assert not db.is_closed()  # the app's own connection is untouched
    finally:
        close_database()


async def test_newest_first_and_ctrl_o_switches_to_best_match(
    db_path: Path, clock: FrozenClock
) -> None:
    ola = add_participant(ParticipantInput(name="Ola Hansen"), clock)
    log_contact(ContactInput(ola.id, "-20", note="Husleia husleia husleia"), clock)
    log_contact(ContactInput(ola.id, "i dag", note="Snakket om mye, og litt om husleia"), clock)
    app = TpApp(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await search_for(pilot, "husleia")
        texts = column(app.screen.query_one("#hits", DataTable), 3)
        assert texts[0].startswith("Snakket om mye")  # today's note, though a weaker match
        assert count_line(app).endswith("newest first (ctrl+o: best match)")
        await pilot.press("ctrl+o")
        await search_done(pilot)
        texts = column(app.screen.query_one("#hits", DataTable), 3)
        assert texts[0] == "Husleia husleia husleia"
        assert count_line(app) == "2 found · best match first (ctrl+o: newest)"
        await pilot.press("ctrl+o")
        await search_done(pilot)
        assert column(app.screen.query_one("#hits", DataTable), 3)[0].startswith("Snakket")
