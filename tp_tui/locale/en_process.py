"""English: forms that ask, the process board's closed column and periods, goals moved and
ended, the summary's 'since' field."""

MESSAGES: dict[str, str] = {
    "export.field.since": "Since",
    "export.since_placeholder": "the last group meeting; or a date",
    "summary_since.error.future": "'Since' cannot be later than today.",
    "process.closed": "Closed",
    "process.closed.tooltip": "Show or hide the closed participants, to reopen one (o)",
    "process.reopen_only_closed": "Only a closed participant can be reopened: show them with c.",
    "periods.title": "Periods",
    "periods.line_open": "Period {number}: from {start}",
    "periods.line_closed": "Period {number}: {start}–{end}, closed: {reason}",
    "goal_status.ended": "ended",
    "goals.error.too_long": "A goal can be at most {limit} characters; this one has {length}. Shorten it: what you typed is still in the field.",
    "goals.limit_hint": "In the participant's own words, at most {limit} characters. Another life area moves the goal; status 'ended' ends it. Both are kept in its history.",
    "goals.moved_from": "(moved from {area})",
    "change.goal.move": "moving a goal of {name} to another life area",
    "change.goal.end": "ending a goal of {name}",
}
