"""Command palette: jump to any participant by typing part of the name, or to a screen by any
of its names; Textual's own palette texts and system commands in the user's language."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from tp_tui.i18n import t
from tp_tui.services.participants import list_participants
from tp_tui.text import one_line
from tp_tui.textual_private import WordedCommandPalette

if TYPE_CHECKING:
    from tp_tui.app import TpApp
    from tp_tui.services.search_thread import SearchThread


class ParticipantCommands(Provider):
    """Finds participants by name, initials or phone."""

    def _open(self, participant_id: int) -> None:
        app: TpApp = self.app  # type: ignore[assignment]
        app.open_participant(participant_id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        words = query.strip()
        rows = list_participants(words, include_archived=True, limit=30) if words else []
        for row in rows:
            name = one_line(row.name)
            score = matcher.match(name) or 0.5
            # Matcher.highlight parses the name as markup; a stored name is never markup.
            yield Hit(
                score,
                Content(name),
                partial(self._open, row.id),
                text=name,
                help=t("palette.open_participant"),
            )

    async def discover(self) -> Hits:
        for row in list_participants(limit=8):
            name = one_line(row.name)
            yield DiscoveryHit(
                Content(name),
                partial(self._open, row.id),
                text=name,
                help=t("palette.open_participant"),
            )


class NoteCommands(Provider):
    """Finds words in contact notes and call reasons, and opens what was found.

    The search runs in a thread of its own (see ``services.search_thread.SearchThread``), so the
    palette keeps up with typing on a big file.
    """

    _thread: SearchThread | None = None

    async def startup(self) -> None:
        from tp_tui.services.search_thread import SearchThread

        self._thread = SearchThread()

    async def shutdown(self) -> None:
        if self._thread is not None:
            self._thread.close()

    async def search(self, query: str) -> Hits:
        from tp_tui.services.search import BEST
        from tp_tui.views.search import open_hit

        if len(query.strip()) < 3 or self._thread is None:
            return
        app: TpApp = self.app  # type: ignore[assignment]
        for rank, hit in enumerate(await self._thread.search(query, limit=10, order=BEST)):
            if hit.kind == "participant":
                continue  # names are found by ParticipantCommands
            label = one_line(f"{hit.participant_name}: {hit.snippet}")
            yield Hit(
                0.9 - rank * 0.01,
                Content(label),
                partial(open_hit, app, hit),
                text=label,
                help=t(f"search.kind.{hit.kind}"),
            )


@dataclass(frozen=True)
class ScreenName:
    """A screen the palette opens: the message of its name in the footer and the palette, and
    the message that lists the other names the interface gives it ("Tilbakeringinger")."""

    label: str
    others: str
    help: str
    open: Callable[[TpApp], object]


def _mode(name: str) -> Callable[[TpApp], object]:
    return lambda app: app.switch_mode(name)


def _team(app: TpApp) -> object:
    from tp_tui.views.team import TeamScreen

    return app.push_screen(TeamScreen())


SCREEN_NAMES = (
    ScreenName("nav.today", "palette.names.today", "palette.today", _mode("today")),
    ScreenName(
        "nav.participants",
        "palette.names.participants",
        "palette.participants",
        _mode("participants"),
    ),
    ScreenName("nav.callbacks", "palette.names.callbacks", "palette.callbacks", _mode("callbacks")),
    ScreenName("nav.rounds", "palette.names.rounds", "palette.rounds", _mode("rounds")),
    ScreenName("nav.process", "palette.names.process", "nav.process.tooltip", _mode("process")),
    ScreenName(
        "nav.statistics",
        "palette.names.statistics",
        "nav.statistics.tooltip",
        _mode("statistics"),
    ),
    ScreenName("team_admin.command", "palette.names.team", "team_admin.command.help", _team),
)
# Between the names in a palette.names.* message.
NAME_SEPARATOR = "|"


def other_names(screen: ScreenName) -> list[str]:
    """The names of ``screen`` besides its label, in the current language."""
    label = t(screen.label).casefold()
    names = (name.strip() for name in t(screen.others).split(NAME_SEPARATOR))
    return [name for name in names if name and name.casefold() != label]


def screen_commands(app: TpApp) -> Iterator[SystemCommand]:
    """Each screen under its footer label (found, and listed when nothing is typed yet)."""
    for screen in SCREEN_NAMES:
        yield SystemCommand(t(screen.label), t(screen.help), partial(screen.open, app))


class ScreenCommands(Provider):
    """Finds a screen by the other names the interface gives it: "Tilbakeringinger" finds the
    call list ("Ringeliste"), which the system commands find by its label."""

    async def search(self, query: str) -> Hits:
        app: TpApp = self.app  # type: ignore[assignment]
        matcher = self.matcher(query)
        for screen in SCREEN_NAMES:
            label = t(screen.label)
            best = max(((matcher.match(name), name) for name in other_names(screen)), default=None)
            if best is None or best[0] <= 0:
                continue
            score, name = best
            shown = f"{label} ({name})"
            yield Hit(
                score, Content(shown), partial(screen.open, app), text=shown, help=t(screen.help)
            )


def textual_commands(app: App[Any], screen: Screen[Any]) -> Iterator[SystemCommand]:
    """Textual's own system commands (``App.get_system_commands``) in the user's words.

    Textual's "Screenshot" is left out: it would write an unencrypted picture of sensitive data
    to disk. tests/unit/test_textual_words.py checks that every other one is here.
    """
    yield SystemCommand(
        t("textual.command.theme"), t("textual.command.theme.help"), app.action_change_theme
    )
    yield SystemCommand(t("textual.command.quit"), t("textual.command.quit.help"), app.action_quit)
    if screen.query("HelpPanel"):
        yield SystemCommand(
            t("textual.command.keys"), t("textual.command.keys.hide"), app.action_hide_help_panel
        )
    else:
        yield SystemCommand(
            t("textual.command.keys"), t("textual.command.keys.show"), app.action_show_help_panel
        )
    if screen.maximized is not None:
        yield SystemCommand(
            t("textual.command.minimize"),
            t("textual.command.minimize.help"),
            screen.action_minimize,
        )
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(
            t("textual.command.maximize"),
            t("textual.command.maximize.help"),
            screen.action_maximize,
        )


def open_command_palette(app: App[Any]) -> None:
    """Textual's command palette, with its placeholder and "no matches" in the user's words."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(
            WordedCommandPalette(
                id="--command-palette",
                placeholder=t("textual.palette.placeholder"),
                no_matches=t("textual.palette.no_matches"),
            )
        )


def search_themes(app: App[Any]) -> None:
    """Textual's theme picker (``App.search_themes``), in the user's words."""
    from textual.theme import ThemeProvider

    app.push_screen(
        WordedCommandPalette(
            providers=[ThemeProvider],
            placeholder=t("textual.palette.themes"),
            no_matches=t("textual.palette.no_matches"),
        )
    )
