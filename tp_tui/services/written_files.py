"""The export files tp-tui wrote, so an erasure can find every one that still holds the person.

Each summary, callback list or statistics file tp writes is noted in a ledger beside the data
(``written-files.jsonl``, 0600: one JSON line per file, its path and kind). The export log rows
in the database go with the participant; this ledger is what still knows which files left the
app. Files written before the ledger existed are found where tp puts them by default (the
documents folder's ``tp-tui`` and the data folder's ``exports``) by their names.

Whether a file holds the person is judged by what was exported for whom: a summary's default
name carries the participant's number (``utdrag-<id>-…``), and the text of any file (PDF content
streams inflated, as fpdf2 compresses them) is searched for the name and each form of the number.
Purging overwrites a file with zeros, removes it, and drops its line from the ledger.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterable
from pathlib import Path

from tp_tui.paths import data_dir, exports_dir

LEDGER = "written-files.jsonl"
_DEFAULT_NAMES = ("utdrag-*", "ringeliste-*")  # statistics files hold counts, never a name
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_MAX_BYTES = 50 * 1024 * 1024  # a larger file in these folders is not an export of ours


def ledger_path() -> Path:
    return data_dir() / LEDGER


def remember(path: Path, kind: str) -> None:
    """Note that tp wrote ``path`` (a regular file; standard output and devices are not kept).
    Never raises: a ledger that cannot be written must not stop an export."""
    try:
        target = Path(path).expanduser().resolve()
        if not target.is_file():
            return
        ledger = ledger_path()
        ledger.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps({"path": str(target), "kind": kind}, ensure_ascii=False) + "\n"
        descriptor = os.open(ledger, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as stream:
            stream.write(line)
    except OSError:
        return


def _ledger_entries() -> list[Path]:
    try:
        lines = ledger_path().read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("path"), str):
            found.append(Path(entry["path"]))
    return found


def _default_places() -> list[Path]:
    found = []
    for folder in (exports_dir(), data_dir() / "exports"):
        for pattern in _DEFAULT_NAMES:
            found += sorted(folder.glob(pattern))
    return found


def written_files() -> list[Path]:
    """Every export tp wrote that is still there, once each."""
    seen: dict[Path, None] = {}
    for path in (*_ledger_entries(), *_default_places()):
        if path.is_file() and not path.is_symlink():
            seen.setdefault(path.resolve(), None)
    return list(seen)


def _text_of(data: bytes) -> str:
    """What a reader of the file sees, roughly: the bytes as UTF-8, a PDF's text through its
    fonts' maps, and each inflated stream with its string escapes removed as cp1252 (files
    made with core fonts before tp embedded one)."""
    parts = [data.decode("utf-8", errors="ignore")]
    if data.startswith(b"%PDF"):
        from tp_tui.export.pdf_reading import pdf_strings

        # tp's PDFs draw glyph numbers of an embedded font: read them as a viewer does, once
        # line by line and once run together (a name may be drawn in pieces).
        shown = pdf_strings(data)
        parts += ["\n".join(shown), "".join(shown)]
    for raw in _STREAM.findall(data):
        try:
            content = zlib.decompress(raw)
        except zlib.error:
            continue
        parts.append(re.sub(rb"\\(.)", rb"\1", content).decode("cp1252", errors="ignore"))
    return "\n".join(parts)


def holds_person(path: Path, participant_id: int, spellings: Iterable[str]) -> bool:
    """Whether the file was made for this participant or shows their name or number."""
    if re.fullmatch(rf"utdrag-{participant_id}-\d{{8}}\..+", path.name):
        return True
    try:
        if path.stat().st_size > _MAX_BYTES:
            return False
        text = _text_of(path.read_bytes()).casefold()
    except OSError:
        return False
    squeezed = " ".join(text.split())
    return any(form.casefold() in text or form.casefold() in squeezed for form in spellings)


def files_holding(participant_id: int, spellings: Iterable[str]) -> list[Path]:
    forms = tuple(spellings)
    return [path for path in written_files() if holds_person(path, participant_id, forms)]


def forget(paths: Iterable[Path]) -> None:
    """Drop these files' lines from the ledger (rewritten privately in place)."""
    gone = {Path(path).resolve() for path in paths}
    ledger = ledger_path()
    try:
        lines = ledger.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    kept = []
    for line in lines:
        try:
            entry = json.loads(line)
            if Path(entry["path"]).resolve() in gone:
                continue
        except (ValueError, KeyError, TypeError):
            pass
        kept.append(line)
    if len(kept) == len(lines):
        return
    # Rewritten in place, the old bytes overwritten (a path may hold a name): not a new file
    # beside an old one whose blocks keep it.
    payload = "".join(f"{line}\n" for line in kept).encode("utf-8")
    try:
        with ledger.open("r+b") as stream:
            size = stream.seek(0, os.SEEK_END)
            stream.seek(0)
            stream.write(payload + b"\0" * max(0, size - len(payload)))
            stream.flush()
            os.fsync(stream.fileno())
            stream.truncate(len(payload))
            os.fsync(stream.fileno())
    except OSError:
        return
