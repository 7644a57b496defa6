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
}
