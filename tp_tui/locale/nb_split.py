"""Tungt arbeid i bakgrunnen: hva skjermen sier mens det går."""

MESSAGES: dict[str, str] = {
    "erase.working": "Sletter … filen bygges på nytt så ingenting av dem blir igjen.",
    "export.working": "Skriver {path} …",
    "export.busy": "En eksport skrives fortsatt. Prøv igjen når den er ferdig.",
    "erase.purging": "Overskriver og fjerner de eldre kopiene …",
}
