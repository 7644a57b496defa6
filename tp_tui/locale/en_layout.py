"""English: the search order, and keys and labels of the layout for small terminals."""

MESSAGES: dict[str, str] = {
    "search.order": "Order",
    "search.order.tooltip": "Newest first, or best match first",
    "search.order.newest": "newest first (ctrl+o: best match)",
    "search.order.best": "best match first (ctrl+o: newest)",
}
