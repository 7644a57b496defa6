"""English: the PDF files' font and printing on the printer."""

MESSAGES: dict[str, str] = {
    "printing.no_default": "No printer is set as the default, so nothing was printed. Choose a default printer in the machine's printer settings, or print the file by hand: {path}",
    "printing.no_service": "The print service (CUPS) is not running on this machine, so nothing was printed. Start it or ask IT, or print the file by hand: {path}",
    "callback_list.before_week": "Before the week, not yet due",
    "pdf.missing": "Characters no font shipped with tp-tui can draw, shown as {shown}: {chars}.",
    "pdf.missing_more": "{named} and {more} more",
}
