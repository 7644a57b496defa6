"""The flows that span screens, in one place for the screens and keys that start them.

Each lives in a file of its own job; this is the front door (``flows.log_contact(app, ...)``):

- contact_flow.py: log a contact (and close the call it answered), correct one;
- callback_flow.py: note a call owed, mark one returned;
- undo_flow.py: undo and redo the newest change;
- close_day_flow.py: what is still open before going home;
- stage_flow.py: move a participant to a new stage, reopen a closed one;
- export_flows.py: the callback list's and the summary's export dialogs (writing and printing
  in export_delivery.py);
- erase_flow.py: erase a participant, then offer to purge the older copies.
"""

from __future__ import annotations

from tp_tui.views.callback_flow import callback_done, register_callback
from tp_tui.views.close_day_flow import close_day
from tp_tui.views.contact_flow import edit_contact, log_contact
from tp_tui.views.erase_flow import erase_participant
from tp_tui.views.export_delivery import deliver_export
from tp_tui.views.export_flows import export_callback_list, export_summary
from tp_tui.views.refresh import refresh
from tp_tui.views.stage_flow import change_stage, reopen
from tp_tui.views.undo_flow import undo

__all__ = [
    "callback_done",
    "change_stage",
    "close_day",
    "deliver_export",
    "edit_contact",
    "erase_participant",
    "export_callback_list",
    "export_summary",
    "log_contact",
    "refresh",
    "register_callback",
    "reopen",
    "undo",
]
