"""Who an imported row may already be: the same phone, or the same name spelt nearly alike.

A spreadsheet written by hand spells one person several ways ("Kari Nordman", "kari nordmann",
"Kari Nordmann" without her phone). Names are compared folded the Norwegian way
(:func:`~tp_tui.folding.name_key`) and allowed one slip of the keyboard (a letter missing, added,
wrong, or two swapped) once they are long enough for one letter not to make another name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from tp_tui.folding import name_key

# A folded name shorter than this must match exactly: "Ola" and "Ole" are two people.
FUZZY_FROM = 6

SAME = "same"  # the same folded name and the same phone (or both without): certainly one person
PHONE = "phone"
NAME = "name"
SIMILAR_NAME = "similar_name"


@dataclass(frozen=True)
class Known:
    """A person already registered (``line`` None) or on an earlier row of the file."""

    name: str
    phone: str | None
    line: int | None


@dataclass(frozen=True)
class Match:
    known: Known
    reason: str
    """:data:`SAME`, :data:`PHONE`, :data:`NAME` or :data:`SIMILAR_NAME`."""


def within_one_edit(a: str, b: str) -> bool:
    """True when ``b`` is ``a`` with at most one letter missing, added, changed, or two swapped."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):  # one letter added in b
        return a[start:] == b[start + 1 :]
    if a[start + 1 :] == b[start + 1 :]:  # one letter changed
        return True
    swapped = start + 1 < len(a) and a[start] == b[start + 1] and a[start + 1] == b[start]
    return swapped and a[start + 2 :] == b[start + 2 :]


def _variants(key: str) -> set[str]:
    """The key and every way of dropping one letter: two keys one edit apart share one."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


class KnownPeople:
    """An index of people by phone and by folded name, fast enough for a team's register."""

    def __init__(self) -> None:
        self._by_phone: dict[str, list[Known]] = defaultdict(list)
        self._by_key: dict[str, list[Known]] = defaultdict(list)
        self._keys_by_variant: dict[str, set[str]] = defaultdict(set)

    def add(self, person: Known) -> None:
        key = name_key(person.name)
        if person.phone:
            self._by_phone[person.phone].append(person)
        self._by_key[key].append(person)
        if len(key) >= FUZZY_FROM:
            for variant in _variants(key):
                self._keys_by_variant[variant].add(key)

    def match(self, name: str, phone: str | None) -> Match | None:
        """The likeliest earlier person this one may be, or None."""
        key = name_key(name)
        for person in self._by_key.get(key, ()):
            if person.phone == phone:
                return Match(person, SAME)
        if phone and self._by_phone.get(phone):
            return Match(self._by_phone[phone][0], PHONE)
        if self._by_key.get(key):
            return Match(self._by_key[key][0], NAME)
        if len(key) < FUZZY_FROM:
            return None
        candidates: set[str] = set()
        for variant in _variants(key):
            candidates |= self._keys_by_variant.get(variant, set())
        for other in sorted(candidates):
            if other != key and within_one_edit(key, other):
                return Match(self._by_key[other][0], SIMILAR_NAME)
        return None
