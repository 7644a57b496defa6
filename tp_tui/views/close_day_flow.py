"""Before going home (F9): what is still open today, and the callbacks one key away."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tp_tui.app import TpApp


def close_day(app: TpApp) -> None:
    """Show what is still open today; go to the callbacks from there with one key."""
    from tp_tui.services.day_end import day_end
    from tp_tui.views.close_day import CloseDayScreen

    def chosen(where: str | None) -> None:
        if where == "callbacks":
            app.switch_mode("callbacks")

    from tp_tui.services.team import my_id

    # What Today shows: mine, or the team's when Today was switched to the team (key t).
    mine = None if app.today_team else my_id()
    app.push_screen(CloseDayScreen(day_end(app.clock.now(), mine)), chosen)
