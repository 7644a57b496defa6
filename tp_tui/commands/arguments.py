"""Argument types the subcommands share: what argparse would take, bounded to what is meant;
and how a command tells the fields a service refused."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping

from tp_tui.i18n import t

# SQLite's integers end at 2**63 - 1; a longer number is no record's id.
_MOST_DIGITS = 18


def record_id(text: str) -> int:
    """A row's number as typed: ASCII digits only ("١٢" and "²" are no id)."""
    cleaned = text.strip().lstrip("#")
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > _MOST_DIGITS:
        raise argparse.ArgumentTypeError(t("cli.error.bad_number", value=text))
    return int(cleaned)


EXIT_BAD_INPUT = 2


def refused(errors: Mapping[str, object], labels: Mapping[str, str]) -> int:
    """Each refused field on its own line, named as the form names it; the exit status."""
    from tp_tui.services.validation import FieldError

    for field, error in errors.items():
        assert isinstance(error, FieldError)
        label = t(labels.get(field, field))
        print(f"{label}: {t(error.key, **error.params)}", file=sys.stderr)
    return EXIT_BAD_INPUT
