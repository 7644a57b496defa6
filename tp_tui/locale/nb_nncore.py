"""Norsk bokmål: messages that came with nynorsk as a third language."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    # Replaces cli.help.lang, which named only two languages.
    "cli.help.languages": "språk: nb (norsk bokmål), nn (norsk nynorsk) eller en (engelsk)",
}
