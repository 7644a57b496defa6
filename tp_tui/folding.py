"""Norwegian-aware folding of names for search and sorting.

SQLite's LIKE folds ASCII only and byte order puts Å before Æ and Ø; these helpers make the stored
search and sort columns right for Norwegian names.
"""

from __future__ import annotations

import unicodedata

# "{", "|" and "}" follow "z" in byte order: Æ Ø Å come after Z, as in Norwegian.
_NORDIC = {"æ": "{", "ø": "|", "å": "}"}


def fold(text: str) -> str:
    """Lower-cased text for matching: "Øyvind" and "øyvind" fold alike."""
    return " ".join(text.casefold().split())


def _strip_accents(text: str) -> str:
    keep = set("æøå")
    out = []
    for char in text:
        if char in keep:
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


def sort_key(text: str) -> str:
    """A key whose byte order is Norwegian alphabetical order (… X Y Z Æ Ø Å)."""
    folded = fold(text)
    folded = folded.replace("ä", "æ").replace("ö", "ø")
    folded = _strip_accents(folded)
    return "".join(_NORDIC.get(char, char) for char in folded)


def initials(name: str) -> str:
    """Initials of a name, lower case: "Kari Nordmann" -> "kn", "Per-Olav Ås" -> "poå"."""
    parts = name.replace("-", " ").split()
    return "".join(part[0] for part in parts if part).casefold()


def search_text(name: str, phone_digits: str = "") -> str:
    """What participant search matches against: folded name, initials and phone digits."""
    return " ".join(part for part in (fold(name), initials(name), phone_digits) if part)


# How Norwegian names are written without the letters: "Aasen" is "Åsen", "Bjoern" "Bjørn".
_SPELLED_OUT = (("aa", "å"), ("ae", "æ"), ("oe", "ø"), ("ä", "æ"), ("ö", "ø"))


def name_key(name: str) -> str:
    """A name folded the Norwegian way, for finding the same person spelt another way.

    Lower case, one space between parts, hyphens and dots as spaces, accents dropped
    (é is e) but æ, ø, å kept, and their spelt-out forms (aa, ae, oe) and ä, ö made the letters:
    "Per-Olav Aasen", "per olav åsen" and "Pér Olav Åsen" fold alike.
    """
    text = unicodedata.normalize("NFC", name).casefold()
    text = "".join(" " if char in "-.,_" else char for char in text)
    for spelled, letter in _SPELLED_OUT:
        text = text.replace(spelled, letter)
    return " ".join(_strip_accents(text).split())
