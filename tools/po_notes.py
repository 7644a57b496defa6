"""The notes for translators ("#." lines) the converter writes above each catalogue entry.

Derived from the key: its first part says where the text shows, its last part what kind of text
it is (a tooltip, a column head, an error), and every ``{field}`` gets a line saying what the app
puts there. A translator then knows that "Who" is a form label and "{left}" is a phrase like
"responsibility for 2 participants". Edit the tables and run ``python -m tools.dicts_to_po
--recomment`` to rewrite the notes of every entry.
"""

from __future__ import annotations

import re

_FIELD = re.compile(r"\{(\w+)")

# Where a key's first part shows in the app.
PLACES = {
    "app": "the title bar and the crash message",
    "nav": "the footer bar and menu: a screen or an action name",
    "palette": "the command palette (Ctrl+P)",
    "date": "date fields and the day line at the top",
    "weekday": "a weekday name, lower case in Norwegian mid-sentence",
    "month": "a month name, in the calendar and the statistics",
    "phone": "the phone field of a form",
    "storage": "opening the database file (terminal and app)",
    "cli": "tp --help and the terminal commands",
    "participants": "the participant list",
    "participant": "the participant form and page: field labels",
    "participant_form": "the form for a new participant or editing one",
    "participants_cli": "tp participants in the terminal",
    "form": "buttons shared by every form",
    "confirm": "a yes/no question dialog",
    "today": "the Today screen",
    "detail": "a participant's page",
    "stage": "a stage of the follow-up model (stage 1–5)",
    "stage_form": "the form that moves a participant to another stage",
    "checklist": "a checklist item of a stage, on the participant's page",
    "life_area": "a life area of the mapping and the goals",
    "status": "a participant's status",
    "referral": "who referred the participant",
    "kind": "the kind of a contact",
    "arena": "where a contact took place",
    "destination": "an agency a participant was referred on to",
    "outcome": "what came of a phone call",
    "threshold": "a meeting place's threshold (rounds)",
    "goal_status": "the status of a goal in the plan",
    "plan_status": "the status of the individual plan",
    "closing_reason": "why a follow-up was closed",
    "agency": "an agency in the responsibility group",
    "consent": "the consent screen and consent records",
    "consent_cli": "tp consent in the terminal",
    "consent_how": "how a consent was given",
    "log": "tp log in the terminal (logging a contact)",
    "picker": "the participant picker",
    "contact_form": "the form that logs a contact",
    "contact": "contact fields and the contact list",
    "callback": "fields of a call owed (callback)",
    "callback_form": "the form for a call owed",
    "callback_done": "marking a call owed as returned",
    "callbacks": "the list of calls owed on the Today screen",
    "callbacks_cli": "tp callbacks in the terminal",
    "callback_list": "the printed weekly callback list",
    "close_day": "the close-the-day dialog",
    "undo": "undo (Ctrl+Z) messages",
    "redo": "redo messages",
    "change": "the description of a change, in undo/redo messages",
    "calendar": "the date picker calendar",
    "search": "the search screen",
    "rounds": "the rounds screen (visits to meeting places)",
    "round_form": "the form that logs a visit to a meeting place",
    "round": "fields of a visit to a meeting place",
    "places": "the list of meeting places",
    "process": "the process screen (participants by stage)",
    "plan": "the plan tab of a participant's page",
    "plan_form": "the plan form",
    "plandoc": "the individual plan document and its editor",
    "goals": "goals in the plan",
    "pick": "a pick-from-a-list dialog",
    "export": "exports and printing",
    "printing": "printing a file",
    "guest_form": "the form for a guest who asks for help",
    "erase": "erasing a participant for good (app and tp erase)",
    "retention": "the notice about participants closed long ago",
    "lock": "the lock screen",
    "import": "importing participants from a spreadsheet",
    "summary": "the summary for the responsibility group (PDF and screen)",
    "summary_since": "the summary's 'since' field",
    "audit": "the audit trail of a participant",
    "backup": "tp backup in the terminal",
    "restore": "tp restore in the terminal",
    "crypto": "the encrypted database and its passphrase",
    "stats": "the statistics report",
    "stats_screen": "the statistics screen",
    "period": "choosing a period for the statistics",
    "periods": "the follow-up periods on a participant's page",
    "report": "the statistics report (PDF)",
    "survey": "the participant survey and its statistics",
    "survey_form": "the form that enters a survey answer",
    "ratings": "the participant's own ratings (1–5)",
    "team": "the mine/team toggle",
    "team_admin": "the team screen and tp team (members, logins)",
    "handover": "handing participants over to a colleague",
    "conflict": "when someone else saved the same thing first",
    "postgres": "a team database on a PostgreSQL server",
    "transfer": "copying a database file to PostgreSQL",
    "server": "the notice when the database server is gone",
    "reminder": "the reminder of calls owed at the end of the day",
    "pdf": "writing a PDF",
    "meetings": "responsibility group meetings",
}

# What the app puts in each {field}. A key-specific note in FIELD_BY_KEY wins.
FIELDS = {
    "name": "a participant's name (or, where the text says so, another person's)",
    "date": "a date, written 26.11.2026",
    "path": "a file path",
    "count": "a number",
    "text": "what the user typed",
    "reason": "a reason, in words (a sentence part or an error message)",
    "id": "a participant or record number",
    "value": "a value the user typed or chose",
    "area": "a life area, e.g. 'Housing'",
    "when": "a date and time, e.g. 26.11.2026 14:00",
    "line": "a line number in a file",
    "max": "a number (the highest allowed)",
    "min": "a number (the lowest allowed)",
    "status": "a status name, e.g. 'active'",
    "scope": "what the consent covers, e.g. 'goals'",
    "scopes": "a list of what consents cover",
    "recipient": "to whom something is shared, e.g. 'NAV'",
    "week": "a week number",
    "weeks": "a number of weeks (52 or 53)",
    "codes": "a list of valid codes",
    "change": "a change in words, e.g. 'the contact with Kari Nordmann'",
    "changes": "a list of field names that changed",
    "kind": "a kind of contact or record, in words",
    "kinds": "counts per kind of contact, e.g. '3 phone, 2 conversation'",
    "start": "a start date, 26.11.2026",
    "end": "an end date (26.11.2026) or a time of day (16:00)",
    "stage": "a stage name",
    "phone": "a phone number",
    "time": "a time of day, 14:00, or a date and time",
    "section": "a section heading",
    "sections": "a list of section names",
    "login": "a team member's login name",
    "days": "a number of days",
    "number": "a number",
    "months": "a number of months, or a list of months",
    "month": "a month name",
    "page": "a page number",
    "pages": "the number of pages",
    "question": "a survey question",
    "top": "a heading or the largest value",
    "url": "a database URL (password removed)",
    "column": "a column heading of the spreadsheet",
    "query": "what the user searched for",
    "dates": "a date range, 23.11–29.11.2026",
    "rows": "a number of rows",
    "field": "a field label",
    "label": "a label, e.g. 'contacts'",
    "place": "a meeting place's name",
    "table": "a database table name",
    "left": "what is left, e.g. 'responsibility for 2 participants and 1 call to return'",
    "weekday": "a weekday name",
    "shown": "a number shown, or the character used instead",
    "due": "a due date or time",
    "callbacks": "a number of calls owed, or that phrase",
    "participants": "a number of participants, or that phrase",
    "contacts": "a number of contacts, or that phrase",
    "format": "a file format, e.g. CSV",
    "who": "a person's name",
    "year": "a year",
    "headers": "a list of column headings",
    "problems": "a number of rows with problems, or problems in words",
    "items": "a list of checklist items",
    "candidates_text": "a list of participant names that match",
    "size": "a file size, e.g. 1.2 MB",
    "folder": "a folder path",
    "aside": "a short remark in brackets",
    "names": "a list of names",
    "order": "a sort order in words",
    "where": "a place in words",
    "why": "a reason in words",
    "other": "another person's name",
    "limit": "a number (a limit)",
    "until": "a date until which something holds",
    "rating": "a rating 1–5",
    "ratings": "a list of ratings",
    "owner": "the name of the responsible trust person",
    "log": "a file path of the error log",
    "day": "a day of the month (number)",
    "digits": "a number of digits",
    "version": "a version number",
    "total": "a total number",
    "option": "a command line option",
    "new": "a number of new people talked to",
    "minutes": "a number of minutes",
    "talks": "a number of talks",
    "seconds": "a number of seconds",
    "header": "a column heading",
    "message": "an error message",
    "earlier": "an earlier line number",
    "add": "a number of rows to add",
    "duplicates": "a number of duplicates",
    "lines": "a list of line numbers",
    "person": "a person's name",
    "item": "a checklist item",
    "note": "a note the user wrote",
    "what": "what it is, in words",
    "action": "an action in words",
    "removed": "a number of files removed",
    "mode": "a mode name",
    "range": "a range of numbers",
    "arena": "a place where a contact took place",
    "destination": "an agency referred on to",
    "planned": "a number planned",
    "held": "a number held",
    "n": "a number",
    "score": "a score",
    "code": "a code",
    "giver": "the team member handing over",
    "taker": "the team member taking over",
    "command": "a terminal command",
    "tables": "a number of tables",
    "active": "a number of active members",
    "present": "a number of members at work",
    "outcome": "the outcome of a call, in words",
    "day_line": "a line of counts for a day",
    "day_text": "a day in words",
    "month_line": "a line of counts for a month",
    "month_text": "a month in words",
    "intake": "an intake date",
    "chars": "a list of characters",
    "named": "a list of characters",
    "more": "a number",
    "length": "a number of characters",
    "given": "what was given",
    "state": "a state in words",
    "choices": "a list of the valid choices",
}

# For {name} and the like, where the key's first parts say what kind of name it is.
FIELD_BY_PREFIX = {
    ("team_admin", "name"): "a team member's name",
    ("handover", "name"): "a team member's name",
    ("change.trust_person", "name"): "a team member's name",
    ("change.meeting_place", "name"): "a meeting place's name",
    ("change.round_visit", "name"): "a meeting place's name",
    ("change.round", "name"): "a meeting place's name",
    ("places", "name"): "a meeting place's name",
    ("rounds", "name"): "a meeting place's name",
}

FIELD_BY_KEY = {
    "stage.short": {"number": "the stage number, 1–5"},
    "places.error.name": {"name": "a meeting place's name"},
    "date.error.no_such_date": {"day": "day of the month", "month": "month number"},
}

# What a key's last part says about the text.
ENDINGS = {
    "tooltip": "Tooltip (shows on hover).",
    "title": "A title or heading.",
    "help": "A help text.",
    "placeholder": "Placeholder text in an empty field.",
    "hint": "A hint under a field.",
}


def fields(text: str) -> list[str]:
    """The {field} names of a message, in order, each once."""
    return list(dict.fromkeys(_FIELD.findall(text)))


def _by_prefix(key: str, name: str) -> str | None:
    parts = key.split(".")
    for length in range(len(parts) - 1, 0, -1):  # the longest prefix that has a note wins
        found = FIELD_BY_PREFIX.get((".".join(parts[:length]), name))
        if found:
            return found
    return None


def notes(
    key: str, msgid: str, msgid_plural: str | None, keys: frozenset[str] = frozenset()
) -> list[str]:
    """The notes of one entry; ``keys`` (every key) tells a key label by its tooltip beside it."""
    parts = key.split(".")
    lines: list[str] = []
    place = PLACES.get(parts[0])
    if place:
        lines.append(f"Where: {place}.")
    ending = ENDINGS.get(parts[-1])
    if ending:
        lines.append(ending)
    elif "col" in parts:
        lines.append("A column heading of a table: keep it as short as the English.")
    elif f"{key}.tooltip" in keys:
        lines.append("A key's or button's label in the footer bar: keep it short.")
    elif "field" in parts:
        lines.append("A field label in a form.")
    elif "error" in parts:
        lines.append("An error message; say what to do about it.")
    elif len(msgid.split()) <= 3 and "{" not in msgid:
        lines.append("A short label (button, column head, field or key name): keep it short.")
    if parts[0] == "cli" and "help" in key:
        lines.append("Terminal help: plain text, keep --options and UPPER words as they are.")
    for name in fields(msgid + " " + (msgid_plural or "")):
        what = FIELD_BY_KEY.get(key, {}).get(name) or _by_prefix(key, name) or FIELDS.get(name)
        what = what or "filled in by the app"
        lines.append(f"{{{name}}}: {what}.")
    if msgid_plural is not None:
        lines.append("Plural forms: the app picks one by the count ({count} where shown).")
    return lines
