"""Benchmark, run on demand (not collected by pytest): packages scored on encoded arrays vs one by one.

The baseline is the obvious way: apply each package to both positions with
:func:`negotiation.scenario` and score it with :func:`negotiation.compare`. The candidate is
what :func:`negotiation.search` does: look every package up in the per-issue move tables, in
numpy batches. Both score the same random packages of the RU vs UA (24 February 2026) space,
and the run checks they agree before reporting packages per second and the ratio, measured in
the same run so that the figure holds on a shared, noisy machine.

    python tests/benchmark_search.py [--packages N] [--batch B]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import negotiation as ng
from negotiation.analysis.search import _Tables, allocations, build_space, evaluate_one_by_one


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", type=int, default=300, help="packages scored one by one (default 300)")
    parser.add_argument("--batch", type=int, default=1_000_000, help="packages scored in numpy (default 1,000,000)")
    parser.add_argument("--max-steps", type=int, default=3)
    args = parser.parse_args()

    corpus = ng.load()
    a, b = corpus.position("RU", "2026-02-24"), corpus.position("UA", "2026-02-24")
    tax = corpus.taxonomy
    start = time.perf_counter()
    spaces, constant, total = build_space(a, b, tax)
    tables = _Tables.of(spaces)
    setup = time.perf_counter() - start

    rng = np.random.default_rng(0)
    alloc_a = allocations(tables.cap_a, args.max_steps)
    alloc_b = allocations(tables.cap_b, args.max_steps)
    pick_a = rng.integers(0, len(alloc_a), args.batch)
    pick_b = rng.integers(0, len(alloc_b), args.batch)
    ka, kb = alloc_a[pick_a], alloc_b[pick_b]
    valid = ~np.isnan(tables.weighted_distance(ka, kb))
    ka, kb = ka[valid], kb[valid]

    start = time.perf_counter()
    fast = 1.0 - (tables.weighted_distance(ka, kb) + constant) / total
    tables.concession(ka, "a")
    tables.concession(kb, "b")
    fast_time = time.perf_counter() - start
    fast_rate = len(ka) / fast_time

    packages = []
    for i in range(args.packages):
        edits_a = [spaces[m].a[int(k)].edit for m, k in enumerate(ka[i]) if k]
        edits_b = [spaces[m].b[int(k)].edit for m, k in enumerate(kb[i]) if k]
        packages.append((edits_a, edits_b))
    start = time.perf_counter()
    slow = evaluate_one_by_one(a, b, packages, tax)
    slow_time = time.perf_counter() - start
    slow_rate = args.packages / slow_time

    agree = np.allclose(slow, fast[: args.packages], atol=1e-12)
    print(f"space: {len(spaces)} movable issues, {len(alloc_a):,} × {len(alloc_b):,} allocations "
          f"(≤{args.max_steps} steps a side); move tables built in {setup * 1000:.0f} ms")
    print(f"one by one (scenario + compare): {args.packages:,} packages in {slow_time:.2f} s "
          f"= {slow_rate:,.0f} packages/s")
    print(f"encoded arrays (numpy batch):    {len(ka):,} packages in {fast_time:.2f} s "
          f"= {fast_rate:,.0f} packages/s")
    print(f"ratio: {fast_rate / slow_rate:,.0f}× (same run); results agree: {agree}")
    if not agree:
        raise SystemExit("the two ways disagree")


if __name__ == "__main__":
    main()
