"""English: the search in notes, names and calls."""

MESSAGES: dict[str, str] = {
    "search.too_short": "Type a word of at least {count} characters to search.",
}
