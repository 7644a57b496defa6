"""The participant summary: consent decides, notes only on request, text stays text."""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tp_tui.clock import OSLO, FrozenClock
from tp_tui.domain import Stage
from tp_tui.export.summary import (
    escape_markdown,
    render_html,
    render_markdown,
    render_pdf,
)
from tp_tui.folding import search_text, sort_key
from tp_tui.i18n import catalogue, set_language, t
from tp_tui.models import (
    AuditEvent,
    Callback,
    ChecklistMark,
    ConsentGrant,
    Contact,
    Goal,
    GroupMember,
    IndividualPlan,
    Participant,
    StageRecord,
    TrustPerson,
)
from tp_tui.services.summary import (
    LeftOut,
    SummaryError,
    exports_of,
    participant_summary,
    record_export,
    resolve_participant,
)
from tp_tui.services.team import current_trust_person

from .pdf_text import shown_text

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "summary"
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)
ALL = ("goals", "process", "plan", "group", "contacts", "callbacks")
HOSTILE = "<script>alert(1)</script> [bold] | # * _ `x` &amp; ~~y~~ :warning:"


def at(day: int, month: int = 11, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=OSLO)


def person(name: str, status: str = "active", intake: date | None = date(2026, 5, 4)) -> int:
    tp = TrustPerson.get_or_none() or TrustPerson.create(name="Tone Tillit", created_at=NOW)
    return int(
        Participant.create(
            name=name, search_text=search_text(name), sort_key=sort_key(name), status=status,
            intake_on=intake, responsible=tp, created_at=at(4, 5), updated_at=at(4, 5),
        ).id
    )  # fmt: skip


def consent(pid: int, *scopes: str, withdrawn: date | None = None, **extra: object) -> None:
    for scope in scopes:
        ConsentGrant.create(participant=pid, scope=scope, given_on=date(2026, 5, 4),
                            withdrawn_on=withdrawn, **extra)  # fmt: skip


def contact(pid: int, moment: datetime, kind: str = "phone", note: str = "") -> None:
    Contact.create(participant=pid, at=moment, kind=kind, note=note, created_at=moment,
                   updated_at=moment)  # fmt: skip


def kari(
    scopes: tuple[str, ...] = ALL, goal: str = "Betale 50 % av gjelda *før* jul", notes: bool = True
) -> int:
    """Hand-made, fictional: the golden file's participant."""
    pid = person("Kari Nordmann")
    for stage, day in ((1, date(2026, 5, 4)), (2, date(2026, 6, 1)), (3, date(2026, 8, 3)),
                       (4, date(2026, 9, 21))):  # fmt: skip
        StageRecord.create(participant=pid, stage=stage, entered_on=day, recorded_at=at(1))
    ChecklistMark.create(
        participant=pid, stage=4, item="wishes_followed", done_on=date(2026, 10, 5)
    )
    for order, (area, text, status, day) in enumerate((
        ("housing", "Få min egen leilighet", "working", date(2026, 9, 1)),
        ("work", "Ha noe å gå til om morgenen", "wanted", date(2026, 6, 10)),
        ("income", goal, "working", date(2026, 10, 1)),
        ("health", "Sove bedre om natta", "reached", date(2026, 11, 12)),
    )):  # fmt: skip
        Goal.create(participant=pid, life_area=area, text=text, status=status,
                    created_on=date(2026, 6, 5), status_on=day, sort_order=order)  # fmt: skip
    nav = GroupMember.create(participant=pid, agency="nav", name="Nina Nav", role="NAV-veileder",
                             phone="+4791234567", is_coordinator=True)  # fmt: skip
    GroupMember.create(participant=pid, agency="gp", name="Frank Fastlege", role="fastlege")
    GroupMember.create(participant=pid, agency="housing", name="Gammel Gruppe", left_on=NOW.date())
    IndividualPlan.create(
        participant=pid, status="handed_over", draft_started_on=date(2026, 6, 5),
        offered_on=date(2026, 8, 10), accepted_on=date(2026, 8, 24),
        handed_over_on=date(2026, 9, 14), coordinator=nav, updated_at=at(14, 9),
    )  # fmt: skip
    contact(pid, at(5), note="Før møtet")
    contact(pid, at(12), kind="group_meeting", note="Gikk gjennom planen")
    contact(pid, at(13, hour=9, minute=30), note="Ringte om husleia")
    contact(pid, at(19), kind="conversation", note="Kaffe på biblioteket")
    contact(pid, at(24, hour=14), kind="sms")
    contact(pid, at(27), kind="group_meeting", note="Neste møte, ikke ennå")
    due = at(27, hour=15, minute=30)
    Callback.create(participant=pid, reason="Spør om følge til fastlegen", received_at=at(25),
                    due_at=due, created_at=at(25), updated_at=at(25))  # fmt: skip
    Callback.create(participant=pid, reason="Ferdig", received_at=at(20), due_at=at(20),
                    done_at=at(20), created_at=at(20), updated_at=at(20))  # fmt: skip
    shared = [s for s in scopes if s != "callbacks"]
    consent(pid, *shared)
    if notes:
        consent(pid, "notes")
    if "callbacks" in scopes:
        consent(pid, "callbacks")
    else:
        consent(pid, "callbacks", withdrawn=date(2026, 11, 20))
    return pid


# -- consent -------------------------------------------------------------------------------------
def test_all_shared_has_every_section(db_path: Path) -> None:
    pid = kari()
    s = participant_summary(pid, NOW, include_notes=True)
    assert s.included == ALL
    assert s.left_out == ()
    assert s.goals is not None and s.plan is not None and s.group is not None
    assert [m.name for m in s.group] == ["Nina Nav", "Frank Fastlege"]  # who left is not shown
    assert s.plan.coordinator == "Nina Nav"
    assert s.open_callbacks is not None and [c.reason for c in s.open_callbacks] == [
        "Spør om følge til fastlegen"
    ]
    assert s.stage == Stage.FOLLOW_UP and s.stage_entered_on == date(2026, 9, 21)
    text = render_markdown(s)
    assert (
        "- The trust person calls back by 27.11.2026 at 15:30: Spør om følge til fastlegen" in text
    )
    assert "- Calls back: 1 agreed, by 27.11.2026" in text
    assert [n.kind for n in s.next_steps] == ["goal_working", "goal_working", "goal_wanted",
                                              "callbacks"]  # fmt: skip


def test_only_goals_and_process_in_the_demo(demo_db: Path) -> None:
    set_language("nb")
    try:
        s = participant_summary(resolve_participant("Øyvind Åsheim"), NOW)
        text = render_markdown(s)
    finally:
        set_language("en")
    assert s.included == ("goals", "process")
    assert s.plan is None and s.group is None and s.contacts is None and s.open_callbacks is None
    assert [(x.section, x.reason) for x in s.left_out] == [
        ("plan", "not_shared"), ("group", "not_shared"),
        ("contacts", "not_shared"), ("callbacks", "not_shared"),
    ]  # fmt: skip
    # The checklist does not tell about the plan or the group either.
    assert s.process is not None
    items = {item for item, _ in s.process.done} | set(s.process.open_items)
    assert not items & {"group_established", "coordinator_named", "draft_offered"}
    assert "## Ansvarsgruppa" not in text and "## Individuell plan" not in text
    assert "- Individuell plan: ikke sagt ja til å dele." in text
    assert "- Ansvarsgruppa: ikke sagt ja til å dele." in text
    assert "NAV-veileder" not in text and "tlf." not in text


def test_a_withdrawn_consent_in_the_demo(demo_db: Path) -> None:
    s = participant_summary(resolve_participant("Kenneth Lysø"), NOW)
    assert s.contacts is None
    assert LeftOut("contacts", "withdrawn", date(2026, 11, 6)) in s.left_out
    assert "- Contacts: agreement withdrawn 06.11.2026." in render_markdown(s)


@pytest.mark.parametrize(
    ("given", "withdrawn", "recipient", "counts"),
    [
        (date(2026, 5, 4), None, "group", True),
        (date(2026, 5, 4), date(2026, 11, 26), "group", False),  # withdrawn today
        (date(2026, 5, 4), date(2026, 11, 27), "group", True),  # withdrawn from tomorrow
        (date(2026, 11, 27), None, "group", False),  # not given yet
        (date(2026, 5, 4), None, "nav", False),  # given to someone else
    ],
)
def test_when_a_consent_counts(
    db_path: Path, given: date, withdrawn: date | None, recipient: str, counts: bool
) -> None:
    pid = person("Per Prøve")
    ConsentGrant.create(participant=pid, scope="goals", given_on=given, withdrawn_on=withdrawn,
                        recipient=recipient)  # fmt: skip
    s = participant_summary(pid, NOW)
    assert (s.goals is not None) is counts
    assert s.process is None and s.stage is None  # who it is about is there all the same
    if withdrawn and not counts:
        assert s.left_out[0] == LeftOut("goals", "withdrawn", withdrawn)


def test_given_again_after_withdrawing_counts(db_path: Path) -> None:
    pid = person("Per Prøve")
    consent(pid, "goals", withdrawn=date(2026, 6, 1))
    consent(pid, "goals")
    assert participant_summary(pid, NOW).goals == {}


# -- notes ---------------------------------------------------------------------------------------
def test_notes_only_when_asked_for(db_path: Path) -> None:
    pid = kari()
    plain = participant_summary(pid, NOW)
    assert plain.contacts is not None and all(c.note is None for c in plain.contacts)
    assert LeftOut("notes", "on_purpose") in plain.left_out
    text = render_markdown(plain) + render_html(plain)
    assert "husleia" not in text and "biblioteket" not in text and "Gikk gjennom" not in text
    assert "Notes from the contacts: left out on purpose" in render_markdown(plain)
    with_notes = participant_summary(pid, NOW, include_notes=True)
    assert with_notes.contacts is not None
    assert [c.note for c in with_notes.contacts] == [
        "Ringte om husleia",
        "Kaffe på biblioteket",
        "",
    ]
    assert "13.11.2026: phone – Ringte om husleia" in render_markdown(with_notes)
    assert "included because they were asked for" in render_markdown(with_notes)


def test_notes_asked_for_stay_out_without_a_notes_consent_and_the_summary_says_so(
    db_path: Path,
) -> None:
    pid = kari(notes=False)
    Contact.update(note="Tilbakefall i helga").where(Contact.kind == "sms").execute()
    s = participant_summary(pid, NOW, include_notes=True)
    assert s.contacts is not None and all(c.note is None for c in s.contacts)
    assert not s.include_notes
    assert LeftOut("notes", "not_shared") in s.left_out
    text = render_markdown(s)
    assert "Tilbakefall" not in text
    assert "Notes from the contacts: not agreed to share." in text


def test_a_notes_consent_that_has_expired_keeps_them_out_from_the_day_after(
    db_path: Path,
) -> None:
    pid = kari(notes=False)
    consent(pid, "notes", expires_on=date(2026, 11, 25))
    s = participant_summary(pid, NOW, include_notes=True)
    assert not s.include_notes
    assert LeftOut("notes", "expired", date(2026, 11, 25)) in s.left_out
    assert "Notes from the contacts: the agreement held until 25.11.2026." in render_markdown(s)
    day_before = participant_summary(pid, at(25), include_notes=True)
    assert day_before.include_notes


def test_an_expired_section_is_left_out_and_said_so(db_path: Path) -> None:
    pid = person("Per Prøve")
    consent(pid, "goals", expires_on=date(2026, 10, 31))
    s = participant_summary(pid, NOW)
    assert s.goals is None
    assert LeftOut("goals", "expired", date(2026, 10, 31)) in s.left_out
    assert "Goals: the agreement held until 31.10.2026." in render_markdown(s)


def test_notes_never_without_the_contacts_consent(db_path: Path) -> None:
    pid = kari(scopes=("goals", "process"))
    s = participant_summary(pid, NOW, include_notes=True)
    assert s.contacts is None and not s.include_notes
    assert "husleia" not in render_markdown(s)


# -- since ---------------------------------------------------------------------------------------
def test_since_the_last_group_meeting(db_path: Path) -> None:
    s = participant_summary(kari(), NOW)  # the meeting on the 27th is still ahead
    assert (s.since, s.since_basis) == (date(2026, 11, 12), "meeting")
    assert s.contacts is not None
    assert [c.at for c in s.contacts] == [at(13, hour=9, minute=30), at(19), at(24, hour=14)]
    assert "## Contact since the last meeting 12.11.2026" in render_markdown(s)


def test_since_a_given_day_includes_that_whole_day(db_path: Path) -> None:
    s = participant_summary(kari(), NOW, since=date(2026, 11, 5))
    assert (s.since, s.since_basis) == (date(2026, 11, 5), "given")
    assert s.contacts is not None and [c.kind for c in s.contacts] == [
        "phone", "group_meeting", "phone", "conversation", "sms"
    ]  # fmt: skip
    assert "## Contact since 05.11.2026" in render_markdown(s)


def test_since_intake_without_a_meeting(db_path: Path) -> None:
    pid = person("Per Prøve")
    consent(pid, "contacts")
    contact(pid, at(3, 5))  # before intake
    contact(pid, at(4, 5, hour=8))
    s = participant_summary(pid, NOW)
    assert (s.since, s.since_basis) == (date(2026, 5, 4), "intake")
    assert s.contacts is not None and len(s.contacts) == 1


# -- golden Markdown -----------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["nb", "en"])
def test_markdown_golden(db_path: Path, language: str) -> None:
    """Set TP_UPDATE_GOLDEN=1 to write the files again; read the diff before committing it."""
    set_language(language)
    try:
        text = render_markdown(participant_summary(kari(scopes=ALL[:-1]), NOW))
    finally:
        set_language("en")
    path = GOLDEN / f"kari_{language}.md"
    if os.environ.get("TP_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# -- hostile text --------------------------------------------------------------------------------
class _Text(HTMLParser):
    """The text of a page and the tags in it, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(page: str) -> _Text:
    parser = _Text()
    parser.feed(page)
    parser.close()
    return parser


def _hostile(db_path: Path) -> int:
    pid = kari(goal=HOSTILE)
    Contact.update(note=HOSTILE + "\x1b[2J\nsecond line").where(Contact.kind == "sms").execute()
    return pid


def test_hostile_text_in_markdown_is_escaped(db_path: Path) -> None:
    text = render_markdown(participant_summary(_hostile(db_path), NOW, include_notes=True))
    escaped = (
        r"&lt;script&gt;alert(1)&lt;/script&gt; \[bold\] \| \# \* \_ \`x\` &amp;amp; "
        r"\~\~y\~\~ \:warning:"
    )
    assert f"- “{escaped}” – working on it, 01.10.2026" in text
    assert f"- 24.11.2026: SMS – {escaped} second line" in text
    assert "<script" not in text and "\x1b" not in text


def test_hostile_markdown_renders_as_the_same_text() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    for line in (HOSTILE, "1. not a list", "- not a list", "# not a heading", "=", "a\\b", "*x*"):
        page = markdown_it.MarkdownIt("gfm-like").render(escape_markdown(line))
        parsed = _parse(page)
        assert parsed.tags == ["p"], line
        assert "".join(parsed.text).strip() == line


def test_escape_markdown_leaves_plain_text_alone() -> None:
    assert escape_markdown("26.11.2026: telefon kl. 10:00") == "26.11.2026: telefon kl. 10:00"
    assert escape_markdown("12. mai") == r"12\. mai"
    assert escape_markdown("-5 grader") == r"\-5 grader"


def test_hostile_text_in_html_is_text(db_path: Path) -> None:
    page = render_html(participant_summary(_hostile(db_path), NOW, include_notes=True))
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert '<meta charset="utf-8">' in page and "size: A4" in page
    parsed = _parse(page)
    assert "script" not in parsed.tags
    text = "".join(parsed.text)
    assert f"“{HOSTILE}” – working on it, 01.10.2026" in text
    assert f"24.11.2026: SMS – {HOSTILE} second line" in text
    assert "\x1b" not in page


def test_html_in_norwegian_says_what_is_left_out(db_path: Path) -> None:
    set_language("nb")
    try:
        page = render_html(participant_summary(kari(scopes=ALL[:-1]), NOW))
    finally:
        set_language("en")
    text = "".join(_parse(page).text)
    assert '<html lang="nb">' in page
    assert "Dette er utelatt" in text
    assert "Avtaler og tilbakeringinger: samtykket ble trukket tilbake 20.11.2026." in text


# -- PDF -----------------------------------------------------------------------------------------
def test_pdf_text(db_path: Path) -> None:
    set_language("nb")
    try:
        data = render_pdf(participant_summary(_hostile(db_path), NOW, include_notes=True))
    finally:
        set_language("en")
    assert data.startswith(b"%PDF-")
    text = shown_text(data)
    for expected in ("Utdrag til ansvarsgruppa: Kari Nordmann", "Hvem det gjelder",
                     "Mål (med deltakerens egne ord)", "«Få min egen leilighet» – jobber med det",
                     "Nina Nav, NAV-veileder, NAV, koordinator, tlf. 912 34 567",
                     "Kontakt siden siste møte 12.11.2026", "Om dette utdraget", "Dette er med",
                     "Dette er utelatt", "<script>alert(1)</script> [bold]",
                     "side 1 av"):  # fmt: skip
        assert expected in text, expected


def test_pdf_prints_every_letter_and_names_what_it_cannot_draw(db_path: Path) -> None:
    pid = person("Łukasz Żółć 🙂 王")
    consent(pid, "goals")
    Goal.create(participant=pid, life_area="health", text="Słońce ☀ “ok” – ﬁne", status="wanted",
                created_on=NOW.date(), status_on=NOW.date())  # fmt: skip
    text = shown_text(render_pdf(participant_summary(pid, NOW)))
    assert "Łukasz Żółć � �" in text
    assert "Słońce ☀ “ok” – ﬁne" in text
    named = "U+738B CJK UNIFIED IDEOGRAPH-738B, U+1F642 SLIGHTLY SMILING FACE."
    assert named in " ".join(text.split())


# -- exports and names ---------------------------------------------------------------------------
def test_record_export_and_list_them(db_path: Path) -> None:
    pid = kari()
    record_export(pid, "summary", "pdf", FrozenClock(at(20)))
    record_export(pid, "summary", "md", FrozenClock(NOW))
    assert exports_of(pid) == [(NOW, "summary", "md"), (at(20), "summary", "pdf")]
    events = list(AuditEvent.select().where(AuditEvent.participant_id == pid))
    assert [e.action for e in events] == ["export.summary", "export.summary"]
    assert exports_of(person("Per Prøve")) == []


def test_resolve_a_name_or_a_number(db_path: Path) -> None:
    pid = kari()
    other = person("Ole Olsen", status="closed")
    assert resolve_participant("Kari N") == pid
    assert resolve_participant("kn") == pid
    assert resolve_participant(f"#{pid}") == pid
    assert resolve_participant(str(pid)) == pid
    assert resolve_participant("Ole Olsen") == other  # closed people get summaries too
    with pytest.raises(SummaryError) as error:
        resolve_participant("#999")
    assert error.value.key == "summary.error.no_id"


def test_no_match_says_what_was_typed(db_path: Path) -> None:
    kari()
    with pytest.raises(SummaryError) as error:
        resolve_participant("Zacharias")
    assert error.value.key == "summary.error.no_match"
    assert t(error.value.key, **error.value.params) == "No participant matches “Zacharias”."


def test_ambiguous_names_give_suggestions(db_path: Path) -> None:
    first, second = kari(), person("Kari Berg")
    with pytest.raises(SummaryError) as error:
        resolve_participant("Kari")
    assert error.value.key == "summary.error.ambiguous"
    assert {m.id for m in error.value.candidates} == {first, second}
    message = t(error.value.key, **error.value.params)
    assert f"Kari Berg (#{second})" in message and f"Kari Nordmann (#{first})" in message
    assert "use the number" in message


def test_a_loose_guess_is_not_taken(db_path: Path) -> None:
    pid = kari()
    with pytest.raises(SummaryError) as error:
        resolve_participant("krnd")  # letters in order only
    assert error.value.key == "summary.error.unsure"
    assert [m.id for m in error.value.candidates] == [pid]


def test_every_summary_message_exists_in_both_languages() -> None:
    summary_keys = {key for key in catalogue("en") if key.startswith("summary.")}
    assert summary_keys == {key for key in catalogue("nb") if key.startswith("summary.")}
    source = "".join(
        (Path(__file__).resolve().parents[2] / "tp_tui" / part).read_text(encoding="utf-8")
        for part in ("services/summary.py", "export/summary.py")
    )
    used = set(re.findall(r'"(summary\.[a-z_.]+)"', source))
    dynamic = {f"summary.{prefix}.{name}" for prefix, names in {
        "next": ("goal_working", "goal_wanted", "plan_draft", "plan_offered", "plan_accepted",
                 "callbacks"),
        "contacts": ("meeting", "given", "intake", "start"),
        "foot": ("not_shared", "withdrawn", "on_purpose"),
        "section": (*ALL, "notes"),
    }.items() for name in names}  # fmt: skip
    assert sorted((used | dynamic) - summary_keys) == []


# -- who made it -----------------------------------------------------------------------------------
def test_the_summary_names_who_made_it_not_the_participants_trust_person(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language("en")
    pid = person("Kari Nordmann")  # her trust person is Tone Tillit
    TrustPerson.update(login="tone").execute()
    TrustPerson.create(name="Per Pedersen", login="per", created_at=NOW)
    monkeypatch.setenv("TP_TUI_USER", "per")
    text = render_markdown(participant_summary(pid, NOW))
    assert "*Made 26.11.2026 at 10:00 by Per Pedersen, trust person." in text
    assert "- Trust person: Tone Tillit" in text  # whose participant she is, still said
    assert "Tone Tillit, trust person" not in shown_text(render_pdf(participant_summary(pid, NOW)))


def test_a_login_is_not_named_as_the_author(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    set_language("nb")
    monkeypatch.setenv("TP_TUI_USER", "root")
    current_trust_person(FrozenClock(NOW))  # a fresh file: the trust person made from the login
    pid = person("Kari Nordmann")
    text = render_markdown(participant_summary(pid, NOW))
    assert "*Laget 26.11.2026 kl. 10:00. Fortrolig" in text
    assert "av root" not in text


def test_the_printed_html_has_the_pdfs_footer_on_every_page(db_path: Path) -> None:
    set_language("nb")
    try:
        page = render_html(participant_summary(person('Kari "</style>\\ Nordmann'), NOW))
    finally:
        set_language("en")
    rule = next(line for line in page.splitlines() if "@bottom-center" in line)
    name = '"Kari \\22 \\3c \\2f style\\3e \\5c  Nordmann'
    assert f"{name} · utdrag 26\\2e 11\\2e 2026 · fortrolig" in rule
    assert '· side " counter(page) " av " counter(pages)' in rule
    assert page.count("</style>") == 1  # the name cannot close the style sheet
