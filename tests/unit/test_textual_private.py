"""Each private piece of Textual that tp_tui/textual_private.py uses is still there, as used.

A failure names the item of textual_private.py to look at after moving the Textual pin.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest
import textual._callback
from textual.binding import Binding, BindingsMap
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.message_pump import MessagePump
from textual.widget import Widget

from tp_tui import textual_private


def _parameters(function: Callable[..., object]) -> list[str]:
    return list(inspect.signature(function).parameters)


def merged_bindings() -> None:
    assert "_merged_bindings" in vars(DOMNode), "DOMNode._merged_bindings is gone"
    assert _parameters(DOMNode._merge_bindings) == [], "DOMNode._merge_bindings() takes arguments"

    class Probe(Widget):
        BINDINGS = [Binding("x", "first", "First")]

    Probe.BINDINGS = [Binding("x", "second", "Second")]
    textual_private.rebuild_bindings(Probe)
    assert isinstance(Probe._merged_bindings, BindingsMap)
    [binding] = Probe._merged_bindings.key_to_bindings["x"]
    assert binding.action == "second", "a rebuilt class does not merge its new BINDINGS"
    copied = Probe()._bindings.key_to_bindings["x"][0]
    assert copied.description == "Second", "new widgets do not copy the rebuilt map"


def _textual_own(function: Callable[..., object]) -> Callable[..., object]:
    """Textual's method, also when guard_handlers has wrapped it (after a server test)."""
    original: Callable[..., object] = getattr(function, "tp_original", function)
    return original


def message_dispatch() -> None:
    dispatch = _textual_own(MessagePump._dispatch_message)
    handlers = _textual_own(MessagePump._get_dispatch_methods)
    assert _parameters(dispatch) == ["self", "message"]
    assert _parameters(handlers) == ["self", "method_name", "message"]
    assert inspect.iscoroutinefunction(dispatch), "_dispatch_message is no longer a coroutine"
    assert inspect.iscoroutinefunction(textual._callback.invoke)
    assert _parameters(textual._callback.invoke) == ["callback", "params"]


def no_matches() -> None:
    method = CommandPalette._start_no_matches_countdown
    assert _parameters(method) == ["self", "search_value"]
    assert callable(CommandPalette._stop_no_matches_countdown)
    for name in ("_NO_MATCHES", "_NO_MATCHES_COUNTDOWN", "_list_visible", "_no_matches_timer"):
        assert hasattr(CommandPalette, name) or name in inspect.getsource(CommandPalette), name
    assert issubclass(CommandList, Widget)
    # The text this item replaces is still Textual's, in the method this item replaces.
    assert "No matches found" in inspect.getsource(method)
    assert "placeholder" in inspect.signature(CommandPalette).parameters


def footer_keys() -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    assert issubclass(FooterKey, Widget)
    assert _parameters(FooterKey)[:4] == ["key", "key_display", "description", "action"]
    assert {"disabled", "tooltip", "classes"} <= set(_parameters(FooterKey))
    assert hasattr(Footer, "_bindings_ready"), "Footer._bindings_ready is gone"
    assert textual_private.footer_ready(Footer()) is False  # not until a screen's keys come


def table_widths() -> None:
    from textual.widgets import DataTable

    table: DataTable[str] = DataTable()
    assert hasattr(table, "_require_update_dimensions"), "DataTable's width flag is gone"
    textual_private.column_widths_changed(table)
    assert table._require_update_dimensions is True
    for handler in ("_on_resize", "_on_idle"):  # LazyTable extends both
        assert handler in vars(DataTable), f"DataTable.{handler} is gone"


ITEMS = {
    "merged bindings": merged_bindings,
    "message dispatch": message_dispatch,
    "no matches": no_matches,
    "footer keys": footer_keys,
    "table widths": table_widths,
}


def test_every_item_of_textual_private_is_checked() -> None:
    """An item added to textual_private.py gets its check here."""
    source = inspect.getsource(textual_private)
    assert source.count('Item "') == len(ITEMS)
    for name in ITEMS:
        assert f'Item "{name}"' in source, name


@pytest.mark.parametrize("item", list(ITEMS))
def test_textual_still_has_it(item: str) -> None:
    try:
        ITEMS[item]()
    except (AssertionError, AttributeError, TypeError, ValueError, KeyError) as error:
        pytest.fail(
            f'Textual changed what tp_tui/textual_private.py item "{item}" uses: {error!r}'
        )
