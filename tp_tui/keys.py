"""Key bindings whose descriptions follow the current language.

A binding made with :func:`key` keeps the translation keys of its texts; so do Textual's own
bindings ("Cursor up", "Focus Next"), which :func:`retranslate_bindings` replaces with such
bindings the first time. The footer and the key panel then show the current language's words.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from typing import Any

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from tp_tui.i18n import t
from tp_tui.textual_private import rebuild_bindings
from tp_tui.textual_words import BINDING_WORDS


@dataclasses.dataclass(frozen=True)
class TranslatedGroup(Binding.Group):
    """A footer group ("F2–F5 Screens") whose description is said in the current language."""

    description_key: str = ""

    def localised(self) -> TranslatedGroup:
        return dataclasses.replace(self, description=t(self.description_key))


@dataclasses.dataclass(frozen=True)
class TranslatedBinding(Binding):
    """A Binding that knows the translation keys of its description and tooltip, so that it
    can be said again in another language (:meth:`localised`)."""

    description_key: str = ""
    tooltip_key: str = ""

    def localised(self) -> TranslatedBinding:
        group = self.group.localised() if isinstance(self.group, TranslatedGroup) else self.group
        return dataclasses.replace(
            self,
            description=t(self.description_key) if self.description_key else self.description,
            tooltip=t(self.tooltip_key) if self.tooltip_key else self.tooltip,
            group=group,
        )


def group(description: str, **options: Any) -> TranslatedGroup:
    """A footer group whose description is the translation key ``description``."""
    return TranslatedGroup(t(description), description_key=description, **options)


# The screen keys share one place in the footer; each is still listed on its own under "?".
SCREENS = group("nav.screens", compact=True)


def key(keys: str, action: str, description: str, binding_id: str, **options: Any) -> Binding:
    """A binding with an id, a translated description and (by default) a tooltip of its own.

    Args:
        keys: Textual key names, comma-separated.
        action: The action to run.
        description: Translation key of the short text shown in the footer.
        binding_id: Stable id, e.g. ``"participants.new"``, for remapping keys.
        options: ``show``, ``priority``, ``key_display`` or ``tooltip`` (a translation key).
    """
    tooltip = options.pop("tooltip", f"{description}.tooltip")
    return TranslatedBinding(
        keys,
        action,
        t(description),
        tooltip=t(tooltip) if tooltip else "",
        id=binding_id,
        description_key=description,
        tooltip_key=tooltip,
        **options,
    )


def localised(binding: BindingType) -> BindingType:
    """``binding`` in the current language: ours by its keys, Textual's by its English text."""
    if isinstance(binding, TranslatedBinding):
        return binding.localised()
    plain = Binding(*binding) if isinstance(binding, tuple) else binding
    description_key = BINDING_WORDS.get(plain.description, "")
    tooltip_key = BINDING_WORDS.get(plain.tooltip, "")
    if not (description_key or tooltip_key):
        return binding  # no text, or one of ours made without key(): nothing to say
    fields = {field.name: getattr(plain, field.name) for field in dataclasses.fields(plain)}
    return TranslatedBinding(
        **fields, description_key=description_key, tooltip_key=tooltip_key
    ).localised()


def _dom_classes() -> Iterator[type[DOMNode]]:
    pending: list[type[DOMNode]] = [DOMNode]
    seen: set[type[DOMNode]] = set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        pending.extend(cls.__subclasses__())
        yield cls


_classes_seen = 0
"""How many widget classes there were when the bindings were last said again."""


def retranslate_bindings() -> None:
    """Say every widget's bindings, tp-tui's and Textual's, in the current language.

    Textual copies bindings into plain ``Binding`` objects when a class is created (with the
    language of that moment) and into each new widget from there, so a language chosen after
    the views were imported (tests, or a future language switch) would not reach the footer.
    This replaces each class's own ``BINDINGS`` with bindings in the current language and
    merges them again; widgets created afterwards use them.
    """
    global _classes_seen
    classes = list(_dom_classes())
    said_again: set[type[DOMNode]] = set()
    for cls in classes:
        own: Iterable[BindingType] | None = cls.__dict__.get("BINDINGS")
        if own:
            before = list(own)
            after = [localised(binding) for binding in before]
            # Only what reads differently is replaced: in the language the classes were made
            # in (English for Textual's), nothing is rebuilt and the start pays nothing.
            if any(map(_reads_differently, before, after)):
                cls.BINDINGS = after
                said_again.add(cls)
    for cls in classes:
        if said_again.intersection(cls.__mro__):
            rebuild_bindings(cls)
    _classes_seen = len(classes)


def _reads_differently(before: BindingType, after: BindingType) -> bool:
    before = Binding(*before) if isinstance(before, tuple) else before
    after = Binding(*after) if isinstance(after, tuple) else after
    group_before = before.group.description if before.group else ""
    group_after = after.group.description if after.group else ""
    return (before.description, before.tooltip, group_before) != (
        after.description,
        after.tooltip,
        group_after,
    )


def retranslate_new_bindings() -> None:
    """As :func:`retranslate_bindings`, when widget classes were created since it last ran.

    A view or form is imported when first opened, and may bring in a Textual widget Textual
    itself imports only then (TextArea): called before such a screen's widgets are made, this
    says that widget's keys in the user's language. Importing those widgets at start instead
    would cost the first frame some 50 ms.
    """
    if sum(1 for _ in _dom_classes()) != _classes_seen:
        retranslate_bindings()
