"""Erasure in words, the same in the terminal (``tp erase``) and in the app: the plan before,
what happened after (true for the engine it ran on), and how a later scrub went.

The services return what happened (tp_tui.services.erasure); the words are here.
"""

from __future__ import annotations

from tp_tui.i18n import t
from tp_tui.services.erasure import ErasurePlan, ErasureResult
from tp_tui.services.erasure_server import ServerScrub
from tp_tui.text import one_line


def plan_lines(plan: ErasurePlan, keep_unlinked: bool = False, in_app: bool = False) -> list[str]:
    """The erasure plan as lines, for the terminal and the app alike: their rows, then what
    names them elsewhere and what becomes of it (erased, or kept when asked)."""
    lines = [t("erase.plan.title", id=plan.participant_id, name=one_line(plan.name))]
    lines += [
        t("erase.plan.line", label=t(f"erase.table.{table}"), count=count)
        for table, count in plan.counts.items()
    ]
    named = {kind: count for kind, count in plan.unlinked.items() if count}
    if named:
        lines.append(
            t(
                ("erase.unlinked.kept_tui" if in_app else "erase.unlinked.kept")
                if keep_unlinked
                else "erase.unlinked.title"
            )
        )
        lines += [
            t("erase.plan.line", label=t(f"erase.unlinked.{kind}"), count=count)
            for kind, count in named.items()
        ]
        if not keep_unlinked:
            lines.append(
                t("erase.unlinked.how_to_keep_tui" if in_app else "erase.unlinked.how_to_keep")
            )
    if plan.files:
        lines.append(
            t("erase.files.title_tui" if in_app else "erase.files.title", count=len(plan.files))
        )
        lines += [f"  {one_line(str(path))}" for path in plan.files]
    lines.append(t("erase.plan.kept", id=plan.participant_id))
    return lines


def result_message(result: ErasureResult, participant_id: int, count: int) -> str:
    """What to tell the user after an erasure: true for the engine it ran on.

    On a server never "the file": rows deleted, tables rewritten (or why not, and whom to ask),
    and what the server itself keeps.
    """
    if not result.on_server:
        if result.scrubbed:
            return t("erase.done", id=participant_id, count=count)
        return t("erase.not_scrubbed", id=participant_id)
    if result.scrubbed:
        first = t("erase.server.done", id=participant_id, count=count)
    else:
        first = t("erase.server.not_scrubbed", id=participant_id, count=count)
        first += " " + t(result.problem or "erase.server.reason.failed")
    return first + " " + t("erase.server.keeps")


def scrub_message(outcome: ServerScrub) -> str:
    """What ``tp erase --scrub`` says on a server."""
    if outcome.done:
        return t("erase.server.scrubbed") + " " + t("erase.server.keeps")
    return t("erase.server.scrub_failed") + " " + t(outcome.problem or "erase.server.reason.failed")
