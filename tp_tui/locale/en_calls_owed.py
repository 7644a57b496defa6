"""English: calls owed from the command line, the reminder before the day ends, names never guessed."""

MESSAGES: dict[str, str] = {
    "callbacks_cli.help.add": "note a call owed: a participant (part of the name or initials) "
    "or a free name with a number",
    "callbacks_cli.help.name": "the participant (part of the name or initials), or the caller's "
    "name (then with --phone)",
    "callbacks_cli.help.reason": "what it is about",
    "callbacks_cli.help.due": "due, e.g. 'today 15:30', 'tomorrow 10' (default: today)",
    "callbacks_cli.help.phone": "the number to call",
    "callbacks_cli.help.done": "mark a call owed returned (tp today shows its number)",
    "callbacks_cli.help.id": "the call's number (the No. column of tp today)",
    "callbacks_cli.help.outcome": "how it went (default: reached)",
    "callbacks_cli.help.note": "a note, kept with the phone contact of the participant",
    "callbacks_cli.field.outcome": "Outcome",
    "callbacks_cli.free_name_needs_phone": "No participant is called '{query}'. For someone who "
    "is not a participant: give the number with --phone.",
    "callbacks_cli.added": "Noted: call {name} back, due {due} (no. {id}).",
    "callbacks_cli.no_such": "No call owed has no. {id}. tp today shows the numbers.",
    "callbacks_cli.already_done": "Call no. {id} ({name}) is already returned; nothing changed.",
    "callbacks_cli.note_not_kept_free_name": "{name} is not a participant, so the note has no "
    "contact to be kept with. Leave out --note; nothing was saved.",
    "callbacks_cli.note_not_kept_no_answer": "No answer logs no contact, so the note has nowhere "
    "to go. Leave out --note; nothing was saved.",
    "callbacks_cli.done.reached": "Done: {name} reached (no. {id}).",
    "callbacks_cli.done.left_message": "Done: message left for {name} (no. {id}).",
    "callbacks_cli.done.no_answer": "Done: {name} did not answer (no. {id}).",
    "today.col.number": "No.",
}
MESSAGES.update(
    {
        "participants_cli.help.yes": "add even if the name looks like a phone number or a date",
        "participants_cli.name_like_phone": "'{name}' looks like a phone number, not a name. "
        "The number goes in --phone; if it really is the name, add --yes. Nothing was saved.",
        "participants_cli.name_like_date": "'{name}' looks like a date, not a name. "
        "The intake date goes in --intake; if it really is the name, add --yes. "
        "Nothing was saved.",
        "participant_form.name_like_phone": "'{name}' looks like a phone number, not a name. "
        "Save it as the name anyway?",
        "participant_form.name_like_date": "'{name}' looks like a date, not a name. "
        "Save it as the name anyway?",
    }
)
MESSAGES.update(
    {
        "reminder.title": "Before the day ends",
        "reminder.message": "{count} call(s) owed are not returned yet today "
        "(the working day ends at {end}): {names}.",
        "reminder.more": "and {count} more",
        "reminder.desktop": "tp-tui: {count} call(s) still owed today",
        "callback_list.ics.alarm": "Call back now",
    }
)
