"""English: the search order, and keys and labels of the layout for small terminals."""

MESSAGES: dict[str, str] = {
    "process.detail_days": "{days} days in this stage",
    "process.detail_start": "{days} days since the start",
    "process.detail_stalled": "⚑ stalled",
    "process.detail_late": "! past the expected time since the start",
    "nav.quit": "Quit",
    "nav.quit.tooltip": "Close tp (everything saved is kept)",
    "search.order": "Order",
    "search.order.tooltip": "Newest first, or best match first",
    "search.order.newest": "newest first (ctrl+o: best match)",
    "search.order.best": "best match first (ctrl+o: newest)",
}
