"""Where an export from a screen goes: made and written in a thread (asking before overwriting),
printed when asked, and said plainly where the file is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from tp_tui.i18n import t
from tp_tui.views.background import run_slow
from tp_tui.widgets.confirm import ConfirmScreen

if TYPE_CHECKING:
    from tp_tui.app import TpApp
    from tp_tui.export.deliver import Delivered

EXPORTING = "export"  # the job: render, write and print one export
Content = str | bytes


def deliver_export(
    app: TpApp,
    data: Content | Callable[[], Content],
    path: Path,
    to_printer: bool,
    done: Callable[[Delivered], None],
    force: bool = False,
) -> None:
    """Write (asking before overwriting) and print; say plainly where the file is. ``done``
    gets what really happened (the file, and whether the printer took it).

    ``data`` may be a function that renders it: a PDF of a long period takes seconds, so it is
    made in the thread too, once (an overwrite asked about writes what was made)."""
    from tp_tui.export.deliver import deliver
    from tp_tui.export.files import ExportExists

    made: list[Content] = []

    def work() -> Delivered:
        content = data() if callable(data) else data
        made.append(content)
        return deliver(content, path, force=force, to_printer=to_printer)

    def failed(error: Exception) -> None:
        if isinstance(error, ExportExists):
            content = made[0] if made else data

            def answered(yes: bool | None) -> None:
                if yes:
                    deliver_export(app, content, path, to_printer, done, True)

            app.push_screen(ConfirmScreen(t("export.overwrite", path=str(path))), answered)
        elif isinstance(error, OSError):
            app.notify(
                t("cli.error.cannot_write", path=str(path), reason=error.strerror or ""),
                markup=False,
                severity="error",
            )
        else:
            raise error  # the app's handler says it, as for an error in any key's handling

    def delivered(result: Delivered) -> None:
        app.notify(t("cli.written", path=str(result.path)), markup=False)
        if result.printed is not None:
            app.notify(
                result.printed.message(),
                markup=False,
                timeout=10,
                severity="information" if result.printed.ok else "warning",
            )
        done(result)

    def working(busy: bool) -> None:
        if busy:
            app.notify(t("export.working", path=str(path)), markup=False, timeout=3)

    if not run_slow(app, EXPORTING, work, delivered, failed, working):
        app.notify(t("export.busy"), markup=False, severity="warning")
