"""Nynorsk: detaljar i prosesstavla, avslutt-tasten og rekkjefølgja i søket."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "process.detail_days": "{days} dagar i denne fasen",
    "process.detail_start": "{days} dagar sidan start",
    "process.detail_stalled": "⚑ står stille",
    "process.detail_late": "! over venta tid frå start",
    "nav.quit": "Avslutt",
    "nav.quit.tooltip": "Lukk tp (alt som er lagra, blir teke vare på)",
    "search.order": "Rekkjefølgje",
    "search.order.tooltip": "Nyaste først, eller beste treff først",
    "search.order.newest": "nyaste først (ctrl+o: beste treff)",
    "search.order.best": "beste treff først (ctrl+o: nyaste)",
}
