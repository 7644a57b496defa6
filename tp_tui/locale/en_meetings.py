"""English: who is in the audit trail, dated ratings over time, responsibility-group meetings."""

MESSAGES: dict[str, str] = {
    "audit.by": "by {who}",
    "audit.by_unknown": "(who: not recorded)",
}
