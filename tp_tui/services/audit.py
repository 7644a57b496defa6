"""The audit trail: who looked at or sent out what, as ids and actions only.

Viewing a participant, exporting, printing, erasing and restoring each append one row, in the
caller's own write transaction, so the action and its record are saved together or not at all.
Rows are never changed or deleted (triggers refuse it, see migration 4) and hold no names or
notes: they survive an erasure and answer an access request afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tp_tui.models import AuditEvent

ACTIONS = ("view", "export", "print", "erase", "restore")


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    action: str
    entity: str
    entity_id: int | None


def record(
    action: str,
    participant_id: int | None,
    now: datetime,
    entity: str = "",
    entity_id: int | None = None,
) -> None:
    """Append one row; the caller wraps it in the write transaction of what it records."""
    # Exports are logged as "export.<what>" by record_export: accept the family, not free text.
    if action.split(".", 1)[0] not in ACTIONS:
        raise ValueError(action)
    AuditEvent.create(
        at=now, action=action, participant_id=participant_id, entity=entity, entity_id=entity_id
    )


def trail(participant_id: int) -> list[AuditLine]:
    """Every row about one participant, oldest first (also after they were erased)."""
    query = AuditEvent.select().where(AuditEvent.participant_id == participant_id)
    return [
        AuditLine(row.at, row.action, row.entity, row.entity_id)
        for row in query.order_by(AuditEvent.at, AuditEvent.id)
    ]
