"""How a consent is said, the same in the shell and on screen: to whom, and one register line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tp_tui.i18n import format_date, t
from tp_tui.text import one_line

if TYPE_CHECKING:
    from tp_tui.services.consent import ConsentLine


def recipient_label(recipient: str) -> str:
    from tp_tui.services.consent import GROUP

    return t("consent.to_group") if recipient == GROUP else one_line(recipient)


def line_label(line: ConsentLine) -> str:
    """Purpose, to whom, from–to and its state on the day the register was read."""
    return t(
        "consent.line",
        scope=t(f"consent.{line.scope}"),
        recipient=recipient_label(line.recipient),
        given=format_date(line.given_on),
        until=format_date(line.withdrawn_on or line.expires_on),
        state=t(f"consent.state.{line.state}"),
    )
