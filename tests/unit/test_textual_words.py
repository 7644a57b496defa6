"""Textual's own binding texts are all known, and none reaches a widget untranslated."""

from __future__ import annotations

import importlib
import subprocess
import sys
import textwrap

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

from tp_tui.argparse_words import ARGPARSE_COUNTED, ARGPARSE_WORDS
from tp_tui.i18n import LANGUAGES, catalogue
from tp_tui.textual_words import BINDING_WORDS

# Textual's modules with widgets and screens besides textual.widgets (some of its other
# modules run code when imported, so not every module is walked).
_MODULES = ("app", "command", "containers", "screen", "scroll_view", "system_commands", "theme")


def _textual_binding_texts() -> dict[str, str]:
    """Every description and tooltip in the installed Textual's BINDINGS -> where it is."""
    import textual.widgets

    for name in textual.widgets.__all__:  # type: ignore[attr-defined]
        getattr(textual.widgets, name)
    for module in _MODULES:
        importlib.import_module(f"textual.{module}")
    texts: dict[str, str] = {}
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if not cls.__module__.startswith("textual"):
            continue
        for binding in cls.__dict__.get("BINDINGS", []):
            plain = Binding(*binding) if isinstance(binding, tuple) else binding
            for text in (plain.description, plain.tooltip):
                if text:
                    texts.setdefault(text, f"{cls.__qualname__} {plain.key}")
    return texts


def test_every_binding_text_of_textual_is_translated() -> None:
    texts = _textual_binding_texts()
    assert len(texts) > 80
    unknown = {text: where for text, where in texts.items() if text not in BINDING_WORDS}
    assert unknown == {}, "add these to tp_tui/textual_words.py and the catalogues"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_for_textual_and_argparse_exists(language: str) -> None:
    keys = {
        *BINDING_WORDS.values(),
        *ARGPARSE_WORDS.values(),
        *(key for keys in ARGPARSE_COUNTED.values() for key in keys),
    }
    assert sorted(keys - set(catalogue(language))) == []


def test_widgets_imported_after_the_app_started_speak_its_language() -> None:
    """Views and forms are imported when first opened: the Textual widgets they bring in
    (TextArea in a form) are said in the user's language before they are shown (the app
    calls keys.retranslate_new_bindings before it pushes a screen or makes a mode's)."""
    script = textwrap.dedent(
        """
        import importlib, pkgutil
        import tp_tui
        from tp_tui.i18n import set_language
        from tp_tui.keys import retranslate_bindings, retranslate_new_bindings
        from tp_tui.textual_words import BINDING_WORDS
        from textual.dom import DOMNode

        set_language("nb")
        retranslate_bindings()  # as TpApp() does, with only the first screen imported
        for module in pkgutil.walk_packages(tp_tui.__path__, "tp_tui."):
            if not module.name.endswith("__main__"):  # that one runs tp
                importlib.import_module(module.name)
        retranslate_new_bindings()  # as TpApp.push_screen does
        english = set()
        pending = [DOMNode]
        while pending:
            cls = pending.pop()
            pending.extend(cls.__subclasses__())
            if cls._merged_bindings is None:
                continue
            for bindings in cls._merged_bindings.key_to_bindings.values():
                for binding in bindings:
                    if binding.description in BINDING_WORDS or binding.tooltip in BINDING_WORDS:
                        english.add(f"{cls.__module__}.{cls.__qualname__}: {binding.description}")
        print(*sorted(english), sep="\\n")
        """
    )
    shown = subprocess.run(
        [sys.executable, "-c", "import tp_tui.app\n" + script],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        check=True,
    ).stdout
    assert [line for line in shown.splitlines() if line] == []
