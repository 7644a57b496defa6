"""Every use of Textual's private API, in one place: what Textual offers no public way to do.

Each item says why no public API does it. ``tests/unit/test_textual_private.py`` checks every
item against the installed Textual (the names exist, the signatures are the ones used here) and
fails naming the item, so an upgrade of Textual shows at once what to look at. Textual is pinned
exactly in pyproject.toml; look here first when moving the pin.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator
from typing import Any

from rich.align import Align
from rich.text import Text
from textual._callback import invoke
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.message import Message
from textual.message_pump import MessagePump
from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

_Dispatch = Callable[[MessagePump, Message], Awaitable[None]]
_Handler = Callable[[Message], Awaitable[Any]]
_Handlers = Callable[[MessagePump, str, Message], Iterable[tuple[type, _Handler]]]


def rebuild_bindings(cls: type[DOMNode]) -> None:
    """Merge the class's ``BINDINGS`` (and its bases') again into the map its instances copy.

    Item "merged bindings": Textual merges a class's bindings once, when the class is created
    (``DOMNode.__init_subclass__`` sets ``_merged_bindings``), and copies that map into each new
    instance. No public call redoes the merge, so bindings whose texts were said again in
    another language (``tp_tui.keys.retranslate_bindings``) would not reach new widgets.
    """
    cls._merged_bindings = cls._merge_bindings()


def guard_handlers(error: type[BaseException], handled: Callable[[MessagePump], bool]) -> None:
    """Catch ``error`` in every message handler of every widget, screen and the app.

    ``handled(pump)`` is called with the widget whose handler raised; False re-raises. Installed
    once (a second call does nothing).

    Item "message dispatch": Textual stops a widget's message loop after an error in any of its
    handlers and offers no hook before that (``App._handle_exception`` comes after the loop is
    gone). So the two private steps of ``MessagePump`` that run handlers are wrapped:
    ``_get_dispatch_methods`` (each ``on_*`` handler on its own, so the handlers after the one
    that failed still run) and ``_dispatch_message`` (the whole message, which covers actions
    run by keys). ``textual._callback.invoke`` calls a handler as Textual does (with or without
    the message, awaited if it is a coroutine).
    """
    dispatch: _Dispatch = MessagePump._dispatch_message
    if getattr(dispatch, "tp_guarded", False):
        return
    handlers: _Handlers = MessagePump._get_dispatch_methods

    def guarded_handlers(
        pump: MessagePump, method_name: str, message: Message
    ) -> Iterator[tuple[type, _Handler]]:
        for cls, method in handlers(pump, method_name, message):

            async def guarded(event: Message, method: Callable[..., Any] = method) -> Any:
                try:
                    return await invoke(method, event)
                except error:
                    if not handled(pump):
                        raise
                    return None

            yield cls, guarded

    async def guarded_dispatch(pump: MessagePump, message: Message) -> None:
        try:
            await dispatch(pump, message)
        except error:
            if not handled(pump):
                raise

    guarded_dispatch.tp_guarded = True  # type: ignore[attr-defined]
    # What was wrapped, for the check of what Textual's own look like.
    guarded_dispatch.tp_original = dispatch  # type: ignore[attr-defined]
    guarded_handlers.tp_original = handlers  # type: ignore[attr-defined]
    MessagePump._get_dispatch_methods = guarded_handlers  # type: ignore[method-assign,assignment]
    MessagePump._dispatch_message = guarded_dispatch  # type: ignore[method-assign,assignment]


class WordedCommandPalette(CommandPalette):
    """The command palette, saying "no matches" in words it is given.

    Item "no matches": the placeholder is a public argument, but Textual writes its English
    "No matches found" into the list from a private timer (``_start_no_matches_countdown``),
    with no argument or hook for the text. This is that method with the text replaced; the
    rest (the delay, the disabled option, the list shown) as Textual 8.2 does it.
    """

    def __init__(self, *, no_matches: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:  # discovery: nothing to say about an empty list
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


# Item "footer keys": Textual's Footer draws each key as a FooterKey, which textual.widgets does
# not export, and says whether the screen's bindings are known yet only in its private
# ``_bindings_ready``. tp_tui/widgets/key_footer.py composes its two lines from both.


def footer_ready(footer: Footer) -> bool:
    """Whether the footer has the screen's bindings to show (Textual's private flag)."""
    return bool(footer._bindings_ready)


# Item "table widths": a DataTable measures its columns only when its private flag says they
# changed; no public call says so after a column's width is set (tp_tui/widgets/lazy_table.py
# gives the reason or note the width the others leave). LazyTable also extends DataTable's own
# ``_on_resize`` and ``_on_idle`` (a public handler would run before the table measured).


def column_widths_changed(table: DataTable[Any]) -> None:
    """Make the table measure its columns again and redraw."""
    table._require_update_dimensions = True
    table.refresh()


__all__ = [
    "FooterKey",
    "WordedCommandPalette",
    "column_widths_changed",
    "footer_ready",
    "guard_handlers",
    "rebuild_bindings",
]
