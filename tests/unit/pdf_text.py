"""Reading back the text a generated PDF shows, without a PDF library."""

from __future__ import annotations

import re
import zlib

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_SHOWN = re.compile(rb"\(((?:[^\\)]|\\.)*)\)\s*Tj", re.S)


def pdf_strings(data: bytes) -> list[str]:
    """The text the pages show: each content stream inflated, each string operand read back.

    fpdf2's core fonts write WinAnsi (cp1252) strings with "\\", "(" and ")" escaped.
    """
    shown = []
    for raw in _STREAM.findall(data):
        try:
            content = zlib.decompress(raw)
        except zlib.error:
            content = raw
        for operand in _SHOWN.findall(content):
            shown.append(re.sub(rb"\\(.)", rb"\1", operand).decode("cp1252"))
    return shown


def shown_text(data: bytes) -> str:
    return "\n".join(pdf_strings(data))
