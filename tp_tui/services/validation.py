"""What a form or a command gets back when what was typed cannot be saved."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """A message for one form field: a translation key and its parameters."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


class ValidationFailed(Exception):
    """What was typed cannot be saved; ``errors`` says why, field by field."""

    def __init__(self, errors: dict[str, FieldError]) -> None:
        super().__init__(", ".join(f"{name}: {error.key}" for name, error in errors.items()))
        self.errors = errors
