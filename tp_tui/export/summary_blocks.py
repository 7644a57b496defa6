"""What the participant summary says, as one list of blocks (headings, paragraphs, lists) that
each format renders: Markdown and HTML (summary.py), PDF (summary_pdf.py), and the plan's
export (plan.py) built the same way. Blocks hold plain text only, every stored string cleaned
and folded to one line; each format escapes the whole text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from tp_tui.domain import Agency
from tp_tui.i18n import format_date, format_time, t
from tp_tui.phone import format_phone
from tp_tui.services.summary import Summary
from tp_tui.text import one_line


@dataclass(frozen=True)
class Block:
    kind: str  # h1, meta, p, h2, h3, ul, foot (the heading of the part that says what is left out)
    text: str = ""
    items: tuple[str, ...] = ()


def block(kind: str, text: str = "", items: list[str] | tuple[str, ...] = ()) -> Block:
    return Block(kind, one_line(text), tuple(one_line(item) for item in items))


def _agency(code: str) -> str:
    """The agency's label; a code this version does not know is shown as stored."""
    known = {agency.value for agency in Agency}
    return t(Agency(code).label_key) if code in known else code


def _section_name(key: str) -> str:
    return t(f"summary.section.{key}")


def _who(s: Summary) -> list[str]:
    lines = [t("summary.who.name", name=s.name)]
    if s.in_programme_since:
        lines.append(t("summary.who.since", date=format_date(s.in_programme_since)))
    if s.stage is None:
        lines.append(t("summary.who.no_stage"))
    else:
        stage = t(s.stage.label_key)
        lines.append(t("summary.who.stage", stage=stage, date=format_date(s.stage_entered_on)))
    if s.trust_person:
        lines.append(t("summary.who.trust_person", name=s.trust_person))
    return lines


def _ratings(s: Summary) -> list[Block]:
    """Each rated life area's ratings, oldest first, each with its day."""
    if not s.ratings:
        return []
    lines = [
        t("summary.ratings_line", area=t(area.label_key), ratings=" → ".join(
            t("summary.rating", rating=p.rating, date=format_date(p.on)) for p in points))
        for area, points in s.ratings.items()
    ]  # fmt: skip
    return [block("h2", t("summary.ratings")), block("ul", items=lines)]


def _meeting(s: Summary) -> list[Block]:
    """Since the last meeting: who came, what it decided, what was done, what is still open."""
    m = s.meeting
    if m is None:
        return []
    out = [block("h2", t("summary.meeting", date=format_date(m.held_on)))]
    if m.attended:
        out.append(block("p", t("summary.meeting.present", names=", ".join(m.attended))))
    out += [block("h3", t("summary.meeting.decided")),
            block("ul", items=m.decisions) if m.decisions else
            block("p", t("summary.meeting.no_decisions"))]  # fmt: skip
    done = [t("summary.action.done", text=a.text, owner=a.owner or "–",
              date=format_date(a.done_on)) for a in m.done if a.done_on]  # fmt: skip
    still = [t("summary.action.open", text=a.text, owner=a.owner or "–",
               date=format_date(a.due_on)) for a in m.still_open]  # fmt: skip
    if done:
        out += [block("h3", t("summary.meeting.done")), block("ul", items=done)]
    if still:
        out += [block("h3", t("summary.meeting.open")), block("ul", items=still)]
    return out


def _body(s: Summary) -> list[Block]:
    """The shared sections, in the order of a meeting: goals first, they are the participant's."""
    out: list[Block] = []
    if s.goals is not None:
        out.append(block("h2", t("summary.goals")))
        if not s.goals:
            out.append(block("p", t("summary.no_goals")))
        for area, goals in s.goals.items():
            lines = [
                t("summary.goal", text=g.text, status=t(g.status.label_key),
                  date=format_date(g.status_on))
                for g in goals
            ]  # fmt: skip
            out += [block("h3", t(area.label_key)), block("ul", items=lines)]
    out += _ratings(s)
    if s.process is not None:
        out.append(block("h2", t("summary.process")))
        steps = s.process.steps
        lines = [
            t("summary.stage_now" if n == len(steps) - 1 else "summary.stage_line",
              stage=t(stage.label_key), date=format_date(day))
            for n, (stage, day) in enumerate(steps)
        ]  # fmt: skip
        out.append(block("ul", items=lines) if lines else block("p", t("summary.no_process")))
        done = [t("summary.done_item", item=t(f"checklist.{item}"), date=format_date(day))
                for item, day in s.process.done]  # fmt: skip
        if done:
            out.append(block("p", t("summary.done", items=", ".join(done))))
        if s.process.open_items:
            items = ", ".join(t(f"checklist.{item}") for item in s.process.open_items)
            out.append(block("p", t("summary.open", items=items)))
    if s.plan is not None:
        plan = s.plan
        lines = [t("summary.plan.status", status=t(plan.status.label_key))]
        who = plan.coordinator
        if who and plan.coordinator_agency:
            who = f"{who} ({_agency(plan.coordinator_agency)})"
        lines.append(t("summary.plan.coordinator", name=who) if who else
                     t("summary.plan.no_coordinator"))  # fmt: skip
        if plan.dates:
            dates = ", ".join(t("summary.plan.date", status=t(status.label_key),
                                date=format_date(day)) for status, day in plan.dates)  # fmt: skip
            lines.append(t("summary.plan.dates", dates=dates))
        out += [block("h2", t("summary.plan")), block("ul", items=lines)]
    if s.group is not None:
        out.append(block("h2", t("summary.group")))
        lines = []
        for m in s.group:
            parts = [part for part in (m.name, m.role) if part]
            if _agency(m.agency).casefold() != m.role.strip().casefold():  # "fastlege, fastlege"
                parts.append(_agency(m.agency))
            if m.is_coordinator:
                parts.append(t("summary.member.coordinator"))
            if m.phone:
                parts.append(t("summary.member.phone", phone=format_phone(m.phone)))
            lines.append(", ".join(parts))
        out.append(block("ul", items=lines) if lines else block("p", t("summary.no_group")))
    out += _meeting(s)
    if s.contacts is not None:
        out.append(block("h2", t(f"summary.contacts.{s.since_basis}", date=format_date(s.since))))
        lines = [
            t("summary.contact_note" if one_line(c.note) else "summary.contact",
              date=format_date(c.at.date()), kind=t(f"kind.{c.kind}"), note=c.note or "")
            for c in s.contacts
        ]  # fmt: skip
        if lines:
            kinds = Counter(t(f"kind.{c.kind}") for c in s.contacts).most_common()
            count = ", ".join(f"{kind} {n}" for kind, n in kinds)
            out.append(block("p", t("summary.contacts.count", count=len(lines), kinds=count)))
        out.append(block("ul", items=lines) if lines else block("p", t("summary.no_contacts")))
    if s.open_callbacks is not None:
        out.append(block("h2", t("summary.callbacks")))
        lines = [
            t("summary.callback" if c.reason.strip() else "summary.callback_plain",
              date=format_date(c.due_at.date()), time=format_time(c.due_at), reason=c.reason)
            for c in s.open_callbacks
        ]  # fmt: skip
        out.append(block("ul", items=lines) if lines else block("p", t("summary.no_callbacks")))
    if s.goals is not None or s.plan is not None or s.open_callbacks is not None:
        lines = [
            t(f"summary.next.{n.kind}", text=n.text, count=n.count, date=format_date(n.day),
              area=t(n.area.label_key) if n.area else "")
            for n in s.next_steps
        ]  # fmt: skip
        out.append(block("h2", t("summary.next")))
        out.append(block("ul", items=lines) if lines else block("p", t("summary.no_next")))
    return out


def _foot(s: Summary) -> list[Block]:
    """What is in and what is not, and why: the summary says so itself."""
    shared = [_section_name(key) for key in s.included]
    out = [
        block("foot", t("summary.foot")),
        block("h3", t("summary.foot.in")),
        block("p", t("summary.foot.included", name=s.name, sections=", ".join(shared))
               if shared else t("summary.foot.only_who", name=s.name)),
        block("p", t("summary.foot.why_who")),
    ]  # fmt: skip
    if s.include_notes:
        out.append(block("p", t("summary.foot.notes_in")))
    lines = []
    for left in s.left_out:
        name = _section_name(left.section)
        name = name[:1].upper() + name[1:]
        lines.append(t(f"summary.foot.{left.reason}", section=name, date=format_date(left.on)))
    out.append(block("h3", t("summary.foot.out")))
    out.append(block("ul", items=lines) if lines else block("p", t("summary.foot.nothing")))
    return out


def made_line(made_by: str, at: datetime) -> str:
    """"Made … at … by …", without "by" when nobody is known by name (summary and plan)."""
    day, clock = format_date(at.date()), format_time(at)
    if made_by:
        return t("summary.made", person=made_by, date=day, time=clock)
    return t("summary.made_anon", date=day, time=clock)


def blocks(s: Summary) -> list[Block]:
    made = made_line(s.made_by, s.generated_at)
    head = [
        block("h1", t("summary.title", name=s.name)),
        block("meta", f"{made} {t('summary.confidential')}"),
        block("p", t("summary.intro", name=s.name)),
        block("h2", t("summary.who")),
        block("ul", items=_who(s)),
    ]
    return head + _body(s) + _foot(s)
