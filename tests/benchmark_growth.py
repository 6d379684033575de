"""Benchmark, run on demand (not collected by pytest): load, position and trajectory as a corpus grows.

For 100, 1,000 and 10,000 generated document files (see ``generated_corpus.py``), each
measured in a fresh process: ``ng.load(folder)`` without and with the cache,
``corpus.position("RU")`` and ``corpus.trajectory("RU", "UA")``. Time per document
stays flat when the work is linear in documents.

    python tests/benchmark_growth.py [--sizes 100 1000 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated_corpus import write_folder

PROBE = """
import json, resource, sys, time
import negotiation as ng
folder = sys.argv[1]
t = time.perf_counter(); corpus = ng.load(folder); t_load = time.perf_counter() - t
t = time.perf_counter(); corpus.position("RU"); t_position = time.perf_counter() - t
t = time.perf_counter(); corpus.trajectory("RU", "UA"); t_trajectory = time.perf_counter() - t
print(json.dumps({"load": t_load, "position": t_position, "trajectory": t_trajectory,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def probe(folder: Path, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(folder)], check=True, capture_output=True,
                         text=True, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="negotiation-bench-cache-")
    env = {**os.environ, "NEGOTIATION_CACHE_DIR": cache}
    print(f"{'documents':>9}  {'load (no cache)':>16}  {'load (cached)':>14}  {'position':>10}  "
          f"{'trajectory':>11}  {'µs/doc load':>11}  {'µs/doc traj':>11}  {'peak MB':>8}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = write_folder(n, Path(tmp) / "corpus")
            cold = probe(folder, {**env, "NEGOTIATION_NO_CACHE": "1"})
            probe(folder, env)  # writes the cache
            warm = probe(folder, env)
        print(f"{n:>9}  {cold['load']:>14.3f} s  {warm['load']:>12.3f} s  {warm['position']:>8.3f} s  "
              f"{warm['trajectory']:>9.3f} s  {cold['load'] / n * 1e6:>11.0f}  {warm['trajectory'] / n * 1e6:>11.0f}"
              f"  {cold['peak_mb']:>8.0f}")


if __name__ == "__main__":
    main()
