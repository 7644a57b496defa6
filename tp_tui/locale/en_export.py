"""English messages for exports: the week's callback list and printing."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "callback_list.title": "Callback list week {week} · {dates}",
    "callback_list.generated": "Generated {when}",
    "callback_list.overdue": "Overdue",
    "callback_list.day": "{weekday} {date}",
    "callback_list.empty_day": "No calls",
    "callback_list.col.done": "Done",
    "callback_list.col.when": "When",
    "callback_list.col.who": "Name",
    "callback_list.col.phone": "Phone",
    "callback_list.col.reason": "About",
    "callback_list.page": "Page {page} of {pages}",
    "callback_list.ics.calendar": "Callbacks week {week}",
    "callback_list.ics.summary": "Call {who}",
    "callback_list.ics.phone": "Phone: {phone}",
    "callback_list.ics.overdue": "Overdue since {when}",
    "callback_list.error.week_format": "“{text}” is not a week. Write a week number, such as 48 or 2026-W48.",
    "callback_list.error.no_such_week": "There is no week {week} in {year}: it has {weeks} weeks.",
    "printing.sent": "Sent to the printer: {path}",
    "printing.no_lp": "This machine has no print service (the CUPS command lp is missing). Print the file by hand: {path}",
    "printing.refused": "The print was refused (the printer said: “{reason}”). Print the file by hand: {path}",
    "printing.timeout": "The printer did not answer within {seconds} seconds. Print the file by hand: {path}",
}
