"""Benchmarks of the speed targets, run on demand (not collected by pytest).

Every row is a ratio against a baseline measured in the same run, so the figures hold on
a shared, noisy machine (times are the best of several repeats):

1. ``compare()`` of two bundled documents against ``DeepDiff(a, b, ignore_order=True)`` on
   the same two documents' stances as plain data (target: at least 30× faster);
2. ``compare(...).to_frame()`` against ``compare(...)`` (target: at most 2×), with, for
   context, the same frame against pandas' own ``DataFrame`` constructor on the same
   records (the floor any frame of these columns pays);
3. the command ``negotiation compare A B``, whole process, against the import floor
   ``python -c "import negotiation"`` (interpreter start-up plus the package's lazy import,
   which every command pays; target: at most 1.5×), with, for context, the same against
   ``python -c "import pydantic, yaml"`` (what reading a corpus must import: the floor of
   earlier rounds); the second run of a corpus reads its snapshot
   (:mod:`negotiation.cli.snapshot`), as every run after the first does, ranges included.
   ``tests/benchmark_cache.py`` pairs the runs and prints more pairs and languages;
4. ``ng.load()`` of the bundled corpus in a fresh process, import excluded, from the cache
   (target: at most 0.05 s; the uncached load is shown beside it);
5. ``matrix()`` over 1,995 documents against the bare float32 blocked numpy kernel of the
   same shape (target: at most 1.5×);
6. the same matrix against ``compare()`` looped over every pair (measured on a sample of
   pairs and scaled to all of them; target: at least 300× faster).

Needs the ``[bench]`` extra (DeepDiff). On machines where OPENBLAS_CORETYPE is pinned,
run it as ``env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python tests/benchmark_speed.py``
to measure the numpy kernels a current OpenBLAS picks (the kernel in use is printed).

    python tests/benchmark_speed.py [--repeat R] [--documents N]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

import negotiation as ng
from negotiation.analysis.encoding import Encoding

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated_corpus import copies

A, B = "istanbul-draft-2022-04", "us-28-point-2025-11"


def best(func: Callable[[], Any], number: int, repeat: int) -> float:
    """Seconds per call: the best of ``repeat`` runs of ``number`` calls."""
    func()
    return min(timeit.repeat(func, number=number, repeat=repeat)) / number


def process(args: list[str], repeat: int, env: dict[str, str] | None = None) -> float:
    """Best wall time of a whole process."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def fresh_load(repeat: int, env: dict[str, str]) -> float:
    """Best time of ``ng.load()`` in a fresh process, import excluded.

    ``import negotiation`` is lazy, so ``ng.load`` is looked up (importing the loader and
    the models) before the clock starts.
    """
    code = ("import time, negotiation as ng; load = ng.load; t = time.perf_counter(); load(); "
            "print(time.perf_counter() - t)")
    out = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                env=env).stdout) for _ in range(repeat)]
    return min(out)


def corpus_of(n: int) -> ng.Corpus:
    """The bundled documents repeated under new ids until there are ``n``."""
    return copies(ng.load(), n)


def bare_kernel(lo: np.ndarray, hi: np.ndarray, s: np.ndarray, w: np.ndarray, block: int = 128) -> np.ndarray:
    """The issue's reference kernel: float32, 128 rows at a time, ordered issues only."""
    n = len(lo)
    out = np.empty((n, n), np.float32)
    for start in range(0, n, block):
        i = slice(start, min(n, start + block))
        lo_i, hi_i, s_i = lo[i], hi[i], s[i]
        gap = np.maximum(0, np.maximum(lo_i[:, None, :] - hi[None], lo[None] - hi_i[:, None]))
        den = (s_i * w) @ s.T
        num = den - np.einsum("ijk,ijk,k->ij", gap, s_i[:, None, :] * s[None], w)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[i] = num / den
    return out


def blas() -> str:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "BLAS kernel unknown (pip install threadpoolctl to see it)"
    return ", ".join(f"{i['internal_api']} {i.get('architecture')} ×{i['num_threads']}" for i in threadpool_info())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--documents", type=int, default=1995)
    args = parser.parse_args()
    from deepdiff import DeepDiff

    rows: list[tuple[str, str, float, float, str, bool | None]] = []
    floor: list[tuple[str, str, float, float, str, bool | None]] = []

    def row(what: str, baseline: float, candidate: float, *, faster: float | None = None,
            at_most: float | None = None) -> None:
        if faster is not None:
            ratio, target, met = baseline / candidate, f"≥ {faster:g}× faster", baseline / candidate >= faster
        else:
            assert at_most is not None
            ratio, target, met = candidate / baseline, f"≤ {at_most:g}×", candidate / baseline <= at_most
        rows.append((what, f"{baseline * 1e3:.3f} ms → {candidate * 1e3:.3f} ms", ratio, 0.0, target, met))

    corpus = ng.load()
    a, b = corpus[A], corpus[B]
    sa, sb = a.model_dump(mode="json")["stances"], b.model_dump(mode="json")["stances"]
    t_cmp = best(lambda: ng.compare(a, b), 200, args.repeat)
    t_dd = best(lambda: DeepDiff(sa, sb, ignore_order=True), 10, args.repeat)
    row("compare() vs DeepDiff(stances, ignore_order=True)", t_dd, t_cmp, faster=30)
    t_frame = best(lambda: ng.compare(a, b).to_frame(), 50, args.repeat)
    row("compare().to_frame() vs compare()", t_cmp, t_frame, at_most=2)
    import pandas as pd

    from negotiation.render.report import FRAME_COLUMNS, comparison_rows

    records = comparison_rows(ng.compare(a, b))
    columns = {k: [r[k] for r in records] for k in FRAME_COLUMNS}
    t_floor = best(lambda: pd.DataFrame(columns), 50, args.repeat)
    floor.append(("  (context) compare().to_frame() vs pandas' DataFrame(dict of lists) of the same records",
                  f"{t_floor * 1e3:.3f} ms → {t_frame * 1e3:.3f} ms", t_frame / t_floor, 0.0, "—", None))

    rows.extend(floor)
    exe = Path(sys.executable).with_name("negotiation")
    cli = [str(exe)] if exe.exists() else [sys.executable, "-m", "negotiation"]
    # Byte-code is written and read, as for an installed package (pip compiles it): an
    # editable install under PYTHONDONTWRITEBYTECODE would compile the package every run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([*cli, "compare", A, B], check=True, stdout=subprocess.DEVNULL, env=env)  # warm the caches
    t_floor_import = process([sys.executable, "-c", "import negotiation"], args.repeat, env)
    t_base = process([sys.executable, "-c", "import pydantic, yaml"], args.repeat, env)
    t_cli = process([*cli, "compare", A, B], args.repeat, env)
    row("`negotiation compare A B` process vs `python -c 'import negotiation'`", t_floor_import, t_cli, at_most=1.5)
    rows.append(("  (context) the same vs `python -c 'import pydantic, yaml'`",
                 f"{t_base * 1e3:.3f} ms → {t_cli * 1e3:.3f} ms", t_cli / t_base, 0.0, "—", None))

    t_load = fresh_load(args.repeat, env)
    t_uncached = fresh_load(args.repeat, {**env, "NEGOTIATION_NO_CACHE": "1"})
    rows.append(("ng.load() in a fresh process, import excluded (cached vs uncached)",
                 f"{t_uncached * 1e3:.1f} ms → {t_load * 1e3:.1f} ms", t_load, 0.0, "≤ 0.05 s", t_load <= 0.05))

    big = corpus_of(args.documents)
    docs = list(big)
    enc = Encoding.of(docs, big.taxonomy)
    lo = np.nan_to_num(enc.lo).astype(np.float32)
    hi = np.nan_to_num(enc.hi).astype(np.float32)
    s = enc.stated.astype(np.float32)
    w = enc.weights.astype(np.float32)
    t_bare = best(lambda: bare_kernel(lo, hi, s, w), 1, args.repeat)
    t_matrix = best(lambda: big.matrix(), 1, args.repeat)
    row(f"matrix() {len(docs)} docs × {len(enc.issues)} issues vs bare float32 kernel", t_bare, t_matrix, at_most=1.5)

    rng = random.Random(0)
    pairs = [(rng.choice(docs), rng.choice(docs)) for _ in range(20_000)]
    t_pair = best(lambda: [ng.compare(x, y, taxonomy=big.taxonomy) for x, y in pairs], 1, 3) / len(pairs)
    t_loop = t_pair * len(docs) ** 2
    row(f"matrix() vs compare() looped over all {len(docs) ** 2:,} pairs (from 20,000 sampled)",
        t_loop, t_matrix, faster=300)

    print(f"negotiation {ng.__version__}, numpy {np.__version__}, {blas()}, "
          f"OPENBLAS_CORETYPE={os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")
    width = max(len(r[0]) for r in rows)
    for what, times, ratio, _, target, met in rows:
        shown = f"{ratio:.3f} s" if target.startswith("≤ 0.05") else f"{ratio:.1f}×"
        verdict = "" if met is None else "met" if met else "NOT MET"
        print(f"{what:<{width}}  {times:>26}  {shown:>9}  target {target:<14} {verdict}")


if __name__ == "__main__":
    main()
