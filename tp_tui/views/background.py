"""Slow work off the UI thread: a backup, an export, the statistics, an erasure.

Run on the event loop, such work froze the screen (seconds at 100k contacts) and swallowed the
keys typed meanwhile. Here it runs in a thread worker; its result, or its error, comes back on
the UI thread, where the caller shows it the same way it did before. A second start of the same
job while the first still runs does not run it twice.

Database access from the thread: peewee keeps one connection per thread (``thread_safe``), so
the worker opens its own with the parameters the models are bound to -- the passphrase of an
encrypted file and the pragmas, or the server's URL -- and it is closed when the job ends, so no
connection is left behind a finished thread (an open one would keep a SQLite file's WAL from
being truncated, and hold a server connection).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from textual.app import App

from tp_tui.db import close_thread_connection

T = TypeVar("T")

# Work that ends sooner than this shows no sign of working: a flash of "Working…" on every
# quick export would be noise.
SHOW_BUSY_AFTER = 0.5


# The jobs of each app started and not yet seen through: from the start until their result has
# been handled on the UI thread (a worker's own state says "running" a moment longer, and
# "success" before its result is shown).
_started: WeakKeyDictionary[App[Any], set[str]] = WeakKeyDictionary()


def running(app: App[Any], job: str) -> bool:
    """A job of this name has been started and its result not yet handled."""
    return job in _started.get(app, ())


def run_slow(
    app: App[Any],
    job: str,
    work: Callable[[], T],
    done: Callable[[T], None],
    failed: Callable[[Exception], None] | None = None,
    busy: Callable[[bool], None] | None = None,
) -> bool:
    """Run ``work`` in a thread, then ``done(result)`` on the UI thread.

    ``failed(error)`` gets an exception on the UI thread; without it the exception is raised
    there, so the app treats it as it treats any error in a key's handling (a lost server is
    waited for; anything else is the calm crash message, never a traceback). ``busy(True)`` is
    called when the work takes over :data:`SHOW_BUSY_AFTER` seconds, ``busy(False)`` when it
    ends after that. False (and nothing started) when ``job`` already runs.
    """
    if running(app, job):
        return False
    _started.setdefault(app, set()).add(job)
    shown = False

    def show_busy() -> None:
        nonlocal shown
        if busy is not None and running(app, job):
            shown = True
            busy(True)

    timer = app.set_timer(SHOW_BUSY_AFTER, show_busy) if busy is not None else None

    def finish(outcome: Callable[[], None]) -> None:
        _started[app].discard(job)
        if timer is not None:
            timer.stop()
        if busy is not None and shown:
            busy(False)
        outcome()

    def in_thread() -> None:
        outcome: Callable[[], None]
        try:
            result = work()
        except Exception as error:
            outcome = partial(failed, error) if failed else partial(_raise, error)
        else:
            outcome = partial(done, result)
        finally:
            close_thread_connection()
        # call_later: an error in ``outcome`` reaches the app's handler, not this thread.
        try:
            app.call_from_thread(app.call_later, finish, outcome)
        except RuntimeError:  # the app closed while the work ran
            _started.get(app, set()).discard(job)

    app.run_worker(in_thread, name=job, group=job, thread=True, exit_on_error=False)
    return True


def _raise(error: Exception) -> None:
    raise error
