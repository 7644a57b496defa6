"""What names an erased person without being linked to them: found, shown, erased with them.

A call owed to a free name (a caller who is not a participant) may be the person themself:
its caller name is their exact name, or its number is theirs in any format. Other rows may
mention them in free text: a round's note, another participant's contact note, the reason of a
call owed to someone else, a revision kept of any of those. The search index holds contact
notes and call reasons, so it holds these words too. Calls to the free name go with the person;
in the other texts only the name and the number are replaced by :data:`REDACTED` (the rest is
someone else's record), and the search index follows (its triggers, migration 3). Unless the
user keeps them (``keep_unlinked``), said plainly in the plan.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from tp_tui.models import Callback, Contact, Participant, Revision, RoundVisit
from tp_tui.phone import PhoneError, format_phone, normalize_phone, phone_digits

REDACTED = "[—]"
# A run of digits as people write a number: +47, 0047, spaces, dashes, dots, brackets.
_NUMBER = re.compile(r"(?:\+|00)?\d(?:[\s\-.()\u2010-\u2015\u2212]{0,2}\d){6,14}")
_SEPARATORS = re.compile(r"[\s\-.()\u2010-\u2015\u2212]")


@dataclass(frozen=True)
class PersonMarks:
    """What identifies the person in text: their full name, and their number if known."""

    name: str
    phone: str | None  # E.164

    def name_pattern(self) -> re.Pattern[str] | None:
        words = _nfc(self.name).split()
        if not words:
            return None
        return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)

    def spellings(self) -> tuple[str, ...]:
        """The forms the person may appear in a file tp wrote (the name, the number as stored,
        shown and dialled)."""
        forms = [_nfc(self.name).strip()]
        if self.phone:
            forms += [self.phone, format_phone(self.phone), phone_digits(self.phone)]
        return tuple(form for form in dict.fromkeys(forms) if len(form) >= 3)


@dataclass(frozen=True)
class Unlinked:
    """Rows that name the person but are not theirs (ids per kind)."""

    free_calls: tuple[int, ...] = ()
    round_notes: tuple[int, ...] = ()
    contact_notes: tuple[int, ...] = ()
    call_reasons: tuple[int, ...] = ()
    revisions: tuple[int, ...] = ()

    def counts(self) -> dict[str, int]:
        return {
            "free_calls": len(self.free_calls),
            "round_notes": len(self.round_notes),
            "contact_notes": len(self.contact_notes),
            "call_reasons": len(self.call_reasons),
            "revisions": len(self.revisions),
        }


def _nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "")


def _e164(text: str | None) -> str | None:
    try:
        return normalize_phone(text or "")
    except PhoneError:
        return None


def marks_of(participant: Participant) -> PersonMarks:
    return PersonMarks(participant.name, _e164(participant.phone) or participant.phone)


def _same_name(a: str, b: str) -> bool:
    return " ".join(_nfc(a).casefold().split()) == " ".join(_nfc(b).casefold().split())


def _is_their_number(candidate: str, marks: PersonMarks) -> bool:
    if not marks.phone:
        return False
    if _e164(candidate) == marks.phone:
        return True
    # A number run into the next one ("912 34 567 / 22...") still holds theirs.
    national = phone_digits(marks.phone)
    return len(national) >= 8 and national in _SEPARATORS.sub("", candidate)


def redact(text: str, marks: PersonMarks) -> str:
    """``text`` with the person's name and number (any format) replaced by :data:`REDACTED`."""
    pattern = marks.name_pattern()
    out = pattern.sub(REDACTED, _nfc(text)) if pattern else _nfc(text)
    if marks.phone:
        out = _NUMBER.sub(
            lambda found: REDACTED if _is_their_number(found.group(), marks) else found.group(),
            out,
        )
    return out


def mentions(text: str | None, marks: PersonMarks) -> bool:
    return bool(text) and redact(text or "", marks) != _nfc(text)


def _redact_json(value: Any, marks: PersonMarks) -> Any:
    if isinstance(value, str):
        return redact(value, marks)
    if isinstance(value, list):
        return [_redact_json(item, marks) for item in value]
    if isinstance(value, dict):
        return {key: _redact_json(item, marks) for key, item in value.items()}
    return value


def _redacted_snapshot(data: str, marks: PersonMarks) -> str | None:
    """The revision's snapshot with the person taken out, or None if it does not name them."""
    try:
        parsed = json.loads(data)
    except ValueError:
        return redact(data, marks) if mentions(data, marks) else None
    cleaned = _redact_json(parsed, marks)
    return None if cleaned == parsed else json.dumps(cleaned, ensure_ascii=False)


def find_unlinked(participant_id: int, skip_revisions: set[int] | frozenset[int] = frozenset()
                  ) -> Unlinked:  # fmt: skip
    """Rows naming the person outside their own records; ``skip_revisions`` are theirs."""
    participant = Participant.get_or_none(Participant.id == participant_id)
    if participant is None:
        return Unlinked()
    marks = marks_of(participant)
    free = Callback.select(Callback.id, Callback.caller_name, Callback.caller_phone).where(
        Callback.participant.is_null()
    )
    free_calls = tuple(
        call.id
        for call in free
        if _same_name(call.caller_name, marks.name)
        or (call.caller_phone and _is_their_number(call.caller_phone, marks))
    )
    rounds = RoundVisit.select(RoundVisit.id, RoundVisit.note).where(RoundVisit.note != "")
    others = Contact.select(Contact.id, Contact.note).where(
        (Contact.participant != participant_id) & (Contact.note != "")
    )
    reasons = Callback.select(Callback.id, Callback.reason).where(
        (Callback.reason != "")
        & (Callback.participant.is_null(True) | (Callback.participant != participant_id))
    )
    revisions = Revision.select(Revision.id, Revision.data).where(Revision.data != "{}")
    return Unlinked(
        free_calls=free_calls,
        round_notes=tuple(row.id for row in rounds if mentions(row.note, marks)),
        contact_notes=tuple(row.id for row in others if mentions(row.note, marks)),
        call_reasons=tuple(
            row.id for row in reasons if row.id not in free_calls and mentions(row.reason, marks)
        ),
        revisions=tuple(
            row.id
            for row in revisions
            if row.id not in skip_revisions and _redacted_snapshot(row.data, marks) is not None
        ),
    )


def redact_unlinked(found: Unlinked, marks: PersonMarks) -> None:
    """Take the person out of other people's texts (inside the erasure's transaction); the
    free-name calls are deleted by the erasure itself."""
    for model, field, ids in (
        (RoundVisit, RoundVisit.note, found.round_notes),
        (Contact, Contact.note, found.contact_notes),
        (Callback, Callback.reason, found.call_reasons),
    ):
        for row in model.select(model.id, field).where(model.id.in_(ids)):
            text = getattr(row, field.name)
            model.update({field: redact(text, marks)}).where(model.id == row.id).execute()
    for revision in Revision.select(Revision.id, Revision.data).where(
        Revision.id.in_(found.revisions)
    ):
        cleaned = _redacted_snapshot(revision.data, marks)
        if cleaned is not None:
            Revision.update(data=cleaned).where(Revision.id == revision.id).execute()
