"""English: forms that ask, the process board's closed column and periods, goals moved and
ended, the summary's 'since' field."""

MESSAGES: dict[str, str] = {
    "export.field.since": "Since",
    "export.since_placeholder": "the last group meeting; or a date",
    "summary_since.error.future": "'Since' cannot be later than today.",
}
