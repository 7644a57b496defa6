"""Nynorsk: avslutta deltakarar og periodar, mål som blir flytte eller avslutta, utdrag sidan ein dag."""

MESSAGES: dict[str, str | tuple[str, str]] = {
    "export.field.since": "Sidan",
    "export.since_placeholder": "siste møte i ansvarsgruppa; eller ein dato",
    "summary_since.error.future": "«Sidan» kan ikkje vere seinare enn i dag.",
    "process.closed": "Avslutta",
    "process.closed.tooltip": "Vis eller gøym dei avslutta, for å opne ein igjen (o)",
    "process.reopen_only_closed": "Berre ein avslutta deltakar kan opnast igjen: vis dei med c.",
    "periods.title": "Periodar",
    "periods.line_open": "Periode {number}: frå {start}",
    "periods.line_closed": "Periode {number}: {start}–{end}, avslutta: {reason}",
    "goal_status.ended": "avslutta",
    "goals.error.too_long": "Eit mål kan vere høgst {limit} teikn; dette har {length}. Gjer det kortare: det du skreiv, står framleis i feltet.",
    "goals.limit_hint": "Med orda til deltakaren sjølv, høgst {limit} teikn. Eit anna livsområde flyttar målet; status «avslutta» avsluttar det. Begge delar blir ståande i historikken.",
    "goals.moved_from": "(flytt frå {area})",
    "change.goal.move": "flyttinga av eit mål for {name} til eit anna livsområde",
    "change.goal.end": "avsluttinga av eit mål for {name}",
}
