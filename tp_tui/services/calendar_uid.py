"""Calendar UIDs for calls owed: the same call keeps its UID, no other call anywhere shares it.

A calendar (khal, Thunderbird, a phone) takes a UID as the event's identity: importing an event
whose UID it already holds replaces that event. ``callback-<id>@tp-tui`` clashed between
databases (every file has a call number 5), so a colleague's week, or a test file's, replaced
another person's call. The UID is now a digest of what makes a call itself in one database (its
number and creation time) and of what tells this database from others (when its first trust
person was set up: a row that is never deleted and that a backup and a restore keep). So it is
stable across restores, backups and team use of one database, and differs between databases.
No schema change: a random value kept in the database would need one, and these rows already
differ in practice (creation times to the second, with the number).
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from tp_tui.models import TrustPerson

DOMAIN = "tp-tui"


def database_seed() -> str:
    """What tells this database from another: its first trust person's number and creation."""
    first = TrustPerson.select(TrustPerson.id, TrustPerson.created_at).order_by(TrustPerson.id)
    row = first.first()
    if row is None:
        return ""
    return f"{row.id}:{row.created_at.isoformat()}"


def callback_uid(callback_id: int, created_at: datetime, seed: str) -> str:
    """The UID of one call: stable for the call, unique across databases (no name in it)."""
    made = created_at.isoformat()
    digest = hashlib.sha256(f"{seed}|{callback_id}|{made}".encode()).hexdigest()[:24]
    return f"callback-{digest}@{DOMAIN}"
