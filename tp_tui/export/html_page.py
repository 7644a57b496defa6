"""The frame of a standalone HTML export: language, a policy that allows no scripts (backing up
the escaping), and the page's own style."""

from __future__ import annotations

from collections.abc import Sequence

from tp_tui.i18n import get_language

POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def html_page(title: str, css: str, body: Sequence[str]) -> str:
    """The whole document; ``title`` and ``body`` are already escaped."""
    return (
        f'<!DOCTYPE html>\n<html lang="{get_language()}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
