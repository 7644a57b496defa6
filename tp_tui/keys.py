"""Key bindings whose descriptions follow the current language.

Textual reads a binding's description when it draws the footer and the keys panel; this binding
looks the text up in the translation layer at that moment, so the same screen classes serve both
languages.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from tp_tui.i18n import t


class TranslatedBinding(Binding):
    """A Binding whose ``description`` and ``tooltip`` are translation keys."""

    @property
    def description(self) -> str:
        return t(self.__dict__["_description_key"])

    @description.setter
    def description(self, value: str) -> None:
        self.__dict__["_description_key"] = value

    @property
    def tooltip(self) -> str:
        key = self.__dict__["_tooltip_key"]
        return t(key) if key else ""

    @tooltip.setter
    def tooltip(self, value: str) -> None:
        self.__dict__["_tooltip_key"] = value


class TranslatedGroup(Binding.Group):
    """A footer group ("F2–F5 Screens") whose description is a translation key."""

    @property
    def description(self) -> str:
        return t(self.__dict__["_description_key"])

    @description.setter
    def description(self, value: str) -> None:
        self.__dict__["_description_key"] = value


# The screen keys share one place in the footer; each is still listed on its own under "?".
SCREENS = TranslatedGroup("nav.screens", compact=True)


def key(keys: str, action: str, description: str, binding_id: str, **options: Any) -> Binding:
    """A binding with an id, a translated description and (by default) a tooltip of its own.

    Args:
        keys: Textual key names, comma-separated.
        action: The action to run.
        description: Translation key of the short text shown in the footer.
        binding_id: Stable id, e.g. ``"participants.new"``, for remapping keys.
        options: ``show``, ``priority``, ``key_display`` or ``tooltip`` (a translation key).
    """
    options.setdefault("tooltip", f"{description}.tooltip")
    return TranslatedBinding(keys, action, description, id=binding_id, **options)


def retranslate_bindings() -> None:
    """Re-read the translated descriptions of every tp-tui widget's bindings.

    Textual copies bindings into plain ``Binding`` objects once, when a class is created, so a
    language chosen after the views were imported (tests, or a future language switch) would
    not reach the footer. This rebuilds those copies; widgets created afterwards use them.
    """
    from textual.dom import DOMNode

    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("tp_tui."):
            # Private in Textual 8: the merged map every new instance copies its bindings from.
            cls._merged_bindings = cls._merge_bindings()
