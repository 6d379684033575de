"""Many documents at once: a documents × issues array encoding and pairwise convergence.

``compare()`` on two documents stays pure Python. Matrices, trajectories and scenario
searches multiply comparisons, so :class:`Encoding` turns documents into arrays once:
for every issue on an ordered scale, the interval each document's stance covers between the
low pole (0) and the high pole (1), and a mask of what is stated. The gap between intervals
is then computed for all pairs with numpy. Set-scale issues (few) are measured with the
same Jaccard rule as :mod:`negotiation.scales`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from negotiation.models import Corpus, Document, Taxonomy
from negotiation.scales import SetScale

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

    def distances(self) -> np.ndarray:
        """A documents × documents × issues array of distances (NaN where not both stated)."""
        gap = np.maximum(0.0, np.maximum(
            self.lo[None, :, :] - self.hi[:, None, :],
            self.lo[:, None, :] - self.hi[None, :, :],
        ))
        both = self.stated[:, None, :] & self.stated[None, :, :]
        for issue_id, spans in self.sets.items():
            k = self.issues.index(issue_id)
            for i, a in enumerate(spans):
                for j, b in enumerate(spans):
                    if a is not None and b is not None:
                        gap[i, j, k] = min(SetScale.jaccard(x, y) for x in a for y in b)
        return np.where(both, np.minimum(gap, 1.0), np.nan)

    def convergence(self) -> np.ndarray:
        """Pairwise convergence index: 1 - weighted mean distance over issues both state."""
        d = self.distances()
        both = ~np.isnan(d)
        w = np.where(both, self.weights[None, None, :], 0.0)
        total = w.sum(axis=2)
        weighted = np.where(both, d, 0.0).__mul__(w).sum(axis=2)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total > 0, 1.0 - weighted / total, np.nan)


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
