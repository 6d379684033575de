"""Benchmark, run on demand (not collected by pytest): the numpy matrix against pairwise compare().

Reports ratios against a baseline measured in the same run, so the figures hold on a shared,
noisy machine: the baseline is the pure-Python way (``compare()`` on every pair), the
candidate is :func:`negotiation.analysis.matrix` on the documents × issues encoding. Also the peak
memory of each, traced with tracemalloc.

    python tests/benchmark_matrix.py [--copies N] [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc

import numpy as np

import negotiation as ng


def corpus_of(copies: int) -> ng.Corpus:
    """The bundled corpus with every document repeated ``copies`` times under new ids."""
    base = ng.load()
    docs = [d.model_copy(update={"id": f"{d.id}-{k}"}) for k in range(copies) for d in base]
    return ng.Corpus.of(base.taxonomy, docs)


def pairwise_baseline(corpus: ng.Corpus) -> np.ndarray:
    docs = list(corpus)
    out = np.empty((len(docs), len(docs)))
    for i, a in enumerate(docs):
        for j, b in enumerate(docs):
            out[i, j] = ng.compare(a, b, taxonomy=corpus.taxonomy).summary.convergence
    return out


def timed(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def peak_memory(func) -> int:
    tracemalloc.start()
    func()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4, help="corpus copies (documents = 35 × copies)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = corpus_of(args.copies)
    n = len(corpus)
    t_base, base = timed(lambda: pairwise_baseline(corpus), args.repeat)
    t_new, new = timed(lambda: corpus.matrix().to_numpy(), args.repeat)
    assert np.allclose(base, new, equal_nan=True), "the encoding disagrees with compare()"
    m_base = peak_memory(lambda: pairwise_baseline(corpus))
    m_new = peak_memory(lambda: corpus.matrix())
    print(f"{n} documents, {n * n} pairs, {len(corpus.taxonomy.issues)} issues")
    print(f"baseline pairwise compare(): {t_base:.3f} s, peak {m_base / 1e6:.1f} MB")
    print(f"numpy matrix():              {t_new:.3f} s, peak {m_new / 1e6:.1f} MB")
    print(f"speed-up: {t_base / t_new:.1f}x; memory ratio (matrix/baseline): {m_new / m_base:.2f}")


if __name__ == "__main__":
    main()
