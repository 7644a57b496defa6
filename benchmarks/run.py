"""The benchmark suite: six ratios, each target measured against its baseline in the same run.

    .venv/bin/python -m benchmarks.run            # all six, then benchmarks/RESULTS.md
    .venv/bin/python -m benchmarks.run --quick    # fewer rounds
    .venv/bin/python -m benchmarks.run --only 2,6 --rounds 7   # prints only (add --write)

Each benchmark alternates target and baseline (ABAB…, the order flipping every round) for
several rounds after a warm-up of each, and reports the medians of both and the median of the
per-round ratios target/baseline (paired, so a slow moment on a busy machine hits both). The
databases come from :mod:`benchmarks.generate` (cached). Every file the app would write
(settings, backups) goes to a temporary folder through the XDG variables, and the clock is
frozen with ``TP_TUI_NOW``, so the user's own files are never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as `python benchmarks/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import generate  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
RESULTS = HERE / "RESULTS.md"
KEEP_MARKER = "<!-- Everything below this line is written by hand; run.py keeps it. -->"


@dataclass
class Result:
    number: int
    title: str
    target_label: str
    baseline_label: str
    unit: str
    goal: float
    target: list[float] = field(default_factory=list)
    baseline: list[float] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def add(self, target: float, baseline: float) -> None:
        self.target.append(target)
        self.baseline.append(baseline)

    @property
    def ratio(self) -> float:
        return statistics.median(t / b for t, b in zip(self.target, self.baseline, strict=True))

    @property
    def met(self) -> bool:
        return self.ratio <= self.goal

    def spread(self) -> str:
        ratios = sorted(t / b for t, b in zip(self.target, self.baseline, strict=True))
        return f"{ratios[0]:.2f}–{ratios[-1]:.2f}"


@dataclass
class Context:
    rounds: int
    tmp: Path
    env: dict[str, str]
    quick: bool
    app_runs: dict[str, list[dict[str, Any]]] | None = None
    dbs: dict[str, tuple[Path, dict[str, Any]]] = field(default_factory=dict)

    def db(self, label: str) -> tuple[Path, dict[str, Any]]:
        if label not in self.dbs:
            self.dbs[label] = generate.ensure(label)
        return self.dbs[label]


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.2f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:.3g} {unit}"


def alternate(
    rounds: int,
    target: Callable[[], float],
    baseline: Callable[[], float],
    result: Result,
    warmup: int = 1,
) -> None:
    """Warm up both, then run ``rounds`` pairs, flipping which goes first each round."""
    for _ in range(warmup):
        target()
        baseline()
    for number in range(rounds):
        if number % 2 == 0:
            t = target()
            b = baseline()
        else:
            b = baseline()
            t = target()
        result.add(t, b)


# -- 1 and 5: the app's start, and its memory --------------------------------------------------
def _start(ctx: Context, mode: str, db: Path | None) -> dict[str, Any]:
    command = [sys.executable, str(HERE / "appstart.py"), mode] + ([str(db)] if db else [])
    started = time.monotonic()
    done = subprocess.run(command, env=ctx.env, capture_output=True, text=True, timeout=300)
    ended = time.monotonic()
    if done.returncode != 0:
        raise RuntimeError(f"{mode} start failed ({done.returncode}):\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    report["seconds"] = report["ready"] - started
    report["process_seconds"] = ended - started
    return report


def _app_runs(ctx: Context) -> dict[str, list[dict[str, Any]]]:
    """The app on the 100k file and the bare app, alternating; shared by benchmarks 1 and 5."""
    if ctx.app_runs is None:
        db, _ = ctx.db("100k")
        runs: dict[str, list[dict[str, Any]]] = {"tp": [], "bare": []}
        _start(ctx, "tp", db)  # warm-up; also makes the start-up backup, so later runs skip it
        _start(ctx, "bare", None)
        for number in range(ctx.rounds):
            order = ("tp", "bare") if number % 2 == 0 else ("bare", "tp")
            for mode in order:
                runs[mode].append(_start(ctx, mode, db if mode == "tp" else None))
        ctx.app_runs = runs
    return ctx.app_runs


def bench_app_start(ctx: Context) -> Result:
    result = Result(
        1,
        "Start to first interactive frame of Today (headless, idle), 100k file",
        "tp on 100k",
        "bare Textual app (Header, DataTable, Footer)",
        "s",
        1.15,
    )
    runs = _app_runs(ctx)
    for tp, bare in zip(runs["tp"], runs["bare"], strict=True):
        result.add(tp["seconds"], bare["seconds"])
    rows = runs["tp"][-1]["rows"]
    result.details.append(f"Today on screen: {runs['tp'][-1]['screen']}, table rows {rows}.")
    process = statistics.median(r["process_seconds"] for r in runs["tp"])
    bare_process = statistics.median(r["process_seconds"] for r in runs["bare"])
    result.details.append(
        f"Whole process including exit: tp {fmt(process, 's')}, bare {fmt(bare_process, 's')}."
    )
    big, _ = ctx.db("1M")
    _start(ctx, "tp", big)  # start-up backup of the 1M file
    at_1m = [_start(ctx, "tp", big) for _ in range(3)]
    result.details.append(
        f"The same start on the 1M file (median of 3, not part of the ratio): "
        f"{fmt(statistics.median(r['seconds'] for r in at_1m), 's')}, "
        f"peak RSS {statistics.median(r['maxrss_kib'] for r in at_1m) / 1024:.1f} MiB, "
        f"table rows {at_1m[-1]['rows']}."
    )
    return result


def bench_memory(ctx: Context) -> Result:
    result = Result(
        5,
        "Peak memory of the app (max RSS), 100k file",
        "tp on 100k",
        "bare Textual app",
        "MiB",
        1.2,
    )
    runs = _app_runs(ctx)
    for tp, bare in zip(runs["tp"], runs["bare"], strict=True):
        result.add(tp["maxrss_kib"] / 1024, bare["maxrss_kib"] / 1024)
    result.details.append(
        "Peak RSS (VmHWM) of the whole child process, from start until Today is idle and the "
        "app has exited."
    )
    return result


# -- 2: the command line ---------------------------------------------------------------------
def _process_seconds(ctx: Context, command: list[str]) -> float:
    started = time.monotonic()
    done = subprocess.run(command, env=ctx.env, capture_output=True, text=True, timeout=300)
    elapsed = time.monotonic() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return elapsed


def bench_cli(ctx: Context) -> Result:
    db, _ = ctx.db("100k")
    result = Result(
        2,
        "`tp callbacks --week` (whole process), 100k file",
        "tp callbacks --week",
        'python -c "import peewee, rich"',
        "s",
        1.3,
    )
    tp = [str(BIN / "tp"), "callbacks", "--week", "--db", str(db)]
    base = [sys.executable, "-c", "import peewee, rich"]
    _process_seconds(ctx, tp)  # the first run makes the start-up backup; later runs skip it
    alternate(
        ctx.rounds + 4,
        lambda: _process_seconds(ctx, tp),
        lambda: _process_seconds(ctx, base),
        result,
    )
    probe = (
        "import sys\nfrom tp_tui.cli import run\nrun(sys.argv[1:])\n"
        "mods = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('textual', 'fpdf', 'icalendar', 'openpyxl', 'PIL', 'fontTools'))\n"
        "sys.stderr.write('\\nMODULES ' + ' '.join(sorted({m.split('.')[0] for m in mods})) "
        "+ ' COUNT ' + str(len(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "callbacks", "--week", "--db", str(db)],
        env=ctx.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    line = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    if line.startswith("MODULES"):
        heavy, _, count = line.removeprefix("MODULES ").partition(" COUNT ")
        heavy = heavy.strip() or "none"
        result.details.append(f"Modules loaded: {count} in all; heavy packages imported: {heavy}.")
    lines = len(subprocess.run(tp, env=ctx.env, capture_output=True, text=True).stdout.splitlines())
    result.details.append(f"Output: {lines} lines of text.")
    big, _ = ctx.db("1M")
    tp_big = [str(BIN / "tp"), "callbacks", "--week", "--db", str(big)]
    _process_seconds(ctx, tp_big)  # start-up backup of the 1M file
    at_1m = statistics.median(_process_seconds(ctx, tp_big) for _ in range(3))
    result.details.append(
        f"The same command on the 1M file (median of 3, not part of the ratio): {fmt(at_1m, 's')}."
    )
    return result


# -- 3: a participant's page at 1M against 1k --------------------------------------------------
def bench_detail(ctx: Context) -> Result:
    from tp_tui.db import open_database
    from tp_tui.models import db as proxy
    from tp_tui.services.detail import RECENT_CONTACTS, participant_detail
    from tp_tui.services.plan import area_standings
    from tp_tui.services.summary import exports_of

    small_path, small_meta = ctx.db("1k")
    big_path, big_meta = ctx.db("1M")
    small = open_database(small_path)
    big = open_database(big_path)
    now = generate.NOW
    repeat = 20

    def page(database: Any, participant: int) -> Callable[[], float]:
        def run() -> float:
            proxy.initialize(database)
            started = time.perf_counter()
            for _ in range(repeat):
                # What ParticipantDetailScreen.load runs on opening, then `m` (50 more contacts).
                detail = participant_detail(participant, now, RECENT_CONTACTS)
                assert detail is not None and detail.contacts
                area_standings(participant)
                exports_of(participant)
                participant_detail(participant, now, RECENT_CONTACTS + 50)
            return (time.perf_counter() - started) / repeat

        return run

    result = Result(
        3,
        "A participant's page and contact history, 1M against 1k contacts",
        "1M contacts",
        "1k contacts",
        "s",
        1.2,
    )
    try:
        alternate(
            ctx.rounds + 4,
            page(big, big_meta["reference_participant"]),
            page(small, small_meta["reference_participant"]),
            result,
        )
    finally:
        small.close()
        big.close()
    result.details.append(
        f"The reference participant ({generate.REFERENCE_NAME}, {generate.REFERENCE_CONTACTS} "
        "contacts) in each file: participant_detail (10 contacts), area_standings, exports_of, "
        "then participant_detail with 60 contacts (the `m` key), in one process on the same "
        "connection settings; the audit row written on opening is left out (a write, see 4)."
    )
    return result


# -- 4: saving a contact ---------------------------------------------------------------------
RAW_INSERT = (
    "INSERT INTO contact (participant_id, at, kind, arena, destination, destination_note, "
    "duration_minutes, life_areas, outcome, note, after_hours, round_visit_id, logged_by_id, "
    "created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def bench_save(ctx: Context) -> Result:
    from tp_tui.clock import FrozenClock
    from tp_tui.db import PRAGMAS, open_database
    from tp_tui.domain import LifeArea
    from tp_tui.models import Contact
    from tp_tui.services.contacts import ContactInput, log_contact
    from tp_tui.settings import Settings

    source, meta = ctx.db("100k")
    path = ctx.tmp / "save-100k.db"
    shutil.copyfile(source, path)
    path.chmod(0o600)
    database = open_database(path)
    participant = meta["reference_participant"]
    clock = FrozenClock(generate.NOW)
    settings = Settings()
    data = ContactInput(
        participant_id=participant,
        when="25.11.2026 14:00",
        kind="phone",
        duration="10",
        life_areas=(LifeArea.HOUSING,),
        note="Ringte om husleia, avtalt møte på NAV",
    )
    raw = sqlite3.connect(path, isolation_level=None, timeout=10)
    for name, value in PRAGMAS.items():
        raw.execute(f"PRAGMA {name} = {value}").fetchall()
    at = Contact.at.db_value(datetime(2026, 11, 25, 14, 0, tzinfo=generate.NOW.tzinfo))
    created = Contact.at.db_value(generate.NOW)
    values = (
        participant,
        at,
        "phone",
        "phone",
        None,
        "",
        10,
        1,
        "reached",
        "Ringte om husleia, avtalt møte på NAV",
        0,
        None,
        None,
        created,
        created,
        1,
    )
    repeat = 20

    def app_save() -> float:
        started = time.perf_counter()
        for _ in range(repeat):
            log_contact(data, clock, settings)
        return (time.perf_counter() - started) / repeat

    def raw_save() -> float:
        started = time.perf_counter()
        for _ in range(repeat):
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(RAW_INSERT, values)
            raw.execute("COMMIT")
        return (time.perf_counter() - started) / repeat

    result = Result(
        4,
        "Saving a contact (log_contact) against a raw sqlite3 insert, 100k file",
        "log_contact",
        "raw sqlite3 INSERT + COMMIT",
        "s",
        1.5,
    )
    try:
        alternate(ctx.rounds + 4, app_save, raw_save, result)
    finally:
        raw.close()
        database.close()
    settings_text = ", ".join(f"{k}={v}" for k, v in PRAGMAS.items())
    result.details.append(
        f"Both on a copy of the 100k file, same PRAGMAs ({settings_text}), one transaction "
        f"(BEGIN IMMEDIATE) per save, {repeat} saves per sample. The app's save also validates "
        "(participant exists, date parsing) and writes the revision row; both fire the FTS5 "
        "trigger."
    )
    return result


# -- 6: search ---------------------------------------------------------------------------------
SEARCHES = ("husleia", "nams", "tannlege", "sprekk helgen", "svalbard", "øyv")
RAW_SEARCH = (
    "SELECT rowid, snippet(search_index, 0, ?, ?, ?, ?) FROM search_index "
    "WHERE search_index MATCH ? ORDER BY rank LIMIT ?"
)


def bench_search(ctx: Context) -> Result:
    from tp_tui.db import open_database
    from tp_tui.models import db as proxy
    from tp_tui.services import search as search_service

    path, _ = ctx.db("1M")
    database = open_database(path)
    proxy.initialize(database)
    limit = 50
    per_query: dict[str, list[tuple[float, float]]] = {q: [] for q in SEARCHES}
    hits: dict[str, tuple[int, int]] = {}

    def timed(run: Callable[[], Any]) -> tuple[float, Any]:
        started = time.perf_counter()
        value = run()
        return time.perf_counter() - started, value

    def one_round(order: int) -> tuple[float, float]:
        app_total = raw_total = 0.0
        for text in SEARCHES:
            expression = search_service.match_expression(text)
            params = ("\ue000", "\ue001", "…", search_service.SNIPPET_TOKENS, expression, limit)

            def app(text: str = text) -> Any:
                return search_service.search(text, limit)

            def raw(params: tuple[Any, ...] = params) -> Any:
                return database.execute_sql(RAW_SEARCH, params).fetchall()

            if order % 2 == 0:
                a, found = timed(app)
                r, rows = timed(raw)
            else:
                r, rows = timed(raw)
                a, found = timed(app)
            per_query[text].append((a, r))
            hits[text] = (len(found), len(rows))
            app_total += a
            raw_total += r
        return app_total, raw_total

    result = Result(
        6,
        "Search across notes at 1M contacts: first 50 results",
        "search() (tp_tui.services.search)",
        "raw FTS5 MATCH … ORDER BY rank LIMIT 50",
        "s",
        1.5,
    )
    try:
        one_round(0)  # warm-up
        for key in per_query:
            per_query[key].clear()
        for number in range(ctx.rounds + 4):
            a, r = one_round(number)
            result.add(a, r)
    finally:
        database.close()
    result.details.append(f"Queries (summed per sample): {', '.join(SEARCHES)}.")
    for text, pairs in per_query.items():
        app_median = statistics.median(a for a, _ in pairs)
        raw_median = statistics.median(r for _, r in pairs)
        ratio = statistics.median(a / r for a, r in pairs)
        found, rows = hits[text]
        result.details.append(
            f"`{text}`: search() {fmt(app_median, 's')} ({found} hits), raw "
            f"{fmt(raw_median, 's')} ({rows} rows), ratio {ratio:.2f}"
        )
    return result


BENCHMARKS: dict[int, Callable[[Context], Result]] = {
    1: bench_app_start,
    2: bench_cli,
    3: bench_detail,
    4: bench_save,
    5: bench_memory,
    6: bench_search,
}


# -- the report --------------------------------------------------------------------------------
def machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib.metadata import version

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return [
        ("Date", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        (
            "Packages",
            f"textual {version('textual')}, rich {version('rich')}, peewee {version('peewee')}",
        ),
        ("Load average at the end (1, 5, 15 min)", load),
    ]


def report(results: list[Result], ctx: Context, seconds: float) -> str:
    lines = ["# Benchmark results", ""]
    lines.append(
        "Written by `.venv/bin/python -m benchmarks.run"
        + (" --quick" if ctx.quick else "")
        + "`; see `benchmarks/README.md`."
    )
    lines += ["", "## Machine", ""]
    lines += [f"- {name}: {value}" for name, value in machine()]
    lines.append(
        f"- Rounds per benchmark: {ctx.rounds} (+4 for the in-process and command-line "
        f"ones), after a warm-up; whole run {seconds:.0f} s"
    )
    lines += ["", "## Results", ""]
    lines.append("Ratio: the median of the per-round ratios target / baseline (range in brackets).")
    lines.append("")
    lines.append("| # | benchmark | target median | baseline median | ratio | goal | met? |")
    lines.append("|---|---|---|---|---|---|---|")
    for r in sorted(results, key=lambda r: r.number):
        lines.append(
            f"| {r.number} | {r.title} | {fmt(statistics.median(r.target), r.unit)} | "
            f"{fmt(statistics.median(r.baseline), r.unit)} | **{r.ratio:.2f}×** ({r.spread()}) | "
            f"≤ {r.goal:g}× | {'yes' if r.met else '**no**'} |"
        )
    lines += ["", "## Details", ""]
    for r in sorted(results, key=lambda r: r.number):
        lines.append(
            f"**{r.number}. {r.title}** — target: {r.target_label}; baseline: {r.baseline_label}."
        )
        lines += [f"- {d}" for d in r.details]
        lines.append("")
    lines += ["## Generated databases", ""]
    lines.append("| size | participants | callbacks | revisions | years | file | generated in |")
    lines.append("|---|---|---|---|---|---|---|")
    for label in generate.SIZES:
        meta = generate.load_meta(label)
        if meta is None:
            continue
        rows = meta["rows"]
        lines.append(
            f"| {meta['contacts']:,} contacts | {rows['participant']:,} | {rows['callback']:,} | "
            f"{rows['revision']:,} | {meta['span_days'] / 365:.0f} | "
            f"{meta['file_bytes'] / 1e6:.0f} MB | {meta['generate_seconds']} s |"
        )
    return "\n".join(lines) + "\n"


def write_results(text: str) -> None:
    kept = ""
    if RESULTS.exists():
        old = RESULTS.read_text(encoding="utf-8")
        if KEEP_MARKER in old:
            kept = old.split(KEEP_MARKER, 1)[1]
    RESULTS.write_text(text + "\n" + KEEP_MARKER + (kept or "\n"), encoding="utf-8")


def environment(tmp: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TP_TUI_", "XDG_"))}
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(tmp / name.lower())
    env["TP_TUI_NOW"] = generate.NOW.isoformat()
    env["LANG"] = "C.UTF-8"
    env.pop("LC_ALL", None)
    env["PYTHONPATH"] = str(ROOT)
    # As installed: with compiled .pyc files, like the baseline's packages (a session may set
    # PYTHONDONTWRITEBYTECODE, which would make tp compile every module on every run).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def precompile() -> None:
    """Compile the project once before measuring, as an installed copy would be."""
    import compileall

    compileall.compile_dir(ROOT / "tp_tui", quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (5 instead of 11)")
    parser.add_argument("--rounds", type=int, help="rounds per benchmark")
    parser.add_argument("--only", default="", help="comma-separated benchmark numbers (1-6)")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    parser.add_argument(
        "--write", action="store_true", help="write RESULTS.md also when --only is given"
    )
    args = parser.parse_args(argv)
    chosen = sorted({int(x) for x in args.only.split(",") if x.strip()} or BENCHMARKS)
    if any(n not in BENCHMARKS for n in chosen):
        parser.error("benchmarks are numbered 1 to 6")
    rounds = args.rounds or (5 if args.quick else 11)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tp-bench-") as folder:
        tmp = Path(folder)
        env = environment(tmp)
        precompile()
        # This process too: nothing the services do may reach the user's own folders.
        os.environ.update({k: v for k, v in env.items() if k.startswith(("XDG_", "TP_TUI_"))})
        ctx = Context(rounds=rounds, tmp=tmp, env=env, quick=args.quick)
        results = []
        for number in chosen:
            say(f"[{number}] {BENCHMARKS[number].__name__} …")
            result = BENCHMARKS[number](ctx)
            results.append(result)
            say(
                f"    target {fmt(statistics.median(result.target), result.unit)}, baseline "
                f"{fmt(statistics.median(result.baseline), result.unit)}, ratio "
                f"{result.ratio:.2f}× (goal ≤ {result.goal:g}×) "
                f"{'met' if result.met else 'NOT met'}"
            )
    text = report(results, ctx, time.monotonic() - started)
    print(text)
    if not args.no_write and (args.write or not args.only):
        write_results(text)
        say(f"written to {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
