"""Bokmål: hvem i tilgangsloggen, daterte vurderinger over tid, møter i ansvarsgruppen."""

MESSAGES: dict[str, str] = {
    "audit.by": "av {who}",
    "audit.by_unknown": "(hvem: ikke registrert)",
    "ratings.help": "1 er vanskelig, 5 er bra, slik deltakeren ser det. Et siffer gir området en vurdering og går videre; et tomt område vurderes ikke.",
    "ratings.field.day": "Vurdert den",
    "ratings.latest": "sist {rating} den {date}",
    "ratings.error.none": "Vurder minst ett livsområde (et siffer 1–5).",
    "ratings.error.future": "En vurdering gjøres på en dag som har vært: i dag eller før.",
    "ratings.error.too_early": "Den dagen er for lenge siden for en vurdering.",
    "ratings.title": "Vurderinger over tid (1 vanskelig – 5 bra)",
    "ratings.none": "Ingen vurderinger ennå (r vurderer livsområdene).",
    "summary.ratings": "Hvordan livsområdene har stått (1 vanskelig – 5 bra)",
    "summary.ratings_line": "{area}: {ratings}",
    "summary.rating": "{rating} ({date})",
    "stats.section.ratings": "Vurderinger: siste mot første, per livsområde",
    "stats.ratings.rated_twice": "{area}: vurdert på to dager eller flere",
    "stats.ratings.better": "{area}: bedre",
    "stats.ratings.same": "{area}: likt",
    "stats.ratings.worse": "{area}: verre",
}
