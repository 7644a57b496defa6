"""English: the PDF files' font and printing on the printer."""

MESSAGES: dict[str, str] = {
    "callback_list.before_week": "Before the week, not yet due",
    "pdf.missing": "Characters no font shipped with tp-tui can draw, shown as {shown}: {chars}.",
    "pdf.missing_more": "{named} and {more} more",
}
