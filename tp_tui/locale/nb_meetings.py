"""Bokmål: hvem i tilgangsloggen, daterte vurderinger over tid, møter i ansvarsgruppen."""

MESSAGES: dict[str, str] = {
    "audit.by": "av {who}",
    "audit.by_unknown": "(hvem: ikke registrert)",
}
