"""Tungt arbeid i bakgrunnen: kva skjermen seier medan det går."""

MESSAGES: dict[str, str] = {
    "erase.working": "Slettar … fila vert bygd på nytt så ingenting av dei blir att.",
    "export.working": "Skriv {path} …",
    "export.busy": "Ein eksport vert framleis skriven. Prøv igjen når han er ferdig.",
    "erase.purging": "Overskriv og fjernar dei eldre kopiane …",
}
