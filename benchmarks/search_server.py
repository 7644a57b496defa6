"""Search on PostgreSQL at scale: how long the first page of results takes.

    .venv/bin/python -m benchmarks.search_server                 # 100k contacts
    .venv/bin/python -m benchmarks.search_server --size 1M       # a million (copy: ~6 min)
    .venv/bin/python -m benchmarks.search_server --url postgresql://…/db   # a loaded database

Needs a server: ``TP_TUI_TEST_PG`` (an admin URL, as for the tests; ``source .ci/postgres.sh``
starts a throwaway one), or ``--url`` naming a database that already holds a caseload. Without
either it says so and exits 0. With ``TP_TUI_TEST_PG`` it makes (once, and keeps) a database
``tp_bench_search_SIZE`` by ``tp migrate-to`` from a copy of the generated file
``benchmarks/.cache/tp-SIZE.db`` (``python -m benchmarks.generate`` makes them), then ANALYZEs it.

It times ``tp_tui.services.search.search(text, 50)`` (what the search screen asks for) for
common words, rare names, and a word typed letter by letter, and prints the median of
``--rounds`` runs of each after one warm-up, with the number of results and of all matches.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import generate  # noqa: E402

ENV = "TP_TUI_TEST_PG"
LIMIT = 50
# (what it stands for, typed text)
QUERIES: tuple[tuple[str, str], ...] = (
    ("very common word", "om"),
    ("common word", "snakket"),
    ("common word", "husleia"),
    ("prefix", "nams"),
    ("two words", "sprekk helgen"),
    ("rare word", "svalbard"),
    ("name", "øyv"),
    ("typing", "h"),
    ("typing", "hu"),
    ("typing", "hus"),
    ("typing", "husb"),
    ("typing", "husbanken"),
    ("no match", "zqxw"),
)


def say(text: str) -> None:
    print(text, flush=True)


def _database_url(admin: str, name: str) -> str:
    from tests.postgres import with_database

    return with_database(admin, name)


def _exists(admin: str, name: str) -> bool:
    import psycopg2

    connection = psycopg2.connect(admin)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            return cursor.fetchone() is not None
    finally:
        connection.close()


def _admin(admin: str, statement: str) -> None:
    import psycopg2

    connection = psycopg2.connect(admin)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


def load(admin: str, size: str) -> str:
    """The URL of a database holding the generated caseload of ``size``, made if missing."""
    name = f"tp_bench_search_{size.lower()}"
    url = _database_url(admin, name)
    if _exists(admin, name):
        return url
    source = generate.CACHE_DIR / f"tp-{size}.db"
    if not source.exists():
        raise SystemExit(f"{source} is missing: run python -m benchmarks.generate first")
    _admin(admin, f'CREATE DATABASE "{name}"')
    with tempfile.TemporaryDirectory(prefix="tp-bench-search-") as folder:
        home = Path(folder)
        copy = home / "tp.db"
        shutil.copyfile(source, copy)  # the cached file is never opened by the app
        env = dict(os.environ)
        for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            env[variable] = str(home / variable.lower())
        env["TP_TUI_NOW"] = "2026-11-26T10:00+01:00"
        say(f"copying {source.name} to {name} with tp migrate-to …")
        started = time.perf_counter()
        try:
            subprocess.run(
                [sys.executable, "-m", "tp_tui", "--db", str(copy), "migrate-to", url],
                check=True,
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
            )
        except BaseException:
            _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            raise
        say(f"copied in {time.perf_counter() - started:.0f} s")
    return url


def matches(text: str) -> int:
    """How many rows match at all (every kind), for the report."""
    from tp_tui.migrations.m0003_search_index import PG_CONFIG, SOURCES
    from tp_tui.models import db
    from tp_tui.services.search import query_words
    from tp_tui.services.search_server import ts_query

    words = query_words(text)
    if not words:
        return 0
    total = 0
    for _, table, column in SOURCES:
        statement = (
            f"SELECT count(*) FROM {table} "
            f"WHERE to_tsvector('{PG_CONFIG}', {column}) @@ to_tsquery('{PG_CONFIG}', %s)"
        )
        total += db.execute_sql(statement, (ts_query(words),)).fetchone()[0]
    return total


def measure(url: str, rounds: int) -> None:
    from tp_tui.db import close_database, open_database
    from tp_tui.models import db
    from tp_tui.services.search import search

    open_database(url)
    try:
        db.execute_sql("ANALYZE contact, participant, callback")
        contacts = db.execute_sql("SELECT count(*) FROM contact").fetchone()[0]
        say(f"{contacts} contacts; median of {rounds} runs of search(text, {LIMIT}) each:")
        say(f"{'query':<16} {'what':<17} {'median':>9} {'max':>9} {'results':>8} {'matches':>8}")
        for what, text in QUERIES:
            search(text, LIMIT)  # warm-up
            times = []
            for _ in range(rounds):
                started = time.perf_counter()
                hits = search(text, LIMIT)
                times.append(time.perf_counter() - started)
            say(
                f"{text:<16} {what:<17} {statistics.median(times) * 1000:>7.1f}ms "
                f"{max(times) * 1000:>7.1f}ms {len(hits):>8} {matches(text):>8}"
            )
    finally:
        close_database()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--size", default="100k", choices=("1k", "100k", "1M"))
    parser.add_argument("--url", help="a database that already holds a caseload")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    url = args.url
    if not url:
        admin = os.environ.get(ENV, "")
        if not admin:
            say(f"skipped: no PostgreSQL server (set {ENV}, or give --url)")
            return 0
        url = load(admin, args.size)
    measure(url, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
