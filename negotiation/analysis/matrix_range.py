"""Many documents at once, with the range the data allows: the ``low``/``high`` of every pair.

:func:`matrix_range` gives what ``compare(a, b).summary`` gives for one pair — the point
estimate and its ``low``/``high`` — for every pair of documents, as three DataFrames. The
point estimate is :func:`~negotiation.analysis.matrix.matrix`'s kernel. The bounds differ
from it only for pairs where one document is uncertain (a bracket, a ``reported`` status,
readings kept below a confidence floor), so only those rows are computed, in numpy:

- each issue's distance is an interval: its smallest value is the gap (the point
  estimate's distance); its largest is the far end of the brackets (``max(hi_j - lo_i,
  hi_i - lo_j)`` on ordered issues, the largest Jaccard distance between alternatives on
  set issues), or the gap again when neither side is bracketed or both hold the same span;
- an issue both sides state is *fixed* in the index unless either stance is optional
  (its document is ``reported``): an optional issue may be left out;
- the highest index takes fixed issues at their smallest distance and adds optional ones,
  closest first, keeping the prefix with the smallest weighted mean (the optimum of a
  weighted mean over optional terms is always such a prefix); the lowest index mirrors it.

This is the exact bound :func:`~negotiation.analysis.verdicts.convergence_bounds` computes
for one pair; documents that carry readings (positions built under a confidence floor)
take that per-pair path, since a reading is a second candidate stance, not an interval.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from negotiation.analysis.encoding import Encoding, document_code, set_distances
from negotiation.analysis.matrix import _unit_diagonal, convergence, documents_of
from negotiation.analysis.results import ResultSummary, ResultViews
from negotiation.model.arguments import CORPUS, IDS, WEIGHTS, takes
from negotiation.model.lang import Lang
from negotiation.model.models import Corpus, Document

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = ["MatrixRange", "matrix_range"]

ROWS = 32
"""Uncertain rows per block: memory grows with ROWS × documents × issues."""


@dataclass(frozen=True)
class MatrixRangeSummary(ResultSummary):
    """A matrix range's ``summary``: documents, pairs with an index, and pairs whose range is not a point."""

    documents: int
    pairs: int
    """Pairs (above the diagonal) that state an issue in common."""
    uncertain: int


@dataclass(frozen=True)
class MatrixRange(ResultViews):
    """Pairwise convergence with its range: three documents × documents DataFrames.

    ``convergence`` is :func:`~negotiation.analysis.matrix.matrix` (the point estimate);
    ``low`` and ``high`` bound it over every resolution of the uncertainty the data records,
    as ``compare(a, b).summary.low``/``high`` do for one pair. NaN where a pair states no
    issue in common.
    """

    convergence: pd.DataFrame
    low: pd.DataFrame
    high: pd.DataFrame

    @property
    def summary(self) -> MatrixRangeSummary:
        """Documents, pairs with an index, and pairs whose range is not a point."""
        import numpy as np

        mid = self.convergence.to_numpy()
        i, j = np.triu_indices(len(mid), k=1)
        return MatrixRangeSummary(len(mid), int((~np.isnan(mid[i, j])).sum()), len(self.uncertain_pairs()))

    def to_frame(self, lang: Lang = "en") -> pd.DataFrame:
        """One row per pair above the diagonal: a, b, convergence, low, high (NaN: nothing in common)."""
        import numpy as np
        import pandas as pd

        ids = list(self.convergence.index)
        i, j = np.triu_indices(len(ids), k=1)
        frame: pd.DataFrame = pd.DataFrame({
            "a": [ids[k] for k in i], "b": [ids[k] for k in j],
            "convergence": self.convergence.to_numpy()[i, j], "low": self.low.to_numpy()[i, j],
            "high": self.high.to_numpy()[i, j],
        })
        return frame

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """``{"convergence": …, "low": …, "high": …}``, each ``{row id: {column id: value}}``."""
        return {name: getattr(self, name).to_dict(orient="index") for name in ("convergence", "low", "high")}

    def uncertain_pairs(self) -> pd.DataFrame:
        """One row per pair (above the diagonal) whose range is not a point: a, b, convergence, low, high."""
        import numpy as np
        import pandas as pd

        ids = list(self.convergence.index)
        lo, hi, mid = self.low.to_numpy(), self.high.to_numpy(), self.convergence.to_numpy()
        i, j = np.triu_indices(len(ids), k=1)
        wide = (hi[i, j] - lo[i, j]) > 1e-9
        i, j = i[wide], j[wide]
        return pd.DataFrame({
            "a": [ids[k] for k in i], "b": [ids[k] for k in j],
            "convergence": mid[i, j], "low": lo[i, j], "high": hi[i, j],
        })


@dataclass(frozen=True)
class _Flags:
    """Per document × issue: which stances are brackets and which may be left out."""

    bracketed: np.ndarray
    optional: np.ndarray
    uncertain: np.ndarray  # per document: any bracket or optional stance
    readings: np.ndarray  # per document: carries readings (per-pair path)


def _flags(documents: list[Document], enc: Encoding, corpus: Corpus) -> _Flags:
    import numpy as np

    n, m = enc.stated.shape
    bracketed = np.zeros((n, m), dtype=bool)
    optional = np.zeros((n, m), dtype=bool)
    readings = np.zeros(n, dtype=bool)
    for i, doc in enumerate(documents):
        code = document_code(doc, corpus.taxonomy)
        readings[i] = bool(code.readings)
        for k, sc in code.stances.items():
            if sc.readings:
                readings[i] = True
            if sc.stated:
                bracketed[i, k] = sc.bracketed
                optional[i, k] = sc.optional
    uncertain = (bracketed | optional).any(axis=1)
    return _Flags(bracketed, optional, uncertain, readings)


def _set_far(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Largest Jaccard distance between alternatives: rows × documents (``a``, ``b`` as in set_distances)."""
    import numpy as np

    from negotiation.analysis.encoding import _jaccard

    out = np.zeros((a.shape[0], b.shape[0]), dtype=np.float32)
    for x in range(a.shape[1]):
        for y in range(b.shape[1]):
            np.maximum(out, _jaccard(a[:, x], b[:, y], np.dtype(np.float32)), out=out)
    return out


def _bounds(d: np.ndarray, fixed: np.ndarray, optional: np.ndarray, w: np.ndarray, best: bool) -> np.ndarray:
    """The smallest (``best``) or largest weighted mean distance over the optional issues taken or left.

    ``d``, ``fixed``, ``optional``: rows × documents × issues; ``w``: issues. NaN where no
    issue can be in the index. The optimum takes exactly the optional issues closer than
    it (farther, for the largest), so it is found by Dinkelbach's iteration: start with
    every optional issue in, then keep those on the right side of the mean so far, until
    the set stops changing (a few rounds; each is a masked sum, no sort).
    """
    import numpy as np

    shape = d.shape[:-1]
    d = d.reshape(-1, d.shape[-1])
    optional = optional.reshape(d.shape)
    wd = w * d
    base_w = np.where(fixed.reshape(d.shape), w, 0.0).sum(axis=-1)
    base_d = np.where(fixed.reshape(d.shape), wd, 0.0).sum(axis=-1)
    has_fixed = base_w > 0
    has_optional = optional.any(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(has_fixed, base_d / base_w, np.nan)  # nothing optional: the fixed mean
    # Nothing fixed: the best mean over non-empty subsets is the single closest (farthest) issue.
    alone = np.flatnonzero(has_optional & ~has_fixed)
    if alone.size:
        picked = np.where(optional[alone], d[alone], np.inf if best else -np.inf)
        mean[alone] = picked.min(axis=-1) if best else picked.max(axis=-1)
    active = np.flatnonzero(has_optional & has_fixed)  # both: Dinkelbach's rounds, on these pairs only
    taken = optional[active]
    for _ in range(d.shape[-1] + 1):
        if not active.size:
            break
        total_w = base_w[active] + np.where(taken, w, 0.0).sum(axis=-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            m = (base_d[active] + np.where(taken, wd[active], 0.0).sum(axis=-1)) / total_w
        m[total_w <= 0] = np.nan
        mean[active] = m
        edge = np.where(np.isnan(m), np.inf if best else -np.inf, m)[:, None]
        da, oa = d[active], optional[active]
        now = oa & ((da < edge) if best else (da > edge))
        now |= taken & (da == edge)  # an issue at the mean's own distance changes nothing
        moving = (now != taken).any(axis=-1)
        active, taken = active[moving], now[moving]
    return mean.reshape(shape)


def _ends(enc: Encoding) -> tuple[np.ndarray, np.ndarray]:
    """Interval ends in float32, unstated as [0, 1] (made once per encoding; encodings are frozen)."""
    import numpy as np

    memo: tuple[np.ndarray, np.ndarray] | None = enc.__dict__.get("_range_ends")
    if memo is None:
        memo = (np.nan_to_num(enc.lo, nan=0.0).astype(np.float32), np.nan_to_num(enc.hi, nan=1.0).astype(np.float32))
        enc.__dict__["_range_ends"] = memo
    return memo


def _rows_range(enc: Encoding, flags: _Flags, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of ``rows`` against every document, vectorised over pairs and issues."""
    import numpy as np

    lo, hi = _ends(enc)
    lo_i, hi_i = lo[rows][:, None, :], hi[rows][:, None, :]
    lo_j, hi_j = lo[None, :, :], hi[None, :, :]
    gap = np.minimum(np.maximum(0.0, np.maximum(lo_i - hi_j, lo_j - hi_i)), 1.0)
    far = np.minimum(np.maximum(0.0, np.maximum(hi_j - lo_i, hi_i - lo_j)), 1.0)
    brk = flags.bracketed[rows][:, None, :] | flags.bracketed[None, :, :]
    same = (lo_i == lo_j) & (hi_i == hi_j)
    for p, k in enumerate(enc.set_columns):
        a, b = enc.masks[rows, p], enc.masks[:, p]
        gap[:, :, k] = set_distances(a, b, np.float32)
        far[:, :, k] = _set_far(a, b)
        same[:, :, k] = (a[:, None] == b[None, :]).all(axis=(2, 3))
    far = np.where(brk & ~same, far, gap)
    both = enc.stated[rows][:, None, :] & enc.stated[None, :, :]
    opt = flags.optional[rows][:, None, :] | flags.optional[None, :, :]
    fixed, optional = both & ~opt, both & opt
    w = enc.weights.astype(np.float32)
    high = 1.0 - _bounds(gap, fixed, optional, w, best=True)
    low = 1.0 - _bounds(far, fixed, optional, w, best=False)
    return low, high


def _pair_range(documents: list[Document], corpus: Corpus, weights: Mapping[str, float] | None,
                i: int, j: int) -> tuple[float, float]:
    from negotiation.analysis.compare import compare

    s = compare(documents[i], documents[j], taxonomy=corpus.taxonomy, weights=weights).summary
    return s.low, s.high


def _reported_rows_range(enc: Encoding, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(low, high) of rows whose every stance may be left out and none is bracketed (``reported`` documents).

    Nothing is fixed in such a pair, so the extremes are single issues: the highest index
    keeps only the closest issue both state, the lowest only the farthest — no iteration.
    Pairs with a bracketed or otherwise uncertain column are computed again, exactly, by
    the general path (:func:`_rows_range`), which runs after this one and overwrites them.
    """
    import numpy as np

    lo, hi = _ends(enc)
    lo_i, hi_i = lo[rows][:, None, :], hi[rows][:, None, :]
    lo_j, hi_j = lo[cols][None, :, :], hi[cols][None, :, :]
    gap = np.maximum(lo_i - hi_j, lo_j - hi_i)
    np.clip(gap, 0.0, 1.0, out=gap)
    for p, k in enumerate(enc.set_columns):
        gap[:, :, k] = set_distances(enc.masks[rows, p], enc.masks[cols, p], np.float32)
    # gaps lie in [0, 1]: pushed 2 out of range where not both state the issue, one pass each way
    outside = ~(enc.stated[rows][:, None, :] & enc.stated[cols][None, :, :]) * np.float32(2.0)
    nearest = (gap + outside).min(axis=-1)
    np.subtract(gap, outside, out=gap)
    farthest = gap.max(axis=-1)
    nearest[nearest > 1.5] = np.inf
    farthest[farthest < -0.5] = -np.inf
    with np.errstate(invalid="ignore"):
        high = np.where(np.isinf(nearest), np.nan, 1.0 - nearest)
        low = np.where(np.isinf(farthest), np.nan, 1.0 - farthest)
    return low, high


@takes(corpus=CORPUS, documents=IDS.or_none(), weights=WEIGHTS)
def matrix_range(
    corpus: Corpus,
    documents: Iterable[str | Document] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
) -> MatrixRange:
    """Pairwise convergence of documents with its range (the ``low``/``high`` of each pair).

    Parameters
    ----------
    corpus
        The corpus whose taxonomy measures the documents.
    documents
        Ids, ``PARTY@DATE`` positions or Document objects; by default every document of
        the corpus in date order.
    weights
        Issue weights for the convergence index; issues not named keep the taxonomy's.

    Returns
    -------
    MatrixRange
        ``convergence``, ``low`` and ``high`` DataFrames (documents × documents, float64);
        each ``low``/``high`` entry equals ``compare(a, b).summary.low``/``high``.

    Examples
    --------
    >>> import negotiation as ng
    >>> corpus = ng.load()
    >>> r = ng.matrix_range(corpus, ["istanbul-draft-2022-04", "us-28-point-2025-11"])
    >>> bool(r.low.iloc[0, 1] < r.convergence.iloc[0, 1])  # the draft's brackets widen the range
    True
    """
    import numpy as np
    import pandas as pd

    docs = documents_of(corpus, documents)
    enc = Encoding.of(docs, corpus.taxonomy, weights)
    point = convergence(enc).astype(np.float64)  # float32 kernel: within about 1e-6 of compare()
    _unit_diagonal(point)
    low, high = point.copy(), point.copy()
    flags = _flags(docs, enc, corpus)
    reported_only = (flags.optional == enc.stated).all(axis=1) & ~flags.bracketed.any(axis=1) & flags.uncertain
    quick = np.flatnonzero(reported_only & ~flags.readings)
    for start in range(0, len(quick), ROWS):
        rows = quick[start:start + ROWS]
        cols = np.setdiff1d(np.arange(len(docs)), quick[:start], assume_unique=True)  # earlier blocks: done
        lo_rows, hi_rows = _reported_rows_range(enc, rows, cols)
        low[np.ix_(rows, cols)], high[np.ix_(rows, cols)] = lo_rows, hi_rows
        low[np.ix_(cols, rows)], high[np.ix_(cols, rows)] = lo_rows.T, hi_rows.T
    vector_rows = np.flatnonzero(flags.uncertain & ~flags.readings & ~reported_only)
    for start in range(0, len(vector_rows), ROWS):
        rows = vector_rows[start:start + ROWS]
        lo_rows, hi_rows = _rows_range(enc, flags, rows)
        low[rows], high[rows] = lo_rows, hi_rows
        low[:, rows], high[:, rows] = lo_rows.T, hi_rows.T
    for i in np.flatnonzero(flags.readings):
        for j in range(len(docs)):
            low[i, j], high[i, j] = low[j, i], high[j, i] = _pair_range(docs, corpus, weights, i, j)
    for m in (low, high):
        diagonal = np.diag(point).copy()
        np.fill_diagonal(m, diagonal)
    ids = pd.Index(enc.ids)
    frame = {name: pd.DataFrame(values, index=ids, columns=ids, copy=False) for name, values in
             (("convergence", point), ("low", low), ("high", high))}
    return MatrixRange(**frame)
