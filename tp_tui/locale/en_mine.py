"""English: my share of the calls and the day, or the team's, on the command line and sheets."""

MESSAGES: dict[str, str] = {
    "callback_list.generated_for": "Generated {when} · calls owed by {name}",
    "cli.help.callbacks_team": "every call the team owes (default: mine, on a shared database)",
    "cli.help.today_team": "the whole team's day (default: mine, on a shared database)",
    "callbacks.edit": "Edit",
    "callbacks.edit.tooltip": "Change who, number, reason or due time of the chosen call",
    "callbacks.edited": "The call owed is saved.",
    "undo.blocked": "Not undone: a colleague has changed it since. Change it by hand if needed.",
    "handover.everything_key": "Hand over all",
    "handover.everything_key.tooltip": "Give everything this trust person still has to a colleague",
    "handover.title_everything": "Hand over everything {name} still has",
    "handover.saved_everything": "Handed over: {participants} participant(s) and {callbacks} call(s).",
    "handover.nothing_left": "{name} has no participants or calls to hand over.",
    "handover.error.same_person": "Choose someone else than the one handing over.",
    "team_admin.still_responsible_cli": "{name} still has {left}: tp team handover {login} --to LOGIN hands it all over.",
    "team_admin.cli.help.handover": "give everything a trust person still has (participants, calls owed) to a colleague",
    "team_admin.cli.help.to": "the colleague's login",
    "team_admin.cli.help.note": "a note kept with each participant's handover",
}
