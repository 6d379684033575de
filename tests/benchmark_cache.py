"""Benchmark of the cache's speed targets, run on demand (not collected by pytest).

Prints ratios and medians measured in the same run, so the figures hold on a shared,
noisy machine:

1. the command ``negotiation compare A B`` (whole process, second run on the corpus, so
   it reads the authenticated snapshot) against the import floor
   ``python -c "import negotiation"`` (target: at most 1.5×), runs interleaved A B A B and
   the ratio taken pair by pair;
2. a warm load of the bundled corpus in a fresh process, imports excluded: the content
   key, the secret, the MAC check and the unpickling (target: at most 15 ms, aim 5 ms).

    python tests/benchmark_cache.py [--runs N] [--a ID --b ID]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

A, B = "istanbul-communique-2022-03", "ua-peace-formula-2022-11"
"""Two bundled documents the snapshot answers (no bracket, reading or reported stance)."""

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


def _wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    """Print the two figures with their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--a", default=A)
    parser.add_argument("--b", default=B)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="negotiation-bench-") as tmp:
        env = {**os.environ, "NEGOTIATION_CACHE_DIR": tmp}
        env.pop("NEGOTIATION_NO_CACHE", None)
        command = [sys.executable, "-m", "negotiation", "compare", args.a, args.b]
        floor = [sys.executable, "-c", "import negotiation"]
        _wall(command, env)  # the first run builds the cache and the snapshot
        ratios, commands, floors = [], [], []
        for _ in range(args.runs):
            c, f = _wall(command, env), _wall(floor, env)
            commands.append(c)
            floors.append(f)
            ratios.append(c / f)
        print(f"compare {args.a} {args.b}: median {statistics.median(commands) * 1000:.0f} ms, "
              f"import floor {statistics.median(floors) * 1000:.0f} ms, "
              f"ratio median {statistics.median(ratios):.2f}x (min {min(ratios):.2f}x; target <= 1.5x)")
        warm = sorted(float(subprocess.run([sys.executable, "-c", WARM], env=env, check=True,
                                           capture_output=True, text=True).stdout) for _ in range(args.runs))
        print(f"warm corpus load: median {statistics.median(warm) * 1000:.1f} ms, "
              f"min {warm[0] * 1000:.1f} ms (target <= 15 ms, aim 5 ms)")


if __name__ == "__main__":
    main()
