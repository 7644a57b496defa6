"""Stored text is shown literally on every screen: never markup, never escape codes."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tp_tui.app import TpApp
from tp_tui.clock import FrozenClock
from tp_tui.models import Callback, Contact, Goal, GroupMember, Participant
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.text import clean
from tp_tui.views.participant_detail import ParticipantDetailScreen

from .helpers import column, palette, screen_text, type_text

HOSTILE = [
    "[bold red]Kari[/]",
    "Per [/",
    "[ @click=app.quit]Ring",
    "[$primary]Lise",
    ":warning: Ola \x1b[2J\x1b]0;title\x07",
    "Anne\u202eesrever",
    "Emoji 🙂 Ola\x00Nord",
]
LONG_NOTE = "Langt notat " + "om alt som skjedde i dag " * 420  # about 10,000 characters


def seed(clock: FrozenClock) -> list[Participant]:
    now = clock.now()
    people = []
    for text in HOSTILE:
        person = add_participant(ParticipantInput(name=text, about=text), clock)
        Contact.create(
            participant=person,
            at=now - timedelta(hours=1),
            kind="phone",
            note=text,
            created_at=now,
            updated_at=now,
        )
        Callback.create(
            participant=person,
            reason=text,
            received_at=now,
            due_at=now,
            created_at=now,
            updated_at=now,
        )
        Goal.create(
            participant=person,
            life_area="housing",
            text=text,
            created_on=now.date(),
            status_on=now.date(),
        )
        GroupMember.create(participant=person, agency="nav", name=text, role=text)
        people.append(person)
    Contact.create(
        participant=people[0],
        at=now - timedelta(minutes=5),
        kind="conversation",
        note=LONG_NOTE,
        created_at=now,
        updated_at=now,
    )
    # Quiet for a month, so each also shows under "do not let go".
    old = now - timedelta(days=40)
    Contact.update(at=old).where(Contact.participant.in_([p.id for p in people[:2]])).execute()
    return people


async def test_every_screen_shows_hostile_text_literally(db_path: Path, clock: FrozenClock) -> None:
    people = seed(clock)
    expected = {clean(text).strip() for text in HOSTILE}
    app = TpApp(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        callbacks = column(app.screen.query_one("#callbacks", DataTable), 1)
        assert expected <= {name.strip() for name in callbacks}
        assert expected <= {
            note.strip() for note in column(app.screen.query_one("#callbacks", DataTable), 3)
        }
        await pilot.click("#callbacks")  # a click on a row must not run an action hidden in text
        await pilot.press("f3")
        names = column(app.screen.query_one(DataTable))
        assert {name.strip() for name in names} == expected
        assert all("\x1b" not in name for name in names)
        for person in people:
            app.open_participant(person.id)
            await pilot.pause()
            assert isinstance(app.screen, ParticipantDetailScreen)
            who = str(app.screen.query_one("#who", Static).render())
            assert clean(person.name).strip() in who
            goals = str(app.screen.query_one("#goals", Static).render())
            assert clean(person.name).strip() in goals
            group = str(app.screen.query_one("#group", Static).render())
            assert clean(person.name).strip() in group
            await pilot.press("escape")
        await pilot.press("f4")  # the callbacks screen
        owed = column(app.screen.query_one("#cb-overdue", DataTable), 1) + column(
            app.screen.query_one("#cb-today", DataTable), 1
        )
        assert {name.strip() for name in owed if name} == expected
        await pilot.press("f9")  # end of day summary
        await pilot.pause()
        summary = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert "[bold red]Kari[/]" in summary and "\x1b" not in summary
        await pilot.press("escape", "f2", "slash")  # note search
        await type_text(pilot, "Kari")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the search runs when typing pauses
        await pilot.pause()
        assert "[bold red]Kari[/]" in column(app.screen.query_one("#hits", DataTable), 3)
        await pilot.press("escape")
        people_ = people[0]
        app.open_participant(people_.id)
        await pilot.pause()
        await pilot.press("l")  # the contact form shows the stored name literally
        await pilot.pause()
        who = next(line for line in screen_text(app).splitlines() if " Who " in line)
        assert "[bold red]Kari[/]" in who
        await pilot.press("escape")
        # The palette lists a name found by "[bold" as it is stored, not as markup.
        await palette(pilot, "[bold", "[bold red]Kari[/]")
        await pilot.press("escape")
        await pilot.press("e")  # the edit form shows the stored name as typed
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running


async def test_column_headings_show_their_translation_literally(
    demo_db: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A heading is the translator's text as written: brackets and colons in it are neither
    markup nor emoji codes, on Today and on the call list."""
    from tp_tui import i18n

    heading = "[b]Why[/b] :phone:"
    messages = i18n._catalogue("en").messages  # noqa: SLF001 - as if en.po said so
    monkeypatch.setitem(messages, "today.col.reason", heading)
    app = TpApp(clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert heading in screen_text(app)
        await pilot.press("f4")
        await pilot.pause()
        assert heading in screen_text(app)
