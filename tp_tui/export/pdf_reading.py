"""Reading back the text a generated PDF shows, without a PDF library: the tests compare it
with what was stored, and erasure searches it for the person (tp_tui.services.written_files).

Every PDF of tp-tui draws with an embedded TrueType font: the strings in the page streams are
two-byte glyph numbers, and the font's ToUnicode map says which characters each one stands for.
Reading through that map is what a PDF viewer does when text is searched or copied.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_FONT_ENTRY = re.compile(rb"/(F\d+) (\d+) 0 R")
_CONTENTS = re.compile(rb"/Contents (\d+) 0 R")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
# A font choice (/F1 10 Tf) or a string shown with Tj; literal strings with escapes.
_TOKEN = re.compile(rb"/(F\d+)\s+[\d.]+\s+Tf|\(((?:[^\\)]|\\.)*)\)\s*Tj", re.S)
_ESCAPE = re.compile(rb"\\([nrtbf()\\]|[0-7]{1,3})", re.S)
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    def one(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _ESCAPED.get(code, code)

    return _ESCAPE.sub(one, raw)


def _inflated(body: bytes) -> bytes:
    found = _STREAM.search(body)
    if found is None:
        return b""
    try:
        return zlib.decompress(found.group(1))
    except zlib.error:
        return found.group(1)


def _maps(objects: dict[int, bytes]) -> dict[bytes, dict[int, str]]:
    """Each font resource name (b"F1") with its glyph number -> characters map."""
    by_font: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        found = _TO_UNICODE.search(body)
        if found is None or b"/Type /Font" not in body:
            continue
        cmap: dict[int, str] = {}
        for block in _BFCHAR.findall(_inflated(objects[int(found.group(1))])):
            for code, text in _PAIR.findall(block):
                cmap[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
        by_font[number] = cmap
    names: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, number in _FONT_ENTRY.findall(body):
            if int(number) in by_font:
                names[name] = by_font[int(number)]
    return names


def pdf_strings(data: bytes) -> list[str]:
    """The text the pages show, one string per text operation, in the order drawn."""
    objects = {int(number): body for number, body in _OBJECT.findall(data)}
    maps = _maps(objects)
    shown = []
    pages = [int(n) for body in objects.values() for n in _CONTENTS.findall(body)]
    for number in pages:
        content = _inflated(objects[number])
        cmap: dict[int, str] = {}
        for token in _TOKEN.finditer(content):
            if token.group(1):
                cmap = maps.get(token.group(1), {})
                continue
            raw = _unescape(token.group(2))
            codes = [int.from_bytes(raw[n : n + 2], "big") for n in range(0, len(raw) - 1, 2)]
            shown.append("".join(cmap.get(code, "\ufffd") for code in codes))
    return shown


def shown_text(data: bytes) -> str:
    return "\n".join(pdf_strings(data))
