"""What a form says when someone else saved the record after it was opened."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tp_tui.i18n import format_date, format_datetime, t
from tp_tui.models import TrustPerson
from tp_tui.phone import format_phone
from tp_tui.services.conflicts import ChangedSince
from tp_tui.text import one_line

# Longer values (a note, "about") are named, not shown: the form is beside them anyway.
SHOWN_LENGTH = 40

PARTICIPANT_LABELS = {
    "name": "participant.field.name",
    "phone": "participant.field.phone",
    "intake_on": "participant.field.intake",
    "first_contact_on": "participant.field.first_contact",
    "referral_source": "participant.field.referral",
    "status": "participant.field.status",
    "about": "participant.field.about",
    "responsible": "handover.responsible_field",
}
CONTACT_LABELS = {
    "participant": "contact.field.participant",
    "at": "contact.field.when",
    "kind": "contact.field.kind",
    "arena": "contact.field.arena",
    "destination": "contact.field.destination",
    "destination_note": "contact.field.destination",
    "duration_minutes": "contact.field.duration",
    "life_areas": "contact.field.areas",
    "outcome": "contact.field.outcome",
    "note": "contact.field.note",
}
# Codes stored for these fields, shown by their translated names.
CODED = {
    "status": "status.", "kind": "kind.", "arena": "arena.", "destination": "destination.",
    "outcome": "outcome.",
}  # fmt: skip


def _value(field: str, value: Any) -> str | None:
    """The value as the form would show it, or None when it is not worth a line."""
    if value is None or value == "":
        return "–"
    if isinstance(value, TrustPerson):
        return one_line(value.name)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, str):
        if field == "phone":
            return format_phone(value)
        if field in CODED:
            return t(CODED[field] + value)
        text = one_line(value)
        return text if len(text) <= SHOWN_LENGTH else None
    return None


def conflict_message(error: ChangedSince, labels: dict[str, str]) -> str:
    """Field by field what changed, and what the user can do now."""
    parts = []
    seen = set()
    for change in error.changes:
        label = t(labels.get(change.field, change.field))
        if label in seen:
            continue
        seen.add(label)
        try:
            value = _value(change.field, change.now)
        except Exception:  # a value that cannot be shown is still named
            value = None
        parts.append(t("conflict.field_now", field=label, value=value) if value else label)
    changed = "; ".join(parts) or t("conflict.unknown")
    return t("conflict.message", changes=changed)
