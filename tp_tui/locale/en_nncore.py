"""English: messages that came with nynorsk as a third language."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Replaces cli.help.lang, which named only two languages.
    "cli.help.languages": "interface language: nb (Norwegian bokmål), nn (Norwegian nynorsk) or en (English)",
}
