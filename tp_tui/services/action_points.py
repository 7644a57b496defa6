"""Action points of responsibility-group meetings as lists to read: the participant's open
ones, those due by a day (for Today), those done since a day (for the summary).

Apart from :mod:`tp_tui.services.meetings`, which writes meetings: Today reads these on every
start and should not load the rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tp_tui.models import ActionPoint, Participant


@dataclass(frozen=True)
class ActionLine:
    id: int
    participant_id: int
    participant_name: str
    text: str
    owner: str
    due_on: date
    done_on: date | None
    version: int


def _lines(query: object) -> list[ActionLine]:
    return [
        ActionLine(
            int(p.id), int(p.participant_id), str(p.participant.name), str(p.text),
            str(p.owner), p.due_on, p.done_on, int(p.version),
        )
        for p in query  # type: ignore[attr-defined]
    ]  # fmt: skip


def open_action_points(participant_id: int) -> list[ActionLine]:
    """The participant's action points not yet done, the soonest deadline first."""
    query = (
        ActionPoint.select(ActionPoint, Participant)
        .join(Participant)
        .where((ActionPoint.participant == participant_id) & ActionPoint.done_on.is_null())
        .order_by(ActionPoint.due_on, ActionPoint.id)
    )
    return _lines(query)


def due_action_points(today: date, responsible_id: int | None = None) -> list[ActionLine]:
    """Open action points due today or before, for Today (of my participants when given)."""
    where = ActionPoint.done_on.is_null() & (ActionPoint.due_on <= today)
    where &= Participant.archived_at.is_null()
    if responsible_id is not None:
        where &= Participant.responsible == responsible_id
    query = (
        ActionPoint.select(ActionPoint, Participant)
        .join(Participant)
        .where(where)
        .order_by(ActionPoint.due_on, ActionPoint.id)
        .limit(200)
    )
    return _lines(query)


def done_since(participant_id: int, since: date) -> list[ActionLine]:
    """Action points marked done on or after ``since``, in the order they were done."""
    query = (
        ActionPoint.select(ActionPoint, Participant)
        .join(Participant)
        .where((ActionPoint.participant == participant_id) & (ActionPoint.done_on >= since))
        .order_by(ActionPoint.done_on, ActionPoint.id)
    )
    return _lines(query)
