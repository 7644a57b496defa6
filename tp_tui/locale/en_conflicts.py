"""English: what the goal, group, plan and callback forms say when someone else saved first
(see tp_tui/views/conflict.py)."""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "conflict.field.left_on": "Left the group",
    "conflict.field.assigned_to": "Handed over to",
    "conflict.field.done_at": "Returned",
    "conflict.field.outcome": "How it went",
    "conflict.yes": "yes",
    "conflict.no": "no",
    "conflict.remove_message": "Not removed: someone else changed this member after the list "
    "was read. Changed: {changes}. Look at it again, and remove it again if it should still go.",
    "conflict.done_message": "Not marked: someone else changed this call after the list was "
    "read. Changed: {changes}. Look at it again before marking it.",
    "conflict.already_done": "Not marked: someone else already marked this call returned "
    "({when}, {outcome}). What they recorded stays.",
    "conflict.kept": "Saved on top: only the fields you changed. Kept as someone else saved "
    "it: {changes}.",
    "conflict.on_top_invalid": "Not saved: someone else changed {changes}, and with that what "
    "you typed does not hold: {problems} Change it and press Ctrl+S again, or Esc to cancel.",
    "callback_form.title_edit": "Edit call owed",
    "callback_form.saved": "The call owed is saved.",
}
