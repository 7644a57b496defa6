"""English: my share of the calls and the day, or the team's, on the command line and sheets."""

MESSAGES: dict[str, str] = {
    "callback_list.generated_for": "Generated {when} · calls owed by {name}",
    "cli.help.callbacks_team": "every call the team owes (default: mine, on a shared database)",
    "cli.help.today_team": "the whole team's day (default: mine, on a shared database)",
    "callbacks.edit": "Edit",
    "callbacks.edit.tooltip": "Change who, number, reason or due time of the chosen call",
    "callbacks.edited": "The call owed is saved.",
    "undo.blocked": "Not undone: a colleague has changed it since. Change it by hand if needed.",
}
