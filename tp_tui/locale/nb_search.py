"""Norsk bokmål: søket i notater, navn og tilbakeringinger."""

MESSAGES: dict[str, str] = {
    "search.too_short": "Skriv et ord på minst {count} tegn for å søke.",
}
