"""What a form says when someone else saved the record after it was opened."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tp_tui.i18n import format_date, format_datetime, t
from tp_tui.phone import format_phone
from tp_tui.services.conflicts import (
    ChangedSince,
    FieldChange,
    OnTopInvalid,
    Record,
    kept_since,
    person_named,
)
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
GOAL_LABELS = {
    "text": "plan.field.goal", "status": "plan.field.status", "life_area": "plan.field.area",
}
MEMBER_LABELS = {
    "agency": "plan.field.agency", "name": "plan.field.name", "role": "plan.field.role",
    "phone": "participant.field.phone", "is_coordinator": "plan.field.coordinator",
    "left_on": "conflict.field.left_on",
}  # fmt: skip
PLAN_LABELS = {"status": "plan.field.plan_status"}
CALLBACK_LABELS = {
    "participant": "callback.field.who", "caller_name": "callback.field.who",
    "caller_phone": "callback.field.phone", "reason": "callback.field.reason",
    "due_at": "callback.field.due", "assigned_to": "conflict.field.assigned_to",
    "done_at": "conflict.field.done_at", "outcome": "conflict.field.outcome",
}  # fmt: skip
# Codes stored for these fields, shown by their translated names.
CODED = {
    "status": "status.", "kind": "kind.", "arena": "arena.", "destination": "destination.",
    "outcome": "outcome.",
}  # fmt: skip
GOAL_CODED = {"status": "goal_status.", "life_area": "life_area."}
MEMBER_CODED = {"agency": "agency."}
PLAN_CODED = {"status": "plan_status."}


def _value(field: str, value: Any, coded: dict[str, str] | None = None) -> str | None:
    """The value as the form would show it, or None when it is not worth a line."""
    coded = CODED if coded is None else coded
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return t("conflict.yes") if value else t("conflict.no")
    person = person_named(value)
    if person is not None:
        return one_line(person)
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, str):
        if field in ("phone", "caller_phone"):
            return format_phone(value)
        if field in coded:
            return t(coded[field] + value)
        text = one_line(value)
        return text if len(text) <= SHOWN_LENGTH else None
    return None


def changed_fields(
    error: ChangedSince, labels: dict[str, str], coded: dict[str, str] | None = None
) -> str:
    """Field by field what someone else changed, with the value now where it is short."""
    return describe_changes(error.changes, labels, coded)


def describe_changes(
    changes: tuple[FieldChange, ...], labels: dict[str, str], coded: dict[str, str] | None = None
) -> str:
    """Field by field, with the value now where it is short."""
    parts = []
    seen = set()
    for change in changes:
        label = t(labels.get(change.field, change.field))
        if label in seen:
            continue
        seen.add(label)
        try:
            value = _value(change.field, change.now, coded)
        except Exception:  # a value that cannot be shown is still named
            value = None
        parts.append(t("conflict.field_now", field=label, value=value) if value else label)
    return "; ".join(parts) or t("conflict.unknown")


def conflict_message(
    error: ChangedSince, labels: dict[str, str], coded: dict[str, str] | None = None
) -> str:
    """Field by field what changed, and what the user can do now."""
    return t("conflict.message", changes=changed_fields(error, labels, coded))


def on_top_invalid_message(
    error: OnTopInvalid, labels: dict[str, str], coded: dict[str, str] | None = None
) -> str:
    """Saving on top was refused: what someone else changed, kept, does not go with what was
    typed. Says what they changed and what does not hold; the form keeps what was typed."""
    problems = " ".join(t(problem.key, **problem.params) for problem in error.errors.values())
    return t(
        "conflict.on_top_invalid",
        changes=describe_changes(error.changes, labels, coded),
        problems=problems,
    )


def kept_message(
    record: Record,
    opened_version: int,
    fields: tuple[str, ...],
    labels: dict[str, str],
    coded: dict[str, str] | None = None,
) -> str | None:
    """After a save on top: which fields hold someone else's value rather than what the form
    showed (None when none do)."""
    kept = kept_since(record, opened_version, fields)
    if not kept:
        return None
    return t("conflict.kept", changes=describe_changes(kept, labels, coded))


def removal_conflict_message(error: ChangedSince) -> str:
    """A group member someone else changed since the list was read was not removed."""
    return t("conflict.remove_message", changes=changed_fields(error, MEMBER_LABELS, MEMBER_CODED))


def done_conflict_message(error: ChangedSince) -> str:
    """A call owed was not marked returned: someone else returned (or changed) it first."""
    done = next((c.now for c in error.changes if c.field == "done_at" and c.now), None)
    if isinstance(done, datetime):
        outcome = next((c.now for c in error.changes if c.field == "outcome"), None)
        return t(
            "conflict.already_done",
            when=format_datetime(done),
            outcome=t("outcome." + outcome) if isinstance(outcome, str) and outcome else "–",
        )
    return t("conflict.done_message", changes=changed_fields(error, CALLBACK_LABELS))
