"""English: what erasure finds outside the participant's own rows, and honest audit lines."""

MESSAGES: dict[str, str] = {
    "audit.action.print.failed": "printing asked for, but it failed: nothing was printed",
    "audit.action.erase.files": "{count} file(s) tp had written about them overwritten and deleted",
}
