"""The export front door (tp_tui.export.render): every document in every format it offers, made
by the same renderer the format's module has, and a format a document is not made in refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tp_tui.clock import FrozenClock
from tp_tui.export import FORMATS, UnknownFormat, callback_list, plan, render, summary
from tp_tui.export.statistics import render_csv
from tp_tui.services.callback_list import CallbackWeek, callback_week
from tp_tui.services.participants import find_participants
from tp_tui.services.plan_export import PlanExport, plan_export
from tp_tui.services.statistics import PeriodStats, period_stats
from tp_tui.services.summary import Summary, participant_summary

BINARY = {"pdf", "ics"}


def _documents(clock: FrozenClock) -> tuple[CallbackWeek, Summary, PlanExport, PeriodStats]:
    now = clock.now()
    someone = find_participants("a", limit=1)[0].id
    year, week = now.isocalendar().year, now.isocalendar().week
    return (
        callback_week(year, week, now),
        participant_summary(someone, now),
        plan_export(someone, now),
        period_stats(date(2026, 1, 1), clock.today()),
    )


def test_every_document_in_every_format(demo_db: Path, clock: FrozenClock) -> None:
    for document in _documents(clock):
        kind = type(document).__name__
        for fmt in FORMATS[kind]:
            data = render(document, fmt)
            assert isinstance(data, bytes if fmt in BINARY else str), (kind, fmt)
            assert data, (kind, fmt)
            if fmt == "pdf":
                assert isinstance(data, bytes) and data.startswith(b"%PDF-")


def test_the_front_door_gives_what_each_format_module_makes(
    demo_db: Path, clock: FrozenClock
) -> None:
    week, kept, exported, stats = _documents(clock)
    assert render(week, "text") == callback_list.render_text(week)
    assert render(week, "html") == callback_list.render_html(week)
    assert render(kept, "md") == summary.render_markdown(kept)
    assert render(exported, "html") == plan.render_html(exported)
    assert render(stats, "csv", csv_delimiter=",") == render_csv(stats, ",")


def test_a_format_the_document_is_not_made_in_is_refused(
    demo_db: Path, clock: FrozenClock
) -> None:
    week = _documents(clock)[0]
    with pytest.raises(UnknownFormat):
        render(week, "md")
    with pytest.raises(UnknownFormat):
        render(object(), "pdf")  # type: ignore[arg-type]
