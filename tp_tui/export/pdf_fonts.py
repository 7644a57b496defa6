"""The one text path of every PDF tp-tui makes: DejaVu Sans, shipped in ``export/fonts``.

The PDF core fonts know Windows-1252 only, so "Łukasz Żółć" used to print as "?ukasz Zó?c".
DejaVu Sans draws Latin with every diacritic (Polish, Lithuanian, Turkish, Vietnamese, Somali,
the Sámi letters), Greek and Cyrillic; fpdf2 embeds only the glyphs a file uses and writes a
ToUnicode map, so the text can be searched and copied as it was stored. Text is composed (NFC)
first: a decomposed "e" + "◌́" prints as the one letter "é". A character the shipped font cannot
draw is shown as "�" and named at the end of the file, never silently swapped for another.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tp_tui.i18n import t

FAMILY = "DejaVu"
FONT_DIR = Path(__file__).with_name("fonts")
_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
SHOWN_FOR_MISSING = "\ufffd"
MOST_NAMED = 20  # characters named at the end; more are counted


def _invisible(char: str) -> bool:
    """Variation selectors and joiners only choose a look (emoji, ligatures): with no glyph of
    their own they are left out rather than drawn as "�" beside a letter that did print."""
    return unicodedata.category(char) == "Cf" or 0xFE00 <= ord(char) <= 0xFE0F


def char_name(char: str) -> str:
    """ "U+1F642 SLIGHTLY SMILING FACE": what the end of the file calls a character."""
    return f"U+{ord(char):04X} {unicodedata.name(char, '')}".rstrip()


class UnicodePdf(FPDF):
    """A4 in millimetres with the shipped fonts; every text goes through :meth:`shown`."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(orientation="P", unit="mm", format="A4", **kwargs)
        for style, name in _FILES.items():
            self.add_font(FAMILY, style, str(FONT_DIR / name))
        self.missing: set[str] = set()
        self.set_font(FAMILY, "", 10)
        self.set_creator("tp-tui")

    def _covered(self) -> dict[int, Any]:
        cmap: dict[int, Any] = self.current_font.cmap  # type: ignore[union-attr]
        return cmap

    def shown(self, text: str) -> str:
        """``text`` as this file draws it (composed; "�" for what no shipped font has)."""
        cmap = self._covered()
        out = []
        for char in unicodedata.normalize("NFC", text):
            if ord(char) in cmap or char in "\n\t":
                out.append(char)
            elif not _invisible(char):
                self.missing.add(char)
                out.append(SHOWN_FOR_MISSING)
        return "".join(out)

    def expect(self, texts: Iterable[str]) -> None:
        """Note what ``texts`` (drawn later, say in a footer) cannot show, before the end."""
        for text in texts:
            self.shown(text)

    def missing_note(self) -> str:
        """The words at the end of the file naming what could not be drawn; "" when none."""
        if not self.missing:
            return ""
        chars = sorted(self.missing)
        named = ", ".join(char_name(char) for char in chars[:MOST_NAMED])
        if len(chars) > MOST_NAMED:
            named = t("pdf.missing_more", named=named, more=len(chars) - MOST_NAMED)
        return t("pdf.missing", shown=SHOWN_FOR_MISSING, chars=named)

    def write_missing_note(self) -> None:
        """The note at the end, in small type; nothing when every character printed."""
        note = self.missing_note()
        if not note:
            return
        self.ln(4)
        self.set_font(FAMILY, "", 8)
        self.set_text_color(0, 0, 0)
        self.multi_cell(0, 4, note, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
