"""Benchmarks 1 and 5 for two checkouts side by side: did a change make the start slower or bigger?

    git worktree add --detach /tmp/before <commit>
    .venv/bin/python -m benchmarks.compare_trees /tmp/before . --rounds 11

Each tree starts the app (``benchmarks/appstart.py tp``) on its own cached 100k file (made by its
own generator, so each file has the schema its code expects), alternating before/after and
flipping the order every round, in an environment frozen like ``benchmarks.run``'s. Both trees'
modules are compiled first, so neither pays for compiling. Prints the medians and the median of
the per-round ratios after/before (range in brackets): paired, so a busy moment hits both.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.run import environment


def _prepare(tree: Path, home: Path) -> tuple[Path, dict[str, str]]:
    env = environment(home)  # as benchmarks.run starts the app, but on this tree's code
    env["PYTHONPATH"] = str(tree)
    make = "from benchmarks import generate; print(generate.ensure('100k', quiet=True)[0])"
    made = subprocess.run(
        [sys.executable, "-c", make], env=env, cwd=tree, check=True, capture_output=True, text=True
    )
    db = home / "tp.db"
    shutil.copyfile(made.stdout.strip().splitlines()[-1], db)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "tp_tui")], env=env,
                   check=True)  # fmt: skip
    return db, env


def _start(tree: Path, db: Path, env: dict[str, str]) -> tuple[float, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(tree / "benchmarks" / "appstart.py"), "tp", str(db)],
        env=env, cwd=tree, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"{tree}: the start failed:\n{done.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return report["ready"] - started, report["maxrss_kib"] / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the checkout to compare against")
    parser.add_argument("after", type=Path, help="the checkout with the change")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args(argv)
    trees = {"before": args.before.resolve(), "after": args.after.resolve()}
    with tempfile.TemporaryDirectory(prefix="tp-compare-") as tmp:
        setup = {}
        for name, tree in trees.items():
            home = Path(tmp) / name
            home.mkdir()
            setup[name] = (tree, *_prepare(tree, home))
            for _ in range(2):  # warm-up: the start-up backup, the page cache
                _start(*setup[name])
        runs: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
        for number in range(args.rounds):
            for name in ("before", "after") if number % 2 == 0 else ("after", "before"):
                runs[name].append(_start(*setup[name]))
    for index, (what, unit) in enumerate((("ready", "s"), ("peak RSS", "MiB"))):
        before = [run[index] for run in runs["before"]]
        after = [run[index] for run in runs["after"]]
        ratios = [a / b for a, b in zip(after, before, strict=True)]
        print(
            f"{what}: before {statistics.median(before):.3f} {unit}, "
            f"after {statistics.median(after):.3f} {unit}; after/before "
            f"{statistics.median(ratios):.3f} ({min(ratios):.3f}–{max(ratios):.3f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
