"""Nynorsk: søket."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "search.too_short": "Skriv eit ord på minst {count} teikn for å søkje.",
}
