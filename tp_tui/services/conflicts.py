"""Two trust persons editing one record: the second save is refused and told what changed.

Every save moves the record's ``version`` on and keeps the state before it as a revision
(:func:`tp_tui.services.history.revised`). The form remembers the version it opened; if the
stored one has moved on, the revision that holds the opened version is the state the form
started from, and the fields that differ from the stored row are what someone else changed.
The form keeps what was typed; saving again on top passes the new version (an explicit choice)
and what the form showed when it opened (:class:`Opened`): only the fields the user changed are
written, every other field keeps what is stored (:func:`merge_on_top`), and the result is checked
as a whole before it is saved (:func:`check_on_top`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from dataclasses import fields as dataclass_fields
from typing import Any, Generic, TypeVar

from peewee import Model

from tp_tui.models import Participant, Revision, TrustPerson
from tp_tui.services.history import plain, snapshot
from tp_tui.services.validation import FieldError, ValidationFailed

InputT = TypeVar("InputT")
CleanT = TypeVar("CleanT")
RecordT = TypeVar("RecordT", bound=Model)

Record = Model
"""A stored row, as a form names what a save returned (views do not import the database layer)."""


def person_named(value: Any) -> str | None:
    """The name of the person a changed field points to (a participant, a trust person), or
    None when the value is not a person."""
    if isinstance(value, TrustPerson | Participant):
        return str(value.name)
    return None


@dataclass(frozen=True)
class FieldChange:
    """A field someone else changed: its name in the code and the value now stored."""

    field: str
    now: Any


class ChangedSince(Exception):
    """The record was saved by someone else after the form opened; nothing was overwritten.

    ``changes`` says which fields (of those the form shows) differ; ``version`` is the stored
    version, to save on top of it when the user chooses to.
    """

    def __init__(self, record_id: int, changes: tuple[FieldChange, ...], version: int) -> None:
        super().__init__(record_id)
        self.record_id = record_id
        self.changes = changes
        self.version = version


def _opened_state(record: Model, version: int) -> dict[str, Any] | None:
    """The record as it was at ``version``, from the revisions kept on each save."""
    query = (
        Revision.select(Revision.data)
        .where(
            (Revision.entity == type(record)._meta.table_name)
            & (Revision.entity_id == record.get_id())
        )
        .order_by(Revision.id.desc())
    )
    for revision in query:
        data = json.loads(revision.data or "{}")
        if data.get("version") == version:
            return dict(data)
    return None


def changes_since(record: Model, version: int, fields: tuple[str, ...]) -> tuple[FieldChange, ...]:
    """The ``fields`` of ``record`` that differ from the record at ``version``, with their
    values now; every field when that state is no longer known."""
    stored = snapshot(record)
    opened = _opened_state(record, version)
    result = []
    for name in fields:
        column = name if name in stored else f"{name}_id"
        if opened is None or plain(opened.get(column)) != stored.get(column):
            result.append(FieldChange(name, getattr(record, name)))
    return tuple(result)


def check_version(record: Model, expected: int | None, fields: tuple[str, ...]) -> None:
    """Refuse the save (:class:`ChangedSince`) if ``record`` moved on from ``expected``."""
    current = int(record.version)  # type: ignore[attr-defined]
    if expected is not None and current != expected:
        raise ChangedSince(int(record.get_id()), changes_since(record, expected, fields), current)


@dataclass(frozen=True)
class Opened(Generic[InputT]):
    """What a form showed when it opened (``data``, as its fields read then) and the version of
    the record it read (``version``): what a save on top is compared with."""

    data: InputT
    version: int


def on_top(opened: InputT, typed: InputT, stored: InputT) -> InputT:
    """One field saved on top: what was typed if the user changed it (it differs from what the
    form opened with; the user's value then wins over a colleague's), else what is stored now."""
    return typed if typed != opened else stored


def merge_on_top(opened: InputT, typed: InputT, stored: InputT) -> InputT:
    """A form's input (a dataclass) saved on top of someone else's save, field by field with
    :func:`on_top`: the fields the user changed from ``opened``, the others as ``stored``.

    A field changed and then changed back to what it opened with counts as untouched.
    """
    changes = {
        field.name: on_top(
            getattr(opened, field.name), getattr(typed, field.name), getattr(stored, field.name)
        )
        for field in dataclass_fields(typed)  # type: ignore[arg-type]
    }
    return replace(typed, **changes)  # type: ignore[type-var]


class OnTopInvalid(ValidationFailed):
    """Saving on top would store something that does not hold together (what someone else
    changed, with what this user typed); nothing was saved.

    ``errors`` as for :class:`ValidationFailed`, on the form's fields; ``changes`` what someone
    else changed since the form opened, to say why.
    """

    def __init__(self, errors: dict[str, FieldError], changes: tuple[FieldChange, ...]) -> None:
        super().__init__(errors)
        self.changes = changes


def check_on_top(
    record: RecordT,
    typed: InputT,
    opened: Opened[InputT] | None,
    stored: Callable[[RecordT], InputT],
    check: Callable[[InputT], CleanT],
    fields: tuple[str, ...],
) -> CleanT | None:
    """What to save when someone else saved ``record`` since the form opened: ``typed`` merged
    on top of the record as stored (``stored`` gives it as the form's input), checked as a
    whole with ``check``; None when nobody did (save ``typed`` as it is).

    Call it after :func:`check_version`, inside the save's transaction. A merge that does not
    pass ``check`` raises :class:`OnTopInvalid`, naming what the others changed.
    """
    if opened is None or int(record.version) == opened.version:  # type: ignore[attr-defined]
        return None
    merged = merge_on_top(opened.data, typed, stored(record))
    try:
        return check(merged)
    except ValidationFailed as failed:
        raise OnTopInvalid(failed.errors, changes_since(record, opened.version, fields)) from None


def kept_since(
    record: Model, opened_version: int, fields: tuple[str, ...]
) -> tuple[FieldChange, ...]:
    """After a save on top: the ``fields`` that hold someone else's value (changed since the
    form opened at ``opened_version``, left as they were by the save just made)."""
    opened = _opened_state(record, opened_version)
    before = _opened_state(record, int(record.version) - 1)  # type: ignore[attr-defined]
    if opened is None or before is None:
        return ()
    now = snapshot(record)
    kept = []
    for name in fields:
        column = name if name in now else f"{name}_id"
        value = now.get(column)
        if value == plain(before.get(column)) and value != plain(opened.get(column)):
            kept.append(FieldChange(name, getattr(record, name)))
    return tuple(kept)
