"""The participant summary as Markdown, HTML or PDF.

One list of blocks (headings, paragraphs, lists) is built from the summary and each format renders
it, so the three say the same thing. Blocks hold plain text only: every stored string is cleaned
and folded to one line there, and each format escapes the whole text, so a note containing
``<script>``, ``[bold]``, ``|`` or ``#`` comes out as those characters, never as markup.
"""

from __future__ import annotations

import html
import re

from tp_tui.export.html_page import html_page
from tp_tui.export.summary_blocks import Block, blocks
from tp_tui.i18n import format_date, t
from tp_tui.services.summary import Summary
from tp_tui.text import one_line

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
