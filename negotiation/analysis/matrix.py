"""Many documents at once: a documents × issues array encoding and pairwise convergence.

``compare()`` on two documents stays pure Python. Matrices, trajectories and scenario
searches multiply comparisons, so :class:`Encoding` turns documents into arrays once:
for every issue on an ordered scale, the interval each document's stance covers between the
low pole (0) and the high pole (1), and a mask of what is stated. The gap between intervals
is then computed for all pairs with numpy. Set-scale issues (few) are measured with the
same Jaccard rule as :mod:`negotiation.model.scales`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from negotiation.model.models import Corpus, Document, Taxonomy
from negotiation.model.scales import SetScale

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Encoding:
    """Documents × issues arrays of normalized positions.

    ``lo``/``hi`` hold each stated stance's interval on [0, 1] (low pole to high pole),
    ``stated`` is True where a document states the issue (not silent, not deferred),
    ``weights`` holds the issue weights. Set-scale issues keep their member spans in
    ``sets`` and are NaN in ``lo``/``hi``.
    """

    ids: tuple[str, ...]
    issues: tuple[str, ...]
    lo: np.ndarray
    hi: np.ndarray
    stated: np.ndarray
    weights: np.ndarray
    sets: Mapping[str, tuple[tuple[frozenset[str], ...] | None, ...]]

    @classmethod
    def of(cls, documents: Sequence[Document], taxonomy: Taxonomy,
           weights: Mapping[str, float] | None = None) -> Encoding:
        """Encode documents on a taxonomy (issue weights optionally overridden)."""
        issues = tuple(taxonomy.issues)
        n, m = len(documents), len(issues)
        lo = np.full((n, m), np.nan)
        hi = np.full((n, m), np.nan)
        stated = np.zeros((n, m), dtype=bool)
        sets: dict[str, list[tuple[frozenset[str], ...] | None]] = {}
        for k, issue_id in enumerate(issues):
            scale = taxonomy.issues[issue_id].scale
            is_set = isinstance(scale, SetScale)
            if is_set:
                sets[issue_id] = [None] * n
            for i, doc in enumerate(documents):
                st = doc.stances.get(issue_id)
                if st is None or not st.stated:
                    continue
                stated[i, k] = True
                span = st.span(scale)
                if is_set:
                    sets[issue_id][i] = span.members
                else:
                    ends = scale.pole_position(span)
                    assert ends is not None
                    lo[i, k], hi[i, k] = ends
        w = np.array([
            (weights or {}).get(i, taxonomy.issues[i].weight) for i in issues
        ], dtype=float)
        return cls(
            ids=tuple(d.id for d in documents),
            issues=issues,
            lo=lo,
            hi=hi,
            stated=stated,
            weights=w,
            sets={k: tuple(v) for k, v in sets.items()},
        )

    def distances(self, rows: slice | None = None) -> np.ndarray:
        """Distances between documents, issue by issue: ``rows`` × documents × issues.

        NaN where the two do not both state the issue. ``rows`` picks a block of documents
        for the first axis (default: all), which bounds memory on large corpora.
        """
        rows = rows or slice(0, len(self.ids))
        lo, hi = self.lo[rows], self.hi[rows]
        gap = np.maximum(0.0, np.maximum(lo[:, None, :] - self.hi[None, :, :],
                                         self.lo[None, :, :] - hi[:, None, :]))
        both = self.stated[rows][:, None, :] & self.stated[None, :, :]
        for issue_id, spans in self.sets.items():
            gap[:, :, self.issues.index(issue_id)] = self._set_distances(issue_id, spans)[rows]
        return np.where(both, np.minimum(gap, 1.0), np.nan)

    def _set_distances(self, issue_id: str, spans: tuple[tuple[frozenset[str], ...] | None, ...]) -> np.ndarray:
        cache = self.__dict__.setdefault("_set_cache", {})
        if issue_id not in cache:
            cache[issue_id] = _jaccard_matrix(spans)
        result: np.ndarray = cache[issue_id]
        return result

    def convergence(self, block: int = 64) -> np.ndarray:
        """Pairwise convergence index: 1 - weighted mean distance over issues both state.

        Computed ``block`` rows at a time, so memory grows with documents × block × issues.
        """
        n = len(self.ids)
        out = np.full((n, n), np.nan)
        for start in range(0, n, block):
            rows = slice(start, min(n, start + block))
            d = self.distances(rows)
            both = ~np.isnan(d)
            w = np.where(both, self.weights[None, None, :], 0.0)
            total = w.sum(axis=2)
            weighted = (np.where(both, d, 0.0) * w).sum(axis=2)
            with np.errstate(invalid="ignore", divide="ignore"):
                out[rows] = np.where(total > 0, 1.0 - weighted / total, np.nan)
        return out


def _jaccard_matrix(spans: tuple[tuple[frozenset[str], ...] | None, ...]) -> np.ndarray:
    """Pairwise set distances: Jaccard on member bitmaps; min over alternatives for brackets."""
    n = len(spans)
    out = np.full((n, n), np.nan)
    vocab = sorted({m for span in spans if span for s in span for m in s})
    index = {m: v for v, m in enumerate(vocab)}
    single = [i for i, span in enumerate(spans) if span is not None and len(span) == 1]
    bits = np.zeros((n, max(len(vocab), 1)), dtype=bool)
    for i in single:
        for m in spans[i][0]:  # type: ignore[index]
            bits[i, index[m]] = True
    b = bits[single]
    inter = (b[:, None, :] & b[None, :, :]).sum(axis=2)
    union = (b[:, None, :] | b[None, :, :]).sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        sub = np.where(union > 0, 1.0 - inter / union, 0.0)
    out[np.ix_(single, single)] = sub
    for i, a in enumerate(spans):  # brackets: the few documents with several member sets
        if a is None or len(a) == 1:
            continue
        for j, other in enumerate(spans):
            if other is not None:
                d = min(SetScale.jaccard(x, y) for x in a for y in other)
                out[i, j] = out[j, i] = d
    return out


def _documents(corpus: Corpus, documents: Iterable[str | Document] | None) -> list[Document]:
    if documents is None:
        return list(corpus)
    return [corpus.resolve(d) for d in documents]


def matrix(
    corpus: Corpus,
    documents: Iterable[str | Document] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Pairwise convergence of documents as a square DataFrame (1 on the diagonal).

    ``documents`` are ids, ``PARTY@DATE`` positions or Document objects; by default every
    document of the corpus in date order. A pair that states no issue in common is NaN
    (a document that states nothing is NaN even against itself).
    """
    import pandas as pd

    docs = _documents(corpus, documents)
    enc = Encoding.of(docs, corpus.taxonomy, weights)
    values = enc.convergence()
    # Exact symmetry and a clean diagonal, whatever floating point did.
    values = (values + values.T) / 2
    for i in range(len(docs)):
        if not math.isnan(values[i, i]):
            values[i, i] = 1.0
    return pd.DataFrame(values, index=list(enc.ids), columns=list(enc.ids))
