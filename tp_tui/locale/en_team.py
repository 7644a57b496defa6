"""English: a team on one database — mine/the team's, handovers, editing at the same time."""

MESSAGES: dict[str, str] = {
    "team.toggle": "Mine/team",
    "team.toggle.tooltip": "Show my calls, contacts and participants, or the whole team's",
    "team.scope_mine": "Mine",
    "team.scope_team": "Team's",
    "handover.key": "Hand over",
    "handover.key.tooltip": "Give to a colleague (participant: new responsible trust person)",
    "handover.title_participant": "Hand the participant over to another trust person",
    "handover.title_callback": "Give the call to a colleague at work today",
    "handover.no_colleagues": "No colleagues to hand over to yet.",
    "handover.to": "To",
    "handover.to_prompt": "Choose a colleague",
    "handover.on": "From",
    "handover.on_placeholder": "today, 1.12, +2",
    "handover.note": "Note",
    "handover.saved": "Handed over.",
    "handover.error.who": "Choose a colleague.",
    "handover.error.same": "{name} is already responsible.",
    "handover.error.note_too_long": "The note is too long (at most {max} characters).",
    "handover.error.callback_gone": "The call no longer exists.",
    "handover.error.callback_done": "This call has already been returned.",
    "handover.responsible": "Responsible: {name}",
    "handover.responsible_field": "Responsible trust person",
    "handover.line": "{date} handed over from {giver} to {taker}",
    "conflict.message": "Not saved: someone else saved after you opened the form. Changed: "
    "{changes}. What you typed is still here: Ctrl+S saves the fields you changed on top (the "
    "others keep theirs), Esc cancels.",
    "conflict.field_now": "{field} (now: {value})",
    "conflict.unknown": "unknown",
}
