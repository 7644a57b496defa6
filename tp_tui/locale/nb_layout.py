"""Bokmål: søkets rekkefølge, og taster og tekster i oppsettet for små terminaler."""

MESSAGES: dict[str, str] = {
    "process.detail_days": "{days} dager i denne fasen",
    "process.detail_start": "{days} dager siden start",
    "process.detail_stalled": "⚑ står stille",
    "process.detail_late": "! over forventet tid fra start",
    "nav.quit": "Avslutt",
    "nav.quit.tooltip": "Lukk tp (alt som er lagret, beholdes)",
    "search.order": "Rekkefølge",
    "search.order.tooltip": "Nyeste først, eller beste treff først",
    "search.order.newest": "nyeste først (ctrl+o: beste treff)",
    "search.order.best": "beste treff først (ctrl+o: nyeste)",
}
