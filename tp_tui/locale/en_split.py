"""Slow work in the background: what the screen says while it runs."""

MESSAGES: dict[str, str] = {
    "erase.working": "Erasing… the file is rebuilt so that nothing of them is left.",
    "export.working": "Writing {path} …",
    "export.busy": "An export is still being written. Try again when it is done.",
    "erase.purging": "Overwriting and removing the older copies …",
}
