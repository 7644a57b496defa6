"""``tp export plan NAME`` in the three formats, as the coordinator receives it: only what
consent covers, and the export says what it left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tp_tui.cli import run

from .pdf_text import shown_text


@pytest.fixture
def demo_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TP_TUI_NOW", "2026-11-26T10:00")


def test_plan_as_markdown_html_and_pdf(
    demo_now: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--demo", "export", "plan", "Marte", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert "# Individual plan for Marte Kristine Solheim-Bjørkedal Haugen" in out
    assert "Measures: Avtale om hva som gjøres ved krise" in out
    assert "The participant agreed to the plan 03.10.2026" in out
    html_file, pdf_file = tmp_path / "plan.html", tmp_path / "plan.pdf"
    assert run(["--demo", "export", "plan", "Marte", "--format", "html", "-o", str(html_file)]) == 0
    page = html_file.read_text(encoding="utf-8")
    assert "<h1>Individual plan for Marte" in page and "Responsible: psykiatrisk sykepleier" in page
    assert run(["--demo", "export", "plan", "Marte", "--format", "pdf", "-o", str(pdf_file)]) == 0
    text = shown_text(pdf_file.read_bytes())
    assert "Individual plan for Marte" in text
    assert "Goal: Føle meg trygg der jeg bor" in text
    assert "Coordinator: Hege Strømsnes" in text


def test_plan_leaves_out_what_consent_does_not_cover_and_says_so(
    demo_now: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--demo", "export", "plan", "Øyvind"]) == 0
    out = capsys.readouterr().out
    assert "Individual plan: not agreed to share." in out
    assert "The responsibility group: not agreed to share." in out
    assert "Measures:" not in out and "Coordinator" not in out


def test_a_pdf_needs_a_file_and_a_wrong_name_is_told(
    demo_now: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--demo", "export", "plan", "Marte", "--format", "pdf"]) == 2
    assert run(["--demo", "export", "plan", "Qwerty Zyx"]) == 2
    assert "No participant matches" in capsys.readouterr().err


def test_stored_text_in_the_plan_is_text_in_every_format(
    db_path: Path, tmp_path: Path
) -> None:
    from datetime import date, datetime

    from tp_tui.clock import OSLO, FrozenClock
    from tp_tui.domain import LifeArea
    from tp_tui.export.plan import render_html, render_markdown
    from tp_tui.models import ConsentGrant
    from tp_tui.services.participants import ParticipantInput, add_participant
    from tp_tui.services.plan_document import ItemInput, add_item
    from tp_tui.services.plan_export import plan_export

    clock = FrozenClock(datetime(2026, 11, 26, 10, 0, tzinfo=OSLO))
    person = add_participant(ParticipantInput(name="Per <b>Test</b>"), clock)
    for scope in ("plan", "goals", "group"):
        ConsentGrant.create(participant=person.id, scope=scope, given_on=date(2026, 11, 1))
    add_item(person.id, LifeArea.HOUSING, ItemInput("<script>x</script> [bold]mål", "# tiltak |"),
             clock)  # fmt: skip
    exported = plan_export(person.id, clock.now())
    page = render_html(exported)
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt; [bold]mål" in page
    markdown = render_markdown(exported)
    assert "\\# tiltak \\|" in markdown and "<script>" not in markdown
