"""The erasure plan in words, the same in the terminal (``tp erase``) and in the app."""

from __future__ import annotations

from tp_tui.i18n import t
from tp_tui.services.erasure import ErasurePlan
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
