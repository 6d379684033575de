"""Benchmark of the command line's start-up and the cache, run on demand (not collected by pytest).

Prints ratios and medians measured in the same run, so the figures hold on a shared,
noisy machine. Each command and its baseline run in turn (A B A B …) and the ratio is taken
pair by pair, on CPU time (user + system of the child: what the machine's load moves least)
and on wall time:

1. ``negotiation compare A B`` (whole process, the snapshot already stored, so it runs from
   :mod:`negotiation.cli.snapshot`) against **the import floor**, ``python -c "import
   negotiation"``: the interpreter's start-up plus the package's own (lazy) import, which
   every command pays before it can do anything (target: at most 1.5×). For each pair of
   :data:`PAIRS` (a bracketed draft against a plan, the README's headline pair; a reported
   document; two documents with no range) in English and Arabic;
2. for context, the same command against ``python -c "import pydantic, yaml"`` (what the
   full path must import to read a corpus: the floor earlier benchmarks used) and against
   ``python -c pass``; and the floor of the fast path's own imports (``import`` of the
   modules it runs, nothing done): what no change to the fast path's work can go below;
3. a warm load of the bundled corpus in a fresh process, imports excluded: the content
   key, the secret, the MAC check and the unpickling (target: at most 15 ms, aim 5 ms).

Commands run in an empty folder (so the bundled corpus is read, as for a user) with
byte-code written and read, as for an installed package: under
``PYTHONDONTWRITEBYTECODE`` an editable install compiles every module on every run, which
would triple the figures.

    python tests/benchmark_cache.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

PAIRS = [
    ("istanbul-draft-2022-04", "us-28-point-2025-11"),  # brackets: a range and what it hinges on
    ("us-20-point-2025-12", "ru-memorandum-2025-06"),  # a reported document
    ("istanbul-communique-2022-03", "ua-peace-formula-2022-11"),  # no range
]
FLOOR = "import negotiation"
FAST_IMPORTS = ("import negotiation.cli.main, negotiation.cli.snapshot, negotiation.cli.options, "
                "negotiation.corpus.cache, negotiation.corpus.locate")
"""The modules the fast path runs (75 beyond the floor's), imported and nothing done."""

WARM = """
import time
import negotiation.model.models
from negotiation.corpus import cache
from negotiation.corpus.loader import _load, bundled_path
folder = bundled_path()
start = time.perf_counter()
corpus = cache.cached(folder, _load)
print(time.perf_counter() - start)
"""


def _run(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """(CPU seconds of the child, wall seconds) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def paired(a: list[str], b: list[str], runs: int, env: dict[str, str], cwd: str) -> dict[str, float]:
    """Medians of A and B and of the ratio A/B pair by pair, CPU and wall, after one warm-up each."""
    _run(a, env, cwd), _run(b, env, cwd)
    cpu_a, cpu_b, wall_a, wall_b, cpu_r, wall_r = [], [], [], [], [], []
    for _ in range(runs):
        (ca, wa), (cb, wb) = _run(a, env, cwd), _run(b, env, cwd)
        cpu_a.append(ca), cpu_b.append(cb), wall_a.append(wa), wall_b.append(wb)
        cpu_r.append(ca / cb if cb else float("nan")), wall_r.append(wa / wb)
    med = statistics.median
    return {"cpu_a": med(cpu_a), "cpu_b": med(cpu_b), "wall_a": med(wall_a), "wall_b": med(wall_b),
            "cpu_ratio": med(cpu_r), "wall_ratio": med(wall_r)}


def _line(what: str, m: dict[str, float], target: str = "") -> str:
    return (f"{what:<58} cpu {m['cpu_b'] * 1e3:5.0f} → {m['cpu_a'] * 1e3:5.0f} ms {m['cpu_ratio']:5.2f}×   "
            f"wall {m['wall_b'] * 1e3:5.0f} → {m['wall_a'] * 1e3:5.0f} ms {m['wall_ratio']:5.2f}×  {target}")


def main() -> None:
    """Print the figures with their targets."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="negotiation-bench-") as tmp:
        cache, cwd = os.path.join(tmp, "cache"), os.path.join(tmp, "work")
        os.mkdir(cwd)
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONDONTWRITEBYTECODE", "NEGOTIATION_NO_CACHE", "NEGOTIATION_CORPUS", "COLUMNS")}
        env["NEGOTIATION_CACHE_DIR"] = cache
        floor = [py, "-c", FLOOR]
        print("baseline → command, medians of the runs and of the ratio pair by pair "
              f"({args.runs} pairs each, after a warm-up)")
        for a, b in PAIRS:
            for lang in ("en", "ar"):
                command = [py, "-m", "negotiation", "compare", a, b, "--lang", lang]
                subprocess.run(command, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL)  # stores the snapshot
                print(_line(f"compare {a} {b} --lang {lang} vs `{FLOOR}`", paired(command, floor, args.runs, env, cwd),
                            "target ≤ 1.5×"))
        command = [py, "-m", "negotiation", "compare", *PAIRS[0]]
        print(_line("  (context) the same vs `import pydantic, yaml`",
                    paired(command, [py, "-c", "import pydantic, yaml"], args.runs, env, cwd)))
        print(_line(f"  (context) `{FLOOR}` vs `python -c pass`",
                    paired(floor, [py, "-c", "pass"], args.runs, env, cwd)))
        print(_line("  (context) the fast path's imports alone vs the floor",
                    paired([py, "-c", FAST_IMPORTS], floor, args.runs, env, cwd)))
        warm = sorted(float(subprocess.run([py, "-c", WARM], env=env, cwd=cwd, check=True,
                                           capture_output=True, text=True).stdout) for _ in range(args.runs))
        print(f"warm corpus load: median {statistics.median(warm) * 1000:.1f} ms, "
              f"min {warm[0] * 1000:.1f} ms (target <= 15 ms, aim 5 ms)")


if __name__ == "__main__":
    main()
