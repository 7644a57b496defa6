"""Versioned schema changes. Each module ``mNNNN_*.py`` upgrades the file by one version.

A migration describes the schema as it was at its version, never today's models, so an old file
always upgrades through the same steps. Every migration keeps every row.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

MIGRATION_MODULES: tuple[str, ...] = (
    "m0001_initial",
    "m0002_search_columns",
    "m0003_search_index",
    "m0004_audit_guard",
    "m0005_surveys",
    "m0006_screen_indexes",
    "m0007_team",
    "m0008_versions",
    "m0009_revision_author",
    "m0010_changes",
    "m0011_consent",
    "m0012_plan_document",
    "m0013_meetings",
)

LATEST_VERSION = len(MIGRATION_MODULES)


def steps() -> list[tuple[int, Callable[[Any], None]]]:
    """(version, upgrade function) for every migration, oldest first."""
    result = []
    for number, name in enumerate(MIGRATION_MODULES, start=1):
        module = import_module(f"{__name__}.{name}")
        result.append((number, module.upgrade))
    return result
