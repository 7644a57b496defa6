"""Bokmål: søkets rekkefølge, og taster og tekster i oppsettet for små terminaler."""

MESSAGES: dict[str, str] = {
    "search.order": "Rekkefølge",
    "search.order.tooltip": "Nyeste først, eller beste treff først",
    "search.order.newest": "nyeste først (ctrl+o: beste treff)",
    "search.order.best": "beste treff først (ctrl+o: nyeste)",
}
