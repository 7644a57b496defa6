"""What every format of the week's callback list says: its title, the line saying when it was
made, and its sections (overdue, before the week, each day), for the text, HTML and iCalendar
renderers (callback_list.py) and the PDF (callback_list_pdf.py) alike."""

from __future__ import annotations

from collections.abc import Iterator

from tp_tui.i18n import format_date, format_datetime, format_time, t, weekday_name
from tp_tui.services.callback_list import CallbackWeek, ListLine

Section = tuple[str, tuple[ListLine, ...], bool]  # heading, lines, whether "when" shows the date


def week_dates(week: CallbackWeek) -> str:
    """ "23.11.–29.11.2026", or both years in full when the week spans New Year."""
    if week.monday.year == week.sunday.year:
        return f"{week.monday:%d.%m.}–{format_date(week.sunday)}"
    return f"{format_date(week.monday)}–{format_date(week.sunday)}"


def title(week: CallbackWeek) -> str:
    return t("callback_list.title", week=week.week, dates=week_dates(week))


def generated_line(week: CallbackWeek) -> str:
    when = format_datetime(week.generated_at)
    if week.owner:
        return t("callback_list.generated_for", when=when, name=week.owner)
    return t("callback_list.generated", when=when)


def sections(week: CallbackWeek) -> Iterator[Section]:
    """The overdue block and, for a week ahead, the calls due before it (each only when there
    is one), then all seven days."""
    if week.overdue:
        yield t("callback_list.overdue"), week.overdue, True
    if week.before_week:
        yield t("callback_list.before_week"), week.before_week, True
    for day in week.days:
        heading = t("callback_list.day", weekday=weekday_name(day.day), date=format_date(day.day))
        yield heading, day.lines, False


def when_shown(line: ListLine, dated: bool) -> str:
    return f"{line.due_at:%d.%m.} {format_time(line.due_at)}" if dated else format_time(line.due_at)


def all_lines(week: CallbackWeek) -> list[ListLine]:
    return [*week.overdue, *week.before_week, *(line for day in week.days for line in day.lines)]
