"""The individual plan as Markdown, HTML or PDF, for the coordinator in the group.

Built as the summary's blocks (:mod:`tp_tui.export.summary`), so the three formats say the same
thing and every stored string is plain text, escaped by each format.
"""

from __future__ import annotations

from datetime import date

from tp_tui.export.summary import html_of, markdown_of, print_footer_css
from tp_tui.export.summary_blocks import Block, block, made_line
from tp_tui.i18n import format_date, t
from tp_tui.services.plan_export import PlanExport
from tp_tui.text import one_line


def _day(day: date | None) -> str:
    return format_date(day) if day else t("plandoc.no_date")


def _rows(p: PlanExport) -> list[Block]:
    out: list[Block] = []
    doc = p.document
    if not doc.items:
        return [block("p", t("plandoc.no_rows"))]
    for item in doc.items:
        out.append(block("h3", t(item.area.label_key)))
        goal = item.goal_text if p.shows_goals else t("plandoc.goal_not_shared")
        out.append(block("ul", items=[
            t("plandoc.row.goal", text=goal),
            t("plandoc.row.measures", text=item.measures or "–"),
            t("plandoc.row.responsible", text=item.responsible or "–"),
            t("plandoc.row.due", date=_day(item.due_on)),
            t("plandoc.row.evaluate", date=_day(item.evaluate_on)),
        ]))  # fmt: skip
    return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _steps(p: PlanExport) -> list[str]:
    doc = p.document
    lines = [t("plandoc.status", status=t(doc.status.label_key))]
    for step, day in doc.steps:
        lines.append(t("plandoc.step", status=_cap(t(step.label_key)), date=format_date(day)))
    if doc.agreed_on:
        lines.append(t("plandoc.agreed", date=format_date(doc.agreed_on)))
        if doc.agreement_note:
            lines.append(doc.agreement_note)
    else:
        lines.append(t("plandoc.not_agreed"))
    if p.shows_group:
        if doc.coordinator is not None:
            lines.append(t("plandoc.coordinator", name=doc.coordinator.name or "–"))
        else:
            lines.append(t("plandoc.no_coordinator"))
        if doc.handed_to:
            lines.append(t("plandoc.handed_to", name=doc.handed_to))
    return lines


def _foot(p: PlanExport) -> list[Block]:
    lines = []
    for left in p.left_out:
        name = t(f"summary.section.{left.section}")
        name = name[:1].upper() + name[1:]
        lines.append(t(f"summary.foot.{left.reason}", section=name, date=format_date(left.on)))
    return [
        block("foot", t("plandoc.foot")),
        block("p", t("plandoc.foot.consent", name=p.name)),
        block("ul", items=lines) if lines else block("p", t("summary.foot.nothing")),
    ]


def blocks(p: PlanExport) -> list[Block]:
    made = made_line(p.made_by, p.generated_at)
    out = [
        block("h1", t("plandoc.title", name=p.name)),
        block("meta", f"{made} {t('summary.confidential')}"),
        block("h2", t("plandoc.steps")),
        block("ul", items=_steps(p)),
    ]
    if p.shows_plan and p.document.note:
        out += [block("h2", t("plandoc.note")), block("p", p.document.note)]
    if p.shows_plan:
        out += [block("h2", t("plandoc.rows")), *_rows(p)]
    return out + _foot(p)


def render_markdown(p: PlanExport) -> str:
    return markdown_of(blocks(p))


def render_html(p: PlanExport) -> str:
    footer = t("plandoc.pdf.footer", name=one_line(p.name), page="\0", pages="\1",
               date=format_date(p.generated_at.date()))  # fmt: skip
    return html_of(blocks(p), one_line(t("plandoc.title", name=p.name)), print_footer_css(footer))


# The PDF is made by plan_pdf.py (through the front door, export/__init__.py).
