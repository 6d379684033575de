"""Benchmark of the range's cost (issue 21), run on demand (not collected by pytest).

Each row is a ratio against a baseline measured in the same run (best of several repeats):

1. ``compare(a, b)`` with its range against the same comparison with the range switched
   off (the bounds computation replaced by the point estimate), for the bracketed
   Istanbul draft against the 28-point plan, and for Russia's against Ukraine's position
   of 15 June 2026 (readings and reports): target at most 3×;
2. ``matrix_range()`` against ``matrix()`` over the same documents (the bundled corpus,
   and copies of it): target at most 3×.

    python tests/benchmark_range.py [--repeat R] [--documents N]
"""

from __future__ import annotations

import argparse
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import negotiation as ng
from negotiation.analysis import verdicts
from negotiation.analysis.matrix_range import matrix_range


def best(fn: Callable[[], object], repeat: int, number: int) -> float:
    fn()
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def without_range(fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` run with the range off: no issue ranges, bounds equal to nothing."""
    def run() -> object:
        saved = verdicts.issue_range, verdicts.convergence_bounds
        verdicts.issue_range = lambda *a, **k: None  # type: ignore[assignment]
        verdicts.convergence_bounds = lambda ranges: (float("nan"), float("nan"))  # type: ignore[assignment]
        try:
            return fn()
        finally:
            verdicts.issue_range, verdicts.convergence_bounds = saved
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--documents", type=int, default=2000, help="documents in the larger matrix (copies)")
    args = parser.parse_args()
    c = ng.load()
    pairs = {
        "istanbul-draft vs us-28-point": (c["istanbul-draft-2022-04"], c["us-28-point-2025-11"]),
        "RU@2026-06-15 vs UA@2026-06-15": (c.position("RU", "2026-06-15"), c.position("UA", "2026-06-15")),
    }
    print(f"{'measure':<44} {'with':>10} {'without':>10} {'ratio':>7}  target")
    for name, (a, b) in pairs.items():
        def with_range(a: ng.Document = a, b: ng.Document = b) -> object:
            return ng.compare(a, b)
        t1 = best(with_range, args.repeat, 200)
        t0 = best(without_range(with_range), args.repeat, 200)
        print(f"{'compare ' + name:<44} {t1 * 1e6:>8.0f}µs {t0 * 1e6:>8.0f}µs {t1 / t0:>6.2f}×  ≤ 3×")
    from generated_corpus import copies

    for label, corpus in (("bundled corpus", c), (f"{args.documents} documents", copies(c, args.documents))):
        n = len(list(corpus))
        t1 = best(lambda corpus=corpus: matrix_range(corpus), args.repeat, 3 if n > 100 else 20)
        t0 = best(lambda corpus=corpus: ng.matrix(corpus), args.repeat, 3 if n > 100 else 20)
        print(f"{f'matrix_range vs matrix, {label} ({n})':<44} {t1 * 1e3:>8.1f}ms {t0 * 1e3:>8.1f}ms "
              f"{t1 / t0:>6.2f}×  ≤ 3×")


if __name__ == "__main__":
    main()
