"""The week's callback list as a sheet to carry: plain text, HTML, PDF or iCalendar.

Every string in a :class:`CallbackWeek` is already cleaned and on one line; here it is only
escaped for its format (HTML), never read as markup. The PDF draws every name as written, in
the font shipped with tp-tui (see :mod:`tp_tui.export.pdf_fonts`).
"""

from __future__ import annotations

from datetime import UTC, timedelta

from tp_tui.export.callback_sheet import all_lines, generated_line, sections, title, when_shown
from tp_tui.i18n import format_datetime, get_language, t
from tp_tui.services.callback_list import CallbackWeek, ListLine

WHO_WIDTH = 30  # characters in the text sheet; longer names end in "…"
EVENT_MINUTES = 15
PRODID = "-//tp-tui//callbacks//NB"

# --- plain text -------------------------------------------------------------------------------


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(week: CallbackWeek) -> str:
    """A sheet for stdout or a plain printer: tick boxes and aligned columns, no markup."""
    days = list(sections(week))
    rows = [(when_shown(line, dated), line) for _, lines, dated in days for line in lines]
    when_width = max((len(when) for when, _ in rows), default=5)
    who_width = min(max((len(line.who) for _, line in rows), default=0), WHO_WIDTH)
    phone_width = max((len(line.phone) for _, line in rows), default=0)
    heading = title(week)
    out = [heading, "=" * len(heading), generated_line(week)]
    for name, lines, dated in days:
        out += ["", name]
        if not lines:
            out.append("    " + t("callback_list.empty_day"))
        for line in lines:
            cells = [f"[ ] {when_shown(line, dated):<{when_width}}"]
            if who_width:
                cells.append(f"{_shorten(line.who, who_width):<{who_width}}")
            if phone_width:
                cells.append(f"{line.phone:<{phone_width}}")
            cells.append(line.reason)
            out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n"


# --- HTML -------------------------------------------------------------------------------------

_CSS = """\
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 11pt;
       color: #000; background: #fff; margin: 0; }
@media screen { body { max-width: 180mm; margin: 10mm auto; } }
h1 { font-size: 16pt; margin: 0 0 1mm; }
p.generated { font-size: 9pt; margin: 0 0 4mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
thead th { text-align: left; font-size: 8pt; font-weight: normal; padding: 0 2mm 0 0;
           border-bottom: 0.3mm solid #000; }
th.day { text-align: left; font-size: 12pt; padding: 5mm 0 1mm; border-bottom: 0.3mm solid #000; }
tr.day { break-after: avoid; page-break-after: avoid; }
td { vertical-align: top; padding: 1.2mm 2mm 1.2mm 0; border-bottom: 0.2mm solid #000; }
tr { break-inside: avoid; page-break-inside: avoid; }
col.box { width: 11mm; } col.when { width: 24mm; } col.who { width: 50mm; }
col.phone { width: 28mm; }
td.box { font-size: 14pt; line-height: 1; }
td.when, td.phone { white-space: nowrap; }
td.who, td.reason { overflow-wrap: anywhere; }
tr.overdue td.when { font-weight: bold; }
td.empty { font-style: italic; }
tr.empty td { border-bottom: none; }
"""


def _escape(text: str) -> str:
    # `html` (with its table of entities) is imported here: the text sheet needs none of it.
    from html import escape

    return escape(text, quote=True)


def _html_rows(lines: tuple[ListLine, ...], dated: bool) -> list[str]:
    if not lines:
        empty = _escape(t("callback_list.empty_day"))
        return [f'<tr class="empty"><td></td><td class="empty" colspan="4">{empty}</td></tr>']
    out = []
    for line in lines:
        css = ' class="overdue"' if line.overdue else ""
        out.append(
            f'<tr{css} id="callback-{line.callback_id}"><td class="box">☐</td>'
            f'<td class="when">{_escape(when_shown(line, dated))}</td>'
            f'<td class="who">{_escape(line.who)}</td>'
            f'<td class="phone">{_escape(line.phone)}</td>'
            f'<td class="reason">{_escape(line.reason)}</td></tr>'
        )
    return out


def render_html(week: CallbackWeek) -> str:
    """A standalone HTML document that prints on A4 in black and white: one table, so the
    columns line up from day to day, whose column headings come again on every printed page."""
    heading = _escape(title(week))
    labels = ("done", "when", "who", "phone", "reason")
    head = "".join(f'<th scope="col">{_escape(t(f"callback_list.col.{label}"))}</th>'
                   for label in labels)  # fmt: skip
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{get_language()}">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{heading}</title>",
        f"<style>\n{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{heading}</h1>",
        f'<p class="generated">{_escape(generated_line(week))}</p>',
        "<table>",
        "".join(f'<col class="{label}">' for label in ("box", "when", "who", "phone", "reason")),
        f"<thead><tr>{head}</tr></thead>",
    ]
    for name, lines, dated in sections(week):
        out += ["<tbody>", f'<tr class="day"><th class="day" colspan="5">{_escape(name)}</th></tr>']
        out += [*_html_rows(lines, dated), "</tbody>"]
    return "\n".join([*out, "</table>", "</body>", "</html>"]) + "\n"


def render_ics(week: CallbackWeek) -> bytes:
    """One private 15-minute event per call at its due time, in UTC, with a stable UID."""
    from icalendar import Alarm, Calendar, Event  # imported here: the text sheet needs none of it

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("callback_list.ics.calendar", week=week.week))
    stamp = week.generated_at.astimezone(UTC)
    for line in all_lines(week):
        start = line.due_at.astimezone(UTC)
        details = [line.reason] if line.reason else []
        if line.phone:
            details.append(t("callback_list.ics.phone", phone=line.phone))
        if line.overdue:
            when = format_datetime(line.due_at)
            details.append(t("callback_list.ics.overdue", when=when))
        event = Event()
        event.add("uid", line.uid or f"callback-{line.callback_id}@tp-tui")
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=EVENT_MINUTES))
        event.add("summary", t("callback_list.ics.summary", who=line.who))
        if details:
            event.add("description", "\n".join(details))
        event.add("class", "PRIVATE")
        # The phone reminds at the due time; the alarm's text names no one (lock screens).
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(0))
        alarm.add("description", t("callback_list.ics.alarm"))
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
