"""The participant summary as Markdown, HTML or PDF.

One list of blocks (headings, paragraphs, lists) is built from the summary and each format renders
it, so the three say the same thing. Blocks hold plain text only: every stored string is cleaned
and folded to one line there, and each format escapes the whole text, so a note containing
``<script>``, ``[bold]``, ``|`` or ``#`` comes out as those characters, never as markup.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from tp_tui.domain import Agency
from tp_tui.export.html_page import html_page
from tp_tui.i18n import format_date, format_time, t
from tp_tui.phone import format_phone
from tp_tui.services.summary import Summary
from tp_tui.text import one_line


@dataclass(frozen=True)
class Block:
    kind: str  # h1, meta, p, h2, h3, ul, foot (the heading of the part that says what is left out)
    text: str = ""
    items: tuple[str, ...] = ()


def _block(kind: str, text: str = "", items: list[str] | tuple[str, ...] = ()) -> Block:
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
    return [_block("h2", t("summary.ratings")), _block("ul", items=lines)]


def _meeting(s: Summary) -> list[Block]:
    """Since the last meeting: who came, what it decided, what was done, what is still open."""
    m = s.meeting
    if m is None:
        return []
    out = [_block("h2", t("summary.meeting", date=format_date(m.held_on)))]
    if m.attended:
        out.append(_block("p", t("summary.meeting.present", names=", ".join(m.attended))))
    out += [_block("h3", t("summary.meeting.decided")),
            _block("ul", items=m.decisions) if m.decisions else
            _block("p", t("summary.meeting.no_decisions"))]  # fmt: skip
    done = [t("summary.action.done", text=a.text, owner=a.owner or "–",
              date=format_date(a.done_on)) for a in m.done if a.done_on]  # fmt: skip
    still = [t("summary.action.open", text=a.text, owner=a.owner or "–",
               date=format_date(a.due_on)) for a in m.still_open]  # fmt: skip
    if done:
        out += [_block("h3", t("summary.meeting.done")), _block("ul", items=done)]
    if still:
        out += [_block("h3", t("summary.meeting.open")), _block("ul", items=still)]
    return out


def _body(s: Summary) -> list[Block]:
    """The shared sections, in the order of a meeting: goals first, they are the participant's."""
    out: list[Block] = []
    if s.goals is not None:
        out.append(_block("h2", t("summary.goals")))
        if not s.goals:
            out.append(_block("p", t("summary.no_goals")))
        for area, goals in s.goals.items():
            lines = [
                t("summary.goal", text=g.text, status=t(g.status.label_key),
                  date=format_date(g.status_on))
                for g in goals
            ]  # fmt: skip
            out += [_block("h3", t(area.label_key)), _block("ul", items=lines)]
    out += _ratings(s)
    if s.process is not None:
        out.append(_block("h2", t("summary.process")))
        steps = s.process.steps
        lines = [
            t("summary.stage_now" if n == len(steps) - 1 else "summary.stage_line",
              stage=t(stage.label_key), date=format_date(day))
            for n, (stage, day) in enumerate(steps)
        ]  # fmt: skip
        out.append(_block("ul", items=lines) if lines else _block("p", t("summary.no_process")))
        done = [t("summary.done_item", item=t(f"checklist.{item}"), date=format_date(day))
                for item, day in s.process.done]  # fmt: skip
        if done:
            out.append(_block("p", t("summary.done", items=", ".join(done))))
        if s.process.open_items:
            items = ", ".join(t(f"checklist.{item}") for item in s.process.open_items)
            out.append(_block("p", t("summary.open", items=items)))
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
        out += [_block("h2", t("summary.plan")), _block("ul", items=lines)]
    if s.group is not None:
        out.append(_block("h2", t("summary.group")))
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
        out.append(_block("ul", items=lines) if lines else _block("p", t("summary.no_group")))
    out += _meeting(s)
    if s.contacts is not None:
        out.append(_block("h2", t(f"summary.contacts.{s.since_basis}", date=format_date(s.since))))
        lines = [
            t("summary.contact_note" if one_line(c.note) else "summary.contact",
              date=format_date(c.at.date()), kind=t(f"kind.{c.kind}"), note=c.note or "")
            for c in s.contacts
        ]  # fmt: skip
        if lines:
            kinds = Counter(t(f"kind.{c.kind}") for c in s.contacts).most_common()
            count = ", ".join(f"{kind} {n}" for kind, n in kinds)
            out.append(_block("p", t("summary.contacts.count", count=len(lines), kinds=count)))
        out.append(_block("ul", items=lines) if lines else _block("p", t("summary.no_contacts")))
    if s.open_callbacks is not None:
        out.append(_block("h2", t("summary.callbacks")))
        lines = [
            t("summary.callback" if c.reason.strip() else "summary.callback_plain",
              date=format_date(c.due_at.date()), time=format_time(c.due_at), reason=c.reason)
            for c in s.open_callbacks
        ]  # fmt: skip
        out.append(_block("ul", items=lines) if lines else _block("p", t("summary.no_callbacks")))
    if s.goals is not None or s.plan is not None or s.open_callbacks is not None:
        lines = [
            t(f"summary.next.{n.kind}", text=n.text, count=n.count, date=format_date(n.day),
              area=t(n.area.label_key) if n.area else "")
            for n in s.next_steps
        ]  # fmt: skip
        out.append(_block("h2", t("summary.next")))
        out.append(_block("ul", items=lines) if lines else _block("p", t("summary.no_next")))
    return out


def _foot(s: Summary) -> list[Block]:
    """What is in and what is not, and why: the summary says so itself."""
    shared = [_section_name(key) for key in s.included]
    out = [
        _block("foot", t("summary.foot")),
        _block("h3", t("summary.foot.in")),
        _block("p", t("summary.foot.included", name=s.name, sections=", ".join(shared))
               if shared else t("summary.foot.only_who", name=s.name)),
        _block("p", t("summary.foot.why_who")),
    ]  # fmt: skip
    if s.include_notes:
        out.append(_block("p", t("summary.foot.notes_in")))
    lines = []
    for left in s.left_out:
        name = _section_name(left.section)
        name = name[:1].upper() + name[1:]
        lines.append(t(f"summary.foot.{left.reason}", section=name, date=format_date(left.on)))
    out.append(_block("h3", t("summary.foot.out")))
    out.append(_block("ul", items=lines) if lines else _block("p", t("summary.foot.nothing")))
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
        _block("h1", t("summary.title", name=s.name)),
        _block("meta", f"{made} {t('summary.confidential')}"),
        _block("p", t("summary.intro", name=s.name)),
        _block("h2", t("summary.who")),
        _block("ul", items=_who(s)),
    ]
    return head + _body(s) + _foot(s)


# -- Markdown ------------------------------------------------------------------------------------
# Punctuation that can start markup anywhere in a line; `$` is maths and `~` strikethrough on
# some renderers. `<`, `>` and `&` become entities, which every Markdown flavour leaves as text.
_MD_ANYWHERE = re.compile(r"([\\`*_\[\]#|~$])")
_MD_EMOJI = re.compile(r":(?=[A-Za-z+_-][\w+-]*:)")  # ":warning:" is an emoji on some sites
_MD_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])(?=\s|$)")  # lists, setext underlines


def escape_markdown(text: str) -> str:
    """One line of plain text as Markdown that shows exactly that text."""
    escaped = html.escape(_MD_EMOJI.sub(r"\\:", _MD_ANYWHERE.sub(r"\\\1", text)), quote=False)
    return _MD_LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else
                              f"{m.group(2)}\\{m.group(3)}", escaped)  # fmt: skip


def render_markdown(s: Summary) -> str:
    return markdown_of(blocks(s))


def markdown_of(every: list[Block]) -> str:
    """Blocks as Markdown (the summary's, the plan's)."""
    prefix = {"h1": "# ", "h2": "## ", "h3": "### ", "foot": "## ", "meta": "", "p": ""}
    lines: list[str] = []
    for block in every:
        if block.kind == "foot":
            lines += ["---", ""]
        if block.kind == "ul":
            lines += [f"- {escape_markdown(item)}" for item in block.items]
        else:
            text = escape_markdown(block.text)
            lines.append(f"{prefix[block.kind]}*{text}*" if block.kind == "meta" else
                         prefix[block.kind] + text)  # fmt: skip
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# -- HTML ----------------------------------------------------------------------------------------
_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 11pt;
       line-height: 1.45; color: #111; max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 17pt; margin: 0 0 .3em; }
h2 { font-size: 13pt; margin: 1.4em 0 .4em; padding-bottom: .15em; border-bottom: 1px solid #999;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: .8em 0 .2em; break-after: avoid; page-break-after: avoid; }
ul { margin: .2em 0; padding-left: 1.3em; } li { margin: .15em 0; break-inside: avoid; }
.meta { color: #444; font-size: 9.5pt; }
footer { margin-top: 2em; border-top: 2px solid #333; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string: every ASCII sign but letters, digits and spaces escaped, so a
    name with a quote, a backslash or "</style>" stays text."""
    out = "".join(
        char if char.isalnum() or char == " " or ord(char) > 127 else f"\\{ord(char):x} "
        for char in text
    )
    return f'"{out}"'


def _print_footer(s: Summary) -> str:
    """The PDF's footer on every printed page (name, date, confidential, page n of m), through
    the page's margin box: the printout says whose it is and that it is confidential."""
    text = t("summary.pdf.footer", name=one_line(s.name), page="\0", pages="\1",
             date=format_date(s.generated_at.date()))  # fmt: skip
    return print_footer_css(text)


def print_footer_css(text: str) -> str:
    """A footer text with ``\0`` for the page and ``\1`` for the pages, as a print rule."""
    parts = [css_string(part) for part in re.split("[\0\1]", text)]
    markers = [" counter(page) " if m == "\0" else " counter(pages) "
               for m in re.findall("[\0\1]", text)]  # fmt: skip
    content = parts[0] + "".join(m + p for m, p in zip(markers, parts[1:], strict=True))
    style = "font-family: Helvetica, Arial, sans-serif; font-size: 8pt; color: #5a5a5a;"
    return f"@page {{ @bottom-center {{ content: {content}; {style} }} }}\n"


def render_html(s: Summary) -> str:
    """A standalone page; a policy that allows no scripts backs up the escaping."""
    title = one_line(t("summary.title", name=s.name))
    return html_of(blocks(s), title, _print_footer(s))


def html_of(every: list[Block], title: str, footer_css: str) -> str:
    """Blocks as a standalone HTML page (the summary's, the plan's)."""
    tags = {"h1": "h1", "h2": "h2", "h3": "h3", "p": "p", "foot": "h2"}
    body: list[str] = []
    for block in every:
        if block.kind == "foot":
            body.append("<footer>")
        if block.kind == "ul":
            items = "".join(f"<li>{html.escape(item)}</li>" for item in block.items)
            body.append(f"<ul>{items}</ul>")
        elif block.kind == "meta":
            body.append(f'<p class="meta">{html.escape(block.text)}</p>')
        else:
            tag = tags[block.kind]
            body.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
    body.append("</footer>")  # the foot is always there, and always last
    return html_page(html.escape(title), _CSS + footer_css, body)


# -- PDF ---------------------------------------------------------------------------------------


def render_pdf(s: Summary) -> bytes:
    """A4 in the shipped font (see :mod:`tp_tui.export.summary_pdf`)."""
    # fpdf2 (with fontTools and PIL) takes a quarter of a second to import, and the Markdown and
    # HTML summaries need none of it: imported only when a PDF is made.
    from tp_tui.export.summary_pdf import render_pdf as render

    return render(s)
