"""Many documents at once: pairwise convergence from a documents × issues encoding.

``compare()`` on two documents walks tuples; matrices multiply comparisons, so documents
are stacked once into an :class:`~negotiation.analysis.encoding.Encoding` and every pair's
convergence index is computed with numpy, one tile of rows × columns at a time:

- ordered issues (ordinal, numeric, flag): ``gap = max(0, lo_i - hi_j, lo_j - hi_i)``; an
  issue a document does not state (and every set-scale column) is encoded as the whole
  interval [0, 1], whose gap to anything is 0, so no mask multiplies the gaps; the
  weighted sum is one matrix-vector product (set columns weigh 0 in it);
- set issues: member sets are uint64 bitmasks, Jaccard distances come from popcounts, and
  a bracket's alternatives are one more array axis (the smallest distance wins), so no
  Python loop runs over documents or brackets;
- the weights of the issues both state: ``(s_i * w) @ s_j.T``.

The products are single-threaded ``einsum`` calls: they are small, and a threaded BLAS
waiting for busy cores was measured ten times slower on a shared two-core machine.

The convergence index is ``1 - weighted gap / weight`` (NaN where no issue is stated by
both). The matrix is symmetric, so only tiles on or above the diagonal are computed.
Memory grows with the tile (``block`` rows × up to 512 columns × issues), not with the
corpus; ``out=`` streams rows to a zarr store, and with the ``[dask]`` extra the same
tiles run as a ``dask.array`` computation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from negotiation.analysis.encoding import Encoding, set_distances
from negotiation.model.arguments import BOOL, CORPUS, COUNT, FOLDER, IDS, WEIGHTS, id_list, takes
from negotiation.model.models import Corpus, Document

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Encoding", "convergence", "cross_convergence", "matrix", "strips"]

COLUMNS = 512
"""Columns per tile: bounds the working memory to ``block`` × COLUMNS × issues."""


@dataclass(frozen=True)
class _Prepared:
    """An encoding laid out for the kernel, in one dtype."""

    lo: np.ndarray  # documents × issues; unstated and set columns: 0
    hi: np.ndarray  # documents × issues; unstated and set columns: 1
    ws: np.ndarray  # documents × issues: stated * weight
    s: np.ndarray  # documents × issues: stated as 0/1
    w_ordered: np.ndarray
    set_columns: tuple[int, ...]
    set_weights: tuple[float, ...]
    masks: np.ndarray

    @classmethod
    def of(cls, enc: Encoding, dtype: Any) -> _Prepared:
        """The kernel's layout of ``enc``, made once per encoding and dtype (encodings are frozen)."""
        import numpy as np

        memo: dict[Any, _Prepared] = enc.__dict__.setdefault("_prepared", {})
        key = np.dtype(dtype)
        if key not in memo:
            memo[key] = cls._make(enc, key)
        return memo[key]

    @classmethod
    def _make(cls, enc: Encoding, dtype: Any) -> _Prepared:
        import numpy as np

        # Set columns and unstated entries become [0, 1]: a gap of 0 to anything, and the
        # set columns weigh 0 in the ordered sum (they are measured on their bitmasks).
        lo = np.nan_to_num(enc.lo.astype(dtype), copy=False, nan=0.0)
        hi = np.nan_to_num(enc.hi.astype(dtype), copy=False, nan=1.0)
        unstated = ~enc.stated
        lo[unstated] = 0.0
        hi[unstated] = 1.0
        w_ordered = enc.weights.astype(dtype)
        w_ordered[list(enc.set_columns)] = 0.0
        s = enc.stated.astype(dtype)
        return cls(
            lo=lo, hi=hi,
            ws=s * enc.weights.astype(dtype), s=s,
            w_ordered=w_ordered,
            set_columns=enc.set_columns,
            set_weights=tuple(float(enc.weights[k]) for k in enc.set_columns),
            masks=enc.masks,
        )


def _tile(a: _Prepared, rows: slice, b: _Prepared, cols: slice, work: dict[str, Any] | None = None) -> np.ndarray:
    """Convergence of rows of ``a`` against columns of ``b`` (a rows × columns array).

    ``work`` keeps scratch buffers between calls of one computation (fewer page faults).
    """
    import numpy as np

    lo_i, hi_i = a.lo[rows], a.hi[rows]
    lo_j, hi_j = b.lo[cols], b.hi[cols]
    shape = (lo_i.shape[0], lo_j.shape[0], lo_i.shape[1])
    work = {} if work is None else work
    size = shape[0] * shape[1] * shape[2]
    if work.get("size", -1) < size:
        work.update(size=size, gap=np.empty(size, a.lo.dtype), other=np.empty(size, a.lo.dtype),
                    zero=np.zeros(size, a.lo.dtype))
    gap, other = work["gap"][:size].reshape(shape), work["other"][:size].reshape(shape)
    np.subtract(lo_i[:, None, :], hi_j[None, :, :], out=gap)
    np.subtract(lo_j[None, :, :], hi_i[:, None, :], out=other)
    np.maximum(gap, other, out=gap)
    np.maximum(gap, work["zero"][:size].reshape(shape), out=gap)  # an array, not 0: numpy's faster loop
    # einsum, not BLAS: these products are small, and a threaded BLAS waiting on busy cores
    # was measured 10× slower than this single-threaded loop on a loaded 2-core machine.
    weighted: np.ndarray = np.einsum("ijk,k->ij", gap, a.w_ordered)
    for p, k in enumerate(a.set_columns):
        d = set_distances(a.masks[rows, p], b.masks[cols, p], weighted.dtype)
        d *= a.s[rows, k][:, None]
        d *= b.s[cols, k][None, :]
        d *= a.set_weights[p]
        weighted += d
    den = np.einsum("ik,jk->ij", a.ws[rows], b.s[cols])
    with np.errstate(invalid="ignore", divide="ignore"):
        np.divide(weighted, den, out=weighted)
    np.subtract(1, weighted, out=weighted)
    weighted[den <= 0] = np.nan
    return weighted


def _dtype(dtype: Any) -> Any:
    import numpy as np

    return np.dtype(np.float32 if dtype is None else dtype)


def convergence(enc: Encoding, *, block: int = 64, dtype: Any = None) -> np.ndarray:
    """Pairwise convergence index of an encoding's documents (documents × documents).

    Tiles on and above the diagonal are computed (``block`` rows by up to
    :data:`COLUMNS` columns) and mirrored below it, so the result is exactly symmetric;
    ``dtype`` is float32 (default: exact to about 1e-6) or float64.
    """
    import numpy as np

    dt = _dtype(dtype)
    prep = _Prepared.of(enc, dt)
    work: dict[str, Any] = {}
    n = len(enc)
    out = np.empty((n, n), dtype=dt)
    for r0 in range(0, n, block):
        rows = slice(r0, min(n, r0 + block))
        for c0 in range(r0, n, COLUMNS):
            cols = slice(c0, min(n, c0 + COLUMNS))
            out[rows, cols] = _tile(prep, rows, prep, cols, work)
        square = out[rows, rows]
        lower = np.tril_indices(rows.stop - r0, -1)
        square[lower] = square.T[lower]
        out[rows.stop:, rows] = out[rows, rows.stop:].T
    return out


def cross_convergence(rows: Encoding, columns: Encoding, *, block: int = 64, dtype: Any = None) -> np.ndarray:
    """Convergence of every document of ``rows`` with every document of ``columns``.

    For a few documents (candidate packages, one query) against many: the result is
    ``len(rows)`` × ``len(columns)``, computed in tiles, so memory beyond the result is
    bounded by ``block``. Both encodings must be on the same issues.
    """
    import numpy as np

    if rows.issues != columns.issues:
        raise ValueError("the two encodings are on different issues")
    dt = _dtype(dtype)
    a, b = _Prepared.of(rows, dt), _Prepared.of(columns, dt)
    work: dict[str, Any] = {}
    n, m = len(rows), len(columns)
    out = np.empty((n, m), dtype=dt)
    width = max(COLUMNS, block * COLUMNS // max(1, min(n, block)))  # few rows: wider tiles, same memory
    for r0 in range(0, n, block):
        rs = slice(r0, min(n, r0 + block))
        for c0 in range(0, m, width):
            cs = slice(c0, min(m, c0 + width))
            out[rs, cs] = _tile(a, rs, b, cs, work)
    return out


def _strip(prep: _Prepared, rows: slice, work: dict[str, Any]) -> np.ndarray:
    """Rows of the convergence matrix, full width, with 1 on the diagonal."""
    import numpy as np

    n = prep.lo.shape[0]
    strip = np.empty((rows.stop - rows.start, n), dtype=prep.lo.dtype)
    for c0 in range(0, n, COLUMNS):
        cols = slice(c0, min(n, c0 + COLUMNS))
        strip[:, cols] = _tile(prep, rows, prep, cols, work)
    _unit_diagonal(strip, rows.start)
    return strip


def strips(enc: Encoding, *, block: int = 64, dtype: Any = None) -> Iterator[tuple[slice, np.ndarray]]:
    """The convergence matrix as full-width row strips: ``(rows, block × documents array)``.

    Memory stays at one strip whatever the corpus size; used to stream a matrix to disk.
    """
    prep = _Prepared.of(enc, _dtype(dtype))
    work: dict[str, Any] = {}
    n = len(enc)
    for r0 in range(0, n, block):
        rows = slice(r0, min(n, r0 + block))
        yield rows, _strip(prep, rows, work)


def _unit_diagonal(values: np.ndarray, offset: int = 0) -> None:
    """1 on the diagonal wherever it is not NaN (a document always agrees with itself)."""
    import numpy as np

    k = np.arange(min(values.shape[0], values.shape[1] - offset))
    diag = values[k, k + offset]
    values[k, k + offset] = np.where(np.isnan(diag), diag, 1.0)


def convergence_dask(enc: Encoding, *, block: int = 64, dtype: Any = None) -> Any:
    """The convergence matrix as a lazy ``dask.array`` of row strips (needs the ``[dask]`` extra).

    Each chunk is one strip of :func:`strips`, computed independently (tasks share only
    the read-only encoding); compute it on any scheduler or a ``distributed`` cluster,
    or store it with ``dask.array.to_zarr``.
    """
    try:
        import dask.array as da
    except ImportError:  # pragma: no cover - depends on the extra
        from negotiation.errors import NegotiationError

        raise NegotiationError("dask is not installed: pip install 'negotiation[dask]'") from None
    import numpy as np

    dt = _dtype(dtype)
    n = len(enc)
    prep = _Prepared.of(enc, dt)

    def strip(index: np.ndarray) -> np.ndarray:
        return _strip(prep, slice(int(index[0]), int(index[-1]) + 1), {})

    index = da.arange(n, chunks=block)
    return da.map_blocks(  # type: ignore[no-untyped-call]
        strip, index, new_axis=1, chunks=(index.chunks[0], (n,)), dtype=dt, meta=np.empty((0, 0), dtype=dt)
    )


def write_matrix(enc: Encoding, path: str | Path, *, block: int = 64, dtype: Any = None,
                 use_dask: bool = False) -> Any:
    """Stream the convergence matrix to a zarr store at ``path``; returns the zarr array.

    Rows are written one strip at a time (memory: one strip), chunked ``block`` rows by
    the full width; the document ids are stored in the array's ``ids`` attribute. With
    ``use_dask`` the strips are computed by dask (``[dask]`` extra) on the current
    scheduler.
    """
    try:
        import zarr
    except ImportError:  # pragma: no cover - depends on the extra
        from negotiation.errors import NegotiationError

        raise NegotiationError("zarr is not installed: pip install 'negotiation[dask]'") from None
    dt = _dtype(dtype)
    n = len(enc)
    if use_dask:
        import dask.array as da

        da.to_zarr(convergence_dask(enc, block=block, dtype=dt), str(path), overwrite=True)  # type: ignore[no-untyped-call]
        array = zarr.open_array(str(path), mode="r+")
    else:
        array = zarr.open_array(str(path), mode="w", shape=(n, n), chunks=(block, n), dtype=dt)
        for rows, strip in strips(enc, block=block, dtype=dt):
            array[rows, :] = strip
    array.attrs["ids"] = list(enc.ids)
    return array


def documents_of(corpus: Corpus, documents: Iterable[str | Document] | None) -> list[Document]:
    """The documents named (ids, ``PARTY@DATE`` specs or documents), or all of the corpus's in date order."""
    if documents is None:
        return list(corpus)
    return [corpus.resolve(d) for d in id_list(documents, "matrix") or []]


@takes(corpus=CORPUS, documents=IDS.or_none(), weights=WEIGHTS, block=COUNT, out=FOLDER.or_none(), use_dask=BOOL)
def matrix(
    corpus: Corpus,
    documents: Iterable[str | Document] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    dtype: Any = None,
    block: int = 64,
    out: str | Path | None = None,
    use_dask: bool = False,
) -> Any:
    """Pairwise convergence of documents as a square DataFrame (1 on the diagonal).

    Parameters
    ----------
    corpus
        The corpus whose taxonomy measures the documents.
    documents
        Ids, ``PARTY@DATE`` positions or Document objects; by default every document of
        the corpus in date order.
    weights
        Issue weights for the convergence index; issues not named keep the taxonomy's.
    dtype
        float32 (default; within about 1e-6 of :func:`compare`) or float64.
    block
        Rows per tile; memory grows with ``block`` × 512 × issues.
    out
        A path: stream the matrix to a zarr store there instead of building it in memory,
        and return the zarr array (``[dask]`` extra: zarr).
    use_dask
        Compute the strips with dask (``[dask]`` extra); with ``out`` they are stored
        there, without it the lazy ``dask.array`` is returned.

    Returns
    -------
    pandas.DataFrame
        Documents × documents, float64. A pair that states no issue in common is NaN (a
        document that states nothing is NaN even against itself). A zarr or dask array
        with ``out`` or ``use_dask``.
    """
    docs = documents_of(corpus, documents)
    enc = Encoding.of(docs, corpus.taxonomy, weights)
    if out is not None:
        return write_matrix(enc, out, block=block, dtype=dtype, use_dask=use_dask)
    if use_dask:
        return convergence_dask(enc, block=block, dtype=dtype)
    import pandas as pd

    values = convergence(enc, block=block, dtype=dtype)
    _unit_diagonal(values)
    return pd.DataFrame(values.astype("float64", copy=False), index=list(enc.ids), columns=list(enc.ids))
