"""The hostile corpus through every export: nothing breaks, becomes markup or escape codes."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar

from tp_tui.clock import FrozenClock
from tp_tui.export import callback_list, callback_list_pdf, summary, summary_pdf
from tp_tui.models import Callback, ConsentGrant, Contact, Goal, Participant
from tp_tui.services.callback_list import callback_week
from tp_tui.services.participants import ParticipantInput, add_participant
from tp_tui.services.summary import participant_summary

HOSTILE = [
    "[bold red]Kari[/]",
    "Per [/",
    "<script>alert(1)</script> | # * _ `kode`",
    ":warning: Ola \x1b[2J\x1b]0;title\x07",
    "Anne\u202eesrever",
    "Emoji 🙂 Ola\x00Nord {nb}",
    "Łukasz Żółć",
]
LONG = "Langt notat " + "om alt som skjedde " * 600


class TagCounter(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "script":
            self.scripts += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.fixture
def people(db_path: Path, clock: FrozenClock) -> list[Participant]:
    now = clock.now()
    result = []
    for text in HOSTILE:
        person = add_participant(ParticipantInput(name=text, phone="91234567"), clock)
        for scope in ("goals", "process", "plan", "group", "contacts", "callbacks"):
            ConsentGrant.create(participant=person, scope=scope, given_on=now.date())
        Goal.create(
            participant=person,
            life_area="housing",
            text=text,
            created_on=now.date(),
            status_on=now.date(),
        )
        Contact.create(
            participant=person,
            at=now - timedelta(hours=2),
            kind="phone",
            note=text + " " + LONG,
            created_at=now,
            updated_at=now,
        )
        Callback.create(
            participant=person,
            reason=text,
            received_at=now,
            due_at=now + timedelta(hours=3),
            created_at=now,
            updated_at=now,
        )
        result.append(person)
    return result


def test_week_list_in_every_format(people: list[Participant], clock: FrozenClock) -> None:
    week = callback_week(2026, 48, clock.now())
    text = callback_list.render_text(week)
    assert "\x1b" not in text and "\x00" not in text and "\u202e" not in text
    assert "[bold red]Kari[/]" in text
    page = TagCounter()
    page.feed(callback_list.render_html(week))
    assert page.scripts == 0 and "<script>alert(1)</script>" in "".join(page.text)
    assert callback_list_pdf.render_pdf(week).startswith(b"%PDF")
    calendar = Calendar.from_ical(callback_list.render_ics(week))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert len(summaries) == len(HOSTILE)
    assert not any("\x1b" in s for s in summaries)


def test_summary_in_every_format(people: list[Participant], clock: FrozenClock) -> None:
    for person in people:
        data = participant_summary(person.id, clock.now(), include_notes=True)
        markdown = summary.render_markdown(data)
        assert "\x1b" not in markdown and "\x00" not in markdown
        assert "<script>" not in markdown  # escaped, so a Markdown viewer shows it as text
        page = TagCounter()
        page.feed(summary.render_html(data))
        assert page.scripts == 0
        assert summary_pdf.render_pdf(data).startswith(b"%PDF")
