"""English: what erasure finds outside the participant's own rows, and honest audit lines."""

MESSAGES: dict[str, str] = {
    # Overrides the main catalogue's: the files offered now include exports tp wrote.
    "erase.tui_purge": "{count} file(s) tp wrote (backups from before the erasure, exports) "
    "still hold the participant. Overwrite and delete them?",
    "erase.unlinked.kept_tui": "Not linked to them, but naming them by name or number: KEPT as "
    "they are (F2 again to erase them), so these still name the participant:",
    "erase.files.title_tui": "Files tp wrote that still hold them ({count}; after the erasure "
    "you are asked whether to overwrite and delete them):",
    "erase.files.title": "Files tp wrote that still hold them ({count}; overwritten and deleted with --purge-backups):",
    "erase.keep_unlinked": "Keep what names them",
    "erase.keep_unlinked.tooltip": "Keep calls to a free name with their name or number, and their name in other people's notes (not erased then)",
    "erase.unlinked.how_to_keep_tui": "  To keep these as they are, press F2.",
    "cli.help.keep_unlinked": "keep calls owed to a free name that is theirs, and leave their "
    "name and number in other people's notes (not erased then)",
    "erase.unlinked.title": "Not linked to them, but naming them by name or number "
    "(calls are deleted, the name and number are taken out of the notes):",
    "erase.unlinked.kept": "Not linked to them, but naming them by name or number: KEPT as they "
    "are (--keep-unlinked), so these still name the participant:",
    "erase.unlinked.how_to_keep": "  To keep these as they are, add --keep-unlinked.",
    "erase.unlinked.free_calls": "calls owed to a free name with their name or number",
    "erase.unlinked.round_notes": "round notes",
    "erase.unlinked.contact_notes": "other participants' contact notes",
    "erase.unlinked.call_reasons": "reasons of other calls owed",
    "erase.unlinked.revisions": "history entries of other records",
    "audit.action.print.failed": "printing failed: nothing went to the printer",
    "audit.action.erase.files": "{count} file(s) tp had written about them overwritten and deleted",
}
