"""Profiles of the slow benchmark targets, with pyinstrument (``pip install pyinstrument``).

    .venv/bin/python -m benchmarks.profiling [--only start,cli,detail,search,save,memory,screens]

Writes one text report per target to ``benchmarks/.cache/profiles/`` and prints where the time
goes. The findings are summarised by hand in ``benchmarks/PROFILE.md``.

- start: the app's start on the 100k file, until Today is idle (``appstart.py tp``)
- cli: ``tp callbacks --week`` on the 100k file
- detail: a participant's page and contact history at 1M contacts, 200 times
- search: ``search()`` at 1M contacts for a common word, and the same SQL cut down step by step
- save: ``log_contact`` 200 times on a copy of the 100k file
- memory: peak RSS after each step of a start (imports, opening the file, Today's queries)
- screens: every screen query of ``tests/unit/test_query_plans.py`` timed at 1k, 100k and 1M
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import generate  # noqa: E402
from benchmarks.run import HERE, environment  # noqa: E402

OUT = generate.CACHE_DIR / "profiles"
INTERVAL = "0.0005"


def _pyinstrument(name: str, args: list[str], env: dict[str, str]) -> Path:
    """Run a command under pyinstrument's command line; the text report goes to OUT/name.txt."""
    out = OUT / f"{name}.txt"
    command = [sys.executable, "-m", "pyinstrument", "-r", "text", "-i", INTERVAL, "-o", str(out)]
    subprocess.run(command + args, env=env, check=True, capture_output=True, timeout=600)
    return out


def _profile_here(name: str, work: Callable[[], Any]) -> Path:
    from pyinstrument import Profiler

    profiler = Profiler(interval=float(INTERVAL))
    profiler.start()
    work()
    profiler.stop()
    out = OUT / f"{name}.txt"
    out.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
    return out


def profile_start(env: dict[str, str]) -> list[Path]:
    db, _ = generate.ensure("100k")
    app = [str(HERE / "appstart.py"), "tp", str(db)]
    subprocess.run([sys.executable, *app], env=env, check=True, capture_output=True)  # backup
    return [_pyinstrument("start-100k", app, env)]


def profile_cli(env: dict[str, str]) -> list[Path]:
    db, _ = generate.ensure("100k")
    args = ["-m", "tp_tui", "callbacks", "--week", "--db", str(db)]
    subprocess.run([sys.executable, *args], env=env, check=True, capture_output=True)  # backup
    importtime = OUT / "cli-importtime.txt"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *args], env=env, capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    rows.sort(reverse=True)
    importtime.write_text(
        "cumulative µs | package (python -X importtime, heaviest first)\n"
        + "\n".join(f"{us:>10} | {name}" for us, name in rows[:60])
        + "\n",
        encoding="utf-8",
    )
    return [_pyinstrument("cli-callbacks-week-100k", args, env), importtime]


def profile_detail(env: dict[str, str]) -> list[Path]:
    from tp_tui.db import close_database, open_database
    from tp_tui.services.detail import RECENT_CONTACTS, participant_detail
    from tp_tui.services.plan import area_standings
    from tp_tui.services.summary import exports_of

    path, meta = generate.ensure("1M")
    open_database(path)
    participant = meta["reference_participant"]

    def work() -> None:
        for _ in range(200):
            participant_detail(participant, generate.NOW, RECENT_CONTACTS)
            area_standings(participant)
            exports_of(participant)
            participant_detail(participant, generate.NOW, RECENT_CONTACTS + 50)

    work()  # warm the page cache
    try:
        return [_profile_here("detail-1M", work)]
    finally:
        close_database()


SEARCH_VARIANTS = {
    "search() as the app runs it": None,
    "raw: MATCH ORDER BY rank LIMIT 50, with snippet()": (
        "SELECT rowid, snippet(search_index, 0, ?, ?, ?, ?) FROM search_index "
        "WHERE search_index MATCH ? ORDER BY rank LIMIT ?"
    ),
    "raw: MATCH ORDER BY rank LIMIT 50, rowid only": (
        "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT ?"
    ),
    "raw: MATCH LIMIT 50 (no ordering)": (
        "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?"
    ),
    "top 50 by rank first, then snippet() and joins for those 50": (
        "WITH top AS (SELECT rowid AS id, rank FROM search_index WHERE search_index MATCH ?5 "
        "ORDER BY rank LIMIT ?6) "
        "SELECT top.id, snippet(search_index, 0, ?1, ?2, ?3, ?4), contact.at, "
        "callback.received_at, callback.caller_name, participant.id, participant.name "
        "FROM top JOIN search_index ON search_index.rowid = top.id "
        "LEFT JOIN contact ON top.id % 4 = 1 AND contact.id = top.id / 4 "
        "LEFT JOIN callback ON top.id % 4 = 3 AND callback.id = top.id / 4 "
        "LEFT JOIN participant ON participant.id = CASE top.id % 4 "
        "WHEN 1 THEN contact.participant_id WHEN 2 THEN top.id / 4 "
        "ELSE callback.participant_id END "
        "WHERE search_index MATCH ?5 ORDER BY top.rank"
    ),
}


def profile_search(env: dict[str, str]) -> list[Path]:
    from tp_tui.db import close_database, open_database
    from tp_tui.services import search as service

    path, _ = generate.ensure("1M")
    database = open_database(path)
    marks = ("\ue000", "\ue001", "…", service.SNIPPET_TOKENS)
    lines = ["variant | query | matches | best of 5 (ms) | rows"]
    try:
        for text in ("husleia", "nams", "h", "hu", "øyv"):
            expression = service.match_expression(text)
            matches = database.execute_sql(
                "SELECT count(*) FROM search_index WHERE search_index MATCH ?", (expression,)
            ).fetchone()[0]
            for label, sql in SEARCH_VARIANTS.items():
                best, rows = 1e9, 0
                for _ in range(5):
                    started = time.perf_counter()
                    if sql is None:
                        rows = len(service.search(text))
                    else:
                        sql_text = sql
                        params: tuple[Any, ...] = (*marks, expression, 50)
                        if "snippet" not in sql_text:
                            params = (expression, 50)
                        rows = len(database.execute_sql(sql_text, params).fetchall())
                    best = min(best, time.perf_counter() - started)
                lines.append(f"{label} | {text} | {matches} | {best * 1000:.1f} | {rows}")
        table = OUT / "search-1M-variants.txt"
        table.write_text("\n".join(lines) + "\n", encoding="utf-8")

        def work() -> None:
            for _ in range(10):
                service.search("husleia")

        return [table, _profile_here("search-1M", work)]
    finally:
        close_database()


def profile_save(env: dict[str, str]) -> list[Path]:
    from tp_tui.clock import FrozenClock
    from tp_tui.db import close_database, open_database
    from tp_tui.domain import LifeArea
    from tp_tui.services.contacts import ContactInput, log_contact

    source, meta = generate.ensure("100k")
    with tempfile.TemporaryDirectory(prefix="tp-profile-") as folder:
        path = Path(folder) / "save.db"
        shutil.copyfile(source, path)
        path.chmod(0o600)
        open_database(path)
        clock = FrozenClock(generate.NOW)
        data = ContactInput(
            participant_id=meta["reference_participant"],
            when="25.11.2026 14:00",
            kind="phone",
            life_areas=(LifeArea.HOUSING,),
            note="Ringte om husleia",
        )
        try:
            return [
                _profile_here("save-100k", lambda: [log_contact(data, clock) for _ in range(200)])
            ]
        finally:
            close_database()


MEMORY_PROBE = """
import json, resource, sys
def rss():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across fork and exec.
    for line in open("/proc/self/status", encoding="ascii"):
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
steps = [("python started", rss())]
import peewee, rich  # noqa
steps.append(("import peewee, rich", rss()))
import textual.app, textual.widgets  # noqa
from textual.widgets import DataTable, Footer, Header  # noqa
steps.append(("import textual (app, DataTable, Header, Footer)", rss()))
import tp_tui.app  # noqa
steps.append(("import tp_tui.app (all screens)", rss()))
from pathlib import Path
from tp_tui.db import open_database
open_database(Path(sys.argv[1]))
steps.append(("open_database (quick_check)", rss()))
from tp_tui.clock import FrozenClock
from tp_tui.settings import Settings
from tp_tui.services.today import today_overview
from tp_tui.services.retention import retention_candidates
from benchmarks.generate import NOW
today_overview(NOW, Settings()); retention_candidates(NOW, Settings())
steps.append(("Today's queries and the retention check", rss()))
print(json.dumps(steps))
"""


def profile_memory(env: dict[str, str]) -> list[Path]:
    db, _ = generate.ensure("100k")
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(db)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    steps = json.loads(done.stdout.strip().splitlines()[-1])
    out = OUT / "memory-100k.txt"
    lines = ["peak RSS (MiB) after each step, one process, 100k file"]
    previous = 0.0
    for label, value in steps:
        lines.append(f"{value:8.1f}  (+{value - previous:5.1f})  {label}")
        previous = value
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [out]


def profile_screens(env: dict[str, str]) -> list[Path]:
    """Each screen's service call (the cases of the query-plan test), best of 3, per size."""
    from tests.unit.test_query_plans import CASES
    from tp_tui.db import close_database, open_database

    times: dict[str, dict[str, float]] = {}
    for label in generate.SIZES:
        path, meta = generate.ensure(label)
        open_database(path)
        try:
            for case in CASES:
                best = 1e9
                for _ in range(3):
                    started = time.perf_counter()
                    case.run(meta["reference_participant"])
                    best = min(best, time.perf_counter() - started)
                times.setdefault(case.id, {})[label] = best
        finally:
            close_database()
    out = OUT / "screens.txt"
    lines = ["case | " + " | ".join(f"{label} (ms)" for label in generate.SIZES)]
    for case_id, by_size in times.items():
        cells = " | ".join(f"{by_size[label] * 1000:.1f}" for label in generate.SIZES)
        lines.append(f"{case_id} | {cells}")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [out]


TARGETS: dict[str, Callable[[dict[str, str]], list[Path]]] = {
    "start": profile_start,
    "cli": profile_cli,
    "detail": profile_detail,
    "search": profile_search,
    "save": profile_save,
    "memory": profile_memory,
    "screens": profile_screens,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(TARGETS), help=",".join(TARGETS))
    args = parser.parse_args(argv)
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        parser.error("pyinstrument is needed: .venv/bin/pip install pyinstrument")
    OUT.mkdir(parents=True, exist_ok=True)
    import os

    with tempfile.TemporaryDirectory(prefix="tp-profile-") as folder:
        env = environment(Path(folder))
        os.environ.update({k: v for k, v in env.items() if k.startswith(("XDG_", "TP_TUI_"))})
        for name in args.only.split(","):
            for path in TARGETS[name.strip()](env):
                print(f"== {name}: {path}")
                text = path.read_text(encoding="utf-8")
                print("\n".join(text.splitlines()[:60]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
