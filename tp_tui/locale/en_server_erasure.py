"""English: erasure on a PostgreSQL server (no file: rows deleted, tables rewritten)."""

MESSAGES: dict[str, str] = {
    "erase.server.done": "Erased #{id}: {count} rows deleted, and the tables that held them "
    "rewritten on the server, so no deleted row is left in them.",
    "erase.server.keeps": "The server's write-ahead log, its replicas and its own backups keep "
    "old data until they are recycled: that is the server administrator's job.",
    "erase.server.not_scrubbed": "Erased #{id}: {count} rows deleted, but the tables that held "
    "them were not rewritten on the server, so deleted text may still be in its table storage.",
    "erase.server.scrubbed": "The tables are rewritten on the server: no deleted row is left in "
    "them.",
    "erase.server.scrub_failed": "The tables were not rewritten on the server, so deleted text "
    "may still be in its table storage.",
    "erase.server.reason.not_owner": "Your database role may not rewrite them (only their owner "
    "may). Ask your database administrator to run VACUUM (FULL) on tp-tui's tables as their "
    "owner, or to run tp erase --scrub with the role that owns them.",
    "erase.server.reason.locked": "A colleague's open session was using them, and tp waits only "
    "a few seconds. Run tp erase --scrub when the others have closed tp; if it keeps happening, "
    "ask your database administrator which session holds the tables.",
    "erase.server.reason.held": "Another open transaction (a colleague's session, a replica or a "
    "prepared transaction) could still see the deleted rows, so the rewrite had to keep them. "
    "Run tp erase --scrub when the others have closed tp; if it keeps happening, ask your "
    "database administrator to end long-running transactions and check replication slots.",
    "erase.server.reason.failed": "The server refused the rewrite. Run tp erase --scrub later; "
    "if it fails again, ask your database administrator to run VACUUM (FULL) on tp-tui's tables.",
}
