"""The footer: this screen's keys on one line, the keys that work everywhere on the line below.

Textual's one-line footer cut the app-wide keys off at 80 columns (F9, ``?`` and ctrl+q were
never seen) and drew the screen keys F2–F7 as ``f3f4f5f6f7``. Here the app-wide keys have a line
of their own, in a fixed order, so the ones that matter (ctrl+l, ctrl+r,
ctrl+z, F9, ``?``, ctrl+q) fit in 80 columns; the screen keys F2–F7 come last, shown where the
terminal is wide enough, and are always listed under ``?``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from tp_tui.i18n import t
from tp_tui.textual_private import FooterKey, footer_ready

# App-wide keys in the order they are shown; any others the app shows come after these.
APP_ORDER = (
    "app.log_contact",
    "app.register_callback",
    "app.undo",
    "app.close_day",
    "app.help_question",
    "app.quit",
)
# Shown though Textual hides them (show=False): they matter on every screen.
ALWAYS = frozenset({"app.undo", "app.quit"})


class _Keys(Footer):
    DEFAULT_CSS = """
    ScreenKeys, AppKeys { dock: none; }
    """
    app_wide: ClassVar[bool] = False

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=not self.app_wide)

    def _chosen(self) -> Iterator[tuple[Binding, bool, str]]:
        seen: set[str] = set()
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if (node is self.app) != self.app_wide or binding.action in seen:
                continue
            if binding.group is not None and self.app_wide:
                continue  # the screen keys: one item after the others
            if binding.show or (self.app_wide and binding.id in ALWAYS):
                seen.add(binding.action)
                yield binding, enabled, tooltip

    _composed_width = 0
    """The width the keys were last fitted to: a resize to another width fits them again."""
    _shown: tuple[object, ...] = ()
    """What the keys were last built from (width, keys, words, enabled): see bindings_changed."""

    def _what_to_show(
        self, chosen: list[tuple[Binding, bool, str]], palette: list[FooterKey]
    ) -> tuple[object, ...]:
        keys = tuple((b.key, b.action, b.description, on, tip) for b, on, tip in chosen)
        width = self.size.width or self.app.size.width
        return width, keys, tuple(key.key_display for key in palette)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Textual rebuilds the footer on every change of focus; here only when the keys it
        shows change. Moving between fields and rows took half the time of drawing a screen."""
        if not footer_ready(self):
            super().bindings_changed(screen)  # the first time, as Textual does it
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._refit)

    async def _refit(self) -> None:
        if not self.is_attached:
            return
        if self._what_to_show(list(self._chosen()), list(self._palette_key())) != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not footer_ready(self):
            return
        chosen = list(self._chosen())
        palette = list(self._palette_key())  # none on the app-wide line
        self._shown = self._what_to_show(chosen, palette)
        if self.app_wide:
            rank = {binding_id: n for n, binding_id in enumerate(APP_ORDER)}
            chosen.sort(key=lambda item: rank.get(item[0].id or "", len(rank)))
        self._composed_width = width = self.size.width or self.app.size.width
        room = width - sum(_width(key) + 1 for key in palette)
        for binding, enabled, tooltip in chosen:
            footer_key = FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip or binding.description,
            )
            # A key that does not fit whole is left out (``?`` lists it), never cut mid-word.
            room -= _width(footer_key) + 1
            if room < 0:
                break
            yield footer_key.data_bind(compact=Footer.compact)
        if self.app_wide:
            # F2–F7: a click opens the command palette, which lists the screens too.
            screens = FooterKey("ctrl+p", "F2–F7", t("nav.screens"), "app.command_palette")
            if room - _width(screens) >= 0:
                yield screens.data_bind(compact=Footer.compact)
        yield from palette

    def on_resize(self, event: events.Resize) -> None:
        # Only a change after the keys were fitted: the first layout must not compose twice.
        if self._composed_width and event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)

    def _palette_key(self) -> Iterator[FooterKey]:
        if not self.show_command_palette or not self.app.ENABLE_COMMAND_PALETTE:
            return
        found = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return
        _, binding, enabled, tooltip = found
        yield FooterKey(
            binding.key,
            self.app.get_key_display(binding),
            binding.description,
            binding.action,
            classes="-command-palette",
            disabled=not enabled,
            tooltip=binding.tooltip or binding.description,
        )


def _width(footer_key: FooterKey) -> int:
    """Columns a compact footer key takes: the key, a space, the description."""
    return cell_len(footer_key.key_display) + 1 + cell_len(footer_key.description)


class ScreenKeys(_Keys):
    """The keys of this screen (and of what has focus), with the command palette at the right."""


class AppKeys(_Keys):
    """The keys that work on every screen."""

    app_wide = True


class KeyFooter(Widget):
    """Both lines, docked at the bottom of a screen (a plain widget: a screen's rules for its
    Vertical containers are not meant for it)."""

    DEFAULT_CSS = """
    KeyFooter { dock: bottom; height: auto; layout: vertical; }
    """

    def compose(self) -> ComposeResult:
        yield ScreenKeys()
        # A form or dialog keeps the keys to itself (Textual leaves the app's out of a modal
        # screen's bindings): its own line is all that applies.
        if not self.screen.is_modal:
            yield AppKeys()
