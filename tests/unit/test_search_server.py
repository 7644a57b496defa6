"""Search on PostgreSQL at scale: only the newest matches of each kind are ranked, the ranking
favours a word said often and a short text, and the statement can be served by the indexes.
The shared behaviour (both engines) is in test_search.py; these need the server in
TP_TUI_TEST_PG (skipped without one, except in CI)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.postgres import fresh_database
from tp_tui.clock import OSLO
from tp_tui.db import open_database, write
from tp_tui.models import db
from tp_tui.services import search_server
from tp_tui.services.search import BEST, search

from .test_search import callback, contact, person, server_reference

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=OSLO)


@pytest.fixture
def pg_url() -> Iterator[str]:
    with fresh_database() as url:
        open_database(url)
        yield url


def ids(query: str, limit: int = 50) -> list[tuple[str, int]]:
    return [(hit.kind, hit.id) for hit in search(query, limit, BEST)]


def test_only_the_newest_matches_are_ranked(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    kari = person("Kari", NOW)
    strong = contact(kari, "Husleia husleia husleia", NOW - timedelta(days=30))
    plain = [contact(kari, "Husleia", NOW - timedelta(days=days)) for days in range(1, 6)]
    owed = callback(kari, "Husleia husleia", NOW - timedelta(days=40))
    later = [callback(kari, "Husleia", NOW - timedelta(days=50)) for _ in range(3)]
    # All ranked: the strong note and the strong call first, whatever their age.
    assert ids("husleia", 3) == [("contact", strong.id), ("callback", owed.id)] + [
        ("contact", plain[0].id)
    ]
    # Only the newest three contacts and the last three calls written down: the old strong
    # ones are not among them.
    monkeypatch.setattr(search_server, "CANDIDATES", 3)
    assert ids("husleia", 1) == [("contact", plain[0].id)]
    assert ids("husleia", 3) == [("contact", p.id) for p in plain[:3]]
    # A longer page ranks as many: the strong ones are back.
    assert len(ids("husleia", 10)) == 10
    assert ids("husleia", 10)[:2] == [("contact", strong.id), ("callback", owed.id)]
    assert ("callback", later[-1].id) in ids("husleia", 10)
    for limit in (1, 4, 6, 10, 11):
        assert ids("husleia", limit) == server_reference("husleia", limit)


def test_a_short_text_ranks_above_a_long_one_and_twice_above_once(pg_url: str) -> None:
    kari = person("Kari", NOW)
    once = contact(kari, "Husbanken ringte, og så snakket vi om mye annet i dag", NOW)
    twice = contact(kari, "Husbanken ringte, og så snakket vi om husbanken i dag", NOW)
    short = contact(kari, "Husbanken", NOW - timedelta(days=5))
    assert ids("husb") == [("contact", short.id), ("contact", twice.id), ("contact", once.id)]


def test_text_without_words_is_not_found_and_ranks_without_error(pg_url: str) -> None:
    kari = person("Kari", NOW)
    contact(kari, "", NOW)
    contact(kari, "... !!! ---", NOW)
    found = contact(kari, "ok", NOW)
    assert ids("ok") == [("contact", found.id)]
    assert ids("...") == []


def explain(statement: str, params: dict[str, object], *settings: str) -> str:
    text = db.obj.cursor().mogrify(statement, params).decode()
    with db.atomic():  # SET LOCAL: for this transaction only
        for setting in settings:
            db.execute_sql(f"SET LOCAL {setting}")
        rows = db.execute_sql("EXPLAIN " + text).fetchall()
    return "\n".join(row[0] for row in rows)


def test_each_step_reads_the_index_it_is_meant_to(pg_url: str) -> None:
    """The expressions are the text indexes' own, so the matches can come from them alone (as
    search_server asks, with other scans off); the newest rows' bound comes from the end of the
    index on contact.at and of the primary keys."""
    kari = person("Kari", NOW)
    with write():
        for number in range(50):
            contact(kari, f"Ringte namsmannen {number}", NOW - timedelta(hours=number))
            callback(kari, f"Namsmannen {number}", NOW - timedelta(hours=number))
    db.execute_sql("ANALYZE contact, participant, callback")
    params: dict[str, object] = {
        "query": search_server.ts_query(["namsmannen"]),
        "candidates": 200,
        "exact": 5000,
        "window": 20,
        "since_1": "2026-11-25T00:00:00+00:00",
        "since_2": 1,
        "since_3": 10,
    }
    off = ("enable_seqscan = off", "enable_indexscan = off")
    for step in ("index", "recent", "all"):
        shown = explain(" UNION ALL ".join(search_server._STEPS[step].values()), params, *off)
        assert "Seq Scan" not in shown and "Index Scan using" not in shown
        if step == "recent":  # the text index ANDed with the bound, or (a small table) either
            continue
        for index in ("contact_note_search", "participant_name_search", "callback_reason_search"):
            assert f"Bitmap Index Scan on {index}" in shown, step
    # Without sequential scans (a small table is read whole instead), as on a big one.
    since = "SELECT " + ", ".join(search_server._since(kind) for kind in (1, 2, 3))
    shown = explain(since, params, "enable_seqscan = off")
    for index, table in (
        ("contact_at", "contact"),
        ("participant_pkey", "participant"),
        ("callback_pkey", "callback"),
    ):
        assert f"Index Only Scan Backward using {index} on {table}" in shown


@pytest.mark.parametrize("word", ["namsmannen", "ringte", "husleia", "zz"])
@pytest.mark.parametrize(("candidates", "exact", "window"), [(2, 2, 2), (2, 5, 8), (3, 1, 30)])
def test_every_path_to_the_candidates_gives_the_same_page(
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
    word: str,
    candidates: int,
    exact: int,
    window: int,
) -> None:
    """Few matches (all from the index), many lately (the newest rows), many but not lately
    (all from the index again): the page is the one the rule gives."""
    kari = person("Kari Namsmann", NOW)
    with write():
        for number in range(30):  # "ringte" everywhere; "namsmannen" only long ago
            old = number >= 20
            note = "Ringte namsmannen" if old else f"Ringte om {'husleia' if number % 3 else 'mat'}"
            contact(kari, note + " igjen" * (number % 4), NOW - timedelta(days=number))
            if number % 5 == 0:
                callback(kari, note, NOW - timedelta(days=number, hours=1))
    monkeypatch.setattr(search_server, "CANDIDATES", candidates)
    monkeypatch.setattr(search_server, "EXACT", exact)
    monkeypatch.setattr(search_server, "WINDOW", window)
    steps: set[str] = set()
    run = search_server._run

    def spy(step: str, kinds: Any, params: dict[str, Any]) -> Any:
        steps.add(step)
        return run(step, kinds, params)

    monkeypatch.setattr(search_server, "_run", spy)
    for limit in (1, 2, 5, 50):
        assert ids(word, limit) == server_reference(word, limit), limit
    # Each path is taken where it should be: 30 "ringte", the 10 "namsmannen" the oldest.
    if word == "ringte" and exact < 30 and window < 30:
        assert "recent" in steps
    if word == "namsmannen" and exact < 10 and window < 20:
        assert "all" in steps
