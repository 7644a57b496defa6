"""The application shell: screens as modes, app-wide keys, the command palette."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.screen import ModalScreen, Screen

from tp_tui.clock import Clock
from tp_tui.crashlog import write_crash_log
from tp_tui.db import ServerGone, StorageError, check_integrity, integrity_known
from tp_tui.i18n import t
from tp_tui.keys import SCREENS, key, retranslate_bindings, retranslate_new_bindings
from tp_tui.settings import Settings
from tp_tui.typeahead import TypeAhead
from tp_tui.views.server_watch import ServerWatch
from tp_tui.views.today import TodayScreen

if TYPE_CHECKING:
    from textual.command import Provider


BACKING_UP = "backup"  # the job that makes the automatic backup


def _nothing_to_say(_: object) -> None:
    """The automatic backup is silent: `tp restore` lists what it made."""


def _later(module: str, name: str) -> Callable[[], Any]:
    """A screen or palette provider imported when first used: the first frame does not wait for
    every screen's code (and the statistics' plotting library) to load."""

    def load() -> Any:
        found = getattr(import_module(f"tp_tui.{module}"), name)
        retranslate_new_bindings()  # the Textual widgets that module brought in
        return found() if module.startswith("views.") else found

    return load


EXIT_DAMAGED = 1  # as the command line exits on a storage problem


class TpApp(App[None]):
    """tp-tui: the trust person's day in a terminal."""

    CSS_PATH = "app.tcss"
    MODES = {
        "today": TodayScreen,
        "participants": _later("views.participants", "ParticipantsScreen"),
        "callbacks": _later("views.callbacks", "CallbacksScreen"),
        "rounds": _later("views.rounds", "RoundsScreen"),
        "process": _later("views.process", "ProcessScreen"),
        "statistics": _later("views.statistics", "StatisticsScreen"),
    }
    DEFAULT_MODE = "today"
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = App.COMMANDS | {
        _later("palette", "ParticipantCommands"),
        _later("palette", "NoteCommands"),
        _later("palette", "ScreenCommands"),
    }
    BINDINGS = [
        key("f2", "switch_mode('today')", "nav.today", "app.today", group=SCREENS),
        key(
            "f3",
            "switch_mode('participants')",
            "nav.participants",
            "app.participants",
            group=SCREENS,
        ),
        key("f4", "switch_mode('callbacks')", "nav.callbacks", "app.callbacks", group=SCREENS),
        key("f5", "switch_mode('rounds')", "nav.rounds", "app.rounds", group=SCREENS),
        key("f6", "switch_mode('process')", "nav.process", "app.process", group=SCREENS),
        key(
            "f7",
            "switch_mode('statistics')",
            "nav.statistics",
            "app.statistics",
            group=SCREENS,
        ),
        key("ctrl+l", "log_contact", "nav.log_contact", "app.log_contact", priority=True),
        key(
            "ctrl+r",
            "register_callback",
            "nav.register_callback",
            "app.register_callback",
            priority=True,
        ),
        key("ctrl+z", "undo", "nav.undo", "app.undo", show=False),
        key("ctrl+y", "redo", "nav.redo", "app.redo", show=False),
        key("f9", "close_day", "nav.close_day", "app.close_day"),
        key("ctrl+q", "quit", "nav.quit", "app.quit", show=False, priority=True),
        # Textual adds its own ctrl+p, described in English, unless the app has one.
        key("ctrl+p", "command_palette", "nav.palette", "app.palette", show=False, priority=True),
        key("f1", "toggle_help", "nav.help", "app.help", show=False),
        key("question_mark", "toggle_help", "nav.help", "app.help_question", key_display="?"),
    ]

    def __init__(
        self,
        settings: Settings | None = None,
        clock: Clock | None = None,
        demo: bool = False,
        db_path: Path | None = None,
        backup_on_start: bool = False,
        **kwargs: Any,
    ) -> None:
        retranslate_bindings()
        super().__init__(**kwargs)
        self.settings = settings or Settings()
        self.clock = clock or Clock()
        self.demo = demo
        self.db_path = db_path
        self.backup_on_start = backup_on_start
        """Make the backup due on start once the first screen is up (``tp`` asks for it)."""
        self.locked = False
        self._last_input = time.monotonic()
        # Each key waits until the one before it is handled (tp_tui/typeahead.py).
        self._typeahead = TypeAhead(self, partial(App.on_event, self))
        self.today_team = False
        """Today shows the team's lists (key t), so the close of day counts the team's."""
        self.reminded_on: date | None = None
        """The day the reminder of calls still owed was given (once a day)."""
        self.damaged: StorageError | None = None
        """Set when the background page check found the file damaged; the app has then quit."""
        self.server = ServerWatch(self)
        """A team's server that stops answering is waited for, never a reason to quit."""

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        # A form's module, imported when it is first opened, may have brought in a Textual
        # widget (TextArea): its keys in the user's language before the form's widgets exist.
        retranslate_new_bindings()
        return super().push_screen(*args, **kwargs)

    def on_mount(self) -> None:
        if not integrity_known():
            # Every page read once: seconds on a big file, so not before the first screen.
            # A save meanwhile waits for the answer (tp_tui.db.write).
            self.run_worker(self._check_pages, thread=True, exit_on_error=False)
        self._retention_notice()
        if self.db_path is not None:
            if self.backup_on_start:
                self._backup_if_due()
            # Backups every few hours of use; the check itself is cheap.
            self.set_interval(15 * 60, self._backup_if_due)
        self.server.watch()
        self.set_interval(30, self._lock_if_idle)
        self.set_interval(60, self._remind_if_due)
        self.title = t("app.title")
        self.sub_title = t("app.demo") if self.demo else ""

    def _check_pages(self) -> None:
        try:
            check_integrity()
        except StorageError as error:
            self.call_from_thread(self._quit_damaged, error)

    def _quit_damaged(self, error: StorageError) -> None:
        """Stop before anything is written; the command line then says what to do."""
        self.damaged = error
        self.exit(return_code=EXIT_DAMAGED)

    def _retention_notice(self) -> None:
        """Participants closed longer than the retention time are named on start (count only)."""
        from tp_tui.services.retention import retention_count

        due = retention_count(self.clock.now(), self.settings)
        if due:
            self.notify(
                t("retention.notice", count=due, months=self.settings.retention_months),
                markup=False,
                severity="warning",
                timeout=20,
            )

    def _backup_if_due(self) -> None:
        """A backup when one is due, in a thread: copying a big file takes seconds, and the keys
        are answered meanwhile. It never raises (services/autobackup.py) and says nothing, as
        before; a timer that fires while one is being made does not start a second."""
        from tp_tui.services.autobackup import backup_if_due
        from tp_tui.services.backup import backup_due

        if self.db_path is None:
            return
        try:
            # A look at the backup folder: the thread (and its connection) only for a copy.
            due = backup_due(self.db_path, self.clock.now(), self.settings)
        except Exception:  # backup_if_due, in the thread, logs what went wrong
            due = True
        if due:
            from tp_tui.views.background import run_slow

            made = partial(backup_if_due, self.db_path, self.clock.now(), self.settings)
            run_slow(self, BACKING_UP, made, _nothing_to_say)

    def server_lost(self) -> None:
        self.server.server_lost()

    def _handle_exception(self, error: Exception) -> None:
        # A timer or callback that met the lost server: the app waits for it, it does not quit.
        if isinstance(getattr(error, "error", error), ServerGone):  # WorkerFailed wraps it
            self.server_lost()
            return
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        """Replace Textual's crash report, which prints local variables (participants' names)
        to the terminal, with a calm message and a log that holds no personal data.

        Overrides a private Textual hook; ``tests/unit/test_crash.py`` fails if it stops working.
        """
        _, error, tb = sys.exc_info()
        log = write_crash_log(error, tb, self.clock.now())
        self.bell()
        message = t("app.crashed", log=str(log) if log else "–")
        self._exit_renderables.append(Text(message, style="bold"))
        self._close_messages_no_wait()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown):
            self._last_input = time.monotonic()
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self._typeahead.key(event)  # gives it to super().on_event in its turn
            return
        await super().on_event(event)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A steady cursor for whoever asked for one (blinking distracts), and always without a
        # terminal: a screenshot taken mid-blink would differ from one taken a moment later.
        widget = event.widget
        if (self.is_headless or not self.settings.cursor_blink) and hasattr(widget, "cursor_blink"):
            widget.cursor_blink = False

    def _remind_if_due(self) -> None:
        from tp_tui.views.reminder import remind_if_due

        remind_if_due(self)

    def send_to_terminal(self, sequence: str) -> None:
        """Write an escape sequence straight to the terminal (a desktop notification)."""
        if self._driver is not None and not self.is_headless:
            self._driver.write(sequence)
            self._driver.flush()

    def _lock_if_idle(self) -> None:
        from tp_tui.db import is_encrypted_database
        from tp_tui.models import db

        minutes = self.settings.lock_after_minutes
        if not minutes or not is_encrypted_database(db.obj) or self.locked:
            return
        if time.monotonic() - self._last_input >= minutes * 60:
            self.lock()

    def lock(self) -> None:
        """Cover everything until the passphrase is given again (encrypted databases only)."""
        from tp_tui.views.lock import LockScreen

        self.locked = True
        self.push_screen(LockScreen())

    def unlocked(self) -> None:
        self.locked = False
        self._last_input = time.monotonic()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While locked nothing may switch screens or open the palette; quitting is allowed.
        if self.locked and action != "quit":
            return False
        # The key for the screen you are on says nothing; leaving it out makes room in the footer.
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return False
        # Over a form, the form's own keys win (ctrl+l in the round form logs from the round).
        if action in ("log_contact", "register_callback") and isinstance(self.screen, ModalScreen):
            return False
        return True

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def _current_participant(self) -> int | None:
        """The participant on screen, if a participant's page is open."""
        from tp_tui.views.participant_detail import ParticipantDetailScreen

        screen = self.screen
        return screen.participant_id if isinstance(screen, ParticipantDetailScreen) else None

    def action_log_contact(self) -> None:
        from tp_tui.views import flows

        if not isinstance(self.screen, ModalScreen):
            flows.log_contact(self, self._current_participant())

    def action_register_callback(self) -> None:
        from tp_tui.views import flows

        if not isinstance(self.screen, ModalScreen):
            flows.register_callback(self, self._current_participant())

    def action_search(self) -> None:
        from tp_tui.views.search import SearchScreen

        if not isinstance(self.screen, ModalScreen):
            self.push_screen(SearchScreen())

    def action_undo(self) -> None:
        from tp_tui.views import flows

        if not isinstance(self.screen, ModalScreen):
            flows.undo(self)

    def action_redo(self) -> None:
        from tp_tui.views import flows

        if not isinstance(self.screen, ModalScreen):
            flows.undo(self, redo=True)

    def action_close_day(self) -> None:
        from tp_tui.views import flows

        if not isinstance(self.screen, ModalScreen):
            flows.close_day(self)

    def open_participant(self, participant_id: int) -> None:
        """Show one participant's detail, from anywhere (palette, Today, search)."""
        from tp_tui.views.participant_detail import ParticipantDetailScreen

        self.switch_mode("participants")
        self.push_screen(ParticipantDetailScreen(participant_id))

    def new_participant(self) -> None:
        self.switch_mode("participants")
        screen = self.screen
        from tp_tui.views.participants import ParticipantsScreen

        if isinstance(screen, ParticipantsScreen):
            screen.action_new()

    def enter_survey(self) -> None:
        from tp_tui.views.survey_form import open_survey_form

        open_survey_form(self)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from tp_tui.palette import screen_commands, textual_commands

        yield from screen_commands(self)
        yield SystemCommand(
            t("palette.new_participant"), t("palette.new_participant_help"), self.new_participant
        )
        yield SystemCommand(t("survey.command"), t("survey.command.help"), self.enter_survey)
        yield SystemCommand(t("nav.log_contact"), t("palette.log_contact"), self.action_log_contact)
        yield SystemCommand(
            t("nav.register_callback"),
            t("palette.register_callback"),
            self.action_register_callback,
        )
        yield SystemCommand(t("nav.search"), t("palette.search"), self.action_search)
        yield SystemCommand(t("nav.undo"), t("palette.undo"), self.action_undo)
        yield SystemCommand(t("nav.redo"), t("palette.redo"), self.action_redo)
        yield SystemCommand(t("nav.close_day"), t("palette.close_day"), self.action_close_day)
        consents = getattr(screen, "action_consents", None)  # on a participant's page
        if callable(consents):
            yield SystemCommand(t("consent.palette"), t("consent.palette.help"), consents)
        # Textual's own (theme, quit, keys, maximise), in the user's words, without Screenshot.
        yield from textual_commands(self, screen)

    def action_command_palette(self) -> None:
        from tp_tui.palette import open_command_palette

        open_command_palette(self)

    def search_themes(self) -> None:
        from tp_tui.palette import search_themes

        search_themes(self)

    def action_help_quit(self) -> None:
        # ctrl+c, which quits many programmes: say which key quits this one (as Textual does).
        for key_name, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    t("textual.help_quit", shortcut=key_name), title=t("textual.help_quit.title")
                )
                return
