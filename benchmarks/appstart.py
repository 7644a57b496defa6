"""Child process of the app-start and memory benchmarks: start an app headless, report when ready.

    python benchmarks/appstart.py tp DB      # tp-tui as `tp --db DB` starts it, on Today
    python benchmarks/appstart.py bare       # a bare Textual app: Header, DataTable, Footer

Everything a real start does counts: interpreter start, imports, for ``tp`` the command line
(settings, opening and checking the database, the backup check) and the first screen's queries.
"Ready" is when Textual has laid out and shown the first frame (``events.Ready``) and then every
widget of the screen has processed the messages pending at that moment (the Pilot's wait for the
screen), twice, so the tables filled on first show are drawn. The time is ``time.monotonic()``
(CLOCK_MONOTONIC, the same clock in the parent). Prints one JSON line after the app has exited:
ready time, peak RSS of this process (KiB, VmHWM) and what was on screen.
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
import time
from typing import Any

SIZE = (100, 30)
report: dict[str, Any] = {}


async def until_ready(pilot: Any) -> None:
    app = pilot.app
    while not getattr(app, "_dom_ready", True):  # set when Ready is posted (first frame shown)
        await asyncio.sleep(0.001)
    wait = getattr(pilot, "_wait_for_screen", None)
    for _ in range(2):
        if wait is not None:
            await wait()
        else:  # pragma: no cover - older or newer Textual without the private helper
            await pilot.pause()
    report["ready"] = time.monotonic()
    screen = app.screen
    report["screen"] = type(screen).__name__
    from textual.widgets import DataTable

    report["rows"] = {str(t.id): t.row_count for t in screen.query(DataTable)}
    app.exit()


def run_bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table: DataTable[str] = self.query_one(DataTable)
            table.add_columns("Due", "Who", "Phone", "Reason")
            for number in range(10):
                table.add_row("15:30", f"Person {number}", "912 34 567", "Ville prate")

    Bare().run(headless=True, size=SIZE, auto_pilot=until_ready)


def run_tp(db: str) -> None:
    from textual.app import App

    from tp_tui import cli
    from tp_tui.app import TpApp

    original = TpApp.run

    def headless(self: App[None], **kwargs: Any) -> None:
        return original(self, headless=True, size=SIZE, auto_pilot=until_ready)

    TpApp.run = headless  # type: ignore[method-assign]  # the benchmark's deliberate patch
    report["exit_status"] = cli.run(["--db", db])


def peak_rss_kib() -> int:
    """Peak RSS of this process in KiB: VmHWM on Linux.

    Not ``getrusage().ru_maxrss``: Linux carries it across fork and exec, so a child of a big
    parent (the benchmark runner holding a 1M-contact file) reports the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    mode = sys.argv[1]
    if mode == "bare":
        run_bare()
    elif mode == "tp":
        run_tp(sys.argv[2])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    report["maxrss_kib"] = peak_rss_kib()
    sys.stdout.write(json.dumps(report) + "\n")
    return 0 if "ready" in report else 1


if __name__ == "__main__":
    sys.exit(main())
