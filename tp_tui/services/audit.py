"""The audit trail: who looked at or sent out what, as ids and actions only.

Viewing a participant, exporting, printing, erasing and restoring each append one row, in the
caller's own write transaction, so the action and its record are saved together or not at all.
Rows are never changed or deleted (triggers refuse it, see migration 4) and hold no names or
notes: they survive an erasure and answer an access request afterwards. Each row says which
trust person did it (the login of this session, see :mod:`tp_tui.services.team`), so on a
team's database the request "who looked at my file?" has an answer; rows from before version 13
say nobody.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tp_tui.clock import FrozenClock
from tp_tui.models import AuditEvent, TrustPerson

ACTIONS = ("view", "export", "print", "erase", "restore")


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    action: str
    entity: str
    entity_id: int | None
    trust_person_id: int | None = None
    # The trust person as "name (login)", "" when the row is from before the column.
    who: str = ""


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
    from tp_tui.services.team import current_trust_person_id

    AuditEvent.create(
        at=now,
        action=action,
        participant_id=participant_id,
        entity=entity,
        entity_id=entity_id,
        trust_person_id=current_trust_person_id(FrozenClock(now)),
    )


def trail(participant_id: int) -> list[AuditLine]:
    """Every row about one participant, oldest first (also after they were erased)."""
    query = AuditEvent.select().where(AuditEvent.participant_id == participant_id)
    rows = list(query.order_by(AuditEvent.at, AuditEvent.id))
    names = _names({row.trust_person_id for row in rows if row.trust_person_id is not None})
    return [
        AuditLine(
            row.at,
            row.action,
            row.entity,
            row.entity_id,
            row.trust_person_id,
            names.get(row.trust_person_id, "") if row.trust_person_id is not None else "",
        )
        for row in rows
    ]


def _names(person_ids: set[int]) -> dict[int, str]:
    """Each trust person as "name (login)"; one whose row is gone is shown by number."""
    found = {
        p.id: f"{p.name} ({p.login})" if p.login and p.login != p.name else str(p.name)
        for p in TrustPerson.select().where(TrustPerson.id.in_(sorted(person_ids)))
    }
    return {pid: found.get(pid, f"#{pid}") for pid in person_ids}
