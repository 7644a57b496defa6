"""Retention: participants closed longer than the retention time, to erase or keep."""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import cast

from peewee import ModelSelect

from tp_tui.domain import ParticipantStatus
from tp_tui.models import Participant
from tp_tui.settings import Settings


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _retention_due(now: datetime, settings: Settings) -> ModelSelect[Participant]:
    cutoff = _months_before(now.date(), settings.retention_months)
    return Participant.select(Participant.id).where(
        (Participant.status == ParticipantStatus.CLOSED.value)
        & Participant.closed_on.is_null(False)
        & (Participant.closed_on < cutoff)
    )


def retention_candidates(now: datetime, settings: Settings) -> list[tuple[int, str, date]]:
    """Participants closed longer than ``settings.retention_months``: (id, name, closed on)."""
    query = _retention_due(now, settings).select(
        Participant.id, Participant.name, Participant.closed_on
    )
    # Plain tuples: a model object for each of thousands of closed participants costs more
    # than the query.
    return cast(
        list[tuple[int, str, date]],
        list(query.order_by(Participant.closed_on, Participant.id).tuples()),
    )


def retention_count(now: datetime, settings: Settings) -> int:
    """How many :func:`retention_candidates` there are, counted in SQLite (the notice on start
    needs only the number)."""
    return int(_retention_due(now, settings).count())
