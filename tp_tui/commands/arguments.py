"""Argument types the subcommands share: what argparse would take, bounded to what is meant."""

from __future__ import annotations

import argparse

from tp_tui.i18n import t

# SQLite's integers end at 2**63 - 1; a longer number is no record's id.
_MOST_DIGITS = 18


def record_id(text: str) -> int:
    """A row's number as typed: ASCII digits only ("١٢" and "²" are no id)."""
    cleaned = text.strip().lstrip("#")
    if not (cleaned.isascii() and cleaned.isdigit()) or len(cleaned) > _MOST_DIGITS:
        raise argparse.ArgumentTypeError(t("cli.error.bad_number", value=text))
    return int(cleaned)
